"""Shared fixtures, and the rules every test follows.

- Every test carries exactly one marker: ``unit`` (pure functions on small frames, no data folder, no kernel;
  ``./wb test -m unit`` runs them in seconds), ``data`` (reads the shipped data or runs the command line) or
  ``e2e`` (runs notebooks, builds pages, drives a browser).
- No test writes into the project's own ``build/``: the private build folder is a temporary one for the whole
  session (``$WORKBENCH_BUILD_DIR``, inherited by every command a test runs).
"""

import fcntl
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.paths import BUILD_DIR_VARIABLE, DEFAULT_DATA_DIR

KINDS = ("unit", "data", "e2e")


def pytest_collection_modifyitems(items):
    """Refuse a test without exactly one kind marker, so that ``-m unit`` means what it says."""
    for item in items:
        kinds = [k for k in KINDS if item.get_closest_marker(k)]
        if len(kinds) != 1:
            raise pytest.UsageError(f"{item.nodeid}: mark it with exactly one of {', '.join(KINDS)} (has {kinds})")


@pytest.fixture(scope="session", autouse=True)
def private_build_dir(tmp_path_factory):
    """The session's private build folder (caches, runs, batch state), never the project's own."""
    path = tmp_path_factory.mktemp("build")
    before = os.environ.get(BUILD_DIR_VARIABLE)
    os.environ[BUILD_DIR_VARIABLE] = str(path)
    yield path
    if before is None:
        os.environ.pop(BUILD_DIR_VARIABLE, None)
    else:
        os.environ[BUILD_DIR_VARIABLE] = before


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


LOCAL_REGIONS = ["GM0344", "GM0503"]
"""The regions whose gemeenten get their lokale analyse in the hostile site (Utrecht and Delft)."""


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    """All 35 reports and the index, built once from the shipped data with hostile names, formula texts and zeros,
    and the gemeente pages of :data:`LOCAL_REGIONS`.

    Built once per test run: with ``pytest -n`` (``./wb test``) the first worker that needs it builds it in the
    run's shared temporary folder and the others wait for it (a file lock) and read the same site.

    Returns the data folder, the reports folder and the batch result. Tests only read it (a test that changes
    it works on a copy).
    """
    from sites import RENAMES, plant_formulas, plant_zeros, rename_gemeenten
    from workbench.build.batch import run_batch

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # the workers of one run share the parent folder
        shared = shared.parent
    root, data, out = shared / "hostile", shared / "hostile" / "data", shared / "hostile" / "reports"
    built = root / "batch-result.pickle"
    with (shared / "hostile.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the first worker builds, the others wait and read
        if not built.is_file():
            shutil.rmtree(root, ignore_errors=True)
            shutil.copytree(DEFAULT_DATA_DIR, data)
            rename_gemeenten(data, RENAMES)
            plant_formulas(data)
            plant_zeros(data)
            # the gemeente pages only of the two regions with hostile names and the planted zeros (all 342: the
            # benchmark)
            result = run_batch(data=data, out=out, echo=lambda _line: None, local=LOCAL_REGIONS)
            built.write_bytes(pickle.dumps(result))
        result = pickle.loads(built.read_bytes())
    return data, out, result


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Run ``workbench ARGS`` as a user does, in a fresh process; never raises on a non-zero exit."""
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], capture_output=True, text=True, check=False)
