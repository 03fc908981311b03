"""The key figures of a published regio-analyse, kept so that a later analysis can say what changed since.

A region's analysis of next year compares its figures with this year's (see :mod:`workbench.stats.veranderd`).
Both years are computed again from the same inputs, on today's composition; so a reader comparing two published
analyses would find last year's figures changed where the composition changed or CBS revised its figures. To say
so, the run writes its key figures beside its downloads (:data:`RUN_FILE`), and the builder, once the page is
published, keeps them in the private build folder as ``analyses/CODE-YEAR.json``: the region's gemeenten as the
blocks of the 2020 indeling (which never change, so compositions of different years compare), and each figure of
the reporting year with its kind (exact, lower bound, approximation, unknown).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from workbench.contracts import KEPT_FIGURES_FILE, kept_figures
from workbench.disclosure.bounds import Bounded
from workbench.files import write_atomic

RUN_FILE = KEPT_FIGURES_FILE
"""The file a region's run writes beside its downloads folder."""


@dataclass(frozen=True)
class Kerncijfers:
    """The key figures of one published analysis."""

    regio: str
    periode: int
    gemeenten: dict[str, str]
    """Block of the 2020 indeling -> the name of the reporting year's gemeente it lay in."""
    cijfers: dict[str, tuple[Bounded, Bounded]]
    """Figure key -> (low end, high end) in the reporting year (see :func:`workbench.stats.veranderd.figures`)."""


def _end(value: Bounded) -> list:
    return [value.value, value.kind]


def to_json(k: Kerncijfers) -> str:
    """The figures as JSON (values with their kind)."""
    data = {
        "regio": k.regio,
        "periode": k.periode,
        "gemeenten": dict(sorted(k.gemeenten.items())),
        "cijfers": {key: [_end(low), _end(high)] for key, (low, high) in k.cijfers.items()},
    }
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def from_json(text: str) -> Kerncijfers:
    """Read :func:`to_json`'s output back."""
    data = json.loads(text)
    return Kerncijfers(
        regio=str(data["regio"]),
        periode=int(data["periode"]),
        gemeenten={str(b): str(n) for b, n in data["gemeenten"].items()},
        cijfers={
            key: (Bounded.of_kind(low[0], low[1]), Bounded.of_kind(high[0], high[1]))
            for key, (low, high) in data["cijfers"].items()
        },
    )


def keep(run_file: Path, build: Path) -> Path | None:
    """Keep a published run's figures (``run_file``, see :data:`RUN_FILE`) in the archive; ``None`` without them."""
    if not run_file.is_file():
        return None
    text = run_file.read_text(encoding="utf-8")
    k = from_json(text)
    target = kept_figures(build, k.regio, k.periode)
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(target, text)


def previous(build: Path, regio: str, periode: int) -> Kerncijfers | None:
    """The kept figures of the region's analysis of ``periode``; ``None`` when none was kept or it cannot be read."""
    path = kept_figures(build, regio, periode)
    try:
        return from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def write(path: Path, k: Kerncijfers) -> Path:
    """Write the figures (atomically)."""
    return write_atomic(path, to_json(k))
