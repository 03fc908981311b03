"""The report's charts. Each function returns a matplotlib Figure and its alt text (Dutch).

Figures are made without pyplot's global state. Colours are the Okabe–Ito palette without its yellow, so every
colour has enough contrast on white; values come in already disclosure-controlled (secret cells are missing
and are not drawn).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Polygon as PolygonPatch
from shapely.geometry import MultiPolygon, Polygon

from workbench.html_parts import fmt_dec, fmt_int
from workbench.rates import funnel_limits

BLUE, VERMILLION, GREEN, PINK, PURPLE, BLACK, GREY, GOLD = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#6A3D9A",
    "#000000",
    "#595959",
    "#8C6D00",
)
PALETTE = [BLUE, VERMILLION, GREEN, PINK, PURPLE, BLACK, GOLD, GREY]
"""Eight distinct colours, each with at least 3:1 contrast on white (WCAG 1.4.11 for graphics)."""
LIGHT = "#DDDDDD"


def _figure(width: float = 7.5, height: float = 3.6) -> tuple[Figure, object]:
    fig = Figure(figsize=(width, height), layout="constrained")
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    return fig, ax


def _legend_below(ax, ncols: int = 3) -> None:
    ax.legend(fontsize=7, frameon=False, ncols=ncols, loc="upper center", bbox_to_anchor=(0.5, -0.28))


def age_structure(region: pd.Series, nederland: pd.Series, region_name: str) -> tuple[Figure, str]:
    """Horizontal bars: share of each age band in the region and in the Netherlands (percent)."""
    fig, ax = _figure(7.0, 3.0)
    y = np.arange(len(region))
    ax.barh(y + 0.2, region.values, height=0.4, color=BLUE, label=region_name)
    ax.barh(y - 0.2, nederland.values, height=0.4, color=GREY, label="Nederland")
    ax.set_yticks(y, list(region.index))
    ax.invert_yaxis()
    ax.set_xlabel("aandeel van de inwoners (%)")
    ax.set_title("Leeftijdsopbouw, 1 januari 2020", fontsize=10, loc="left")
    ax.legend(fontsize=8, frameon=False)
    parts = "; ".join(f"{k}: {fmt_dec(v)}% (Nederland {fmt_dec(nederland[k])}%)" for k, v in region.items())
    return fig, f"Staafdiagram van de leeftijdsopbouw van {region_name} tegen Nederland. {parts}."


def _patches(geometry) -> list[PolygonPatch]:
    polys = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    return [PolygonPatch(np.asarray(p.exterior.coords), closed=True) for p in polys if isinstance(p, Polygon)]


def region_map(
    boundaries: pd.DataFrame,
    members: list[str],
    values: pd.Series,
    names: pd.Series,
    value_label: str,
    place: str,
    area_word: str = "gemeenten",
) -> tuple[Figure, str]:
    """A map of areas (``members`` of ``boundaries``) shaded by a rate, neighbours in light grey, names as labels.

    ``place`` completes the title and alt text ("de regio Utrecht", "Nederland"); ``area_word`` names the areas.
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
    cmap = _blues()
    vmin, vmax = (np.nanmin(vals), np.nanmax(vals)) if vals.notna().any() else (0, 1)
    for code, geom in zip(own["code"], own["geometry"], strict=True):
        v = vals.get(code)
        colour = LIGHT if pd.isna(v) else cmap((v - vmin) / (vmax - vmin) if vmax > vmin else 0.5)
        ax.add_collection(PatchCollection(_patches(geom), facecolor=colour, edgecolor=BLACK, linewidth=0.6))
        point = geom.representative_point()
        ax.annotate(
            str(names.get(code, code)),
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
    ax.set_title(f"{area_word.capitalize()} in {place}: {value_label}", fontsize=10, loc="left")
    sm = _scalar_mappable(cmap, vmin, vmax)
    fig.colorbar(sm, ax=ax, shrink=0.6, label=value_label)
    shown = vals.dropna().sort_values(ascending=False)
    listing = "; ".join(f"{names.get(c, c)} {fmt_dec(v)}" for c, v in shown.items())
    hidden = int(vals.isna().sum())
    extra = f" {hidden} gebied(en) zonder gepubliceerd cijfer zijn grijs." if hidden else ""
    return fig, (
        f"Kaart van de {len(own)} {area_word} in {place}, gekleurd naar {value_label}, "
        f"van hoog naar laag: {listing}.{extra}"
    )


def _blues():
    from matplotlib import colormaps

    return colormaps["Blues"].resampled(256)


def _scalar_mappable(cmap, vmin: float, vmax: float):
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize

    return ScalarMappable(norm=Normalize(vmin=vmin, vmax=vmax), cmap=cmap)


def trend(table: pd.DataFrame, title: str, ylabel: str) -> tuple[Figure, str]:
    """Lines over half-years, one per column of ``table`` (index: period labels)."""
    fig, ax = _figure()
    x = np.arange(len(table))
    for i, col in enumerate(table.columns):
        ax.plot(
            x, table[col].astype("float64"), marker="o", markersize=3, color=PALETTE[i % len(PALETTE)], label=str(col)
        )
    ax.set_xticks(x, list(table.index), rotation=45, ha="right")
    ax.set_ylabel(ylabel)
    ax.set_xlabel("halfjaar")
    ax.set_ylim(bottom=0)
    ax.set_title(title, fontsize=10, loc="left")
    _legend_below(ax, ncols=3)
    first, last = table.index[0], table.index[-1]
    parts = "; ".join(f"{c}: van {fmt_int(table[c].iloc[0])} naar {fmt_int(table[c].iloc[-1])}" for c in table.columns)
    return fig, f"Lijndiagram {title.lower()}, {first} tot en met {last}. {parts}."


def rates_with_intervals(table: pd.DataFrame, references: dict[str, float], title: str) -> tuple[Figure, str]:
    """Dots with 95% intervals per area (rows of ``table``), with reference lines."""
    shown = table.dropna(subset=["per_1000"])
    fig, ax = _figure(7.5, max(2.5, 0.28 * len(shown) + 1.2))
    y = np.arange(len(shown))
    ax.errorbar(
        shown["per_1000"],
        y,
        xerr=[shown["per_1000"] - shown["ci_laag"], shown["ci_hoog"] - shown["per_1000"]],
        fmt="o",
        color=BLUE,
        ecolor=GREY,
        elinewidth=1,
        capsize=2,
        markersize=4,
        label="gemeente (95%-interval)",
    )
    for (label, value), colour, style in zip(
        references.items(), [VERMILLION, GREEN, BLACK], ["-", "--", ":"], strict=False
    ):
        ax.axvline(value, color=colour, linestyle=style, linewidth=1.2, label=f"{label} ({fmt_dec(value)})")
    ax.set_yticks(y, list(shown.index))
    ax.invert_yaxis()
    ax.set_xlabel("meldingen per 1.000 inwoners")
    ax.set_xlim(left=0)
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(fontsize=7, frameon=False, ncols=2, loc="upper center", bbox_to_anchor=(0.5, -1.4 / (len(shown) + 3)))
    parts = "; ".join(
        f"{n} {fmt_dec(r['per_1000'])} ({fmt_dec(r['ci_laag'])}–{fmt_dec(r['ci_hoog'])})" for n, r in shown.iterrows()
    )
    refs = ", ".join(f"{k} {fmt_dec(v)}" for k, v in references.items())
    return fig, f"Puntdiagram {title.lower()} met 95%-betrouwbaarheidsintervallen. {parts}. Ter vergelijking: {refs}."


def stacked_shares(shares: pd.DataFrame, title: str) -> tuple[Figure, str]:
    """Horizontal 100% bars: rows are areas, columns categories (shares 0–1)."""
    fig, ax = _figure(7.5, 0.45 * len(shares) + 1.6)
    left = np.zeros(len(shares))
    y = np.arange(len(shares))
    for i, col in enumerate(shares.columns):
        vals = shares[col].fillna(0).to_numpy() * 100
        ax.barh(y, vals, left=left, color=PALETTE[i % len(PALETTE)], label=str(col), height=0.6)
        left += vals
    ax.set_yticks(y, list(shares.index))
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("aandeel van de meldingen (%)")
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(fontsize=7, frameon=False, ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.25))
    parts = "; ".join(
        f"{area}: " + ", ".join(f"{c} {fmt_dec(v * 100, 0)}%" for c, v in row.items() if not pd.isna(v))
        for area, row in shares.iterrows()
    )
    return fig, f"Gestapeld staafdiagram {title.lower()}. {parts}."


