"""Sites built for the tests: data with hostile names, built once per test session (see conftest)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

EVIL_GEMEENTE = "Bunnik <img src=x onerror=alert(1)> \"quote\" 'single' & Súdwest"
EVIL_CENTRUM = 'Delft <script>alert("x")</script>'
RENAMES = {"Bunnik": EVIL_GEMEENTE, "Delft": EVIL_CENTRUM}


def rename_gemeenten(data: Path, renames: dict[str, str]) -> None:
    """Give gemeenten other names in every file that holds names (CSV written properly quoted)."""
    for relative, columns in [
        ("cbs/84799NED_kwb2020_gemeenten.csv", ["Gemeentenaam_1"]),
        ("regions/regio_indeling_2020.csv", ["gemeentenaam", "centrumgemeente_naam"]),
        ("reference/centrumgemeenten_vrouwenopvang.csv", ["gemeentenaam_2020"]),
    ]:
        path = data / relative
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for col in columns:
            frame[col] = frame[col].replace(renames)
        frame.to_csv(path, index=False, lineterminator="\n")
    geo = data / "geo/gemeente_2020.geojson"
    doc = json.loads(geo.read_text(encoding="utf-8"))
    for feature in doc["features"]:
        name = feature["properties"]["statnaam"]
        feature["properties"]["statnaam"] = renames.get(name, name)
    geo.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
