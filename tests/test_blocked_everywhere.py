"""A region whose input failed validation is blocked everywhere: no page and no download shows a figure of it."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from pages import Tables
from workbench.build.index import build_index
from workbench.build.outcome import Outcome
from workbench.checks.summary import with_blocked
from workbench.contracts import BLOCKED, BLOCKED_KEY, BUILT, DOWNLOAD_DIR, workbook_file
from workbench.io.inputs import load_inputs, load_region
from workbench.io.kwb import gemeenten as kwb_gemeenten
from workbench.paths import DEFAULT_DATA_DIR, build_dir
from workbench.report import downloads
from workbench.report.overzicht import Overzicht
from workbench.report.sections import vergelijkbare_regios
from workbench.stats import peers
from workbench.stats.indicators import compute

DELFT, UTRECHT = "GM0503", "GM0344"


@pytest.mark.unit
def test_the_summary_a_notebook_reads_names_the_regions_a_failure_stops():
    composition = pd.DataFrame(
        {
            "gemeentecode": ["GM0001", "GM0002", "GM0003"],
            "centrumgemeente_code": ["GM0001", "GM0001", "GM0003"],
            "vt_code": ["VT01", "VT01", "VT02"],
        }
    )
    failing = {"ok": False, "datasets": [{"ok": False, "areas": ["GM0002"], "problems": ["x"]}]}
    assert with_blocked(failing, composition)[BLOCKED_KEY] == ["GM0001"]
    assert with_blocked({"ok": True, "datasets": []}, composition)[BLOCKED_KEY] == []
    assert BLOCKED_KEY not in failing  # the input is not changed


@pytest.mark.data
def test_the_overview_withholds_every_figure_of_a_blocked_region_in_table_charts_and_workbook():
    inputs = load_inputs(None, build_dir(), 2024)
    overview = Overzicht(inputs, 2024, {DELFT: {"status": BLOCKED, "rapport": False, BLOCKED_KEY: True}})
    table = Tables(overview.tabel.html()).table_starting("regio", "code")
    header = table[0]
    (row,) = [r for r in table[1:] if r[1] == DELFT]
    for column in ("meldingen per 1.000", "bereik kindermishandeling", "uitgaven per inwoner"):
        assert row[header.index(column)] == ".", (column, row)
    assert "Van Delft staan hier geen cijfers" in overview.tabel.html()
    others = [r for r in table[1:] if r[1] != DELFT]
    assert all(r[header.index("meldingen per 1.000")] != "." for r in others)  # only Delft is withheld
    assert not overview.grafieken.per_1000[DELFT].known
    shown = next(t for t in overview.downloads.bestanden if "code" in t.frame.columns)
    data = downloads.csv_bytes(shown, overview.downloads.context)
    frame = pd.read_csv(io.BytesIO(data), sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    delft = frame.set_index("code").loc[DELFT]
    for column in ("meldingen per 1.000", "bereik kindermishandeling, van", "uitgaven per inwoner"):
        assert delft[column] == ".", (column, delft)


@pytest.mark.data
def test_a_blocked_peer_shows_no_figure_in_another_regions_report():
    data = load_region(UTRECHT)
    features = peers.region_features(kwb_gemeenten(data.kwb), data.composition)
    peer = peers.peer_group(features, UTRECHT).index[0]
    section = vergelijkbare_regios.compute(data, compute(data), frozenset({peer}))
    name = data.composition.set_index("centrumgemeente_code")["centrumgemeente_naam"].to_dict()[peer]
    assert not section.per_1000[name].known
    assert section.geblokkeerd == (name,) and f"Van {name} staan hier geen cijfers" in section.html()
    row = section.tabellen["kenmerken"].set_index("regio").loc[name]
    assert not row["meldingen per 1.000"].known


@pytest.mark.e2e
def test_the_batch_tells_the_overview_which_regions_are_withheld(tmp_path):
    out, build = tmp_path / "out", tmp_path / "build"
    outcomes = [Outcome(DELFT, "Delft", BLOCKED, "invoer afgekeurd"), Outcome(UTRECHT, "Utrecht", BUILT)]
    result = build_index(
        outcomes, DEFAULT_DATA_DIR, out, build, 2024, 120, True, "x", build / "state", None, frozenset({DELFT})
    )
    assert result.status == BUILT, result.reason
    status = json.loads((build / "runs" / "index" / "status.json").read_text(encoding="utf-8"))
    assert status[DELFT][BLOCKED_KEY] and not status[UTRECHT][BLOCKED_KEY]
    table = Tables((out / "index.html").read_text(encoding="utf-8")).table_starting("regio", "code")
    (row,) = [r for r in table[1:] if r[1] == DELFT]
    assert row[table[0].index("meldingen per 1.000")] == "."
    sheets = pd.read_excel(out / DOWNLOAD_DIR / workbook_file("NL01"), sheet_name=None, dtype=str)
    key_figures = next(v for v in sheets.values() if "code" in v.columns)
    assert key_figures.set_index("code").loc[DELFT, "meldingen per 1.000"] == "."
