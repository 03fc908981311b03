"""Meldingen en adviezen bij Veilig Thuis: the trend by aard, rates per gemeente, who reports, the funnel."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.disclosure import differencing
from workbench.disclosure.bounds import EXACT, Bounded
from workbench.io.inputs import RegionData
from workbench.io.statline import NATIONAL_REGION, VT_AARD, VT_MELDER
from workbench.report import chapters, charts
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.formatting import half_year_label
from workbench.report.sections.base import Section, data_figure
from workbench.report.texts import (
    FUNNEL_EXPLANATION,
    RATE_AXIS,
    RATE_UNIT,
    REGISTRATION_CAVEAT,
    split_trend_note,
    vt_source,
)
from workbench.stats import vt_figures
from workbench.stats.indicators import Indicators, year_code
from workbench.stats.rates import PER, compare, rate_table

MELDER_CODES = ["M110", "M120", "M130", "M140", "M150", "M190", "M200", "M900"]


@dataclass(kw_only=True, repr=False)
class Meldingen(Section):
    """The region's meldingen, the lines its rates are compared with, and its key figures (``ind``).

    Tables: ``trend``, ``trend_ondergrens``, ``per_gemeente``, ``wie_meldt``, ``wie_meldt_soort``, ``trechter``.
    """

    naam: str
    centrumgemeente: str
    periode: int
    demonstratie: bool
    eigen: tuple = ()
    """The region's own Veilig Thuis registrations (provenance entries; empty: none)."""
    ind: Indicators
    referenties: dict[str, Bounded]
    """The lines the rate chart compares with: the region, its VT-region(s), Nederland."""
    gesplitst: list[str]
    """The split gemeenten (Haaren) whose cells lie only partly in the region in some period of the trend."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def trend_frames(series: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Half-year sums by category as two wide tables: the values (missing: all secret) and the lower-bound flags.

    A sum is a lower bound when a cell behind it is secret or lies only partly in the region (a split gemeente).
    """
    bound = (series["geheim"] > 0) | (series["deels"] > 0)
    flagged = series.assign(ondergrens=bound & series["aantal"].notna())
    wide = flagged.pivot(index="periode", columns="categorie_code", values="aantal").rename(columns=VT_AARD.labels)
    lower = flagged.pivot(index="periode", columns="categorie_code", values="ondergrens").rename(columns=VT_AARD.labels)
    wide.index = lower.index = [half_year_label(p) for p in wide.index]
    return wide, lower.astype(bool)


def split_gemeenten(data: RegionData) -> list[str]:
    """The names of the gemeenten that were split over others since 2020 (their villages went apart)."""
    changes = data.indeling.changes
    return sorted(set(changes.loc[changes["dorp"].notna(), "gemeentenaam_oud"]))


def vt_rate(data: RegionData, vt: str, period: str) -> Bounded:
    """A VT-region's rate per 1,000 from its own CBS cell (unknown when that cell is secret)."""
    k = data.kwb.set_index("code")
    in_vt = data.composition["vt_code"] == vt
    population = float(k.loc[data.composition.loc[in_vt, "gemeentecode"], "inwoners"].sum())
    count = vt_figures.region_count(data.aard, period, "T001", vt_figures.MELDINGEN, [vt])
    return count.scaled(PER / population)


