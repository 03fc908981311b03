"""Small builders of reviewer-safe HTML: every text is escaped, tables have header cells, figures alt text.

Nothing here writes script, event handlers or links to other servers. Numbers are written the Dutch way
(1.234,5).
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from workbench.disclosure.bounds import APPROXIMATE, LOWER_BOUND, UNKNOWN, Bounded
from workbench.disclosure.rule import SECRET_TEXT


def esc(value: object) -> str:
    """Escape any value for HTML text or attribute."""
    return html.escape("" if value is None else str(value), quote=True)


MINUS = "\u2212"
"""The minus sign of Dutch typography (−), also read aloud as 'min'."""


def fmt_int(value: object) -> str:
    """Whole number with a thousands dot; ``.`` where missing (secret); a :class:`Bounded` with its mark."""
    if isinstance(value, Bounded):
        return fmt_bounded(value, fmt_int)
    if value is None or pd.isna(value):
        return SECRET_TEXT
    return f"{round(float(value)):,}".replace(",", ".").replace("-", MINUS)


def fmt_dec(value: object, digits: int = 1) -> str:
    """Decimal number with a decimal comma; ``.`` where missing; a :class:`Bounded` with its mark."""
    if isinstance(value, Bounded):
        return fmt_bounded(value, lambda v: fmt_dec(v, digits))
    if value is None or pd.isna(value):
        return SECRET_TEXT
    text = f"{float(value):,.{digits}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".").replace("-", MINUS)


def fmt_pct(value: object, digits: int = 0) -> str:
    """A share (0–1) as a percentage with a decimal comma; a :class:`Bounded` with its mark."""
    if isinstance(value, Bounded):
        return fmt_bounded(value, lambda v: fmt_pct(v, digits))
    if value is None or pd.isna(value):
        return SECRET_TEXT
    return fmt_dec(float(value) * 100, digits) + "%"


def fmt_range(low_end: Bounded, high_end: Bounded, fmt: Callable[[object], str] = fmt_pct) -> str:
    """A range of two figures from the same count ('51%–72%'), marked once as a whole ('≥ 51%–72%')."""
    if not low_end.known:
        return SECRET_TEXT
    low, high = fmt(low_end.value), fmt(high_end.value)
    text = low if low == high else f"{low}–{high}"
    return {LOWER_BOUND: LOWER_MARK, APPROXIMATE: APPROX_MARK}.get(low_end.kind, "") + text


def fmt_euro(value: object) -> str:
    """Euros, whole, with a thousands dot."""
    return "€\u00a0" + fmt_int(value)


LOWER_MARK = "≥\u00a0"
APPROX_MARK = "ca.\u00a0"


def fmt_bounded(value: Bounded, fmt: Callable[[object], str] = fmt_int) -> str:
    """Write a figure for a table: ``.`` unknown, ``≥ 45`` lower bound, ``ca. 34%`` approximation, else the number."""
    if value.kind == UNKNOWN:
        return SECRET_TEXT
    mark = {LOWER_BOUND: LOWER_MARK, APPROXIMATE: APPROX_MARK}.get(value.kind, "")
    return mark + fmt(value.value)


def say_bounded(value: Bounded, fmt: Callable[[object], str] = fmt_int) -> str:
    """A figure in a sentence: 'ten minste 45', 'ongeveer 34%', 'een onbekend aantal (geheim)', or the number."""
    if value.kind == UNKNOWN:
        return "een onbekend aantal (alle gemeentecijfers geheim)"
    prefix = {LOWER_BOUND: "ten minste ", APPROXIMATE: "ongeveer "}.get(value.kind, "")
    return prefix + fmt(value.value)


def secret_note(value: Bounded) -> str:
    """Why a figure is marked: '2 van 16 gemeenten geheim' for a count or rate, the basis of a share; else ''."""
    if not value.secret:
        return ""
    if value.kind == APPROXIMATE:
        return "benadering: berekend uit sommen met geheime gemeentecijfers"
    return f"{value.secret} van {value.cells} gemeenten geheim"


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
