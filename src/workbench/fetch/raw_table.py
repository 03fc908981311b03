"""A CBS table as either API gives it, and the StatLine CSV the readers of :mod:`workbench.io.statline` take.

Both APIs come down to the same things: the table's title and modification date, its dimensions (each with
its codes, and for the periods which are provisional), its topics and one record per cell or row. CBS's
markers are kept as CBS writes them in StatLine: ``.`` (secret or missing), ``x`` (cannot occur), ``-``
(nil) and ``*`` after a provisional period.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from workbench.io.statline import TOPIC_TITLES, VT_SPECS, TableSpec

KNOWN: dict[str, TableSpec] = {s.table_id: s for s in VT_SPECS}
REGION_PREFIXES = ("GM", "VT", "NL")
"""The areas the workbench keeps: gemeenten, Veilig Thuis-regions and Nederland."""


@dataclass
class RawTable:
    """A table as fetched.

    Attributes
    ----------
    table_id, title, modified
        Identification and CBS's modification date (ISO).
    api
        ``OData v3`` or ``OData v4``.
    dimensions
        The dimension keys in order; the region dimension is ``RegioS``, the period dimension ``Perioden``.
    provisional
        The period codes CBS marks provisional.
    topics
        Topic key -> title, in order.
    cells
        One dict per row: dimension key -> code, topic key -> StatLine text (a number or a marker).
    """

    table_id: str
    title: str
    modified: str
    api: str
    dimensions: list[str]
    provisional: set[str] = field(default_factory=set)
    topics: dict[str, str] = field(default_factory=dict)
    cells: list[dict[str, str]] = field(default_factory=list)


def topic_columns(raw: RawTable) -> dict[str, str]:
    """Topic key of the API -> column of the CSV.

    For a table the workbench reads, its own topic keys (found by title, so that either API's keys map to them);
    for another table, the API's key.
    """
    spec = KNOWN.get(raw.table_id)
    if spec is None:
        return {key: key for key in raw.topics}
    by_title = {_words(title): key for key, title in _spec_titles(spec).items()}
    return {key: by_title.get(_words(title), key) for key, title in raw.topics.items()}


def _spec_titles(spec: TableSpec) -> dict[str, str]:
    """The topic keys of a table the workbench reads, with their titles as CBS writes them."""
    return {key: TOPIC_TITLES[measure] for key, measure in spec.topics.items()}


def _words(text: str) -> str:
    return " ".join(str(text).casefold().split())


def to_statline(raw: RawTable, from_year: int) -> pd.DataFrame:
    """The table in the StatLine CSV shape: ``ID``, the dimensions, one column per topic, all text.

    Only gemeenten, Veilig Thuis-regions and Nederland from ``from_year`` on are kept; a cell the API does not
    give is ``.``, as in StatLine.
    """
    if not raw.cells:
        return pd.DataFrame(columns=["ID", *raw.dimensions, *topic_columns(raw).values()])
    frame = pd.DataFrame(raw.cells)
    for dim in raw.dimensions:
        frame[dim] = frame[dim].astype(str).str.strip()
    keep = frame["RegioS"].str.startswith(REGION_PREFIXES) & frame["Perioden"].str[:4].astype(int).ge(from_year)
    frame = frame[keep]
    columns = topic_columns(raw)
    for key in columns:
        frame[key] = frame[key].map(_statline_text) if key in frame else "."
    frame = frame.rename(columns=columns)
    frame["Perioden"] = frame["Perioden"] + frame["Perioden"].isin(raw.provisional).map({True: "*", False: ""})
    frame = frame.sort_values(raw.dimensions, kind="stable", ignore_index=True)
    frame.insert(0, "ID", range(len(frame)))
    return frame[["ID", *raw.dimensions, *columns.values()]]


def _statline_text(value: object) -> str:
    """A cell as StatLine writes it: a whole number, or CBS's marker (a missing cell is ``.``)."""
    if value is None or (isinstance(value, float) and value != value):
        return "."
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text if text else "."
