"""The 2020 inputs carried onto the gemeenten of a later year (see :mod:`workbench.stats.indeling`).

- Population and risk factors: counts are summed over a gemeente's blocks; a split gemeente's counts are spread
  over its villages by the villages' own (rounded) counts, so that every national total stays what it was;
  averages and percentages are weighted again; stedelijkheid follows from the weighted address density.
- The region composition: a gemeente whose blocks all lay in one region stays there; where they lay in
  different regions it follows the region of its own code in the 2020 composition when that rests on a
  source (Amsterdam, which Weesp joined), otherwise the region of its largest block.
- Boundaries: a merged gemeente is the union of its parts. Villages have no boundaries in the data, so the
  area of a split gemeente stays on the map as a former gemeente, part of no region.
- Budget lines: a line of a gemeente moves to the gemeente its blocks all went to.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from workbench.io.budget import KEY as BUDGET_KEY
from workbench.io.csv_input import LINE
from workbench.io.kwb import COUNT_COLUMNS, NATIONAL_CODE
from workbench.stats.composition import MARKERS, level_of
from workbench.stats.indeling import FIRST_YEAR, Indeling
from workbench.stats.region_rule import METHOD_OWN, SOURCED_METHODS

GROUND_PARTS = "delen"
GROUND_OWN_CODE = "samenstelling"
GROUND_LARGEST = "grootste deel"
"""Why a gemeente of a later year lies in its region (column ``regio_grond``; empty when it did not change)."""

URBANITY_LIMITS = (2500, 1500, 1000, 500)
"""CBS's stedelijkheid classes 1–4 start at these address densities per km² (class 5 below 500)."""


def block_kwb(kwb: pd.DataFrame, wijken: pd.DataFrame, indeling: Indeling) -> pd.DataFrame:
    """The 2020 figures per block: a whole gemeente's row, or a village's share of its split gemeente.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`workbench.io.kwb.read_kwb` with ``code`` the block code. A village's counts are
        its gemeente's counts spread by the villages' own counts (largest remainder), so they add up exactly.
    """
    blocks = indeling.blocks
    rows = kwb.set_index("code")
    whole = rows.loc[blocks.loc[blocks["blok"] == blocks["gemeentecode_2020"], "blok"]].reset_index()
    villages = wijken[wijken["code"].isin(blocks["blok"])]
    parts = [whole]
    for gemeente, group in villages.groupby("gemeentecode"):
        share = group.drop(columns=["wijknaam", "gemeentecode"]).reset_index(drop=True)
        for col in COUNT_COLUMNS:
            share[col] = _spread(rows.loc[gemeente, col], group[col], group["inwoners"])
        parts.append(share)
    return pd.concat(parts, ignore_index=True)


def _spread(total: object, weights: pd.Series, fallback: pd.Series) -> pd.Series:
    """Split a whole-number total over parts in proportion to weights, by largest remainder (exact sum)."""
    if pd.isna(total):
        return pd.Series(pd.NA, index=range(len(weights)), dtype="Int64")
    w = weights.astype("Float64").fillna(0).to_numpy(dtype="float64")
    if w.sum() <= 0:
        w = fallback.astype("Float64").fillna(0).to_numpy(dtype="float64")
    exact = w / w.sum() * int(total)
    out = np.floor(exact).astype("int64")
    for i in np.argsort(-(exact - out), kind="stable")[: int(total) - int(out.sum())]:
        out[i] += 1
    return pd.Series(out, dtype="Int64")


def _weighted(values: pd.Series, weights: pd.Series, groups: pd.Series) -> pd.Series:
    """Weighted mean per group; missing when any value of the group is missing."""
    v, w = values.astype("Float64"), weights.astype("Float64")
    num = (v * w).groupby(groups).sum(min_count=1)
    den = w.groupby(groups).sum()
    return (num / den).mask(v.isna().groupby(groups).any())


