"""The process planning: milestones on a scale of weeks before the deadline."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.report.charts.base import (
    BLACK,
    BLUE,
    GREEN,
    GREY,
    LIGHT,
    PURPLE,
    VERMILLION,
    Chart,
    chart,
)
from workbench.report.charts.marks import Points, Rule, Scale, Segment
from workbench.report.charts.plot import Plot
from workbench.report.formatting import INT

STATUS_COLOURS = {
    "gereed": GREEN,
    "gereed, te laat": PURPLE,
    "te laat": VERMILLION,
    "gepland": BLUE,
    "na de deadline": BLACK,
}
STATUS_MARKERS = {"gereed": "o", "gereed, te laat": "s", "te laat": "X", "gepland": "D", "na de deadline": "^"}


def timeline(frame: pd.DataFrame, deadline, as_of, region_name: str) -> Chart:
    """Milestones on a scale of weeks before the deadline, marked by status, with the status date."""
    y = np.arange(len(frame), dtype="float64")
    weeks = -frame["dagen_voor_deadline"].to_numpy(dtype="float64") / 7
    fig = Plot(
        7.5,
        0.45 * len(frame) + 1.9,
        f"Procesplanning regiovisie, regio {region_name}",
        y=Scale.category(frame["naam"], inverted=True),
        xlabel="weken voor de deadline (0 = deadline)",
        legend_right=True,
    )
    fig.add(*(Segment(w, at, 0.0, at, LIGHT) for w, at in zip(weeks, y, strict=True)))
    for status in frame["status"].unique():
        sel = (frame["status"] == status).to_numpy()
        colour, marker = STATUS_COLOURS.get(status, GREY), STATUS_MARKERS.get(status, "o")
        fig.add(Points(weeks[sel], y[sel], colour, marker, 6.7, label=status))
    fig.add(
        Rule(0.0, BLACK, width=1.4, label="deadline"),
        Rule(-(deadline - as_of).days / 7, GREY, "--", 1.0, label="stand van zaken"),
    )
    parts = "; ".join(
        f"{r.naam}: {int(r.weken_voor_deadline)} weken voor de deadline, {r.status}" for r in frame.itertuples()
    )
    alt = (
        f"Tijdlijn van de procesplanning van de regio {region_name}, deadline {deadline:%d-%m-%Y}, stand van "
        f"zaken {as_of:%d-%m-%Y}. {parts}."
    )
    data = pd.DataFrame(
        {
            "mijlpaal": frame["naam"].to_numpy(),
            "weken voor de deadline": frame["weken_voor_deadline"].to_numpy(),
            "status": frame["status"].to_numpy(),
        }
    )
    return chart(fig, alt, data, {"weken voor de deadline": INT})
