"""SVG elements for the charts: escaped text, paths, markers and fill patterns, written as strings.

Every coordinate is in points (1/72 inch) from the top left of the chart. Numbers are rounded to two decimals, so
the same chart always gives the same bytes.
"""

from __future__ import annotations

import math
from html import escape

from workbench.report.charts.fonts import FAMILY

MARKERS = ("o", "s", "^", "v", "D", "P", "X", "*")
"""The marker shapes a chart can use: circle, square, triangles up and down, diamond, plus, cross, star."""


def num(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def attrs(**values: object) -> str:
    """Attributes in the order given (``_`` in a name becomes ``-``); ``None`` leaves one out."""
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(num(v) if isinstance(v, float) else str(v))}"'
        for name, v in values.items()
        if v is not None
    )


def dash(style: str | tuple | None, width: float) -> str | None:
    """An SVG dash array for a matplotlib-style line style ('-', '--', ':', '-.', or (offset, (on, off, ...)))."""
    scale = max(width, 1.0)
    named = {"--": (3.7, 1.6), ":": (1.0, 1.65), "-.": (6.4, 1.6, 1.0, 1.6)}
    if style in (None, "-", "solid"):
        return None
    pattern = named.get(style) if isinstance(style, str) else style[1]
    return " ".join(num(v * scale) for v in pattern)


def path_data(points: list[tuple[float, float]], closed: bool = False) -> str:
    """The ``d`` of a path through ``points``."""
    head, *rest = points
    return f"M{num(head[0])} {num(head[1])}" + "".join(f"L{num(x)} {num(y)}" for x, y in rest) + ("Z" if closed else "")


def marker(shape: str, x: float, y: float, size: float, fill: str, edge: str, width: float = 1.0) -> str:
    """A marker of ``shape`` (see :data:`MARKERS`) of ``size`` points across, centred at (``x``, ``y``)."""
    r = size / 2
    style = attrs(fill=fill, stroke=edge, stroke_width=float(width))
    if shape == "o":
        return f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}"{style}/>'
    return f'<path d="{path_data([(x + dx * r, y + dy * r) for dx, dy in _SHAPES[shape]], True)}"{style}/>'


def _star() -> list[tuple[float, float]]:
    return [
        (
            math.sin(math.pi * k / 5) * (1 if k % 2 == 0 else 0.38),
            -math.cos(math.pi * k / 5) * (1 if k % 2 == 0 else 0.38),
        )
        for k in range(10)
    ]


_T, _C = 1 / 3, math.sqrt(0.5)
_PLUS = [(-_T, -1), (_T, -1), (_T, -_T), (1, -_T), (1, _T), (_T, _T), (_T, 1), (-_T, 1), (-_T, _T), (-1, _T)]
_PLUS += [(-1, -_T), (-_T, -_T)]
_SHAPES = {
    "s": [(-0.8, -0.8), (0.8, -0.8), (0.8, 0.8), (-0.8, 0.8)],
    "^": [(0, -1), (1, 0.8), (-1, 0.8)],
    "v": [(0, 1), (1, -0.8), (-1, -0.8)],
    "D": [(0, -1), (0.75, 0), (0, 1), (-0.75, 0)],
    "P": _PLUS,
    "X": [(x * _C - y * _C, x * _C + y * _C) for x, y in _PLUS],  # the plus turned by 45°
    "*": _star(),
}


def text(
    x: float,
    y: float,
    content: str,
    size: float,
    anchor: str = "start",
    colour: str = "#000000",
    bold: bool = False,
    rotate: float = 0.0,
) -> str:
    """A text whose baseline starts (or is centred, or ends: ``anchor``) at (``x``, ``y``); escaped, never markup."""
    turn = f' transform="rotate({num(rotate)} {num(x)} {num(y)})"' if rotate else ""
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}" text-anchor="{anchor}"'
        f"{attrs(fill=colour if colour != '#000000' else None)}{weight}{turn}>{escape(content, quote=False)}</text>"
    )


def rect(x: float, y: float, width: float, height: float, **style: object) -> str:
    """A rectangle with its top left at (``x``, ``y``); ``style`` as in :func:`attrs`."""
    return f'<rect x="{num(x)}" y="{num(y)}" width="{num(width)}" height="{num(height)}"{attrs(**style)}/>'


def clip(name: str, x: float, y: float, width: float, height: float) -> str:
    """A clip path ``name`` of one rectangle: what a chart draws stays inside its axes."""
    return f'<clipPath id="{name}">{rect(x, y, width, height)}</clipPath>'


def hatch_pattern(name: str, pattern: str, colour: str) -> str:
    r"""A fill pattern of lines for a matplotlib-style hatch ('/', '\\', 'x', '-', '|', '+', repeated for density)."""
    kinds = set(pattern)
    step = {1: 9.0, 2: 6.0}.get(len(pattern), 4.0)
    lines = []
    if kinds & {"/", "x"}:
        lines.append(
            f"M0 {num(step)}L{num(step)} 0M-1 1L1 -1M{num(step - 1)} {num(step + 1)}L{num(step + 1)} {num(step - 1)}"
        )
    if kinds & {"\\", "x"}:
        lines.append(
            f"M0 0L{num(step)} {num(step)}M-1 {num(step - 1)}L1 {num(step + 1)}M{num(step - 1)} -1L{num(step + 1)} 1"
        )
    if kinds & {"-", "+"}:
        lines.append(f"M0 {num(step / 2)}L{num(step)} {num(step / 2)}")
    if kinds & {"|", "+"}:
        lines.append(f"M{num(step / 2)} 0L{num(step / 2)} {num(step)}")
    return (
        f'<pattern id="{name}" patternUnits="userSpaceOnUse" width="{num(step)}" height="{num(step)}">'
        f'<path d="{"".join(lines)}" stroke="{colour}" stroke-width="1" fill="none"/></pattern>'
    )


class Patterns:
    """The fill patterns one chart uses, each defined once: :meth:`fill` gives the ``fill`` that paints it."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], str] = {}
        self._defs: list[str] = []

    def fill(self, hatch: str, colour: str) -> str:
        """``url(#…)`` of ``hatch`` drawn in ``colour`` (defined at its first use)."""
        key = (hatch, colour)
        if key not in self._ids:
            self._ids[key] = f"hatch{len(self._ids)}"
            self._defs.append(hatch_pattern(self._ids[key], hatch, colour))
        return f"url(#{self._ids[key]})"

    def defs(self) -> list[str]:
        """The pattern definitions, in order of first use."""
        return list(self._defs)


def document(width: float, height: float, defs: list[str], body: list[str]) -> bytes:
    """The SVG document: ``width`` × ``height`` points, white, text in the charts' font."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{num(width)}pt" height="{num(height)}pt" '
        f'viewBox="0 0 {num(width)} {num(height)}" font-family="{escape(FAMILY)}" '
        'stroke-linejoin="round" stroke-linecap="butt">'
        + (f"<defs>{''.join(defs)}</defs>" if defs else "")
        + f'<rect width="{num(width)}" height="{num(height)}" fill="#ffffff"/>'
        + "".join(body)
        + "</svg>"
    ).encode("utf-8")
