"""Build the national overview ``OUT/index.html`` from its own notebook, after the regions of a batch."""

from __future__ import annotations

import json
import time
from pathlib import Path

from workbench.build.kernel import WarmKernel
from workbench.build.outcome import Outcome
from workbench.build.publish import publish
from workbench.build.runs import OVERVIEW_NOTEBOOK, check_parameters, execute, new_run
from workbench.build.state import fingerprint, still_good, write_state
from workbench.contracts import (
    BLOCKED,
    BLOCKED_KEY,
    BUILT,
    DOWNLOAD_DIR,
    FAILED,
    GEMEENTEN_DIR,
    INDEX_FILE,
    LOCAL_FILE,
    REPORT_FILE,
    UNCHANGED,
)
from workbench.errors import BuildError
from workbench.files import write_atomic
from workbench.fingerprint import code_fingerprint
from workbench.report.texts import overview_title

NAME = "landelijk overzicht"


def build_index(
    regions: list[Outcome],
    root: Path,
    out_dir: Path,
    build: Path,
    periode: int,
    timeout: int,
    force: bool,
    inputs: str,
    states: Path,
    kernel: WarmKernel | None = None,
    withheld: frozenset[str] = frozenset(),
) -> Outcome:
    """Build ``OUT/index.html`` unless nothing it shows has changed; return its outcome.

    ``regions`` are the batch's outcomes (their status goes into the overview, with whether a report exists);
    ``withheld`` are the regions whose input failed validation: the overview shows no figure of theirs.
    """
    status = {
        o.code: {
            "status": o.status,
            "rapport": (out_dir / o.code / REPORT_FILE).is_file(),
            "gemeenten": sorted(p.parent.name for p in (out_dir / o.code / GEMEENTEN_DIR).glob(f"GM*/{LOCAL_FILE}")),
            BLOCKED_KEY: o.code in withheld,
        }
        for o in regions
    }
    target = out_dir / INDEX_FILE
    key = fingerprint(
        code_fingerprint((OVERVIEW_NOTEBOOK,)),
        inputs,
        periode,
        str(root),
        {
            c: (s["status"] in (FAILED, BLOCKED), s["rapport"], s[BLOCKED_KEY], s["gemeenten"])
            for c, s in status.items()
        },
    )
    state_file = states / "index.json"
    if not force and still_good(state_file, key, target):
        return Outcome("index", NAME, UNCHANGED)
    status_file = build / "runs" / "index" / "status.json"
    write_atomic(status_file, json.dumps(status, ensure_ascii=False))
    run = new_run(
        "index",
        build,
        OVERVIEW_NOTEBOOK,
        {
            "data_dir": str(root),
            "periode": int(periode),
            "status": str(status_file),
            "bestanden": str(build / "runs" / "index" / DOWNLOAD_DIR),
        },
        timeout,
    )
    start = time.perf_counter()
    try:
        check_parameters(OVERVIEW_NOTEBOOK, run.parameters, "index")
        error = execute(run, "index", kernel)
        if error is not None:
            raise error
        publish(run, "index", target, overview_title(periode), root="")
    except BuildError as exc:
        return Outcome("index", NAME, FAILED, exc.reason, time.perf_counter() - start, run.log, run.executed)
    write_state(state_file, key, target)
    return Outcome("index", NAME, BUILT, "", time.perf_counter() - start, None, run.executed)
