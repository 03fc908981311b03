"""Time `workbench report GM0344` as a user runs it: cold (no cached validation) and warm (validation cached).

Usage: .venv/bin/python benchmarks/bench_report.py [--region GM0344] [--repeat 3]
Prints the wall-clock seconds of each run (a fresh process, as from the command line), the report's size and the
size of the report with its downloads (the limit is 1.5 MB per region).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workbench.checks.summary import cache_file
from workbench.contracts import DOWNLOAD_DIR, REPORT_FILE
from workbench.paths import DEFAULT_DATA_DIR, build_dir


def run(region: str, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "workbench.cli", "report", region, "--out", str(out)], check=True, capture_output=True
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--region", default="GM0344")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cache = cache_file(DEFAULT_DATA_DIR, build_dir())
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        cold = []
        for _ in range(args.repeat):
            cache.unlink(missing_ok=True)
            cold.append(run(args.region, out))
        warm = [run(args.region, out) for _ in range(args.repeat)]
        page = next(out.glob(f"*/{REPORT_FILE}"))
        size = page.stat().st_size
        files = list((page.parent / DOWNLOAD_DIR).iterdir())
        with_files = size + sum(p.stat().st_size for p in files)
    print(
        f"report {args.region}: cold (validation included) median {statistics.median(cold):.1f} s "
        f"{[round(t, 1) for t in cold]}"
    )
    print(
        f"report {args.region}: warm (validation cached)    median {statistics.median(warm):.1f} s "
        f"{[round(t, 1) for t in warm]}"
    )
    print(f"report size: {size / 1e6:.2f} MB; with its {len(files)} downloads: {with_files / 2**20:.2f} MiB")


if __name__ == "__main__":
    main()
