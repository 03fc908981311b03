"""A lokale analyse for every gemeente: its sections from the region's, its page, its links, its build."""

from __future__ import annotations

import re

import nbformat
import pytest

from pages import Tables
from tiny import tiny_region
from workbench.build.publish import export_html, ran_to_the_end
from workbench.build.safety import scan
from workbench.contracts import BUILT, DOWNLOAD_DIR, UNCHANGED
from workbench.report.lokale_analyse import LokaleAnalyse, write_pages
from workbench.report.regio_analyse import RegioAnalyse

CEEDORP_2024 = {("GM0003", "2024JJ00", "T001")}


@pytest.mark.unit
def test_a_gemeente_page_reads_its_rows_from_the_region_and_says_when_its_cells_are_secret():
    ra = RegioAnalyse(tiny_region(CEEDORP_2024))
    la = LokaleAnalyse(ra, "ceedorp")
    assert (la.code, la.naam) == ("GM0003", "Ceedorp")
    profile = la.kenmerken.tabellen["kenmerken"]
    assert profile["gemeente"].tolist() == ["Ceedorp", "Regio Aastad", "Nederland"]
    assert profile.at[0, "inwoners"] == 5_000
    years = la.meldingen.tabellen["jaren"].set_index("jaar")
    assert not years.at[2024, "meldingen"].known and years.at[2023, "meldingen"].value == 30
    assert years.at[2024, "meldingen regio Aastad"].kind == "ondergrens"
    assert la.meldingen.grotendeels_geheim  # 2 of its 4 yearly cells are secret
    html = la.meldingen.html()
    assert "Voor deze gemeente zeggen de cijfers van de regio Aastad meer" in html
    assert not re.search(r"<td[^>]*>0</td>", html)  # a secret cell is '.', never 0
    beedorp = LokaleAnalyse(ra, "GM0002")
    assert beedorp.geld.tabellen["uitgaven"].to_dict("records") == [
        {"post": "Preventie en voorlichting", "bedrag_euro": 30_000}
    ]
    assert "heeft nog geen eigen toelichting gegeven" in beedorp.lokaal.html()
    with pytest.raises(ValueError, match="geen gemeente van de regio Aastad"):
        LokaleAnalyse(ra, "Amsterdam")


@pytest.mark.unit
def test_every_gemeente_gets_an_executed_notebook_that_exports_to_a_safe_page(tmp_path):
    ra = RegioAnalyse(tiny_region(), gemeenten=tmp_path)
    written = write_pages(ra, tmp_path)
    assert [p.parent.name for p in written] == ["GM0001", "GM0002", "GM0003"]
    nb = nbformat.read(written[1], as_version=4)
    assert ran_to_the_end(nb)
    html = export_html(nb, "Lokale analyse Beedorp 2024")
    assert (
        scan(html) == [] and "<h1>Lokale analyse huiselijk geweld en kindermishandeling: gemeente Beedorp</h1>" in html
    )
    assert 'href="../../regio-analyse.html"' in html
    linked = set(re.findall(rf'href="{DOWNLOAD_DIR}/([^"]+)"', html))
    assert linked and linked <= {p.name for p in (written[1].parent / DOWNLOAD_DIR).iterdir()}
    assert "lokale-analyse-GM0002.xlsx" in linked
    region_table = Tables(ra.de_regio.html()).table_starting("gemeente", "indeling")
    assert [row[0] for row in region_table[1:4]] == ["Aastad", "Beedorp", "Ceedorp"]
    assert 'href="gemeenten/GM0002/lokale-analyse.html"' in ra.de_regio.html()
    assert "gemeenten/" not in RegioAnalyse(tiny_region()).de_regio.html()  # not built, not linked


@pytest.mark.e2e
def test_the_hostile_site_links_every_gemeente_page_from_its_region_and_the_index(hostile_site):
    from sites import EVIL_GEMEENTE, ZERO_GEMEENTE

    _, out, _ = hostile_site
    utrecht = (out / "GM0344" / "regio-analyse.html").read_text(encoding="utf-8")
    pages = re.findall(r'href="(gemeenten/GM\d{4}/lokale-analyse\.html)"', utrecht)
    assert len(pages) == 16 and all((out / "GM0344" / p).is_file() for p in pages)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="GM0344/gemeenten/GM0312/lokale-analyse.html"' in index
    assert "GM0014/gemeenten/" not in index  # Groningen's gemeenten were not built in this site
    bunnik = (out / "GM0344" / "gemeenten" / "GM0312" / "lokale-analyse.html").read_text(encoding="utf-8")
    assert "<img src=x" not in bunnik and "gemeente Bunnik &lt;img src=x" in bunnik
    assert EVIL_GEMEENTE not in bunnik  # only ever escaped
    zero = (out / "GM0344" / "gemeenten" / ZERO_GEMEENTE[0] / "lokale-analyse.html").read_text(encoding="utf-8")
    years = Tables(zero).table_starting("jaar", "meldingen")
    assert [row[1] for row in years if row[0] == "2024"] == ["."]


