"""Verwachting: next year's meldingen per half-year with a prediction interval, back-tested; no noise drawn."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tiny import tiny_region
from workbench.report.sections import verwachting as section
from workbench.stats import verwachting

pytestmark = pytest.mark.unit

PERIODS = [f"{y}HJ0{h}" for y in range(2019, 2025) for h in (1, 2)]


def _series(values, exact=True) -> pd.DataFrame:
    return pd.DataFrame({"periode": PERIODS[: len(values)], "aantal": values, "exact": exact})


def _smooth(t: np.ndarray) -> np.ndarray:
    """5% growth a year, the second half 10% above the first."""
    return 1000 * 1.05 ** (t / 2) * np.where(t % 2 == 1, 1.1, 1.0)


def test_a_steady_trend_with_a_season_is_forecast_close_to_its_continuation():
    result = verwachting.forecast(_series(_smooth(np.arange(12))))
    assert not result.reden and list(result.verwachting["periode"]) == ["2025HJ01", "2025HJ02"]
    truth = _smooth(np.array([12, 13]))
    assert result.verwachting["verwachting"].to_numpy() == pytest.approx(truth, rel=1e-6)
    assert (result.verwachting["laag"] <= truth).all() and (truth <= result.verwachting["hoog"]).all()
    assert result.mape == pytest.approx(0, abs=1e-6) and len(result.backtest) == 4


def test_an_irregular_series_gets_a_wider_interval_and_a_larger_backtest_error():
    rng = np.random.default_rng(7)
    smooth = verwachting.forecast(_series(_smooth(np.arange(12)) * (1 + rng.normal(0, 0.01, 12))))
    rough = verwachting.forecast(_series(_smooth(np.arange(12)) * (1 + rng.normal(0, 0.15, 12))))
    width = lambda r: (r.verwachting["hoog"] - r.verwachting["laag"]).mean()  # noqa: E731
    assert width(rough) > 3 * width(smooth)
    assert rough.mape > smooth.mape


def test_the_backtest_compares_with_what_was_reported():
    values = _smooth(np.arange(12))
    values[10] *= 1.5  # an unexpected first half of 2024
    result = verwachting.forecast(_series(values))
    row = result.backtest.set_index("periode").loc["2024HJ01"]
    assert row["werkelijk"] == pytest.approx(values[10])
    assert row["fout_procent"] == pytest.approx((row["verwachting"] - values[10]) / values[10] * 100)
    assert not row["binnen"]


@pytest.mark.parametrize(
    ("frame", "words"),
    [
        (_series(_smooth(np.arange(12)), exact=[True] * 11 + [False]), "geheime cellen"),
        (_series(_smooth(np.arange(6))), "te weinig halfjaren"),
        (_series([*_smooth(np.arange(11)), np.nan]), "geheime cellen"),
    ],
)
def test_a_series_with_a_secret_or_too_few_half_years_gets_no_forecast(frame, words):
    result = verwachting.forecast(frame)
    assert words in result.reden and result.verwachting.empty and result.mape is None


def test_a_region_with_too_few_data_says_so_instead_of_drawing_noise():
    data = tiny_region()  # two years: four half-years
    s = section.compute(data)
    html = s.html()
    assert "verwachting" not in s.tabellen and set(s.redenen) == {"regio Aastad", "VT-regio Proefland"}
    assert "geen verwachting gemaakt: te weinig halfjaren" in html and "<img" not in html
    assert "geen doel" in html
