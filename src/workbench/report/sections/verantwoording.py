"""Verantwoording: sources, definitions, assumptions, the disclosure rule, status, validation and version."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

from workbench.io.inputs import RegionData
from workbench.report import chapters
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, name_list
from workbench.report.sections.de_regio import legend
from workbench.report.sections.titel import demo_parts
from workbench.report.texts import (
    ASSUMPTIONS,
    BOUNDARY_SOURCE,
    CHANGES_SOURCE,
    COMPOSITION_SOURCE,
    DEFINITIONS,
    DISCLOSURE,
    POPULATION_SOURCE,
    demo_text,
    provenance_line,
)
from workbench.stats import composition, extrapolation


@dataclass(kw_only=True, repr=False)
class Verantwoording(Section):
    """Where everything comes from: tables ``prevalentie``, ``indeling``, ``indeling_bronnen`` and ``controle``."""

    code: str
    demonstratie: list[str]
    """The parts that are demonstration figures (see :func:`workbench.report.sections.titel.demo_parts`)."""
    invoer: str
    """The region's input file: ``geen`` (none yet), ``voorbeeld`` (the shipped example) or ``eigen``."""
    voorlopig: list[str]
    """The provisional Veilig Thuis periods."""
    gecontroleerd: bool
    versie: str
    kenmerk: str
    """The first 16 hex digits of the SHA-256 of the input files."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, invoer: dict | None, validation: dict | None, version: str) -> Verantwoording:
    """The accountability of ``data``'s report; ``validation`` is the validation summary (``None``: not checked)."""
    assigned = composition.region_assignment(data.members, data.member_codes)
    tables = {
        "herkomst": pd.DataFrame([asdict(e) for e in data.bronnen]),
        "prevalentie": extrapolation.latest_per_form(data.prevalentie),
        "indeling": assigned,
        "indeling_bronnen": composition.sources(assigned),
    }
    if validation is not None:
        tables["controle"] = pd.DataFrame(
            [(r["name"], r["file"], bool(r["ok"]), r["expectations"]) for r in validation["datasets"]],
            columns=["dataset", "bestand", "in_orde", "regels"],
        )
    return Verantwoording(
        code=data.code,
        demonstratie=demo_parts(data),
        invoer="geen" if invoer is None else "voorbeeld" if invoer.get("voorbeeld") else "eigen",
        voorlopig=sorted(data.aard.loc[data.aard["voorlopig"].astype(bool), "periode"].unique()),
        gecontroleerd=validation is not None,
        versie=version,
        kenmerk=data.inputs_hash,
        tabellen=tables,
    )


def input_source(s: Verantwoording) -> str:
    """Where chapters 6 to 12 come from."""
    if s.invoer == "geen":
        return "Hoofdstukken 6 tot en met 12: de regio heeft nog geen eigen invoer aangeleverd."
    return f"Hoofdstukken 6 tot en met 12: invoer van de regio (regios/{s.code}/regiovisie.yaml)" + (
        ", hier voorbeeldinvoer (demonstratie)." if s.invoer == "voorbeeld" else "."
    )


def source_lines(s: Verantwoording) -> list[str]:
    """Every source of the report in a sentence (also the downloads' Toelichting)."""
    t = s.tabellen
    return [
        POPULATION_SOURCE,
        BOUNDARY_SOURCE,
        CHANGES_SOURCE,
        *[provenance_line(e) for e in t["herkomst"].itertuples(index=False)],
        *[f"Prevalentie {r.vorm}: {r.studie}." for r in t["prevalentie"].itertuples()],
        COMPOSITION_SOURCE,
        input_source(s),
    ]


def render(s: Verantwoording) -> str:
    """Sources, the composition's sources, definitions, assumptions, disclosure, status, validation, version."""
    t = s.tabellen
    sources = source_lines(s)
    composition_sources = [
        f"{composition.display_source(r.bron)} ({r.marker}): {name_list(r.gemeenten)}"
        for r in t["indeling_bronnen"].itertuples()
    ]
    parts = [
        h.heading(3, "Bronnen"),
        h.bullets(sources),
        h.heading(3, "Bronnen van de indeling van de regio"),
        h.para("Per bron de gemeenten die zij bij deze regio indeelt; de letter is het niveau (zie De regio)."),
        h.definition_list(legend(t["indeling"]), "legend"),
        h.bullets(composition_sources, "sources"),
        h.heading(3, "Begrippen"),
        h.definition_list(DEFINITIONS),
        h.heading(3, "Aannames"),
        h.bullets(ASSUMPTIONS),
        h.heading(3, "Geheimhouding"),
        h.para(DISCLOSURE),
        h.heading(3, "Status van de cijfers"),
        h.para(
            "Voorlopige perioden: "
            + (", ".join(s.voorlopig) if s.voorlopig else "geen")
            + ". Alle andere perioden zijn definitief."
        ),
        h.heading(3, "Controle van de invoer"),
    ]
    if not s.gecontroleerd:
        parts.append(h.para("De invoer is voor dit rapport niet gecontroleerd."))
    else:
        rows = t["controle"].assign(in_orde=t["controle"]["in_orde"].map({True: "in orde", False: "fout"}))
        rows = rows.rename(columns={"in_orde": "uitkomst"})
        parts.append(
            h.table(rows, "Uitkomst van de controle (Great Expectations) per invoerbestand.", {"regels": f.INT})
        )
    if s.demonstratie:
        parts.append(h.banner(demo_text(s.demonstratie)))
    parts.append(
        h.para(
            f"Gemaakt met regiovisie-workbench versie {s.versie}. Kenmerk van de invoer (SHA-256, "
            f"eerste 16 tekens): {s.kenmerk}.",
            "small",
        )
    )
    return h.section("verantwoording", chapters.title("verantwoording"), *parts)
