"""Every chart reads without colour (WCAG 1.4.1): where colour tells series apart, so does a pattern or a label."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.report import charts

pytestmark = pytest.mark.unit

HALVES = ["1e halfjaar 2023", "2e halfjaar 2023", "1e halfjaar 2024"]


def _axes(chart):
    return chart.figure.axes[0]


def test_the_lines_of_a_trend_differ_in_dash_and_marker():
    table = pd.DataFrame({c: [10.0, 20.0, 30.0] for c in "abcdef"}, index=HALVES)
    lines = [
        line for line in _axes(charts.trend(table, "Meldingen", "aantal")).get_lines() if line.get_label() in "abcdef"
    ]
    assert len(lines) == 6
    assert len({line.get_marker() for line in lines}) == 6
    assert len({line.get_linestyle() for line in lines}) >= 4  # solid, dashed, dotted, dash-dot


def test_bars_of_different_series_differ_in_pattern():
    table = pd.DataFrame(
        {"Veilig Thuis": [1.0, 2.0], "Opvang": [3.0, 4.0], "Preventie": [1.0, 1.0]}, index=[2024, 2025]
    )
    hatches = [c.patches[0].get_hatch() for c in _axes(charts.stacked_columns(table, "Uitgaven", "euro")).containers]
    assert len(set(hatches)) == 3
    ages = pd.Series([16.0, 12.0], index=["0–14", "15–24"])
    hatches = [c.patches[0].get_hatch() for c in _axes(charts.age_structure(ages, ages * 1.1, "Utrecht")).containers]
    assert len(set(hatches)) == 2


def test_each_part_of_a_100_percent_bar_carries_its_number_and_the_legend_names_it():
    shares = pd.DataFrame(
        {"Politie": [0.6, 0.5], "Onderwijs": [0.3, 0.3], "Overig": [0.1, 0.2]}, index=["Utrecht", "NL"]
    )
    ax = _axes(charts.stacked_shares(shares, "Melders"))
    assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "2", "2", "3", "3"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["1 Politie", "2 Onderwijs", "3 Overig"]


def test_the_own_region_stands_out_by_outline_and_bold_name_not_colour_alone():
    values = pd.Series([4.0, 5.0, 6.0], index=["Utrecht", "Zwolle", "Gouda"])
    ax = _axes(charts.bars(values, "Zwolle", ("Nederland", 5.0), "Meldingen per 1.000", "per 1.000"))
    bold = [t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert bold == ["Zwolle"]
    widths = [p.get_linewidth() for p in ax.patches]
    assert sorted(widths)[-1] > sorted(widths)[0]
