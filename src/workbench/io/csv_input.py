"""Read a CSV file as people really have them, into a frame of strings with the file's line numbers.

Every problem becomes an :class:`~workbench.errors.InputError` that names the file, the column and the lines.
Typing (counts, amounts, codes) is left to the reader of each dataset; this module only makes the table.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Collection, Sequence
from pathlib import Path

import pandas as pd

from workbench.errors import InputError

LINE = "regel"
"""Column added to every frame: the line of the file the row came from (the header is line 1)."""

SEPARATORS = (";", ",", "\t")
MAX_CELL = 10_000
"""The longest cell a CSV file may hold (characters); a longer one is refused with its line."""
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Characters that change the writing direction of the text around them (embeddings, overrides, isolates)."""
_FIRST_STRONG_ISOLATE, _POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"
CONTROL_CHARACTERS = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"} | {"\x7f"}
_CONTROL_PATTERN = "[" + re.escape("".join(sorted(CONTROL_CHARACTERS))) + "]"


def isolate_bidi(text: str) -> str:
    """Text with direction controls, isolated (FSI … PDI) so that it cannot turn the text around it.

    A name such as 'Ab\u202edc' (a right-to-left override) would otherwise reverse the rest of the sentence it
    stands in on the page; the isolate ends every embedding or override opened inside it. Other text is returned
    as it is.
    """
    if not any(ch in BIDI_CONTROLS for ch in text):
        return text
    return _FIRST_STRONG_ISOLATE + text + _POP_DIRECTIONAL_ISOLATE


def isolate_bidi_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame of strings with :func:`isolate_bidi` applied to every cell that needs it (a new frame)."""
    pattern = f"[{BIDI_CONTROLS}]"
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_string_dtype(out[col]) and out[col].astype(str).str.contains(pattern, regex=True).any():
            out[col] = out[col].map(lambda v: isolate_bidi(v) if isinstance(v, str) else v)
    return out


def decode(raw: bytes, path: Path) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Parameters
    ----------
    raw
        The file's bytes.
    path
        The file, for the error message.

    Returns
    -------
    str
        The text, without BOM.
    """
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                path, "het bestand zegt UTF-16 te zijn maar is zo niet te lezen", hint="sla het op als CSV UTF-8"
            ) from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="strict") if _is_cp1252(raw) else _undecodable(path)


