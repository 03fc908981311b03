"""Plain Dutch answers on the command line: a year without data, an unknown region, a relative data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from workbench.paths import CALLER_DIR_VARIABLE, DEFAULT_DATA_DIR, user_path

PROJECT = DEFAULT_DATA_DIR.parent


@pytest.mark.data
@pytest.mark.parametrize(
    "command", [["report", "utrecht"], ["run", "utrecht"], ["validate"], ["init-registraties", "utrecht"]]
)
def test_a_year_without_veilig_thuis_data_gets_a_plain_answer(tmp_path, command):
    result = run_cli(
        *command, "--periode", "2031", *(["--out", str(tmp_path)] if command[0] in ("report", "run") else [])
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "er zijn geen Veilig Thuis-cijfers voor 2031: kies een jaar van 2020 tot en met 2024" in result.stderr
    assert not any(tmp_path.iterdir())


@pytest.mark.data
def test_a_near_miss_region_gets_a_suggestion():
    result = run_cli("report", "utrect")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "'utrect' is geen van de 35 regio's. Bedoelt u Utrecht (GM0344)?" in result.stderr
    assert "GM0014 (Groningen)" in result.stderr


@pytest.mark.data
def test_a_relative_data_folder_counts_from_where_the_user_is(tmp_path):
    """The command run directly from the user's folder (not through ``./wb``, which names the folder itself)."""
    (tmp_path / "mijn").mkdir()
    direct = {k: v for k, v in os.environ.items() if k != CALLER_DIR_VARIABLE}  # `./wb test` sets it for its tests
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbench.cli",
            "regions",
            "--data-dir",
            str(Path(os.path.relpath(DEFAULT_DATA_DIR, tmp_path / "mijn"))),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path / "mijn",
        env=direct,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 35


@pytest.mark.unit
def test_wb_tells_the_package_where_the_user_called_it_from(tmp_path, monkeypatch):
    monkeypatch.setenv(CALLER_DIR_VARIABLE, str(tmp_path))
    assert user_path("data") == (tmp_path / "data").resolve()
    assert user_path(str(PROJECT)) == PROJECT
    assert 'export WORKBENCH_CALLER_DIR="$PWD"' in (PROJECT / "wb").read_text(encoding="utf-8")


@pytest.mark.data
def test_a_broken_input_file_gets_its_located_dutch_lines_and_exit_code_1(data_copy):
    path = data_copy / "cbs" / "84799NED_kwb2020_gemeenten.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",Gemeente,357597,", ",Gemeente,veel,", 1), encoding="utf-8"
    )
    result = run_cli("regions", "--data-dir", str(data_copy))
    assert result.returncode == 1 and "Traceback" not in result.stderr and result.stdout == ""
    first, *_ = result.stderr.splitlines()
    assert first.startswith("workbench: 84799NED_kwb2020_gemeenten.csv, regel ")
    assert "kolom 'inwoners': dit is geen bruikbaar getal (gevonden: 'veel')." in first
