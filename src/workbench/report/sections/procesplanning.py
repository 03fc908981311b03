"""Procesplanning: the milestones, counting back from the deadline (from the region's input file)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.io.inputs import RegionData
from workbench.report import chapters, charts
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, example_note, missing
from workbench.report.texts import MISSING
from workbench.stats import planning


@dataclass(kw_only=True, repr=False)
class Procesplanning(Section):
    """The milestones (table ``mijlpalen``; absent without input) against the deadline and the status date."""

    code: str
    naam: str
    voorbeeld: bool
    deadline: dt.date | None = None
    stand_per: dt.date | None = None
    op_tijd: int = 0
    te_laat: int = 0

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, invoer: dict | None) -> Procesplanning:
    """The process planning of ``data``'s region; ``invoer`` is its input file (``None``: none yet)."""
    plan = (invoer or {}).get("planning")
    section = Procesplanning(code=data.code, naam=data.naam, voorbeeld=bool((invoer or {}).get("voorbeeld")))
    if plan and plan.get("mijlpalen"):
        frame = planning.count_back(plan["mijlpalen"], plan["deadline"], plan["stand_per"])
        section.deadline, section.stand_per = plan["deadline"], plan["stand_per"]
        section.op_tijd = int((frame["status"] == planning.DONE).sum())
        section.te_laat = int(frame["status"].isin([planning.LATE, planning.DONE_LATE, planning.AFTER_DEADLINE]).sum())
        section.tabellen = {"mijlpalen": frame}
    return section


def render(s: Procesplanning) -> str:
    """The status text, the timeline and the table of milestones, or what is missing."""
    frame = s.tabellen.get("mijlpalen")
    if frame is None:
        return h.section("planning", chapters.title("procesplanning"), missing(s.code, MISSING["planning"]))
    chart = charts.timeline(frame, s.deadline, s.stand_per, s.naam)
    text = (
        f"De regiovisie moet op {s.deadline:%d-%m-%Y} in werking zijn. Stand van zaken op "
        f"{s.stand_per:%d-%m-%Y}: {len(frame)} mijlpalen, waarvan {s.op_tijd} op tijd gereed en {s.te_laat} te laat."
    )
    shown = frame.assign(
        datum=frame["datum"].map(f.fmt_date),
        gereed=frame["gereed"].map(f.fmt_date),
    )
    shown = shown[["naam", "datum", "weken_voor_deadline", "gereed", "status"]].rename(
        columns={"naam": "mijlpaal", "weken_voor_deadline": "weken voor de deadline"}
    )
    return h.section(
        "planning",
        chapters.title("procesplanning"),
        example_note(s.voorbeeld),
        h.para(text),
        h.figure(chart, "Tijdlijn van de mijlpalen, terugtellend vanaf de deadline."),
        h.table(
            shown,
            "Mijlpalen, met het aantal weken voor de deadline en de status.",
            {"weken voor de deadline": f.INT},
        ),
    )
