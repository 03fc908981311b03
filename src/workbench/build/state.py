"""What the batch remembers of its last good builds: one fingerprint per page, in the private build folder.

A page is skipped when its fingerprint is unchanged: the workbench's code and templates, its notebook, the input
files, the region's own input file, its parameters and the data folder.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from workbench.files import write_atomic
from workbench.fingerprint import code_fingerprint
from workbench.io.regiovisie import file_fingerprint


def state_dir(build: Path, out_dir: Path) -> Path:
    """Where the fingerprints of the last good builds into ``out_dir`` are kept."""
    return build / "state" / hashlib.sha256(str(out_dir.resolve()).encode()).hexdigest()[:16]


def fingerprint(*parts: object) -> str:
    """SHA-256 over the parts (anything JSON can write)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def region_fingerprint(notebook: Path, inputs_key: str, code: str, periode: int, root: Path) -> str:
    """The fingerprint of one region's report."""
    return fingerprint(
        code_fingerprint((notebook,)), inputs_key, code, periode, str(root), file_fingerprint(code, root)
    )


def read_state(path: Path) -> dict:
    """The state saved for a page, or ``{}``."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_state(path: Path, value: str) -> None:
    """Remember the fingerprint of a page just built."""
    write_atomic(path, json.dumps({"fingerprint": value, "built_at": datetime.now(UTC).isoformat(timespec="seconds")}))
