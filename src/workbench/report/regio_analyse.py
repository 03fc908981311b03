"""What the regio-analyse notebook calls: one object per region, one attribute per section.

Each attribute is the section's :class:`~workbench.report.sections.base.Section`, computed once: in JupyterLab it
shows as it will in the report (and nbconvert exports exactly that HTML), and ``ra.meldingen.tabellen`` gives the
analyst every table behind it.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from workbench import __version__
from workbench.contracts import BLOCKED_KEY, local_page
from workbench.files import wait_for_json
from workbench.io import kerncijfers, regiovisie
from workbench.io.inputs import RegionData, load_region
from workbench.paths import build_dir
from workbench.report import chapters
from workbench.report import html_parts as h
from workbench.report.downloads import Context
from workbench.report.sections import (
    aanbieders,
    beantwoord,
    besluitvorming,
    de_regio,
    deel,
    doelen,
    downloads,
    financiele_paragraaf,
    meldingen,
    monitoring,
    omvang,
    preventie,
    problematiek,
    procesplanning,
    regie,
    samenvatting,
    spelers,
    taken_en_budget,
    titel,
    uitgangspunten,
    veiligheidsbeoordeling,
    veranderd,
    verantwoording,
    vergelijkbare_regios,
    vervolg,
    verwachting,
    werkwijze,
)
from workbench.report.sections.base import Section
from workbench.report.texts import DOWNLOADS_TITLE, demo_text
from workbench.stats import kengetallen
from workbench.stats.indicators import Indicators, compute

VALIDATION_WAIT_SECONDS = 120
SECTIONS = ("titel", *chapters.order())
"""The sections of a report in order, parts' openings included (the notebook shows them in this order)."""


