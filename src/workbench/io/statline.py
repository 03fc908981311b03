"""Read CBS StatLine tables, as the CSV download and as ``cbsodata`` returns them, into one tidy long frame.

Tidy columns: ``regio_code, periode, jaar, halfjaar, voorlopig, categorie_code, maat, aantal, status, regel``.
``periode`` is the CBS code without its provisional mark (``2023HJ01``, ``2023JJ00``); ``halfjaar`` is 1, 2 or
0 for a whole year; ``aantal`` is a nullable integer that is missing where ``status`` is ``geheim``/``onbekend``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from workbench.errors import InputError, gather
from workbench.io.cells import STATE_NIL, STATE_SECRET, STATE_UNKNOWN, STATE_VALUE, parse_counts
from workbench.io.csv_input import LINE, read_checked_csv
from workbench.paths import data_dir

TIDY_COLUMNS = [
    "regio_code",
    "periode",
    "jaar",
    "halfjaar",
    "voorlopig",
    "categorie_code",
    "maat",
    "aantal",
    "status",
    LINE,
]


@dataclass(frozen=True)
class Category:
    """One category of a table's dimension, with the category it is a part of."""

    code: str
    label: str
    parent: str | None = None


@dataclass(frozen=True)
class TableSpec:
    """What the workbench needs to know of one CBS table."""

    table_id: str
    title: str
    dimension: str
    categories: tuple[Category, ...]
    topics: Mapping[str, str] = field(default_factory=dict)

    @property
    def labels(self) -> dict[str, str]:
        """Category code -> label."""
        return {c.code: c.label for c in self.categories}

    @property
    def parents(self) -> dict[str, str]:
        """Category code -> code of the category it is a part of (totals are left out)."""
        return {c.code: c.parent for c in self.categories if c.parent is not None}

    def leaves(self) -> list[str]:
        """Codes of the categories that have no parts."""
        parents = set(self.parents.values())
        return [c.code for c in self.categories if c.code not in parents]


VT_TOPICS = {"GestarteAdviezen_1": "gestarte_adviezen", "OntvangenMeldingen_2": "ontvangen_meldingen"}

VT_AARD = TableSpec(
    table_id="84851NED",
    title="Veilig Thuis; adviezen en meldingen, aard van het geweld, regio",
    dimension="AardVanHetGeweld",
    categories=(
        Category("T001", "Totaal aard van het geweld"),
        Category("AG01", "Kindermishandeling", "T001"),
        Category("AG02", "(Ex-)Partnergeweld", "T001"),
        Category("AG03", "Ouderenmishandeling (ouder dan 65 jaar)", "T001"),
        Category("AG04", "Geweld tegen ouders", "T001"),
        Category("AG05", "Huiselijk geweld overig", "T001"),
    ),
    topics=VT_TOPICS,
)

VT_MELDER = TableSpec(
    table_id="84849NED",
    title="Veilig Thuis; adviezen en meldingen, melder, regio",
    dimension="Melder",
    categories=(
        Category("T001", "Totaal melders"),
        Category("M100", "Beroepsmatig totaal", "T001"),
        Category("M110", "Justitie en veiligheid", "M100"),
        Category("M120", "Onderwijs", "M100"),
        Category("M130", "Gezondheidszorg", "M100"),
        Category("M140", "Jeugdzorg", "M100"),
        Category("M150", "Kinderopvang", "M100"),
        Category("M190", "Overige beroepsmatige melders", "M100"),
        Category("M200", "Niet beroepsmatig totaal", "T001"),
        Category("M900", "Melder onbekend", "T001"),
    ),
    topics=VT_TOPICS,
)

VT_BEOORDELING = TableSpec(
    table_id="84852NED",
    title="Huiselijk geweld; veiligheidsbeoordeling en -taxatie Veilig Thuis, regio",
    dimension="Veiligheidsbeoordeling",
    categories=(
        Category("T001", "Totaal"),
        Category("VB01", "Vervolgstappen beleggen bij Veilig Thuis", "T001"),
        Category("VB02", "Overdracht", "T001"),
        Category("VB03", "Geen vervolgstappen nodig", "T001"),
        Category("VB04", "Inzet regionaal maatwerk Veilig Thuis", "T001"),
        Category("VB05", "Nog niet beoordeeld", "T001"),
    ),
    topics={"OntvangenMeldingen_1": "ontvangen_meldingen"},
)
"""The outcome of Veilig Thuis's safety assessment of the meldingen received (the categories as CBS names them;
the codes VB01–VB05 are the workbench's until the real table is fetched; its taxatie dimension is read at its
total)."""

