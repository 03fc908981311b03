"""Build one region's HTML report: validate (cached), run the notebook with Papermill, export with nbconvert.

A report is published only when the notebook ran to its last cell and the HTML passed the safety scan; it is
written to a temporary file next to its target and renamed over it, so a failed or interrupted build leaves
the previous report untouched. Executed notebooks and logs stay in the private build folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

from workbench.build.safety import scan
from workbench.io.inputs import inputs_hash, resolve_region
from workbench.io.reference import read_composition
from workbench.io.regiovisie import problems_by_region
from workbench.paths import DEFAULT_REPORTS_DIR, NOTEBOOKS_DIR, PROJECT_ROOT, data_dir

BUILD_DIR = PROJECT_ROOT / "build"
NOTEBOOK = NOTEBOOKS_DIR / "regio_analyse.ipynb"
REPORT_FILE = "regio-analyse.html"
TEMPLATES = Path(__file__).parents[1] / "report" / "templates"
COMPLETE_MARK = "data-report-complete="
CELL_TIMEOUT_SECONDS = 120
PRELOAD = "import workbench.report.regio_analyse, workbench.report.overzicht"
"""What a warm kernel imports before its first notebook."""
EXECUTION_ERRORS = {"PapermillExecutionError", "DeadKernelError", "CellTimeoutError"}
"""Failures of a running notebook; any other failure of a run means the kernel did not start properly."""


class BuildError(RuntimeError):
    """A report that could not be built; ``reason`` says why, ``log`` where the details are."""

    def __init__(self, region: str, reason: str, log: Path | None = None) -> None:
        self.region, self.reason, self.log = region, reason, log
        super().__init__(f"{region}: {reason}" + (f" (details: {log})" if log else ""))


VALIDATION_CACHE = BUILD_DIR / "validation"


def cached_validation(root: Path, cache_dir: Path = VALIDATION_CACHE, key: str | None = None) -> dict | None:
    """The validation summary for these exact input contents (hash ``key``), if it was made before."""
    cached = cache_dir / f"{key or inputs_hash(root)}.json"
    return json.loads(cached.read_text(encoding="utf-8")) if cached.is_file() else None


def validation_summary(root: Path, cache_dir: Path = VALIDATION_CACHE) -> dict:
    """Validate the inputs, or reuse the result for the same input contents.

    Returns
    -------
    dict
        ``inputs_hash``, ``ok`` and per dataset ``name``, ``file``, ``ok``, ``expectations``, ``problems``.
    """
    key = inputs_hash(root)
    cached = cached_validation(root, cache_dir, key)
    if cached is not None:
        return cached
    from workbench.checks.suites import validate_all

    results = validate_all(root)
    summary = {
        "inputs_hash": key,
        "ok": all(r.ok for r in results),
        "datasets": [
            {
                "name": r.name,
                "file": r.path.name,
                "ok": r.ok,
                "expectations": r.expectations,
                "problems": ([r.error.describe()] if r.error else []) + [f.message() for f in r.failures],
                "areas": _failure_areas(r),
            }
            for r in results
        ],
    }
    _write_atomic(cache_dir / f"{key}.json", json.dumps(summary, indent=1, ensure_ascii=False))
    return summary


def _failure_areas(result) -> list[str] | None:
    """The areas a dataset's failures concern; ``None`` when they concern every region (or it was not read)."""
    if result.ok:
        return []
    if result.error is not None or any(f.areas is None for f in result.failures):
        return None
    return sorted({a for f in result.failures for a in f.areas})


def blocked_regions(summary: dict, composition) -> dict[str, list[str]]:
    """Which regions the validation failures stop, with the problems that concern each.

    A failure tied to a gemeente stops its region, one tied to a VT-region every region with a gemeente in it,
    one tied to Nederland or to no area (a file that could not be read, a reference table) every region.
    """
    region_of = dict(zip(composition["gemeentecode"], composition["centrumgemeente_code"], strict=True))
    regions = sorted(set(region_of.values()))
    by_vt = composition.groupby("vt_code")["centrumgemeente_code"].agg(lambda s: sorted(set(s))).to_dict()
    blocked: dict[str, list[str]] = {}
    for dataset in summary["datasets"]:
        if dataset["ok"]:
            continue
        areas = dataset.get("areas")
        if areas is None or any(a not in region_of and a not in by_vt for a in areas):
            hit = regions
        else:
            hit = sorted({region_of[a] for a in areas if a in region_of} | {r for a in areas for r in by_vt.get(a, [])})
        for region in hit:
            blocked.setdefault(region, []).extend(dataset["problems"])
    return blocked


