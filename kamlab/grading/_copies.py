"""Copies flagged for the instructor: identical submissions, near-identical free text.

Computed answers are alike for every trainee who did the work right, so
they say nothing; what a trainee *writes* (the hand-scored free text) and the
file itself do.  Two rows are flagged when their files are byte-identical,
or when their free-text answers (together at least 20 characters) are at
least 90 % alike (:class:`difflib.SequenceMatcher`).  Each row keeps its own
file, name and points; the flag is a note for the instructor, never a penalty.

Examples
--------
>>> rows = [{"file": "a.ipynb", "trainee": "甲", "sha256": "1", "texts": "先做店员培训，再谈陈列和促销资源的配合，最后看动销数据"},
...         {"file": "b.ipynb", "trainee": "乙", "sha256": "2", "texts": "先做店员培训，再谈陈列和促销资源的配合，最后看动销数据。"},
...         {"file": "c.ipynb", "trainee": "丙", "sha256": "3", "texts": "完全不同的一段理由文字，写了别的打算"}]
>>> copies(rows)
{'a.ipynb': ['乙'], 'b.ipynb': ['甲']}
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

__all__ = ["copies", "SIMILAR", "MIN_TEXT"]

SIMILAR = 0.9
MIN_TEXT = 20


def copies(rows: Sequence[dict[str, Any]]) -> dict[str, list[str]]:
    """``file -> names of the trainees whose submission it looks copied from / to``."""
    found: dict[str, list[str]] = {}

    def flag(a: dict[str, Any], b: dict[str, Any]) -> None:
        found.setdefault(a["file"], []).append(str(b.get("trainee") or b["file"]))
        found.setdefault(b["file"], []).append(str(a.get("trainee") or a["file"]))

    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if a.get("sha256") and a.get("sha256") == b.get("sha256"):
                flag(a, b)
                continue
            ta, tb = str(a.get("texts") or ""), str(b.get("texts") or "")
            if min(len(ta), len(tb)) >= MIN_TEXT and difflib.SequenceMatcher(None, ta, tb).ratio() >= SIMILAR:
                flag(a, b)
    return found
