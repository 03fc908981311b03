"""CBS's disclosure rule for counts: 0–7 are secret ("."), other counts are rounded to a multiple of 5.

Totals are rounded on their own (from the unrounded total), so they may differ from the sum of rounded parts.
"""

from __future__ import annotations

import pandas as pd

from workbench.io.cells import STATE_SECRET, STATE_VALUE

SECRET_MAX = 7
ROUND_TO = 5
SECRET_TEXT = "."


def round_count(count: int) -> int | None:
    """Apply the rule to one unrounded count.

    Parameters
    ----------
    count
        A non-negative whole number.

    Returns
    -------
    int or None
        ``None`` for 0–7 (secret); else the nearest multiple of 5 (12 → 10, 13 → 15).
    """
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    if count <= SECRET_MAX:
        return None
    return ROUND_TO * ((count + ROUND_TO // 2) // ROUND_TO)


def disclose(counts: pd.Series) -> pd.DataFrame:
    """Apply the rule to a column of unrounded counts.

    Parameters
    ----------
    counts
        Whole, non-negative numbers.

    Returns
    -------
    pandas.DataFrame
        ``aantal`` (``Int64``, missing where secret) and ``status`` (``waarde`` or ``geheim``), same index.
    """
    values = [round_count(int(c)) for c in counts]
    return pd.DataFrame(
        {
            "aantal": pd.array(values, dtype="Int64"),
            "status": pd.array([STATE_SECRET if v is None else STATE_VALUE for v in values], dtype="string"),
        },
        index=counts.index,
    )


def format_count(value: object) -> str:
    """Write a disclosed count for publication: ``.`` where it is secret, else the number with a thin space."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return SECRET_TEXT
    return f"{int(value):,}".replace(",", ".")
