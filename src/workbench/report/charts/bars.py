"""Bar charts: age structure, one indicator across areas, shares, columns per year, estimates against counts."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.patches import Rectangle

from workbench.disclosure.bounds import APPROXIMATE, EXACT, LOWER_BOUND, Bounded
from workbench.report.charts.base import (
    BLACK,
    BLUE,
    GREY,
    LOWER_HATCH,
    LOWER_MARK,
    PALETTE,
    SERIES_HATCHES,
    VERMILLION,
    Chart,
    chart,
    hatch_handle,
    literal,
    mark,
    mark_dec,
    new_figure,
    set_title,
)
from workbench.report.formatting import DEC, INT, PCT, NumberFormat, fmt_dec, fmt_int

LABEL_MIN_PERCENT = 4.0
"""A part of a 100% bar this wide or wider carries its number (narrower ones: the legend's order tells)."""


@literal
def age_structure(region: pd.Series, nederland: pd.Series, region_name: str) -> Chart:
    """Horizontal bars: share of each age band in the region and in the Netherlands (percent)."""
    fig, ax = new_figure(7.0, 3.0)
    y = np.arange(len(region))
    ax.barh(y + 0.2, region.values, height=0.4, color=BLUE, label=region_name)
    ax.barh(
        y - 0.2, nederland.values, height=0.4, color=GREY, hatch=SERIES_HATCHES[1], edgecolor="white", label="Nederland"
    )
    ax.set_yticks(y, list(region.index))
    ax.invert_yaxis()
    ax.set_xlabel("aandeel van de inwoners (%)")
    set_title(ax, "Leeftijdsopbouw, 1 januari 2020")
    ax.legend(fontsize=8, frameon=False)
    parts = "; ".join(f"{k}: {fmt_dec(v)}% (Nederland {fmt_dec(nederland[k])}%)" for k, v in region.items())
    alt = f"Staafdiagram van de leeftijdsopbouw van {region_name} tegen Nederland. {parts}."
    data = pd.DataFrame(
        {"leeftijd": list(region.index), f"{region_name} (%)": region.to_numpy(), "Nederland (%)": nederland.to_numpy()}
    )
    return chart(fig, alt, data, {f"{region_name} (%)": DEC, "Nederland (%)": DEC})


@literal
def stacked_shares(shares: pd.DataFrame, title: str, kinds: pd.DataFrame | None = None) -> Chart:
    """Horizontal 100% bars: rows are areas, columns categories (shares 0–1).

    A missing share (unknown) is left out of its bar, never drawn as 0. ``kinds`` gives per share its kind
    (:mod:`workbench.disclosure.bounds`): a lower bound is hatched and written '≥', an approximation written 'ca.'.
    """
    kinds = pd.DataFrame(EXACT, index=shares.index, columns=shares.columns) if kinds is None else kinds
    fig, ax = new_figure(7.5, 0.45 * len(shares) + 1.6)
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
            if vals[j] >= LABEL_MIN_PERCENT:  # the part's number on it: readable without colour
                ax.text(
                    left[j] + vals[j] / 2,
                    y[j],
                    str(i + 1),
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white",
                    fontweight="bold",
                    bbox={"boxstyle": "circle,pad=0.15", "fc": BLACK, "ec": "none"},
                ).set_in_layout(False)  # inside its bar: no room to make around it
            left[j] += vals[j]
    handles = [
        Rectangle((0, 0), 1, 1, color=PALETTE[i % len(PALETTE)], label=f"{i + 1} {c}") for i, c in enumerate(shares)
    ]
    inexact = (kinds != EXACT).to_numpy().any()
    if inexact:
        handles.append(hatch_handle("gearceerd: geheime gemeentecijfers"))
    ax.set_yticks(y, list(shares.index))
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("aandeel van de meldingen (%)")
    set_title(ax, title)
    ax.legend(handles=handles, fontsize=7, frameon=False, ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.25))
    marks = {LOWER_BOUND: LOWER_MARK, APPROXIMATE: "ca. "}

    def share_text(value: float, kind: str) -> str:
        return "." if pd.isna(value) else f"{marks.get(kind, '')}{fmt_dec(value * 100, 0)}%"

    parts = "; ".join(
        f"{area}: " + ", ".join(f"{c} {share_text(v, kinds.at[area, c])}" for c, v in row.items())
        for area, row in shares.iterrows()
    )
    note = " Met ≥ (ondergrens) en ca. (benadering): gemeentecijfers zijn geheim." if inexact else ""
    alt = f"Gestapeld staafdiagram {title.lower()}. {parts}.{note}"
    data = pd.DataFrame(
        {
            "gebied": list(shares.index),
            **{
                str(c): [Bounded.of_kind(v, k) for v, k in zip(shares[c], kinds[c], strict=True)]
                for c in shares.columns
            },
        }
    )
    return chart(fig, alt, data, {str(c): PCT for c in shares.columns})


