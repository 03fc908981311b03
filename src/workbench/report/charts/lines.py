"""Line charts: counts over half-years, an indicator against its baseline and target."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.disclosure.bounds import EXACT, LOWER_BOUND, Bounded
from workbench.report.charts.base import (
    BLACK,
    BLUE,
    GREY,
    LINE_STYLES,
    LOWER_LEGEND,
    LOWER_MARK,
    PALETTE,
    VERMILLION,
    Chart,
    chart,
    legend_below,
    literal,
    mark,
    new_figure,
    set_title,
)
from workbench.report.formatting import DEC, INT, INT_RANGE, fmt_dec
from workbench.report.texts import NOT_APPLICABLE


@literal
def trend(table: pd.DataFrame, title: str, ylabel: str, lower: pd.DataFrame | None = None) -> Chart:
    """Lines over half-years, one per column of ``table`` (index: period labels).

    Missing values (every cell secret) leave a gap; where ``lower`` is True the value is a lower bound and is
    drawn as an open marker.
    """
    lower = pd.DataFrame(False, index=table.index, columns=table.columns) if lower is None else lower
    fig, ax = new_figure()
    x = np.arange(len(table))
    for i, col in enumerate(table.columns):
        colour = PALETTE[i % len(PALETTE)]
        dashes, marker = LINE_STYLES[i % len(LINE_STYLES)]
        values = table[col].astype("float64").to_numpy()
        ax.plot(x, values, marker=marker, markersize=4, linestyle=dashes, color=colour, label=str(col))
        open_points = lower[col].to_numpy(dtype=bool) & ~np.isnan(values)
        if open_points.any():
            ax.scatter(x[open_points], values[open_points], s=28, facecolor="white", edgecolor=colour, zorder=3)
    if lower.to_numpy().any():
        ax.scatter([], [], s=28, facecolor="white", edgecolor=BLACK, label=LOWER_LEGEND)
    ax.set_xticks(x, list(table.index), rotation=45, ha="right")
    ax.set_ylabel(ylabel)
    ax.set_xlabel("halfjaar")
    ax.set_ylim(bottom=0)
    set_title(ax, title)
    legend_below(ax, ncols=3)
    first, last = table.index[0], table.index[-1]
    parts = "; ".join(
        f"{c}: van {mark(table[c].iloc[0], lower[c].iloc[0])} naar {mark(table[c].iloc[-1], lower[c].iloc[-1])}"
        for c in table.columns
    )
    notes = []
    if lower.to_numpy().any():
        notes.append("Met ≥ en open punten: ondergrenzen, omdat gemeentecijfers geheim zijn.")
    if table.isna().to_numpy().any():
        notes.append("Waar een punt ontbreekt, zijn alle gemeentecijfers geheim ('.').")
    alt = f"Lijndiagram {title.lower()}, {first} tot en met {last}. {parts}." + "".join(" " + n for n in notes)
    data = pd.DataFrame(
        {
            "halfjaar": list(table.index),
            **{
                str(c): [
                    Bounded.of_kind(v, LOWER_BOUND if low else EXACT) for v, low in zip(table[c], lower[c], strict=True)
                ]
                for c in table.columns
            },
        }
    )
    return chart(fig, alt, data, {str(c): INT for c in table.columns})


@literal
def indicator(values: pd.DataFrame, baseline: dict, target: dict, name: str, status: str) -> Chart:
    """An indicator's values per year with its baseline, its target and the straight line between them.

    ``values`` has ``waarde`` per year (missing: unknown, not drawn) and ``soort`` (exact, ondergrens,
    benadering); a value that is not exact is drawn as an open marker and marked in the alt text.
    """
    fig, ax = new_figure(7.0, 2.8)
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
    set_title(ax, f"{name}: {status}")
    ax.legend(fontsize=7, frameon=False, ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.3))
    marks = {"ondergrens": LOWER_MARK, "benadering": "ca. "}
    parts = "; ".join(f"{int(yr)}: {marks.get(r.soort, '')}{fmt_dec(r.waarde)}" for yr, r in known.iterrows())
    missing = [str(int(yr)) for yr in values.index if pd.isna(values.at[yr, "waarde"])]
    gaps = f" Onbekend (geheim): {', '.join(missing)}." if missing else ""
    alt = (
        f"Lijndiagram {name}: {parts}.{gaps} Basislijn {fmt_dec(baseline['waarde'])} in {baseline['jaar']}, doel "
        f"{fmt_dec(target['waarde'])} in {target['jaar']}; oordeel: {status}."
    )
    data = pd.DataFrame(
        [
            {"jaar": int(yr), "reeks": "waarde", "waarde": Bounded.of_kind(r.waarde, r.soort)}
            for yr, r in values.iterrows()
        ]
        + [
            {"jaar": int(baseline["jaar"]), "reeks": "basislijn", "waarde": Bounded.exact(baseline["waarde"])},
            {"jaar": int(target["jaar"]), "reeks": "doel", "waarde": Bounded.exact(target["waarde"])},
        ]
    )
    return chart(fig, alt, data, {"waarde": DEC})


@literal
def forecast(history: pd.Series, expected: pd.DataFrame, title: str, ylabel: str) -> Chart:
    """The counts per half-year so far, and the expected ones with their prediction interval (dashed, with bars).

    ``history``: counts by half-year label; ``expected``: ``halfjaar`` (label), ``verwachting``, ``laag``,
    ``hoog``.
    """
    fig, ax = new_figure()
    x = np.arange(len(history))
    ahead = np.arange(len(history), len(history) + len(expected))
    ax.plot(x, history.to_numpy(dtype=float), marker="o", markersize=3, color=BLUE, label="gemeld")
    middle = expected["verwachting"].to_numpy(dtype=float)
    errors = [middle - expected["laag"].to_numpy(dtype=float), expected["hoog"].to_numpy(dtype=float) - middle]
    ax.plot([x[-1], ahead[0]], [history.iloc[-1], middle[0]], linestyle=":", color=GREY)
    ax.errorbar(
        ahead,
        middle,
        yerr=errors,
        fmt="s--",
        markersize=4,
        capsize=3,
        color=VERMILLION,
        label="verwachting (95%-voorspellingsinterval), geen doel",
    )
    ax.set_xticks([*x, *ahead], [*history.index, *expected["halfjaar"]], rotation=45, ha="right")
    ax.set_ylabel(ylabel)
    ax.set_xlabel("halfjaar")
    ax.set_ylim(bottom=0)
    set_title(ax, title)
    legend_below(ax, ncols=2)
    said = "; ".join(
        f"{r.halfjaar}: verwacht {fmt_dec(r.verwachting, 0)} (interval {fmt_dec(r.laag, 0)} tot {fmt_dec(r.hoog, 0)})"
        for r in expected.itertuples()
    )
    alt = (
        f"Lijndiagram {title.lower()}: gemeld van {history.index[0]} tot en met {history.index[-1]}, van "
        f"{fmt_dec(history.iloc[0], 0)} naar {fmt_dec(history.iloc[-1], 0)}; daarna de verwachting. {said}. "
        "Een verwachting, geen doel."
    )
    data = pd.DataFrame(
        {
            "halfjaar": [*history.index, *expected["halfjaar"]],
            "soort": ["gemeld"] * len(history) + ["verwachting"] * len(expected),
            "aantal": [*history.to_numpy(dtype=float), *middle],
            "95%-voorspellingsinterval": [NOT_APPLICABLE] * len(history)
            + list(zip(expected["laag"], expected["hoog"], strict=True)),
        }
    )
    return chart(fig, alt, data, {"aantal": INT, "95%-voorspellingsinterval": INT_RANGE})
