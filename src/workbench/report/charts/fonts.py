"""How wide a text is in the charts' font, to lay a chart out before it is drawn.

The charts are written in DejaVu Sans (the font matplotlib ships, so it is on every machine the workbench runs
on); the reader's browser draws the text, with DejaVu Sans where it has it and a sans-serif of similar width
otherwise. Widths come from the font's own advance widths, one glyph at a time (kerning is a fraction of a point
and only makes texts narrower), and are cached per character.
"""

from __future__ import annotations

import functools
from pathlib import Path

FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, Arial, sans-serif"
"""The font the SVG asks for, and what it falls back on."""
_REFERENCE_SIZE = 100.0
_FALLBACK_EM = 0.6
"""Width of a character the font does not have, in ems."""
ASCENT, DESCENT = 0.76, 0.24
"""Height above and below the baseline, in ems (DejaVu Sans: 0.76 and 0.24 of the size)."""


@functools.cache
def _font(bold: bool):
    from matplotlib import ft2font, get_data_path

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    font = ft2font.FT2Font(str(Path(get_data_path()) / "fonts" / "ttf" / name))
    font.set_size(_REFERENCE_SIZE, 72)
    return font


@functools.cache
def _advance(char: str, bold: bool) -> float:
    """The advance width of ``char`` in ems."""
    from matplotlib import ft2font

    font = _font(bold)
    if not font.get_char_index(ord(char)):
        return _FALLBACK_EM
    glyph = font.load_char(ord(char), flags=ft2font.LoadFlags.NO_HINTING)
    return glyph.linearHoriAdvance / 65536 / _REFERENCE_SIZE


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of the widest line of ``text`` in points, at ``size`` points."""
    return max((sum(_advance(c, bold) for c in line) for line in text.split("\n")), default=0.0) * size


def line_height(size: float) -> float:
    """The distance between two lines of text at ``size`` points."""
    return 1.2 * size
