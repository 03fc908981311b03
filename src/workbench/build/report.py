"""Build one region's HTML report: validate (cached), run the notebook with Papermill, export, scan, publish.

The single report and the batch share one way: :func:`build_region` takes a :class:`Validation`, which is
either already known (inputs validated before) or still running beside the notebooks (the first build on new
inputs, of a single report or of a batch: validated once, on the other core), and publishes only when the
notebook ran to its end and no validation failure concerns the region (a failure stops only the regions it
concerns, in both). Executed notebooks and logs stay in the private build folder.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from workbench.build.kernel import WarmKernel
from workbench.build.publish import publish, publish_local_pages, publish_statement, report_target
from workbench.build.runs import (
    CELL_TIMEOUT_SECONDS,
    NOTEBOOK,
    check_parameters,
    execute,
    local_pages_dir,
    region_run,
)
from workbench.checks.apart import ValidationProcess
from workbench.checks.summary import blocked_regions, cached_validation, with_blocked
from workbench.contracts import BLOCKED_KEY
from workbench.errors import REGION_FILE_INVALID, VALIDATION_FAILED, BuildError
from workbench.files import ensure_writable, write_atomic
from workbench.io.gemeenten import Regions, latest_year, regions_in
from workbench.io.inputs import resolve_region
from workbench.io.regiovisie import problems_by_region
from workbench.paths import build_dir, data_dir, reports_dir
from workbench.report.texts import local_page_title, page_title


@dataclass(frozen=True)
class BuiltReport:
    """Where a report went, and where its private build files are."""

    region: str
    html: Path
    executed: Path
    inputs_hash: str
    gemeenten: tuple[Path, ...] = ()
    """The gemeenten's pages published with the report."""
    mislukt: tuple[BuildError, ...] = ()
    """The gemeenten's pages that failed (their previous version, if any, stays)."""


class Validation:
    """The validation summary a run needs: known now, or arriving from a validation running beside the runs."""

    def __init__(
        self, summary: dict | None = None, pending: Future | None = None, process: ValidationProcess | None = None
    ) -> None:
        self._summary, self._pending, self._process = summary, pending, process

    @classmethod
    def beside(cls, root: Path, build: Path, regions: Regions, started: ValidationProcess | None = None) -> Validation:
        """Validate in a process of its own (``started`` already, or now) while notebooks run.

        Each notebook gets the summary when it is done (see :meth:`deliver`). Waiting for it happens on a thread
        that does not keep a stopped build (Ctrl-C) waiting; :meth:`stop` ends the process.
        """
        process = started or ValidationProcess.start(root, build)
        pending: Future = Future()

        def run() -> None:
            if pending.set_running_or_notify_cancel():
                try:
                    pending.set_result(with_blocked(process.result(), regions.composition, regions.regions_of))
                except BaseException as exc:  # handed to whoever waits for the result
                    pending.set_exception(exc)

        threading.Thread(target=run, name="validatie", daemon=True).start()
        return cls(pending=pending, process=process)

    def stop(self) -> None:
        """Stop a validation still running (the build was interrupted)."""
        if self._process is not None:
            self._process.stop()

    def deliver(self, summary_file: Path, regions: Regions) -> None:
        """Write the summary where the notebook reads it: now when known, else as soon as validation is done.

        An earlier run's summary is removed first, so that the notebook never reads one made from other inputs.
        """
        if self._summary is not None:
            _write_for_notebook(summary_file, self._summary, regions)
            return
        summary_file.unlink(missing_ok=True)
        self._pending.add_done_callback(lambda done: _write_for_notebook(summary_file, done.result(), regions))

    def done(self) -> bool:
        """Whether the summary is known (a pending validation has finished)."""
        return self._summary is not None or self._pending.done()

    def result(self) -> dict:
        """The summary (waiting for a pending validation)."""
        return self._summary if self._summary is not None else self._pending.result()


