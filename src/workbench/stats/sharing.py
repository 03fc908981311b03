"""Share an amount (a surplus or a deficit) over gemeenten by inhabitants or by an agreed key, in whole cents.

Shares are proportional to the weights and rounded to cents by the largest-remainder method, so they always
add up to exactly the amount.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

import pandas as pd

CENT = Decimal("0.01")


def share(amount: float | Decimal, weights: pd.Series) -> pd.Series:
    """Split ``amount`` over the index of ``weights`` in proportion to them, in cents, summing exactly.

    Parameters
    ----------
    amount
        The amount in euros (may be negative for a deficit).
    weights
        Non-negative weights (inhabitants, or key percentages) with a positive sum.

    Returns
    -------
    pandas.Series
        Euros per gemeente as ``Decimal`` with two decimals; ties in the remainder go to the larger weight,
        then to the first label.
    """
    total_weight = Decimal(str(float(weights.sum())))
    if total_weight <= 0 or (weights < 0).any():
        raise ValueError("weights must be non-negative with a positive sum")
    cents = (Decimal(str(amount)) / CENT).to_integral_value()
    sign = -1 if cents < 0 else 1
    cents = abs(cents)
    exact = {k: cents * Decimal(str(float(w))) / total_weight for k, w in weights.items()}
    floors = {k: v.to_integral_value(rounding=ROUND_FLOOR) for k, v in exact.items()}
    left = int(cents - sum(floors.values()))
    order = sorted(exact, key=lambda k: (-(exact[k] - floors[k]), -float(weights[k]), list(weights.index).index(k)))
    for k in order[:left]:
        floors[k] += 1
    return pd.Series({k: sign * floors[k] * CENT for k in weights.index}, dtype="object")


def by_inhabitants(amount: float, inhabitants: pd.Series) -> pd.Series:
    """Share an amount in proportion to the gemeenten's inhabitants."""
    return share(amount, inhabitants.astype("float64"))


def by_key(amount: float, key_percent: pd.Series) -> pd.Series:
    """Share an amount by an agreed key in percent (which must add up to 100)."""
    if abs(float(key_percent.sum()) - 100.0) > 0.01:
        raise ValueError(f"the key adds up to {float(key_percent.sum()):.2f}%, not 100%")
    return share(amount, key_percent.astype("float64"))
