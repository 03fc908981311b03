"""Every figure on every built page is one a region can sign: unknowns, marks, dates, sources, one test."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pandas as pd
import pytest

from pages import Figures, Tables, counts_said
from workbench.contracts import REPORT_FILE
from workbench.io.gemeenten import regions_in
from workbench.io.statline import VT_AARD, read_statline_file
from workbench.report.charts import DEMO_COLOUR

LOWER = "≥\u00a0"


def region_pages(out: Path) -> list[Path]:
    return sorted(out.glob("GM*/" + REPORT_FILE))


@pytest.fixture(scope="module")
def site(hostile_site):
    data, out, _ = hostile_site
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in region_pages(out)}
    assert len(pages) == 35
    return data, out, pages


@pytest.mark.e2e
def test_table_and_funnel_give_the_same_verdict_for_every_gemeente_in_every_report(site):
    _, _, pages = site
    compared = 0
    for code, html in pages.items():
        table = Tables(html).table_starting("gemeente", "meldingen")
        verdicts = {row[0]: row[-1] for row in table[1:] if not row[0].startswith("Regio ")}
        alt = Figures(html).alt_starting("Trechterdiagram")
        above = re.search(r"Boven de 95%-grens: (.*?)\. Onder", alt).group(1)
        below = re.search(r"Onder de 95%-grens: (.*?)\.(?: Demonstratiecijfers\.)?$", alt).group(1)
        named = {"hoger": set() if above == "geen" else set(above.split("; "))}  # names may hold commas
        named["lager"] = set() if below == "geen" else set(below.split("; "))
        for verdict in ("hoger", "lager"):
            assert named[verdict] == {n for n, v in verdicts.items() if v == verdict}, (code, verdict)
        compared += len(verdicts)
    assert compared == 342  # the gemeenten of the reporting year 2024


def expected_text(cells: pd.Series, partial: pd.Series | None = None) -> str:
    """What a region sum must read: '.' when all cells are secret, '≥ n' when some are, else n.

    ``partial`` marks cells that lie only in part in the region (Haaren's, before its split): they count in
    no lower bound, and make the sum one.
    """
    part = pd.Series(False, index=cells.index) if partial is None else partial.reindex(cells.index)
    whole = cells[~part]
    if whole.isna().all():
        return "."
    total = f"{int(whole.dropna().sum()):,}".replace(",", ".")
    return (LOWER if whole.isna().any() or part.any() else "") + total


@pytest.fixture(scope="module")
def regions(site):
    """The regions of the reporting year 2024, and for a code of any year the 2024 regions it lies in."""
    data, _, _ = site
    return regions_in(data, 2024)


def region_cells(table: pd.DataFrame, regions, code: str) -> tuple[pd.DataFrame, pd.Series]:
    """The gemeente cells (of any year's codes) that lie in a 2024 region, and which lie in it only in part."""
    lies_in = table["regio_code"].map(lambda c: regions.regions_of.get(c, []))
    mine = table[lies_in.map(lambda r: code in r)]
    return mine, lies_in[mine.index].map(len) > 1


@pytest.fixture(scope="module")
def aard(site):
    data, _, _ = site
    return read_statline_file(data / "veilig_thuis/84851NED_demo.csv", VT_AARD)


@pytest.mark.e2e
def test_every_region_sum_in_trend_and_table_is_a_dot_a_marked_bound_or_exact(site, aard, regions):
    """Sums over each period's own gemeenten (2019 in the codes of 2020, 2024 in those of 2024)."""
    _, _, pages = site
    names = regions.composition.set_index("gemeentecode")["gemeentenaam"]
    meldingen = aard[aard["maat"] == "ontvangen_meldingen"]
    fully_secret = partial = split = 0
    for code, html in pages.items():
        mine, part = region_cells(meldingen, regions, code)
        alt = Figures(html).alt_starting("Lijndiagram meldingen per halfjaar")
        for cat, label in VT_AARD.labels.items():
            if cat == "T001":
                continue
            said = []
            for periode in ("2019HJ01", "2024HJ02"):
                sel = (mine["periode"] == periode) & (mine["categorie_code"] == cat)
                want = expected_text(mine.loc[sel, "aantal"], part[sel])
                fully_secret += want == "."
                partial += want.startswith(LOWER)
                split += bool(part[sel].any())
                said.append(want)
            assert f"{label}: van {said[0]} naar {said[1]}" in alt, (code, label)
        year_rows = mine[(mine["periode"] == "2024JJ00") & (mine["categorie_code"] == "T001")]
        year = year_rows["aantal"]
        table = Tables(html).table_starting("gemeente", "meldingen")
        region_row = next(r for r in table[1:] if r[0].startswith("Regio "))
        assert region_row[1] == expected_text(year), code
        published = dict(zip(year_rows["regio_code"].map(names), year, strict=True))
        for row in table[1:-1]:  # every gemeente: its own published cell, or '.'
            assert row[1] == expected_text(pd.Series([published[row[0]]], dtype="Int64")), (code, row)
    assert fully_secret and partial and split  # the shipped data has every case, so each is checked


@pytest.mark.e2e
def test_no_fully_secret_sum_shows_as_zero_in_the_omvang_table(site, aard, regions):
    _, _, pages = site
    comp = regions.composition
    forms = {"kindermishandeling": ["AG01"], "ouderenmishandeling": ["AG03"]}
    year = aard[(aard["maat"] == "ontvangen_meldingen") & (aard["periode"] == "2024JJ00")]
    for code, html in pages.items():
        members = comp.loc[comp["centrumgemeente_code"] == code, "gemeentecode"].tolist()
        table = Tables(html).table_starting("vorm", "leeftijdsgroep")
        rows = {r[0]: r for r in table[1:]}
        for form, cats in forms.items():
            cells = year.loc[year["regio_code"].isin(members) & year["categorie_code"].isin(cats), "aantal"]
            want = expected_text(cells)
            assert rows[form][3] == want, (code, form)
            reach = rows[form][4]
            if want == ".":
                assert reach == ".", (code, form)
            else:  # a range of percentages, marked exactly when the meldingen are
                assert re.fullmatch(r"(≥\u00a0)?\d+%(–\d+%)?", reach), (code, form, reach)
                assert reach.startswith(LOWER) == want.startswith(LOWER), (code, form)


def _stamped(src: str) -> bool:
    """Whether a chart image carries the demonstration stamp: the word, drawn in the stamp's colour."""
    assert src.startswith("data:image/svg+xml;base64,"), src[:40]
    svg = base64.b64decode(src.split(",", 1)[1]).decode("utf-8")
    texts = re.findall(r"<text ([^>]*)>([^<]*)</text>", svg)
    return any(text == "demonstratiecijfers" and f'fill="{DEMO_COLOUR}"' in attrs for attrs, text in texts)


@pytest.mark.e2e
def test_every_chart_on_demonstration_data_says_so_inside_the_image_and_never_bron_cbs(site):
    _, out, pages = site
    index = (out / "index.html").read_text(encoding="utf-8")
    seen = 0
    for html in [pages["GM0344"], pages["GM0080"], index]:
        for fig in Figures(html).figures:
            real = fig["caption"].startswith("Leeftijdsopbouw")  # population figures are real CBS figures
            assert ("Bron: CBS" in fig["caption"]) == real, fig["caption"]
            own = "opgegeven door de regio" in fig["caption"] or fig["caption"].startswith("Tijdlijn")
            if not real and not own:
                assert "emonstratiecijfers" in fig["caption"] and fig["alt"].endswith("Demonstratiecijfers.")
                assert _stamped(fig["src"]), fig["caption"]
                seen += 1
            if real:
                assert not _stamped(fig["src"])
    assert seen >= 20


@pytest.mark.e2e
def test_every_rate_names_its_population_date(site):
    _, out, pages = site
    for html in [*pages.values(), (out / "index.html").read_text(encoding="utf-8")]:
        page = Tables(html)
        for table, caption in zip(page.tables, page.captions, strict=True):
            headers = " ".join(table[0])
            if "per 1.000" in headers or "per inwoner" in headers:
                assert "1 januari 2020" in caption, caption
        for fig in Figures(html).figures:
            if "per 1.000" in fig["caption"]:
                assert "1 januari 2020" in fig["caption"], fig["caption"]


@pytest.mark.e2e
def test_the_data_date_and_version_stand_near_the_top(site):
    _, _, pages = site
    for html in pages.values():
        top = html[: html.index("<h2")]
        assert "Stand van de gegevens: Veilig Thuis tot en met het 2e halfjaar 2024 (2023 en 2024 voorlopig)" in top
        assert "regiovisie-workbench versie" in top and "bevolking op 1 januari 2020" in top


def _percent(text: str) -> float:
    return float(text.replace("%", "").replace(",", "."))


@pytest.mark.e2e
def test_the_overview_flags_every_region_with_more_meldingen_than_estimated_victims(site):
    _, out, _ = site
    page = Tables((out / "index.html").read_text(encoding="utf-8"))
    table = page.table_starting("regio", "code")
    header = table[0]
    flagged = 0
    for row in table[1:]:
        bereik, flag = row[header.index("bereik kindermishandeling")], row[header.index("let op")]
        if bereik.startswith(LOWER) or bereik == ".":
            continue
        low, high = (_percent(x) for x in bereik.split("–"))
        want = "bereik boven 100%" if low > 100 else "bereik rond 100%" if high >= 100 else ""
        assert flag == want, row
        flagged += bool(want)
    assert flagged >= 1


@pytest.mark.e2e
def test_de_regio_marks_each_gemeente_and_the_verantwoording_lists_its_sources(site, regions):
    _, _, pages = site
    comp = regions.composition
    for code, html in pages.items():
        table = Tables(html).table_starting("gemeente", "indeling")
        markers = {row[1] for row in table[1:] if row[1]}
        assert markers <= {"B", "A", "M", "R", "E"} and len([r for r in table[1:] if r[1]]) == len(
            comp[comp["centrumgemeente_code"] == code]
        )
        assert ("Niet elke gemeente is met zekerheid bij deze regio ingedeeld" in html) == bool(
            markers & {"A", "M", "R"}
        )
        assert "Bronnen van de indeling van de regio" in html


@pytest.mark.e2e
def test_the_summary_says_ten_minste_exactly_where_the_region_total_is_a_lower_bound(site):
    _, _, pages = site
    marked = 0
    for code, html in pages.items():
        table = Tables(html).table_starting("gemeente", "meldingen")
        partial = next(r for r in table[1:] if r[0].startswith("Regio "))[1].startswith(LOWER)
        summary = html[html.index('id="samenvatting"') : html.index('id="de-regio"')]
        assert ("ontving Veilig Thuis ten minste" in summary) == partial, code
        assert ("gemeenten geheim" in summary) == partial, code
        marked += partial
    assert marked >= 1


@pytest.mark.e2e
def test_a_summary_of_an_all_secret_region_shows_no_number_for_it():
    from types import SimpleNamespace

    from workbench.disclosure.bounds import Bounded
    from workbench.report.sections import samenvatting
    from workbench.stats.indicators import Indicators

    unknown = Bounded.count(pd.Series([None, None], dtype="Int64"))
    ind = Indicators(
        inwoners=2000,
        gemeenten=2,
        meldingen=unknown,
        per_1000=unknown.scaled(0.5),
        ci_laag=None,
        ci_hoog=None,
        vergeleken="onbekend",
        nl_per_1000=7.4,
        adviezen=unknown,
        politie_aandeel=unknown.share_of(unknown),
        nl_politie_aandeel=0.67,
        km_meldingen=unknown,
        km_schatting_laag=50.0,
        km_schatting_hoog=70.0,
        uitgaven_per_inwoner=None,
        budget_jaar=None,
        budget_status=None,
        voorlopig=True,
    )
    html = samenvatting.compute(SimpleNamespace(periode=2024), ind).html()
    figures = re.findall(r'<span class="kf-value">([^<]*)</span>', html)
    assert figures == ["2.000", ".", ".", "."]
    assert "een onbekend aantal (alle gemeentecijfers geheim) meldingen" in html
    assert "niet te vergelijken met het landelijk gemiddelde" in html
    assert "politie of justitie" not in html  # an unknown share is left out, not written as 0%
    assert not re.search(r"\b0(,0)?%?\b", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.e2e
def test_no_count_of_meldingen_or_adviezen_in_any_text_or_alt_text_is_0_to_7(site):
    _, out, pages = site
    found = 0
    for html in [*pages.values(), (out / "index.html").read_text(encoding="utf-8")]:
        counts = counts_said(html)
        for count in counts:
            assert int(count.replace(".", "")) >= 10, count
        found += len(counts)
    assert found > 35 * 10


@pytest.mark.e2e
def test_a_change_is_shown_only_between_two_exact_figures_in_every_report(site):
    _, out, pages = site
    hidden = 0
    for code, html in pages.items():
        table = Tables(html).by_caption("De kengetallen van de regio")
        header = table.rows[0]
        before, after = header.index("2023"), header.index("2024")
        for row in table.rows[1:]:
            marked = any(row[i] == "." or row[i].startswith(("≥", "ca.")) for i in (before, after))
            if marked:
                hidden += 1
                assert row[header.index("verandering")] == "." and row[header.index("toets")].startswith("niet getoond")
            else:
                assert row[header.index("verandering")] != ".", (code, row)
    assert hidden > 0  # the shipped data has secret cells: the rule is exercised
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Grootste veranderingen sinds 2023" in index


@pytest.mark.e2e
def test_utrecht_shows_what_changed_what_is_expected_the_backtest_error_the_assessment_and_what_followed(site):
    _, _, pages = site
    html = pages["GM0344"]
    titles = [t for level, t in Tables(html).headings if level == "h2"]
    assert any("Wat is veranderd sinds vorig jaar" in t for t in titles)
    assert any("Verwachting: meldingen volgend jaar" in t for t in titles)
    assert any("Veiligheidsbeoordeling en overdracht" in t for t in titles)
    assert "Aandeel meldingen waarvan de veiligheid is beoordeeld" in html  # a kengetal of the monitoring
    assert any("Na de melding: overdracht en vervolg" in t for t in titles)
    assert "Aandeel afgesloten meldingen overgedragen aan het lokale veld" in html
    assert "de verhoudingen in deze demonstratietabel zijn verzonnen" in html
    assert re.search(r"Terugtoets: .* gemiddeld \d+,\d% naast wat er werkelijk gemeld werd", html)
    assert "geen doel" in html
