"""The page's downloads: the list of its files, and writing them (a CSV per table, one workbook).

A page's sections keep the tables they show (see :meth:`Section.shown_tables`); this section gathers them, lists
them with links for the reader and, when the builder gives a folder, writes the files there. The builder
publishes that folder together with the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.contracts import DOWNLOAD_DIR, workbook_file
from workbench.disclosure.rule import ROUND_TO, SECRET_MAX
from workbench.files import write_atomic
from workbench.report import downloads
from workbench.report import html_parts as h
from workbench.report.sections.base import Section
from workbench.report.texts import DOWNLOADS_INTRO, DOWNLOADS_TITLE, MARKS_EXPLAINED, POPULATION_DATE


@dataclass(kw_only=True, repr=False)
class Downloads(Section):
    """The files of a page: ``tabellen`` is empty; ``bestanden`` are the tables shown, in page order."""

    context: downloads.Context
    bestanden: list[h.ShownTable]
    toelichting: list[tuple[str, str]]
    """The workbook's first sheet: (item, text)."""
    lokaal: bool = False
    """Whether the page is a gemeente's lokale analyse."""

    @property
    def workbook(self) -> str:
        """The workbook's file name."""
        return workbook_file(self.context.code, self.lokaal)

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def toelichting(
    context: downloads.Context,
    sources: list[str],
    demonstration: str,
    version: str,
    kenmerk: str,
    page: str = "",
) -> list[tuple[str, str]]:
    """The workbook's explanation: what, which year, sources and licences, population date, rule, demo, version.

    ``page`` says what the page is ('' for a region's page or the overview, told by the context).
    """
    page = page or (
        f"regio {context.naam} ({context.code})" if context.code.startswith("GM") else "landelijk overzicht"
    )
    return [
        ("Huiselijk geweld en kindermishandeling", page),
        ("Verslagjaar", str(context.periode)),
        *[("Bron", line) for line in sources],
        ("Bevolking", f"Cijfers per 1.000 inwoners en per inwoner gebruiken de inwoners op {POPULATION_DATE}."),
        (
            "Geheimhouding",
            f"Aantallen van 0 tot en met {SECRET_MAX} staan als '.', andere aantallen zijn afgerond op {ROUND_TO} "
            "(regel van CBS). " + MARKS_EXPLAINED,
        ),
        ("Demonstratiecijfers", demonstration or "Nee: alle cijfers komen uit de genoemde bronnen."),
        ("Gemaakt met", f"regiovisie-workbench versie {version}; kenmerk van de invoer {kenmerk}."),
    ]


def compute(
    context: downloads.Context, sections: list[Section], explanation: list[tuple[str, str]], local: bool = False
) -> Downloads:
    """The downloads of a page made of ``sections`` (rendered here if they were not yet)."""
    tables = [t for s in sections for t in s.shown_tables()]
    return Downloads(context=context, bestanden=tables, toelichting=explanation, lokaal=local)


def write(d: Downloads, folder: Path) -> list[Path]:
    """Write every CSV and the workbook into ``folder``; return the paths."""
    written = []
    bodies = [downloads.rows(table, d.context) for table in d.bestanden]
    for table, body in zip(d.bestanden, bodies, strict=True):
        path = folder / f"{table.name}.csv"
        write_atomic(path, downloads.csv_bytes(table, d.context, body))
        written.append(path)
    path = folder / d.workbook
    write_atomic(path, downloads.workbook_bytes(d.bestanden, d.context, d.toelichting, bodies))
    return [*written, path]


def render(d: Downloads) -> str:
    """The workbook link and the list of CSV files with what each holds."""
    items = "".join(
        f"<li>{h.Link(f'{t.name}.csv', f'{DOWNLOAD_DIR}/{t.name}.csv').html()}: {h.esc(t.caption)}</li>"
        for t in d.bestanden
    )
    workbook = h.Link(f"Alle tabellen in één werkmap (Excel): {d.workbook}", f"{DOWNLOAD_DIR}/{d.workbook}")
    return h.section(
        "downloads",
        DOWNLOADS_TITLE,
        h.para(DOWNLOADS_INTRO),
        f'<p class="download-main">{workbook.html()}</p>',
        f'<ul class="downloads">{items}</ul>',
    )
