"""Views on a region's budget: income against spending, by task, regional against local, per inhabitant."""

from __future__ import annotations

import pandas as pd

from workbench.io.budget import SPENDING_TASKS, TOTAL_POST


def region_lines(budget: pd.DataFrame, region: str) -> pd.DataFrame:
    """Return the region's budget lines without its total lines."""
    return budget[(budget["regio_code"] == region) & (budget["post"] != TOTAL_POST)].reset_index(drop=True)


def reporting_year(lines: pd.DataFrame, periode: int) -> tuple[int | None, str | None]:
    """The budget year and status a report shows, the same in every section.

    The reporting year itself, realised if it has realised figures, else budgeted; when the region has no lines
    for that year, the latest earlier year (realised where it can), else the latest year at all. ``(None,
    None)`` when the region has no budget lines.
    """
    for status in ("gerealiseerd", "begroot"):
        if ((lines["jaar"] == periode) & (lines["status"] == status)).any():
            return periode, status
    earlier = lines[lines["jaar"] <= periode]
    pool = earlier if not earlier.empty else lines
    if pool.empty:
        return None, None
    year = int(pool["jaar"].max())
    realised = ((pool["jaar"] == year) & (pool["status"] == "gerealiseerd")).any()
    return year, "gerealiseerd" if realised else "begroot"


def income_against_spending(lines: pd.DataFrame) -> pd.DataFrame:
    """Income, spending and their balance per year and status (columns ``inkomsten``, ``uitgaven``, ``saldo``)."""
    table = lines.pivot_table(index=["jaar", "status"], columns="soort", values="bedrag_euro", aggfunc="sum")
    table = table.reindex(columns=["inkomsten", "uitgaven"]).fillna(0)
    table["saldo"] = table["inkomsten"] - table["uitgaven"]
    return table.reset_index()


def spending_by_task(lines: pd.DataFrame, year: int, status: str, population: float) -> pd.DataFrame:
    """Spending in one year and status by task and level, with euros per inhabitant of the region.

    Returns
    -------
    pandas.DataFrame
        ``post``, ``regionaal``, ``lokaal``, ``totaal``, ``per_inwoner``, sorted by ``totaal`` descending.
    """
    sel = lines[(lines["jaar"] == year) & (lines["status"] == status) & (lines["soort"] == "uitgaven")]
    table = sel.pivot_table(index="post", columns="niveau", values="bedrag_euro", aggfunc="sum")
    table = table.reindex(columns=["regionaal", "lokaal"]).fillna(0)
    table["totaal"] = table["regionaal"] + table["lokaal"]
    table["per_inwoner"] = table["totaal"] / population
    return table.sort_values("totaal", ascending=False).reset_index()


def income_by_source(lines: pd.DataFrame, year: int, status: str) -> pd.DataFrame:
    """Income in one year and status by source, with its level (``post``, ``niveau``, ``bedrag_euro``)."""
    sel = lines[(lines["jaar"] == year) & (lines["status"] == status) & (lines["soort"] == "inkomsten")]
    return (
        sel.groupby(["post", "niveau"], as_index=False)["bedrag_euro"]
        .sum()
        .sort_values("bedrag_euro", ascending=False, ignore_index=True)
    )


TASK_WITH_MONEY, TASK_WITHOUT_MONEY, MONEY_WITHOUT_TASK = (
    "in orde",
    "geen geld in de begroting",
    ("geld, geen afgesproken taak"),
)


def regional_balance(lines: pd.DataFrame, year: int, status: str) -> float | None:
    """The regional budget's saldo in one year and status: regional income minus regional spending.

    Positive is a surplus, negative a deficit; ``None`` when the region has no regional lines for that year and
    status.
    """
    sel = lines[(lines["jaar"] == year) & (lines["status"] == status) & (lines["niveau"] == "regionaal")]
    if sel.empty:
        return None
    income = float(sel.loc[sel["soort"] == "inkomsten", "bedrag_euro"].sum())
    return income - float(sel.loc[sel["soort"] == "uitgaven", "bedrag_euro"].sum())


def tasks_against_money(lines: pd.DataFrame, year: int, status: str, agreed: pd.DataFrame) -> pd.DataFrame:
    """Put the agreed tasks beside the money spent on them.

    Parameters
    ----------
    lines
        The region's budget lines (see :func:`region_lines`).
    year, status
        The budget year and status to compare with.
    agreed
        The agreed tasks: ``taak`` and ``niveau`` (regionaal or lokaal).

    Returns
    -------
    pandas.DataFrame
        One row per task and level that is agreed or has money: ``taak``, ``niveau``, ``afgesproken`` (bool),
        ``bedrag_euro`` (0 when no money) and ``oordeel``, in the order of the task list.
    """
    spent = lines[(lines["jaar"] == year) & (lines["status"] == status) & (lines["soort"] == "uitgaven")]
    money = spent.groupby(["post", "niveau"])["bedrag_euro"].sum()
    money = money[money > 0]
    promised = set(zip(agreed["taak"], agreed["niveau"], strict=True))
    rows = [
        {"taak": t, "niveau": n, "afgesproken": (t, n) in promised, "bedrag_euro": float(money.get((t, n), 0.0))}
        for t, n in promised | set(money.index)
    ]
    order = {task: i for i, task in enumerate(SPENDING_TASKS)}
    frame = pd.DataFrame(rows, columns=["taak", "niveau", "afgesproken", "bedrag_euro"])
    frame["_order"] = frame["taak"].map(order).fillna(len(order))
    frame = frame.sort_values(["_order", "niveau"], ignore_index=True).drop(columns="_order")
    frame["oordeel"] = [
        TASK_WITHOUT_MONEY if a and m == 0 else MONEY_WITHOUT_TASK if not a else TASK_WITH_MONEY
        for a, m in zip(frame["afgesproken"], frame["bedrag_euro"], strict=True)
    ]
    return frame
