"""Monitoring en de leercyclus: the cycle's steps, the kengetallen, the region's indicators against their targets.

The kengetallen are computed by the workbench and shown against their baseline, Nederland and the peer regions.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.disclosure.bounds import Bounded
from workbench.io import regiovisie
from workbench.io.inputs import RegionData
from workbench.io.statline import VT_VERVOLG
from workbench.report import chapters, charts
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, data_figure, example_note, missing
from workbench.report.texts import (
    CYCLE_INTRO,
    INVENTED_PROPORTIONS_SHORT,
    KENGETALLEN_INTRO,
    MISSING,
    MONITORING_INTRO,
    NO_INDICATOR_FLAG,
    OUTCOME_MISSING,
    vt_source,
)
from workbench.stats import kengetallen, leercyclus, monitoring


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

    @property
    def stap(self) -> int:
        """The step of the learning cycle it serves: as the region tags it, else the kengetal's own step."""
        return int(self.spec.get("stap") or kengetallen.KENGETALLEN[self.spec["indicator"]].stap)


@dataclass(kw_only=True, repr=False)
class Monitoring(Section):
    """The learning cycle, the kengetallen and the region's indicators.

    Tables ``leercyclus`` (per step its indicators and kengetallen, flagged where the region agreed none),
    ``kengetallen`` (see :func:`workbench.stats.kengetallen.table`), and with input ``indicatoren`` and per
    indicator its values (``waarden: NAME``).
    """

    code: str
    voorbeeld: bool
    demonstratie: bool
    eigen: tuple = ()
    """The region's own Veilig Thuis registrations (provenance entries; empty: none)."""
    verzonnen: bool = False
    """Whether the proportions of what followed a melding (84854NED) are invented demonstration figures."""
    indicatoren: list[Indicator]
    periode: int
    basisjaar: int

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(
    data: RegionData,
    invoer: dict | None,
    withheld: frozenset[str] = frozenset(),
    counts: kengetallen.AreaCounts | None = None,
) -> Monitoring:
    """The monitoring chapter of ``data``'s region; ``invoer`` is its input file (``None``: none yet).

    ``withheld`` are regions whose input failed validation: left out of the peers' mean of the kengetallen;
    ``counts`` are the region's counts when known already (see :func:`workbench.stats.kengetallen.region_counts`).
    """
    counts = counts or kengetallen.region_counts(data)
    indicators = []
    for m in (invoer or {}).get("monitoring") or []:
        own = m["indicator"] == regiovisie.OWN_INDICATOR
        values = monitoring.own_values(m["waarden"]) if own else monitoring.computed(data, m["indicator"], counts)
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
                    "stap": i.stap,
                }
                for i in indicators
            ]
        )
    figures = kengetallen.table(data, withheld, counts)
    agreed = pd.DataFrame({"naam": [i.spec["naam"] for i in indicators], "stap": [i.stap for i in indicators]})
    tables["kengetallen"] = figures
    tables["leercyclus"] = leercyclus.cycle(agreed, figures)
    return Monitoring(
        periode=data.periode,
        basisjaar=int(figures["basisjaar"].iloc[0]),
        code=data.code,
        voorbeeld=bool((invoer or {}).get("voorbeeld")),
        demonstratie=data.vt_demonstratie,
        eigen=data.vt_eigen,
        verzonnen=data.demonstratie_tabel(VT_VERVOLG.table_id),
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
        else f"Waarden: {vt_source(s.demonstratie, kengetallen.KENGETALLEN[m['indicator']].tabellen, s.eigen)}"
        + (", per 1.000 op 1 januari 2020" if kengetallen.KENGETALLEN[m["indicator"]].eenheid == "per 1.000" else "")
    )
    return data_figure(
        s.voorbeeld if i.eigen else s.demonstratie,
        chart,
        f"{m['naam']}: waarden per jaar met basislijn en doel. {m.get('definitie') or ''} {source}.",
    )