@pytest.mark.e2e
def test_a_failed_gemeente_page_leaves_the_others_and_is_tried_again(data_copy, tmp_path, monkeypatch):
    from workbench.build import publish as publishing
    from workbench.build.batch import run_batch
    from workbench.errors import BuildError

    out = tmp_path / "reports"
    real = publishing.publish_page

    def failing(nb, name, *args, **kwargs):
        if name == "GM1926":
            raise BuildError(name, "proef: deze pagina mislukt")
        return real(nb, name, *args, **kwargs)

    monkeypatch.setattr(publishing, "publish_page", failing)
    first = run_batch(["GM0503"], data=data_copy, out=out, echo=lambda _line: None)
    (outcome,) = first.regions
    assert outcome.status == BUILT and "GM1926" in outcome.reason
    assert first.failures == [outcome] and "GM1926: proef: deze pagina mislukt" in first.failure_report()
    folder = out / "GM0503" / "gemeenten"
    assert sorted(p.name for p in folder.iterdir()) == ["GM0503", "GM1783", "GM1842"]
    monkeypatch.undo()
    second = run_batch(["GM0503"], data=data_copy, out=out, echo=lambda _line: None)
    assert second.regions[0].status == BUILT and not second.regions[0].reason  # no state was kept: built again
    assert (folder / "GM1926" / "lokale-analyse.html").is_file()
    third = run_batch(["GM0503"], data=data_copy, out=out, echo=lambda _line: None)
    assert third.regions[0].status == UNCHANGED
    regions_only = run_batch(["GM0503"], data=data_copy, out=tmp_path / "alleen", echo=lambda _line: None, local=False)
    assert regions_only.regions[0].status == BUILT and not (tmp_path / "alleen" / "GM0503" / "gemeenten").exists()


@pytest.mark.unit
def test_the_index_links_only_current_gemeenten_of_regions_not_withheld():
    from workbench.contracts import BLOCKED_KEY
    from workbench.report.sections.landelijk import lokale_analyses

    composition = tiny_region().composition
    status = {"GM0001": {"gemeenten": ["GM0002", "GM0009"], BLOCKED_KEY: False}}
    section = lokale_analyses(status, composition)
    assert section.tabellen["gemeenten"]["gemeentecode"].tolist() == ["GM0002"]  # GM0009 left the region
    assert 'href="GM0001/gemeenten/GM0002/lokale-analyse.html"' in section.html()
    withheld = lokale_analyses({"GM0001": {"gemeenten": ["GM0002"], BLOCKED_KEY: True}}, composition)
    assert withheld.tabellen["gemeenten"].empty and withheld.html() == ""


@pytest.mark.unit
def test_a_gemeente_page_shows_what_followed_its_meldingen_beside_the_region_and_nederland():
    secret = {("GM0003", "2024JJ00", "VV10"), ("GM0003", "2024JJ00", "VB02")}
    ra = RegioAnalyse(tiny_region(secret))
    table = LokaleAnalyse(ra, "Ceedorp").na_de_melding.tabellen["aandelen"].set_index("aandeel")
    assert list(table.columns) == ["Ceedorp", "regio Aastad", "Nederland"]
    assert not table.at["afgesloten: naar het lokale veld", "Ceedorp"].known  # secret: '.'
    assert table.at["afgesloten: naar het lokale veld", "regio Aastad"].kind == "ondergrens"
    assert table.at["afgesloten: naar het lokale veld", "Nederland"].value == pytest.approx(3010 / 10010 * 100)
    beedorp = LokaleAnalyse(ra, "Beedorp").na_de_melding
    assessed = beedorp.tabellen["aandelen"].set_index("aandeel").at["beoordeeld op veiligheid", "Beedorp"]
    assert assessed.value == pytest.approx(100 - 35 / 90 * 100)  # all but the not-yet-assessed
    page = Tables(beedorp.html()).by_caption("Aandeel van de meldingen van Beedorp")
    assert page.cell("afgesloten: naar een andere partij", "Beedorp") == "38,9%"  # 35 of 90
    assert "de verhoudingen in deze demonstratietabel zijn verzonnen" in beedorp.html()
