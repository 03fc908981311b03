"""Demonstration budgets for the 35 regions in the budget template (see :mod:`workbench.io.budget`).

Invented, seeded figures of a plausible size: the regional DU Vrouwenopvang scaled by population, the national
addition for Veilig Thuis from 2021 (``reference/budget_landelijk.csv``, 38.6 million a year) by population
share, and local own funds per gemeente (each year in the gemeenten of that year); spending split over the
usual tasks with a small surplus or deficit.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from workbench.io.budget import BUDGET_COLUMNS, TOTAL_POST

BUDGET_YEARS = range(2021, 2026)
REALISED_UNTIL = 2024
DU_VO_PER_INHABITANT = 9.40
"""Assumed demonstration level of the DU Vrouwenopvang per inhabitant of the region, in euros."""
VT_ADDITION_EURO = 38_600_000
LOCAL_PER_INHABITANT = 2.10

REGIONAL_TASKS = {
    "Veilig Thuis": 0.30,
    "Vrouwenopvang en crisisopvang": 0.38,
    "Ambulante hulpverlening": 0.14,
    "Aanpak ouderenmishandeling": 0.03,
    "Preventie en deskundigheidsbevordering": 0.06,
    "Regionale coördinatie en monitoring": 0.09,
}
LOCAL_TASKS = {"Lokale toegang en wijkteams": 0.7, "Preventie en voorlichting": 0.3}
CONTRIBUTIONS = "Bijdrage regiogemeenten"
"""Income a region with more than one gemeente receives from its regiogemeenten (none in a one-gemeente region)."""


def _round_euro(x: float, step: int = 100) -> int:
    return int(step * round(x / step))


def demo_budgets(by_year: Callable[[int], tuple[pd.DataFrame, pd.DataFrame]], rng: np.random.Generator) -> pd.DataFrame:
    """Generate the demonstration budget lines for all regions, each year in the gemeenten of that year.

    Parameters
    ----------
    by_year
        Per budget year: the gemeente rows (``code``, ``inwoners``) and the region composition
        (``gemeentecode``, ``centrumgemeente_code``) of that year's gemeenten.
    rng
        The seeded generator.

    Returns
    -------
    pandas.DataFrame
        The template columns as strings, amounts in whole euros, sorted.
    """
    lines: list[dict[str, object]] = []
    years = {year: by_year(year) for year in BUDGET_YEARS}
    regions = sorted(years[BUDGET_YEARS[0]][1]["centrumgemeente_code"].unique())
    for region in regions:
        level = rng.lognormal(0.0, 0.10)
        for year in BUDGET_YEARS:
            kwb_gemeenten, composition = years[year]
            pop = kwb_gemeenten.set_index("code")["inwoners"].astype("float64")
            national = pop.sum()
            members = composition[composition["centrumgemeente_code"] == region]
            region_pop = pop[members["gemeentecode"]].sum()
            statuses = ["begroot", "gerealiseerd"] if year <= REALISED_UNTIL else ["begroot"]
            for status in statuses:
                drift = 1.0 + 0.02 * (year - 2021)
                noise = rng.lognormal(0.0, 0.03) if status == "gerealiseerd" else 1.0
                income = {
                    "DU Vrouwenopvang": DU_VO_PER_INHABITANT * region_pop * level * drift,
                    "DU Vrouwenopvang: toevoeging Veilig Thuis": VT_ADDITION_EURO * region_pop / national,
                }
                if len(members) > 1:
                    income[CONTRIBUTIONS] = 0.6 * region_pop * rng.uniform(0.5, 1.5)
                regional_total = sum(income.values()) * noise
                spend_regional = regional_total * rng.uniform(0.96, 1.03)
                shares = rng.dirichlet(np.array(list(REGIONAL_TASKS.values())) * 200)
                for post, amount in income.items():
                    lines.append(_line(region, region, year, status, "inkomsten", post, "regionaal", amount * noise))
                for post, share in zip(REGIONAL_TASKS, shares, strict=True):
                    lines.append(
                        _line(region, region, year, status, "uitgaven", post, "regionaal", spend_regional * share)
                    )
                for gemeente in sorted(members["gemeentecode"]):
                    own = LOCAL_PER_INHABITANT * pop[gemeente] * rng.lognormal(0.0, 0.25) * drift
                    lines.append(
                        _line(region, gemeente, year, status, "inkomsten", "Eigen middelen gemeente", "lokaal", own)
                    )
                    for post, share in LOCAL_TASKS.items():
                        lines.append(
                            _line(
                                region,
                                gemeente,
                                year,
                                status,
                                "uitgaven",
                                post,
                                "lokaal",
                                own * share * rng.uniform(0.9, 1.1),
                            )
                        )
    frame = pd.DataFrame(lines)
    totals = frame.groupby(["regio_code", "jaar", "status", "soort"], as_index=False)["bedrag_euro"].sum()
    totals = totals.assign(
        gemeentecode=totals["regio_code"], post=TOTAL_POST, niveau="totaal", toelichting="som van de regels hierboven"
    )
    frame = pd.concat([frame, totals], ignore_index=True)
    frame["_total"] = frame["post"].eq(TOTAL_POST)
    frame = frame.sort_values(
        ["regio_code", "jaar", "status", "soort", "_total", "niveau", "gemeentecode", "post"], ignore_index=True
    )
    frame["bedrag_euro"] = frame["bedrag_euro"].astype("int64").astype(str)
    frame["jaar"] = frame["jaar"].astype(str)
    return frame[BUDGET_COLUMNS]


def _line(
    region: str, gemeente: str, year: int, status: str, kind: str, post: str, level: str, amount: float
) -> dict[str, object]:
    return {
        "regio_code": region,
        "gemeentecode": gemeente,
        "jaar": year,
        "status": status,
        "soort": kind,
        "post": post,
        "niveau": level,
        "bedrag_euro": _round_euro(amount),
        "toelichting": "demonstratiecijfer",
    }
