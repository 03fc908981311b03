"""Regie, aansturing en verantwoording: who holds which regie, steering and accounting, the evaluation moments."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.io.inputs import RegionData
from workbench.report import chapters
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, example_note, missing
from workbench.report.texts import MISSING, NOT_GIVEN, REGIE_PARTS


@dataclass(kw_only=True, repr=False)
class Regie(Section):
    """Who holds which regie, and the evaluation moments; tables absent without input.

    Tables ``regie`` (``onderdeel``, ``afspraak``; every part, empty where not given) and ``evaluaties``
    (``datum``, ``tafel``, ``wat``).
    """

    code: str
    naam: str
    voorbeeld: bool

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, invoer: dict | None) -> Regie:
    """The regie agreements of ``data``'s region; ``invoer`` is its input file (``None``: none yet)."""
    given = (invoer or {}).get("regie")
    section = Regie(code=data.code, naam=data.naam, voorbeeld=bool((invoer or {}).get("voorbeeld")))
    if given:
        tables = {
            "regie": pd.DataFrame(
                [{"onderdeel": label, "afspraak": given.get(key) or ""} for key, label in REGIE_PARTS.items()]
            )
        }
        if given.get("evaluaties"):
            tables["evaluaties"] = pd.DataFrame(
                [{"datum": e["datum"], "tafel": e["tafel"], "wat": e.get("wat") or ""} for e in given["evaluaties"]]
            ).sort_values("datum", kind="stable", ignore_index=True)
        section.tabellen = tables
    return section


def render(s: Regie) -> str:
    """The regie table and the evaluation moments, or what is missing."""
    t = s.tabellen
    if not t:
        return h.section("regie", chapters.title("regie"), missing(s.code, MISSING["regie"]))
    shown = t["regie"].assign(afspraak=t["regie"]["afspraak"].replace("", NOT_GIVEN))
    parts = [
        example_note(s.voorbeeld),
        h.table(
            shown,
            f"Wie in de regio {s.naam} welke regie voert, hoe de centrumgemeente wordt aangestuurd en "
            "verantwoording aflegt.",
        ),
        h.heading(3, "Wanneer de evaluatie terugkomt"),
    ]
    if "evaluaties" in t:
        e = t["evaluaties"]
        parts.append(
            h.table(
                e.assign(datum=e["datum"].map(f.fmt_date)),
                "Momenten waarop informatie over de regionale aanpak op tafel komt.",
            )
        )
    else:
        parts.append(missing(s.code, MISSING["evaluaties"]))
    return h.section("regie", chapters.title("regie"), *parts)
