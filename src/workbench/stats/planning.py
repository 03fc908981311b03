"""Process planning that counts back from the deadline, flagging late milestones.

The status of each milestone is judged on a recorded date (``stand per``) from the region's input file, not on
the day a report is built, so that a report built twice from the same inputs is the same.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

DONE, DONE_LATE, LATE, PLANNED, AFTER_DEADLINE = "gereed", "gereed, te laat", "te laat", "gepland", "na de deadline"
LATE_STATUSES = (LATE, AFTER_DEADLINE)
"""The statuses of what is not done and is (or will be) too late."""


def milestone_status(planned: date, done: date | None, as_of: date, deadline: date) -> str:
    """Judge one milestone on ``as_of``.

    Returns
    -------
    str
        ``gereed`` (done on time), ``gereed, te laat`` (done after its date), ``te laat`` (not done and its date
        passed), ``na de deadline`` (planned after the deadline itself) or ``gepland``.
    """
    if done is not None and done <= as_of:
        return DONE if done <= planned else DONE_LATE
    if planned < as_of:
        return LATE
    if planned > deadline:
        return AFTER_DEADLINE
    return PLANNED


def count_back(milestones: list[dict], deadline: date, as_of: date) -> pd.DataFrame:
    """Order milestones by date and count back from the deadline.

    Parameters
    ----------
    milestones
        Dicts with ``naam``, ``datum`` and optionally ``gereed`` (dates).
    deadline
        When the regiovisie must be in force.
    as_of
        The date the statuses are judged on.

    Returns
    -------
    pandas.DataFrame
        ``naam``, ``datum``, ``gereed``, ``dagen_voor_deadline`` (negative: after it), ``weken_voor_deadline`` and
        ``status``, ordered by date.
    """
    rows = []
    for m in milestones:
        done = m.get("gereed")
        days = (deadline - m["datum"]).days
        rows.append(
            {
                "naam": m["naam"],
                "datum": m["datum"],
                "gereed": done,
                "dagen_voor_deadline": days,
                "weken_voor_deadline": days // 7,
                "status": milestone_status(m["datum"], done, as_of, deadline),
            }
        )
    frame = pd.DataFrame(
        rows, columns=["naam", "datum", "gereed", "dagen_voor_deadline", "weken_voor_deadline", "status"]
    )
    return frame.sort_values("datum", kind="stable", ignore_index=True)


NOT_PLANNED = "niet gepland"


def council_decisions(members: dict[str, str], councils: list[dict], as_of: date, deadline: date) -> pd.DataFrame:
    """The decision of every gemeenteraad of the region, judged on ``as_of`` as a milestone is.

    Parameters
    ----------
    members
        The region's gemeenten: code → name, in report order.
    councils
        Dicts with ``gemeente`` (a code or ``alle``: every gemeente not named on its own), ``gepland`` and
        optionally ``besloten`` (dates).
    as_of, deadline
        The date of the status, and when the regiovisie must be in force (a decision after it is late too).

    Returns
    -------
    pandas.DataFrame
        ``gemeente``, ``gepland``, ``besloten`` (``None`` when not yet) and ``status``: the statuses of
        :func:`milestone_status`, or ``niet gepland`` for a gemeente without a planned decision.
    """
    named = {c["gemeente"]: c for c in councils if c["gemeente"] != "alle"}
    every = next((c for c in councils if c["gemeente"] == "alle"), None)
    rows = []
    for code, name in members.items():
        decision = named.get(code, every)
        if decision is None:
            rows.append({"gemeente": name, "gepland": None, "besloten": None, "status": NOT_PLANNED})
            continue
        done = decision.get("besloten")
        rows.append(
            {
                "gemeente": name,
                "gepland": decision["gepland"],
                "besloten": done,
                "status": milestone_status(decision["gepland"], done, as_of, deadline),
            }
        )
    return pd.DataFrame(rows, columns=["gemeente", "gepland", "besloten", "status"])
