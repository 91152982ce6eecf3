"""Fixtures for the end-to-end browser tests: a JupyterLab server and Chromium.

The tests drive Debian's Chromium (``/usr/bin/chromium``, or the program named
by ``KAMLAB_CHROMIUM``, or a Chrome / Edge already on the computer) with
Playwright for Python; nothing is downloaded at test time (``.ci/run``
installs Chromium with apt and sets ``KAMLAB_REQUIRE_BROWSER=1``, so there a
missing browser fails; on a laptop without any of them the tests are skipped
with that reason).  JupyterLab runs on a free
loopback port with a random token, in a temporary HOME with its own Jupyter,
IPython and matplotlib folders, on a copy of ``notebooks/``: no user
configuration leaks in and nothing is written to the repository except the
screenshots.

``KAMLAB_LAB_DISABLE_EXTENSIONS`` (comma-separated lab extension names) runs
``jupyter labextension disable`` for them in the temporary configuration:
``KAMLAB_LAB_DISABLE_EXTENSIONS=@jupyter-widgets/jupyterlab-manager`` shows
that the tests fail when the widget front-end is missing.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import bootstrap  # noqa: E402  the lab's options, shared with ``python bootstrap.py lab``
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SCREENSHOTS = ROOT / "docs" / "screenshots"

# As root on a closed network Chromium needs these (Playwright adds
# --headless, --no-sandbox, --no-first-run, --disable-sync, ... itself and
# gives every launch a fresh --user-data-dir).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

NO_CHROMIUM = """\
The browser tests need Chromium, and it was not found at {path}.
浏览器测试需要 Chromium，但在 {path} 没有找到。
  Debian/Ubuntu:  sudo apt-get install chromium        (.ci/run does this itself)
  elsewhere:      set KAMLAB_CHROMIUM=/path/to/chromium (or chrome)"""


#: Browsers already on a machine, in order: Debian's Chromium, then Chrome or
#: Edge where trainees' Windows and macOS laptops have them.
KNOWN_BROWSERS = [
    "/usr/bin/chromium",
    *(shutil.which(name) or "" for name in ("chromium", "chromium-browser", "google-chrome")),
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
]


def chromium_path() -> str:
    """The Chromium to drive; a clear failure (not a skip) when there is none."""
    wanted = os.environ.get("KAMLAB_CHROMIUM")
    for path in ([wanted] if wanted else KNOWN_BROWSERS):
        if path and Path(path).is_file() and os.access(path, os.X_OK):
            return path
    message = NO_CHROMIUM.format(path=wanted or "/usr/bin/chromium")
    if wanted or os.environ.get("KAMLAB_REQUIRE_BROWSER") == "1":
        pytest.fail(message, pytrace=False)  # CI (.ci/run) always requires the browser
    pytest.skip("no Chromium, Chrome or Edge on this computer; CI runs these tests\n" + message)


def _chinese_fonts_env(folder: Path) -> dict[str, str]:
    """Chromium's environment with a fontconfig file adding the CJK fonts of ``mplfonts``.

    A trainee's computer has Chinese fonts; a bare CI machine may have none, and
    Chinese text would render as empty boxes in the screenshots.  The fonts the
    charts use (bundled with the ``mplfonts`` dependency) are added to the
    system's fontconfig setup for the browser only; nothing is installed.
    """
    from importlib import resources

    font_dir = resources.files("mplfonts") / "fonts"
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{font_dir}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8")
    home = folder / "home"  # Chromium's crash-report and cache folders, not the user's
    home.mkdir()
    return dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=str(home),
                XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"))


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """A headless Chromium driven by Playwright (one for the whole session)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - dev extra missing
        pytest.fail("Playwright is missing: pip install -e .[dev]  (or pip install playwright)",
                    pytrace=False)
    executable = chromium_path()
    fonts = tmp_path_factory.mktemp("fontconfig")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS,
                                      env=_chinese_fonts_env(fonts))
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser page, 1280×900, failing fast on a stuck element."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.set_default_timeout(60_000)
    pg = context.new_page()
    try:
        yield pg
    finally:
        context.close()


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab: its base URL, token and root (holding ``notebooks/`` and ``solutions/``)."""

    url: str
    token: str
    root: Path
    log: Path

    def tree(self, notebook: str) -> str:
        """The address that opens *notebook* (a path from the lab's root) alone, in a fresh workspace of its own.

        (The default workspace would reopen the notebooks of earlier tests.)
        """
        workspace = Path(notebook).stem.replace("_", "-")
        return f"{self.url}/lab/workspaces/{workspace}/tree/{notebook}?token={self.token}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def _lab_env(base: Path) -> dict[str, str]:
    """The environment for the server and its kernels: everything user-level in *base*."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JUPYTER", "IPYTHON", "MPL", "PYTHONSTARTUP"))}
    dirs = {
        "HOME": base / "home",
        "JUPYTER_CONFIG_DIR": base / "jupyter" / "config",
        "JUPYTER_DATA_DIR": base / "jupyter" / "data",
        "JUPYTER_RUNTIME_DIR": base / "jupyter" / "runtime",
        "JUPYTERLAB_SETTINGS_DIR": base / "jupyter" / "lab-settings",
        "JUPYTERLAB_WORKSPACES_DIR": base / "jupyter" / "workspaces",
        "IPYTHONDIR": base / "ipython",
        "MPLCONFIGDIR": base / "matplotlib",
        "XDG_CONFIG_HOME": base / "home" / ".config",
        "XDG_CACHE_HOME": base / "home" / ".cache",
    }
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    env.update({k: str(v) for k, v in dirs.items()})
    env["PYTHONHASHSEED"] = "0"
    settings = dirs["JUPYTERLAB_SETTINGS_DIR"] / "@jupyterlab"
    # every cell in the DOM (no windowing), the notebook's kernel started without
    # asking, no news or update pop-ups
    _write_json(settings / "notebook-extension" / "tracker.jupyterlab-settings",
                {"windowingMode": "none", "autoStartDefaultKernel": True})
    _write_json(settings / "apputils-extension" / "notification.jupyterlab-settings",
                {"fetchNews": "false", "checkForUpdates": False})
    return env


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="session")
def lab(tmp_path_factory) -> Lab:
    """JupyterLab on a free loopback port with a random token; stopped at the end."""
    base = tmp_path_factory.mktemp("jupyterlab")
    # the lab of ``python bootstrap.py lab``: rooted above notebooks/ and solutions/, same options
    root = base / "workbook"
    for folder in ("notebooks", "solutions"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    env = _lab_env(base)
    for name in filter(None, os.environ.get("KAMLAB_LAB_DISABLE_EXTENSIONS", "").split(",")):
        # --level=user: the temporary JUPYTER_CONFIG_DIR (the default, sys_prefix,
        # would disable it for the whole environment)
        subprocess.run([str(Path(sys.executable).parent / "jupyter-labextension"), "disable",
                        "--level=user", name.strip()], env=env, check=True, capture_output=True)
    port, token = _free_port(), secrets.token_hex(16)
    log = base / "jupyterlab.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}",
             "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1",
             f"--IdentityProvider.token={token}", *bootstrap.lab_options(root),
             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
             "--ServerApp.terminals_enabled=False",
             *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
            cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while not _answers(f"{url}/api/status?token={token}"):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("JupyterLab did not start:\n" + log.read_text(errors="replace")[-3000:],
                            pytrace=False)
            time.sleep(0.3)
        yield Lab(url=url, token=token, root=root, log=log)
    finally:
        _stop(proc)


def _stop(proc: subprocess.Popen) -> None:
    """SIGTERM the server's process group (it shuts its kernels down), SIGKILL if it lingers."""
    if proc.poll() is not None:
        return
    if not hasattr(os, "killpg"):  # Windows: no process groups; stop the server itself
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


def _save_screenshot(png: bytes, name: str, *, docs: str | None = None) -> Path:
    """Keep *png* as a test artefact and, with *docs*, as ``docs/screenshots/<docs>``."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    path.write_bytes(png)
    if docs:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / docs).write_bytes(png)
    return path


@pytest.fixture
def save_screenshot():
    """``save_screenshot(png, name, docs=None)``: write a screenshot (see :func:`_save_screenshot`)."""
    return _save_screenshot