def funnel(points: pd.DataFrame, reference_rate: float, highlight: str | None, title: str) -> tuple[Figure, str]:
    """Funnel plot: rate against population with 95% and 99.8% control limits around the reference rate."""
    fig, ax = _figure(7.5, 4.2)
    pops = np.geomspace(max(1000, points["populatie"].min() * 0.8), points["populatie"].max() * 1.2, 200)
    for z, style, label in [(1.96, "--", "95%-grenzen"), (3.09, ":", "99,8%-grenzen")]:
        low, high = funnel_limits(reference_rate, pops, z)
        ax.plot(pops, low, style, color=GREY, linewidth=1, label=label)
        ax.plot(pops, high, style, color=GREY, linewidth=1)
    ax.axhline(reference_rate, color=VERMILLION, linewidth=1.2, label=f"Nederland ({fmt_dec(reference_rate)})")
    ax.scatter(points["populatie"], points["per_1000"], s=18, color=BLUE, zorder=3, label="gemeente")
    if highlight is not None and highlight in points.index:
        p = points.loc[highlight]
        ax.scatter(
            [p["populatie"]],
            [p["per_1000"]],
            s=40,
            facecolor="none",
            edgecolor=BLACK,
            zorder=4,
            label="centrumgemeente",
        )
    ax.set_xscale("log")
    ax.set_xlabel("inwoners (logaritmische schaal)")
    ax.set_ylabel("meldingen per 1.000 inwoners")
    ax.set_ylim(bottom=0)
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(fontsize=7, frameon=False)
    low95, high95 = funnel_limits(reference_rate, points["populatie"].to_numpy(), 1.96)
    above = [n for n, v, h in zip(points.index, points["per_1000"], high95, strict=True) if v > h]
    below = [n for n, v, lo in zip(points.index, points["per_1000"], low95, strict=True) if v < lo]
    return fig, (
        f"Trechterdiagram {title.lower()}: {len(points)} gemeenten, landelijk gemiddelde "
        f"{fmt_dec(reference_rate)} per 1.000. Boven de 95%-grens: {', '.join(above) or 'geen'}. "
        f"Onder de 95%-grens: {', '.join(below) or 'geen'}."
    )


