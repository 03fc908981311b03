"""What every section shares: a data object that computes once, renders on demand and shows in Jupyter.

Each section module has ``compute(...)``, which returns its :class:`Section` (tables as DataFrames, key numbers
and the data of its charts, no prose), and ``render(section)``, which writes its HTML (no arithmetic). In
JupyterLab a section shows as its HTML; ``section.tabellen`` gives the analyst every table behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from workbench.report import charts
from workbench.report import html_parts as h
from workbench.report.charts.base import Chart
from workbench.report.texts import COMMENTARY_HEADING, EXAMPLE


@dataclass(kw_only=True, repr=False)
class Section:
    """A section of a report: the tables behind it, the region's commentary, and how it renders.

    Attributes
    ----------
    tabellen
        Every table behind the section, by name (numbers, not text).
    commentaar
        The region's own commentary for this section ('' for none), shown at its end.
    """

    tabellen: dict[str, pd.DataFrame] = field(default_factory=dict)
    commentaar: str = ""
    _rendered: tuple[str, str, list[h.ShownTable]] | None = field(default=None, init=False, compare=False)

    def body(self) -> str:
        """The section's own HTML (its module's ``render``)."""
        raise NotImplementedError

    @property
    def slug(self) -> str:
        """The section's name in file names: 'de-regio' for :class:`DeRegio`."""
        return re.sub(r"(?<!^)(?=[A-Z])", "-", type(self).__name__).lower()

    def _render(self) -> tuple[str, list[h.ShownTable]]:
        """Render once (again only when the commentary changed): the HTML and the tables it shows."""
        if self._rendered is None or self._rendered[0] != self.commentaar:
            with h.collecting(self.slug) as shown:
                body = self.body()
                if self.commentaar:
                    box = (
                        f'<aside class="commentaar"><h3>{h.esc(COMMENTARY_HEADING)}</h3>'
                        f"{h.para(self.commentaar)}</aside>"
                    )
                    body = h.extend_section(body, box)
            self._rendered = (self.commentaar, body, list(shown))
        return self._rendered[1], self._rendered[2]

    def html(self) -> str:
        """The section's HTML with the region's commentary at its end."""
        return self._render()[0]

    def shown_tables(self) -> list[h.ShownTable]:
        """Every table the section shows (charts' figures included), in order, for the downloads."""
        return self._render()[1]

    def _repr_html_(self) -> str:
        return self.html()

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: tabellen {', '.join(self.tabellen) or '(geen)'}>"


def count_gemeenten(n: int) -> str:
    """'1 gemeente', '16 gemeenten'."""
    return f"{n} gemeente" if n == 1 else f"{n} gemeenten"


def name_list(names: list[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def data_figure(demonstration: bool, chart: Chart, caption: str) -> str:
    """A figure drawn from Veilig Thuis or budget figures: on demonstration data the image itself says so."""
    if demonstration:
        charts.mark_demonstration(chart.figure)
        chart.alt = f"{chart.alt} Demonstratiecijfers."
    return h.figure(chart, caption)


def missing(code: str, what: str) -> str:
    """What a chapter shows when the region has not given this part of its input (``what``), and how to add it."""
    return h.para(
        f"Voor dit hoofdstuk ontbreekt nog invoer van de regio: {what}. Een analist van de centrumgemeente vult "
        f"dit in in het bestand regios/{code}/regiovisie.yaml in de datamap; het commando "
        f"‘workbench init-region {code}’ maakt een sjabloon met uitleg. Daarna wordt het rapport opnieuw "
        "gebouwd.",
        "missing",
    )


def example_note(example: bool) -> str:
    """The note on a chapter filled from the shipped example input ('' for the region's own input)."""
    return h.para(EXAMPLE, "small") if example else ""
