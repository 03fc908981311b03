"""What a chart draws, as data: lines, points, bars, rules, intervals and numbered badges; legend keys; axes.

A :class:`~workbench.report.charts.plot.Plot` holds these and writes them as SVG. An unknown value (NaN) is never
drawn: a line breaks there and no point or bar is placed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """A line through ``x``, ``y`` (a NaN breaks it), with a marker at each known point.

    ``open`` gives per point whether its marker is open (white inside): a lower bound.
    """

    x: Sequence[float]
    y: Sequence[float]
    colour: str
    style: str | tuple = "-"
    marker: str | None = None
    marker_size: float = 6.0
    width: float = 1.5
    label: str = ""
    open: Sequence[bool] = ()
    z: int = 2


@dataclass(frozen=True)
class Points:
    """Markers at ``x``, ``y`` (NaN: not drawn); ``fill`` "none" or "#ffffff" draws them open."""

    x: Sequence[float]
    y: Sequence[float]
    colour: str
    marker: str = "o"
    size: float = 5.5
    fill: str | None = None
    label: str = ""
    z: int = 3


@dataclass(frozen=True)
class Bar:
    """A bar at category ``at`` from ``start`` to ``end`` (horizontal, or a column when not ``horizontal``)."""

    at: float
    start: float
    end: float
    colour: str
    thickness: float = 0.6
    edge: str = "#ffffff"
    edge_width: float = 0.8
    hatch: str | None = None
    horizontal: bool = True
    label: str = ""
    z: int = 1


@dataclass(frozen=True)
class Rule:
    """A line across the whole axes at ``value`` (vertical: an x value; else a y value)."""

    value: float
    colour: str
    style: str | tuple = "-"
    width: float = 1.2
    vertical: bool = True
    label: str = ""
    z: int = 2


@dataclass(frozen=True)
class Segment:
    """A straight line between two data points (a stem from a point to a reference)."""

    x0: float
    y0: float
    x1: float
    y1: float
    colour: str
    width: float = 1.0
    style: str | tuple = "-"
    z: int = 1


@dataclass(frozen=True)
class Interval:
    """An interval with caps: from ``low`` to ``high`` at ``at`` (along x when ``horizontal``, else along y)."""

    at: float
    low: float
    high: float
    colour: str
    horizontal: bool = True
    width: float = 1.0
    cap: float = 3.0
    z: int = 2


@dataclass(frozen=True)
class Badge:
    """A number in a dark circle at a data point (the number of a part of a bar)."""

    x: float
    y: float
    text: str
    z: int = 4


Mark = Line | Points | Bar | Rule | Segment | Interval | Badge


@dataclass(frozen=True)
class Key:
    """One legend entry: a line (with its marker), a marker alone or a patch (with its hatch)."""

    label: str
    colour: str
    kind: str = "patch"
    style: str | tuple = "-"
    marker: str | None = None
    fill: str | None = None
    hatch: str | None = None


@dataclass(frozen=True)
class Scale:
    """An axis: ``linear``, ``log`` or ``category`` (names at 0, 1, 2 …).

    ``low``/``high`` fix an end (else the data decide, with 5% room); ``zero`` starts it at 0. A category axis has
    half a category of room at each end (``pad``). ``inverted`` runs it top to bottom (categories read
    downwards); ``rotate`` slants its names; ``bold`` names the categories written in bold; ``whole`` puts ticks
    on whole numbers only (years).
    """

    kind: str = "linear"
    labels: Sequence[str] = ()
    low: float | None = None
    high: float | None = None
    zero: bool = False
    pad: float = 0.5
    inverted: bool = False
    rotate: bool = False
    bold: frozenset[int] = frozenset()
    whole: bool = False

    @classmethod
    def category(cls, labels: Sequence[object], **options) -> Scale:
        """A category axis of ``labels`` (as text)."""
        return cls("category", tuple(str(v) for v in labels), **options)
