"""Financiële paragraaf: regional against local spending, the regional saldo, and its sharing over gemeenten."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from workbench.io.inputs import RegionData
from workbench.report import chapters
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, example_note, missing
from workbench.report.texts import MISSING, budget_source
from workbench.stats import budget_figures, sharing

SHARED = ("saldo_gerealiseerd", "saldo_begroot", "scenario")
"""The amounts the table ``verdeling`` shares over the gemeenten (those the region has)."""


@dataclass(kw_only=True, repr=False)
class FinancieleParagraaf(Section):
    """Spending, the regional saldo and table ``verdeling`` (per gemeente its share of each saldo, in euros)."""

    code: str
    periode: int
    voorbeeld: bool
    demonstratie: bool
    heeft_begroting: bool
    jaar: int | None = None
    status: str | None = None
    regionaal: float = 0.0
    lokaal: float = 0.0
    saldi: dict[str, float] = field(default_factory=dict)
    """``saldo_gerealiseerd`` (reporting year), ``saldo_begroot`` (next year), ``scenario``: those there are."""
    afspraken: dict | None = None
    """The region's agreements (``financien`` of its input file); ``None`` when it has given none."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, invoer: dict | None) -> FinancieleParagraaf:
    """The financial paragraph of ``data``'s region; ``invoer`` is its input file (``None``: none yet)."""
    fin = (invoer or {}).get("financien")
    members = data.member_codes
    k = data.kwb.set_index("code")
    lines = budget_figures.region_lines(data.budget, data.code)
    year, status = budget_figures.reporting_year(lines, data.periode)
    section = FinancieleParagraaf(
        code=data.code,
        periode=data.periode,
        voorbeeld=bool((invoer or {}).get("voorbeeld")),
        demonstratie=data.begroting_demonstratie,
        heeft_begroting=not lines.empty,
        jaar=year,
        status=status,
        afspraken=fin or None,
    )
    local = pd.Series(0.0, index=members)
    if year is not None:
        spent = lines[(lines["jaar"] == year) & (lines["status"] == status) & (lines["soort"] == "uitgaven")]
        section.regionaal = float(spent.loc[spent["niveau"] == "regionaal", "bedrag_euro"].sum())
        local = (
            spent[spent["niveau"] == "lokaal"].groupby("gemeentecode")["bedrag_euro"].sum().reindex(members).fillna(0)
        )
        section.lokaal = float(local.sum())
    saldi = {
        "saldo_gerealiseerd": budget_figures.regional_balance(lines, data.periode, "gerealiseerd"),
        "saldo_begroot": budget_figures.regional_balance(lines, data.periode + 1, "begroot"),
        "scenario": -float(fin["voorbeeldbedrag"]) if fin and fin.get("voorbeeldbedrag") else None,
    }
    section.saldi = {name: amount for name, amount in saldi.items() if amount is not None}
    if not fin:
        return section
    population = k.loc[members, "inwoners"].astype("float64")
    if fin["tekort_verdeling"] == "sleutel":
        percent = pd.Series({g: float(fin["sleutel"].get(g, 0)) for g in members})
        shares = {name: sharing.by_key(amount, percent) for name, amount in section.saldi.items()}
    else:
        percent = population / population.sum() * 100
        shares = {name: sharing.by_inhabitants(amount, population) for name, amount in section.saldi.items()}
    section.tabellen = {
        "verdeling": pd.DataFrame(
            {
                "gemeente": [k.loc[g, "naam"] for g in members],
                "inwoners": population.to_numpy(),
                "lokale uitgaven (€)": local.to_numpy(),
                "aandeel (%)": percent.to_numpy(),
                **{name: [float(v) for v in share[members]] for name, share in shares.items()},
            }
        )
    }
    return section


def _saldo_text(amount: float) -> str:
    return f"een overschot van {f.fmt_euro(amount)}" if amount >= 0 else f"een tekort van {f.fmt_euro(-amount)}"