def _cycle(s: Monitoring) -> str:
    cycle = s.tabellen["leercyclus"]
    shown = cycle.assign(
        stap=cycle["stap"].astype(str) + ". " + cycle["naam"],
        **{
            "indicatoren van de regio": cycle["indicatoren van de regio"].map(
                lambda n: "; ".join(n) or NO_INDICATOR_FLAG
            ),
            "kengetallen": cycle["kengetallen"].map(lambda n: "; ".join(n) or "geen"),
        },
    )[["stap", "vraag", "indicatoren van de regio", "kengetallen"]]
    empty = cycle.loc[cycle["zonder indicator"], "stap"].tolist()
    flag = (
        f"Voor {'stap' if len(empty) == 1 else 'de stappen'} {', '.join(map(str, empty))} heeft de regio nog geen "
        "indicator afgesproken."
        if empty
        else "Voor elke stap heeft de regio een indicator afgesproken."
    )
    return (
        h.heading(3, "De leercyclus")
        + h.para(CYCLE_INTRO)
        + h.para(flag, "missing" if empty else None)
        + h.table(
            shown,
            "De zes stappen van de leer- en verbetercyclus met de indicatoren van de regio en de "
            "kengetallen van de workbench die bij elke stap horen.",
        )
    )


def _kengetallen(s: Monitoring) -> str:
    k = s.tabellen["kengetallen"]
    year, first = s.periode, s.basisjaar
    shown = k.rename(
        columns={
            "basislijn": f"basislijn {first}",
            "regio": f"regio {year}",
            "Nederland": f"Nederland {year}",
            "vergelijkbare regio's": f"vergelijkbare regio's {year}",
        }
    )[
        [
            "kengetal",
            "eenheid",
            f"basislijn {first}",
            f"regio {year}",
            f"Nederland {year}",
            f"vergelijkbare regio's {year}",
            "soort",
            "stap",
        ]
    ]
    ranges = f.RangeFormat(f.DEC)
    formats = {c: ranges for c in shown.columns if c.split(" ")[-1] in (str(year), str(first))}
    return (
        h.heading(3, "Kengetallen uit de gegevens")
        + h.para(KENGETALLEN_INTRO)
        + h.table(
            shown,
            f"Kengetallen van de regio in {first} (basislijn) en {year}, naast Nederland en het gemiddelde van de vijf "
            "meest vergelijkbare regio's met een gepubliceerd cijfer. Per 1.000: inwoners op 1 januari 2020; kinderen "
            "van 0 tot en met 17 jaar afgeleid uit de leeftijdsgroepen van CBS. Bereik: een bandbreedte, omdat de "
            "schatting van het aantal slachtoffers een bandbreedte is. ≥: ondergrens en ca.: benadering, omdat "
            f"gemeentecijfers geheim zijn. {vt_source(s.demonstratie, kengetallen.VT_TABLES, s.eigen)}."
            + (f" {INVENTED_PROPORTIONS_SHORT}" if s.verzonnen else ""),
            formats,
            numeric=["stap"],
        )
        + h.para(OUTCOME_MISSING + " " + "; ".join(leercyclus.MISSING_OUTCOME) + ".")
    )


def render(s: Monitoring) -> str:
    """The learning cycle, the kengetallen, the table of the region's indicators and a chart per indicator."""
    parts = [example_note(s.voorbeeld and bool(s.indicatoren)), _cycle(s), _kengetallen(s)]
    parts.append(h.heading(3, "Indicatoren van de regio"))
    if not s.indicatoren:
        parts.append(missing(s.code, MISSING["monitoring"]))
        return h.section("monitoring", chapters.title("monitoring"), *parts)
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
                "stap": i.stap,
                "bron": f"{m.get('bron') or ''} ({origin})",
            }
        )
    parts += [
        h.para(MONITORING_INTRO),
        h.table(
            pd.DataFrame(rows),
            "Indicatoren tegen basislijn en doel; cijfers per 1.000 inwoners gebruiken de inwoners op 1 januari "
            "2020. ≥: ondergrens en ca.: benadering, omdat gemeentecijfers geheim zijn; "
            f"'{monitoring.UNCERTAIN}': de geheime cijfers bepalen het oordeel. Stap: de stap van de leercyclus.",
            numeric=["stap"],
        ),
        *(_figure(s, i) for i in s.indicatoren),
    ]
    return h.section("monitoring", chapters.title("monitoring"), *parts)
