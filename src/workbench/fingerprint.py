"""One fingerprint of the workbench's own code, for every cache and rebuild decision that depends on it."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from workbench.paths import PROJECT_ROOT

PACKAGE = Path(__file__).parent
CODE_SUFFIXES = {".py", ".j2", ".css", ".json", ".yaml"}


@cache
def _package_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in CODE_SUFFIXES):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def code_fingerprint(notebooks: tuple[Path, ...] = ()) -> str:
    """SHA-256 over the package's code and templates, and the given notebooks (a changed file changes it)."""
    digest = hashlib.sha256(_package_digest().encode())
    for path in notebooks:
        digest.update(str(path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