class RegioAnalyse:
    """The regio-analyse of one region.

    Parameters
    ----------
    data
        The loaded inputs.
    validation
        Where the builder puts the validation summary (see :mod:`workbench.checks.summary`), or ``None``.
    """

    def __init__(
        self,
        data: RegionData,
        validation: str | Path | None = None,
        files: str | Path | None = None,
        gemeenten: str | Path | None = None,
        build: str | Path | None = None,
    ) -> None:
        self.data = data
        self.build = build_dir(build)
        """The private build folder: where the key figures of earlier published analyses are kept."""
        self.validation_path = Path(validation) if validation else None
        self.files = Path(files) if files else None
        """Where :attr:`downloads` writes the page's files (``None``: nowhere, only the list)."""
        self.gemeenten = Path(gemeenten) if gemeenten else None
        """Where :meth:`schrijf_lokale_analyses` writes the gemeenten's pages (``None``: not written, not linked)."""
        self.indicators: Indicators = compute(data)
        members = dict(zip(data.members["gemeentecode"], data.members["gemeentenaam"], strict=True))
        self.invoer: dict | None = regiovisie.load_for_region(data.code, members, data.data_root)

    @classmethod
    def load(
        cls,
        regio: str,
        data_dir: str = "",
        periode: int = 2024,
        validatie: str = "",
        build: str = "",
        bestanden: str = "",
        gemeenten: str = "",
    ) -> RegioAnalyse:
        """Load a region (code or name); ``data_dir`` empty for the project's ``data/``.

        ``validatie`` is the path where the builder puts the validation summary; it is read only by
        :attr:`verantwoording`, which waits for it (validation may still be running when the notebook starts).
        ``build`` is the private build folder (its input cache); empty for the project's ``build/``.
        ``bestanden`` is the folder where :attr:`downloads` writes the page's files; empty: not written.
        ``gemeenten`` is the folder where every gemeente's lokale analyse is written; empty: not written.
        """
        folder = build_dir(build or None)
        data = load_region(regio, data_dir or None, periode, folder)
        return cls(data, validatie or None, bestanden or None, gemeenten or None, folder)

    def _validation(self) -> dict | None:
        if self.validation_path is None:
            return None
        return wait_for_json(self.validation_path, VALIDATION_WAIT_SECONDS, "validation summary")

    def _withheld(self) -> frozenset[str]:
        """Regions whose input failed validation (waits for the summary): no figure of theirs on this page."""
        return frozenset((self._validation() or {}).get(BLOCKED_KEY, []))

    def _commented(self, section: Section, key: str) -> Section:
        """The section with the region's own commentary for it (``key`` in the input file's ``commentaar``)."""
        section.commentaar = ((self.invoer or {}).get("commentaar") or {}).get(key) or ""
        return section

    @cached_property
    def titel(self) -> titel.Titel:
        """Heading, data date, version, the banner on demonstration data, and the table of contents.

        The contents are read from the other sections' HTML (each renders once), so they list exactly what the
        report shows.
        """
        pages = [getattr(self, name).html() for name in SECTIONS if name != "titel"]
        return titel.compute(self.data, __version__, [*h.contents(pages), ("downloads", DOWNLOADS_TITLE)])

    @cached_property
    def samenvatting(self) -> samenvatting.Samenvatting:
        """Samenvatting."""
        return self._commented(samenvatting.compute(self.data, self.indicators), "samenvatting")

    @cached_property
    def beantwoord(self) -> beantwoord.Beantwoord:
        """Wat deze regiovisie beantwoordt: every question of the spoorboekje, its status and its chapter.

        Reads the other chapters' tables and anchors (each renders once).
        """
        sections = {key: getattr(self, key) for key in chapters.CHAPTERS if key != "beantwoord"}
        anchors = {key: h.contents([s.html()])[0][0] for key, s in sections.items()}
        tables = {key: s.tabellen for key, s in sections.items()}
        section = beantwoord.compute(self.data.code, self.invoer, tables, anchors, len(self.data.member_codes) == 1)
        return self._commented(section, "beantwoord")

    @cached_property
    def deel_1(self) -> deel.Deel:
        """The opening of part 1, the regio-analyse."""
        return deel.compute("deel_1")

    @cached_property
    def deel_2(self) -> deel.Deel:
        """The opening of part 2, the visie and plan chapters."""
        return deel.compute("deel_2")

    @cached_property
    def de_regio(self) -> de_regio.DeRegio:
        """De regio."""
        links = {code: local_page(code) for code in self.data.member_codes} if self.gemeenten else {}
        return self._commented(de_regio.compute(self.data, links), "de_regio")

    @cached_property
    def meldingen(self) -> meldingen.Meldingen:
        """Meldingen en adviezen bij Veilig Thuis."""
        return self._commented(meldingen.compute(self.data, self.indicators), "meldingen")

    @cached_property
    def veranderd(self) -> veranderd.Veranderd:
        """Wat is veranderd sinds vorig jaar: every key figure with its change and whether it is beyond chance."""
        balance = self.taken_en_budget.tabellen.get("balans")
        earlier = kerncijfers.previous(self.build, self.data.code, self.data.periode - 1)
        return self._commented(veranderd.compute(self.data, self.tellingen, balance, earlier), "veranderd")

    @cached_property
    def verwachting(self) -> verwachting.Verwachting:
        """Verwachting: next year's meldingen per half-year for the region and its VT-region(s), back-tested."""
        return self._commented(verwachting.compute(self.data), "verwachting")

    @cached_property
    def veiligheidsbeoordeling(self) -> veiligheidsbeoordeling.Veiligheidsbeoordeling:
        """Veiligheidsbeoordeling en overdracht: the outcome of Veilig Thuis's assessment, per gemeente."""
        return self._commented(veiligheidsbeoordeling.compute(self.data, self.tellingen), "veiligheidsbeoordeling")

    @cached_property
    def vervolg(self) -> vervolg.Vervolg:
        """Na de melding: what followed the closed meldingen (local field, wijkteam, other party), per gemeente."""
        return self._commented(vervolg.compute(self.data, self.tellingen), "vervolg")

    @cached_property
    def omvang(self) -> omvang.Omvang:
        """Omvang: extrapolatie van landelijke prevalentie."""
        return self._commented(omvang.compute(self.data), "omvang")

    @cached_property
    def vergelijkbare_regios(self) -> vergelijkbare_regios.VergelijkbareRegios:
        """Vergelijkbare regio's."""
        section = vergelijkbare_regios.compute(self.data, self.indicators, self._withheld())
        return self._commented(section, "vergelijkbare_regios")

    @cached_property
    def problematiek(self) -> problematiek.Problematiek:
        """Specifieke problematiek (from the region's input file)."""
        return self._commented(problematiek.compute(self.data, self.invoer), "problematiek")

    @cached_property
    def aanbieders(self) -> aanbieders.Aanbieders:
        """Huidige aanbieders."""
        return self._commented(aanbieders.compute(self.data, self.invoer), "aanbieders")

    @cached_property
    def spelers(self) -> spelers.Spelers:
        """Spelers en krachtenveld."""
        return self._commented(spelers.compute(self.data, self.invoer), "spelers")

    @cached_property
    def taken_en_budget(self) -> taken_en_budget.TakenEnBudget:
        """Taken en budget, with the agreed tasks."""
        return self._commented(taken_en_budget.compute(self.data, self.invoer), "taken_en_budget")

    @cached_property
    def uitgangspunten(self) -> uitgangspunten.Uitgangspunten:
        """Uitgangspunten en reikwijdte (the VT-regions from the data, the rest from the region's input file)."""
        return self._commented(uitgangspunten.compute(self.data, self.invoer), "uitgangspunten")

    @cached_property
    def besluitvorming(self) -> besluitvorming.Besluitvorming:
        """Besluitvorming: where the visie is adopted and each council's decision."""
        return self._commented(besluitvorming.compute(self.data, self.invoer), "besluitvorming")

    @cached_property
    def werkwijze(self) -> werkwijze.Werkwijze:
        """Huidige werkwijze, per phase, and new developments."""
        return self._commented(werkwijze.compute(self.data, self.invoer), "werkwijze")

    @cached_property
    def doelen(self) -> doelen.Doelen:
        """Doelen en ambities."""
        return self._commented(doelen.compute(self.data, self.invoer), "doelen")

    @cached_property
    def regie(self) -> regie.Regie:
        """Regie, aansturing en verantwoording."""
        return self._commented(regie.compute(self.data, self.invoer), "regie")

    @cached_property
    def preventie(self) -> preventie.Preventie:
        """Preventie, with the budget post of each activity."""
        return self._commented(preventie.compute(self.data, self.invoer), "preventie")

    @cached_property
    def procesplanning(self) -> procesplanning.Procesplanning:
        """Procesplanning."""
        return self._commented(procesplanning.compute(self.data, self.invoer), "planning")

    @cached_property
    def financiele_paragraaf(self) -> financiele_paragraaf.FinancieleParagraaf:
        """Financiële paragraaf."""
        return self._commented(financiele_paragraaf.compute(self.data, self.invoer), "financien")

    @cached_property
    def monitoring(self) -> monitoring.Monitoring:
        """Monitoring."""
        section = monitoring.compute(self.data, self.invoer, self._withheld(), self.tellingen)
        return self._commented(section, "monitoring")

    @cached_property
    def tellingen(self) -> kengetallen.AreaCounts:
        """The region's Veilig Thuis counts per year and its populations (monitoring and the gemeente pages)."""
        return kengetallen.region_counts(self.data)

    @cached_property
    def verantwoording(self) -> verantwoording.Verantwoording:
        """Verantwoording (waits for the validation summary when the builder gives one)."""
        return verantwoording.compute(self.data, self.invoer, self._validation(), __version__)

    @cached_property
    def downloads(self) -> downloads.Downloads:
        """The page's files (a CSV per table, one workbook), written to the builder's folder when it gives one.

        The analysis's key figures go beside that folder (:data:`workbench.io.kerncijfers.RUN_FILE`), private.
        """
        sections = [getattr(self, name) for name in SECTIONS]
        v = self.verantwoording
        context = Context(self.data.code, self.data.naam, self.data.periode)
        explanation = downloads.toelichting(
            context,
            verantwoording.source_lines(v),
            demo_text(v.demonstratie) if v.demonstratie else "",
            __version__,
            v.kenmerk,
        )
        explanation += [
            (f"Commentaar van de regio bij {title}", s.commentaar)
            for s in sections
            if s.commentaar
            for _, title in h.contents([s.html()])
        ]
        section = downloads.compute(context, sections, explanation)
        if self.files is not None:
            downloads.write(section, self.files)
            kerncijfers.write(self.files.parent / kerncijfers.RUN_FILE, self.kerncijfers)
        return section

    @cached_property
    def kerncijfers(self) -> kerncijfers.Kerncijfers:
        """The key figures of this analysis, kept by the builder once the page is published (for next year's)."""
        return veranderd.kept_figures(self.data, self.tellingen)

    def schrijf_lokale_analyses(self) -> None:
        """Write every gemeente's lokale analyse into the builder's folder (nothing without one)."""
        if self.gemeenten is not None:
            from workbench.report.lokale_analyse import write_pages

            write_pages(self, self.gemeenten)

    @cached_property
    def einde(self) -> titel.Einde:
        """The closing element that marks the report as complete."""
        return titel.einde(self.data)
