"""One cache of text sizes for every chart a process draws.

matplotlib measures a text (a tick label, a title, a legend entry) once per renderer, and it makes a new
renderer for every saved figure, twice with a layout engine. A batch draws hundreds of charts with the same
labels in the same fonts, so most of its measuring is done again and again: about a third of the time a report
spends drawing its charts (measured over four regions' charts; see the README's batch speed). The size of a text
depends only on the kind of renderer, the resolution, the text, its font properties and whether it is mathtext;
this module keeps one cache keyed on exactly those, shared by all renderers of the process.

matplotlib offers no public hook for it, so :func:`install` replaces its module-level measuring function, and only
when that function is there with the signature this module was written for; otherwise charts are drawn as before,
only slower. The drawn charts are the same either way (``tests/test_chart_text_sizes.py``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import matplotlib.text

MAX_ENTRIES = 100_000
"""Past this many sizes the cache starts again (a bound on memory; a batch needs far fewer)."""
_EXPECTED = ["renderer", "text", "fontprop", "ismath", "dpi"]
_sizes: dict[tuple, tuple[float, float, float]] = {}
MATPLOTLIB_MEASURE = getattr(matplotlib.text, "_get_text_metrics_with_cache", None)
"""matplotlib's own measuring function, as found at import."""


def measure(renderer, text: str, fontprop, ismath, dpi: float) -> tuple[float, float, float]:
    """Width, height and descent of ``text`` as ``renderer`` draws it, from the shared cache when known.

    The font properties enter the key by their hash, as matplotlib itself compares them (by value).
    """
    key = (type(renderer), dpi, text, hash(fontprop), ismath)
    size = _sizes.get(key)
    if size is None:
        if len(_sizes) >= MAX_ENTRIES:
            _sizes.clear()
        size = _sizes[key] = renderer.get_text_width_height_descent(text, fontprop, ismath)
    return size


def _compatible(function: Callable | None) -> bool:
    if function is None:
        return False
    try:
        return list(inspect.signature(function).parameters) == _EXPECTED
    except (TypeError, ValueError):
        return False


def install() -> bool:
    """Let matplotlib measure texts through :func:`measure`; ``False`` (and nothing changed) when it cannot."""
    current = getattr(matplotlib.text, "_get_text_metrics_with_cache", None)
    if current is measure:
        return True
    if not _compatible(current):
        return False
    matplotlib.text._get_text_metrics_with_cache = measure
    return True
