"""Bevolking en risicofactoren: the gemeente beside its region and Nederland."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section
from workbench.report.sections.de_regio import DeRegio
from workbench.report.texts import BRON_CBS

ANCHOR = "kenmerken"
TITLE = "Bevolking en risicofactoren"


@dataclass(kw_only=True, repr=False)
class Kenmerken(Section):
    """Table ``kenmerken``: the gemeente, its region and Nederland (rows), with the region report's columns."""

    naam: str
    regio: str

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(region: DeRegio, code: str) -> Kenmerken:
    """The gemeente ``code``'s row of the region's profile, with the region's and Nederland's."""
    rows = region.tabellen["gemeenten"]
    picked = rows.loc[[code, f"Regio {region.naam}", "Nederland"]].drop(columns=["indeling", "stedelijkheid"])
    return Kenmerken(
        naam=str(rows.at[code, "gemeente"]), regio=region.naam, tabellen={"kenmerken": picked.reset_index(drop=True)}
    )


def render(s: Kenmerken) -> str:
    """The table of the gemeente against its region and Nederland."""
    table = s.tabellen["kenmerken"]
    formats = {c: f.DEC for c in table.columns if c not in ("gemeente", "inwoners")}
    formats["inwoners"] = f.INT
    return h.section(
        ANCHOR,
        TITLE,
        h.table(
            table,
            f"Inwoners en risicofactoren van {s.naam}, de regio {s.regio} en Nederland; {BRON_CBS} (84799NED, "
            "1 januari 2020).",
            formats,
        ),
    )
