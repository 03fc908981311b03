"""Maps: areas shaded by a rate, neighbours in light grey, names as labels."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Polygon as PolygonPatch
from shapely.geometry import MultiPolygon, Polygon

from workbench.disclosure.bounds import EXACT, LOWER_BOUND, Bounded
from workbench.report.charts.base import BLACK, LIGHT, LOWER_HATCH, Chart, chart, literal, mark_dec, set_title
from workbench.report.formatting import DEC


def _patches(geometry) -> list[PolygonPatch]:
    polys = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    return [PolygonPatch(np.asarray(p.exterior.coords), closed=True) for p in polys if isinstance(p, Polygon)]


@literal
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
    fig = Figure(figsize=(7.0, 6.0), layout="constrained")
    ax = fig.add_subplot()
    own = boundaries[boundaries["code"].isin(members)]
    minx, miny, maxx, maxy = (
        own["geometry"]
        .map(lambda g: g.bounds)
        .apply(pd.Series)
        .agg(["min", "max"])
        .to_numpy()[[0, 0, 1, 1], [0, 1, 2, 3]]
    )
    pad = 0.08 * max(maxx - minx, maxy - miny)
    around = boundaries[
        boundaries["geometry"].map(
            lambda g: g.intersects(
                Polygon(
                    [
                        (minx - pad, miny - pad),
                        (maxx + pad, miny - pad),
                        (maxx + pad, maxy + pad),
                        (minx - pad, maxy + pad),
                    ]
                )
            )
        )
    ]
    ax.add_collection(
        PatchCollection(
            [p for g in around["geometry"] for p in _patches(g)],
            facecolor="#F2F2F2",
            edgecolor="#BBBBBB",
            linewidth=0.4,
        )
    )
    vals = values.reindex(own["code"]).astype("float64")
    partial = (
        pd.Series(False, index=vals.index) if lower is None else lower.reindex(vals.index).fillna(False).astype(bool)
    )
    cmap = _blues()
    vmin, vmax = (np.nanmin(vals), np.nanmax(vals)) if vals.notna().any() else (0, 1)
    for code, geom in zip(own["code"], own["geometry"], strict=True):
        v = vals.get(code)
        colour = LIGHT if pd.isna(v) else cmap((v - vmin) / (vmax - vmin) if vmax > vmin else 0.5)
        ax.add_collection(
            PatchCollection(
                _patches(geom),
                facecolor=colour,
                edgecolor=BLACK,
                linewidth=0.6,
                hatch=LOWER_HATCH if partial.get(code, False) and not pd.isna(v) else None,
            )
        )
        point = geom.representative_point()
        ax.annotate(  # the value beside the name: the map reads without colour too
            f"{names.get(code, code)}\n{mark_dec(v, bool(partial.get(code, False)))}",
            (point.x, point.y),
            fontsize=6.5,
            ha="center",
            va="center",
            color=BLACK,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7},
        )
    ax.set_xlim(minx - pad, maxx + pad)
    ax.set_ylim(miny - pad, maxy + pad)
    ax.set_aspect(1 / np.cos(np.radians((miny + maxy) / 2)))
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    set_title(ax, f"{area_word.capitalize()} in {place}: {value_label}")
    sm = _scalar_mappable(cmap, vmin, vmax)
    fig.colorbar(sm, ax=ax, shrink=0.6, label=value_label)
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


def _blues():
    from matplotlib import colormaps

    return colormaps["Blues"].resampled(256)


def _scalar_mappable(cmap, vmin: float, vmax: float):
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize

    return ScalarMappable(norm=Normalize(vmin=vmin, vmax=vmax), cmap=cmap)
