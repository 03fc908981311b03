"""Small builders of reviewer-safe HTML: every text is escaped, tables have header cells, figures alt text.

Nothing here writes script, event handlers or links to other servers. Numbers come in already written (see
:mod:`workbench.report.formatting`).
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure


def esc(value: object) -> str:
    """Escape any value for HTML text or attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def heading(level: int, text: str, anchor: str | None = None) -> str:
    """An ``h1``–``h4`` heading."""
    ident = f' id="{esc(anchor)}"' if anchor else ""
    return f"<h{level}{ident}>{esc(text)}</h{level}>"


def para(text: str, css: str | None = None) -> str:
    """A paragraph of plain text."""
    cls = f' class="{esc(css)}"' if css else ""
    return f"<p{cls}>{esc(text)}</p>"


def _class(css: str | None) -> str:
    return f' class="{esc(css)}"' if css else ""


def bullets(items: Iterable[str], css: str | None = None) -> str:
    """A list of plain-text items."""
    return f"<ul{_class(css)}>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


def definition_list(items: Iterable[tuple[str, str]], css: str | None = None) -> str:
    """Terms with their explanation."""
    return f"<dl{_class(css)}>" + "".join(f"<dt>{esc(t)}</dt><dd>{esc(d)}</dd>" for t, d in items) + "</dl>"


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


def table(
    frame: pd.DataFrame,
    caption: str,
    formats: dict[str, Callable[[object], str]] | None = None,
    row_header: bool = True,
    numeric: Iterable[str] = (),
    css: str | None = None,
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
            text = formats[col](value) if col in formats else _plain_cell(value)
            tag = "th" if (row_header and i == 0) else "td"
            scope = ' scope="row"' if tag == "th" else ""
            cls = num_class if col in numeric else ""
            inner = text.html() if isinstance(text, Link) else esc(text)
            cells.append(f"<{tag}{scope}{cls}>{inner}</{tag}>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cls = f' class="{esc(css)}"' if css else ""
    return (
        f'<div class="table-wrap"><table{cls}><caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


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


def figure(fig: Figure, alt: str, caption: str) -> str:
    """Embed a matplotlib figure as a PNG with alt text and a caption; the figure is cleared afterwards."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=96, metadata={"Software": None})
    width, height = (round(v * 96) for v in fig.get_size_inches())
    fig.clear()
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (
        f'<figure><img src="data:image/png;base64,{data}" alt="{esc(alt)}" width="{width}" height="{height}">'
        f"<figcaption>{esc(caption)}</figcaption></figure>"
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
