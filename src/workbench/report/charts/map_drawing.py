"""A map written straight to SVG: areas as outlines filled by colour (or hatched), labels, and a colour bar.

Coordinates are longitude and latitude; a degree of latitude is drawn 1/cos(latitude) times as long as a degree
of longitude at the map's middle, so areas keep their shape. Areas outside the map's frame are cut off at it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from workbench.report.charts import svg
from workbench.report.charts.fonts import ASCENT, DESCENT, line_height, text_width
from workbench.report.charts.plot import (
    LABEL_SIZE,
    PAD,
    STAMP_SIZE,
    TICK_LENGTH,
    TICK_SIZE,
    TITLE_SIZE,
    decimals_for,
    demonstration_stamp,
    nice_ticks,
    title_lines,
)
from workbench.report.formatting import fmt_dec

NEIGHBOUR_FILL, NEIGHBOUR_EDGE = "#F2F2F2", "#BBBBBB"
BLUES = ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"]
"""ColorBrewer's sequential blues, light to dark (matplotlib's 'Blues')."""
LABEL_FONT = 6.5
BAR_WIDTH = 12.0


def blues(share: float) -> str:
    """The colour at ``share`` (0–1) along :data:`BLUES`, interpolated."""
    position = min(max(share, 0.0), 1.0) * (len(BLUES) - 1)
    low = min(int(position), len(BLUES) - 2)
    t = position - low
    a, b = (np.array([int(c[i : i + 2], 16) for i in (1, 3, 5)]) for c in (BLUES[low], BLUES[low + 1]))
    return "#" + "".join(f"{round(v):02x}" for v in a + (b - a) * t)


@dataclass(frozen=True)
class Area:
    """One area: its outer rings, fill, outline and, for a lower bound, a hatch."""

    rings: Sequence[np.ndarray]
    fill: str
    edge: str
    edge_width: float
    hatch: str | None = None


@dataclass
class Map:
    """A map: size (inches), title, frame (lon/lat), areas, labels ((lon, lat), text) and the colour bar's range."""

    width: float
    height: float
    title: str
    frame: tuple[float, float, float, float]
    areas: list[Area]
    labels: list[tuple[tuple[float, float], str]]
    scale: tuple[float, float]
    scale_label: str
    demonstration: bool = False

    def get_size_inches(self) -> tuple[float, float]:
        """Width and height in inches."""
        return self.width, self.height

    def svg(self) -> bytes:
        """The map as an SVG document."""
        page_width, page_height = self.width * 72, self.height * 72
        body: list[str] = []
        patterns = svg.Patterns()
        top = PAD
        if self.demonstration:
            body.append(demonstration_stamp(page_width))
            top += line_height(STAMP_SIZE) + 4
        lines = title_lines(self.title, page_width - 2 * PAD)
        for i, line in enumerate(lines):
            body.append(svg.text(PAD, top + ASCENT * TITLE_SIZE + i * line_height(TITLE_SIZE), line, TITLE_SIZE))
        top += line_height(TITLE_SIZE) * len(lines) + 6
        ticks = nice_ticks(*self.scale, 5) if self.scale[1] > self.scale[0] else [self.scale[0]]
        digits = decimals_for(ticks)
        names = [fmt_dec(t, digits) for t in ticks]
        bar_room = BAR_WIDTH + TICK_LENGTH + 3 + max(text_width(n, TICK_SIZE) for n in names) + 4 + LABEL_SIZE * 1.2
        area = (PAD, top, page_width - 2 * PAD - bar_room - 8, page_height - top - PAD)
        body.append(self._areas(area, patterns))
        body.append(self._bar(area, page_width - PAD - bar_room, ticks, names))
        clip = svg.clip("map", *area)
        return svg.document(page_width, page_height, [clip, *patterns.defs()], body)

    def _project(self, area: tuple[float, float, float, float]):
        minx, miny, maxx, maxy = self.frame
        stretch = 1 / math.cos(math.radians((miny + maxy) / 2))
        width, height = maxx - minx, (maxy - miny) * stretch
        scale = min(area[2] / width, area[3] / height)
        x0 = area[0] + (area[2] - width * scale) / 2
        y0 = area[1] + (area[3] - height * scale) / 2

        def place(points: np.ndarray) -> np.ndarray:
            return np.column_stack([x0 + (points[:, 0] - minx) * scale, y0 + (maxy - points[:, 1]) * stretch * scale])

        return place

    def _areas(self, area, patterns: svg.Patterns) -> str:
        place = self._project(area)
        out = ['<g clip-path="url(#map)">']
        for a in self.areas:
            d = "".join(_ring(place(ring)) for ring in a.rings)
            if not d:
                continue
            out.append(f'<path d="{d}" fill="{a.fill}"/>')
            if a.hatch:
                out.append(f'<path d="{d}" fill="{patterns.fill(a.hatch, "#000000")}"/>')
            out.append(f'<path d="{d}" fill="none" stroke="{a.edge}" stroke-width="{svg.num(a.edge_width)}"/>')
        for (lon, lat), label in self.labels:
            ((x, y),) = place(np.array([[lon, lat]]))
            out.append(_label(x, y, label))
        out.append("</g>")
        return "".join(out)

    def _bar(self, area, left: float, ticks: list[float], names: list[str]) -> str:
        height = area[3] * 0.6
        top = area[1] + (area[3] - height) / 2
        stops = "".join(
            f'<stop offset="{svg.num(i / (len(BLUES) - 1))}" stop-color="{c}"/>' for i, c in enumerate(BLUES)
        )
        out = [
            f'<linearGradient id="scale" x1="0" y1="1" x2="0" y2="0">{stops}</linearGradient>',
            svg.rect(left, top, BAR_WIDTH, height, fill="url(#scale)", stroke="#000000", stroke_width=0.8),
        ]
        low, high = self.scale
        for value, name in zip(ticks, names, strict=True):
            share = (value - low) / (high - low) if high > low else 0.5
            y = top + height * (1 - share)
            x = left + BAR_WIDTH
            out.append(
                f'<path d="M{svg.num(x)} {svg.num(y)}h{svg.num(TICK_LENGTH)}" stroke="#000000" stroke-width="0.8"/>'
            )
            out.append(svg.text(x + TICK_LENGTH + 3, y + (ASCENT - DESCENT) / 2 * TICK_SIZE, name, TICK_SIZE))
        widest = max(text_width(n, TICK_SIZE) for n in names)
        x = left + BAR_WIDTH + TICK_LENGTH + 3 + widest + 4 + ASCENT * LABEL_SIZE
        out.append(svg.text(x, top + height / 2, self.scale_label, LABEL_SIZE, "middle", rotate=90))
        return "".join(out)


def _ring(points: np.ndarray) -> str:
    if len(points) < 3:
        return ""
    return svg.path_data([(float(x), float(y)) for x, y in points], closed=True)


def _label(x: float, y: float, label: str) -> str:
    """A name and value centred at (x, y), on a white, partly see-through box."""
    lines = label.split("\n")
    width = max(text_width(line, LABEL_FONT) for line in lines) + 2
    height = line_height(LABEL_FONT) * len(lines) + 1
    top = y - height / 2
    out = [svg.rect(x - width / 2, top, width, height, rx=1.5, fill="#ffffff", fill_opacity=0.7)]
    for i, line in enumerate(lines):
        out.append(
            svg.text(x, top + 0.5 + ASCENT * LABEL_FONT + i * line_height(LABEL_FONT), line, LABEL_FONT, "middle")
        )
    return "".join(out)
