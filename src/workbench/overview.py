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

from workbench import __version__, charts, vt_views
from workbench import html_parts as h
from workbench.indicators import Indicators, compute, year_code
from workbench.region_data import Inputs, load_inputs, region_view
from workbench.report_sections import BRON_CBS, DEMO_TEXT
from workbench.statline import NATIONAL_REGION, VT_AARD

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
        if region_view(self.inputs, self.names.index[0], self.periode).is_demonstration:
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
                    "bereik kindermishandeling": f"{h.fmt_pct(low)}–{h.fmt_pct(high)}",
                    "uitgaven per inwoner": ind.uitgaven_per_inwoner,
                    "status": status_label(entry) if entry else "onbekend",
                }
            )
        table = h.table(
            pd.DataFrame(rows),
            f"Kerncijfers per regio, {self.periode}. Meldingen: ontvangen meldingen "
            f"bij Veilig Thuis (sommen van gepubliceerde gemeentecijfers). {BRON_CBS}.",
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
        return HTML(h.section("regios", "Alle regio's", note, table))

    def grafieken(self) -> HTML:
        """National charts: meldingen per 1,000 per region, the national trend, and a map of the regions."""
        rates = pd.Series({self.names[c]: self.indicators[c].per_1000 for c in self.names.index}).sort_values(
            ascending=False
        )
        nl_rate = next(iter(self.indicators.values())).nl_per_1000
        bar_fig, bar_alt = charts.bars(
            rates,
            "",
            ("Nederland", nl_rate),
            f"Meldingen per 1.000 inwoners per regio, {self.periode}",
            "meldingen per 1.000 inwoners",
        )
        series = self.inputs.aard[
            (self.inputs.aard["regio_code"] == NATIONAL_REGION)
            & (self.inputs.aard["maat"] == vt_views.MELDINGEN)
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
            pd.Series({c: i.per_1000 for c, i in self.indicators.items()}),
            self.names,
            f"meldingen per 1.000 inwoners {self.periode}",
            "Nederland",
            area_word="regio's",
        )
        return HTML(
            h.section(
                "landelijk",
                "Landelijk beeld",
                h.figure(bar_fig, bar_alt, f"Meldingen per 1.000 inwoners per regio. {BRON_CBS}."),
                h.figure(trend_fig, trend_alt, f"Ontvangen meldingen in Nederland per halfjaar. {BRON_CBS}."),
                h.figure(map_fig, map_alt, "Kaart van de 35 regio's. Grenzen: CBS/PDOK 2020 (gemeenten samengevoegd)."),
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
        any_region = region_view(self.inputs, self.names.index[0], self.periode)
        items = [
            "Bevolking: CBS Kerncijfers wijken en buurten 2020 (84799NED), 1 januari 2020; CC BY 4.0.",
            f"Meldingen: CBS Veilig Thuis (84851NED), {year_code(self.periode)}"
            + (" — demonstratiecijfers in die vorm." if any_region.is_demonstration else "."),
            "Bereik kindermishandeling: meldingen over kindermishandeling gedeeld door het geschatte aantal "
            "mishandelde kinderen (NPM-2017: 26–37 per 1.000 kinderen van 0–17 jaar).",
            "Uitgaven per inwoner: uitgaven van regio en gemeenten volgens het begrotingsoverzicht, gedeeld door het "
            "aantal inwoners" + (" — demonstratiecijfers." if any_region.is_demonstration else "."),
            "Kleine aantallen (0–7) worden niet gepubliceerd; andere aantallen zijn afgerond op 5. Regiototalen zijn "
            "sommen van gepubliceerde gemeentecijfers.",
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

    def einde(self) -> HTML:
        """The closing element that marks the overview as complete."""
        return HTML('<div hidden data-report-complete="index"></div>')
