"""Build many regions at once: validated once, in parallel, incremental, failure-isolated, with an index.

- Validation runs once, before any notebook; a failure stops only the regions it concerns.
- A region whose notebook, package code, inputs and parameters are unchanged since its last good build is
  skipped (``force`` rebuilds); the fingerprint of the last good build is kept in the private build folder.
- Each region runs in its own kernel (Unix sockets, no ports); one failing region (an exception, a dead
  kernel, a cell past the timeout, a notebook that stops early) does not stop the others, and its last good
  report stays in place. A kernel that fails to start is retried once.
- With no regions named, the national overview ``OUT/index.html`` is built last from its own notebook.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from workbench.build.report import (
    BUILD_DIR,
    CELL_TIMEOUT_SECONDS,
    NOTEBOOK,
    PRELOAD,
    BuildError,
    Run,
    WarmKernel,
    _write_atomic,
    blocked_regions,
    build_region,
    check_parameters,
    execute,
    publish,
    report_target,
    validation_summary,
)
from workbench.io.inputs import inputs_hash, resolve_region
from workbench.io.reference import read_composition
from workbench.io.regiovisie import file_fingerprint, problems_by_region
from workbench.paths import DEFAULT_REPORTS_DIR, NOTEBOOKS_DIR, PROJECT_ROOT, data_dir

OVERVIEW_NOTEBOOK = NOTEBOOKS_DIR / "overzicht.ipynb"
INDEX_FILE = "index.html"
BUILT, UNCHANGED, FAILED, BLOCKED = "gebouwd", "ongewijzigd", "mislukt", "geblokkeerd"


@dataclass
class Outcome:
    """What happened to one region (or the index) in a batch."""

    code: str
    name: str
    status: str
    reason: str = ""
    seconds: float = 0.0
    log: Path | None = None
    executed: Path | None = None

    def line(self) -> str:
        """One status line for the console."""
        mark = {BUILT: "built    ", UNCHANGED: "unchanged", FAILED: "FAILED   ", BLOCKED: "BLOCKED  "}[self.status]
        text = f"{mark} {self.code} {self.name}"
        if self.status == BUILT:
            text += f" ({self.seconds:.1f} s)"
        if self.reason:
            text += f": {self.reason}"
        return text


@dataclass
class BatchResult:
    """All outcomes of a batch, regions first, then the index (when built or skipped)."""

    regions: list[Outcome] = field(default_factory=list)
    index: Outcome | None = None

    @property
    def failures(self) -> list[Outcome]:
        """Regions (and the index) that failed or were blocked."""
        items = [*self.regions, *([self.index] if self.index else [])]
        return [o for o in items if o.status in (FAILED, BLOCKED)]

    def summary(self) -> str:
        """The end summary: counts, then every failure with its reason and where its log and notebook are."""
        counts = {s: sum(o.status == s for o in self.regions) for s in (BUILT, UNCHANGED, FAILED, BLOCKED)}
        lines = [
            f"{len(self.regions)} regions: {counts[BUILT]} built, {counts[UNCHANGED]} unchanged, "
            f"{counts[FAILED]} failed, {counts[BLOCKED]} blocked by validation"
        ]
        if self.index is not None:
            lines.append(f"index: {self.index.status}" + (f" ({self.index.reason})" if self.index.reason else ""))
        for o in self.failures:
            lines.append(f"- {o.code} {o.name}: {o.reason}")
            if o.log:
                lines.append(f"    log: {o.log}")
            if o.executed and o.executed.exists():
                lines.append(f"    executed notebook: {o.executed}")
        return "\n".join(lines)


def code_fingerprint(notebooks: list[Path]) -> str:
    """SHA-256 over the package's code and templates and the given notebooks."""
    digest = hashlib.sha256()
    package = Path(__file__).parents[1]
    files = sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in {".py", ".j2", ".css", ".json"})
    for path in [*files, *notebooks]:
        digest.update(str(path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def state_dir(out_dir: Path) -> Path:
    """Where the fingerprints of the last good builds into ``out_dir`` are kept (private build folder)."""
    return BUILD_DIR / "state" / hashlib.sha256(str(out_dir.resolve()).encode()).hexdigest()[:16]


def _fingerprint(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _read_state(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


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
    periode: int = 2024,
    timeout: int = CELL_TIMEOUT_SECONDS,
    echo: Callable[[str], None] = print,
    notebook: Path = NOTEBOOK,
) -> BatchResult:
    """Build the named regions (all 35 and the index when none are named).

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
        The reporting year.
    timeout
        Seconds a cell may run before it is stopped and its region counted as failed.
    echo
        Where the one-line status per region goes.
    notebook
        The region notebook.

    Returns
    -------
    BatchResult
        Every region's outcome and the index's.
    """
    root = data_dir(data)
    out_dir = Path(out).resolve() if out is not None else DEFAULT_REPORTS_DIR
    composition = read_composition(root)
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

    code_hash = code_fingerprint([notebook])
    inputs_key = inputs_hash(root)
    states = state_dir(out_dir)
    fingerprints = {
        code: _fingerprint(code_hash, inputs_key, code, periode, str(root), file_fingerprint(code, root))
        for code in codes
    }
    result = BatchResult()
    todo: list[str] = []
    for code in codes:
        last_good = _read_state(states / f"{code}.json").get("fingerprint")
        if not force and targets[code].is_file() and last_good == fingerprints[code]:
            result.regions.append(Outcome(code, names[code], UNCHANGED))  # built from these very inputs before
        else:
            todo.append(code)
    workers = max(1, jobs or os.cpu_count() or 1)
    kernels: queue.Queue[WarmKernel] = queue.Queue()
    summary = {"inputs_hash": inputs_key}
    if todo:
        # Validate (once, before any notebook) while the kernels start and import on the other core, and
        # parse the inputs once into the build cache for them.
        with ThreadPoolExecutor(max_workers=workers) as warm:
            for i in range(min(workers, len(todo))):
                kernel = WarmKernel()
                kernels.put(kernel)
                # the first kernel also parses the inputs into the build cache, in its own process
                parse = f"\nfrom workbench.io.inputs import load_inputs\nload_inputs({str(root)!r})" if i == 0 else ""
                warm.submit(kernel.preload, PRELOAD + parse)
            summary = validation_summary(root)
            blocked = blocked_regions(summary, composition)
            for region, problems in problems_by_region(
                composition[composition["centrumgemeente_code"].isin(todo)], root
            ).items():
                blocked.setdefault(region, []).extend(problems)
        for code in [c for c in todo if c in blocked]:
            reason = "the input data failed validation: " + "; ".join(blocked[code][:3])
            result.regions.append(Outcome(code, names[code], BLOCKED, reason))
        todo = [c for c in todo if c not in blocked]
    for o in result.regions:
        echo(o.line())
    bar = _progress(len(todo))
    # Twice as many threads as kernels: a region exports and publishes while the next one runs in its kernel.
    with ThreadPoolExecutor(max_workers=2 * workers) as pool:
        futures = {
            pool.submit(
                _build_one,
                code,
                names[code],
                root,
                out_dir,
                summary,
                periode,
                notebook,
                timeout,
                states,
                fingerprints[code],
                kernels,
            ): code
            for code in todo
        }
        for future in as_completed(futures):
            outcome = future.result()
            result.regions.append(outcome)
            if bar is not None:
                bar.update(1)
                bar.write(outcome.line())
            else:
                echo(outcome.line())
    if bar is not None:
        bar.close()
    order = {c: i for i, c in enumerate(codes)}
    result.regions.sort(key=lambda o: order[o.code])
    try:
        if not regions:
            kernel = kernels.get() if not kernels.empty() else WarmKernel()
            kernels.put(kernel)
            result.index = _build_index(
                result, root, out_dir, periode, timeout, force, summary["inputs_hash"], states, kernel
            )
            took = f" ({result.index.seconds:.1f} s)" if result.index.status == BUILT else ""
            echo(f"index: {result.index.status}{took}" + (f": {result.index.reason}" if result.index.reason else ""))
    finally:
        while not kernels.empty():
            kernels.get().close()
    return result


def _build_one(
    code: str,
    name: str,
    root: Path,
    out_dir: Path,
    summary: dict,
    periode: int,
    notebook: Path,
    timeout: int,
    states: Path,
    fingerprint: str,
    kernels: queue.Queue,
) -> Outcome:
    start = time.perf_counter()
    kernel = kernels.get()
    returned = threading.Event()

    def release() -> None:
        if not returned.is_set():
            returned.set()
            kernels.put(kernel)

    try:
        built = build_region(code, root, out_dir, summary, periode, notebook, timeout, kernel, release)
    except BuildError as exc:
        run_dir = BUILD_DIR / "runs" / code
        return Outcome(
            code,
            name,
            FAILED,
            exc.reason,
            time.perf_counter() - start,
            exc.log or run_dir / "build.log",
            run_dir / "regio_analyse.executed.ipynb",
        )
    except Exception as exc:  # anything else in the machinery: this region fails, the batch goes on
        if not returned.is_set():  # once handed back, the kernel may already serve another region
            kernel.discard()
        return Outcome(code, name, FAILED, f"{type(exc).__name__}: {exc}", time.perf_counter() - start)
    finally:
        release()
    _write_atomic(
        states / f"{code}.json",
        json.dumps({"fingerprint": fingerprint, "built_at": datetime.now(UTC).isoformat(timespec="seconds")}),
    )
    return Outcome(code, name, BUILT, "", time.perf_counter() - start, None, built.executed)


def _build_index(
    result: BatchResult,
    root: Path,
    out_dir: Path,
    periode: int,
    timeout: int,
    force: bool,
    inputs: str,
    states: Path,
    kernel: WarmKernel | None = None,
) -> Outcome:
    """Build ``OUT/index.html`` unless nothing it shows has changed."""
    status = {
        o.code: {"status": o.status, "rapport": (out_dir / o.code / "regio-analyse.html").is_file()}
        for o in result.regions
    }
    target = out_dir / INDEX_FILE
    fingerprint = _fingerprint(
        code_fingerprint([OVERVIEW_NOTEBOOK]),
        inputs,
        periode,
        str(root),
        {c: (s["status"] in (FAILED, BLOCKED), s["rapport"]) for c, s in status.items()},
    )
    state_file = states / "index.json"
    if not force and target.is_file() and _read_state(state_file).get("fingerprint") == fingerprint:
        return Outcome("index", "landelijk overzicht", UNCHANGED)
    run_dir = BUILD_DIR / "runs" / "index"
    status_file = run_dir / "status.json"
    _write_atomic(status_file, json.dumps(status, ensure_ascii=False))
    log = run_dir / "build.log"
    log.write_text("", encoding="utf-8")
    run = Run(
        OVERVIEW_NOTEBOOK,
        run_dir / "overzicht.executed.ipynb",
        log,
        {"data_dir": str(root), "periode": int(periode), "status": str(status_file)},
        timeout,
    )
    start = time.perf_counter()
    try:
        check_parameters(OVERVIEW_NOTEBOOK, run.parameters, "index")
        error = execute(run, "index", kernel)
        if error is not None:
            raise error
        publish(run, "index", target, "Regio-analyses: landelijk overzicht")
    except BuildError as exc:
        return Outcome(
            "index", "landelijk overzicht", FAILED, exc.reason, time.perf_counter() - start, log, run.executed
        )
    _write_atomic(state_file, json.dumps({"fingerprint": fingerprint}))
    return Outcome("index", "landelijk overzicht", BUILT, "", time.perf_counter() - start, None, run.executed)
