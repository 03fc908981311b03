import json
from pathlib import Path

import pandas as pd
import pytest

from workbench.errors import InputError
from workbench.io.statline import VT_AARD, VT_FILES, parse_periods, read_cbsodata_records, read_statline_file
from workbench.paths import DEFAULT_DATA_DIR

FIXTURE = Path(__file__).parent / "fixtures" / "cbsodata_84851NED.json"


@pytest.mark.unit
def test_period_codes_and_labels():
    periods = pd.Series(["2023HJ01", "2023JJ00*", "2023 2e halfjaar", "2022*"])
    out = parse_periods(periods, pd.Series([2, 3, 4, 5]), Path("t.csv"))
    assert out["periode"].tolist() == ["2023HJ01", "2023JJ00", "2023HJ02", "2022JJ00"]
    assert out["halfjaar"].tolist() == [1, 0, 2, 0]
    assert out["voorlopig"].tolist() == [False, True, False, True]


@pytest.mark.unit
def test_bad_period_names_line():
    with pytest.raises(InputError, match="periode") as err:
        parse_periods(pd.Series(["2023HJ01", "H1 2023"]), pd.Series([2, 3]), Path("t.csv"))
    assert err.value.rows == [3]


@pytest.mark.data
def test_shipped_table_is_tidy_and_typed():
    tidy = read_statline_file(DEFAULT_DATA_DIR / VT_FILES["84851NED"], VT_AARD)
    assert tidy["regio_code"].str.fullmatch(r"GM\d{4}|VT\d{2}|NL01").all()
    assert str(tidy["aantal"].dtype) == "Int64"
    secret = tidy["status"].eq("geheim")
    assert secret.any() and tidy.loc[secret, "aantal"].isna().all()
    assert tidy.loc[~secret, "aantal"].ge(10).all()
    assert tidy.loc[tidy["jaar"] >= 2023, "voorlopig"].all()


@pytest.mark.unit
def test_cbsodata_records_with_titles_map_back_to_keys():
    doc = json.loads(FIXTURE.read_text(encoding="utf-8"))
    tidy = read_cbsodata_records(doc["data"], VT_AARD, doc["meta"])
    utrecht = tidy[(tidy["regio_code"] == "GM0344") & (tidy["maat"] == "ontvangen_meldingen")].iloc[0]
    assert utrecht["periode"] == "2023HJ01" and bool(utrecht["voorlopig"])
    assert utrecht["categorie_code"] == "AG01" and utrecht["aantal"] == 810
    vlieland = tidy[tidy["regio_code"] == "GM0096"]
    assert vlieland["status"].eq("geheim").all() and vlieland["aantal"].isna().all()


@pytest.mark.unit
def test_unknown_category_is_named(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        '"RegioS";"Perioden";"AardVanHetGeweld";"GestarteAdviezen_1";"OntvangenMeldingen_2"\n'
        '"GM0344";"2023JJ00";"XX99";"10";"15"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="onbekende categorie van AardVanHetGeweld") as err:
        read_statline_file(path, VT_AARD)
    assert err.value.rows == [2]
