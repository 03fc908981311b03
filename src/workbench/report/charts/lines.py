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
    mark,
)
from workbench.report.charts.marks import Interval, Key, Line, Points, Scale
from workbench.report.charts.plot import Plot
from workbench.report.formatting import DEC, INT, INT_RANGE, fmt_dec
from workbench.report.texts import NOT_APPLICABLE


def _room(count: int) -> float:
    """Room at each end of an axis of ``count`` periods: 5% of its span, as for numbers (at least a quarter)."""
    return max(0.05 * (count - 1), 0.25)


def trend(table: pd.DataFrame, title: str, ylabel: str, lower: pd.DataFrame | None = None) -> Chart:
    """Lines over half-years, one per column of ``table`` (index: period labels).

    Missing values (every cell secret) leave a gap; where ``lower`` is True the value is a lower bound and is
    drawn as an open marker.
    """
    lower = pd.DataFrame(False, index=table.index, columns=table.columns) if lower is None else lower
    x = np.arange(len(table), dtype="float64")
    fig = Plot(
        7.5,
        3.6,
        title,
        x=Scale.category(table.index, rotate=True, pad=_room(len(table))),
        y=Scale(zero=True),
        xlabel="halfjaar",
        ylabel=ylabel,
    )
    for i, col in enumerate(table.columns):
        dashes, marker = LINE_STYLES[i % len(LINE_STYLES)]
        values = table[col].astype("float64").to_numpy()
        fig.add(
            Line(
                x,
                values,
                PALETTE[i % len(PALETTE)],
                dashes,
                marker,
                4,
                label=str(col),
                open=lower[col].to_numpy(dtype=bool) & ~np.isnan(values),
            )
        )
    if lower.to_numpy().any():
        fig.extra_keys.append(Key(LOWER_LEGEND, BLACK, "marker", fill="#ffffff"))
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


def indicator(values: pd.DataFrame, baseline: dict, target: dict, name: str, status: str) -> Chart:
    """An indicator's values per year with its baseline, its target and the straight line between them.

    ``values`` has ``waarde`` per year (missing: unknown, not drawn) and ``soort`` (exact, ondergrens,
    benadering); a value that is not exact is drawn as an open marker and marked in the alt text.
    """
    known = values.dropna(subset=["waarde"]).sort_index()
    x, y = known.index.to_numpy(dtype="float64"), known["waarde"].to_numpy(dtype="float64")
    fig = Plot(7.0, 2.8, f"{name}: {status}", x=Scale(whole=True), xlabel="jaar", ylabel="waarde")
    inexact = (known["soort"] != "exact").to_numpy()
    fig.add(
        Line(x, y, BLUE, marker="o", label="waarde", open=inexact),
        Line(
            [baseline["jaar"], target["jaar"]],
            [baseline["waarde"], target["waarde"]],
            GREY,
            "--",
            label="lijn van basislijn naar doel",
        ),
        Points([baseline["jaar"]], [baseline["waarde"]], BLACK, "s", 6.0, label="basislijn"),
        Points([target["jaar"]], [target["waarde"]], VERMILLION, "*", 9.5, label="doel"),
    )
    if inexact.any():
        fig.extra_keys.append(Key(LOWER_LEGEND, BLUE, "marker", fill="#ffffff"))
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


def forecast(history: pd.Series, expected: pd.DataFrame, title: str, ylabel: str) -> Chart:
    """The counts per half-year so far, and the expected ones with their prediction interval (dashed, with bars).

    ``history``: counts by half-year label; ``expected``: ``halfjaar`` (label), ``verwachting``, ``laag``,
    ``hoog``.
    """
    x = np.arange(len(history), dtype="float64")
    ahead = np.arange(len(history), len(history) + len(expected), dtype="float64")
    middle = expected["verwachting"].to_numpy(dtype=float)
    fig = Plot(
        7.5,
        3.6,
        title,
        x=Scale.category([*history.index, *expected["halfjaar"]], rotate=True, pad=_room(len(x) + len(ahead))),
        y=Scale(zero=True),
        xlabel="halfjaar",
        ylabel=ylabel,
        legend_columns=2,
    )
    fig.add(
        Line(x, history.to_numpy(dtype=float), BLUE, marker="o", marker_size=3, label="gemeld"),
        Line([x[-1], ahead[0]], [float(history.iloc[-1]), middle[0]], GREY, ":"),
        Line(
            ahead,
            middle,
            VERMILLION,
            "--",
            "s",
            4,
            label="verwachting (95%-voorspellingsinterval), geen doel",
        ),
        *(
            Interval(at, low, high, VERMILLION, horizontal=False)
            for at, low, high in zip(
                ahead, expected["laag"].to_numpy(dtype=float), expected["hoog"].to_numpy(dtype=float), strict=True
            )
        ),
    )
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
