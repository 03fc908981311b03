"""One run of a notebook, the same for a single report and a batch: its files, its execution and its failure.

A run executes a notebook with Papermill on a warm kernel (:mod:`workbench.build.kernel`) into the private
build folder; a kernel that fails to start is retried once; a failure becomes a :class:`BuildError` that says
why in one line, with the full traceback in the run's private log.
"""

from __future__ import annotations

import ast
import json
import shutil
import traceback
from dataclasses import dataclass
from pathlib import Path

from workbench.build.kernel import WarmKernel
from workbench.contracts import DOWNLOAD_DIR, GEMEENTEN_DIR, KEPT_FIGURES_FILE, LOG_FILE, VALIDATION_FILE
from workbench.errors import BuildError
from workbench.paths import NOTEBOOKS_DIR

NOTEBOOK = NOTEBOOKS_DIR / "regio_analyse.ipynb"
LOCAL_NOTEBOOK = NOTEBOOKS_DIR / "lokale_analyse.ipynb"
LOCAL_PARAMETER = "gemeenten"
"""The region notebook's parameter: the folder where it writes its gemeenten's pages."""
OVERVIEW_NOTEBOOK = NOTEBOOKS_DIR / "overzicht.ipynb"
CELL_TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class Run:
    """The private files of one notebook run."""

    notebook: Path
    executed: Path
    log: Path
    parameters: dict
    timeout: int

    @property
    def files(self) -> Path:
        """Where the notebook writes the page's downloads (published with the page)."""
        return self.log.parent / DOWNLOAD_DIR

    def log_line(self, text: str) -> None:
        """Append a line to the run's private log."""
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("a", encoding="utf-8") as handle:
            handle.write(text.rstrip() + "\n")


def new_run(name: str, build: Path, notebook: Path, parameters: dict, timeout: int) -> Run:
    """A run in ``BUILD/runs/NAME/`` (its log starts empty); ``parameters`` get the build folder added."""
    run_dir = build / "runs" / name
    run_dir.mkdir(parents=True, exist_ok=True)
    log = run_dir / LOG_FILE
    log.write_text("", encoding="utf-8")
    shutil.rmtree(run_dir / DOWNLOAD_DIR, ignore_errors=True)  # an earlier run's files are never published
    (run_dir / KEPT_FIGURES_FILE).unlink(missing_ok=True)  # nor are its key figures kept
    params = {**parameters, "build_dir": str(build)}
    return Run(notebook, run_dir / f"{notebook.stem}.executed.ipynb", log, params, timeout)


def summary_file(build: Path, code: str) -> Path:
    """Where a region's run reads its validation summary."""
    return build / "runs" / code / VALIDATION_FILE


def region_run(
    code: str, root: Path, periode: int, notebook: Path, timeout: int, build: Path, local: bool = False
) -> Run:
    """The run of one region's notebook; its validation summary goes next to it.

    With ``local`` the run also writes every gemeente's page into :func:`local_pages_dir`.
    """
    parameters = {
        "regio": code,
        "data_dir": str(root),
        "periode": int(periode),
        "validatie": str(summary_file(build, code)),
        "bestanden": str(build / "runs" / code / DOWNLOAD_DIR),
    }
    if local:
        parameters[LOCAL_PARAMETER] = str(local_pages_dir(build, code))
    run = new_run(code, build, notebook, parameters, timeout)
    shutil.rmtree(local_pages_dir(build, code), ignore_errors=True)  # an earlier run's pages are never published
    return run


def local_pages_dir(build: Path, code: str) -> Path:
    """Where a region's run writes its gemeenten's pages."""
    return build / "runs" / code / GEMEENTEN_DIR


