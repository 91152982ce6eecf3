"""One HTML feedback page per trainee: per question ✓ / ✗, points, reason, hint.

Every piece of text that comes from a submission (trainee name, file name,
reasons that may quote answers) is HTML-escaped; file names are made safe
(no path separators, no leading dots).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pandas as pd

from .._atomic import atomic_write_text
from .._i18n import Messages, localized
from ._gradebook import NOT_ANSWERED, WRONG, reasons_of

_T = Messages({
    "title": ("成绩反馈", "Grading feedback"),
    "trainee": ("学员", "Trainee"),
    "file": ("文件", "File"),
    "module": ("模块", "Module"),
    "status": ("状态", "Status"),
    "total": ("总分", "Total"),
    "parts": ("自动评分 {auto:g} / {auto_max:g} + 讲师评分 {hand:g} / {hand_max:g}",
              "auto-graded {auto:g} / {auto_max:g} + scored by the instructor {hand:g} / {hand_max:g}"),
    "comment": ("讲师评语：{text}", "Instructor's comment: {text}"),
    "pending": ("由讲师评分（尚未评分）", "scored by the instructor (not scored yet)"),
    "question": ("题目", "Question"),
    "result": ("结果", "Result"),
    "points": ("得分", "Points"),
    "reason": ("原因", "Reason"),
    "hint": ("提示", "Hint"),
    "manual": ("由讲师人工评分", "scored by the instructor"),
    "run": ("运行情况", "Run"),
    "variant": ("评分时使用了另一组数据（变体 {v}），所以从数据计算出的答案仍然正确，手动输入的数字则不然。",
                "Graded on another data set (variant {v}): answers computed from the data stay right, "
                "typed-in numbers do not."),
})
_STATUS = {
    "ok": ("已评分", "graded"), "not_a_notebook": ("文件损坏", "corrupt file"),
    "wrong_module": ("模块不对", "wrong module"), "timeout": ("超时", "timed out"),
    "kernel_died": ("内核崩溃", "kernel died"), "memory_limit": ("内存超限", "memory limit"),
    "output_too_large": ("输出过多", "too much output"), "no_answers": ("没有答案", "no answers"),
    "worker_error": ("运行失败", "could not run"),
}


def safe_name(name: str) -> str:
    """A file name made from trainee text: no separators, no leading dot, ≤ 80 chars.

    Examples
    --------
    >>> safe_name("../../etc/passwd"), safe_name("王 小明")
    ('etc_passwd', '王_小明')
    """
    text = re.sub(r"[^\w\-]+", "_", str(name), flags=re.UNICODE).strip("._")
    return (text or "trainee")[:80]


def page(bank: Any, result: dict[str, Any], name: str, *, language: str = "zh",
         variant: int = 0, row: dict[str, Any] | None = None) -> str:
    """The feedback page of one submission as an HTML string (*row*: its gradebook row, for hand scores)."""
    row = row or {}
    e = html.escape

    def tr(zh: str, en: str) -> str:
        return localized(zh, en, language)

    def t(key: str, **kw: Any) -> str:
        return e(tr(*_T.both(key, **kw)))

    lost = {label: (zh, en) for label, zh, en in reasons_of(bank, result)}
    rows = []
    for q in bank.questions:
        v = result["verdicts"].get(q.key, {})
        if q.manual or v.get("manual"):
            score = row.get(q.key)
            scored = score is not None and not pd.isna(score)
            comment = str(row.get(f"{q.key}_comment") or "").strip()
            mark, hint = "✎", ""
            pts = f"{float(score):g} / {float(q.points):g}" if scored else "–"
            reason = (t("manual") if scored else t("pending")) + (f"<br>{t('comment', text=comment)}" if comment else "")
        else:
            ok = bool(v.get("ok")) and v.get("score", 0) >= q.points - 1e-12
            mark = "✓" if ok else "✗"
            pts = f"{v.get('score', 0.0):g} / {float(q.points):g}"
            if ok:
                reason = hint = ""
            else:
                zh, en = lost.get(q.key, NOT_ANSWERED if not v.get("answered") else WRONG)
                reason = e(tr(zh, en) or zh or en)
                hint = e(tr(*q.hint) or q.hint[0]) if q.hint else ""
        rows.append(f"<tr class='{'ok' if mark == '✓' else 'no'}'><td>{e(q.key)}</td>"
                    f"<td>{e(tr(*q.prompt) or q.prompt[0])}</td><td>{mark}</td><td>{pts}</td>"
                    f"<td>{reason}</td><td>{hint}</td></tr>")
    notes = "".join(f"<li>{e(tr(n['zh'], n['en']))}</li>" for n in result.get("notes", []))
    auto = sum(v["score"] for v in result["verdicts"].values() if not v["manual"])
    auto_max = sum(q.points for q in bank.questions if not q.manual)
    hand = float(row.get("hand_total", 0.0) or 0.0)
    hand_max = sum(q.points for q in bank.questions if q.manual)
    status = tr(*_STATUS.get(result["status"], (result["status"],) * 2))
    lang = tr("zh-CN", "en")
    return (
        f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{t('title')} – {e(name)}</title>"
        "<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;"
        "vertical-align:top}tr.ok td:nth-child(3){color:#080}tr.no td:nth-child(3){color:#c00}"
        "</style></head><body>"
        f"<h1>{t('title')}：{e(name)}</h1>"
        f"<p>{t('module')}: {e(str(bank.module))} · {t('file')}: {e(result['file'])} · "
        f"{t('status')}: {e(status)}</p>"
        f"<p><b>{t('total')}: {auto + hand:g} / {auto_max + hand_max:g}</b> "
        f"({t('parts', auto=auto, auto_max=auto_max, hand=hand, hand_max=hand_max)})</p>"
        f"<p>{t('variant', v=variant)}</p>"
        + (f"<h2>{t('run')}</h2><ul>{notes}</ul>" if notes else "")
        + f"<table><tr><th>{t('question')}</th><th></th><th>{t('result')}</th>"
        f"<th>{t('points')}</th><th>{t('reason')}</th><th>{t('hint')}</th></tr>"
        + "".join(rows) + "</table></body></html>\n"
    )


def write_all(bank: Any, results: list[dict[str, Any]], table: pd.DataFrame, folder: Path, *,
              language: str = "zh", variant: int = 0) -> list[Path]:
    """Write ``<folder>/<trainee>.html`` for every submission (atomically)."""
    folder.mkdir(parents=True, exist_ok=True)
    by_file = dict(zip(table["file"], table["trainee"]))
    rows = {r["file"]: r for r in table.to_dict("records")}
    written, used = [], set()
    for res in results:
        name = str(by_file.get(res["file"], res.get("trainee", res["file"])))
        base = safe_name(name)
        stem = base if base not in used else f"{base}_{safe_name(res['file'])}"
        used.add(stem)
        path = folder / f"{stem}.html"
        atomic_write_text(path, page(bank, res, name, language=language, variant=variant, row=rows.get(res["file"])))
        written.append(path)
    return written