@literal
def ranges_against_counts(table: pd.DataFrame, title: str, not_applicable: str) -> Chart:
    """Per form: the estimated number of victims as a range (bar) or point (diamond), and the meldingen (dot)."""
    fig, ax = new_figure(7.5, 0.55 * len(table) + 1.9)
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
    set_title(ax, title)
    ax.legend(fontsize=7, frameon=False, ncols=2, loc="upper center", bbox_to_anchor=(0.5, -0.9 / len(table) - 0.1))
    parts = "; ".join(
        f"{v}: geschat {fmt_int(r['laag'])}"
        + (f"–{fmt_int(r['hoog'])}" if r["hoog"] > r["laag"] else "")
        + (f", meldingen {mark(r['meldingen'], r['ondergrens'])}" if r["heeft_meldingen"] else "")
        for v, r in table.iterrows()
    )
    data = pd.DataFrame(
        {
            "vorm": list(table.index),
            "geschat aantal slachtoffers, van": table["laag"].to_numpy(),
            "geschat aantal slachtoffers, tot": table["hoog"].to_numpy(),
            "meldingen": [
                Bounded.of_kind(m, LOWER_BOUND if low else EXACT) if has else not_applicable
                for m, low, has in zip(table["meldingen"], table["ondergrens"], table["heeft_meldingen"], strict=True)
            ],
        }
    )
    formats = {"geschat aantal slachtoffers, van": INT, "geschat aantal slachtoffers, tot": INT, "meldingen": INT}
    return chart(fig, f"Diagram {title.lower()}. {parts}.", data, formats)


@literal
def bars(
    values: pd.Series,
    highlight: str,
    reference: tuple[str, float],
    title: str,
    xlabel: str,
    lower: pd.Series | None = None,
    value_format: NumberFormat = DEC,
) -> Chart:
    """Horizontal bars of one indicator for several areas, the region highlighted, a reference line.

    A missing value gets no bar (its label says '.'); where ``lower`` is True the bar is a lower bound and hatched.
    """
    lower = pd.Series(False, index=values.index) if lower is None else lower.reindex(values.index).fillna(False)
    fig, ax = new_figure(7.5, 0.35 * len(values) + 1.4)
    y = np.arange(len(values))
    colours = [VERMILLION if k == highlight else BLUE for k in values.index]
    heights = values.to_numpy(dtype="float64")
    drawn = ~np.isnan(heights)
    hatched = lower.to_numpy(dtype=bool)
    for i in np.flatnonzero(drawn):
        own = values.index[i] == highlight  # marked by its outline and a bold name too, not by colour alone
        ax.barh(
            y[i],
            heights[i],
            color=colours[i],
            height=0.6,
            hatch=LOWER_HATCH if hatched[i] else None,
            edgecolor=BLACK if own else "white",
            linewidth=1.5 if own else 0.8,
        )
    ax.axvline(
        reference[1], color=BLACK, linestyle=":", linewidth=1.2, label=f"{reference[0]} ({fmt_dec(reference[1])})"
    )
    handles, _ = ax.get_legend_handles_labels()
    if hatched.any():
        handles.append(hatch_handle("gearceerd: ondergrens (geheime cijfers)"))
    labels = [f"{k} (.)" if not d else str(k) for k, d in zip(values.index, drawn, strict=True)]
    ax.set_yticks(y, labels)
    for tick, key in zip(ax.get_yticklabels(), values.index, strict=True):
        if key == highlight:
            tick.set_fontweight("bold")
    ax.set_ylim(len(values) - 0.5, -0.5)  # top to bottom, no empty rows around the bars
    ax.set_xlabel(xlabel)
    set_title(ax, title)
    ax.legend(
        handles=handles,
        fontsize=7,
        frameon=False,
        ncols=2,
        loc="upper center",
        bbox_to_anchor=(0.5, -1.2 / len(values) - 0.1),
    )
    parts = "; ".join(f"{k} {mark_dec(v, lower[k])}" for k, v in values.items())
    notes = " Met ≥ en gearceerd: ondergrenzen, omdat gemeentecijfers geheim zijn." if hatched.any() else ""
    alt = f"Staafdiagram {title.lower()}: {parts}; {reference[0]} {fmt_dec(reference[1])}.{notes}"
    data = pd.DataFrame(
        {
            "gebied": [*map(str, values.index), f"{reference[0]} (lijn)"],
            xlabel: [
                *(Bounded.of_kind(v, LOWER_BOUND if low else EXACT) for v, low in zip(values, lower, strict=True)),
                Bounded.exact(reference[1]),
            ],
        }
    )
    return chart(fig, alt, data, {xlabel: value_format})


@literal
def stacked_columns(table: pd.DataFrame, title: str, ylabel: str, value_format: NumberFormat = DEC) -> Chart:
    """Stacked columns: index = x categories (e.g. years), columns = parts (e.g. tasks)."""
    fig, ax = new_figure(7.5, 4.0)
    x = np.arange(len(table))
    bottom = np.zeros(len(table))
    for i, col in enumerate(table.columns):
        vals = table[col].fillna(0).to_numpy(dtype="float64")
        ax.bar(
            x,
            vals,
            bottom=bottom,
            color=PALETTE[i % len(PALETTE)],
            hatch=SERIES_HATCHES[i % len(SERIES_HATCHES)],
            edgecolor="white",
            label=str(col),
            width=0.6,
        )
        bottom += vals
    ax.set_xticks(x, [str(i) for i in table.index])
    ax.set_ylabel(ylabel)
    set_title(ax, title)
    if len(table.columns):
        ax.legend(fontsize=7, frameon=False, ncols=2, loc="upper center", bbox_to_anchor=(0.5, -0.12))
    parts = "; ".join(f"{i}: totaal {fmt_dec(t, 2)}" for i, t in zip(table.index, bottom, strict=True))
    alt = f"Gestapeld kolomdiagram {title.lower()} ({ylabel}). {parts}."
    drawn = table.fillna(0).astype("float64")
    first = str(table.index.name or "categorie")
    data = pd.DataFrame({first: [str(i) for i in table.index], **{str(c): drawn[c].to_numpy() for c in table.columns}})
    data["totaal"] = bottom
    return chart(fig, alt, data, {c: value_format for c in [*map(str, table.columns), "totaal"]})
