"""Wat is veranderd: a region's key figures this year against last year, with whether each change is beyond chance.

Both years come from the same inputs, carried into the reporting year's indeling (the same gemeenten in both), and
rates use one population date, so a change is a change in the counts. Tests (see :mod:`workbench.stats.rates`): a
count or rate by the exact conditional Poisson test, adviezen per melding by the same test with the meldingen as
exposure, a share by Fisher's exact test. A change is shown and tested only when every count behind it is known
exactly in both years: a change involving a secret cell is not shown. Spending is no sample: its change has no
test.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from workbench.disclosure.bounds import EXACT, Bounded
from workbench.stats import kengetallen
from workbench.stats.kengetallen import KENGETALLEN, AreaCounts
from workbench.stats.rates import SIGNIFICANCE, change_in_counts, change_in_shares

SPENDING = "uitgaven_per_inwoner"
BEYOND, WITHIN, HIDDEN, NO_TEST = "groter dan toeval", "binnen toeval", "niet getoond: geheime cellen", "geen toets"


def _counts(counts: AreaCounts, key: str, year: int) -> list[Bounded]:
    """The counts behind a figure in one year (all must be exact for its change to be shown)."""
    names = KENGETALLEN[key].tellingen if key in KENGETALLEN else (key,)  # "meldingen", "adviezen": themselves
    return [getattr(counts, name).get(year, Bounded.unknown()) for name in names]


def _p_value(key: str, before: list[Bounded], after: list[Bounded]) -> float:
    """The test that fits the figure (see the module's description)."""
    b, a = [v.value for v in before], [v.value for v in after]
    if len(b) == 1:  # a count, or a rate of it
        return change_in_counts(b[0], a[0])
    if KENGETALLEN[key].eenheid == "%":  # a share of a count
        return change_in_shares(b[0], b[1], a[0], a[1])
    return change_in_counts(b[0], a[0], a[1] / b[1]) if b[1] and a[1] else 1.0  # a ratio: per unit of the second


def _row(
    name: str, unit: str, key: str, counts: AreaCounts, year: int, shown: Callable[[int], tuple[Bounded, Bounded]]
) -> dict:
    before, after = _counts(counts, key, year - 1), _counts(counts, key, year)
    (old, old_top), (new, new_top) = shown(year - 1), shown(year)
    ends = {"vorig_tot": old_top, "dit_tot": new_top}
    comparable = all(v.kind == EXACT for v in [*before, *after]) and old.known and new.known
    row = {"key": key, "kengetal": name, "eenheid": unit, "vorig": old, "dit": new, **ends}
    if not comparable:
        return {**row, "verschil": None, "verschil_tot": None, "procent": None, "p": None, "oordeel": HIDDEN}
    p = _p_value(key, before, after)
    diff = new.value - old.value
    return {
        **row,
        "verschil": diff,
        "verschil_tot": new_top.value - old_top.value,
        "procent": diff / old.value * 100 if old.value else None,
        "p": p,
        "oordeel": BEYOND if p < SIGNIFICANCE else WITHIN,
    }


FIGURES: tuple[tuple[str, str, str], ...] = (
    ("meldingen", "Meldingen (aantal)", "aantal"),
    ("adviezen", "Adviezen (aantal)", "aantal"),
    *((key, k.naam, k.eenheid) for key, k in KENGETALLEN.items()),
)
"""Every figure compared, in order: (key, name, unit)."""


def _shown(counts: AreaCounts, key: str) -> Callable[[int], tuple[Bounded, Bounded]]:
    """How a figure is computed per year: (low end, high end), equal ends but for a range."""
    if key in ("meldingen", "adviezen"):
        return lambda y: (getattr(counts, key).get(y, Bounded.unknown()),) * 2
    return lambda y: kengetallen.value(counts, key, y)


def figures(counts: AreaCounts, year: int) -> dict[str, tuple[Bounded, Bounded]]:
    """Every figure of :data:`FIGURES` in one year, by key (what a published analysis is kept with)."""
    return {key: _shown(counts, key)(year) for key, _, _ in FIGURES}


def changes(counts: AreaCounts, year: int) -> pd.DataFrame:
    """The region's counts and kengetallen in ``year - 1`` and ``year``, each with its change and test.

    Returns
    -------
    pandas.DataFrame
        One row per figure: ``key`` (``meldingen``, ``adviezen`` or a kengetal's key), ``kengetal``, ``eenheid``,
        ``vorig`` and ``dit`` (:class:`Bounded`; the low end of a range such as the bereik, whose high ends are
        ``vorig_tot`` and ``dit_tot``), ``verschil`` (of the low ends; ``verschil_tot`` of the high ends) and
        ``procent`` (missing where not shown), ``p`` (the test's p-value, missing where not tested) and ``oordeel``
        (:data:`BEYOND`, :data:`WITHIN` or :data:`HIDDEN`).
    """
    return pd.DataFrame([_row(name, unit, key, counts, year, _shown(counts, key)) for key, name, unit in FIGURES])


def _same(a: Bounded, b: Bounded) -> bool:
    if a.kind != b.kind:
        return False
    return a.value is None or abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value))


