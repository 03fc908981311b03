"""Huidige werkwijze: per phase what works and is kept and what must improve, and new developments."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.io.inputs import RegionData
from workbench.io.regiovisie_plan import WORK_PHASES
from workbench.report import chapters
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, example_note, missing
from workbench.report.texts import MISSING, NOT_GIVEN, WERKWIJZE_INTRO


@dataclass(kw_only=True, repr=False)
class Werkwijze(Section):
    """The current way of working; tables absent without input.

    Tables ``fasen`` (per phase: ``fase``, ``behouden``, ``verbeteren``, ``doel van de verbetering``; every
    phase, empty where not given) and ``ontwikkelingen``.
    """

    code: str
    naam: str
    voorbeeld: bool
    open_fasen: tuple[str, ...] = ()
    """The phases the region has said nothing about yet."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, invoer: dict | None) -> Werkwijze:
    """The current way of working in ``data``'s region; ``invoer`` is its input file (``None``: none yet)."""
    given = (invoer or {}).get("werkwijze") or {}
    section = Werkwijze(code=data.code, naam=data.naam, voorbeeld=bool((invoer or {}).get("voorbeeld")))
    tables = {}
    if given.get("fasen"):
        by_phase = {p["fase"]: p for p in given["fasen"]}
        tables["fasen"] = pd.DataFrame(
            [
                {
                    "fase": phase,
                    "behouden": list(by_phase.get(phase, {}).get("behouden") or []),
                    "verbeteren": list(by_phase.get(phase, {}).get("verbeteren") or []),
                    "doel van de verbetering": by_phase.get(phase, {}).get("doel_van_verbetering") or "",
                }
                for phase in WORK_PHASES
            ]
        )
        section.open_fasen = tuple(p for p in WORK_PHASES if p not in by_phase)
    if given.get("ontwikkelingen"):
        tables["ontwikkelingen"] = pd.DataFrame(
            [
                {"ontwikkeling": d["ontwikkeling"], "gevolg voor de regio": d.get("gevolg") or ""}
                for d in given["ontwikkelingen"]
            ]
        )
    section.tabellen = tables
    return section


def _items(values: list[str]) -> str:
    return "; ".join(values) if values else NOT_GIVEN


def render(s: Werkwijze) -> str:
    """Per phase what is kept and what must improve, the new developments, or what is missing."""
    t = s.tabellen
    if not t:
        return h.section("werkwijze", chapters.title("werkwijze"), missing(s.code, MISSING["werkwijze"]))
    parts = [example_note(s.voorbeeld), h.para(WERKWIJZE_INTRO)]
    if "fasen" in t:
        phases = t["fasen"]
        shown = phases.assign(
            behouden=phases["behouden"].map(_items),
            verbeteren=phases["verbeteren"].map(_items),
            **{"doel van de verbetering": phases["doel van de verbetering"].replace("", NOT_GIVEN)},
        )
        parts.append(
            h.table(
                shown,
                f"De huidige werkwijze in de regio {s.naam} per fase: wat werkt en blijft, en "
                "wat beter moet en waartoe.",
            )
        )
        if s.open_fasen:
            parts.append(h.para(f"Nog niet beschreven: de fase {', '.join(s.open_fasen)}.", "missing"))
    else:
        parts.append(missing(s.code, MISSING["werkwijze_fasen"]))
    if "ontwikkelingen" in t:
        parts += [
            h.heading(3, "Nieuwe ontwikkelingen"),
            h.table(
                t["ontwikkelingen"], "Nieuwe ontwikkelingen die de aanpak in de regio raken, en wat zij betekenen."
            ),
        ]
    else:
        parts.append(missing(s.code, MISSING["ontwikkelingen"]))
    return h.section("werkwijze", chapters.title("werkwijze"), *parts)
