"""The municipal reorganisations (gemeentelijke herindelingen) since the 2020 indeling.

One line per old gemeente (or, for a split, per part of it) and the gemeente it went to::

    datum,gemeentecode_oud,gemeentenaam_oud,gemeentecode_nieuw,gemeentenaam_nieuw,soort,deel,bron
    2021-01-01,GM0003,Appingedam,GM1979,Eemsdelta,samenvoeging,geheel,"CBS, ..."
    2021-01-01,GM0788,Haaren,GM0855,Tilburg,opheffing en splitsing,dorp Biezenmortel,"..."

``deel`` is ``geheel`` when the whole old gemeente went over, or names the village (``dorp X``) that did;
a village is one of the old gemeente's wijken in the 2020 wijk/buurt figures (see :mod:`workbench.io.kwb`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from workbench.errors import gather
from workbench.io.csv_input import LINE, read_checked_csv, reject_rows
from workbench.paths import data_dir

CHANGES_FILE = Path("reference") / "gemeentelijke_herindelingen_2021_2025.csv"
COLUMNS = [
    "datum",
    "gemeentecode_oud",
    "gemeentenaam_oud",
    "gemeentecode_nieuw",
    "gemeentenaam_nieuw",
    "soort",
    "deel",
    "bron",
]
WHOLE = "geheel"
_PART = re.compile(r"^(?:dorp|kern|wijk)\s+(.+)$")
_CODE = re.compile(r"^GM\d{4}$")


def part_name(deel: str) -> str | None:
    """The village a line moves (``dorp Esch`` -> ``Esch``); ``None`` when the whole gemeente moves."""
    match = _PART.match(deel.strip())
    return match.group(1).strip() if match else None


def read_changes(data: str | Path | None = None) -> pd.DataFrame:
    """Read the reorganisations of a data folder (:data:`CHANGES_FILE`)."""
    return read_changes_file(data_dir(data) / CHANGES_FILE)


def read_changes_file(path: str | Path) -> pd.DataFrame:
    """Read and check a reorganisations file.

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`COLUMNS` with ``datum`` as a date, plus ``jaar`` (the first year whose indeling
        of 1 January has the change), ``dorp`` (the village of a split line, else missing) and ``regel``.
        Sorted by date and file line.
    """
    path = Path(path)
    frame = read_checked_csv(
        path,
        required=COLUMNS,
        key=["gemeentecode_oud", "gemeentecode_nieuw", "deel"],
        code_columns={"gemeentecode_oud", "gemeentecode_nieuw"},
    )
    dates = pd.to_datetime(frame["datum"], format="%Y-%m-%d", errors="coerce")
    checks = [
        (dates.isna(), "datum", "dit is geen (bestaande) datum", "schrijf JJJJ-MM-DD, bijvoorbeeld 2022-01-01"),
        (~frame["gemeentecode_oud"].str.match(_CODE), "gemeentecode_oud", "dit is geen gemeentecode", "schrijf GMxxxx"),
        (
            ~frame["gemeentecode_nieuw"].str.match(_CODE),
            "gemeentecode_nieuw",
            "dit is geen gemeentecode",
            "schrijf GMxxxx",
        ),
        (
            ~frame["deel"].str.strip().eq(WHOLE) & frame["deel"].map(part_name).isna(),
            "deel",
            "dit is geen deel",
            f"schrijf '{WHOLE}' of 'dorp NAAM'",
        ),
    ]
    gather(*[lambda check=check: reject_rows(frame, check[0], path, *check[1:]) for check in checks])
    # CBS fixes each year's indeling on 1 January: a change during the year counts from the next year on
    first_year = dates.dt.year + ((dates.dt.month > 1) | (dates.dt.day > 1)).astype("int64")
    out = frame[[*COLUMNS, LINE]].assign(
        datum=dates, jaar=first_year.astype("int64"), dorp=frame["deel"].map(part_name)
    )
    return out.sort_values(["datum", LINE], ignore_index=True)
