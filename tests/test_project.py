"""Project habits a newcomer and CI rely on."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from workbench.paths import PROJECT_ROOT


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


def test_environment_yml_installs_the_package_and_declares_no_dependencies_of_its_own():
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    assert all(d.split("=")[0] in {"python", "pip"} for d in conda)
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip == ['-e ".[dev]"'] or pip == ["-e .[dev]"]


def test_ci_runs_the_readme_test_command():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./wb test" in readme.split("\n## ")[0]
    assert "./wb test" in ci


def test_committed_notebooks_carry_no_outputs():
    for nb in (PROJECT_ROOT / "notebooks").glob("*.ipynb"):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] == "code":
                assert not cell.get("outputs") and cell.get("execution_count") is None, nb.name


def _notebooks():
    return sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb"))


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


def test_the_exploration_notebook_runs(tmp_path):
    from workbench.build.report import run_notebook

    out = tmp_path / "verkennen.ipynb"
    run_notebook(PROJECT_ROOT / "notebooks" / "verkennen.ipynb", out, {"regio": "GM0503"})
    cells = json.loads(out.read_text(encoding="utf-8"))["cells"]
    assert not any(o.get("output_type") == "error" for c in cells for o in c.get("outputs", []))
    load = next(c for c in cells if c.get("id") == "load")
    assert "Pijnacker-Nootdorp" in json.dumps(load["outputs"])
