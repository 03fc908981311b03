"""The tables of a Veilig Thuis table split by its categories (see :mod:`workbench.stats.splits`), written."""

from __future__ import annotations

import pandas as pd

from workbench.disclosure.bounds import Bounded
from workbench.report import formatting as f
from workbench.report import html_parts as h

PART_OF = "waarvan "
"""How a category that is part of another (not of the total) starts its row."""


def pct(value: Bounded) -> str:
    """A share in percent with one decimal: '12,3%', 'ca. 12,3%', or '.' where unknown."""
    return f.fmt_bounded(value, lambda v: f.fmt_dec(v) + "%")


def _label(category: str, part_of: str) -> str:
    """A category's row header: 'waarvan overdracht aan ...' for a part of another category."""
    return PART_OF + category[0].lower() + category[1:] if part_of else category


def by_category(frame: pd.DataFrame, first: str, counted: str, caption: str) -> str:
    """The split of the region beside the other areas: ``first`` heads the categories, ``counted`` the counts."""
    others = [c for c in frame.columns if c not in ("categorie", "deel_van", "regio", "regio_aandeel")]
    shown = pd.DataFrame(
        {
            first: [_label(c, p) for c, p in zip(frame["categorie"], frame["deel_van"], strict=True)],
            f"{counted} regio": frame["regio"].map(lambda v: f.fmt_bounded(v)),
            "aandeel regio": frame["regio_aandeel"].map(pct),
            **{f"aandeel {c}": frame[c].map(pct) for c in others},
        }
    )
    return h.table(shown, caption, numeric=[c for c in shown.columns if c != first])


def per_gemeente(frame: pd.DataFrame, headers: dict[str, str], caption: str) -> str:
    """The table per gemeente under ``headers`` (column -> header): the first column a count, the others shares."""
    count, *shares = headers
    shown = pd.DataFrame(
        {
            "gemeente": frame["gemeente"],
            headers[count]: frame[count].map(lambda v: f.fmt_bounded(v)),
            **{headers[column]: frame[column].map(pct) for column in shares},
        }
    )
    return h.table(shown, caption, numeric=list(headers.values()))
