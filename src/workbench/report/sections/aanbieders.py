"""Huidige aanbieders, from the region's input file."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.io.inputs import RegionData
from workbench.report import chapters
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, example_note, missing
from workbench.report.texts import MISSING


@dataclass(kw_only=True, repr=False)
class Aanbieders(Section):
    """The providers (table ``aanbieders``: ``aanbieder``, ``soort hulp``, ``gemeenten``; absent without input)."""

    code: str
    naam: str
    voorbeeld: bool

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def served(names: pd.Series, codes: list[str]) -> str:
    """The gemeenten a provider serves, by name ('alle gemeenten' for all)."""
    if "alle" in codes:
        return "alle gemeenten"
    return ", ".join(str(names.get(c, c)) for c in codes)


def compute(data: RegionData, invoer: dict | None) -> Aanbieders:
    """The providers of ``data``'s region; ``invoer`` is its input file (``None``: none yet)."""
    items = (invoer or {}).get("aanbieders")
    names = data.kwb.set_index("code")["naam"]
    tables = {}
    if items:
        tables["aanbieders"] = pd.DataFrame(
            [
                {
                    "aanbieder": a["naam"],
                    "soort hulp": a["hulp"],
                    "gemeenten": served(
                        names, a["gemeenten"] if isinstance(a["gemeenten"], list) else [a["gemeenten"]]
                    ),
                }
                for a in items
            ]
        )
    return Aanbieders(code=data.code, naam=data.naam, voorbeeld=bool((invoer or {}).get("voorbeeld")), tabellen=tables)


def render(s: Aanbieders) -> str:
    """The providers' table, or what is missing."""
    rows = s.tabellen.get("aanbieders")
    if rows is None:
        return h.section("aanbieders", chapters.title("aanbieders"), missing(s.code, MISSING["aanbieders"]))
    return h.section(
        "aanbieders",
        chapters.title("aanbieders"),
        example_note(s.voorbeeld),
        h.table(rows, f"Aanbieders van zorg en hulpverlening in de regio {s.naam}."),
    )
