"""Which gemeenten exist when: every year's indeling, a reporting year's composition, the default year."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workbench.io import herindelingen, kwb, reference, statline
from workbench.paths import data_dir
from workbench.stats import year_view
from workbench.stats.indeling import Indeling, build_indeling


def read_indeling(root: Path, kwb_2020: pd.DataFrame) -> tuple[Indeling, pd.DataFrame]:
    """Every year's gemeenten (see :mod:`workbench.stats.indeling`) and the 2020 figures per block."""
    wijken = kwb.read_split_wijken(root)
    indeling = build_indeling(
        kwb.gemeenten(kwb_2020)[["code", "naam"]],
        wijken,
        herindelingen.read_changes(root),
        root / herindelingen.CHANGES_FILE,
    )
    return indeling, year_view.block_kwb(kwb_2020, wijken, indeling)


def latest_year(data: str | Path | None = None) -> int:
    """The latest year of the Veilig Thuis data: the default reporting year."""
    return int(statline.read_vt_aard(data)["jaar"].max())


@dataclass(frozen=True)
class Regions:
    """The regions of a reporting year.

    Attributes
    ----------
    jaar
        The reporting year.
    composition
        The composition of that year's gemeenten (see :func:`workbench.stats.year_view.composition_in_year`).
    regions_of
        For every gemeente code of 2020 or later: the regions of ``jaar`` its area lies in (two for Haaren,
        whose villages went to gemeenten in two regions).
    """

    jaar: int
    composition: pd.DataFrame
    regions_of: dict[str, list[str]]

    def members(self, code: str) -> pd.DataFrame:
        """The composition rows of one region."""
        return self.composition[self.composition["centrumgemeente_code"] == code]

    def name(self, code: str) -> str:
        """The region's name (its centrumgemeente's)."""
        return str(self.members(code)["centrumgemeente_naam"].iloc[0])


def regions_in(data: str | Path | None, year: int) -> Regions:
    """The regions of reporting year ``year`` (see :class:`Regions`)."""
    root = data_dir(data)
    population = kwb.read_kwb(root)
    indeling, blocks = read_indeling(root, population)
    composition = year_view.composition_in_year(reference.read_composition(root), blocks, indeling, year)
    return Regions(int(year), composition, year_view.regions_of_codes(composition, indeling, year))
