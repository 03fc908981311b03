"""Rates per 1,000 with exact Poisson confidence intervals, and funnel-plot control limits.

Intervals are the exact (Garwood) Poisson limits, as public-health profiles use for counts:
lower = χ²(α/2; 2k) / 2, upper = χ²(1 − α/2; 2k + 2) / 2, divided by the population.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

PER = 1000


def poisson_interval(count: float, level: float = 0.95) -> tuple[float, float]:
    """Return the exact Poisson confidence interval for an observed count.

    Parameters
    ----------
    count
        The observed count (a whole number ≥ 0).
    level
        Confidence level, e.g. 0.95.

    Returns
    -------
    tuple of float
        Lower and upper limit for the expected count.
    """
    alpha = 1.0 - level
    # chi2.ppf(q, 2k) / 2 equals the inverse regularised lower incomplete gamma function P^-1(k, q)
    lower = 0.0 if count == 0 else special.gammaincinv(count, alpha / 2)
    upper = special.gammaincinv(count + 1, 1 - alpha / 2)
    return float(lower), float(upper)


def rate_table(counts: pd.Series, population: pd.Series, level: float = 0.95, per: int = PER) -> pd.DataFrame:
    """Compute rates per ``per`` inhabitants with their exact Poisson interval.

    Parameters
    ----------
    counts
        Counts (nullable; a missing count gives a missing rate).
    population
        The population the rate is taken over, same index.
    level
        Confidence level.
    per
        The rate base (1,000).

    Returns
    -------
    pandas.DataFrame
        ``aantal``, ``populatie``, ``per_1000``, ``ci_laag``, ``ci_hoog``; same index as ``counts``.
    """
    rows = []
    for idx in counts.index:
        n, pop = counts.loc[idx], population.loc[idx]
        if pd.isna(n) or pd.isna(pop) or pop <= 0:
            rows.append((n, pop, np.nan, np.nan, np.nan))
            continue
        low, high = poisson_interval(float(n), level)
        rows.append((n, pop, n / pop * per, low / pop * per, high / pop * per))
    out = pd.DataFrame(rows, index=counts.index, columns=["aantal", "populatie", "per_1000", "ci_laag", "ci_hoog"])
    out["aantal"] = out["aantal"].astype("Int64")
    return out


def compare(table: pd.DataFrame, reference_rate: float) -> pd.Series:
    """Label each rate against a reference rate by whether its interval excludes it.

    Returns
    -------
    pandas.Series
        ``hoger``, ``lager``, ``niet verschillend`` or ``onbekend`` (rate missing).
    """
    out = pd.Series("niet verschillend", index=table.index, dtype="object")
    out[table["ci_laag"] > reference_rate] = "hoger"
    out[table["ci_hoog"] < reference_rate] = "lager"
    out[table["per_1000"].isna()] = "onbekend"
    return out


def funnel_limits(reference_rate: float, populations: np.ndarray, z: float, per: int = PER) -> np.ndarray:
    """Control limits of a funnel plot: the reference rate ± z standard errors for each population size.

    Uses the normal approximation to the Poisson distribution, rate ± z·√(rate/n), on the per-person rate.

    Parameters
    ----------
    reference_rate
        The reference rate per ``per`` inhabitants.
    populations
        Population sizes at which to compute the limits.
    z
        1.96 for 95 %, 3.09 for 99.8 %.
    per
        The rate base.

    Returns
    -------
    numpy.ndarray
        Two rows: lower and upper limits per ``per`` inhabitants (the lower is not below 0).
    """
    p = reference_rate / per
    se = np.sqrt(p / np.asarray(populations, dtype="float64"))
    return np.vstack([np.clip(p - z * se, 0, None), p + z * se]) * per
