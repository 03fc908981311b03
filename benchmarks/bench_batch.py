"""Time the batch against the naive way, on this machine, in one run.

(a) cold: `workbench run --zonder-gemeenten` for all 35 regions plus the index, into an empty folder, with the
    build caches (validation result, parsed inputs, fingerprints) removed; three times (median and range: this
    machine's speed varies by 10-20% from minute to minute), the ratio taken with the median;
(b) the same command again with nothing changed (five times: median and range);
(d) the whole site cold: `workbench run` (35 regions, every gemeente's page, the index) on a copy of the data,
    caches removed, with the peak memory of the batch and its kernels together (sampled every 0.2 s); then
    (e) again with nothing changed (five times), and (f) after one region's input file changed;
(c) the naive way: per region the `papermill` command line, then the `jupyter nbconvert` command line, with the
    validation inside the notebook, one region after the other. It is timed on --naive-regions regions and
    scaled to 35 (printed as such).

Usage: .venv/bin/python benchmarks/bench_batch.py [--naive-regions 3]
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
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


RERUNS = 5
COLD_RUNS = 3


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def reruns(cmd: list[str]) -> str:
    """Median and range of :data:`RERUNS` runs of ``cmd`` with nothing changed (the first follows a cold build)."""
    times = sorted(timed(cmd) for _ in range(RERUNS))
    return f"{statistics.median(times):.2f} s (median of {RERUNS}; {times[0]:.2f}–{times[-1]:.2f} s)"


def timed_with_memory(cmd: list[str]) -> tuple[float, float]:
    """Seconds, and the peak of the summed resident memory (MB) of the command and all its children."""
    import psutil

    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        total = 0
        for p in [proc, *proc.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                total += p.memory_info().rss
        peak = max(peak, total)
        time.sleep(0.2)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return time.perf_counter() - start, peak / 1e6


def clear_caches(out: Path) -> None:
    build = build_dir()
    for cache in (build / "validation", build / "cache", state_dir(build, out)):
        shutil.rmtree(cache, ignore_errors=True)


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
        run = [str(BIN / "workbench"), "run", "--zonder-gemeenten", "--out", str(out)]
        colds = []
        for _ in range(COLD_RUNS):
            shutil.rmtree(out, ignore_errors=True)
            clear_caches(out)
            colds.append(timed(run))
        cold = statistics.median(colds)
        rerun = reruns(run)
        built = len(list(out.glob("GM*/regio-analyse.html")))

        data = Path(tmp) / "data"
        shutil.copytree(DEFAULT_DATA_DIR, data)
        site = Path(tmp) / "site"
        clear_caches(site)
        whole = [str(BIN / "workbench"), "run", "--data-dir", str(data), "--out", str(site)]
        site_cold, peak = timed_with_memory(whole)
        pages = len(list(site.glob("GM*/gemeenten/GM*/lokale-analyse.html")))
        site_rerun = reruns(whole)
        changed = data / "regios" / "GM0503" / "regiovisie.yaml"
        changed.write_text(changed.read_text(encoding="utf-8") + "\n# gewijzigd\n", encoding="utf-8")
        site_one = timed(whole)

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
    print(
        f"(a) cold build, 35 regions + index: {cold:.1f} s (median of {COLD_RUNS}: "
        + ", ".join(f"{t:.1f}" for t in colds)
        + f" s; {built} reports)"
    )
    print(f"(b) rerun, nothing changed:         {rerun}")
    print(
        f"(c) naive (papermill + nbconvert command lines, validation in the notebook, sequential): "
        f"{naive:.0f} s for 35 regions, scaled from {len(per_region)} regions at "
        f"{sum(per_region) / len(per_region):.1f} s each"
    )
    print(f"ratio (c)/(a): {naive / cold:.1f}")
    print(
        f"(d) whole site cold, 35 regions + {pages} gemeente pages + index: {site_cold:.1f} s, "
        f"peak memory {peak:.0f} MB"
    )
    print(f"(e) whole site rerun, nothing changed: {site_rerun}")
    print(f"(f) whole site after one region's input file changed (Delft, 4 gemeenten): {site_one:.1f} s")


if __name__ == "__main__":
    main()
