"""The regiovisie chapters: the input file's schema, sharing keys, count-back planning, indicators, the report."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal

import pandas as pd
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from workbench.errors import RegiovisieError
from workbench.io.gemeenten import regions_in
from workbench.io.reference import read_composition
from workbench.io.regiovisie import load, path_for, problems_by_region, write_template
from workbench.stats import monitoring, planning, sharing

UTRECHT = "GM0344"


def members(code: str = UTRECHT) -> list[str]:
    comp = read_composition()
    return comp.loc[comp["centrumgemeente_code"] == code, "gemeentecode"].tolist()


# --- the input file -------------------------------------------------------------------------------------------


@pytest.mark.data
def test_every_shipped_example_file_is_valid_and_labelled():
    assert problems_by_region(regions_in(None, 2024).composition) == {}
    doc = load(path_for(UTRECHT), UTRECHT, members())
    assert doc["voorbeeld"] is True and doc["regio"] == UTRECHT
    assert "VOORBEELD" in path_for(UTRECHT).read_text(encoding="utf-8").splitlines()[0]


@pytest.mark.data
def test_three_planted_errors_give_three_located_messages(tmp_path):
    text = path_for(UTRECHT).read_text(encoding="utf-8")
    lines = text.splitlines()
    role = next(i for i, x in enumerate(lines) if x.strip().startswith("rol: ")) + 1
    deadline = next(i for i, x in enumerate(lines) if x.strip().startswith("deadline: ")) + 1
    direction = next(i for i, x in enumerate(lines) if x.strip().startswith("richting: ")) + 1
    lines[role - 1] = lines[role - 1].replace(lines[role - 1].split(": ")[1], "meebeslist")
    lines[deadline - 1] = lines[deadline - 1].split(": ")[0] + ": 31-02-2026"  # no such day
    lines[direction - 1] = lines[direction - 1].split(": ")[0] + ": omhoog"
    bad = tmp_path / "regiovisie.yaml"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RegiovisieError) as err:
        load(bad, UTRECHT, members())
    problems = err.value.problems
    assert len(problems) == 3
    assert [(p.line, p.path) for p in problems] == [
        (role, "spelers[1].rol"),
        (deadline, "planning.deadline"),
        (direction, "monitoring[1].richting"),
    ]
    assert "'meebeslist' kan hier niet; kies uit: meedenken, meebeslissen, meeweten" in problems[0].message
    assert f"regiovisie.yaml, regel {role}, spelers[1].rol" in str(err.value)
    assert "'31-02-2026' is geen bestaande datum" in problems[1].message


@pytest.mark.data
def test_structure_errors_are_all_reported(tmp_path):
    doc = {
        "regio": "GM0503",
        "spelers": [{"naam": "X", "rol": "meedenken"}],
        "aanbieders": [{"naam": "A", "hulp": "opvang", "gemeenten": ["GM9999"]}],
        "financien": {"tekort_verdeling": "sleutel", "voorbeeldbedrag": 100, "sleutel": {"GM0344": 60, "GM0307": 30}},
        "monitoring": [
            {
                "indicator": "eigen",
                "naam": "n",
                "basislijn": {"jaar": 2020, "waarde": 1},
                "doel": {"jaar": 2025, "waarde": 2},
                "richting": "hoger",
            }
        ],
        "typo": 1,
    }
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    with pytest.raises(RegiovisieError) as err:
        load(path, UTRECHT, members())
    messages = [f"{p.path}: {p.message}" for p in err.value.problems]
    expected = [
        "regio: 'GM0503' is niet deze regio; schrijf GM0344",
        "spelers[1].fase: ontbreekt (dit veld is verplicht)",
        "aanbieders[1].gemeenten[1]: 'GM9999' is geen gemeente van deze regio",
        "financien.sleutel.GM0307: onbekend veld",
        "financien.sleutel: de percentages tellen op tot 90, niet tot 100",
        "monitoring[1].waarden: een eigen indicator heeft waarden per jaar nodig",
        "typo: onbekend veld",
    ]
    for words in expected:
        assert any(m.startswith(words) for m in messages), (words, messages)


@pytest.mark.unit
def test_invalid_yaml_is_located(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("regio: GM0344\nspelers:\n  - naam: [unclosed\n", encoding="utf-8")
    with pytest.raises(RegiovisieError, match=r"regel \d+, bovenaan: geen geldige YAML"):
        load(path, UTRECHT, members())


@pytest.mark.data
def test_init_region_writes_a_valid_template_and_keeps_existing_files(tmp_path):
    data = tmp_path / "data"
    import shutil

    from workbench.paths import DEFAULT_DATA_DIR

    shutil.copytree(DEFAULT_DATA_DIR, data, ignore=shutil.ignore_patterns("regios"))
    out = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "init-region", "utrecht", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    written = path_for(UTRECHT, data)
    text = written.read_text(encoding="utf-8")
    assert "#   GM0344  Utrecht" in text and "regio: GM0344" in text
    assert load(written, UTRECHT, members())["regio"] == UTRECHT
    again = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "init-region", "GM0344", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 1 and "exists" in again.stderr
    with pytest.raises(FileExistsError):
        write_template(UTRECHT, "Utrecht", {}, data)


# --- sharing keys ----------------------------------------------------------------------------------------------


@pytest.mark.unit
def test_sharing_by_inhabitants_rounds_to_cents_and_adds_up():
    out = sharing.by_inhabitants(100_000, pd.Series({"A": 1, "B": 1, "C": 1}))
    assert out.tolist() == [Decimal("33333.34"), Decimal("33333.33"), Decimal("33333.33")]
    assert sum(out) == Decimal("100000.00")


@pytest.mark.unit
def test_sharing_by_key_needs_100_percent_and_handles_a_deficit():
    out = sharing.by_key(-250_000, pd.Series({"A": 40.0, "B": 35.5, "C": 24.5}))
    assert out.tolist() == [Decimal("-100000.00"), Decimal("-88750.00"), Decimal("-61250.00")]
    with pytest.raises(ValueError, match="not 100"):
        sharing.by_key(1000, pd.Series({"A": 40.0, "B": 50.0}))


@pytest.mark.unit
@given(
    st.decimals(min_value=-10_000_000, max_value=10_000_000, places=2),
    st.lists(st.integers(min_value=0, max_value=2_000_000), min_size=1, max_size=30).filter(lambda w: sum(w) > 0),
)
def test_shares_always_sum_to_the_amount_in_cents(amount, weights):
    out = sharing.share(amount, pd.Series(weights, index=[f"g{i}" for i in range(len(weights))]))
    assert sum(out) == amount
    assert all(v == v.quantize(Decimal("0.01")) for v in out)
    exact = [amount * w / sum(weights) for w in weights]
    assert all(abs(v - e) < Decimal("0.01") for v, e in zip(out, exact, strict=True))


# --- planning and monitoring ---------------------------------------------------------------------------------------


@pytest.mark.unit
def test_count_back_from_the_deadline_flags_late_milestones():
    deadline, as_of = dt.date(2026, 12, 31), dt.date(2026, 6, 30)
    plan = planning.count_back(
        [
            {"naam": "later", "datum": dt.date(2026, 9, 1)},
            {"naam": "op tijd", "datum": dt.date(2026, 3, 1), "gereed": dt.date(2026, 2, 20)},
            {"naam": "laat gereed", "datum": dt.date(2026, 4, 1), "gereed": dt.date(2026, 4, 20)},
            {"naam": "te laat", "datum": dt.date(2026, 5, 1)},
            {"naam": "na deadline", "datum": dt.date(2027, 1, 15)},
        ],
        deadline,
        as_of,
    )
    assert plan["naam"].tolist() == ["op tijd", "laat gereed", "te laat", "later", "na deadline"]
    assert plan["status"].tolist() == ["gereed", "gereed, te laat", "te laat", "gepland", "na de deadline"]
    assert plan["dagen_voor_deadline"].tolist() == [305, 274, 244, 121, -15]
    assert plan["weken_voor_deadline"].tolist() == [43, 39, 34, 17, -3]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("values", "higher", "status"),
    [
        ({2019: 6.0, 2022: 7.2}, True, monitoring.REACHED),
        ({2019: 6.0, 2022: 6.5}, True, monitoring.ON_TRACK),  # the line expects 6.375 in 2022
        ({2019: 6.0, 2022: 6.1}, True, monitoring.OFF_TRACK),
        ({2019: 60.0, 2022: 58.0}, False, monitoring.ON_TRACK),  # lower is better; line expects 58.5
        ({2018: 5.0}, True, monitoring.NO_DATA),  # nothing since the baseline year
    ],
)
def test_indicator_against_baseline_and_target(values, higher, status):
    baseline, target = (6.0, 7.0) if higher else (60.0, 56.0)
    got, year, _ = monitoring.assess(pd.Series(values), 2019, baseline, 2027, target, higher)
    assert got == status
    assert (year is None) == (status == monitoring.NO_DATA)


@pytest.mark.data
def test_computed_indicators_come_from_the_data():
    from workbench.io.inputs import load_region
    from workbench.stats.monitoring import computed

    data = load_region(UTRECHT)
    rates = computed(data, "meldingen_per_1000")
    assert list(rates.index) == list(range(2019, 2025))
    cells = data.aard[
        data.aard["regio_code"].isin(data.member_codes)
        & (data.aard["periode"] == "2024JJ00")
        & (data.aard["categorie_code"] == "T001")
        & (data.aard["maat"] == "ontvangen_meldingen")
    ]
    population = data.kwb.set_index("code").loc[data.member_codes, "inwoners"].sum()
    assert len(cells) == 16 and cells["aantal"].notna().all()  # Utrecht's gemeenten all publish this cell
    assert rates.at[2024, "waarde"] == pytest.approx(cells["aantal"].sum() / population * 1000)
    assert rates.at[2024, "soort"] == "exact"
    assert 0 < computed(data, "aandeel_politie").at[2023, "waarde"] < 100
    with pytest.raises(ValueError):
        computed(data, "hermeldingen")


@pytest.mark.data
def test_validate_names_a_broken_region_file(data_copy):
    path = path_for(UTRECHT, data_copy)
    path.write_text(
        path.read_text(encoding="utf-8").replace("richting: hoger", "richting: omhoog", 1), encoding="utf-8"
    )
    out = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "validate", "--data-dir", str(data_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 1
    assert "regios/GM0344/regiovisie.yaml, regel" in out.stdout and "'omhoog'" in out.stdout


@pytest.mark.data
def test_an_agreed_task_must_be_a_task_of_the_budget_template(tmp_path):
    doc = {"regio": UTRECHT, "taken": [{"taak": "Toegang en wijkteams", "niveau": "lokaal", "gemeente": "alle"}]}
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    with pytest.raises(RegiovisieError) as err:
        load(path, UTRECHT, members())
    (problem,) = err.value.problems
    assert problem.path == "taken[1].taak"
    assert "'Toegang en wijkteams' kan hier niet; kies uit: Veilig Thuis" in problem.message
    assert "Lokale toegang en wijkteams" in problem.message  # the message lists the right name


@pytest.mark.unit
def test_the_template_lists_the_tasks_and_makes_the_scenario_optional(tmp_path):
    from workbench.io.budget import SPENDING_TASKS
    from workbench.io.regiovisie import write_template

    path = write_template(UTRECHT, "Utrecht", {UTRECHT: "Utrecht"}, tmp_path)
    text = path.read_text(encoding="utf-8")
    assert all(f"#   {task}" in text for task in SPENDING_TASKS)
    assert load(path, UTRECHT, [UTRECHT])["financien"].get("voorbeeldbedrag") is None


# --- what an analyst may write, and what an attacker may try ------------------------------------------------------


def _utrecht_file(tmp_path, change) -> object:
    text = change(path_for(UTRECHT).read_text(encoding="utf-8"))
    path = tmp_path / "regiovisie.yaml"
    path.write_text(text, encoding="utf-8")
    return path


BOMB = "".join(
    f"{k}: &{k} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['x'] * 9)}]\n"
    for p, k in zip(["", "a", "b", "c", "d", "e"], ["a", "b", "c", "d", "e", "f"], strict=True)
)


@pytest.mark.data
@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (
            lambda t: t.replace("regio: GM0344", "regio: !!python/object/apply:os.system ['echo x']", 1),
            "regio",
            "het type 'tag:yaml.org,2002:python/object/apply:os.system' kan niet",
        ),
        (lambda t: BOMB + t, "b[1]", "een verwijzing naar een anker (*naam) kan niet"),
        (
            lambda t: t.replace("deadline: ", "deadline: 2026-02-31 #", 1),
            "planning.deadline",
            "'2026-02-31' is geen bestaande datum",
        ),
        (
            lambda t: t.replace("bedrag: 250000", "bedrag: .nan", 1),
            "financien.voorbeeldbedrag",
            "nan is geen bruikbaar getal",
        ),
        (
            lambda t: t.replace("bedrag: 250000", "bedrag: -.inf", 1),
            "financien.voorbeeldbedrag",
            "-inf is geen bruikbaar getal",
        ),
        (
            lambda t: t.replace("bedrag: 250000", "bedrag: twee ton", 1),
            "financien.voorbeeldbedrag",
            "'twee ton' is geen getal; schrijf bijvoorbeeld 250000 of 8,5",
        ),
    ],
    ids=["python-tag", "alias-bomb", "31-february", "nan", "infinity", "text-amount"],
)
def test_a_hostile_or_impossible_value_is_a_located_dutch_problem_never_a_crash(tmp_path, change, path, words):
    with pytest.raises(RegiovisieError) as err:
        load(_utrecht_file(tmp_path, change), UTRECHT, members())
    hit = [p for p in err.value.problems if p.path == path and words in p.message]
    assert hit, [(p.path, p.message) for p in err.value.problems]
    assert all(p.line >= 1 for p in err.value.problems)


@pytest.mark.data
def test_dutch_dates_decimal_commas_and_gemeente_names_are_read_as_a_dutch_user_means_them(tmp_path):
    def dutch(text: str) -> str:
        text = text.replace("bedrag: 250000", 'bedrag: "250.000,50"', 1)
        lines = text.splitlines()
        i = next(i for i, x in enumerate(lines) if x.strip().startswith("deadline: "))
        lines[i] = lines[i].split(": ")[0] + ": 31-12-2026"
        return "\n".join(lines) + "\n"

    path = _utrecht_file(tmp_path, dutch)
    comp = read_composition()
    names = dict(comp.loc[comp["centrumgemeente_code"] == UTRECHT, ["gemeentecode", "gemeentenaam"]].to_numpy())
    doc = load(path, UTRECHT, names)
    assert doc["planning"]["deadline"] == dt.date(2026, 12, 31)
    assert doc["financien"]["voorbeeldbedrag"] == 250000.5
    named = yaml.safe_load(path.read_text(encoding="utf-8"))
    named["aanbieders"][0]["gemeenten"] = ["zeist", "GM0344"]
    path.write_text(yaml.safe_dump(named, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert load(path, UTRECHT, names)["aanbieders"][0]["gemeenten"] == ["GM0355", "GM0344"]  # Zeist by its name
    named["aanbieders"][0]["gemeenten"] = ["Zeistt"]
    path.write_text(yaml.safe_dump(named, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(RegiovisieError) as err:
        load(path, UTRECHT, names)
    assert "'Zeistt' is geen gemeente van deze regio. Bedoelt u Zeist (GM0355)?" in str(err.value)
