"""What the batch remembers of its last good builds: one fingerprint per page, in the private build folder.

A page is skipped when its fingerprint is unchanged (the workbench's code and templates, its notebook, the input
files, the region's own input file, its parameters, the data folder and the kept key figures of its analysis of
the year before) and the page and its downloads are still
as they were published: a page damaged, truncated or removed afterwards is rebuilt. Whether they are is first
asked of the file system (every file's size and modification time as published); only when that differs are
the contents hashed and compared, so a rerun reads no page it need not.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from workbench.contracts import DOWNLOAD_DIR, kept_figures
from workbench.files import write_atomic
from workbench.fingerprint import code_fingerprint
from workbench.io.regiovisie import file_fingerprint


def state_dir(build: Path, out_dir: Path) -> Path:
    """Where the fingerprints of the last good builds into ``out_dir`` are kept."""
    return build / "state" / hashlib.sha256(str(out_dir.resolve()).encode()).hexdigest()[:16]


def fingerprint(*parts: object) -> str:
    """SHA-256 over the parts (anything JSON can write)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def region_fingerprint(
    notebook: Path,
    inputs_key: str,
    code: str,
    periode: int,
    root: Path,
    local: tuple[Path, ...] = (),
    build: Path | None = None,
) -> str:
    """The fingerprint of one region's report (and, with ``local``: the gemeente notebook, its gemeenten's pages).

    With ``build``, the key figures kept of the region's analysis of the year before count too (the report says
    what that analysis published otherwise).
    """
    earlier = kept_figures(build, code, periode - 1) if build is not None else None
    kept = hashlib.sha256(earlier.read_bytes()).hexdigest() if earlier is not None and earlier.is_file() else ""
    return fingerprint(
        code_fingerprint((notebook, *local)), inputs_key, code, periode, str(root), file_fingerprint(code, root), kept
    )


def output_fingerprint(page: Path) -> str | None:
    """SHA-256 over a published page and the files of its downloads folder; ``None`` when the page is missing."""
    if not page.is_file():
        return None
    digest = hashlib.sha256(page.read_bytes())
    folder = page.parent / DOWNLOAD_DIR
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def stat_signature(page: Path) -> str | None:
    """SHA-256 over the name, size and modification time of a page and its downloads; ``None`` when missing."""
    try:
        own = page.stat()
    except OSError:
        return None
    stats = [(page.name, own.st_size, own.st_mtime_ns)]
    with contextlib.suppress(OSError), os.scandir(page.parent / DOWNLOAD_DIR) as entries:  # no folder: no files
        files = sorted((e for e in entries if e.is_file()), key=lambda e: e.name)
        stats += [(e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in files]
    return hashlib.sha256(json.dumps(stats).encode()).hexdigest()


def _unchanged(page: Path, published: dict) -> bool:
    """Whether ``page`` and its downloads are as published: by their sizes and times, else by their contents."""
    return stat_signature(page) == published.get("stempel") or output_fingerprint(page) == published.get("inhoud")


def _published(page: Path) -> dict:
    return {"inhoud": output_fingerprint(page), "stempel": stat_signature(page)}


def read_state(path: Path) -> dict:
    """The state saved for a page, or ``{}``."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def still_good(path: Path, key: str, page: Path) -> bool:
    """Whether ``page`` is the one built for ``key`` and left as published (not damaged, truncated or removed).

    The pages published with it (a region's gemeenten) must be left as published too.
    """
    state = read_state(path)
    others = state.get("andere", {})
    return (
        state.get("fingerprint") == key
        and isinstance(state.get("gepubliceerd"), dict)
        and _unchanged(page, state["gepubliceerd"])
        and all(isinstance(f, dict) and _unchanged(Path(p), f) for p, f in others.items())
    )


def write_state(path: Path, value: str, page: Path, others: tuple[Path, ...] = ()) -> None:
    """Remember the fingerprint of a page just built, and of the page and files as published."""
    write_atomic(
        path,
        json.dumps(
            {
                "fingerprint": value,
                "gepubliceerd": _published(page),
                "andere": {str(p): _published(p) for p in others},
                "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
        ),
    )
