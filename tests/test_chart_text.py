"""Text a user wrote (a gemeente, a milestone) is drawn as it is in every chart: escaped, never markup or math."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import pytest

from workbench.report import charts
from workbench.report.charts.base import to_svg
from workbench.report.charts.planning import timeline

pytestmark = pytest.mark.unit

NAMES = ["Kosten $5 en $x^2$", "Besluit {raad} \\frac{1}{2}", "Gouda_$", "<b>Oss & Uden</b>", "Zeist \" onclick='x'"]


def _draw(chart) -> str:
    """The chart's image."""
    return to_svg(chart.figure).decode("utf-8")


def _written(text: str) -> str:
    return html.escape(text, quote=False)


def test_milestone_names_with_dollar_signs_and_braces_draw_as_text():
    frame = pd.DataFrame(
        {
            "naam": NAMES,
            "dagen_voor_deadline": [70, 35, 7, 3, 1],
            "weken_voor_deadline": [10, 5, 1, 0, 0],
            "status": ["gereed", "te laat", "gepland", "gepland", "gepland"],
        }
    )
    chart = timeline(frame, dt.date(2025, 6, 1), dt.date(2025, 3, 1), "Utrecht $")
    image = _draw(chart)
    assert all(f">{_written(name)}</text>" in image for name in NAMES)
    assert "<b>" not in image and "onclick" not in image.replace(_written(NAMES[4]), "")
    assert ">Procesplanning regiovisie, regio Utrecht $</text>" in image


def test_area_names_with_dollar_signs_draw_as_text_in_bars():
    chart = charts.bars(pd.Series({NAMES[0]: 7.2, NAMES[2]: 5.0}), NAMES[0], ("Nederland", 7.4), "T $", "per 1.000")
    assert f">{_written(NAMES[0])}</text>" in _draw(chart)


def test_every_chart_writes_names_escaped_in_its_image():
    """A name with markup in the title, the axes, the legend or a map label stays text in every chart."""
    name = NAMES[3]
    halves = ["1e halfjaar 2023", "2e halfjaar 2023"]
    drawn = [
        charts.trend(pd.DataFrame({name: [1.0, 2.0]}, index=halves), name, name),
        charts.stacked_shares(pd.DataFrame({name: [1.0]}, index=[name]), name),
        charts.stacked_columns(pd.DataFrame({name: [1.0]}, index=[name]), name, name),
        charts.age_structure(pd.Series([1.0], index=[name]), pd.Series([2.0], index=[name]), name),
    ]
    for chart in drawn:
        image = _draw(chart)
        assert "<b>" not in image and image.count(_written(name)) >= 2, chart.alt
