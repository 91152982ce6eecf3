"""Start the class server: ``sudo python3 deploy/hub.py`` (deploy/README.md).

Installs what is missing, then runs JupyterHub with ``deploy/jupyterhub_config.py``:

1. a virtual environment (``/opt/kamlab-hub/venv``, readable by every trainee)
   holding kamlab with its ``[hub]`` extra (JupyterHub, the first-use login,
   JupyterLab), reinstalled when this checkout changes;
2. the proxy, ``configurable-http-proxy``, by ``npm ci`` from
   ``deploy/package-lock.json`` into ``deploy/node_modules``;
3. ``jupyterhub -f deploy/jupyterhub_config.py`` in the foreground (Ctrl-C stops it;
   the settings are the ``KAMLAB_HUB_*`` variables listed in that file).

``--dry-run`` prints the steps without doing anything (no root needed).
Standard library only: it runs with the system's ``python3`` before anything is installed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
REPO = DEPLOY.parent
PROXY = DEPLOY / "node_modules" / ".bin" / "configurable-http-proxy"


def _say(zh: str, en: str) -> None:
    print(f"[kamlab hub] {zh} / {en}", flush=True)


def _stamp() -> str:
    """What the installed venv was built from: pyproject.toml and the kamlab sources."""
    digest = hashlib.sha256((REPO / "pyproject.toml").read_bytes())
    for path in sorted((REPO / "kamlab").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(REPO).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def plan(venv: Path) -> list[list[str]]:
    """The install commands still needed (empty when everything is in place)."""
    steps: list[list[str]] = []
    python = venv / "bin" / "python"
    if not python.exists():
        steps.append([sys.executable, "-m", "venv", str(venv)])
    stamp = venv / "kamlab-hub.stamp"
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != _stamp():
        steps.append([str(python), "-m", "pip", "install", "--upgrade", "--quiet", f"{REPO}[hub]"])
    lock = DEPLOY / "package-lock.json"
    if not PROXY.exists() or lock.stat().st_mtime > PROXY.stat().st_mtime:
        steps.append([shutil.which("npm") or "npm", "ci", "--prefix", str(DEPLOY), "--no-audit", "--no-fund"])
    return steps


def hub_command(venv: Path) -> list[str]:
    return [str(venv / "bin" / "python"), "-m", "jupyterhub", "-f", str(DEPLOY / "jupyterhub_config.py")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=Path(os.environ.get("KAMLAB_HUB_VENV", "/opt/kamlab-hub/venv")),
                        help="the hub's virtual environment (default /opt/kamlab-hub/venv)")
    parser.add_argument("--dry-run", action="store_true", help="print the steps, do nothing")
    args = parser.parse_args(argv)
    steps = plan(args.venv)
    if args.dry_run:
        for step in [*steps, hub_command(args.venv)]:
            print(shlex.join(step))
        return 0
    if os.geteuid() != 0:
        _say("请用 root 运行（它为每位学员创建系统用户）：sudo python3 deploy/hub.py",
             "run it as root (it creates a system user per trainee): sudo python3 deploy/hub.py")
        return 2
    if sys.version_info < (3, 11):
        _say("需要 Python 3.11 或更新版本", "Python 3.11 or newer is needed")
        return 2
    if any(step[0].endswith("npm") for step in steps) and not shutil.which("npm"):
        _say("缺少 npm：sudo apt-get install nodejs npm", "npm is missing: sudo apt-get install nodejs npm")
        return 2
    os.umask(0o022)   # the venv and the proxy must be readable by the trainees' servers
    for step in steps:
        print("  " + shlex.join(step), flush=True)
        subprocess.run(step, check=True)
        if "pip" in step:
            (args.venv / "kamlab-hub.stamp").write_text(_stamp(), encoding="utf-8")
    env = dict(os.environ, PATH=f"{args.venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    command = hub_command(args.venv)
    _say("启动 JupyterHub", "starting JupyterHub")
    print("  " + shlex.join(command), flush=True)
    os.execve(command[0], command, env)
    return 0  # pragma: no cover - execve does not return


if __name__ == "__main__":
    sys.exit(main())
