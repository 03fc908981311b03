"""Derive which gemeente belongs to which of the 35 regions, by the documented rule in DOMAIN.md.

1. Each gemeente belongs to the Veilig Thuis-region (2020) that contains its representative point.
2. Within a VT-region with one centrumgemeente, all its gemeenten belong to that centrumgemeente's region.
3. Within a VT-region with several, a gemeente belongs to the centrumgemeente whose area is nearest to the
   gemeente's representative point (ties: the nearest representative point).
4. A known composition (``regio_samenstelling_bekend.csv``) takes precedence: its gemeenten form that region,
   and no other gemeente is given to it by the rule.

The result is an approximation that a region replaces with its own list by editing the CSV it produces.
"""

from __future__ import annotations

import pandas as pd
import shapely

from workbench.geo import to_km

METHOD_KNOWN = "bekend"
METHOD_RULE = "regel"
METHOD_RULE_OUTSIDE_VT = "regel (dichtstbijzijnde buiten VT-regio)"

COMPOSITION_COLUMNS = [
    "gemeentecode",
    "gemeentenaam",
    "centrumgemeente_code",
    "centrumgemeente_naam",
    "vt_code",
    "vt_naam",
    "methode",
    "bron",
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
) -> pd.DataFrame:
    """Assign every gemeente to one centrumgemeente region.

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
    for code in pts.index:
        if code in fixed:
            centre, method, bron = fixed[code], METHOD_KNOWN, source[code]
        else:
            open_in_vt = [c for c in centra if vt[c] == vt[code] and c not in closed]
            if open_in_vt:
                centre, method = nearest(code, open_in_vt), METHOD_RULE
            else:
                centre, method = nearest(code, [c for c in centra if c not in closed]), METHOD_RULE_OUTSIDE_VT
            bron = "afgeleid met de regel in data/README.md"
        rows.append(
            {"gemeentecode": code, "centrumgemeente_code": centre, "vt_code": vt[code], "methode": method, "bron": bron}
        )
    out = pd.DataFrame(rows)
    names = dict(zip(gemeenten["code"], gemeenten["naam"], strict=True))
    vt_names = dict(zip(vt_regions["code"], vt_regions["naam"], strict=True))
    out["gemeentenaam"] = out["gemeentecode"].map(names)
    out["centrumgemeente_naam"] = out["centrumgemeente_code"].map(names)
    out["vt_naam"] = out["vt_code"].map(vt_names)
    return out[COMPOSITION_COLUMNS].sort_values(["centrumgemeente_code", "gemeentecode"], ignore_index=True)
