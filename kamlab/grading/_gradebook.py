"""The gradebook table and its atomic CSV / XLSX files.

One row per trainee (sorted by trainee, then file), columns ``trainee``,
``file``, ``status``, one column per auto-checked question (points earned),
one empty column per hand-scored question, ``total``, ``max_points`` (sum of
the auto-checked points) and ``reasons``: ``"q2: …; q3: …"`` with a reason for
every lost point, each in Chinese and English (``中文 / English``).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._atomic import atomic_path, atomic_write_bytes

WRONG = ("答案不正确", "wrong answer")
NOT_ANSWERED = ("未作答", "not answered")
RUN = ("运行", "run")


def _both(zh: str, en: str) -> str:
    zh, en = (zh or "").strip(), (en or "").strip()
    if zh and en and zh != en:
        return f"{zh} / {en}"
    return zh or en


def _unique_names(results: list[dict[str, Any]]) -> list[str]:
    names = [str(r.get("trainee") or r.get("stem") or r["file"]) for r in results]
    counts = pd.Series(names).value_counts()
    return [f"{n} [{r['file']}]" if counts[n] > 1 else n for n, r in zip(names, results)]


def reasons_of(bank: Any, result: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(label, zh, en) for every submission note and every lost point."""
    rows = [(RUN[0] + "/" + RUN[1], n["zh"], n["en"]) for n in result.get("notes", [])]
    skip_questions = result.get("status") in ("not_a_notebook", "wrong_module")
    if skip_questions:
        return rows
    for q in bank.questions:
        v = result["verdicts"].get(q.key)
        if v is None or v["manual"] or v["score"] >= v["points"] - 1e-12:
            continue
        zh, en = v.get("reason_zh", ""), v.get("reason_en", "")
        if not (zh or en):
            zh, en = NOT_ANSWERED if not v.get("answered") else WRONG
        rows.append((q.key, zh, en))
    return rows


def build(bank: Any, results: list[dict[str, Any]]) -> pd.DataFrame:
    """The gradebook as a DataFrame (see module docstring for the columns)."""
    keys = [q.key for q in bank.questions]
    manual = {q.key for q in bank.questions if q.manual}
    names = _unique_names(results)
    max_points = float(sum(q.points for q in bank.questions if not q.manual))
    rows = []
    for name, res in zip(names, results):
        row: dict[str, Any] = {"trainee": name, "file": res["file"], "status": res["status"]}
        for k in keys:
            v = res["verdicts"].get(k)
            row[k] = np.nan if k in manual or v is None or v["manual"] else float(v["score"])
        row["total"] = float(sum(row[k] for k in keys if k not in manual and not pd.isna(row[k])))
        row["max_points"] = max_points
        row["reasons"] = "; ".join(f"{label}: {_both(zh, en)}" for label, zh, en in reasons_of(bank, res))
        rows.append(row)
    cols = ["trainee", "file", "status", *keys, "total", "max_points", "reasons"]
    table = pd.DataFrame(rows, columns=cols)
    return table.sort_values(["trainee", "file"], kind="stable").reset_index(drop=True)


_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _no_formula(text: str) -> str:
    """Trainee text must never become a spreadsheet formula (CSV/XLSX injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write(table: pd.DataFrame, bank: Any, out: Path) -> tuple[Path, Path]:
    """Write ``gradebook.csv`` (UTF-8 with BOM, for Excel) and ``gradebook.xlsx`` atomically."""
    csv_path, xlsx_path = out / "gradebook.csv", out / "gradebook.xlsx"
    clean = table.copy()
    for col in ("trainee", "file", "reasons"):
        clean[col] = clean[col].astype(str).map(_no_formula)
    with atomic_path(csv_path) as tmp:
        clean.to_csv(tmp, index=False, encoding="utf-8-sig")
    questions = pd.DataFrame({
        "key": [q.key for q in bank.questions],
        "points": [float(q.points) for q in bank.questions],
        "manual": [bool(q.manual) for q in bank.questions],
        "prompt_zh": [q.prompt[0] for q in bank.questions],
        "prompt_en": [q.prompt[1] for q in bank.questions],
    })
    for col in ("trainee", "file", "reasons"):
        clean[col] = clean[col].str.replace(_ILLEGAL_XLSX, "", regex=True)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as xw:
        clean.to_excel(xw, sheet_name="gradebook", index=False)
        questions.to_excel(xw, sheet_name="questions", index=False)
    atomic_write_bytes(xlsx_path, buffer.getvalue())
    return csv_path, xlsx_path
