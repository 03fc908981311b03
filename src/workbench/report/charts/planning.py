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
    literal,
    new_figure,
    set_title,
)
from workbench.report.formatting import INT

STATUS_COLOURS = {
    "gereed": GREEN,
    "gereed, te laat": PURPLE,
    "te laat": VERMILLION,
    "gepland": BLUE,
    "na de deadline": BLACK,
}
STATUS_MARKERS = {"gereed": "o", "gereed, te laat": "s", "te laat": "X", "gepland": "D", "na de deadline": "^"}


@literal
def timeline(frame: pd.DataFrame, deadline, as_of, region_name: str) -> Chart:
    """Milestones on a scale of weeks before the deadline, marked by status, with the status date."""
    fig, ax = new_figure(7.5, 0.45 * len(frame) + 1.9)
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
    set_title(ax, f"Procesplanning regiovisie, regio {region_name}")
    ax.legend(fontsize=7, frameon=False, loc="center left", bbox_to_anchor=(1.01, 0.5))
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
