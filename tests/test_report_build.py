"""Build Utrecht's regio-analyse from the notebook and check what a reviewer gets."""

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from pages import Tables
from workbench.build.report import build_report
from workbench.build.runs import NOTEBOOK
from workbench.build.safety import scan
from workbench.contracts import REPORT_FILE
from workbench.errors import BuildError, UnknownRegionError
from workbench.io.inputs import resolve_region
from workbench.io.kwb import read_kwb
from workbench.io.reference import read_composition

SECTIONS = [
    "1. Samenvatting",
    "2. Wat deze regiovisie beantwoordt",
    "Deel 1. Regio-analyse",
    "3. De regio",
    "4. Meldingen en adviezen bij Veilig Thuis",
    "5. Wat is veranderd sinds vorig jaar",
    "6. Verwachting: meldingen volgend jaar",
    "7. Veiligheidsbeoordeling en overdracht",
    "8. Na de melding: overdracht en vervolg",
    "9. Omvang: extrapolatie van landelijke prevalentie",
    "10. Vergelijkbare regio's",
    "11. Specifieke problematiek",
    "12. Huidige aanbieders",
    "13. Spelers en krachtenveld",
    "14. Taken en budget",
    "Deel 2. Visie en plan",
    "15. Uitgangspunten en reikwijdte",
    "16. Procesplanning",
    "17. Besluitvorming",
    "18. Huidige werkwijze",
    "19. Doelen en ambities",
    "20. Regie, aansturing en verantwoording",
    "21. Preventie",
    "22. Financiële paragraaf",
    "23. Monitoring en de leercyclus",
    "24. Verantwoording",
    "Downloads",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    report = build_report("utrecht", out=out)
    html = report.html.read_text(encoding="utf-8")
    page = Tables(html)
    return report, html, page


@pytest.mark.e2e
def test_report_lands_in_out_code_folder(built):
    report, _, _ = built
    assert report.region == "GM0344"
    assert report.html.name == REPORT_FILE and report.html.parent.name == "GM0344"
    assert report.html.stat().st_size < 2_000_000


@pytest.mark.e2e
def test_sections_in_order_under_one_h1(built):
    _, _, page = built
    assert [t for t, _ in page.headings].count("h1") == 1
    assert [text for tag, text in page.headings if tag == "h2"] == SECTIONS


@pytest.mark.e2e
def test_no_code_parameters_or_outside_urls(built):
    _, html, _ = built
    for needle in ("RegioAnalyse", "ra.titel", "import ", "validatie", "papermill", "In&nbsp;[", "Traceback"):
        assert needle not in html
    assert not re.search(r"https?://", html)
    assert scan(html) == []


@pytest.mark.e2e
def test_population_equals_cbs_for_the_region(built):
    _, _, page = built
    kwb = read_kwb().set_index("naam")
    comp = read_composition()
    members = comp.loc[comp["centrumgemeente_code"] == "GM0344", "gemeentenaam"].tolist()
    region_table = page.table_starting("gemeente", "indeling")
    column = region_table[0].index("inwoners")
    shown = {row[0]: int(row[column].replace(".", "")) for row in region_table[1:]}
    for name in members:
        assert shown[name] == kwb.loc[name, "inwoners"]
    assert shown["Regio Utrecht"] == sum(kwb.loc[n, "inwoners"] for n in members)
    assert shown["Nederland"] == 17_407_585


@pytest.mark.e2e
def test_demonstration_banner_and_accountability(built):
    _, html, _ = built
    assert html.count("demonstratiecijfers") >= 2  # banner at the top and in the Verantwoording
    assert "Bron: CBS" in html and "Kenmerk van de invoer" in html and "Voorlopige perioden" in html


def _notebook_variant(tmp_path: Path, change) -> Path:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    change(nb)
    path = tmp_path / "variant.ipynb"
    nbformat.write(nb, path)
    return path


def _raise_after_parameters(nb):
    nb.cells[2].source = 'raise RuntimeError("kapot")'


def _drop_last_cell(nb):
    nb.cells.pop()


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("change", "reason"),
    [(_raise_after_parameters, "een cel gaf een fout (RuntimeError)"), (_drop_last_cell, "voor de laatste cel")],
)
def test_failed_run_keeps_the_previous_report(built, tmp_path, change, reason):
    report, html, _ = built
    before = report.html.stat().st_mtime_ns
    with pytest.raises(BuildError, match=re.escape(reason)):
        build_report("GM0344", out=report.html.parent.parent, notebook=_notebook_variant(tmp_path, change))
    assert report.html.read_text(encoding="utf-8") == html
    assert report.html.stat().st_mtime_ns == before
    assert not list(report.html.parent.glob("*.tmp"))


