"""The grader's child processes: one worker per submission, forked or spawned, killed as a group.

A worker (:mod:`kamlab.grading._worker`) is forked from a ``forkserver``
that has its imports preloaded (POSIX, Python 3.11), else spawned as
``python _worker.py SPEC``.  Either way it reports JSON lines (never pickles)
on a private pipe, runs in its own session, and :func:`_kill_group` kills its
whole process group.
"""

from __future__ import annotations

import ast
import io
import json
import multiprocessing as mp
import os
import runpy
import signal
import subprocess
import sys
import threading
from multiprocessing import context as mp_context, reduction, spawn, util
from multiprocessing.connection import wait
from multiprocessing.context import set_spawning_popen
from pathlib import Path
from typing import Any

_WORKER = Path(__file__).with_name("_worker.py")


def _kill_group(pgid: int | None) -> None:
    if not pgid:
        return
    try:
        if os.getpgid(pgid) != pgid:  # not (or no longer) a group leader we started
            return
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass


class _Spawned:
    """A worker started as ``python _worker.py SPEC`` (fallback without forkserver)."""

    def __init__(self, popen: subprocess.Popen) -> None:
        self.popen = popen
        self.pid = popen.pid

    @property
    def returncode(self) -> int | None:
        return self.popen.returncode

    def wait_for(self, timeout: float | None) -> bool:
        """Wait up to *timeout* seconds (``None``: no limit); True once it has ended."""
        try:
            self.popen.wait(timeout=timeout)
            return True
        except subprocess.TimeoutExpired:
            return False

    def kill(self) -> None:
        if self.popen.poll() is None:
            try:
                self.popen.kill()
            except OSError:
                pass


class _Forked:
    """A worker forked from the grader's fork server (see :mod:`._worker`)."""

    def __init__(self, process) -> None:
        self.process = process
        self.pid = process.pid
        self.returncode: int | None = None

    def wait_for(self, timeout: float | None) -> bool:
        if self.returncode is not None:
            return True
        if not wait([self.process.sentinel], timeout):
            return False
        # multiprocessing reads a child's exit status from a pipe shared with
        # Process.start() of other threads (it polls every child): one reader at a time
        with _MP_LOCK:
            self.process.join()
            self.returncode = self.process.exitcode
            self.process.close()
        return True

    def kill(self) -> None:
        if self.returncode is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError, OSError):
                pass


_MP_LOCK = threading.Lock()
_FORKSERVER: list = []  # [context] once made, [None] if unavailable


def _forkserver():
    """The ``forkserver`` multiprocessing context with the worker's imports preloaded,
    or ``None`` where it is not available (or ``KAMLAB_GRADER_SPAWN=1``)."""
    with _MP_LOCK:
        if not _FORKSERVER:
            ctx = None
            try:
                # POSIX only (ImportError elsewhere, then the spawn fallback): imported here
                from multiprocessing import forkserver, popen_forkserver

                # the fork path reuses multiprocessing internals checked on 3.11 only
                if (os.name == "posix" and "forkserver" in mp.get_all_start_methods()
                        and sys.version_info[:2] == (3, 11)
                        and os.environ.get("KAMLAB_GRADER_SPAWN") != "1"):
                    ctx = mp.get_context("forkserver")
                    ctx.set_forkserver_preload(_worker_preload())
                    _define_process_class(popen_forkserver, forkserver)
                    # start it now: its imports run while the grader reads the submissions
                    forkserver.ensure_running()
            except Exception:  # noqa: BLE001 - fall back to one interpreter per submission
                ctx = None
            _FORKSERVER.append(ctx)
        return _FORKSERVER[0]


def _worker_preload() -> list[str]:
    tree = ast.parse(_WORKER.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PRELOAD":
            return list(ast.literal_eval(node.value))
    return []


_PROCESS_CLASS: list = []


def _define_process_class(popen_forkserver, forkserver) -> None:
    """A forkserver Process whose child does not re-import the grader's ``__main__``.

    multiprocessing normally re-runs the parent's main script (or module) in
    every child; the worker needs nothing from it, and a CLI or test runner's
    main would cost an import per submission.
    """
    class Popen(popen_forkserver.Popen):
        def _launch(self, process_obj):  # same as the stdlib's, minus the main module
            prep_data = {k: v for k, v in spawn.get_preparation_data(process_obj._name).items()
                         if k not in ("init_main_from_path", "init_main_from_name")}
            buf = io.BytesIO()
            set_spawning_popen(self)
            cls = process_obj.__class__
            process_obj.__class__ = mp_context.ForkServerProcess  # what the child unpickles
            try:
                reduction.dump(prep_data, buf)
                reduction.dump(process_obj, buf)
            finally:
                process_obj.__class__ = cls
                set_spawning_popen(None)
            self.sentinel, w = forkserver.connect_to_new_process(self._fds)
            _parent_w = os.dup(w)
            self.finalizer = util.Finalize(self, util.close_fds, (_parent_w, self.sentinel))
            with open(w, "wb", closefd=True) as f:
                f.write(buf.getbuffer())
            self.pid = forkserver.read_signed(self.sentinel)

    class Process(mp_context.ForkServerProcess):
        @staticmethod
        def _Popen(process_obj):
            return Popen(process_obj)

    _PROCESS_CLASS.append(Process)


def _start_forked(ctx, spec: dict[str, Any], env: dict[str, str], stderr_path: Path,
                  records: list[dict[str, Any]]) -> tuple[_Forked, threading.Thread]:
    read_conn, write_conn = ctx.Pipe(duplex=False)
    job = {"spec": spec, "env": env, "stderr": str(stderr_path), "conn": write_conn}
    process = _PROCESS_CLASS[0](target=runpy.run_path, args=(str(_WORKER),),
                                kwargs={"init_globals": {"KAMLAB_JOB": job},
                                        "run_name": "_kamlab_worker_child"},
                                name=f"kamlab-grade-{Path(spec['cwd']).name}", daemon=True)
    try:
        with _MP_LOCK:
            process.start()
    finally:
        write_conn.close()

    def reader() -> None:
        with read_conn:
            while True:
                try:
                    raw = read_conn.recv_bytes(1 << 20)  # JSON lines only: never unpickle
                except (EOFError, OSError):
                    return
                try:
                    rec = json.loads(raw)
                except ValueError:
                    continue
                if isinstance(rec, dict):
                    records.append(rec)

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return _Forked(process), thread


def _start_spawned(spec: dict[str, Any], env: dict[str, str], work: Path, stderr_path: Path,
                   records: list[dict[str, Any]]) -> tuple[_Spawned, threading.Thread]:
    read_fd, write_fd = os.pipe()
    spec = dict(spec, status_fd=write_fd)

    def reader() -> None:
        with os.fdopen(read_fd, "r", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    records.append(json.loads(line))
                except ValueError:
                    pass

    try:
        with open(stderr_path, "wb") as err:
            popen = subprocess.Popen(
                [sys.executable, str(_WORKER), json.dumps(spec)], cwd=work, env=env,
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
                start_new_session=True, pass_fds=(write_fd,))
    finally:
        os.close(write_fd)
    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return _Spawned(popen), thread
