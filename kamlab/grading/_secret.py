"""The class's secret, kept in ``--out``: it draws the hidden variant and signs the results cache.

Each ``--out`` folder gets 32 random bytes the first time it is graded
(``<out>/.kamlab/secret``, readable by its owner only; with the sandbox no
submission can see ``--out`` at all).  From it come

* the hidden data variant of each module, ``1 + HMAC(secret, module) mod 999``:
  drawn at random per class, kept for every re-run, and impossible to work out
  from the documentation (``--variant`` chooses one instead);
* the signature of every cached result: a result whose HMAC does not match
  (written by anything but the grader) is graded again.

Examples
--------
>>> import pathlib, tempfile
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> key = class_secret(out)
>>> key == class_secret(out), len(key)
(True, 32)
>>> 1 <= hidden_variant("m02", key) <= 999
True
>>> sign(key, b"x") == sign(key, b"x"), sign(key, b"x") == sign(b"other", b"x")
(True, False)
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from .._atomic import atomic_write_bytes

__all__ = ["class_secret", "hidden_variant", "sign", "STATE_DIR"]

#: The grader's own folder inside ``--out`` (secret, lock).
STATE_DIR = ".kamlab"


def class_secret(out: Path) -> bytes:
    """The secret of the class graded into *out* (made on first use, then read back)."""
    folder = Path(out) / STATE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "secret"
    if not path.exists():
        atomic_write_bytes(path, secrets.token_bytes(32))
        if os.name == "posix":
            path.chmod(0o600)
    key = path.read_bytes()
    if len(key) != 32:          # damaged: a new class secret (cached results are then re-graded)
        key = secrets.token_bytes(32)
        atomic_write_bytes(path, key)
    return key


def hidden_variant(module: str, key: bytes) -> int:
    """The hidden data variant of *module* for the class whose secret is *key*: 1..999, never 0."""
    digest = hmac.new(key, f"hidden-variant:{module}".encode(), hashlib.sha256).digest()
    return 1 + int.from_bytes(digest[:4], "big") % 999


def sign(key: bytes, data: bytes) -> str:
    """The HMAC-SHA256 of *data* under *key*, as hex."""
    return hmac.new(key, data, hashlib.sha256).hexdigest()
