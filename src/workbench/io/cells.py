"""Turn the text of a cell into a typed value: counts with CBS's markers, and money amounts.

A count that CBS keeps secret is an explicit state (``geheim``), never 0: its value is missing and it is never
added up as a number.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from workbench.errors import InputError
from workbench.io.csv_input import LINE

STATE_VALUE = "waarde"
STATE_SECRET = "geheim"
STATE_NIL = "nihil"
STATE_UNKNOWN = "onbekend"
STATES = (STATE_VALUE, STATE_SECRET, STATE_NIL, STATE_UNKNOWN)

SECRET_MARKERS = {".", "x", "X", "-99997", "-99997.0"}
"""CBS's signs for a value that is unknown, not reliable enough or secret."""
NIL_MARKERS = {"-"}
"""CBS's sign for nil (a true zero)."""

_NUMBER_TEXT = str.maketrans({"\u2212": "-", "\u2013": "-", "\u00a0": None, "\u202f": None, " ": None, "€": None})
"""How a number's text is made plain: Unicode minus signs become '-', spaces and the euro sign go."""
_INTEGER = re.compile(r"^-?\d+$")


def _normalised_column(values: pd.Series) -> pd.Series:
    """:func:`_normalise_number_text` for a whole column at once (vectorised: files hold tens of thousands)."""
    return values.astype(str).str.translate(_NUMBER_TEXT).str.replace("EUR", "", regex=False).str.strip()


def _normalise_number_text(text: str) -> str:
    return text.translate(_NUMBER_TEXT).replace("EUR", "").strip()


def parse_counts(frame: pd.DataFrame, column: str, path: Path) -> tuple[pd.Series, pd.Series]:
    """Parse a column of counts.

    Parameters
    ----------
    frame
        A frame from :func:`workbench.io.csv_input.read_checked_csv` (strings plus line numbers).
    column
        The column to parse.
    path
        The file, for error messages.

    Returns
    -------
    tuple of pandas.Series
        The counts (nullable ``Int64``; missing where secret or unknown) and their state
        (one of :data:`STATES`). Negative numbers are returned as they are, for validation to report.
    """
    text = _normalised_column(frame[column]).str.rstrip("*").str.strip()
    state = pd.Series(STATE_VALUE, index=frame.index, dtype="object")
    state[text.isin(SECRET_MARKERS)] = STATE_SECRET
    state[text.isin(NIL_MARKERS)] = STATE_NIL
    state[text.eq("")] = STATE_UNKNOWN
    numeric = state.eq(STATE_VALUE)
    bad = numeric & (~text.str.match(_INTEGER) | text.str.len().gt(15))
    if bad.any():
        decimal = text[bad].str.contains(r"[.,]").any()
        raise InputError(
            path,
            "een aantal is een heel getal" + (" (staat er een decimale komma of een punt in?)" if decimal else ""),
            column=column,
            rows=frame.loc[bad, LINE].tolist(),
            values=frame.loc[bad, column].tolist(),
            hint="schrijf een heel getal zonder punten, '.' voor geheim of '-' voor nihil",
        )
    value = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    value[numeric] = text[numeric].astype("int64")
    value[state.eq(STATE_NIL)] = 0
    return value, state.astype("string")


def parse_amount_text(text: str) -> float | None:
    """Parse one money amount as Dutch and English spreadsheets write it.

    Accepts a decimal comma (``1234,56``), thousands dots with a decimal comma (``1.234,56``), thousands
    commas with a decimal point (``1,234.56``), ``€``, non-breaking spaces and the ``−`` minus sign.

    Parameters
    ----------
    text
        The cell text.

    Returns
    -------
    float or None
        ``None`` for an empty cell; raises ``ValueError`` for text that is not an amount.
    """
    t = _normalise_number_text(text)
    if t == "":
        return None
    if "," in t and "." in t:
        t = t.replace(".", "").replace(",", ".") if t.rfind(",") > t.rfind(".") else t.replace(",", "")
    elif "," in t:
        t = t.replace(".", "").replace(",", ".") if re.fullmatch(r"-?\d+,\d{1,2}", t) else _thousands(t, ",")
    elif t.count(".") > 1 or re.fullmatch(r"-?\d{1,3}(\.\d{3})+", t):
        t = _thousands(t, ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", t):
        raise ValueError(text)
    return float(t)


def _thousands(t: str, mark: str) -> str:
    if not re.fullmatch(rf"-?\d{{1,3}}(\{mark}\d{{3}})+", t):
        raise ValueError(t)
    return t.replace(mark, "")


def parse_amounts(frame: pd.DataFrame, column: str, path: Path) -> pd.Series:
    """Parse a column of money amounts (see :func:`parse_amount_text`) into ``Float64``.

    Parameters
    ----------
    frame
        A frame from :func:`workbench.io.csv_input.read_checked_csv`.
    column
        The column to parse.
    path
        The file, for error messages.

    Returns
    -------
    pandas.Series
        Amounts in euros; missing where the cell is empty.
    """
    values: list[float | None] = []
    bad_rows: list[int] = []
    bad_values: list[str] = []
    for text, line in zip(frame[column].astype(str), frame[LINE], strict=True):
        try:
            values.append(parse_amount_text(text))
        except ValueError:
            values.append(None)
            bad_rows.append(int(line))
            bad_values.append(text)
    if bad_rows:
        raise InputError(
            path,
            "dit is geen bedrag in euro's",
            column=column,
            rows=bad_rows,
            values=bad_values,
            hint="schrijf bijvoorbeeld 1250000, 1.250.000 of 1.250.000,50",
        )
    return pd.Series(values, index=frame.index, dtype="Float64")


MAX_NUMBER = 1e15
"""Larger than any figure the workbench reads (people, euros); a larger value is a typing error."""
_PLAIN_NUMBER = re.compile(r"^-?(\d+([.,]\d+)?|[.,]\d+)([eE][-+]?\d+)?$")


def parse_numbers(frame: pd.DataFrame, column: str, path: Path, whole: bool = False) -> pd.Series:
    """Parse a column of plain numbers (a decimal point or comma) into ``Float64``, or ``Int64`` when ``whole``.

    An empty cell is missing. Text, an infinite value or a number above :data:`MAX_NUMBER` is an
    :class:`InputError` naming every offending line.
    """
    text = _normalised_column(frame[column])
    empty = text.eq("")
    shaped = text.str.match(_PLAIN_NUMBER)
    numbers = pd.to_numeric(text.where(shaped & ~empty).str.replace(",", ".", regex=False), errors="coerce")
    bad = ~empty & (~shaped | numbers.isna() | ~numbers.abs().le(MAX_NUMBER))
    if bad.any():
        raise InputError(
            path,
            "dit is geen bruikbaar getal",
            column=column,
            rows=frame.loc[bad, LINE].tolist(),
            values=frame.loc[bad, column].tolist(),
            hint="schrijf een getal zoals 357597 of 2,1 (geen tekst, leeg laten als het onbekend is)",
        )
    out = numbers.where(~empty).astype("Float64")
    return out.round().astype("Int64") if whole else out
