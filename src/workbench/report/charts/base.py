"""What every chart shares: the palette, the figure, the legend, the demonstration stamp and the marks.

Figures are made without pyplot's global state. Colours are the Okabe–Ito palette without its yellow, so every
colour has enough contrast on white; values come in already disclosure-controlled. An unknown value (every cell
secret) is not drawn: a gap, never a point or bar at 0. A lower bound (some cells secret) is drawn as an open
marker or a hatched bar, and written with '≥' in the alt text. Where colour tells series apart, a dash pattern,
a marker, a pattern or a label tells them apart as well, so every chart reads without colour (WCAG 1.4.1).
"""

from __future__ import annotations

import functools
import io
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ParamSpec

import matplotlib
import pandas as pd
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import Formatter, LogFormatter, NullFormatter, ScalarFormatter

from workbench.report.charts import text_sizes
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
DEMO_COLOUR = "#8A5A00"
LOWER_HATCH = "////"
LOWER_LEGEND = "open punt: ondergrens (geheime gemeentecijfers)"
LITERAL = {"text.parse_math": False}
"""Every text is drawn as it is: a ``$`` or ``{`` in a name or a milestone is text, never math."""
SVG_SETTINGS = {"svg.fonttype": "none", "svg.hashsalt": "workbench", **LITERAL}
"""Text stays text (in DejaVu Sans, else the reader's sans-serif); the same chart always gives the same file;
tick labels made while drawing are literal too."""
P = ParamSpec("P")
_SVG_PROLOGUE = re.compile(r"<\?xml.*?\?>\s*|<!DOCTYPE.*?>\s*|<metadata>.*?</metadata>\s*", re.S)


def mark_demonstration(fig: Figure) -> None:
    """Write 'demonstratiecijfers' inside the image, so a chart pasted elsewhere keeps the warning.

    It is the figure's super-title, set right, so the layout keeps room for it above the chart's own title.
    """
    fig.suptitle(
        "demonstratiecijfers",
        x=0.995,
        ha="right",
        fontsize=8,
        fontweight="bold",
        color=DEMO_COLOUR,
        parse_math=False,
        bbox={"boxstyle": "square,pad=0.2", "fc": "white", "ec": DEMO_COLOUR, "lw": 0.8},
    )


def hatch_handle(label: str) -> Rectangle:
    """A legend entry for hatched (lower-bound) bars."""
    return Rectangle((0, 0), 1, 1, facecolor=GREY, hatch=LOWER_HATCH, edgecolor="white", label=label)


def mark(value: object, lower: bool) -> str:
    """A count for alt text: '.' when missing, '≥ 45' for a lower bound."""
    text = fmt_int(value)
    return LOWER_MARK + text if lower and text != "." else text


def mark_dec(value: object, lower: bool) -> str:
    """A rate for alt text: '.' when missing, '≥ 7,2' for a lower bound."""
    text = fmt_dec(value)
    return LOWER_MARK + text if lower and text != "." else text


def to_svg(fig: Figure) -> bytes:
    """The figure as an SVG document (vector: cheaper to make than a PNG, and sharp at any zoom).

    Without the XML prologue, the document type or metadata: only the drawing, identical for identical charts.
    Texts are measured through the process's shared cache of text sizes (:mod:`.text_sizes`). The SVG canvas
    draws the figure once, running its layout engine as part of that draw; ``savefig`` would first draw it a
    whole extra time (with drawing switched off) only to run the layout, and the file is the same byte for byte.
    """
    text_sizes.install()
    buffer = io.StringIO()
    with matplotlib.rc_context(SVG_SETTINGS):
        FigureCanvasSVG(fig).print_svg(buffer, metadata={"Date": None})
    return _SVG_PROLOGUE.sub("", buffer.getvalue(), count=3).encode("utf-8")


