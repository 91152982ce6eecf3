"""Hand scores: typed into the gradebook or the scoring sheet, kept in a store grading never overwrites.

An instructor scores free-text questions by typing into ``gradebook.xlsx``
/ ``gradebook.csv`` (the hand-scored columns ``q6`` and ``q6_comment``) or
into ``scoring_sheet.xlsx`` (one row per trainee and question, with the
answer and the rubric beside the cells).  Before the grader rewrites any of
them it reads every typed score and comment back into
``<out>/hand_scores.csv``, the store: one row per submission file and
question, with a fingerprint of the answer that was scored.  Grading only
ever *adds* to the store; a re-run, an added submission or ``--force`` keeps
every hand score.  A score whose answer has changed since is kept and the
row is marked "answer changed since hand-scored".

Examples
--------
>>> import pathlib, tempfile
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> store = HandScores.load(out)
>>> _ = store.set("a.ipynb", "q6", 2.5, "理由清楚", answer="先做店员培训")
>>> store.save(); HandScores.load(out).get("a.ipynb", "q6")["score"]
2.5
>>> HandScores.load(out).changed("a.ipynb", "q6", "改了答案")
True
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from pathlib import Path
from typing import Any

import pandas as pd

from .._atomic import atomic_path

__all__ = ["HandScores", "answer_fingerprint", "typed_scores", "STORE"]

STORE = "hand_scores.csv"
_COLUMNS = ["file", "trainee", "question", "score", "comment", "answer_sha256"]


def answer_fingerprint(text: Any) -> str:
    """The sha256 of a hand-scored answer (whitespace-insensitive), "" when there is none."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return hashlib.sha256(" ".join(str(text).split()).encode("utf-8")).hexdigest()


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


@dataclasses.dataclass
class HandScores:
    """The store of hand scores of one ``--out`` folder (``hand_scores.csv``)."""

    path: Path
    rows: dict[tuple[str, str], dict[str, Any]]

    @classmethod
    def load(cls, out: Path) -> "HandScores":
        path = Path(out) / STORE
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        if path.exists():
            table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
            for rec in table.to_dict("records"):
                rows[(rec["file"], rec["question"])] = {**rec, "score": _number(rec.get("score"))}
        return cls(path, rows)

    def get(self, file: str, question: str) -> dict[str, Any] | None:
        return self.rows.get((file, question))

    def set(self, file: str, question: str, score: float | None, comment: str, *, answer: Any = None,
            trainee: str = "") -> bool:
        """Record a typed score/comment; True when it changed the store."""
        old = self.rows.get((file, question))
        new = {"file": file, "trainee": trainee or (old or {}).get("trainee", ""), "question": question,
               "score": score, "comment": comment,
               "answer_sha256": answer_fingerprint(answer) if answer is not None
               else (old or {}).get("answer_sha256", "")}
        if old is not None and old.get("score") == score and old.get("comment", "") == comment:
            return False
        if old is not None and answer is None:
            new["answer_sha256"] = old.get("answer_sha256", "")
        self.rows[(file, question)] = new
        return True

    def lookup(self, file: str, trainee: str, question: str) -> dict[str, Any] | None:
        """The score of *file* (or, when that file is new, of the same trainee) for *question*."""
        rec = self.rows.get((file, question))
        if rec is None and trainee:
            rec = next((r for (f, q), r in sorted(self.rows.items()) if q == question and r.get("trainee") == trainee),
                       None)
        return rec

    def apply_typed(self, entries: list[tuple[float, dict[str, Any]]], answers: dict[str, dict[str, str]]) -> None:
        """Take every typed score/comment into the store (later files win); *answers*: file -> key -> answer."""
        for _, e in entries:
            if not e.get("file"):
                continue
            old = self.rows.get((e["file"], e["question"]))
            if old is None and e["score"] is None and not e["comment"]:
                continue
            answer = answers.get(e["file"], {}).get(e["question"])
            self.set(e["file"], e["question"], e["score"], e["comment"], trainee=e.get("trainee", ""),
                     answer=answer if (old is None or old.get("score") != e["score"]) else None)

    def changed(self, file: str, question: str, answer: Any) -> bool:
        """True when the answer now differs from the one that was scored."""
        rec = self.rows.get((file, question))
        return bool(rec and rec.get("answer_sha256") and rec["answer_sha256"] != answer_fingerprint(answer))

    def save(self) -> None:
        table = pd.DataFrame(list(self.rows.values()), columns=_COLUMNS)
        table = table.sort_values(["file", "question"], kind="stable")
        with atomic_path(self.path) as tmp:
            table.to_csv(tmp, index=False, encoding="utf-8-sig")


def typed_scores(out: Path, manual: list[str]) -> list[tuple[float, dict[str, Any]]]:
    """Every hand score/comment typed into the gradebook or the scoring sheet, with its file's mtime.

    Returns ``(mtime, {"file", "trainee", "question", "score", "comment"})`` entries, oldest file
    first, so a later entry wins when applied in order.
    """
    found: list[tuple[float, dict[str, Any]]] = []
    out = Path(out)
    sources = [(out / "gradebook.csv", "csv"), (out / "gradebook.xlsx", "xlsx"),
               (out / "scoring_sheet.xlsx", "sheet")]
    for path, kind in sorted((s for s in sources if s[0].exists()), key=lambda s: s[0].stat().st_mtime):
        mtime = path.stat().st_mtime
        try:
            if kind == "csv":
                table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
            else:
                table = pd.read_excel(path, sheet_name=0 if kind == "xlsx" else "scoring", dtype=str,
                                      keep_default_na=False)
        except Exception:  # noqa: BLE001 - a damaged file is left for the instructor; the store keeps the scores
            continue
        if kind == "sheet":
            for rec in table.to_dict("records"):
                if rec.get("question") in manual:
                    found.append((mtime, {"file": rec.get("file", ""), "trainee": rec.get("trainee", ""),
                                          "question": rec["question"], "score": _number(rec.get("score")),
                                          "comment": _text(rec.get("comment"))}))
            continue
        for rec in table.to_dict("records"):
            for q in manual:
                if q in rec:
                    found.append((mtime, {"file": rec.get("file", ""), "trainee": rec.get("trainee", ""),
                                          "question": q, "score": _number(rec.get(q)),
                                          "comment": _text(rec.get(f"{q}_comment"))}))
    return found