def _summed(values: pd.Series, groups: pd.Series) -> pd.Series:
    """Sum per group; missing when any value of the group is missing (an unknown part makes the whole unknown)."""
    return values.groupby(groups).sum().mask(values.isna().groupby(groups).any()).astype("Int64")


def urbanity_class(density: pd.Series) -> pd.Series:
    """CBS's stedelijkheid (1 very strongly urban … 5 not urban) from the address density per km²."""
    d = density.astype("Float64")
    cls = pd.Series(5, index=d.index, dtype="Int64")
    for level, limit in zip(range(4, 0, -1), reversed(URBANITY_LIMITS), strict=True):
        cls = cls.mask(d >= limit, level)
    return cls.mask(d.isna())


def kwb_in_year(kwb: pd.DataFrame, blocks: pd.DataFrame, indeling: Indeling, year: int) -> pd.DataFrame:
    """The 2020 figures of the gemeenten of ``year`` (and Nederland), in the form of :func:`read_kwb`.

    A gemeente that did not change keeps its 2020 row as published.
    """
    if indeling.year(year) == FIRST_YEAR:
        return kwb.copy()
    lineage = indeling.lineage(year)
    changed = _changed_codes(indeling, year)
    frame = blocks.merge(lineage[["blok", "gemeentecode", "gemeentenaam"]], left_on="code", right_on="blok")
    frame = frame[frame["gemeentecode"].isin(changed)]
    g = frame["gemeentecode"]
    out = pd.DataFrame({col: _summed(frame[col], g) for col in COUNT_COLUMNS})
    out["naam"] = frame.groupby(g)["gemeentenaam"].first()
    out["soort_regio"] = "Gemeente"
    out["gemiddelde_huishoudensgrootte"] = _weighted(
        frame["gemiddelde_huishoudensgrootte"], frame["huishoudens"], g
    ).round(1)
    out["bevolkingsdichtheid"] = (out["inwoners"] / (out["oppervlakte_land_ha"] / 100)).round(0).astype("Float64")
    out["pct_huishoudens_laag_inkomen"] = _weighted(
        frame["pct_huishoudens_laag_inkomen"], frame["huishoudens"], g
    ).round(1)
    base = frame["jongeren_met_jeugdzorg"].astype("Float64") / frame["pct_jongeren_met_jeugdzorg"] * 100
    out["pct_jongeren_met_jeugdzorg"] = (
        out["jongeren_met_jeugdzorg"].astype("Float64") / base.groupby(g).sum(min_count=1) * 100
    ).round(1)
    out["omgevingsadressendichtheid"] = _weighted(frame["omgevingsadressendichtheid"], frame["inwoners"], g).round(0)
    out["stedelijkheid"] = urbanity_class(out["omgevingsadressendichtheid"])
    out = out.rename_axis("code").reset_index()
    kept = kwb[
        ~kwb["code"].isin(set(indeling.blocks["gemeentecode_2020"]) - indeling.codes(year)) & ~kwb["code"].isin(changed)
    ]
    merged = pd.concat([kept, out[kwb.columns]], ignore_index=True)
    national = merged["code"].eq(NATIONAL_CODE)
    return pd.concat([merged[national], merged[~national].sort_values("code")], ignore_index=True)


def _changed_codes(indeling: Indeling, year: int) -> set[str]:
    """The gemeenten of ``year`` that are not a gemeente of 2020 with the same blocks."""
    lineage = indeling.lineage(year).merge(indeling.blocks[["blok", "gemeentecode_2020"]], on="blok")
    same = lineage["gemeentecode"].eq(lineage["gemeentecode_2020"])
    unchanged = same.groupby(lineage["gemeentecode"]).all()
    first = indeling.lineage(FIRST_YEAR)
    kept_whole = first.groupby("gemeentecode")["blok"].apply(frozenset)
    now = lineage.groupby("gemeentecode")["blok"].apply(frozenset)
    return {c for c in now.index if not (unchanged.get(c, False) and kept_whole.get(c) == now[c])}


