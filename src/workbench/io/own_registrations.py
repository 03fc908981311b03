"""A region's own Veilig Thuis registrations: unrounded counts per gemeente and half-year, published safely.

A region may put its own registrations next to its other files, one file per table (CSV or .xlsx)::

    data/regios/GM0014/veilig_thuis_aard.csv      (aard van het geweld, as CBS table 84851NED)
    data/regios/GM0014/veilig_thuis_melder.csv    (melder, as CBS table 84849NED)

with the columns ``gemeentecode;periode;categorie;gestarte_adviezen;ontvangen_meldingen``: one row per
gemeente of the region, half-year (``2024HJ01`` or ``2024 1e halfjaar``) and category without parts (for aard
``AG01``–``AG05`` or their names, for melder ``M110``–``M190``, ``M200``, ``M900``); the counts unrounded, an
empty cell when unknown. Totals and whole years are computed here, then CBS's small-count rule is applied to
every cell on its own (see :mod:`workbench.disclosure.own_counts`), so nothing smaller than 8 and nothing
unrounded ever reaches a report. The rows replace the CBS (or demonstration) rows of those gemeenten and
periods; a year of which the file holds one half loses its CBS year total for those gemeenten, so that no
figure mixes the two sources.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workbench.disclosure.own_counts import disclose_own
from workbench.errors import InputError, gather
from workbench.files import write_atomic
from workbench.io.cells import STATE_UNKNOWN, STATE_VALUE, parse_counts
from workbench.io.csv_input import LINE, reject_rows
from workbench.io.statline import TIDY_COLUMNS, VT_AARD, VT_MELDER, TableSpec, parse_periods
from workbench.io.table_input import read_template_table
from workbench.paths import data_dir
from workbench.stats.indeling import Indeling

REGIONS_DIR = Path("regios")
FILE_STEMS = {VT_AARD.table_id: "veilig_thuis_aard", VT_MELDER.table_id: "veilig_thuis_melder"}
SUFFIXES = (".csv", ".xlsx")
COLUMNS = ["gemeentecode", "periode", "categorie", "gestarte_adviezen", "ontvangen_meldingen"]
MEASURES = {"gestarte_adviezen": "gestarte_adviezen", "ontvangen_meldingen": "ontvangen_meldingen"}
SHEET = "registraties"
HERKOMST_TABLE, HERKOMST_OWN = "tabel", "eigen"
"""The ``herkomst`` of a row: the CBS (or demonstration) table, or a region's own registrations."""


def own_files(root: Path, table_id: str) -> dict[str, Path]:
    """Per region code, its own registrations file for a table (the regions that have one)."""
    stem = FILE_STEMS[table_id]
    out: dict[str, Path] = {}
    folder = root / REGIONS_DIR
    if not folder.is_dir():
        return out
    for region in sorted(p for p in folder.iterdir() if p.is_dir()):
        found = [region / f"{stem}{suffix}" for suffix in SUFFIXES if (region / f"{stem}{suffix}").is_file()]
        if len(found) > 1:
            raise InputError(
                found[1], f"de regio heeft zowel {found[0].name} als {found[1].name}", hint="houd er één van over"
            )
        if found:
            out[region.name] = found[0]
    return out


def all_own_files(data: str | Path | None = None) -> list[Path]:
    """Every own registrations file of the data folder (for the input hash)."""
    root = data_dir(data)
    return [p for table_id in FILE_STEMS for p in own_files(root, table_id).values()]


TEMPLATE_SUFFIX = ".sjabloon.csv"


def write_template(region: str, gemeenten: dict[str, str], year: int, spec: TableSpec, root: Path) -> Path:
    """Write a template to fill in: every gemeente, both halves of ``year``, every category without parts.

    It is written as ``veilig_thuis_aard.sjabloon.csv`` (which the workbench does not read): fill it in and save
    it as ``veilig_thuis_aard.csv``. The ``gemeentenaam`` and ``categorienaam`` columns are for the reader only.
    """
    rows = [
        {
            "gemeentecode": code,
            "gemeentenaam": name,
            "periode": f"{year}HJ0{half}",
            "categorie": cat,
            "categorienaam": spec.labels[cat],
            "gestarte_adviezen": "",
            "ontvangen_meldingen": "",
        }
        for code, name in gemeenten.items()
        for half in (1, 2)
        for cat in spec.leaves()
    ]
    path = root / REGIONS_DIR / region / f"{FILE_STEMS[spec.table_id]}{TEMPLATE_SUFFIX}"
    text = pd.DataFrame(rows).to_csv(None, sep=";", index=False, lineterminator="\n")
    return write_atomic(path, text)


def read_own_file(path: Path, spec: TableSpec, members: set[str]) -> pd.DataFrame:
    """Read one own registrations file and publish it safely.

    Parameters
    ----------
    path
        The file.
    spec
        The table it belongs to.
    members
        The gemeente codes (of any year) whose area lies in the region: no other gemeente may be in the file.

    Returns
    -------
    pandas.DataFrame
        The tidy columns of :mod:`workbench.io.statline`: leaves, parents and whole years, each cell rounded or
        secret by CBS's rule, ``voorlopig`` False.
    """
    frame = read_template_table(
        path, required=COLUMNS, key=["gemeentecode", "periode", "categorie"], code_columns={"gemeentecode"}, sheet=SHEET
    )
    outside = ~frame["gemeentecode"].isin(members)
    message = "dit is geen gemeente van deze regio"
    hint = f"een eigen registratie gaat alleen over de eigen gemeenten: {', '.join(sorted(members))}"
    _, periods, categories, *counted = gather(
        lambda: reject_rows(frame, outside, path, "gemeentecode", message, hint),
        lambda: _half_years(frame, path),
        lambda: _leaf_codes(frame, spec, path),
        *[lambda column=column: _own_counts(frame, column, path) for column in MEASURES],
    )
    parts = []
    for measure, (counts, states) in zip(MEASURES.values(), counted, strict=True):
        unknown = ~states.isin([STATE_VALUE]) & counts.isna()
        parts.append(
            pd.DataFrame(
                {
                    "regio_code": frame["gemeentecode"],
                    "periode": periods["periode"],
                    "categorie_code": categories,
                    "maat": measure,
                    "n": counts.mask(unknown),
                    LINE: frame[LINE].astype("int64"),
                }
            )
        )
    leaves = pd.concat(parts, ignore_index=True)
    published = disclose_own(leaves, spec)
    return _tidy(published)