def notebook_parameters(notebook: Path) -> set[str]:
    """The names the notebook's ``parameters`` cell (the code cell tagged so) assigns."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        cell = next(c for c in cells if c["cell_type"] == "code" and "parameters" in c["metadata"].get("tags", []))
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        tree = ast.parse(source)
    except (OSError, ValueError, KeyError, TypeError, StopIteration, SyntaxError) as exc:
        raise BuildError(notebook.name, f"het notebook heeft geen leesbare cel 'parameters' ({exc})") from exc
    names: set[str] = set()
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def declares(notebook: Path, parameter: str) -> bool:
    """Whether the notebook's ``parameters`` cell declares ``parameter`` (a notebook of one's own may not)."""
    return parameter in notebook_parameters(notebook)


def check_parameters(notebook: Path, parameters: dict, region: str = "") -> None:
    """Refuse parameters the notebook does not declare in its ``parameters`` cell (not merely warn)."""
    declared = notebook_parameters(notebook)
    unknown = sorted(set(parameters) - declared)
    if unknown:
        raise BuildError(
            region or notebook.name,
            f"onbekende notebookparameter(s) {', '.join(unknown)}; {notebook.name} kent {', '.join(sorted(declared))}",
        )


def _execution_errors() -> tuple[type[BaseException], ...]:
    """Failures of a running notebook; any other failure of a run means the kernel did not start properly."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    return PapermillExecutionError, DeadKernelError, CellTimeoutError, TimeoutError


def describe_failure(exc: BaseException, timeout: int) -> str:
    """Say why a notebook run failed, in one line a reader of the summary understands."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        return f"een cel gaf een fout ({exc.ename}): {_first_line(str(exc.evalue))}"
    if isinstance(exc, (CellTimeoutError, TimeoutError)):
        return f"een cel liep langer dan {timeout} s en is gestopt"
    if isinstance(exc, DeadKernelError):
        return "de kernel is gestopt (vastgelopen of te weinig geheugen) terwijl het notebook liep"
    return f"{type(exc).__name__}: {_first_line(str(exc))}"


def _first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1][:300] if lines else ""


CLEAR_NAMESPACE = (
    "[get_ipython().user_ns.pop(_n) for _n in [_n for _n in get_ipython().user_ns"
    " if _n not in get_ipython().user_ns_hidden and not _n.startswith('__')]];"
)
"""What a warm kernel runs before the next notebook: every name the previous one made is deleted (its objects
freed as their last reference goes), IPython's own are kept. ``%reset -f`` would also run a full garbage
collection each time, a tenth of a second a region, for the few cycles the next automatic collection frees
anyway."""


def execute(run: Run, region: str, kernel: WarmKernel | None = None) -> BuildError | None:
    """Run the notebook, once more if the kernel failed to start; return the failure, if any.

    Without ``kernel`` a fresh one is used and shut down afterwards. A warm kernel is discarded after any
    failure, so that a hung or broken kernel never serves another region.
    """
    import nbformat
    import papermill

    from workbench.build.engine import ENGINE

    own = kernel is None
    kernel = WarmKernel() if own else kernel
    run.log_line(f"parameters: {json.dumps(run.parameters, ensure_ascii=False)}")
    try:
        for attempt in (1, 2):
            run.executed.unlink(missing_ok=True)
            run.executed.parent.mkdir(parents=True, exist_ok=True)
            nb = nbformat.read(run.notebook, as_version=4)
            if kernel.used:
                reset = nbformat.v4.new_code_cell(CLEAR_NAMESPACE)
                reset["id"] = "workbench-reset"
                nb.cells.insert(0, reset)
            try:
                papermill.execute_notebook(
                    nb,
                    str(run.executed),
                    parameters=run.parameters,
                    engine_name=ENGINE,
                    kernel=kernel,
                    kernel_name="python3",
                    progress_bar=False,
                    log_output=False,
                    cwd=str(run.executed.parent),
                    execution_timeout=run.timeout,
                    request_save_on_cell_execute=False,
                )
            except Exception as exc:
                kernel.discard()
                run.log_line(f"attempt {attempt}: {type(exc).__name__}\n" + "".join(traceback.format_exception(exc)))
                if attempt == 1 and not isinstance(exc, _execution_errors()):
                    run.log_line("the kernel failed to start: retrying once")
                    continue
                return BuildError(region, describe_failure(exc, run.timeout), run.log)
            run.log_line(f"attempt {attempt}: notebook ran")
            return None
        return None  # pragma: no cover - the loop always returns
    finally:
        if own:
            kernel.close()