def part_names(blocks: pd.DataFrame, first: pd.DataFrame) -> pd.Series:
    """The names of blocks: a 2020 gemeente's name, or a village as ``dorp Esch (gemeente Haaren)``.

    ``blocks`` has ``blok``, ``gemeentecode_2020`` and ``bloknaam``; ``first`` is the 2020 composition indexed
    by gemeente code.
    """
    own = blocks["gemeentecode_2020"].map(first["gemeentenaam"])
    village = "dorp " + blocks["bloknaam"] + " (gemeente " + own + ")"
    return own.where(blocks["blok"] == blocks["gemeentecode_2020"], village)


def composition_in_year(composition: pd.DataFrame, blocks: pd.DataFrame, indeling: Indeling, year: int) -> pd.DataFrame:
    """The region composition of the gemeenten of ``year``.

    Returns
    -------
    pandas.DataFrame
        The columns of the 2020 composition, plus ``delen`` (the 2020 gemeenten or villages a changed
        gemeente was made of, by size), ``regio_grond`` (:data:`GROUND_PARTS`, :data:`GROUND_OWN_CODE`,
        :data:`GROUND_LARGEST`, or empty when it did not change) and ``delen_elders`` (the parts that lay in
        another region in 2020, as ``name (regio X)``).
    """
    out = composition.assign(delen="", regio_grond="", delen_elders="")
    if indeling.year(year) == FIRST_YEAR:
        return out
    first = composition.set_index("gemeentecode")
    region_names = composition.drop_duplicates("centrumgemeente_code").set_index("centrumgemeente_code")[
        "centrumgemeente_naam"
    ]
    changed = _changed_codes(indeling, year)
    frame = (
        indeling.lineage(year)
        .merge(indeling.blocks, on="blok")
        .merge(blocks[["code", "inwoners"]], left_on="blok", right_on="code")
    )
    rows = []
    for code, parts in frame[frame["gemeentecode"].isin(changed)].groupby("gemeentecode"):
        parts = parts.assign(
            regio=parts["gemeentecode_2020"].map(first["centrumgemeente_code"]), naam=part_names(parts, first)
        ).sort_values("inwoners", ascending=False)
        rows.append(_changed_row(code, str(parts["gemeentenaam"].iloc[0]), parts, first, region_names))
    kept = composition[~composition["gemeentecode"].isin(set(first.index) - indeling.codes(year))]
    kept = kept[~kept["gemeentecode"].isin(changed)].assign(delen="", regio_grond="", delen_elders="")
    result = pd.concat([kept, pd.DataFrame(rows)], ignore_index=True)
    return result[out.columns].sort_values(["centrumgemeente_code", "gemeentecode"], ignore_index=True)


def _changed_row(
    code: str, name: str, parts: pd.DataFrame, first: pd.DataFrame, region_names: pd.Series
) -> dict[str, object]:
    """The composition row of one changed gemeente (``parts``: its blocks, largest first)."""
    regions = parts["regio"].unique()
    if len(regions) == 1:
        ground = GROUND_PARTS
        strength = list(MARKERS)
        weakest = max(parts["gemeentecode_2020"], key=lambda c: strength.index(level_of(first.loc[c, "methode"])))
        basis = first.loc[weakest]
    elif code in first.index and first.loc[code, "methode"] in (*SOURCED_METHODS, METHOD_OWN):
        ground, basis = GROUND_OWN_CODE, first.loc[code]
    else:
        ground, basis = GROUND_LARGEST, first.loc[parts["gemeentecode_2020"].iloc[0]]
    region = basis["centrumgemeente_code"]
    elsewhere = parts[parts["regio"] != region]
    vt = first.loc[parts["gemeentecode_2020"], "vt_code"].unique()
    vt_row = first.loc[code] if len(vt) > 1 and code in first.index else basis
    return {
        "gemeentecode": code,
        "gemeentenaam": name,
        "centrumgemeente_code": region,
        "centrumgemeente_naam": region_names[region],
        "vt_code": vt[0] if len(vt) == 1 else vt_row["vt_code"],
        "vt_naam": first.loc[parts["gemeentecode_2020"].iloc[0], "vt_naam"] if len(vt) == 1 else vt_row["vt_naam"],
        "methode": basis["methode"],
        "bron": basis["bron"],
        "toelichting": basis["toelichting"],
        "delen": "; ".join(parts["naam"]),
        "regio_grond": ground,
        "delen_elders": "; ".join(
            f"{n} (regio {region_names[r]})" for n, r in zip(elsewhere["naam"], elsewhere["regio"], strict=True)
        ),
    }


