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
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import xlsxwriter

from workbench.report.formatting import NumberFormat, RangeFormat, plain_number
from workbench.report.html_parts import Link, ShownTable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula (OWASP's list for CSV injection)."""
FIXED_TIME = (2020, 1, 1, 0, 0, 0)
"""The timestamp inside every workbook (its zip entries have XlsxWriter's fixed one), so that the same inputs give
the same bytes."""
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
"""Control characters a workbook cannot hold (they are left out)."""
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


def rows(table: ShownTable, context: Context) -> list[list[Cell]]:
    """The download's rows, cell by cell (the same for its CSV and its sheet of the workbook)."""
    lead = [_text_cell(context.code), _text_cell(context.naam), Cell(str(context.periode), context.periode, "0")]
    compared = [c for value, fmt in table.compared.values() for c in _cells(value, fmt)]
    formats = [table.formats.get(col) for col in table.frame.columns]
    return [
        [*lead, *(c for value, fmt in zip(row, formats, strict=True) for c in _cells(value, fmt)), *compared]
        for row in table.frame.itertuples(index=False, name=None)
    ]


def csv_bytes(table: ShownTable, context: Context, body: list[list[Cell]] | None = None) -> bytes:
    """One table as CSV: UTF-8 with BOM, ';' between cells, decimal commas (``body``: its :func:`rows`, if made)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, **CSV_DIALECT)
    writer.writerow([neutralised(h) for h in header(table)])
    writer.writerows([c.text for c in cells] for cells in (rows(table, context) if body is None else body))
    return buffer.getvalue().encode("utf-8-sig")


class _Formats:
    """The workbook's cell formats, made once each: bold, a number format, a quoted (apostrophe) text."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self.made: dict[tuple[bool, bool, str | None], object] = {}

    def of(self, bold: bool = False, quoted: bool = False, number_format: str | None = None):
        key = (bold, quoted, number_format)
        if key not in self.made:
            spec = {"bold": bold, "quote_prefix": quoted, "num_format": number_format}
            self.made[key] = self.book.add_format({k: v for k, v in spec.items() if v}) if any(spec.values()) else None
        return self.made[key]


def _put(ws, formats: _Formats, row: int, column: int, cell: Cell, bold: bool = False) -> None:
    """Write one cell: text always as text, never a formula (quoted where it starts like one), numbers with format."""
    if isinstance(cell.value, str):
        quoted = cell.value.startswith(FORMULA_STARTS) or cell.value.lstrip(" \u00a0").startswith(FORMULA_STARTS)
        ws.write_string(row, column, cell.value, formats.of(bold, quoted))
    elif cell.value is None:
        ws.write_blank(row, column, None, formats.of(bold))
    else:
        ws.write_number(row, column, cell.value, formats.of(bold, number_format=cell.number_format))


def _text(value: str) -> Cell:
    return Cell(value, ILLEGAL_CHARACTERS_RE.sub("", value))


def workbook_bytes(
    tables: list[ShownTable],
    context: Context,
    toelichting: list[tuple[str, str]],
    bodies: list[list[list[Cell]]] | None = None,
) -> bytes:
    """All tables in one workbook: the sheet 'Toelichting' first, then a sheet per table (named as its CSV).

    'Toelichting' holds ``toelichting`` and the list of sheets with their captions; ``bodies`` are the tables'
    :func:`rows`, if made already.
    """
    raw = io.BytesIO()
    book = xlsxwriter.Workbook(raw, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    book.set_properties({"created": dt.datetime(*FIXED_TIME)})
    formats = _Formats(book)
    ws = book.add_worksheet("Toelichting")
    lines = [("Onderdeel", "Toelichting"), *toelichting, ("", ""), ("Blad", "Inhoud")]
    lines += [(t.name, t.caption) for t in tables]
    for r, (key, value) in enumerate(lines):
        _put(ws, formats, r, 0, _text(key), bold=key in ("Onderdeel", "Blad"))
        _put(ws, formats, r, 1, _text(value))
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 110)
    for i, table in enumerate(tables):
        sheet = book.add_worksheet(table.name[:31])
        names = header(table)
        for c, name in enumerate(names):
            _put(sheet, formats, 0, c, _text(name), bold=True)
            sheet.set_column(c, c, min(40, max(10, len(name) + 2)))
        for r, cells in enumerate(rows(table, context) if bodies is None else bodies[i], start=1):
            for c, cell in enumerate(cells):
                _put(sheet, formats, r, c, cell)
        sheet.freeze_panes(1, 0)
    book.close()
    return raw.getvalue()
