"""Values per year of the monitoring indicators the workbench computes from the data, for one region."""

from __future__ import annotations

import pandas as pd

from workbench import vt_views
from workbench.indicators import region_population
from workbench.rates import PER
from workbench.region_data import RegionData


def computed(data: RegionData, indicator: str) -> pd.Series:
    """Values by year (2019–2024) of ``meldingen_per_1000``, ``adviezen_per_1000`` or ``aandeel_politie``.

    Counts are the region's sums of published gemeente cells; rates use the population of 1 January 2020.
    """
    members = data.member_codes
    if indicator in ("meldingen_per_1000", "adviezen_per_1000"):
        measure = vt_views.MELDINGEN if indicator == "meldingen_per_1000" else vt_views.ADVIEZEN
        series = vt_views.region_series(data.aard, members, measure, half_years=False)
        total = series[series["categorie_code"] == "T001"].set_index("periode")["aantal"]
        return pd.Series({int(p[:4]): n / region_population(data) * PER for p, n in total.items()})
    if indicator == "aandeel_politie":
        series = vt_views.region_series(data.melder, members, vt_views.MELDINGEN, half_years=False)
        wide = series.pivot(index="periode", columns="categorie_code", values="aantal")
        return pd.Series({int(p[:4]): row["M110"] / row["T001"] * 100 for p, row in wide.iterrows() if row["T001"]})
    raise ValueError(f"not a computed indicator: {indicator}")
