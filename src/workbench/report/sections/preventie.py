"""Preventie: local and regional prevention activities, their target group, and the budget post behind each."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from workbench.io.inputs import RegionData
from workbench.report import chapters
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.aanbieders import served
from workbench.report.sections.base import Section, example_note, missing
from workbench.report.texts import MISSING, NO_BUDGET_POST, NOT_GIVEN, NOT_IN_BUDGET, budget_source
from workbench.stats import budget_figures
from workbench.stats.indicators import region_population


@dataclass(kw_only=True, repr=False)
class Preventie(Section):
    """The prevention activities; the table is absent without input.

    Table ``activiteiten``: ``activiteit``, ``niveau``, ``doelgroep``, ``gemeenten``, ``begrotingspost`` and
    ``begroot`` (the euros the budget spends on that post at that level, text where there is none).
    """

    code: str
    naam: str
    voorbeeld: bool
    demonstratie: bool
    jaar: int | None = None
    status: str | None = None
    lokaal: int = 0
    regionaal: int = 0
    bereikt: list[tuple[str, ...]] = field(default_factory=list)
    """Per activity, the codes of the gemeenten it reaches as the input names them ('alle'; empty: not given)."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, invoer: dict | None) -> Preventie:
    """The prevention activities of ``data``'s region; ``invoer`` is its input file (``None``: none yet)."""
    items = (invoer or {}).get("preventie")
    section = Preventie(
        code=data.code,
        naam=data.naam,
        voorbeeld=bool((invoer or {}).get("voorbeeld")),
        demonstratie=data.begroting_demonstratie,
    )
    if not items:
        return section
    lines = budget_figures.region_lines(data.budget, data.code)
    year, status = budget_figures.reporting_year(lines, data.periode)
    spent = (
        budget_figures.spending_by_task(lines, year, status, region_population(data)).set_index("post")
        if year is not None
        else pd.DataFrame()
    )
    names = data.kwb.set_index("code")["naam"]
    rows, reached = [], []
    for a in items:
        post = a.get("begrotingspost")
        if not post:
            amount: object = NO_BUDGET_POST
        elif post in spent.index and spent.at[post, a["niveau"]] > 0:
            amount = float(spent.at[post, a["niveau"]])
        else:
            amount = NOT_IN_BUDGET
        codes = a.get("gemeenten") or []
        codes = codes if isinstance(codes, list) else [codes]
        reached.append(tuple(codes))
        rows.append(
            {
                "activiteit": a["activiteit"],
                "niveau": a["niveau"],
                "doelgroep": a.get("doelgroep") or "",
                "gemeenten": served(names, codes) if codes else NOT_GIVEN,
                "begrotingspost": post or "",
                "begroot": amount,
            }
        )
    frame = pd.DataFrame(rows)
    section.tabellen = {"activiteiten": frame}
    section.jaar, section.status, section.bereikt = year, status, reached
    section.regionaal = int((frame["niveau"] == "regionaal").sum())
    section.lokaal = int((frame["niveau"] == "lokaal").sum())
    return section


def render(s: Preventie) -> str:
    """The activities with their budget post, or what is missing."""
    frame = s.tabellen.get("activiteiten")
    if frame is None:
        return h.section("preventie", chapters.title("preventie"), missing(s.code, MISSING["preventie"]))
    money = (
        f"Begroot: de uitgaven op die post en dat niveau in {s.jaar} ({s.status}); {budget_source(s.demonstratie)}."
        if s.jaar is not None
        else "Voor deze regio is geen begroting aangeleverd."
    )
    shown = frame.rename(columns={"begroot": f"begroot {s.jaar}" if s.jaar else "begroot"})
    return h.section(
        "preventie",
        chapters.title("preventie"),
        example_note(s.voorbeeld),
        h.para(
            f"{len(frame)} preventieve activiteiten: {s.regionaal} regionaal en {s.lokaal} lokaal. Zo is te zien hoe "
            "lokale activiteiten aansluiten op de gezamenlijke activiteiten in de regio."
        ),
        h.table(
            shown,
            f"Preventieve activiteiten in de regio {s.naam}, met hun doelgroep en de begrotingspost. {money}",
            {shown.columns[-1]: f.EURO},
        ),
    )