def _write_atomic(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class WarmKernel:
    """A kernel kept running between notebooks of a batch, talking over Unix sockets (no TCP ports).

    Each notebook after the first starts with a cell that clears the namespace (``%reset -f``); after a failure
    the kernel is discarded, so the next notebook gets a fresh one. Modules stay imported, which saves every
    region the start-up and the imports. It is an ``AsyncKernelManager``, as nbclient expects: with it nbclient
    notices a kernel that dies.
    """

    def __init__(self) -> None:
        self._sockets = tempfile.mkdtemp(prefix="wb-kernel-")
        self.km = None
        self.used = False

    def ready(self):
        """The running kernel's manager, started when there is none or it died."""
        from jupyter_core.utils import run_sync

        return run_sync(self._ready)()

    async def _ready(self):
        from jupyter_client.manager import AsyncKernelManager

        if self.km is None or not await self.km.is_alive():
            await self._discard()
            self.km = AsyncKernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(self._sockets, "k"))
            await self.km.start_kernel()
            self.used = False
        return self.km

    def preload(self, code: str = PRELOAD) -> None:
        """Start the kernel and import what the notebooks need, ahead of the first notebook."""
        from jupyter_core.utils import run_sync

        run_sync(self._preload)(code)

    async def _preload(self, code: str) -> None:
        km = await self._ready()
        client = km.client()
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=60)
            await client.execute_interactive(code, timeout=60, store_history=False)
        finally:
            client.stop_channels()

    def discard(self) -> None:
        """Shut the kernel down (the next :meth:`ready` starts a fresh one)."""
        from jupyter_core.utils import run_sync

        run_sync(self._discard)()

    async def _discard(self) -> None:
        if self.km is not None and self.km.has_kernel:
            with contextlib.suppress(Exception):  # already gone: nothing left to stop
                await self.km.shutdown_kernel(now=True)
        self.km = None

    def close(self) -> None:
        """Shut down and remove the socket folder."""
        self.discard()
        shutil.rmtree(self._sockets, ignore_errors=True)


def run_notebook(
    notebook: Path,
    output: Path,
    parameters: dict,
    timeout: int = CELL_TIMEOUT_SECONDS,
    kernel: WarmKernel | None = None,
) -> None:
    """Execute a notebook with Papermill into ``output`` (private build folder), saved when it ends.

    Without ``kernel`` a fresh kernel is started and always shut down; with one, that warm kernel is used and
    left running (its namespace cleared first). Either way the kernel talks over Unix sockets in a private
    temporary folder (IPC transport), so kernels running in parallel never compete for TCP ports and nothing
    listens on the network.
    """
    import papermill

    output.parent.mkdir(parents=True, exist_ok=True)
    own = kernel is None
    kernel = WarmKernel() if own else kernel
    nb = nbformat.read(notebook, as_version=4)
    if kernel.used:
        reset = nbformat.v4.new_code_cell("%reset -f")
        reset["id"] = "workbench-reset"
        nb.cells.insert(0, reset)
    try:
        km = kernel.ready()
        kernel.used = True
        papermill.execute_notebook(
            nb,
            str(output),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            cwd=str(output.parent),
            execution_timeout=timeout,
            request_save_on_cell_execute=False,
            km=km,
        )
    finally:
        if own:
            kernel.close()


def check_parameters(notebook: Path, parameters: dict, region: str = "") -> None:
    """Refuse parameters the notebook does not declare in its ``parameters`` cell (not merely warn)."""
    import papermill

    declared = set(papermill.inspect_notebook(str(notebook)))
    unknown = sorted(set(parameters) - declared)
    if unknown:
        raise BuildError(
            region or notebook.name,
            f"unknown notebook parameter(s) {', '.join(unknown)}; "
            f"{notebook.name} declares {', '.join(sorted(declared))}",
        )


