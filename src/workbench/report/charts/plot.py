"""A chart with one pair of axes, described as data and written straight to SVG.

A :class:`Plot` holds what a chart draws (its marks: lines, points, bars, rules, intervals, numbered badges), its
axes (numbers, a logarithmic scale or named categories) and its legend. :meth:`Plot.svg` lays it out from the
widths of its texts (:mod:`.fonts`) and writes the SVG (:mod:`.svg`) in one pass: no figure to build, no layout
engine measuring every text again and again, so a chart costs milliseconds instead of the tenth of a second
matplotlib took. Its look follows the charts drawn with matplotlib before: the same sizes, colours, dash
patterns and markers.

An unknown value (NaN) is never drawn: a line breaks there and no point or bar is placed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from workbench.report.charts import svg
from workbench.report.charts.fonts import ASCENT, DESCENT, line_height, text_width
from workbench.report.charts.marks import Badge, Bar, Interval, Key, Line, Mark, Points, Rule, Scale, Segment
from workbench.report.formatting import fmt_dec

TICK_SIZE, LABEL_SIZE, TITLE_SIZE, LEGEND_SIZE, STAMP_SIZE = 8.0, 10.0, 10.0, 7.0, 8.0
"""Font sizes in points: tick labels, axis labels, the title, legend entries, the demonstration stamp."""
PAD, TICK_LENGTH, TICK_GAP = 4.0, 3.5, 3.5
AXIS_COLOUR = "#000000"
DEMO_COLOUR = "#8A5A00"


@dataclass
class Plot:
    """A chart of one pair of axes: its size (inches), title, axes, marks and legend; see the module."""

    width: float
    height: float
    title: str
    x: Scale = field(default_factory=Scale)
    y: Scale = field(default_factory=Scale)
    xlabel: str = ""
    ylabel: str = ""
    marks: list[Mark] = field(default_factory=list)
    extra_keys: list[Key] = field(default_factory=list)
    legend_columns: int = 3
    legend_right: bool = False
    demonstration: bool = False

    def add(self, *marks: Mark) -> Plot:
        """Add marks (drawn in order of their ``z``, then of adding)."""
        self.marks.extend(marks)
        return self

    def get_size_inches(self) -> tuple[float, float]:
        """Width and height in inches (as a matplotlib figure answers)."""
        return self.width, self.height

    def legend(self) -> list[Key]:
        """The legend: one entry per label of the marks, in order, then :attr:`extra_keys`."""
        seen: dict[str, Key] = {}
        for mark in self.marks:
            label = getattr(mark, "label", "")
            if label and label not in seen:
                seen[label] = _key(mark)
        return [*seen.values(), *self.extra_keys]

    def svg(self) -> bytes:
        """The chart as an SVG document."""
        return _Drawing(self).document()


def _key(mark: Mark) -> Key:
    if isinstance(mark, Line):
        return Key(mark.label, mark.colour, "line", mark.style, mark.marker)
    if isinstance(mark, Points):
        return Key(mark.label, mark.colour, "marker", marker=mark.marker, fill=mark.fill)
    if isinstance(mark, Rule):
        return Key(mark.label, mark.colour, "line", mark.style)
    return Key(mark.label, mark.colour, "patch", hatch=mark.hatch, fill=mark.edge)


def nice_ticks(low: float, high: float, most: int, whole: bool = False) -> list[float]:
    """At most ``most`` + 1 round tick values between ``low`` and ``high`` (steps of 1, 2, 2,5 or 5 × 10ⁿ).

    ``whole``: only whole numbers (years), so no step of 2,5 or below 1.
    """
    if not high > low:
        return [low]
    raw = (high - low) / max(most, 1)
    if whole:
        raw = max(raw, 1.0)
    magnitude = 10 ** math.floor(math.log10(raw))
    steps = (1, 2, 5, 10) if whole else (1, 2, 2.5, 5, 10)
    step = next(s * magnitude for s in steps if s * magnitude >= raw * (1 - 1e-9))
    first = math.ceil(low / step - 1e-9)
    return [round(k * step, 12) for k in range(first, math.floor(high / step + 1e-9) + 1)]


def decimals_for(values: Sequence[float]) -> int:
    """The fewest decimals (0–3) that write every tick value exactly."""
    for digits in range(4):
        if all(math.isclose(round(v, digits), v, abs_tol=1e-9) for v in values):
            return digits
    return 3


def _finite(values) -> list[float]:
    return [float(v) for v in values if v is not None and not math.isnan(float(v))]


def _extent(plot: Plot, along_x: bool) -> tuple[list[float], bool]:
    """The data values an axis must show, and whether bars stand on 0 along it (no room below 0 then)."""
    values: list[float] = []
    sticky = False
    for m in plot.marks:
        if isinstance(m, Line | Points):
            values += _finite(m.x if along_x else m.y)
        elif isinstance(m, Bar):
            if m.horizontal == along_x:
                values += _finite([m.start, m.end])
                sticky = sticky or m.start == 0
            else:
                values += _finite([m.at - m.thickness / 2, m.at + m.thickness / 2])
        elif isinstance(m, Rule) and m.vertical == along_x:
            values += _finite([m.value])
        elif isinstance(m, Segment):
            values += _finite([m.x0, m.x1] if along_x else [m.y0, m.y1])
        elif isinstance(m, Interval):
            values += _finite([m.low, m.high] if m.horizontal == along_x else [m.at])
    return values, sticky


@dataclass(frozen=True)
class _Axis:
    """An axis placed on the page: its limits, ticks and names, and where it lies (points)."""

    scale: Scale
    low: float
    high: float
    ticks: list[float]
    names: list[str]
    start: float = 0.0
    length: float = 1.0

    def at(self, value: float) -> float:
        """The page position of a data value along this axis."""
        if self.scale.kind == "log":
            value, low, high = (math.log10(max(v, 1e-12)) for v in (value, self.low, self.high))
        else:
            low, high = self.low, self.high
        share = (value - low) / (high - low) if high > low else 0.5
        return self.start + share * self.length

    def bold(self, index: int) -> bool:
        """Whether the tick name ``index`` is written in bold."""
        return self.scale.kind == "category" and index in self.scale.bold


def _limits(scale: Scale, values: list[float], sticky: bool) -> tuple[float, float]:
    if scale.kind == "category":
        return -scale.pad, len(scale.labels) - 1 + scale.pad
    if scale.kind == "log":
        logs = [math.log10(v) for v in values if v > 0] or [0.0, 1.0]
        low, high = min(logs), max(logs)
        room = 0.05 * (high - low or 1)
        return (
            scale.low if scale.low is not None else 10 ** (low - room),
            scale.high if scale.high is not None else 10 ** (high + room),
        )
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if high == low:
        low, high = low - 1, high + 1
    room = 0.05 * (high - low)
    low = 0.0 if scale.zero or (sticky and low == 0) else low - room
    high = high + room
    low = scale.low if scale.low is not None else low
    high = scale.high if scale.high is not None else high
    return low, high


def _axis(scale: Scale, values: list[float], sticky: bool, most_ticks: int) -> _Axis:
    low, high = _limits(scale, values, sticky)
    if scale.kind == "category":
        ticks = [float(i) for i in range(len(scale.labels))]
        return _Axis(scale, low, high, ticks, list(scale.labels))
    if scale.kind == "log":
        ticks = [10.0**k for k in range(math.ceil(math.log10(low) - 1e-9), math.floor(math.log10(high) + 1e-9) + 1)]
        return _Axis(scale, low, high, ticks, [fmt_dec(t, 0) for t in ticks])
    ticks = nice_ticks(low, high, most_ticks, scale.whole)
    if scale.whole:  # years: 2024, not 2.024
        return _Axis(scale, low, high, ticks, [str(round(t)) for t in ticks])
    digits = decimals_for(ticks)
    return _Axis(scale, low, high, ticks, [fmt_dec(0.0 if t == 0 else t, digits) for t in ticks])


def _wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` points (a single long word stays whole)."""
    lines: list[str] = []
    for words in (part.split(" ") for part in text.split("\n")):
        current = ""
        for word in words:
            attempt = f"{current} {word}" if current else word
            if current and text_width(attempt, size, bold) > width:
                lines.append(current)
                current = word
            else:
                current = attempt
        lines.append(current)
    return lines


