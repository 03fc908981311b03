"""Meldingen en adviezen: the gemeente's years, its rate against Nederland, its place in the region's funnel.

Only published cells: a secret cell is '.'; when most of the gemeente's cells are secret, the page says so and
the region's figures stand beside them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.disclosure.bounds import Bounded
from workbench.io.inputs import RegionData
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section
from workbench.report.sections.meldingen import Meldingen as RegionMeldingen
from workbench.report.texts import vt_source
from workbench.stats import kengetallen
from workbench.stats.rates import PER

ANCHOR = "meldingen"
TITLE = "Meldingen en adviezen bij Veilig Thuis"


@dataclass(kw_only=True, repr=False)
class Meldingen(Section):
    """The gemeente's meldingen and adviezen.

    Tables ``jaren`` (per year the gemeente's and the region's meldingen and adviezen, :class:`Bounded`) and
    ``vergelijking`` (the gemeente's rate, interval and verdict in the reporting year).
    """

    naam: str
    regio: str
    periode: int
    geheim: int
    """How many of the gemeente's yearly cells (meldingen and adviezen) are secret."""
    cellen: int
    trechter: str
    """Where the gemeente lies in the region's funnel ('hoger', 'lager', 'niet verschillend', or '' unknown)."""
    demonstratie: bool
    eigen: tuple = ()

    @property
    def grotendeels_geheim(self) -> bool:
        """Whether most of the gemeente's cells are secret (then the region's figures carry the story)."""
        return self.cellen > 0 and self.geheim * 2 >= self.cellen

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, code: str, region: RegionMeldingen, counts: kengetallen.AreaCounts) -> Meldingen:
    """The meldingen of gemeente ``code`` of ``data``'s region.

    ``region`` is the region's chapter and ``counts`` its counts per year (see
    :func:`workbench.stats.kengetallen.region_counts`).
    """
    name = str(data.kwb.set_index("code").at[code, "naam"])
    mine = kengetallen.areas_counts(data, {code: ([code], [code])})[code]
    years = sorted(mine.meldingen)
    frame = pd.DataFrame(
        {
            "jaar": years,
            "meldingen": [mine.meldingen[y] for y in years],
            "per 1.000 inwoners": [mine.meldingen[y].scaled(PER / mine.inwoners) for y in years],
            "adviezen": [mine.adviezen.get(y, Bounded.unknown()) for y in years],
            f"meldingen regio {data.naam}": [counts.meldingen.get(y, Bounded.unknown()) for y in years],
        }
    )
    cells = [*mine.meldingen.values(), *mine.adviezen.values()]
    compared = region.tabellen["per_gemeente"]
    row = compared.loc[[name]] if name in compared.index else compared.iloc[0:0]
    funnel = region.tabellen["trechter"]
    return Meldingen(
        naam=name,
        regio=data.naam,
        periode=data.periode,
        geheim=sum(not b.known for b in cells),
        cellen=len(cells),
        trechter=str(funnel.at[name, "oordeel"]) if name in funnel.index else "",
        demonstratie=data.vt_demonstratie,
        eigen=data.vt_eigen,
        tabellen={"jaren": frame, "vergelijking": row.reset_index(names="gemeente")},
    )


COMPARISON_LABELS = {
    "populatie": "inwoners",
    "per_1000": "per 1.000",
    "ci_laag": "interval van",
    "ci_hoog": "interval tot",
}
FUNNEL = {
    "hoger": "boven de bovengrens: meer meldingen per 1.000 inwoners dan bij het landelijke niveau te verwachten is",
    "lager": "onder de ondergrens: minder meldingen per 1.000 inwoners dan bij het landelijke niveau te verwachten is",
    "niet verschillend": "binnen de grenzen: niet duidelijk anders dan het landelijke niveau",
}


def render(s: Meldingen) -> str:
    """The years, the comparison with Nederland and the place in the funnel, and a note when mostly secret."""
    source = vt_source(s.demonstratie, eigen=s.eigen)
    parts = []
    if s.grotendeels_geheim:
        parts.append(
            h.para(
                f"{s.geheim} van de {s.cellen} jaarcijfers van {s.naam} zijn geheim ('.': 0 tot en met 7 of een "
                f"klein aantal). Voor deze gemeente zeggen de cijfers van de regio {s.regio} meer; die staan ernaast.",
                "missing",
            )
        )
    if s.trechter in FUNNEL:
        parts.append(h.para(f"In de trechterfiguur van de regio ligt {s.naam} in {s.periode} {FUNNEL[s.trechter]}."))
    counts = f.NumberFormat("int")
    jaren = s.tabellen["jaren"]
    formats = {c: counts for c in jaren.columns if c != "jaar"}
    formats["per 1.000 inwoners"] = f.DEC
    parts.append(
        h.table(
            jaren.astype({"jaar": "str"}),
            f"Ontvangen meldingen en gestarte adviezen van {s.naam} per jaar, met de meldingen van de regio. "
            f"{source}. '.' = geheim; ≥: ondergrens.",
            formats,
        )
    )
    comparison = s.tabellen["vergelijking"]
    if not comparison.empty:
        parts.append(
            h.table(
                comparison.rename(columns=COMPARISON_LABELS),
                f"Meldingen per 1.000 inwoners van {s.naam} in {s.periode}, met het 95%-betrouwbaarheidsinterval en "
                f"het oordeel tegenover Nederland. {source}.",
                {"aantal": f.INT, "inwoners": f.INT, "per 1.000": f.DEC, "interval van": f.DEC, "interval tot": f.DEC},
            )
        )
    return h.section(ANCHOR, TITLE, *parts)