def regions_of_codes(composition: pd.DataFrame, indeling: Indeling, year: int) -> dict[str, list[str]]:
    """For every gemeente code of any year: the regions of ``year`` (``composition``) its area lies in."""
    region_of = composition.set_index("gemeentecode")["centrumgemeente_code"]
    out: dict[str, set[str]] = {}
    for earlier in indeling.years:
        relation = indeling.relation(earlier, year)
        for bron, doel in zip(relation["bron"], relation["doel"], strict=True):
            if doel in region_of.index:
                out.setdefault(bron, set()).add(str(region_of[doel]))
    for code, region in region_of.items():
        out.setdefault(str(code), set()).add(str(region))
    return {code: sorted(regions) for code, regions in out.items()}


CREATED, EXTENDED, LEFT = "ontstaan", "uitgebreid", "vertrokken"
"""How a reorganisation concerns a region (column ``soort`` of :func:`region_changes`)."""


def region_changes(
    indeling: Indeling, composition_2020: pd.DataFrame, composition: pd.DataFrame, year: int, region: str
) -> pd.DataFrame:
    """The reorganisations since 2020 that concern one region of ``year``.

    Returns
    -------
    pandas.DataFrame
        One row per gemeente of the region that was made or extended (``soort`` :data:`CREATED` or
        :data:`EXTENDED`) and per part of the region of 2020 that now lies in another region (:data:`LEFT`):
        ``soort``, ``gemeente`` (its name in ``year``), ``datum`` (of the latest change), ``delen`` (the 2020
        gemeenten or villages it gained, as ``name`` or ``village (former gemeente)``), ``elders`` (those of
        them that lay in another region in 2020, as ``name in de regio X``), ``grond`` (see :func:`composition_in_year`)
        and, for a part that left, ``naar_regio``; ``gesplitst`` names the split gemeenten among the parts.
    """
    columns = ["soort", "gemeente", "datum", "delen", "elders", "grond", "naar_regio", "gesplitst"]
    if indeling.year(year) == FIRST_YEAR:
        return pd.DataFrame(columns=columns)
    first = composition_2020.set_index("gemeentecode")
    now = composition.set_index("gemeentecode")
    names = composition.drop_duplicates("centrumgemeente_code").set_index("centrumgemeente_code")[
        "centrumgemeente_naam"
    ]
    lineage = indeling.lineage(year).merge(indeling.blocks, on="blok")
    lineage = lineage.assign(
        regio_2020=lineage["gemeentecode_2020"].map(first["centrumgemeente_code"]),
        regio=lineage["gemeentecode"].map(now["centrumgemeente_code"]),
        deelnaam=part_names(lineage, first),
        gesplitst=np.where(
            lineage["blok"] == lineage["gemeentecode_2020"], "", lineage["gemeentecode_2020"].map(first["gemeentenaam"])
        ),
    )
    changed = _changed_codes(indeling, year)
    rows = []
    for code in sorted(set(now.index[now["centrumgemeente_code"] == region]) & changed):
        blocks = lineage[lineage["gemeentecode"] == code]
        gained = blocks[blocks["gemeentecode_2020"] != code]
        history = indeling.history([code], year)
        elders = gained[gained["regio_2020"] != region]
        rows.append(
            {
                "soort": EXTENDED if code in first.index else CREATED,
                "gemeente": now.loc[code, "gemeentenaam"],
                "datum": history["datum"].max(),
                "delen": list(dict.fromkeys(gained["deelnaam"] if code in first.index else blocks["deelnaam"])),
                "elders": [
                    f"{n} in de regio {names[r]}" for n, r in zip(elders["deelnaam"], elders["regio_2020"], strict=True)
                ],
                "grond": now.loc[code, "regio_grond"],
                "naar_regio": "",
                "gesplitst": sorted(set(gained["gesplitst"]) - {""}),
            }
        )
    gone = lineage[(lineage["regio_2020"] == region) & (lineage["regio"] != region)]
    for block in gone.itertuples(index=False):
        moved = indeling.changes[indeling.changes["gemeentecode_oud"] == block.gemeentecode_2020]
        rows.append(
            {
                "soort": LEFT,
                "gemeente": block.gemeentenaam,
                "datum": moved["datum"].min(),
                "delen": [block.deelnaam],
                "elders": [],
                "grond": now.loc[block.gemeentecode, "regio_grond"],
                "naar_regio": names[block.regio],
                "gesplitst": [block.gesplitst] if block.gesplitst else [],
            }
        )
    return pd.DataFrame(rows, columns=columns)


