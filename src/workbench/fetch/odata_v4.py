"""CBS's new open data API (OData v4, ``https://datasets.cbs.nl/odata/v1``) through a small client of our own.

A table ``T`` lives at ``{base}/CBS/T``: ``Properties`` (title, ``Modified``), ``Dimensions``, ``MeasureCodes``,
one code list per dimension (``RegioSCodes``, ``PeriodenCodes`` with each period's ``Status``, ...) and
``Observations``: one cell per record (``Measure``, ``Value``, ``ValueAttribute`` and a code per dimension),
paged with ``@odata.nextLink``. CBS leaves empty cells out; they come back as ``.``, as StatLine shows them.
Each page is kept in a cache folder as it arrives, so that an interrupted download goes on where it stopped.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path

from workbench.fetch.http import get_json, version_cache
from workbench.fetch.raw_table import RawTable
from workbench.files import write_atomic

DEFAULT_BASE = "https://datasets.cbs.nl/odata/v1"
API = "OData v4"
MARKERS = {"Confidential": ".", "Impossible": "x", "Nil": "-", "NotAvailable": ".", "Missing": "."}
"""What a ``ValueAttribute`` of a cell without a value means, as a StatLine marker (unknown ones: ``.``)."""
PROVISIONAL = {"voorlopig", "provisional", "nader voorlopig"}


def table_url(base: str, table_id: str) -> str:
    """The address of a table under an API base (the CBS catalogue)."""
    return f"{base.rstrip('/')}/CBS/{table_id}"


def fetch_v4(
    table_id: str,
    base: str = DEFAULT_BASE,
    cache: Path | None = None,
    on_page: Callable[[int], None] = lambda n: None,
    backoff: float = 1.0,
) -> RawTable:
    """Fetch a table from the v4 API.

    Parameters
    ----------
    table_id
        The CBS table, e.g. ``84851NED``.
    base
        The API base (CBS's, a mirror, or a test server).
    cache
        A folder for the pages fetched so far (resumed from, when it holds the same table version).
    on_page
        Called with the number of records of every page of observations (for a progress bar).
    backoff
        Seconds before the first retry of a passing failure.
    """
    url = table_url(base, table_id)
    properties = get_json(f"{url}/Properties", backoff=backoff)
    modified = str(properties.get("Modified", ""))
    dimensions = [d["Identifier"] for d in _all(f"{url}/Dimensions", backoff)]
    measures = {m["Identifier"]: m.get("Title", m["Identifier"]) for m in _all(f"{url}/MeasureCodes", backoff)}
    periods = _all(f"{url}/PeriodenCodes", backoff) if "Perioden" in dimensions else []
    provisional = {p["Identifier"].strip() for p in periods if str(p.get("Status", "")).casefold() in PROVISIONAL}
    others = {d: [c["Identifier"] for c in _all(f"{url}/{d}Codes", backoff)] for d in dimensions[2:]}
    records = _observations(f"{url}/Observations", version_cache(cache, modified), on_page, backoff)
    cells: dict[tuple, dict[str, str]] = {}
    for r in records:
        key = tuple(str(r[d]).strip() for d in dimensions)
        row = cells.setdefault(key, dict(zip(dimensions, key, strict=True)))
        row[r["Measure"]] = _cell(r)
    _complete(cells, dimensions, others)
    return RawTable(
        table_id=table_id,
        title=str(properties.get("Title", "")),
        modified=modified,
        api=API,
        dimensions=dimensions,
        provisional=provisional,
        topics=measures,
        cells=list(cells.values()),
    )


def _complete(cells: dict[tuple, dict[str, str]], dimensions: list[str], others: dict[str, list[str]]) -> None:
    """Add the rows CBS leaves out because all their cells are empty.

    For every area and period that has any cell, every combination of the other dimensions' codes (their cells
    then read ``.``, as in StatLine).
    """
    pairs = {key[:2] for key in cells}
    for pair in pairs:
        for rest in itertools.product(*(others[d] for d in dimensions[2:])):
            key = (*pair, *rest)
            cells.setdefault(key, dict(zip(dimensions, key, strict=True)))


def _cell(record: dict) -> str:
    value = record.get("Value")
    if value is not None:
        return str(int(value)) if float(value).is_integer() else str(value)
    return MARKERS.get(str(record.get("ValueAttribute", "")), ".")


def _all(url: str, backoff: float) -> list[dict]:
    """Every record of an entity set, following ``@odata.nextLink``."""
    out: list[dict] = []
    next_url: str | None = url
    while next_url:
        page = get_json(next_url, backoff=backoff)
        out += page.get("value", [])
        next_url = page.get("@odata.nextLink")
    return out


def _observations(url: str, cache: Path | None, on_page: Callable[[int], None], backoff: float) -> list[dict]:
    """All observations, page by page; pages already in the cache are not fetched again."""
    records: list[dict] = []
    next_url: str | None = url
    number = 0
    while next_url:
        kept = cache / f"page-{number:05d}.json" if cache is not None else None
        if kept is not None and kept.is_file():
            page = json.loads(kept.read_text(encoding="utf-8"))
        else:
            fetched = get_json(next_url, backoff=backoff)
            page = {"value": fetched.get("value", []), "next": fetched.get("@odata.nextLink")}
            if kept is not None:
                write_atomic(kept, json.dumps(page))
        records += page["value"]
        on_page(len(page["value"]))
        next_url = page["next"]
        number += 1
    return records
