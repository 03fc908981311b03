import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.paths import DEFAULT_DATA_DIR


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped data folder that a test may damage."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


def replace_in_file(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    """All 35 reports and the index, built once from the shipped data with hostile gemeente names.

    Returns the data folder, the reports folder and the batch result. Tests only read it (a test that changes
    it works on a copy).
    """
    from sites import RENAMES, rename_gemeenten
    from workbench.build.batch import run_batch

    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    rename_gemeenten(data, RENAMES)
    out = root / "reports"
    result = run_batch(data=data, out=out, echo=lambda _line: None)
    return data, out, result


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Run ``workbench ARGS`` as a user does, in a fresh process; never raises on a non-zero exit."""
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], capture_output=True, text=True, check=False)
