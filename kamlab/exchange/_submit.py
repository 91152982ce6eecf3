"""Hand in: copy the trainee's saved notebook, timestamped, into ``ROOT/collect/``.

The notebook's own file is only read, never changed.  The copy appears
atomically (a temporary file renamed into place) with mode 0640, so on a class
server only its owner and the instructors' group can read it.  A receipt in
``~/.kamlab/receipts.json`` remembers the hand-ins, because on a class server a
trainee cannot list the collect folder to count them.

Examples
--------
>>> import json, pathlib, tempfile
>>> from kamlab.exchange import init, submit
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = init(root)
>>> nb = root / "m02_screening.ipynb"
>>> _ = nb.write_text(json.dumps({"cells": [], "metadata": {"kamlab": {"module": "m02"}},
...                               "nbformat": 4, "nbformat_minor": 5}))
>>> receipt = submit("m02", notebook=nb, exchange=root, trainee="wang", receipts=None)
>>> receipt.path.parent == root / "collect", receipt.path.name.startswith("wang+m02+")
(True, True)
>>> nb.read_text().startswith('{"cells"')   # the trainee's file is untouched
True
"""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .._atomic import atomic_write_bytes, atomic_write_text
from .._errors import BadFileError, BadSpecError
from .._i18n import localized
from ._messages import MSGS
from ._names import submission_name, trainee_name
from ._root import collect_folder

__all__ = ["Receipt", "submit", "status", "notebook_path", "last_receipt", "RECEIPTS", "MAX_MB"]

#: The largest notebook handed in (the grader reads up to 50 MB too).
MAX_MB = 50
#: Where a trainee's hand-ins are remembered.
RECEIPTS = Path("~/.kamlab/receipts.json")
_MEMORY: list[dict[str, Any]] = []     # when the receipts file cannot be written


@dataclasses.dataclass(frozen=True)
class Receipt:
    """One hand-in: module, the copy in the collect folder, when (UTC) and which one it is (1, 2, …)."""

    module: str
    path: Path
    utc: datetime
    count: int

    def both(self) -> tuple[str, str]:
        """The status line in Chinese and English."""
        return MSGS.both("submitted", module=self.module, when=self.utc.strftime("%m-%d %H:%M UTC"), n=self.count)

    def __str__(self) -> str:
        return localized(*self.both())


def notebook_path(user_ns: dict[str, Any] | None = None) -> Path | None:
    """The file of the notebook this kernel runs: ``$JPY_SESSION_NAME`` or the ``__session__`` global.

    Jupyter server names the notebook (an absolute path in current versions;
    a relative one is taken from the kernel's folder, where the notebook is).

    Examples
    --------
    >>> notebook_path({"__session__": "/home/wang/m02_screening.ipynb"}).name
    'm02_screening.ipynb'
    """
    raw = os.environ.get("JPY_SESSION_NAME") or (user_ns or {}).get("__session__") or ""
    raw = str(raw).strip()
    if not raw:
        return None
    path = Path(raw).expanduser()
    if path.is_absolute():
        return path
    for candidate in (Path.cwd() / path, Path.cwd() / path.name):
        if candidate.exists():
            return candidate
    return Path.cwd() / path.name


def _read_notebook(path: Path, module: str, answered_at: float | None) -> bytes:
    if not path.is_file():
        raise BadFileError(*MSGS.both("missing_notebook", path=path))
    stat = path.stat()
    if stat.st_size > MAX_MB * 1024 * 1024:
        raise BadFileError(*MSGS.both("too_big", path=path, mb=MAX_MB))
    if answered_at is not None and stat.st_mtime < answered_at:
        raise BadFileError(*MSGS.both("unsaved", path=path))
    data = path.read_bytes()
    try:
        nb = json.loads(data)
        if not (isinstance(nb, dict) and isinstance(nb.get("cells"), list)):
            raise ValueError("no cells")
    except (ValueError, UnicodeDecodeError):
        raise BadFileError(*MSGS.both("not_notebook", path=path)) from None
    found = ((nb.get("metadata") or {}).get("kamlab") or {}).get("module")
    if found and found != module:
        raise BadFileError(*MSGS.both("other_module", found=found, module=module))
    return data


def _receipts_file(receipts: str | os.PathLike[str] | None) -> Path | None:
    return Path(receipts).expanduser() if receipts is not None else None


