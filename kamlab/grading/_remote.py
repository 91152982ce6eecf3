"""The task a Dask worker runs for one submission: the same sandboxed job as local grading, nothing shared.

:func:`run_job` is what ``kamlab grade --scheduler ...`` (:mod:`._dask`)
submits for each submission.  The job carries everything it needs (the
notebook's bytes, module id, variant, trainee, language, limits, the sandbox
asked for), so workers need no shared file system.  On the worker it makes a
private temporary folder and runs :func:`~._execute._execute` there: the same
worker process (:mod:`._worker`), sandbox (:mod:`._sandbox`), limits and
timeout as on the grader's own machine.  It returns the run's status, the
executed notebook's bytes, the audit log and the tail of the worker's stderr,
and removes its folder.  It checks nothing: the answers are checked, and the
cache, gradebook, feedback and log written, by the grader process alone.

It never raises for the submission (a hostile notebook ends as a status);
what is wrong with the worker itself (another kamlab version, bubblewrap
required but missing) comes back as ``{"error": {"zh": ..., "en": ...}}``,
which the grader turns into one error for the whole run.

Examples
--------
>>> run_job({"kamlab": "0.0.0-other"})["error"]["en"].startswith("This Dask worker has kamlab")
True
"""

from __future__ import annotations

import logging
import shutil
import socket
import tempfile
import time
from pathlib import Path
from typing import Any

from .. import __version__
from .._errors import KamlabInputError
from ._execute import _execute, _mpl_cache, _Run
from ._sandbox import choose_sandbox, hidden_paths

__all__ = ["run_job", "STDERR_TAIL"]

#: Bytes of the worker's stderr sent back to the grader (its log keeps them).
STDERR_TAIL = 1_000_000

_LOG = logging.getLogger("kamlab.grading.remote")


def run_job(job: dict[str, Any]) -> dict[str, Any]:
    """Run one submission on this machine as *job* says; return what the grader needs to grade it.

    Parameters
    ----------
    job : dict
        ``kamlab`` (the grader's version), ``stem``, ``notebook`` (bytes),
        ``trainee``, ``module``, ``variant``, ``language``, ``timeout``,
        ``memory_mb``, ``max_output_mb``, ``sandbox`` (``auto``/``bwrap``/``none``).

    Returns
    -------
    dict
        ``status`` (as :func:`~._execute._execute` gives it), ``executed`` and
        ``audit`` (bytes or None), ``stderr`` (bytes), ``sandbox`` (the one
        used), ``seconds``, ``host``, ``root`` (its temporary folder, named in the audit log); or ``error`` (``zh``/``en``) when this
        worker cannot grade at all.
    """
    start = time.monotonic()
    host = socket.gethostname()
    if job.get("kamlab") != __version__:
        return {"error": {
            "zh": f"Dask worker {host} 上的 kamlab 是 {__version__}，评分程序的是 {job.get('kamlab')}："
                  "请在每个 worker（镜像）里安装同一版本的 kamlab。",
            "en": f"This Dask worker has kamlab {__version__} on {host}, the grader has {job.get('kamlab')}: "
                  "install the same kamlab version on every worker (image)."}}
    try:
        sandbox = choose_sandbox(job["sandbox"])
    except KamlabInputError as exc:       # bubblewrap required but missing on this worker
        return {"error": {"zh": f"Dask worker {host}：{exc.zh}", "en": f"Dask worker {host}: {exc.en}"}}
    tmp = Path(tempfile.mkdtemp(prefix="kamlab-grade-")).resolve()
    try:
        for sub in ("submissions", "work", "logs"):
            (tmp / sub).mkdir()
        run = _Run(module=job["module"], variant=int(job["variant"]), language=job["language"], out=tmp,
                   submissions=tmp / "submissions", timeout=float(job["timeout"]), memory_mb=int(job["memory_mb"]),
                   max_output_mb=float(job["max_output_mb"]), force=True, bank=None, log=_LOG,
                   mplconfig=_mpl_cache(), sandbox=sandbox, hidden=hidden_paths(tmp / "submissions", tmp))
        status, executed, audit = _execute(run, job["stem"], job["notebook"], job["trainee"])
        stderr = tmp / "logs" / f"{job['stem']}.stderr.txt"
        return {"status": status, "executed": _read(executed), "audit": _read(audit),
                "stderr": (_read(stderr) or b"")[-STDERR_TAIL:], "sandbox": sandbox,
                "seconds": round(time.monotonic() - start, 3), "host": host, "root": str(tmp)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