def ranges_against_counts(table: pd.DataFrame, title: str) -> tuple[Figure, str]:
    """Per form: the estimated number of victims as a range (bar) or point (diamond), and the meldingen (dot)."""
    fig, ax = _figure(7.5, 0.55 * len(table) + 1.9)
    y = np.arange(len(table))
    is_range = (table["hoog"] > table["laag"]).to_numpy()
    ax.barh(
        y[is_range],
        (table["hoog"] - table["laag"])[is_range],
        left=table["laag"][is_range],
        height=0.5,
        color="#9ECAE1",
        edgecolor=BLUE,
        label="geschat aantal slachtoffers (bandbreedte)",
    )
    ax.scatter(
        table["laag"][~is_range],
        y[~is_range],
        marker="D",
        color=BLUE,
        s=30,
        zorder=3,
        label="geschat aantal slachtoffers (puntschatting)",
    )
    has = table["meldingen"].notna().to_numpy()
    ax.scatter(
        table["meldingen"][has].astype("float64"),
        y[has],
        color=VERMILLION,
        zorder=4,
        s=30,
        label="meldingen bij Veilig Thuis",
    )
    ax.set_yticks(y, list(table.index))
    ax.invert_yaxis()
    ax.set_xlabel("aantal personen per jaar")
    ax.set_xlim(0, float(table[["hoog", "meldingen"]].max().max()) * 1.08)
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(fontsize=7, frameon=False, ncols=2, loc="upper center", bbox_to_anchor=(0.5, -0.9 / len(table) - 0.1))
    parts = "; ".join(
        f"{v}: geschat {fmt_int(r['laag'])}"
        + (f"–{fmt_int(r['hoog'])}" if r["hoog"] > r["laag"] else "")
        + (f", meldingen {fmt_int(r['meldingen'])}" if not pd.isna(r["meldingen"]) else "")
        for v, r in table.iterrows()
    )
    return fig, f"Diagram {title.lower()}. {parts}."


def bars(
    values: pd.Series, highlight: str, reference: tuple[str, float], title: str, xlabel: str
) -> tuple[Figure, str]:
    """Horizontal bars of one indicator for several areas, the region highlighted, a reference line."""
    fig, ax = _figure(7.5, 0.35 * len(values) + 1.4)
    y = np.arange(len(values))
    colours = [VERMILLION if k == highlight else BLUE for k in values.index]
    ax.barh(y, values.to_numpy(dtype="float64"), color=colours, height=0.6)
    ax.axvline(
        reference[1], color=BLACK, linestyle=":", linewidth=1.2, label=f"{reference[0]} ({fmt_dec(reference[1])})"
    )
    ax.set_yticks(y, list(values.index))
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(fontsize=7, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -1.2 / len(values) - 0.1))
    parts = "; ".join(f"{k} {fmt_dec(v)}" for k, v in values.items())
    return fig, f"Staafdiagram {title.lower()}: {parts}; {reference[0]} {fmt_dec(reference[1])}."


