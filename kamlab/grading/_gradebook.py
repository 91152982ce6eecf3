"""The gradebook table and its atomic CSV / XLSX files.

One row per trainee (sorted by trainee, then file), columns ``trainee``,
``file``, ``status``, one column per question (points earned; a hand-scored
question holds the instructor's score, empty until typed, and is followed by
``<key>_comment``), ``auto_total`` (the auto-graded part), ``hand_total``
(the instructor's part), ``total`` (both), ``max_points`` (the auto-graded
maximum), ``max_total`` (every question) and ``reasons``: ``"q2: …; q3: …"``
with a reason for every lost point, each in Chinese and English
(``中文 / English``).  The ``legend`` sheet of the XLSX says which column is
which.
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


def build(bank: Any, results: list[dict[str, Any]], hand: Any = None) -> pd.DataFrame:
    """The gradebook as a DataFrame (see module docstring for the columns); *hand*: the hand-score store."""
    keys = [q.key for q in bank.questions]
    manual = [q.key for q in bank.questions if q.manual]
    names = _unique_names(results)
    max_points = float(sum(q.points for q in bank.questions if not q.manual))
    rows = []
    for name, res in zip(names, results):
        row: dict[str, Any] = {"trainee": name, "file": res["file"], "status": res["status"]}
        notes = []
        for k in keys:
            v = res["verdicts"].get(k)
            row[k] = np.nan if k in manual or v is None or v["manual"] else float(v["score"])
        for k in manual:
            rec = hand.lookup(res["file"], name, k) if hand is not None else None
            row[k] = np.nan if rec is None or rec.get("score") is None else float(rec["score"])
            row[f"{k}_comment"] = "" if rec is None else rec.get("comment", "")
            if rec is not None and rec.get("score") is not None and \
                    hand.changed(rec["file"], k, res.get("manual_answers", {}).get(k, "")):
                notes.append((k, *ANSWER_CHANGED))
        row["auto_total"] = float(sum(row[k] for k in keys if k not in manual and not pd.isna(row[k])))
        row["hand_total"] = float(sum(row[k] for k in manual if not pd.isna(row[k])))
        row["total"] = row["auto_total"] + row["hand_total"]
        row["max_points"] = max_points
        row["max_total"] = float(bank.total_points)
        row["reasons"] = "; ".join(f"{label}: {_both(zh, en)}" for label, zh, en in [*notes, *reasons_of(bank, res)])
        rows.append(row)
    cols = ["trainee", "file", "status", *[c for k in keys for c in ((k, f"{k}_comment") if k in manual else (k,))],
            "auto_total", "hand_total", "total", "max_points", "max_total", "reasons"]
    table = pd.DataFrame(rows, columns=cols)
    return table.sort_values(["trainee", "file"], kind="stable").reset_index(drop=True)


ANSWER_CHANGED = ("答案在讲师评分后改过：分数保留，请复核", "answer changed since hand-scored: score kept, please review")
LEGEND = [
    ("trainee / file / status", "学员、作业文件、运行状态", "trainee, submission file, run status"),
    ("q1 …", "每题得分：自动评分题由评分器给分；讲师评分题（后面跟 _comment 列）由讲师填写",
     "points per question: auto-graded by the grader; hand-scored ones (followed by a _comment column) typed by "
     "the instructor"),
    ("auto_total", "自动评分部分的得分", "points of the auto-graded part"),
    ("hand_total", "讲师评分部分的得分", "points the instructor gave by hand"),
    ("total", "总分 = 自动评分 + 讲师评分", "total = auto-graded + hand-scored"),
    ("max_points / max_total", "自动评分部分满分 / 全部题目满分", "maximum of the auto-graded part / of all questions"),
    ("reasons", "每个失分点的原因（中文 / English）", "the reason for every lost point (Chinese / English)"),
]


_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _no_formula(text: str) -> str:
    """Trainee text must never become a spreadsheet formula (CSV/XLSX injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write(table: pd.DataFrame, bank: Any, out: Path,
          extra_sheets: dict[str, pd.DataFrame] | None = None) -> tuple[Path, Path]:
    """Write ``gradebook.csv`` (UTF-8 with BOM, for Excel) and ``gradebook.xlsx`` atomically."""
    csv_path, xlsx_path = out / "gradebook.csv", out / "gradebook.xlsx"
    clean = table.copy()
    text_cols = ["trainee", "file", "reasons", *[c for c in clean.columns if str(c).endswith("_comment")]]
    for col in text_cols:
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
    for col in text_cols:
        clean[col] = clean[col].str.replace(_ILLEGAL_XLSX, "", regex=True)
    legend = pd.DataFrame(LEGEND, columns=["column", "中文", "English"])
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as xw:
        clean.to_excel(xw, sheet_name="gradebook", index=False)
        questions.to_excel(xw, sheet_name="questions", index=False)
        legend.to_excel(xw, sheet_name="legend", index=False)
        for name, frame in (extra_sheets or {}).items():
            frame.to_excel(xw, sheet_name=name, index=False)
    atomic_write_bytes(xlsx_path, buffer.getvalue())
    return csv_path, xlsx_path
