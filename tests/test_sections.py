"""Each section computes its tables and numbers from small frames, and renders them without computing."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from pages import Figures, Tables
from tiny import tiny_budget, tiny_region
from workbench.report.sections import (
    aanbieders,
    besluitvorming,
    doelen,
    financiele_paragraaf,
    meldingen,
    monitoring,
    omvang,
    preventie,
    problematiek,
    procesplanning,
    regie,
    samenvatting,
    spelers,
    taken_en_budget,
    titel,
    werkwijze,
)
from workbench.report.sections.landelijk import status_label
from workbench.stats.indicators import compute

pytestmark = pytest.mark.unit
PLAN_CHAPTERS = (besluitvorming, werkwijze, doelen, regie, preventie)

CEEDORP_2024 = {("GM0003", "2024JJ00", "T001")}
AG03_ALL_SECRET = {(g, "2024HJ02", "AG03") for g in ("GM0001", "GM0002", "GM0003")}


def test_samenvatting_marks_a_partial_total_and_keeps_its_numbers_as_numbers():
    data = tiny_region(CEEDORP_2024)
    section = samenvatting.compute(data, compute(data))
    figures = section.tabellen["kerncijfers"].set_index("kengetal")
    assert figures.at["meldingen", "soort"] == "ondergrens" and figures.at["meldingen", "geheim"] == 1
    assert figures.at["meldingen", "waarde"] == 310 + 90  # Aastad and Beedorp; Ceedorp is secret
    html = section.html()
    assert "≥\u00a0400" in html and "ontving Veilig Thuis ten minste 400 meldingen" in html
    assert "1 van 3 gemeenten geheim" in html and "Bij 1 van de 3 gemeenten" in html


def test_meldingen_expose_their_tables_and_leave_a_secret_half_year_out_of_the_trend():
    data = tiny_region(AG03_ALL_SECRET)
    section = meldingen.compute(data, compute(data))
    t = section.tabellen
    assert set(t) == {"trend", "trend_ondergrens", "per_gemeente", "wie_meldt", "wie_meldt_soort", "trechter"}
    assert pd.isna(t["trend"].at["2e halfjaar 2024", "Ouderenmishandeling (ouder dan 65 jaar)"])  # a gap, never 0
    assert list(t["per_gemeente"].index) == ["Aastad", "Beedorp", "Ceedorp"]
    assert set(t["per_gemeente"]["vergeleken met Nederland"]) <= {"hoger", "lager", "niet verschillend"}
    html = section.html()
    alt = Figures(html).alt_starting("Lijndiagram")
    assert "Ouderenmishandeling (ouder dan 65 jaar): van 90 naar ." in alt  # 55 + 20 + 15, then all secret
    assert len(Figures(html).figures) == 4 and html.count("demonstratiecijfers") == 0  # not demonstration data


def test_omvang_puts_meldingen_beside_the_forms_veilig_thuis_registers():
    data = tiny_region()
    section = omvang.compute(data)
    assert set(section.meldingen) == {"kindermishandeling", "huiselijk geweld (alle vormen)", "ouderenmishandeling"}
    region = section.tabellen["regio"].set_index("vorm")
    assert region.at["kindermishandeling", "laag"] == 640  # 125,000 × (0.16 + 3/10 × 0.12) children × 26/1000
    table = Tables(section.html()).table_starting("vorm", "leeftijdsgroep")
    rows = {r[0]: r for r in table[1:]}
    assert rows["kindermishandeling"][3] == "150"  # the year cells of the three gemeenten: 100 + 35 + 15
    assert re.fullmatch(r"\d+%–\d+%", rows["kindermishandeling"][4])


def test_taken_en_budget_and_the_financial_paragraph_share_the_real_saldo_to_the_cent():
    data = tiny_region()
    invoer = {
        "taken": [{"taak": "Veilig Thuis", "niveau": "regionaal", "gemeente": "GM0001"}],
        "financien": {"tekort_verdeling": "inwoners", "overschot": "Naar een reserve."},
    }
    money = taken_en_budget.compute(data, invoer)
    assert money.jaar == 2024 and money.status == "gerealiseerd"
    assert money.totaal == 600_000 + 500_000 + 30_000
    checked = money.tabellen["taken_en_geld"].set_index("taak")["oordeel"]
    assert checked["Vrouwenopvang en crisisopvang"] == "geld, geen afgesproken taak"
    section = financiele_paragraaf.compute(data, invoer)
    assert section.saldi == {"saldo_gerealiseerd": -100_000.0, "saldo_begroot": -60_000.0}
    shares = section.tabellen["verdeling"]
    assert round(shares["saldo_gerealiseerd"].sum(), 2) == -100_000.0
    assert shares["saldo_gerealiseerd"].tolist() == [-80_000.0, -16_000.0, -4_000.0]  # by inhabitants
    assert "een tekort van €\u00a0100.000" in section.html()


def test_a_region_without_budget_or_input_says_what_is_missing():
    data = tiny_region(budget=tiny_budget().iloc[0:0])
    money = taken_en_budget.compute(data, None).html()
    assert "Voor deze regio is geen budget aangeleverd." in money and "ontbreekt nog invoer" in money
    for module in (problematiek, aanbieders, spelers, procesplanning, financiele_paragraaf, *PLAN_CHAPTERS):
        section = module.compute(data, None)
        assert section.tabellen == {} and "ontbreekt nog invoer van de regio" in section.html(), module.__name__
    cycle = monitoring.compute(data, None)  # the cycle and the kengetallen come from the data
    assert (
        set(cycle.tabellen) == {"kengetallen", "leercyclus"} and cycle.tabellen["leercyclus"]["zonder indicator"].all()
    )
    assert "ontbreekt nog invoer van de regio" in cycle.html()


def test_the_regiovisie_chapters_turn_the_input_file_into_tables():
    data = tiny_region()
    invoer = {
        "voorbeeld": True,
        "problematiek": [{"onderwerp": "loverboys", "toelichting": "Signalen via sociale media."}],
        "aanbieders": [{"naam": "Opvang", "hulp": "vrouwenopvang", "gemeenten": ["GM0002", "GM0003"]}],
        "spelers": [{"naam": "Politie", "rol": "meedenken", "fase": "analyse"}],
        "planning": {
            "deadline": dt.date(2026, 12, 31),
            "stand_per": dt.date(2026, 6, 30),
            "mijlpalen": [{"naam": "Start", "datum": dt.date(2026, 3, 1)}],
        },
        "monitoring": [
            {
                "indicator": "meldingen_per_1000",
                "naam": "Meldingen per 1.000",
                "basislijn": {"jaar": 2023, "waarde": 1.0},
                "doel": {"jaar": 2026, "waarde": 1.5},
                "richting": "hoger",
            }
        ],
    }
    assert problematiek.compute(data, invoer).tabellen["problematiek"].at[0, "onderwerp"] == "loverboys"
    assert aanbieders.compute(data, invoer).tabellen["aanbieders"].at[0, "gemeenten"] == "Beedorp, Ceedorp"
    matrix = spelers.compute(data, invoer).tabellen["krachtenveld"].set_index("fase")
    assert matrix.at["analyse", "meedenken"] == "Politie"
    plan = procesplanning.compute(data, invoer)
    assert plan.te_laat == 1 and "voorbeeldinvoer" in plan.html()
    indicator = monitoring.compute(data, invoer)
    values = indicator.tabellen["waarden: Meldingen per 1.000"]
    assert list(values.index) == [2023, 2024] and (values["soort"] == "exact").all()
    assert indicator.tabellen["indicatoren"].at[0, "laatste jaar"] == 2024


def test_a_section_shows_its_commentary_and_a_short_repr():
    data = tiny_region()
    section = problematiek.compute(data, {"problematiek": [{"onderwerp": "eerwraak"}]})
    section.commentaar = "Onze <eigen> toelichting."
    html = section.html()
    box = '<aside class="commentaar"><h3>Toelichting van de regio</h3><p>Onze &lt;eigen&gt; toelichting.</p></aside>'
    assert html.endswith(box + "</section>")
    assert section._repr_html_() == html
    assert repr(section) == "<Problematiek: tabellen problematiek>"


def test_the_head_states_the_data_date_and_the_version():
    head = titel.compute(tiny_region(), "9.9", [("meldingen", "3. Meldingen"), ("downloads", "Downloads")]).html()
    assert "Stand van de gegevens: Veilig Thuis tot en met het 2e halfjaar 2024 (2024 voorlopig)" in head
    assert "begroting 2024–2025" in head and "versie 9.9" in head and head.count("<h1>") == 1
    # a table of contents with an anchor per section, and the way back to the national overview
    assert '<a href="#meldingen">3. Meldingen</a>' in head and '<a href="#downloads">Downloads</a>' in head
    assert '<a href="../index.html">' in head


@pytest.mark.parametrize(
    ("entry", "label"),
    [
        ({"status": "gebouwd", "rapport": True}, "nieuw gebouwd"),
        ({"status": "mislukt", "rapport": True}, "mislukt; vorige versie getoond (verouderd)"),
        ({"status": "geblokkeerd", "rapport": False}, "niet gebouwd: invoer afgekeurd; nog geen rapport"),
    ],
)
def test_the_overview_says_when_a_shown_report_is_an_older_one(entry, label):
    assert status_label(entry) == label
