"""Fixtures for the class-server test: a real JupyterHub (deploy/jupyterhub_config.py) on localhost.

The hub runs as root, as on a class server: it creates a system user for each
trainee on first login.  Everything it touches is temporary: a free port, a
state folder, an exchange root, a group and throwaway users whose names share
a random prefix (``kNNNN``); all are removed at the end, with the processes
those users still run (stopped by process id).

It needs root, ``useradd``, the proxy (``npm ci --prefix deploy``), JupyterHub
(``pip install -e .[dev]``) and Chromium.  ``.ci/run`` installs them and sets
``KAMLAB_REQUIRE_BROWSER=1``: there a missing piece fails; elsewhere the test
is skipped with the reason.
"""

from __future__ import annotations

import importlib.util
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
PROXY = DEPLOY / "node_modules" / ".bin" / "configurable-http-proxy"


def load_browser_module(name: str):
    """tests/browser/<name>.py as a module (its Chromium set-up and notebook helpers are reused here)."""
    spec = importlib.util.spec_from_file_location(f"kamlab_browser_{name}", ROOT / "tests" / "browser" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


browser_setup = load_browser_module("conftest")


def _missing(reason: str) -> None:
    if os.environ.get("KAMLAB_REQUIRE_BROWSER") == "1":
        pytest.fail(reason, pytrace=False)   # CI (.ci/run) has every piece
    pytest.skip(reason)


def require_class_server_pieces() -> None:
    """Fail (CI) or skip (elsewhere) with the reason when a piece of the class server is missing."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        _missing("the class-server test runs as root (it creates throwaway system users)")
    for tool in ("useradd", "userdel", "groupdel", "runuser"):
        if not shutil.which(tool):
            _missing(f"the class-server test needs {tool} (Debian/Ubuntu: the passwd and util-linux packages)")
    for module in ("jupyterhub", "firstuseauthenticator"):
        if importlib.util.find_spec(module) is None:
            _missing(f"{module} is missing: pip install -e .[dev]  (the [hub] extra)")
    if not PROXY.exists():
        _missing("the proxy is missing: npm ci --prefix deploy  (.ci/run does it)")


def _runs_for_everyone(python: str, checkout: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([shutil.which("runuser"), "-u", "nobody", "--", python, "-c", "import kamlab, jupyterhub"],
                          cwd="/", env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(checkout)},
                          capture_output=True, text=True)


def _everyone_reads(path: Path) -> bool:
    """True when an unprivileged user may reach *path* (every folder above it searchable)."""
    return subprocess.run([shutil.which("runuser"), "-u", "nobody", "--", "test", "-r", str(path)],
                          capture_output=True).returncode == 0


@dataclass
class HubEnvironment:
    """The Python the hub and the trainees' servers run, and the checkout as they see it."""

    python: str
    checkout: Path
    mounts: list[Path] = field(default_factory=list)

    def close(self) -> bool:
        """Unmount the views; True when none is left (only then may their folder be deleted)."""
        for mount in reversed(self.mounts):
            subprocess.run(["umount", str(mount)], capture_output=True)
        return not any(os.path.ismount(m) for m in self.mounts)


def _shared_view(path: Path, folder: Path, mounts: list[Path]) -> Path:
    """*path* itself when everyone may read it, else a read-only bind mount of it under *folder*.

    A CI clone (and its ``.venv``) may sit in a private folder such as
    ``/root``; the trainees' servers run as other users and must read it.
    """
    if _everyone_reads(path):
        return path
    view = folder / f"view{len(mounts)}"
    view.mkdir(mode=0o755)
    done = subprocess.run(["mount", "--bind", "-o", "ro", str(path), str(view)], capture_output=True, text=True)
    if done.returncode:
        _missing(f"other users cannot read {path} and it cannot be bind-mounted where they can "
                 f"({done.stderr.strip()}): put the checkout where everyone may read it")
    mounts.append(view)
    return view


def hub_environment(folder: Path) -> HubEnvironment:
    """A Python every trainee may run, seeing this environment's packages and this checkout.

    That is ``sys.executable`` when other users can run it (a venv of the
    system Python, as ``deploy/hub.py`` makes).  When its base Python sits in a
    private folder (pyenv under /root), a venv of the system's ``python3`` of
    the same version is made in *folder* whose ``.pth`` adds this
    environment's ``site-packages`` (same CPython ABI); nothing is installed.
    When the checkout or those ``site-packages`` are themselves in a private
    folder (a clone under /root), they are bind-mounted read-only under
    *folder* and the trainees see them there.
    """
    if _runs_for_everyone(sys.executable).returncode == 0:
        return HubEnvironment(sys.executable, ROOT)
    system = Path("/usr/bin") / f"python{sys.version_info.major}.{sys.version_info.minor}"
    if not system.exists():
        _missing(f"other users cannot run {sys.executable} (its base Python is private) and there is no {system}")
    os.chmod(folder, 0o755)
    env = HubEnvironment("", ROOT)
    env.checkout = _shared_view(ROOT, folder, env.mounts)

    def seen(path: Path) -> Path:            # a path as the trainees reach it
        try:
            return env.checkout / path.resolve().relative_to(ROOT)
        except ValueError:
            return _shared_view(path, folder, env.mounts)

    subprocess.run([str(system), "-m", "venv", "--without-pip", str(folder / "venv")], check=True)
    (site,) = (folder / "venv" / "lib").glob("python3*/site-packages")
    ours = [seen(Path(p)) for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (site / "kamlab-test-env.pth").write_text(
        "".join(f"import site; site.addsitedir({str(p)!r})\n" for p in ours), encoding="utf-8")
    for shared in ("share/jupyter", "etc/jupyter"):   # JupyterLab, its extensions and server config
        (folder / "venv" / shared).parent.mkdir(parents=True, exist_ok=True)
        (folder / "venv" / shared).symlink_to(seen(Path(sys.prefix) / shared))
    env.python = str(folder / "venv" / "bin" / "python")
    probe = _runs_for_everyone(env.python, env.checkout)
    if probe.returncode:
        env.close()
        _missing(f"other users cannot run this environment's Python ({sys.executable}) nor {env.python}; the "
                 "trainees' servers would not start. Put the checkout and its venv where everyone may read them\n"
                 + probe.stderr[-800:])
    return env


# the same loopback helpers as the browser tests' JupyterLab
_free_port = browser_setup._free_port
_answers = browser_setup._answers


@dataclass
class Hub:
    """A running class server and its throwaway accounts."""

    url: str
    exchange: Path
    state: Path
    log: Path
    group: str
    instructor: str
    trainees: list[str]
    started_in: float
    password: str = field(default_factory=lambda: "pw-" + secrets.token_hex(8))

    def home(self, user: str) -> Path:
        return Path(pwd.getpwnam(user).pw_dir)

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def _remove_user(name: str) -> None:
    try:
        uid = pwd.getpwnam(name).pw_uid
    except KeyError:
        return
    pids = subprocess.run(["ps", "-o", "pid=", "-u", str(uid)], capture_output=True, text=True).stdout.split()
    for pid in pids:            # what the test's servers left behind, by process id
        try:
            os.kill(int(pid), signal.SIGKILL)
        except ProcessLookupError:
            pass
    subprocess.run(["userdel", "--remove", name], capture_output=True)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)     # the hub stops the trainees' servers and its proxy
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """JupyterHub with deploy/jupyterhub_config.py: three trainees and an instructor (made on first use)."""
    require_class_server_pieces()
    prefix = "k" + secrets.token_hex(2)
    trainees, instructor, group = [f"{prefix}a", f"{prefix}b", f"{prefix}c"], f"{prefix}t", f"{prefix}-teachers"
    state = tmp_path_factory.mktemp("hub")
    exchange_base = Path(tempfile.mkdtemp(prefix="kamlab-exchange-"))   # /tmp: the trainees must reach it
    os.chmod(exchange_base, 0o755)
    shared = hub_environment(exchange_base)
    python = shared.python
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "KAMLAB_HUB"))}
    env.update(
        PYTHONPATH=str(shared.checkout), KAMLAB_HUB_STATE=str(state / "state"), KAMLAB_EXCHANGE=str(exchange_base / "exchange"),
        KAMLAB_HUB_GROUP=group, KAMLAB_HUB_INSTRUCTORS=instructor, KAMLAB_HUB_BIND=f"http://127.0.0.1:{port}",
        KAMLAB_HUB_HUB_PORT=str(_free_port()), KAMLAB_HUB_PROXY_API_PORT=str(_free_port()),
        KAMLAB_HUB_SITE_CONFIG=str(state / "none.py"))
    log = state / "jupyterhub.log"
    url = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    with open(log, "wb") as out:
        proc = subprocess.Popen([python, "-m", "jupyterhub", "-f", str(DEPLOY / "jupyterhub_config.py")],
                                cwd=state, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        while not _answers(f"{url}/hub/api"):
            if proc.poll() is not None or time.monotonic() - started > 120:
                pytest.fail("JupyterHub did not start:\n" + log.read_text(errors="replace")[-4000:], pytrace=False)
            time.sleep(0.2)
        yield Hub(url=url, exchange=exchange_base / "exchange", state=state, log=log, group=group,
                  instructor=instructor, trainees=trainees, started_in=time.monotonic() - started)
    finally:
        _stop(proc)
        for name in [*trainees, instructor]:
            _remove_user(name)
        subprocess.run(["groupdel", group], capture_output=True)
        if shared.close():      # never delete through a mount of the checkout
            shutil.rmtree(exchange_base, ignore_errors=True)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium, launched as tests/browser does."""
    from playwright.sync_api import sync_playwright

    executable = browser_setup.chromium_path()
    fonts = tmp_path_factory.mktemp("fontconfig")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, headless=True, args=browser_setup.CHROMIUM_ARGS,
                                      env=browser_setup._chinese_fonts_env(fonts))
        try:
            yield chromium
        finally:
            chromium.close()
