"""Views on the Veilig Thuis tables for a region, built only from published (rounded, non-secret) cells.

A region is not a CBS area, so its figures are sums of its gemeenten's published cells. Secret cells (0–7)
are left out and counted (see :mod:`workbench.disclosure.bounds`): a sum with secret cells is a lower bound, a sum
of secret cells only is unknown, and no secret cell can be recovered from any of them.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.disclosure.bounds import Bounded, bounded_of_sums, bounded_sum, sums_frame

MELDINGEN = "ontvangen_meldingen"
ADVIEZEN = "gestarte_adviezen"
AFGESLOTEN = "afgesloten_meldingen"
"""The meldingen Veilig Thuis closed (CBS 84854NED, by what followed)."""


_KEY = ["periode", "categorie_code", "maat"]
_POSITIONS: dict[int, tuple[weakref.ref, int, dict]] = {}
"""Per table (by identity, while it lives): its length and the row positions of every period, category and measure."""


def _positions(tidy: pd.DataFrame) -> dict[tuple[str, str, str], np.ndarray]:
    """The row positions of ``tidy`` per (periode, categorie_code, maat), grouped once per table.

    A report sums hundreds of selections from the same few tables; grouping once replaces a scan of the whole
    table (three comparisons per row) for each. The tables are never changed in place (only new ones are made);
    a table of another length is grouped again.
    """
    known = _POSITIONS.get(id(tidy))
    if known is None or known[0]() is not tidy or known[1] != len(tidy):
        for key in [k for k, (ref, _, _) in _POSITIONS.items() if ref() is None]:
            del _POSITIONS[key]
        groups = tidy.groupby(_KEY, sort=False).indices if len(tidy) else {}
        known = _POSITIONS[id(tidy)] = (weakref.ref(tidy), len(tidy), groups)
    return known[2]


def _select(tidy: pd.DataFrame, periode: str, categorie: str, maat: str) -> pd.DataFrame:
    """The rows of one period, category and measure (in the table's order)."""
    rows = _positions(tidy).get((periode, categorie, maat))
    return tidy.iloc[rows] if rows is not None else tidy.iloc[0:0]


def cells(tidy: pd.DataFrame, periode: str, categorie: str, maat: str) -> pd.DataFrame:
    """Return ``regio_code``, ``aantal``, ``status``, ``voorlopig`` of one period, category and measure."""
    return _select(tidy, periode, categorie, maat)[["regio_code", "aantal", "status", "voorlopig"]].set_index(
        "regio_code"
    )


def area_counts(tidy: pd.DataFrame, periode: str, categorie: str, maat: str, areas: list[str]) -> pd.Series:
    """Counts of the given areas known exactly (missing where secret or only bounded), in the order given."""
    sel = _select(tidy, periode, categorie, maat).set_index("regio_code").reindex(areas)
    exact = sel["ondergrens"].eq(sel["bovengrens"]) & sel["gepubliceerd"].gt(0)
    return sel["aantal"].where(exact.fillna(False).astype(bool)).astype("Int64")


def region_count(tidy: pd.DataFrame, periode: str, categorie: str, maat: str, members: list[str]) -> Bounded:
    """The region's sum of published cells of one period, category and measure, with what is secret.

    A member without a cell at all makes the sum open-ended (an unknown part).
    """
    sel = _select(tidy, periode, categorie, maat)
    sel = sel[sel["regio_code"].isin(members)]
    return _open_ended(bounded_sum(sel), len(set(members) - set(sel["regio_code"])))


def _open_ended(total: Bounded, absent: int) -> Bounded:
    """``total`` with ``absent`` members that have no cell at all: an unknown part, so no upper bound."""
    if absent and total.known:
        return Bounded(total.value, total.low, float("inf"), total.secret + absent, total.cells + absent)
    return total


_BOUND_COLUMNS = ["gepubliceerd", "ondergrens", "bovengrens", "geheim", "cellen"]


@dataclass(frozen=True)
class PeriodCells:
    """The cells of one period and measure by area and category, for many sums in a row.

    :meth:`count` is :func:`region_count` (the same :class:`Bounded`), without filtering the table again for
    every sum: a split per gemeente makes hundreds of them.
    """

    cells: dict[tuple[str, str], list[tuple[float, float, float, int, int]]]

    @classmethod
    def of(cls, tidy: pd.DataFrame, periode: str, maat: str) -> PeriodCells:
        """The cells of ``periode`` and ``maat`` in ``tidy`` (with the bound columns of a Veilig Thuis table)."""
        sel = tidy[(tidy["periode"] == periode) & (tidy["maat"] == maat)]
        cells: dict[tuple[str, str], list[tuple[float, float, float, int, int]]] = defaultdict(list)
        columns = [sel[c].tolist() for c in ["regio_code", "categorie_code", *_BOUND_COLUMNS]]
        for area, categorie, published, low, high, secret, count in zip(*columns, strict=True):
            cells[area, categorie].append((published, low, high, secret, count))
        return cls(dict(cells))

    def count(self, categorie: str, members: list[str]) -> Bounded:
        """The sum over ``members`` of their cells of ``categorie``, as :func:`region_count` gives it."""
        rows = [row for code in members for row in self.cells.get((code, categorie), [])]
        if not rows:
            return Bounded.unknown()
        total = bounded_of_sums(*(sum(column) for column in zip(*rows, strict=True)))
        return _open_ended(total, sum((code, categorie) not in self.cells for code in set(members)))


def region_series(tidy: pd.DataFrame, members: list[str], maat: str, half_years: bool = True) -> pd.DataFrame:
    """The region's published sum per period and category.

    Returns
    -------
    pandas.DataFrame
        ``periode``, ``categorie_code``, ``aantal`` (sum of published cells; missing when all are secret),
        ``geheim`` (cells left out), ``deels`` (cells only partly in the region), ``cellen``, ``ondergrens``,
        ``bovengrens`` and ``voorlopig``.
    """
    sel = tidy[tidy["regio_code"].isin(members) & (tidy["maat"] == maat)]
    sel = sel[sel["halfjaar"].ne(0) if half_years else sel["halfjaar"].eq(0)]
    sums = sums_frame(sel, ["periode", "categorie_code"])
    provisional = sel.groupby(["periode", "categorie_code"], as_index=False)["voorlopig"].any()
    out = sums.merge(provisional, on=["periode", "categorie_code"])
    return out.sort_values(["periode", "categorie_code"], ignore_index=True)


def regions_sum(tidy: pd.DataFrame, composition: pd.DataFrame, periode: str, categorie: str, maat: str) -> pd.DataFrame:
    """Published sums of every region (index: centrumgemeente code), with what is secret (as :func:`region_series`)."""
    sel = _select(tidy, periode, categorie, maat)
    gem = sel[sel["regio_code"].str.startswith("GM")]
    region_of = composition.set_index("gemeentecode")["centrumgemeente_code"]
    return sums_frame(gem.assign(regio=gem["regio_code"].map(region_of)), ["regio"]).set_index("regio")
