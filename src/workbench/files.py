"""Writing a file so that readers only ever see the old or the new version, never a half-written one."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from pathlib import Path


def write_atomic(target: Path, content: str | bytes) -> Path:
    """Write ``content`` (text as UTF-8, with the line endings it has) next to ``target``, then rename it over it.

    A failure, or a process killed midway, leaves the previous file whole; the temporary file is removed on an
    error (a killed process may leave a hidden ``.NAME.*.tmp``, which the batch clears). Returns ``target``.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def prune(folder: Path, keep: int) -> None:
    """Keep only the ``keep`` newest files of ``folder``: a cache that would otherwise grow with every input.

    Hidden files (another writer's temporary file, see :func:`write_atomic`) are left alone.
    """
    if not folder.is_dir():
        return
    files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    for old in sorted(files, key=_modified, reverse=True)[keep:]:
        old.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile by another process
        return 0.0


def ensure_writable(folder: Path) -> None:
    """Make ``folder`` and check that a file can be written in it, before any work is done for it.

    Raises the ``OSError`` (read-only, full, not a folder) at once, instead of after a build has run.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".schrijftest.", suffix=".tmp") as probe:
        probe.write(b"x")
        probe.flush()


def folder_size(folder: Path) -> int:
    """The bytes of all files below ``folder`` (0 when it does not exist; one directory read per folder)."""
    total = 0
    with contextlib.suppress(OSError), os.scandir(folder) as entries:  # absent, or removed meanwhile
        for entry in entries:
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False):
                    total += folder_size(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    total += entry.stat(follow_symlinks=False).st_size
    return total


def wait_for_json(path: Path, seconds: float, what: str) -> dict:
    """The JSON in ``path`` once another process has written it (atomically); ``TimeoutError`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not path.is_file():
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {what} after {seconds} s")
        time.sleep(0.05)
    return json.loads(path.read_text(encoding="utf-8"))