def boundaries_in_year(boundaries: pd.DataFrame, indeling: Indeling, year: int) -> pd.DataFrame:
    """The boundaries of the gemeenten of ``year``: unions of whole 2020 gemeenten; a split one stays as it was."""
    if indeling.year(year) == FIRST_YEAR:
        return boundaries.copy()
    whole = indeling.blocks[indeling.blocks["blok"] == indeling.blocks["gemeentecode_2020"]]
    lineage = indeling.lineage(year).merge(whole[["blok"]], on="blok")
    shapes = boundaries.set_index("code")["geometry"]
    rows = []
    for (code, name), group in lineage.groupby(["gemeentecode", "gemeentenaam"]):
        geoms = [shapes[b] for b in group["blok"] if b in shapes.index]
        if geoms:
            rows.append(
                {"code": code, "naam": name, "geometry": geoms[0] if len(geoms) == 1 else shapely.union_all(geoms)}
            )
    split = sorted(set(indeling.blocks["gemeentecode_2020"]) - set(whole["blok"]))
    for code in split:
        if code in shapes.index:
            naam = str(boundaries.set_index("code").loc[code, "naam"])
            rows.append({"code": code, "naam": f"voormalig {naam}", "geometry": shapes[code]})
    return pd.DataFrame(rows).sort_values("code", ignore_index=True)


def budget_in_year(budget: pd.DataFrame, indeling: Indeling, year: int) -> pd.DataFrame:
    """Budget lines with each gemeente moved to the gemeente of ``year`` it wholly went to (amounts summed).

    A line's gemeente is read in the indeling of its budget year (or the latest one that knows its code); a
    line of a gemeente that was split stays under its own code, counted in the region but in no gemeente.
    """
    if budget.empty:
        return budget.copy()
    target = indeling.year(year)
    moved = budget.copy()
    for jaar in moved["jaar"].dropna().unique():
        rows = moved["jaar"] == jaar
        codes = set(moved.loc[rows, "gemeentecode"])
        source = indeling.fitting_year(codes, int(jaar))
        if source is None or source == target:
            continue
        relation = indeling.relation(source, target)
        whole = relation[~relation["deel"]].set_index("bron")["doel"]
        codes_now = moved.loc[rows, "gemeentecode"]
        moved.loc[rows, "gemeentecode"] = codes_now.map(whole).fillna(codes_now)
    if not moved.duplicated(subset=BUDGET_KEY).any():
        return moved
    return moved.groupby(BUDGET_KEY, as_index=False, sort=False, dropna=False).agg(
        bedrag_euro=("bedrag_euro", lambda s: s.sum(min_count=1)),
        toelichting=("toelichting", lambda s: "; ".join(dict.fromkeys(t for t in s if t))),
        **{LINE: (LINE, "min")},
    )[budget.columns]