def kernel_failed_to_start(exc: BaseException) -> bool:
    """True for a failure that is not one of a running notebook (a cell error, a dead kernel, a timeout)."""
    return type(exc).__name__ not in EXECUTION_ERRORS


def describe_failure(exc: BaseException, timeout: int) -> str:
    """Say why a notebook run failed, in one line a reader of the summary understands."""
    name = type(exc).__name__
    if name == "PapermillExecutionError":
        return (
            f"a cell raised {getattr(exc, 'ename', 'an error')}: {_first_line(Exception(getattr(exc, 'evalue', '')))}"
        )
    if name in {"CellTimeoutError", "TimeoutError"} or "timed out" in str(exc).lower():
        return f"a cell ran longer than {timeout} s and was stopped"
    if name == "DeadKernelError" or "kernel died" in str(exc).lower():
        return "the kernel died while running the notebook"
    return f"{name}: {_first_line(exc)}"


def ran_to_the_end(nb: nbformat.NotebookNode) -> bool:
    """True when the last code cell produced the report's closing element."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    if not code:
        return False
    outputs = code[-1].get("outputs", [])
    return any(COMPLETE_MARK in str(o.get("data", {}).get("text/html", "")) for o in outputs)


def export_html(nb: nbformat.NotebookNode, title: str) -> str:
    """Export an executed notebook to reviewer HTML with the workbench template."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="regioanalyse")
    body, _ = exporter.from_notebook_node(nb, resources={"report_title": title})
    return body


@dataclass(frozen=True)
class BuiltReport:
    """Where a report went, and where its private build files are."""

    region: str
    html: Path
    executed: Path
    inputs_hash: str


@dataclass(frozen=True)
class Run:
    """The private files of one notebook run."""

    notebook: Path
    executed: Path
    log: Path
    parameters: dict
    timeout: int

    def log_line(self, text: str) -> None:
        """Append a line to the run's private log."""
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("a", encoding="utf-8") as handle:
            handle.write(text.rstrip() + "\n")


def execute(run: Run, region: str, kernel: WarmKernel | None = None) -> BuildError | None:
    """Run the notebook, once more if the kernel failed to start; return the failure, if any.

    A warm kernel is discarded after any failure, so that a hung or broken kernel never serves another region.
    """
    run.log_line(f"parameters: {json.dumps(run.parameters, ensure_ascii=False)}")
    for attempt in (1, 2):
        run.executed.unlink(missing_ok=True)
        try:
            run_notebook(run.notebook, run.executed, run.parameters, run.timeout, kernel)
        except Exception as exc:
            if kernel is not None:
                kernel.discard()
            run.log_line(f"attempt {attempt}: {type(exc).__name__}\n" + "".join(traceback.format_exception(exc)))
            if attempt == 1 and kernel_failed_to_start(exc):
                run.log_line("the kernel failed to start: retrying once")
                continue
            return BuildError(region, describe_failure(exc, run.timeout), run.log)
        run.log_line(f"attempt {attempt}: notebook ran")
        return None
    return None  # pragma: no cover - the loop always returns


def publish(run: Run, region: str, target: Path, title: str) -> None:
    """Check that the run completed, export it, scan it, and rename it over ``target``."""
    nb = nbformat.read(run.executed, as_version=4)
    if not ran_to_the_end(nb):
        raise BuildError(region, "the notebook stopped before its last cell", run.log)
    html = export_html(nb, title)
    problems = scan(html)
    if problems:
        raise BuildError(region, "the HTML failed the safety scan: " + "; ".join(problems[:5]), run.log)
    _write_atomic(target, html)
    run.log_line(f"published {target}")


def report_target(out_dir: Path, code: str) -> Path:
    """``OUT/CODE/regio-analyse.html``, refusing any path that would leave OUT."""
    target = (out_dir / code / REPORT_FILE).resolve()
    if not target.is_relative_to(out_dir.resolve()) or not re.fullmatch(r"GM\d{4}", code):
        raise BuildError(code, "the report path leaves the reports folder")
    return target


