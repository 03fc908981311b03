"""The sections of the national overview (``index.html``): head, all regions, national charts, accountability."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from workbench.contracts import (
    BLOCKED,
    BLOCKED_KEY,
    COMPLETE_ATTRIBUTE,
    DOWNLOAD_DIR,
    FAILED,
    REPORT_FILE,
    local_page,
    workbook_file,
)
from workbench.disclosure.bounds import LOWER_BOUND, Bounded
from workbench.report import charts
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, data_figure
from workbench.report.texts import (
    BEREIK_FLAGS,
    BUILD_STATUS,
    RATE_AXIS,
    RATE_UNIT,
    budget_source,
    demo_text,
    vt_source,
    withheld_regions,
)
from workbench.stats import extrapolation
from workbench.stats.indicators import Indicators


@dataclass(kw_only=True, repr=False)
class Kop(Section):
    """The overview's heading, introduction and, with demonstration data, the banner."""

    periode: int
    demonstratie: list[str]
    """The parts that are demonstration figures (keys of :data:`workbench.report.texts.DEMO_PARTS`)."""

    def body(self) -> str:
        """The heading, the lead and the banner."""
        parts = [
            h.heading(1, "Regio-analyses huiselijk geweld en kindermishandeling: landelijk overzicht"),
            h.para(
                f"De 35 regio's van de centrumgemeenten, verslagjaar {self.periode}. Kies een regio voor haar "
                "regio-analyse.",
                "lead",
            ),
        ]
        if self.demonstratie:
            parts.append(h.banner(demo_text(self.demonstratie)))
        return "".join(parts)


def status_label(entry: dict) -> str:
    """Describe a region's build status for reviewers, saying when the shown report is an older one."""
    text = BUILD_STATUS.get(entry.get("status", ""), entry.get("status", "onbekend"))
    if entry.get("status") in (FAILED, BLOCKED):
        text += "; vorige versie getoond (verouderd)" if entry.get("rapport") else "; nog geen rapport"
    return text


@dataclass(kw_only=True, repr=False)
class Regios(Section):
    """All regions with their key indicators, build status and link.

    Table ``regios``: ``niveau`` is where the bereik lies against 100%, ``uitgaven`` the spending per inhabitant.
    """

    periode: int
    demonstratie: bool
    indicators: dict[str, Indicators]
    status: dict[str, dict]
    namen: pd.Series
    """Region names by code, in alphabetical order."""
    volgorde: dict[str, list[str]]
    """The region codes in each order of :data:`SORTS`."""
    geblokkeerd: list[str] = field(default_factory=list)
    """Regions whose input failed validation; their figures are withheld (unknown) in the table."""

    def body(self) -> str:
        """See :func:`render_regios`."""
        return render_regios(self)


def regios(
    indicators: dict[str, Indicators],
    names: pd.Series,
    status: dict,
    periode: int,
    demo: bool,
    withheld: list[str] | None = None,
) -> Regios:
    """The table of all regions, with the bereik level of each (computed here, flagged by the render).

    ``withheld`` are the regions whose input failed validation (their ``indicators`` hold no figures).
    """
    rows = []
    for code, name in names.items():
        ind = indicators[code]
        low, high = ind.bereik_km
        rows.append(
            {
                "code": code,
                "regio": name,
                "gemeenten": ind.gemeenten,
                "inwoners": ind.inwoners,
                "meldingen per 1.000": ind.per_1000.value,
                "bereik laag": low.value,
                "bereik hoog": high.value,
                "niveau": extrapolation.bereik_level(low, high),
                "uitgaven": ind.uitgaven_per_inwoner,
            }
        )
    return Regios(
        periode=periode,
        demonstratie=demo,
        indicators=indicators,
        status=status,
        namen=names,
        tabellen={"regios": pd.DataFrame(rows)},
        volgorde=sort_orders(pd.DataFrame(rows)),
        geblokkeerd=list(withheld or []),
    )


