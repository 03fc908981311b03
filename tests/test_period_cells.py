"""Sums from the cells of one period (a split per gemeente) are the region sums of ``region_count``, exactly."""

from __future__ import annotations

import itertools

import pytest

from tiny import GEMEENTEN, tiny_region
from workbench.stats.vt_figures import PeriodCells, region_count

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("table", ["aard", "melder", "beoordeling", "vervolg"])
def test_every_sum_equals_region_count_with_secret_and_absent_cells(table):
    codes = list(GEMEENTEN)
    secret = {(codes[0], "2024JJ00", "T001"), (codes[1], "2024JJ00", "T001"), (codes[2], "2023JJ00", "AG01")}
    tidy = getattr(tiny_region(secret), table)
    tidy = tidy[~((tidy["regio_code"] == codes[2]) & (tidy["periode"] == "2023JJ00"))]  # a gemeente without cells
    member_sets = [[c] for c in codes] + [codes, codes[:2], [*codes, "GM9999"], ["GM9999"], ["VT01"], ["NL01"]]
    checked = 0
    for periode, maat in itertools.product(tidy["periode"].unique(), tidy["maat"].unique()):
        cells = PeriodCells.of(tidy, periode, maat)
        for categorie, members in itertools.product(tidy["categorie_code"].unique(), member_sets):
            assert cells.count(categorie, members) == region_count(tidy, periode, categorie, maat, members)
            checked += 1
    assert checked > 100
