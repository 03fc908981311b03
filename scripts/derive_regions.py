"""Derive the region composition (data/regions/regio_indeling_2020.csv) by the rule in data/README.md.

Usage: python scripts/derive_regions.py
The output is a plain CSV a region may edit by hand; rerunning this script overwrites such edits.
"""

from __future__ import annotations

from workbench.geo import GEMEENTE_FILE, VT_FILE, read_boundaries
from workbench.paths import DEFAULT_DATA_DIR
from workbench.reference import COMPOSITION_FILE, read_centrumgemeenten, read_known_composition
from workbench.region_rule import derive_composition


def main() -> None:
    composition = derive_composition(
        read_boundaries(GEMEENTE_FILE), read_boundaries(VT_FILE), read_centrumgemeenten(), read_known_composition()
    )
    out = DEFAULT_DATA_DIR / COMPOSITION_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    composition.to_csv(out, index=False, lineterminator="\n")
    print(f"wrote {len(composition)} gemeenten in {composition['centrumgemeente_code'].nunique()} regions to {out}")


if __name__ == "__main__":
    main()
