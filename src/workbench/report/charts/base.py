"""What every chart shares: the palette, the marks for alt text, the chart itself and its SVG.

Charts are described as data (:class:`~workbench.report.charts.plot.Plot`,
:class:`~workbench.report.charts.map_drawing.Map`) and written straight to SVG. Colours are the Okabe–Ito palette
without its yellow, so every colour has enough contrast on white; values come in already disclosure-controlled.
An unknown value (every cell secret) is not drawn: a gap, never a point or bar at 0. A lower bound (some cells
secret) is drawn as an open marker or a hatched bar, and written with '≥' in the alt text. Where colour tells
series apart, a dash pattern, a marker, a pattern or a label tells them apart as well, so every chart reads without
colour (WCAG 1.4.1). Every text is written as it is (escaped), never read as markup or mathematics.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from workbench.report.charts.map_drawing import Map
from workbench.report.charts.plot import Plot
from workbench.report.formatting import LOWER_MARK, fmt_dec, fmt_int

BLUE, VERMILLION, GREEN, PINK, PURPLE, BLACK, GREY, GOLD = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#6A3D9A",
    "#000000",
    "#595959",
    "#8C6D00",
)
PALETTE = [BLUE, VERMILLION, GREEN, PINK, PURPLE, BLACK, GOLD, GREY]
"""Eight distinct colours, each with at least 3:1 contrast on white (WCAG 1.4.11 for graphics)."""
LINE_STYLES = [("-", "o"), ("--", "s"), (":", "^"), ("-.", "D"), ((0, (5, 1, 1, 1)), "v"), ((0, (1, 3)), "P")]
"""Per series of a line chart its dash pattern and marker, so lines differ without colour too (WCAG 1.4.1)."""
SERIES_HATCHES = [None, "//", "\\\\", "xx", "--", "||", "++", "x"]
"""Per series of a bar chart its pattern, so bars differ without colour too (WCAG 1.4.1). Lines only: a pattern
of dots or rings costs hundreds of kilobytes in SVG."""
LIGHT = "#DDDDDD"
LOWER_HATCH = "////"
LOWER_LEGEND = "open punt: ondergrens (geheime gemeentecijfers)"


def mark_demonstration(fig: Plot | Map) -> None:
    """Write 'demonstratiecijfers' inside the image, so a chart pasted elsewhere keeps the warning."""
    fig.demonstration = True


def mark(value: object, lower: bool) -> str:
    """A count for alt text: '.' when missing, '≥ 45' for a lower bound."""
    text = fmt_int(value)
    return LOWER_MARK + text if lower and text != "." else text


def mark_dec(value: object, lower: bool) -> str:
    """A rate for alt text: '.' when missing, '≥ 7,2' for a lower bound."""
    text = fmt_dec(value)
    return LOWER_MARK + text if lower and text != "." else text


def to_svg(fig: Plot | Map) -> bytes:
    """The chart as an SVG document (vector: small, and sharp at any zoom); identical for identical charts."""
    return fig.svg()


@dataclass
class Chart:
    """A chart: what it draws, its alt text (a short summary) and the figures it draws.

    Attributes
    ----------
    figure
        What the chart draws, as data: a :class:`~workbench.report.charts.plot.Plot` (marks, axes, legend) or a
        :class:`~workbench.report.charts.map_drawing.Map`; ``figure.svg()`` writes it.
    alt
        The alt text.
    data
        One row per drawn element, the exact figures the chart draws (marks as :class:`Bounded`); the report shows
        it under the chart and offers it as a download.
    formats
        How the numeric columns of ``data`` are written (see :class:`workbench.report.formatting.NumberFormat`).
    """

    figure: Plot | Map
    alt: str
    data: pd.DataFrame
    formats: dict[str, Callable[[object], str]] = field(default_factory=dict)


def chart(fig: Plot | Map, alt: str, data: pd.DataFrame, formats: dict[str, Callable[[object], str]]) -> Chart:
    """Finish a chart: the figures it draws beside the alt text."""
    return Chart(fig, alt, data.reset_index(drop=True), formats)