SORTS = {
    "meldingen": ("meldingen per 1.000", "meldingen per 1.000 (hoog naar laag)"),
    "bereik": ("bereik laag", "bereik kindermishandeling (hoog naar laag)"),
    "uitgaven": ("uitgaven", "uitgaven per inwoner (hoog naar laag)"),
}
"""The orders a reviewer can read the table in (besides by name): key → (column of ``regios``, label)."""


def sort_orders(frame: pd.DataFrame) -> dict[str, list[str]]:
    """The region codes in each order of :data:`SORTS`, highest first, regions without a figure last."""
    return {
        key: list(frame.sort_values([column, "regio"], ascending=[False, True], na_position="last")["code"])
        for key, (column, _) in SORTS.items()
    }


def regions_table(s: Regios, order: list[str], download: bool) -> str:
    """The table of all regions in ``order`` (codes), with links to each report and workbook."""
    by_code = s.tabellen["regios"].set_index("code")
    rows = []
    for code in order:
        r = by_code.loc[code]
        ind = s.indicators[code]
        entry = s.status.get(code, {})
        label = f"{r['regio']} ({code})"
        has_report = bool(entry.get("rapport"))
        workbook = workbook_file(code)
        rows.append(
            {
                "regio": h.Link(label, f"{code}/{REPORT_FILE}") if has_report else label,
                "code": code,
                "gemeenten": r["gemeenten"],
                "inwoners": r["inwoners"],
                "meldingen per 1.000": ind.per_1000,
                "bereik kindermishandeling": ind.bereik_km,
                "let op": BEREIK_FLAGS.get(r["niveau"], ""),
                "uitgaven per inwoner": r["uitgaven"],
                "status": status_label(entry) if entry else "onbekend",
                "werkmap": h.Link(workbook, f"{code}/{DOWNLOAD_DIR}/{workbook}") if has_report else "",
            }
        )
    frame = pd.DataFrame(rows)
    partial = any(i.per_1000.kind == LOWER_BOUND for i in s.indicators.values())
    return h.table(
        frame,
        f"Kerncijfers per regio, {s.periode}. Meldingen: ontvangen meldingen bij Veilig Thuis {RATE_UNIT} "
        f"(sommen van gepubliceerde gemeentecijfers). {vt_source(s.demonstratie)}."
        + (" ≥: ondergrens, omdat gemeentecijfers geheim zijn." if partial else ""),
        {
            "gemeenten": f.INT,
            "inwoners": f.INT,
            "meldingen per 1.000": f.DEC,
            "uitgaven per inwoner": f.EURO,
            "bereik kindermishandeling": f.PCT_RANGE,
        },
        compared={"Nederland, meldingen per 1.000": (next(iter(s.indicators.values())).nl_per_1000, f.DEC)},
        download=download,
    )


def render_regios(s: Regios) -> str:
    """The note on failed builds, the note on high bereik, and the table in every order (chosen by link, no script).

    The other orders are the same table, shown instead of the first when their anchor is the page's target (CSS
    ``:target``), so the overview needs no script.
    """
    frame = s.tabellen["regios"]
    links = " · ".join(
        [h.Link("naam", "#regios-op-naam").html()]
        + [h.Link(label, f"#regios-op-{key}").html() for key, (_, label) in SORTS.items()]
    )
    alternatives = "".join(
        f'<div class="sorted" id="regios-op-{key}">{regions_table(s, s.volgorde[key], download=False)}</div>'
        for key in SORTS
    )
    table = (
        f'<p class="sort-links">Lees de tabel gesorteerd op: {links}.</p>{alternatives}'
        f'<div class="sorted-default" id="regios-op-naam">{regions_table(s, list(frame["code"]), download=True)}</div>'
    )
    failed = [f"{s.namen[c]} ({c})" for c, e in s.status.items() if e.get("status") in (FAILED, BLOCKED)]
    note = h.para("Niet bijgewerkt in de laatste bouw: " + ", ".join(failed) + ".") if failed else ""
    marked = frame[frame["niveau"].map(lambda n: bool(BEREIK_FLAGS.get(n, "")))]
    flagged = [f"{r.regio} ({r.code})" for r in marked.itertuples()]
    flag_note = (
        h.para(
            "Bij deze regio's is het aantal meldingen over kindermishandeling even groot als of groter dan het "
            "geschatte aantal mishandelde kinderen: "
            + ", ".join(flagged)
            + ". Een melding is geen slachtoffer (een kind kan vaker gemeld worden, een melding kan over meer "
            "kinderen gaan); zie de regio-analyse."
        )
        if len(flagged)
        else ""
    )
    withheld_note = h.para(withheld_regions([s.namen[c] for c in s.geblokkeerd])) if s.geblokkeerd else ""
    return h.section("regios", "Alle regio's", note, withheld_note, flag_note, table)


