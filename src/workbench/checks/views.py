"""Frames as the Great Expectations suites see them: the tidy data plus derived check columns.

The suites in ``expectations/`` are declarative; a rule that spans rows (a part against its total, lines
against their total line) is computed here as a column, so that a suite can state it and report the rows.
Every function takes a frame and returns a new one; inputs are never changed.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import shapely

from workbench.io.budget import TOTAL_POST
from workbench.io.kwb import AGE_BANDS
from workbench.io.statline import TableSpec
from workbench.stats.indeling import Indeling
from workbench.stats.region_rule import METHOD_OWN, UNKNOWN_LEVEL

CELL_KEY = ["regio_code", "periode", "categorie_code", "maat"]


def kwb_view(kwb: pd.DataFrame) -> pd.DataFrame:
    """Add ``leeftijden_min_inwoners`` and ``mannen_vrouwen_min_inwoners`` (both 0 in consistent data)."""
    return kwb.assign(
        leeftijden_min_inwoners=kwb[AGE_BANDS].sum(axis=1, skipna=False) - kwb["inwoners"],
        mannen_vrouwen_min_inwoners=kwb["mannen"] + kwb["vrouwen"] - kwb["inwoners"],
    )


def boundaries_view(boundaries: pd.DataFrame) -> pd.DataFrame:
    """Replace the geometry by ``geometrie_bruikbaar`` (a non-empty area) and ``regel`` (feature number)."""
    return pd.DataFrame(
        {
            "code": boundaries["code"],
            "naam": boundaries["naam"],
            "geometrie_bruikbaar": [
                bool(not g.is_empty and g.area > 0 and shapely.get_dimensions(g) == 2) for g in boundaries["geometry"]
            ],
            "regel": range(1, len(boundaries) + 1),
        }
    )


def prevalence_view(prevalentie: pd.DataFrame) -> pd.DataFrame:
    """Add ``laag_min_hoog`` (not above 0) and ``leeftijd_min_min_max`` (not above 0 where both are given)."""
    return prevalentie.assign(
        laag_min_hoog=prevalentie["laag"] - prevalentie["hoog"],
        leeftijd_min_min_max=prevalentie["leeftijd_min"] - prevalentie["leeftijd_max"],
    )


def composition_view(
    composition: pd.DataFrame, centrum_codes: list[str], sourced: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Add the checks of the region composition.

    ``centrum_in_eigen_regio``: False where a centrumgemeente is put in another centrumgemeente's region.
    ``volgt_bronnen``: False where a gemeente with a source (``zekerheid`` not ``onbekend``) is put in another
    region than its source says, other than by a region's own list (a hand edit of the derived file).
    """
    is_centre = composition["gemeentecode"].isin(centrum_codes)
    own = ~is_centre | composition["centrumgemeente_code"].eq(composition["gemeentecode"])
    follows = pd.Series(True, index=composition.index)
    if sourced is not None:
        known = sourced[sourced["zekerheid"] != UNKNOWN_LEVEL].set_index("gemeentecode")["centrumgemeente_code"]
        says = composition["gemeentecode"].map(known)
        follows = says.isna() | says.eq(composition["centrumgemeente_code"]) | composition["methode"].eq(METHOD_OWN)
    return composition.assign(centrum_in_eigen_regio=own, volgt_bronnen=follows.astype(bool))


def in_indeling(codes: pd.Series, years: pd.Series, indeling: Indeling) -> pd.Series:
    """True where a gemeente code exists in the indeling its year's codes are read in.

    Per year, the codes are read in the year's own indeling, or in the latest one that has them all (see
    :meth:`workbench.stats.indeling.Indeling.fitting_year`); when none has them all, the codes missing from
    the year's own indeling are the ones marked False.
    """
    out = pd.Series(True, index=codes.index)
    for year, group in codes.groupby(years):
        found = indeling.fitting_year(set(group), int(year))
        known = indeling.codes(int(year) if found is None else found)
        out[group.index] = group.isin(known)
    return out