def _half_years(frame: pd.DataFrame, path: Path) -> pd.DataFrame:
    """The periods of the rows, half-years only."""
    periods = parse_periods(frame["periode"], frame[LINE], path)
    hint = "geef alleen halfjaren (2024HJ01, 2024HJ02); de workbench telt ze zelf op tot jaren"
    reject_rows(frame, periods["halfjaar"].eq(0), path, "periode", "dit is een heel jaar", hint)
    return periods


def _own_counts(frame: pd.DataFrame, column: str, path: Path) -> tuple[pd.Series, pd.Series]:
    """A column of unrounded counts, none negative."""
    counts, states = parse_counts(frame, column, path)
    reject_rows(frame, counts.lt(0), path, column, "een aantal is niet negatief", "schrijf 0 of meer")
    return counts, states


def _leaf_codes(frame: pd.DataFrame, spec: TableSpec, path: Path) -> pd.Series:
    """The category codes of the rows (a code or a label may be given); only categories without parts."""
    leaves = spec.leaves()
    by_label = {c.label.casefold(): c.code for c in spec.categories}
    given = frame["categorie"].str.strip()
    codes = given.map(lambda v: v.upper() if v.upper() in spec.labels else by_label.get(v.casefold(), ""))
    bad = ~codes.isin(leaves)
    if bad.any():
        allowed = ", ".join(f"{c} ({spec.labels[c]})" for c in leaves)
        raise InputError(
            path,
            f"dit is geen categorie zonder onderdelen van tabel {spec.table_id} (totalen rekent de workbench zelf)",
            column="categorie",
            hint=f"gebruik een van: {allowed}",
            rows=frame.loc[bad, LINE].tolist(),
            values=given[bad].tolist(),
        )
    return codes


def _tidy(published: pd.DataFrame) -> pd.DataFrame:
    """Published cells (``aantal``, ``status``) in the tidy columns of :mod:`workbench.io.statline`."""
    periods = published["periode"]
    out = published.assign(
        jaar=periods.str[:4].astype("int64"),
        halfjaar=periods.map(lambda p: 0 if p.endswith("JJ00") else int(p[-1])).astype("int64"),
        voorlopig=False,
    )
    return out[TIDY_COLUMNS].reset_index(drop=True)


def apply_own(tidy: pd.DataFrame, own: pd.DataFrame, indeling: Indeling) -> pd.DataFrame:
    """Replace the rows of the area and years an own file covers by the file's rows.

    For every year the own file has a half-year of, every gemeente row of ``tidy`` in that year whose area
    overlaps a gemeente of the file (in the indeling each is read in) is dropped, both halves and the year,
    before the own rows are added. The own rows carry ``herkomst`` ``eigen`` (the table's rows ``tabel``), so
    that each part is read in its own indeling (see :func:`workbench.stats.vt_cells.in_year`).
    """
    base = tidy.assign(herkomst=tidy["herkomst"] if "herkomst" in tidy.columns else HERKOMST_TABLE)
    drop = pd.Series(False, index=base.index)
    for year, rows in own.groupby("jaar"):
        covered = _blocks(set(rows["regio_code"]), indeling, int(year))
        same_year = base["jaar"].eq(year) & base["regio_code"].str.startswith("GM")
        theirs = base.loc[same_year, "regio_code"]
        their_blocks = _blocks(set(theirs), indeling, int(year))
        overlapping = {code for code, blocks in their_blocks.items() if blocks & set().union(*covered.values())}
        drop |= same_year & base["regio_code"].isin(overlapping)
    return pd.concat([base[~drop], own.assign(herkomst=HERKOMST_OWN)], ignore_index=True)


def with_own(tidy: pd.DataFrame, spec: TableSpec, root: Path, regions_of: dict[str, list[str]], indeling: Indeling):
    """A Veilig Thuis table with every region's own registrations for it applied (see :func:`apply_own`).

    ``regions_of`` gives, for a gemeente code of any year, the regions its area lies in (see
    :func:`workbench.stats.year_view.regions_of_codes`): a region's file may hold only its own gemeenten.
    """
    out = tidy
    for region, path in own_files(root, spec.table_id).items():
        members = {code for code, regions in regions_of.items() if region in regions}
        out = apply_own(out, read_own_file(path, spec, members), indeling)
    return out


def _blocks(codes: set[str], indeling: Indeling, year: int) -> dict[str, set[str]]:
    """The blocks of each gemeente code, read in the indeling the codes fit for ``year``."""
    fitting = indeling.fitting_year(codes, year)
    lineage = indeling.lineage(year if fitting is None else fitting)
    blocks = lineage[lineage["gemeentecode"].isin(codes)].groupby("gemeentecode")["blok"].apply(set)
    return {code: blocks.get(code, set()) for code in codes}


__all__ = [
    "COLUMNS",
    "FILE_STEMS",
    "HERKOMST_OWN",
    "HERKOMST_TABLE",
    "STATE_UNKNOWN",
    "all_own_files",
    "apply_own",
    "own_files",
    "read_own_file",
    "with_own",
]
