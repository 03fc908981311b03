"""The regiovisie's visie and plan chapters, the learning cycle, the kengetallen and the spoorboekje's questions.

Each chapter is computed from a small input on the tiny region (see ``tiny.py``) and checked on its tables and
its page; the input file's new blocks are checked for located Dutch errors.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from pages import Tables
from tiny import tiny_region
from workbench.errors import RegiovisieError
from workbench.io.regiovisie import load, write_template
from workbench.report import chapters
from workbench.report.sections import (
    beantwoord,
    besluitvorming,
    doelen,
    monitoring,
    preventie,
    regie,
    uitgangspunten,
    werkwijze,
)
from workbench.stats import kengetallen, overlap, spoorboekje

pytestmark = pytest.mark.unit

AS_OF = dt.date(2026, 6, 30)
CEEDORP_2024 = {("GM0003", "2024JJ00", "T001")}


# --- the report's structure -----------------------------------------------------------------------------------


def test_the_chapters_are_numbered_through_in_two_parts_and_none_calls_itself_chapter_one():
    assert chapters.title("samenvatting") == "1. Samenvatting"
    assert chapters.title("beantwoord") == "2. Wat deze regiovisie beantwoordt"
    numbers = [chapters.number(key) for key in chapters.CHAPTERS]
    assert numbers == list(range(1, len(numbers) + 1))
    assert chapters.part_of("spelers").titel == "Regio-analyse" and chapters.part_of("doelen").titel == "Visie en plan"
    order = chapters.order()
    assert order.index("deel_1") < order.index("de_regio") < order.index("deel_2") < order.index("uitgangspunten")
    assert order[-1] == "verantwoording"


# --- uitgangspunten -------------------------------------------------------------------------------------------


def test_the_vt_region_overlap_names_shared_gemeenten_and_those_outside():
    composition = pd.DataFrame(
        {
            "gemeentecode": ["GM1", "GM2", "GM3", "GM4"],
            "gemeentenaam": ["Aa", "Bee", "Cee", "Dee"],
            "centrumgemeente_code": ["GM1", "GM1", "GM3", "GM3"],
            "centrumgemeente_naam": ["Aa", "Aa", "Cee", "Cee"],
            "vt_code": ["VT1", "VT2", "VT1", "VT2"],
            "vt_naam": ["Noord", "Zuid", "Noord", "Zuid"],
        }
    )
    rows = overlap.vt_regions(composition, {"GM1": "Aa", "GM2": "Bee"}).set_index("naam")
    assert rows.at["Noord", "gedeeld"] == ["Aa"] and rows.at["Noord", "alleen in de centrumregio"] == ["Bee"]
    assert rows.at["Noord", "buiten de centrumregio"] == ["Cee (regio Cee)"]
    assert rows.at["Zuid", "buiten de centrumregio"] == ["Dee (regio Cee)"]


def test_uitgangspunten_show_the_input_beside_the_vt_region_from_the_data():
    data = tiny_region()
    invoer = {
        "uitgangspunten": {
            "procesdoelen": ["Eén verdeling van het geld"],
            "vormen": ["kindermishandeling"],
            "reikwijdte": "Alleen gezamenlijke afspraken.",
            "indelingen": [
                {"soort": "jeugdregio", "naam": "Jeugd Oost", "gemeenten": ["GM0001", "GM0002"]},
                {"soort": "politie_eenheid", "naam": "Eenheid Oost", "gemeenten": ["alle"], "buiten_de_regio": ["X"]},
            ],
        }
    }
    section = uitgangspunten.compute(data, invoer)
    table = section.tabellen["indelingen"].set_index("naam")
    assert table.at["Proefland", "bron"] == overlap.FROM_DATA and table.at["Proefland", "gedeelde gemeenten"] == 3
    assert table.at["Jeugd Oost", "alleen in de centrumregio"] == "Ceedorp"
    assert (
        table.at["Eenheid Oost", "soort"] == "politie-eenheid"
        and table.at["Eenheid Oost", "buiten de centrumregio"] == "X"
    )
    html = section.html()
    assert "Eén verdeling van het geld" in html and "Alleen gezamenlijke afspraken." in html
    without = uitgangspunten.compute(data, None)
    assert list(without.tabellen) == ["indelingen"] and "ontbreekt nog invoer" in without.html()


# --- besluitvorming -------------------------------------------------------------------------------------------


def test_each_council_gets_a_status_judged_like_a_milestone():
    data = tiny_region()
    invoer = {
        "planning": {"deadline": dt.date(2026, 12, 31), "stand_per": AS_OF, "mijlpalen": []},
        "besluitvorming": {
            "tafel": "Regionaal overleg",
            "vaststelling": "gemeenteraden",
            "raden": [
                {"gemeente": "GM0001", "gepland": dt.date(2026, 5, 1), "besloten": dt.date(2026, 5, 20)},
                {"gemeente": "GM0002", "gepland": dt.date(2026, 6, 1)},
            ],
        },
    }
    section = besluitvorming.compute(data, invoer)
    status = section.tabellen["raden"].set_index("gemeente")["status"]
    assert status.to_dict() == {"Aastad": "gereed, te laat", "Beedorp": "te laat", "Ceedorp": "niet gepland"}
    html = section.html()
    assert "hebben er 1 besloten; 1 is te laat" in html and "1 nog niet gepland" in html
    assert "de gemeenteraden" in html and "01-06-2026" in html
    every = {**invoer["besluitvorming"], "raden": [{"gemeente": "alle", "gepland": dt.date(2026, 11, 1)}]}
    statuses = besluitvorming.compute(data, {**invoer, "besluitvorming": every}).tabellen["raden"]["status"]
    assert set(statuses) == {"gepland"} and len(statuses) == 3


# --- werkwijze, doelen, regie ---------------------------------------------------------------------------------


def test_werkwijze_lists_every_phase_and_flags_those_not_described():
    invoer = {
        "werkwijze": {
            "fasen": [{"fase": "melden", "behouden": ["Eén nummer"], "verbeteren": ["Terugkoppeling"]}],
            "ontwikkelingen": [{"ontwikkeling": "Meldcode", "gevolg": "Meer meldingen"}],
        }
    }
    section = werkwijze.compute(tiny_region(), invoer)
    phases = section.tabellen["fasen"].set_index("fase")
    assert list(phases.index) == ["signaleren", "melden", "hulp", "nazorg"]
    assert phases.at["melden", "behouden"] == ["Eén nummer"] and phases.at["hulp", "verbeteren"] == []
    assert section.open_fasen == ("signaleren", "hulp", "nazorg")
    html = section.html()
    assert "Nog niet beschreven: de fase signaleren, hulp, nazorg." in html and "(nog niet ingevuld)" in html


def test_a_goal_without_an_indicator_is_flagged_and_kengetallen_are_named():
    invoer = {
        "doelen": [
            {
                "doel": "Meer in beeld",
                "niveau": "regionaal",
                "preventie": True,
                "indicatoren": ["bereik_kindermishandeling"],
            },
            {"doel": "Veilig na de hulp", "niveau": "lokaal", "termijn": "later"},
        ],
        "ambities": {"preventie": "Naar de voorkant."},
    }
    section = doelen.compute(tiny_region(), invoer)
    goals = section.tabellen["doelen"]
    assert goals.at[0, "indicatoren"] == [kengetallen.KENGETALLEN["bereik_kindermishandeling"].naam]
    assert goals["zonder indicator"].tolist() == [False, True]
    assert (section.aantal, section.op_preventie, section.zonder_indicator) == (2, 1, 1)
    html = section.html()
    assert "1 van de 2 gaan over preventie" in html and "1 doel heeft nog geen indicator" in html
    assert "geen indicator (nog niet te volgen)" in html and "Naar de voorkant." in html
    assert "ambities: integraliteit" in html  # the part still missing says how to add it


def test_regie_shows_every_part_and_orders_the_evaluations():
    invoer = {
        "regie": {
            "beleidsregie": "De centrumgemeente",
            "evaluaties": [
                {"datum": dt.date(2028, 1, 1), "tafel": "Raden"},
                {"datum": dt.date(2027, 1, 1), "tafel": "Overleg", "wat": "Monitor"},
            ],
        }
    }
    section = regie.compute(tiny_region(), invoer)
    parts = section.tabellen["regie"].set_index("onderdeel")["afspraak"]
    assert parts["Beleidsregie"] == "De centrumgemeente" and parts["Casusregie"] == ""
    assert section.tabellen["evaluaties"]["tafel"].tolist() == ["Overleg", "Raden"]
    assert "(nog niet ingevuld)" in section.html() and "01-01-2027" in section.html()


# --- preventie ------------------------------------------------------------------------------------------------


def test_a_prevention_activity_is_linked_to_its_budget_post():
    invoer = {
        "preventie": [
            {"activiteit": "Voorlichting", "niveau": "lokaal", "begrotingspost": "Preventie en voorlichting"},
            {"activiteit": "Training", "niveau": "regionaal", "begrotingspost": "Aanpak ouderenmishandeling"},
            {"activiteit": "Huisbezoek", "niveau": "lokaal", "gemeenten": ["GM0002"]},
        ]
    }
    section = preventie.compute(tiny_region(), invoer)
    money = section.tabellen["activiteiten"].set_index("activiteit")
    assert money.at["Voorlichting", "begroot"] == 30_000.0  # the 2024 realised local line of that post
    assert money.at["Training", "begroot"] == "geen uitgaven op deze post"
    assert (
        money.at["Huisbezoek", "begroot"] == "geen post opgegeven" and money.at["Huisbezoek", "gemeenten"] == "Beedorp"
    )
    assert money.at["Training", "gemeenten"] == "(nog niet ingevuld)"  # never assumed to be all gemeenten
    table = Tables(section.html()).by_caption("Preventieve activiteiten")
    assert table.cell("Voorlichting", "begroot 2024") == "€\u00a030.000"
    assert "Demonstratiecijfers" in table.caption


# --- the learning cycle and the kengetallen -------------------------------------------------------------------


def test_the_kengetallen_come_from_the_published_cells():
    data = tiny_region()
    counts = kengetallen.region_counts(data)
    one = {key: kengetallen.value(counts, key, 2024) for key in kengetallen.KENGETALLEN}
    assert one["meldingen_per_1000"][0].value == pytest.approx(430 / 125_000 * 1000)
    assert one["adviezen_per_melding"][0].value == pytest.approx(1.0)
    assert one["aandeel_politie"][0].value == pytest.approx(150 / 430 * 100)
    assert one["aandeel_niet_politie"][0].value == pytest.approx(100 - 150 / 430 * 100)
    children = 125_000 * (0.16 + 0.3 * 0.12)
    assert one["kindermishandeling_per_1000_kinderen"][0].value == pytest.approx(150 / children * 1000)
    assert one["ouderenmishandeling_per_1000_65_plus"][0].value == pytest.approx(150 / 25_000 * 1000)
    low, high = one["bereik_kindermishandeling"]
    assert low.value == pytest.approx(150 / (children * 0.037) * 100) and high.value == pytest.approx(
        150 / (children * 0.026) * 100
    )
    nl = kengetallen.value(kengetallen.national_counts(data), "meldingen_per_1000", 2024)[0]
    assert nl.value == pytest.approx(10_010 / 17_000_000 * 1000)


def test_a_secret_cell_makes_a_kengetal_a_bound_never_a_smaller_exact_figure():
    data = tiny_region(CEEDORP_2024)
    counts = kengetallen.region_counts(data)
    rate = kengetallen.value(counts, "meldingen_per_1000", 2024)[0]
    assert rate.kind == "ondergrens" and rate.value == pytest.approx(400 / 125)
    share = kengetallen.value(counts, "aandeel_niet_politie", 2024)[0]
    assert share.kind == "ondergrens" and share.value == pytest.approx(100 - 150 / 400 * 100)  # the total may be higher
    ratio = kengetallen.value(counts, "adviezen_per_melding", 2024)[0]
    assert ratio.kind == "benadering"
    page = Tables(monitoring.compute(data, None).html()).by_caption("Kengetallen van de regio")
    assert page.cell("Meldingen per 1.000 inwoners", "regio 2024") == "≥\u00a03,2"
    assert page.cell("Aandeel meldingen van andere melders dan politie en justitie", "regio 2024") == "≥\u00a062,5"
    assert page.cell("Adviezen per melding", "regio 2024").startswith("ca.")


def test_the_cycle_flags_steps_without_an_agreed_indicator_and_the_table_marks_output_and_outcome():
    invoer = {
        "monitoring": [
            {
                "indicator": "aandeel_niet_politie",
                "naam": "Eerder gemeld",
                "basislijn": {"jaar": 2023, "waarde": 60},
                "doel": {"jaar": 2026, "waarde": 70},
                "richting": "hoger",
            },
            {
                "indicator": "eigen",
                "naam": "Veilig na 18 maanden",
                "basislijn": {"jaar": 2023, "waarde": 50},
                "doel": {"jaar": 2026, "waarde": 60},
                "richting": "hoger",
                "stap": 5,
                "waarden": {"2023": 50, "2024": 55},
            },
        ]
    }
    section = monitoring.compute(tiny_region(), invoer)
    cycle = section.tabellen["leercyclus"].set_index("stap")
    assert cycle.at[2, "indicatoren van de regio"] == ["Eerder gemeld"]  # the kengetal's own step
    assert cycle.at[5, "indicatoren van de regio"] == ["Veilig na 18 maanden"]
    assert cycle["zonder indicator"].to_dict() == {1: True, 2: False, 3: True, 4: True, 5: False, 6: True}
    html = section.html()
    assert "Voor de stappen 1, 3, 4, 6 heeft de regio nog geen indicator afgesproken." in html
    figures = section.tabellen["kengetallen"].set_index("key")
    assert figures.at["bereik_kindermishandeling", "soort"] == kengetallen.NEAR_OUTCOME
    assert figures.at["meldingen_per_1000", "soort"] == kengetallen.OUTPUT
    assert "herhaald slachtofferschap" in html  # the outcome data the workbench lacks
    table = Tables(html).by_caption("Kengetallen van de regio")
    assert re.fullmatch(r"\d+,\d–\d+,\d", table.cell(figures.at["bereik_kindermishandeling", "kengetal"], "regio 2024"))


# --- the spoorboekje's questions ------------------------------------------------------------------------------


def test_every_question_of_the_list_is_valid_and_the_template_shows_how_to_answer_it(tmp_path):
    questions = spoorboekje.questions()
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids)) and len(ids) >= 30
    assert {q["hoofdstuk"][0] for q in questions} == {"1", "2", "3"}
    assert all(q["hoofdstuk_rapport"] in chapters.CHAPTERS for q in questions)
    template = load(write_template("GM0001", "Aastad", MEMBERS, tmp_path), "GM0001", MEMBERS)  # valid as written
    for q in questions:
        for field in q.get("velden", []):
            assert spoorboekje.filled(template, field), f"{q['id']}: the template does not show {field}"


def test_without_input_every_input_question_is_open_and_says_how_to_answer_it():
    data = tiny_region()
    tables = {"de_regio": {"gemeenten": pd.DataFrame({"a": [1]})}}
    section = beantwoord.compute(data.code, None, tables, {"de_regio": "de-regio"})
    frame = section.tabellen["vragen"]
    assert len(frame) == len(spoorboekje.questions())  # none silently missing
    assert set(frame.loc[frame["bron"] == "invoer", "status"]) == {spoorboekje.OPEN}
    assert frame.set_index("id").at["1.1", "status"] == spoorboekje.FROM_DATA
    assert frame.set_index("id").at["1.4", "status"] == spoorboekje.OPEN  # its table is not there
    html = section.html()
    assert "‘uitgangspunten.indelingen’" in html and "workbench init-region GM0001" in html
    assert '<a href="#de-regio">' in html
    answered = beantwoord.compute(data.code, {"regie": {"beleidsregie": "A", "procesregie": "B"}}, tables, {})
    status = answered.tabellen["vragen"].set_index("id")
    assert status.at["3.9", "status"] == spoorboekje.OPEN and status.at["3.9", "ontbreekt"] == ["regie.casusregie"]


# --- the input file's new blocks ------------------------------------------------------------------------------


MEMBERS = {"GM0001": "Aastad", "GM0002": "Beedorp", "GM0003": "Ceedorp"}
TARGETS = "naam: N, basislijn: {jaar: 2020, waarde: 1}, doel: {jaar: 2025, waarde: 2}, richting: hoger"


def _load(tmp_path, text: str) -> dict:
    path = tmp_path / "regiovisie.yaml"
    path.write_text("regio: GM0001\n" + text, encoding="utf-8")
    return load(path, "GM0001", MEMBERS)


@pytest.mark.parametrize(
    ("text", "path", "words"),
    [
        (
            "uitgangspunten:\n  indelingen:\n  - {soort: jeugd, naam: J, gemeenten: [alle]}\n",
            "uitgangspunten.indelingen[1].soort",
            "kies uit: jeugdregio",
        ),
        (
            "uitgangspunten:\n  indelingen:\n  - {soort: jeugdregio, naam: J, gemeenten: [Beedrop]}\n",
            "uitgangspunten.indelingen[1].gemeenten[1]",
            "Bedoelt u Beedorp",
        ),
        (
            "besluitvorming:\n  tafel: T\n  vaststelling: raad\n",
            "besluitvorming.vaststelling",
            "kies uit: portefeuillehouders",
        ),
        (
            "besluitvorming:\n  tafel: T\n  vaststelling: colleges\n  raden:\n"
            "  - {gemeente: GM0002, gepland: 31-02-2026}\n",
            "besluitvorming.raden[1].gepland",
            "geen bestaande datum",
        ),
        (
            "besluitvorming:\n  tafel: T\n  vaststelling: colleges\n  raden:\n"
            "  - {gemeente: GM0002, gepland: 2026-03-01}\n",
            "besluitvorming.stand_per",
            "te laat",
        ),
        ("werkwijze:\n  fasen:\n  - {fase: nazorg}\n  - {fase: nazorg}\n", "werkwijze.fasen[2].fase", "staat er al"),
        (
            "werkwijze:\n  fasen:\n  - {fase: opvang}\n",
            "werkwijze.fasen[1].fase",
            "kies uit: signaleren, melden, hulp, nazorg",
        ),
        (
            "doelen:\n- {doel: D, niveau: regionaal, indicatoren: [bereik_km]}\n",
            "doelen[1].indicatoren[1]",
            "geen indicator van dit bestand",
        ),
        (
            "doelen:\n- {doel: D, niveau: regionaal, preventie: misschien}\n",
            "doelen[1].preventie",
            "schrijf true (ja) of false (nee)",
        ),
        ("doelen:\n- {niveau: regionaal}\n", "doelen[1].doel", "ontbreekt"),
        ("regie:\n  evaluaties:\n  - {tafel: T}\n", "regie.evaluaties[1].datum", "ontbreekt"),
        ("commentaar_gemeenten:\n  Beedrop: tekst\n", "commentaar_gemeenten.Beedrop", "Bedoelt u Beedorp"),
        ("commentaar_gemeenten: [tekst]\n", "commentaar_gemeenten", "per gemeente een tekst"),
        ("regie:\n  casus: x\n", "regie.casus", "onbekend veld"),
        (
            "preventie:\n- {activiteit: A, niveau: lokaal, begrotingspost: Voorlichting}\n",
            "preventie[1].begrotingspost",
            "kies uit: Veilig Thuis",
        ),
        (
            f"monitoring:\n- {{indicator: eigen, {TARGETS}, waarden: {{'2020': 1}}}}\n",
            "monitoring[1].stap",
            "stap van de leercyclus",
        ),
        (
            f"monitoring:\n- {{indicator: meldingen_per_1000, {TARGETS}, stap: 7}}\n",
            "monitoring[1].stap",
            "kies uit: 1, 2, 3, 4, 5, 6",
        ),
        (
            f"monitoring:\n- {{indicator: bereik_kindermishandeling, {TARGETS}}}\n",
            "monitoring[1].indicator",
            "kan hier niet",
        ),
    ],
)
def test_a_wrong_value_in_a_new_block_is_a_located_dutch_problem(tmp_path, text, path, words):
    with pytest.raises(RegiovisieError) as err:
        _load(tmp_path, text)
    problems = [p for p in err.value.problems if p.path == path]
    assert problems, [p.path for p in err.value.problems]
    assert words in problems[0].message and problems[0].line > 1


def test_a_goal_may_name_a_monitoring_indicator_in_any_case(tmp_path):
    doc = _load(
        tmp_path,
        "monitoring:\n- {indicator: meldingen_per_1000, naam: Meldingen per 1.000, basislijn: {jaar: 2020, waarde: 1},"
        " doel: {jaar: 2025, waarde: 2}, richting: hoger}\n"
        "doelen:\n- {doel: D, niveau: lokaal, indicatoren: [meldingen PER 1.000, adviezen_per_melding]}\n",
    )
    assert doc["doelen"][0]["indicatoren"] == ["Meldingen per 1.000", "adviezen_per_melding"]


def test_a_region_of_one_gemeente_is_not_asked_about_regiogemeenten():
    asked = beantwoord.compute("GM0001", None, {}, {}, one_gemeente=True).html()
    assert "regiogemeente" not in asked.lower() and "Welke taken heeft de gemeente nu?" in asked
    assert "regiogemeenten" in beantwoord.compute("GM0001", None, {}, {}).html()  # the spoorboekje's own words


def test_a_gemeente_s_commentary_may_name_the_gemeente(tmp_path):
    doc = _load(tmp_path, "commentaar_gemeenten:\n  beedorp: Onze toelichting.\n  GM0003: Die van Ceedorp.\n")
    assert doc["commentaar_gemeenten"] == {"GM0002": "Onze toelichting.", "GM0003": "Die van Ceedorp."}
