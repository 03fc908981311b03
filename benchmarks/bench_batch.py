"""Time the batch against the naive way, on this machine, in one run.

(a) cold: `workbench run` for all 35 regions plus the index, into an empty folder, with the build caches
    (validation result, parsed inputs, fingerprints) removed;
(b) the same command again with nothing changed;
(c) the naive way: per region the `papermill` command line, then the `jupyter nbconvert` command line, with the
    validation inside the notebook, one region after the other. It is timed on --naive-regions regions and
    scaled to 35 (printed as such).

Usage: .venv/bin/python benchmarks/bench_batch.py [--naive-regions 3]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from workbench.build.runs import NOTEBOOK
from workbench.build.state import state_dir
from workbench.paths import DEFAULT_DATA_DIR, build_dir

BIN = Path(sys.executable).parent
NAIVE_ORDER = ["GM0344", "GM0503", "GM0014", "GM0363", "GM0599", "GM0772"]


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def naive_notebook(folder: Path) -> Path:
    """The region notebook with the validation inside it, as one would write it without the batch."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cell = nbformat.v4.new_code_cell(
        "from workbench.checks.suites import validate_all\n\nvalidation = validate_all(data_dir or None)"
    )
    cell["id"] = "validate"
    nb.cells.insert(2, cell)
    path = folder / "naive.ipynb"
    nbformat.write(nb, path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--naive-regions", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "reports"
        build = build_dir()
        for cache in (build / "validation", build / "cache", state_dir(build, out)):
            shutil.rmtree(cache, ignore_errors=True)
        run = [str(BIN / "workbench"), "run", "--out", str(out)]
        cold = timed(run)
        rerun = timed(run)
        built = len(list(out.glob("GM*/regio-analyse.html")))

        notebook = naive_notebook(Path(tmp))
        naive_out = Path(tmp) / "naive"
        naive_out.mkdir()
        per_region = []
        for code in NAIVE_ORDER[: args.naive_regions]:
            executed = naive_out / f"{code}.ipynb"
            start = time.perf_counter()
            subprocess.run(
                [
                    str(BIN / "papermill"),
                    str(notebook),
                    str(executed),
                    "-p",
                    "regio",
                    code,
                    "-p",
                    "data_dir",
                    str(DEFAULT_DATA_DIR),
                    "-p",
                    "periode",
                    "2024",
                    "--no-progress-bar",
                ],
                check=True,
                capture_output=True,
            )
            subprocess.run(
                [
                    str(BIN / "jupyter"),
                    "nbconvert",
                    "--to",
                    "html",
                    "--no-input",
                    str(executed),
                    "--output-dir",
                    str(naive_out),
                ],
                check=True,
                capture_output=True,
            )
            per_region.append(time.perf_counter() - start)
    naive = sum(per_region) / len(per_region) * 35
    print(f"(a) cold build, 35 regions + index: {cold:.1f} s ({built} reports)")
    print(f"(b) rerun, nothing changed:         {rerun:.1f} s")
    print(
        f"(c) naive (papermill + nbconvert command lines, validation in the notebook, sequential): "
        f"{naive:.0f} s for 35 regions, scaled from {len(per_region)} regions at "
        f"{sum(per_region) / len(per_region):.1f} s each"
    )
    print(f"ratio (c)/(a): {naive / cold:.1f}")


if __name__ == "__main__":
    main()
