"""Taken en budget: income against spending, by task, regional against local, and the agreed tasks beside it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.io.inputs import RegionData
from workbench.report import chapters, charts
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, data_figure, missing
from workbench.report.texts import MISSING, budget_source
from workbench.stats import budget_figures
from workbench.stats.indicators import region_population


@dataclass(kw_only=True, repr=False)
class TakenEnBudget(Section):
    """The region's money and its agreed tasks.

    Tables: ``balans``, ``inkomsten``, ``uitgaven_per_taak``, ``begroot_per_inwoner`` (absent without budget) and
    ``afgesproken_taken``, ``taken_en_geld`` (absent without input).
    """

    code: str
    naam: str
    demonstratie: bool
    jaar: int | None
    status: str | None
    totaal: float = 0.0
    per_inwoner: float = 0.0
    aandeel_regionaal: float | None = None
    een_gemeente: bool = False

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, invoer: dict | None) -> TakenEnBudget:
    """Money and tasks of ``data``'s region; ``invoer`` is the region's input file (``None``: none yet)."""
    lines = budget_figures.region_lines(data.budget, data.code)
    year, status = budget_figures.reporting_year(lines, data.periode)
    section = TakenEnBudget(
        code=data.code,
        naam=data.naam,
        demonstratie=data.begroting_demonstratie,
        jaar=year,
        status=status,
        een_gemeente=len(data.member_codes) == 1,
    )
    tables: dict[str, pd.DataFrame] = {}
    if not lines.empty:
        pop = region_population(data)
        by_task = budget_figures.spending_by_task(lines, year, status, pop)
        income = budget_figures.income_by_source(lines, year, status)
        spent = lines[(lines["soort"] == "uitgaven") & (lines["status"] == "begroot")]
        total = float(by_task["totaal"].sum())
        tables = {
            "balans": budget_figures.income_against_spending(lines),
            "inkomsten": income.assign(per_inwoner=income["bedrag_euro"] / pop),
            "uitgaven_per_taak": by_task,
            "begroot_per_inwoner": spent.pivot_table(index="jaar", columns="post", values="bedrag_euro", aggfunc="sum")
            / pop,
        }
        section.totaal, section.per_inwoner = total, total / pop
        section.aandeel_regionaal = float(by_task["regionaal"].sum()) / total if total else None
    items = (invoer or {}).get("taken")
    if items:
        names = data.kwb.set_index("code")["naam"]
        agreed = pd.DataFrame(
            [
                {
                    "taak": t["taak"],
                    "niveau": t["niveau"],
                    "gemeente": "alle gemeenten" if t["gemeente"] == "alle" else names.get(t["gemeente"]),
                }
                for t in items
            ]
        )
        tables["afgesproken_taken"] = agreed
        if year is not None:
            tables["taken_en_geld"] = budget_figures.tasks_against_money(lines, year, status, agreed)
    section.tabellen = tables
    return section


def _tasks_and_money(s: TakenEnBudget) -> str:
    """The agreed tasks beside the budget: tasks without money and money without an agreed task."""
    check = s.tabellen.get("taken_en_geld")
    if check is None:
        return ""
    status, year = s.status, s.jaar
    no_money = check[check["oordeel"] == budget_figures.TASK_WITHOUT_MONEY]
    no_task = check[check["oordeel"] == budget_figures.MONEY_WITHOUT_TASK]
    shown = pd.DataFrame(
        {
            "taak": check["taak"],
            "niveau": check["niveau"],
            "afgesproken": check["afgesproken"].map({True: "ja", False: "nee"}),
            f"uitgaven {status} {year} (€)": check["bedrag_euro"],
            "oordeel": check["oordeel"],
        }
    )

    def listing(frame: pd.DataFrame) -> str:
        return "; ".join(f"{t} ({n})" for t, n in zip(frame["taak"], frame["niveau"], strict=True))

    findings = []
    if not no_money.empty:
        findings.append(f"Afgesproken taken zonder geld in de begroting: {listing(no_money)}.")
    if not no_task.empty:
        findings.append(f"Geld zonder afgesproken taak: {listing(no_task)}.")
    summary = (
        " ".join(findings)
        if findings
        else "Elke afgesproken taak heeft geld in de begroting, en al het geld gaat naar een afgesproken taak."
    )
    return (
        h.heading(3, "Taken en geld")
        + h.para(f"De afgesproken taken naast de uitgaven {status} {year} per taak en niveau. {summary}")
        + h.table(
            shown,
            f"Afgesproken taken en uitgaven {status} {year}, per taak en niveau. {budget_source(s.demonstratie)}.",
            {f"uitgaven {status} {year} (€)": f.INT},
        )
    )


def _agreed_tasks(s: TakenEnBudget) -> str:
    agreed = s.tabellen.get("afgesproken_taken")
    if agreed is None:
        return h.heading(3, "Afgesproken taken") + missing(s.code, MISSING["taken"])
    who = "de centrumgemeente" if s.een_gemeente else "de centrumgemeente en de regiogemeenten"
    return h.heading(3, "Afgesproken taken") + h.table(agreed, f"Taken van {who}.") + _tasks_and_money(s)


def render(s: TakenEnBudget) -> str:
    """The spending text, the three budget tables, the chart per year, then the agreed tasks."""
    if "balans" not in s.tabellen:
        section = h.section(
            "budget", chapters.title("taken_en_budget"), h.para("Voor deze regio is geen budget aangeleverd.")
        )
        return h.extend_section(section, _agreed_tasks(s))
    t, source, status, year = s.tabellen, budget_source(s.demonstratie), s.status, s.jaar
    balance_html = h.table(
        t["balans"].rename(columns={"inkomsten": "inkomsten (€)", "uitgaven": "uitgaven (€)", "saldo": "saldo (€)"}),
        "Inkomsten en uitgaven per jaar, begroot en gerealiseerd (euro).",
        {"inkomsten (€)": f.INT, "uitgaven (€)": f.INT, "saldo (€)": f.INT},
    )
    income_html = h.table(
        t["inkomsten"].rename(columns={"post": "bron", "bedrag_euro": "bedrag (€)", "per_inwoner": "per inwoner (€)"}),
        f"Inkomsten {status} {year} naar bron, regionaal en lokaal, en per inwoner van de regio (1 januari 2020). "
        f"{source}.",
        {"bedrag (€)": f.INT, "per inwoner (€)": f.DEC2},
    )
    task_html = h.table(
        t["uitgaven_per_taak"].rename(
            columns={
                "post": "taak",
                "regionaal": "regionaal (€)",
                "lokaal": "lokaal (€)",
                "totaal": "totaal (€)",
                "per_inwoner": "per inwoner (€)",
            }
        ),
        f"Uitgaven {status} {year} per taak, regionaal en lokaal, en per inwoner van de regio (1 januari 2020). "
        f"{source}.",
        {
            "regionaal (€)": f.INT,
            "lokaal (€)": f.INT,
            "totaal (€)": f.INT,
            "per inwoner (€)": f.DEC2,
        },
    )
    chart = charts.stacked_columns(
        t["begroot_per_inwoner"], f"Begrote uitgaven per inwoner naar taak, regio {s.naam}", "euro per inwoner", f.DEC2
    )
    text = (
        f"In {year} ({status}) gaf de regio {f.fmt_euro(s.totaal)} uit, {f.fmt_euro(s.per_inwoner)} per inwoner. "
        f"{f.fmt_pct(s.aandeel_regionaal)} daarvan is regionaal besteed (uit de "
        "decentralisatie-uitkering Vrouwenopvang en bijdragen van gemeenten), de rest lokaal door de gemeenten."
    )
    return h.section(
        "budget",
        chapters.title("taken_en_budget"),
        h.para(text),
        balance_html,
        income_html,
        task_html,
        data_figure(s.demonstratie, chart, f"Begrote uitgaven per inwoner (1 januari 2020) naar taak. {source}."),
        _agreed_tasks(s),
    )
