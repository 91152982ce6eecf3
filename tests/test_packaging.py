"""The install files agree with each other and with the source tree."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name_and_spec(requirement: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", requirement)
    assert match, requirement
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _pyproject_requirements(*extras: str) -> dict[str, str]:
    project = _pyproject()["project"]
    reqs = list(project["dependencies"])
    for extra in extras:
        reqs += [r for r in project["optional-dependencies"][extra] if not r.startswith("kamlab[")]
    return dict(_name_and_spec(r) for r in reqs)


def _environment_requirements(name: str) -> dict[str, str]:
    env = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for pip_dep in dep["pip"]:
                if not pip_dep.startswith("-e"):
                    name_, spec = _name_and_spec(pip_dep)
                    found[name_] = spec
        else:
            name_, spec = _name_and_spec(dep.replace("=", "==", 1) if re.fullmatch(r"[\w\-]+=[\d.]+", dep) else dep)
            if name_ not in ("python", "pip"):
                found[name_] = spec
    return found


def test_environment_yml_is_the_trainees_environment():
    """environment.yml = the core plus [lab]: no grader, no test tools for trainees."""
    assert _environment_requirements("environment.yml") == _pyproject_requirements("lab")
    for dev_tool in ("pytest", "hypothesis", "playwright", "nbval"):
        assert dev_tool not in _environment_requirements("environment.yml")


def test_environment_dev_yml_is_everything():
    assert _environment_requirements("environment-dev.yml") == _pyproject_requirements("lab", "grade", "hub", "dev")


def test_extras_match_the_users():
    extras = _pyproject()["project"]["optional-dependencies"]
    assert set(extras) == {"lab", "grade", "hub", "dev"}
    core = _pyproject_requirements()
    assert "jupyterlab" not in core and "pytest" not in core and "playwright" not in core
    assert {"papermill", "nbformat", "filelock"} <= set(core)      # a plain `pip install .` grades
    assert "jupyterlab" in _pyproject_requirements("lab")
    assert "jupyterlab" not in _pyproject_requirements("grade")
    assert {"papermill", "nbformat"} <= set(_pyproject_requirements("grade"))
    assert "kamlab[lab,grade,hub]" in extras["dev"]
    assert "jupyterhub" in _pyproject_requirements("hub") and "jupyterhub" not in _pyproject_requirements("lab")


def test_environment_ymls_install_kamlab_itself_and_python_311():
    trainee = (ROOT / "environment.yml").read_text(encoding="utf-8")
    dev = (ROOT / "environment-dev.yml").read_text(encoding="utf-8")
    assert "- -e .[lab]" in trainee and "- -e .[dev]" in dev
    assert "python=3.11" in trainee and "python=3.11" in dev


def test_every_subpackage_is_found_by_setuptools():
    from setuptools import find_packages

    found = set(find_packages(str(ROOT), include=_pyproject()["tool"]["setuptools"]["packages"]["find"]["include"]))
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "kamlab").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert on_disk <= found, f"not found by setuptools: {sorted(on_disk - found)}"
    assert "kamlab.datasets.data" in found


def test_shipped_data_files_are_package_data():
    patterns = _pyproject()["tool"]["setuptools"]["package-data"]["kamlab.datasets.data"]
    for path in (ROOT / "kamlab" / "datasets" / "data").iterdir():
        if path.name in ("__init__.py", "__pycache__"):
            continue
        assert any(path.match(p) for p in patterns), f"{path.name} would not be installed"


def test_import_is_light():
    """``import kamlab`` must not pull in pandas or matplotlib (SPEC: heavy imports lazy)."""
    code = ("import sys, kamlab; "
            "print(sorted(m for m in ('pandas', 'matplotlib', 'numpy', 'ipywidgets') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_readme_gives_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python bootstrap.py lab" in readme
    assert "python bootstrap.py test" in readme


def test_plain_install_runs_the_documented_commands(tmp_path):
    """A non-editable ``pip install .`` has everything: data sets, solutions, example class, grading.

    The wheel is installed into a folder of its own and run from outside the
    source tree, so nothing can be found through the checkout.
    """
    wheels, target, work = tmp_path / "wheels", tmp_path / "site", tmp_path / "work"
    work.mkdir()
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = wheels.glob("kamlab-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    shipped = {p.relative_to(target).as_posix() for p in (target / "kamlab").rglob("*") if p.is_file()}
    assert "kamlab/datasets/data/chains.csv" in shipped
    assert "kamlab/course/solutions/m02_screening.ipynb" in shipped
    env = {**os.environ, "PYTHONPATH": str(target)}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *args], cwd=work, env=env, capture_output=True, text=True)

    where = run("-c", "import kamlab; print(kamlab.__file__)")
    assert where.stdout.strip().startswith(str(target)), where.stdout + where.stderr
    made = run("-m", "kamlab.cli", "example-class", "m02", "--out", "cls", "--n", "20")
    assert made.returncode == 0, made.stderr
    notebooks = sorted((work / "cls").glob("*.ipynb"))
    assert len(notebooks) == 20
    two = work / "two"
    two.mkdir()
    for nb in notebooks[:2]:
        shutil.copy(nb, two / nb.name)
    graded = run("-m", "kamlab.cli", "grade", "m02", "two", "--out", "g", "--jobs", "2", "--timeout", "180",
                 "--no-progress")
    assert graded.returncode == 0, graded.stderr
    assert "graded 2 submissions" in graded.stdout
    import pandas as pd

    table = pd.read_csv(work / "g" / "gradebook.csv", encoding="utf-8-sig")
    assert (table["status"] == "ok").all(), table[["status", "reasons"]].to_string()   # ran, in the sandbox too
