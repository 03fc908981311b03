"""Wat is veranderd: this year's key figures against last year's, each change with whether it is beyond chance."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from workbench.contracts import REPORT_FILE
from workbench.io.inputs import RegionData
from workbench.io.kerncijfers import Kerncijfers
from workbench.report import chapters
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section
from workbench.report.texts import CHANGE_METHOD
from workbench.stats import veranderd
from workbench.stats.indicators import region_population
from workbench.stats.kengetallen import AreaCounts


@dataclass(kw_only=True, repr=False)
class Veranderd(Section):
    """The region's figures in the year before and the reporting year.

    Table ``veranderingen`` (see :func:`workbench.stats.veranderd.changes`, with the realised spending per
    inhabitant as its last row when both years have it); absent when the data has no year before. With the kept
    figures of the analysis of the year before, table ``herzien`` (see :func:`workbench.stats.veranderd.restated`):
    the figures of that year it published otherwise than they are computed now.
    """

    naam: str
    jaar: int
    demonstratie: bool
    vorige: bool = False
    """Whether the figures of the analysis of the year before were kept (see :mod:`workbench.io.kerncijfers`)."""
    erbij: list[str] = field(default_factory=list)
    """Gemeenten in the region now that were not (or only in part) in it at the analysis of the year before."""
    eraf: list[str] = field(default_factory=list)
    """Gemeenten in the region then that are not (or only in part) in it now."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def _blocks(data: RegionData) -> dict[str, str]:
    """The region's gemeenten as blocks of the 2020 indeling (block -> the reporting year's gemeente name)."""
    lineage = data.indeling.lineage(data.periode)
    mine = lineage[lineage["gemeentecode"].isin(data.member_codes)]
    return dict(zip(mine["blok"], mine["gemeentenaam"], strict=True))


def kept_figures(data: RegionData, counts: AreaCounts) -> Kerncijfers:
    """The key figures of ``data``'s analysis, as a later analysis reads them (see :mod:`workbench.io.kerncijfers`)."""
    return Kerncijfers(data.code, data.periode, _blocks(data), veranderd.figures(counts, data.periode))


def compute(
    data: RegionData, counts: AreaCounts, balance: pd.DataFrame | None = None, earlier: Kerncijfers | None = None
) -> Veranderd:
    """The changes in ``data``'s region from the year before the reporting year.

    ``counts`` are its counts per year, ``balance`` its income and spending per year (the table ``balans`` of
    :mod:`~workbench.report.sections.taken_en_budget`; ``None`` without budget lines), ``earlier`` the kept
    figures of the region's analysis of the year before (``None``: none kept).
    """
    section = Veranderd(naam=data.naam, jaar=data.periode, demonstratie=data.is_demonstration)
    if data.periode - 1 not in counts.meldingen:
        return section
    table = veranderd.changes(counts, data.periode)
    spending = None if balance is None else veranderd.spending_change(balance, data.periode, region_population(data))
    if spending is not None:
        table = pd.concat([table, pd.DataFrame([spending])], ignore_index=True)
    section.tabellen = {"veranderingen": table}
    if earlier is not None and earlier.periode == data.periode - 1:
        section.vorige = True
        section.erbij, section.eraf = veranderd.composition_change(earlier.gemeenten, _blocks(data))
        before = {r["key"]: (r["vorig"], r["vorig_tot"]) for _, r in table.iterrows()}  # computed above already
        section.tabellen["herzien"] = veranderd.restated(earlier.cijfers, before)
    return section


def _format(key: str):
    """How a figure is written: counts whole, euros as money, adviezen per melding in two decimals, else one."""
    return {
        "meldingen": f.fmt_int,
        "adviezen": f.fmt_int,
        veranderd.SPENDING: lambda v: "€\u00a0" + f.fmt_dec(v, 2),
        "adviezen_per_melding": lambda v: f.fmt_dec(v, 2),
    }.get(key, f.fmt_dec)


def _value(row: pd.Series, column: str) -> str:
    return f.fmt_range(row[column], row[f"{column}_tot"], _format(row["key"]))


def _change(row: pd.Series) -> str:
    if pd.isna(row["verschil"]):
        return f.SECRET_TEXT
    fmt = _format(row["key"])
    low, high = (("+" if v > 0 else "") + fmt(v) for v in (row["verschil"], row["verschil_tot"]))
    return low if low == high else f"{low} tot {high}"


def _test(row: pd.Series) -> str:
    if pd.isna(row["p"]):
        return row["oordeel"]
    p = "p < 0,001" if row["p"] < 0.001 else f"p = {f.fmt_dec(row['p'], 3)}"
    return f"{row['oordeel']} ({p})"


def render(s: Veranderd) -> str:
    """The table of changes and how to read it, or why there is none."""
    title = chapters.title("veranderd")
    if not s.tabellen:
        return h.section(
            "veranderd",
            title,
            h.para(f"De gegevens hebben geen jaar vóór {s.jaar}: er is nog niets te vergelijken."),
        )
    t = s.tabellen["veranderingen"]
    shown = pd.DataFrame(
        {
            "kengetal": t["kengetal"],
            "eenheid": t["eenheid"],
            str(s.jaar - 1): [_value(r, "vorig") for _, r in t.iterrows()],
            str(s.jaar): [_value(r, "dit") for _, r in t.iterrows()],
            "verandering": [_change(r) for _, r in t.iterrows()],
            "verandering (%)": t["procent"].map(lambda v: f.SECRET_TEXT if pd.isna(v) else f.fmt_dec(v)),
            "toets": [_test(r) for _, r in t.iterrows()],
        }
    )
    beyond = t.loc[t["oordeel"] == veranderd.BEYOND, "kengetal"].tolist()
    summary = (
        f"Groter dan toeval veranderd van {s.jaar - 1} op {s.jaar}: {', '.join(k.lower() for k in beyond)}."
        if beyond
        else f"Geen van de kengetallen veranderde van {s.jaar - 1} op {s.jaar} meer dan toeval verklaart."
    )
    return h.section(
        "veranderd",
        title,
        h.para(summary),
        h.table(
            shown,
            f"De kengetallen van de regio {s.naam} in {s.jaar - 1} en {s.jaar}, met de verandering en of die groter "
            "is dan toeval (tweezijdig, 5%)." + (" Demonstratiecijfers." if s.demonstratie else ""),
            numeric=[str(s.jaar - 1), str(s.jaar), "verandering", "verandering (%)"],
        ),
        _earlier(s),
        h.para(CHANGE_METHOD, "small"),
    )


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"


