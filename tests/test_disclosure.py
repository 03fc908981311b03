import pandas as pd
import pytest

from workbench.disclosure.rule import disclose, format_count, round_count

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("count", "published"), [(0, None), (7, None), (8, 10), (12, 10), (13, 15), (17, 15), (18, 20), (1000, 1000)]
)
def test_rule_at_its_edges(count, published):
    assert round_count(count) == published


def test_negative_is_refused():
    with pytest.raises(ValueError):
        round_count(-1)


def test_disclose_marks_secret_cells_and_formats_them_as_dot():
    out = disclose(pd.Series([3, 12, 1234]))
    assert out["status"].tolist() == ["geheim", "waarde", "waarde"]
    assert [format_count(v) for v in out["aantal"]] == [".", "10", "1.235"]
