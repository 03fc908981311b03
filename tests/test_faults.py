"""Every fault survived: a folder that cannot be written, Ctrl-C in a batch, a clean console. One Dutch line each,
the previous reports intact, no temporary files left, no traceback on the terminal."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import run_cli
from workbench.contracts import REPORT_FILE

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"


def batch_script(out: Path, notebook: str, regions: list[str]) -> list[str]:
    """A command that runs ``workbench run`` as a user does, with one of the fixture notebooks as the region's."""
    code = textwrap.dedent(
        f"""
        import functools, sys
        from pathlib import Path
        import workbench.build.batch as batch
        from workbench.cli import main
        batch.run_batch = functools.partial(batch.run_batch, notebook=Path({str(FIXTURES / notebook)!r}))
        sys.exit(main(["run", *{regions!r}, "--out", {str(out)!r}, "--jobs", "1", "--timeout", "60"]))
        """
    )
    return [sys.executable, "-c", code]


def leftovers(out: Path) -> list[Path]:
    return [p for p in out.rglob(".*") if p.name.endswith((".tmp", ".new", ".old"))]


def test_an_output_folder_that_cannot_be_written_gets_one_dutch_line(tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    result = run_cli("run", "GM0344", "--out", str(blocker / "rapporten"))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("workbench: schrijven of lezen mislukt") and "--out" in line


def test_ctrl_c_in_a_batch_stops_it_keeps_the_reports_and_leaves_no_temporary_files(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run(batch_script(out, "ok.ipynb", ["GM0344"]), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    previous = (out / "GM0344" / REPORT_FILE).read_bytes()
    process = subprocess.Popen(
        batch_script(out, "hangs.ipynb", ["GM0344", "GM0503"]),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl-C reaches the command as in a terminal, also when the tests run in the background (a shell starts a
        # background job with SIGINT ignored, and the command would inherit that)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(12)  # validation is cached: the kernel is running the hanging cell by now
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, (stdout, stderr)
    assert "Traceback" not in stderr and "afgebroken (Ctrl-C)" in stderr
    assert (out / "GM0344" / REPORT_FILE).read_bytes() == previous
    assert not leftovers(out)


def test_a_batch_prints_a_line_per_region_and_the_counts_and_the_problems_go_to_standard_error(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run(
        batch_script(out, "raises.ipynb", ["GM0344", "GM0503"]), capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    lines = [x for x in result.stdout.splitlines() if x.strip()]
    assert sorted(x.split()[1] for x in lines[:2]) == ["GM0344", "GM0503"]
    assert any(x.startswith("gebouwd     GM0344 Utrecht (") for x in lines)
    assert any(x.startswith("MISLUKT     GM0503 Delft: een cel gaf een fout (ValueError)") for x in lines)
    assert lines[2] == "2 regio's: 1 gebouwd, 0 ongewijzigd, 1 mislukt, 0 geblokkeerd"
    assert re.fullmatch(r"bouwmap .+: \d+,\d MB \(van de controles .* alleen de laatste bewaard\)", lines[3])
    assert len(lines) == 4  # nothing else on standard output
    assert "Traceback" not in result.stderr and "workbench: - GM0503 Delft: een cel gaf een fout" in result.stderr
    assert "logboek:" in result.stderr
