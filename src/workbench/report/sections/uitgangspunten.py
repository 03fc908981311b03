"""Uitgangspunten en reikwijdte: process goals, forms and target groups, and the region's other regions."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.io.inputs import RegionData
from workbench.io.regiovisie_plan import OTHER_REGIONS
from workbench.report import chapters
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, example_note, missing, name_list
from workbench.report.texts import MISSING, UITGANGSPUNTEN_INTRO
from workbench.stats import overlap


@dataclass(kw_only=True, repr=False)
class Uitgangspunten(Section):
    """The starting points and scope.

    Tables ``indelingen`` (the VT-regions from the data, then the regions the input declares) and, with input,
    ``procesdoelen``, ``vormen`` and ``doelgroepen``.
    """

    code: str
    naam: str
    voorbeeld: bool
    reikwijdte: str
    """Which agreements the regiovisie holds ('' when not given)."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def _listed(names: list[str]) -> str:
    return name_list(names) if names else "geen"


def compute(data: RegionData, invoer: dict | None) -> Uitgangspunten:
    """The starting points of ``data``'s region; ``invoer`` is its input file (``None``: none yet)."""
    given = (invoer or {}).get("uitgangspunten") or {}
    members = dict(zip(data.members["gemeentecode"], data.members["gemeentenaam"], strict=True))
    regions = pd.concat(
        [
            overlap.vt_regions(data.composition, members),
            overlap.declared_regions(given.get("indelingen") or [], members, OTHER_REGIONS),
        ],
        ignore_index=True,
    )
    table = regions.assign(
        **{"gedeelde gemeenten": regions["gedeeld"].map(len)},
        **{c: regions[c].map(_listed) for c in ("gedeeld", "alleen in de centrumregio", "buiten de centrumregio")},
    )[["soort", "naam", "gedeelde gemeenten", "gedeeld", "alleen in de centrumregio", "buiten de centrumregio", "bron"]]
    tables = {"indelingen": table}
    for key in ("procesdoelen", "vormen", "doelgroepen"):
        if given.get(key):
            tables[key] = pd.DataFrame({key: given[key]})
    return Uitgangspunten(
        code=data.code,
        naam=data.naam,
        voorbeeld=bool((invoer or {}).get("voorbeeld")),
        reikwijdte=given.get("reikwijdte") or "",
        tabellen=tables,
    )


def render(s: Uitgangspunten) -> str:
    """The process goals, the scope, and the table of regions with their shared gemeenten."""
    t = s.tabellen
    given = any(k in t for k in ("procesdoelen", "vormen", "doelgroepen")) or s.reikwijdte
    parts = [example_note(s.voorbeeld and bool(given)), h.para(UITGANGSPUNTEN_INTRO)]
    if not given:
        parts.append(missing(s.code, MISSING["uitgangspunten"]))
    for key, heading in (
        ("procesdoelen", "Procesdoelen"),
        ("vormen", "Vormen van geweld die de regiovisie omvat"),
        ("doelgroepen", "Doelgroepen"),
    ):
        if key in t:
            parts += [h.heading(3, heading), h.bullets(t[key][key])]
    if s.reikwijdte:
        parts += [h.heading(3, "Reikwijdte van de afspraken"), h.para(s.reikwijdte)]
    parts += [
        h.heading(3, "De centrumregio en de andere regio-indelingen"),
        h.table(
            t["indelingen"],
            f"De centrumregio {s.naam} naast de andere regio's waarin haar gemeenten samenwerken: welke gemeenten "
            "zij delen en welke niet. De Veilig Thuis-regio's komen uit de meegeleverde regio-indeling, de andere "
            "uit de invoer van de regio.",
            numeric=["gedeelde gemeenten"],
        ),
    ]
    return h.section("uitgangspunten", chapters.title("uitgangspunten"), *parts)
