"""Fetch CBS's Veilig Thuis tables into a data folder: atomically, resumable, with a manifest per table.

Each table goes to ``veilig_thuis/T.csv`` in the StatLine CSV shape the readers take, with
``veilig_thuis/T.manifest.json`` beside it (see :mod:`workbench.io.provenance`). Nothing is replaced before a
table has come in whole: an interrupted run leaves the previous files as they were, and the pages it did
fetch wait in the private build folder for the next run. A table whose CBS modification date equals the one
in its manifest is not fetched again unless asked (``--opnieuw``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from workbench.fetch import odata_v3, odata_v4
from workbench.fetch.choices import API_NAMES, DEFAULT_API, FROM_YEAR, TABLES
from workbench.fetch.raw_table import RawTable, to_statline
from workbench.files import write_atomic
from workbench.io.provenance import KIND_CBS, LICENCE_CBS, PART_VT, Herkomst, read_manifest, write_manifest
from workbench.io.statline import VT_DIR, fetched_file
from workbench.paths import build_dir, data_dir

APIS: dict[str, tuple[Callable[..., RawTable], str]] = {
    "v4": (odata_v4.fetch_v4, odata_v4.DEFAULT_BASE),
    "v3": (odata_v3.fetch_v3, odata_v3.DEFAULT_BASE),
}
assert tuple(APIS) == API_NAMES, "the CLI's API names and the clients differ"


@dataclass(frozen=True)
class Fetched:
    """What happened to one table: ``opgehaald`` (with rows and periods) or ``actueel`` (nothing to do)."""

    table_id: str
    status: str
    path: Path
    rows: int = 0


def fetch_tables(
    tables: Sequence[str] = TABLES,
    from_year: int = FROM_YEAR,
    data: str | Path | None = None,
    base: str | None = None,
    api: str = DEFAULT_API,
    again: bool = False,
    backoff: float = 1.0,
    echo: Callable[[str], None] = print,
) -> list[Fetched]:
    """Fetch ``tables`` from CBS (or from ``base``) into the data folder ``data``.

    Returns
    -------
    list of Fetched
        One per table, in order. A failure raises :class:`workbench.fetch.http.FetchError` after the tables
        before it were written; nothing of the failed table is.
    """
    fetch, default_base = APIS[api]
    root, base = data_dir(data), (base or default_base).rstrip("/")
    out = []
    for table_id in tables:
        target = root / fetched_file(table_id)
        cache = _cache_dir(api, base, table_id)
        with tqdm(desc=f"{table_id} ({api})", unit=" cellen", file=sys.stderr, leave=False) as bar:
            raw = fetch(table_id, base, cache, bar.update, backoff)
        current = read_manifest(target, root) if target.is_file() else None
        if current is not None and current.gewijzigd == raw.modified and not again:
            out.append(Fetched(table_id, "actueel", target))
            echo(f"{table_id}: al actueel (CBS-versie van {raw.modified[:10]})")
            shutil.rmtree(cache, ignore_errors=True)
            continue
        frame = to_statline(raw, from_year)
        write_atomic(target, frame.to_csv(None, sep=";", index=False, quoting=1, lineterminator="\n"))
        periods = sorted(frame["Perioden"].str.rstrip("*").unique()) if len(frame) else []
        write_manifest(target, _entry(raw, root, target, periods, len(frame), base))
        shutil.rmtree(cache, ignore_errors=True)
        out.append(Fetched(table_id, "opgehaald", target, len(frame)))
        echo(f"{table_id}: {len(frame):,} rijen opgehaald via {raw.api} → {target.relative_to(root)}".replace(",", "."))
    return out


def _entry(raw: RawTable, root: Path, target: Path, periods: list[str], rows: int, base: str) -> Herkomst:
    """The manifest of a fetched table."""
    now = dt.datetime.now(dt.UTC)
    return Herkomst(
        bestand=target.relative_to(root).as_posix(),
        onderdeel=PART_VT,
        soort=KIND_CBS,
        bron=f"CBS open data ({base})",
        licentie=LICENCE_CBS,
        datum=now.date().isoformat(),
        tabel=raw.table_id,
        titel=raw.title,
        api=raw.api,
        gewijzigd=raw.modified,
        perioden=f"{periods[0]}–{periods[-1]}" if periods else "",
        rijen=rows,
        opgehaald=now.isoformat(timespec="seconds"),
    )


def _cache_dir(api: str, base: str, table_id: str) -> Path:
    """Where the pages of an unfinished download wait (per API, source and table)."""
    source = hashlib.sha256(base.encode()).hexdigest()[:12]
    return build_dir() / "fetch" / api / source / table_id


__all__ = ["APIS", "DEFAULT_API", "FROM_YEAR", "TABLES", "VT_DIR", "Fetched", "fetch_tables"]
