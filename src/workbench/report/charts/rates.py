"""Rates with their intervals: dots with 95% intervals, and the funnel plot."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.disclosure.bounds import Bounded
from workbench.report.charts.base import (
    BLACK,
    BLUE,
    GREEN,
    GREY,
    VERMILLION,
    Chart,
    chart,
)
from workbench.report.charts.marks import Interval, Line, Points, Rule, Scale
from workbench.report.charts.plot import Plot
from workbench.report.formatting import DEC, INT, fmt_bounded, fmt_dec
from workbench.stats.rates import HIGHER, LOWER, funnel_limits


def rates_with_intervals(table: pd.DataFrame, references: dict[str, Bounded], title: str, xlabel: str) -> Chart:
    """Dots with 95% intervals per area (rows of ``table``), with reference lines (unknown references left out)."""
    shown = table.dropna(subset=["per_1000"])
    y = np.arange(len(shown), dtype="float64")
    fig = Plot(
        7.5,
        max(2.5, 0.28 * len(shown) + 1.2),
        title,
        x=Scale(low=0),
        y=Scale.category(shown.index, inverted=True),
        xlabel=xlabel,
        legend_columns=2,
    )
    fig.add(
        *(
            Interval(at, low, high, GREY, cap=2.0)
            for at, low, high in zip(
                y, shown["ci_laag"].to_numpy(dtype="float64"), shown["ci_hoog"].to_numpy(dtype="float64"), strict=True
            )
        ),
        Points(shown["per_1000"].to_numpy(dtype="float64"), y, BLUE, size=4.0, label="gemeente (95%-interval)"),
    )
    drawn = {label: ref for label, ref in references.items() if ref.known}
    for (label, ref), colour, style in zip(drawn.items(), [VERMILLION, GREEN, BLACK], ["-", "--", ":"], strict=False):
        fig.add(Rule(float(ref.value), colour, style, label=f"{label} ({fmt_bounded(ref, fmt_dec)})"))
    parts = "; ".join(
        f"{n} {fmt_dec(r['per_1000'])} ({fmt_dec(r['ci_laag'])}–{fmt_dec(r['ci_hoog'])})" for n, r in shown.iterrows()
    )
    refs = ", ".join(f"{k} {fmt_bounded(v, fmt_dec)}" for k, v in references.items())
    alt = f"Puntdiagram {title.lower()} met 95%-betrouwbaarheidsintervallen. {parts}. Ter vergelijking: {refs}."
    data = pd.concat(
        [
            pd.DataFrame(
                {
                    "gebied": list(shown.index),
                    "per 1.000": shown["per_1000"].to_numpy(),
                    "95%-interval van": shown["ci_laag"].to_numpy(),
                    "95%-interval tot": shown["ci_hoog"].to_numpy(),
                }
            ).astype({"per 1.000": "object"}),
            pd.DataFrame({"gebied": [f"{k} (lijn)" for k in drawn], "per 1.000": list(drawn.values())}),
        ]
    )
    return chart(fig, alt, data, {"per 1.000": DEC, "95%-interval van": DEC, "95%-interval tot": DEC})


def funnel(points: pd.DataFrame, reference_rate: float, highlight: str | None, title: str, ylabel: str) -> Chart:
    """Funnel plot: rate against population with exact 95% and 99.8% control limits around the reference rate.

    ``points`` holds ``populatie``, ``per_1000`` and ``oordeel`` (the verdict of :func:`workbench.stats.rates.compare`
    at 95%, as in the report's table); the alt text names the areas outside the 95% limits by that verdict, and
    the drawn limits are the same test (:func:`workbench.stats.rates.funnel_limits`), so they agree.
    """
    pops = np.geomspace(max(1000, points["populatie"].min() * 0.8), points["populatie"].max() * 1.2, 200)
    fig = Plot(
        7.5,
        4.2,
        title,
        x=Scale("log"),
        y=Scale(zero=True),
        xlabel="inwoners op 1 januari 2020 (logaritmische schaal)",
        ylabel=ylabel,
    )
    for level, style, label in [(0.95, "--", "95%-grenzen"), (0.998, ":", "99,8%-grenzen")]:
        low, high = funnel_limits(reference_rate, pops, level)
        fig.add(Line(pops, low, GREY, style, width=1.0, label=label), Line(pops, high, GREY, style, width=1.0))
    fig.add(
        Rule(reference_rate, VERMILLION, vertical=False, label=f"Nederland ({fmt_dec(reference_rate)})"),
        Points(
            points["populatie"].to_numpy(dtype="float64"),
            points["per_1000"].to_numpy(dtype="float64"),
            BLUE,
            size=4.2,
            label="gemeente",
        ),
    )
    if highlight is not None and highlight in points.index:
        p = points.loc[highlight]
        fig.add(
            Points(
                [float(p["populatie"])],
                [float(p["per_1000"])],
                BLACK,
                size=6.3,
                fill="none",
                label="centrumgemeente",
                z=4,
            )
        )
    above = [n for n, v in points["oordeel"].items() if v == HIGHER]
    below = [n for n, v in points["oordeel"].items() if v == LOWER]
    alt = (
        f"Trechterdiagram {title.lower()}: {len(points)} gemeenten, landelijk gemiddelde "
        f"{fmt_dec(reference_rate)} per 1.000. Boven de 95%-grens: {'; '.join(above) or 'geen'}. "
        f"Onder de 95%-grens: {'; '.join(below) or 'geen'}."
    )
    low95, high95 = funnel_limits(reference_rate, points["populatie"].to_numpy(dtype="float64"), 0.95)
    data = pd.DataFrame(
        {
            "gemeente": list(points.index),
            "inwoners": points["populatie"].to_numpy(),
            "per 1.000": points["per_1000"].to_numpy(),
            "95%-grens onder": low95,
            "95%-grens boven": high95,
            "Nederland per 1.000": reference_rate,
            "oordeel": points["oordeel"].to_numpy(),
        }
    )
    formats = {"inwoners": INT, "per 1.000": DEC, "95%-grens onder": DEC, "95%-grens boven": DEC}
    return chart(fig, alt, data, formats | {"Nederland per 1.000": DEC})