def _write_for_notebook(summary_file: Path, summary: dict, regions: Regions) -> None:
    """Write the summary, with the regions whose figures the page must withhold, where the notebook reads it."""
    known = BLOCKED_KEY in summary  # the batch works it out once for all its regions
    delivered = summary if known else with_blocked(summary, regions.composition, regions.regions_of)
    write_atomic(summary_file, json.dumps(delivered, ensure_ascii=False))


def refuse_blocked(code: str, summary: dict, regions: Regions) -> None:
    """Raise :class:`BuildError` when a validation failure concerns this region (see ``blocked_regions``)."""
    blocked = blocked_regions(summary, regions.composition, regions.regions_of).get(code)
    if blocked:
        raise BuildError(code, VALIDATION_FAILED, problems=blocked)


def build_region(
    code: str,
    root: Path,
    out_dir: Path,
    build: Path,
    regions: Regions,
    validation: Validation,
    notebook: Path = NOTEBOOK,
    timeout: int = CELL_TIMEOUT_SECONDS,
    kernel: WarmKernel | None = None,
    release: Callable[[], None] | None = None,
    local: bool = False,
) -> BuiltReport:
    """Build one region's report; raise :class:`BuildError` and leave the previous report when anything fails.

    ``release`` is called as soon as the notebook has run, before exporting and publishing, so that a batch can
    hand the kernel to the next region meanwhile. With ``local`` every gemeente of the region gets its page too
    (published before the report that links to them; a failed page keeps its previous version).
    """
    target = report_target(out_dir, code)
    run = region_run(code, root, regions.jaar, notebook, timeout, build, local)
    check_parameters(notebook, run.parameters, code)
    if validation.done():  # known to stop this region: no notebook is run for it
        refuse_blocked(code, validation.result(), regions)
    validation.deliver(Path(run.parameters["validatie"]), regions)
    error = execute(run, code, kernel)
    if release is not None:
        release()
    summary = validation.result()
    refuse_blocked(code, summary, regions)
    if error is not None:
        raise error
    failed: list[BuildError] = []
    pages: list[Path] = []
    if local:
        members = regions.members(code)
        titles = {
            g: local_page_title(n, regions.jaar)
            for g, n in zip(members["gemeentecode"], members["gemeentenaam"], strict=True)
        }
        pages, failed = publish_local_pages(local_pages_dir(build, code), code, out_dir, titles, run.log)
    publish(run, code, target, page_title(regions.name(code), regions.jaar))
    return BuiltReport(code, target, run.executed, summary["inputs_hash"], tuple(pages), tuple(failed))


def build_report(
    region: str,
    data: str | Path | None = None,
    out: str | Path | None = None,
    periode: int | None = None,
    notebook: Path = NOTEBOOK,
    timeout: int = CELL_TIMEOUT_SECONDS,
    build: str | Path | None = None,
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
        The reporting year; ``None`` for the latest year of the Veilig Thuis data.
    notebook
        The notebook to run.
    timeout
        Seconds a cell may run before it is stopped.
    build
        The private build folder; ``None`` for the default (see :func:`workbench.paths.build_dir`).

    Returns
    -------
    BuiltReport
        The paths of the published report and of the executed notebook.
    """
    root, out_dir, private = data_dir(data), reports_dir(out), build_dir(build)
    regions = regions_in(root, latest_year(root) if periode is None else periode)
    code = resolve_region(region, regions.composition)
    ensure_writable(out_dir)
    own = problems_by_region(regions.members(code), root).get(code)
    if own:
        raise BuildError(code, REGION_FILE_INVALID, problems=own)
    summary = cached_validation(root, private)
    if summary is not None:
        refuse_blocked(code, summary, regions)
        validation = Validation(summary)
    else:
        # First build on these inputs: validate on the other core while the kernel runs the notebook, which waits
        # for the summary only in its last section. Nothing is published unless validation passed.
        validation = Validation.beside(root, private, regions)
    try:
        built = build_region(code, root, out_dir, private, regions, validation, notebook, timeout)
    finally:
        validation.stop()
    publish_statement(out_dir)  # the page's footer links it
    return built
