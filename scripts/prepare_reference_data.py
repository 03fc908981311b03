"""Carry the public reference data over from ``../shared/data`` into ``data/`` (see data/README.md).

Run once by a maintainer when the shared data changes; the outputs are committed. It selects the gemeente
and Nederland rows and the columns the regio-analyse uses from CBS table 84799NED, strips CBS's trailing
spaces from codes, and copies the facts and boundary files unchanged.

It also keeps the wijk rows of every gemeente that was split after 2020 (Haaren: its four villages are
its four wijken), so that the workbench can spread that gemeente's figures over the gemeenten that took
its villages over.

Usage: python scripts/prepare_reference_data.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pandas as pd

from workbench.io.kwb import KWB_COLUMNS, SPLIT_WIJKEN_FILE
from workbench.paths import DEFAULT_DATA_DIR, PROJECT_ROOT

FACTS = [
    "centrumgemeenten_vrouwenopvang.csv",
    "prevalentie.csv",
    "regio_samenstelling_bekend.csv",
    "regio_samenstelling_bronnen.csv",
    "veilig_thuis_landelijk.csv",
    "veilig_thuis_verdelingen.csv",
    "budget_landelijk.csv",
    "gemeentelijke_herindelingen_2021_2025.csv",
]
GEO = ["gemeente_2020.geojson", "veiligthuisregio_2020.geojson", "provincie_2020.geojson"]


def split_wijken(kwb: pd.DataFrame, table_dir: Path, changes_file: Path) -> pd.DataFrame:
    """The wijk rows (with the wijk's name in ``Wijknaam``) of the gemeenten split since 2020."""
    changes = pd.read_csv(changes_file, dtype=str)
    split_codes = set(changes.loc[changes["soort"].str.contains("splitsing"), "gemeentecode_oud"])
    names = pd.read_parquet(table_dir / "84799NED_WijkenEnBuurten.parquet")
    names["Key"] = names["Key"].str.strip()
    title = names.set_index("Key")["Title"].str.strip().str.replace(r"^Wijk \d+\s+", "", regex=True)
    rows = kwb.assign(WijkenEnBuurten=kwb["WijkenEnBuurten"].str.strip())
    rows = rows[
        rows["WijkenEnBuurten"].str[:2].eq("WK") & rows["WijkenEnBuurten"].str[2:6].radd("GM").isin(split_codes)
    ]
    rows = rows.assign(
        Gemeentenaam_1=rows["Gemeentenaam_1"].str.strip(),
        SoortRegio_2=rows["SoortRegio_2"].str.strip(),
        Wijknaam=rows["WijkenEnBuurten"].map(title),
    )
    return rows[[*KWB_COLUMNS, "Wijknaam"]].sort_values("WijkenEnBuurten", ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    src: Path = args.shared
    out = DEFAULT_DATA_DIR

    kwb = pd.read_parquet(src / "cbs-84799NED-kwb2020" / "84799NED_TypedDataSet.parquet")
    kind = kwb["SoortRegio_2"].str.strip()
    rows = kwb[kind.isin(["Land", "Gemeente"])].copy()
    rows["WijkenEnBuurten"] = rows["WijkenEnBuurten"].str.strip()
    rows["Gemeentenaam_1"] = rows["Gemeentenaam_1"].str.strip()
    rows["SoortRegio_2"] = rows["SoortRegio_2"].str.strip()
    table = rows[list(KWB_COLUMNS)]
    table = table.sort_values(["SoortRegio_2", "WijkenEnBuurten"], ascending=[False, True], ignore_index=True)
    (out / "cbs").mkdir(parents=True, exist_ok=True)
    table.to_csv(out / "cbs" / "84799NED_kwb2020_gemeenten.csv", index=False, lineterminator="\n")
    split = split_wijken(kwb, src / "cbs-84799NED-kwb2020", src / "facts" / FACTS[-1])
    split.to_csv(out / SPLIT_WIJKEN_FILE, index=False, lineterminator="\n")
    meta = json.loads((src / "cbs-84799NED-kwb2020" / "84799NED_Metadata.json").read_text(encoding="utf-8"))
    (out / "cbs" / "84799NED_metadata.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )

    (out / "reference").mkdir(exist_ok=True)
    for name in FACTS:
        shutil.copyfile(src / "facts" / name, out / "reference" / name)
    (out / "geo").mkdir(exist_ok=True)
    for name in GEO:
        shutil.copyfile(src / "geo" / name, out / "geo" / name)
    print(f"wrote {len(table)} rows of 84799NED and {len(FACTS) + len(GEO)} reference files to {out}")


if __name__ == "__main__":
    main()
