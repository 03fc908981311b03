from pathlib import Path

import pandas as pd
import pytest

from workbench.errors import InputError
from workbench.io.cells import parse_amount_text, parse_amounts, parse_counts

pytestmark = pytest.mark.unit


def frame(values):
    return pd.DataFrame({"n": values, "regel": range(2, len(values) + 2)})


def test_cbs_markers_become_states_not_zero():
    counts, states = parse_counts(frame(["15", ".", "x", "-", "", "-99997", "20*"]), "n", Path("t.csv"))
    assert states.tolist() == ["waarde", "geheim", "geheim", "nihil", "onbekend", "geheim", "waarde"]
    assert counts.iloc[0] == 15 and counts.iloc[6] == 20 and counts.iloc[3] == 0
    assert counts.isna().tolist() == [False, True, True, False, True, True, False]
    assert counts.sum() == 35  # secret cells never count as numbers


def test_negative_count_is_kept_for_validation_to_report():
    counts, _ = parse_counts(frame(["\u221215"]), "n", Path("t.csv"))
    assert counts.iloc[0] == -15


def test_decimal_comma_in_a_count_is_an_error_with_line():
    with pytest.raises(InputError, match="een aantal is een heel getal \\(staat er een decimale komma") as err:
        parse_counts(frame(["10", "12,5"]), "n", Path("t.csv"))
    assert err.value.rows == [3]
    assert err.value.column == "n"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234,56", 1234.56),
        ("1.234,56", 1234.56),
        ("1,234.56", 1234.56),
        ("€ 1.234", 1234.0),
        ("1\u00a0234", 1234.0),
        ("\u2212250", -250.0),
        ("12.5", 12.5),
        ("", None),
    ],
)
def test_amounts_as_spreadsheets_write_them(text, value):
    assert parse_amount_text(text) == value


def test_bad_amount_names_line():
    with pytest.raises(InputError, match="geen bedrag") as err:
        parse_amounts(frame(["10", "tien"]), "n", Path("b.csv"))
    assert err.value.rows == [3]
    assert err.value.values == ["tien"]
