"""What the lokale-analyse notebook calls: one gemeente's page, read from its region's computed sections.

A :class:`LokaleAnalyse` takes a :class:`~workbench.report.regio_analyse.RegioAnalyse` and picks the gemeente's
rows from the region's chapters (its profile, its meldingen, its estimates, its money, the plan's local goals), so
a gemeente's page costs little once its region is computed. In a batch, the region's kernel writes every gemeente's
page as an executed notebook (:func:`write_pages`): the cells of ``notebooks/lokale_analyse.ipynb`` with the
sections' HTML as their outputs, exported and published by the builder like any other page.
"""

from __future__ import annotations

import copy
from functools import cached_property
from pathlib import Path

import nbformat

from workbench import __version__
from workbench.contracts import DOWNLOAD_DIR
from workbench.files import write_atomic
from workbench.paths import NOTEBOOKS_DIR
from workbench.report import html_parts as h
from workbench.report.downloads import Context
from workbench.report.lokaal import doelen, geld, kenmerken, meldingen, omvang, vervolg
from workbench.report.lokaal.titel import LokaalTitel
from workbench.report.regio_analyse import RegioAnalyse
from workbench.report.sections import downloads, titel, verantwoording
from workbench.report.texts import DOWNLOADS_TITLE, demo_text

NOTEBOOK = NOTEBOOKS_DIR / "lokale_analyse.ipynb"
SECTIONS = ("titel", "kenmerken", "meldingen", "na_de_melding", "omvang", "geld", "lokaal")
"""The sections of a gemeente's page in order (the notebook shows them in this order, then downloads and end)."""
OBJECT = "la"
"""The name of the notebook's :class:`LokaleAnalyse` (its cells are ``la.titel`` …)."""


class LokaleAnalyse:
    """The lokale analyse of one gemeente of a region.

    Parameters
    ----------
    ra
        The region's analysis.
    gemeente
        The gemeente: its code or name (any case).
    files
        Where :attr:`downloads` writes the page's files (``None``: nowhere).
    """

    def __init__(self, ra: RegioAnalyse, gemeente: str, files: str | Path | None = None) -> None:
        names = dict(zip(ra.data.members["gemeentecode"], ra.data.members["gemeentenaam"], strict=True))
        by_name = {name.lower(): code for code, name in names.items()}
        code = gemeente.upper() if gemeente.upper() in names else by_name.get(gemeente.strip().lower())
        if code is None:
            raise ValueError(f"{gemeente!r} is geen gemeente van de regio {ra.data.naam}")
        self.ra, self.code, self.naam = ra, code, names[code]
        self.files = Path(files) if files else None

    @classmethod
    def load(
        cls,
        regio: str,
        gemeente: str,
        data_dir: str = "",
        periode: int = 2024,
        validatie: str = "",
        build: str = "",
        bestanden: str = "",
    ) -> LokaleAnalyse:
        """Load the region (code or name) and pick the gemeente (code or name); see :meth:`RegioAnalyse.load`."""
        return cls(RegioAnalyse.load(regio, data_dir, periode, validatie, build), gemeente, bestanden or None)

    @cached_property
    def kenmerken(self) -> kenmerken.Kenmerken:
        """Bevolking en risicofactoren."""
        return kenmerken.compute(self.ra.de_regio, self.code)

    @cached_property
    def meldingen(self) -> meldingen.Meldingen:
        """Meldingen en adviezen bij Veilig Thuis."""
        return meldingen.compute(self.ra.data, self.code, self.ra.meldingen, self.ra.tellingen)

    @cached_property
    def na_de_melding(self) -> vervolg.NaDeMelding:
        """The safety assessment and what followed the meldingen, beside the region and Nederland."""
        return vervolg.compute(self.naam, self.ra.veiligheidsbeoordeling, self.ra.vervolg)

    @cached_property
    def omvang(self) -> omvang.Omvang:
        """Omvang per vorm van geweld, with meldingen and bereik."""
        return omvang.compute(self.ra.data, self.code)

    @cached_property
    def geld(self) -> geld.Geld:
        """Local spending and the share of the regional saldo."""
        return geld.compute(self.ra.data, self.code, self.ra.financiele_paragraaf)

    @cached_property
    def lokaal(self) -> doelen.Lokaal:
        """The region's local goals, the prevention activities that reach the gemeente, its commentary."""
        return doelen.compute(self.code, self.naam, self.ra.doelen, self.ra.preventie, self.ra.invoer)

    @cached_property
    def titel(self) -> LokaalTitel:
        """Heading, data date, version, the banner on demonstration data, and the contents."""
        pages = [getattr(self, name).html() for name in SECTIONS if name != "titel"]
        head = titel.compute(self.ra.data, __version__, [])
        return LokaalTitel(
            code=self.code,
            naam=self.naam,
            regio=head,
            inhoud=[*h.contents(pages), ("downloads", DOWNLOADS_TITLE)],
        )

    @cached_property
    def downloads(self) -> downloads.Downloads:
        """The page's files, written to the builder's folder when it gives one."""
        v = self.ra.verantwoording
        context = Context(self.code, self.naam, self.ra.data.periode)
        explanation = downloads.toelichting(
            context,
            verantwoording.source_lines(v),
            demo_text(v.demonstratie) if v.demonstratie else "",
            __version__,
            v.kenmerk,
            page=f"gemeente {self.naam} ({self.code}) in de regio {self.ra.data.naam}",
        )
        sections = [getattr(self, name) for name in SECTIONS]
        section = downloads.compute(context, sections, explanation, local=True)
        if self.files is not None:
            downloads.write(section, self.files)
        return section

    @cached_property
    def einde(self) -> titel.Einde:
        """The closing element that marks the page as complete."""
        return titel.Einde(code=self.code, naam=self.naam, soort="lokale analyse")


def write_pages(ra: RegioAnalyse, folder: Path, notebook: Path = NOTEBOOK) -> list[Path]:
    """Write every gemeente's page of ``ra``'s region as an executed notebook, with its downloads, into ``folder``.

    ``folder/GMxxxx/lokale_analyse.executed.ipynb`` holds the cells of ``notebook`` with the outputs a run would
    give (each ``la.NAME`` cell shows that section's HTML), and ``folder/GMxxxx/bestanden/`` its files. The builder
    exports and publishes each like a region's page. Returns the notebooks written.
    """
    source = nbformat.read(notebook, as_version=4)
    written = []
    for code in ra.data.member_codes:
        page = folder / code
        local = LokaleAnalyse(ra, code, page / DOWNLOAD_DIR)
        nb = copy.deepcopy(source)
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            name = cell.source.strip().removeprefix(f"{OBJECT}.")
            cell.outputs = []
            if cell.source.strip().startswith(f"{OBJECT}.") and name.isidentifier():
                html = getattr(local, name)._repr_html_()
                cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html})]
        path = page / f"{notebook.stem}.executed.ipynb"
        write_atomic(path, nbformat.writes(nb))
        written.append(path)
    return written
