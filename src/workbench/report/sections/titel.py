"""The report's head (title, data date, version, demonstration banner) and its closing element."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.contracts import COMPLETE_ATTRIBUTE, INDEX_FILE
from workbench.io.inputs import RegionData
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, count_gemeenten
from workbench.report.texts import BACK_TO_OVERVIEW, REPORT_PARTS, demo_text
from workbench.stats import budget_figures


@dataclass(kw_only=True, repr=False)
class Titel(Section):
    """The head of a regio-analyse: who, which year, how fresh the data are, which version."""

    code: str
    naam: str
    periode: int
    gemeenten: int
    laatste_halfjaar: str
    voorlopige_jaren: list[str]
    begroting_van: int | None
    begroting_tot: int | None
    versie: str
    demonstratie: list[str]
    """The parts that are demonstration figures (keys of :data:`workbench.report.texts.DEMO_PARTS`)."""
    inhoud: list[tuple[str, str]]
    """The report's sections: (anchor, title), for the table of contents."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def data_status(aard: pd.DataFrame, budget_lines: pd.DataFrame) -> dict:
    """The data date: the latest Veilig Thuis half-year, the provisional years, the budget years."""
    halves = aard.loc[aard["halfjaar"] > 0, ["periode", "voorlopig"]].drop_duplicates()
    provisional = sorted({p[:4] for p, v in zip(halves["periode"], halves["voorlopig"], strict=True) if v})
    years = budget_lines["jaar"]
    return {
        "laatste_halfjaar": str(halves["periode"].max()),
        "voorlopige_jaren": provisional,
        "begroting_van": None if years.empty else int(years.min()),
        "begroting_tot": None if years.empty else int(years.max()),
    }


def demo_parts(data: RegionData) -> list[str]:
    """Which parts of the report's figures are demonstration figures, from the provenance register."""
    parts = []
    if data.vt_demonstratie:
        parts.append("veilig_thuis_elders" if data.vt_eigen else "veilig_thuis")
    if data.begroting_demonstratie:
        parts.append("begroting")
    return parts


def compute(data: RegionData, version: str, contents: list[tuple[str, str]]) -> Titel:
    """The head of ``data``'s regio-analyse; ``contents`` are its sections (anchor, title)."""
    return Titel(
        inhoud=contents,
        code=data.code,
        naam=data.naam,
        periode=data.periode,
        gemeenten=len(data.member_codes),
        versie=version,
        demonstratie=demo_parts(data),
        **data_status(data.aard, budget_figures.region_lines(data.budget, data.code)),
    )


def status_text(t: Titel) -> str:
    """'Stand van de gegevens: …' for the head of a report."""
    last = t.laatste_halfjaar
    status = f" ({' en '.join(t.voorlopige_jaren)} voorlopig)" if t.voorlopige_jaren else " (definitief)"
    budget = f"; begroting {t.begroting_van}–{t.begroting_tot}" if t.begroting_van is not None else ""
    return (
        f"Stand van de gegevens: Veilig Thuis tot en met het {last[-1]}e halfjaar {last[:4]}{status}; "
        f"bevolking op 1 januari 2020{budget}."
    )


def data_lines(t: Titel) -> list[str]:
    """The data date and version, and the banner on demonstration data (a region's page and its gemeenten')."""
    lines = [h.para(f"{status_text(t)} Gemaakt met regiovisie-workbench versie {t.versie}.", "small")]
    return [*lines, h.banner(demo_text(t.demonstratie))] if t.demonstratie else lines


def render(t: Titel) -> str:
    """The heading, the lead, the data date and version, and the banner on demonstration data."""
    parts = [
        h.heading(1, f"Regiovisie huiselijk geweld en kindermishandeling: regio {t.naam}"),
        h.para(
            f"{REPORT_PARTS} Verslagjaar {t.periode}. Centrumgemeente {t.naam} "
            f"({t.code}) met {count_gemeenten(t.gemeenten)}.",
            "lead",
        ),
        *data_lines(t),
    ]
    parts.append(h.table_of_contents(t.inhoud, h.Link(BACK_TO_OVERVIEW, f"../{INDEX_FILE}")))
    return "".join(parts)


@dataclass(kw_only=True, repr=False)
class Einde(Section):
    """The report's last element: the builder publishes a report only when it is present."""

    code: str
    naam: str
    soort: str = "regio-analyse"
    """What the page is, in the footer ('regio-analyse', 'lokale analyse')."""

    def body(self) -> str:
        """The footer and the completion mark."""
        return (
            f'<footer><p class="small">Einde van de {h.esc(self.soort)} {h.esc(self.naam)}.</p></footer>'
            f'<div hidden {COMPLETE_ATTRIBUTE}="{h.esc(self.code)}"></div>'
        )


def einde(data: RegionData) -> Einde:
    """The closing element of ``data``'s regio-analyse."""
    return Einde(code=data.code, naam=data.naam)
