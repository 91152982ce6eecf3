"""The grader's result cache: one JSON file per graded submission, reused by a re-run.

A result is stored under ``<out>/results/<key>.json``, *key* the sha256 of
the notebook's bytes, the module and the data variant, so a changed notebook
or another variant is graded again.  Results are written atomically: a
killed run leaves whole results or none.

Examples
--------
>>> import pathlib, tempfile
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> key = result_key(b"{}", "demo", 7)
>>> load_result(out, key) is None
True
>>> store_result(out, key, {"status": "ok"}); load_result(out, key)
{'status': 'ok'}
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .._atomic import atomic_write_bytes

__all__ = ["result_key", "load_result", "store_result"]


def result_key(data: bytes, module: str, variant: int) -> str:
    """The cache key of a notebook's bytes graded for *module* on *variant*."""
    return hashlib.sha256(data + b"\0" + module.encode() + b"\0" + str(variant).encode()).hexdigest()


def _path(out: Path, key: str) -> Path:
    return out / "results" / f"{key}.json"


def load_result(out: Path, key: str) -> dict[str, Any] | None:
    """The stored result for *key*, or ``None`` (not graded yet, or the file is damaged)."""
    path = _path(out, key)
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return None


def store_result(out: Path, key: str, result: dict[str, Any]) -> None:
    """Store *result* for *key* atomically."""
    path = _path(out, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, json.dumps(result, ensure_ascii=False, indent=1).encode())
