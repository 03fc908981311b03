"""Values per year of the monitoring indicators the workbench computes from the data, for one region."""

from __future__ import annotations

import pandas as pd

from workbench.disclosure.bounds import Bounded, row_bounded
from workbench.io.inputs import RegionData
from workbench.stats import vt_figures
from workbench.stats.indicators import region_population
from workbench.stats.rates import PER

VALUE_COLUMNS = ["waarde", "laag", "hoog", "soort"]
TABLES = {"meldingen_per_1000": "84851NED", "adviezen_per_1000": "84851NED", "aandeel_politie": "84849NED"}
"""The CBS table each computed indicator comes from."""
RATES = ("meldingen_per_1000", "adviezen_per_1000")
"""The computed indicators that are rates per 1,000 inhabitants (of 1 January 2020)."""


def frame_of(values: dict[int, Bounded]) -> pd.DataFrame:
    """Indicator values by year as a frame: ``waarde`` (missing when unknown), ``laag``, ``hoog``, ``soort``."""
    rows = {year: (b.value, b.low, b.high, b.kind) for year, b in sorted(values.items())}
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=VALUE_COLUMNS)
    return frame.astype({"waarde": "float64", "laag": "float64", "hoog": "float64"})


def own_values(values: dict) -> pd.DataFrame:
    """A region's own indicator values (``jaar: waarde``), exact, as the same frame."""
    return frame_of({int(y): Bounded.exact(float(v)) for y, v in values.items()})


def computed(data: RegionData, indicator: str) -> pd.DataFrame:
    """Values by year (2019–2024) of ``meldingen_per_1000``, ``adviezen_per_1000`` or ``aandeel_politie``.

    Counts are the region's sums of published gemeente cells, so a value is a lower bound (rates) or an
    approximation (the police share) where cells are secret, and unknown where all are; rates use the population
    of 1 January 2020. Returns the frame of :func:`frame_of` (``soort``: exact, ondergrens, benadering, onbekend).
    """
    members = data.member_codes
    if indicator in ("meldingen_per_1000", "adviezen_per_1000"):
        measure = vt_figures.MELDINGEN if indicator == "meldingen_per_1000" else vt_figures.ADVIEZEN
        series = vt_figures.region_series(data.aard, members, measure, half_years=False)
        total = series[series["categorie_code"] == "T001"].set_index("periode")
        factor = PER / region_population(data)
        return frame_of({int(p[:4]): row_bounded(row).scaled(factor) for p, row in total.iterrows()})
    if indicator == "aandeel_politie":
        series = vt_figures.region_series(data.melder, members, vt_figures.MELDINGEN, half_years=False)
        police = series[series["categorie_code"] == "M110"].set_index("periode")
        total = series[series["categorie_code"] == "T001"].set_index("periode")
        return frame_of(
            {
                int(p[:4]): row_bounded(police.loc[p]).share_of(row_bounded(row)).scaled(100)
                for p, row in total.iterrows()
            }
        )
    raise ValueError(f"not a computed indicator: {indicator}")
