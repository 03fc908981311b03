"""How each gemeente of a region was assigned to it: the level of evidence, a compact marker, and the sources.

The levels come from the composition's ``methode`` column (see :mod:`workbench.stats.region_rule` and
:mod:`workbench.io.own_composition`); De regio shows them per gemeente and the Verantwoording lists the sources.
What each level means, in words, is in :mod:`workbench.report.texts`.
"""

from __future__ import annotations

import pandas as pd

from workbench.stats.region_rule import (
    METHOD_DERIVED,
    METHOD_DERIVED_MOBW,
    METHOD_OWN,
    METHOD_RULE,
    METHOD_RULE_OUTSIDE_VT,
    METHOD_SOURCE,
)

MARKERS = {
    METHOD_OWN: "E",
    METHOD_SOURCE: "B",
    METHOD_DERIVED: "A",
    METHOD_DERIVED_MOBW: "M",
    METHOD_RULE: "R",
    METHOD_RULE_OUTSIDE_VT: "R",
}
"""Per level, strongest first, its marker in the report."""
WEAK = {METHOD_DERIVED, METHOD_DERIVED_MOBW, METHOD_RULE, METHOD_RULE_OUTSIDE_VT}
"""The levels that rest on an inference or on the rule, not on a source naming the gemeente."""


def level_of(methode: str) -> str:
    """The level of a ``methode`` value; an unknown value (a hand edit) counts as the rule."""
    return methode if methode in MARKERS else METHOD_RULE


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
            "methode": levels.to_numpy(),
            "marker": levels.map(MARKERS).to_numpy(),
            "zwak": levels.isin(WEAK).to_numpy(),
            "bron": m["bron"].fillna("").to_numpy(),
        }
    )


def markers_in(assignment: pd.DataFrame) -> list[tuple[str, str]]:
    """(marker, level) of the levels that occur in the region, strongest first, one per marker."""
    seen = set(assignment["methode"])
    out: dict[str, str] = {}
    for methode, marker in MARKERS.items():
        if methode in seen and marker not in out:
            out[marker] = methode
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
