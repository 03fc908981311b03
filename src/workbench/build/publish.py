"""Publish a run: check that it completed, export it to reviewer HTML, scan it, and rename it into place.

The export uses the workbench's own nbconvert template (``report/templates/regioanalyse``): only the HTML the
package produces, and the analyst's narrative from markdown cells (escaped: no raw HTML, no images, links as
text); no code, prompts, warnings or scripts. A report is written next to its target and renamed over it, so a
failed or interrupted build leaves the previous report untouched.
"""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import mistune

from workbench.build.runs import Run
from workbench.build.safety import scan
from workbench.contracts import (
    COMPLETE_ATTRIBUTE,
    DOWNLOAD_DIR,
    KEPT_FIGURES_FILE,
    REPORT_FILE,
    STATEMENT_FILE,
    local_page,
)
from workbench.errors import BuildError
from workbench.files import write_atomic

if TYPE_CHECKING:
    import nbformat

TEMPLATES = Path(__file__).parents[1] / "report" / "templates"
SOURCE_NOTE_TAG = "bron"
"""Markdown cells with this tag are notes for the notebook's reader, not part of the report."""


class _Narrative(mistune.HTMLRenderer):
    """Markdown as reviewer-safe HTML: raw HTML escaped, no images, links as text, headings that never skip.

    The first heading of a narrative becomes an ``h2`` (valid wherever the cell stands: after the title or
    inside a section); later ones keep their relative level but never go more than one level deeper.
    """

    def __init__(self) -> None:
        super().__init__(escape=True)
        self._shift: int | None = None
        self._previous = 1

    def heading(self, text: str, level: int, **attrs) -> str:
        if self._shift is None:
            self._shift = level - 2
        out = max(2, min(level - self._shift, self._previous + 1, 6))
        self._previous = out
        return f"<h{out}>{text}</h{out}>\n"

    def image(self, text: str, url: str, title: str | None = None) -> str:
        return text

    def link(self, text: str, url: str, title: str | None = None) -> str:
        return f"{text} ({mistune.escape(url)})" if url and url != text else text


def narrative_html(source: str) -> str:
    """The analyst's narrative of a markdown cell, as reviewer-safe HTML."""
    markdown = mistune.create_markdown(renderer=_Narrative())
    return f'<div class="narrative">{markdown(source)}</div>'


def ran_to_the_end(nb: nbformat.NotebookNode) -> bool:
    """True when the last code cell produced the page's closing element."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    if not code:
        return False
    outputs = code[-1].get("outputs", [])
    return any(f"{COMPLETE_ATTRIBUTE}=" in str(o.get("data", {}).get("text/html", "")) for o in outputs)


@cache
def _exporter() -> type:
    """The HTML exporter of nbconvert without its second pass over the finished page.

    That pass parses the whole page again (BeautifulSoup) to give images without alt text a placeholder and
    JupyterLab's cell boxes a tab stop, then writes it out anew: our template has no such boxes, every image has
    its alt text (the safety scan refuses a page without), and the pass took nine tenths of an export. The class
    is made once (nbconvert is imported only when a page is exported).
    """
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter

    class ReviewerExporter(HTMLExporter):
        def from_notebook_node(self, nb, resources=None, **kw):
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return ReviewerExporter


def export_html(nb: nbformat.NotebookNode, title: str, root: str = "") -> str:
    """Export an executed notebook to reviewer HTML with the workbench template.

    ``root`` leads from the page to the site's folder (``../`` for a region's page): its footer links the
    accessibility statement there.
    """
    exporter = _exporter()(extra_template_basedirs=[str(TEMPLATES)], template_name="regioanalyse")
    exporter.register_filter("narrative", narrative_html)
    resources = {"report_title": title, "source_note_tag": SOURCE_NOTE_TAG, "site_root": root}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def report_target(out_dir: Path, code: str) -> Path:
    """``OUT/CODE/regio-analyse.html``, refusing any path that would leave OUT."""
    target = (out_dir / code / REPORT_FILE).resolve()
    if not target.is_relative_to(out_dir.resolve()) or not re.fullmatch(r"GM\d{4}", code):
        raise BuildError(code, "het pad van het rapport valt buiten de rapportenmap")
    return target


def linked_files(html: str) -> set[str]:
    """The page's links into its downloads folder (file names)."""
    return set(re.findall(rf'href="{DOWNLOAD_DIR}/([^"/]+)"', html))


