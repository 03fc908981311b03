"""Verwachting: next year's meldingen per half-year for the region and its VT-region(s), with the back-test."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.io.inputs import RegionData
from workbench.report import chapters, charts
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, data_figure
from workbench.report.texts import FORECAST_METHOD, vt_source
from workbench.stats import verwachting, vt_figures
from workbench.stats.verwachting import Forecast


@dataclass(kw_only=True, repr=False)
class Verwachting(Section):
    """The expected meldingen in the year after the reporting year, per area.

    Tables ``reeks`` (``gebied``, ``periode``, ``aantal``, ``exact``: the series the forecast is made from),
    ``verwachting`` and ``backtest`` (as :class:`~workbench.stats.verwachting.Forecast`, with ``gebied``); the
    :attr:`redenen` say why an area has no forecast.
    """

    naam: str
    jaar: int
    demonstratie: bool
    redenen: dict[str, str]
    """Per area without a forecast: why."""
    fouten: dict[str, float]
    """Per area with a back-test: its mean absolute percentage error (see :attr:`Forecast.mape`)."""
    eigen: tuple = ()
    """The region's own registrations among the figures (see :func:`workbench.report.texts.vt_source`)."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def _series(tidy: pd.DataFrame, areas: list[str], periode: int) -> pd.DataFrame:
    """The half-year sums of meldingen (all forms) of ``areas`` up to ``periode``, with whether each is exact."""
    sums = vt_figures.region_series(tidy, areas, vt_figures.MELDINGEN)
    sums = sums[(sums["categorie_code"] == "T001") & (sums["periode"].str[:4].astype(int) <= periode)]
    exact = sums["ondergrens"].eq(sums["bovengrens"]) & sums["aantal"].notna()
    return pd.DataFrame({"periode": sums["periode"], "aantal": sums["aantal"], "exact": exact}).reset_index(drop=True)


def compute(data: RegionData) -> Verwachting:
    """Forecast the meldingen of ``data``'s region (its gemeenten's sum) and of each of its VT-regions."""
    vt_names = data.composition.drop_duplicates("vt_code").set_index("vt_code")["vt_naam"]
    areas = {f"regio {data.naam}": data.member_codes, **{f"VT-regio {vt_names[v]}": [v] for v in data.vt_codes}}
    series, expected, tests, reasons, errors = [], [], [], {}, {}
    for name, codes in areas.items():
        s = _series(data.aard, codes, data.periode)
        result: Forecast = verwachting.forecast(s)
        series.append(s.assign(gebied=name))
        if result.reden:
            reasons[name] = result.reden
            continue
        expected.append(result.verwachting.assign(gebied=name))
        tests.append(result.backtest.assign(gebied=name))
        if result.mape is not None:
            errors[name] = result.mape
    tables = {"reeks": pd.concat(series, ignore_index=True)}
    if expected:
        tables["verwachting"] = pd.concat(expected, ignore_index=True)
        tables["backtest"] = pd.concat(tests, ignore_index=True)
    return Verwachting(
        naam=data.naam,
        jaar=data.periode,
        demonstratie=data.vt_demonstratie,
        redenen=reasons,
        fouten=errors,
        eigen=data.vt_eigen,
        tabellen=tables,
    )


def render(s: Verwachting) -> str:
    """Per area the chart and table of the expectation and its back-test, or why there is none."""
    title = chapters.title("verwachting")
    parts = [
        h.para(
            f"Hoeveel meldingen Veilig Thuis in {s.jaar + 1} kan verwachten als de ontwikkeling van de afgelopen jaren "
            "doorzet. Dit is een verwachting om de capaciteit op af te stemmen, geen doel."
        )
    ]
    source = vt_source(s.demonstratie, eigen=s.eigen)
    expected = s.tabellen.get("verwachting", pd.DataFrame())
    for area in s.tabellen["reeks"]["gebied"].unique():
        parts.append(h.heading(3, area[0].upper() + area[1:]))
        if area in s.redenen:
            parts.append(
                h.para(
                    f"Voor {area} is geen verwachting gemaakt: {s.redenen[area]}. Een trend door deze cijfers zou "
                    "ruis tekenen."
                )
            )
            continue
        reeks = s.tabellen["reeks"]
        history = reeks[reeks["gebied"] == area].set_index("periode")["aantal"]
        history.index = [f.half_year_label(p) for p in history.index]
        rows = expected[expected["gebied"] == area]
        shown = rows.assign(halfjaar=rows["periode"].map(f.half_year_label))
        chart = charts.forecast(history, shown, f"Meldingen per halfjaar en de verwachting, {area}", "aantal meldingen")
        parts.append(
            data_figure(
                s.demonstratie, chart, f"Meldingen per halfjaar en de verwachting voor {s.jaar + 1}, {area}. {source}."
            )
        )
        back = s.tabellen["backtest"]
        back = back[back["gebied"] == area]
        mape = s.fouten.get(area)
        if mape is not None:
            inside = int(back["binnen"].sum())
            parts.append(
                h.para(
                    f"Terugtoets: met het model op de jaren ervoor lag de verwachting voor de laatste {len(back)} "
                    f"halfjaren gemiddeld {f.fmt_dec(mape)}% naast wat er werkelijk gemeld werd; {inside} van de "
                    f"{len(back)} werkelijke aantallen lagen binnen het interval."
                )
            )
            parts.append(
                h.table(
                    pd.DataFrame(
                        {
                            "halfjaar": back["periode"].map(f.half_year_label),
                            "verwacht": back["verwachting"],
                            "95%-voorspellingsinterval": list(zip(back["laag"], back["hoog"], strict=True)),
                            "werkelijk gemeld": back["werkelijk"],
                            "afwijking (%)": back["fout_procent"],
                        }
                    ),
                    f"Terugtoets van de verwachting, {area}: het model op de jaren ervoor, vergeleken met wat er "
                    "gemeld werd." + (" Demonstratiecijfers." if s.demonstratie else ""),
                    {
                        "verwacht": f.INT,
                        "95%-voorspellingsinterval": f.INT_RANGE,
                        "werkelijk gemeld": f.INT,
                        "afwijking (%)": f.DEC,
                    },
                    numeric=["verwacht", "95%-voorspellingsinterval", "werkelijk gemeld", "afwijking (%)"],
                )
            )
    parts.append(h.para(FORECAST_METHOD, "small"))
    return h.section("verwachting", title, *parts)
