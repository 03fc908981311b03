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


def compute(data: RegionData) -> Omvang:
    """The estimates for ``data``'s region."""
    members = data.member_codes
    names = data.kwb.set_index("code")["naam"]
    period = year_code(data.periode)
    prevalence = extrapolation.latest_per_form(data.prevalentie)
    groups = extrapolation.age_groups(data.kwb[data.kwb["code"].isin(members)])
    est = extrapolation.extrapolate(groups, prevalence)
    region = est.groupby(["vorm", "leeftijdsgroep", "studie", "referentiejaar"], as_index=False)[
        ["populatie", "schatting_laag", "schatting_hoog"]
    ].sum()
    region["laag"] = region["schatting_laag"].map(extrapolation.round_estimate)
    region["hoog"] = region["schatting_hoog"].map(extrapolation.round_estimate)
    meldingen, bereik = {}, {}
    for r in region.itertuples():
        codes = FORM_TO_AARD.get(r.vorm)
        if codes:
            mel = reduce(
                add, (vt_figures.region_count(data.aard, period, c, vt_figures.MELDINGEN, members) for c in codes)
            )
            meldingen[r.vorm] = mel
            bereik[r.vorm] = extrapolation.bereik(mel, r.schatting_laag, r.schatting_hoog)
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


def render(s: Omvang) -> str:
    """The region table and chart, the per-gemeente table and the caveats."""
    rows, chart_rows = [], {}
    for r in s.tabellen["regio"].itertuples():
        mel = s.meldingen.get(r.vorm)
        rows.append(
            (
                r.vorm,
                r.leeftijdsgroep,
                (r.laag, r.hoog),
                mel if mel is not None else NOT_APPLICABLE,
                s.bereik[r.vorm] if mel is not None else NOT_APPLICABLE,
                f"{r.studie} ({r.referentiejaar})",
            )
        )
        chart_rows[r.vorm] = {
            "laag": r.laag,
            "hoog": r.hoog,
            "meldingen": mel.value if mel is not None else None,
            "ondergrens": mel is not None and mel.kind == LOWER_BOUND,
            "heeft_meldingen": mel is not None,
        }
    table = h.table(
        pd.DataFrame(
            rows,
            columns=[
                "vorm",
                "leeftijdsgroep",
                "geschat aantal slachtoffers per jaar",
                f"meldingen {s.periode}",
                "bereik",
                "bron",
            ],
        ),
        f"Schatting van het aantal slachtoffers in de regio {s.naam} (landelijke prevalentie × "
        "inwoners van de leeftijdsgroep op 1 januari 2020), met meldingen en bereik. Schattingen zijn afgerond. "
        f"Meldingen: {vt_source(s.demonstratie, eigen=s.eigen)}. "
        "n.v.t.: Veilig Thuis registreert deze vorm niet apart. "
        "≥: ondergrens, omdat gemeentecijfers geheim zijn; '.': alle gemeentecijfers geheim.",
        {
            "geschat aantal slachtoffers per jaar": f.INT_RANGE,
            f"meldingen {s.periode}": f.INT,
            "bereik": f.PCT_RANGE,
        },
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
