"""Bar charts: age structure, one indicator across areas, shares, columns per year, estimates against counts."""

from __future__ import annotations

import numpy as np
import pandas as pd

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
    mark,
    mark_dec,
)
from workbench.report.charts.marks import Badge, Bar, Key, Points, Rule, Scale
from workbench.report.charts.plot import Plot
from workbench.report.formatting import DEC, INT, PCT, NumberFormat, fmt_dec, fmt_int

HATCH_KEY_SECRET = Key("gearceerd: geheime gemeentecijfers", GREY, hatch=LOWER_HATCH)
HATCH_KEY_LOWER = Key("gearceerd: ondergrens (geheime cijfers)", GREY, hatch=LOWER_HATCH)
LABEL_MIN_PERCENT = 4.0
"""A part of a 100% bar this wide or wider carries its number (narrower ones: the legend's order tells)."""


def age_structure(region: pd.Series, nederland: pd.Series, region_name: str) -> Chart:
    """Horizontal bars: share of each age band in the region and in the Netherlands (percent)."""
    y = np.arange(len(region), dtype="float64")
    fig = Plot(
        7.0,
        3.0,
        "Leeftijdsopbouw, 1 januari 2020",
        x=Scale(),
        y=Scale.category(region.index, inverted=True),
        xlabel="aandeel van de inwoners (%)",
        legend_columns=2,
    )
    fig.add(
        *(Bar(at, 0.0, v, BLUE, 0.4, edge_width=0, label=region_name) for at, v in _pairs(y + 0.2, region)),
        *(
            Bar(at, 0.0, v, GREY, 0.4, hatch=SERIES_HATCHES[1], label="Nederland")
            for at, v in _pairs(y - 0.2, nederland)
        ),
    )
    parts = "; ".join(f"{k}: {fmt_dec(v)}% (Nederland {fmt_dec(nederland[k])}%)" for k, v in region.items())
    alt = f"Staafdiagram van de leeftijdsopbouw van {region_name} tegen Nederland. {parts}."
    data = pd.DataFrame(
        {"leeftijd": list(region.index), f"{region_name} (%)": region.to_numpy(), "Nederland (%)": nederland.to_numpy()}
    )
    return chart(fig, alt, data, {f"{region_name} (%)": DEC, "Nederland (%)": DEC})


def stacked_shares(shares: pd.DataFrame, title: str, kinds: pd.DataFrame | None = None) -> Chart:
    """Horizontal 100% bars: rows are areas, columns categories (shares 0–1).

    A missing share (unknown) is left out of its bar, never drawn as 0. ``kinds`` gives per share its kind
    (:mod:`workbench.disclosure.bounds`): a lower bound is hatched and written '≥', an approximation written 'ca.'.
    """
    kinds = pd.DataFrame(EXACT, index=shares.index, columns=shares.columns) if kinds is None else kinds
    inexact = (kinds != EXACT).to_numpy().any()
    fig = Plot(
        7.5,
        0.45 * len(shares) + 1.6,
        title,
        x=Scale(low=0, high=100),
        y=Scale.category(shares.index, inverted=True),
        xlabel="aandeel van de meldingen (%)",
        extra_keys=[Key(f"{i + 1} {c}", PALETTE[i % len(PALETTE)]) for i, c in enumerate(shares)]
        + ([HATCH_KEY_SECRET] if inexact else []),
    )
    left = np.zeros(len(shares))
    for i, col in enumerate(shares.columns):
        vals = shares[col].to_numpy(dtype="float64") * 100
        for j in np.flatnonzero(~np.isnan(vals)):
            hatch = LOWER_HATCH if kinds.iat[j, i] != EXACT else None
            fig.add(Bar(float(j), left[j], left[j] + vals[j], PALETTE[i % len(PALETTE)], hatch=hatch))
            if vals[j] >= LABEL_MIN_PERCENT:  # the part's number on it: readable without colour
                fig.add(Badge(left[j] + vals[j] / 2, float(j), str(i + 1)))
            left[j] += vals[j]
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