def new_figure(width: float = 7.5, height: float = 3.6) -> tuple[Figure, object]:
    """A figure with one axes, without pyplot's global state; top and right spines off."""
    fig = Figure(figsize=(width, height), layout="constrained")
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    return fig, ax


def set_title(ax, title: str) -> None:
    """The chart's title, left above the axes.

    Its height is fixed at the top of the axes: our charts have no tick labels or offset text above the axes
    that it would have to clear, and matplotlib would otherwise measure the whole y axis again for every layout
    pass and draw to find that out.
    """
    ax.set_title(title, fontsize=10, loc="left", y=1.0)


def legend_below(ax, ncols: int = 3) -> None:
    """A frameless legend under the chart, below its tick labels (the layout makes room for it)."""
    handles, labels = ax.get_legend_handles_labels()
    ax.figure.legend(handles, labels, fontsize=7, frameon=False, ncols=ncols, loc="outside lower center")


@dataclass
class Chart:
    """A drawn chart: the figure, its alt text (a short summary) and the figures it draws.

    Attributes
    ----------
    figure
        The matplotlib figure (axes already in Dutch number formats).
    alt
        The alt text.
    data
        One row per drawn element, the exact figures the chart draws (marks as :class:`Bounded`); the report shows
        it under the chart and offers it as a download.
    formats
        How the numeric columns of ``data`` are written (see :class:`workbench.report.formatting.NumberFormat`).
    """

    figure: Figure
    alt: str
    data: pd.DataFrame
    formats: dict[str, Callable[[object], str]] = field(default_factory=dict)


def decimals_for(values: list[float]) -> int:
    """The fewest decimals (0–3) that write every tick value exactly."""
    for digits in range(4):
        if all(math.isclose(round(v, digits), v, abs_tol=1e-9) for v in values):
            return digits
    return 3


class DutchTicks(Formatter):
    """Tick labels the Dutch way: 10.000, 8,5, −2 (one number of decimals for the whole axis)."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        """One label (with as many decimals as the axis's ticks need)."""
        return fmt_dec(x, decimals_for(list(getattr(self, "locs", []) or [x])))

    def format_ticks(self, values) -> list[str]:
        """All labels of an axis with the same number of decimals."""
        digits = decimals_for(list(values))
        return [fmt_dec(v, digits) for v in values]


def dutch_axes(fig: Figure) -> None:
    """Give every numeric axis of ``fig`` Dutch tick labels (category axes keep their names)."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if isinstance(axis.get_major_formatter(), ScalarFormatter | LogFormatter):
                if isinstance(axis.get_major_formatter(), LogFormatter):
                    axis.set_minor_formatter(NullFormatter())
                axis.set_major_formatter(DutchTicks())


def literal(draw: Callable[P, Chart]) -> Callable[P, Chart]:
    """Make a chart function draw every text it makes as it is (:data:`LITERAL`), without touching other plots.

    Each text takes the setting when it is made, so this is cheaper than visiting every artist of the figure
    afterwards; tick labels made while the figure is drawn take it from :func:`to_svg`.
    """

    @functools.wraps(draw)
    def drawn(*args: P.args, **kwargs: P.kwargs) -> Chart:
        with matplotlib.rc_context(LITERAL):
            return draw(*args, **kwargs)

    return drawn


def pin_empty_axis_labels(fig: Figure) -> None:
    """Keep matplotlib from placing axis labels that are empty (a category axis has none).

    It would measure every tick label of the axis again on each layout pass and draw only to move a label that
    draws nothing; fixing its place changes nothing drawn.
    """
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if not axis.label.get_text():
                axis.set_label_coords(0.0, 0.0)


def chart(fig: Figure, alt: str, data: pd.DataFrame, formats: dict[str, Callable[[object], str]]) -> Chart:
    """Finish a chart: Dutch tick labels, and the figures it draws beside the alt text."""
    dutch_axes(fig)
    pin_empty_axis_labels(fig)
    return Chart(fig, alt, data.reset_index(drop=True), formats)
