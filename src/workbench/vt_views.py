"""Views on the Veilig Thuis tables for a region, built only from published (rounded, non-secret) cells.

A region is not a CBS area, so its figures are sums of its gemeenten's published cells. Secret cells (0–7)
are left out and counted, so a region total is a lower bound, and no secret cell can be recovered from it.
"""

from __future__ import annotations

import pandas as pd

MELDINGEN = "ontvangen_meldingen"
ADVIEZEN = "gestarte_adviezen"


def cells(tidy: pd.DataFrame, periode: str, categorie: str, maat: str) -> pd.DataFrame:
    """Return ``regio_code``, ``aantal``, ``status``, ``voorlopig`` of one period, category and measure."""
    sel = tidy[(tidy["periode"] == periode) & (tidy["categorie_code"] == categorie) & (tidy["maat"] == maat)]
    return sel[["regio_code", "aantal", "status", "voorlopig"]].set_index("regio_code")


def published_sum(values: pd.Series) -> tuple[int, int]:
    """Sum the published counts and count the secret ones: ``(sum, number_secret)``."""
    return int(values.dropna().sum()), int(values.isna().sum())


def region_series(tidy: pd.DataFrame, members: list[str], maat: str, half_years: bool = True) -> pd.DataFrame:
    """The region's published sum per period and category.

    Returns
    -------
    pandas.DataFrame
        ``periode``, ``categorie_code``, ``aantal`` (sum of published cells), ``geheim`` (cells left out),
        ``voorlopig``.
    """
    sel = tidy[tidy["regio_code"].isin(members) & (tidy["maat"] == maat)]
    sel = sel[sel["halfjaar"].ne(0) if half_years else sel["halfjaar"].eq(0)]
    grouped = sel.groupby(["periode", "categorie_code"], as_index=False).agg(
        aantal=("aantal", lambda s: int(s.dropna().sum())),
        geheim=("aantal", lambda s: int(s.isna().sum())),
        voorlopig=("voorlopig", "any"),
    )
    return grouped.sort_values(["periode", "categorie_code"], ignore_index=True)


def area_counts(tidy: pd.DataFrame, periode: str, categorie: str, maat: str, areas: list[str]) -> pd.Series:
    """Published counts of the given areas (missing where secret), in the order given."""
    return cells(tidy, periode, categorie, maat)["aantal"].reindex(areas)


def regions_sum(tidy: pd.DataFrame, composition: pd.DataFrame, periode: str, categorie: str, maat: str) -> pd.Series:
    """Published sum per region (all 35), index: centrumgemeente code."""
    c = cells(tidy, periode, categorie, maat)["aantal"]
    region_of = composition.set_index("gemeentecode")["centrumgemeente_code"]
    gem = c[c.index.str.startswith("GM")]
    return gem.groupby(region_of.reindex(gem.index)).sum(min_count=0).astype("int64")
