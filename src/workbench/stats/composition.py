"""How each gemeente of a region was assigned to it: the level of evidence, a compact marker, and the sources.

The levels come from the composition's ``methode`` column (see :mod:`workbench.stats.region_rule` and
:mod:`workbench.io.own_composition`); De regio shows them per gemeente and the Verantwoording lists the sources.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.stats.region_rule import (
    METHOD_DERIVED,
    METHOD_DERIVED_MOBW,
    METHOD_OWN,
    METHOD_RULE,
    METHOD_RULE_OUTSIDE_VT,
    METHOD_SOURCE,
)


@dataclass(frozen=True)
class Level:
    """One level of evidence for a gemeente's region."""

    marker: str
    meaning: str
    weak: bool
    """True where the assignment rests on an inference or on the rule, not on a source naming the gemeente."""


LEVELS: dict[str, Level] = {
    METHOD_OWN: Level("E", "eigen lijst van de regio", False),
    METHOD_SOURCE: Level("B", "een bron noemt de gemeente in deze regio", False),
    METHOD_DERIVED: Level("A", "afgeleid: een bron noemt de regio als geheel (bijvoorbeeld een provincie)", True),
    METHOD_DERIVED_MOBW: Level(
        "M",
        "afgeleid uit de regio voor maatschappelijke opvang en beschermd wonen van dezelfde centrumgemeente "
        "(een zwakkere aanwijzing)",
        True,
    ),
    METHOD_RULE: Level("R", "geen bron gevonden: ingedeeld met de rekenregel van de workbench", True),
    METHOD_RULE_OUTSIDE_VT: Level(
        "R", "geen bron gevonden: ingedeeld met de rekenregel van de workbench (buiten de eigen VT-regio)", True
    ),
}


def level_of(methode: str) -> Level:
    """The level of a ``methode`` value; an unknown value (a hand edit) counts as the rule."""
    return LEVELS.get(methode, LEVELS[METHOD_RULE])


def region_assignment(members: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Per gemeente of the region: ``gemeentecode``, ``gemeentenaam``, ``methode``, ``marker``, ``zwak``, ``bron``.

    Parameters
    ----------
    members
        The region's rows of the composition.
    order
        The gemeente codes in the order the report lists them.
    """
    m = members.set_index("gemeentecode").reindex(order)
    levels = m["methode"].map(level_of)
    return pd.DataFrame(
        {
            "gemeentecode": order,
            "gemeentenaam": m["gemeentenaam"].to_numpy(),
            "methode": m["methode"].to_numpy(),
            "marker": [lv.marker for lv in levels],
            "zwak": [lv.weak for lv in levels],
            "bron": m["bron"].fillna("").to_numpy(),
        }
    )


def legend(assignment: pd.DataFrame) -> list[tuple[str, str]]:
    """(marker, meaning) of the levels that occur in the region, strongest first."""
    seen = set(assignment["methode"])
    out: dict[str, str] = {}
    for methode, lv in LEVELS.items():
        if methode in seen and lv.marker not in out:
            out[lv.marker] = lv.meaning
    return list(out.items())


def sources(assignment: pd.DataFrame) -> pd.DataFrame:
    """The distinct sources of the region's assignment: ``bron``, ``marker``, ``gemeenten`` (names, in order)."""
    grouped = assignment.groupby(["bron", "marker"], sort=False)["gemeentenaam"].agg(list).reset_index()
    return grouped.rename(columns={"gemeentenaam": "gemeenten"})


def display_source(bron: str) -> str:
    """A source as reviewers read it: a web address without its scheme (the report links to no other server)."""
    text = bron.strip()
    for prefix in ("https://", "http://"):
        if text.lower().startswith(prefix):
            text = text[len(prefix) :]
    return text.removeprefix("www.")
