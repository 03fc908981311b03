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

from workbench.errors import InputError
from workbench.io.cells import parse_amounts
from workbench.io.csv_input import LINE, read_checked_csv
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


def _frame_from_xlsx(path: Path) -> pd.DataFrame:
    """Read the template sheet of an .xlsx workbook as strings, with file line numbers."""
    try:
        # keep_default_na=False: a cell reading "NA" or "None" is text, not a missing value
        sheets = pd.read_excel(path, sheet_name=None, dtype=str, header=0, keep_default_na=False, na_values=[])
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise InputError(path, f"not a readable .xlsx workbook ({exc})") from exc
    sheet = sheets.get(XLSX_SHEET, next(iter(sheets.values())))
    sheet.columns = [str(c).strip() for c in sheet.columns]
    missing = [c for c in BUDGET_COLUMNS if c not in sheet.columns and c != "toelichting"]
    if missing:
        raise InputError(path, f"the sheet lacks the column(s) {', '.join(missing)}", column=missing[0], rows=[1])
    sheet = sheet.fillna("").astype(str).apply(lambda s: s.str.strip())
    sheet[LINE] = range(2, len(sheet) + 2)
    sheet = sheet[sheet.drop(columns=[LINE]).ne("").any(axis=1)]
    if sheet.empty:
        raise InputError(path, "the sheet has a header but no data rows", rows=[1])
    return sheet.reset_index(drop=True)


def read_budget(data: str | Path | None = None) -> pd.DataFrame:
    """Read the budget file of a data folder (``budget/begroting_demo.csv``); ``None`` for the project's ``data/``."""
    return read_budget_file(data_dir(data) / BUDGET_FILE)


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
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        frame = _frame_from_xlsx(path)
        dup = frame.duplicated(subset=KEY, keep=False)
        if dup.any():
            raise InputError(
                path,
                f"the key ({', '.join(KEY)}) occurs more than once",
                column="post",
                rows=frame.loc[dup, LINE].tolist(),
                values=frame.loc[dup, "post"].tolist(),
            )
    else:
        frame = read_checked_csv(
            path, required=BUDGET_COLUMNS[:-1], key=KEY, code_columns={"regio_code", "gemeentecode"}, preferred_sep=";"
        )
    if "toelichting" not in frame.columns:
        frame["toelichting"] = ""
    years = pd.to_numeric(frame["jaar"], errors="coerce")
    bad = years.isna() | (years % 1 != 0)
    if bad.any():
        raise InputError(
            path,
            "not a year",
            column="jaar",
            rows=frame.loc[bad, LINE].tolist(),
            values=frame.loc[bad, "jaar"].tolist(),
        )
    out = frame[[*BUDGET_COLUMNS, LINE]].copy()
    out["jaar"] = years.astype("Int64")
    out["bedrag_euro"] = parse_amounts(frame, "bedrag_euro", path)
    return out
