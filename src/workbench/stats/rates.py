"""Rates per 1,000 with exact Poisson confidence intervals, their comparison with a reference, and funnel limits.

One significance method for the whole report: the exact (Garwood) Poisson interval of a count, as public-health
profiles use, lower = χ²(α/2; 2k) / 2, upper = χ²(1 − α/2; 2k + 2) / 2, divided by the population. An area is
"hoger" when the lower limit of its interval lies above the reference rate, "lager" when the upper limit lies
below it (:func:`compare`). The funnel plot's control limits are that same test inverted (:func:`funnel_limits`):
a point lies above the upper limit exactly when its interval lies above the reference, so table and funnel
always agree.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

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
    from scipy import special  # here, not at the top: the command line's quick paths do without it

    alpha = 1.0 - level
    # chi2.ppf(q, 2k) / 2 equals the inverse regularised lower incomplete gamma function P^-1(k, q)
    lower = 0.0 if count == 0 else special.gammaincinv(count, alpha / 2)
    upper = special.gammaincinv(count + 1, 1 - alpha / 2)
    return float(lower), float(upper)


def rate_table(
    counts: pd.Series,
    population: pd.Series,
    level: float = 0.95,
    per: int = PER,
    upper_counts: pd.Series | None = None,
) -> pd.DataFrame:
    """Compute rates per ``per`` inhabitants with their exact Poisson interval.

    Parameters
    ----------
    counts
        Counts (nullable; a missing count gives a missing rate). Where a count is a lower bound, give the
        highest value it can have in ``upper_counts``.
    population
        The population the rate is taken over, same index.
    level
        Confidence level.
    per
        The rate base (1,000).
    upper_counts
        The highest possible count per area (secret cells at 7); the interval then runs from the lower limit
        of ``counts`` to the upper limit of ``upper_counts``. ``None``: the counts are exact.

    Returns
    -------
    pandas.DataFrame
        ``aantal``, ``populatie``, ``per_1000``, ``ci_laag``, ``ci_hoog``; same index as ``counts``.
    """
    upper = counts if upper_counts is None else upper_counts
    rows = []
    for idx in counts.index:
        n, pop, top = counts.loc[idx], population.loc[idx], upper.loc[idx]
        if pd.isna(n) or pd.isna(pop) or pop <= 0:
            rows.append((n, pop, np.nan, np.nan, np.nan))
            continue
        low, _ = poisson_interval(float(n), level)
        high = np.inf if np.isinf(float(top)) else poisson_interval(float(top), level)[1]
        rows.append((n, pop, n / pop * per, low / pop * per, high / pop * per))
    out = pd.DataFrame(rows, index=counts.index, columns=["aantal", "populatie", "per_1000", "ci_laag", "ci_hoog"])
    out["aantal"] = out["aantal"].astype("Int64")
    return out


HIGHER, LOWER, NOT_DIFFERENT, UNKNOWN = "hoger", "lager", "niet verschillend", "onbekend"


def compare(table: pd.DataFrame, reference_rate: float) -> pd.Series:
    """Label each rate against a reference rate by whether its interval excludes it.

    Returns
    -------
    pandas.Series
        ``hoger``, ``lager``, ``niet verschillend`` or ``onbekend`` (rate missing).
    """
    out = pd.Series(NOT_DIFFERENT, index=table.index, dtype="object")
    out[table["ci_laag"] > reference_rate] = HIGHER
    out[table["ci_hoog"] < reference_rate] = LOWER
    out[table["per_1000"].isna()] = UNKNOWN
    return out


def _count_where(expected: np.ndarray, probability: float) -> np.ndarray:
    """The (real) counts ``a`` at which the regularised lower incomplete gamma P(a, expected) equals ``probability``.

    P(a, x) falls from 1 to 0 as ``a`` grows, so each root is unique; bisection to well below 1e-9.
    """
    from scipy import special

    low = np.full_like(expected, 1e-12)
    high = expected + 20 * np.sqrt(expected) + 20
    for _ in range(80):
        mid = (low + high) / 2
        above = special.gammainc(mid, expected) > probability
        low, high = np.where(above, mid, low), np.where(above, high, mid)
    return (low + high) / 2


def funnel_limits(reference_rate: float, populations: np.ndarray, level: float, per: int = PER) -> np.ndarray:
    """Control limits of a funnel plot: the rates at which :func:`compare` changes its verdict.

    For an area of population ``n`` the expected count is λ = rate·n. Its exact interval lies above λ when
    P(k, λ) < α/2, that is when the count ``k`` exceeds the root ``a`` of P(a, λ) = α/2 (the upper limit); it lies
    below λ when P(k + 1, λ) > 1 − α/2, that is when ``k`` is below ``b − 1`` for the root ``b`` of
    P(b, λ) = 1 − α/2 (the lower limit). Exact, like the intervals; no normal approximation.

    Parameters
    ----------
    reference_rate
        The reference rate per ``per`` inhabitants.
    populations
        Population sizes at which to compute the limits.
    level
        0.95 for the 95% limits, 0.998 for the 99.8% limits.
    per
        The rate base.

    Returns
    -------
    numpy.ndarray
        Two rows: lower and upper limits per ``per`` inhabitants (the lower is not below 0).
    """
    alpha = 1.0 - level
    pops = np.asarray(populations, dtype="float64")
    expected = reference_rate / per * pops
    high = _count_where(expected, alpha / 2) / pops * per
    low = np.clip(_count_where(expected, 1 - alpha / 2) - 1, 0.0, None) / pops * per
    return np.vstack([low, high])


SIGNIFICANCE = 0.05
"""Two-sided level at which a change between two years counts as beyond chance."""


def change_in_counts(before: float, after: float, exposure_ratio: float = 1.0) -> float:
    """The p-value (two-sided) that two Poisson counts differ more than chance allows.

    The exact conditional test: given the total, ``after`` is binomial with success chance ``r / (1 + r)``, ``r``
    the ratio of the exposures (1 when the population is the same, as it is for two years of a region's rates on
    one population date; the meldingen when comparing adviezen per melding). Two-sided by doubling the smaller
    tail.
    """
    from scipy import special

    total, k = round(before + after), round(after)
    if total == 0:
        return 1.0
    chance = exposure_ratio / (1 + exposure_ratio)
    at_most = special.bdtr(k, total, chance)
    at_least = special.bdtrc(k - 1, total, chance) if k > 0 else 1.0
    return float(min(1.0, 2 * min(at_most, at_least)))


def change_in_shares(part_before: float, whole_before: float, part_after: float, whole_after: float) -> float:
    """The p-value (two-sided) that two shares (police meldingen of all meldingen) differ: Fisher's exact test.

    Given the margins of the 2×2 table, the part in the first year is hypergeometric; two-sided by doubling the
    smaller tail.
    """
    from scipy import special

    a, first, parts, total = (
        round(v) for v in (part_before, whole_before, part_before + part_after, whole_before + whole_after)
    )
    support = np.arange(max(0, first + parts - total), min(first, parts) + 1)
    log_pmf = (
        special.gammaln(first + 1)
        - special.gammaln(support + 1)
        - special.gammaln(first - support + 1)
        + special.gammaln(total - first + 1)
        - special.gammaln(parts - support + 1)
        - special.gammaln(total - first - parts + support + 1)
        - (special.gammaln(total + 1) - special.gammaln(parts + 1) - special.gammaln(total - parts + 1))
    )
    pmf = np.exp(log_pmf)
    return float(min(1.0, 2 * min(pmf[support <= a].sum(), pmf[support >= a].sum())))
