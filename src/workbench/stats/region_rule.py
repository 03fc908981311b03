"""Derive which gemeente belongs to which of the 35 regions, by the documented rule in DOMAIN.md.

1. Each gemeente belongs to the Veilig Thuis-region (2020) that contains its representative point.
2. Within a VT-region with one centrumgemeente, all its gemeenten belong to that centrumgemeente's region.
3. Within a VT-region with several, a gemeente belongs to the centrumgemeente whose area is nearest to the
   gemeente's representative point (ties: the nearest representative point).
4. A known composition (``regio_samenstelling_bekend.csv``) takes precedence: its gemeenten form that region,
   and no other gemeente is given to it by the rule.
5. Every row of ``regio_samenstelling_bronnen.csv`` whose ``zekerheid`` is not ``onbekend`` overrides the rule:
   ``bron`` (a source names the gemeente in that region), ``afgeleid`` (a source names the region as a whole)
   or ``afgeleid-mobw`` (inferred from the maatschappelijke opvang/beschermd wonen region of the same
   centrumgemeente). ``onbekend`` rows keep the rule.

Each gemeente records how it was assigned (``methode``) and on what source (``bron``, ``toelichting``). A region
overrides the result with its own list (see :mod:`workbench.io.own_composition`).
"""

from __future__ import annotations

import pandas as pd
import shapely

from workbench.io.geo import to_km

METHOD_SOURCE = "bron"
METHOD_DERIVED = "afgeleid"
METHOD_DERIVED_MOBW = "afgeleid-mobw"
METHOD_RULE = "regel"
METHOD_RULE_OUTSIDE_VT = "regel (dichtstbijzijnde buiten VT-regio)"
METHOD_OWN = "eigen lijst"
SOURCED_METHODS = (METHOD_SOURCE, METHOD_DERIVED, METHOD_DERIVED_MOBW)
"""The ``zekerheid`` levels of the sourced composition that override the rule (``onbekend`` does not)."""
UNKNOWN_LEVEL = "onbekend"
RULE_SOURCE = "afgeleid met de regel in data/README.md"

COMPOSITION_COLUMNS = [
    "gemeentecode",
    "gemeentenaam",
    "centrumgemeente_code",
    "centrumgemeente_naam",
    "vt_code",
    "vt_naam",
    "methode",
    "bron",
    "toelichting",
]


def representative_points(gemeenten: pd.DataFrame) -> pd.DataFrame:
    """Return ``code``, ``area`` and ``point``, both in the kilometre grid, for each gemeente boundary."""
    area = gemeenten["geometry"].map(to_km)
    return pd.DataFrame(
        {"code": gemeenten["code"], "area": area, "point": area.map(lambda g: g.representative_point())}
    )


def vt_of_points(points: pd.DataFrame, vt_regions: pd.DataFrame) -> pd.Series:
    """Return, per gemeente, the code of the VT-region whose area contains its representative point."""
    vt_km = [(code, to_km(geom)) for code, geom in zip(vt_regions["code"], vt_regions["geometry"], strict=True)]

    def locate(point: shapely.Point) -> str:
        inside = [code for code, geom in vt_km if geom.covers(point)]
        if len(inside) == 1:
            return inside[0]
        return min(vt_km, key=lambda item: (item[1].distance(point), item[0]))[0]

    return points["point"].map(locate)


