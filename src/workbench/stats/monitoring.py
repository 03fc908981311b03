"""Monitoring indicators: their values per year, and their verdict against baseline and target.

The values are computed from the data where the workbench can (meldingen and adviezen per 1,000, the police
share) or given by the region; this is the six-step learning cycle's 'meten'.
"""

from __future__ import annotations

import pandas as pd

from workbench.disclosure.bounds import Bounded
from workbench.io.inputs import RegionData
from workbench.stats import kengetallen

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


VALUE_COLUMNS = ["waarde", "laag", "hoog", "soort"]


def frame_of(values: dict[int, Bounded]) -> pd.DataFrame:
    """Indicator values by year as a frame: ``waarde`` (missing when unknown), ``laag``, ``hoog``, ``soort``."""
    rows = {year: (b.value, b.low, b.high, b.kind) for year, b in sorted(values.items())}
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=VALUE_COLUMNS)
    return frame.astype({"waarde": "float64", "laag": "float64", "hoog": "float64"})


def own_values(values: dict) -> pd.DataFrame:
    """A region's own indicator values (``jaar: waarde``), exact, as the same frame."""
    return frame_of({int(y): Bounded.exact(float(v)) for y, v in values.items()})


def computed(data: RegionData, indicator: str, counts: kengetallen.AreaCounts | None = None) -> pd.DataFrame:
    """Values by year of a kengetal the workbench computes (see :mod:`workbench.stats.kengetallen`).

    Counts are the region's sums of published gemeente cells, so a value is a lower bound (rates) or an
    approximation (shares, ratios) where cells are secret, and unknown where all are; rates use the population
    of 1 January 2020; ``counts`` are the region's counts when known already. Returns the frame of
    :func:`frame_of` (``soort``: exact, ondergrens, benadering, onbekend).
    """
    if indicator not in kengetallen.KENGETALLEN or indicator == "bereik_kindermishandeling":
        raise ValueError(f"not a computed indicator: {indicator}")
    return frame_of(kengetallen.series(data, indicator, counts))
