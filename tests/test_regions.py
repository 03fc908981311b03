import subprocess
import sys

import pandas as pd
import pytest
from shapely.geometry import box

from workbench.io.kwb import gemeenten, read_kwb
from workbench.io.reference import read_composition, read_known_composition, read_sourced_composition
from workbench.stats.region_rule import derive_composition

CBS_POPULATION_2020 = 17_407_585


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], capture_output=True, text=True, check=False)


@pytest.mark.data
@pytest.mark.parametrize(("jaar", "gemeenten"), [("2020", 355), ("2021", 352), ("2022", 344), ("2024", 342)])
def test_regions_command_lists_35_regions_holding_every_gemeente_of_the_year_once(jaar, gemeenten):
    out = run_cli("regions", "--jaar", jaar)
    assert out.returncode == 0, out.stderr
    lines = [line.split("\t") for line in out.stdout.strip().splitlines()]
    assert len(lines) == 35
    assert all(len(parts) == 4 and parts[0].startswith("GM") for parts in lines)
    assert sum(int(p[2]) for p in lines) == gemeenten
    assert sum(int(p[3]) for p in lines) == CBS_POPULATION_2020  # the 2020 figures, carried onto later gemeenten
    assert ["GM0503", "Delft", "4"] in [p[:3] for p in lines]
    assert ["GM0622", "Vlaardingen", "3"] in [p[:3] for p in lines]


@pytest.mark.data
def test_regions_lists_the_gemeenten_of_the_latest_veilig_thuis_year_by_default():
    assert run_cli("regions").stdout == run_cli("regions", "--jaar", "2024").stdout
    lines = {p[0]: p for p in (line.split("\t") for line in run_cli("regions").stdout.splitlines())}
    assert lines["GM0014"][2] == "10"  # Groningen: Appingedam, Delfzijl and Loppersum are Eemsdelta
    assert lines["GM0402"][2] == "7"  # Hilversum without Weesp, which joined Amsterdam


@pytest.mark.data
def test_shipped_composition_follows_every_source_and_the_rule_only_where_none_was_found():
    comp = read_composition().set_index("gemeentecode")
    sourced = read_sourced_composition().set_index("gemeentecode")
    assert set(comp.index) == set(sourced.index)
    with_source = sourced[sourced["zekerheid"] != "onbekend"]
    assert (comp.loc[with_source.index, "centrumgemeente_code"] == with_source["centrumgemeente_code"]).all()
    assert (comp.loc[with_source.index, "methode"] == with_source["zekerheid"]).all()
    by_file = with_source.index.difference(read_known_composition()["gemeentecode"])  # the known list names its own
    assert (comp.loc[by_file, "bron"] == with_source.loc[by_file, "bron"]).all()
    rule = sourced.index[sourced["zekerheid"] == "onbekend"]
    assert set(comp.loc[rule, "methode"]) == {"regel"}
    # the corrections the sources brought, as the issue lists them
    region_of = comp["centrumgemeente_naam"]
    assert set(comp.index[comp["centrumgemeente_code"] == "GM0622"]) == {"GM0622", "GM0606", "GM0556"}
    assert {region_of[c] for c in ["GM0457", "GM1696", "GM0317"]} == {"Hilversum"}  # Weesp, Wijdemeren, Eemnes
    assert {region_of[c] for c in ["GM0501", "GM0614", "GM1963"]} == {"Nissewaard"}
    assert {region_of[c] for c in ["GM0197", "GM0222", "GM0294", "GM1859"]} == {"Arnhem"}  # Achterhoek


@pytest.mark.data
def test_composition_partitions_gemeenten_and_honours_known_lists():
    comp = read_composition()
    codes = set(gemeenten(read_kwb())["code"])
    assert comp["gemeentecode"].is_unique and set(comp["gemeentecode"]) == codes
    centra = comp["centrumgemeente_code"].unique()
    assert len(centra) == 35
    assert comp.set_index("gemeentecode").loc[centra, "centrumgemeente_code"].tolist() == list(centra)
    known = read_known_composition()
    delft = set(comp.loc[comp["centrumgemeente_code"] == "GM0503", "gemeentecode"])
    assert delft == set(known.loc[known["centrumgemeente_code"] == "GM0503", "gemeentecode"])
    assert delft == {"GM0503", "GM1926", "GM1783", "GM1842"}


def _areas(items):
    return pd.DataFrame([{"code": c, "naam": c, "geometry": g} for c, g in items])


@pytest.mark.unit
def test_rule_on_hand_made_map():
    # A strip of five gemeenten in one VT-region with centra at both ends, plus a second VT-region with one centre.
    g = _areas([(f"GM000{i}", box(i, 0, i + 1, 1)) for i in range(5)] + [("GM0009", box(0, 5, 1, 6))])
    vt = _areas([("VT01", box(0, 0, 5, 1)), ("VT02", box(0, 5, 1, 6))])
    centra = pd.DataFrame({"gemeentecode": ["GM0000", "GM0004", "GM0009"], "gemeentenaam": ["A", "E", "Z"]})
    no_known = pd.DataFrame(columns=["centrumgemeente_code", "gemeentecode", "bron"])
    comp = derive_composition(g, vt, centra, no_known).set_index("gemeentecode")
    # GM0001 is nearest to GM0000's area, GM0003 to GM0004's; GM0002 is equally near both areas (1 km after the
    # projection is the same both ways) and so goes to the nearest representative point, or by code on a tie.
    assert comp.loc["GM0001", "centrumgemeente_code"] == "GM0000"
    assert comp.loc["GM0003", "centrumgemeente_code"] == "GM0004"
    assert comp.loc["GM0002", "centrumgemeente_code"] in {"GM0000", "GM0004"}
    assert comp.loc["GM0009", "vt_code"] == "VT02" and comp.loc["GM0009", "centrumgemeente_code"] == "GM0009"
    # A known composition takes precedence and closes that region to the rule.
    known = pd.DataFrame({"centrumgemeente_code": ["GM0000"], "gemeentecode": ["GM0000"], "bron": ["test"]})
    comp = derive_composition(g, vt, centra, known).set_index("gemeentecode")
    assert comp.loc["GM0001", "centrumgemeente_code"] == "GM0004"
    assert comp.loc["GM0000", "methode"] == "bron"
    # A sourced row overrides the rule; an 'onbekend' row keeps it.
    sourced = pd.DataFrame(
        {
            "gemeentecode": ["GM0003", "GM0001"],
            "centrumgemeente_code": ["GM0000", "GM0009"],
            "zekerheid": ["afgeleid-mobw", "onbekend"],
            "bron": ["https://example.org/mobw", "niet gevonden"],
            "toelichting": ["regio MO/BW", ""],
        }
    )
    comp = derive_composition(g, vt, centra, no_known, sourced).set_index("gemeentecode")
    assert comp.loc["GM0003", ["centrumgemeente_code", "methode", "bron"]].tolist() == [
        "GM0000",
        "afgeleid-mobw",
        "https://example.org/mobw",
    ]
    assert comp.loc["GM0001", ["centrumgemeente_code", "methode"]].tolist() == ["GM0000", "regel"]
    assert comp.loc["GM0001", "toelichting"] == "geen bron gevonden"
