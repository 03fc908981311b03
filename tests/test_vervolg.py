"""Na de melding: what followed the closed meldingen, beside the VT-region and Nederland, per gemeente."""

from __future__ import annotations

import pytest

from pages import Tables
from tiny import tiny_region
from workbench.report.sections import vervolg as section
from workbench.stats import kengetallen

pytestmark = pytest.mark.unit

YEAR = "2024JJ00"


def _section(secret=frozenset()):
    data = tiny_region(set(secret))
    return section.compute(data, kengetallen.region_counts(data))


def test_each_follow_up_stands_beside_the_vt_region_and_nederland_with_its_parts_marked():
    page = Tables(_section().html()).by_caption("Vervolg na de afgesloten meldingen")
    assert page.rows[0] == [
        "vervolg",
        "afgesloten meldingen regio",
        "aandeel regio",
        "aandeel VT-regio Proefland",
        "aandeel Nederland",
    ]
    assert [r[0] for r in page.rows[1:]] == [
        "Overdracht aan het lokale veld",
        "waarvan overdracht aan wijkteam of sociaal team",
        "waarvan overdracht aan andere lokale hulpverlening",
        "Overdracht aan een andere partij (jeugdbescherming, Raad voor de Kinderbescherming, politie)",
        "Afgesloten zonder overdracht",
    ]
    # tiny year cells: a category 5·round(0.6·scale + 2), the total 5·round(2·scale + 2)
    assert page.cell("Overdracht aan het lokale veld", "afgesloten meldingen regio") == "150"  # 100 + 35 + 15
    assert page.cell("Overdracht aan het lokale veld", "aandeel regio") == "34,9%"  # 150 / 430
    assert page.cell("Overdracht aan het lokale veld", "aandeel Nederland") == "30,1%"  # 3.010 / 10.010


def test_a_secret_gemeente_cell_is_a_dot_and_makes_the_region_and_its_share_lower_bounds():
    page = Tables(_section({("GM0003", YEAR, "VV10")}).html())
    split = page.by_caption("Vervolg na de afgesloten meldingen")
    assert split.cell("Overdracht aan het lokale veld", "afgesloten meldingen regio") == "≥\u00a0135"
    assert split.cell("Overdracht aan het lokale veld", "aandeel regio") == "≥\u00a031,4%"  # 135 of exactly 430
    per = page.by_caption("Per gemeente")
    assert per.cell("Ceedorp", "naar lokaal veld") == "."
    assert per.cell("Ceedorp", "afgesloten meldingen") == "30"
    assert per.cell("Aastad", "naar lokaal veld") == "32,3%"  # 100 / 310


def test_a_gemeente_whose_total_is_secret_shows_no_share_at_all():
    per = Tables(_section({("GM0002", YEAR, "T001")}).html()).by_caption("Per gemeente")
    assert next(r for r in per.rows if r[0] == "Beedorp")[1:] == [".", ".", ".", "."]


def test_a_region_without_published_figures_says_so_instead_of_a_number():
    secret = {(g, YEAR, c) for g in ("GM0001", "GM0002", "GM0003") for c in ("T001", "VV10")}
    s = _section(secret)
    assert not s.afgesloten.known and not s.lokaal_veld.known
    html = s.html()
    assert "geen cijfers gepubliceerd over wat er na de melding gebeurde" in html
    assert "0%" not in Tables(html).by_caption("Per gemeente").rows[1][1:]


def test_the_chapter_says_its_demonstration_proportions_are_invented_and_joins_the_kengetallen():
    s = _section()
    html = s.html()
    assert "Demonstratiecijfers in de vorm van CBS-tabel 84854NED" in html
    assert "de verhoudingen in deze demonstratietabel zijn verzonnen" in html
    assert s.lokaal_veld.value == pytest.approx(150 / 430 * 100)
    assert "aandeel_lokaal_veld" in kengetallen.KENGETALLEN
