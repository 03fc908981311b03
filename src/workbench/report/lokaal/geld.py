"""Geld: the gemeente's local spending by task, and its share of the regional saldo by the region's key."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.io.inputs import RegionData
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section
from workbench.report.sections.financiele_paragraaf import FinancieleParagraaf, column_labels
from workbench.report.texts import budget_source
from workbench.stats import budget_figures

ANCHOR = "geld"
TITLE = "Lokale uitgaven en het aandeel in het regionale saldo"


@dataclass(kw_only=True, repr=False)
class Geld(Section):
    """The gemeente's money; tables absent where the region has no budget.

    Tables ``uitgaven`` (the gemeente's local spending by task in the budget year) and ``aandeel`` (its row of
    the region's sharing of the saldo).
    """

    naam: str
    regio: str
    jaar: int | None
    status: str | None
    demonstratie: bool

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, code: str, finances: FinancieleParagraaf) -> Geld:
    """The money of gemeente ``code``; ``finances`` is the region's financial paragraph."""
    name = str(data.kwb.set_index("code").at[code, "naam"])
    lines = budget_figures.region_lines(data.budget, data.code)
    year, status = budget_figures.reporting_year(lines, data.periode)
    tables = {}
    if year is not None:
        own = lines[
            (lines["gemeentecode"] == code)
            & (lines["jaar"] == year)
            & (lines["status"] == status)
            & (lines["soort"] == "uitgaven")
            & (lines["niveau"] == "lokaal")
        ]
        tables["uitgaven"] = own.groupby("post", as_index=False)["bedrag_euro"].sum()
    sharing = finances.tabellen.get("verdeling")
    if sharing is not None and name in set(sharing["gemeente"]):
        row = sharing[sharing["gemeente"] == name].reset_index(drop=True)
        tables["aandeel"] = row.rename(columns=column_labels(finances))
    return Geld(
        naam=name,
        regio=data.naam,
        jaar=year,
        status=status,
        demonstratie=data.begroting_demonstratie,
        tabellen=tables,
    )


def render(s: Geld) -> str:
    """The local spending and the share of the saldo, or that the region has no budget."""
    if not s.tabellen:
        return h.section(ANCHOR, TITLE, h.para(f"Voor de regio {s.regio} is geen begroting aangeleverd.", "missing"))
    source = budget_source(s.demonstratie)
    parts = []
    spent = s.tabellen.get("uitgaven")
    if spent is not None and not spent.empty:
        parts.append(
            h.table(
                spent.rename(columns={"post": "taak", "bedrag_euro": "uitgaven (€)"}),
                f"Lokale uitgaven van {s.naam} per taak, {s.jaar} ({s.status}). {source}.",
                {"uitgaven (€)": f.EURO},
            )
        )
    elif spent is not None:
        parts.append(h.para(f"De begroting noemt voor {s.naam} geen lokale uitgaven in {s.jaar}.", "missing"))
    share = s.tabellen.get("aandeel")
    if share is not None:
        fixed = ("gemeente", "inwoners", "aandeel (%)", "lokale uitgaven (€)")
        money = {c: f.DEC2 for c in share.columns if c not in fixed}
        parts.append(
            h.table(
                share,
                f"Het aandeel van {s.naam} in het regionale saldo (euro; + ontvangt, − betaalt), verdeeld zoals de "
                f"regio heeft afgesproken (zie de financiële paragraaf van de regio). {source}.",
                {"inwoners": f.INT, "lokale uitgaven (€)": f.INT, "aandeel (%)": f.DEC, **money},
            )
        )
    return h.section(ANCHOR, TITLE, *parts)
