"""Read built pages as a reviewer's browser would: headings and the cells of every table."""

from __future__ import annotations

from html.parser import HTMLParser


class Tables(HTMLParser):
    """Collect the h1/h2 headings and, per table, its rows as lists of cell texts."""

    def __init__(self, html: str = ""):
        super().__init__(convert_charrefs=True)
        self.headings, self.tables, self._tag, self._cell, self._text = [], [], None, None, ""
        if html:
            self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2"):
            self._tag, self._text = tag, ""
        elif tag == "table":
            self.tables.append([])
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

    def handle_data(self, data):
        if self._tag:
            self._text += data
        if self._cell is not None:
            self._cell += data

    def table_starting(self, *columns: str) -> list[list[str]]:
        """The first table whose header row starts with these columns."""
        return next(t for t in self.tables if t and t[0][: len(columns)] == list(columns))
