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
import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

from .._atomic import atomic_path, atomic_write_text

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
    #: file -> question -> fingerprint of the answer the last gradebook showed (what a typed score judged)
    shown: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)

    @classmethod
    def load(cls, out: Path) -> "HandScores":
        path = Path(out) / STORE
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        if path.exists():
            table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
            for rec in table.to_dict("records"):
                rows[(rec["file"], rec["question"])] = {**rec, "score": _number(rec.get("score"))}
        shown_path = Path(out) / ".kamlab" / "shown_answers.json"
        shown = json.loads(shown_path.read_text(encoding="utf-8")) if shown_path.exists() else {}
        return cls(path, rows, shown if isinstance(shown, dict) else {})

    def show(self, answers: dict[str, dict[str, str]]) -> None:
        """Remember the answers the gradebook about to be written shows (saved with :meth:`save`)."""
        self.shown = {f: {q: answer_fingerprint(a) for q, a in qs.items()} for f, qs in answers.items()}

    def get(self, file: str, question: str) -> dict[str, Any] | None:
        return self.rows.get((file, question))

    def set(self, file: str, question: str, score: float | None, comment: str, *, answer: Any = None,
            trainee: str = "", fingerprint: str | None = None) -> bool:
        """Record a typed score/comment for *answer* (or its *fingerprint*); True when it changed the store."""
        old = self.rows.get((file, question))
        sha = fingerprint if fingerprint is not None else (
            answer_fingerprint(answer) if answer is not None else (old or {}).get("answer_sha256", ""))
        new = {"file": file, "trainee": trainee or (old or {}).get("trainee", ""), "question": question,
               "score": score, "comment": comment, "answer_sha256": sha}
        if old is not None and old.get("score") == score and old.get("comment", "") == comment:
            return False
        if old is not None and answer is None and fingerprint is None:
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
        """Take every typed score/comment into the store; *answers*: file -> key -> answer.

        Every source (gradebook CSV, XLSX, scoring sheet) was written with the
        store's values: a cell that differs from the store as it was before
        this call is an edit by the instructor; edits are applied oldest file
        first, so the last edit wins, and a cell left as written changes nothing.
        """
        before = {key: (rec.get("score"), rec.get("comment", "")) for key, rec in self.rows.items()}
        for _, e in entries:
            key = (e.get("file", ""), e["question"])
            if not key[0] or (e["score"], e["comment"]) == before.get(key, (None, "")):
                continue
            old = self.rows.get(key)
            # the instructor scored the answer the last gradebook showed, not one submitted since
            seen = self.shown.get(key[0], {}).get(e["question"])
            self.set(key[0], e["question"], e["score"], e["comment"], trainee=e.get("trainee", ""),
                     answer=answers.get(key[0], {}).get(e["question"]) if seen is None else None,
                     fingerprint=seen if (old is None or old.get("score") != e["score"]) else None)

    def changed(self, file: str, question: str, answer: Any) -> bool:
        """True when the answer now differs from the one that was scored."""
        rec = self.rows.get((file, question))
        return bool(rec and rec.get("answer_sha256") and rec["answer_sha256"] != answer_fingerprint(answer))

    def save(self) -> None:
        table = pd.DataFrame(list(self.rows.values()), columns=_COLUMNS)
        table = table.sort_values(["file", "question"], kind="stable")
        with atomic_path(self.path) as tmp:
            table.to_csv(tmp, index=False, encoding="utf-8-sig")
        shown_path = self.path.parent / ".kamlab" / "shown_answers.json"
        shown_path.parent.mkdir(exist_ok=True)
        atomic_write_text(shown_path, json.dumps(self.shown, ensure_ascii=False, sort_keys=True))


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
