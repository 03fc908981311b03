"""Kengetallen: the figures the workbench computes itself for the learning cycle, per year, for any area.

An area is a region (the sum of its gemeenten's published cells), a peer region or Nederland (CBS's own cell).
Counts are :class:`~workbench.disclosure.bounds.Bounded`, so a figure from a sum with secret cells is a lower bound
(a rate) or an approximation (a share or a ratio), and unknown where every cell is secret. Rates use the
population of 1 January 2020; children of 0–17 are derived from CBS's age bands (see
:mod:`workbench.stats.extrapolation`). Every value is a pair (low end, high end): equal ends for a single figure,
two ends for the bereik, whose range comes from the estimate's range.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.disclosure.bounds import Bounded, row_bounded, sums_frame
from workbench.io.inputs import RegionData
from workbench.io.kwb import gemeenten as kwb_gemeenten
from workbench.io.regiovisie import KENGETALLEN as KEYS
from workbench.io.statline import NATIONAL_REGION, VT_SPECS
from workbench.stats import extrapolation, peers, vt_figures
from workbench.stats.rates import PER

OUTPUT, NEAR_OUTCOME = "output", "dichter bij outcome"
NATIONAL_POPULATION = "NL00"
"""The code of Nederland in the population table (CBS's Kerncijfers wijken en buurten)."""
KM_FORM = "kindermishandeling"
NOT_ASSESSED, HANDED_OVER = "VB05", "VB02"
"""The categories of 84852NED: meldingen not yet assessed, and those handed over after the assessment."""
VT_TABLES = ", ".join(s.table_id for s in VT_SPECS[:-1]) + f" en {VT_SPECS[-1].table_id}"
"""The Veilig Thuis tables the kengetallen come from, as a source line names them."""
LOCAL_FIELD = "VV10"
"""The category of 84854NED: closed meldingen handed over to the local field (wijkteam or other local help)."""


@dataclass(frozen=True)
class Kengetal:
    """What a kengetal is: its name, unit, whether it measures output or comes closer to outcome, its step."""

    key: str
    naam: str
    eenheid: str
    soort: str
    stap: int
    """The step of the learning cycle it serves (see :mod:`workbench.stats.leercyclus`)."""
    tabellen: str
    """The CBS tables it is computed from."""
    tellingen: tuple[str, ...]
    """The counts it is computed from (fields of :class:`AreaCounts`): one for a rate, the part and the whole for a
    share or a ratio; its change is theirs, since the populations and estimates stay the same."""


KENGETALLEN = {
    k.key: k
    for k in (
        Kengetal(
            "meldingen_per_1000", "Meldingen per 1.000 inwoners", "per 1.000", OUTPUT, 1, "84851NED", ("meldingen",)
        ),
        Kengetal("adviezen_per_1000", "Adviezen per 1.000 inwoners", "per 1.000", OUTPUT, 3, "84851NED", ("adviezen",)),
        Kengetal(
            "kindermishandeling_per_1000_kinderen",
            "Meldingen kindermishandeling per 1.000 kinderen (0–17 jaar)",
            "per 1.000",
            OUTPUT,
            1,
            "84851NED, 84799NED",
            ("kindermishandeling",),
        ),
        Kengetal(
            "ouderenmishandeling_per_1000_65_plus",
            "Meldingen ouderenmishandeling per 1.000 inwoners van 65 jaar en ouder",
            "per 1.000",
            OUTPUT,
            1,
            "84851NED, 84799NED",
            ("ouderenmishandeling",),
        ),
        Kengetal(
            "adviezen_per_melding", "Adviezen per melding", "aantal", OUTPUT, 3, "84851NED", ("adviezen", "meldingen")
        ),
        Kengetal(
            "aandeel_politie",
            "Aandeel meldingen van politie en justitie",
            "%",
            OUTPUT,
            2,
            "84849NED",
            ("politie", "melder_totaal"),
        ),
        Kengetal(
            "aandeel_niet_politie",
            "Aandeel meldingen van andere melders dan politie en justitie",
            "%",
            NEAR_OUTCOME,
            2,
            "84849NED",
            ("politie", "melder_totaal"),
        ),
        Kengetal(
            "aandeel_beoordeeld",
            "Aandeel meldingen waarvan de veiligheid is beoordeeld",
            "%",
            OUTPUT,
            2,
            "84852NED",
            ("niet_beoordeeld", "beoordeling_totaal"),
        ),
        Kengetal(
            "aandeel_overdracht",
            "Aandeel meldingen overgedragen na de veiligheidsbeoordeling",
            "%",
            NEAR_OUTCOME,
            4,
            "84852NED",
            ("overdracht", "beoordeling_totaal"),
        ),
        Kengetal(
            "aandeel_lokaal_veld",
            "Aandeel afgesloten meldingen overgedragen aan het lokale veld",
            "%",
            NEAR_OUTCOME,
            4,
            "84854NED",
            ("lokaal_veld", "vervolg_totaal"),
        ),
        Kengetal(
            "bereik_kindermishandeling",
            "Bereik kindermishandeling: meldingen als deel van de geschatte slachtoffers",
            "%",
            NEAR_OUTCOME,
            2,
            "84851NED, 84799NED, prevalentiestudies",
            ("kindermishandeling",),
        ),
    )
}
"""Every kengetal, in the order the report shows them (the keys are :data:`workbench.io.regiovisie.KENGETALLEN`)."""
assert set(KENGETALLEN) == set(KEYS), "the kengetallen and the input file's list differ"


@dataclass(frozen=True)
class AreaCounts:
    """The counts and populations of one area, per year."""

    meldingen: dict[int, Bounded]
    adviezen: dict[int, Bounded]
    kindermishandeling: dict[int, Bounded]
    ouderenmishandeling: dict[int, Bounded]
    politie: dict[int, Bounded]
    melder_totaal: dict[int, Bounded]
    beoordeling_totaal: dict[int, Bounded]
    niet_beoordeeld: dict[int, Bounded]
    overdracht: dict[int, Bounded]
    vervolg_totaal: dict[int, Bounded]
    """The meldingen Veilig Thuis closed (84854NED)."""
    lokaal_veld: dict[int, Bounded]
    inwoners: float
    kinderen: float
    ouderen: float
    schatting: tuple[float, float]
    """The estimated child victims (low, high), from national prevalence."""


def _sums(tidy: pd.DataFrame, area_of: pd.Series, maat: str) -> pd.DataFrame:
    """The published sums per area, whole year and category (see :func:`workbench.disclosure.bounds.sums_frame`)."""
    sel = tidy[tidy["maat"].eq(maat) & tidy["halfjaar"].eq(0) & tidy["regio_code"].isin(area_of.index)]
    return sums_frame(sel.assign(_area=sel["regio_code"].map(area_of)), ["_area", "periode", "categorie_code"])


def _by_year(sums: pd.DataFrame) -> dict[tuple[str, str], dict[int, Bounded]]:
    """Per area and category of :func:`_sums` its sum per year (one pass over the rows)."""
    out: dict[tuple[str, str], dict[int, Bounded]] = {}
    for row in sums.to_dict("records"):
        out.setdefault((row["_area"], row["categorie_code"]), {})[int(row["periode"][:4])] = row_bounded(row)
    return out


def areas_counts(data: RegionData, areas: dict[str, tuple[list[str], list[str]]]) -> dict[str, AreaCounts]:
    """The counts of several areas at once, summed in one pass.

    ``areas`` gives per name its Veilig Thuis areas (gemeenten, or ``NL01``) and the codes of its population
    (gemeenten, or ``NL00``). The areas must not share a Veilig Thuis area.
    """
    area_of = pd.Series({code: name for name, (cells, _) in areas.items() for code in cells}, dtype="object")
    aard_m = _by_year(_sums(data.aard, area_of, vt_figures.MELDINGEN))
    aard_a = _by_year(_sums(data.aard, area_of, vt_figures.ADVIEZEN))
    melder = _by_year(_sums(data.melder, area_of, vt_figures.MELDINGEN))
    assessed = _by_year(_sums(data.beoordeling, area_of, vt_figures.MELDINGEN))
    followed = _by_year(_sums(data.vervolg, area_of, vt_figures.AFGESLOTEN))
    prevalence = extrapolation.latest_per_form(data.prevalentie)
    km = prevalence[prevalence["vorm"] == KM_FORM]
    out = {}
    for name, (_, population) in areas.items():
        groups = extrapolation.age_groups(data.kwb[data.kwb["code"].isin(population)])
        estimate = extrapolation.extrapolate(groups, km)
        totals = groups.sum()
        out[name] = AreaCounts(
            meldingen=aard_m.get((name, "T001"), {}),
            adviezen=aard_a.get((name, "T001"), {}),
            kindermishandeling=aard_m.get((name, "AG01"), {}),
            ouderenmishandeling=aard_m.get((name, "AG03"), {}),
            politie=melder.get((name, "M110"), {}),
            melder_totaal=melder.get((name, "T001"), {}),
            beoordeling_totaal=assessed.get((name, "T001"), {}),
            niet_beoordeeld=assessed.get((name, NOT_ASSESSED), {}),
            overdracht=assessed.get((name, HANDED_OVER), {}),
            vervolg_totaal=followed.get((name, "T001"), {}),
            lokaal_veld=followed.get((name, LOCAL_FIELD), {}),
            inwoners=float(totals["totaal"]),
            kinderen=float(totals["0-17"]),
            ouderen=float(totals["65+"]),
            schatting=(float(estimate["schatting_laag"].sum()), float(estimate["schatting_hoog"].sum())),
        )
    return out


def ratio(numerator: Bounded, denominator: Bounded) -> Bounded:
    """One count over another (adviezen per melding), with the bounds both allow; unknown when either is."""
    if not numerator.known or not denominator.known or not denominator.value:
        return Bounded(None, 0.0, float("inf"), numerator.secret + denominator.secret)
    value = numerator.value / denominator.value
    low = numerator.low / denominator.high if denominator.high else 0.0
    high = numerator.high / denominator.low if denominator.low else float("inf")
    secret, cells = numerator.secret + denominator.secret, numerator.cells + denominator.cells
    return Bounded(value, min(low, value), max(high, value), secret, cells)


def complement(share: Bounded, whole: float = 100.0) -> Bounded:
    """The rest of a share (100 − the police share), its bounds swapped."""
    if not share.known:
        return share
    return Bounded(whole - share.value, whole - share.high, whole - share.low, share.secret, share.cells)


def value(counts: AreaCounts, key: str, year: int) -> tuple[Bounded, Bounded]:
    """A kengetal of one area in one year: (low end, high end), equal but for the bereik; unknown without data."""

    def get(series: dict[int, Bounded]) -> Bounded:
        return series.get(year, Bounded.unknown())

    if key == "bereik_kindermishandeling":
        low, high = counts.schatting
        return extrapolation.bereik(get(counts.kindermishandeling), low / 100, high / 100)
    single = {
        "meldingen_per_1000": lambda: get(counts.meldingen).scaled(PER / counts.inwoners),
        "adviezen_per_1000": lambda: get(counts.adviezen).scaled(PER / counts.inwoners),
        "kindermishandeling_per_1000_kinderen": lambda: get(counts.kindermishandeling).scaled(PER / counts.kinderen),
        "ouderenmishandeling_per_1000_65_plus": lambda: get(counts.ouderenmishandeling).scaled(PER / counts.ouderen),
        "adviezen_per_melding": lambda: ratio(get(counts.adviezen), get(counts.meldingen)),
        "aandeel_politie": lambda: get(counts.politie).share_of(get(counts.melder_totaal)).scaled(100),
        "aandeel_niet_politie": lambda: complement(get(counts.politie).share_of(get(counts.melder_totaal)).scaled(100)),
        "aandeel_beoordeeld": lambda: complement(
            get(counts.niet_beoordeeld).share_of(get(counts.beoordeling_totaal)).scaled(100)
        ),
        "aandeel_overdracht": lambda: get(counts.overdracht).share_of(get(counts.beoordeling_totaal)).scaled(100),
        "aandeel_lokaal_veld": lambda: get(counts.lokaal_veld).share_of(get(counts.vervolg_totaal)).scaled(100),
    }
    figure = single[key]()
    return figure, figure


def _members(data: RegionData, code: str) -> list[str]:
    if code == data.code:
        return data.member_codes
    return data.composition.loc[data.composition["centrumgemeente_code"] == code, "gemeentecode"].tolist()


def region_counts(data: RegionData, code: str | None = None) -> AreaCounts:
    """The counts of a region (``data``'s own when ``code`` is ``None``), over its gemeenten."""
    members = _members(data, code or data.code)
    return areas_counts(data, {"regio": (members, members)})["regio"]


def national_counts(data: RegionData) -> AreaCounts:
    """Nederland's counts (CBS's national cells, exact)."""
    return areas_counts(data, {"Nederland": ([NATIONAL_REGION], [NATIONAL_POPULATION])})["Nederland"]


def years(data: RegionData) -> list[int]:
    """The whole years in the Veilig Thuis data."""
    periods = data.aard.loc[data.aard["halfjaar"] == 0, "periode"].unique()
    return sorted(int(p[:4]) for p in periods)


def mean(values: list[Bounded]) -> Bounded:
    """The mean of known figures, with the mean of their bounds; unknown when none is known."""
    known = [v for v in values if v.known]
    if not known:
        return Bounded.unknown()
    n = len(known)
    return Bounded(
        sum(v.value for v in known) / n,
        sum(v.low for v in known) / n,
        sum(v.high for v in known) / n,
        sum(v.secret for v in known),
        sum(v.cells for v in known),
    )


def peer_codes(data: RegionData) -> list[str]:
    """The five regions most like ``data``'s (see :mod:`workbench.stats.peers`); none when it is the only one."""
    if data.composition["centrumgemeente_code"].nunique() < 2:
        return []
    features = peers.region_features(kwb_gemeenten(data.kwb), data.composition)
    return list(peers.peer_group(features, data.code).index)


def table(data: RegionData, withheld: frozenset[str] = frozenset(), own: AreaCounts | None = None) -> pd.DataFrame:
    """Every kengetal of ``data``'s region: its baseline (the first year), the reporting year, Nederland, peers.

    Parameters
    ----------
    data
        The region.
    withheld
        Regions whose input failed validation: left out of the peers' mean.
    own
        The region's counts when they are known already (see :func:`region_counts`).

    Returns
    -------
    pandas.DataFrame
        One row per kengetal: ``key``, ``kengetal``, ``eenheid``, ``basisjaar``, ``basislijn``, ``regio``,
        ``Nederland``, ``vergelijkbare regio's`` (each a pair of :class:`Bounded`: low end, high end), ``peers``
        (how many peers the mean is over), ``soort`` and ``stap``.
    """
    year, first = data.periode, min(years(data), default=data.periode)
    regions = [*([] if own else [data.code]), *(c for c in peer_codes(data) if c not in withheld)]
    areas = {c: (_members(data, c), _members(data, c)) for c in regions}
    counts = areas_counts(data, {**areas, NATIONAL_REGION: ([NATIONAL_REGION], [NATIONAL_POPULATION])})
    own = own or counts[data.code]
    nl, others = counts[NATIONAL_REGION], [counts[c] for c in regions if c != data.code]
    rows = []
    for key, k in KENGETALLEN.items():
        peer_values = [value(c, key, year) for c in others]
        known = [p for p in peer_values if p[0].known]
        rows.append(
            {
                "key": key,
                "kengetal": k.naam,
                "eenheid": k.eenheid,
                "basisjaar": first,
                "basislijn": value(own, key, first),
                "regio": value(own, key, year),
                "Nederland": value(nl, key, year),
                "vergelijkbare regio's": (mean([p[0] for p in known]), mean([p[1] for p in known])),
                "peers": len(known),
                "soort": k.soort,
                "stap": k.stap,
            }
        )
    return pd.DataFrame(rows)


def series(data: RegionData, key: str, counts: AreaCounts | None = None) -> dict[int, Bounded]:
    """A kengetal of ``data``'s region per year (the low end; a single figure for every monitoring kind).

    ``counts`` are the region's counts when they are known already (see :func:`region_counts`).
    """
    counts = counts or region_counts(data)
    return {year: value(counts, key, year)[0] for year in years(data)}