def _load(path: Path | None) -> list[dict[str, Any]]:
    if path is None:
        return list(_MEMORY)
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []
    except (OSError, ValueError):
        return list(_MEMORY)


def _mine(rows: list[dict[str, Any]], collect: Path, module: str, trainee: str) -> list[dict[str, Any]]:
    """The receipts of *trainee*'s hand-ins of *module* to *collect* whose copy is still there."""
    return [r for r in rows if r.get("module") == module and r.get("trainee") == trainee
            and Path(str(r.get("path", ""))).parent == collect and Path(str(r["path"])).exists()]


def last_receipt(module: str, *, exchange: str | os.PathLike[str] | None = None, trainee: str | None = None,
                 receipts: str | os.PathLike[str] | None = RECEIPTS) -> Receipt | None:
    """The latest hand-in of *module* to this exchange by *trainee* (default: :func:`trainee_name`), or None.

    Raises
    ------
    kamlab.BadSpecError
        When no exchange is set.
    """
    collect = collect_folder(exchange).resolve()
    mine = _mine(_load(_receipts_file(receipts)), collect, module, trainee or trainee_name())
    if not mine:
        return None
    last = mine[-1]
    return Receipt(module, Path(last["path"]), datetime.fromisoformat(last["utc"]), len(mine))


def submit(module: str, *, notebook: str | os.PathLike[str] | None, exchange: str | os.PathLike[str] | None = None,
           trainee: str | None = None, answered_at: float | None = None,
           receipts: str | os.PathLike[str] | None = RECEIPTS) -> Receipt:
    """Hand in *notebook* for *module*: a timestamped copy in the exchange's collect folder.

    Parameters
    ----------
    module : str
        The module id, e.g. ``"m02"``.
    notebook : path or None
        The saved notebook (``wb.submit()`` finds it: :func:`notebook_path`).
    exchange : path, optional
        The exchange root; default ``$KAMLAB_EXCHANGE``.
    trainee : str, optional
        Default: the JupyterHub user, else the system user.
    answered_at : float, optional
        When the kernel recorded its last answer (``time.time()``): a
        notebook file older than that has not been saved since.
    receipts : path or None
        Where hand-ins are remembered; None: only in this process.

    Returns
    -------
    Receipt

    Raises
    ------
    kamlab.BadSpecError
        No exchange set (the message says: hand the file to the instructor).
    kamlab.BadFileError
        No collect folder; the notebook file not found, unsaved, too large,
        not a notebook, or another module's.
    """
    collect = collect_folder(exchange, must_exist=True).resolve()
    if notebook is None:
        raise BadFileError(*MSGS.both("no_notebook"))
    data = _read_notebook(Path(notebook), module, answered_at)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    trainee = trainee or trainee_name()
    target = collect / submission_name(trainee, module, now, secrets.token_hex(4))
    atomic_write_bytes(target, data, mode=0o640)
    store = _receipts_file(receipts)
    rows = _load(store) + [{"module": module, "trainee": trainee, "path": str(target), "utc": now.isoformat()}]
    _MEMORY[:] = rows
    if store is not None:
        try:
            store.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(store, json.dumps(rows[-500:], ensure_ascii=False, indent=1))
        except OSError:
            pass                        # a read-only home: this kernel still counts
    return Receipt(module, target, now, len(_mine(rows, collect, module, trainee)))


def status(module: str, *, exchange: str | os.PathLike[str] | None = None,
           receipts: str | os.PathLike[str] | None = RECEIPTS) -> tuple[tuple[str, str], bool]:
    """The hand-in status line of *module* (zh, en) and whether a hand-in is possible; never raises.

    Examples
    --------
    >>> import os
    >>> os.environ.pop("KAMLAB_EXCHANGE", None) and None
    >>> (zh, en), ok = status("m02")
    >>> ok, en
    (False, 'No class collect folder is set (KAMLAB_EXCHANGE): hand this .ipynb file to your instructor')
    """
    try:
        collect = collect_folder(exchange, must_exist=True)
        receipt = last_receipt(module, exchange=collect.parent, receipts=receipts)
    except (BadFileError, BadSpecError) as exc:
        return (exc.zh, exc.en), False
    except OSError:
        folder = collect_folder(exchange)
        return MSGS.both("no_collect", path=folder, root=folder.parent), False
    if receipt is None:
        return MSGS.both("not_yet", module=module), True
    return receipt.both(), True
