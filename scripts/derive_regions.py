"""Derive the region composition (data/regions/regio_indeling_2020.csv): sources first, the rule where none.

Usage: python scripts/derive_regions.py
Sources: reference/regio_samenstelling_bekend.csv and reference/regio_samenstelling_bronnen.csv (see
data/README.md). A region puts in its own list with data/regios/CODE/samenstelling.csv, not by editing the output.
"""

from __future__ import annotations

from workbench.io.geo import read_gemeente_boundaries, read_vt_boundaries
from workbench.io.reference import (
    COMPOSITION_FILE,
    read_centrumgemeenten,
    read_known_composition,
    read_sourced_composition,
)
from workbench.paths import DEFAULT_DATA_DIR
from workbench.stats.region_rule import derive_composition


def main() -> None:
    composition = derive_composition(
        read_gemeente_boundaries(),
        read_vt_boundaries(),
        read_centrumgemeenten(),
        read_known_composition(),
        read_sourced_composition(),
    )
    out = DEFAULT_DATA_DIR / COMPOSITION_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    composition.to_csv(out, index=False, lineterminator="\n")
    print(f"wrote {len(composition)} gemeenten in {composition['centrumgemeente_code'].nunique()} regions to {out}")
    print(composition["methode"].value_counts().to_string())


if __name__ == "__main__":
    main()
