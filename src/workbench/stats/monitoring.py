"""Monitoring indicators against their baseline and target (the six-step learning cycle's 'meten')."""

from __future__ import annotations

import pandas as pd

REACHED, ON_TRACK, OFF_TRACK, NO_DATA = "doel gehaald", "op koers", "niet op koers", "geen gegevens"


def expected(baseline_year: int, baseline: float, target_year: int, target: float, year: int) -> float:
    """The value a straight line from baseline to target gives for ``year``."""
    if target_year == baseline_year:
        return target
    fraction = min(max((year - baseline_year) / (target_year - baseline_year), 0.0), 1.0)
    return baseline + fraction * (target - baseline)


def assess(
    values: pd.Series, baseline_year: int, baseline: float, target_year: int, target: float, higher_is_better: bool
) -> tuple[str, int | None, float | None]:
    """Judge the latest known value of an indicator.

    Parameters
    ----------
    values
        Values by year (missing years may be absent or NaN).
    baseline_year, baseline, target_year, target
        The agreed baseline and target.
    higher_is_better
        Direction of improvement.

    Returns
    -------
    tuple
        Status (``doel gehaald``, ``op koers``, ``niet op koers``, ``geen gegevens``), the latest year with a value
        and that value.
    """
    known = values.dropna()
    known = known[known.index >= baseline_year]
    if known.empty:
        return NO_DATA, None, None
    year = int(known.index.max())
    value = float(known[year])
    sign = 1 if higher_is_better else -1
    if sign * (value - target) >= 0:
        return REACHED, year, value
    on_line = expected(baseline_year, baseline, target_year, target, year)
    return (ON_TRACK if sign * (value - on_line) >= 0 else OFF_TRACK), year, value


UNCERTAIN = "onzeker (geheime cijfers)"


def assess_bounded(
    values: pd.DataFrame, baseline_year: int, baseline: float, target_year: int, target: float, higher_is_better: bool
) -> tuple[str, int | None, float | None]:
    """Judge an indicator whose values may be bounds (``waarde``, ``laag``, ``hoog`` per year).

    The verdict of :func:`assess` on the lowest and on the highest possible values; when they differ, the secret
    cells decide and the verdict is :data:`UNCERTAIN`. Returns the verdict, the latest year with a value and that
    value (as shown).
    """
    status, year, value = assess(values["waarde"], baseline_year, baseline, target_year, target, higher_is_better)
    if year is None:
        return status, year, value
    known = values.dropna(subset=["waarde"])
    for bound in ("laag", "hoog"):
        other, _, _ = assess(
            known[bound].clip(upper=1e12), baseline_year, baseline, target_year, target, higher_is_better
        )
        if other != status:
            return UNCERTAIN, year, value
    return status, year, value
