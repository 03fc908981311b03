"""Build one region's HTML report: validate (cached), run the notebook with Papermill, export with nbconvert.

A report is published only when the notebook ran to its last cell and the HTML passed the safety scan; it is
written to a temporary file next to its target and renamed over it, so a failed or interrupted build leaves
the previous report untouched. Executed notebooks and logs stay in the private build folder.
"""

from __future__ import annotations

import json
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

from workbench.html_safety import scan
from workbench.paths import DEFAULT_REPORTS_DIR, NOTEBOOKS_DIR, PROJECT_ROOT, data_dir
from workbench.reference import read_composition
from workbench.region_data import inputs_hash, resolve_region

BUILD_DIR = PROJECT_ROOT / "build"
NOTEBOOK = NOTEBOOKS_DIR / "regio_analyse.ipynb"
REPORT_FILE = "regio-analyse.html"
TEMPLATES = Path(__file__).parent / "templates"
COMPLETE_MARK = "data-report-complete="
CELL_TIMEOUT_SECONDS = 120


class BuildError(RuntimeError):
    """A report that could not be built; ``reason`` says why, ``log`` where the details are."""

    def __init__(self, region: str, reason: str, log: Path | None = None) -> None:
        self.region, self.reason, self.log = region, reason, log
        super().__init__(f"{region}: {reason}" + (f" (details: {log})" if log else ""))


VALIDATION_CACHE = BUILD_DIR / "validation"


def cached_validation(root: Path, cache_dir: Path = VALIDATION_CACHE) -> dict | None:
    """The validation summary for these exact input contents, if it was made before."""
    cached = cache_dir / f"{inputs_hash(root)}.json"
    return json.loads(cached.read_text(encoding="utf-8")) if cached.is_file() else None


def validation_summary(root: Path, cache_dir: Path = VALIDATION_CACHE) -> dict:
    """Validate the inputs, or reuse the result for the same input contents.

    Returns
    -------
    dict
        ``inputs_hash``, ``ok`` and per dataset ``name``, ``file``, ``ok``, ``expectations``, ``problems``.
    """
    cached = cached_validation(root, cache_dir)
    if cached is not None:
        return cached
    key = inputs_hash(root)
    from workbench.validation import validate_all

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
            }
            for r in results
        ],
    }
    _write_atomic(cache_dir / f"{key}.json", json.dumps(summary, indent=1, ensure_ascii=False))
    return summary


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


def run_notebook(notebook: Path, output: Path, parameters: dict, timeout: int = CELL_TIMEOUT_SECONDS) -> None:
    """Execute a notebook with Papermill into ``output`` (private build folder).

    The kernel talks over Unix sockets in a private temporary folder (IPC transport), so kernels running in
    parallel never compete for TCP ports and nothing listens on the network.
    """
    import papermill
    from jupyter_client.manager import KernelManager

    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wb-kernel-") as sockets:
        km = KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(sockets, "k"))
        papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            cwd=str(output.parent),
            execution_timeout=timeout,
            km=km,
        )


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


def build_report(
    region: str,
    data: str | Path | None = None,
    out: str | Path | None = None,
    periode: int = 2024,
    notebook: Path = NOTEBOOK,
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

    Returns
    -------
    BuiltReport
        The paths of the published report and of the executed notebook.
    """
    root = data_dir(data)
    code = resolve_region(region, read_composition(root))
    out_dir = Path(out).resolve() if out is not None else DEFAULT_REPORTS_DIR
    target = out_dir / code / REPORT_FILE
    if not target.resolve().is_relative_to(out_dir):
        raise BuildError(code, "the report path leaves the reports folder")
    run_dir = BUILD_DIR / "runs" / code
    summary_path = run_dir / "validatie.json"
    summary_path.unlink(missing_ok=True)
    executed = run_dir / "regio_analyse.executed.ipynb"
    params = {"regio": code, "data_dir": str(root), "periode": int(periode), "validatie": str(summary_path)}
    summary = cached_validation(root)
    if summary is not None:
        _refuse_invalid(code, summary)
        _write_atomic(summary_path, json.dumps(summary, ensure_ascii=False))
        notebook_error = _run_catching(notebook, executed, params)
    else:
        # First build on these inputs: validate on the other core while the kernel runs the notebook, which
        # waits for the summary only in its last section. Nothing is published unless validation passed.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(_validate_into, root, summary_path)
            notebook_error = _run_catching(notebook, executed, params)
            summary = pending.result()
        _refuse_invalid(code, summary)
    if notebook_error is not None:
        raise BuildError(
            code, f"the notebook failed: {type(notebook_error).__name__}: {_first_line(notebook_error)}", executed
        ) from notebook_error
    nb = nbformat.read(executed, as_version=4)
    if not ran_to_the_end(nb):
        raise BuildError(code, "the notebook stopped before its last cell", executed)
    html = export_html(nb, f"Regio-analyse regio {code}")
    problems = scan(html)
    if problems:
        raise BuildError(code, "the HTML failed the safety scan: " + "; ".join(problems[:5]), executed)
    _write_atomic(target, html)
    return BuiltReport(code, target, executed, summary["inputs_hash"])


def _refuse_invalid(code: str, summary: dict) -> None:
    if not summary["ok"]:
        problems = [p for d in summary["datasets"] for p in d["problems"]]
        raise BuildError(code, "the input data failed validation: " + "; ".join(problems[:5]))


def _validate_into(root: Path, summary_path: Path) -> dict:
    """Validate (or reuse the cache) and write the summary where the notebook waits for it."""
    try:
        summary = validation_summary(root)
    except Exception as exc:  # the notebook must not wait forever: it gets a failed summary
        summary = {
            "ok": False,
            "datasets": [
                {
                    "name": "validatie",
                    "file": "",
                    "ok": False,
                    "expectations": 0,
                    "problems": [f"validation could not run: {exc}"],
                }
            ],
        }
    _write_atomic(summary_path, json.dumps(summary, ensure_ascii=False))
    return summary


def _run_catching(notebook: Path, executed: Path, params: dict) -> Exception | None:
    try:
        run_notebook(notebook, executed, params)
    except Exception as exc:
        return exc
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[-1][:300] if text else ""
