"""The shared cache of text sizes changes how fast charts are drawn, never what they look like."""

from __future__ import annotations

import io

import matplotlib.text
import pandas as pd
import pytest
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.font_manager import FontProperties

from workbench.report import charts
from workbench.report.charts import text_sizes
from workbench.report.charts.base import to_svg

pytestmark = pytest.mark.unit

HALVES = ["1e halfjaar 2023", "2e halfjaar 2023", "1e halfjaar 2024"]


def _drawn(scale: float) -> list[bytes]:
    """Three different charts as SVG (their tick labels, legends and titles overlap in text)."""
    table = pd.DataFrame({"Utrecht": [10.0, 20.5, 30.0], "Nederland": [12.0, 1_250.0, 9.0]}, index=HALVES) * scale
    shares = pd.DataFrame({"politie": [40.0, 45.0], "burger": [60.0, 55.0]}, index=["regio", "Nederland"])
    return [
        to_svg(charts.trend(table, "Meldingen per halfjaar", "aantal").figure),
        to_svg(charts.trend(table * 3, "Meldingen per halfjaar, langere titel", "aantal").figure),
        to_svg(charts.stacked_shares(shares, "Aandeel naar melder").figure),
    ]


def test_charts_drawn_with_the_shared_cache_are_the_charts_matplotlib_draws(monkeypatch):
    with monkeypatch.context() as plain:
        plain.setattr(matplotlib.text, "_get_text_metrics_with_cache", text_sizes.MATPLOTLIB_MEASURE)
        plain.setattr(text_sizes, "install", lambda: False)
        expected = _drawn(1.0) + _drawn(7.0)
    assert text_sizes.install()
    assert _drawn(1.0) + _drawn(7.0) == expected
    assert _drawn(1.0) + _drawn(7.0) == expected  # again, now every size from the cache


def test_sizes_are_kept_apart_by_text_and_font():
    renderer = RendererSVG(100, 100, io.StringIO())
    small, large, bold = FontProperties(size=8), FontProperties(size=10), FontProperties(size=8, weight="bold")
    width = {
        (text, name): text_sizes.measure(renderer, text, font, False, 100.0)[0]
        for text in ("1.000", "1.0000")
        for name, font in (("small", small), ("large", large), ("bold", bold))
    }
    assert len(set(width.values())) == 6
    assert text_sizes.measure(renderer, "1.000", FontProperties(size=8), False, 100.0)[0] == width["1.000", "small"]


def test_an_unknown_matplotlib_is_left_as_it_is(monkeypatch):
    def other(renderer, text):
        return 0.0, 0.0, 0.0

    monkeypatch.setattr(matplotlib.text, "_get_text_metrics_with_cache", other)
    assert not text_sizes.install()
    assert matplotlib.text._get_text_metrics_with_cache is other
