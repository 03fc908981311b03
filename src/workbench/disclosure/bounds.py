"""Figures built from published cells that may miss secret ones: what is known, and what is only a bound.

A region is not a CBS area, so its counts are sums of its gemeenten's published cells. A secret cell ('.') holds
a count from 0 to 7, so a sum over ``cells`` cells of which ``secret`` are secret lies between the sum of the
published cells and that sum plus 7 for every secret cell. :class:`Bounded` carries that knowledge from the cells
to every figure derived from them:

- a sum whose cells are all secret is unknown (shown as '.'), never 0;
- a sum with some secret cells is a lower bound (shown as '≥ 45', said as 'ten minste 45', with 'n van m
  gemeenten geheim');
- a rate or a bereik computed from a lower bound is a lower bound too;
- a share of two such sums is an approximation, with the bounds it lies between.

The sums use published cells only, so they reveal nothing CBS does not publish itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.disclosure.rule import SECRET_MAX

EXACT, LOWER_BOUND, APPROXIMATE, UNKNOWN = "exact", "ondergrens", "benadering", "onbekend"


@dataclass(frozen=True)
class Bounded:
    """A figure with the range the true value lies in.

    Attributes
    ----------
    value
        The figure to show: the sum of the published cells (or what follows from it); ``None`` when unknown.
    low, high
        The range the true value lies in.
    secret, cells
        How many of the cells behind the figure are secret, out of how many.
    """

    value: float | None
    low: float
    high: float
    secret: int = 0
    cells: int = 0

    @classmethod
    def exact(cls, value: float) -> Bounded:
        """A figure known exactly (a published CBS cell, a population)."""
        return cls(float(value), float(value), float(value))

    @classmethod
    def unknown(cls) -> Bounded:
        """A figure we do not have at all."""
        return cls(None, 0.0, float("inf"))

    @classmethod
    def count(cls, values: pd.Series, open_cells: int = 0) -> Bounded:
        """The sum of published cells.

        Parameters
        ----------
        values
            Published counts; missing where secret (0–7 each).
        open_cells
            How many of the missing ones are not secret but unknown (no upper bound).
        """
        published = float(values.dropna().sum())
        secret, cells = int(values.isna().sum()), len(values)
        value = None if cells and secret == cells else published
        high = float("inf") if open_cells else published + SECRET_MAX * (secret - open_cells)
        return cls(value, published, high, secret, cells)

    @classmethod
    def of_kind(cls, value: float | None, kind: str) -> Bounded:
        """A figure to show whose kind is known but not its range (a chart's drawn value with its mark)."""
        if value is None or pd.isna(value) or kind == UNKNOWN:
            return cls.unknown()
        value = float(value)
        if kind == LOWER_BOUND:
            return cls(value, value, float("inf"))
        if kind == APPROXIMATE:
            return cls(value, float("-inf"), float("inf"))
        return cls.exact(value)

    @property
    def kind(self) -> str:
        """:data:`EXACT`, :data:`LOWER_BOUND`, :data:`APPROXIMATE` or :data:`UNKNOWN`."""
        if self.value is None:
            return UNKNOWN
        if self.low == self.high:
            return EXACT
        return LOWER_BOUND if self.value == self.low else APPROXIMATE

    @property
    def known(self) -> bool:
        """Whether there is a value to show."""
        return self.value is not None

    def __add__(self, other: Bounded) -> Bounded:
        """The sum of two counts: unknown only when both are."""
        value = None if self.value is None and other.value is None else self.low + other.low
        return Bounded(
            value, self.low + other.low, self.high + other.high, self.secret + other.secret, self.cells + other.cells
        )

    def scaled(self, factor: float) -> Bounded:
        """The figure times a positive factor (a count per 1,000 inhabitants, a count over an estimate)."""
        if factor < 0:
            raise ValueError("only a positive factor keeps the bounds in order")
        value = None if self.value is None else self.value * factor
        return Bounded(value, self.low * factor, self.high * factor, self.secret, self.cells)

    def share_of(self, total: Bounded) -> Bounded:
        """Return this count as a share (0–1) of ``total``, with the bounds both counts allow."""
        if self.value is None or total.value is None or total.value == 0:
            return Bounded(None, 0.0, 1.0, self.secret + total.secret, self.cells + total.cells)
        low = self.low / total.high if total.high else 0.0
        high = min(1.0, self.high / total.low) if total.low else 1.0
        value = self.value / total.value
        return Bounded(value, min(low, value), max(high, value), self.secret + total.secret, self.cells + total.cells)


def sums_frame(cells: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Sum cells per group, keeping what is secret or only partly known.

    Parameters
    ----------
    cells
        Cells with the bound columns of :mod:`workbench.stats.vt_cells` (``ondergrens``, ``bovengrens``,
        ``geheim``, ``deels``, ``cellen``, ``gepubliceerd``) and the grouping columns.
    by
        The grouping columns.

    Returns
    -------
    pandas.DataFrame
        The grouping columns and, per group: ``aantal`` (``Int64``; the published sum, missing when no cell
        behind it is published), ``geheim`` (secret or unknown cells), ``deels`` (cells that lie only partly in
        the group), ``cellen`` (cells), ``ondergrens`` (the published sum, which the true value is at least),
        ``bovengrens`` (the highest value the other cells allow; infinite with an unknown cell).
    """
    summed = ["ondergrens", "bovengrens", "geheim", "deels", "cellen", "gepubliceerd"]
    out = cells.groupby(by, as_index=False)[summed].sum()
    out["ondergrens"] = out["ondergrens"].round().astype("int64")
    out["aantal"] = out["ondergrens"].astype("Int64").mask(out["gepubliceerd"].eq(0))
    return out[[*by, "aantal", "geheim", "deels", "cellen", "ondergrens", "bovengrens"]]


def bounded_of_sums(published: float, low: float, high: float, secret: int, cells: int) -> Bounded:
    """The :class:`Bounded` sum from the summed bound columns: unknown when no cell of it was published."""
    value = None if int(published) == 0 else float(low)
    return Bounded(value, float(low), float(high), int(secret), int(cells))


def bounded_sum(cells: pd.DataFrame) -> Bounded:
    """The :class:`Bounded` sum of cells with the bound columns (see :func:`sums_frame`); unknown if none."""
    if cells.empty:
        return Bounded.unknown()
    return bounded_of_sums(
        cells["gepubliceerd"].sum(),
        cells["ondergrens"].sum(),
        cells["bovengrens"].sum(),
        cells["geheim"].sum(),
        cells["cellen"].sum(),
    )


def row_bounded(row: pd.Series) -> Bounded:
    """The :class:`Bounded` count of one row of :func:`sums_frame`."""
    value = None if pd.isna(row["aantal"]) else float(row["aantal"])
    return Bounded(value, float(row["ondergrens"]), float(row["bovengrens"]), int(row["geheim"]), int(row["cellen"]))
