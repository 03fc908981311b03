"""Read a template table a region fills in, as CSV or as an .xlsx workbook, into strings with file lines.

Both give the frame :func:`workbench.io.csv_input.read_checked_csv` gives: every cell a string, the column
``regel`` holding the line (the spreadsheet row) the row came from, and an :class:`~workbench.errors.InputError`
naming the file, the column and the rows for a missing column or a key that occurs twice.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

import pandas as pd

from workbench.errors import InputError
from workbench.io.csv_input import LINE, isolate_bidi_cells, read_checked_csv

XLSX_SUFFIXES = {".xlsx", ".xlsm"}


def read_xlsx_sheet(path: Path, sheet: str, required: Sequence[str]) -> pd.DataFrame:
    """Read the sheet ``sheet`` (or else the first) of a workbook as strings, with its row numbers."""
    try:
        # keep_default_na=False: a cell reading "NA" or "None" is text, not a missing value
        sheets = pd.read_excel(path, sheet_name=None, dtype=str, header=0, keep_default_na=False, na_values=[])
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise InputError(
            path,
            f"dit is geen leesbare Excel-werkmap (.xlsx) ({type(exc).__name__})",
            hint="sla het op als .xlsx of als CSV UTF-8",
        ) from exc
    chosen = sheet if sheet in sheets else next(iter(sheets))
    _refuse_hidden_values(path, chosen)
    frame = sheets[chosen]
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputError(
            path,
            f"het werkblad mist de kolom(men) {', '.join(missing)}",
            column=missing[0],
            rows=[1],
            hint="zet de kolomnamen op de eerste rij, precies zoals in het sjabloon",
        )
    frame = isolate_bidi_cells(frame.fillna("").astype(str).apply(lambda s: s.str.strip()))
    frame[LINE] = range(2, len(frame) + 2)
    frame = frame[frame.drop(columns=[LINE]).ne("").any(axis=1)]
    if frame.empty:
        raise InputError(path, "het werkblad heeft een kopregel maar geen gegevens", rows=[1])
    return frame.reset_index(drop=True)


def read_template_table(
    path: Path,
    required: Sequence[str],
    key: Sequence[str],
    code_columns: Collection[str] = (),
    sheet: str = "",
) -> pd.DataFrame:
    """Read a filled-in template: an .xlsx workbook (sheet ``sheet``) or a CSV file (``;`` or ``,``).

    Returns
    -------
    pandas.DataFrame
        Strings, with ``regel``; a duplicated ``key`` is an error naming both rows.
    """
    if path.suffix.lower() not in XLSX_SUFFIXES:
        return read_checked_csv(path, required=required, key=key, code_columns=code_columns, preferred_sep=";")
    frame = read_xlsx_sheet(path, sheet, required)
    dup = frame.duplicated(subset=list(key), keep=False)
    if dup.any():
        raise InputError(
            path,
            f"de combinatie {', '.join(key)} komt meer dan één keer voor",
            column=key[0],
            rows=frame.loc[dup, LINE].tolist(),
            values=frame.loc[dup, key[0]].tolist(),
            hint="houd één rij per combinatie",
        )
    return frame


def _refuse_hidden_values(path: Path, sheet: str) -> None:
    """Refuse what a spreadsheet shows but a reader would read as empty: merged cells, formulas without a result.

    A merged block keeps its value in its first cell only, and a formula that was never calculated (a file made
    by another program than Excel) has no stored result: both would otherwise be read silently as empty cells.
    """
    from openpyxl import load_workbook

    formulas = load_workbook(path, data_only=False)[sheet]
    merged = list(formulas.merged_cells.ranges)
    if merged:
        raise InputError(
            path,
            f"werkblad {sheet!r} heeft samengevoegde cellen ({', '.join(str(r) for r in merged[:5])})",
            rows=sorted({r.min_row for r in merged}),
            hint="hef het samenvoegen op en vul elke cel zelf in",
        )
    cached = load_workbook(path, data_only=True)[sheet]
    empty = [
        c.coordinate
        for row in formulas.iter_rows()
        for c in row
        if c.data_type == "f" and cached[c.coordinate].value is None
    ]
    if empty:
        raise InputError(
            path,
            f"werkblad {sheet!r} heeft formules zonder opgeslagen uitkomst ({', '.join(empty[:5])})",
            rows=sorted({int("".join(ch for ch in e if ch.isdigit())) for e in empty}),
            hint="open het bestand in Excel en sla het op, of zet de uitkomst in plaats van de formule",
        )