VT_VERVOLG = TableSpec(
    table_id="84854NED",
    title="Huiselijk geweld; vervolg na melding Veilig Thuis, regio",
    dimension="VervolgNaMelding",
    categories=(
        Category("T001", "Totaal"),
        Category("VV10", "Overdracht aan het lokale veld", "T001"),
        Category("VV11", "Overdracht aan wijkteam of sociaal team", "VV10"),
        Category("VV12", "Overdracht aan andere lokale hulpverlening", "VV10"),
        Category(
            "VV20",
            "Overdracht aan een andere partij (jeugdbescherming, Raad voor de Kinderbescherming, politie)",
            "T001",
        ),
        Category("VV30", "Afgesloten zonder overdracht", "T001"),
    ),
    topics={"AfgeslotenMeldingen_1": "afgesloten_meldingen"},
)
"""What followed the meldingen Veilig Thuis closed: hand-over to the local field (wijkteam or other local help),
to another party, or none. The shape the workbench reads (its codes VV10–VV30 and the topic's key are its own
until the real table is fetched: the topic is found by its title, the categories must then be mapped)."""

VT_SPECS = (VT_AARD, VT_MELDER, VT_BEOORDELING, VT_VERVOLG)
"""Every Veilig Thuis table the workbench reads."""

TOPIC_TITLES = {
    "gestarte_adviezen": "Gestarte adviezen",
    "ontvangen_meldingen": "Ontvangen meldingen",
    "afgesloten_meldingen": "Afgesloten meldingen",
}
"""Each measure's topic title as CBS writes it (the fetch finds a topic's column by its title)."""

MELDINGEN_TABLES = (VT_AARD.table_id, VT_MELDER.table_id)
"""The tables of meldingen and adviezen (by aard and by melder)."""

NATIONAL_REGION = "NL01"
"""CBS's code for Nederland in the RegioS dimension of these tables."""

VT_DIR = Path("veilig_thuis")
VT_FILES: dict[str, Path] = {
    VT_AARD.table_id: VT_DIR / "84851NED_demo.csv",
    VT_MELDER.table_id: VT_DIR / "84849NED_demo.csv",
    VT_BEOORDELING.table_id: VT_DIR / "84852NED_demo.csv",
    VT_VERVOLG.table_id: VT_DIR / "84854NED_demo.csv",
}
"""The shipped demonstration file of each Veilig Thuis table."""


def fetched_file(table_id: str) -> Path:
    """Where ``workbench fetch`` (or a person) puts a CBS table: ``veilig_thuis/84851NED.csv``."""
    return VT_DIR / f"{table_id}.csv"


def vt_file(root: Path, table_id: str) -> Path:
    """The file of a Veilig Thuis table the data folder uses (relative): the CBS file, else the demonstration."""
    real = fetched_file(table_id)
    return real if (root / real).is_file() else VT_FILES[table_id]


_PERIOD_CODE = re.compile(r"^(\d{4})(JJ00|HJ0[12])(\*?)$")
_PERIOD_LABEL = re.compile(r"^(\d{4})(?:\s+([12])e\s+halfjaar)?\s*(\*?)$")