def changes_view(changes: pd.DataFrame, gemeenten_2020: list[str]) -> pd.DataFrame:
    """Add ``oud_bestaat``: the old gemeente exists in the indeling just before its change takes effect."""
    known = set(gemeenten_2020)
    exists = pd.Series(False, index=changes.index)
    for _year, lines in changes.groupby("jaar", sort=True):
        exists[lines.index] = lines["gemeentecode_oud"].isin(known)
        known = (known - set(lines["gemeentecode_oud"])) | set(lines["gemeentecode_nieuw"])
    return changes.assign(oud_bestaat=exists)


def statline_view(tidy: pd.DataFrame, spec: TableSpec, indeling: Indeling) -> pd.DataFrame:
    """Add the checks of a count table.

    Adds ``rest_na_afronding`` (the count modulo 5), ``deel_min_geheel`` (a category's count minus that of the
    category it is part of) and ``halfjaar_min_jaar`` (a half-year's count minus its year's). Where either
    side is secret or unknown the difference is missing and not checked. ``in_indeling_van_periode`` is False
    for a gemeente code that does not exist in the indeling its period is read in (see :func:`in_indeling`).
    """
    value = tidy.set_index(CELL_KEY)["aantal"]
    value = value[~value.index.duplicated()]
    parent_key = pd.MultiIndex.from_arrays(
        [tidy["regio_code"], tidy["periode"], tidy["categorie_code"].map(spec.parents), tidy["maat"]]
    )
    year_key = pd.MultiIndex.from_arrays(
        [tidy["regio_code"], tidy["jaar"].astype(str) + "JJ00", tidy["categorie_code"], tidy["maat"]]
    )
    parent_value = pd.Series(value.reindex(parent_key).to_numpy(), index=tidy.index, dtype="Int64")
    year_value = pd.Series(value.reindex(year_key).to_numpy(), index=tidy.index, dtype="Int64")
    year_value[tidy["halfjaar"].eq(0)] = pd.NA
    gemeente = tidy["regio_code"].str.startswith("GM")
    fits = pd.Series(True, index=tidy.index)
    fits[gemeente] = in_indeling(tidy.loc[gemeente, "regio_code"], tidy.loc[gemeente, "jaar"], indeling)
    return tidy.assign(
        in_indeling_van_periode=fits,
        rest_na_afronding=tidy["aantal"] % 5,
        deel_min_geheel=tidy["aantal"] - parent_value,
        halfjaar_min_jaar=tidy["aantal"] - year_value,
    )


def budget_view(
    budget: pd.DataFrame, composition_in: Callable[[int], pd.DataFrame], indeling: Indeling
) -> pd.DataFrame:
    """Add the checks of the budget template.

    Adds ``verschil_met_totaal`` (on a total line: its amount minus the sum of its group's other lines),
    ``totaalregels_in_groep`` (number of total lines in the group, 1 when right), ``gemeente_van_het_jaar``
    (the gemeente exists in the indeling the budget year is read in, see :func:`in_indeling`),
    ``gemeente_in_regio`` (it belongs to the line's region in that year; ``composition_in(year)`` gives the
    composition of a year's gemeenten) and ``taak`` (the post of a spending line that is not a total line).
    """
    group = ["regio_code", "jaar", "status", "soort"]
    is_total = budget["post"].eq(TOTAL_POST)
    line_sum = budget[~is_total].groupby(group)["bedrag_euro"].sum()
    total_count = is_total.groupby([budget[c] for c in group]).sum()
    keys = pd.MultiIndex.from_frame(budget[group])
    sums = pd.Series(line_sum.reindex(keys).fillna(0).to_numpy(), index=budget.index, dtype="Float64")
    in_region = pd.Series(False, index=budget.index)
    years = budget["jaar"].fillna(0).astype("int64")
    for year, group in budget["gemeentecode"].groupby(years):
        read_in = indeling.fitting_year(set(group), int(year)) or indeling.year(int(year))
        region_of = composition_in(read_in).set_index("gemeentecode")["centrumgemeente_code"]
        in_region[group.index] = group.map(region_of).eq(budget.loc[group.index, "regio_code"])
    return budget.assign(
        verschil_met_totaal=(budget["bedrag_euro"] - sums).where(is_total),
        totaalregels_in_groep=total_count.reindex(keys).to_numpy(),
        gemeente_van_het_jaar=in_indeling(budget["gemeentecode"], years, indeling),
        gemeente_in_regio=in_region,
        taak=budget["post"].where(budget["soort"].eq("uitgaven") & ~is_total),
    )
