"""The install files agree with each other and with the source tree."""

from __future__ import annotations

import re
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


def _pyproject_requirements() -> dict[str, str]:
    project = _pyproject()["project"]
    reqs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        reqs += extra
    return dict(_name_and_spec(r) for r in reqs)


def _environment_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for pip_dep in dep["pip"]:
                if not pip_dep.startswith("-e"):
                    name, spec = _name_and_spec(pip_dep)
                    found[name] = spec
        else:
            name, spec = _name_and_spec(dep.replace("=", "==", 1) if re.fullmatch(r"[\w\-]+=[\d.]+", dep) else dep)
            if name not in ("python", "pip"):
                found[name] = spec
    return found


def test_environment_yml_matches_pyproject():
    assert _environment_requirements() == _pyproject_requirements()


def test_environment_yml_installs_kamlab_itself_and_python_311():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "- -e ." in text
    assert "python=3.11" in text


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
