import pandas as pd
import pytest

from workbench.errors import InputError
from workbench.io.budget import BUDGET_COLUMNS, read_budget, read_budget_file

HEADER = "regio_code;gemeentecode;jaar;status;soort;post;niveau;bedrag_euro;toelichting\n"


@pytest.mark.data
def test_shipped_demo_budget_reads_typed():
    budget = read_budget()
    assert str(budget["jaar"].dtype) == "Int64"
    assert str(budget["bedrag_euro"].dtype) == "Float64"
    assert budget["regio_code"].nunique() == 35
    totals = budget["post"] == "Totaal"
    assert set(budget.loc[totals, "toelichting"]) == {"som van de regels hierboven"}
    assert set(budget.loc[~totals, "toelichting"]) == {"demonstratiecijfer"}


@pytest.mark.unit
def test_csv_and_xlsx_give_the_same_frame(tmp_path):
    csv_path = tmp_path / "b.csv"
    csv_path.write_text(
        HEADER + "GM0344;GM0344;2024;begroot;inkomsten;DU Vrouwenopvang;regionaal;1.234.567,89;\n"
        "GM0344;GM0344;2024;begroot;inkomsten;Totaal;totaal;1234567,89;som\n",
        encoding="cp1252",
    )
    from_csv = read_budget_file(csv_path)
    xlsx_path = tmp_path / "b.xlsx"
    sheet = pd.DataFrame(
        [
            ["GM0344", "GM0344", 2024, "begroot", "inkomsten", "DU Vrouwenopvang", "regionaal", 1234567.89, None],
            ["GM0344", "GM0344", 2024, "begroot", "inkomsten", "Totaal", "totaal", "1234567,89", "som"],
        ],
        columns=BUDGET_COLUMNS,
    )
    sheet.to_excel(xlsx_path, sheet_name="begroting", index=False)
    from_xlsx = read_budget_file(xlsx_path)
    assert from_csv["bedrag_euro"].tolist() == pytest.approx([1234567.89, 1234567.89])
    pd.testing.assert_frame_equal(from_csv, from_xlsx, check_dtype=False)


@pytest.mark.unit
def test_bad_year_is_named(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text(HEADER + "GM0344;GM0344;twintig;begroot;inkomsten;X;regionaal;10;\n", encoding="utf-8")
    with pytest.raises(InputError, match="dit is geen jaar") as err:
        read_budget_file(path)
    assert err.value.column == "jaar" and err.value.rows == [2]


@pytest.mark.unit
def test_empty_sheet_is_an_error(tmp_path):
    path = tmp_path / "b.xlsx"
    pd.DataFrame(columns=BUDGET_COLUMNS).to_excel(path, sheet_name="begroting", index=False)
    with pytest.raises(InputError, match="geen gegevens"):
        read_budget_file(path)


@pytest.mark.data
def test_every_section_reports_the_same_budget_year():
    from workbench.stats.budget_figures import region_lines, reporting_year

    lines = region_lines(read_budget(), "GM0344")
    assert reporting_year(lines, 2024) == (2024, "gerealiseerd")
    assert reporting_year(lines, 2025) == (2025, "begroot")  # budgeted only, so far
    assert reporting_year(lines, 2022) == (2022, "gerealiseerd")  # not the latest realised year (2024)
    assert reporting_year(lines, 2030) == (2025, "begroot")  # no lines for that year: the latest earlier one
    assert reporting_year(lines, 2019) == (2025, "begroot")  # nothing earlier: the latest at all
    assert reporting_year(lines.iloc[0:0], 2024) == (None, None)


def _lines(rows):
    return pd.DataFrame(rows, columns=["jaar", "status", "soort", "post", "niveau", "bedrag_euro"]).assign(
        regio_code="GM0001", gemeentecode="GM0001"
    )


@pytest.mark.unit
def test_the_regional_saldo_is_regional_income_minus_regional_spending():
    from workbench.stats.budget_figures import regional_balance

    lines = _lines(
        [
            (2024, "gerealiseerd", "inkomsten", "DU Vrouwenopvang", "regionaal", 1000.0),
            (2024, "gerealiseerd", "inkomsten", "Eigen middelen gemeente", "lokaal", 500.0),
            (2024, "gerealiseerd", "uitgaven", "Veilig Thuis", "regionaal", 1200.0),
            (2024, "gerealiseerd", "uitgaven", "Preventie en voorlichting", "lokaal", 400.0),
        ]
    )
    assert regional_balance(lines, 2024, "gerealiseerd") == -200.0  # local money does not count
    assert regional_balance(lines, 2025, "begroot") is None


@pytest.mark.unit
def test_agreed_tasks_are_matched_with_money_by_task_and_level():
    from workbench.stats.budget_figures import tasks_against_money

    lines = _lines(
        [
            (2024, "gerealiseerd", "uitgaven", "Veilig Thuis", "regionaal", 1200.0),
            (2024, "gerealiseerd", "uitgaven", "Aanpak ouderenmishandeling", "regionaal", 80.0),
            (2024, "gerealiseerd", "uitgaven", "Preventie en voorlichting", "lokaal", 0.0),
        ]
    )
    agreed = pd.DataFrame({"taak": ["Veilig Thuis", "Preventie en voorlichting"], "niveau": ["regionaal", "lokaal"]})
    check = tasks_against_money(lines, 2024, "gerealiseerd", agreed)
    assert check.to_dict("records") == [
        {
            "taak": "Veilig Thuis",
            "niveau": "regionaal",
            "afgesproken": True,
            "bedrag_euro": 1200.0,
            "oordeel": "in orde",
        },
        {
            "taak": "Aanpak ouderenmishandeling",
            "niveau": "regionaal",
            "afgesproken": False,
            "bedrag_euro": 80.0,
            "oordeel": "geld, geen afgesproken taak",
        },
        {
            "taak": "Preventie en voorlichting",
            "niveau": "lokaal",
            "afgesproken": True,
            "bedrag_euro": 0.0,
            "oordeel": "geen geld in de begroting",
        },
    ]


@pytest.mark.data
def test_budget_and_agreed_tasks_use_the_one_task_list(data_copy):
    from workbench.checks.suites import validate_all
    from workbench.demo.budget import LOCAL_TASKS, REGIONAL_TASKS
    from workbench.io.budget import SPENDING_TASKS

    assert set(REGIONAL_TASKS) | set(LOCAL_TASKS) <= set(SPENDING_TASKS)
    spending = read_budget()
    spending = spending[(spending["soort"] == "uitgaven") & (spending["post"] != "Totaal")]
    assert set(spending["post"]) <= set(SPENDING_TASKS)
    path = data_copy / "budget" / "begroting_demo.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(";uitgaven;Veilig Thuis;", ";uitgaven;Veilig thuis;", 1), encoding="utf-8")
    (result,) = validate_all(data_copy, only=["begroting"])
    assert not result.ok
    failure = next(f for f in result.failures if f.column == "taak")
    assert failure.values == ["Veilig thuis"] and "een taak uit het sjabloon" in failure.description
