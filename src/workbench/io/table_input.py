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
        raise InputError(path, f"not a readable .xlsx workbook ({exc})") from exc
    frame = sheets.get(sheet, next(iter(sheets.values())))
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputError(path, f"the sheet lacks the column(s) {', '.join(missing)}", column=missing[0], rows=[1])
    frame = isolate_bidi_cells(frame.fillna("").astype(str).apply(lambda s: s.str.strip()))
    frame[LINE] = range(2, len(frame) + 2)
    frame = frame[frame.drop(columns=[LINE]).ne("").any(axis=1)]
    if frame.empty:
        raise InputError(path, "the sheet has a header but no data rows", rows=[1])
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
            f"the key ({', '.join(key)}) occurs more than once",
            column=key[0],
            rows=frame.loc[dup, LINE].tolist(),
            values=frame.loc[dup, key[0]].tolist(),
        )
    return frame
