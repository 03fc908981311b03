"""Project habits a newcomer and CI rely on."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from workbench.paths import PROJECT_ROOT


@pytest.mark.data
def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    out = subprocess.run(
        [ruff, "check", "src", "tests", "scripts", "benchmarks"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.data
def test_environment_yml_installs_the_package_and_declares_no_dependencies_of_its_own():
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    assert all(d.split("=")[0] in {"python", "pip"} for d in conda)
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip == ['-e ".[dev]"']


@pytest.mark.data
def test_ci_runs_the_readme_test_command():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./wb test" in readme.split("\n## ")[0]
    assert "./wb test" in ci


@pytest.mark.data
def test_committed_notebooks_carry_no_outputs():
    for nb in (PROJECT_ROOT / "notebooks").glob("*.ipynb"):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] == "code":
                assert not cell.get("outputs") and cell.get("execution_count") is None, nb.name


def _notebooks():
    return sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.data
def test_notebooks_are_thin_with_one_typed_parameters_cell():
    import ast

    assert {nb.name for nb in _notebooks()} >= {"regio_analyse.ipynb", "verkennen.ipynb"}
    for path in _notebooks():
        cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
        params = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(params) == 1, path.name
        lines = "".join(params[0]["source"]).splitlines()
        tree = ast.parse("\n".join(lines))
        assert all(isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Constant) for node in tree.body)
        assert all("  # " in line for line in lines), "every parameter has a help comment"
        for cell in cells:
            for node in ast.walk(ast.parse("".join(cell["source"]))):
                assert not isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda)), path.name


@pytest.mark.e2e
def test_the_exploration_notebook_runs_and_reaches_the_tables_behind_a_section(private_build_dir):
    from workbench.build.runs import execute, new_run

    notebook = PROJECT_ROOT / "notebooks" / "verkennen.ipynb"
    run = new_run("verkennen", private_build_dir, notebook, {"regio": "GM0503"}, 120)
    assert execute(run, "verkennen") is None
    cells = {c.get("id"): c for c in json.loads(run.executed.read_text(encoding="utf-8"))["cells"]}
    assert not any(o.get("output_type") == "error" for c in cells.values() for o in c.get("outputs", []))
    assert "Pijnacker-Nootdorp" in json.dumps(cells["load"]["outputs"])
    assert "data-report-complete" not in json.dumps(cells["sectie"]["outputs"])  # a section, not a report
    assert "Trechterdiagram" in json.dumps(cells["sectie"]["outputs"])  # the section shows as it will in the report
    tables = json.dumps(cells["tabellen"]["outputs"])
    assert all(name in tables for name in ("trend", "per_gemeente", "wie_meldt", "trechter"))
    assert "vergeleken met Nederland" in json.dumps(cells["tabel"]["outputs"])


@pytest.mark.unit
@pytest.mark.parametrize(
    "first",
    ["import workbench.build.engine", "import papermill", "import workbench.build.report", "import workbench.cli"],
)
def test_the_warm_kernel_engine_is_registered_whatever_is_imported_first(first):
    """A run registers its engine by importing it: no import order may break that."""
    code = (
        f"{first}\nimport workbench.build.engine as k, papermill.engines as e\n"
        "assert e.papermill_engines.get_engine(k.ENGINE) is k.WarmKernelEngine"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.unit
def test_a_batch_with_nothing_to_build_needs_neither_papermill_nor_a_kernel():
    """The batch and the command line import Papermill only when a notebook is to run (a rerun stays quick)."""
    code = (
        "import sys, workbench.cli, workbench.build.batch, workbench.build.report, workbench.build.index\n"
        "heavy = [m for m in ('papermill', 'nbclient', 'jupyter_client', 'matplotlib') if m in sys.modules]\n"
        "assert not heavy, heavy"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