@dataclass(kw_only=True, repr=False)
class LandelijkBeeld(Section):
    """National charts: tables ``per_regio`` (meldingen per 1,000), ``trend`` (Nederland per half-year), the map."""

    periode: int
    demonstratie: bool
    nl_per_1000: float
    per_1000: dict[str, Bounded]
    """Meldingen per 1,000 per region, by code."""
    namen: pd.Series
    vormen: pd.DataFrame
    """The regions' shapes (code, naam, geometry) the map draws."""

    def body(self) -> str:
        """See :func:`render_landelijk`."""
        return render_landelijk(self)


def render_landelijk(s: LandelijkBeeld) -> str:
    """Bars per region, the national trend and the map."""
    by_name = {s.namen[c]: b for c, b in s.per_1000.items()}
    values = pd.Series({n: b.value for n, b in by_name.items()}, dtype="float64").sort_values(ascending=False)
    lower = pd.Series({n: b.kind == LOWER_BOUND for n, b in by_name.items()})
    bar_chart = charts.bars(
        values,
        "",
        ("Nederland", s.nl_per_1000),
        f"Meldingen per 1.000 inwoners per regio, {s.periode}",
        RATE_AXIS,
        lower,
    )
    trend_chart = charts.trend(
        s.tabellen["trend"], "Meldingen per halfjaar naar aard van het geweld, Nederland", "aantal meldingen"
    )
    map_chart = charts.region_map(
        s.vormen,
        list(s.vormen["code"]),
        pd.Series({c: b.value for c, b in s.per_1000.items()}, dtype="float64"),
        s.namen,
        f"meldingen {s.periode} per 1.000 inwoners (1-1-2020)",
        "Nederland",
        area_word="regio's",
        lower=pd.Series({c: b.kind == LOWER_BOUND for c, b in s.per_1000.items()}),
    )
    source, demo = vt_source(s.demonstratie), s.demonstratie
    return h.section(
        "landelijk",
        "Landelijk beeld",
        data_figure(demo, bar_chart, f"Meldingen {RATE_UNIT} per regio. {source}."),
        data_figure(demo, trend_chart, f"Ontvangen meldingen in Nederland per halfjaar. {source}."),
        data_figure(
            demo,
            map_chart,
            f"Kaart van de 35 regio's: meldingen {RATE_UNIT}. {source}. Grenzen: CBS/PDOK 2020 (gemeenten "
            "samengevoegd).",
        ),
    )