def ranges_against_counts(table: pd.DataFrame, title: str, not_applicable: str) -> Chart:
    """Per form: the estimated number of victims as a range (bar) or point (diamond), and the meldingen (dot)."""
    y = np.arange(len(table), dtype="float64")
    is_range = (table["hoog"] > table["laag"]).to_numpy()
    has = table["meldingen"].notna().to_numpy()
    partial = table["ondergrens"].to_numpy(dtype=bool) & has
    counts = table["meldingen"].astype("float64").to_numpy()
    fig = Plot(
        7.5,
        0.55 * len(table) + 1.9,
        title,
        x=Scale(low=0, high=float(table[["hoog", "meldingen"]].astype("float64").max().max()) * 1.08),
        y=Scale.category(table.index, inverted=True),
        xlabel="aantal personen per jaar",
        legend_columns=2,
    )
    fig.add(
        *(
            Bar(
                y[i],
                float(table["laag"].iloc[i]),
                float(table["hoog"].iloc[i]),
                "#9ECAE1",
                0.5,
                BLUE,
                1.0,
                label="geschat aantal slachtoffers (bandbreedte)",
            )
            for i in np.flatnonzero(is_range)
        ),
        Points(
            table["laag"].to_numpy(dtype="float64")[~is_range],
            y[~is_range],
            BLUE,
            "D",
            label="geschat aantal slachtoffers (puntschatting)",
        ),
        Points(counts[has & ~partial], y[has & ~partial], VERMILLION, label="meldingen bij Veilig Thuis"),
    )
    if partial.any():
        fig.add(
            Points(
                counts[partial],
                y[partial],
                VERMILLION,
                fill="#ffffff",
                label="meldingen, ondergrens (geheime gemeentecijfers)",
            )
        )
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
    heights = values.to_numpy(dtype="float64")
    drawn = ~np.isnan(heights)
    hatched = lower.to_numpy(dtype=bool)
    labels = [f"{k} (.)" if not d else str(k) for k, d in zip(values.index, drawn, strict=True)]
    own = frozenset(i for i, k in enumerate(values.index) if k == highlight)
    fig = Plot(
        7.5,
        0.35 * len(values) + 1.4,
        title,
        y=Scale.category(labels, inverted=True, bold=own),  # the own region's name in bold, not colour alone
        xlabel=xlabel,
        extra_keys=[HATCH_KEY_LOWER] if hatched.any() else [],
        legend_columns=2,
    )
    for i in np.flatnonzero(drawn):  # the own region also by its outline
        fig.add(
            Bar(
                float(i),
                0.0,
                heights[i],
                VERMILLION if i in own else BLUE,
                edge=BLACK if i in own else "#ffffff",
                edge_width=1.5 if i in own else 0.8,
                hatch=LOWER_HATCH if hatched[i] else None,
            )
        )
    fig.add(Rule(reference[1], BLACK, ":", label=f"{reference[0]} ({fmt_dec(reference[1])})"))
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


def stacked_columns(table: pd.DataFrame, title: str, ylabel: str, value_format: NumberFormat = DEC) -> Chart:
    """Stacked columns: index = x categories (e.g. years), columns = parts (e.g. tasks)."""
    fig = Plot(7.5, 4.0, title, x=Scale.category(table.index), ylabel=ylabel, legend_columns=2)
    bottom = np.zeros(len(table))
    for i, col in enumerate(table.columns):
        vals = table[col].fillna(0).to_numpy(dtype="float64")
        fig.add(
            *(
                Bar(
                    float(j),
                    bottom[j],
                    bottom[j] + v,
                    PALETTE[i % len(PALETTE)],
                    hatch=SERIES_HATCHES[i % len(SERIES_HATCHES)],
                    horizontal=False,
                    label=str(col),
                )
                for j, v in enumerate(vals)
            )
        )
        bottom += vals
    parts = "; ".join(f"{i}: totaal {fmt_dec(t, 2)}" for i, t in zip(table.index, bottom, strict=True))
    alt = f"Gestapeld kolomdiagram {title.lower()} ({ylabel}). {parts}."
    drawn = table.fillna(0).astype("float64")
    first = str(table.index.name or "categorie")
    data = pd.DataFrame({first: [str(i) for i in table.index], **{str(c): drawn[c].to_numpy() for c in table.columns}})
    data["totaal"] = bottom
    return chart(fig, alt, data, {c: value_format for c in [*map(str, table.columns), "totaal"]})


def _pairs(at: np.ndarray, values: pd.Series) -> list[tuple[float, float]]:
    """Pairs of (category position, value) of a series of bars."""
    return list(zip(at.tolist(), values.to_numpy(dtype="float64").tolist(), strict=True))
