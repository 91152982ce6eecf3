"""One submission, from the grader's side: cache look-up, the checks before it runs, the result after.

Grading one submission has three steps; only the middle one runs the
trainee's code:

1. :func:`prepare` (grader process): the cached result when there is one, else
   a result record and the notebook bytes to run (or nothing to run: not a
   notebook, the wrong module);
2. running it in its own working folder and sandbox: :func:`~._execute._execute`
   here, or the same call on a Dask worker (:mod:`._remote`);
3. :func:`complete` (grader process): the answers read back are checked with
   the question bank, the notes added, and a completed grading cached.

Local grading (:func:`grade_one`) and grading on Dask (:mod:`._dask`) share
steps 1 and 3, so their results and cache are the same.

Examples
--------
>>> sorted(NOT_CACHED)        # the grader's own failures: graded again by the next run
['unreadable_output', 'worker_error']
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from ._cache import load_result, result_key, store_result
from ._discover import Submission
from ._execute import _execute, _read_audit, _Run
from ._outcome import finish, verdicts
from ._reasons import reason
from ._submission import declared_module, load_notebook, parameters_cell, seen_variant, tag_parameters, trainee_from

__all__ = ["prepare", "complete", "grade_one", "error_row", "NOT_CACHED"]

#: Statuses that are the grader's own failure: never cached, graded again next run.
NOT_CACHED = {"worker_error", "unreadable_output"}

#: What running a submission gives back: (status, executed notebook path, audit log path).
Ran = tuple[dict[str, Any], Path, Path]


def prepare(run: _Run, sub: Submission, secret: bytes) -> tuple[dict[str, Any], bytes | None, bool]:
    """``(result, notebook bytes to run or None, taken from cache)`` for *sub*."""
    key = result_key(sub.data, sub.name, run.module, run.variant)
    cached = None if run.force else load_result(run.out, key, secret)
    if cached is not None:
        return cached, None, True
    result: dict[str, Any] = {"key": key, "file": sub.name, "stem": sub.stem, "module": run.module,
                              "variant": run.variant, "trainee": sub.folder_trainee or Path(sub.name).stem,
                              "sha256": sub.sha256, "status": "ok", "notes": [], "verdicts": {},
                              "answered": [], "outside": [], "isolation": run.sandbox}
    nb = load_notebook(sub.data)
    if nb is None:
        result["status"] = "not_a_notebook"
        result["notes"].append(reason("not_a_notebook"))
        return result, None, False
    tagged = tag_parameters(nb)          # a parameters cell whose tag was lost, found by its variables
    result["trainee"] = sub.folder_trainee or trainee_from(nb, Path(sub.name).stem)
    result["seen_variant"] = seen_variant(nb)
    found = declared_module(nb)
    if found is not None and found != run.module:
        result["status"] = "wrong_module"
        result["notes"].append(reason("wrong_module", found=found, module=run.module))
        return result, None, False
    if tagged:
        result["notes"].append(reason("no_parameters"))
    elif parameters_cell(nb) is None:
        result["notes"].append(reason("no_parameters_cell"))
    import nbformat   # lazy: only the grader writes notebooks; every notebook imports kl.grading

    return result, nbformat.writes(nb).encode("utf-8"), False


def complete(run: _Run, result: dict[str, Any], secret: bytes, start: float, ran: Ran | None = None,
             isolation: str | None = None) -> dict[str, Any]:
    """Check what *ran* gave back (in this process), add the notes, cache a completed grading.

    *isolation* is the sandbox the submission actually ran in (a Dask worker
    says which); default: the run's.
    """
    if ran is not None:
        status, executed, audit_log = ran
        finish(run, result, status, executed)
        result["outside"] = _read_audit(audit_log, executed.parent)
        if result["outside"]:
            shown = "; ".join(result["outside"][:3]) + (" …" if len(result["outside"]) > 3 else "")
            result["notes"].append(reason("outside_access", what=shown))
    result["isolation"] = isolation or run.sandbox
    if result["isolation"] != "bwrap":
        result["notes"].append(reason("not_isolated"))
    if result["status"] in ("not_a_notebook", "wrong_module"):
        result["verdicts"] = verdicts(run, {}, result["trainee"], skip_reasons=True)
    result["elapsed_s"] = round(time.monotonic() - start, 3)
    if not run.stop.is_set() and result["status"] not in NOT_CACHED:
        store_result(run.out, result["key"], result, secret)    # only completed gradings
    return result


def grade_one(run: _Run, sub: Submission, secret: bytes) -> tuple[dict[str, Any], bool]:
    """Grade one submission on this machine; returns (result record, taken from cache)."""
    start = time.monotonic()
    result, data, cached = prepare(run, sub, secret)
    if cached:
        return result, True
    ran = None if data is None else _execute(run, sub.stem, data, result["trainee"])
    return complete(run, result, secret, start, ran), False


def error_row(run: _Run, sub: Submission, exc: BaseException) -> dict[str, Any]:
    """The row of a submission the grader itself failed on (never cached: graded again next run)."""
    return {"file": sub.name, "stem": sub.stem, "trainee": sub.folder_trainee or Path(sub.name).stem,
            "sha256": sub.sha256, "status": "worker_error",
            "notes": [reason("worker_error", error=f"{type(exc).__name__}: {exc}")],
            "verdicts": verdicts(run, {}, sub.name, skip_reasons=True), "outside": [],
            "isolation": run.sandbox}
