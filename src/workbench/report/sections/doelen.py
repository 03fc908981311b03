"""Doelen en ambities: the goals with their level and their indicators, the accent on prevention."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.io.inputs import RegionData
from workbench.report import chapters
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, example_note, missing
from workbench.report.texts import MISSING, NO_INDICATOR_FLAG, NOT_GIVEN
from workbench.stats.kengetallen import KENGETALLEN


@dataclass(kw_only=True, repr=False)
class Doelen(Section):
    """The goals and ambitions; the table is absent without input.

    Table ``doelen``: ``doel``, ``niveau``, ``preventie``, ``termijn``, ``indicatoren`` (a list) and ``zonder
    indicator``. ``preventie`` and ``integraliteit`` are the region's ambitions.
    """

    code: str
    naam: str
    voorbeeld: bool
    preventie: str = ""
    integraliteit: str = ""
    aantal: int = 0
    op_preventie: int = 0
    zonder_indicator: int = 0

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def indicator_name(key: str) -> str:
    """A goal's indicator as the report names it: a kengetal by its name, the region's own by theirs."""
    return KENGETALLEN[key].naam if key in KENGETALLEN else key


def compute(data: RegionData, invoer: dict | None) -> Doelen:
    """The goals of ``data``'s region; ``invoer`` is its input file (``None``: none yet)."""
    ambitions = (invoer or {}).get("ambities") or {}
    section = Doelen(
        code=data.code,
        naam=data.naam,
        voorbeeld=bool((invoer or {}).get("voorbeeld")),
        preventie=ambitions.get("preventie") or "",
        integraliteit=ambitions.get("integraliteit") or "",
    )
    goals = (invoer or {}).get("doelen")
    if goals:
        frame = pd.DataFrame(
            [
                {
                    "doel": g["doel"],
                    "niveau": g["niveau"],
                    "preventie": bool(g.get("preventie")),
                    "termijn": g.get("termijn") or "",
                    "indicatoren": [indicator_name(k) for k in g.get("indicatoren") or []],
                }
                for g in goals
            ]
        )
        frame["zonder indicator"] = frame["indicatoren"].map(len).eq(0)
        section.tabellen = {"doelen": frame}
        section.aantal = len(frame)
        section.op_preventie = int(frame["preventie"].sum())
        section.zonder_indicator = int(frame["zonder indicator"].sum())
    return section


def render(s: Doelen) -> str:
    """The goals' table with the flags, the ambitions, or what is missing."""
    goals = s.tabellen.get("doelen")
    if goals is None and not (s.preventie or s.integraliteit):
        return h.section("doelen", chapters.title("doelen"), missing(s.code, MISSING["doelen"]))
    parts = [example_note(s.voorbeeld)]
    if goals is None:
        parts.append(missing(s.code, MISSING["doelen"]))
    else:
        regional = int((goals["niveau"] == "regionaal").sum())
        text = (
            f"De regio heeft {s.aantal} {'doel' if s.aantal == 1 else 'doelen'}: {regional} regionaal en "
            f"{s.aantal - regional} lokaal. {s.op_preventie} van de {s.aantal} gaan over preventie en "
            "vroegsignalering."
        )
        if s.zonder_indicator:
            text += (
                f" {s.zonder_indicator} {'doel heeft' if s.zonder_indicator == 1 else 'doelen hebben'} nog geen "
                "indicator: daarvan is niet te volgen of het gehaald wordt."
            )
        shown = goals.assign(
            preventie=goals["preventie"].map({True: "ja", False: "nee"}),
            termijn=goals["termijn"].replace("", NOT_GIVEN),
            indicatoren=goals["indicatoren"].map(lambda names: "; ".join(names) or NO_INDICATOR_FLAG),
        ).drop(columns=["zonder indicator"])
        parts += [
            h.para(text),
            h.table(shown, f"Doelen van de regio {s.naam}, met hun niveau, termijn en de indicatoren die ze volgen."),
        ]
    for heading, text, key in (
        ("Accent op preventie en vroegsignalering", s.preventie, "ambities_preventie"),
        ("Integraliteit met veiligheid en jeugd", s.integraliteit, "ambities_integraliteit"),
    ):
        parts += [h.heading(3, heading), h.para(text) if text else missing(s.code, MISSING[key])]
    return h.section("doelen", chapters.title("doelen"), *parts)
