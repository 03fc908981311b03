"""Omvang: national prevalence extrapolated to the gemeenten and the region, next to the meldingen."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import add

import pandas as pd

from workbench.disclosure.bounds import LOWER_BOUND, Bounded
from workbench.io.inputs import RegionData
from workbench.report import chapters, charts
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, data_figure
from workbench.report.texts import NOT_APPLICABLE, OMVANG_CAVEATS, OMVANG_INTRO, vt_source
from workbench.stats import extrapolation, vt_figures
from workbench.stats.indicators import year_code

FORM_TO_AARD = {
    "kindermishandeling": ["AG01"],
    "huiselijk geweld (alle vormen)": ["AG02", "AG03", "AG04", "AG05"],
    "ouderenmishandeling": ["AG03"],
}
"""The Veilig Thuis categories whose meldingen stand beside each estimated form (others: not applicable)."""
PER_GEMEENTE_FORMS = ["kindermishandeling", "huiselijk geweld (alle vormen)"]


@dataclass(kw_only=True, repr=False)
class Omvang(Section):
    """Estimates by form (``regio``, with the meldingen and bereik beside them) and per gemeente."""

    naam: str
    periode: int
    demonstratie: bool
    eigen: tuple = ()
    """The region's own Veilig Thuis registrations (provenance entries; empty: none)."""
    gemeenten: list[str]
    """The gemeenten's names in the report's order."""
    meldingen: dict[str, Bounded]
    """Per form with a Veilig Thuis category: the region's meldingen."""
    bereik: dict[str, tuple[Bounded, Bounded]]
    """Per form with meldingen: the bereik over the high and over the low estimate."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def by_form(
    data: RegionData, members: list[str]
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Bounded], dict[str, tuple[Bounded, Bounded]]]:
    """The estimates of an area (``members``: a region's gemeenten, or one gemeente) by form of violence.

    Returns the estimates per gemeente and form (see :func:`workbench.stats.extrapolation.extrapolate`), their sum
    per form with the rounded range (``laag``, ``hoog``), and per form with a Veilig Thuis category the area's
    meldingen in the reporting year and the bereik.
    """
    period = year_code(data.periode)
    prevalence = extrapolation.latest_per_form(data.prevalentie)
    groups = extrapolation.age_groups(data.kwb[data.kwb["code"].isin(members)])
    est = extrapolation.extrapolate(groups, prevalence)
    area = est.groupby(["vorm", "leeftijdsgroep", "studie", "referentiejaar"], as_index=False)[
        ["populatie", "schatting_laag", "schatting_hoog"]
    ].sum()
    area["laag"] = area["schatting_laag"].map(extrapolation.round_estimate)
    area["hoog"] = area["schatting_hoog"].map(extrapolation.round_estimate)
    meldingen, bereik = {}, {}
    cells = vt_figures.PeriodCells.of(data.aard, period, vt_figures.MELDINGEN)
    for r in area.itertuples():
        codes = FORM_TO_AARD.get(r.vorm)
        if codes:
            mel = reduce(add, (cells.count(c, members) for c in codes))
            meldingen[r.vorm] = mel
            bereik[r.vorm] = extrapolation.bereik(mel, r.schatting_laag, r.schatting_hoog)
    return est, area, meldingen, bereik


def compute(data: RegionData) -> Omvang:
    """The estimates for ``data``'s region."""
    members = data.member_codes
    names = data.kwb.set_index("code")["naam"]
    est, region, meldingen, bereik = by_form(data, members)
    per_gem = est[est["vorm"].isin(PER_GEMEENTE_FORMS)].assign(
        gemeente=lambda d: d["code"].map(names),
        laag=lambda d: d["schatting_laag"].map(extrapolation.round_estimate),
        hoog=lambda d: d["schatting_hoog"].map(extrapolation.round_estimate),
    )
    return Omvang(
        naam=data.naam,
        periode=data.periode,
        demonstratie=data.vt_demonstratie,
        eigen=data.vt_eigen,
        gemeenten=[names[c] for c in members],
        meldingen=meldingen,
        bereik=bereik,
        tabellen={"regio": region, "per_gemeente": per_gem},
    )


def forms_table(
    area: pd.DataFrame,
    meldingen: dict[str, Bounded],
    bereik: dict[str, tuple[Bounded, Bounded]],
    periode: int,
    caption: str,
) -> str:
    """The table of estimates by form with the meldingen and the bereik beside them (see :func:`by_form`)."""
    rows = [
        (
            r.vorm,
            r.leeftijdsgroep,
            (r.laag, r.hoog),
            meldingen.get(r.vorm, NOT_APPLICABLE),
            bereik.get(r.vorm, NOT_APPLICABLE),
            f"{r.studie} ({r.referentiejaar})",
        )
        for r in area.itertuples()
    ]
    return h.table(
        pd.DataFrame(
            rows,
            columns=[
                "vorm",
                "leeftijdsgroep",
                "geschat aantal slachtoffers per jaar",
                f"meldingen {periode}",
                "bereik",
                "bron",
            ],
        ),
        caption,
        {"geschat aantal slachtoffers per jaar": f.INT_RANGE, f"meldingen {periode}": f.INT, "bereik": f.PCT_RANGE},
    )


def render(s: Omvang) -> str:
    """The region table and chart, the per-gemeente table and the caveats."""
    chart_rows = {}
    for r in s.tabellen["regio"].itertuples():
        mel = s.meldingen.get(r.vorm)
        chart_rows[r.vorm] = {
            "laag": r.laag,
            "hoog": r.hoog,
            "meldingen": mel.value if mel is not None else None,
            "ondergrens": mel is not None and mel.kind == LOWER_BOUND,
            "heeft_meldingen": mel is not None,
        }
    table = forms_table(
        s.tabellen["regio"],
        s.meldingen,
        s.bereik,
        s.periode,
        f"Schatting van het aantal slachtoffers in de regio {s.naam} (landelijke prevalentie × "
        "inwoners van de leeftijdsgroep op 1 januari 2020), met meldingen en bereik. Schattingen zijn afgerond. "
        f"Meldingen: {vt_source(s.demonstratie, eigen=s.eigen)}. "
        "n.v.t.: Veilig Thuis registreert deze vorm niet apart. "
        "≥: ondergrens, omdat gemeentecijfers geheim zijn; '.': alle gemeentecijfers geheim.",
    )
    chart = charts.ranges_against_counts(
        pd.DataFrame(chart_rows).T, f"Geschat aantal slachtoffers en meldingen, regio {s.naam}", NOT_APPLICABLE
    )
    per_gem = s.tabellen["per_gemeente"]
    wide = (
        per_gem.assign(schatting=list(zip(per_gem["laag"], per_gem["hoog"], strict=True)))
        .pivot(index="gemeente", columns="vorm", values="schatting")
        .reindex(s.gemeenten)
        .reset_index()
    )
    wide.columns = ["gemeente", *[f"{c} (schatting)" for c in wide.columns[1:]]]
    gem_table = h.table(
        wide,
        "Geschat aantal slachtoffers per jaar per gemeente (afgerond). Schatting, geen telling.",
        {c: f.INT_RANGE for c in wide.columns[1:]},
    )
    return h.section(
        "omvang",
        chapters.title("omvang"),
        h.para(OMVANG_INTRO),
        table,
        data_figure(
            s.demonstratie,
            chart,
            f"Schatting (bandbreedte) en meldingen per vorm. Meldingen: {vt_source(s.demonstratie, eigen=s.eigen)}; "
            "prevalentie: zie Verantwoording.",
        ),
        gem_table,
        h.heading(3, "Kanttekeningen"),
        h.bullets(OMVANG_CAVEATS),
    )