def stacked_columns(table: pd.DataFrame, title: str, ylabel: str) -> tuple[Figure, str]:
    """Stacked columns: index = x categories (e.g. years), columns = parts (e.g. tasks)."""
    fig, ax = _figure(7.5, 4.0)
    x = np.arange(len(table))
    bottom = np.zeros(len(table))
    for i, col in enumerate(table.columns):
        vals = table[col].fillna(0).to_numpy(dtype="float64")
        ax.bar(x, vals, bottom=bottom, color=PALETTE[i % len(PALETTE)], label=str(col), width=0.6)
        bottom += vals
    ax.set_xticks(x, [str(i) for i in table.index])
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(fontsize=7, frameon=False, ncols=2, loc="upper center", bbox_to_anchor=(0.5, -0.12))
    parts = "; ".join(f"{i}: totaal {fmt_dec(t, 2)}" for i, t in zip(table.index, bottom, strict=True))
    return fig, f"Gestapeld kolomdiagram {title.lower()} ({ylabel}). {parts}."


STATUS_COLOURS = {
    "gereed": GREEN,
    "gereed, te laat": PURPLE,
    "te laat": VERMILLION,
    "gepland": BLUE,
    "na de deadline": BLACK,
}
STATUS_MARKERS = {"gereed": "o", "gereed, te laat": "s", "te laat": "X", "gepland": "D", "na de deadline": "^"}


def timeline(frame: pd.DataFrame, deadline, as_of, region_name: str) -> tuple[Figure, str]:
    """Milestones on a scale of weeks before the deadline, marked by status, with the status date."""
    fig, ax = _figure(7.5, 0.45 * len(frame) + 1.9)
    y = np.arange(len(frame))
    weeks = -frame["dagen_voor_deadline"].to_numpy() / 7
    for status in frame["status"].unique():
        sel = (frame["status"] == status).to_numpy()
        ax.scatter(
            weeks[sel],
            y[sel],
            color=STATUS_COLOURS.get(status, GREY),
            marker=STATUS_MARKERS.get(status, "o"),
            s=45,
            zorder=3,
            label=status,
        )
    ax.hlines(y, weeks, 0, color=LIGHT, linewidth=1, zorder=1)
    ax.axvline(0, color=BLACK, linewidth=1.4, label="deadline")
    ax.axvline(-(deadline - as_of).days / 7, color=GREY, linestyle="--", linewidth=1, label="stand van zaken")
    ax.set_yticks(y, list(frame["naam"]))
    ax.invert_yaxis()
    ax.set_xlabel("weken voor de deadline (0 = deadline)")
    ax.set_title(f"Procesplanning regiovisie, regio {region_name}", fontsize=10, loc="left")
    ax.legend(fontsize=7, frameon=False, loc="center left", bbox_to_anchor=(1.01, 0.5))
    parts = "; ".join(
        f"{r.naam}: {int(r.weken_voor_deadline)} weken voor de deadline, {r.status}" for r in frame.itertuples()
    )
    return fig, (
        f"Tijdlijn van de procesplanning van de regio {region_name}, deadline {deadline:%d-%m-%Y}, stand van "
        f"zaken {as_of:%d-%m-%Y}. {parts}."
    )


def indicator(values: pd.Series, baseline: dict, target: dict, name: str, status: str) -> tuple[Figure, str]:
    """An indicator's values per year with its baseline, its target and the straight line between them."""
    fig, ax = _figure(7.0, 2.8)
    known = values.dropna().sort_index()
    ax.plot(known.index, known.to_numpy(dtype="float64"), marker="o", color=BLUE, label="waarde")
    ax.plot(
        [baseline["jaar"], target["jaar"]],
        [baseline["waarde"], target["waarde"]],
        linestyle="--",
        color=GREY,
        label="lijn van basislijn naar doel",
    )
    ax.scatter([baseline["jaar"]], [baseline["waarde"]], marker="s", color=BLACK, zorder=3, label="basislijn")
    ax.scatter([target["jaar"]], [target["waarde"]], marker="*", s=90, color=VERMILLION, zorder=3, label="doel")
    ax.set_xlabel("jaar")
    ax.set_ylabel("waarde")
    ax.set_title(f"{name}: {status}", fontsize=10, loc="left")
    ax.legend(fontsize=7, frameon=False, ncols=4, loc="upper center", bbox_to_anchor=(0.5, -0.3))
    parts = "; ".join(f"{int(y)}: {fmt_dec(v)}" for y, v in known.items())
    return fig, (
        f"Lijndiagram {name}: {parts}. Basislijn {fmt_dec(baseline['waarde'])} in {baseline['jaar']}, doel "
        f"{fmt_dec(target['waarde'])} in {target['jaar']}; oordeel: {status}."
    )