def derive_composition(
    gemeenten: pd.DataFrame,
    vt_regions: pd.DataFrame,
    centrumgemeenten: pd.DataFrame,
    known: pd.DataFrame,
    sourced: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Assign every gemeente to one centrumgemeente region: sources first, the rule where none was found.

    Parameters
    ----------
    gemeenten
        Boundaries: ``code``, ``naam``, ``geometry`` (WGS84).
    vt_regions
        VT-region boundaries: ``code``, ``naam``, ``geometry``.
    centrumgemeenten
        ``gemeentecode`` and ``gemeentenaam`` of the 35 centrumgemeenten.
    known
        Known compositions: ``centrumgemeente_code``, ``gemeentecode``, ``bron``.
    sourced
        The sourced composition: ``gemeentecode``, ``centrumgemeente_code``, ``zekerheid``, ``bron``,
        ``toelichting``; rows that are not ``onbekend`` override the rule. ``None``: the rule alone.

    Returns
    -------
    pandas.DataFrame
        One row per gemeente with :data:`COMPOSITION_COLUMNS`, sorted by centrumgemeente and gemeente code.
    """
    pts = representative_points(gemeenten).set_index("code")
    vt = vt_of_points(pts.reset_index(), vt_regions)
    vt.index = pts.index
    centra = centrumgemeenten["gemeentecode"].tolist()
    closed = set(known["centrumgemeente_code"])
    fixed = dict(zip(known["gemeentecode"], known["centrumgemeente_code"], strict=True))
    source = dict(zip(known["gemeentecode"], known["bron"], strict=True))

    def nearest(code: str, candidates: list[str]) -> str:
        point = pts.at[code, "point"]
        return min(candidates, key=lambda c: (pts.at[c, "area"].distance(point), pts.at[c, "point"].distance(point), c))

    rows = []
    sources = _sourced_rows(sourced, set(centra))
    for code in pts.index:
        if code in fixed:
            centre, method, bron, note = fixed[code], METHOD_SOURCE, source[code], "bekende samenstelling"
            if code in sources and sources[code][0] != centre:
                raise ValueError(f"{code}: the known composition and the sourced composition disagree")
        elif code in sources:
            centre, method, bron, note = sources[code]
        else:
            open_in_vt = [c for c in centra if vt[c] == vt[code] and c not in closed]
            if open_in_vt:
                centre, method = nearest(code, open_in_vt), METHOD_RULE
            else:
                centre, method = nearest(code, [c for c in centra if c not in closed]), METHOD_RULE_OUTSIDE_VT
            bron, note = RULE_SOURCE, "geen bron gevonden" if sourced is not None else ""
        rows.append(
            {
                "gemeentecode": code,
                "centrumgemeente_code": centre,
                "vt_code": vt[code],
                "methode": method,
                "bron": bron,
                "toelichting": note,
            }
        )
    out = pd.DataFrame(rows)
    names = dict(zip(gemeenten["code"], gemeenten["naam"], strict=True))
    vt_names = dict(zip(vt_regions["code"], vt_regions["naam"], strict=True))
    out["gemeentenaam"] = out["gemeentecode"].map(names)
    out["centrumgemeente_naam"] = out["centrumgemeente_code"].map(names)
    out["vt_naam"] = out["vt_code"].map(vt_names)
    return out[COMPOSITION_COLUMNS].sort_values(["centrumgemeente_code", "gemeentecode"], ignore_index=True)


def _sourced_rows(sourced: pd.DataFrame | None, centra: set[str]) -> dict[str, tuple[str, str, str, str]]:
    """Per gemeente with a source: (centrumgemeente, method, source, note); ``onbekend`` rows are left out."""
    if sourced is None:
        return {}
    rows = sourced[sourced["zekerheid"] != UNKNOWN_LEVEL]
    unknown_levels = sorted(set(rows["zekerheid"]) - set(SOURCED_METHODS))
    if unknown_levels:
        raise ValueError(f"unknown zekerheid level(s) {unknown_levels}; known: {[*SOURCED_METHODS, UNKNOWN_LEVEL]}")
    strangers = sorted(set(rows["centrumgemeente_code"]) - centra)
    if strangers:
        raise ValueError(f"sourced composition names regions that are not centrumgemeenten: {strangers}")
    return {
        r.gemeentecode: (r.centrumgemeente_code, r.zekerheid, r.bron, r.toelichting)
        for r in rows.itertuples(index=False)
    }
