"""The batch: parallel, incremental, failure-isolated, with an index."""

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import replace_in_file
from workbench.build.batch import BLOCKED, BUILT, FAILED, UNCHANGED, run_batch
from workbench.build.report import NOTEBOOK, REPORT_FILE, BuildError

THREE = ["GM0503", "GM0344", "GM0014"]  # Delft, Utrecht, Groningen
BROKEN = "GM0503"


def statuses(result):
    return {o.code: o.status for o in result.regions}


def variant(tmp_path: Path, source: str, before_last: bool = True) -> Path:
    """The region notebook with one extra cell that misbehaves for Delft only."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cell = nbformat.v4.new_code_cell(source)
    cell["id"] = "misbehave"
    nb.cells.insert(len(nb.cells) - 1 if before_last else 3, cell)
    path = tmp_path / "variant.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    return out, run_batch(THREE, jobs=2, out=out, echo=lambda _line: None)


def test_builds_the_named_regions_and_skips_them_when_nothing_changed(first_run):
    out, result = first_run
    assert statuses(result) == dict.fromkeys(THREE, BUILT)
    assert result.index is None  # an index only comes with a run over all regions
    for code in THREE:
        assert (out / code / REPORT_FILE).is_file()
    before = {c: (out / c / REPORT_FILE).stat().st_mtime_ns for c in THREE}
    again = run_batch(THREE, out=out, echo=lambda _line: None)
    assert statuses(again) == dict.fromkeys(THREE, UNCHANGED)
    assert {c: (out / c / REPORT_FILE).stat().st_mtime_ns for c in THREE} == before
    forced = run_batch(["Delft"], out=out, force=True, echo=lambda _line: None)
    assert statuses(forced) == {"GM0503": BUILT}


def test_no_private_files_in_out(first_run):
    out, _ = first_run
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert files == {f"{c}/{REPORT_FILE}" for c in THREE}


@pytest.mark.parametrize(
    ("source", "words", "before_last"),
    [
        (f'if regio == "{BROKEN}":\n    raise ValueError("kapotte cel")', "a cell raised ValueError", True),
        (f'if regio == "{BROKEN}":\n    import os\n    os._exit(1)', "kernel died", True),
        (f'if regio == "{BROKEN}":\n    import time\n    time.sleep(60)', "longer than 3 s", True),
        (f'if regio == "{BROKEN}":\n    ra.einde = ra.titel', "stopped before its last cell", False),
    ],
    ids=["raises", "kernel-dies", "hangs", "stops-early"],
)
def test_one_failing_region_does_not_stop_the_others(first_run, tmp_path, source, words, before_last):
    out, _ = first_run
    previous = (out / BROKEN / REPORT_FILE).read_bytes()
    notebook = variant(tmp_path, source, before_last)
    result = run_batch(THREE, jobs=2, out=out, force=True, timeout=3, notebook=notebook, echo=lambda _line: None)
    assert statuses(result) == {"GM0503": FAILED, "GM0344": BUILT, "GM0014": BUILT}
    failure = result.failures[0]
    assert words in failure.reason, failure.reason
    assert failure.log is not None and failure.log.is_file()
    assert (out / BROKEN / REPORT_FILE).read_bytes() == previous
    assert "GM0503 Delft" in result.summary() and words in result.summary()


def test_undeclared_parameter_is_an_error(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells[1].source = nb.cells[1].source.replace("validatie", "validation")
    path = tmp_path / "wrong.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(BuildError, match="unknown notebook parameter"):
        run_batch(["GM0344"], out=tmp_path / "out", notebook=path, echo=lambda _line: None)
    assert not (tmp_path / "out").exists()


def test_broken_input_blocks_only_its_region_and_keeps_its_report(first_run, data_copy, tmp_path):
    out = tmp_path / "out"
    run_batch(THREE, jobs=2, data=data_copy, out=out, echo=lambda _line: None)
    previous = (out / BROKEN / REPORT_FILE).read_bytes()
    line = "GM0503;GM0503;2023;begroot;inkomsten;DU Vrouwenopvang;regionaal;"
    text = (data_copy / "budget/begroting_demo.csv").read_text(encoding="utf-8")
    amount = text.split(line, 1)[1].split(";", 1)[0]
    replace_in_file(data_copy / "budget/begroting_demo.csv", line + amount, line + str(int(amount) + 100))
    replace_in_file(data_copy / "regios/GM0014/regiovisie.yaml", "richting: hoger", "richting: omhoog")
    result = run_batch(THREE, jobs=2, data=data_copy, out=out, echo=lambda _line: None)
    assert statuses(result) == {"GM0503": BLOCKED, "GM0344": BUILT, "GM0014": BLOCKED}
    reasons = {o.code: o.reason for o in result.failures}
    assert "begroting_demo.csv" in reasons["GM0503"]
    assert "regios/GM0014/regiovisie.yaml, line" in reasons["GM0014"] and "'omhoog'" in reasons["GM0014"]
    assert (out / BROKEN / REPORT_FILE).read_bytes() == previous


def test_cli_run_rejects_a_path_as_region(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "run", "../../x", "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 2 and "GM0344 (Utrecht)" in out.stderr
    assert not (tmp_path / "o").exists()


def test_a_kernel_that_fails_to_start_is_retried_once(tmp_path, monkeypatch):
    from workbench.build import report as report_build

    calls = []

    def flaky(notebook, output, parameters, timeout=120, kernel=None):
        calls.append(output)
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        output.write_text("{}", encoding="utf-8")

    monkeypatch.setattr(report_build, "run_notebook", flaky)
    run = report_build.Run(NOTEBOOK, tmp_path / "x.ipynb", tmp_path / "build.log", {}, 5)
    assert report_build.execute(run, "GM0344") is None
    assert len(calls) == 2 and "retrying once" in run.log.read_text(encoding="utf-8")


def test_a_failing_cell_is_not_retried(tmp_path, monkeypatch):
    from workbench.build import report as report_build

    class PapermillExecutionError(Exception):
        ename, evalue = "ValueError", "kapot"

    calls = []

    def failing(*_args, **_kwargs):
        calls.append(1)
        raise PapermillExecutionError("cell 3")

    monkeypatch.setattr(report_build, "run_notebook", failing)
    run = report_build.Run(NOTEBOOK, tmp_path / "x.ipynb", tmp_path / "build.log", {}, 5)
    error = report_build.execute(run, "GM0344")
    assert len(calls) == 1 and "a cell raised ValueError: kapot" in error.reason
