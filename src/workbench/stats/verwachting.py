"""Verwachting: next year's meldingen per half-year, with a 95% prediction interval and its back-test.

The model: ordinary least squares on the logarithm of the half-year counts with a linear trend and a second-half
effect, ``log(n_t) = a + b·t + c·[t is a second half] + e_t`` (statsmodels' OLS). It is simple enough to explain
and to check: the trend is a constant yearly growth, the season the usual difference between the halves, and the
prediction interval (OLS's interval for a new observation, taken back from the log scale) grows with the
distance from the data and with how irregular the series has been. A series of six years leaves too few points
for a richer seasonal model (ETS or ARIMA fit more parameters than the data can carry).

Only series whose every half-year is known exactly are forecast (a sum with secret cells is a lower bound, and a
trend through lower bounds is noise), with at least :data:`MIN_POINTS` half-years. The back-test refits the model
on the data before each of the last :data:`BACKTEST_YEARS` years, forecasts that year's two halves and compares
them with what happened: the mean absolute percentage error and how many actual values fell in the interval.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

MIN_POINTS = 8
"""Half-years needed for a forecast (four years)."""
BACKTEST_YEARS = 2
LEVEL = 0.95


@dataclass(frozen=True)
class Forecast:
    """A series' forecast of the two half-years after its last year, or why there is none.

    Attributes
    ----------
    verwachting
        ``periode`` (CBS half-year code), ``verwachting``, ``laag``, ``hoog`` (95% prediction interval); empty
        when there is no forecast.
    backtest
        ``periode``, ``verwachting``, ``laag``, ``hoog``, ``werkelijk``, ``fout_procent``, ``binnen`` (whether the
        actual value fell in the interval); empty without a forecast.
    reden
        Why there is no forecast ('' when there is one).
    """

    verwachting: pd.DataFrame
    backtest: pd.DataFrame
    reden: str = ""

    @property
    def mape(self) -> float | None:
        """The back-test's mean absolute percentage error; ``None`` without a back-test."""
        return float(self.backtest["fout_procent"].abs().mean()) if not self.backtest.empty else None


def _design(periods: list[str], origin: int) -> np.ndarray:
    """Constant, half-years since ``origin``'s first half, second-half flag."""
    index = np.array([(int(p[:4]) - origin) * 2 + int(p[-1]) - 1 for p in periods], dtype=float)
    second = np.array([p.endswith("HJ02") for p in periods], dtype=float)
    return np.column_stack([np.ones(len(periods)), index, second])


def _fit_predict(history: pd.Series, ahead: list[str]) -> pd.DataFrame:
    """Fit on ``history`` (counts by half-year code) and predict ``ahead`` with the prediction interval."""
    from statsmodels.regression.linear_model import OLS

    origin = int(history.index[0][:4])
    model = OLS(np.log(history.to_numpy(dtype=float)), _design(list(history.index), origin)).fit()
    frame = model.get_prediction(_design(ahead, origin)).summary_frame(alpha=1 - LEVEL)
    return pd.DataFrame(
        {
            "periode": ahead,
            "verwachting": np.exp(frame["mean"].to_numpy()),
            "laag": np.exp(frame["obs_ci_lower"].to_numpy()),
            "hoog": np.exp(frame["obs_ci_upper"].to_numpy()),
        }
    )


def _halves(year: int) -> list[str]:
    return [f"{year}HJ01", f"{year}HJ02"]


def forecast(series: pd.DataFrame) -> Forecast:
    """Forecast the two half-years after the series' last year.

    Parameters
    ----------
    series
        One row per half-year: ``periode`` (``2019HJ01`` …), ``aantal`` (missing where unknown) and ``exact``
        (whether the count is known exactly: no secret cell in it).
    """
    empty = pd.DataFrame()
    rows = series.sort_values("periode")
    if not rows["exact"].all() or rows["aantal"].isna().any():
        return Forecast(empty, empty, "niet alle halfjaren zijn exact bekend (geheime cellen)")
    if len(rows) < MIN_POINTS:
        return Forecast(empty, empty, f"te weinig halfjaren ({len(rows)}; nodig: {MIN_POINTS})")
    if (rows["aantal"] <= 0).any():
        return Forecast(empty, empty, "een halfjaar zonder meldingen: te weinig om een trend te schatten")
    counts = pd.Series(rows["aantal"].to_numpy(dtype=float), index=list(rows["periode"]))
    last = int(counts.index[-1][:4])
    ahead = _fit_predict(counts, _halves(last + 1))
    tests = []
    for year in range(last - BACKTEST_YEARS + 1, last + 1):
        history = counts[[int(p[:4]) < year for p in counts.index]]
        actual = counts[[p for p in _halves(year) if p in counts.index]]
        if len(history) < MIN_POINTS - 2 or actual.empty:
            continue
        predicted = _fit_predict(history, list(actual.index)).assign(werkelijk=actual.to_numpy())
        tests.append(predicted)
    backtest = pd.concat(tests, ignore_index=True) if tests else empty
    if not backtest.empty:
        backtest["fout_procent"] = (backtest["verwachting"] - backtest["werkelijk"]) / backtest["werkelijk"] * 100
        backtest["binnen"] = backtest["werkelijk"].between(backtest["laag"], backtest["hoog"])
    return Forecast(ahead, backtest)
