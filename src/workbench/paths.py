"""Project locations, resolved from the package's place in the source tree, never from the working directory."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT: Path = Path(__file__).resolve().parents[2]
"""The repository root (the folder that holds ``pyproject.toml``)."""

DEFAULT_DATA_DIR: Path = PROJECT_ROOT / "data"
EXPECTATIONS_DIR: Path = PROJECT_ROOT / "expectations"
NOTEBOOKS_DIR: Path = PROJECT_ROOT / "notebooks"
DEFAULT_REPORTS_DIR: Path = PROJECT_ROOT / "reports"
REGIOS_DIR = Path("regios")
"""Inside a data folder: one folder per region (its centrumgemeente code) with the region's own input files."""


def data_dir(path: str | Path | None = None) -> Path:
    """Return the data folder to use.

    Parameters
    ----------
    path
        A folder given by the user (``--data-dir``); relative paths are taken as given on the command line.
        ``None`` means the project's own ``data/``.

    Returns
    -------
    Path
        An absolute path.
    """
    return DEFAULT_DATA_DIR if path is None else Path(path).resolve()
