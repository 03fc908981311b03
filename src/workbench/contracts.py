"""Names that different parts of the workbench must agree on: files, folders, marks and status words.

A change here changes the contract everywhere at once; nothing else spells these strings.
"""

from __future__ import annotations

from pathlib import Path

REPORT_FILE = "regio-analyse.html"
"""A region's report, in ``OUT/CODE/``."""
GEMEENTEN_DIR = "gemeenten"
"""A region's lokale analyses, in ``OUT/CODE/``: one folder per gemeente."""
LOCAL_FILE = "lokale-analyse.html"
"""A gemeente's page, in ``OUT/CODE/gemeenten/GMxxxx/`` (with its downloads folder beside it)."""
INDEX_FILE = "index.html"
STATEMENT_FILE = "toegankelijkheid.html"
"""The site's accessibility statement, next to the index."""
"""The national overview, in ``OUT/``."""
DOWNLOAD_DIR = "bestanden"
"""A page's downloads (CSV per table, one workbook), in a folder of this name next to the page."""
COMPLETE_ATTRIBUTE = "data-report-complete"
"""The attribute of the last element of a page; a page without it is never published."""
BLOCKED_KEY = "geblokkeerd"
"""In the validation summary a notebook reads: the regions whose figures no page may show (their input failed)."""
VALIDATION_FILE = "validatie.json"
"""The validation summary a region's run reads (in its private run folder)."""
LOG_FILE = "build.log"
"""A run's private log."""
BUILT, UNCHANGED, FAILED, BLOCKED = "gebouwd", "ongewijzigd", "mislukt", "geblokkeerd"
"""What happened to a region (or the index) in a batch."""
KEPT_FIGURES_FILE = "kerncijfers.json"
"""The key figures a region's run writes beside its downloads folder; kept by the builder once the page is published
(see :mod:`workbench.io.kerncijfers`)."""
KEPT_FIGURES_DIR = "analyses"
"""The folder in the private build folder where the key figures of published analyses are kept."""


def workbook_file(code: str, local: bool = False) -> str:
    """The workbook of a page, in its :data:`DOWNLOAD_DIR`.

    ``regio-analyse-GM0344.xlsx``, a gemeente's ``lokale-analyse-GM0312.xlsx``, or the overview's.
    """
    if local:
        return f"lokale-analyse-{code}.xlsx"
    return f"regio-analyse-{code}.xlsx" if code.startswith("GM") else "regio-analyses-landelijk-overzicht.xlsx"


def local_page(code: str) -> str:
    """A gemeente's page relative to its region's folder: ``gemeenten/GM0312/lokale-analyse.html``."""
    return f"{GEMEENTEN_DIR}/{code}/{LOCAL_FILE}"


def kept_figures(build: Path, code: str, periode: int) -> Path:
    """Where the key figures of a region's published analysis of ``periode`` are kept in the build folder."""
    return build / KEPT_FIGURES_DIR / f"{code}-{periode}.json"
