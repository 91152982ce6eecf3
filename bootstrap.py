"""Set up kamlab and run it: the README's two commands.

    python bootstrap.py lab     # install what is missing, open JupyterLab on the workbook
                                # (notebooks/ and solutions/; start page notebooks/index.ipynb)
    python bootstrap.py test    # install what is missing, run the whole test suite
    python bootstrap.py bench   # (developers) print the SPEC performance figures

Works the same on Windows (Anaconda or python.org Python), macOS and Linux,
with nothing but Python >= 3.11 and pip: no make, no bash.

Where it installs
-----------------
* Inside an active virtual environment or a (non-base) conda environment,
  e.g. the one ``conda env create -f environment.yml`` makes, it uses that
  environment.
* Otherwise it creates ``.venv/`` in this folder and uses it, so the system
  Python is never touched.

``lab`` installs what a trainee needs (``pip install -e .[lab]``: the tools and
JupyterLab); ``test`` and ``bench`` install the developer's set
(``pip install -e .[dev]``: the grader and the test tools too).  An install
runs again only when ``pyproject.toml`` changed since the last one (or a
command needs more than was installed), so both commands are quick the second
time.
Extra arguments after ``test`` go to pytest (``python bootstrap.py test -k kpi``).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP_NAME = "kamlab-install.stamp"
MIN_PYTHON = (3, 11)


def say(zh: str, en: str) -> None:
    """Print a progress line in Chinese and English."""
    print(f"[kamlab] {zh} / {en}", flush=True)


def using_own_environment() -> bool:
    """True when an activated venv or conda env should be used as it is."""
    if os.environ.get("KAMLAB_USE_CURRENT_PYTHON") == "1":
        return True
    in_venv = sys.prefix != sys.base_prefix
    conda_env = os.environ.get("CONDA_PREFIX")
    in_conda_env = bool(conda_env) and os.environ.get("CONDA_DEFAULT_ENV") not in (None, "", "base")
    return in_venv or in_conda_env


def venv_python() -> Path:
    """Path of the interpreter inside ``.venv``."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def environment_python() -> tuple[Path, Path]:
    """Return ``(python, stamp_file)`` for the environment to install into."""
    if using_own_environment():
        return Path(sys.executable), Path(sys.prefix) / STAMP_NAME
    python = venv_python()
    if not python.exists():
        say("创建虚拟环境 .venv", "creating the virtual environment .venv")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    return python, VENV / STAMP_NAME


#: The extra each command needs, and a module that proves it is installed.
EXTRAS = {"lab": ("lab", "jupyterlab"), "test": ("dev", "nbval"), "bench": ("dev", "nbval")}


def requirements_fingerprint(extra: str) -> str:
    """Hash of what decides the install: pyproject.toml and the extra."""
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extra.encode()).hexdigest()


def ensure_installed(python: Path, stamp: Path, command: str) -> None:
    """Install kamlab with the extra *command* needs unless the stamp says it is there."""
    extra, probe = EXTRAS[command]
    # the developer's set includes the trainee's: a dev install serves lab too
    wanted = {requirements_fingerprint(extra), requirements_fingerprint("dev")}
    if stamp.exists() and stamp.read_text(encoding="utf-8").strip() in wanted:
        check = subprocess.run([str(python), "-c", f"import kamlab, {probe}"], cwd=ROOT, capture_output=True)
        if check.returncode == 0:
            return
    say("安装依赖（首次需要几分钟）", "installing dependencies (a few minutes the first time)")
    quiet = ["--quiet", "--disable-pip-version-check"]
    subprocess.run([str(python), "-m", "pip", "install", *quiet, "--upgrade", "pip"], cwd=ROOT, check=True)
    subprocess.run([str(python), "-m", "pip", "install", *quiet, "-e", f".[{extra}]"], cwd=ROOT, check=True)
    stamp.write_text(requirements_fingerprint(extra) + "\n", encoding="utf-8")


#: What the trainee's lab does not list: the developer's folders and files.  Its root (this folder)
#: shows ``notebooks/`` (the workbooks, start page ``notebooks/index.ipynb``), ``solutions/`` (the
#: completed notebooks, linked from the start page) and the README.  The patterns match names in any
#: folder (jupyter_server's ``ContentsManager.hide_globs``); the defaults (``__pycache__`` …) stay.
LAB_HIDDEN = ("kamlab", "tests", "tools", "bench", "docs", "build", "dist", "*.egg-info", "*.py", "*.toml",
              "*.yml", "*.yaml", "*.cfg", "*.stamp", "Makefile", "LICENSE*",
              "__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*~")


def lab_options(root: Path = ROOT) -> list[str]:
    """JupyterLab's options for the workbook in *root*: rooted there, developer files hidden.

    The browser tests start their lab with the same options.
    """
    return [f"--ServerApp.root_dir={root}", *(f"--ContentsManager.hide_globs={glob}" for glob in LAB_HIDDEN)]


def run_lab(python: Path, extra: list[str]) -> int:
    """Open JupyterLab on the workbook's start page (the lab shows notebooks/ and solutions/)."""
    say("启动 JupyterLab（按 Ctrl+C 退出）", "starting JupyterLab (Ctrl+C to stop)")
    start = ROOT / "notebooks" / "index.ipynb"
    args = [str(python), "-m", "jupyterlab", *lab_options(ROOT)]
    if start.exists():
        args.append(str(start))
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")  # e.g. a container or a cloud machine logged in as root
    return subprocess.call(args + extra, cwd=ROOT)


def run_tests(python: Path, extra: list[str]) -> int:
    """Run the whole test suite (configured in pyproject.toml)."""
    say("运行全部测试", "running the whole test suite")
    # no MPLBACKEND here: notebook kernels must keep the inline backend so
    # charts are stored (the test process itself uses Agg, see conftest.py)
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("MPLBACKEND", None)
    return subprocess.call([str(python), "-m", "pytest", *extra], cwd=ROOT, env=env)


def run_bench(python: Path, extra: list[str]) -> int:
    """Print the SPEC performance figures (bench/run.py)."""
    say("运行基准测试", "running the benchmarks")
    env = dict(os.environ, MPLBACKEND="Agg")
    return subprocess.call([str(python), str(ROOT / "bench" / "run.py"), *extra], cwd=ROOT, env=env)


COMMANDS = {"lab": run_lab, "test": run_tests, "bench": run_bench}


def main(argv: list[str]) -> int:
    if sys.version_info < MIN_PYTHON:
        print(f"kamlab 需要 Python 3.11 或更新版本，当前是 {sys.version.split()[0]}。\n"
              f"kamlab needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
        return 2
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    python, stamp = environment_python()
    ensure_installed(python, stamp, argv[0])
    return COMMANDS[argv[0]](python, argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
