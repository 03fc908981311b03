"""The budget template: income by source and spending by task, per region, gemeente, year and status.

One line per amount. Columns (see data/README.md):

``regio_code``  centrumgemeente code of the region (GMxxxx)
``gemeentecode`` the gemeente that holds the line (for regional lines: the centrumgemeente)
``jaar``        budget year
``status``      ``begroot`` or ``gerealiseerd``
``soort``       ``inkomsten`` or ``uitgaven``
``post``        income source, or spending task (one of :data:`SPENDING_TASKS`); ``Totaal`` marks the total line
``niveau``      ``regionaal``, ``lokaal`` or, on a total line, ``totaal``
``bedrag_euro`` the amount in euros (decimal comma or point; ``€``, thousands separators allowed)
``toelichting`` free text

Each (regio_code, jaar, status, soort) group has one ``Totaal`` line that equals the sum of its other lines.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workbench.errors import InputError, gather
from workbench.io.cells import parse_amounts
from workbench.io.csv_input import LINE, reject_rows
from workbench.io.table_input import read_template_table
from workbench.paths import data_dir

BUDGET_FILE = Path("budget") / "begroting_demo.csv"
BUDGET_COLUMNS = [
    "regio_code",
    "gemeentecode",
    "jaar",
    "status",
    "soort",
    "post",
    "niveau",
    "bedrag_euro",
    "toelichting",
]
KEY = ["regio_code", "gemeentecode", "jaar", "status", "soort", "post", "niveau"]
TOTAL_POST = "Totaal"
SPENDING_TASKS = (
    "Veilig Thuis",
    "Vrouwenopvang en crisisopvang",
    "Ambulante hulpverlening",
    "Aanpak ouderenmishandeling",
    "Preventie en deskundigheidsbevordering",
    "Regionale coördinatie en monitoring",
    "Lokale toegang en wijkteams",
    "Preventie en voorlichting",
    "Overige taken",
)
"""The tasks money is spent on: the ``post`` of every spending line, and the ``taak`` of every task a region
agrees on in its input file (one list, so that agreed tasks and budget lines can be matched)."""
XLSX_SHEET = "begroting"


OWN_STEM = "begroting"
"""A region's own budget: ``regios/CODE/begroting.csv`` (or ``.xlsx``), in the same template."""


def own_budget_files(root: Path) -> dict[str, Path]:
    """Per region code, its own budget file (the regions that have one)."""
    folder = root / "regios"
    out: dict[str, Path] = {}
    if folder.is_dir():
        for region in sorted(p for p in folder.iterdir() if p.is_dir()):
            found = [region / f"{OWN_STEM}{s}" for s in (".csv", ".xlsx") if (region / f"{OWN_STEM}{s}").is_file()]
            if len(found) > 1:
                raise InputError(
                    found[1], f"de regio heeft zowel {found[0].name} als {found[1].name}", hint="houd er één van over"
                )
            if found:
                out[region.name] = found[0]
    return out


def read_own_budget(path: Path, region: str) -> pd.DataFrame:
    """Read a region's own budget file; every line must be of that region."""
    frame = read_budget_file(path)
    message = "deze regel is van een andere regio"
    hint = f"een eigen begroting heeft alleen regels van de eigen regio ({region})"
    reject_rows(frame, frame["regio_code"] != region, path, "regio_code", message, hint)
    return frame


def read_budget(data: str | Path | None = None) -> pd.DataFrame:
    """Read the budget of a data folder: the shared file, with each region's own file in place of its lines.

    ``None`` for the project's ``data/``.
    """
    root = data_dir(data)
    shared = read_budget_file(root / BUDGET_FILE)
    own = own_budget_files(root)
    if not own:
        return shared
    kept = shared[~shared["regio_code"].isin(own)]
    return pd.concat([kept, *(read_own_budget(p, r) for r, p in own.items())], ignore_index=True)


def read_budget_file(path: str | Path) -> pd.DataFrame:
    """Read a budget file in the template, as CSV (``;`` or ``,``) or as .xlsx.

    Parameters
    ----------
    path
        The file.

    Returns
    -------
    pandas.DataFrame
        The template's columns with ``jaar`` as ``Int64``, ``bedrag_euro`` as ``Float64`` and codes as strings,
        plus the file line in ``regel``.
    """
    path = Path(path)
    frame = read_template_table(
        path, required=BUDGET_COLUMNS[:-1], key=KEY, code_columns={"regio_code", "gemeentecode"}, sheet=XLSX_SHEET
    )
    if "toelichting" not in frame.columns:
        frame["toelichting"] = ""
    years = pd.to_numeric(frame["jaar"], errors="coerce")
    bad = years.isna() | (years % 1 != 0) | ~years.between(1900, 2100)
    hint = "schrijf het jaar met vier cijfers, bijvoorbeeld 2024"
    _, amounts = gather(
        lambda: reject_rows(frame, bad, path, "jaar", "dit is geen jaar", hint),
        lambda: parse_amounts(frame, "bedrag_euro", path),
    )
    out = frame[[*BUDGET_COLUMNS, LINE]].copy()
    out["jaar"] = years.astype("Int64")
    out["bedrag_euro"] = amounts
    return out
