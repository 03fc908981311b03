"""The provenance register: for every input with figures, where they come from, under which licence, how fresh.

An entry (:class:`Herkomst`) comes from the manifest next to a file (``84851NED.manifest.json`` next to
``84851NED.csv``), which ``workbench fetch`` writes and the demonstration generator writes for its files; a
region's own files are entries of their own (``eigen registratie``, ``eigen begroting``) dated by the file.
The entries, not file names, decide what a report calls demonstration figures, which source lines it prints
and what its Verantwoording lists.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from workbench.errors import InputError
from workbench.files import write_atomic

MANIFEST_SUFFIX = ".manifest.json"
LICENCE_CBS = "CC BY 4.0"
KIND_CBS, KIND_DEMO, KIND_OWN, KIND_UNKNOWN = "CBS", "demonstratie", "eigen", "onbekend"
PART_VT, PART_BUDGET = "veilig_thuis", "begroting"


@dataclass(frozen=True)
class Herkomst:
    """One entry of the register.

    Attributes
    ----------
    bestand
        The file, relative to the data folder.
    onderdeel
        :data:`PART_VT` or :data:`PART_BUDGET`.
    soort
        :data:`KIND_CBS`, :data:`KIND_DEMO`, :data:`KIND_OWN` (a region's own file) or :data:`KIND_UNKNOWN`
        (a file without a manifest).
    bron, licentie, datum
        Source in words, licence, date of the figures (download, generation or last change), ISO.
    tabel, titel, api, gewijzigd, perioden, rijen
        For CBS tables: table id and title, the API version, CBS's modification date, periods and rows fetched.
    regio
        For a region's own file: the region (centrumgemeente code).
    opgehaald
        For a fetched table: the moment of download (ISO, UTC).
    """

    bestand: str
    onderdeel: str
    soort: str
    bron: str
    licentie: str
    datum: str
    tabel: str = ""
    titel: str = ""
    api: str = ""
    gewijzigd: str = ""
    perioden: str = ""
    rijen: int = 0
    regio: str = ""
    opgehaald: str = ""

    @property
    def demonstratie(self) -> bool:
        """Whether the figures are demonstration figures."""
        return self.soort == KIND_DEMO


def manifest_path(path: Path) -> Path:
    """The manifest beside a data file."""
    return path.with_name(path.name.rsplit(".", 1)[0] + MANIFEST_SUFFIX)


def write_manifest(path: Path, entry: Herkomst) -> Path:
    """Write the manifest of a data file (atomically)."""
    return write_atomic(manifest_path(path), json.dumps(asdict(entry), ensure_ascii=False, indent=1) + "\n")


def read_manifest(path: Path, root: Path) -> Herkomst | None:
    """The entry in the manifest beside a data file; ``None`` when there is none."""
    manifest = manifest_path(path)
    if not manifest.is_file():
        return None
    try:
        fields = json.loads(manifest.read_text(encoding="utf-8"))
        entry = Herkomst(**{k: v for k, v in fields.items() if k in Herkomst.__dataclass_fields__})
    except (OSError, ValueError, TypeError) as exc:
        raise InputError(
            manifest, f"dit is geen leesbaar manifest ({exc})", hint="haal de tabel opnieuw op met ./wb fetch"
        ) from exc
    return entry if entry.bestand == path.relative_to(root).as_posix() else _moved(entry, path, root)


def _moved(entry: Herkomst, path: Path, root: Path) -> Herkomst:
    """A manifest copied along with its file to another data folder still describes that file."""
    fields = asdict(entry) | {"bestand": path.relative_to(root).as_posix()}
    return Herkomst(**fields)


def file_date(path: Path) -> str:
    """The date a file was last changed, ISO."""
    return dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC).date().isoformat()


def table_entry(root: Path, relative: Path, part: str, table_id: str = "") -> Herkomst:
    """The entry of a shared input file: from its manifest, or, without one, of unknown origin."""
    path = root / relative
    found = read_manifest(path, root)
    if found is not None:
        return found
    return Herkomst(
        bestand=relative.as_posix(),
        onderdeel=part,
        soort=KIND_UNKNOWN,
        bron="herkomst onbekend: geen manifest bij het bestand",
        licentie="onbekend",
        datum=file_date(path) if path.is_file() else "",
        tabel=table_id,
    )


def own_entry(root: Path, path: Path, part: str, region: str, table_id: str = "") -> Herkomst:
    """The entry of a region's own file (``table_id``: the Veilig Thuis table it holds figures of)."""
    return Herkomst(
        bestand=path.relative_to(root).as_posix(),
        onderdeel=part,
        soort=KIND_OWN,
        bron="eigen registratie van de regio" if part == PART_VT else "eigen begroting van de regio",
        licentie="van de regio",
        datum=file_date(path),
        tabel=table_id,
        regio=region,
    )