def _is_cp1252(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _undecodable(path: Path) -> str:
    raise InputError(path, "het bestand is geen tekst in UTF-8 of Windows-1252", hint="sla het op als CSV UTF-8")


def _split_header(line: str, sep: str) -> list[str]:
    return [h.strip() for h in next(csv.reader([line], delimiter=sep))]


def choose_separator(header_line: str, required: Sequence[str], path: Path, preferred: str = ";") -> str:
    """Return the separator under which the header holds the most required columns (all, in a good file).

    Parameters
    ----------
    header_line
        The file's first (header) line.
    required
        Column names that must be present.
    path
        The file, for the error message.
    preferred
        Tried first.

    Returns
    -------
    str
        One of ``;``, ``,`` or a tab.
    """
    candidates = [preferred, *[s for s in SEPARATORS if s != preferred]]
    best = max(candidates, key=lambda s: len(set(required) & set(_split_header(header_line, s))))
    if set(required) & set(_split_header(header_line, best)):
        return best
    found = _split_header(header_line, preferred)
    raise InputError(
        path,
        f"de kopregel mist de kolom(men) {', '.join(required)}; gelezen: {', '.join(found[:8])}",
        column=required[0] if required else None,
        rows=[1],
        hint=f"is het scheidingsteken anders dan {preferred!r}, of is dit een ander soort bestand?",
    )


def read_checked_csv(
    path: str | Path,
    required: Sequence[str],
    key: Sequence[str] | None = None,
    code_columns: Collection[str] = (),
    preferred_sep: str = ",",
) -> pd.DataFrame:
    """Read a CSV file into a frame of stripped strings plus a :data:`LINE` column.

    Parameters
    ----------
    path
        The file.
    required
        Columns that must be in the header.
    key
        Columns that together identify a row; a duplicate is an error naming both lines.
    code_columns
        Columns holding codes; they are stripped of the trailing spaces CBS adds.
    preferred_sep
        The separator this kind of file normally has; others are tried when the header does not fit.

    Returns
    -------
    pandas.DataFrame
        All cells as ``str`` (empty string for an empty cell), in file order.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "het bestand bestaat niet", hint="controleer de naam en de map")
    text = decode(path.read_bytes(), path)
    lines = text.splitlines()
    offset = 0
    sep = None
    if lines and lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) == 5:
        sep = lines[0].strip()[4]
        offset = 1
    if len(lines) <= offset or not lines[offset].strip():
        raise InputError(path, "het bestand is leeg: er is geen kopregel", hint="zet de kolomnamen op de eerste regel")
    header_line = lines[offset]
    if sep is None:
        sep = choose_separator(header_line, required, path, preferred_sep)
    header = _split_header(header_line, sep)
    seen: set[str] = set()
    for name in header:
        if name in seen and name:
            raise InputError(
                path,
                "de kopregel heeft deze kolom twee keer",
                column=name,
                rows=[1 + offset],
                hint="geef elke kolom één naam",
            )
        seen.add(name)
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(
            path,
            f"de kopregel mist de kolom(men) {', '.join(missing)}",
            column=missing[0],
            rows=[1 + offset],
            hint="voeg de kolom toe met precies deze naam (zie data/README.md)",
        )
    trailing_empty_header = header[-1] == ""
    records, line_numbers, ragged = _records(text, sep, offset, len(header), path)
    if ragged:
        raise InputError(
            path,
            f"deze regel heeft niet {len(header)} velden zoals de kopregel (aantal velden gevonden tussen haakjes)",
            rows=[r for r, _ in ragged],
            values=[n for _, n in ragged],
            hint="staat er een scheidingsteken in een naam? Zet die naam dan tussen aanhalingstekens",
        )
    if not records:
        raise InputError(path, "het bestand heeft een kopregel maar geen gegevens", rows=[1 + offset])
    if trailing_empty_header:
        header = header[:-1]
        records = [r[: len(header)] for r in records]
    frame = pd.DataFrame(records, columns=header, dtype=str)
    frame = isolate_bidi_cells(frame.apply(lambda s: s.str.strip()))
    _reject_control_characters(frame, path, line_numbers)
    frame[LINE] = line_numbers
    for col in code_columns:
        frame[col] = frame[col].str.strip()
    if key:
        duplicated = frame.duplicated(subset=list(key), keep=False)
        if duplicated.any():
            dup = frame[duplicated]
            raise InputError(
                path,
                f"de combinatie {', '.join(key)} komt meer dan één keer voor",
                column=key[0],
                rows=dup[LINE].tolist(),
                values=dup[key[0]].tolist(),
                hint="houd één regel per combinatie",
            )
    return frame


def reject_rows(frame: pd.DataFrame, bad: pd.Series, path: Path, column: str, problem: str, hint: str = "") -> None:
    """Raise an :class:`InputError` naming the file, ``column`` and every line where ``bad`` holds (if any does).

    ``frame`` is a frame of this module (with :data:`LINE`); the offending values are taken from ``column``.
    """
    bad = bad.fillna(False).astype(bool)
    if bad.any():
        rows, values = frame.loc[bad, LINE].tolist(), frame.loc[bad, column].tolist()
        raise InputError(path, problem, column=column, rows=rows, values=values, hint=hint)


def _records(
    text: str, sep: str, offset: int, width: int, path: Path
) -> tuple[list[list[str]], list[int], list[tuple[int, int]]]:
    """Split the data lines; a single empty field after the last column (a trailing separator) is dropped."""
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    records: list[list[str]] = []
    line_numbers: list[int] = []
    ragged: list[tuple[int, int]] = []
    for row in _rows(reader, path):
        if reader.line_num <= offset + 1 or not "".join(row).strip():  # no row, or only blank cells
            continue
        if len(row) == width + 1 and row[-1].strip() == "":
            row = row[:-1]
        if len(row) != width:
            ragged.append((reader.line_num, len(row)))
            continue
        records.append(row)
        line_numbers.append(reader.line_num)
    return records, line_numbers, ragged


def _reject_control_characters(frame: pd.DataFrame, path: Path, line_numbers: list[int]) -> None:
    for col in frame.columns:
        bad = frame[col].str.contains(_CONTROL_PATTERN, regex=True)
        if bad.any():
            idx = [i for i, b in enumerate(bad) if b]
            raise InputError(
                path,
                "de cel bevat stuurtekens (geen gewone tekst)",
                column=col,
                rows=[line_numbers[i] for i in idx],
                values=[frame[col].iloc[i] for i in idx],
                hint="typ de waarde opnieuw, zonder tekens uit een ander programma",
            )


def _rows(reader, path: Path):
    """The reader's rows; a cell too large to be a value is a clear error naming its line, not a crash."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            huge = "field larger" in str(exc)
            problem = f"een cel is groter dan {_dutch(csv.field_size_limit())} tekens" if huge else ""
            raise InputError(
                path,
                problem or "de regel is niet te lezen als CSV",
                rows=[reader.line_num],
                hint=CELL_HINT if huge else "staat er een aanhalingsteken zonder sluitend aanhalingsteken?",
            ) from exc
        too_long = [c for c in row if len(c) > MAX_CELL] if sum(map(len, row)) > MAX_CELL else []
        if too_long:
            raise InputError(
                path, f"een cel is {_dutch(len(too_long[0]))} tekens lang", rows=[reader.line_num], hint=CELL_HINT
            )
        yield row


def _dutch(n: int) -> str:
    """A whole number with a thousands dot, as messages write it (10.000)."""
    return f"{n:,}".replace(",", ".")


CELL_HINT = f"een cel mag hoogstens {_dutch(MAX_CELL)} tekens hebben"
