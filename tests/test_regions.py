import subprocess
import sys

import pandas as pd
from shapely.geometry import box

from workbench.kwb import gemeenten, read_kwb
from workbench.reference import read_composition, read_known_composition
from workbench.region_rule import derive_composition

CBS_POPULATION_2020 = 17_407_585


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], capture_output=True, text=True, check=False)


def test_regions_command_lists_35_regions_holding_every_gemeente_once():
    out = run_cli("regions")
    assert out.returncode == 0, out.stderr
    lines = [line.split("\t") for line in out.stdout.strip().splitlines()]
    assert len(lines) == 35
    assert all(len(parts) == 4 and parts[0].startswith("GM") for parts in lines)
    assert sum(int(p[2]) for p in lines) == 355
    assert sum(int(p[3]) for p in lines) == CBS_POPULATION_2020
    assert ["GM0503", "Delft", "4"] in [p[:3] for p in lines]


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
    assert comp.loc["GM0000", "methode"] == "bekend"
