"""Bad inputs as people really have them. Each case damages a copy of a shipped file and asserts the behaviour:
the file is read and valid, or a clear error names the file, the column and the line. (Notebook-side cases,
such as a cell that raises or a kernel that dies, are in test_batch.py.)"""

from __future__ import annotations

import codecs
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from workbench.checks.suites import validate_all
from workbench.errors import InputError
from workbench.io.budget import read_budget, read_budget_file
from workbench.paths import DEFAULT_DATA_DIR

pytestmark = pytest.mark.data

AARD = Path("veilig_thuis/84851NED_demo.csv")
BUDGET = Path("budget/begroting_demo.csv")
KWB = Path("cbs/84799NED_kwb2020_gemeenten.csv")
COMPOSITION = Path("regions/regio_indeling_2020.csv")
ROW = '"GM0344    ";"2019HJ01";"AG01";"680";"915"'  # a line of the shipped 84851NED file
PREVALENCE = Path("reference/prevalentie.csv")
GEO = Path("geo/gemeente_2020.geojson")
CHANGES = Path("reference/gemeentelijke_herindelingen_2021_2025.csv")
CENTRA = Path("reference/centrumgemeenten_vrouwenopvang.csv")
BUDGET_ROW = "GM0014;GM0014;2021;begroot;uitgaven;Veilig Thuis;regionaal;2527900;demonstratiecijfer"


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def replace(old: str, new: str) -> Callable[[Path], None]:
    def change(path: Path) -> None:
        text = text_of(path)
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def reencode(encoding: str, bom: bytes = b"") -> Callable[[Path], None]:
    return lambda path: path.write_bytes(bom + text_of(path).encode(encoding))


