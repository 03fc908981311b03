"""Protection against differencing: a hidden cell must not be recoverable from a total and the visible parts.

With one hidden part in a group whose total is published, ``total − Σ visible`` estimates the hidden part.
Every published value may be off by up to 2 (rounding to 5), so the hidden value lies in an interval of width
``4 × (number of published values)``; when that interval, within 0–7, leaves fewer than
:data:`MIN_CANDIDATES` possible values, the cell counts as recoverable and a second cell is hidden as well
(secondary suppression: the smallest visible part).
"""

from __future__ import annotations

import math

import pandas as pd

from workbench.disclosure.rule import ROUND_TO, SECRET_MAX

MAX_ROUNDING_ERROR = ROUND_TO // 2
MIN_CANDIDATES = 4


def hidden_interval(visible: pd.Series, total: int) -> tuple[int, int]:
    """The values a single hidden part can take, given the published total and the visible parts."""
    estimate = total - int(visible.sum())
    error = MAX_ROUNDING_ERROR * (len(visible) + 1)
    return max(0, estimate - error), min(SECRET_MAX, estimate + error)


def recoverable(parts: pd.Series, total: float | None) -> list[object]:
    """Labels of hidden parts (missing values) that can be pinned down from a published total.

    Parameters
    ----------
    parts
        Published parts (nullable; missing = hidden), indexed by label.
    total
        The published total of the group, or ``None``/missing when it is not published.

    Returns
    -------
    list
        Empty when no hidden part can be recovered.
    """
    hidden = parts[parts.isna()]
    if total is None or (isinstance(total, float) and math.isnan(total)) or pd.isna(total) or len(hidden) != 1:
        return []
    low, high = hidden_interval(parts.dropna(), int(total))
    return list(hidden.index) if high - low + 1 < MIN_CANDIDATES else []


def secondary_suppression(parts: pd.Series, total: float | None) -> pd.Series:
    """Hide the smallest visible part as well when a hidden part would be recoverable; a new series."""
    if not recoverable(parts, total):
        return parts.copy()
    out = parts.copy()
    out[out.dropna().astype("int64").idxmin()] = pd.NA
    return out
