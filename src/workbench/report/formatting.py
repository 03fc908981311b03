"""Numbers written the Dutch way, for tables, charts, prose and alt text alike: 1.234,5; −3; 28%; € 1.234.

Figures with secret cells behind them (:class:`~workbench.disclosure.bounds.Bounded`) carry their mark: ``.`` when
unknown, ``≥ 45`` for a lower bound, ``ca. 34%`` for an approximation; in a sentence 'ten minste 45'.
"""

from __future__ import annotations

from collections.abc import Callable

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


def fmt_date_long(value: object) -> str:
    """A date in words, as in Dutch prose: '1 januari 2021'."""
    return date_in_words(pd.Timestamp(value).date().isoformat())


def fmt_euro(value: object) -> str:
    """Euros, whole, with a thousands dot."""
    return "€\u00a0" + fmt_int(value)


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
