"""CBS's old open data API (OData v3, ``https://opendata.cbs.nl``) through the ``cbsodata`` package.

``cbsodata`` reads a table's entity sets from ``{base}/ODataFeed/odata/T/``: ``TableInfos`` (title,
``Modified``), ``DataProperties`` (dimensions and topics), one code list per dimension (``Perioden`` with
each period's ``Status``) and the data, following ``odata.nextLink`` over the pages. The data are read from
``UntypedDataSet``, where CBS writes its markers (``.``, ``x``, ``-``) as text; ``TypedDataSet`` would turn them
all into an empty value. Each entity set is kept in a cache folder as it arrives, so that an interrupted
download goes on with the sets it had not yet.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from workbench.fetch.http import FetchError, TransientError, retrying, version_cache
from workbench.fetch.raw_table import RawTable
from workbench.files import write_atomic

DEFAULT_BASE = "https://opendata.cbs.nl"
API = "OData v3"
DIMENSION_TYPES = {"Dimension", "GeoDimension", "TimeDimension", "GeoDetail"}


def fetch_v3(
    table_id: str,
    base: str = DEFAULT_BASE,
    cache: Path | None = None,
    on_page: Callable[[int], None] = lambda n: None,
    backoff: float = 1.0,
) -> RawTable:
    """Fetch a table from the v3 API (same parameters as :func:`workbench.fetch.odata_v4.fetch_v4`)."""
    client = _cbsodata()
    parts = urlsplit(base)
    catalog = (parts.netloc + parts.path).rstrip("/")
    old_https = client.options.use_https
    client.options.use_https = parts.scheme == "https"
    try:
        info = _entity(client, table_id, "TableInfos", catalog, None, backoff)
        if not info:
            raise FetchError(f"{table_id}: CBS geeft geen tabelinformatie")
        modified = str(info[0].get("Modified", ""))
        kept = version_cache(cache, modified)
        properties = _entity(client, table_id, "DataProperties", catalog, kept, backoff)
        dimensions = [p["Key"] for p in properties if p.get("Type") in DIMENSION_TYPES]
        topics = {p["Key"]: p.get("Title", p["Key"]) for p in properties if p.get("Type") == "Topic"}
        periods = _entity(client, table_id, "Perioden", catalog, kept, backoff) if "Perioden" in dimensions else []
        rows = _entity(client, table_id, "UntypedDataSet", catalog, kept, backoff)
        on_page(len(rows))
    finally:
        client.options.use_https = old_https
    provisional = {p["Key"].strip() for p in periods if str(p.get("Status", "")).casefold().startswith("voorlopig")}
    cells = [{k: v for k, v in row.items() if k in dimensions or k in topics} for row in rows]
    return RawTable(table_id, str(info[0].get("Title", "")), modified, API, dimensions, provisional, topics, cells)


def _cbsodata():
    try:
        import cbsodata
    except ImportError as exc:  # a dependency of the workbench, but an installation may lack it
        raise FetchError("de oude CBS-API (v3) vraagt het pakket cbsodata: pip install cbsodata") from exc
    return cbsodata


def _entity(client, table_id: str, name: str, catalog: str, cache: Path | None, backoff: float) -> list[dict]:
    """One entity set of the table (from the cache when it holds it), with retries of passing failures."""
    kept = cache / f"{name}.json" if cache is not None else None
    if kept is not None and kept.is_file():
        return json.loads(kept.read_text(encoding="utf-8"))
    import requests

    def once() -> list[dict]:
        try:
            return client.get_meta(table_id, name, catalog_url=catalog, timeout=60)
        except requests.HTTPError as exc:
            status = exc.response.status_code if exc.response is not None else 0
            if status == 404 or "404" in str(exc):
                raise FetchError(f"{table_id}: deze tabel bestaat niet bij CBS (HTTP 404)") from exc
            raise TransientError(str(exc)) from exc
        except (requests.RequestException, ValueError) as exc:
            raise TransientError(str(exc)) from exc

    records = retrying(once, f"{table_id}/{name}", backoff=backoff)
    if kept is not None:
        write_atomic(kept, json.dumps(records))
    return records
