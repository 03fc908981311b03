"""Gemeenten across years: every year's indeling, figures carried between them, and the reports that follow."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbench.errors import InputError
from workbench.io.csv_input import LINE
from workbench.io.gemeenten import read_indeling, regions_in
from workbench.io.herindelingen import COLUMNS
from workbench.io.kwb import gemeenten, read_kwb
from workbench.paths import DEFAULT_DATA_DIR
from workbench.stats import vt_cells, year_view
from workbench.stats.indeling import build_indeling
from workbench.stats.vt_cells import STATE_LOWER

SOURCE = Path("herindelingen.csv")


def changes(*lines: tuple[str, str, str, str, str]) -> pd.DataFrame:
    """(date, old code, new code, new name, deel) lines in the form the reader gives."""
    rows = [
        {
            "datum": pd.Timestamp(d),
            "gemeentecode_oud": old,
            "gemeentenaam_oud": old,
            "gemeentecode_nieuw": new,
            "gemeentenaam_nieuw": name,
            "soort": "samenvoeging" if deel == "geheel" else "opheffing en splitsing",
            "deel": deel,
            "bron": "test",
            LINE: i + 2,
            "jaar": pd.Timestamp(d).year,
            "dorp": None if deel == "geheel" else deel.split(" ", 1)[1],
        }
        for i, (d, old, new, name, deel) in enumerate(lines)
    ]
    return pd.DataFrame(rows, columns=[*COLUMNS, LINE, "jaar", "dorp"])


GEMEENTEN = pd.DataFrame({"code": ["GM0001", "GM0002", "GM0003", "GM0004"], "naam": ["A", "B", "C", "D"]})
WIJKEN = pd.DataFrame({"code": ["WK000401", "WK000402"], "wijknaam": ["Oost", "West"], "gemeentecode": "GM0004"})
MERGE_AND_SPLIT = changes(
    ("2021-01-01", "GM0001", "GM0009", "AB", "geheel"),
    ("2021-01-01", "GM0002", "GM0009", "AB", "geheel"),
    ("2022-01-01", "GM0004", "GM0003", "C", "dorp Oost"),
    ("2022-01-01", "GM0004", "GM0009", "AB", "dorp West"),
)


@pytest.fixture
def indeling():
    return build_indeling(GEMEENTEN, WIJKEN, MERGE_AND_SPLIT, SOURCE)


@pytest.mark.unit
def test_each_year_has_its_own_gemeenten_and_earlier_years_read_in_2020(indeling):
    assert indeling.codes(2019) == indeling.codes(2020) == {"GM0001", "GM0002", "GM0003", "GM0004"}
    assert indeling.codes(2021) == {"GM0009", "GM0003", "GM0004"}
    assert indeling.codes(2025) == indeling.codes(2022) == {"GM0009", "GM0003"}
    assert indeling.gemeenten(2022).set_index("gemeentecode")["gemeentenaam"].to_dict() == {
        "GM0003": "C",
        "GM0009": "AB",
    }


@pytest.mark.unit
def test_a_merged_gemeente_takes_its_parts_whole_a_split_one_goes_over_in_part(indeling):
    rel = indeling.relation(2020, 2022).set_index(["bron", "doel"])["deel"]
    assert not rel[("GM0001", "GM0009")] and not rel[("GM0002", "GM0009")]
    assert rel[("GM0004", "GM0003")] and rel[("GM0004", "GM0009")]
    back = indeling.relation(2022, 2020).set_index(["bron", "doel"])["deel"]
    assert back[("GM0009", "GM0001")]  # a later merged gemeente lies only in part in each of its parts


@pytest.mark.unit
def test_codes_are_read_in_their_periods_year_or_else_the_latest_year_that_has_them_all(indeling):
    assert indeling.fitting_year({"GM0001", "GM0004"}, 2020) == 2020
    assert indeling.fitting_year({"GM0009", "GM0003"}, 2020) == 2022  # a file redone in the newest indeling
    assert indeling.fitting_year({"GM0009", "GM0001"}, 2021) is None  # two indelingen mixed


@pytest.mark.unit
@pytest.mark.parametrize(
    ("bad", "words"),
    [
        (("2022-01-01", "GM0004", "GM0003", "C", "dorp Noord"), "dorp 'Noord'"),
        (("2021-01-01", "GM0007", "GM0009", "AB", "geheel"), "GM0007 bestaat niet"),
    ],
)
def test_a_change_that_cannot_be_followed_names_its_line(bad, words):
    with pytest.raises(InputError, match=words) as caught:
        build_indeling(GEMEENTEN, WIJKEN, changes(bad), SOURCE)
    assert caught.value.rows == [2]


@pytest.mark.unit
def test_a_split_that_leaves_a_village_behind_is_refused():
    half = changes(("2022-01-01", "GM0004", "GM0003", "C", "dorp Oost"))
    with pytest.raises(InputError, match="houdt een deel van haar gebied"):
        build_indeling(GEMEENTEN, WIJKEN, half, SOURCE)


def cells(values: dict[str, int | None], periode: str) -> pd.DataFrame:
    """Published cells of one period (None: secret), one category and measure."""
    return pd.DataFrame(
        {
            "regio_code": list(values),
            "periode": periode,
            "jaar": int(periode[:4]),
            "halfjaar": 0,
            "voorlopig": False,
            "categorie_code": "T001",
            "maat": "ontvangen_meldingen",
            "aantal": pd.array(list(values.values()), dtype="Int64"),
            "status": ["geheim" if v is None else "waarde" for v in values.values()],
            LINE: range(2, len(values) + 2),
        }
    )


@pytest.mark.unit
def test_cells_of_earlier_gemeenten_add_up_and_a_split_ones_count_only_in_the_upper_bound(indeling):
    table = pd.concat(
        [
            cells({"GM0001": 40, "GM0002": 20, "GM0003": 30, "GM0004": 15}, "2020JJ00"),
            cells({"GM0001": 40, "GM0002": None, "GM0003": 30, "GM0004": 15}, "2019JJ00"),
            cells({"GM0009": 90, "GM0003": 50}, "2022JJ00"),
        ]
    )
    out = vt_cells.in_year(table, indeling, 2024, SOURCE).set_index(["regio_code", "periode"])
    ab = out.loc[("GM0009", "2020JJ00")]
    assert (ab["aantal"], ab["ondergrens"], ab["bovengrens"], ab["deels"]) == (60, 60, 75, 1)
    assert ab["status"] == STATE_LOWER
    secret = out.loc[("GM0009", "2019JJ00")]
    assert (secret["aantal"], secret["bovengrens"], secret["geheim"]) == (40, 40 + 7 + 15, 1)
    assert out.loc[("GM0009", "2022JJ00"), "status"] == "waarde" and out.loc[("GM0009", "2022JJ00"), "aantal"] == 90
    assert set(out.index.get_level_values(0)) == {"GM0009", "GM0003"}


@pytest.mark.unit
def test_a_missing_part_makes_the_sum_open_ended_and_mixed_codes_are_named(indeling):
    gap = vt_cells.in_year(cells({"GM0001": 40, "GM0003": 30, "GM0004": 15}, "2020JJ00"), indeling, 2021, SOURCE)
    row = gap.set_index("regio_code").loc["GM0009"]
    assert row["aantal"] == 40 and row["bovengrens"] == float("inf") and row["open"] == 1
    with pytest.raises(InputError, match="mengen indelingen") as caught:
        vt_cells.in_year(cells({"GM0009": 90, "GM0001": 40}, "2021JJ00"), indeling, 2024, SOURCE)
    assert caught.value.column == "RegioS" and caught.value.rows


@pytest.fixture(scope="module")
def shipped():
    kwb = read_kwb()
    indeling, blocks = read_indeling(DEFAULT_DATA_DIR, kwb)
    return kwb, indeling, blocks


@pytest.mark.data
def test_the_gemeenten_of_2024_carry_every_inhabitant_of_2020(shipped):
    kwb, indeling, blocks = shipped
    k24 = year_view.kwb_in_year(kwb, blocks, indeling, 2024)
    g24 = gemeenten(k24)
    assert len(g24) == 342 and g24["inwoners"].sum() == 17_407_585
    for column in ["inwoners", "leeftijd_0_14", "leeftijd_65_plus", "bijstand", "huishoudens"]:
        assert g24[column].sum() == gemeenten(kwb)[column].sum(), column
    by_code = k24.set_index("code")
    old = kwb.set_index("code")
    assert by_code.loc["GM1979", "inwoners"] == old.loc[["GM0003", "GM0010", "GM0024"], "inwoners"].sum()
    haaren_parts = by_code.loc[["GM0757", "GM0824", "GM0855", "GM0865"], "inwoners"].sum()
    before = old.loc[["GM0757", "GM0824", "GM0855", "GM0865", "GM0788"], "inwoners"].sum()
    assert haaren_parts == before  # Haaren's inhabitants all went over, village by village
    assert by_code.loc["GM0757", "inwoners"] - old.loc["GM0757", "inwoners"] == pytest.approx(2155, abs=5)  # Esch
    unchanged = by_code.loc["GM0344"]
    pd.testing.assert_series_equal(unchanged, old.loc["GM0344"])  # an unchanged gemeente keeps its published row
    pd.testing.assert_frame_equal(year_view.kwb_in_year(kwb, blocks, indeling, 2020), kwb)


@pytest.mark.data
def test_merged_gemeenten_join_the_region_of_their_parts_or_say_why_not():
    regions = regions_in(None, 2024)
    comp = regions.composition.set_index("gemeentecode")
    assert len(comp) == 342
    assert comp.loc["GM1979", "centrumgemeente_naam"] == "Groningen"
    assert comp.loc["GM1979", "regio_grond"] == year_view.GROUND_PARTS
    amsterdam = comp.loc["GM0363"]
    assert amsterdam["centrumgemeente_code"] == "GM0363" and amsterdam["regio_grond"] == year_view.GROUND_OWN_CODE
    assert "Weesp (regio Hilversum)" in amsterdam["delen_elders"]
    assert comp.loc["GM0824", "centrumgemeente_naam"] == "Tilburg"  # Oisterwijk took the village Haaren
    assert regions.regions_of["GM0788"] == ["GM0796", "GM0855"]  # Haaren lies in two regions now
    assert regions.regions_of["GM0457"] == ["GM0363"]


def in_2024_codes(table: pd.DataFrame, indeling, spec) -> pd.DataFrame:
    """A table as CBS would redo it in the 2024 indeling: a merged gemeente's cell is the sum of its parts' cells
    where all are published, else secret; a gemeente that took villages of a split one is secret before."""
    from workbench.io.statline import NATIONAL_REGION

    carried = vt_cells.in_year(table, indeling, 2024, Path("x"))
    value = carried["aantal"].where(carried["status"].isin(["waarde", "nihil"]))
    frame = pd.DataFrame(
        {
            "ID": range(len(carried)),
            "RegioS": carried["regio_code"],
            "Perioden": carried["periode"] + carried["voorlopig"].map({True: "*", False: ""}),
            spec.dimension: carried["categorie_code"],
            "maat": carried["maat"],
            "waarde": value.map(lambda v: "." if pd.isna(v) else str(int(v))),
        }
    )
    wide = frame.pivot_table(
        index=["RegioS", "Perioden", spec.dimension], columns="maat", values="waarde", aggfunc="first"
    ).reset_index()
    topics = {measure: topic for topic, measure in spec.topics.items()}
    wide = wide.rename(columns=topics)
    assert NATIONAL_REGION in set(wide["RegioS"])
    return wide[["RegioS", "Perioden", spec.dimension, *spec.topics]]


@pytest.mark.e2e
def test_a_veilig_thuis_file_wholly_in_2024_codes_builds_a_report_with_the_gemeenten_of_2024(data_copy, tmp_path):
    """CBS may redo a table in a newer indeling: then every period of the file speaks of the 2024 gemeenten."""
    from workbench.build.report import build_report
    from workbench.io.statline import VT_AARD, VT_FILES, VT_MELDER, read_statline_file

    indeling, _ = read_indeling(data_copy, read_kwb(data_copy))
    for spec in (VT_AARD, VT_MELDER):
        path = data_copy / VT_FILES[spec.table_id]
        redone = in_2024_codes(read_statline_file(path, spec), indeling, spec)
        redone.to_csv(path, sep=";", index=False)
    codes = pd.read_csv(data_copy / VT_FILES[VT_AARD.table_id], sep=";", dtype=str)
    assert set(codes.loc[codes["Perioden"] == "2019JJ00", "RegioS"]) >= {"GM1979", "GM1982"}
    html = build_report("GM0014", data=data_copy, out=tmp_path).html.read_text(encoding="utf-8")
    assert "Eemsdelta" in html and ">Appingedam<" not in html
    assert "Eemsdelta ontstond op 1 januari 2021 uit Appingedam, Delfzijl en Loppersum." in html
