"""Writing a file so that readers only ever see the old or the new version, never a half-written one."""

from __future__ import annotations

import os
import tempfile
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
