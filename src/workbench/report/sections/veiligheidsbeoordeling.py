"""Veiligheidsbeoordeling: how Veilig Thuis assessed the safety of the region's meldingen, and what followed.

From CBS 84852NED (read at the total of its taxatie dimension): per outcome the region's count and share beside
its VT-region(s) and Nederland, and per gemeente the share assessed and the share handed over, where disclosure
allows ('.' where a cell is secret). CBS does not split the assessment by melder; the police share of the
meldingen (84849NED) stands beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.disclosure.bounds import Bounded
from workbench.io.inputs import RegionData
from workbench.io.statline import VT_BEOORDELING
from workbench.report import chapters, split_tables
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section
from workbench.report.texts import ASSESSMENT_NOTE, vt_source
from workbench.stats import kengetallen, splits
from workbench.stats.vt_figures import MELDINGEN


@dataclass(kw_only=True, repr=False)
class Veiligheidsbeoordeling(Section):
    """The outcome of the safety assessment.

    Tables ``uitkomst`` (see :func:`workbench.stats.splits.by_category`) and ``per_gemeente`` (``gemeente``,
    ``meldingen``, ``beoordeeld``, ``overdracht``: :class:`Bounded`, shares in percent).
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


def compute(data: RegionData, counts: kengetallen.AreaCounts) -> Veiligheidsbeoordeling:
    """The safety assessment of ``data``'s meldingen in the reporting year; ``counts`` the region's counts."""
    period = f"{data.periode}JJ00"
    others = splits.comparison_areas(data.composition, data.vt_codes)
    outcome = splits.by_category(data.beoordeling, VT_BEOORDELING, MELDINGEN, period, data.member_codes, others)
    shares = {"beoordeeld": kengetallen.NOT_ASSESSED, "overdracht": kengetallen.HANDED_OVER}
    per_gemeente = splits.per_gemeente(data.beoordeling, MELDINGEN, period, data.members, shares)
    per_gemeente["beoordeeld"] = per_gemeente["beoordeeld"].map(kengetallen.complement)
    return Veiligheidsbeoordeling(
        naam=data.naam,
        jaar=data.periode,
        demonstratie=data.demonstratie_tabel(VT_BEOORDELING.table_id),
        politie=kengetallen.value(counts, "aandeel_politie", data.periode)[0],
        beoordeeld=kengetallen.value(counts, "aandeel_beoordeeld", data.periode)[0],
        overdracht=kengetallen.value(counts, "aandeel_overdracht", data.periode)[0],
        tabellen={"uitkomst": outcome, "per_gemeente": per_gemeente.rename(columns={"totaal": "meldingen"})},
    )


def render(s: Veiligheidsbeoordeling) -> str:
    """The assessment in a sentence, the outcome table and the table per gemeente."""
    source = vt_source(s.demonstratie, VT_BEOORDELING.table_id)
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
        split_tables.by_category(
            s.tabellen["uitkomst"],
            "uitkomst",
            "meldingen",
            f"Uitkomst van de veiligheidsbeoordeling van de meldingen in {s.jaar}, regio {s.naam} naast de "
            f"VT-regio en Nederland. {source}.",
        ),
        split_tables.per_gemeente(
            s.tabellen["per_gemeente"],
            {"meldingen": "meldingen", "beoordeeld": "beoordeeld", "overdracht": "overgedragen"},
            f"Per gemeente: meldingen in {s.jaar}, het aandeel beoordeeld en het aandeel overgedragen ('.' waar een "
            f"cijfer geheim is). {source}.",
        ),
        h.para(ASSESSMENT_NOTE, "small"),
    )
