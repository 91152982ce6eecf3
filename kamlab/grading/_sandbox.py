"""The sandbox each submission runs in: bubblewrap on Linux, or plainly "not isolated".

With `bubblewrap <https://github.com/containers/bubblewrap>`_ (``bwrap``, the
Debian package ``bubblewrap``) a submission's worker and kernel run

* in their own mount namespace: the whole file system read-only, the
  submissions folder, the grader's ``--out`` folder (results cache, secret,
  gradebook, every other trainee's working folder) and the temporary folders
  replaced by empty ones, and only the submission's own working folder
  writable;
* in their own process namespace (``--unshare-pid``): when the worker ends or
  is killed, every process it left behind (a double fork, ``setsid``) dies
  with it, so nothing survives its run; ``--die-with-parent`` ends it if the
  grader itself is killed;
* with no network (``--unshare-net``: only a loopback of its own, which the
  kernel's ZeroMQ sockets use), and its own IPC, UTS and cgroup namespaces.

Where ``bwrap`` is missing or cannot make namespaces (Windows, macOS, a
container without user namespaces) grading still works: the grader then says
"not isolated" in its log and in every gradebook row.

Examples
--------
>>> from pathlib import Path
>>> cmd = bwrap_command(Path("/srv/out/work/a"), hidden=[Path("/srv/subs"), Path("/srv/out")])
>>> cmd[:3], "--unshare-all" in cmd, cmd[cmd.index("--bind") + 1]
(['bwrap', '--die-with-parent', '--new-session'], True, '/srv/out/work/a')
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from .._errors import BadSpecError

__all__ = ["SANDBOXES", "bwrap_command", "bwrap_works", "choose_sandbox", "hidden_paths", "not_isolated_reason"]

#: What ``kamlab grade --sandbox`` accepts.
SANDBOXES = ("auto", "bwrap", "none")

_PROBE: dict[str, bool] = {}
_PROBE_LOCK = threading.Lock()


def bwrap_works() -> bool:
    """True when ``bwrap`` is installed and can make the namespaces the grader uses (probed once).

    Examples
    --------
    >>> isinstance(bwrap_works(), bool)
    True
    """
    with _PROBE_LOCK:
        if "bwrap" not in _PROBE:
            exe = shutil.which("bwrap")
            ok = False
            if exe and sys.platform.startswith("linux"):
                try:
                    probe = subprocess.run(
                        [exe, "--die-with-parent", "--unshare-all", "--ro-bind", "/", "/", "--dev", "/dev",
                         "--proc", "/proc", "true"], capture_output=True, timeout=30)
                    ok = probe.returncode == 0
                except (OSError, subprocess.SubprocessError):
                    ok = False
            _PROBE["bwrap"] = ok
        return _PROBE["bwrap"]


def choose_sandbox(requested: str) -> str:
    """The sandbox to use: ``"bwrap"`` or ``"none"``.

    ``"auto"`` takes bubblewrap when it works here, else none; ``"bwrap"``
    insists (an error when it does not work); ``"none"`` runs unisolated.

    Examples
    --------
    >>> choose_sandbox("none")
    'none'
    """
    if requested not in SANDBOXES:
        raise BadSpecError(f"未知的沙箱 {requested!r}：可选 {', '.join(SANDBOXES)}。",
                           f"Unknown sandbox {requested!r}: use one of {', '.join(SANDBOXES)}.")
    if requested == "none":
        return "none"
    if bwrap_works():
        return "bwrap"
    if requested == "bwrap":
        raise BadSpecError(
            "要求用 bubblewrap 隔离，但本机的 bwrap 不可用：请安装（Debian/Ubuntu：apt-get install bubblewrap），"
            "或改用 --sandbox auto。",
            "Bubblewrap isolation was requested but bwrap does not work here: install it "
            "(Debian/Ubuntu: apt-get install bubblewrap) or use --sandbox auto.")
    return "none"


def hidden_paths(submissions: Path, out: Path) -> list[Path]:
    """What a submission must not see: the submissions, ``--out``, the temporary folders, the grader's home.

    The temporary folders and the grader's home are hidden only when Python,
    its packages and kamlab do not live inside them (then they stay visible,
    read-only like everything else).

    Examples
    --------
    >>> [p.name for p in hidden_paths(Path("/srv/subs"), Path("/srv/out"))][:2]
    ['subs', 'out']
    """
    needed = [Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), Path(sys.executable).resolve(),
              Path(__file__).resolve(), *(Path(p).resolve() for p in sys.path if p and Path(p).exists())]
    shared = [Path(p) for p in ("/tmp", "/var/tmp", "/dev/shm") if Path(p).is_dir()]
    home = Path.home().resolve()
    if home != Path("/"):
        shared.append(home)
    # a temporary folder or home that holds Python, its packages or kamlab stays visible (read-only)
    shared = [s for s in shared if not any(_inside(n, s.resolve()) for n in needed)]
    return [submissions.resolve(), out.resolve(), *shared]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def bwrap_command(work: Path, hidden: Sequence[Path], *, readable: Sequence[Path] = ()) -> list[str]:
    """The ``bwrap`` argument list that runs a command with only *work* writable and *hidden* empty.

    Parameters
    ----------
    work : Path
        The submission's own working folder (bound read-write).
    hidden : sequence of Path
        Folders replaced by empty ones (``--tmpfs``): submissions, ``--out`` ...
    readable : sequence of Path
        Folders inside a hidden one that stay visible read-only (e.g. a
        matplotlib font cache under the grader's home).

    Examples
    --------
    >>> cmd = bwrap_command(Path("/o/work/x"), [Path("/o")])
    >>> cmd[cmd.index("--tmpfs") + 1], cmd[-2:]
    ('/o', ['--chdir', '/o/work/x'])
    """
    cmd = ["bwrap", "--die-with-parent", "--new-session", "--unshare-all",
           "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
    for path in sorted({Path(p) for p in hidden}, key=lambda p: len(p.parts)):
        cmd += ["--tmpfs", str(path)]
    for path in readable:
        if Path(path).exists():
            cmd += ["--ro-bind", str(path), str(path)]
    cmd += ["--bind", str(work), str(work), "--chdir", str(work)]
    return cmd


def not_isolated_reason() -> str:
    """Why this machine grades without isolation (for the log), in both languages.

    Examples
    --------
    >>> "bwrap" in not_isolated_reason()
    True
    """
    where = "Windows" if os.name == "nt" else ("macOS" if sys.platform == "darwin" else "this machine")
    return (f"未隔离：{where} 上没有可用的 bubblewrap（bwrap），每份作业只在自己的文件夹和进程组中运行 / "
            f"not isolated: no working bubblewrap (bwrap) on {where}; each submission runs only in its own "
            f"folder and process group")