def title_lines(title: str, width: float) -> list[str]:
    """A chart's title broken into lines that fit ``width`` points."""
    return _wrap(title, width, TITLE_SIZE)


def demonstration_stamp(page_width: float) -> str:
    """'demonstratiecijfers' in a box at the top right, so a chart pasted elsewhere keeps the warning."""
    word = "demonstratiecijfers"
    w = text_width(word, STAMP_SIZE, True)
    x1 = page_width - PAD
    return svg.rect(
        x1 - w - 4, PAD - 1, w + 4, line_height(STAMP_SIZE) + 2, fill="#ffffff", stroke=DEMO_COLOUR, stroke_width=0.8
    ) + svg.text(x1 - 2, PAD + ASCENT * STAMP_SIZE + 2, word, STAMP_SIZE, "end", DEMO_COLOUR, bold=True)


class _Drawing:
    """One layout and drawing of a :class:`Plot` (see :meth:`Plot.svg`)."""

    def __init__(self, plot: Plot) -> None:
        self.plot = plot
        self.page_width, self.page_height = plot.width * 72, plot.height * 72
        self.patterns = svg.Patterns()
        self.keys = plot.legend()
        x_values, x_sticky = _extent(plot, True)
        y_values, y_sticky = _extent(plot, False)
        # first guesses of the axes' lengths only set how many ticks fit
        self.x = _axis(plot.x, x_values, x_sticky, max(2, min(9, int(self.page_width * 0.8 / (TICK_SIZE * 5)))))
        self.y = _axis(plot.y, y_values, y_sticky, max(2, min(9, int(self.page_height * 0.6 / (TICK_SIZE * 2.5)))))
        self._layout()

    # layout ---------------------------------------------------------------------------------------------------
    def _layout(self) -> None:
        plot, width = self.plot, self.page_width
        top = PAD + (line_height(STAMP_SIZE) + 4 if plot.demonstration else 0)
        y_names = max((text_width(n, TICK_SIZE, self.y.bold(i)) for i, n in enumerate(self.y.names)), default=0)
        left = PAD + (line_height(LABEL_SIZE) + 2 if plot.ylabel else 0) + y_names + TICK_LENGTH + TICK_GAP
        self.title_lines = title_lines(plot.title, width - left - PAD)
        self.title_top = top
        top += line_height(TITLE_SIZE) * len(self.title_lines) + 6
        x_name_widths = [text_width(n, TICK_SIZE) for n in self.x.names]
        if plot.x.rotate:
            x_names = max(x_name_widths, default=0) * math.sqrt(0.5) + TICK_SIZE
        else:
            x_names = line_height(TICK_SIZE)
        right = PAD + (x_name_widths[-1] / 2 if x_name_widths and plot.x.kind != "category" else 0)
        if plot.legend_right and self.keys:
            self.legend_width = max(self._key_width(k) for k in self.keys)
            right = max(right, self.legend_width + 2 * PAD + 4)
        axes_width = width - left - right
        self.legend_rows = self._legend_rows(width - 2 * PAD) if not plot.legend_right else []
        legend_height = len(self.legend_rows) * line_height(LEGEND_SIZE) * 1.4 + (6 if self.legend_rows else 0)
        bottom = PAD + TICK_LENGTH + TICK_GAP + x_names + (line_height(LABEL_SIZE) + 2 if plot.xlabel else 0)
        self.axes = (left, top, axes_width, self.page_height - top - bottom - legend_height)
        if self.axes[3] < 20:  # the legend and names take the room: the page grows, the axes keep a height
            self.page_height += 20 - self.axes[3]
            self.axes = (left, top, axes_width, 20.0)
        self.label_top = top + self.axes[3] + TICK_LENGTH + TICK_GAP + x_names
        self.legend_top = top + self.axes[3] + bottom - PAD + 6
        self.x = replace(self.x, start=left, length=axes_width)
        a_top, a_height = top, self.axes[3]
        if plot.y.inverted:
            self.y = replace(self.y, start=a_top, length=a_height)
        else:
            self.y = replace(self.y, start=a_top + a_height, length=-a_height)

    def _key_width(self, key: Key) -> float:
        return 22 + 4 + text_width(key.label, LEGEND_SIZE)

    def _legend_rows(self, room: float) -> list[list[Key]]:
        if not self.keys:
            return []
        columns = max(1, min(self.plot.legend_columns, len(self.keys)))
        while columns > 1:
            widest = max(self._key_width(k) for k in self.keys)
            if columns * (widest + 12) <= room:
                break
            columns -= 1
        self.legend_column_width = max(self._key_width(k) for k in self.keys) + 12
        return [self.keys[i : i + columns] for i in range(0, len(self.keys), columns)]

    # drawing --------------------------------------------------------------------------------------------------
    def document(self) -> bytes:
        left, top, width, height = self.axes
        body = [self._title()]
        clip = svg.clip("axes", left, top, width, height)
        drawn = sorted(self.plot.marks, key=lambda m: m.z)
        body.append('<g clip-path="url(#axes)">' + "".join(self._mark(m) for m in drawn if m.z < 4) + "</g>")
        body.append(self._axes_lines())
        body.extend(self._mark(m) for m in drawn if m.z >= 4)
        body.append(self._legend())
        return svg.document(self.page_width, self.page_height, [clip, *self.patterns.defs()], body)

    def _title(self) -> str:
        parts = []
        if self.plot.demonstration:
            parts.append(demonstration_stamp(self.page_width))
        for i, line in enumerate(self.title_lines):
            baseline = self.title_top + ASCENT * TITLE_SIZE + i * line_height(TITLE_SIZE)
            parts.append(svg.text(self.axes[0], baseline, line, TITLE_SIZE))
        return "".join(parts)

    def _axes_lines(self) -> str:
        left, top, width, height = self.axes
        bottom = top + height
        out = [
            f'<path d="M{svg.num(left)} {svg.num(top)}V{svg.num(bottom)}H{svg.num(left + width)}" '
            f'fill="none" stroke="{AXIS_COLOUR}" stroke-width="0.8" stroke-linecap="square"/>'
        ]
        ticks = []
        for value, name in zip(self.x.ticks, self.x.names, strict=True):
            pos = self.x.at(value)
            if pos < left - 0.5 or pos > left + width + 0.5:
                continue
            ticks.append(f"M{svg.num(pos)} {svg.num(bottom)}v{svg.num(TICK_LENGTH)}")
            baseline = bottom + TICK_LENGTH + TICK_GAP + ASCENT * TICK_SIZE
            if self.plot.x.rotate:
                out.append(svg.text(pos, baseline - 2, name, TICK_SIZE, "end", rotate=-45))
            else:
                out.append(svg.text(pos, baseline, name, TICK_SIZE, "middle"))
        for i, (value, name) in enumerate(zip(self.y.ticks, self.y.names, strict=True)):
            pos = self.y.at(value)
            if pos < top - 0.5 or pos > bottom + 0.5:
                continue
            ticks.append(f"M{svg.num(left)} {svg.num(pos)}h{svg.num(-TICK_LENGTH)}")
            middle = pos + (ASCENT - DESCENT) / 2 * TICK_SIZE
            out.append(svg.text(left - TICK_LENGTH - TICK_GAP, middle, name, TICK_SIZE, "end", bold=self.y.bold(i)))
        if ticks:
            out.insert(0, f'<path d="{"".join(ticks)}" stroke="{AXIS_COLOUR}" stroke-width="0.8"/>')
        if self.plot.xlabel:
            out.append(
                svg.text(
                    left + width / 2, self.label_top + 2 + ASCENT * LABEL_SIZE, self.plot.xlabel, LABEL_SIZE, "middle"
                )
            )
        if self.plot.ylabel:
            x = PAD + ASCENT * LABEL_SIZE
            out.append(svg.text(x, top + height / 2, self.plot.ylabel, LABEL_SIZE, "middle", rotate=-90))
        return "".join(out)

    def _mark(self, m: Mark) -> str:
        if isinstance(m, Bar):
            return self._bar(m)
        if isinstance(m, Line):
            return self._line(m)
        if isinstance(m, Points):
            return "".join(
                svg.marker(m.marker, self.x.at(x), self.y.at(y), m.size, m.fill or m.colour, m.colour)
                for x, y in zip(m.x, m.y, strict=True)
                if not (math.isnan(float(x)) or math.isnan(float(y)))
            )
        if isinstance(m, Rule):
            return self._rule(m)
        if isinstance(m, Segment):
            points = [(self.x.at(m.x0), self.y.at(m.y0)), (self.x.at(m.x1), self.y.at(m.y1))]
            return _stroke(svg.path_data(points), m.colour, m.width, m.style)
        if isinstance(m, Interval):
            return self._interval(m)
        return self._badge(m)

    def _bar(self, m: Bar) -> str:
        if math.isnan(float(m.start)) or math.isnan(float(m.end)):
            return ""
        across, along = (self.y, self.x) if m.horizontal else (self.x, self.y)
        a0, a1 = sorted((along.at(m.start), along.at(m.end)))
        c0, c1 = sorted((across.at(m.at - m.thickness / 2), across.at(m.at + m.thickness / 2)))
        x, y, w, h = (a0, c0, a1 - a0, c1 - c0) if m.horizontal else (c0, a0, c1 - c0, a1 - a0)
        box = f'x="{svg.num(x)}" y="{svg.num(y)}" width="{svg.num(w)}" height="{svg.num(h)}"'
        out = f'<rect {box} fill="{m.colour}"/>'
        if m.hatch:
            out += f'<rect {box} fill="{self.patterns.fill(m.hatch, m.edge)}"/>'
        if m.edge_width:
            out += f'<rect {box} fill="none" stroke="{m.edge}" stroke-width="{svg.num(m.edge_width)}"/>'
        return out

    def _line(self, m: Line) -> str:
        points = [(float(x), float(y)) for x, y in zip(m.x, m.y, strict=True)]
        runs: list[list[tuple[float, float]]] = [[]]
        for x, y in points:
            if math.isnan(x) or math.isnan(y):
                runs.append([])
            else:
                runs[-1].append((self.x.at(x), self.y.at(y)))
        data = "".join(svg.path_data(run) for run in runs if len(run) > 1)
        out = _stroke(data, m.colour, m.width, m.style) if data else ""
        if m.marker:
            opened = list(m.open) or [False] * len(points)
            for (x, y), hollow in zip(points, opened, strict=True):
                if not (math.isnan(x) or math.isnan(y)):
                    fill = "#ffffff" if hollow else m.colour
                    size = m.marker_size * (1.3 if hollow else 1.0)
                    out += svg.marker(m.marker, self.x.at(x), self.y.at(y), size, fill, m.colour)
        return out

    def _rule(self, m: Rule) -> str:
        left, top, width, height = self.axes
        if m.vertical:
            x = self.x.at(m.value)
            return _stroke(f"M{svg.num(x)} {svg.num(top)}V{svg.num(top + height)}", m.colour, m.width, m.style)
        y = self.y.at(m.value)
        return _stroke(f"M{svg.num(left)} {svg.num(y)}H{svg.num(left + width)}", m.colour, m.width, m.style)

    def _interval(self, m: Interval) -> str:
        if any(math.isnan(float(v)) for v in (m.at, m.low, m.high)):
            return ""
        if m.horizontal:
            y, x0, x1 = self.y.at(m.at), self.x.at(m.low), self.x.at(m.high)
            d = f"M{svg.num(x0)} {svg.num(y)}H{svg.num(x1)}" + "".join(
                f"M{svg.num(x)} {svg.num(y - m.cap)}v{svg.num(2 * m.cap)}" for x in (x0, x1)
            )
        else:
            x, y0, y1 = self.x.at(m.at), self.y.at(m.low), self.y.at(m.high)
            d = f"M{svg.num(x)} {svg.num(y0)}V{svg.num(y1)}" + "".join(
                f"M{svg.num(x - m.cap)} {svg.num(y)}h{svg.num(2 * m.cap)}" for y in (y0, y1)
            )
        return _stroke(d, m.colour, m.width, "-")

    def _badge(self, m: Badge) -> str:
        x, y = self.x.at(m.x), self.y.at(m.y)
        r = max(text_width(m.text, 7, True), 7 * 0.9) / 2 + 1.5
        return f'<circle cx="{svg.num(x)}" cy="{svg.num(y)}" r="{svg.num(r)}" fill="#000000"/>' + svg.text(
            x, y + (ASCENT - DESCENT) / 2 * 7, m.text, 7, "middle", "#ffffff", bold=True
        )

    def _legend(self) -> str:
        if not self.keys:
            return ""
        out = []
        step = line_height(LEGEND_SIZE) * 1.4
        if self.plot.legend_right:
            _, top, _, height = self.axes
            x0 = self.page_width - PAD - self.legend_width
            y0 = top + height / 2 - step * len(self.keys) / 2
            for i, key in enumerate(self.keys):
                out.append(self._key(key, x0, y0 + (i + 0.5) * step))
            return "".join(out)
        columns = len(self.legend_rows[0])
        total = columns * self.legend_column_width - 12
        x0 = (self.page_width - total) / 2
        for r, row in enumerate(self.legend_rows):
            for c, key in enumerate(row):
                out.append(self._key(key, x0 + c * self.legend_column_width, self.legend_top + (r + 0.5) * step))
        return "".join(out)

    def _key(self, key: Key, x: float, y: float) -> str:
        if key.kind == "line":
            handle = _stroke(f"M{svg.num(x)} {svg.num(y)}h22", key.colour, 1.5, key.style)
            if key.marker:
                handle += svg.marker(key.marker, x + 11, y, 5, key.colour, key.colour)
        elif key.kind == "marker":
            handle = svg.marker(key.marker or "o", x + 11, y, 5.5, key.fill or key.colour, key.colour)
        else:
            box = f'x="{svg.num(x + 4)}" y="{svg.num(y - 4.5)}" width="14" height="9"'
            handle = f'<rect {box} fill="{key.colour}"/>'
            if key.hatch:
                handle += f'<rect {box} fill="{self.patterns.fill(key.hatch, key.fill or "#ffffff")}"/>'
        baseline = y + (ASCENT - DESCENT) / 2 * LEGEND_SIZE
        return handle + svg.text(x + 26, baseline, key.label, LEGEND_SIZE)


def _stroke(d: str, colour: str, width: float, style: str | tuple) -> str:
    pattern = svg.attrs(stroke_dasharray=svg.dash(style, width))
    return f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{svg.num(width)}"{pattern}/>'
