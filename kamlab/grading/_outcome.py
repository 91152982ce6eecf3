"""What one run of a submission comes to: status, notes, answers read back and the bank's verdicts.

The executed notebook is read back in the grader process; the answers it
recorded are checked by the question bank here, never in the submission's
kernel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..answers import answer_records, read_answers
from ._context import Context
from ._execute import _Run
from ._reasons import reason
from ._submission import load_notebook

__all__ = ["finish", "verdicts"]


def finish(run: _Run, result: dict[str, Any], status: dict[str, Any], executed: Path) -> None:
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
            result["notes"].append(reason("unreadable_output"))
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
            result["notes"].append(reason("cell_errors", cells=", ".join(map(str, errors[:10]))))
        result["memory_cells"] = memory
        if not answers:
            others = {r.get("module") for r in answer_records(nb)} - {run.module}
            if others and code == "ok":
                code = "wrong_module"
                result["notes"].append(reason("wrong_module", found=", ".join(sorted(map(str, others))),
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
            result["notes"].append(reason(c, **fields))
    result["status"] = code
    result["answered"] = sorted(answers)
    manual = {q.key: _as_text(answers[q.key]) for q in run.bank.questions if q.manual and q.key in answers}
    result["manual_answers"] = manual          # what the instructor scores by hand (and compares later)
    result["texts"] = " ".join(v for v in manual.values() if v)
    result["verdicts"] = verdicts(run, answers, result["trainee"], seen=result.get("seen_variant"))


def verdicts(run: _Run, answers: dict[str, Any], trainee: str, *, skip_reasons: bool = False,
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


def _as_text(answer: Any) -> str:
    """A hand-scored answer as the instructor reads it (text as is, anything else as its repr)."""
    return answer if isinstance(answer, str) else repr(answer)
