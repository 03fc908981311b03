"""Maps: areas shaded by a rate, neighbours in light grey, names as labels."""

from __future__ import annotations

import numpy as np
import pandas as pd
from shapely.geometry import MultiPolygon, Polygon, box

from workbench.disclosure.bounds import EXACT, LOWER_BOUND, Bounded
from workbench.report.charts.base import BLACK, LIGHT, LOWER_HATCH, Chart, chart, mark_dec
from workbench.report.charts.map_drawing import NEIGHBOUR_EDGE, NEIGHBOUR_FILL, Area, Map, blues
from workbench.report.formatting import DEC


def _rings(geometry) -> list[np.ndarray]:
    """The outer rings of an area's polygons (lon, lat)."""
    polys = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    return [np.asarray(p.exterior.coords) for p in polys if isinstance(p, Polygon)]


def region_map(
    boundaries: pd.DataFrame,
    members: list[str],
    values: pd.Series,
    names: pd.Series,
    value_label: str,
    place: str,
    area_word: str = "gemeenten",
    lower: pd.Series | None = None,
) -> Chart:
    """A map of areas (``members`` of ``boundaries``) shaded by a rate, neighbours in light grey, names as labels.

    ``place`` completes the title and alt text ("de regio Utrecht", "Nederland"); ``area_word`` names the areas.
    Areas without a value are grey; areas whose value is a lower bound (``lower``) are hatched.
    """
    own = boundaries[boundaries["code"].isin(members)]
    bounds = np.array([g.bounds for g in own["geometry"]])
    minx, miny = bounds[:, :2].min(axis=0)
    maxx, maxy = bounds[:, 2:].max(axis=0)
    pad = 0.08 * max(maxx - minx, maxy - miny)
    frame = box(minx - pad, miny - pad, maxx + pad, maxy + pad)
    around = boundaries[boundaries["geometry"].map(frame.intersects)]
    vals = values.reindex(own["code"]).astype("float64")
    partial = (
        pd.Series(False, index=vals.index) if lower is None else lower.reindex(vals.index).fillna(False).astype(bool)
    )
    vmin, vmax = (float(np.nanmin(vals)), float(np.nanmax(vals))) if vals.notna().any() else (0.0, 1.0)
    areas = [Area(_rings(geom), NEIGHBOUR_FILL, NEIGHBOUR_EDGE, 0.4) for geom in around["geometry"]] + [
        Area(
            _rings(geom),
            LIGHT if pd.isna(v) else blues((v - vmin) / (vmax - vmin) if vmax > vmin else 0.5),
            BLACK,
            0.6,
            LOWER_HATCH if bool(partial.get(code, False)) and not pd.isna(v) else None,
        )
        for code, geom, v in zip(own["code"], own["geometry"], vals, strict=True)
    ]
    labels = [  # the value beside the name: the map reads without colour too
        (
            geom.representative_point().coords[0],
            f"{names.get(code, code)}\n{mark_dec(v, bool(partial.get(code, False)))}",
        )
        for code, geom, v in zip(own["code"], own["geometry"], vals, strict=True)
    ]
    fig = Map(
        7.0,
        6.0,
        f"{area_word.capitalize()} in {place}: {value_label}",
        (minx - pad, miny - pad, maxx + pad, maxy + pad),
        areas,
        labels,
        (vmin, vmax),
        value_label,
    )
    shown = vals.dropna().sort_values(ascending=False)
    listing = "; ".join(f"{names.get(c, c)} {mark_dec(v, partial[c])}" for c, v in shown.items())
    hidden = int(vals.isna().sum())
    extra = f" {hidden} gebied(en) zonder gepubliceerd cijfer zijn grijs." if hidden else ""
    if partial[vals.notna()].any():
        extra += " Gearceerd en met ≥: ondergrenzen, omdat gemeentecijfers geheim zijn."
    alt = (
        f"Kaart van de {len(own)} {area_word} in {place}, gekleurd naar {value_label}, "
        f"van hoog naar laag: {listing}.{extra}"
    )
    data = pd.DataFrame(
        {
            "code": list(vals.index),
            "naam": [str(names.get(c, c)) for c in vals.index],
            value_label: [Bounded.of_kind(v, LOWER_BOUND if partial[c] else EXACT) for c, v in vals.items()],
        }
    )
    return chart(fig, alt, data, {value_label: DEC})
