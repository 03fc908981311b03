"""Omvang: national prevalence extrapolated to the gemeente, by form of violence, with its meldingen and bereik."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.disclosure.bounds import Bounded
from workbench.io.inputs import RegionData
from workbench.report import html_parts as h
from workbench.report.sections.base import Section
from workbench.report.sections.omvang import by_form, forms_table
from workbench.report.texts import OMVANG_CAVEATS, vt_source

ANCHOR = "omvang"
TITLE = "Omvang: schatting per vorm van geweld"


@dataclass(kw_only=True, repr=False)
class Omvang(Section):
    """Table ``vormen``: per form the gemeente's estimate (``laag``, ``hoog``), with ``meldingen`` and ``bereik``."""

    naam: str
    periode: int
    meldingen: dict[str, Bounded]
    bereik: dict[str, tuple[Bounded, Bounded]]
    demonstratie: bool
    eigen: tuple = ()

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, code: str) -> Omvang:
    """The estimates for gemeente ``code``."""
    _, area, meldingen, bereik = by_form(data, [code])
    return Omvang(
        naam=str(data.kwb.set_index("code").at[code, "naam"]),
        periode=data.periode,
        meldingen=meldingen,
        bereik=bereik,
        demonstratie=data.vt_demonstratie,
        eigen=data.vt_eigen,
        tabellen={"vormen": area},
    )


def render(s: Omvang) -> str:
    """The table of estimates with meldingen and bereik, and the caveat."""
    return h.section(
        ANCHOR,
        TITLE,
        forms_table(
            s.tabellen["vormen"],
            s.meldingen,
            s.bereik,
            s.periode,
            f"Schatting van het aantal slachtoffers in {s.naam} (landelijke prevalentie × inwoners van de "
            "leeftijdsgroep op 1 januari 2020), met meldingen en bereik. Schattingen zijn afgerond. Meldingen: "
            f"{vt_source(s.demonstratie, eigen=s.eigen)}. n.v.t.: Veilig Thuis registreert deze vorm niet apart. "
            "'.': geheim (0 tot en met 7).",
        ),
        h.bullets(OMVANG_CAVEATS),
    )
