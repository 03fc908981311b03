"""Publish a region's own unrounded counts the way CBS publishes its own, and guard against differencing.

From the counts of the categories without parts per gemeente and half-year, the totals of every category
with parts and of every whole year (when both halves are there) are computed from the unrounded counts; then
every cell is rounded on its own by :mod:`workbench.disclosure.rule`. CBS leaves the guard against
differencing to its rounding; here every sum relation (the parts of a category against it, the halves of a
year against it) is also checked with :func:`workbench.disclosure.differencing.secondary_suppression`, and a
second cell is hidden wherever a secret one could be pinned down, until no relation gives one away.
"""

from __future__ import annotations

import pandas as pd

from workbench.disclosure.differencing import secondary_suppression
from workbench.disclosure.rule import round_count
from workbench.io.cells import STATE_SECRET, STATE_UNKNOWN, STATE_VALUE
from workbench.io.csv_input import LINE
from workbench.io.statline import TableSpec

CELL = ["regio_code", "periode", "categorie_code", "maat"]


def _sum_known(values: pd.Series) -> object:
    """The sum of a group of counts; unknown when any of them is."""
    return pd.NA if values.isna().any() else int(values.sum())


def with_totals(leaves: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Add the categories with parts and the whole years to leaf counts (``n``, nullable), unrounded."""
    cells = leaves[[*CELL, "n", LINE]]
    level = cells
    parents = spec.parents
    while True:
        up = level[level["categorie_code"].isin(parents)].assign(
            categorie_code=lambda d: d["categorie_code"].map(parents)
        )
        if up.empty:
            break
        up = up.groupby(CELL, as_index=False).agg(n=("n", _sum_known), **{LINE: (LINE, "min")})
        cells = pd.concat([cells, up], ignore_index=True)
        level = up
    cells = cells.groupby(CELL, as_index=False).agg(n=("n", _sum_known), **{LINE: (LINE, "min")})
    halves = cells.assign(jaar=cells["periode"].str[:4])
    counted = halves.groupby(["regio_code", "jaar", "categorie_code", "maat"])["periode"].transform("nunique")
    complete = halves[counted == 2]
    years = (
        complete.assign(periode=complete["jaar"] + "JJ00")
        .groupby(CELL, as_index=False)
        .agg(n=("n", _sum_known), **{LINE: (LINE, "min")})
    )
    out = pd.concat([cells, years], ignore_index=True)
    out["n"] = out["n"].astype("Int64")
    return out


def _relations(cells: pd.DataFrame, spec: TableSpec) -> list[tuple[list[int], int]]:
    """The sum relations between cells, as (row positions of the parts, row position of the total)."""
    position = {tuple(k): i for i, k in enumerate(cells[CELL].itertuples(index=False, name=None))}
    relations = []
    children: dict[str, list[str]] = {}
    for child, parent in spec.parents.items():
        children.setdefault(parent, []).append(child)
    for (regio, periode, categorie, maat), i in position.items():
        if categorie in children:
            parts = [position.get((regio, periode, c, maat)) for c in children[categorie]]
            if all(p is not None for p in parts):
                relations.append((parts, i))
        if periode.endswith("JJ00"):
            halves = [position.get((regio, f"{periode[:4]}HJ0{h}", categorie, maat)) for h in (1, 2)]
            if all(p is not None for p in halves):
                relations.append((halves, i))
    return relations


def disclose_own(leaves: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Totals, CBS's rule on every cell, and secondary suppression until no relation reveals a secret cell.

    Parameters
    ----------
    leaves
        ``regio_code``, ``periode`` (half-year codes), ``categorie_code`` (categories without parts), ``maat``,
        ``n`` (unrounded, nullable: unknown) and ``regel``.
    spec
        The table.

    Returns
    -------
    pandas.DataFrame
        One row per cell: the key, ``aantal`` (``Int64``: the rounded count, missing where secret or unknown),
        ``status`` (``waarde``, ``geheim`` or ``onbekend``) and ``regel``.
    """
    cells = with_totals(leaves, spec).reset_index(drop=True)
    unknown = cells["n"].isna()
    rounded = pd.array([pd.NA if pd.isna(n) else round_count(int(n)) for n in cells["n"]], dtype="Int64")
    published = pd.Series(rounded, index=cells.index, dtype="Int64")
    relations = _relations(cells, spec)
    changed = True
    while changed:
        changed = False
        for parts, total in relations:
            group = published.iloc[parts].reset_index(drop=True)
            if group[unknown.iloc[parts].to_numpy()].size:  # an unknown part: nothing to pin down
                continue
            guarded = secondary_suppression(group, published.iloc[total])
            newly = guarded.isna() & group.notna()
            if newly.any():
                for j in newly[newly].index:
                    published.iloc[parts[j]] = pd.NA
                changed = True
    status = pd.Series(STATE_VALUE, index=cells.index, dtype="object")
    status[published.isna()] = STATE_SECRET
    status[unknown] = STATE_UNKNOWN
    return cells.assign(aantal=published, status=status.astype("string")).drop(columns=["n"])
