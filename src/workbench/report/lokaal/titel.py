"""The head of a lokale analyse: which gemeente, which region, how fresh the data are, the contents."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.contracts import REPORT_FILE
from workbench.report import html_parts as h
from workbench.report.sections.base import Section
from workbench.report.sections.titel import Titel, data_lines
from workbench.report.texts import LOCAL_INTRO


@dataclass(kw_only=True, repr=False)
class LokaalTitel(Section):
    """The head of a gemeente's page; ``regio`` is the head of its region's report (data date, demonstration)."""

    code: str
    naam: str
    regio: Titel
    inhoud: list[tuple[str, str]]

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def render(t: LokaalTitel) -> str:
    """The heading, the lead, the data date, the banner on demonstration data, and the contents."""
    r = t.regio
    parts = [
        h.heading(1, f"Lokale analyse huiselijk geweld en kindermishandeling: gemeente {t.naam}"),
        h.para(
            f"{t.naam} ({t.code}) hoort bij de regio {r.naam} (centrumgemeente {r.naam}, {r.code}). Verslagjaar "
            f"{r.periode}.",
            "lead",
        ),
        h.para(LOCAL_INTRO),
        *data_lines(r),
    ]
    back = h.Link(f"← Regio-analyse {r.naam}", f"../../{REPORT_FILE}")
    parts.append(h.table_of_contents(t.inhoud, back))
    return "".join(parts)
