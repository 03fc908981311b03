"""The batch: parallel, incremental, failure-isolated; tried on tiny fixture notebooks, not the real report."""

from pathlib import Path

import pytest
from nbclient.exceptions import CellTimeoutError
from papermill.exceptions import PapermillExecutionError

from conftest import replace_in_file, run_cli
from workbench.build.batch import run_batch
from workbench.build.runs import Run, execute
from workbench.contracts import BLOCKED, BUILT, FAILED, REPORT_FILE, STATEMENT_FILE, UNCHANGED
from workbench.errors import BuildError

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
OK = FIXTURES / "ok.ipynb"
THREE = ["GM0503", "GM0344", "GM0014"]  # Delft, Utrecht, Groningen
BROKEN = "GM0503"  # the fixture notebooks misbehave for Delft only


def statuses(result):
    return {o.code: o.status for o in result.regions}


def quiet(_line: str) -> None:
    """Where a batch in a test reports its lines: nowhere."""


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    return out, run_batch(THREE, jobs=2, out=out, echo=quiet, notebook=OK)


def test_builds_the_named_regions_and_skips_them_when_nothing_changed(first_run):
    out, result = first_run
    assert statuses(result) == dict.fromkeys(THREE, BUILT)
    assert result.index is None  # an index only comes with a run over all regions
    before = {c: (out / c / REPORT_FILE).stat().st_mtime_ns for c in THREE}
    again = run_batch(THREE, out=out, echo=quiet, notebook=OK)
    assert statuses(again) == dict.fromkeys(THREE, UNCHANGED)
    assert {c: (out / c / REPORT_FILE).stat().st_mtime_ns for c in THREE} == before
    forced = run_batch(["Delft"], out=out, force=True, echo=quiet, notebook=OK)
    assert statuses(forced) == {"GM0503": BUILT}


