import subprocess
import sys
from pathlib import Path

import pytest

from conftest import line_of, replace_in_file
from workbench.checks.suites import DATASETS, validate_all
from workbench.paths import PROJECT_ROOT

pytestmark = pytest.mark.data

AARD = Path("veilig_thuis/84851NED_demo.csv")
MELDER = Path("veilig_thuis/84849NED_demo.csv")
BUDGET = Path("budget/begroting_demo.csv")
UTRECHT_AARD_LINE = '"GM0344    ";"2019HJ01";"AG01";"680";"915"'


def shipped_line(relative: Path, start: str) -> str:
    """The first line of a shipped data file that starts with ``start``."""
    text = (PROJECT_ROOT / "data" / relative).read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith(start))


DU_LINE = shipped_line(BUDGET, "GM0344;GM0344;2023;begroot;inkomsten;DU Vrouwenopvang;regionaal;")


def run_validate(data: Path):
    return subprocess.run(
        [sys.executable, "-m", "workbench.cli", "validate", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_shipped_data_is_valid():
    results = validate_all()
    assert [r.name for r in results] == [d.name for d in DATASETS]
    assert all(r.ok for r in results), [f.message() for r in results for f in r.failures]


def test_negative_count_in_a_veilig_thuis_file_fails_with_file_column_and_line(data_copy):
    path = data_copy / AARD
    line = line_of(path, UTRECHT_AARD_LINE)
    replace_in_file(path, UTRECHT_AARD_LINE, '"GM0344    ";"2019HJ01";"AG01";"690";"-915"')
    out = run_validate(data_copy)
    assert out.returncode != 0
    problem = next(p for p in out.stdout.splitlines() if "niet negatief" in p)
    assert "84851NED_demo.csv" in problem and f"regel {line}, kolom 'aantal'" in problem
    assert "(gevonden: -915)" in problem and "Schrijf een aantal van 0 of meer." in problem


# One planted error per suite: (dataset, file, old text, new text, words the message must hold)
PLANTED = [
    (
        "kwb_gemeenten",
        "cbs/84799NED_kwb2020_gemeenten.csv",
        "GM0003,Appingedam,Gemeente,11642,",
        "GM0003,Appingedam,Gemeente,0,",
        "inwoners is groter dan 0",
    ),
    ("gemeentegrenzen", "geo/gemeente_2020.geojson", '"statcode":"GM0003"', '"statcode":"GM003"', "GM met 4 cijfers"),
    ("vt_grenzen", "geo/veiligthuisregio_2020.geojson", '"statcode":"VT02"', '"statcode":"VT01"', "één grens per"),
    (
        "centrumgemeenten",
        "reference/centrumgemeenten_vrouwenopvang.csv",
        "GM0344,Utrecht",
        "GM9344,Utrecht",
        "een gemeente van 2020",
    ),
    ("prevalentie", "reference/prevalentie.csv", "per 1000,90000", "per 10000,90000", "eenheid"),
    (
        "regio_indeling",
        "regions/regio_indeling_2020.csv",
        "GM0344,Utrecht,GM0344",
        "GM0344,Utrecht,GM0307",
        "haar eigen regio",
    ),
    ("vt_aard_84851NED", str(AARD), UTRECHT_AARD_LINE, '"GM0344    ";"2019HJ01";"AG01";"690";"913"', "veelvoud van 5"),
    (
        "vt_melder_84849NED",
        str(MELDER),
        '"GM0344    ";"2019HJ01";"M110";"115";"1085"',
        '"GM0344    ";"2019HJ01";"M110";"115";"1995"',
        "deel is niet groter dan het totaal",
    ),
    (
        "vt_beoordeling_84852NED",
        "veilig_thuis/84852NED_demo.csv",
        '"GM0344    ";"2019HJ01";"VB02";"835"',
        '"GM0344    ";"2019HJ01";"VB02";"1835"',
        "deel is niet groter dan het totaal",
    ),
    (
        "vt_vervolg_84854NED",
        "veilig_thuis/84854NED_demo.csv",
        '"GM0344    ";"2019HJ01";"VV11";"455"',
        '"GM0344    ";"2019HJ01";"VV11";"457"',
        "veelvoud van 5",
    ),
    (
        "begroting",
        str(BUDGET),
        DU_LINE,
        DU_LINE.replace(";regionaal;", ";regionaal;1"),
        "tellen op tot hun regel Totaal",
    ),
    (
        "herindelingen",
        "reference/gemeentelijke_herindelingen_2021_2025.csv",
        "2021-01-01,GM0003,Appingedam",
        "2021-01-01,GM0004,Appingedam",
        "bestond vlak voor de wijziging",
    ),
    (
        "kwb_wijken_gesplitst",
        "cbs/84799NED_kwb2020_wijken_gesplitste_gemeenten.csv",
        "WK078801,Haaren,Wijk,5875,",
        "WK078801,Haaren,Wijk,0,",
        "inwoners is groter dan 0",
    ),
]


@pytest.mark.parametrize(("name", "relative", "old", "new", "words"), PLANTED, ids=[p[0] for p in PLANTED])
def test_each_suite_catches_a_planted_error(data_copy, name, relative, old, new, words):
    assert {p[0] for p in PLANTED} == {d.name for d in DATASETS}
    replace_in_file(data_copy / relative, old, new)
    (result,) = validate_all(data_copy, only=[name])
    assert not result.ok
    messages = [f.message() for f in result.failures]
    assert any(words in m and Path(relative).name in m for m in messages), messages


def test_files_many_datasets_need_are_read_once_per_validation_and_again_after_a_change(data_copy, monkeypatch):
    """The population file feeds the parameters, the indeling and its own suite: one read per run, never kept."""
    from workbench.io import kwb

    reads = []
    real = kwb.read_kwb
    monkeypatch.setattr(kwb, "read_kwb", lambda root: reads.append(root) or real(root))
    names = ["kwb_gemeenten", "vt_aard_84851NED", "begroting"]
    assert all(r.ok for r in validate_all(data_copy, only=names))
    assert len(reads) == 1
    _name, relative, old, new, words = PLANTED[0]
    replace_in_file(data_copy / relative, old, new)
    results = validate_all(data_copy, only=names)
    assert len(reads) == 2
    assert any(words in f.message() for f in results[0].failures)


def test_unknown_gemeente_code_is_named(data_copy):
    replace_in_file(data_copy / AARD, UTRECHT_AARD_LINE, UTRECHT_AARD_LINE.replace("GM0344", "GM9999"))
    (result,) = validate_all(data_copy, only=["vt_aard_84851NED"])
    assert any("bekende gemeente" in f.message() and "GM9999" in f.message() for f in result.failures)


def test_code_that_lost_its_leading_zero_is_named(data_copy):
    old = "GM0014;GM0014;2021;begroot;uitgaven;Veilig Thuis;regionaal;2527900;"
    line = line_of(data_copy / BUDGET, old)
    replace_in_file(data_copy / BUDGET, old, old.replace("GM0014;GM0014", "GM0014;GM14"))
    (result,) = validate_all(data_copy, only=["begroting"])
    failure = next(f for f in result.failures if "GM met 4 cijfers" in f.message())
    assert failure.column == "gemeentecode" and failure.rows == [line] and failure.values == ["GM14"]


def test_duplicated_key_is_a_read_error_naming_both_lines(data_copy):
    path = data_copy / MELDER
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*text, text[5]]), encoding="utf-8")
    (result,) = validate_all(data_copy, only=["vt_melder_84849NED"])
    assert result.error is not None and "meer dan één keer" in str(result.error)
    assert result.error.rows == [6, len(text) + 1]