def restated(published: dict[str, tuple[Bounded, Bounded]], now: dict[str, tuple[Bounded, Bounded]]) -> pd.DataFrame:
    """The figures of one year that an earlier analysis published otherwise than they are computed now.

    Parameters
    ----------
    published
        The figures as the earlier analysis had them (see :func:`figures`); a key it did not have is left out.
    now
        The same year's figures as computed now.

    Returns
    -------
    pandas.DataFrame
        ``key``, ``kengetal``, ``eenheid``, ``toen`` and ``toen_tot``, ``nu`` and ``nu_tot`` (:class:`Bounded`),
        one row per figure that differs in value or kind.
    """
    rows = []
    for key, name, unit in FIGURES:
        if key not in published or key not in now:
            continue
        (old, old_top), (new, new_top) = published[key], now[key]
        if not (_same(old, new) and _same(old_top, new_top)):
            rows.append(
                {
                    "key": key,
                    "kengetal": name,
                    "eenheid": unit,
                    "toen": old,
                    "toen_tot": old_top,
                    "nu": new,
                    "nu_tot": new_top,
                }
            )
    return pd.DataFrame(rows, columns=["key", "kengetal", "eenheid", "toen", "toen_tot", "nu", "nu_tot"])


def composition_change(before: dict[str, str], now: dict[str, str]) -> tuple[list[str], list[str]]:
    """The gemeenten that came into a region and those that left it, from its blocks then and now.

    Both are block -> gemeente name (blocks of the 2020 indeling never change, so a merger of two gemeenten of the
    region is no change). Returns the names of today's gemeenten holding a block that was not in the region, and
    the names of the gemeenten of then holding a block that no longer is, each sorted.
    """
    came = sorted({now[b] for b in now.keys() - before.keys()})
    left = sorted({before[b] for b in before.keys() - now.keys()})
    return came, left


def spending_change(balance: pd.DataFrame, year: int, population: float) -> dict | None:
    """Realised spending per inhabitant in ``year - 1`` and ``year`` (no test: not a sample); ``None`` without both.

    ``balance`` is :func:`workbench.stats.budget_figures.income_against_spending` of the region.
    """
    realised = balance[balance["status"] == "gerealiseerd"].set_index("jaar")["uitgaven"]
    if year not in realised.index or year - 1 not in realised.index or not population:
        return None
    old, new = realised[year - 1] / population, realised[year] / population
    return {
        "key": SPENDING,
        "kengetal": "Gerealiseerde uitgaven per inwoner",
        "eenheid": "euro",
        "vorig": Bounded.exact(old),
        "dit": Bounded.exact(new),
        "vorig_tot": Bounded.exact(old),
        "dit_tot": Bounded.exact(new),
        "verschil": new - old,
        "verschil_tot": new - old,
        "procent": (new - old) / old * 100 if old else None,
        "p": None,
        "oordeel": NO_TEST,
    }


SAME_CHANGE = ("meldingen", "adviezen", "bereik_kindermishandeling", "aandeel_niet_politie")
"""Rows whose change is another row's (a count and its rate, the bereik and its meldingen, a share and its rest)."""


def largest(by_region: dict[str, pd.DataFrame], names: pd.Series, n: int = 10) -> pd.DataFrame:
    """The ``n`` largest changes beyond chance over all regions (each region's :func:`changes`), largest first.

    Each change once: a count's change is its rate's (:data:`SAME_CHANGE`), and spending is not tested.

    Returns
    -------
    pandas.DataFrame
        ``code``, ``regio`` and the columns of :func:`changes`, ordered by the size of the relative change.
    """
    rows = [
        table[table["oordeel"].eq(BEYOND) & ~table["key"].isin(SAME_CHANGE)].assign(code=code, regio=names[code])
        for code, table in by_region.items()
        if not table.empty
    ]
    if not rows:
        return pd.DataFrame(columns=["code", "regio", "key", "kengetal", "procent", "p"])
    found = pd.concat(rows, ignore_index=True)
    found = found.assign(_size=found["procent"].abs()).sort_values(["_size", "regio"], ascending=[False, True])
    columns = ["code", "regio", *(c for c in found.columns if c not in ("code", "regio", "_size"))]
    return found.head(n)[columns].reset_index(drop=True)