def test_a_report_damaged_or_removed_after_publishing_is_rebuilt_and_the_others_are_left(tmp_path):
    out = tmp_path / "out"
    run_batch(THREE, jobs=2, out=out, echo=quiet, notebook=OK)
    page = out / "GM0344" / REPORT_FILE
    whole = page.read_bytes()
    page.write_bytes(whole[: len(whole) // 2])  # cut off, as by a full disk or a careless copy
    (out / "GM0014" / REPORT_FILE).unlink()
    again = run_batch(THREE, jobs=2, out=out, echo=quiet, notebook=OK)
    assert statuses(again) == {"GM0503": UNCHANGED, "GM0344": BUILT, "GM0014": BUILT}
    assert page.read_bytes() == whole and (out / "GM0014" / REPORT_FILE).is_file()


def test_a_warm_kernel_starts_each_region_without_the_names_of_the_one_before(tmp_path):
    import nbformat

    nb = nbformat.read(OK, as_version=4)
    check = nbformat.v4.new_code_cell(
        'assert not {"vorige", "_vorige"} & set(globals()), "een naam van de vorige regio"\nvorige = _vorige = regio'
    )
    check["id"] = "leak-check"
    nb.cells.insert(2, check)
    notebook = tmp_path / "leaks.ipynb"
    nbformat.write(nb, notebook)
    result = run_batch(THREE, jobs=1, out=tmp_path / "out", echo=quiet, notebook=notebook)
    assert statuses(result) == dict.fromkeys(THREE, BUILT)  # one kernel, three notebooks, nothing carried over


def test_a_full_run_that_rebuilds_one_region_never_keeps_it_waiting_for_the_overview(tmp_path):
    """With one region to build the batch starts one kernel: the overview may not take it while the region waits."""
    import shutil

    from workbench.paths import DEFAULT_DATA_DIR

    data, out = tmp_path / "data", tmp_path / "out"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    run_batch(data=data, out=out, echo=quiet, notebook=OK, local=False)
    own = data / "regios" / BROKEN / "regiovisie.yaml"
    own.write_text(own.read_text(encoding="utf-8") + "\n# gewijzigd\n", encoding="utf-8")
    again = run_batch(data=data, out=out, echo=quiet, notebook=OK, local=False, timeout=30)
    assert [o.code for o in again.regions if o.status == BUILT] == [BROKEN]
    rebuilt = next(o for o in again.regions if o.code == BROKEN)
    assert rebuilt.seconds < 30  # waiting for a kernel the overview held would take the overview's cell timeout
    assert again.index.status in (BUILT, UNCHANGED)


def test_no_private_files_in_out(first_run):
    out, _ = first_run
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert files == {f"{c}/{REPORT_FILE}" for c in THREE} | {STATEMENT_FILE}  # the statement the footers link


@pytest.mark.parametrize(
    ("notebook", "words"),
    [
        ("raises", "een cel gaf een fout (ValueError): kapotte cel"),
        ("exits", "het notebook stopte voor de laatste cel"),  # IPython ends the cell quietly; the guard catches it
        ("dies", "de kernel is gestopt"),
        ("hangs", "een cel liep langer dan 3 s en is gestopt"),
        ("stops_early", "het notebook stopte voor de laatste cel"),
    ],
)
def test_one_failing_region_does_not_stop_the_others(first_run, notebook, words):
    out, _ = first_run
    previous = (out / BROKEN / REPORT_FILE).read_bytes()
    result = run_batch(
        THREE, jobs=2, out=out, force=True, timeout=3, notebook=FIXTURES / f"{notebook}.ipynb", echo=quiet
    )
    assert statuses(result) == {"GM0503": FAILED, "GM0344": BUILT, "GM0014": BUILT}
    (failure,) = result.failures
    assert failure.reason.startswith(words), failure.reason
    assert failure.log is not None and failure.log.is_file()
    assert (out / BROKEN / REPORT_FILE).read_bytes() == previous
    assert f"- GM0503 Delft: {failure.reason}" in result.summary()


def test_undeclared_parameter_is_an_error(tmp_path):
    with pytest.raises(BuildError, match=r"onbekende notebookparameter.*validatie"):
        run_batch(["GM0344"], out=tmp_path / "out", notebook=FIXTURES / "wrong_parameter.ipynb", echo=quiet)
    assert not (tmp_path / "out").exists()


def test_broken_input_blocks_only_its_region_and_keeps_its_report(data_copy, tmp_path):
    out = tmp_path / "out"
    run_batch(THREE, jobs=2, data=data_copy, out=out, echo=quiet, notebook=OK)
    previous = (out / BROKEN / REPORT_FILE).read_bytes()
    line = "GM0503;GM0503;2023;begroot;inkomsten;DU Vrouwenopvang;regionaal;"
    text = (data_copy / "budget/begroting_demo.csv").read_text(encoding="utf-8")
    amount = text.split(line, 1)[1].split(";", 1)[0]
    replace_in_file(data_copy / "budget/begroting_demo.csv", line + amount, line + str(int(amount) + 100))
    replace_in_file(data_copy / "regios/GM0014/regiovisie.yaml", "richting: hoger", "richting: omhoog")
    result = run_batch(THREE, jobs=2, data=data_copy, out=out, echo=quiet, notebook=OK)
    assert statuses(result) == {"GM0503": BLOCKED, "GM0344": BUILT, "GM0014": BLOCKED}
    problems = {o.code: "\n".join(o.problems) for o in result.failures}
    assert "begroting_demo.csv" in problems["GM0503"] and "tellen op tot hun regel Totaal" in problems["GM0503"]
    assert "regios/GM0014/regiovisie.yaml, regel" in problems["GM0014"] and "'omhoog'" in problems["GM0014"]
    summary = result.summary().splitlines()
    assert all(f"    {p}" in summary for o in result.failures for p in o.problems)  # every problem, one per line
    assert (out / BROKEN / REPORT_FILE).read_bytes() == previous


def test_cli_run_rejects_a_path_as_region(tmp_path):
    out = run_cli("run", "../../x", "--out", str(tmp_path / "o"))
    assert out.returncode == 2 and "GM0344 (Utrecht)" in out.stderr
    assert not (tmp_path / "o").exists()


def _run(tmp_path: Path) -> Run:
    return Run(OK, tmp_path / "x.ipynb", tmp_path / "build.log", {}, 5)


def test_a_kernel_that_fails_to_start_is_retried_once(tmp_path, monkeypatch):
    import papermill

    calls = []

    def flaky(_nb, output, **_kwargs):
        calls.append(output)
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        Path(output).write_text("{}", encoding="utf-8")

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    run = _run(tmp_path)
    assert execute(run, "GM0344") is None
    assert len(calls) == 2 and "retrying once" in run.log.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (PapermillExecutionError(3, 1, "x", "ValueError", "kapot", []), "een cel gaf een fout (ValueError): kapot"),
        (CellTimeoutError("Cell execution timed out"), "een cel liep langer dan 5 s en is gestopt"),
    ],
)
def test_a_failure_of_the_notebook_itself_is_not_retried(tmp_path, monkeypatch, error, reason):
    import papermill

    calls = []

    def failing(*_args, **_kwargs):
        calls.append(1)
        raise error

    monkeypatch.setattr(papermill, "execute_notebook", failing)
    result = execute(_run(tmp_path), "GM0344")
    assert len(calls) == 1 and result.reason == reason