def publish_files(staged: Path, folder: Path) -> None:
    """Put the staged downloads in place of ``folder``: the new folder is complete before it is renamed in."""
    fresh = folder.with_name(f".{folder.name}.new")
    old = folder.with_name(f".{folder.name}.old")
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    fresh.mkdir(parents=True)
    if staged.is_dir():
        for path in sorted(staged.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                shutil.copyfile(path, fresh / path.name)
    if folder.exists():
        folder.rename(old)
    fresh.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def publish(run: Run, region: str, target: Path, title: str, root: str = "../") -> None:
    """Check that the run completed, export it, scan it, and rename it and its downloads over ``target``.

    The downloads folder is renamed into place just before the page (each rename is atomic), and only when every
    file the page links to is there.
    """
    import nbformat

    from workbench.io import kerncijfers

    publish_page(nbformat.read(run.executed, as_version=4), region, target, title, run.files, run.log, root)
    run.log_line(f"published {target}")
    kept = kerncijfers.keep(run.log.parent / KEPT_FIGURES_FILE, Path(run.parameters["build_dir"]))
    if kept is not None:
        run.log_line(f"kept the key figures in {kept}")


def publish_page(
    nb: nbformat.NotebookNode, name: str, target: Path, title: str, files: Path, log: Path, root: str
) -> None:
    """Publish one executed notebook (a region's or a gemeente's page) with its downloads over ``target``.

    ``root`` leads from the page to the site's folder (see :func:`export_html`).
    """
    if not ran_to_the_end(nb):
        raise BuildError(name, "het notebook stopte voor de laatste cel", log)
    html = export_html(nb, title, root)
    problems = scan(html)
    if problems:
        raise BuildError(name, "de HTML is niet veilig genoeg om te publiceren", log, problems)
    present = {p.name for p in files.iterdir()} if files.is_dir() else set()
    missing = sorted(linked_files(html) - present)
    if missing:
        raise BuildError(name, "de pagina verwijst naar downloads die niet zijn geschreven", problems=missing)
    publish_files(files, target.parent / DOWNLOAD_DIR)
    write_atomic(target, html)


LOCAL_ROOT = "../../../"
"""From a gemeente's page (``OUT/CODE/gemeenten/GMxxxx/``) to the site's folder."""


def publish_statement(out_dir: Path) -> Path:
    """Write the site's accessibility statement (``OUT/toegankelijkheid.html``) when it is missing or changed."""
    import nbformat.v4 as v4

    from workbench.report.toegankelijkheid import TITLE, statement

    output = v4.new_output("display_data", data={"text/html": statement()})
    html = export_html(v4.new_notebook(cells=[v4.new_code_cell(outputs=[output])]), TITLE)
    problems = scan(html)
    if problems:
        raise BuildError("toegankelijkheid", "de HTML is niet veilig genoeg om te publiceren", problems=problems)
    target = out_dir / STATEMENT_FILE
    if not target.is_file() or target.read_text(encoding="utf-8") != html:
        write_atomic(target, html)
    return target


def local_target(out_dir: Path, region: str, gemeente: str) -> Path:
    """``OUT/CODE/gemeenten/GMxxxx/lokale-analyse.html``, refusing any path that would leave OUT."""
    if not re.fullmatch(r"GM\d{4}", gemeente):
        raise BuildError(gemeente, "het pad van de pagina valt buiten de rapportenmap")
    return report_target(out_dir, region).parent / local_page(gemeente)


def publish_local_pages(
    folder: Path, region: str, out_dir: Path, titles: dict[str, str], log: Path
) -> tuple[list[Path], list[BuildError]]:
    """Publish the page of every gemeente in ``titles`` (code → browser title) that the region's run wrote.

    See :func:`workbench.report.lokale_analyse.write_pages`. A page that fails (or was not written) leaves its
    previous version and is returned as a failure; the others are published. A run that wrote no pages at all (a
    notebook without the lokale analyses) publishes none and fails none. Returns the published pages and the
    failures.
    """
    import nbformat

    if not folder.is_dir():
        return [], []
    published, failures = [], []
    for code, title in titles.items():
        executed = next((folder / code).glob("*.executed.ipynb"), None)
        try:
            if executed is None:
                raise BuildError(code, "de pagina van de gemeente is niet geschreven", log)
            target = local_target(out_dir, region, code)
            notebook = nbformat.read(executed, as_version=4)
            publish_page(notebook, code, target, title, folder / code / DOWNLOAD_DIR, log, LOCAL_ROOT)
            published.append(target)
        except BuildError as exc:
            failures.append(exc)
    return published, failures
