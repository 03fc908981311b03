"""Veilig Thuis cells carried into the gemeenten of the reporting year, with what each one is known to hold.

CBS publishes every period in the indeling of its own year, so the cells of one table speak of different
gemeenten: Appingedam, Delfzijl and Loppersum until 2020, Eemsdelta from 2021. :func:`in_year` reads every
period in the indeling its codes fit (see :meth:`workbench.stats.indeling.Indeling.fitting_year`) and turns
it into cells of the reporting year's gemeenten:

- a gemeente made of several earlier ones gets the sum of their cells (a lower bound when one is secret);
- a cell of a gemeente that was split (Haaren until 2020) lies only *in part* in each of the gemeenten that
  took its villages over: it adds nothing to their lower bound and all of itself to their upper bound, since
  nobody knows how its meldingen were spread;
- a gemeente of whose earlier parts a row is missing gets an open upper bound.

Every cell then carries ``ondergrens`` and ``bovengrens`` (the range its true count lies in), ``geheim``
(secret or unknown cells behind it), ``open`` (unknown ones, without an upper bound), ``deels`` (cells that
lie only in part in it), ``cellen`` (all cells behind it) and ``gepubliceerd`` (published whole cells);
``aantal`` is the lower bound when at least one whole cell behind it is published, else missing.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from workbench.disclosure.rule import SECRET_MAX
from workbench.errors import InputError
from workbench.io.cells import STATE_NIL, STATE_SECRET, STATE_UNKNOWN, STATE_VALUE
from workbench.io.csv_input import LINE
from workbench.stats.indeling import Indeling

STATE_LOWER = "ondergrens"
"""The state of a cell made of several cells of which not all are published whole."""
BOUND_COLUMNS = ["ondergrens", "bovengrens", "geheim", "open", "deels", "cellen", "gepubliceerd"]
KEYS = ["regio_code", "periode", "categorie_code", "maat"]


def cell_bounds(tidy: pd.DataFrame) -> pd.DataFrame:
    """Add the bound columns of :data:`BOUND_COLUMNS` to cells as published (one CBS cell each)."""
    status = tidy["status"].fillna(STATE_UNKNOWN)
    value = tidy["aantal"].astype("Float64").fillna(0).astype("float64")
    published = status.isin([STATE_VALUE, STATE_NIL])
    secret = status.eq(STATE_SECRET)
    unknown = ~published & ~secret
    high = np.where(published, value, np.where(secret, float(SECRET_MAX), np.inf))
    return tidy.assign(
        ondergrens=np.where(published, value, 0.0),
        bovengrens=high,
        geheim=(~published).astype("int64"),
        open=unknown.astype("int64"),
        deels=0,
        cellen=1,
        gepubliceerd=published.astype("int64"),
    )


def in_year(tidy: pd.DataFrame, indeling: Indeling, year: int, source: Path) -> pd.DataFrame:
    """Carry a tidy Veilig Thuis table (see :mod:`workbench.io.statline`) into the gemeenten of ``year``.

    Parameters
    ----------
    tidy
        The table as read.
    indeling
        Every year's gemeenten.
    year
        The reporting year.
    source
        The table's file, for error messages.

    Returns
    -------
    pandas.DataFrame
        The tidy columns with ``regio_code`` a gemeente of ``year`` (VT-regions and Nederland as published),
        ``bron_indeling`` (the indeling the cells were read in) and the bound columns described above.
    """
    cells = cell_bounds(tidy)
    gemeente = cells["regio_code"].str.startswith("GM")
    other = cells[~gemeente].assign(bron_indeling=pd.NA)
    target = indeling.year(year)
    parts = [other.drop(columns=["herkomst"], errors="ignore")]
    origin = cells["herkomst"] if "herkomst" in cells.columns else pd.Series("tabel", index=cells.index)
    for (period_year, _origin), rows in cells[gemeente].groupby([cells["jaar"], origin], sort=True):
        source_year = _source_year(rows, indeling, int(period_year), source)
        parts.append(_carried(rows.drop(columns=["herkomst"], errors="ignore"), indeling, source_year, target))
    out = pd.concat(parts, ignore_index=True)
    out["bron_indeling"] = out["bron_indeling"].astype("Int64")
    return _finish(out)


def _source_year(rows: pd.DataFrame, indeling: Indeling, period_year: int, source: Path) -> int:
    """The indeling the gemeente codes of one year's periods are in; an error naming the rows if none fits."""
    codes = set(rows["regio_code"])
    found = indeling.fitting_year(codes, period_year)
    if found is not None:
        return found
    known = set().union(*(indeling.codes(y) for y in indeling.years))
    stray = rows[~rows["regio_code"].isin(known)]
    if stray.empty:
        own = indeling.codes(period_year)
        stray = rows[~rows["regio_code"].isin(own)]
        message = (
            f"de gemeentecodes van {period_year} mengen indelingen: deze bestaan niet in {indeling.year(period_year)} "
            "en geen enkel jaar heeft alle codes van het bestand"
        )
    else:
        message = f"dit is geen gemeentecode van enig jaar vanaf {indeling.years[0]}"
    raise InputError(
        source,
        message,
        column="RegioS",
        rows=sorted(set(stray[LINE].astype(int))),
        values=sorted(set(stray["regio_code"])),
    )