@dataclass(kw_only=True, repr=False)
class Verantwoording(Section):
    """Sources, the disclosure rule and the version of the overview."""

    periode_code: str
    demonstratie: bool
    """Whether the Veilig Thuis tables are demonstration figures."""
    begroting_demonstratie: bool
    """Whether any region's budget is demonstration figures."""
    studie: str
    km_laag: float
    km_hoog: float
    leeftijden: tuple[int, int]
    versie: str
    kenmerk: str

    def lines(self) -> list[str]:
        """The sources and rules in sentences (also the downloads' Toelichting)."""
        km = (
            f"{self.studie}: {f.fmt_dec(self.km_laag, 0)}–{f.fmt_dec(self.km_hoog, 0)} per 1.000 kinderen van "
            f"{self.leeftijden[0]}–{self.leeftijden[1]} jaar"
        )
        return [
            "Bevolking: CBS Kerncijfers wijken en buurten 2020 (84799NED), 1 januari 2020; CC BY 4.0.",
            f"Meldingen: CBS Veilig Thuis (84851NED), {self.periode_code}"
            + (" — demonstratiecijfers in die vorm." if self.demonstratie else "."),
            "Bereik kindermishandeling: meldingen over kindermishandeling gedeeld door het geschatte aantal "
            f"mishandelde kinderen ({km}). Boven 100%: meer meldingen dan geschatte slachtoffers; een "
            "melding is geen slachtoffer.",
            "Uitgaven per inwoner: uitgaven van regio en gemeenten volgens het begrotingsoverzicht, gedeeld door het "
            f"aantal inwoners op 1 januari 2020. {budget_source(self.begroting_demonstratie)}.",
            "Cijfers per 1.000 inwoners gebruiken voor elk jaar het aantal inwoners op 1 januari 2020.",
            "Kleine aantallen (0–7) worden niet gepubliceerd; andere aantallen zijn afgerond op 5. Regiototalen zijn "
            "sommen van gepubliceerde gemeentecijfers; waar gemeentecijfers geheim zijn, is een regiocijfer een "
            "ondergrens (≥, 'ten minste'), en waar alle geheim zijn staat een punt ('.'), nooit 0.",
            "Meer over bronnen, begrippen en aannames staat in de Verantwoording van elke regio-analyse.",
        ]

    def body(self) -> str:
        """The list of sources and rules, and the version."""
        return h.section(
            "verantwoording",
            "Verantwoording",
            h.bullets(self.lines()),
            h.para(
                f"Gemaakt met regiovisie-workbench versie {self.versie}. Kenmerk van de invoer: {self.kenmerk}.",
                "small",
            ),
        )


@dataclass(kw_only=True, repr=False)
class Einde(Section):
    """The overview's closing element: the builder publishes a page only when it is present."""

    def body(self) -> str:
        """The completion mark."""
        return f'<div hidden {COMPLETE_ATTRIBUTE}="index"></div>'


@dataclass(kw_only=True, repr=False)
class LokaleAnalyses(Section):
    """Links to every gemeente's lokale analyse that is published, by region (table ``gemeenten``)."""

    def body(self) -> str:
        """A list per region of its gemeenten's pages; nothing when none is published."""
        frame = self.tabellen["gemeenten"]
        if frame.empty:
            return ""
        blocks = []
        for (code, region), rows in frame.groupby(["regiocode", "regio"], sort=False):
            links = "".join(
                f"<li>{h.Link(name, f'{code}/{local_page(g)}').html()}</li>"
                for g, name in zip(rows["gemeentecode"], rows["gemeente"], strict=True)
            )
            blocks.append(f'{h.heading(3, f"Regio {region}")}<ul class="gemeenten">{links}</ul>')
        return h.section(
            "lokale-analyses",
            "Lokale analyses per gemeente",
            h.para(
                "Elke gemeente heeft een eigen pagina met haar cijfers naast die van de regio en Nederland "
                f"({len(frame)} gemeenten)."
            ),
            *blocks,
        )


def lokale_analyses(status: dict[str, dict], composition: pd.DataFrame) -> LokaleAnalyses:
    """The published gemeente pages of every region (``status[code]['gemeenten']``: their codes), by region name.

    A region whose input failed validation gets no links: its pages may hold figures of rejected data; nor does a
    page left from a gemeente that no longer belongs to the region.
    """
    names = composition.set_index("gemeentecode")["gemeentenaam"]
    members = set(zip(composition["centrumgemeente_code"], composition["gemeentecode"], strict=True))
    regions = composition.drop_duplicates("centrumgemeente_code").set_index("centrumgemeente_code")[
        "centrumgemeente_naam"
    ]
    rows = [
        {"regiocode": code, "regio": regions[code], "gemeentecode": g, "gemeente": names.get(g, g)}
        for code in regions.sort_values().index
        for g in status.get(code, {}).get("gemeenten", [])
        if (code, g) in members and not status[code].get(BLOCKED_KEY)
    ]
    frame = pd.DataFrame(rows, columns=["regiocode", "regio", "gemeentecode", "gemeente"])
    return LokaleAnalyses(tabellen={"gemeenten": frame})
