"""What ``workbench fetch`` can be asked for: its tables, first year and APIs (light: the CLI reads it at start)."""

from __future__ import annotations

TABLES = ("84851NED", "84849NED", "84852NED", "84854NED", "85361NED")
"""The Veilig Thuis tables: by aard, by melder, the safety assessment and what followed (read by the reports), and
one more for a later chapter."""
FROM_YEAR = 2019
API_NAMES = ("v4", "v3")
"""The APIs, as ``--api`` names them (see :data:`workbench.fetch.tables.APIS`)."""
DEFAULT_API = "v4"
"""CBS's recommended API: the old v3 service is to be phased out in favour of v4 (see the README)."""
