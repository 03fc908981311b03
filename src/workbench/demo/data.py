"""Generate all demonstration data from one seed: the two Veilig Thuis tables and the budgets.

Rerunning gives byte-identical files. Run it through ``scripts/generate_demo_data.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

from workbench.demo import vt as demo_vt
from workbench.demo.budget import demo_budgets
from workbench.files import write_atomic
from workbench.io.budget import BUDGET_FILE
from workbench.io.csv_input import read_checked_csv
from workbench.io.kwb import gemeenten, read_kwb
from workbench.io.reference import VT_NATIONAL_FILE, VT_SPLITS_FILE, read_composition
from workbench.io.statline import VT_AARD, VT_DIR, VT_FILES, VT_MELDER, TableSpec
from workbench.paths import data_dir

SEED = 20_201_231


def generate(data: str | Path | None = None) -> dict[Path, pd.DataFrame]:
    """Build every demonstration file from the reference data in ``data``.

    Parameters
    ----------
    data
        The data folder holding the reference data; ``None`` for the project's ``data/``.

    Returns
    -------
    dict
        Path relative to the data folder -> the table to write (all cells as strings).
    """
    root = data_dir(data)
    rng = np.random.default_rng(SEED)
    gem = gemeenten(read_kwb(root))
    composition = read_composition(root)
    landelijk = read_checked_csv(root / VT_NATIONAL_FILE, required=["cbs_periodecode", *demo_vt.MEASURES])
    verdelingen = read_checked_csv(
        root / VT_SPLITS_FILE, required=["periode", "regio", "kenmerk", "categorie", *demo_vt.MEASURES]
    )
    national = {m: demo_vt.national_half_year_totals(landelijk, m) for m in demo_vt.MEASURES}
    weights = demo_vt.gemeente_weights(gem, composition, rng)
    totals = demo_vt.gemeente_totals(weights, national, rng)

    melder_2023 = {m: demo_vt.melder_targets_2023(verdelingen, m) for m in demo_vt.MEASURES}
    tables: list[tuple[TableSpec, dict, dict]] = [
        (VT_AARD, demo_vt.AARD_SHARES, {}),
        (
            VT_MELDER,
            {m: demo_vt.melder_shares(melder_2023[m]) for m in demo_vt.MEASURES},
            {m: {"2023": melder_2023[m]} for m in demo_vt.MEASURES},
        ),
    ]
    out: dict[Path, pd.DataFrame] = {}
    for spec, shares, year_targets in tables:
        leaves = demo_vt.leaf_counts(spec, gem, totals, shares, year_targets, rng)
        cells = demo_vt.aggregate(leaves, spec, composition)
        out[VT_FILES[spec.table_id]] = demo_vt.to_statline_frame(cells, spec)
    out[BUDGET_FILE] = demo_budgets(gem, composition, rng)
    return out


def write_texts(texts: dict[Path, str], data: str | Path | None = None) -> list[Path]:
    """Write text files (UTF-8, as given) atomically, by path relative to the data folder."""
    root = data_dir(data)
    return [write_atomic(root / relative, text) for relative, text in texts.items()]


def write(tables: dict[Path, pd.DataFrame], data: str | Path | None = None) -> list[Path]:
    """Write the generated tables: StatLine-style (``;``, all fields quoted) for Veilig Thuis, ``;`` for budgets.

    Each file is written next to its target and then renamed over it, so a failure leaves the old file whole.
    """
    texts = {
        relative: frame.to_csv(
            None,
            sep=";",
            index=False,
            lineterminator="\n",
            quoting=csv.QUOTE_ALL if relative.parent == VT_DIR else csv.QUOTE_MINIMAL,
        )
        for relative, frame in tables.items()
    }
    return write_texts(texts, data)