def test_decimal_comma_in_a_count_is_named(data_copy):
    replace_in_file(data_copy / AARD, UTRECHT_AARD_LINE, '"GM0344    ";"2019HJ01";"AG01";"690";"915,5"')
    (result,) = validate_all(data_copy, only=["vt_aard_84851NED"])
    assert result.error is not None and result.error.column == "OntvangenMeldingen_2"
    assert "decimale komma" in str(result.error)


def test_windows_1252_budget_with_accents_is_read_and_valid(data_copy):
    path = data_copy / BUDGET
    text = path.read_text(encoding="utf-8").replace(
        "demonstratiecijfer", "demonstratiecijfer 's-Hertogenbosch/Súdwest-Fryslân"
    )
    path.write_bytes(text.encode("cp1252"))
    (result,) = validate_all(data_copy, only=["begroting"])
    assert result.ok, [f.message() for f in result.failures]


@pytest.mark.parametrize("damage", ["header_only", "wrong_separator"])
def test_unusable_veilig_thuis_file_fails_validation_with_its_name(data_copy, damage):
    path = data_copy / AARD
    lines = path.read_text(encoding="utf-8").splitlines()
    if damage == "header_only":
        path.write_text(lines[0] + "\n", encoding="utf-8")
    else:
        path.write_text("\n".join(line.replace(";", "|") for line in lines) + "\n", encoding="utf-8")
    out = run_validate(data_copy)
    assert out.returncode != 0
    assert "84851NED_demo.csv" in out.stdout and "niet te lezen" in out.stdout


def test_a_kept_suite_result_is_the_same_and_only_a_changed_file_is_validated_again(data_copy, tmp_path, monkeypatch):
    from workbench.checks import suites

    old = "GM0014;GM0014;2021;begroot;uitgaven;Veilig Thuis;regionaal;2527900;"
    replace_in_file(data_copy / BUDGET, old, old.replace("GM0014;GM0014", "GM0014;GM14"))
    cache = tmp_path / "suites"
    first = validate_all(data_copy, only=["begroting", "prevalentie"], cache=cache)
    monkeypatch.setattr(suites, "_context", lambda: pytest.fail("a suite ran on an unchanged file"))
    again = validate_all(data_copy, only=["begroting", "prevalentie"], cache=cache)
    assert [r.failures for r in again] == [r.failures for r in first]
    budget = next(r for r in again if r.name == "begroting")
    assert not budget.ok and budget.failures[0].path == data_copy / BUDGET  # where it was found, not where kept
    replace_in_file(data_copy / BUDGET, "GM0014;GM14", "GM0014;GM0014")  # the fix is validated, not remembered
    monkeypatch.undo()
    assert [r.ok for r in validate_all(data_copy, only=["begroting", "prevalentie"], cache=cache)] == [True, True]
