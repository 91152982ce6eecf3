"""Run one submission: its own working folder, environment, audit log and worker process.

:func:`_execute` copies the notebook into ``<out>/work/<stem>/``, starts a
worker there (:mod:`._processes`) with a wall-clock timeout and kills the
worker's and the kernel's process groups afterwards; :func:`_read_audit`
reads what the audit hook (:mod:`._audit`) logged.  :class:`_Run` holds the
settings shared by every submission of one :func:`~kamlab.grading.grade` call.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import threading
from pathlib import Path
from typing import Any

from ..answers import ANSWER_MIME
from ._processes import start_worker
from ._sandbox import bwrap_command

_AUDIT = Path(__file__).with_name("_audit.py")


def _child_env(work: Path, audit: dict[str, Any] | None, mplconfig: str | None) -> dict[str, str]:
    keep = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "PYTHONPATH", "VIRTUAL_ENV", "TZ",
            "SYSTEMROOT", "CONDA_PREFIX")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    tmp = work / ".tmp"
    tmp.mkdir(exist_ok=True)
    env.update({
        "HOME": str(work), "USERPROFILE": str(work), "TMPDIR": str(tmp),
        "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg", "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1", "MALLOC_ARENA_MAX": "2",
        "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "JUPYTER_PLATFORM_DIRS": "1", "JUPYTER_RUNTIME_DIR": str(work / ".runtime"),
    })
    if mplconfig:
        env["MPLCONFIGDIR"] = mplconfig
    if audit is not None:
        env["KAMLAB_AUDIT"] = json.dumps(audit)
    return env


def _mpl_cache() -> str | None:
    """The grader's own matplotlib cache folder, shared read-mostly with kernels
    (so each kernel does not rebuild the font cache)."""
    try:
        import matplotlib  # lazy: only the grader needs it, not every notebook importing kl.grading

        return matplotlib.get_cachedir()
    except Exception:  # noqa: BLE001
        return None


@dataclasses.dataclass
class _Run:
    """Settings shared by every submission of one :func:`grade` call."""

    module: str
    variant: int
    language: str
    out: Path
    submissions: Path
    timeout: float
    memory_mb: int
    max_output_mb: float
    force: bool
    bank: Any
    log: logging.Logger
    mplconfig: str | None
    sandbox: str = "none"
    hidden: list = dataclasses.field(default_factory=list)
    procs: set = dataclasses.field(default_factory=set)
    lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)
    stop: threading.Event = dataclasses.field(default_factory=threading.Event)


def _execute(run: _Run, stem: str, data: bytes, trainee: str) -> tuple[dict[str, Any], Path, Path]:
    """Copy the notebook into its own working folder and run the worker there."""
    work = run.out / "work" / stem
    if work.exists():
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    src = work / f"{stem}.ipynb"
    src.write_bytes(data)
    executed = work / f"{stem}.executed.ipynb"
    # inside the submission's own folder: the only place the sandbox lets it write
    audit_log = work / ".kamlab-audit.jsonl"
    allow = [str(work)] + ([run.mplconfig] if run.mplconfig else []) + ["/dev", "/proc"]
    audit = {"log": str(audit_log), "allow": allow,
             "watch": [str(run.submissions.resolve()), str(run.out.resolve())]}
    spec = {
        "input": src.name, "output": executed.name, "cwd": str(work),
        "parameters": {"trainee": trainee, "variant": run.variant, "language": run.language,
                       "data_file": None},
        "memory_mb": run.memory_mb, "max_output_mb": run.max_output_mb, "answer_mime": ANSWER_MIME,
        "fsize_mb": int(max(256, 4 * run.max_output_mb)),
        "extra_arguments": [
            "--IPKernelApp.exec_lines=import runpy as _kl_r; "
            f"_kl_r.run_path({str(_AUDIT)!r}, run_name='_kamlab_audit'); del _kl_r"],
    }
    stderr_path = run.out / "logs" / f"{stem}.stderr.txt"
    stderr_path.parent.mkdir(exist_ok=True)
    env = _child_env(work, audit, run.mplconfig)
    prefix = []
    if run.sandbox == "bwrap":
        readable = [Path(run.mplconfig)] if run.mplconfig else []
        prefix = bwrap_command(work, run.hidden, readable=readable)
    proc = start_worker(spec, env, work, stderr_path, prefix)
    with run.lock:
        run.procs.add(proc)
    timed_out = False
    try:
        timed_out = not proc.wait_for(run.timeout)
    finally:
        proc.kill()      # the worker's group (with the sandbox: every process of the submission)
        proc.wait_for(None)
        with run.lock:
            run.procs.discard(proc)
    records, thread = proc.records, proc.reader
    thread.join(timeout=5)
    done = next((r["done"] for r in records if "done" in r), None)
    if timed_out:
        status = {"status": "timeout", "error": ""}
    elif done is None:
        status = {"status": "kernel_died" if proc.returncode and proc.returncode < 0 else "worker_error",
                  "error": f"worker exit code {proc.returncode}"}
    else:
        status = dict(done)
    if status.get("status") == "worker_error":
        tail = stderr_path.read_bytes()[-2000:].decode("utf-8", "replace")
        run.log.warning("%s: worker error %s\n%s", stem, status.get("error"), tail)
    return status, executed, audit_log


def _read_audit(path: Path, work: Path) -> list[str]:
    if not path.exists():
        return []
    seen: list[str] = []
    rank = {"write": 0, "modify": 1, "read": 2, "process": 3, "list": 4}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh.readlines()[:200]:
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if not isinstance(rec, dict):
                continue
            text = f"{rec.get('kind')} {rec.get('path')}"
            if text not in seen:
                seen.append(text)
    return sorted(seen, key=lambda t: rank.get(t.split(" ", 1)[0], 9))