def parse_periods(periods: pd.Series, lines: pd.Series, path: Path) -> pd.DataFrame:
    """Split CBS period codes or labels into code, year, half-year and provisional mark.

    Parameters
    ----------
    periods
        Codes such as ``2023HJ01``, ``2023JJ00*`` or labels such as ``2023 1e halfjaar``, ``2023*``.
    lines
        File line numbers, for the error message.
    path
        The file, for the error message.

    Returns
    -------
    pandas.DataFrame
        Columns ``periode``, ``jaar``, ``halfjaar`` and ``voorlopig``.
    """
    text = periods.astype(str).str.strip()
    parsed = {raw: _parse_period(raw) for raw in text.unique()}  # a table has a handful of periods
    unknown = text.isin([raw for raw, period in parsed.items() if period is None]).to_numpy()
    if unknown.any():
        bad = unknown.nonzero()[0].tolist()
        raise InputError(
            path,
            "dit is geen periode van CBS",
            column="Perioden",
            hint="schrijf bijvoorbeeld 2023HJ01, 2023JJ00 of '2023 1e halfjaar'",
            rows=[int(lines.iloc[i]) for i in bad],
            values=[periods.iloc[i] for i in bad],
        )
    known = pd.DataFrame.from_dict(parsed, orient="index", columns=["periode", "jaar", "halfjaar", "voorlopig"])
    out = known.loc[text.to_numpy()].set_axis(periods.index)
    return out.astype({"jaar": "int64", "halfjaar": "int64", "voorlopig": "bool"})


def _parse_period(raw: str) -> tuple[str, int, int, bool] | None:
    """One period code or label as (code, year, half-year, provisional); ``None`` when it is neither."""
    m = _PERIOD_CODE.match(raw)
    if m:
        half = 0 if m.group(2) == "JJ00" else int(m.group(2)[-1])
        return f"{m.group(1)}{m.group(2)}", int(m.group(1)), half, m.group(3) == "*"
    m = _PERIOD_LABEL.match(raw)
    if m:
        half = int(m.group(2)) if m.group(2) else 0
        code = f"{m.group(1)}HJ0{half}" if half else f"{m.group(1)}JJ00"
        return code, int(m.group(1)), half, m.group(3) == "*"
    return None


