"""Key indicators of a region, computed once from published figures and used by the report and the overview."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench import budget_views, extrapolation, vt_views
from workbench.rates import PER, poisson_interval
from workbench.region_data import RegionData
from workbench.statline import NATIONAL_REGION

KM_FORM = "kindermishandeling"


@dataclass(frozen=True)
class Indicators:
    """The headline figures of one region for the reporting year."""

    inwoners: int
    gemeenten: int
    meldingen: int
    meldingen_geheim: int
    per_1000: float
    ci_laag: float
    ci_hoog: float
    nl_per_1000: float
    adviezen: int
    politie_aandeel: float | None
    nl_politie_aandeel: float | None
    km_meldingen: int
    km_schatting_laag: float
    km_schatting_hoog: float
    uitgaven_per_inwoner: float | None
    budget_jaar: int | None
    budget_status: str | None
    voorlopig: bool

    @property
    def bereik_km(self) -> tuple[float, float]:
        """Meldingen kindermishandeling over the high and the low estimate of child victims."""
        return extrapolation.bereik(self.km_meldingen, self.km_schatting_laag, self.km_schatting_hoog)


def year_code(year: int) -> str:
    """CBS code of a whole year."""
    return f"{year}JJ00"


def region_population(data: RegionData) -> int:
    """Population of the region's gemeenten (CBS, 1 January 2020)."""
    k = data.kwb.set_index("code")
    return int(k.loc[data.member_codes, "inwoners"].sum())


def compute(data: RegionData) -> Indicators:
    """Compute the key indicators of ``data``'s region for its reporting year."""
    period = year_code(data.periode)
    members = data.member_codes
    pop = region_population(data)
    k = data.kwb.set_index("code")
    mel, secret = vt_views.published_sum(vt_views.area_counts(data.aard, period, "T001", vt_views.MELDINGEN, members))
    adv, _ = vt_views.published_sum(vt_views.area_counts(data.aard, period, "T001", vt_views.ADVIEZEN, members))
    low, high = poisson_interval(mel)
    nl = vt_views.cells(data.aard, period, "T001", vt_views.MELDINGEN).loc[NATIONAL_REGION]
    nl_rate = float(nl["aantal"]) / float(k.loc["NL00", "inwoners"]) * PER
    police, _ = vt_views.published_sum(vt_views.area_counts(data.melder, period, "M110", vt_views.MELDINGEN, members))
    nl_police = vt_views.cells(data.melder, period, "M110", vt_views.MELDINGEN).loc[NATIONAL_REGION, "aantal"]
    km, _ = vt_views.published_sum(vt_views.area_counts(data.aard, period, "AG01", vt_views.MELDINGEN, members))
    prevalence = extrapolation.latest_per_form(data.prevalentie)
    km_row = prevalence[prevalence["vorm"] == KM_FORM]
    groups = extrapolation.age_groups(data.kwb[data.kwb["code"].isin(members)])
    km_est = extrapolation.extrapolate(groups, km_row)
    lines = budget_views.region_lines(data.budget, data.code)
    year, status = budget_views.reporting_year(lines, data.periode)
    spend = None
    if year is not None:
        spent = lines[(lines["jaar"] == year) & (lines["status"] == status) & (lines["soort"] == "uitgaven")]
        spend = float(spent["bedrag_euro"].sum()) / pop if not spent.empty else None
    return Indicators(
        inwoners=pop,
        gemeenten=len(members),
        meldingen=mel,
        meldingen_geheim=secret,
        per_1000=mel / pop * PER,
        ci_laag=low / pop * PER,
        ci_hoog=high / pop * PER,
        nl_per_1000=nl_rate,
        adviezen=adv,
        politie_aandeel=police / mel if mel else None,
        nl_politie_aandeel=float(nl_police) / float(nl["aantal"]) if not pd.isna(nl_police) else None,
        km_meldingen=km,
        km_schatting_laag=float(km_est["schatting_laag"].sum()),
        km_schatting_hoog=float(km_est["schatting_hoog"].sum()),
        uitgaven_per_inwoner=spend,
        budget_jaar=year,
        budget_status=status,
        voorlopig=bool(nl["voorlopig"]),
    )
