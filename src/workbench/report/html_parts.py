"""Small builders of reviewer-safe HTML: every text is escaped, tables have header cells, figures alt text.

Nothing here writes script, event handlers or links to other servers. Numbers come in already written (see
:mod:`workbench.report.formatting`).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from workbench.contracts import DOWNLOAD_DIR
from workbench.report.charts.base import to_svg

if TYPE_CHECKING:
    from workbench.report.charts.base import Chart


def esc(value: object) -> str:
    """Escape any value for HTML text or attribute."""
    return html.escape("" if value is None else str(value), quote=True)


FOREIGN_WORDS = {"output": "en", "outcome": "en", "input": "en"}
"""Words of another language the pages use (policy terms; names such as the workbench need no mark), by language
(WCAG 3.1.2)."""
_FOREIGN = re.compile(r"\b(" + "|".join(FOREIGN_WORDS) + r")\b", re.IGNORECASE)


def text(value: object) -> str:
    """Escape a value for HTML text (never an attribute), marking words of another language with their ``lang``."""
    return _FOREIGN.sub(lambda m: f'<span lang="{FOREIGN_WORDS[m.group(1).lower()]}">{m.group(1)}</span>', esc(value))


def heading(level: int, text_: str, anchor: str | None = None) -> str:
    """An ``h1``–``h4`` heading."""
    ident = f' id="{esc(anchor)}"' if anchor else ""
    return f"<h{level}{ident}>{text(text_)}</h{level}>"


def para(value: str, css: str | None = None) -> str:
    """A paragraph of plain text."""
    cls = f' class="{esc(css)}"' if css else ""
    return f"<p{cls}>{text(value)}</p>"


def _class(css: str | None) -> str:
    return f' class="{esc(css)}"' if css else ""


def bullets(items: Iterable[str], css: str | None = None) -> str:
    """A list of plain-text items."""
    return f"<ul{_class(css)}>" + "".join(f"<li>{text(i)}</li>" for i in items) + "</ul>"


def definition_list(items: Iterable[tuple[str, str]], css: str | None = None) -> str:
    """Terms with their explanation."""
    return f"<dl{_class(css)}>" + "".join(f"<dt>{text(t)}</dt><dd>{text(d)}</dd>" for t, d in items) + "</dl>"


def banner(text: str) -> str:
    """A plain, prominent notice (e.g. that demonstration figures are used)."""
    return f'<div class="banner" role="note"><strong>Let op:</strong> {esc(text)}</div>'


def key_figures(items: Sequence[tuple[str, str, str]]) -> str:
    """Key figures as a definition grid: (label, value, note)."""
    cells = "".join(
        f'<div class="kf"><dt>{esc(label)}</dt><dd><span class="kf-value">{esc(value)}</span>'
        f'<span class="kf-note">{esc(note)}</span></dd></div>'
        for label, value, note in items
    )
    return f'<dl class="key-figures">{cells}</dl>'


@dataclass(frozen=True)
class ShownTable:
    """A table as a page shows it, kept for its downloads (see :mod:`workbench.report.downloads`).

    Attributes
    ----------
    name
        The file name without extension, unique in the page ('meldingen-2').
    caption
        The table's caption.
    frame
        The rows as the table shows them, before formatting (numbers, :class:`Bounded`, text, :class:`Link`).
    formats
        How each formatted column is written.
    compared
        Comparator columns the download adds to every row: name → (value, format).
    """

    name: str
    caption: str
    frame: pd.DataFrame
    formats: dict[str, Callable[[object], str]] = field(default_factory=dict)
    compared: dict[str, tuple[object, Callable[[object], str]]] = field(default_factory=dict)


@dataclass
class _Shown:
    prefix: str
    tables: list[ShownTable] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)


_SHOWN: ContextVar[_Shown | None] = ContextVar("shown_tables", default=None)


@contextmanager
def collecting(prefix: str) -> Iterator[list[ShownTable]]:
    """Keep every table built inside the block, named ``prefix-1``, ``prefix-2``…, each with its download link."""
    shown = _Shown(prefix)
    token = _SHOWN.set(shown)
    try:
        yield shown.tables
    finally:
        _SHOWN.reset(token)


def _keep(frame: pd.DataFrame, caption: str, formats: dict, compared: dict) -> tuple[str, str]:
    """Record a table for download while collecting: its name and its link (both '' when not collecting)."""
    shown = _SHOWN.get()
    if shown is None:
        return "", ""
    name = f"{shown.prefix}-{len(shown.tables) + 1}"
    shown.tables.append(ShownTable(name, caption, frame.copy(), dict(formats), dict(compared)))
    return name, (
        f'<p class="download"><a href="{esc(DOWNLOAD_DIR)}/{esc(name)}.csv" type="text/csv">'
        f"Download deze tabel (CSV, {esc(name)}.csv)</a></p>"
    )


def table(
    frame: pd.DataFrame,
    caption: str,
    formats: dict[str, Callable[[object], str]] | None = None,
    row_header: bool = True,
    numeric: Iterable[str] = (),
    css: str | None = None,
    compared: dict[str, tuple[object, Callable[[object], str]]] | None = None,
    download: bool = True,
) -> str:
    """A data table with a caption, column headers and (optionally) row headers.

    Parameters
    ----------
    frame
        The rows to show; column names become the headers.
    caption
        What the table shows (and its unit).
    formats
        Per column a function that writes a cell; other cells are written as text.
    row_header
        Whether the first column holds the row headers (``th scope="row"``).
    numeric
        Columns to right-align.
    css
        An extra class for the table.
    compared
        Comparator values (Nederland, the VT-region) the table's download adds as columns to every row.
    download
        Whether the table gets a download (False for a second view of a table that has one).

    Returns
    -------
    str
        The escaped HTML.
    """
    formats = formats or {}
    numeric = set(numeric) | set(formats)
    num_class = ' class="num"'
    head = "".join(f'<th scope="col"{num_class if c in numeric else ""}>{esc(c)}</th>' for c in frame.columns)
    body = []
    for row in frame.itertuples(index=False):
        cells = []
        for i, (col, value) in enumerate(zip(frame.columns, row, strict=True)):
            shown = formats[col](value) if col in formats else _plain_cell(value)
            tag = "th" if (row_header and i == 0) else "td"
            scope = ' scope="row"' if tag == "th" else ""
            cls = num_class if col in numeric else ""
            inner = shown.html() if isinstance(shown, Link) else text(shown)
            cells.append(f"<{tag}{scope}{cls}>{inner}</{tag}>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cls = f' class="{esc(css)}"' if css else ""
    name, link = _keep(frame, caption, formats, compared or {}) if download else ("", "")
    anchor = f"tabel-{name or _digest(caption, head)}"
    # the wrapper scrolls a wide table on a narrow screen: reachable by keyboard, named by the caption (WCAG 2.1.1)
    return (
        f'<div class="table-wrap" role="region" tabindex="0" aria-labelledby="{esc(anchor)}"><table{cls}>'
        f'<caption id="{esc(anchor)}">{text(caption)}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>{link}</div>"
    )


def _digest(*parts: str) -> str:
    """A short stable name for an element without a download name, unique among the tables being collected.

    The same table gives the same name; shown twice (the overview's orders), the second gets '-2', and so on.
    """
    name = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:12]
    shown = _SHOWN.get()
    if shown is None:
        return name
    unique, n = name, 1
    while unique in shown.anchors:
        n += 1
        unique = f"{name}-{n}"
    shown.anchors.add(unique)
    return unique


@dataclass(frozen=True)
class Link:
    """A table cell that links to another page of the same site (a relative path, never another server)."""

    text: str
    href: str

    def html(self) -> str:
        """The escaped anchor; an absolute or scheme URL is refused."""
        if "//" in self.href or ":" in self.href.split("/")[0]:
            raise ValueError(f"only relative links are allowed: {self.href!r}")
        return f'<a href="{esc(self.href)}">{esc(self.text)}</a>'


def _plain_cell(value: object) -> object:
    if isinstance(value, Link):
        return value
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return value


def figure(chart: Chart, caption: str) -> str:
    """Embed a chart as an SVG image with alt text and a caption, and under it the figures it draws, folded.

    The folded table is a table of the page like any other (with its download),
    so a screen reader and a reviewer read the same numbers; the alt text stays a summary.
    """
    fig = chart.figure
    image = to_svg(fig)
    width, height = (round(v * 96) for v in fig.get_size_inches())
    data = base64.b64encode(image).decode("ascii")
    numbers = table(chart.data, f"De cijfers in de figuur: {caption}", chart.formats)
    return (
        f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{esc(chart.alt)}" width="{width}" height="{height}">'
        f"<figcaption>{text(caption)}</figcaption></figure>"
        f'<details class="chart-data"><summary>Cijfers bij deze figuur</summary>{numbers}</details>'
    )


def extend_section(section_html: str, *parts: str) -> str:
    """Add already-built parts at the end of a :func:`section`."""
    closing = "</section>"
    if not section_html.endswith(closing):
        raise ValueError("not a section built by html_parts.section")
    return section_html[: -len(closing)] + "".join(parts) + closing


def section(anchor: str, title: str, *parts: str) -> str:
    """A report section with its ``h2`` heading."""
    return (
        f'<section id="{esc(anchor)}" aria-labelledby="{esc(anchor)}-h">'
        + f'<h2 id="{esc(anchor)}-h">{esc(title)}</h2>'
        + "".join(parts)
        + "</section>"
    )


_SECTION_HEAD = re.compile(r'<section id="([^"]+)"[^>]*><h2 id="[^"]+">(.*?)</h2>')


def contents(pages: Iterable[str]) -> list[tuple[str, str]]:
    """The (anchor, title) of every section in already-built HTML, in order."""
    return [(anchor, html.unescape(title)) for page in pages for anchor, title in _SECTION_HEAD.findall(page)]


def table_of_contents(entries: Sequence[tuple[str, str]], back: Link | None = None) -> str:
    """The page's table of contents (anchors to its sections) and, optionally, a link back to the overview."""
    items = "".join(f'<li><a href="#{esc(anchor)}">{esc(title)}</a></li>' for anchor, title in entries)
    back_html = f'<p class="back">{back.html()}</p>' if back else ""
    return f'<nav class="toc" aria-label="Inhoud">{back_html}<p class="toc-title">Inhoud</p><ul>{items}</ul></nav>'