def secret_small_counts(counts: pd.Series, states: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Treat a published 0 and CBS's nil marker ``-`` as what they are: counts in 0–7, so secret.

    CBS's rule keeps every count from 0 to 7 secret; a table that shows 0 or ``-`` for a cell still tells that the
    count is small, and a report must never publish it as 0. The cell becomes ``geheim`` (no value), like ``.``.
    Counts 1–7 are not touched here: validation refuses them (they are a sign of an unrounded file).
    """
    small = states.eq(STATE_NIL) | (states.eq(STATE_VALUE) & counts.eq(0).fillna(False))
    if not small.any():
        return counts, states
    return counts.mask(small, pd.NA), states.mask(small, STATE_SECRET)


def _known_categories(frame: pd.DataFrame, categories: pd.Series, spec: TableSpec, path: Path) -> None:
    """Refuse categories the table does not have, naming every line."""
    unknown = ~categories.isin(spec.labels)
    if unknown.any():
        raise InputError(
            path,
            f"onbekende categorie van {spec.dimension}",
            column=spec.dimension,
            hint=f"gebruik een van: {', '.join(spec.labels)}",
            rows=frame.loc[unknown, LINE].tolist(),
            values=categories[unknown].tolist(),
        )


def _tidy(frame: pd.DataFrame, spec: TableSpec, path: Path) -> pd.DataFrame:
    """Turn a wide frame of strings (codes, period, one column per topic) into the tidy long form."""
    categories = frame[spec.dimension].str.strip()
    periods, _, *counted = gather(
        lambda: parse_periods(frame["Perioden"], frame[LINE], path),
        lambda: _known_categories(frame, categories, spec, path),
        *[lambda topic=topic: secret_small_counts(*parse_counts(frame, topic, path)) for topic in spec.topics],
    )
    parts = []
    for measure, (counts, states) in zip(spec.topics.values(), counted, strict=True):
        parts.append(
            pd.DataFrame(
                {
                    "regio_code": frame["RegioS"].str.strip(),
                    **{c: periods[c] for c in periods.columns},
                    "categorie_code": categories,
                    "maat": measure,
                    "aantal": counts,
                    "status": states,
                    LINE: frame[LINE].astype("int64"),
                }
            )
        )
    tidy = pd.concat(parts, ignore_index=True)
    return tidy[TIDY_COLUMNS]


def read_statline_file(path: str | Path, spec: TableSpec) -> pd.DataFrame:
    """Read a table as downloaded from StatLine (``;``-separated, quoted, ``.`` for secret, ``*`` provisional).

    Parameters
    ----------
    path
        The CSV file (UTF-8 with or without BOM, UTF-16, or Windows-1252).
    spec
        Which table it is.

    Returns
    -------
    pandas.DataFrame
        The tidy long frame described in this module's docstring.
    """
    path = Path(path)
    required = ["RegioS", "Perioden", spec.dimension, *spec.topics]
    frame = read_checked_csv(
        path,
        required=required,
        key=["RegioS", "Perioden", spec.dimension],
        code_columns={"RegioS", spec.dimension},
        preferred_sep=";",
    )
    return _tidy(frame, spec, path)


def read_cbsodata_records(
    records: Iterable[Mapping[str, object]],
    spec: TableSpec,
    codelists: Mapping[str, Iterable[Mapping[str, str]]] | None = None,
    source: str = "cbsodata",
) -> pd.DataFrame:
    """Read a table as ``cbsodata.get_data`` returns it: a list of dicts, dimension titles, ``None`` for secret.

    Parameters
    ----------
    records
        The rows; dimension columns hold keys or, as ``cbsodata`` gives them, titles.
    spec
        Which table it is.
    codelists
        Per dimension the ``Key``/``Title`` list (``cbsodata.get_meta(table, dimension)``) to turn titles back
        into keys; a value that is already a key is kept.
    source
        Name used for the table in error messages.

    Returns
    -------
    pandas.DataFrame
        The tidy long frame described in this module's docstring; ``regel`` is the record's position + 1.
    """
    frame = pd.DataFrame(list(records))
    path = Path(source)
    if frame.empty:
        raise InputError(path, "de tabel heeft geen rijen")
    missing = [c for c in ["RegioS", "Perioden", spec.dimension, *spec.topics] if c not in frame.columns]
    if missing:
        raise InputError(path, f"de rijen missen het veld (de velden) {', '.join(missing)}", column=missing[0])
    for dimension, items in (codelists or {}).items():
        frame[dimension] = frame[dimension].map(_title_to_key(dimension, items))
    for topic in spec.topics:
        frame[topic] = frame[topic].map(_record_cell)
    for col in ["RegioS", "Perioden", spec.dimension]:
        frame[col] = frame[col].astype(str)
    frame[LINE] = range(2, len(frame) + 2)
    return _tidy(frame, spec, path)


def _title_to_key(dimension: str, items: Iterable[Mapping[str, str]]) -> Callable[[object], str]:
    """Map a dimension title back to its key; a provisional period keeps its ``*``."""
    mapping = {}
    for item in items:
        key = str(item["Key"]).strip()
        title = str(item["Title"]).strip()
        provisional = title.endswith("*") or str(item.get("Status", "")).lower().startswith("voorlopig")
        mapping[title] = key + "*" if dimension == "Perioden" and provisional else key
    return lambda value: mapping.get(str(value).strip(), str(value).strip())


def _record_cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "."
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


__all__ = [
    "MELDINGEN_TABLES",
    "NATIONAL_REGION",
    "STATE_NIL",
    "STATE_SECRET",
    "STATE_UNKNOWN",
    "STATE_VALUE",
    "TIDY_COLUMNS",
    "TOPIC_TITLES",
    "VT_AARD",
    "VT_BEOORDELING",
    "VT_DIR",
    "VT_FILES",
    "VT_MELDER",
    "VT_SPECS",
    "VT_VERVOLG",
    "Category",
    "TableSpec",
    "fetched_file",
    "parse_periods",
    "read_cbsodata_records",
    "read_statline_file",
    "vt_file",
]


def read_vt_aard(data: str | Path | None = None) -> pd.DataFrame:
    """The Veilig Thuis table by aard (84851NED) of a data folder, tidy (see :func:`read_statline_file`)."""
    return read_vt_table(VT_AARD, data)


def read_vt_melder(data: str | Path | None = None) -> pd.DataFrame:
    """The Veilig Thuis table by melder (84849NED) of a data folder, tidy (see :func:`read_statline_file`)."""
    return read_vt_table(VT_MELDER, data)


def read_vt_table(spec: TableSpec, data: str | Path | None = None) -> pd.DataFrame:
    """A Veilig Thuis table of a data folder (CBS's file, else the demonstration), tidy."""
    root = data_dir(data)
    return read_statline_file(root / vt_file(root, spec.table_id), spec)
