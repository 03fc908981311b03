"""Every location the workbench uses, resolved from the package's place in the source tree.

Never from the working directory; each can be overridden at the edge (the command line, a notebook parameter, a
test).

The private build folder (caches, runs, batch state) is ``build/`` in the project, or ``$WORKBENCH_BUILD_DIR``
when that is set (so that tests never write into the project's own build folder).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT: Path = Path(__file__).resolve().parents[2]
"""The repository root (the folder that holds ``pyproject.toml``)."""

DEFAULT_DATA_DIR: Path = PROJECT_ROOT / "data"
EXPECTATIONS_DIR: Path = PROJECT_ROOT / "expectations"
NOTEBOOKS_DIR: Path = PROJECT_ROOT / "notebooks"
DEFAULT_REPORTS_DIR: Path = PROJECT_ROOT / "reports"
DEFAULT_BUILD_DIR: Path = PROJECT_ROOT / "build"
BUILD_DIR_VARIABLE = "WORKBENCH_BUILD_DIR"
"""The environment variable that moves the private build folder."""
REGIOS_DIR = Path("regios")
"""Inside a data folder: one folder per region (its centrumgemeente code) with the region's own input files."""


CALLER_DIR_VARIABLE = "WORKBENCH_CALLER_DIR"
"""Set by ``./wb`` to the folder the user called it from (it runs the command from the project root)."""


def user_path(path: str | Path) -> Path:
    """A folder the user typed, as an absolute path: a relative one counts from where the user called the command."""
    given = Path(path).expanduser()
    if given.is_absolute():
        return given.resolve()
    return (Path(os.environ.get(CALLER_DIR_VARIABLE) or os.getcwd()) / given).resolve()


def data_dir(path: str | Path | None = None) -> Path:
    """Return the data folder to use.

    Parameters
    ----------
    path
        A folder given by the user (``--data-dir``); a relative path counts from where the user called the command
        (see :func:`user_path`).
        ``None`` means the project's own ``data/``.

    Returns
    -------
    Path
        An absolute path.
    """
    return DEFAULT_DATA_DIR if path is None else user_path(path)


def build_dir(path: str | Path | None = None) -> Path:
    """Return the private build folder: ``path``, else ``$WORKBENCH_BUILD_DIR``, else the project's ``build/``."""
    if path is not None:
        return user_path(path)
    override = os.environ.get(BUILD_DIR_VARIABLE)
    return Path(override).resolve() if override else DEFAULT_BUILD_DIR


def reports_dir(path: str | Path | None = None) -> Path:
    """Return the reports folder: ``path`` (``--out``), else the project's ``reports/``."""
    return DEFAULT_REPORTS_DIR if path is None else user_path(path)
