"""Lokaal: the region's goals that ask local action, the prevention activities in the gemeente, its commentary."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.report import html_parts as h
from workbench.report.sections.base import Section, missing
from workbench.report.sections.doelen import Doelen
from workbench.report.sections.preventie import Preventie
from workbench.report.texts import COMMENTARY_GEMEENTE, MISSING, NO_INDICATOR_FLAG

ANCHOR = "lokaal"
TITLE = "Wat de regiovisie lokaal vraagt"


@dataclass(kw_only=True, repr=False)
class Lokaal(Section):
    """Tables ``doelen`` (the region's local goals) and ``preventie`` (the activities that reach the gemeente)."""

    code: str
    naam: str
    regio: str
    regio_code: str
    toelichting: str
    """The gemeente's own commentary from the region's input file ('' for none)."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(code: str, name: str, goals: Doelen, prevention: Preventie, invoer: dict | None) -> Lokaal:
    """What the region's plan asks of gemeente ``code`` (``name``); ``invoer`` is the region's input file."""
    tables = {}
    frame = goals.tabellen.get("doelen")
    if frame is not None:
        tables["doelen"] = frame[frame["niveau"] == "lokaal"].reset_index(drop=True)
    activities = prevention.tabellen.get("activiteiten")
    if activities is not None:
        reach = [code in codes or "alle" in codes for codes in prevention.bereikt]
        tables["preventie"] = activities[reach].reset_index(drop=True)
    notes = (invoer or {}).get("commentaar_gemeenten") or {}
    return Lokaal(
        code=code,
        naam=name,
        regio=goals.naam,
        regio_code=goals.code,
        toelichting=notes.get(code) or "",
        tabellen=tables,
    )


def render(s: Lokaal) -> str:
    """The local goals, the prevention activities and the gemeente's commentary, or what is missing."""
    parts = []
    goals = s.tabellen.get("doelen")
    if goals is None:
        parts.append(missing(s.regio_code, MISSING["doelen"]))
    elif goals.empty:
        parts.append(h.para(f"De regio {s.regio} heeft geen doelen op lokaal niveau vastgelegd.", "missing"))
    else:
        shown = pd.DataFrame(
            {
                "doel": goals["doel"],
                "preventie": goals["preventie"].map({True: "ja", False: "nee"}),
                "indicatoren": goals["indicatoren"].map(lambda n: "; ".join(n) or NO_INDICATOR_FLAG),
            }
        )
        parts.append(h.table(shown, f"Doelen van de regio {s.regio} op lokaal niveau: wat {s.naam} zelf doet."))
    activities = s.tabellen.get("preventie")
    if activities is not None and not activities.empty:
        parts.append(
            h.table(
                activities[["activiteit", "niveau", "doelgroep", "begrotingspost"]],
                f"Preventieve activiteiten die {s.naam} bereiken (uit de regiovisie).",
            )
        )
    parts += [h.heading(3, COMMENTARY_GEMEENTE)]
    parts.append(
        h.para(s.toelichting)
        if s.toelichting
        else h.para(
            f"{s.naam} heeft nog geen eigen toelichting gegeven. Die staat in regios/{s.regio_code}/regiovisie.yaml "
            f"onder 'commentaar_gemeenten', bij {s.code}.",
            "missing",
        )
    )
    return h.section(ANCHOR, TITLE, *parts)