def _carried(rows: pd.DataFrame, indeling: Indeling, source_year: int, target: int) -> pd.DataFrame:
    """The cells of one period year, read in ``source_year``'s indeling, as cells of ``target``'s gemeenten."""
    relation = indeling.relation(source_year, target)
    moved = rows.merge(relation, left_on="regio_code", right_on="bron").drop(columns=["regio_code", "bron"])
    moved = moved.rename(columns={"doel": "regio_code"})
    part = moved["deel"]
    moved.loc[part, ["ondergrens", "geheim", "open", "gepubliceerd"]] = 0
    moved.loc[part, "deels"] = 1
    moved = moved.drop(columns=["deel"]).assign(bron_indeling=source_year)
    # a gemeente whose earlier parts are not all in the file: its count has no upper bound
    expected = relation.groupby("doel")["bron"].apply(set)
    present = rows.groupby("periode")["regio_code"].apply(set)
    gaps = [
        (periode, doel, len(want - have))
        for periode, have in present.items()
        for doel, want in expected.items()
        if want & have and want - have
    ]
    if gaps:
        missing = pd.DataFrame(gaps, columns=["periode", "regio_code", "ontbreekt"])
        lacking = moved.merge(missing, on=["periode", "regio_code"])
        lacking = lacking.drop_duplicates(KEYS).assign(
            ondergrens=0.0,
            bovengrens=np.inf,
            geheim=lambda d: d["ontbreekt"],
            open=lambda d: d["ontbreekt"],
            deels=0,
            cellen=lambda d: d["ontbreekt"],
            gepubliceerd=0,
            status=STATE_UNKNOWN,
            aantal=pd.NA,
        )
        moved = pd.concat([moved, lacking.drop(columns=["ontbreekt"])], ignore_index=True)
    return moved


def _finish(cells: pd.DataFrame) -> pd.DataFrame:
    """One row per cell of the target gemeenten: the bounds summed, ``aantal`` and ``status`` from them."""
    many = cells.duplicated(KEYS, keep=False)
    single = cells[~many]
    grouped = (
        cells[many]
        .groupby(KEYS, as_index=False, sort=False)
        .agg(
            jaar=("jaar", "first"),
            halfjaar=("halfjaar", "first"),
            voorlopig=("voorlopig", "any"),
            regel=(LINE, "min"),
            bron_indeling=("bron_indeling", "first"),
            **{c: (c, "sum") for c in BOUND_COLUMNS},
        )
        .rename(columns={"regel": LINE})
    )
    exact = grouped["geheim"].eq(0) & grouped["deels"].eq(0)
    grouped["status"] = np.where(exact, STATE_VALUE, np.where(grouped["gepubliceerd"].gt(0), STATE_LOWER, STATE_SECRET))
    grouped.loc[grouped["gepubliceerd"].eq(0) & grouped["open"].gt(0), "status"] = STATE_UNKNOWN
    grouped["aantal"] = pd.NA
    out = pd.concat([single, grouped], ignore_index=True)
    partial = out["deels"].gt(0) & out["cellen"].eq(out["deels"])
    out.loc[partial, "status"] = STATE_UNKNOWN
    out["aantal"] = out["ondergrens"].round().astype("Int64").mask(out["gepubliceerd"].eq(0))
    out["status"] = out["status"].astype("string")
    columns = [*KEYS[:2], "jaar", "halfjaar", "voorlopig", *KEYS[2:], "aantal", "status", LINE, "bron_indeling"]
    return out[[*columns, *BOUND_COLUMNS]].sort_values(
        ["regio_code", "periode", "categorie_code", "maat"], ignore_index=True
    )
