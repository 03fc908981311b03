"""Property-based tests of the disclosure rule and the differencing guard."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.disclosure.differencing import hidden_interval, recoverable, secondary_suppression
from workbench.disclosure.rule import disclose, round_count

pytestmark = pytest.mark.unit

counts = st.integers(min_value=0, max_value=10_000_000)


@given(counts)
def test_small_counts_are_hidden_and_others_rounded_to_five(n):
    r = round_count(n)
    if n <= 7:
        assert r is None
    else:
        assert r % 5 == 0 and abs(r - n) <= 2 and r >= 10


@given(counts, counts)
def test_rounding_keeps_order(a, b):
    ra, rb = round_count(a), round_count(b)
    if a <= b and ra is not None and rb is not None:
        assert ra <= rb  # a part can never be published above its total


@given(st.lists(counts, min_size=1, max_size=50))
def test_disclosed_table_never_shows_a_small_count(values):
    out = disclose(pd.Series(values))
    shown = out["aantal"].dropna()
    assert (shown >= 10).all() and (shown % 5 == 0).all()
    assert (out["status"] == "geheim").sum() == sum(v <= 7 for v in values)


@given(st.lists(st.integers(8, 5000), min_size=1, max_size=30), st.integers(0, 7))
def test_a_hidden_cell_is_never_pinned_down_after_the_guard(visible_raw, hidden_raw):
    """Publish rounded parts with one hidden, and the total rounded on its own (CBS's way): after secondary
    suppression, the attacker's interval for every hidden cell holds at least four values, or two cells hide."""
    parts = pd.Series([round_count(v) for v in visible_raw] + [None], dtype="Int64")
    total = round_count(sum(visible_raw) + hidden_raw)
    guarded = secondary_suppression(parts, total)
    if guarded.isna().sum() == 1:
        low, high = hidden_interval(guarded.dropna(), total)
        assert high - low + 1 >= 4
    assert recoverable(guarded, total) == []


def test_one_hidden_cell_beside_an_exact_total_triggers_secondary_suppression():
    parts = pd.Series({"A": 100, "B": 50, "C": pd.NA}, dtype="Int64")
    assert recoverable(parts, 155) == []  # 155 - 150 = 5 ± 6: every value 0..7 remains possible
    assert recoverable(parts, 145) == ["C"]  # 145 - 150 = -5 ± 6: only 0 or 1 remains, so ...
    guarded = secondary_suppression(parts, 145)
    assert guarded.isna().sum() == 2 and pd.isna(guarded["B"])  # ... the smallest visible part hides too


def test_no_total_or_two_hidden_cells_need_nothing():
    parts = pd.Series({"A": 100, "B": pd.NA, "C": pd.NA}, dtype="Int64")
    assert recoverable(parts, 110) == []
    assert recoverable(parts.fillna(10), None) == []
