"""``kamlab return``: each trainee's feedback page from ``kamlab grade``'s output, to that trainee only.

The trainee of a page is the folder of the graded submission (``kamlab collect``
writes ``<trainee>/<module>.ipynb``).  ``--to DIR`` writes
``DIR/<trainee>/<module>.html`` (plain folders); ``--homes`` writes
``~trainee/kamlab-feedback/<module>.html``, owned by the trainee, mode 0600,
where JupyterLab's file browser shows it (run it as root on a class server).
Writing into a home the trainee controls never follows a link
(:func:`kamlab._atomic.atomic_write_at`).

Examples
--------
>>> import pathlib, tempfile
>>> from kamlab.exchange import return_feedback
>>> graded = pathlib.Path(tempfile.mkdtemp())
>>> (graded / "feedback").mkdir()
>>> _ = (graded / "gradebook.csv").write_text("trainee,file,status\\nwang,wang/m02.ipynb,ok\\n")
>>> _ = (graded / "feedback" / "wang.html").write_text("<p>wang</p>")
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> result = return_feedback("m02", graded, to=out)
>>> result.written["wang"].relative_to(out).as_posix()
'wang/m02.html'
"""

from __future__ import annotations

import csv
import dataclasses
import os
import pwd
from pathlib import Path

from .._atomic import atomic_write_at, atomic_write_bytes
from .._errors import BadFileError, BadSpecError
from ..grading import safe_name
from ._messages import MSGS

__all__ = ["ReturnResult", "return_feedback", "FEEDBACK_FOLDER"]

#: The folder in a trainee's home that receives the pages.
FEEDBACK_FOLDER = "kamlab-feedback"


@dataclasses.dataclass
class ReturnResult:
    """What ``return_feedback`` did: trainee -> page written, and (zh, en) notes on what was skipped."""

    module: str
    written: dict[str, Path] = dataclasses.field(default_factory=dict)
    notes: list[tuple[str, str]] = dataclasses.field(default_factory=list)


def _pages(graded: Path, result: ReturnResult) -> dict[str, Path]:
    """Trainee folder -> feedback page, from the gradebook's ``trainee`` and ``file`` columns."""
    with open(graded / "gradebook.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_trainee: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        parts = str(row.get("file") or "").split("/")
        if len(parts) != 2 or not parts[0] or parts[0].startswith("."):
            result.notes.append(_skip(row.get("file"), "why_layout"))
            continue
        by_trainee.setdefault(parts[0], []).append(row)
    pages = {}
    for trainee, mine in sorted(by_trainee.items()):
        if len(mine) > 1:
            result.notes.append(_skip(mine[0]["file"], "why_twice", trainee=trainee))
            continue
        page = graded / "feedback" / f"{safe_name(mine[0].get('trainee') or trainee)}.html"
        if not page.is_file():
            result.notes.append(_skip(mine[0]["file"], "why_page", page=page.name))
            continue
        pages[trainee] = page
    return pages


def _skip(file: object, key: str, **fields: object) -> tuple[str, str]:
    """The note "skipped *file*: reason *key*" in both languages."""
    why_zh, why_en = MSGS.both(key, **fields)
    return MSGS.both("skip_row", file=file, why=why_zh)[0], MSGS.both("skip_row", file=file, why=why_en)[1]


def _to_home(user: pwd.struct_passwd, name: str, data: bytes) -> Path:
    """Write *data* to ``~user/kamlab-feedback/name``, owned by the user, 0600, following no link."""
    home = os.open(user.pw_dir, os.O_RDONLY | os.O_DIRECTORY)
    try:
        if os.fstat(home).st_uid != user.pw_uid:
            raise PermissionError(f"{user.pw_dir} is not owned by {user.pw_name}")
        try:
            os.mkdir(FEEDBACK_FOLDER, 0o700, dir_fd=home)
            created = True
        except FileExistsError:
            created = False
        folder = os.open(FEEDBACK_FOLDER, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=home)
        try:
            if created:
                os.fchown(folder, user.pw_uid, user.pw_gid)
            if os.fstat(folder).st_uid != user.pw_uid:
                raise PermissionError(f"{FEEDBACK_FOLDER} is not owned by {user.pw_name}")
            atomic_write_at(folder, name, data, mode=0o600, uid=user.pw_uid, gid=user.pw_gid)
        finally:
            os.close(folder)
    finally:
        os.close(home)
    return Path(user.pw_dir) / FEEDBACK_FOLDER / name


def return_feedback(module: str, feedback: str | os.PathLike[str], *, homes: bool = False,
                    to: str | os.PathLike[str] | None = None) -> ReturnResult:
    """Give every trainee their own feedback page of *module*, and no one else's.

    Parameters
    ----------
    module : str
        The module id (the page is named ``<module>.html``).
    feedback : path
        The output folder of ``kamlab grade`` (``gradebook.csv``, ``feedback/``).
    homes : bool
        Write to ``~trainee/kamlab-feedback/<module>.html`` (owned by the
        trainee, mode 0600; as root for other users' homes).
    to : path, optional
        Instead: write ``to/<trainee>/<module>.html`` (plain folders).

    Returns
    -------
    ReturnResult

    Raises
    ------
    kamlab.BadSpecError
        Neither or both of *homes* and *to*.
    kamlab.BadFileError
        *feedback* is not a grade output, or it holds no page to return.
    """
    if bool(homes) == (to is not None):
        raise BadSpecError(*MSGS.both("no_target"))
    graded = Path(feedback)
    if not ((graded / "gradebook.csv").is_file() and (graded / "feedback").is_dir()):
        raise BadFileError(*MSGS.both("no_grades", path=graded))
    result = ReturnResult(module)
    pages = _pages(graded, result)
    if not pages:
        raise BadFileError(*MSGS.both("no_pages", path=graded))
    name = f"{safe_name(module)}.html"
    for trainee, page in pages.items():
        data = page.read_bytes()
        if to is not None:
            target = Path(to) / trainee / name
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, data)
            result.written[trainee] = target
            continue
        try:
            user = pwd.getpwnam(trainee)
        except KeyError:
            result.notes.append(_skip(f"{trainee}/", "why_user", trainee=trainee))
            continue
        if user.pw_uid == 0:
            result.notes.append(_skip(f"{trainee}/", "why_admin"))
            continue
        if os.geteuid() not in (0, user.pw_uid):
            result.notes.append(_skip(f"{trainee}/", "why_rights"))
            continue
        try:
            result.written[trainee] = _to_home(user, name, data)
        except OSError as exc:
            result.notes.append(_skip(f"{trainee}/", "why_home", home=user.pw_dir,
                                      error=f"{type(exc).__name__}: {exc}"))
    return result
