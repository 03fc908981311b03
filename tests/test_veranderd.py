"""Wat is veranderd: each key figure this year against last year, tested, and hidden where a secret cell counts."""

from __future__ import annotations

import pandas as pd
import pytest
from scipy import stats

from pages import Tables
from tiny import tiny_region
from workbench.disclosure.bounds import Bounded
from workbench.io import kerncijfers
from workbench.report.sections import veranderd as section
from workbench.stats import kengetallen, veranderd
from workbench.stats.rates import change_in_counts, change_in_shares

pytestmark = pytest.mark.unit


def _doubled(less: float, greater: float) -> float:
    return min(1.0, 2 * min(less, greater))


@pytest.mark.parametrize(
    ("before", "after", "ratio"),
    [(6785, 7050, 1.0), (10, 25, 1.0), (0, 3, 1.0), (3, 3, 1.0), (7740, 8290, 7050 / 6785), (400, 310, 0.9)],
)
def test_a_change_in_counts_is_the_exact_conditional_poisson_test(before, after, ratio):
    n, chance = before + after, ratio / (1 + ratio)
    want = _doubled(
        stats.binomtest(after, n, chance, alternative="less").pvalue,
        stats.binomtest(after, n, chance, alternative="greater").pvalue,
    )
    assert change_in_counts(before, after, ratio) == pytest.approx(want, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize(("pb", "wb", "pa", "wa"), [(4490, 6785, 4665, 7050), (5, 20, 15, 22), (0, 10, 10, 10)])
def test_a_change_in_shares_is_fisher_s_exact_test(pb, wb, pa, wa):
    table = [[pb, wb - pb], [pa, wa - pa]]
    want = _doubled(
        stats.fisher_exact(table, alternative="less").pvalue, stats.fisher_exact(table, alternative="greater").pvalue
    )
    assert change_in_shares(pb, wb, pa, wa) == pytest.approx(want, rel=1e-9, abs=1e-12)


def _counts(meldingen: tuple[Bounded, Bounded], police: tuple[float, float] = (300, 300)) -> kengetallen.AreaCounts:
    exact = Bounded.exact
    return kengetallen.AreaCounts(
        meldingen=dict(zip((2023, 2024), meldingen, strict=True)),
        adviezen={2023: exact(900), 2024: exact(905)},
        kindermishandeling={2023: exact(300), 2024: exact(300)},
        ouderenmishandeling={2023: exact(40), 2024: exact(45)},
        politie={2023: exact(police[0]), 2024: exact(police[1])},
        melder_totaal=dict(zip((2023, 2024), meldingen, strict=True)),
        beoordeling_totaal=dict(zip((2023, 2024), meldingen, strict=True)),
        niet_beoordeeld={2023: exact(30), 2024: exact(30)},
        overdracht={2023: exact(400), 2024: exact(400)},
        vervolg_totaal=dict(zip((2023, 2024), meldingen, strict=True)),
        lokaal_veld={2023: exact(450), 2024: exact(450)},
        inwoners=100_000,
        kinderen=20_000,
        ouderen=20_000,
        schatting=(500.0, 700.0),
    )


def test_a_large_change_is_beyond_chance_and_an_equal_year_within():
    table = veranderd.changes(_counts((Bounded.exact(1000), Bounded.exact(1200))), 2024).set_index("key")
    assert table.loc["meldingen", "oordeel"] == veranderd.BEYOND and table.loc["meldingen", "p"] < 0.001
    assert table.loc["meldingen", "verschil"] == 200 and table.loc["meldingen", "procent"] == pytest.approx(20)
    assert table.loc["meldingen_per_1000", "verschil"] == pytest.approx(2.0)
    assert table.loc["kindermishandeling_per_1000_kinderen", "oordeel"] == veranderd.WITHIN
    assert table.loc["kindermishandeling_per_1000_kinderen", "verschil"] == 0
    # the police share fell from 30% to 25%: beyond chance by Fisher's test
    assert table.loc["aandeel_politie", "oordeel"] == veranderd.BEYOND


def test_a_change_involving_a_secret_cell_is_never_shown_nor_tested():
    lower = Bounded(990.0, 990.0, 1004.0, 2, 3)  # two secret cells: at least 990
    table = veranderd.changes(_counts((lower, Bounded.exact(1200))), 2024).set_index("key")
    for key in ("meldingen", "meldingen_per_1000", "adviezen_per_melding", "aandeel_politie", "aandeel_lokaal_veld"):
        assert table.loc[key, "oordeel"] == veranderd.HIDDEN, key
        assert pd.isna(table.loc[key, "verschil"]) and pd.isna(table.loc[key, "p"]), key
    assert table.loc["kindermishandeling_per_1000_kinderen", "oordeel"] == veranderd.WITHIN  # its own cells are exact


def test_the_page_writes_a_hidden_change_as_a_dot_and_the_year_before_as_a_bound():
    data = tiny_region({("GM0003", "2023JJ00", "T001")})
    page = Tables(section.compute(data, kengetallen.region_counts(data)).html()).by_caption("De kengetallen")
    assert page.cell("Meldingen (aantal)", "2023").startswith("≥\u00a0")
    assert page.cell("Meldingen (aantal)", "verandering") == "."
    assert page.cell("Meldingen (aantal)", "verandering (%)") == "."
    assert page.cell("Meldingen (aantal)", "toets") == veranderd.HIDDEN
    assert page.cell("Meldingen per 1.000 inwoners", "verandering") == "."


def test_equal_years_change_nothing_and_the_page_says_so():
    data = tiny_region()
    html = section.compute(data, kengetallen.region_counts(data)).html()
    assert "Geen van de kengetallen veranderde van 2023 op 2024 meer dan toeval verklaart." in html
    page = Tables(html).by_caption("De kengetallen")
    assert page.cell("Meldingen (aantal)", "verandering") == "0"
    assert page.cell("Meldingen (aantal)", "toets") == "binnen toeval (p = 1,000)"


def test_without_a_year_before_there_is_nothing_to_compare():
    data = tiny_region(periode=2023)
    s = section.compute(data, kengetallen.region_counts(data))
    assert not s.tabellen and "er is nog niets te vergelijken" in s.html()


def test_the_largest_changes_list_each_change_once_largest_first():
    by_region = {
        "GM0001": veranderd.changes(_counts((Bounded.exact(1000), Bounded.exact(1200))), 2024),
        "GM0002": veranderd.changes(_counts((Bounded.exact(1000), Bounded.exact(1500))), 2024),
        "GM0003": veranderd.changes(_counts((Bounded.exact(1000), Bounded.exact(1010))), 2024),
    }
    names = pd.Series({"GM0001": "Aastad", "GM0002": "Beedorp", "GM0003": "Ceedorp"})
    top = veranderd.largest(by_region, names, n=10)
    assert (top["regio"].iloc[0], top["key"].iloc[0]) == ("Beedorp", "meldingen_per_1000")  # +50%
    assert "Ceedorp" not in set(top["regio"])  # +1%: within chance
    assert len(veranderd.largest(by_region, names, n=3)) == 3
    assert not top["key"].isin(veranderd.SAME_CHANGE).any()
    assert (top["oordeel"] == veranderd.BEYOND).all()
    assert top["procent"].abs().is_monotonic_decreasing


def test_figures_published_otherwise_are_listed_with_both_values_and_equal_ones_left_out():
    exact = Bounded.exact
    now = veranderd.figures(_counts((exact(1000), exact(1200))), 2023)
    published = {**now, "meldingen": (exact(950), exact(950)), "adviezen": (Bounded(900.0, 900.0, 914.0, 2, 9),) * 2}
    table = veranderd.restated(published, now).set_index("key")
    assert list(table.index) == ["meldingen", "adviezen"]  # a bound then, exact now: restated too
    assert table.loc["meldingen", "toen"].value == 950 and table.loc["meldingen", "nu"].value == 1000
    assert veranderd.restated(now, now).empty


def test_a_composition_change_is_told_by_blocks_so_a_merger_inside_the_region_is_none():
    before = {"GM0001": "Aastad", "GM0002": "Beedorp", "GM0003": "Ceedorp"}
    merged = {"GM0001": "Aastad", "GM0002": "Beeceedorp", "GM0003": "Beeceedorp"}
    assert veranderd.composition_change(before, merged) == ([], [])
    assert veranderd.composition_change(before, {"GM0001": "Aastad", "GM0004": "Deestad"}) == (
        ["Deestad"],
        ["Beedorp", "Ceedorp"],
    )


def test_kept_figures_read_back_as_they_were_written():
    data = tiny_region({("GM0003", "2024JJ00", "T001")})
    kept = section.kept_figures(data, kengetallen.region_counts(data))
    again = kerncijfers.from_json(kerncijfers.to_json(kept))
    assert again.gemeenten == {"GM0001": "Aastad", "GM0002": "Beedorp", "GM0003": "Ceedorp"}
    for key, (low, high) in kept.cijfers.items():
        assert again.cijfers[key][0].kind == low.kind and again.cijfers[key][1].kind == high.kind, key
        assert again.cijfers[key][0].value == pytest.approx(low.value), key
    assert again.cijfers["meldingen"][0].kind == "ondergrens"


def test_the_section_says_what_the_analysis_of_the_year_before_published_otherwise_and_why():
    data = tiny_region()
    counts = kengetallen.region_counts(data)
    then = veranderd.figures(counts, 2023)
    kept = kerncijfers.Kerncijfers(
        "GM0001",
        2023,
        {"GM0001": "Aastad", "GM0002": "Beedorp"},  # Ceedorp was not in the region then
        {**then, "meldingen": (Bounded.exact(380), Bounded.exact(380))},
    )
    html = section.compute(data, counts, None, kept).html()
    assert "de samenstelling van de regio veranderd (nieuw in de regio: Ceedorp)" in html
    table = Tables(html).by_caption("Cijfers over 2023 van de regio Aastad")
    assert table.cell("Meldingen (aantal)", "regio-analyse 2023") == "380"
    assert table.cell("Meldingen (aantal)", "nu berekend") != "380"
    assert len(table.rows) == 2  # only the figure that differs
    unchanged = section.compute(
        data, counts, None, kerncijfers.Kerncijfers("GM0001", 2023, kept.gemeenten | {"GM0003": "Ceedorp"}, then)
    ).html()
    assert "De cijfers over 2023 zijn dezelfde als in de regio-analyse over 2023." in unchanged
    assert "niet bewaard" in section.compute(data, counts).html()
