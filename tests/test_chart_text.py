"""Text a user wrote (a gemeente, a milestone) is drawn as it is in every chart: a '$' or '{' is never math."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import pytest

from workbench.report import charts
from workbench.report.charts.base import to_svg
from workbench.report.charts.planning import timeline

pytestmark = pytest.mark.unit

NAMES = ["Kosten $5 en $x^2$", "Besluit {raad} \\frac{1}{2}", "Gouda_$"]


def _draw(chart) -> str:
    """The chart's image (mathtext would fail here, or change these names)."""
    return to_svg(chart.figure).decode("utf-8")


def _written(text: str) -> str:
    return html.escape(text, quote=False)


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
    image = _draw(chart)
    assert all(f">{_written(name)}</text>" in image for name in NAMES)
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert labels == NAMES and all(not t.get_parse_math() for t in chart.figure.axes[0].get_yticklabels())


def test_area_names_with_dollar_signs_draw_as_text_in_bars():
    chart = charts.bars(pd.Series({NAMES[0]: 7.2, NAMES[2]: 5.0}), NAMES[0], ("Nederland", 7.4), "T $", "per 1.000")
    assert f">{_written(NAMES[0])}</text>" in _draw(chart)
    assert NAMES[0] in [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]


def test_every_chart_function_makes_its_texts_literal():
    """A chart function added without ``literal`` would draw a name with two '$' as mathematics."""
    functions = [getattr(charts, name) for name in charts.__all__]
    drawing = [f for f in functions if callable(f) and getattr(f, "__annotations__", {}).get("return") == "Chart"]
    assert len(drawing) >= 12
    assert all(getattr(f, "__wrapped__", None) is not None for f in drawing), [
        f.__name__ for f in drawing if not hasattr(f, "__wrapped__")
    ]


def test_literal_setting_stays_inside_the_chart():
    """An analyst's own plot in the same kernel keeps matplotlib's default (mathtext on)."""
    import matplotlib

    charts.bars(pd.Series({NAMES[0]: 7.2}), NAMES[0], ("Nederland", 7.4), "T $", "per 1.000")
    assert matplotlib.rcParams["text.parse_math"] is True
