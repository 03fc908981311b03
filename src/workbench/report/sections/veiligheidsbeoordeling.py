"""Veiligheidsbeoordeling: how Veilig Thuis assessed the safety of the region's meldingen, and what followed.

From CBS 84852NED (read at the total of its taxatie dimension): per outcome the region's count and share beside
its VT-region(s) and Nederland, and per gemeente the share assessed and the share handed over, where disclosure
allows ('.' where a cell is secret). CBS does not split the assessment by melder; the police share of the
meldingen (84849NED) stands beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.disclosure.bounds import Bounded
from workbench.io.inputs import RegionData
from workbench.io.statline import NATIONAL_REGION, VT_BEOORDELING
from workbench.report import chapters
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section
from workbench.report.texts import ASSESSMENT_NOTE, vt_source
from workbench.stats import kengetallen, vt_figures


@dataclass(kw_only=True, repr=False)
class Veiligheidsbeoordeling(Section):
    """The outcome of the safety assessment.

    Tables ``uitkomst`` (``uitkomst``, ``regio`` and ``regio_aandeel``, then per VT-region and Nederland its share:
    :class:`Bounded`) and ``per_gemeente`` (``gemeente``, ``meldingen``, ``beoordeeld``, ``overdracht``:
    :class:`Bounded`, shares in percent).
    """

    naam: str
    jaar: int
    demonstratie: bool
    politie: Bounded
    """The police share of the region's meldingen (percent), for context."""
    beoordeeld: Bounded
    overdracht: Bounded

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def _count(data: RegionData, period: str, category: str, areas: list[str]) -> Bounded:
    return vt_figures.region_count(data.beoordeling, period, category, vt_figures.MELDINGEN, areas)


def _share(part: Bounded, whole: Bounded) -> Bounded:
    return part.share_of(whole).scaled(100)


def compute(data: RegionData, counts: kengetallen.AreaCounts) -> Veiligheidsbeoordeling:
    """The safety assessment of ``data``'s meldingen in the reporting year; ``counts`` the region's counts."""
    period = f"{data.periode}JJ00"
    vt_names = data.composition.drop_duplicates("vt_code").set_index("vt_code")["vt_naam"]
    others = {**{f"VT-regio {vt_names[v]}": [v] for v in data.vt_codes}, "Nederland": [NATIONAL_REGION]}
    total = _count(data, period, "T001", data.member_codes)
    totals = {name: _count(data, period, "T001", areas) for name, areas in others.items()}
    rows = []
    for category in VT_BEOORDELING.categories[1:]:
        own = _count(data, period, category.code, data.member_codes)
        row = {"uitkomst": category.label, "regio": own, "regio_aandeel": _share(own, total)}
        for name, areas in others.items():
            row[name] = _share(_count(data, period, category.code, areas), totals[name])
        rows.append(row)
    per_gemeente = []
    for code, name in zip(data.members["gemeentecode"], data.members["gemeentenaam"], strict=True):
        whole = _count(data, period, "T001", [code])
        per_gemeente.append(
            {
                "gemeente": name,
                "meldingen": whole,
                "beoordeeld": kengetallen.complement(
                    _share(_count(data, period, kengetallen.NOT_ASSESSED, [code]), whole)
                ),
                "overdracht": _share(_count(data, period, kengetallen.HANDED_OVER, [code]), whole),
            }
        )
    return Veiligheidsbeoordeling(
        naam=data.naam,
        jaar=data.periode,
        demonstratie=data.beoordeling_demonstratie,
        politie=kengetallen.value(counts, "aandeel_politie", data.periode)[0],
        beoordeeld=kengetallen.value(counts, "aandeel_beoordeeld", data.periode)[0],
        overdracht=kengetallen.value(counts, "aandeel_overdracht", data.periode)[0],
        tabellen={"uitkomst": pd.DataFrame(rows), "per_gemeente": pd.DataFrame(per_gemeente)},
    )


def _pct(value: Bounded) -> str:
    return f.fmt_bounded(value, f.fmt_dec) + ("" if value.kind == "onbekend" else "%")


def render(s: Veiligheidsbeoordeling) -> str:
    """The assessment in a sentence, the outcome table and the table per gemeente."""
    source = vt_source(s.demonstratie, VT_BEOORDELING.table_id)
    outcome = s.tabellen["uitkomst"]
    others = [c for c in outcome.columns if c not in ("uitkomst", "regio", "regio_aandeel")]
    shown = pd.DataFrame(
        {
            "uitkomst": outcome["uitkomst"],
            "meldingen regio": outcome["regio"].map(lambda v: f.fmt_bounded(v)),
            "aandeel regio": outcome["regio_aandeel"].map(_pct),
            **{f"aandeel {c}": outcome[c].map(_pct) for c in others},
        }
    )
    g = s.tabellen["per_gemeente"]
    gemeenten = pd.DataFrame(
        {
            "gemeente": g["gemeente"],
            "meldingen": g["meldingen"].map(lambda v: f.fmt_bounded(v)),
            "beoordeeld": g["beoordeeld"].map(_pct),
            "overgedragen": g["overdracht"].map(_pct),
        }
    )
    said = (
        f"In {s.jaar} beoordeelde Veilig Thuis de veiligheid bij {f.say_bounded(s.beoordeeld, f.fmt_dec)}% van de "
        f"meldingen uit de regio {s.naam}; {f.say_bounded(s.overdracht, f.fmt_dec)}% werd daarna overgedragen. "
        f"Van alle meldingen kwam {f.say_bounded(s.politie, f.fmt_dec)}% van politie en justitie; CBS splitst de "
        "beoordeling niet naar melder."
    )
    return h.section(
        "veiligheidsbeoordeling",
        chapters.title("veiligheidsbeoordeling"),
        h.para(said),
        h.table(
            shown,
            f"Uitkomst van de veiligheidsbeoordeling van de meldingen in {s.jaar}, regio {s.naam} naast de "
            f"VT-regio en Nederland. {source}.",
            numeric=[c for c in shown.columns if c != "uitkomst"],
        ),
        h.table(
            gemeenten,
            f"Per gemeente: meldingen in {s.jaar}, het aandeel beoordeeld en het aandeel overgedragen ('.' waar een "
            f"cijfer geheim is). {source}.",
            numeric=["meldingen", "beoordeeld", "overgedragen"],
        ),
        h.para(ASSESSMENT_NOTE, "small"),
    )
