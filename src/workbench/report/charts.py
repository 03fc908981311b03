"""The report's charts. Each function returns a matplotlib Figure and its alt text (Dutch).

Figures are made without pyplot's global state. Colours are the Okabe–Ito palette without its yellow, so every
colour has enough contrast on white; values come in already disclosure-controlled. An unknown value (every cell
secret) is not drawn: a gap, never a point or bar at 0. A lower bound (some cells secret) is drawn as an open
marker or a hatched bar, and written with '≥' in the alt text.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Polygon as PolygonPatch
from matplotlib.patches import Rectangle
from shapely.geometry import MultiPolygon, Polygon

from workbench.disclosure.bounds import APPROXIMATE, EXACT, LOWER_BOUND, Bounded
from workbench.report.html_parts import LOWER_MARK, fmt_bounded, fmt_dec, fmt_int
from workbench.stats.rates import HIGHER, LOWER, funnel_limits

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
DEMO_COLOUR = "#8A5A00"
LOWER_HATCH = "////"
LOWER_LEGEND = "open punt: ondergrens (geheime gemeentecijfers)"


def mark_demonstration(fig: Figure) -> None:
    """Write 'demonstratiecijfers' inside the image, so a chart pasted elsewhere keeps the warning.

    It is the figure's super-title, set right, so the layout keeps room for it above the chart's own title.
    """
    fig.suptitle(
        "demonstratiecijfers",
        x=0.995,
        ha="right",
        fontsize=8,
        fontweight="bold",
        color=DEMO_COLOUR,
        bbox={"boxstyle": "square,pad=0.2", "fc": "white", "ec": DEMO_COLOUR, "lw": 0.8},
    )


def _hatch_handle(label: str) -> Rectangle:
    """A legend entry for hatched (lower-bound) bars."""
    return Rectangle((0, 0), 1, 1, facecolor=GREY, hatch=LOWER_HATCH, edgecolor="white", label=label)


def _mark(value: object, lower: bool) -> str:
    """A count for alt text: '.' when missing, '≥ 45' for a lower bound."""
    text = fmt_int(value)
    return LOWER_MARK + text if lower and text != "." else text


def _mark_dec(value: object, lower: bool) -> str:
    text = fmt_dec(value)
    return LOWER_MARK + text if lower and text != "." else text


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
    lower: pd.Series | None = None,
) -> tuple[Figure, str]:
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
    listing = "; ".join(f"{names.get(c, c)} {_mark_dec(v, partial[c])}" for c, v in shown.items())
    hidden = int(vals.isna().sum())
    extra = f" {hidden} gebied(en) zonder gepubliceerd cijfer zijn grijs." if hidden else ""
    if partial[vals.notna()].any():
        extra += " Gearceerd en met ≥: ondergrenzen, omdat gemeentecijfers geheim zijn."
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


def trend(table: pd.DataFrame, title: str, ylabel: str, lower: pd.DataFrame | None = None) -> tuple[Figure, str]:
    """Lines over half-years, one per column of ``table`` (index: period labels).

    Missing values (every cell secret) leave a gap; where ``lower`` is True the value is a lower bound and is
    drawn as an open marker.
    """
    lower = pd.DataFrame(False, index=table.index, columns=table.columns) if lower is None else lower
    fig, ax = _figure()
    x = np.arange(len(table))
    for i, col in enumerate(table.columns):
        colour = PALETTE[i % len(PALETTE)]
        values = table[col].astype("float64").to_numpy()
        ax.plot(x, values, marker="o", markersize=3, color=colour, label=str(col))
        open_points = lower[col].to_numpy(dtype=bool) & ~np.isnan(values)
        if open_points.any():
            ax.scatter(x[open_points], values[open_points], s=28, facecolor="white", edgecolor=colour, zorder=3)
    if lower.to_numpy().any():
        ax.scatter([], [], s=28, facecolor="white", edgecolor=BLACK, label=LOWER_LEGEND)
    ax.set_xticks(x, list(table.index), rotation=45, ha="right")
    ax.set_ylabel(ylabel)
    ax.set_xlabel("halfjaar")
    ax.set_ylim(bottom=0)
    ax.set_title(title, fontsize=10, loc="left")
    _legend_below(ax, ncols=3)
    first, last = table.index[0], table.index[-1]
    parts = "; ".join(
        f"{c}: van {_mark(table[c].iloc[0], lower[c].iloc[0])} naar {_mark(table[c].iloc[-1], lower[c].iloc[-1])}"
        for c in table.columns
    )
    notes = []
    if lower.to_numpy().any():
        notes.append("Met ≥ en open punten: ondergrenzen, omdat gemeentecijfers geheim zijn.")
    if table.isna().to_numpy().any():
        notes.append("Waar een punt ontbreekt, zijn alle gemeentecijfers geheim ('.').")
    return fig, f"Lijndiagram {title.lower()}, {first} tot en met {last}. {parts}." + "".join(" " + n for n in notes)


def rates_with_intervals(
    table: pd.DataFrame, references: dict[str, Bounded], title: str, xlabel: str
) -> tuple[Figure, str]:
    """Dots with 95% intervals per area (rows of ``table``), with reference lines (unknown references left out)."""
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
    drawn = {label: ref for label, ref in references.items() if ref.known}
    for (label, ref), colour, style in zip(drawn.items(), [VERMILLION, GREEN, BLACK], ["-", "--", ":"], strict=False):
        ax.axvline(
            ref.value, color=colour, linestyle=style, linewidth=1.2, label=f"{label} ({fmt_bounded(ref, fmt_dec)})"
        )
    ax.set_yticks(y, list(shown.index))
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_xlim(left=0)
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(fontsize=7, frameon=False, ncols=2, loc="upper center", bbox_to_anchor=(0.5, -1.4 / (len(shown) + 3)))
    parts = "; ".join(
        f"{n} {fmt_dec(r['per_1000'])} ({fmt_dec(r['ci_laag'])}–{fmt_dec(r['ci_hoog'])})" for n, r in shown.iterrows()
    )
    refs = ", ".join(f"{k} {fmt_bounded(v, fmt_dec)}" for k, v in references.items())
    return fig, f"Puntdiagram {title.lower()} met 95%-betrouwbaarheidsintervallen. {parts}. Ter vergelijking: {refs}."


def stacked_shares(shares: pd.DataFrame, title: str, kinds: pd.DataFrame | None = None) -> tuple[Figure, str]:
    """Horizontal 100% bars: rows are areas, columns categories (shares 0–1).

    A missing share (unknown) is left out of its bar, never drawn as 0. ``kinds`` gives per share its kind
    (:mod:`workbench.disclosure.bounds`): a lower bound is hatched and written '≥', an approximation written 'ca.'.
    """
    kinds = pd.DataFrame(EXACT, index=shares.index, columns=shares.columns) if kinds is None else kinds
    fig, ax = _figure(7.5, 0.45 * len(shares) + 1.6)
    left = np.zeros(len(shares))
    y = np.arange(len(shares))
    for i, col in enumerate(shares.columns):
        vals = shares[col].to_numpy(dtype="float64") * 100
        for j in np.flatnonzero(~np.isnan(vals)):
            ax.barh(
                y[j],
                vals[j],
                left=left[j],
                color=PALETTE[i % len(PALETTE)],
                height=0.6,
                hatch=LOWER_HATCH if kinds.iat[j, i] != EXACT else None,
                edgecolor="white",
            )
            left[j] += vals[j]
    handles = [Rectangle((0, 0), 1, 1, color=PALETTE[i % len(PALETTE)], label=str(c)) for i, c in enumerate(shares)]
    inexact = (kinds != EXACT).to_numpy().any()
    if inexact:
        handles.append(_hatch_handle("gearceerd: geheime gemeentecijfers"))
    ax.set_yticks(y, list(shares.index))
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("aandeel van de meldingen (%)")
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(handles=handles, fontsize=7, frameon=False, ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.25))
    marks = {LOWER_BOUND: LOWER_MARK, APPROXIMATE: "ca. "}

    def share_text(value: float, kind: str) -> str:
        return "." if pd.isna(value) else f"{marks.get(kind, '')}{fmt_dec(value * 100, 0)}%"

    parts = "; ".join(
        f"{area}: " + ", ".join(f"{c} {share_text(v, kinds.at[area, c])}" for c, v in row.items())
        for area, row in shares.iterrows()
    )
    note = " Met ≥ (ondergrens) en ca. (benadering): gemeentecijfers zijn geheim." if inexact else ""
    return fig, f"Gestapeld staafdiagram {title.lower()}. {parts}.{note}"


def funnel(
    points: pd.DataFrame, reference_rate: float, highlight: str | None, title: str, ylabel: str
) -> tuple[Figure, str]:
    """Funnel plot: rate against population with exact 95% and 99.8% control limits around the reference rate.

    ``points`` holds ``populatie``, ``per_1000`` and ``oordeel`` (the verdict of :func:`workbench.stats.rates.compare`
    at 95%, as in the report's table); the alt text names the areas outside the 95% limits by that verdict, and
    the drawn limits are the same test (:func:`workbench.stats.rates.funnel_limits`), so they agree.
    """
    fig, ax = _figure(7.5, 4.2)
    pops = np.geomspace(max(1000, points["populatie"].min() * 0.8), points["populatie"].max() * 1.2, 200)
    for level, style, label in [(0.95, "--", "95%-grenzen"), (0.998, ":", "99,8%-grenzen")]:
        low, high = funnel_limits(reference_rate, pops, level)
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
    ax.set_xlabel("inwoners op 1 januari 2020 (logaritmische schaal)")
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(fontsize=7, frameon=False)
    above = [n for n, v in points["oordeel"].items() if v == HIGHER]
    below = [n for n, v in points["oordeel"].items() if v == LOWER]
    return fig, (
        f"Trechterdiagram {title.lower()}: {len(points)} gemeenten, landelijk gemiddelde "
        f"{fmt_dec(reference_rate)} per 1.000. Boven de 95%-grens: {'; '.join(above) or 'geen'}. "
        f"Onder de 95%-grens: {'; '.join(below) or 'geen'}."
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
    partial = table["ondergrens"].to_numpy(dtype=bool) & has
    ax.scatter(
        table["meldingen"][has & ~partial].astype("float64"),
        y[has & ~partial],
        color=VERMILLION,
        zorder=4,
        s=30,
        label="meldingen bij Veilig Thuis",
    )
    if partial.any():
        ax.scatter(
            table["meldingen"][partial].astype("float64"),
            y[partial],
            facecolor="white",
            edgecolor=VERMILLION,
            zorder=4,
            s=30,
            label="meldingen, ondergrens (geheime gemeentecijfers)",
        )
    ax.set_yticks(y, list(table.index))
    ax.invert_yaxis()
    ax.set_xlabel("aantal personen per jaar")
    ax.set_xlim(0, float(table[["hoog", "meldingen"]].astype("float64").max().max()) * 1.08)
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(fontsize=7, frameon=False, ncols=2, loc="upper center", bbox_to_anchor=(0.5, -0.9 / len(table) - 0.1))
    parts = "; ".join(
        f"{v}: geschat {fmt_int(r['laag'])}"
        + (f"–{fmt_int(r['hoog'])}" if r["hoog"] > r["laag"] else "")
        + (f", meldingen {_mark(r['meldingen'], r['ondergrens'])}" if r["heeft_meldingen"] else "")
        for v, r in table.iterrows()
    )
    return fig, f"Diagram {title.lower()}. {parts}."


def bars(
    values: pd.Series,
    highlight: str,
    reference: tuple[str, float],
    title: str,
    xlabel: str,
    lower: pd.Series | None = None,
) -> tuple[Figure, str]:
    """Horizontal bars of one indicator for several areas, the region highlighted, a reference line.

    A missing value gets no bar (its label says '.'); where ``lower`` is True the bar is a lower bound and hatched.
    """
    lower = pd.Series(False, index=values.index) if lower is None else lower.reindex(values.index).fillna(False)
    fig, ax = _figure(7.5, 0.35 * len(values) + 1.4)
    y = np.arange(len(values))
    colours = [VERMILLION if k == highlight else BLUE for k in values.index]
    heights = values.to_numpy(dtype="float64")
    drawn = ~np.isnan(heights)
    hatched = lower.to_numpy(dtype=bool)
    for i in np.flatnonzero(drawn):
        ax.barh(
            y[i], heights[i], color=colours[i], height=0.6, hatch=LOWER_HATCH if hatched[i] else None, edgecolor="white"
        )
    ax.axvline(
        reference[1], color=BLACK, linestyle=":", linewidth=1.2, label=f"{reference[0]} ({fmt_dec(reference[1])})"
    )
    handles, _ = ax.get_legend_handles_labels()
    if hatched.any():
        handles.append(_hatch_handle("gearceerd: ondergrens (geheime cijfers)"))
    labels = [f"{k} (.)" if not d else str(k) for k, d in zip(values.index, drawn, strict=True)]
    ax.set_yticks(y, labels)
    ax.set_ylim(len(values) - 0.5, -0.5)  # top to bottom, no empty rows around the bars
    ax.set_xlabel(xlabel)
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(
        handles=handles,
        fontsize=7,
        frameon=False,
        ncols=2,
        loc="upper center",
        bbox_to_anchor=(0.5, -1.2 / len(values) - 0.1),
    )
    parts = "; ".join(f"{k} {_mark_dec(v, lower[k])}" for k, v in values.items())
    notes = " Met ≥ en gearceerd: ondergrenzen, omdat gemeentecijfers geheim zijn." if hatched.any() else ""
    return fig, f"Staafdiagram {title.lower()}: {parts}; {reference[0]} {fmt_dec(reference[1])}.{notes}"


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


def indicator(values: pd.DataFrame, baseline: dict, target: dict, name: str, status: str) -> tuple[Figure, str]:
    """An indicator's values per year with its baseline, its target and the straight line between them.

    ``values`` has ``waarde`` per year (missing: unknown, not drawn) and ``soort`` (exact, ondergrens,
    benadering); a value that is not exact is drawn as an open marker and marked in the alt text.
    """
    fig, ax = _figure(7.0, 2.8)
    known = values.dropna(subset=["waarde"]).sort_index()
    x, y = known.index.to_numpy(), known["waarde"].to_numpy(dtype="float64")
    ax.plot(x, y, marker="o", color=BLUE, label="waarde")
    inexact = (known["soort"] != "exact").to_numpy()
    if inexact.any():
        ax.scatter(x[inexact], y[inexact], s=36, facecolor="white", edgecolor=BLUE, zorder=3, label=LOWER_LEGEND)
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
    ax.legend(fontsize=7, frameon=False, ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.3))
    marks = {"ondergrens": LOWER_MARK, "benadering": "ca. "}
    parts = "; ".join(f"{int(yr)}: {marks.get(r.soort, '')}{fmt_dec(r.waarde)}" for yr, r in known.iterrows())
    missing = [str(int(yr)) for yr in values.index if pd.isna(values.at[yr, "waarde"])]
    gaps = f" Onbekend (geheim): {', '.join(missing)}." if missing else ""
    return fig, (
        f"Lijndiagram {name}: {parts}.{gaps} Basislijn {fmt_dec(baseline['waarde'])} in {baseline['jaar']}, doel "
        f"{fmt_dec(target['waarde'])} in {target['jaar']}; oordeel: {status}."
    )
