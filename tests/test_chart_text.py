"""Text a user wrote (a gemeente, a milestone) is drawn as it is in every chart: a '$' or '{' is never math."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from workbench.report import charts
from workbench.report.charts.planning import timeline

pytestmark = pytest.mark.unit

NAMES = ["Kosten $5 en $x^2$", "Besluit {raad} \\frac{1}{2}", "Gouda_$"]


def _draw(chart) -> None:
    chart.figure.savefig(io.BytesIO(), format="png")  # mathtext would fail or change these names here


def test_milestone_names_with_dollar_signs_and_braces_draw_as_text():
    frame = pd.DataFrame(
        {
            "naam": NAMES,
            "dagen_voor_deadline": [70, 35, 7],
            "weken_voor_deadline": [10, 5, 1],
            "status": ["gereed", "te laat", "gepland"],
        }
    )
    chart = timeline(frame, dt.date(2025, 6, 1), dt.date(2025, 3, 1), "Utrecht $")
    _draw(chart)
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert labels == NAMES and all(not t.get_parse_math() for t in chart.figure.axes[0].get_yticklabels())


def test_area_names_with_dollar_signs_draw_as_text_in_bars():
    chart = charts.bars(pd.Series({NAMES[0]: 7.2, NAMES[2]: 5.0}), NAMES[0], ("Nederland", 7.4), "T $", "per 1.000")
    _draw(chart)
    assert NAMES[0] in [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
