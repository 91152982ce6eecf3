"""The scoring sheet: one row per trainee and hand-scored question, answer and rubric beside the cells.

``<out>/scoring_sheet.xlsx`` (sheet ``scoring``) lists every free-text
answer with the question, its rubric and its points; the instructor types a
score and a comment in the last two columns.  The grader reads them back into
the hand-score store before every rewrite (:mod:`._hand`), exactly as it
reads the gradebook's hand-scored columns.

Examples
--------
>>> import pandas as pd
>>> from kamlab.grading import Question, QuestionBank
>>> bank = QuestionBank("t", ("测", "T"), (Question("q6", 3, ("为什么？", "Why?"), None, manual=True,
...                                                 rubric=("理由对应数据", "reasons tied to the data")),))
>>> rows = sheet_rows(bank, [{"file": "a.ipynb", "trainee": "王芳", "manual_answers": {"q6": "因为……"}}], None)
>>> rows.loc[0, ["trainee", "question", "answer", "rubric"]].tolist()
['王芳', 'q6', '因为……', '理由对应数据']
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pandas as pd

from .._atomic import atomic_write_bytes
from .._i18n import localized

__all__ = ["sheet_rows", "write_sheet", "SHEET"]

SHEET = "scoring_sheet.xlsx"
_COLUMNS = ["trainee", "file", "question", "points", "prompt", "rubric", "answer", "score", "comment"]


def sheet_rows(bank: Any, results: list[dict[str, Any]], hand: Any, language: str = "zh") -> pd.DataFrame:
    """The rows of the scoring sheet (pre-filled with the scores already in the store)."""
    rows = []
    for res in results:
        for q in bank.questions:
            if not q.manual:
                continue
            rec = hand.lookup(res["file"], str(res.get("trainee", "")), q.key) if hand is not None else None
            rows.append({"trainee": str(res.get("trainee", "")), "file": res["file"], "question": q.key,
                         "points": float(q.points), "prompt": localized(*q.prompt, language),
                         "rubric": localized(*q.rubric, language) if q.rubric else "",
                         "answer": res.get("manual_answers", {}).get(q.key, ""),
                         "score": None if rec is None else rec.get("score"),
                         "comment": "" if rec is None else rec.get("comment", "")})
    return pd.DataFrame(rows, columns=_COLUMNS).sort_values(["question", "trainee", "file"], kind="stable",
                                                           ignore_index=True)


def write_sheet(rows: pd.DataFrame, out: Path) -> Path:
    """Write ``scoring_sheet.xlsx`` atomically, with wide wrapped answer and rubric columns."""
    from openpyxl.styles import Alignment   # lazy: only the grader writes spreadsheets

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as xw:
        rows.to_excel(xw, sheet_name="scoring", index=False)
        sheet = xw.sheets["scoring"]
        for letter, width in zip("ABCDEFGHI", (12, 18, 8, 7, 30, 30, 60, 8, 30)):
            sheet.column_dimensions[letter].width = width
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    path = Path(out) / SHEET
    atomic_write_bytes(path, buffer.getvalue())
    return path