def region_run(code: str, root: Path, periode: int, notebook: Path, timeout: int) -> Run:
    """The private run of one region's notebook in ``build/runs/CODE/`` (its log starts empty)."""
    run_dir = BUILD_DIR / "runs" / code
    run_dir.mkdir(parents=True, exist_ok=True)
    log = run_dir / "build.log"
    log.write_text("", encoding="utf-8")
    params = {
        "regio": code,
        "data_dir": str(root),
        "periode": int(periode),
        "validatie": str(run_dir / "validatie.json"),
    }
    return Run(notebook, run_dir / "regio_analyse.executed.ipynb", log, params, timeout)


def build_region(
    code: str,
    root: Path,
    out_dir: Path,
    summary: dict,
    periode: int = 2024,
    notebook: Path = NOTEBOOK,
    timeout: int = CELL_TIMEOUT_SECONDS,
    kernel: WarmKernel | None = None,
    release: Callable[[], None] | None = None,
) -> BuiltReport:
    """Build one region's report with inputs already validated (``summary``); raise :class:`BuildError`.

    ``release`` is called as soon as the notebook has run, before exporting and publishing, so that a batch can
    hand the kernel to the next region meanwhile.
    """
    target = report_target(out_dir, code)
    run = region_run(code, root, periode, notebook, timeout)
    check_parameters(notebook, run.parameters, code)
    _write_atomic(Path(run.parameters["validatie"]), json.dumps(summary, ensure_ascii=False))
    error = execute(run, code, kernel)
    if release is not None:
        release()
    if error is not None:
        raise error
    publish(run, code, target, f"Regio-analyse regio {code}")
    return BuiltReport(code, target, run.executed, summary["inputs_hash"])


def build_report(
    region: str,
    data: str | Path | None = None,
    out: str | Path | None = None,
    periode: int = 2024,
    notebook: Path = NOTEBOOK,
    timeout: int = CELL_TIMEOUT_SECONDS,
) -> BuiltReport:
    """Build ``OUT/CODE/regio-analyse.html`` for one region.

    Parameters
    ----------
    region
        Centrumgemeente code or name (any case).
    data
        The data folder; ``None`` for the project's ``data/``.
    out
        The reports folder; ``None`` for the project's ``reports/``.
    periode
        The reporting year.
    notebook
        The notebook to run.
    timeout
        Seconds a cell may run before it is stopped.

    Returns
    -------
    BuiltReport
        The paths of the published report and of the executed notebook.
    """
    root = data_dir(data)
    composition = read_composition(root)
    code = resolve_region(region, composition)
    out_dir = Path(out).resolve() if out is not None else DEFAULT_REPORTS_DIR
    own = problems_by_region(composition[composition["centrumgemeente_code"] == code], root).get(code)
    if own:
        raise BuildError(code, "the region input file is invalid: " + "; ".join(own))
    summary = cached_validation(root)
    if summary is not None:
        _refuse_invalid(code, summary)
        return build_region(code, root, out_dir, summary, periode, notebook, timeout)
    # First build on these inputs: validate on the other core while the kernel runs the notebook, which waits
    # for the summary only in its last section. Nothing is published unless validation passed.
    target = report_target(out_dir, code)
    run = region_run(code, root, periode, notebook, timeout)
    check_parameters(notebook, run.parameters, code)
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(_validate_into, root, Path(run.parameters["validatie"]))
        error = execute(run, code)
        summary = pending.result()
    _refuse_invalid(code, summary)
    if error is not None:
        raise error
    publish(run, code, target, f"Regio-analyse regio {code}")
    return BuiltReport(code, target, run.executed, summary["inputs_hash"])


def _refuse_invalid(code: str, summary: dict) -> None:
    if not summary["ok"]:
        problems = [p for d in summary["datasets"] for p in d["problems"]]
        raise BuildError(code, "the input data failed validation: " + "; ".join(problems[:5]))


def _validate_into(root: Path, summary_path: Path) -> dict:
    """Validate (or reuse the cache) and write the summary where the notebook waits for it."""
    try:
        summary = validation_summary(root)
    except Exception as exc:  # the notebook must not wait forever: it gets a failed summary
        problem = f"validation could not run: {exc}"
        summary = {
            "ok": False,
            "datasets": [
                {"name": "validatie", "file": "", "ok": False, "expectations": 0, "problems": [problem], "areas": None}
            ],
        }
    _write_atomic(summary_path, json.dumps(summary, ensure_ascii=False))
    return summary


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[-1][:300] if text else ""