def lines(edit: Callable[[list[str]], list[str]]) -> Callable[[Path], None]:
    return lambda path: path.write_text("\n".join(edit(text_of(path).splitlines())) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Case:
    name: str
    relative: Path
    damage: Callable[[Path], None]
    dataset: str
    expect: str  # "valid", or words the error must hold
    column: str | None = None
    line: bool = False  # the message must name the damaged line


CASES = [
    # encodings and layouts that must simply work
    Case("utf8-bom", AARD, reencode("utf-8", codecs.BOM_UTF8), "vt_aard_84851NED", "valid"),
    Case("utf16-export", AARD, reencode("utf-16-le", codecs.BOM_UTF16_LE), "vt_aard_84851NED", "valid"),
    Case(
        "windows-1252",
        BUDGET,
        lambda p: p.write_bytes(
            text_of(p).replace("demonstratiecijfer", "'s-Hertogenbosch Súdwest-Fryslân", 3).encode("cp1252")
        ),
        "begroting",
        "valid",
    ),
    Case(
        "sep-line", AARD, lambda p: p.write_text("sep=;\n" + text_of(p), encoding="utf-8"), "vt_aard_84851NED", "valid"
    ),
    Case(
        "comma-instead-of-semicolon",
        AARD,
        lambda p: p.write_text(text_of(p).replace('";"', '","'), encoding="utf-8"),
        "vt_aard_84851NED",
        "valid",
    ),
    Case("extra-field-every-row", AARD, lines(lambda ls: [x + ";" for x in ls]), "vt_aard_84851NED", "valid"),
    Case("cbs-marker-x", AARD, replace(ROW, ROW.replace('"915"', '"x"')), "vt_aard_84851NED", "valid"),
    Case("cbs-marker-star", AARD, replace(ROW, ROW.replace('"915"', '"915*"')), "vt_aard_84851NED", "valid"),
    Case("cbs-marker-99997", AARD, replace(ROW, ROW.replace('"915"', '"-99997"')), "vt_aard_84851NED", "valid"),
    Case(
        "euro-sign-and-thousands-dots",
        BUDGET,
        replace(BUDGET_ROW, BUDGET_ROW.replace(";2527900;", ";€ 2.527.900;")),
        "begroting",
        "valid",
    ),
    Case(
        "non-breaking-space-and-decimal-comma",
        BUDGET,
        replace(BUDGET_ROW, BUDGET_ROW.replace(";2527900;", ";2\u00a0527\u00a0900,00;")),
        "begroting",
        "valid",
    ),
    Case("name-NA", KWB, replace(",Bunnik,", ",NA,"), "kwb_gemeenten", "valid"),
    Case("name-None", COMPOSITION, replace(",Bunnik,", ",None,"), "regio_indeling", "valid"),
    # files that cannot be read: a clear error
    Case(
        "wrong-separator",
        AARD,
        lambda p: p.write_text(text_of(p).replace(";", "|"), encoding="utf-8"),
        "vt_aard_84851NED",
        "scheidingsteken",
        "RegioS",
    ),
    Case("ragged-row", AARD, replace(ROW, ROW + ';"5"'), "vt_aard_84851NED", "velden zoals de kopregel", line=True),
    Case(
        "duplicate-header",
        AARD,
        lines(lambda ls: [ls[0].replace('"OntvangenMeldingen_2"', '"GestarteAdviezen_1"'), *ls[1:]]),
        "vt_aard_84851NED",
        "twee keer",
        "GestarteAdviezen_1",
    ),
    Case("header-only", AARD, lines(lambda ls: ls[:1]), "vt_aard_84851NED", "geen gegevens"),
    Case("empty-file", AARD, lambda p: p.write_text("", encoding="utf-8"), "vt_aard_84851NED", "leeg"),
    Case(
        "decimal-comma-in-count",
        AARD,
        replace(ROW, ROW.replace('"915"', '"915,5"')),
        "vt_aard_84851NED",
        "decimale komma",
        "OntvangenMeldingen_2",
        line=True,
    ),
    Case(
        "thousands-dot-in-count",
        AARD,
        replace(ROW, ROW.replace('"915"', '"1.915"')),
        "vt_aard_84851NED",
        "heel getal",
        "OntvangenMeldingen_2",
        line=True,
    ),
    Case(
        "control-character",
        AARD,
        replace(ROW, ROW.replace("AG01", "AG01\x07")),
        "vt_aard_84851NED",
        "stuurtekens",
        "AardVanHetGeweld",
        line=True,
    ),
    Case(
        "unknown-category",
        AARD,
        replace(ROW, ROW.replace("AG01", "AG09")),
        "vt_aard_84851NED",
        "onbekende categorie van AardVanHetGeweld",
        "AardVanHetGeweld",
        line=True,
    ),
    Case(
        "bad-period",
        AARD,
        replace(ROW, ROW.replace("2019HJ01", "H1-2019")),
        "vt_aard_84851NED",
        "geen periode van CBS",
        "Perioden",
        line=True,
    ),
    Case(
        "duplicate-row",
        AARD,
        lines(lambda ls: [*ls, next(line for line in ls if ROW in line)]),
        "vt_aard_84851NED",
        "meer dan één keer",
        "RegioS",
        line=True,
    ),
    Case(
        "bad-amount",
        BUDGET,
        replace(BUDGET_ROW, BUDGET_ROW.replace(";2527900;", ";twee miljoen;")),
        "begroting",
        "geen bedrag",
        "bedrag_euro",
        line=True,
    ),
    # readable but wrong: validation names file, rule, column and line
    Case(
        "negative-count",
        AARD,
        replace(ROW, ROW.replace('"915"', '"-915"')),
        "vt_aard_84851NED",
        "aantallen zijn niet negatief",
        "aantal",
        line=True,
    ),
    Case(
        "unicode-minus",
        AARD,
        replace(ROW, ROW.replace('"915"', '"\u2212915"')),
        "vt_aard_84851NED",
        "aantallen zijn niet negatief",
        "aantal",
        line=True,
    ),
    Case(
        "not-rounded",
        AARD,
        replace(ROW, ROW.replace('"915"', '"916"')),
        "vt_aard_84851NED",
        "veelvoud van 5",
        "rest_na_afronding",
        line=True,
    ),
    Case(
        "small-count-published",
        AARD,
        replace(ROW, ROW.replace('"915"', '"5"')),
        "vt_aard_84851NED",
        "onder de 8",
        "aantal",
        line=True,
    ),
    Case(
        "part-above-total",
        AARD,
        replace(ROW, ROW.replace('"915"', '"9915"')),
        "vt_aard_84851NED",
        "deel is niet groter dan het totaal",
        "deel_min_geheel",
        line=True,
    ),
    Case(
        "unknown-gemeente",
        AARD,
        replace(ROW, ROW.replace("GM0344", "GM9344")),
        "vt_aard_84851NED",
        "bekende gemeente",
        "regio_code",
        line=True,
    ),
    Case(
        "lost-leading-zero",
        AARD,
        replace(ROW, ROW.replace("GM0344", "GM344 ")),
        "vt_aard_84851NED",
        "GMxxxx, VTxx of NL01",
        "regio_code",
        line=True,
    ),
    Case(
        "budget-not-adding-up",
        BUDGET,
        replace(BUDGET_ROW, BUDGET_ROW.replace(";2527900;", ";2528000;")),
        "begroting",
        "tellen op tot hun regel Totaal",
        "verschil_met_totaal",
    ),
    # every input file type: text, huge and infinite numbers, oversized cells, broken geometry, impossible dates
    Case(
        "text-in-population",
        KWB,
        replace(",Gemeente,357597,", ",Gemeente,veel,"),
        "kwb_gemeenten",
        "geen bruikbaar getal",
        "inwoners",
        line=True,
    ),
    Case(
        "huge-population",
        KWB,
        replace(",Gemeente,357597,", ",Gemeente,1e400,"),
        "kwb_gemeenten",
        "geen bruikbaar getal",
        "inwoners",
        line=True,
    ),
    Case(
        "twenty-digit-population",
        KWB,
        replace(",Gemeente,357597,", ",Gemeente,99999999999999999999,"),
        "kwb_gemeenten",
        "geen bruikbaar getal",
        "inwoners",
        line=True,
    ),
    Case(
        "oversized-cell",
        KWB,
        replace(",Gemeente,357597,", ",Gemeente," + "9" * 200_000 + ","),
        "kwb_gemeenten",
        "een cel is groter dan",
        line=True,
    ),
    Case(
        "long-cell",
        KWB,
        replace(",Gemeente,357597,", ",Gemeente,357597" + " " * 20_000 + ","),
        "kwb_gemeenten",
        "tekens lang",
        line=True,
    ),
    Case(
        "text-in-prevalence",
        PREVALENCE,
        replace(",26,,37,", ",zesentwintig,,37,"),
        "prevalentie",
        "geen bruikbaar getal",
        "laag",
        line=True,
    ),
    Case(
        "infinite-prevalence",
        PREVALENCE,
        replace(",26,,37,", ",inf,,37,"),
        "prevalentie",
        "geen bruikbaar getal",
        "laag",
        line=True,
    ),
    Case(
        "truncated-geojson",
        GEO,
        lambda p: p.write_bytes(p.read_bytes()[:5000]),
        "gemeentegrenzen",
        "geen leesbaar GeoJSON-bestand (regel",
    ),
    Case(
        "broken-geometry",
        GEO,
        replace('"coordinates":[', '"coordinates":["x",'),
        "gemeentegrenzen",
        "de grens van GM0003 (Appingedam, nummer 1) is geen leesbare vorm",
    ),
    Case(
        "impossible-date",
        CHANGES,
        replace("2021-01-01", "2021-02-31"),
        "herindelingen",
        "geen (bestaande) datum",
        "datum",
        line=True,
    ),
    Case("utf16-reference", CENTRA, reencode("utf-16-le", codecs.BOM_UTF16_LE), "centrumgemeenten", "valid"),
    Case("windows-1252-composition", COMPOSITION, reencode("cp1252"), "regio_indeling", "valid"),
    Case(
        "gemeente-missing-from-population",
        KWB,
        lines(lambda ls: [x for x in ls if not x.startswith("GM0344,")]),
        "kwb_gemeenten",
        "alle gemeenten van 2020",
    ),
    Case(
        "zero-population",
        KWB,
        lambda p: p.write_text(
            "\n".join(x.replace(",Gemeente,357597,", ",Gemeente,0,") for x in text_of(p).splitlines()) + "\n",
            encoding="utf-8",
        ),
        "kwb_gemeenten",
        "inwoners is groter dan 0",
        "inwoners",
        line=True,
    ),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    root = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(DEFAULT_DATA_DIR, root)
    return root


def line_in(path_text: str, needle: str) -> int:
    return next(i for i, x in enumerate(path_text.splitlines(), start=1) if needle in x)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case, pristine, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(pristine, data)
    path = data / case.relative
    needle = {AARD: ROW, BUDGET: BUDGET_ROW, KWB: ",Gemeente,357597,", PREVALENCE: ",26,,37,", CHANGES: "2021-01-01"}
    damaged_line = line_in(text_of(path), needle[case.relative]) if case.relative in needle else None
    case.damage(path)
    (result,) = validate_all(data, only=[case.dataset])
    messages = [result.error.describe()] if result.error else [f.message() for f in result.failures]
    if case.expect == "valid":
        assert result.ok, messages
        return
    assert not result.ok
    hit = [m for m in messages if case.expect in m]
    assert hit, messages
    assert all(case.relative.name in m for m in hit)
    if case.column:
        assert any(f"kolom {case.column!r}" in m for m in hit), hit
    if case.line and damaged_line and case.name not in ("zero-population",):
        assert any(f"regel {damaged_line}" in m for m in hit), hit


def test_na_and_none_stay_text_in_an_xlsx_budget(tmp_path):
    frame = read_budget()
    first = frame[frame["post"] != "Totaal"].head(2).drop(columns=["regel"]).copy()
    first["toelichting"] = ["NA", "None"]
    path = tmp_path / "b.xlsx"
    first.to_excel(path, sheet_name="begroting", index=False)
    assert read_budget_file(path)["toelichting"].tolist() == ["NA", "None"]


def test_an_unreadable_workbook_is_named(tmp_path):
    path = tmp_path / "b.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InputError, match=r"b\.xlsx"):
        read_budget_file(path)


def _budget_workbook(tmp_path: Path, change: Callable) -> Path:
    from openpyxl import Workbook

    frame = read_budget()
    lines = frame[frame["post"] != "Totaal"].head(3).drop(columns=["regel"])
    wb = Workbook()
    ws = wb.active
    ws.title = "begroting"
    ws.append(list(lines.columns))
    for row in lines.astype(str).itertuples(index=False):
        ws.append(list(row))
    change(ws)
    path = tmp_path / "begroting.xlsx"
    wb.save(path)
    return path


def test_a_formula_without_a_stored_result_is_named_never_read_as_empty(tmp_path):
    column = read_budget().columns.get_loc("bedrag_euro") + 1
    path = _budget_workbook(tmp_path, lambda ws: ws.cell(row=3, column=column, value="=1000+2000"))
    with pytest.raises(InputError, match="formules zonder opgeslagen uitkomst") as err:
        read_budget_file(path)
    assert err.value.rows == [3] and "Excel" in err.value.describe()


def test_merged_cells_are_named_never_read_as_empty(tmp_path):
    path = _budget_workbook(tmp_path, lambda ws: ws.merge_cells("A2:A3"))
    with pytest.raises(InputError, match=r"samengevoegde cellen \(A2:A3\)") as err:
        read_budget_file(path)
    assert err.value.rows == [2] and "hef het samenvoegen op" in err.value.describe().lower()


def test_every_problem_of_a_file_comes_at_once_one_per_line(pristine, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(pristine, data)
    path = data / AARD
    text = text_of(path)
    second = next(x for x in text.splitlines() if '"GM0014' in x and "2019HJ01" in x and '"AG02"' in x)
    text = text.replace(ROW, ROW.replace("2019HJ01", "H1-2019"), 1)
    text = text.replace(second, second.replace('"AG02"', '"XX02"'), 1)
    path.write_text(text.replace('"915"', '"91,5"', 1), encoding="utf-8")
    (result,) = validate_all(data, only=["vt_aard_84851NED"])
    lines = result.error.lines()
    assert any("kolom 'Perioden'" in x and "geen periode van CBS" in x for x in lines), lines
    assert any("kolom 'AardVanHetGeweld'" in x and "onbekende categorie" in x for x in lines), lines
    assert any("kolom 'OntvangenMeldingen_2'" in x and "heel getal" in x for x in lines), lines
    assert all("\n" not in x and x.startswith("84851NED_demo.csv, regel ") for x in lines)
