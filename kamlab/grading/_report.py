"""The class report: where the class struggled, what to reteach, who has not submitted.

``class_report.html`` (and the ``class_report`` sheet of ``gradebook.xlsx``)
shows the instructor, from the same numbers as the gradebook:

* the distribution of total scores (a histogram),
* the success rate of every question (the share of trainees with full points),
* the most common ✗ reasons of every question, grouped,
* trainees of the class roster with no submission (``--roster roster.csv``),
* problem submissions (not run through, copies, files touched outside),
* and, last, *what to reteach*: the questions most of the class missed.

Examples
--------
>>> import pandas as pd
>>> from kamlab.grading import Question, QuestionBank, equals
>>> bank = QuestionBank("t", ("测", "T"), (Question("q1", 2, ("哪家？", "Which?"), equals("C01")),))
>>> table = pd.DataFrame({"trainee": ["甲", "乙"], "file": ["a", "b"], "status": ["ok", "ok"], "q1": [2.0, 0.0],
...                       "total": [2.0, 0.0], "max_total": [2.0, 2.0], "reasons": ["", "q1: 不对 / wrong"]})
>>> results = [{"file": "a", "verdicts": {"q1": {"score": 2.0, "points": 2.0, "manual": False}}},
...            {"file": "b", "verdicts": {"q1": {"score": 0.0, "points": 2.0, "manual": False,
...                                              "reason_zh": "不对", "reason_en": "wrong"}}}]
>>> summary = question_summary(bank, table, results)
>>> summary.loc[0, "question"], float(summary.loc[0, "success_rate"]), summary.loc[0, "top_reasons_zh"]
('q1', 0.5, '不对（1）')
"""

from __future__ import annotations

import base64
import collections
import html
import io
from pathlib import Path
from typing import Any

import pandas as pd

from .._atomic import atomic_write_text
from .._i18n import Messages, get_language, localized, set_language
from .._plotting import new_axes, styled

__all__ = ["question_summary", "missing_from_roster", "write_report", "REPORT"]

REPORT = "class_report.html"
_T = Messages({
    "title": ("班级报告：{module}", "Class report: {module}"),
    "n": ("{n} 份作业，平均 {mean:.1f} / {max:g} 分", "{n} submissions, mean {mean:.1f} / {max:g} points"),
    "dist": ("总分分布", "Distribution of total scores"),
    "dist_x": ("总分（占满分 %）", "total (% of the maximum)"),
    "dist_y": ("人数", "trainees"),
    "rate": ("各题答对率", "Success rate per question"),
    "rate_x": ("满分的学员占比", "share of trainees with full points"),
    "reasons": ("各题最常见的 ✗ 原因", "Most common ✗ reasons per question"),
    "question": ("题目", "Question"), "success": ("答对率", "Success"), "top": ("最常见的原因", "Most common reasons"),
    "missing": ("没有交作业的学员（来自名单）", "Trainees with no submission (from the roster)"),
    "none_missing": ("名单上的学员都交了。", "Everyone on the roster has submitted."),
    "no_roster": ("没有提供名单（--roster）：无法列出没交作业的学员。",
                  "No roster given (--roster): trainees with no submission cannot be listed."),
    "problems": ("有问题的作业", "Problem submissions"),
    "none_problems": ("没有。", "None."),
    "reteach": ("需要重讲的内容", "What to reteach"),
    "reteach_none": ("每道题都有一半以上的学员答对；答对率最低的是：", "Every question was answered right by more than "
                     "half the class; the lowest success rates are:"),
    "reteach_text": ("{q}（答对率 {rate:.0%}）：{prompt}", "{q} ({rate:.0%} right): {prompt}"),
})


def _auto(bank: Any) -> list[Any]:
    return [q for q in bank.questions if not q.manual]


def question_summary(bank: Any, table: pd.DataFrame, results: list[dict[str, Any]],
                     language: str = "zh") -> pd.DataFrame:
    """One row per auto-graded question: success rate, mean points and the grouped ✗ reasons."""
    rows = []
    for q in _auto(bank):
        scores = pd.to_numeric(table[q.key], errors="coerce").fillna(0.0)
        reasons_zh: collections.Counter[str] = collections.Counter()
        reasons_en: collections.Counter[str] = collections.Counter()
        for res in results:
            v = res.get("verdicts", {}).get(q.key)
            if v and not v.get("manual") and v.get("score", 0) < v.get("points", 0) - 1e-12:
                reasons_zh[(v.get("reason_zh") or "未作答").strip().rstrip("。")] += 1
                reasons_en[(v.get("reason_en") or "not answered").strip().rstrip(".")] += 1
        rows.append({
            "question": q.key, "prompt": localized(*q.prompt, language), "points": float(q.points),
            "success_rate": float((scores >= q.points - 1e-12).mean()) if len(scores) else 0.0,
            "mean_points": float(scores.mean()) if len(scores) else 0.0,
            "top_reasons_zh": "；".join(f"{r}（{n}）" for r, n in reasons_zh.most_common(3)),
            "top_reasons_en": "; ".join(f"{r} ({n})" for r, n in reasons_en.most_common(3)),
        })
    return pd.DataFrame(rows, columns=["question", "prompt", "points", "success_rate", "mean_points",
                                       "top_reasons_zh", "top_reasons_en"])


