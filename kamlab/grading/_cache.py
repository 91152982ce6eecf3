"""The grader's result cache: one signed JSON file per completed grading, reused by a re-run.

A result is stored under ``<out>/results/<key>.json``; *key* is the sha256
of the submission's bytes, its name in the class, the module and the data
variant, so a changed notebook, another file with the same bytes or another
variant is graded on its own.  Only the grader writes the cache (no
submission can see ``--out`` under the sandbox), and every entry carries an
HMAC under the class secret (:mod:`._secret`): an entry that does not verify
is ignored and graded again.  Only *completed* gradings are stored (the
runner never stores an interrupted run or a grader-side failure); writes are
atomic.

Examples
--------
>>> import pathlib, tempfile
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> key = result_key(b"{}", "a.ipynb", "demo", 7)
>>> load_result(out, key, b"k" * 32) is None
True
>>> store_result(out, key, {"status": "ok"}, b"k" * 32); load_result(out, key, b"k" * 32)
{'status': 'ok'}
>>> load_result(out, key, b"x" * 32) is None     # signed with another class's secret
True
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .._atomic import atomic_write_bytes
from ._secret import sign

__all__ = ["result_key", "load_result", "store_result"]


def result_key(data: bytes, name: str, module: str, variant: int) -> str:
    """The cache key of submission *name* (its bytes *data*) graded for *module* on *variant*."""
    parts = [hashlib.sha256(data).hexdigest(), name, module, str(variant)]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _path(out: Path, key: str) -> Path:
    return out / "results" / f"{key}.json"


def _body(result: dict[str, Any]) -> bytes:
    return json.dumps(result, ensure_ascii=False, sort_keys=True).encode("utf-8")


def load_result(out: Path, key: str, secret: bytes) -> dict[str, Any] | None:
    """The stored result for *key* when its signature verifies, else ``None``."""
    path = _path(out, key)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or not isinstance(stored.get("result"), dict):
        return None
    if stored.get("key") != key or stored.get("mac") != sign(secret, key.encode() + b"\0" + _body(stored["result"])):
        return None
    return stored["result"]


def store_result(out: Path, key: str, result: dict[str, Any], secret: bytes) -> None:
    """Store *result* for *key*, signed, atomically."""
    path = _path(out, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    mac = sign(secret, key.encode() + b"\0" + _body(result))
    atomic_write_bytes(path, json.dumps({"key": key, "mac": mac, "result": result}, ensure_ascii=False,
                                        indent=1).encode("utf-8"))
