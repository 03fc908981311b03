"""Views on the Veilig Thuis tables for a region, built only from published (rounded, non-secret) cells.

A region is not a CBS area, so its figures are sums of its gemeenten's published cells. Secret cells (0–7)
are left out and counted (see :mod:`workbench.disclosure.bounds`): a sum with secret cells is a lower bound, a sum
of secret cells only is unknown, and no secret cell can be recovered from any of them.
"""

from __future__ import annotations

import pandas as pd

from workbench.disclosure.bounds import Bounded, sums_frame
from workbench.io.cells import STATE_UNKNOWN

MELDINGEN = "ontvangen_meldingen"
ADVIEZEN = "gestarte_adviezen"


def cells(tidy: pd.DataFrame, periode: str, categorie: str, maat: str) -> pd.DataFrame:
    """Return ``regio_code``, ``aantal``, ``status``, ``voorlopig`` of one period, category and measure."""
    sel = tidy[(tidy["periode"] == periode) & (tidy["categorie_code"] == categorie) & (tidy["maat"] == maat)]
    return sel[["regio_code", "aantal", "status", "voorlopig"]].set_index("regio_code")


def area_counts(tidy: pd.DataFrame, periode: str, categorie: str, maat: str, areas: list[str]) -> pd.Series:
    """Published counts of the given areas (missing where secret), in the order given."""
    return cells(tidy, periode, categorie, maat)["aantal"].reindex(areas)


def region_count(tidy: pd.DataFrame, periode: str, categorie: str, maat: str, members: list[str]) -> Bounded:
    """The region's sum of published cells of one period, category and measure, with what is secret."""
    sel = cells(tidy, periode, categorie, maat).reindex(members)
    open_cells = int((sel["status"].isna() | sel["status"].eq(STATE_UNKNOWN)).sum())
    return Bounded.count(sel["aantal"], open_cells)


def _with_open(sel: pd.DataFrame) -> pd.DataFrame:
    return sel.assign(open=sel["aantal"].isna() & sel["status"].eq(STATE_UNKNOWN))


def region_series(tidy: pd.DataFrame, members: list[str], maat: str, half_years: bool = True) -> pd.DataFrame:
    """The region's published sum per period and category.

    Returns
    -------
    pandas.DataFrame
        ``periode``, ``categorie_code``, ``aantal`` (sum of published cells; missing when all are secret),
        ``geheim`` (cells left out), ``cellen``, ``ondergrens``, ``bovengrens`` and ``voorlopig``.
    """
    sel = tidy[tidy["regio_code"].isin(members) & (tidy["maat"] == maat)]
    sel = sel[sel["halfjaar"].ne(0) if half_years else sel["halfjaar"].eq(0)]
    sums = sums_frame(_with_open(sel), ["periode", "categorie_code"])
    provisional = sel.groupby(["periode", "categorie_code"], as_index=False)["voorlopig"].any()
    out = sums.merge(provisional, on=["periode", "categorie_code"])
    return out.sort_values(["periode", "categorie_code"], ignore_index=True)


def regions_sum(tidy: pd.DataFrame, composition: pd.DataFrame, periode: str, categorie: str, maat: str) -> pd.DataFrame:
    """Published sums of every region (index: centrumgemeente code), with what is secret (as :func:`region_series`)."""
    c = cells(tidy, periode, categorie, maat).reset_index()
    gem = c[c["regio_code"].str.startswith("GM")]
    region_of = composition.set_index("gemeentecode")["centrumgemeente_code"]
    gem = _with_open(gem.assign(regio=gem["regio_code"].map(region_of)))
    return sums_frame(gem, ["regio"]).set_index("regio")