def melder_shares(data: RegionData, period: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Shares of the meldingen by melder for the region and Nederland, and the kind of each share."""
    shares, kinds = {}, {}
    cells = vt_figures.PeriodCells.of(data.melder, period, vt_figures.MELDINGEN)
    for label, areas in [(f"regio {data.naam}", data.member_codes), ("Nederland", [NATIONAL_REGION])]:
        total = cells.count("T001", areas)
        parts = {VT_MELDER.labels[code]: cells.count(code, areas).share_of(total) for code in MELDER_CODES}
        shares[label] = {c: b.value for c, b in parts.items()}
        kinds[label] = {c: b.kind for c, b in parts.items()}
    return pd.DataFrame(shares).T.astype("float64"), pd.DataFrame(kinds).T


def compute(data: RegionData, ind: Indicators) -> Meldingen:
    """The meldingen section of ``data``'s region."""
    members = data.member_codes
    k = data.kwb.set_index("code")
    names = k["naam"]
    period = year_code(data.periode)
    series = vt_figures.region_series(data.aard, members, vt_figures.MELDINGEN)
    wide, lower = trend_frames(series[series["categorie_code"] != "T001"])
    # The region total is the sum of the published cells; the guard hides a second cell should a hidden one
    # ever become recoverable from a total published next to it.
    counts = differencing.secondary_suppression(
        vt_figures.area_counts(data.aard, period, "T001", vt_figures.MELDINGEN, members), ind.meldingen.value
    )
    pop = k.loc[members, "inwoners"].astype("float64")
    table = rate_table(counts, pop)
    table["vergeleken met Nederland"] = compare(table, ind.nl_per_1000)
    table.index = [names[c] for c in members]
    vt_names = data.composition.drop_duplicates("vt_code").set_index("vt_code")["vt_naam"]
    vt_rates = {f"VT-regio {vt_names[vt]}": vt_rate(data, vt, period) for vt in data.vt_codes}
    shares, kinds = melder_shares(data, period)
    points = pd.DataFrame(
        {
            "populatie": pop.to_numpy(),
            "per_1000": (counts.astype("float64") / pop * PER).to_numpy(),
            "oordeel": table["vergeleken met Nederland"].to_numpy(),
        },
        index=table.index,
    ).dropna(subset=["per_1000"])
    return Meldingen(
        naam=data.naam,
        centrumgemeente=names[data.code],
        periode=data.periode,
        demonstratie=data.vt_demonstratie,
        eigen=data.vt_eigen,
        ind=ind,
        referenties={f"regio {data.naam}": ind.per_1000, **vt_rates, "Nederland": Bounded.exact(ind.nl_per_1000)},
        gesplitst=split_gemeenten(data) if series["deels"].gt(0).any() else [],
        tabellen={
            "trend": wide,
            "trend_ondergrens": lower,
            "per_gemeente": table,
            "wie_meldt": shares,
            "wie_meldt_soort": kinds,
            "trechter": points,
        },
    )


def rate_table_html(s: Meldingen, source: str) -> str:
    """The gemeenten and the region with their rate, interval and verdict."""
    ind = s.ind
    region_row = pd.DataFrame(
        {
            "aantal": [ind.meldingen],
            "populatie": [ind.inwoners],
            "per_1000": [ind.per_1000],
            "ci_laag": [ind.ci_laag],
            "ci_hoog": [ind.ci_hoog],
            "vergeleken met Nederland": [ind.vergeleken],
        },
        index=[f"Regio {s.naam}"],
    )
    shown = (
        pd.concat([s.tabellen["per_gemeente"].astype({"aantal": "object", "per_1000": "object"}), region_row])
        .reset_index()
        .rename(
            columns={
                "index": "gemeente",
                "aantal": "meldingen",
                "populatie": "inwoners",
                "per_1000": "per 1.000",
                "ci_laag": "95%-interval van",
                "ci_hoog": "95%-interval tot",
            }
        )
    )
    partial = (
        f" ≥ = ondergrens: de som van de gepubliceerde gemeentecijfers ({f.secret_note(ind.meldingen)})."
        if ind.meldingen.secret
        else ""
    )
    return h.table(
        shown,
        f"Ontvangen meldingen {s.periode} per gemeente, {RATE_UNIT}, met 95%-betrouwbaarheidsinterval "
        f"(exact Poisson) en het oordeel tegenover Nederland. {source}. '.' = geheim (0–7).{partial}",
        {
            "meldingen": f.INT,
            "inwoners": f.INT,
            "per 1.000": f.DEC,
            "95%-interval van": f.DEC,
            "95%-interval tot": f.DEC,
        },
    )


def render(s: Meldingen) -> str:
    """The intro, the trend, the rate table and chart, who reports, and the funnel."""
    source, demo, t, ind = vt_source(s.demonstratie, eigen=s.eigen), s.demonstratie, s.tabellen, s.ind
    trend_chart = charts.trend(
        t["trend"],
        f"Meldingen per halfjaar naar aard van het geweld, regio {s.naam}",
        "aantal meldingen",
        t["trend_ondergrens"],
    )
    rate_chart = charts.rates_with_intervals(
        t["per_gemeente"], s.referenties, f"Meldingen per 1.000 inwoners per gemeente, {s.periode}", RATE_AXIS
    )
    melder_chart = charts.stacked_shares(t["wie_meldt"], f"Wie meldt, {s.periode}", t["wie_meldt_soort"])
    melder_note = (
        " Gearceerde delen zijn ondergrenzen of benaderingen: sommige gemeentecijfers zijn geheim. "
        if (t["wie_meldt_soort"] != EXACT).to_numpy().any()
        else " "
    ) + "De delen zijn elk apart afgerond en tellen daarom niet precies op tot 100%."
    funnel_chart = charts.funnel(
        t["trechter"],
        ind.nl_per_1000,
        s.centrumgemeente,
        f"Meldingen per 1.000 inwoners tegen omvang, {s.periode}",
        RATE_AXIS,
    )
    status = (
        "De cijfers over dit jaar zijn voorlopig." if ind.voorlopig else "De cijfers over dit jaar zijn definitief."
    )
    intro = (
        f"Veilig Thuis ontving in {s.periode} {f.say_bounded(ind.meldingen)} meldingen en startte "
        f"{f.say_bounded(ind.adviezen)} adviezen over inwoners van de regio. {status} {REGISTRATION_CAVEAT}"
    )
    police = ""
    if ind.nl_politie_aandeel is not None and ind.politie_aandeel.known:
        police = h.para(
            f"Het aandeel meldingen van politie of justitie is {f.say_bounded(ind.politie_aandeel, f.fmt_pct)} "
            f"(Nederland {f.fmt_pct(ind.nl_politie_aandeel)})."
        )
    return h.section(
        "meldingen",
        chapters.title("meldingen"),
        h.para(intro),
        data_figure(
            demo,
            trend_chart,
            f"Ontvangen meldingen per halfjaar naar aard van het geweld. {source}; regiototalen zijn "
            "sommen van gepubliceerde gemeentecijfers (open punt: ondergrens; geen punt: alle cijfers geheim)."
            + (split_trend_note(s.gesplitst) if s.gesplitst else ""),
        ),
        rate_table_html(s, source),
        data_figure(demo, rate_chart, f"Meldingen {RATE_UNIT} met 95%-intervallen (exact Poisson). {source}."),
        h.heading(3, "Wie meldt"),
        police,
        data_figure(
            demo,
            melder_chart,
            f"Aandeel van de meldingen naar melder, {s.periode}. {vt_source(demo, '84849NED', s.eigen)}.{melder_note}",
        ),
        h.heading(3, "Trechterdiagram"),
        h.para(FUNNEL_EXPLANATION),
        data_figure(
            demo,
            funnel_chart,
            f"Trechterdiagram: meldingen {RATE_UNIT} per gemeente tegen het aantal inwoners, met 95%- en "
            f"99,8%-grenzen rond het landelijk gemiddelde. {source}.",
        ),
    )
