"""A tiny region built from small frames, for unit tests of the sections: three gemeenten in one VT-region.

Aastad (GM0001, the centrumgemeente), Beedorp (GM0002) and Ceedorp (GM0003). Every Veilig Thuis cell is a
multiple of 5 of at least 10 unless it is named secret.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from shapely.geometry import box

from workbench.io.csv_input import LINE
from workbench.io.herindelingen import COLUMNS as CHANGE_COLUMNS
from workbench.io.inputs import Inputs, RegionData, region_view
from workbench.io.provenance import KIND_DEMO, PART_BUDGET, PART_VT, Herkomst
from workbench.io.statline import VT_AARD, VT_BEOORDELING, VT_MELDER, VT_VERVOLG
from workbench.stats.indeling import build_indeling

GEMEENTEN = {"GM0001": "Aastad", "GM0002": "Beedorp", "GM0003": "Ceedorp"}
PERIODS = ["2023HJ01", "2023HJ02", "2023JJ00", "2024HJ01", "2024HJ02", "2024JJ00"]
POPULATION = {"GM0001": 100_000, "GM0002": 20_000, "GM0003": 5_000}


def _kwb() -> pd.DataFrame:
    rows = []
    for code, pop in [*POPULATION.items(), ("NL00", 17_000_000)]:
        rows.append(
            {
                "code": code,
                "naam": GEMEENTEN.get(code, "Nederland"),
                "inwoners": pop,
                "leeftijd_0_14": pop * 0.16,
                "leeftijd_15_24": pop * 0.12,
                "leeftijd_25_44": pop * 0.25,
                "leeftijd_45_64": pop * 0.27,
                "leeftijd_65_plus": pop * 0.20,
                "bijstand": pop * 0.02,
                "eenpersoonshuishoudens": pop * 0.16,
                "huishoudens": pop * 0.45,
                "gescheiden": pop * 0.07,
                "stedelijkheid": 3,
            }
        )
    return pd.DataFrame(rows)


def _cells(spec, value, secret: set[tuple[str, str, str]]) -> pd.DataFrame:
    """One tidy table: ``value(area, period, category)`` per cell, missing where (area, period, category) is secret."""
    rows = []
    for area in ["NL01", "VT01", *GEMEENTEN]:
        for period in PERIODS:
            for cat in [c.code for c in spec.categories]:
                for maat in spec.topics.values():
                    hidden = (area, period, cat) in secret
                    rows.append(
                        {
                            "regio_code": area,
                            "periode": period,
                            "jaar": int(period[:4]),
                            "halfjaar": 0 if period.endswith("JJ00") else int(period[-1]),
                            "voorlopig": period.startswith("2024"),
                            "categorie_code": cat,
                            "maat": maat,
                            "aantal": None if hidden else value(area, period, cat),
                            "status": "geheim" if hidden else "waarde",
                            "regel": len(rows) + 2,
                        }
                    )
    frame = pd.DataFrame(rows)
    frame["aantal"] = frame["aantal"].astype("Int64")
    return frame


def _count(area: str, period: str, cat: str) -> int:
    scale = {"NL01": 1000, "VT01": 40, "GM0001": 30, "GM0002": 8, "GM0003": 2}[area]
    weight = 1 if cat == "T001" else 0.3
    return int(5 * round(scale * weight * (2 if period.endswith("JJ00") else 1) + 2))


def tiny_region(
    secret: set[tuple[str, str, str]] = frozenset(), budget: pd.DataFrame | None = None, periode: int = 2024
) -> RegionData:
    """The tiny region; ``secret`` names cells (area, period, category) published as '.' in both tables."""
    boundaries = pd.DataFrame(
        [{"code": c, "naam": n, "geometry": box(i, 0, i + 1, 1)} for i, (c, n) in enumerate(GEMEENTEN.items())]
    )
    composition = pd.DataFrame(
        {
            "gemeentecode": list(GEMEENTEN),
            "gemeentenaam": list(GEMEENTEN.values()),
            "centrumgemeente_code": "GM0001",
            "centrumgemeente_naam": "Aastad",
            "vt_code": "VT01",
            "vt_naam": "Proefland",
            "methode": ["bron", "afgeleid", "regel"],
            "bron": ["https://www.example.org/regio", "https://www.example.org/regio", "regel"],
            "toelichting": "",
        }
    )
    prevalence = pd.DataFrame(
        [
            ("kindermishandeling", 0, 17, 2017, 26.0, None, 37.0, "per 1000", "NPM-2017"),
            ("huiselijk geweld (alle vormen)", 16, None, 2022, None, 8.0, None, "procent", "Impactmonitor 2022"),
            ("ouderenmishandeling", 65, None, 2018, None, 5.5, None, "procent", "WODC 2018"),
        ],
        columns=["vorm", "leeftijd_min", "leeftijd_max", "referentiejaar", "laag", "punt", "hoog", "eenheid", "studie"],
    ).astype(
        {"leeftijd_min": "Int64", "leeftijd_max": "Int64", "laag": "Float64", "punt": "Float64", "hoog": "Float64"}
    )
    kwb = _kwb()
    gemeenten = kwb[kwb["code"].str.startswith("GM")]
    indeling = build_indeling(
        gemeenten[["code", "naam"]],
        pd.DataFrame(columns=["code", "wijknaam", "gemeentecode"]),
        pd.DataFrame(columns=[*CHANGE_COLUMNS, LINE, "jaar", "dorp"]),
        Path("/nonexistent"),
    )
    inputs = Inputs(
        data_root=Path("/nonexistent"),
        composition=composition,
        kwb=kwb,
        aard=_cells(VT_AARD, _count, set(secret)),
        melder=_cells(VT_MELDER, _count, set(secret)),
        beoordeling=_cells(VT_BEOORDELING, _count, set(secret)),
        vervolg=_cells(VT_VERVOLG, _count, set(secret)),
        budget=tiny_budget() if budget is None else budget,
        prevalentie=prevalence,
        gemeente_grenzen=boundaries,
        inputs_hash="0123456789abcdef",
        herkomst=(
            Herkomst(
                "veilig_thuis/84851NED_demo.csv",
                PART_VT,
                KIND_DEMO,
                "demonstratie",
                "CC BY 4.0",
                "2026-01-01",
                "84851NED",
            ),
            *(
                Herkomst(f"veilig_thuis/{t}_demo.csv", PART_VT, KIND_DEMO, "demonstratie", "CC BY 4.0", "2026-01-01", t)
                for t in ("84852NED", "84854NED")
            ),
            Herkomst("budget/begroting_demo.csv", PART_BUDGET, KIND_DEMO, "demonstratie", "vrij", "2026-01-01"),
        ),
        indeling=indeling,
        blokken=gemeenten,
    )
    return region_view(inputs, "GM0001", periode)


def tiny_budget() -> pd.DataFrame:
    """Regional and local lines for 2024 (realised) and 2025 (budgeted)."""
    rows = []
    for year, status, factor in [(2024, "gerealiseerd", 1.0), (2025, "begroot", 1.1)]:
        rows += [
            ("GM0001", year, status, "inkomsten", "DU Vrouwenopvang", "regionaal", 1_000_000 * factor),
            ("GM0001", year, status, "uitgaven", "Veilig Thuis", "regionaal", 600_000 * factor),
            ("GM0001", year, status, "uitgaven", "Vrouwenopvang en crisisopvang", "regionaal", 500_000),
            ("GM0002", year, status, "inkomsten", "Eigen middelen gemeente", "lokaal", 40_000),
            ("GM0002", year, status, "uitgaven", "Preventie en voorlichting", "lokaal", 30_000),
        ]
    frame = pd.DataFrame(rows, columns=["gemeentecode", "jaar", "status", "soort", "post", "niveau", "bedrag_euro"])
    return frame.assign(regio_code="GM0001", toelichting="")
