"""Build the national overview ``OUT/index.html`` from its own notebook, after the regions of a batch."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path

from workbench.build.kernel import WarmKernel
from workbench.build.outcome import Outcome
from workbench.build.publish import publish
from workbench.build.runs import OVERVIEW_NOTEBOOK, Run, check_parameters, execute, new_run
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


def index_status(regions: list[Outcome], out_dir: Path, withheld: frozenset[str]) -> dict[str, dict]:
    """Per region what the overview shows of its build: status, whether a report and which gemeente pages exist."""
    return {
        o.code: {
            "status": o.status,
            "rapport": (out_dir / o.code / REPORT_FILE).is_file(),
            "gemeenten": sorted(p.parent.name for p in (out_dir / o.code / GEMEENTEN_DIR).glob(f"GM*/{LOCAL_FILE}")),
            BLOCKED_KEY: o.code in withheld,
        }
        for o in regions
    }


def index_key(status: dict[str, dict], root: Path, periode: int, inputs: str) -> str:
    """The fingerprint of everything the overview shows: its notebook and code, the inputs, the regions' builds."""
    return fingerprint(
        code_fingerprint((OVERVIEW_NOTEBOOK,)),
        inputs,
        periode,
        str(root),
        {
            c: (s["status"] in (FAILED, BLOCKED), s["rapport"], s[BLOCKED_KEY], s["gemeenten"])
            for c, s in status.items()
        },
    )


def _index_run(build: Path, root: Path, periode: int, timeout: int) -> Run:
    status_file = build / "runs" / "index" / "status.json"
    status_file.unlink(missing_ok=True)  # never the status of another batch
    return new_run(
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


def _publish(run: Run, out_dir: Path, periode: int, state_file: Path, key: str, start: float) -> Outcome:
    target = out_dir / INDEX_FILE
    try:
        publish(run, "index", target, overview_title(periode), root="")
    except BuildError as exc:
        return Outcome("index", NAME, FAILED, exc.reason, time.perf_counter() - start, run.log, run.executed)
    write_state(state_file, key, target)
    return Outcome("index", NAME, BUILT, "", time.perf_counter() - start, None, run.executed)


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
    status = index_status(regions, out_dir, withheld)
    key = index_key(status, root, periode, inputs)
    state_file = states / "index.json"
    if not force and still_good(state_file, key, out_dir / INDEX_FILE):
        return Outcome("index", NAME, UNCHANGED)
    run = _index_run(build, root, periode, timeout)
    write_atomic(Path(run.parameters["status"]), json.dumps(status, ensure_ascii=False))
    start = time.perf_counter()
    try:
        check_parameters(OVERVIEW_NOTEBOOK, run.parameters, "index")
        error = execute(run, "index", kernel)
        if error is not None:
            raise error
    except BuildError as exc:
        return Outcome("index", NAME, FAILED, exc.reason, time.perf_counter() - start, run.log, run.executed)
    return _publish(run, out_dir, periode, state_file, key, start)


class EarlyIndex:
    """The overview's notebook, started while the batch's last regions are still being built.

    It runs on a kernel of the batch's (``take`` waits until no region needs one) and computes everything but
    the regions' build status, which :meth:`finish` writes when they are done. Anything that goes wrong there
    leaves :meth:`finish` without an outcome, and the batch builds the overview the usual way.
    """

    def __init__(self, run: Run, take: Callable[[], WarmKernel], give: Callable[[WarmKernel], None]) -> None:
        self.run = run
        self.error: Exception | None = None
        self.start_time = time.perf_counter()  # from when it has a kernel
        self._thread = threading.Thread(target=self._work, args=(take, give), name="overzicht", daemon=True)

    @classmethod
    def start(
        cls,
        take: Callable[[], WarmKernel],
        give: Callable[[WarmKernel], None],
        root: Path,
        build: Path,
        periode: int,
        timeout: int,
    ) -> EarlyIndex:
        """Start the overview's notebook on the first kernel ``take`` hands out."""
        early = cls(_index_run(build, root, periode, timeout), take, give)
        early._thread.start()
        return early

    def _work(self, take: Callable[[], WarmKernel], give: Callable[[WarmKernel], None]) -> None:
        try:
            kernel = take()
        except Exception as exc:  # pragma: no cover - the pool is closed: the batch is stopping
            self.error = exc
            return
        try:
            self.start_time = time.perf_counter()
            check_parameters(OVERVIEW_NOTEBOOK, self.run.parameters, "index")
            self.error = execute(self.run, "index", kernel)
        except Exception as exc:
            self.error = exc
        finally:
            give(kernel)

    def finish(
        self, regions: list[Outcome], out_dir: Path, force: bool, inputs: str, states: Path, withheld: frozenset[str]
    ) -> Outcome | None:
        """Hand the notebook the regions' status, wait for it and publish; ``None`` when it did not run well."""
        status = index_status(regions, out_dir, withheld)
        write_atomic(Path(self.run.parameters["status"]), json.dumps(status, ensure_ascii=False))
        self._thread.join()
        if self.error is not None:
            return None
        key = index_key(status, Path(self.run.parameters["data_dir"]), self.run.parameters["periode"], inputs)
        state_file = states / "index.json"
        if not force and still_good(state_file, key, out_dir / INDEX_FILE):
            return Outcome("index", NAME, UNCHANGED)
        return _publish(self.run, out_dir, self.run.parameters["periode"], state_file, key, self.start_time)
