"""The national overview (``index.html``): every region's key indicators, build status and link, national charts.

Called by ``notebooks/overzicht.ipynb``; each method returns ``IPython.display.HTML``.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import shapely
from IPython.display import HTML

from workbench import __version__
from workbench.disclosure.bounds import LOWER_BOUND
from workbench.io.inputs import Inputs, load_inputs, region_view
from workbench.io.statline import NATIONAL_REGION, VT_AARD
from workbench.report import charts
from workbench.report import html_parts as h
from workbench.report.provenance import DEMO_TEXT, data_figure, vt_source
from workbench.report.sections_core import RATE_AXIS, RATE_UNIT
from workbench.stats import extrapolation, vt_figures
from workbench.stats.indicators import KM_FORM, Indicators, compute, year_code

BEREIK_FLAGS = {extrapolation.ABOVE: "bereik boven 100%", extrapolation.AROUND: "bereik rond 100%"}
"""The overview's flag for regions with about as many or more meldingen than estimated victims."""
STATUS_TEXT = {
    "gebouwd": "nieuw gebouwd",
    "ongewijzigd": "ongewijzigd",
    "mislukt": "mislukt",
    "geblokkeerd": "niet gebouwd: invoer afgekeurd",
}


def status_label(entry: dict) -> str:
    """Describe a region's build status for reviewers, saying when the shown report is an older one."""
    text = STATUS_TEXT.get(entry.get("status", ""), entry.get("status", "onbekend"))
    if entry.get("status") in ("mislukt", "geblokkeerd"):
        text += "; vorige versie getoond (verouderd)" if entry.get("rapport") else "; nog geen rapport"
    return text


