"""Spelers en krachtenveld: who is involved, in which phase, and how (from the region's input file)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.io import regiovisie
from workbench.io.inputs import RegionData
from workbench.report import chapters
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, example_note, missing
from workbench.report.texts import MISSING, SPELERS_INTRO


@dataclass(kw_only=True, repr=False)
class Spelers(Section):
    """The players: tables ``krachtenveld`` (phase by role) and ``partijen`` (absent without input)."""

    code: str
    naam: str
    voorbeeld: bool

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, invoer: dict | None) -> Spelers:
    """The players of ``data``'s region; ``invoer`` is its input file (``None``: none yet)."""
    items = (invoer or {}).get("spelers")
    tables = {}
    if items:
        matrix = pd.DataFrame("", index=list(regiovisie.PHASES), columns=list(regiovisie.ROLES))
        for s in items:
            cell = matrix.at[s["fase"], s["rol"]]
            matrix.at[s["fase"], s["rol"]] = f"{cell}; {s['naam']}" if cell else s["naam"]
        tables["krachtenveld"] = matrix.reset_index().rename(columns={"index": "fase"})
        tables["partijen"] = pd.DataFrame(
            [{"partij": s["naam"], "soort": s.get("soort") or "", "rol": s["rol"], "fase": s["fase"]} for s in items]
        )
    return Spelers(code=data.code, naam=data.naam, voorbeeld=bool((invoer or {}).get("voorbeeld")), tabellen=tables)


def render(s: Spelers) -> str:
    """The matrix of phase by role and the list of parties, or what is missing."""
    if "krachtenveld" not in s.tabellen:
        return h.section("spelers", chapters.title("spelers"), missing(s.code, MISSING["spelers"]))
    return h.section(
        "spelers",
        chapters.title("spelers"),
        example_note(s.voorbeeld),
        h.para(SPELERS_INTRO),
        h.table(s.tabellen["krachtenveld"], f"Krachtenveld van de regio {s.naam}: partijen naar fase en rol."),
        h.table(s.tabellen["partijen"], "Alle betrokken partijen."),
    )