def missing_from_roster(roster: str | Path | None, table: pd.DataFrame) -> list[str] | None:
    """Names on the roster (a CSV: column ``trainee``/``学员``/``姓名``/``name``, else the first) with no row."""
    if roster is None:
        return None
    frame = pd.read_csv(roster, dtype=str, encoding="utf-8-sig").fillna("")
    column = next((c for c in ("trainee", "学员", "姓名", "name") if c in frame.columns), frame.columns[0])
    names = [n.strip() for n in frame[column] if n.strip()]
    submitted = {str(t).split(" [", 1)[0] for t in table["trainee"]}
    return [n for n in names if n not in submitted]


@styled
def _histogram(percent: pd.Series, ax: Any = None) -> Any:
    fig, ax = new_axes(ax, figsize=(6.0, 3.0))
    ax.hist(percent, bins=range(0, 101, 10), color="#4c72b0", edgecolor="white")
    ax.set_xlabel(_T("dist_x"))
    ax.set_ylabel(_T("dist_y"))
    ax.set_title(_T("dist"))
    return ax


@styled
def _rates(summary: pd.DataFrame, ax: Any = None) -> Any:
    fig, ax = new_axes(ax, figsize=(6.0, 0.4 * len(summary) + 1.2))
    ordered = summary.sort_values("success_rate", kind="stable")
    colors = ["#c44e52" if r < 0.5 else "#55a868" for r in ordered["success_rate"]]
    ax.barh(ordered["question"], ordered["success_rate"], color=colors)
    ax.set_xlim(0, 1)
    ax.set_xlabel(_T("rate_x"))
    ax.set_title(_T("rate"))
    return ax


def _png(ax: Any) -> str:
    import matplotlib.pyplot as plt   # lazy: only the grader draws the report

    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png", bbox_inches="tight", dpi=100)
    plt.close(ax.figure)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def write_report(bank: Any, table: pd.DataFrame, results: list[dict[str, Any]], out: Path, *,
                 roster: str | Path | None = None, language: str = "zh") -> tuple[Path, pd.DataFrame]:
    """Write ``class_report.html``; return its path and the per-question table (the XLSX sheet)."""
    before = get_language()
    set_language(language)
    try:
        return _write(bank, table, results, Path(out), roster, language)
    finally:
        set_language(before)


def _write(bank: Any, table: pd.DataFrame, results: list[dict[str, Any]], out: Path, roster: Any,
           language: str) -> tuple[Path, pd.DataFrame]:
    e = html.escape
    summary = question_summary(bank, table, results, language)
    maximum = float(bank.total_points) or 1.0
    totals = pd.to_numeric(table["total"], errors="coerce").fillna(0.0)
    parts = [f"<h1>{e(_T('title', module=bank.module))}</h1>",
             f"<p>{e(_T('n', n=len(table), mean=float(totals.mean()) if len(totals) else 0.0, max=maximum))}</p>",
             f"<img alt='{e(_T('dist'))}' src='data:image/png;base64,{_png(_histogram(100 * totals / maximum))}'/>"]
    if len(summary):
        parts.append(f"<img alt='{e(_T('rate'))}' src='data:image/png;base64,{_png(_rates(summary))}'/>")
    reason_col = "top_reasons_zh" if language == "zh" else "top_reasons_en"
    parts.append(f"<h2>{e(_T('reasons'))}</h2><table><tr><th>{e(_T('question'))}</th><th>{e(_T('success'))}</th>"
                 f"<th>{e(_T('top'))}</th></tr>" + "".join(
                     f"<tr><td>{e(r.question)}</td><td>{r.success_rate:.0%}</td><td>{e(getattr(r, reason_col))}</td></tr>"
                     for r in summary.itertuples()) + "</table>")
    missing = missing_from_roster(roster, table)
    parts.append(f"<h2>{e(_T('missing'))}</h2>")
    if missing is None:
        parts.append(f"<p>{e(_T('no_roster'))}</p>")
    else:
        parts.append("<ul>" + "".join(f"<li>{e(n)}</li>" for n in missing) + "</ul>" if missing
                     else f"<p>{e(_T('none_missing'))}</p>")
    problems = [r for r in table.to_dict("records")
                if r["status"] != "ok" or any(k in str(r["reasons"]) for k in ("抄袭", "工作文件夹之外", "未隔离"))]
    parts.append(f"<h2>{e(_T('problems'))}</h2>")
    parts.append("<ul>" + "".join(f"<li><b>{e(str(r['trainee']))}</b> ({e(str(r['file']))}, {e(str(r['status']))}): "
                                  f"{e(str(r['reasons'])[:300])}</li>" for r in problems) + "</ul>"
                 if problems else f"<p>{e(_T('none_problems'))}</p>")
    weak = summary[summary["success_rate"] < 0.5].sort_values("success_rate", kind="stable")
    parts.append(f"<h2>{e(_T('reteach'))}</h2>")
    if not len(weak):
        parts.append(f"<p>{e(_T('reteach_none'))}</p>")
        weak = summary.sort_values("success_rate", kind="stable").head(2)
    parts.append("<ol>" + "".join(f"<li>{e(_T('reteach_text', q=r.question, rate=r.success_rate, prompt=r.prompt))}</li>"
                                  for r in weak.itertuples()) + "</ol>")
    lang = "zh-CN" if language == "zh" else "en"
    page = (f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'><title>{e(_T('title', module=bank.module))}"
            "</title><style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}"
            "td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}</style></head><body>"
            + "".join(parts) + "</body></html>\n")
    path = out / REPORT
    atomic_write_text(path, page)
    return path, summary