class Overzicht:
    """The national overview of all regions.

    Parameters
    ----------
    inputs
        The parsed inputs.
    periode
        The reporting year.
    status
        Per region code: ``status`` and whether a report exists (``rapport``), from the batch run.
    """

    def __init__(self, inputs: Inputs, periode: int, status: dict[str, dict]) -> None:
        self.inputs = inputs
        self.periode = periode
        self.status = status
        regions = inputs.composition.drop_duplicates("centrumgemeente_code")
        self.names = regions.set_index("centrumgemeente_code")["centrumgemeente_naam"].sort_values()
        self.indicators: dict[str, Indicators] = {c: compute(region_view(inputs, c, periode)) for c in self.names.index}
        self.demonstration = region_view(inputs, self.names.index[0], periode).is_demonstration

    @classmethod
    def load(cls, data_dir: str = "", periode: int = 2024, status: str = "") -> Overzicht:
        """Load the inputs once and compute every region's indicators."""
        warnings.filterwarnings("ignore")
        statuses = json.loads(Path(status).read_text(encoding="utf-8")) if status else {}
        return cls(load_inputs(data_dir or None), periode, statuses)

    def titel(self) -> HTML:
        """Heading, introduction and, with demonstration data, the banner."""
        parts = [
            h.heading(1, "Regio-analyses huiselijk geweld en kindermishandeling: landelijk overzicht"),
            h.para(
                f"De 35 regio's van de centrumgemeenten, verslagjaar {self.periode}. Kies een regio voor haar "
                "regio-analyse.",
                "lead",
            ),
        ]
        if self.demonstration:
            parts.append(h.banner(DEMO_TEXT))
        return HTML("".join(parts))

    def tabel(self) -> HTML:
        """All regions with their key indicators, build status and a link to the report."""
        rows = []
        for code, name in self.names.items():
            ind = self.indicators[code]
            entry = self.status.get(code, {})
            low, high = ind.bereik_km
            label = f"{name} ({code})"
            rows.append(
                {
                    "regio": h.Link(label, f"{code}/regio-analyse.html") if entry.get("rapport") else label,
                    "gemeenten": ind.gemeenten,
                    "inwoners": ind.inwoners,
                    "meldingen per 1.000": ind.per_1000,
                    "bereik kindermishandeling": h.fmt_range(low, high),
                    "let op": BEREIK_FLAGS.get(extrapolation.bereik_level(low, high), ""),
                    "uitgaven per inwoner": ind.uitgaven_per_inwoner,
                    "status": status_label(entry) if entry else "onbekend",
                }
            )
        frame = pd.DataFrame(rows)
        partial = any(i.per_1000.kind == LOWER_BOUND for i in self.indicators.values())
        table = h.table(
            frame,
            f"Kerncijfers per regio, {self.periode}. Meldingen: ontvangen meldingen bij Veilig Thuis {RATE_UNIT} "
            f"(sommen van gepubliceerde gemeentecijfers). {vt_source(self.demonstration)}."
            + (" ≥: ondergrens, omdat gemeentecijfers geheim zijn." if partial else ""),
            {
                "gemeenten": h.fmt_int,
                "inwoners": h.fmt_int,
                "meldingen per 1.000": h.fmt_dec,
                "uitgaven per inwoner": h.fmt_euro,
            },
            numeric=["bereik kindermishandeling"],
        )
        failed = [
            f"{self.names[c]} ({c})" for c, e in self.status.items() if e.get("status") in ("mislukt", "geblokkeerd")
        ]
        note = h.para("Niet bijgewerkt in de laatste bouw: " + ", ".join(failed) + ".") if failed else ""
        flagged = frame.loc[frame["let op"] != "", "regio"].map(lambda r: r.text if isinstance(r, h.Link) else r)
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
        return HTML(h.section("regios", "Alle regio's", note, flag_note, table))

    def grafieken(self) -> HTML:
        """National charts: meldingen per 1,000 per region, the national trend, and a map of the regions."""
        rates = pd.Series({self.names[c]: self.indicators[c].per_1000 for c in self.names.index})
        values = pd.Series({n: b.value for n, b in rates.items()}, dtype="float64").sort_values(ascending=False)
        lower = pd.Series({n: b.kind == LOWER_BOUND for n, b in rates.items()})
        nl_rate = next(iter(self.indicators.values())).nl_per_1000
        bar_fig, bar_alt = charts.bars(
            values,
            "",
            ("Nederland", nl_rate),
            f"Meldingen per 1.000 inwoners per regio, {self.periode}",
            RATE_AXIS,
            lower,
        )
        series = self.inputs.aard[
            (self.inputs.aard["regio_code"] == NATIONAL_REGION)
            & (self.inputs.aard["maat"] == vt_figures.MELDINGEN)
            & (self.inputs.aard["halfjaar"] > 0)
            & (self.inputs.aard["categorie_code"] != "T001")
        ]
        wide = series.pivot(index="periode", columns="categorie_code", values="aantal").rename(columns=VT_AARD.labels)
        wide.index = [f"{p[:4]}-{p[-1]}" for p in wide.index]
        trend_fig, trend_alt = charts.trend(
            wide, "Meldingen per halfjaar naar aard van het geweld, Nederland", "aantal meldingen"
        )
        shapes = self._region_shapes()
        map_fig, map_alt = charts.region_map(
            shapes,
            list(shapes["code"]),
            pd.Series({c: i.per_1000.value for c, i in self.indicators.items()}, dtype="float64"),
            self.names,
            f"meldingen {self.periode} per 1.000 inwoners (1-1-2020)",
            "Nederland",
            area_word="regio's",
            lower=pd.Series({c: i.per_1000.kind == LOWER_BOUND for c, i in self.indicators.items()}),
        )
        source, demo = vt_source(self.demonstration), self.demonstration
        return HTML(
            h.section(
                "landelijk",
                "Landelijk beeld",
                data_figure(demo, bar_fig, bar_alt, f"Meldingen {RATE_UNIT} per regio. {source}."),
                data_figure(demo, trend_fig, trend_alt, f"Ontvangen meldingen in Nederland per halfjaar. {source}."),
                data_figure(
                    demo,
                    map_fig,
                    map_alt,
                    f"Kaart van de 35 regio's: meldingen {RATE_UNIT}. {source}. Grenzen: CBS/PDOK 2020 (gemeenten "
                    "samengevoegd).",
                ),
            )
        )

    def _region_shapes(self) -> pd.DataFrame:
        region_of = self.inputs.composition.set_index("gemeentecode")["centrumgemeente_code"]
        g = self.inputs.gemeente_grenzen.assign(regio=lambda d: d["code"].map(region_of))
        return pd.DataFrame(
            [
                {"code": code, "naam": self.names[code], "geometry": shapely.union_all(list(part))}
                for code, part in g.groupby("regio")["geometry"]
            ]
        )

    def verantwoording(self) -> HTML:
        """Sources, definitions, the disclosure rule and the version."""
        items = [
            "Bevolking: CBS Kerncijfers wijken en buurten 2020 (84799NED), 1 januari 2020; CC BY 4.0.",
            f"Meldingen: CBS Veilig Thuis (84851NED), {year_code(self.periode)}"
            + (" — demonstratiecijfers in die vorm." if self.demonstration else "."),
            "Bereik kindermishandeling: meldingen over kindermishandeling gedeeld door het geschatte aantal "
            f"mishandelde kinderen ({self._km_study()}). Boven 100%: meer meldingen dan geschatte slachtoffers; een "
            "melding is geen slachtoffer.",
            "Uitgaven per inwoner: uitgaven van regio en gemeenten volgens het begrotingsoverzicht, gedeeld door het "
            "aantal inwoners op 1 januari 2020" + (" — demonstratiecijfers." if self.demonstration else "."),
            "Cijfers per 1.000 inwoners gebruiken voor elk jaar het aantal inwoners op 1 januari 2020.",
            "Kleine aantallen (0–7) worden niet gepubliceerd; andere aantallen zijn afgerond op 5. Regiototalen zijn "
            "sommen van gepubliceerde gemeentecijfers; waar gemeentecijfers geheim zijn, is een regiocijfer een "
            "ondergrens (≥, 'ten minste'), en waar alle geheim zijn staat een punt ('.'), nooit 0.",
            "Meer over bronnen, begrippen en aannames staat in de Verantwoording van elke regio-analyse.",
        ]
        return HTML(
            h.section(
                "verantwoording",
                "Verantwoording",
                h.bullets(items),
                h.para(
                    f"Gemaakt met regiovisie-workbench versie {__version__}. Kenmerk van de invoer: "
                    f"{self.inputs.inputs_hash}.",
                    "small",
                ),
            )
        )

    def _km_study(self) -> str:
        """The child-abuse prevalence the bereik rests on, as the data says it (study, range, ages)."""
        row = extrapolation.latest_per_form(self.inputs.prevalentie).set_index("vorm").loc[KM_FORM]
        low, high = extrapolation.rate_bounds(row)
        return (
            f"{row['studie']}: {h.fmt_dec(low * 1000, 0)}–{h.fmt_dec(high * 1000, 0)} per 1.000 kinderen van "
            f"{row['leeftijd_min']}–{row['leeftijd_max']} jaar"
        )

    def einde(self) -> HTML:
        """The closing element that marks the overview as complete."""
        return HTML('<div hidden data-report-complete="index"></div>')