@pytest.mark.data
def test_region_by_code_or_name_and_a_clear_error_otherwise():
    comp = read_composition()
    assert resolve_region("GM0344", comp) == resolve_region("uTrEcHt", comp) == "GM0344"
    assert resolve_region("'s-gravenhage", comp) == "GM0518"
    with pytest.raises(UnknownRegionError, match=r"GM0344 \(Utrecht\)"):
        resolve_region("Gotham", comp)


@pytest.mark.data
def test_cli_rejects_unknown_region_listing_valid_ones(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "report", "../../x", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 2
    assert "GM0344 (Utrecht)" in out.stderr
    assert not any(tmp_path.iterdir())


@pytest.mark.e2e
def test_invalid_data_builds_no_report(data_copy, tmp_path):
    from conftest import replace_in_file

    line = '"GM0344    ";"2019HJ01";"AG01";"680";"915"'
    replace_in_file(data_copy / "veilig_thuis/84851NED_demo.csv", line, line.replace('"915"', '"-915"'))
    with pytest.raises(BuildError, match="bij de controle afgekeurd") as err:
        build_report("GM0344", data=data_copy, out=tmp_path)
    assert "84851NED_demo.csv" in str(err.value) and "aantallen zijn niet negatief" in str(err.value)
    assert not (tmp_path / "GM0344" / REPORT_FILE).exists()


@pytest.mark.e2e
def test_regiovisie_chapters_come_from_the_region_input_file(built):
    _, html, page = built
    from workbench.io.regiovisie import load, path_for

    doc = load(
        path_for("GM0344"),
        "GM0344",
        [m for m in read_composition().query("centrumgemeente_code == 'GM0344'")["gemeentecode"]],
    )
    for problem in doc["problematiek"]:
        assert problem["onderwerp"] in html
    assert all(a["naam"] in html for a in doc["aanbieders"])
    matrix = next(t for t in page.tables if t and t[0] == ["fase", "meedenken", "meebeslissen", "meeweten"])
    assert [row[0] for row in matrix[1:]] == ["voorbereiding", "analyse", "besluitvorming", "uitvoering", "evaluatie"]
    assert "Tijdlijn van de procesplanning" in html and "weken voor de deadline" in html
    shares = next(t for t in page.tables if t and t[0][0] == "gemeente" and "aandeel (%)" in t[0])
    assert len(shares) - 1 == 16  # one row per gemeente of the region
    assert "Indicatoren tegen basislijn en doel" in html and "Toelichting van de regio" in html
    assert doc["commentaar"]["samenvatting"] in html
    assert "voorbeeldinvoer" in html


@pytest.mark.e2e
def test_a_region_without_input_file_says_what_is_missing(data_copy, tmp_path):
    import shutil

    shutil.rmtree(data_copy / "regios" / "GM0503")
    html = build_report("GM0503", data=data_copy, out=tmp_path).html.read_text(encoding="utf-8")
    # problematiek, aanbieders, spelers, tasks, planning, finances, monitoring and the six chapters of part 2
    assert html.count("ontbreekt nog invoer van de regio") == 13
    assert "workbench init-region GM0503" in html
    from workbench.stats.spoorboekje import questions

    from_input = sum(q["bron"] == "invoer" for q in questions())
    data_only = len(questions()) - from_input
    assert f"beantwoord uit de gegevens, 0 uit de invoer van de regio, en {from_input} nog open" in html
    assert f"Daarvan zijn er {data_only} beantwoord" in html
    assert "‘uitgangspunten.indelingen’" in html  # an open question says which field answers it
    assert "de regio heeft nog geen eigen invoer aangeleverd" in html


def _euros(text: str) -> float:
    return float(text.replace(".", "").replace(",", ".").replace("\u2212", "-"))


@pytest.mark.e2e
def test_the_financial_paragraph_shares_the_real_saldo_to_the_cent(built):
    from workbench.io.budget import read_budget
    from workbench.stats.budget_figures import region_lines, regional_balance

    _, html, page = built
    lines = region_lines(read_budget(), "GM0344")
    realised, planned = regional_balance(lines, 2024, "gerealiseerd"), regional_balance(lines, 2025, "begroot")
    table = next(t for t in page.tables if t and t[0][:3] == ["gemeente", "inwoners", "lokale uitgaven (€)"])
    header = table[0]
    for column, saldo in [("saldo 2024, gerealiseerd (€)", realised), ("saldo 2025, begroot (€)", planned)]:
        shares = [_euros(row[header.index(column)]) for row in table[1:]]
        assert round(sum(shares), 2) == round(saldo, 2)
        assert all((s <= 0) == (saldo <= 0) for s in shares)  # a deficit is paid, a surplus received
    assert any(c.startswith("scenario: tekort van") for c in header)  # the region's own scenario, beside them
    assert "Het regionale budget sloot 2024 (gerealiseerd) met een" in html
    assert "Taken en geld" in html and page.table_starting("taak", "niveau", "afgesproken")


@pytest.mark.unit
def test_a_task_without_money_and_money_without_a_task_are_listed():
    from types import SimpleNamespace

    from workbench.report.sections import taken_en_budget

    budget = pd.DataFrame(
        {
            "regio_code": "GM0001",
            "gemeentecode": "GM0001",
            "jaar": 2024,
            "status": "gerealiseerd",
            "soort": "uitgaven",
            "post": ["Veilig Thuis", "Aanpak ouderenmishandeling"],
            "niveau": "regionaal",
            "bedrag_euro": [1000.0, 50.0],
        }
    )
    data = SimpleNamespace(
        budget=budget,
        code="GM0001",
        naam="A",
        periode=2024,
        begroting_demonstratie=False,
        member_codes=["GM0001"],
        kwb=pd.DataFrame({"code": ["GM0001"], "naam": ["A"], "inwoners": [1000]}),
    )
    invoer = {
        "taken": [
            {"taak": "Veilig Thuis", "niveau": "regionaal", "gemeente": "GM0001"},
            {"taak": "Overige taken", "niveau": "lokaal", "gemeente": "alle"},
        ]
    }
    section = taken_en_budget.compute(data, invoer)
    check = section.tabellen["taken_en_geld"].set_index("taak")["oordeel"]
    assert check.to_dict() == {
        "Veilig Thuis": "in orde",
        "Aanpak ouderenmishandeling": "geld, geen afgesproken taak",
        "Overige taken": "geen geld in de begroting",
    }
    html = section.html()
    assert "Afgesproken taken zonder geld in de begroting: Overige taken (lokaal)." in html
    assert "Geld zonder afgesproken taak: Aanpak ouderenmishandeling (regionaal)." in html
    assert "Bron: begrotingsoverzicht van de regio" in html
    assert "Taken van de centrumgemeente." in html  # one gemeente: no regiogemeenten


@pytest.mark.e2e
def test_the_analysts_narrative_in_a_markdown_cell_reaches_the_report_and_source_notes_do_not(built, tmp_path):
    def add_narrative(nb):
        cell = nbformat.v4.new_markdown_cell("## Onze aanpak\n\nDe regio werkt **samen** met <b>iedereen</b>.")
        cell["id"] = "verhaal"
        nb.cells.insert(4, cell)

    html = build_report("GM0344", out=tmp_path, notebook=_notebook_variant(tmp_path, add_narrative)).html.read_text(
        encoding="utf-8"
    )
    assert '<div class="narrative"><h2>Onze aanpak</h2>' in html and "<strong>samen</strong>" in html
    assert "&lt;b&gt;iedereen&lt;/b&gt;" in html
    assert "bronnotebook" not in html  # the notebook's own note for its readers is left out
    assert html.index("Onze aanpak") < html.index('id="samenvatting"') < html.index('id="de-regio"')
    assert scan(html) == []
