"""Carry the public reference data over from ``../shared/data`` into ``data/`` (see data/README.md).

Run once by a maintainer when the shared data changes; the outputs are committed. It selects the gemeente
and Nederland rows and the columns the regio-analyse uses from CBS table 84799NED, strips CBS's trailing
spaces from codes, and copies the facts and boundary files unchanged.

Usage: python scripts/prepare_reference_data.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pandas as pd

from workbench.io.kwb import KWB_COLUMNS
from workbench.paths import DEFAULT_DATA_DIR, PROJECT_ROOT

FACTS = [
    "centrumgemeenten_vrouwenopvang.csv",
    "prevalentie.csv",
    "regio_samenstelling_bekend.csv",
    "regio_samenstelling_bronnen.csv",
    "veilig_thuis_landelijk.csv",
    "veilig_thuis_verdelingen.csv",
    "budget_landelijk.csv",
]
GEO = ["gemeente_2020.geojson", "veiligthuisregio_2020.geojson", "provincie_2020.geojson"]


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
