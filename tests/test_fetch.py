"""``workbench fetch`` against a stand-in for CBS on 127.0.0.1 (see tests/cbs_server.py): no test goes online."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from cbs_server import MARKED, CbsStandIn
from conftest import run_cli
from workbench.fetch.http import FetchError
from workbench.fetch.tables import TABLES, fetch_tables
from workbench.io.provenance import manifest_path
from workbench.io.statline import VT_AARD, VT_FILES, VT_MELDER, fetched_file, read_statline_file
from workbench.paths import DEFAULT_DATA_DIR

BASES = {"v3": "/v3", "v4": "/v4"}


@pytest.fixture(scope="module")
def cbs():
    server = CbsStandIn()
    yield server
    server.close()


@pytest.fixture(autouse=True)
def clean(cbs):
    cbs.faults.clear()
    cbs.log.clear()


def fetch(cbs, data: Path, api: str = "v4", tables=("84851NED",), **kw):
    return fetch_tables(list(tables), 2019, data, cbs.base + BASES[api], api, backoff=0, echo=lambda _: None, **kw)


def tidy(path: Path, spec) -> pd.DataFrame:
    key = ["regio_code", "periode", "categorie_code", "maat"]
    table = read_statline_file(path, spec)
    return table[[*key, "aantal", "status", "voorlopig"]].sort_values(key, ignore_index=True)


@pytest.mark.data
@pytest.mark.parametrize("api", ["v4", "v3"])
def test_both_apis_give_the_table_as_cbs_publishes_it_with_its_markers_and_a_manifest(cbs, tmp_path, api):
    (done,) = fetch(cbs, tmp_path, api)
    path = tmp_path / fetched_file("84851NED")
    assert done.status == "opgehaald" and done.path == path and done.rows > 40_000
    got, shipped = tidy(path, VT_AARD), tidy(DEFAULT_DATA_DIR / VT_FILES["84851NED"], VT_AARD)
    marked = got["regio_code"].eq("GM0096") & got["periode"].eq("2019HJ01") & got["maat"].eq("gestarte_adviezen")
    nil = got.loc[marked & got["categorie_code"].eq("AG04")]  # CBS's '-': a count in 0–7, so secret, never 0
    assert nil["status"].item() == "geheim" and pd.isna(nil["aantal"].item())
    assert got.loc[marked & got["categorie_code"].eq("AG03"), "status"].item() == "geheim"  # CBS's 'x'
    unmarked = ~marked | ~got["categorie_code"].isin([c for (_, _, c) in MARKED])
    pd.testing.assert_frame_equal(got[unmarked].reset_index(drop=True), shipped[unmarked].reset_index(drop=True))
    assert got["voorlopig"].eq(got["periode"].str[:4].isin(["2023", "2024"])).all()  # CBS's '*'
    manifest = json.loads(manifest_path(path).read_text(encoding="utf-8"))
    assert manifest["tabel"] == "84851NED" and manifest["soort"] == "CBS" and manifest["licentie"] == "CC BY 4.0"
    assert manifest["gewijzigd"].startswith("2025-06-26") and manifest["api"] == f"OData {api}"
    assert manifest["perioden"] == "2019HJ01–2024JJ00" and manifest["rijen"] == done.rows and manifest["opgehaald"]


@pytest.mark.data
def test_pages_server_errors_and_cut_off_answers_are_retried(cbs, tmp_path):
    cbs.plant("Observations?$skip=10000", "503")
    cbs.plant("Observations?$skip=20000", "cut")
    fetch(cbs, tmp_path)
    pages = [p for p in cbs.log if "/Observations" in p]
    assert len([p for p in pages if "skip=10000" in p]) == 2 and len([p for p in pages if "skip=20000" in p]) == 2
    assert len(pages) >= 9  # 80,000 cells in pages of 10,000
    assert tidy(tmp_path / fetched_file("84851NED"), VT_AARD)["regio_code"].nunique() > 350


@pytest.mark.data
@pytest.mark.parametrize("api", ["v4", "v3"])
def test_a_table_cbs_does_not_have_fails_clearly_and_leaves_what_was_there(cbs, tmp_path, api):
    fetch(cbs, tmp_path, api)
    path = tmp_path / fetched_file("84851NED")
    before = path.read_bytes()
    with pytest.raises(FetchError, match=r"99999NED.*bestaat niet"):
        fetch(cbs, tmp_path, api, tables=("84851NED", "99999NED"), again=True)
    assert path.read_bytes() == before and not (tmp_path / fetched_file("99999NED")).exists()


@pytest.mark.data
def test_an_interrupted_download_keeps_the_old_file_and_resumes_where_it_stopped(cbs, tmp_path):
    fetch(cbs, tmp_path)
    path = tmp_path / fetched_file("84851NED")
    before = path.read_bytes()
    cbs.plant("Observations?$skip=50000", "down")
    with pytest.raises(FetchError, match="pogingen"):
        fetch(cbs, tmp_path, again=True)
    assert path.read_bytes() == before  # nothing half-written
    assert not list(path.parent.glob(".*.tmp"))
    cbs.faults.clear()
    cbs.log.clear()
    fetch(cbs, tmp_path, again=True)
    pages = [p for p in cbs.log if "/Observations" in p]
    assert pages and all("skip=" in p and int(p.split("skip=")[1]) >= 50_000 for p in pages)  # resumed
    assert path.read_bytes() == before  # the same table, now fetched again in two runs


@pytest.mark.data
def test_an_unchanged_table_is_not_written_again(cbs, tmp_path):
    fetch(cbs, tmp_path)
    path = tmp_path / fetched_file("84851NED")
    stamp = path.stat().st_mtime_ns
    (again,) = fetch(cbs, tmp_path)
    assert again.status == "actueel" and path.stat().st_mtime_ns == stamp


@pytest.mark.e2e
def test_fetched_tables_validate_and_build_a_report_without_a_demonstration_banner_on_veilig_thuis(
    cbs, data_copy, tmp_path
):
    # through OData v4; v3 gives the same files with its own manifest (test_both_apis_give_the_table_...)
    api = "v4"
    from workbench.build.report import build_report
    from workbench.checks.suites import validate_all

    out = run_cli("fetch", "--bron", cbs.base + BASES[api], "--api", api, "--data-dir", str(data_copy))
    assert out.returncode == 0, out.stderr
    assert "84851NED:" in out.stdout and "rijen opgehaald" in out.stdout
    assert all((data_copy / fetched_file(t)).is_file() for t in TABLES)
    results = validate_all(data_copy)
    assert all(r.ok for r in results), [f.message() for r in results for f in r.failures]
    vt = next(r for r in results if r.name == "vt_aard_84851NED")
    assert vt.path == data_copy / fetched_file("84851NED")  # the fetched table, not the demonstration
    html = build_report("GM0344", data=data_copy, out=tmp_path).html.read_text(encoding="utf-8")
    assert "Bron: CBS (84851NED)" in html and "Bron: CBS (84849NED)" in html and "Bron: CBS (84854NED)" in html
    assert "Demonstratiecijfers in de vorm van CBS-tabel" not in html
    assert "de cijfers over het budget in dit rapport zijn demonstratiecijfers" in html.lower()
    assert "de cijfers over Veilig Thuis (meldingen en adviezen) en over het budget" not in html
    assert f"via de open-data-API OData {api}" in html and "Licentie: CC BY 4.0" in html
    table = read_statline_file(data_copy / fetched_file("84849NED"), VT_MELDER)
    assert not table.empty


@pytest.mark.e2e
def test_the_national_overview_on_fetched_tables_calls_only_the_budget_demonstration(cbs, data_copy):
    from workbench.report.overzicht import Overzicht

    fetch(cbs, data_copy, tables=("84851NED", "84849NED"))
    overview = Overzicht.load(str(data_copy), 2024)
    head = overview.titel.html()
    assert "de cijfers over het budget in dit rapport zijn demonstratiecijfers" in head
    assert "Veilig Thuis (meldingen en adviezen)" not in head
    sources = overview.verantwoording.html()
    assert (
        "Bron: CBS (84851NED)" in overview.tabel.html()
        and "Demonstratiecijfers in de vorm van het begrotingssjabloon" in sources
    )
