"""Generate all demonstration data from one seed: the Veilig Thuis tables and the budgets.

Rerunning gives byte-identical files. Run it through ``scripts/generate_demo_data.py``.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from workbench.demo import vt as demo_vt
from workbench.demo.budget import demo_budgets
from workbench.files import write_atomic
from workbench.io.budget import BUDGET_FILE
from workbench.io.csv_input import read_checked_csv
from workbench.io.gemeenten import read_indeling
from workbench.io.kwb import gemeenten, read_kwb
from workbench.io.provenance import KIND_DEMO, PART_BUDGET, PART_VT, Herkomst, write_manifest
from workbench.io.reference import VT_NATIONAL_FILE, VT_SPLITS_FILE, read_composition
from workbench.io.statline import VT_AARD, VT_BEOORDELING, VT_DIR, VT_FILES, VT_MELDER, VT_VERVOLG, TableSpec
from workbench.paths import data_dir
from workbench.stats import year_view

SEED = 20_201_231
MADE_ON = "2026-11-25"
"""The date the demonstration figures carry in their manifests (fixed, so that reruns give identical files)."""
DEMO_SOURCE = "de demonstratiegenerator van de workbench, scripts/generate_demo_data.py met een vaste startwaarde"


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
    kwb = read_kwb(root)
    composition = read_composition(root)
    indeling, blocks = read_indeling(root, kwb)

    @cache
    def in_year(year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
        return (
            gemeenten(year_view.kwb_in_year(kwb, blocks, indeling, year)),
            year_view.composition_in_year(composition, blocks, indeling, year),
        )

    def vt_of(year: int) -> pd.Series:
        return in_year(year)[1].set_index("gemeentecode")["vt_code"]

    landelijk = read_checked_csv(root / VT_NATIONAL_FILE, required=["cbs_periodecode", *demo_vt.MEASURES])
    verdelingen = read_checked_csv(
        root / VT_SPLITS_FILE, required=["periode", "regio", "kenmerk", "categorie", *demo_vt.MEASURES]
    )
    national = {m: demo_vt.national_half_year_totals(landelijk, m) for m in demo_vt.MEASURES}
    # draw per block, so that every year's gemeenten are sums of blocks (see demo_vt.in_own_indeling)
    region_of_block = composition.set_index("gemeentecode").reindex(indeling.blocks["gemeentecode_2020"])
    block_composition = pd.DataFrame(
        {"gemeentecode": indeling.blocks["blok"].to_numpy(), "vt_code": region_of_block["vt_code"].to_numpy()}
    )
    weights = demo_vt.gemeente_weights(blocks, block_composition, rng)
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
        leaves = demo_vt.leaf_counts(spec, blocks, totals, shares, year_targets, rng)
        cells = demo_vt.aggregate(demo_vt.in_own_indeling(leaves, indeling), spec, vt_of)
        out[VT_FILES[spec.table_id]] = demo_vt.to_statline_frame(cells, spec)
    out[BUDGET_FILE] = demo_budgets(in_year, rng)
    # the safety assessment and what followed, of the same meldingen: each drawn from a random stream of its own
    # (so that adding a table leaves the files above as they were)
    later: list[tuple[TableSpec, dict, dict]] = [
        (
            VT_BEOORDELING,
            {"ontvangen_meldingen": totals["ontvangen_meldingen"]},
            demo_vt.beoordeling_shares(verdelingen),
        ),
        (VT_VERVOLG, demo_vt.vervolg_totals(totals), demo_vt.VERVOLG_SHARES_INVENTED),
    ]
    for spec, counts, shares in later:
        own_rng = np.random.default_rng([SEED, int(spec.table_id[:5])])
        leaves = demo_vt.leaf_counts(spec, blocks, counts, shares, {}, own_rng)
        cells = demo_vt.aggregate(demo_vt.in_own_indeling(leaves, indeling), spec, vt_of)
        out[VT_FILES[spec.table_id]] = demo_vt.to_statline_frame(cells, spec)
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
    written = write_texts(texts, data)
    root = data_dir(data)
    for relative in tables:
        table_id = next((t for t, p in VT_FILES.items() if p == relative), "")
        entry = Herkomst(
            bestand=relative.as_posix(),
            onderdeel=PART_VT if table_id else PART_BUDGET,
            soort=KIND_DEMO,
            bron=DEMO_SOURCE,
            licentie="CC BY 4.0 (landelijke totalen: CBS)" if table_id else "vrij te gebruiken",
            datum=MADE_ON,
            tabel=table_id,
        )
        written.append(write_manifest(root / relative, entry))
    return written
