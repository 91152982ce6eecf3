"""The grader's child processes: one plain subprocess per submission, sandboxed, killed as a group.

A worker (:mod:`kamlab.grading._worker`) is started as
``[bwrap ...] python _worker.py SPEC`` with :class:`subprocess.Popen` in a new
session.  It reports JSON lines (never pickles) on a private pipe.  With the
sandbox, killing the worker's process group ends its process namespace, and
with it every process the submission started; without it,
:func:`_kill_group` kills the worker's group and the kernel's.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

_WORKER = Path(__file__).with_name("_worker.py")

__all__ = ["Worker", "start_worker", "kill_group"]


def kill_group(pgid: int | None) -> None:
    """Kill process group *pgid* (nothing when it is not a group leader any more)."""
    if not pgid or os.name != "posix":
        return
    try:
        if os.getpgid(pgid) != pgid:  # not (or no longer) a group leader we started
            return
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass


class Worker:
    """A started worker: its process, the records it reported, the thread reading them."""

    def __init__(self, popen: subprocess.Popen, records: list[dict[str, Any]], reader: threading.Thread) -> None:
        self.popen = popen
        self.pid = popen.pid
        self.records = records
        self.reader = reader

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
        """Kill the worker (its group on POSIX; with the sandbox that ends every process it started)."""
        kill_group(self.pid)
        kernel = next((r.get("kernel_pid") for r in self.records if r.get("kernel_pid")), None)
        if isinstance(kernel, int):
            kill_group(kernel)
        if self.popen.poll() is None:
            try:
                self.popen.kill()
            except OSError:
                pass


def start_worker(spec: dict[str, Any], env: dict[str, str], work: Path, stderr_path: Path,
                 prefix: list[str]) -> Worker:
    """Start ``prefix + [python, _worker.py, SPEC]`` in *work*; its reports are read on a private pipe."""
    records: list[dict[str, Any]] = []
    if os.name != "posix":  # pragma: no cover - Windows: no fd passing; the worker writes a status file
        status = work / ".kamlab-status.jsonl"
        with open(stderr_path, "wb") as err:
            popen = subprocess.Popen([sys.executable, str(_WORKER), json.dumps(dict(spec, status_file=str(status)))],
                                     cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=err, creationflags=subprocess.CREATE_NEW_PROCESS_GROUP)
        thread = threading.Thread(target=_read_status_file, args=(popen, status, records), daemon=True)
        thread.start()
        return Worker(popen, records, thread)
    read_fd, write_fd = os.pipe()
    spec = dict(spec, status_fd=write_fd)

    def reader() -> None:
        with os.fdopen(read_fd, "r", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    record = json.loads(line)   # JSON lines only: never unpickle
                except ValueError:
                    continue
                if isinstance(record, dict):
                    records.append(record)

    try:
        with open(stderr_path, "wb") as err:
            popen = subprocess.Popen([*prefix, sys.executable, str(_WORKER), json.dumps(spec)], cwd=work,
                                     env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=err, start_new_session=True, pass_fds=(write_fd,))
    finally:
        os.close(write_fd)
    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return Worker(popen, records, thread)


def _read_status_file(popen: subprocess.Popen, status: Path, records: list[dict[str, Any]]) -> None:
    """Windows: read the worker's status file once it has ended."""
    popen.wait()
    try:
        lines = status.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            records.append(record)
