"""Key indicators of a region, computed once from published figures and used by the report and the overview."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from workbench.disclosure.bounds import Bounded, row_bounded
from workbench.io.inputs import RegionData
from workbench.io.statline import NATIONAL_REGION
from workbench.stats import budget_figures, extrapolation, vt_figures
from workbench.stats.rates import PER, compare, rate_table

KM_FORM = "kindermishandeling"


@dataclass(frozen=True)
class Indicators:
    """The headline figures of one region for the reporting year.

    Counts are sums of the gemeenten's published cells (:class:`~workbench.disclosure.bounds.Bounded`): lower bounds
    where cells are secret, unknown where all are. Rates are per 1,000 inhabitants on 1 January 2020.
    """

    inwoners: int
    gemeenten: int
    meldingen: Bounded
    per_1000: Bounded
    ci_laag: float | None
    ci_hoog: float | None
    vergeleken: str
    """The region against Nederland: ``hoger``, ``lager``, ``niet verschillend`` or ``onbekend`` (see rates)."""
    nl_per_1000: float
    adviezen: Bounded
    politie_aandeel: Bounded
    nl_politie_aandeel: float | None
    km_meldingen: Bounded
    km_schatting_laag: float
    km_schatting_hoog: float
    uitgaven_per_inwoner: float | None
    budget_jaar: int | None
    budget_status: str | None
    voorlopig: bool

    @property
    def bereik_km(self) -> tuple[Bounded, Bounded]:
        """Meldingen kindermishandeling over the high and over the low estimate of child victims."""
        return extrapolation.bereik(self.km_meldingen, self.km_schatting_laag, self.km_schatting_hoog)


def year_code(year: int) -> str:
    """CBS code of a whole year."""
    return f"{year}JJ00"


def region_population(data: RegionData) -> int:
    """Population of the region's gemeenten (CBS, 1 January 2020)."""
    k = data.kwb.set_index("code")
    return int(k.loc[data.member_codes, "inwoners"].sum())


def regions_rate(aard: pd.DataFrame, composition: pd.DataFrame, kwb: pd.DataFrame, periode: int) -> pd.Series:
    """Meldingen per 1,000 inhabitants of every region, as :class:`Bounded` values (index: region code)."""
    sums = vt_figures.regions_sum(aard, composition, year_code(periode), "T001", vt_figures.MELDINGEN)
    region_of = composition.set_index("gemeentecode")["centrumgemeente_code"]
    pops = kwb.set_index("code")["inwoners"].groupby(region_of).sum().astype("float64")
    return pd.Series({code: row_bounded(row).scaled(PER / pops[code]) for code, row in sums.iterrows()})


def region_rate(count: Bounded, population: float, reference_rate: float) -> pd.DataFrame:
    """One row of :func:`workbench.stats.rates.rate_table` for a region's count, compared with a reference rate.

    The interval runs from the lower limit of the published sum to the upper limit of the highest value the
    secret cells allow, so the verdict holds whatever they hold.
    """
    low = pd.Series([round(count.value) if count.known else pd.NA], dtype="Int64")
    table = rate_table(low, pd.Series([float(population)]), upper_counts=pd.Series([count.high]))
    table["vergeleken"] = compare(table, reference_rate)
    return table


def compute(data: RegionData) -> Indicators:
    """Compute the key indicators of ``data``'s region for its reporting year."""
    period = year_code(data.periode)
    members = data.member_codes
    pop = region_population(data)
    k = data.kwb.set_index("code")

    def count(table: pd.DataFrame, categorie: str, maat: str = vt_figures.MELDINGEN) -> Bounded:
        return vt_figures.region_count(table, period, categorie, maat, members)

    mel = count(data.aard, "T001")
    nl = vt_figures.cells(data.aard, period, "T001", vt_figures.MELDINGEN).loc[NATIONAL_REGION]
    nl_rate = float(nl["aantal"]) / float(k.loc["NL00", "inwoners"]) * PER
    compared = region_rate(mel, pop, nl_rate).iloc[0]
    nl_police = vt_figures.cells(data.melder, period, "M110", vt_figures.MELDINGEN).loc[NATIONAL_REGION, "aantal"]
    prevalence = extrapolation.latest_per_form(data.prevalentie)
    km_row = prevalence[prevalence["vorm"] == KM_FORM]
    groups = extrapolation.age_groups(data.kwb[data.kwb["code"].isin(members)])
    km_est = extrapolation.extrapolate(groups, km_row)
    lines = budget_figures.region_lines(data.budget, data.code)
    year, status = budget_figures.reporting_year(lines, data.periode)
    spend = None
    if year is not None:
        spent = lines[(lines["jaar"] == year) & (lines["status"] == status) & (lines["soort"] == "uitgaven")]
        spend = float(spent["bedrag_euro"].sum()) / pop if not spent.empty else None
    return Indicators(
        inwoners=pop,
        gemeenten=len(members),
        meldingen=mel,
        per_1000=mel.scaled(PER / pop),
        ci_laag=None if pd.isna(compared["ci_laag"]) else float(compared["ci_laag"]),
        ci_hoog=None if pd.isna(compared["ci_hoog"]) else float(compared["ci_hoog"]),
        vergeleken=str(compared["vergeleken"]),
        nl_per_1000=nl_rate,
        adviezen=count(data.aard, "T001", vt_figures.ADVIEZEN),
        politie_aandeel=count(data.melder, "M110").share_of(count(data.melder, "T001")),
        nl_politie_aandeel=float(nl_police) / float(nl["aantal"]) if not pd.isna(nl_police) else None,
        km_meldingen=count(data.aard, "AG01"),
        km_schatting_laag=float(km_est["schatting_laag"].sum()),
        km_schatting_hoog=float(km_est["schatting_hoog"].sum()),
        uitgaven_per_inwoner=spend,
        budget_jaar=year,
        budget_status=status,
        voorlopig=bool(nl["voorlopig"]),
    )


def withheld(ind: Indicators) -> Indicators:
    """The indicators of a region whose input failed validation: every figure made from the data unknown.

    Population and the number of gemeenten stay (they describe the region); counts, rates, shares, the bereik and
    spending become unknown, so no page shows a figure made from rejected data.
    """
    unknown = Bounded.unknown()
    return replace(
        ind,
        meldingen=unknown,
        per_1000=unknown,
        ci_laag=None,
        ci_hoog=None,
        vergeleken="onbekend",
        adviezen=unknown,
        politie_aandeel=unknown,
        km_meldingen=unknown,
        uitgaven_per_inwoner=None,
        budget_jaar=None,
        budget_status=None,
    )
