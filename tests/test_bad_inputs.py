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
        "separator",
        "RegioS",
    ),
    Case("ragged-row", AARD, replace(ROW, ROW + ';"5"'), "vt_aard_84851NED", "fields like the header", line=True),
    Case(
        "duplicate-header",
        AARD,
        lines(lambda ls: [ls[0].replace('"OntvangenMeldingen_2"', '"GestarteAdviezen_1"'), *ls[1:]]),
        "vt_aard_84851NED",
        "twice",
        "GestarteAdviezen_1",
    ),
    Case("header-only", AARD, lines(lambda ls: ls[:1]), "vt_aard_84851NED", "no data rows"),
    Case("empty-file", AARD, lambda p: p.write_text("", encoding="utf-8"), "vt_aard_84851NED", "empty"),
    Case(
        "decimal-comma-in-count",
        AARD,
        replace(ROW, ROW.replace('"915"', '"915,5"')),
        "vt_aard_84851NED",
        "decimal comma",
        "OntvangenMeldingen_2",
        line=True,
    ),
    Case(
        "thousands-dot-in-count",
        AARD,
        replace(ROW, ROW.replace('"915"', '"1.915"')),
        "vt_aard_84851NED",
        "whole numbers",
        "OntvangenMeldingen_2",
        line=True,
    ),
    Case(
        "control-character",
        AARD,
        replace(ROW, ROW.replace("AG01", "AG01\x07")),
        "vt_aard_84851NED",
        "control characters",
        "AardVanHetGeweld",
        line=True,
    ),
    Case(
        "unknown-category",
        AARD,
        replace(ROW, ROW.replace("AG01", "AG09")),
        "vt_aard_84851NED",
        "unknown AardVanHetGeweld",
        "AardVanHetGeweld",
        line=True,
    ),
    Case(
        "bad-period",
        AARD,
        replace(ROW, ROW.replace("2019HJ01", "H1-2019")),
        "vt_aard_84851NED",
        "not a CBS period",
        "Perioden",
        line=True,
    ),
    Case(
        "duplicate-row",
        AARD,
        lines(lambda ls: [*ls, next(line for line in ls if ROW in line)]),
        "vt_aard_84851NED",
        "more than once",
        "RegioS",
        line=True,
    ),
    Case(
        "bad-amount",
        BUDGET,
        replace(BUDGET_ROW, BUDGET_ROW.replace(";2527900;", ";twee miljoen;")),
        "begroting",
        "not an amount",
        "bedrag_euro",
        line=True,
    ),
    # readable but wrong: validation names file, rule, column and line
    Case(
        "negative-count",
        AARD,
        replace(ROW, ROW.replace('"915"', '"-915"')),
        "vt_aard_84851NED",
        "not negative",
        "aantal",
        line=True,
    ),
    Case(
        "unicode-minus",
        AARD,
        replace(ROW, ROW.replace('"915"', '"\u2212915"')),
        "vt_aard_84851NED",
        "not negative",
        "aantal",
        line=True,
    ),
    Case(
        "not-rounded",
        AARD,
        replace(ROW, ROW.replace('"915"', '"916"')),
        "vt_aard_84851NED",
        "multiple of 5",
        "rest_na_afronding",
        line=True,
    ),
    Case(
        "small-count-published",
        AARD,
        replace(ROW, ROW.replace('"915"', '"5"')),
        "vt_aard_84851NED",
        "below 8",
        "aantal",
        line=True,
    ),
    Case(
        "part-above-total",
        AARD,
        replace(ROW, ROW.replace('"915"', '"9915"')),
        "vt_aard_84851NED",
        "part is not above the total",
        "deel_min_geheel",
        line=True,
    ),
    Case(
        "unknown-gemeente",
        AARD,
        replace(ROW, ROW.replace("GM0344", "GM9344")),
        "vt_aard_84851NED",
        "known gemeente",
        "regio_code",
        line=True,
    ),
    Case(
        "lost-leading-zero",
        AARD,
        replace(ROW, ROW.replace("GM0344", "GM344 ")),
        "vt_aard_84851NED",
        "GMxxxx",
        "regio_code",
        line=True,
    ),
    Case(
        "budget-not-adding-up",
        BUDGET,
        replace(BUDGET_ROW, BUDGET_ROW.replace(";2527900;", ";2528000;")),
        "begroting",
        "add up to their Totaal",
        "verschil_met_totaal",
    ),
    Case(
        "gemeente-missing-from-population",
        KWB,
        lines(lambda ls: [x for x in ls if not x.startswith("GM0344,")]),
        "kwb_gemeenten",
        "all gemeenten of 2020",
    ),
    Case(
        "zero-population",
        KWB,
        lambda p: p.write_text(
            "\n".join(x.replace(",Gemeente,357597,", ",Gemeente,0,") for x in text_of(p).splitlines()) + "\n",
            encoding="utf-8",
        ),
        "kwb_gemeenten",
        "population is positive",
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
    damaged_line = (
        line_in(text_of(path), ROW)
        if case.relative == AARD
        else line_in(text_of(path), BUDGET_ROW)
        if case.relative == BUDGET
        else None
    )
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
        assert any(f"column {case.column!r}" in m for m in hit), hit
    if case.line and damaged_line and case.name not in ("zero-population",):
        assert any(f"line {damaged_line}" in m for m in hit), hit


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