def _earlier(s: Veranderd) -> str:
    """What the analysis of the year before said otherwise, and why; or that it was not kept."""
    before = s.jaar - 1
    if not s.vorige:
        return h.para(
            f"Beide jaren zijn berekend uit de gegevens van nu, op de huidige samenstelling van de regio. De cijfers "
            f"van de regio-analyse over {before} zijn bij deze bouw niet bewaard: of die andere cijfers over {before} "
            "noemde, is hier niet na te gaan."
        )
    moved = []
    if s.erbij:
        moved.append(f"nieuw in de regio: {_names(s.erbij)}")
    if s.eraf:
        moved.append(f"niet meer (helemaal) in de regio: {_names(s.eraf)}")
    composition = (
        f"Sinds de regio-analyse over {before} is de samenstelling van de regio veranderd ({'; '.join(moved)}). "
        f"De cijfers over {before} hierboven zijn herberekend op de samenstelling van nu."
        if moved
        else ""
    )
    herzien = s.tabellen["herzien"]
    if herzien.empty:
        same = f"De cijfers over {before} zijn dezelfde als in de regio-analyse over {before}."
        return h.para(" ".join(filter(None, [composition, same])))
    why = (
        "vooral door de andere samenstelling"
        if moved
        else "doordat de gegevens zijn herzien (bijvoorbeeld voorlopige CBS-cijfers die definitief werden, of een "
        "eigen registratie van de regio)"
    )
    shown = pd.DataFrame(
        {
            "kengetal": herzien["kengetal"],
            "eenheid": herzien["eenheid"],
            f"regio-analyse {before}": [
                f.fmt_range(r["toen"], r["toen_tot"], _format(r["key"])) for _, r in herzien.iterrows()
            ],
            "nu berekend": [f.fmt_range(r["nu"], r["nu_tot"], _format(r["key"])) for _, r in herzien.iterrows()],
        }
    )
    said = f"De regio-analyse over {before} noemde {len(herzien)} van deze cijfers over {before} anders, {why}:"
    return h.para(" ".join(filter(None, [composition, said]))) + h.table(
        shown,
        f"Cijfers over {before} van de regio {s.naam}: zoals de regio-analyse over {before} ze noemde en zoals ze nu "
        "berekend zijn." + (" Demonstratiecijfers." if s.demonstratie else ""),
        numeric=[f"regio-analyse {before}", "nu berekend"],
    )


@dataclass(kw_only=True, repr=False)
class GrootsteVeranderingen(Section):
    """For the national overview: the largest changes beyond chance over all regions.

    Table ``veranderingen`` (see :func:`workbench.stats.veranderd.largest`); regions whose input was rejected are
    not in it.
    """

    jaar: int
    demonstratie: bool

    def body(self) -> str:
        """See :func:`render_largest`."""
        return render_largest(self)


def largest(
    counts: dict[str, AreaCounts], names: pd.Series, jaar: int, demonstratie: bool, n: int = 10
) -> GrootsteVeranderingen:
    """The ``n`` largest changes beyond chance from the year before ``jaar``, over the regions in ``counts``."""
    by_region = {code: veranderd.changes(c, jaar) for code, c in counts.items() if jaar - 1 in c.meldingen}
    return GrootsteVeranderingen(
        jaar=jaar, demonstratie=demonstratie, tabellen={"veranderingen": veranderd.largest(by_region, names, n)}
    )


def render_largest(s: GrootsteVeranderingen) -> str:
    """The largest changes, each linked to its region's chapter, or a sentence that there are none."""
    t = s.tabellen["veranderingen"]
    title = f"Grootste veranderingen sinds {s.jaar - 1}"
    if t.empty:
        return h.section(
            "veranderingen", title, h.para(f"Geen regio veranderde van {s.jaar - 1} op {s.jaar} meer dan toeval.")
        )
    shown = pd.DataFrame(
        {
            "regio": [h.Link(r["regio"], f"{r['code']}/{REPORT_FILE}#veranderd") for _, r in t.iterrows()],
            "kengetal": t["kengetal"],
            str(s.jaar - 1): [_value(r, "vorig") for _, r in t.iterrows()],
            str(s.jaar): [_value(r, "dit") for _, r in t.iterrows()],
            "verandering (%)": t["procent"].map(f.fmt_dec),
            "toets": [_test(r) for _, r in t.iterrows()],
        }
    )
    return h.section(
        "veranderingen",
        title,
        h.table(
            shown,
            f"De {len(t)} grootste veranderingen van {s.jaar - 1} op {s.jaar} die groter zijn dan toeval, over alle "
            "regio's (naar de grootte van de verandering in procenten)."
            + (" Demonstratiecijfers." if s.demonstratie else ""),
            numeric=[str(s.jaar - 1), str(s.jaar), "verandering (%)"],
        ),
        h.para(CHANGE_METHOD, "small"),
    )
