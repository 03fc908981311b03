"""Numbers written the Dutch way, for tables, charts, prose and alt text alike: 1.234,5; −3; 28%; € 1.234.

Figures with secret cells behind them (:class:`~workbench.disclosure.bounds.Bounded`) carry their mark: ``.`` when
unknown, ``≥ 45`` for a lower bound, ``ca. 34%`` for an approximation; in a sentence 'ten minste 45'.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from workbench.disclosure.bounds import APPROXIMATE, LOWER_BOUND, UNKNOWN, Bounded
from workbench.disclosure.rule import SECRET_TEXT
from workbench.report.texts import APPROXIMATION_NOTE, UNKNOWN_SAID, date_in_words

MINUS = "\u2212"
"""The minus sign of Dutch typography (−), also read aloud as 'min'."""


def fmt_int(value: object) -> str:
    """Whole number with a thousands dot; ``.`` where missing (secret); a :class:`Bounded` with its mark."""
    if isinstance(value, Bounded):
        return fmt_bounded(value, fmt_int)
    if value is None or pd.isna(value):
        return SECRET_TEXT
    return f"{round(float(value)):,}".replace(",", ".").replace("-", MINUS)


def fmt_dec(value: object, digits: int = 1) -> str:
    """Decimal number with a decimal comma; ``.`` where missing; a :class:`Bounded` with its mark."""
    if isinstance(value, Bounded):
        return fmt_bounded(value, lambda v: fmt_dec(v, digits))
    if value is None or pd.isna(value):
        return SECRET_TEXT
    text = f"{float(value):,.{digits}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".").replace("-", MINUS)


def fmt_pct(value: object, digits: int = 0) -> str:
    """A share (0–1) as a percentage with a decimal comma; a :class:`Bounded` with its mark."""
    if isinstance(value, Bounded):
        return fmt_bounded(value, lambda v: fmt_pct(v, digits))
    if value is None or pd.isna(value):
        return SECRET_TEXT
    return fmt_dec(float(value) * 100, digits) + "%"


def fmt_range(low_end: Bounded, high_end: Bounded, fmt: Callable[[object], str] = fmt_pct) -> str:
    """A range of two figures from the same count ('51%–72%'), marked once as a whole ('≥ 51%–72%')."""
    if not low_end.known:
        return SECRET_TEXT
    low, high = fmt(low_end.value), fmt(high_end.value)
    text = low if low == high else f"{low}–{high}"
    return {LOWER_BOUND: LOWER_MARK, APPROXIMATE: APPROX_MARK}.get(low_end.kind, "") + text


def fmt_date(value: object) -> str:
    """A date as a table cell: '31-12-2026'; '' where there is none (not yet done, not planned)."""
    return "" if value is None or pd.isna(value) else f"{value:%d-%m-%Y}"


def fmt_date_long(value: object) -> str:
    """A date in words, as in Dutch prose: '1 januari 2021'."""
    return date_in_words(pd.Timestamp(value).date().isoformat())


def fmt_euro(value: object) -> str:
    """Euros, whole, with a thousands dot; ``.`` where missing."""
    text = fmt_int(value)
    return text if text == SECRET_TEXT else "€\u00a0" + text


LOWER_MARK = "≥\u00a0"
APPROX_MARK = "ca.\u00a0"


def fmt_bounded(value: Bounded, fmt: Callable[[object], str] = fmt_int) -> str:
    """Write a figure for a table: ``.`` unknown, ``≥ 45`` lower bound, ``ca. 34%`` approximation, else the number."""
    if value.kind == UNKNOWN:
        return SECRET_TEXT
    mark = {LOWER_BOUND: LOWER_MARK, APPROXIMATE: APPROX_MARK}.get(value.kind, "")
    return mark + fmt(value.value)


def say_bounded(value: Bounded, fmt: Callable[[object], str] = fmt_int) -> str:
    """A figure in a sentence: 'ten minste 45', 'ongeveer 34%', 'een onbekend aantal (geheim)', or the number."""
    if value.kind == UNKNOWN:
        return UNKNOWN_SAID
    prefix = {LOWER_BOUND: "ten minste ", APPROXIMATE: "ongeveer "}.get(value.kind, "")
    return prefix + fmt(value.value)


def secret_note(value: Bounded) -> str:
    """Why a figure is marked: '2 van 16 gemeenten geheim' for a count or rate, the basis of a share; else ''."""
    if not value.secret:
        return ""
    if value.kind == APPROXIMATE:
        return APPROXIMATION_NOTE
    return f"{value.secret} van {value.cells} gemeenten geheim"


def half_year_label(code: str) -> str:
    """'2e halfjaar 2024' for CBS's half-year code '2024HJ02'."""
    return f"{int(code[-2:])}e halfjaar {code[:4]}"