def _balance_text(s: FinancieleParagraaf) -> str:
    """Sentences on the regional saldo of the reporting year (realised) and of the next year (budgeted)."""
    realised, planned = s.saldi.get("saldo_gerealiseerd"), s.saldi.get("saldo_begroot")
    text = []
    if realised is None:
        text.append(f"Over {s.periode} is nog geen realisatie van het regionale budget bekend.")
    else:
        text.append(
            f"Het regionale budget sloot {s.periode} (gerealiseerd) met {_saldo_text(realised)}: regionale "
            "inkomsten min regionale uitgaven."
        )
    if planned is None:
        text.append(f"Voor {s.periode + 1} is nog geen regionaal budget begroot.")
    else:
        text.append(f"Voor {s.periode + 1} is {_saldo_text(planned)} begroot.")
    return " ".join(text)


def column_labels(s: FinancieleParagraaf) -> dict[str, str]:
    """The headers of the shared amounts in the table."""
    labels = {
        "saldo_gerealiseerd": f"saldo {s.periode}, gerealiseerd (€)",
        "saldo_begroot": f"saldo {s.periode + 1}, begroot (€)",
        "scenario": f"scenario: tekort van {f.fmt_euro(-s.saldi.get('scenario', 0.0))} (€)",
    }
    return {name: labels[name] for name in s.saldi}


def render(s: FinancieleParagraaf) -> str:
    """Spending, the saldo, the region's agreements and the sharing table, or what is missing."""
    parts = [example_note(s.voorbeeld)]
    if s.jaar is not None:
        parts.append(
            h.para(
                f"In {s.jaar} ({s.status}) werd {f.fmt_euro(s.regionaal)} regionaal uitgegeven en "
                f"{f.fmt_euro(s.lokaal)} lokaal door de gemeenten zelf. {budget_source(s.demonstratie)}."
            )
        )
    if s.heeft_begroting:
        parts += [h.heading(3, "Saldo van het regionale budget"), h.para(_balance_text(s))]
    fin = s.afspraken
    if not fin:
        parts.append(missing(s.code, MISSING["financien"]))
        return h.section("financien", chapters.title("financiele_paragraaf"), *parts)
    if fin.get("regionaal_budget_betaalt"):
        parts += [h.heading(3, "Het regionale budget betaalt"), h.bullets(fin["regionaal_budget_betaalt"])]
    if fin.get("overschot"):
        parts += [h.heading(3, "Een overschot"), h.para(fin["overschot"])]
    basis = "de afgesproken verdeelsleutel" if fin["tekort_verdeling"] == "sleutel" else "het aantal inwoners"
    surplus = (
        "wat er met een overschot gebeurt, staat hierboven"
        if fin.get("overschot")
        else "wat er met een overschot gebeurt, heeft de regio nog niet vastgelegd"
    )
    labels = column_labels(s)
    parts += [
        h.heading(3, "Verdeling over de gemeenten"),
        h.para(
            f"Een tekort wordt verdeeld naar {basis}; de tabel past die verdeling toe op het werkelijke saldo "
            "uit de begroting"
            + (" en op het scenario van de regio" if "scenario" in s.saldi else "")
            + ". Een negatief bedrag betaalt de gemeente bij een tekort; een positief bedrag is haar deel van "
            f"een overschot naar dezelfde verdeling ({surplus}). Elke kolom telt op tot op de cent."
        ),
        h.table(
            s.tabellen["verdeling"].rename(columns=labels),
            f"Wat elke gemeente nu lokaal uitgeeft{f' ({s.status} {s.jaar})' if s.jaar else ''} en haar deel van "
            "het regionale saldo (euro; + ontvangt, − betaalt).",
            {
                "inwoners": f.INT,
                "lokale uitgaven (€)": f.INT,
                "aandeel (%)": f.DEC,
                **dict.fromkeys(labels.values(), f.DEC2),
            },
        ),
    ]
    return h.section("financien", chapters.title("financiele_paragraaf"), *parts)
