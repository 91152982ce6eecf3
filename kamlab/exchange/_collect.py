"""``kamlab collect``: the latest hand-in of a module per trainee, into ``OUT/<trainee>/<module>.ipynb``.

That layout is one of those ``kamlab grade`` reads (the trainee is the
folder's name).  Who a hand-in belongs to: on a class server (the file's
owner is not the collect folder's owner) the owner, because a trainee can
write any name into a file name but cannot hand in as someone else; on plain
folders the name in the file name.  Files that are not hand-ins, and hand-ins
that are not a notebook of the module, are skipped with a note; the trainee's
earlier hand-in counts instead.  Nothing in the collect folder is changed.

Examples
--------
>>> import json, pathlib, tempfile
>>> from kamlab.exchange import collect, init
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> folder = init(root)
>>> nb = json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
>>> for name in ("wang+m02+20261203T090000Z+aaaa.ipynb", "wang+m02+20261203T100000Z+bbbb.ipynb", "x.txt"):
...     _ = (folder / name).write_text(nb)
>>> result = collect("m02", root / "out", exchange=root)
>>> sorted(result.trainees), result.sources["wang"].name
(['wang'], 'wang+m02+20261203T100000Z+bbbb.ipynb')
>>> print(result.notes[0][1])
Skipped x.txt: not a submission (the name is not trainee+module+time+id.ipynb)
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import stat
from pathlib import Path

from .._atomic import atomic_write_bytes
from .._errors import BadFileError, BadSpecError
from ._messages import MSGS
from ._names import owner_name, parse
from ._root import collect_folder
from ._submit import MAX_MB

__all__ = ["CollectResult", "collect"]

_MODULE = re.compile(r"^[a-z0-9_]{1,40}$")


@dataclasses.dataclass
class CollectResult:
    """What ``collect`` did.

    Attributes
    ----------
    module : str
    out : pathlib.Path
    trainees : dict of str to pathlib.Path
        Trainee -> the copy written (``out/<trainee>/<module>.ipynb``).
    sources : dict of str to pathlib.Path
        Trainee -> the hand-in it was copied from.
    notes : list of (str, str)
        (zh, en) for every file skipped or filed under its owner.
    """

    module: str
    out: Path
    trainees: dict[str, Path] = dataclasses.field(default_factory=dict)
    sources: dict[str, Path] = dataclasses.field(default_factory=dict)
    notes: list[tuple[str, str]] = dataclasses.field(default_factory=list)


def _read(path: Path, module: str) -> tuple[bytes | None, str]:
    """The bytes of hand-in *path* if it is a notebook of *module*, else (None, why)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(MAX_MB * 1024 * 1024 + 1)
    except OSError as exc:
        return None, exc.strerror or type(exc).__name__
    if len(data) > MAX_MB * 1024 * 1024:
        return None, f"> {MAX_MB} MB"
    try:
        nb = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None, "JSON"
    if not (isinstance(nb, dict) and isinstance(nb.get("cells"), list)):
        return None, "nbformat"
    found = ((nb.get("metadata") or {}).get("kamlab") or {}).get("module")
    if found and found != module:
        return None, str(found)
    return data, ""


def collect(module: str, out: str | os.PathLike[str], *, exchange: str | os.PathLike[str] | None = None
            ) -> CollectResult:
    """Copy the latest hand-in of *module* of every trainee to ``out/<trainee>/<module>.ipynb``.

    Parameters
    ----------
    module : str
        The module id, e.g. ``"m02"``.
    out : path
        The folder to write to (``kamlab grade MODULE OUT`` reads it).
    exchange : path, optional
        The exchange root; default ``$KAMLAB_EXCHANGE``.

    Returns
    -------
    CollectResult

    Raises
    ------
    kamlab.BadSpecError
        No exchange set, or a module id that cannot be one.
    kamlab.BadFileError
        No collect folder, or no hand-in of *module* in it.
    """
    if not isinstance(module, str) or not _MODULE.match(module):
        raise BadSpecError(*MSGS.both("bad_module", module=module))
    folder = collect_folder(exchange, must_exist=True, instructor=True)
    result = CollectResult(module, Path(out))
    folder_uid = folder.stat().st_uid
    found: dict[str, list[tuple[str, int, Path]]] = {}
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name.startswith("."):
            continue                                   # a hand-in being written
        parts = parse(entry.name)
        if parts is None:
            result.notes.append(MSGS.both("skip_name", name=entry.name))
            continue
        if parts.module != module:
            continue                                   # another module's hand-in
        info = entry.stat(follow_symlinks=False)
        if not stat.S_ISREG(info.st_mode):
            result.notes.append(MSGS.both("skip_kind", name=entry.name))
            continue
        trainee = parts.trainee
        if info.st_uid != folder_uid:                  # a class server: the owner handed it in
            trainee = owner_name(info.st_uid)
            if trainee != parts.trainee:
                result.notes.append(MSGS.both("owner", name=entry.name, owner=trainee, named=parts.trainee))
        found.setdefault(trainee, []).append((parts.utc, info.st_mtime_ns, Path(entry.path)))
    for trainee in sorted(found):
        for _, _, path in sorted(found[trainee], reverse=True):     # latest first
            data, why = _read(path, module)
            if data is None:
                result.notes.append(MSGS.both("skip_bad", name=path.name, module=module, why=why))
                continue
            target = result.out / trainee / f"{module}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, data)
            result.trainees[trainee] = target
            result.sources[trainee] = path
            break
    if not result.trainees:
        raise BadFileError(*MSGS.both("empty", path=folder, module=module))
    return result