def plain_number(value: float, digits: int) -> str:
    """A number for a CSV file read by Dutch spreadsheets: decimal comma, no thousands dot, ASCII minus."""
    return f"{value:.{digits}f}".replace(".", ",")


@dataclass(frozen=True)
class NumberFormat:
    """How a table column of numbers is written: on the page, in a CSV file and in a workbook, one rule each.

    Calling it gives the page's text (``1.234``, ``8,5``, ``28%``, ``€ 1.234``; ``.`` unknown, ``≥`` a lower
    bound). :meth:`csv_text` gives a CSV cell (decimal comma, no thousands dot, marks kept); :meth:`cell` gives a
    workbook cell: the number itself with a display format (``#,##0.0``, which Dutch Excel shows as 1.234,5),
    its mark in the format, or the text ``.`` when unknown.

    Attributes
    ----------
    kind
        ``int``, ``dec``, ``pct`` (a share 0–1) or ``euro``.
    digits
        Decimals shown.
    """

    kind: str
    digits: int = 0

    def __call__(self, value: object) -> str:
        """The page's text (text values, such as 'n.v.t.', as they are)."""
        if isinstance(value, str):
            return value
        if self.kind == "pct":
            return fmt_pct(value, self.digits)
        if self.kind == "euro":
            text = fmt_int(value) if self.digits == 0 else fmt_dec(value, self.digits)
            return text if text == SECRET_TEXT else "€\u00a0" + text
        return fmt_int(value) if self.kind == "int" else fmt_dec(value, self.digits)

    def _parts(self, value: object) -> tuple[str, float | None]:
        """The mark ('', '≥ ', 'ca. ') and the number; ``None`` when unknown."""
        if isinstance(value, Bounded):
            if value.kind == UNKNOWN:
                return "", None
            return {LOWER_BOUND: LOWER_MARK, APPROXIMATE: APPROX_MARK}.get(value.kind, ""), float(value.value)
        if value is None or pd.isna(value):
            return "", None
        return "", float(value)

    def _number(self, number: float) -> float:
        """The number as shown: whole counts and whole euros rounded."""
        return float(round(number)) if self.kind in ("int", "euro") and not self.digits else number

    def csv_text(self, value: object) -> str:
        """The CSV cell: '.' unknown, else the mark and the number with a decimal comma (a share in percent)."""
        if isinstance(value, str):
            return value
        mark, number = self._parts(value)
        if number is None:
            return SECRET_TEXT
        if self.kind == "pct":
            return mark + plain_number(number * 100, self.digits) + "%"
        return mark + plain_number(self._number(number), self.digits)

    def cell(self, value: object) -> tuple[object, str | None]:
        """The workbook cell: (number, display format) or ('.', None) when unknown; text stays text."""
        if isinstance(value, str):
            return value, None
        mark, number = self._parts(value)
        if number is None:
            return SECRET_TEXT, None
        decimals = "." + "0" * self.digits if self.digits else ""
        shown = ("0" if self.kind == "pct" else "#,##0") + decimals + ("%" if self.kind == "pct" else "")
        prefix = ('"€ "' if self.kind == "euro" else "") + (f'"{mark.replace(chr(0xA0), " ")}"' if mark else "")
        number = round(self._number(number), self.digits + (2 if self.kind == "pct" else 0))
        return (int(number) if number.is_integer() and not self.digits else number), prefix + shown


INT = NumberFormat("int")
"""Whole numbers (counts, inhabitants)."""
DEC = NumberFormat("dec", 1)
"""One decimal (rates per 1,000)."""
DEC2 = NumberFormat("dec", 2)
"""Two decimals (euros per inhabitant in the budget tables)."""
PCT = NumberFormat("pct", 0)
"""Whole percentages of a share 0–1."""
PCT1 = NumberFormat("pct", 1)
"""Percentages with one decimal."""
EURO = NumberFormat("euro")
"""Whole euros."""


@dataclass(frozen=True)
class RangeFormat:
    """A column of ranges (low, high): '1.200–1.500' on the page, two numeric columns in downloads.

    Equal ends show one number; a lower bound is marked once ('≥ 51%–72%'); downloads name the ends '…, van' and
    '…, tot'.
    """

    part: NumberFormat

    def __call__(self, value: object) -> str:
        """The page's text."""
        if isinstance(value, str):
            return value
        low, high = (v if isinstance(v, Bounded) else Bounded.exact(v) for v in value)
        return fmt_range(low, high, self.part)

    def split(self, value: object) -> tuple[object, object]:
        """The two ends (text, such as 'n.v.t.', in both)."""
        return (value, value) if isinstance(value, str) else tuple(value)


INT_RANGE = RangeFormat(INT)
"""Ranges of whole numbers (estimates)."""
PCT_RANGE = RangeFormat(PCT)
"""Ranges of percentages (bereik)."""
