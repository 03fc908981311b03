"""Veiligheidsbeoordeling: the outcome of Veilig Thuis's safety assessment, per gemeente where disclosure allows."""

from __future__ import annotations

import pytest

from pages import Tables
from tiny import tiny_region
from workbench.report.sections import veiligheidsbeoordeling as section
from workbench.stats import kengetallen

pytestmark = pytest.mark.unit


def _page(secret=frozenset()):
    data = tiny_region(set(secret))
    return Tables(section.compute(data, kengetallen.region_counts(data)).html())


def test_the_outcome_stands_beside_the_vt_region_and_nederland():
    page = _page().by_caption("Uitkomst van de veiligheidsbeoordeling")
    assert page.rows[0] == [
        "uitkomst",
        "meldingen regio",
        "aandeel regio",
        "aandeel VT-regio Proefland",
        "aandeel Nederland",
    ]
    # tiny year cells: a category 5·round(0.6·scale + 2), the total 5·round(2·scale + 2)
    assert page.cell("Overdracht", "meldingen regio") == "150"  # 100 + 35 + 15 (Aastad, Beedorp, Ceedorp)
    assert page.cell("Overdracht", "aandeel regio") == f"{150 / 430 * 100:.1f}%".replace(".", ",")


def test_a_secret_gemeente_cell_is_a_dot_and_makes_the_region_a_bound():
    secret = {("GM0003", "2024JJ00", "VB02"), ("GM0003", "2024JJ00", "VB05")}
    page = _page(secret)
    outcome = page.by_caption("Uitkomst van de veiligheidsbeoordeling")
    assert outcome.cell("Overdracht", "meldingen regio") == "≥\u00a0135"
    per = page.by_caption("Per gemeente")
    assert per.cell("Ceedorp", "overgedragen") == "."
    assert per.cell("Ceedorp", "beoordeeld") == "."
    assert per.cell("Aastad", "overgedragen") != "."
    assert per.cell("Aastad", "meldingen") == "310"  # a count, not a share


def test_the_chapter_says_the_police_share_and_that_cbs_does_not_split_by_melder():
    data = tiny_region()
    html = section.compute(data, kengetallen.region_counts(data)).html()
    assert "van politie en justitie; CBS splitst de beoordeling niet naar melder" in html
    assert "Demonstratiecijfers in de vorm van CBS-tabel 84852NED" in html
