import pandas as pd
import pytest

from workbench.budget import BUDGET_COLUMNS, read_budget
from workbench.errors import InputError

HEADER = "regio_code;gemeentecode;jaar;status;soort;post;niveau;bedrag_euro;toelichting\n"


def test_shipped_demo_budget_reads_typed():
    budget = read_budget()
    assert str(budget["jaar"].dtype) == "Int64"
    assert str(budget["bedrag_euro"].dtype) == "Float64"
    assert budget["regio_code"].nunique() == 35
    assert budget["toelichting"].eq("demonstratiecijfer").all() or budget["toelichting"].str.contains("som").any()


def test_csv_and_xlsx_give_the_same_frame(tmp_path):
    csv_path = tmp_path / "b.csv"
    csv_path.write_text(
        HEADER + "GM0344;GM0344;2024;begroot;inkomsten;DU Vrouwenopvang;regionaal;1.234.567,89;\n"
        "GM0344;GM0344;2024;begroot;inkomsten;Totaal;totaal;1234567,89;som\n",
        encoding="cp1252",
    )
    from_csv = read_budget(csv_path)
    xlsx_path = tmp_path / "b.xlsx"
    sheet = pd.DataFrame(
        [
            ["GM0344", "GM0344", 2024, "begroot", "inkomsten", "DU Vrouwenopvang", "regionaal", 1234567.89, None],
            ["GM0344", "GM0344", 2024, "begroot", "inkomsten", "Totaal", "totaal", "1234567,89", "som"],
        ],
        columns=BUDGET_COLUMNS,
    )
    sheet.to_excel(xlsx_path, sheet_name="begroting", index=False)
    from_xlsx = read_budget(xlsx_path)
    assert from_csv["bedrag_euro"].tolist() == pytest.approx([1234567.89, 1234567.89])
    pd.testing.assert_frame_equal(from_csv, from_xlsx, check_dtype=False)


def test_bad_year_is_named(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text(HEADER + "GM0344;GM0344;twintig;begroot;inkomsten;X;regionaal;10;\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a year") as err:
        read_budget(path)
    assert err.value.column == "jaar" and err.value.rows == [2]


def test_empty_sheet_is_an_error(tmp_path):
    path = tmp_path / "b.xlsx"
    pd.DataFrame(columns=BUDGET_COLUMNS).to_excel(path, sheet_name="begroting", index=False)
    with pytest.raises(InputError, match="no data rows"):
        read_budget(path)


def test_every_section_reports_the_same_budget_year():
    from workbench.budget_views import region_lines, reporting_year

    lines = region_lines(read_budget(), "GM0344")
    assert reporting_year(lines, 2024) == (2024, "gerealiseerd")
    assert reporting_year(lines, 2025) == (2025, "begroot")  # budgeted only, so far
    assert reporting_year(lines, 2022) == (2022, "gerealiseerd")  # not the latest realised year (2024)
    assert reporting_year(lines, 2030) == (2025, "begroot")  # no lines for that year: the latest earlier one
    assert reporting_year(lines, 2019) == (2025, "begroot")  # nothing earlier: the latest at all
    assert reporting_year(lines.iloc[0:0], 2024) == (None, None)
