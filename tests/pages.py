"""Read built pages as a reviewer's browser would: headings, tables with their captions, and figures."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class Tables(HTMLParser):
    """Collect the h1/h2 headings and, per table, its rows as lists of cell texts."""

    def __init__(self, html: str = ""):
        super().__init__(convert_charrefs=True)
        self.headings, self.tables, self._tag, self._cell, self._text = [], [], None, None, ""
        self.captions: list[str] = []
        self._caption: str | None = None
        if html:
            self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2"):
            self._tag, self._text = tag, ""
        elif tag == "table":
            self.tables.append([])
            self.captions.append("")
        elif tag == "caption":
            self._caption = ""
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("h1", "h2") and self._tag == tag:
            self.headings.append((tag, self._text))
            self._tag = None
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(self._cell)
            self._cell = None
        if tag == "caption" and self._caption is not None:
            self.captions[-1] = self._caption
            self._caption = None

    def handle_data(self, data):
        if self._tag:
            self._text += data
        if self._cell is not None:
            self._cell += data
        if self._caption is not None:
            self._caption += data

    def table_starting(self, *columns: str) -> list[list[str]]:
        """The first table whose header row starts with these columns."""
        return next(t for t in self.tables if t and t[0][: len(columns)] == list(columns))

    def by_caption(self, words: str) -> Table:
        """The first table whose caption starts with ``words``."""
        i = next(i for i, c in enumerate(self.captions) if c.startswith(words))
        return Table(self.captions[i], self.tables[i])


class Table:
    """One table of a page: its caption and rows (the first is the header row)."""

    def __init__(self, caption: str, rows: list[list[str]]):
        self.caption, self.rows = caption, rows

    def cell(self, row: str, column: str) -> str:
        """The text of the cell in the row headed ``row`` and the column headed ``column``."""
        j = self.rows[0].index(column)
        return next(r[j] for r in self.rows[1:] if r[0] == row)


class Figures(HTMLParser):
    """Every figure of a page: its image source, its alt text and its caption."""

    def __init__(self, html: str = ""):
        super().__init__(convert_charrefs=True)
        self.figures: list[dict[str, str]] = []
        self._caption: str | None = None
        if html:
            self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "img":
            self.figures.append({"src": a.get("src") or "", "alt": a.get("alt") or "", "caption": ""})
        elif tag == "figcaption":
            self._caption = ""

    def handle_endtag(self, tag):
        if tag == "figcaption" and self._caption is not None:
            self.figures[-1]["caption"] = self._caption
            self._caption = None

    def handle_data(self, data):
        if self._caption is not None:
            self._caption += data

    def alt_starting(self, words: str) -> str:
        """The alt text of the first figure whose alt text starts with these words."""
        return next(f["alt"] for f in self.figures if f["alt"].startswith(words))


class Text(HTMLParser):
    """All text a reader or a screen reader meets: the text nodes and the alt texts."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.parts += [v for k, v in attrs if k == "alt" and v]

    def handle_data(self, data):
        self.parts.append(data)


COUNT = r"(?<![\d,.])(?:≥\s)?(\d{1,3}(?:\.\d{3})*)(?![\d,%])"


def counts_said(html: str) -> list[str]:
    """Every count of meldingen or adviezen a page says in its text or alt texts ('45 meldingen', 'van 10 naar 15')."""
    text = " ".join(Text(html).parts)
    counts = re.findall(COUNT + r"\s(?:meldingen|adviezen)\b", text)
    counts += re.findall(r"\bmeldingen " + COUNT, text)
    counts += [n for pair in re.findall(r"\bvan " + COUNT + r" naar " + COUNT, text) for n in pair]
    return counts
