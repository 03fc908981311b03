"""Besluitvorming: where the regiovisie is discussed and adopted, and each gemeenteraad's decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from workbench.io.inputs import RegionData
from workbench.report import chapters
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, example_note, missing
from workbench.report.texts import ADOPTION_LEVEL, MISSING
from workbench.stats import planning


@dataclass(kw_only=True, repr=False)
class Besluitvorming(Section):
    """The decision process and each council's decision; tables absent without input.

    Tables ``afspraken`` (``onderdeel``, ``afspraak``) and ``raden`` (``gemeente``, ``gepland``, ``besloten``,
    ``status``).
    """

    code: str
    naam: str
    voorbeeld: bool
    stand_per: dt.date | None = None
    telling: dict[str, int] = field(default_factory=dict)
    """How many councils have each status."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, invoer: dict | None) -> Besluitvorming:
    """The decision process of ``data``'s region; ``invoer`` is its input file (``None``: none yet)."""
    given = (invoer or {}).get("besluitvorming")
    section = Besluitvorming(code=data.code, naam=data.naam, voorbeeld=bool((invoer or {}).get("voorbeeld")))
    if not given:
        return section
    plan = (invoer or {}).get("planning") or {}
    labels = {
        "tafel": "Besproken aan",
        "vaststelling": "Vastgesteld door",
        "trekker": "Bestuurlijk trekker",
        "schrijvers": "Schrijvers",
        "uitvoeringsprogramma": "Doorkijk naar het uitvoeringsprogramma",
    }
    agreed = [
        {
            "onderdeel": label,
            "afspraak": ADOPTION_LEVEL.get(given[key], given[key]) if key == "vaststelling" else given[key],
        }
        for key, label in labels.items()
        if given.get(key)
    ]
    tables = {"afspraken": pd.DataFrame(agreed, columns=["onderdeel", "afspraak"])}
    if given.get("raden"):
        as_of = given.get("stand_per") or plan["stand_per"]
        deadline = plan.get("deadline") or dt.date.max
        members = dict(zip(data.members["gemeentecode"], data.members["gemeentenaam"], strict=True))
        ordered = {c: members[c] for c in data.member_codes}
        councils = planning.council_decisions(ordered, given["raden"], as_of, deadline)
        tables["raden"] = councils
        section.stand_per = as_of
        section.telling = councils["status"].value_counts().to_dict()
    section.tabellen = tables
    return section


def render(s: Besluitvorming) -> str:
    """The agreements on the process and the table of council decisions, or what is missing."""
    if "afspraken" not in s.tabellen:
        return h.section("besluitvorming", chapters.title("besluitvorming"), missing(s.code, MISSING["besluitvorming"]))
    parts = [
        example_note(s.voorbeeld),
        h.table(s.tabellen["afspraken"], f"Afspraken over de besluitvorming over de regiovisie {s.naam}."),
    ]
    councils = s.tabellen.get("raden")
    if councils is None:
        parts.append(missing(s.code, MISSING["raden"]))
    else:
        late = sum(n for status, n in s.telling.items() if status in planning.LATE_STATUSES)
        done = sum(n for status, n in s.telling.items() if status in (planning.DONE, planning.DONE_LATE))
        parts += [
            h.para(
                f"Stand op {s.stand_per:%d-%m-%Y}: van de {len(councils)} gemeenteraden hebben er {done} besloten; "
                f"{late} {'is' if late == 1 else 'zijn'} te laat of gepland na de deadline, "
                f"{s.telling.get(planning.NOT_PLANNED, 0)} nog niet gepland."
            ),
            h.table(
                councils.assign(
                    gepland=councils["gepland"].map(f.fmt_date), besloten=councils["besloten"].map(f.fmt_date)
                ),
                "Het besluit van elke gemeenteraad: gepland, genomen en de status (beoordeeld zoals de mijlpalen van "
                "de procesplanning).",
            ),
        ]
    return h.section("besluitvorming", chapters.title("besluitvorming"), *parts)
