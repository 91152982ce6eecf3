"""The instructor's grader: re-run every submission on a hidden variant, grade, report.

:func:`grade` takes a module and a folder of submitted notebooks.  Each
submission is copied into its own working folder ``<out>/work/<stem>/`` and
executed by a separate child process (:mod:`kamlab.grading._worker`) with a
wall-clock timeout, a memory limit and a cap on stored output; the grader then
reads the answers the notebook recorded and checks them with the question bank
*in the grader process*, so nothing a submission does to kamlab inside its
own kernel changes points or checks.  Results are stored per submission
(resumable), then the gradebook (CSV + XLSX), one feedback page per trainee
and a run log are written atomically.

See ``docs/grading.md`` for the isolation the grader gives and does not give.
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import hashlib
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from .._errors import BadFileError, BadValueError
from ..answers import answer_records, read_answers
from . import _feedback, _gradebook
from ._bank import QuestionBank
from ._cache import load_result, result_key, store_result
from ._context import Context
from ._execute import _execute, _mpl_cache, _read_audit, _Run
from ._processes import _forkserver, _kill_group
from ._registry import as_bank
from ._submission import declared_module, load_notebook, parameters_cell, seen_variant, trainee_from

__all__ = ["grade", "GradeReport", "read_answers", "hidden_variant", "REASONS"]

#: Submission-level reasons (status -> (zh, en)); ``{}`` fields are filled in.
REASONS: dict[str, tuple[str, str]] = {
    "not_a_notebook": ("文件不是有效的 notebook（JSON 损坏或格式不对），无法运行：请重新导出 .ipynb 后再交",
                       "the file is not a valid notebook (corrupt JSON or wrong format) and cannot be run: "
                       "export the .ipynb again and resubmit"),
    "wrong_module": ("这是模块 {found} 的 notebook，不是本次评分的模块 {module}：请交正确的作业",
                     "this is a notebook of module {found}, not of module {module} being graded: "
                     "submit the right workbook"),
    "no_answers": ("notebook 没有记录任何本模块的答案（检查单元格被删除或没有运行到）",
                   "the notebook recorded no answer for this module (check cells deleted or never reached)"),
    "timeout": ("运行超过 {timeout} 秒被终止（死循环？）；只对终止前记录的答案评分",
                "stopped after {timeout} s (endless loop?); only answers recorded before that were graded"),
    "kernel_died": ("内核崩溃（os._exit、段错误或内存耗尽）；只对崩溃前记录的答案评分",
                    "the kernel died (os._exit, segfault or out of memory); only answers recorded "
                    "before the crash were graded"),
    "memory_limit": ("超出内存上限 {memory_mb} MB（单元格 {cells} 报 MemoryError）",
                     "memory limit of {memory_mb} MB exceeded (MemoryError in cell {cells})"),
    "output_too_large": ("输出超过 {max_output_mb} MB，多余的输出已被丢弃",
                         "output exceeded {max_output_mb} MB, the rest was dropped"),
    "worker_error": ("评分进程无法运行这个 notebook：{error}",
                     "the grader could not run this notebook: {error}"),
    "cell_errors": ("单元格 {cells} 运行出错（其余单元格照常运行）",
                    "cell(s) {cells} raised an error (the other cells still ran)"),
    "no_parameters": ("缺少 parameters 单元格：评分参数插在了最前面",
                      "no cell tagged parameters: the grading parameters were inserted at the top"),
    "outside_access": ("在自己的工作文件夹之外访问了文件（不影响得分，请教师核查）：{what}",
                       "accessed files outside its own working folder (no effect on points; "
                       "instructor, please check): {what}"),
    "unreadable_output": ("运行后的 notebook 无法读取（可能在保存时被终止）",
                          "the executed notebook could not be read (probably killed while saving)"),
}

_STATUS_ORDER = ["not_a_notebook", "wrong_module", "timeout", "kernel_died", "memory_limit",
                 "worker_error", "output_too_large", "no_answers", "ok"]


def _reason(status: str, **fields: Any) -> dict[str, str]:
    zh, en = REASONS[status]
    return {"code": status, "zh": zh.format(**fields), "en": en.format(**fields)}


def hidden_variant(module: str) -> int:
    """The default hidden data variant for *module*: fixed, nonzero, documented.

    ``1 + (first four bytes of sha256("kamlab-hidden-variant:" + module)) % 999``,
    so it lies in 1..999, never 0 (variant 0 is what trainees see) and is the
    same on every machine.  ``grade(variant=...)`` / ``--variant`` overrides it.

    Examples
    --------
    >>> v = hidden_variant("m02")
    >>> 1 <= v <= 999 and v == hidden_variant("m02")
    True
    """
    digest = hashlib.sha256(f"kamlab-hidden-variant:{module}".encode()).digest()
    return 1 + int.from_bytes(digest[:4], "big") % 999


# --------------------------------------------------------------------------- report
@dataclasses.dataclass(frozen=True)
class GradeReport:
    """What :func:`grade` did.

    Attributes
    ----------
    module, variant : the module graded and the data variant used.
    gradebook : pandas.DataFrame, one row per trainee (as written to the CSV).
    out, gradebook_csv, gradebook_xlsx, feedback_dir, log : paths written.
    n_submissions : notebooks found; n_graded : run in this call;
    n_cached : taken from an earlier run; n_problems : rows whose status is not ``ok``.
    """

    module: str
    variant: int
    gradebook: Any
    out: Path
    gradebook_csv: Path
    gradebook_xlsx: Path
    feedback_dir: Path
    log: Path
    n_submissions: int
    n_graded: int
    n_cached: int
    n_problems: int

    def _repr_html_(self) -> str:  # pragma: no cover - notebook display
        return self.gradebook.to_html(index=False)


def _grade_one(run: _Run, path: Path) -> tuple[dict[str, Any], bool]:
    """Grade one submission; returns (result record, taken from cache)."""
    data = path.read_bytes()
    key = result_key(data, run.module, run.variant)
    cached = None if run.force else load_result(run.out, key)
    if cached is not None:
        cached["file"] = path.name
        return cached, True
    start = time.monotonic()
    stem = path.stem
    result: dict[str, Any] = {"key": key, "file": path.name, "stem": stem, "module": run.module,
                              "variant": run.variant, "trainee": stem, "status": "ok",
                              "notes": [], "verdicts": {}, "answered": [], "outside": []}
    nb = load_notebook(data)
    if nb is None:
        result["status"] = "not_a_notebook"
        result["notes"].append(_reason("not_a_notebook"))
    else:
        trainee = trainee_from(nb, stem)
        result["trainee"] = trainee
        result["seen_variant"] = seen_variant(nb)
        found = declared_module(nb)
        if found is not None and found != run.module:
            result["status"] = "wrong_module"
            result["notes"].append(_reason("wrong_module", found=found, module=run.module))
        else:
            if parameters_cell(nb) is None:
                result["notes"].append(_reason("no_parameters"))
            status, executed, audit_log = _execute(run, stem, data, trainee)
            _finish(run, result, status, executed)
            result["outside"] = _read_audit(audit_log, executed.parent)
            if result["outside"]:
                shown = "; ".join(result["outside"][:3]) + (" …" if len(result["outside"]) > 3 else "")
                result["notes"].append(_reason("outside_access", what=shown))
    if result["status"] in ("not_a_notebook", "wrong_module"):
        result["verdicts"] = _verdicts(run, {}, result["trainee"], skip_reasons=True)
    result["elapsed_s"] = round(time.monotonic() - start, 3)
    store_result(run.out, key, result)
    return result, False


def _finish(run: _Run, result: dict[str, Any], status: dict[str, Any], executed: Path) -> None:
    nb = None
    if executed.exists():
        try:
            nb = load_notebook(executed.read_bytes())
        except OSError:
            nb = None
    code = status.get("status", "worker_error")
    answers: dict[str, Any] = {}
    if nb is None:
        if code == "ok":
            code = "worker_error"
            status["error"] = status.get("error") or "no executed notebook"
        if executed.exists():
            result["notes"].append(_reason("unreadable_output"))
    else:
        answers = read_answers(nb, run.module)
        errors, memory = [], []
        # numbered as the trainee sees them: code cells of the submission, without the
        # cell papermill injects
        code_cells = [c for c in nb.cells if c.get("cell_type") == "code"
                      and "injected-parameters" not in (c.get("metadata", {}).get("tags") or [])]
        for i, cell in enumerate(code_cells):
            for out in cell.get("outputs", []) or []:
                if out.get("output_type") == "error":
                    errors.append(i + 1)
                    if out.get("ename") == "MemoryError":
                        memory.append(i + 1)
        if memory and code == "ok":
            code = "memory_limit"
        if errors and not memory:
            result["notes"].append(_reason("cell_errors", cells=", ".join(map(str, errors[:10]))))
        result["memory_cells"] = memory
        if not answers:
            others = {r.get("module") for r in answer_records(nb)} - {run.module}
            if others and code == "ok":
                code = "wrong_module"
                result["notes"].append(_reason("wrong_module", found=", ".join(sorted(map(str, others))),
                                               module=run.module))
            elif code == "ok":
                code = "no_answers"
    if status.get("truncated") and code == "ok":
        code = "output_too_large"
    fields = {"timeout": f"{run.timeout:g}", "memory_mb": run.memory_mb,
              "max_output_mb": f"{run.max_output_mb:g}",
              "error": status.get("error", ""), "cells": ", ".join(map(str, result.get("memory_cells", [])))}
    for c in ("timeout", "kernel_died", "memory_limit", "worker_error", "output_too_large", "no_answers"):
        if c == code or (c == "output_too_large" and status.get("truncated")):
            result["notes"].append(_reason(c, **fields))
    result["status"] = code
    result["answered"] = sorted(answers)
    result["verdicts"] = _verdicts(run, answers, result["trainee"], seen=result.get("seen_variant"))


def _verdicts(run: _Run, answers: dict[str, Any], trainee: str, *, skip_reasons: bool = False,
              seen: int | None = None) -> dict[str, dict[str, Any]]:
    ctx = Context(module=run.module, variant=run.variant, language=run.language, trainee=trainee,
                  answers=dict(answers), seen_variant=seen)
    verdicts = run.bank.grade(answers, ctx)
    out = {}
    for q in run.bank.questions:
        v = verdicts.get(q.key)
        manual = bool(q.manual or (v is not None and v.manual))
        score = 0.0 if v is None or manual else float(v.score)
        out[q.key] = {
            "score": score, "points": float(q.points), "ok": bool(v is not None and v.ok and not manual),
            "manual": manual, "answered": q.key in answers,
            "reason_zh": "" if skip_reasons else (v.reason_zh if v is not None else ""),
            "reason_en": "" if skip_reasons else (v.reason_en if v is not None else ""),
        }
    return out


def _setup_log(out: Path) -> logging.Logger:
    log = logging.getLogger(f"kamlab.grading.run.{id(out)}.{time.monotonic_ns()}")
    log.setLevel(logging.INFO)
    log.propagate = False
    handler = logging.FileHandler(out / "grade.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    return log


# --------------------------------------------------------------------------- grade
def grade(module: QuestionBank | str, submissions: str | os.PathLike, *, out: str | os.PathLike, jobs: int = 1,
          timeout: float = 300, variant: int | None = None, force: bool = False,
          memory_mb: int = 2048, max_output_mb: float = 20, language: str = "zh",
          progress: bool = True) -> GradeReport:
    """Grade every ``.ipynb`` in *submissions* for *module*; write gradebook and feedback.

    Parameters
    ----------
    module : QuestionBank or str
        The course module's question bank (it gives points and checks), e.g.
        ``kamlab.course.get_bank("m02")``, or the id of a module whose bank
        is registered (:func:`~kamlab.grading.register_bank`).  The grader
        never imports the course itself; ``kamlab grade m02 ...`` finds the
        bank for you.
    submissions : path
        Folder of submitted notebooks; each ``.ipynb`` is one submission.  The
        trainee's name is ``trainee`` in the notebook's parameters cell, else
        the file name without ``.ipynb``.
    out : path
        Output folder: ``gradebook.csv`` / ``gradebook.xlsx``, ``feedback/``,
        ``results/`` (one JSON per graded submission, reused by a re-run),
        ``work/<stem>/`` (each submission's working folder and executed
        notebook) and ``grade.log``.
    jobs : int
        Submissions run in parallel (each in its own child process).
    timeout : float
        Wall-clock seconds per submission; the whole process group, kernel
        included, is killed after that.
    variant : int, optional
        Data variant to run on; default :func:`hidden_variant` of the module.
    force : bool
        Re-grade submissions already graded in *out*.
    memory_mb, max_output_mb : limits per submission (address space; stored output).
    language : {"zh", "en"}
        Language of the feedback pages (the gradebook carries both).
    progress : bool
        Show a progress bar on stderr.

    Returns
    -------
    GradeReport
    """
    if int(jobs) < 1:
        raise BadValueError(zh=f"jobs 必须 ≥ 1，收到 {jobs!r}。", en=f"jobs must be ≥ 1, got {jobs!r}.",
                            column="jobs")
    if float(timeout) <= 0:
        raise BadValueError(zh=f"timeout 必须 > 0 秒，收到 {timeout!r}。",
                            en=f"timeout must be > 0 seconds, got {timeout!r}.", column="timeout")
    bank = as_bank(module)
    module = bank.module
    subs = Path(submissions).resolve()
    if not subs.is_dir():
        raise BadFileError(zh=f"找不到作业文件夹 {str(subs)!r}：请给出放 .ipynb 作业的文件夹。",
                           en=f"Submissions folder {str(subs)!r} not found: give the folder holding the .ipynb files.")
    out_dir = Path(out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    for sub in ("results", "work", "feedback", "logs"):
        (out_dir / sub).mkdir(exist_ok=True)
    variant = hidden_variant(module) if variant is None else int(variant)
    paths = sorted((p for p in subs.iterdir() if p.suffix.lower() == ".ipynb" and p.is_file()
                    and not p.name.startswith(".")), key=lambda p: p.name)
    log = _setup_log(out_dir)
    log.info("grade module=%s variant=%s submissions=%d jobs=%d timeout=%ss memory=%sMB force=%s",
             module, variant, len(paths), jobs, timeout, memory_mb, force)
    run = _Run(module=module, variant=variant, language=language, out=out_dir, submissions=subs,
               timeout=float(timeout), memory_mb=int(memory_mb), max_output_mb=float(max_output_mb),
               force=force, bank=bank, log=log, mplconfig=_mpl_cache())
    results: dict[str, dict[str, Any]] = {}
    n_cached = 0
    if paths:
        _forkserver()
    # lazy: only the grader shows a progress bar; every notebook imports kl.grading
    from tqdm import tqdm

    bar = tqdm(total=len(paths), file=sys.stderr, unit="nb", desc=f"grading {module}",
               disable=not progress)
    pool = cf.ThreadPoolExecutor(max_workers=int(jobs))
    try:
        futures = {pool.submit(_grade_one, run, p): p for p in paths}
        for fut in cf.as_completed(futures):
            p = futures[fut]
            try:
                res, cached = fut.result()
            except Exception as exc:  # noqa: BLE001 - one submission never stops the run
                log.exception("%s: grader error", p.name)
                res, cached = {"file": p.name, "stem": p.stem, "trainee": p.stem, "status": "worker_error",
                               "notes": [_reason("worker_error", error=f"{type(exc).__name__}: {exc}")],
                               "verdicts": _verdicts(run, {}, p.stem, skip_reasons=True),
                               "outside": []}, False
            n_cached += cached
            results[p.name] = res
            total = sum(v["score"] for v in res["verdicts"].values())
            log.info("%s trainee=%r status=%s points=%s%s", p.name, res.get("trainee"), res["status"],
                     total, " (cached)" if cached else f" ({res.get('elapsed_s', 0)} s)")
            bar.update(1)
    except BaseException:
        run.stop.set()
        pool.shutdown(wait=False, cancel_futures=True)
        with run.lock:
            for proc in list(run.procs):
                _kill_group(proc.pid)
        raise
    finally:
        bar.close()
    pool.shutdown(wait=True)
    ordered = [results[p.name] for p in paths]
    table = _gradebook.build(bank, ordered)
    csv_path, xlsx_path = _gradebook.write(table, bank, out_dir)
    _feedback.write_all(bank, ordered, table, out_dir / "feedback", language=language, variant=variant)
    n_problems = int((table["status"] != "ok").sum())
    log.info("done: %d submissions, %d graded now, %d cached, %d with problems",
             len(paths), len(paths) - n_cached, n_cached, n_problems)
    for h in list(log.handlers):
        h.close()
        log.removeHandler(h)
    return GradeReport(module=module, variant=variant, gradebook=table, out=out_dir,
                       gradebook_csv=csv_path, gradebook_xlsx=xlsx_path,
                       feedback_dir=out_dir / "feedback", log=out_dir / "grade.log",
                       n_submissions=len(paths), n_graded=len(paths) - n_cached, n_cached=n_cached,
                       n_problems=n_problems)
