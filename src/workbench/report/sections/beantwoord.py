"""Wat deze regiovisie beantwoordt: every question of the spoorboekje with its status and where it is answered."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from workbench.report import chapters
from workbench.report import html_parts as h
from workbench.report.sections.base import Section
from workbench.report.texts import BEANTWOORD_INTRO, how_to_answer
from workbench.stats import spoorboekje


@dataclass(kw_only=True, repr=False)
class Beantwoord(Section):
    """The spoorboekje's questions with their status.

    Table ``vragen``: every question (``id``, ``hoofdstuk``, ``onderdeel``, ``vraag``, ``status``, ``bron``,
    ``ontbreekt``, ``hoofdstuk_rapport``), see :func:`workbench.stats.spoorboekje.coverage`.
    """

    code: str
    ankers: dict[str, str]
    """Per report chapter, its anchor in the page."""
    telling: dict[str, int]
    """How many questions have each status."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(
    code: str,
    invoer: dict | None,
    tables: Mapping[str, Mapping[str, pd.DataFrame]],
    anchors: Mapping[str, str],
    one_gemeente: bool = False,
) -> Beantwoord:
    """The coverage of the spoorboekje for region ``code``.

    Parameters
    ----------
    code
        The region.
    invoer
        Its validated input file (``None``: none yet).
    tables
        Per report chapter key, the section's tables.
    anchors
        Per report chapter key, its anchor in the page.
    one_gemeente
        Whether the region is one gemeente (see :func:`workbench.stats.spoorboekje.coverage`).
    """
    frame = spoorboekje.coverage(invoer, tables, one_gemeente)
    counts = {status: int((frame["status"] == status).sum()) for status in spoorboekje.STATUSES}
    return Beantwoord(code=code, ankers=dict(anchors), telling=counts, tabellen={"vragen": frame})


def render(s: Beantwoord) -> str:
    """A table per chapter of the spoorboekje: question, status, where it is answered, what is still missing."""
    frame = s.tabellen["vragen"]
    total = len(frame)
    summary = (
        f"Het spoorboekje stelt {total} vragen. Daarvan zijn er {s.telling[spoorboekje.FROM_DATA]} beantwoord uit de "
        f"gegevens, {s.telling[spoorboekje.FROM_INPUT]} uit de invoer van de regio, en "
        f"{s.telling[spoorboekje.OPEN]} nog open."
    )
    parts = [h.para(BEANTWOORD_INTRO), h.para(summary)]
    for chapter, rows in frame.groupby("hoofdstuk", sort=False):
        shown = pd.DataFrame(
            {
                "nr.": rows["id"],
                "vraag": rows["vraag"],
                "status": rows["status"],
                "waar": [
                    h.Link(chapters.title(key), f"#{s.ankers[key]}") if key in s.ankers else chapters.title(key)
                    for key in rows["hoofdstuk_rapport"]
                ],
                "hoe te beantwoorden": [
                    how_to_answer(s.code, source, missing) if status == spoorboekje.OPEN else ""
                    for status, source, missing in zip(rows["status"], rows["bron"], rows["ontbreekt"], strict=True)
                ],
            }
        )
        parts += [
            h.heading(3, f"Spoorboekje, hoofdstuk {chapter}"),
            h.table(shown, f"De vragen van het spoorboekje, hoofdstuk {chapter}, en waar dit rapport ze beantwoordt."),
        ]
    return h.section("beantwoord", chapters.title("beantwoord"), *parts)
