"""12. Monitoring: each indicator of the region's input file against its baseline and target over the years."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.disclosure.bounds import Bounded
from workbench.io import regiovisie
from workbench.io.inputs import RegionData
from workbench.report import charts
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, data_figure, example_note, missing
from workbench.report.texts import MISSING, MONITORING_INTRO, vt_source
from workbench.stats import monitoring


@dataclass(frozen=True)
class Indicator:
    """One monitoring indicator: what the region agreed, its values per year and the verdict."""

    spec: dict
    """The indicator as the region's input file gives it (naam, definitie, basislijn, doel, richting, bron)."""
    waarden: pd.DataFrame
    """Values by year: ``waarde`` (missing when unknown), ``laag``, ``hoog``, ``soort``."""
    oordeel: str
    jaar: int | None
    """The latest year with a value."""

    @property
    def eigen(self) -> bool:
        """Whether the region gives the values itself (rather than the workbench computing them)."""
        return self.spec["indicator"] == regiovisie.OWN_INDICATOR


@dataclass(kw_only=True, repr=False)
class Monitoring(Section):
    """The indicators (``indicatoren``) and, per indicator, its values (``waarden: NAME``; absent without input)."""

    code: str
    voorbeeld: bool
    demonstratie: bool
    eigen: tuple = ()
    """The region's own Veilig Thuis registrations (provenance entries; empty: none)."""
    indicatoren: list[Indicator]

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, invoer: dict | None) -> Monitoring:
    """The monitoring chapter of ``data``'s region; ``invoer`` is its input file (``None``: none yet)."""
    indicators = []
    for m in (invoer or {}).get("monitoring") or []:
        own = m["indicator"] == regiovisie.OWN_INDICATOR
        values = monitoring.own_values(m["waarden"]) if own else monitoring.computed(data, m["indicator"])
        base, target = m["basislijn"], m["doel"]
        status, year, _ = monitoring.assess_bounded(
            values,
            int(base["jaar"]),
            float(base["waarde"]),
            int(target["jaar"]),
            float(target["waarde"]),
            m["richting"] == "hoger",
        )
        indicators.append(Indicator(m, values, status, year))
    tables = {f"waarden: {i.spec['naam']}": i.waarden for i in indicators}
    if indicators:
        tables["indicatoren"] = pd.DataFrame(
            [
                {
                    "indicator": i.spec["naam"],
                    "basislijn": float(i.spec["basislijn"]["waarde"]),
                    "basisjaar": int(i.spec["basislijn"]["jaar"]),
                    "laatste waarde": None if i.jaar is None else i.waarden.at[i.jaar, "waarde"],
                    "laatste jaar": i.jaar,
                    "doel": float(i.spec["doel"]["waarde"]),
                    "doeljaar": int(i.spec["doel"]["jaar"]),
                    "oordeel": i.oordeel,
                }
                for i in indicators
            ]
        )
    return Monitoring(
        code=data.code,
        voorbeeld=bool((invoer or {}).get("voorbeeld")),
        demonstratie=data.vt_demonstratie,
        eigen=data.vt_eigen,
        indicatoren=indicators,
        tabellen=tables,
    )


def _marked(values: pd.DataFrame, year: int) -> str:
    """An indicator's value of one year with its mark (≥ for a lower bound, ca. for an approximation)."""
    row = values.loc[year]
    return f.fmt_bounded(Bounded(row["waarde"], row["laag"], row["hoog"]), f.fmt_dec)


def _figure(s: Monitoring, i: Indicator) -> str:
    m = i.spec
    chart = charts.indicator(i.waarden, m["basislijn"], m["doel"], m["naam"], i.oordeel)
    source = (
        "Waarden opgegeven door de regio"
        if i.eigen
        else f"Waarden: {vt_source(s.demonstratie, monitoring.TABLES[m['indicator']], s.eigen)}"
        + (", per 1.000 inwoners op 1 januari 2020" if m["indicator"] in monitoring.RATES else "")
    )
    return data_figure(
        s.voorbeeld if i.eigen else s.demonstratie,
        chart,
        f"{m['naam']}: waarden per jaar met basislijn en doel. {m.get('definitie') or ''} {source}.",
    )


def render(s: Monitoring) -> str:
    """The table of indicators and a chart per indicator, or what is missing."""
    if not s.indicatoren:
        return h.section("monitoring", "12. Monitoring", missing(s.code, MISSING["monitoring"]))
    rows = []
    for i in s.indicatoren:
        m, base, target = i.spec, i.spec["basislijn"], i.spec["doel"]
        origin = "opgegeven door de regio" if i.eigen else "berekend uit de gegevens"
        rows.append(
            {
                "indicator": m["naam"],
                "basislijn": f"{f.fmt_dec(base['waarde'])} ({base['jaar']})",
                "laatste waarde": f"{_marked(i.waarden, i.jaar)} ({i.jaar})" if i.jaar else "geen gegevens",
                "doel": f"{f.fmt_dec(target['waarde'])} ({target['jaar']})",
                "beter is": m["richting"],
                "oordeel": i.oordeel,
                "bron": f"{m.get('bron') or ''} ({origin})",
            }
        )
    return h.section(
        "monitoring",
        "12. Monitoring",
        example_note(s.voorbeeld),
        h.para(MONITORING_INTRO),
        h.table(
            pd.DataFrame(rows),
            "Indicatoren tegen basislijn en doel; cijfers per 1.000 inwoners gebruiken de inwoners op 1 januari "
            "2020. ≥: ondergrens en ca.: benadering, omdat gemeentecijfers geheim zijn; "
            f"'{monitoring.UNCERTAIN}': de geheime cijfers bepalen het oordeel.",
        ),
        *(_figure(s, i) for i in s.indicatoren),
    )
