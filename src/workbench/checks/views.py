"""Frames as the Great Expectations suites see them: the tidy data plus derived check columns.

The suites in ``expectations/`` are declarative; a rule that spans rows (a part against its total, lines
against their total line) is computed here as a column, so that a suite can state it and report the rows.
Every function takes a frame and returns a new one; inputs are never changed.
"""

from __future__ import annotations

import pandas as pd
import shapely

from workbench.io.budget import TOTAL_POST
from workbench.io.kwb import AGE_BANDS
from workbench.io.statline import TableSpec
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


def statline_view(tidy: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Add the checks of a count table.

    Adds ``rest_na_afronding`` (the count modulo 5), ``deel_min_geheel`` (a category's count minus that of the
    category it is part of) and ``halfjaar_min_jaar`` (a half-year's count minus its year's). Where either
    side is secret or unknown the difference is missing and not checked.
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
    return tidy.assign(
        rest_na_afronding=tidy["aantal"] % 5,
        deel_min_geheel=tidy["aantal"] - parent_value,
        halfjaar_min_jaar=tidy["aantal"] - year_value,
    )


def budget_view(budget: pd.DataFrame, composition: pd.DataFrame) -> pd.DataFrame:
    """Add the checks of the budget template.

    Adds ``verschil_met_totaal`` (on a total line: its amount minus the sum of its group's other lines),
    ``totaalregels_in_groep`` (number of total lines in the group, 1 when right), ``gemeente_in_regio`` and
    ``taak`` (the post of a spending line that is not a total line; empty elsewhere).
    """
    group = ["regio_code", "jaar", "status", "soort"]
    is_total = budget["post"].eq(TOTAL_POST)
    line_sum = budget[~is_total].groupby(group)["bedrag_euro"].sum()
    total_count = is_total.groupby([budget[c] for c in group]).sum()
    keys = pd.MultiIndex.from_frame(budget[group])
    sums = pd.Series(line_sum.reindex(keys).fillna(0).to_numpy(), index=budget.index, dtype="Float64")
    region_of = composition.set_index("gemeentecode")["centrumgemeente_code"]
    return budget.assign(
        verschil_met_totaal=(budget["bedrag_euro"] - sums).where(is_total),
        totaalregels_in_groep=total_count.reindex(keys).to_numpy(),
        gemeente_in_regio=budget["gemeentecode"].map(region_of).eq(budget["regio_code"]),
        taak=budget["post"].where(budget["soort"].eq("uitgaven") & ~is_total),
    )
