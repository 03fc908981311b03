"""Na de melding: the gemeente's safety assessment and what followed, beside its region and Nederland.

Read from the region's chapters (84852NED and 84854NED): the gemeente's row of their tables per gemeente, the
region's and Nederland's shares of their splits. A secret gemeente cell is '.'; the region and Nederland stand
beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.disclosure.bounds import Bounded
from workbench.io.statline import VT_BEOORDELING, VT_VERVOLG
from workbench.report import html_parts as h
from workbench.report import split_tables
from workbench.report.sections.base import Section
from workbench.report.sections.veiligheidsbeoordeling import Veiligheidsbeoordeling
from workbench.report.sections.vervolg import OTHER_PARTY, WIJKTEAM, Vervolg
from workbench.report.texts import INVENTED_PROPORTIONS, vt_source
from workbench.stats.kengetallen import HANDED_OVER, LOCAL_FIELD, NOT_ASSESSED, complement
from workbench.stats.splits import share

ANCHOR = "na-de-melding"
TITLE = "Na de melding: veiligheidsbeoordeling en vervolg"
_ASSESSED, _FOLLOWED = VT_BEOORDELING.labels, VT_VERVOLG.labels
ROWS = (
    # (figure, chapter, its column per gemeente, the category of its split, whether the figure is the rest of it)
    ("beoordeeld op veiligheid", "beoordeling", "beoordeeld", _ASSESSED[NOT_ASSESSED], True),
    ("overgedragen na de beoordeling", "beoordeling", "overdracht", _ASSESSED[HANDED_OVER], False),
    ("afgesloten: naar het lokale veld", "vervolg", "lokaal_veld", _FOLLOWED[LOCAL_FIELD], False),
    ("waarvan naar een wijkteam of sociaal team", "vervolg", "wijkteam", _FOLLOWED[WIJKTEAM], False),
    ("afgesloten: naar een andere partij", "vervolg", "andere_partij", _FOLLOWED[OTHER_PARTY], False),
)


@dataclass(kw_only=True, repr=False)
class NaDeMelding(Section):
    """The gemeente's shares (percent) beside its region and Nederland.

    Table ``aandelen``: ``aandeel``, the gemeente's name, ``regio NAAM``, ``Nederland`` (:class:`Bounded`).
    """

    naam: str
    regio: str
    periode: int
    demonstratie: bool
    verzonnen: bool
    """Whether the proportions of what followed (84854NED) are invented demonstration figures."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(name: str, beoordeling: Veiligheidsbeoordeling, vervolg: Vervolg) -> NaDeMelding:
    """The gemeente ``name``'s row of the region's two chapters, beside the region's and Nederland's shares."""
    chapters = {"beoordeling": beoordeling, "vervolg": vervolg}
    tables = {"beoordeling": beoordeling.tabellen["uitkomst"], "vervolg": vervolg.tabellen["vervolg"]}
    rows = []
    for figure, chapter, column, label, rest in ROWS:
        per = chapters[chapter].tabellen["per_gemeente"].set_index("gemeente")
        own = per.at[name, column] if name in per.index else Bounded.unknown()
        region, nederland = (share(tables[chapter], label, c) for c in ("regio_aandeel", "Nederland"))
        if rest:
            region, nederland = complement(region), complement(nederland)
        rows.append({"aandeel": figure, name: own, f"regio {vervolg.naam}": region, "Nederland": nederland})
    return NaDeMelding(
        naam=name,
        regio=vervolg.naam,
        periode=vervolg.jaar,
        demonstratie=beoordeling.demonstratie or vervolg.demonstratie,
        verzonnen=vervolg.demonstratie,
        tabellen={"aandelen": pd.DataFrame(rows)},
    )


def render(s: NaDeMelding) -> str:
    """The shares in one table, with a note when the gemeente's own figures are secret."""
    table = s.tabellen["aandelen"]
    shown = table.assign(**{c: table[c].map(split_tables.pct) for c in table.columns if c != "aandeel"})
    parts = []
    if not any(v.known for v in table[s.naam]):
        parts.append(
            h.para(
                f"De cijfers van {s.naam} over wat er na de melding gebeurde zijn geheim ('.'); de regio {s.regio} en "
                "Nederland staan ernaast.",
                "missing",
            )
        )
    sources = f"{vt_source(s.demonstratie, '84852NED')}; {vt_source(s.demonstratie, '84854NED')}"
    parts.append(
        h.table(
            shown,
            f"Aandeel van de meldingen van {s.naam} in {s.periode} dat op veiligheid werd beoordeeld en wat er na de "
            f"melding gebeurde, naast de regio en Nederland (%). {sources}.",
            numeric=[c for c in shown.columns if c != "aandeel"],
        )
    )
    if s.verzonnen:
        parts.append(h.para(INVENTED_PROPORTIONS, "small"))
    return h.section(ANCHOR, TITLE, *parts)
