"""Build many regions at once: validated once, in parallel, incremental, failure-isolated, with an index.

- Validation runs once, beside the notebooks (on new inputs; else its cached result is used); a failure stops
  only the regions it concerns, and no page is published before it is known.
- A region whose notebook, package code, inputs and parameters are unchanged since its last good build is
  skipped (``force`` rebuilds); the fingerprint of the last good build is kept in the private build folder.
- Each region runs in its own kernel (Unix sockets, no ports); one failing region (an exception, a dead
  kernel, a cell past the timeout, a notebook that stops early) does not stop the others, and its last good
  report stays in place. A kernel that fails to start is retried once.
- With no regions named, the national overview ``OUT/index.html`` is built last from its own notebook.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from workbench.build.index import EarlyIndex, build_index
from workbench.build.kernel import KernelPool
from workbench.build.outcome import BatchResult, Outcome
from workbench.build.publish import publish_statement, report_target
from workbench.build.report import Validation, build_region
from workbench.build.runs import (
    CELL_TIMEOUT_SECONDS,
    LOCAL_NOTEBOOK,
    LOCAL_PARAMETER,
    NOTEBOOK,
    check_parameters,
    declares,
)
from workbench.build.state import region_fingerprint, state_dir, still_good, write_state
from workbench.checks.apart import ValidationProcess
from workbench.checks.summary import blocked_regions, cached_validation, with_blocked
from workbench.contracts import BLOCKED, BLOCKED_KEY, BUILT, FAILED, LOG_FILE, STATEMENT_FILE, UNCHANGED
from workbench.errors import (
    REGION_FILE_INVALID,
    VALIDATION_FAILED,
    BatchInterruptedError,
    BuildError,
    machinery_failure,
)
from workbench.files import ensure_writable
from workbench.io.gemeenten import Regions
from workbench.io.inputs import inputs_hash, regions_cached, resolve_region
from workbench.io.regiovisie import problems_by_region
from workbench.paths import build_dir, data_dir, reports_dir
from workbench.report.formatting import fmt_dec


def _progress(total: int):
    if total == 0 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="regio", file=sys.stderr, leave=False)


def run_batch(
    regions: list[str] | None = None,
    jobs: int | None = None,
    force: bool = False,
    data: str | Path | None = None,
    out: str | Path | None = None,
    periode: int | None = None,
    timeout: int = CELL_TIMEOUT_SECONDS,
    echo: Callable[[str], None] = print,
    notebook: Path = NOTEBOOK,
    build: str | Path | None = None,
    local: bool | Collection[str] = True,
) -> BatchResult:
    """Build the named regions (all 35 and the index when none are named), each with its gemeenten's pages.

    Parameters
    ----------
    regions
        Centrumgemeente codes or names; ``None`` or empty for all regions plus the national overview.
    jobs
        Regions built at the same time (default: the number of cores).
    force
        Rebuild even what is unchanged.
    data, out
        The data and reports folders (``None``: the project's ``data/`` and ``reports/``).
    periode
        The reporting year; ``None`` for the latest year of the Veilig Thuis data.
    timeout
        Seconds a cell may run before it is stopped and its region counted as failed.
    echo
        Where the one-line status per region goes.
    notebook
        The region notebook.
    build
        The private build folder; ``None`` for the default (see :func:`workbench.paths.build_dir`).
    local
        Whether every gemeente of a built region gets its lokale analyse (False: the region reports only); or the
        codes of the regions whose gemeenten get theirs.

    Returns
    -------
    BatchResult
        Every region's outcome and the index's.
    """
    root, out_dir, private = data_dir(data), reports_dir(out), build_dir(build)
    states = state_dir(private, out_dir)
    inputs_key = inputs_hash(root)
    pool = KernelPool(max(1, jobs or os.cpu_count() or 1))
    early: ValidationProcess | None = None
    if force or not any(states.glob("*.json")):
        # nothing was built into this folder before (or everything is rebuilt): validation (on new inputs) and the
        # kernels start now, while the inputs are read and checked here, instead of after; validation first, as
        # every report waits for it
        if cached_validation(root, private, inputs_key) is None:
            early = ValidationProcess.start(root, private)
        pool.start(min(pool.workers, len(regions)) if regions else pool.workers)
    try:
        return _run_batch(
            regions,
            force,
            root,
            out_dir,
            private,
            periode,
            timeout,
            echo,
            notebook,
            local,
            pool,
            states,
            inputs_key,
            early,
        )
    finally:
        pool.close()
        if early is not None:
            early.stop()  # done already, unless the batch stopped before it needed the result


def _run_batch(
    regions: list[str] | None,
    force: bool,
    root: Path,
    out_dir: Path,
    private: Path,
    periode: int | None,
    timeout: int,
    echo: Callable[[str], None],
    notebook: Path,
    local: bool | Collection[str],
    pool: KernelPool,
    states: Path,
    inputs_key: str,
    early: ValidationProcess | None,
) -> BatchResult:
    year = regions_cached(root, private, None if periode is None else int(periode), inputs_key)
    periode = year.jaar
    composition = year.composition
    names = (
        composition.drop_duplicates("centrumgemeente_code")
        .set_index("centrumgemeente_code")["centrumgemeente_naam"]
        .sort_values()
    )
    codes = list(dict.fromkeys(resolve_region(r, composition) for r in regions)) if regions else list(names.index)
    targets = {code: report_target(out_dir, code) for code in codes}
    for stale in [*out_dir.glob(".*.tmp"), *(p for t in targets.values() for p in t.parent.glob(".*.tmp"))]:
        stale.unlink(missing_ok=True)  # left by a batch that was killed while renaming a report into place
    probe = {"regio": codes[0], "data_dir": str(root), "periode": int(periode), "validatie": ""}
    check_parameters(notebook, probe)
    ensure_writable(out_dir)

    writes_pages = declares(notebook, LOCAL_PARAMETER)  # a notebook of one's own may not write them
    with_pages = {code: writes_pages and (local if isinstance(local, bool) else code in set(local)) for code in codes}
    fingerprints = {
        code: region_fingerprint(
            notebook, inputs_key, code, periode, root, (LOCAL_NOTEBOOK,) if with_pages[code] else (), private
        )
        for code in codes
    }
    result = BatchResult()
    todo: list[str] = []
    for code in codes:
        if not force and still_good(states / f"{code}.json", fingerprints[code], targets[code]):
            result.regions.append(Outcome(code, names[code], UNCHANGED))  # built from these very inputs before
        else:
            todo.append(code)
    validation = Validation({"inputs_hash": inputs_key, BLOCKED_KEY: []})
    try:
        if todo:
            # Validation of inputs validated before is known at once; new inputs are validated on the other core
            # while the kernels start, parse the inputs once into the build cache, and run the notebooks (which
            # wait for the summary only where they need it; nothing is published before it is known).
            known = cached_validation(root, private, inputs_key)
            validation = (
                Validation(with_blocked(known, composition, year.regions_of))
                if known is not None
                else Validation.beside(root, private, year, early)
            )
            pool.start(min(pool.workers, len(todo)))
            pool.parse_inputs(root, private, periode)
            publish_statement(out_dir)  # its text changes only with the code, which rebuilds every page
            blocked = problems_by_region(composition[composition["centrumgemeente_code"].isin(todo)], root)
            pool.wait_ready()  # the inputs are parsed once, before the first notebook needs them
            # known now, or a region it stops is found out after its notebook ran, before publishing
            now = validation.result() if validation.done() else {"datasets": [], BLOCKED_KEY: []}
            for region, problems in blocked_regions(now, composition, year.regions_of).items():
                blocked.setdefault(region, []).extend(problems)
            withheld = frozenset(now[BLOCKED_KEY])
            for code in [c for c in todo if c in blocked]:
                reason = VALIDATION_FAILED if code in withheld else REGION_FILE_INVALID
                result.regions.append(Outcome(code, names[code], BLOCKED, reason, problems=blocked[code]))
            todo = [c for c in todo if c not in blocked]
        elif not (out_dir / STATEMENT_FILE).is_file():
            publish_statement(out_dir)
        for o in result.regions:
            echo(o.line())

        def build(code: str) -> Outcome:
            return _build_one(
                code,
                names[code],
                root,
                out_dir,
                private,
                year,
                validation,
                notebook,
                timeout,
                states,
                fingerprints[code],
                pool,
                with_pages[code],
            )

        # the overview starts on a kernel as soon as the other kernels can build the regions still waiting: it
        # computes while the last regions build, and reads their status when they are done
        kernels = len(pool.started)  # fewer than the workers when fewer regions are to be built
        waiting = len(todo) - kernels + 1  # once these took theirs, the other kernels can build the rest
        early = (
            EarlyIndex.start(lambda: pool.take_after(waiting), pool.give, root, private, periode, timeout)
            if not regions and todo and kernels > 1
            else None
        )
        _build_regions(todo, build, 2 * pool.workers, result, echo)
        order = {c: i for i, c in enumerate(codes)}
        summary = validation.result()
        result.regions.sort(key=lambda o: order[o.code])
        if not regions:
            index = (root, out_dir, private, periode, timeout, force, summary["inputs_hash"], states)
            withheld_regions = frozenset(summary[BLOCKED_KEY])
            result.index = (
                early.finish(result.regions, out_dir, force, summary["inputs_hash"], states, withheld_regions)
                if early is not None
                else None
            )
            if result.index is None:  # not started early, or it failed there: built now, the usual way
                # on a warm kernel of the batch if there is one (else its own, started only if the overview changed)
                kernel = None if pool.free.empty() else pool.free.get()
                result.index = build_index(result.regions, *index, kernel, withheld_regions)
                if kernel is not None:
                    pool.give(kernel)
            took = f" ({fmt_dec(result.index.seconds, 1)} s)" if result.index.status == BUILT else ""
            echo(
                f"landelijk overzicht: {result.index.status}{took}"
                + (f": {result.index.reason}" if result.index.reason else "")
            )
    except KeyboardInterrupt:
        result.interrupted = True
        validation.stop()
        raise BatchInterruptedError(result) from None
    return result


def _build_regions(
    todo: list[str], build: Callable[[str], Outcome], threads: int, result: BatchResult, echo: Callable[[str], None]
) -> None:
    """Build ``todo`` with ``threads`` threads, a status line (and a progress bar on a terminal) per region.

    Twice as many threads as kernels: a region exports and publishes while the next one runs in its kernel. The
    pool is not waited for when the batch is interrupted (Ctrl-C): the caller stops the kernels instead.
    """
    bar = _progress(len(todo))
    pool = ThreadPoolExecutor(max_workers=threads)
    try:
        for future in as_completed([pool.submit(build, code) for code in todo]):
            outcome = future.result()
            result.regions.append(outcome)
            if bar is not None:
                bar.update(1)
                bar.write(outcome.line())
            else:
                echo(outcome.line())
    finally:
        if bar is not None:
            bar.close()
        pool.shutdown(wait=False, cancel_futures=True)


def _build_one(
    code: str,
    name: str,
    root: Path,
    out_dir: Path,
    build: Path,
    regions: Regions,
    validation: Validation,
    notebook: Path,
    timeout: int,
    states: Path,
    fingerprint: str,
    kernels: KernelPool,
    local: bool,
) -> Outcome:
    start = time.perf_counter()
    kernel = kernels.take()
    returned = threading.Event()

    def release() -> None:
        if not returned.is_set():
            returned.set()
            kernels.give(kernel)

    try:
        built = build_region(code, root, out_dir, build, regions, validation, notebook, timeout, kernel, release, local)
    except BuildError as exc:
        run_dir = build / "runs" / code
        return Outcome(
            code,
            name,
            BLOCKED if exc.reason == VALIDATION_FAILED else FAILED,
            exc.reason,
            time.perf_counter() - start,
            exc.log or run_dir / LOG_FILE,
            run_dir / f"{notebook.stem}.executed.ipynb",
            exc.problems,
        )
    except Exception as exc:  # anything else in the machinery: this region fails, the batch goes on
        if not returned.is_set():  # once handed back, the kernel may already serve another region
            kernel.discard()
        return Outcome(code, name, FAILED, machinery_failure(exc), time.perf_counter() - start)
    finally:
        release()
    seconds = time.perf_counter() - start
    if built.mislukt:  # no state: the next run tries the failed pages again
        failed = ", ".join(f.region for f in built.mislukt)
        problems = [f"{f.region}: {f.reason}" for f in built.mislukt]
        return Outcome(code, name, BUILT, f"pagina's van gemeenten mislukt ({failed})", seconds, None, None, problems)
    write_state(states / f"{code}.json", fingerprint, built.html, built.gemeenten)
    return Outcome(code, name, BUILT, "", seconds, None, built.executed)
