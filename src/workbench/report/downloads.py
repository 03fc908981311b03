"""A page's downloads: one CSV per table it shows and one workbook with a sheet per table and a 'Toelichting'.

The files hold exactly the tables of the page (charts' figures included), never more: every row carries the
region's code and name and the reporting year, and comparator columns where the table compares. Unknown cells
stay '.', marks stay ('≥ 45'); in the workbook numbers are numbers with a display format (``#,##0.0``, which a
Dutch Excel shows as 1.234,5), a mark is part of that format, so '≥ 45' is still the number 45. No text can run
as a formula: text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
apostrophe in CSV and is a quoted text cell in the workbook. The same inputs give the same bytes (fixed
timestamps inside the workbook).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from workbench.report.formatting import NumberFormat, RangeFormat, plain_number
from workbench.report.html_parts import Link, ShownTable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula (OWASP's list for CSV injection)."""
FIXED_TIME = (2020, 1, 1, 0, 0, 0)
"""The timestamp inside every workbook and its zip entries, so that the same inputs give the same bytes."""
CONTEXT_COLUMNS = ("regiocode", "regio", "verslagjaar")
"""The columns every download row starts with."""
CSV_DIALECT = {"delimiter": ";", "lineterminator": "\r\n", "quoting": csv.QUOTE_MINIMAL}
"""Semicolons and decimal commas, as a Dutch Excel opens a CSV file by double-click."""


def neutralised(text: str) -> str:
    """Text that no spreadsheet runs as a formula: a leading apostrophe before a formula's first character."""
    stripped = text.lstrip(" \u00a0")
    return "'" + text if text.startswith(FORMULA_STARTS) or stripped.startswith(FORMULA_STARTS) else text


@dataclass(frozen=True)
class Cell:
    """One cell of a download: the CSV text and the workbook value with its display format (``None``: text)."""

    text: str
    value: object
    number_format: str | None = None


def _text_cell(value: object) -> Cell:
    if isinstance(value, Link):
        value = value.text
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return Cell("", "")
    if isinstance(value, bool):
        return Cell("ja" if value else "nee", "ja" if value else "nee")
    if isinstance(value, int):
        return Cell(str(value), value, "0")
    if isinstance(value, float):
        return Cell(
            plain_number(value, 1 if not value.is_integer() else 0), value, "0.0" if not value.is_integer() else "0"
        )
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return Cell(neutralised(text), text)


def _number_cell(value: object, fmt: NumberFormat) -> Cell:
    if isinstance(value, str):
        return _text_cell(value)
    number, number_format = fmt.cell(value)
    return Cell(fmt.csv_text(value), number, number_format)


def _cells(value: object, fmt: Callable[[object], str] | None) -> list[Cell]:
    """The cells of one table cell (a range gives two)."""
    if isinstance(fmt, RangeFormat):
        return [_number_cell(end, fmt.part) for end in fmt.split(value)]
    if isinstance(fmt, NumberFormat):
        return [_number_cell(value, fmt)]
    return [_text_cell(value)]


@dataclass(frozen=True)
class Context:
    """What every row of a page's downloads carries: the region (empty for the national overview) and the year."""

    code: str
    naam: str
    periode: int


def header(table: ShownTable) -> list[str]:
    """The download's column names: the context, the table's columns (a range as two), the comparators."""
    columns = []
    for c in table.frame.columns:
        if isinstance(table.formats.get(c), RangeFormat):
            columns += [f"{c}, van", f"{c}, tot"]
        else:
            columns.append(str(c))
    return [*CONTEXT_COLUMNS, *columns, *table.compared]


def rows(table: ShownTable, context: Context) -> Iterator[list[Cell]]:
    """The download's rows, cell by cell."""
    lead = [_text_cell(context.code), _text_cell(context.naam), Cell(str(context.periode), context.periode, "0")]
    compared = [c for value, fmt in table.compared.values() for c in _cells(value, fmt)]
    for row in table.frame.itertuples(index=False):
        cells = [
            c
            for col, value in zip(table.frame.columns, row, strict=True)
            for c in _cells(value, table.formats.get(col))
        ]
        yield [*lead, *cells, *compared]


def csv_bytes(table: ShownTable, context: Context) -> bytes:
    """One table as CSV: UTF-8 with BOM, ';' between cells, decimal commas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, **CSV_DIALECT)
    writer.writerow([neutralised(h) for h in header(table)])
    for cells in rows(table, context):
        writer.writerow([c.text for c in cells])
    return buffer.getvalue().encode("utf-8-sig")


def _put(ws, row: int, column: int, cell: Cell, bold: bool = False) -> None:
    target = ws.cell(row=row, column=column)
    if isinstance(cell.value, str):
        target.value = cell.value
        target.data_type = "s"  # text, never a formula
        if cell.value.startswith(FORMULA_STARTS) or cell.value.lstrip(" \u00a0").startswith(FORMULA_STARTS):
            target.quotePrefix = True
    else:
        target.value = cell.value
        if cell.number_format:
            target.number_format = cell.number_format
    if bold:
        target.font = Font(bold=True)


def _text(value: str) -> Cell:
    return Cell(value, ILLEGAL_CHARACTERS_RE.sub("", value))


def workbook_bytes(tables: list[ShownTable], context: Context, toelichting: list[tuple[str, str]]) -> bytes:
    """All tables in one workbook: the sheet 'Toelichting' first, then a sheet per table (named as its CSV).

    'Toelichting' holds ``toelichting`` and the list of sheets with their captions.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "Toelichting"
    lines = [("Onderdeel", "Toelichting"), *toelichting, ("", ""), ("Blad", "Inhoud")]
    lines += [(t.name, t.caption) for t in tables]
    for r, (key, value) in enumerate(lines, start=1):
        _put(ws, r, 1, _text(key), bold=key in ("Onderdeel", "Blad"))
        _put(ws, r, 2, _text(value))
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 110
    for table in tables:
        sheet = wb.create_sheet(table.name[:31])
        names = header(table)
        for c, name in enumerate(names, start=1):
            _put(sheet, 1, c, _text(name), bold=True)
            sheet.column_dimensions[sheet.cell(row=1, column=c).column_letter].width = min(40, max(10, len(name) + 2))
        for r, cells in enumerate(rows(table, context), start=2):
            for c, cell in enumerate(cells, start=1):
                _put(sheet, r, c, cell)
        sheet.freeze_panes = "A2"
    raw = io.BytesIO()
    wb.save(raw)
    return reproducible_zip(raw.getvalue())


def reproducible_zip(data: bytes) -> bytes:
    """The same zip with fixed timestamps, in entries and in the workbook's own properties."""
    stamp = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*FIXED_TIME)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()
