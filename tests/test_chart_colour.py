"""Every chart reads without colour (WCAG 1.4.1): where colour tells series apart, so does a pattern or a label."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from workbench.report import charts
from workbench.report.charts.marks import Badge, Bar, Line

pytestmark = pytest.mark.unit

HALVES = ["1e halfjaar 2023", "2e halfjaar 2023", "1e halfjaar 2024"]


def _marks(chart, kind) -> list:
    return [m for m in chart.figure.marks if isinstance(m, kind)]


def test_the_lines_of_a_trend_differ_in_dash_and_marker():
    table = pd.DataFrame({c: [10.0, 20.0, 30.0] for c in "abcdef"}, index=HALVES)
    chart = charts.trend(table, "Meldingen", "aantal")
    lines = [line for line in _marks(chart, Line) if line.label in "abcdef"]
    assert len(lines) == 6
    assert len({line.marker for line in lines}) == 6
    assert len({str(line.style) for line in lines}) >= 4  # solid, dashed, dotted, dash-dot
    image = chart.figure.svg().decode("utf-8")  # and the image draws them so: dash patterns in the SVG
    assert len(set(re.findall(r'stroke-dasharray="([^"]+)"', image))) >= 5


def test_bars_of_different_series_differ_in_pattern():
    table = pd.DataFrame(
        {"Veilig Thuis": [1.0, 2.0], "Opvang": [3.0, 4.0], "Preventie": [1.0, 1.0]}, index=[2024, 2025]
    )
    chart = charts.stacked_columns(table, "Uitgaven", "euro")
    hatches = {bar.label: bar.hatch for bar in _marks(chart, Bar)}
    assert len(hatches) == 3 and len(set(hatches.values())) == 3
    assert {key.label: key.hatch for key in chart.figure.legend()} == hatches  # the legend shows each pattern
    assert chart.figure.svg().decode("utf-8").count("<pattern ") == 2  # the first series is plain
    ages = pd.Series([16.0, 12.0], index=["0–14", "15–24"])
    hatches = {bar.label: bar.hatch for bar in _marks(charts.age_structure(ages, ages * 1.1, "Utrecht"), Bar)}
    assert len(hatches) == 2 and len(set(hatches.values())) == 2


def test_each_part_of_a_100_percent_bar_carries_its_number_and_the_legend_names_it():
    shares = pd.DataFrame(
        {"Politie": [0.6, 0.5], "Onderwijs": [0.3, 0.3], "Overig": [0.1, 0.2]}, index=["Utrecht", "NL"]
    )
    chart = charts.stacked_shares(shares, "Melders")
    assert sorted(b.text for b in _marks(chart, Badge)) == ["1", "1", "2", "2", "3", "3"]
    assert [k.label for k in chart.figure.legend()] == ["1 Politie", "2 Onderwijs", "3 Overig"]
    texts = re.findall(r">([^<]+)</text>", chart.figure.svg().decode("utf-8"))
    assert texts.count("1") == 2 and "3 Overig" in texts


def test_the_own_region_stands_out_by_outline_and_bold_name_not_colour_alone():
    values = pd.Series([4.0, 5.0, 6.0], index=["Utrecht", "Zwolle", "Gouda"])
    chart = charts.bars(values, "Zwolle", ("Nederland", 5.0), "Meldingen per 1.000", "per 1.000")
    image = chart.figure.svg().decode("utf-8")
    assert re.findall(r'<text [^>]*font-weight="bold"[^>]*>([^<]+)</text>', image) == ["Zwolle"]
    widths = [bar.edge_width for bar in _marks(chart, Bar)]
    assert widths == [0.8, 1.5, 0.8]
