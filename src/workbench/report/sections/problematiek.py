"""Specifieke problematiek, from the region's input file."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.io.inputs import RegionData
from workbench.report import chapters
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, example_note, missing
from workbench.report.texts import MISSING


@dataclass(kw_only=True, repr=False)
class Problematiek(Section):
    """The region's specific problems (table ``problematiek``: ``onderwerp``, ``toelichting``; absent without input)."""

    code: str
    voorbeeld: bool

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, invoer: dict | None) -> Problematiek:
    """The specific problems of ``data``'s region; ``invoer`` is its input file (``None``: none yet)."""
    items = (invoer or {}).get("problematiek")
    tables = {}
    if items:
        tables["problematiek"] = pd.DataFrame(
            [{"onderwerp": p["onderwerp"], "toelichting": p.get("toelichting") or ""} for p in items]
        )
    return Problematiek(code=data.code, voorbeeld=bool((invoer or {}).get("voorbeeld")), tabellen=tables)


def render(s: Problematiek) -> str:
    """Topic with explanation, or what is missing."""
    items = s.tabellen.get("problematiek")
    body = (
        h.definition_list(zip(items["onderwerp"], items["toelichting"], strict=True))
        if items is not None
        else missing(s.code, MISSING["problematiek"])
    )
    return h.section("problematiek", chapters.title("problematiek"), example_note(s.voorbeeld), body)
