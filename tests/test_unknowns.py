"""An unknown is never a number: sums of published cells carry what is secret into every figure drawn from them."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.disclosure.bounds import APPROXIMATE, EXACT, LOWER_BOUND, UNKNOWN, Bounded, row_bounded, sums_frame
from workbench.report import formatting as h
from workbench.stats import extrapolation, monitoring, vt_figures
from workbench.stats.vt_cells import cell_bounds

pytestmark = pytest.mark.unit

# A published cell is a multiple of 5 of at least 10; a secret one is missing and holds 0–7.
published = st.integers(min_value=2, max_value=2000).map(lambda n: 5 * n)
cell = st.one_of(published, st.none())
true_secret = st.integers(min_value=0, max_value=7)


def series(cells: list[int | None]) -> pd.Series:
    return pd.Series(cells, dtype="Int64")


def test_a_sum_of_secret_cells_only_is_unknown_and_written_as_a_dot():
    b = Bounded.count(series([None, None, None]))
    assert b.kind == UNKNOWN and b.value is None and (b.low, b.high) == (0, 21)
    assert h.fmt_int(b) == "." and h.fmt_dec(b.scaled(0.5)) == "."
    assert h.say_bounded(b) == "een onbekend aantal (alle gemeentecijfers geheim)"


def test_a_partly_secret_sum_is_a_lower_bound_with_its_note():
    b = Bounded.count(series([30, None, 15, None]))
    assert b.kind == LOWER_BOUND and (b.low, b.high) == (45, 59)
    assert h.fmt_int(b) == "≥\u00a045" and h.say_bounded(b) == "ten minste 45"
    assert h.secret_note(b) == "2 van 4 gemeenten geheim"
    rate = b.scaled(1000 / 9000)
    assert rate.kind == LOWER_BOUND and h.fmt_dec(rate) == "≥\u00a05,0"


def test_an_unknown_cell_has_no_upper_bound():
    b = Bounded.count(series([30, None]), open_cells=1)
    assert b.kind == LOWER_BOUND and math.isinf(b.high)


def test_a_share_of_partial_sums_is_marked_and_an_exact_one_is_not():
    total = Bounded.count(series([100, 200]))
    assert Bounded.count(series([50, 60])).share_of(total).kind == EXACT
    assert Bounded.count(series([50, None])).share_of(total).kind == LOWER_BOUND
    approx = Bounded.count(series([50, None])).share_of(Bounded.count(series([100, None])))
    assert approx.kind == APPROXIMATE and h.fmt_pct(approx) == "ca.\u00a050%"
    assert Bounded.count(series([None])).share_of(total).kind == UNKNOWN


@settings(max_examples=200, deadline=None)
@given(st.lists(cell, min_size=1, max_size=25), st.data())
def test_bounds_hold_whatever_the_secret_cells_hold(cells, data):
    truth = [c if c is not None else data.draw(true_secret) for c in cells]
    b = Bounded.count(series(cells))
    assert b.low <= sum(truth) <= b.high
    total_cells = [c if c is not None else data.draw(published) for c in cells]
    total = Bounded.count(series(total_cells))
    if b.known and total.known and total.value:
        share = b.share_of(total)
        assert share.low - 1e-12 <= sum(truth) / sum(total_cells) <= share.high + 1e-12


@settings(max_examples=200, deadline=None)
@given(st.lists(cell, min_size=1, max_size=25))
def test_a_region_sum_is_never_written_as_zero_or_a_small_count_and_always_carries_its_mark(cells):
    text = h.fmt_int(Bounded.count(series(cells)))
    secret = sum(c is None for c in cells)
    if secret == len(cells):
        assert text == "."
    else:
        number = int(text.removeprefix("≥\u00a0").replace(".", ""))
        assert number >= 10 and number % 5 == 0
        assert text.startswith("≥\u00a0") == (secret > 0)
    prose = h.say_bounded(Bounded.count(series(cells)))
    assert not re.fullmatch(r"[0-7]", prose) and prose != "0"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), cell), min_size=1, max_size=40))
def test_sums_frame_keeps_the_secret_cells_per_group(rows):
    frame = pd.DataFrame(rows, columns=["groep", "aantal"]).astype({"aantal": "Int64"})
    status = frame["aantal"].isna().map({True: "geheim", False: "waarde"})
    out = sums_frame(cell_bounds(frame.assign(status=status)), ["groep"]).set_index("groep")
    for group, part in frame.groupby("groep"):
        expected = Bounded.count(part["aantal"])
        got = row_bounded(out.loc[group])
        assert (got.value, got.low, got.high, got.secret, got.cells) == (
            expected.value,
            expected.low,
            expected.high,
            expected.secret,
            expected.cells,
        )


def tidy(cells: dict[str, int | None], periode: str = "2024JJ00", categorie: str = "T001") -> pd.DataFrame:
    """Published cells of one period, with the bounds every cell carries once read (see stats.vt_cells)."""
    return cell_bounds(
        pd.DataFrame(
            {
                "regio_code": list(cells),
                "periode": periode,
                "halfjaar": 0 if periode.endswith("JJ00") else int(periode[-1]),
                "categorie_code": categorie,
                "maat": vt_figures.MELDINGEN,
                "aantal": pd.array(list(cells.values()), dtype="Int64"),
                "status": ["geheim" if v is None else "waarde" for v in cells.values()],
                "voorlopig": True,
            }
        )
    )


def test_region_views_read_secret_cells_as_secret():
    t = tidy({"GM0001": 40, "GM0002": None, "GM0003": None})
    b = vt_figures.region_count(t, "2024JJ00", "T001", vt_figures.MELDINGEN, ["GM0001", "GM0002", "GM0003"])
    assert (b.value, b.high, b.secret, b.cells) == (40, 54, 2, 3)
    none = vt_figures.region_count(t, "2024JJ00", "T001", vt_figures.MELDINGEN, ["GM0002", "GM0003"])
    assert none.kind == UNKNOWN
    halves = pd.concat([tidy({"GM0002": None, "GM0003": None}, "2024HJ01"), tidy({"GM0002": 10}, "2024HJ02")])
    s = vt_figures.region_series(halves, ["GM0002", "GM0003"], vt_figures.MELDINGEN).set_index("periode")
    assert pd.isna(s.at["2024HJ01", "aantal"])  # a gap in the chart, never 0
    assert s.at["2024HJ02", "aantal"] == 10 and s.at["2024HJ02", "geheim"] == 0


@pytest.mark.parametrize(
    ("meldingen", "level"),
    [
        (Bounded.exact(300), extrapolation.FAR_BELOW),  # 30%–43% of 700–1,000 victims
        (Bounded.exact(600), extrapolation.BELOW),  # 60%–86%
        (Bounded.exact(800), extrapolation.AROUND),  # 80%–114%
        (Bounded.exact(1200), extrapolation.ABOVE),  # 120%–171%
        (Bounded.count(series([690, None, None, None, None])), extrapolation.UNCERTAIN),  # 69%–99%, up to 103%
        (Bounded.count(series([None, None])), extrapolation.UNCERTAIN),
    ],
)
def test_bereik_level_follows_the_value_and_its_bounds(meldingen, level):
    low_end, high_end = extrapolation.bereik(meldingen, 700, 1000)
    assert extrapolation.bereik_level(low_end, high_end) == level


def test_the_bereik_message_never_says_the_problem_is_hidden_when_meldingen_exceed_the_estimate():
    from workbench.report.sections.samenvatting import bereik_message

    def message(meldingen: Bounded, victims: str = "mishandelde kinderen") -> str:
        ends = extrapolation.bereik(meldingen, 700, 1000)
        return bereik_message(extrapolation.bereik_level(*ends), *ends, victims)

    above = message(Bounded.exact(1200))
    assert "niet bij Veilig Thuis in beeld" not in above
    assert "meer meldingen" in above and "Een melding is geen slachtoffer" in above
    below = message(Bounded.exact(300))
    assert "Een groot deel van het probleem komt dus niet bij Veilig Thuis in beeld" in below and "30%–43%" in below
    assert "Een deel van het probleem" in message(Bounded.exact(600))
    assert "ten minste 30%–43%" in message(Bounded.count(series([300, None])), "kinderen")


def test_an_indicator_judged_on_bounds_is_uncertain_when_the_secret_cells_decide():
    values = pd.DataFrame(
        {"waarde": [6.0, 6.5], "laag": [6.0, 6.5], "hoog": [6.0, 7.4], "soort": ["exact", "ondergrens"]},
        index=[2019, 2024],
    )
    # target 7.0 in 2024, higher is better: 6.5 misses it, 7.4 reaches it
    status, year, value = monitoring.assess_bounded(values, 2019, 6.0, 2024, 7.0, True)
    assert (status, year, value) == (monitoring.UNCERTAIN, 2024, 6.5)
    exact = values.assign(hoog=values["laag"], soort="exact")
    assert monitoring.assess_bounded(exact, 2019, 6.0, 2024, 7.0, True)[0] == monitoring.OFF_TRACK


def test_charts_leave_unknowns_out_and_mark_lower_bounds():
    from workbench.report import charts
    from workbench.report.charts.marks import Bar

    table = pd.DataFrame({"A": [100.0, np.nan, 90.0]}, index=["2024-1", "2024-2", "2025-1"])
    lower = pd.DataFrame({"A": [False, False, True]}, index=table.index)
    trend = charts.trend(table, "Meldingen", "aantal", lower)
    drawn = trend.figure.marks[0].y
    assert np.isnan(drawn[1]) and 0 not in drawn  # a gap, never a point at 0
    image = trend.figure.svg().decode("utf-8")
    assert image.count('fill="#ffffff" stroke="#0072B2"') == 1  # ≥ 90 open; no marker for the unknown:
    assert image.count("<circle ") == 2 + 2  # two points, and the legend's two keys
    assert "van 100 naar ≥\u00a090" in trend.alt and "ontbreekt" in trend.alt
    # the table under the chart says the same as the chart and its alt text
    assert [trend.formats["A"](v) for v in trend.data["A"]] == ["100", ".", "≥\u00a090"]
    bars = charts.bars(
        pd.Series({"X": 7.2, "Y": np.nan}), "X", ("Nederland", 7.4), "T", "per 1.000", pd.Series({"X": True})
    )
    heights = [bar.end for bar in bars.figure.marks if isinstance(bar, Bar)]
    assert heights == [7.2]  # no bar for Y, not a bar of 0
    assert "X ≥\u00a07,2; Y ." in bars.alt
    assert [bars.formats["per 1.000"](v) for v in bars.data["per 1.000"]] == ["≥\u00a07,2", ".", "7,4"]
