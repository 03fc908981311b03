"""The provenance register of a data folder: one entry per input file with figures (see :mod:`.provenance`)."""

from __future__ import annotations

from pathlib import Path

from workbench.io import budget, own_registrations, statline
from workbench.io.provenance import PART_BUDGET, PART_VT, Herkomst, own_entry, table_entry

VT_TABLES = tuple(s.table_id for s in statline.VT_SPECS)


def register(root: Path) -> tuple[Herkomst, ...]:
    """Every entry: the Veilig Thuis tables in use, the shared budget file, and the regions' own files."""
    entries = [table_entry(root, statline.vt_file(root, t), PART_VT, t) for t in VT_TABLES]
    entries.append(table_entry(root, budget.BUDGET_FILE, PART_BUDGET))
    for table_id in own_registrations.FILE_STEMS:  # the tables a region may replace with its own registrations
        own = own_registrations.own_files(root, table_id)
        entries += [own_entry(root, p, PART_VT, r, table_id) for r, p in own.items()]
    entries += [own_entry(root, p, PART_BUDGET, r) for r, p in budget.own_budget_files(root).items()]
    return tuple(entries)


def for_region(entries: tuple[Herkomst, ...], region: str) -> tuple[Herkomst, ...]:
    """The entries behind one region's report: the shared tables, its own files, and its budget's source."""
    own_budget = any(e.regio == region and e.onderdeel == PART_BUDGET for e in entries)
    return tuple(
        e for e in entries if e.regio == region or (not e.regio and not (own_budget and e.onderdeel == PART_BUDGET))
    )


def files(root: Path) -> list[Path]:
    """The data files and manifests the register rests on (for the input hash)."""
    from workbench.io.provenance import manifest_path

    paths = [root / e.bestand for e in register(root)]
    return [*paths, *(m for m in map(manifest_path, paths) if m.is_file())]
