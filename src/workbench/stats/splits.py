"""A Veilig Thuis table split by its categories: the region's shares beside other areas, and per gemeente.

Used by the chapters on the safety assessment (84852NED) and on what followed a melding (84854NED). Counts are
sums of published cells (:class:`workbench.stats.vt_figures.PeriodCells`, as ``region_count`` sums them); a share
of a sum with secret cells is an approximation, a share of a secret gemeente cell is unknown ('.').
"""

from __future__ import annotations

import pandas as pd

from workbench.disclosure.bounds import Bounded
from workbench.io.statline import NATIONAL_REGION, TableSpec
from workbench.stats.vt_figures import PeriodCells

TOTAL = "T001"


def comparison_areas(composition: pd.DataFrame, vt_codes: list[str]) -> dict[str, list[str]]:
    """The areas a region is compared with: each of its VT-regions ('VT-regio Utrecht'), then Nederland."""
    names = composition.drop_duplicates("vt_code").set_index("vt_code")["vt_naam"]
    return {**{f"VT-regio {names[v]}": [v] for v in vt_codes}, "Nederland": [NATIONAL_REGION]}


def percent(part: Bounded, whole: Bounded) -> Bounded:
    """``part`` as a percentage of ``whole`` (an approximation where secret cells count, unknown where unknown)."""
    return part.share_of(whole).scaled(100)


def by_category(
    tidy: pd.DataFrame, spec: TableSpec, maat: str, periode: str, members: list[str], others: dict[str, list[str]]
) -> pd.DataFrame:
    """Per category below the table's total: the region's count and share, and each other area's share.

    Returns
    -------
    pandas.DataFrame
        ``categorie`` (its label), ``deel_van`` (the label of the category it is a part of, '' under the total),
        ``regio`` and ``regio_aandeel``, then one column per name in ``others`` (shares in percent, all
        :class:`Bounded`).
    """
    cells = PeriodCells.of(tidy, periode, maat)
    areas = {"regio": members, **others}
    totals = {name: cells.count(TOTAL, codes) for name, codes in areas.items()}
    labels = spec.labels
    rows = []
    for category in spec.categories:
        if category.parent is None:
            continue
        counts = {name: cells.count(category.code, codes) for name, codes in areas.items()}
        rows.append(
            {
                "categorie": category.label,
                "deel_van": "" if category.parent == TOTAL else labels[category.parent],
                "regio": counts["regio"],
                "regio_aandeel": percent(counts["regio"], totals["regio"]),
                **{name: percent(counts[name], totals[name]) for name in others},
            }
        )
    return pd.DataFrame(rows)


def share(split: pd.DataFrame, label: str, column: str) -> Bounded:
    """One category's value in a :func:`by_category` table (by label), in ``column``; unknown without the row."""
    rows = split[split["categorie"].eq(label)]
    return rows[column].iloc[0] if len(rows) else Bounded.unknown()


def per_gemeente(
    tidy: pd.DataFrame, maat: str, periode: str, members: pd.DataFrame, shares: dict[str, str]
) -> pd.DataFrame:
    """Per gemeente its total and, per name in ``shares``, the share (percent) of that category in it.

    Returns
    -------
    pandas.DataFrame
        ``gemeente``, ``totaal``, then one column per name in ``shares`` (all :class:`Bounded`; '.' where the
        gemeente's cell is secret).
    """
    cells = PeriodCells.of(tidy, periode, maat)
    rows = []
    for code, name in zip(members["gemeentecode"], members["gemeentenaam"], strict=True):
        whole = cells.count(TOTAL, [code])
        row = {"gemeente": name, "totaal": whole}
        for column, category in shares.items():
            row[column] = percent(cells.count(category, [code]), whole)
        rows.append(row)
    return pd.DataFrame(rows)
