"""A region's own list of gemeenten overrides the derived composition, and is labelled as such."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import run_cli
from pages import Tables
from workbench.build.report import build_report
from workbench.demo import regiovisie as demo_regiovisie
from workbench.demo.budget import demo_budgets
from workbench.demo.data import write_texts
from workbench.errors import InputError
from workbench.io.budget import BUDGET_FILE
from workbench.io.inputs import read_inputs
from workbench.io.kwb import gemeenten
from workbench.io.reference import read_composition
from workbench.stats import year_view

UTRECHT, HILVERSUM, ROTTERDAM, VLAARDINGEN = "GM0344", "GM0402", "GM0599", "GM0622"
WEESP = "GM0457"


def members(data: Path | None, region: str) -> list[str]:
    comp = read_composition(data)
    return sorted(comp.loc[comp["centrumgemeente_code"] == region, "gemeentecode"])


def write_list(data: Path, region: str, codes: list[str], bron: str = "") -> Path:
    path = data / "regios" / region / "samenstelling.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = "".join(f"{c},{bron}\n" for c in codes)
    path.write_text("gemeentecode,bron\n" + rows, encoding="utf-8")
    return path


@pytest.mark.data
def test_an_own_list_moves_a_gemeente_and_labels_it(data_copy):
    write_list(data_copy, UTRECHT, [*members(data_copy, UTRECHT), WEESP], "raadsbesluit Utrecht 2025")
    comp = read_composition(data_copy).set_index("gemeentecode")
    assert comp.loc[WEESP, "centrumgemeente_code"] == UTRECHT
    assert set(comp.loc[comp["centrumgemeente_code"] == UTRECHT, "methode"]) == {"eigen lijst"}
    assert comp.loc[WEESP, "bron"] == "raadsbesluit Utrecht 2025"
    assert WEESP not in members(data_copy, HILVERSUM)
    assert len(comp) == 355 and comp.index.is_unique
    listed = run_cli("regions", "--jaar", "2020", "--data-dir", str(data_copy))
    assert listed.returncode == 0, listed.stderr
    out = listed.stdout
    assert f"{UTRECHT}\tUtrecht\t17\t" in out and f"{HILVERSUM}\tHilversum\t7\t" in out


@pytest.mark.data
@pytest.mark.parametrize(
    ("codes", "words"),
    [
        (lambda m: [c for c in m if c != "GM0355"], "laat GM0355 Zeist weg"),
        (lambda m: [*m, "GM9999"], "geen gemeentecode van 2020"),
        (lambda m: [c for c in m if c != UTRECHT], "de centrumgemeente GM0344 zelf"),
        (lambda m: [*m, "GM0307"], "een centrumgemeente leidt haar eigen regio"),
    ],
)
def test_a_wrong_own_list_is_refused_naming_the_file(data_copy, codes, words):
    path = write_list(data_copy, UTRECHT, codes(members(data_copy, UTRECHT)))
    with pytest.raises(InputError, match=words) as caught:
        read_composition(data_copy)
    assert caught.value.path == path


@pytest.mark.data
def test_two_lists_cannot_claim_one_gemeente(data_copy):
    hilversum = members(data_copy, HILVERSUM)
    write_list(data_copy, UTRECHT, [*members(data_copy, UTRECHT), WEESP])
    second = write_list(data_copy, HILVERSUM, hilversum)
    with pytest.raises(InputError, match="staat ook in de eigen lijst van regio GM0344") as caught:
        read_composition(data_copy)
    assert caught.value.path == second and caught.value.values == [WEESP]


@pytest.mark.data
def test_validate_reports_a_wrong_own_list(data_copy):
    write_list(data_copy, UTRECHT, [*members(data_copy, UTRECHT), "GM9999"])
    out = run_cli("validate", "--data-dir", str(data_copy))
    assert out.returncode == 1
    expected = "regel 18, kolom 'gemeentecode': dit is geen gemeentecode van 2020 (gevonden: 'GM9999')"
    assert expected in out.stdout


@pytest.mark.data
def test_a_hand_edit_against_the_sources_fails_validation(data_copy):
    path = data_copy / "regions" / "regio_indeling_2020.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    weesp = next(i for i, line in enumerate(text) if line.startswith(WEESP))
    text[weesp] = text[weesp].replace(",GM0402,Hilversum,", ",GM0344,Utrecht,")
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    out = run_cli("validate", "--data-dir", str(data_copy))
    assert out.returncode == 1 and "de regio die de bron noemt" in out.stdout


@pytest.mark.e2e
def test_a_region_of_one_gemeente_never_speaks_of_regiogemeenten(data_copy, tmp_path):
    """Vlaardingen alone, its two neighbours in Rotterdam's own list, budgets made for that composition."""
    alone, rotterdam = members(data_copy, VLAARDINGEN), members(data_copy, ROTTERDAM)
    write_list(data_copy, VLAARDINGEN, [VLAARDINGEN])
    write_list(data_copy, ROTTERDAM, [*rotterdam, *(c for c in alone if c != VLAARDINGEN)])
    inputs = read_inputs(data_copy)

    def gemeenten_of(year: int) -> tuple:  # only population and composition: not the whole year's view
        ind, blocks = inputs.indeling, inputs.blokken
        kwb = year_view.kwb_in_year(inputs.kwb, blocks, ind, year)
        return gemeenten(kwb), year_view.composition_in_year(inputs.composition, blocks, ind, year)

    budget = demo_budgets(gemeenten_of, np.random.default_rng(1))
    budget.to_csv(data_copy / BUDGET_FILE, sep=";", index=False, lineterminator="\n")
    write_texts(demo_regiovisie.generate(read_inputs(data_copy)), data_copy)  # input files for the new regions
    html = build_report(VLAARDINGEN, data=data_copy, out=tmp_path).html.read_text(encoding="utf-8")
    assert "regiogemeente" not in html.lower()
    assert "met 1 gemeente." in html and "telt 1 gemeente en" in html
    table = Tables(html).table_starting("gemeente", "indeling")
    assert table[1][:2] == ["Vlaardingen", "E"]
    assert "eigen lijst van de regio" in html
