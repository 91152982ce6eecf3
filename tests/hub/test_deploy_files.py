"""deploy/'s pieces without a hub: the workbook copy, the install plan, the proxy's lock file."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"kamlab_deploy_{name}", DEPLOY / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def classroom():
    pytest.importorskip("jupyterhub")
    return _load("classroom")


def test_the_workbook_copy_adds_missing_files_and_never_overwrites(classroom, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    first = classroom.copy_missing(ROOT / "notebooks", home, "kamlab-workbook", uid=-1, gid=-1)
    assert "kamlab-workbook/m02_screening.ipynb" in first and len(first) >= 15
    mine = home / "kamlab-workbook" / "m02_screening.ipynb"
    mine.write_text("my answers", encoding="utf-8")
    (home / "kamlab-workbook" / "m03_opportunity.ipynb").unlink()
    again = classroom.copy_missing(ROOT / "notebooks", home, "kamlab-workbook", uid=-1, gid=-1)
    assert again == ["kamlab-workbook/m03_opportunity.ipynb"]          # a deleted file comes back
    assert mine.read_text(encoding="utf-8") == "my answers"            # an answered one is never touched


def test_the_workbook_copy_follows_no_link_a_trainee_planted(classroom, tmp_path):
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    (home / "kamlab-workbook").symlink_to(elsewhere)
    with pytest.raises(OSError):
        classroom.copy_missing(ROOT / "notebooks", home, "kamlab-workbook", uid=-1, gid=-1)
    assert not any(elsewhere.iterdir())
    (home / "kamlab-workbook").unlink()
    (home / "kamlab-workbook").mkdir()
    (home / "kamlab-workbook" / "m02_screening.ipynb").symlink_to(elsewhere / "planted")
    classroom.copy_missing(ROOT / "notebooks", home, "kamlab-workbook", uid=-1, gid=-1)
    assert not (elsewhere / "planted").exists()


def test_lab_defaults_are_written_once(classroom, tmp_path):
    assert len(classroom.lab_defaults(tmp_path, uid=-1, gid=-1)) == 2
    tracker = tmp_path / ".jupyter/lab/user-settings/@jupyterlab/notebook-extension/tracker.jupyterlab-settings"
    assert json.loads(tracker.read_text(encoding="utf-8"))["autoStartDefaultKernel"] is True
    tracker.write_text("{}", encoding="utf-8")
    assert classroom.lab_defaults(tmp_path, uid=-1, gid=-1) == []
    assert tracker.read_text(encoding="utf-8") == "{}"


def test_hub_py_dry_run_plans_the_venv_the_proxy_and_the_hub(tmp_path):
    out = subprocess.run([sys.executable, str(DEPLOY / "hub.py"), "--dry-run", "--venv", str(tmp_path / "venv")],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0].endswith(f"-m venv {tmp_path / 'venv'}")
    assert any("pip install" in line and f"{ROOT}[hub]" in line for line in out)
    assert out[-1].endswith(f"-m jupyterhub -f {DEPLOY / 'jupyterhub_config.py'}")


def test_the_proxy_comes_from_the_repos_lock_file():
    wanted = json.loads((DEPLOY / "package.json").read_text(encoding="utf-8"))["dependencies"]
    lock = json.loads((DEPLOY / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/configurable-http-proxy"]["version"] == wanted["configurable-http-proxy"]
    assert "/deploy/node_modules/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    config = (DEPLOY / "jupyterhub_config.py").read_text(encoding="utf-8")
    assert '"node_modules" / ".bin" / "configurable-http-proxy"' in config
