"""Where the class exchange is, and ``kamlab exchange init`` that makes it.

The exchange root is a folder given by ``--exchange ROOT`` or the environment
variable ``KAMLAB_EXCHANGE`` (a class server sets it for every trainee).
Hand-ins go to ``ROOT/collect/``.  On a class server ``collect`` is owned by
the instructor (root), group ``kamlab-instructors``, mode 3773: setgid keeps
every hand-in in the instructors' group, sticky stops one trainee deleting or
renaming another's file, and "others" may write and enter but not list
(nbgrader's inbound folder works the same way).  On one machine without a
server it is a plain folder.

Examples
--------
>>> import pathlib, tempfile
>>> root = pathlib.Path(tempfile.mkdtemp()) / "class"
>>> init(root).name
'collect'
>>> exchange_root(root) == root, collect_folder(root) == root / "collect"
(True, True)
"""

from __future__ import annotations

import grp
import os
from pathlib import Path

from .._errors import BadFileError, BadSpecError
from ._messages import MSGS

__all__ = ["ENV", "COLLECT", "HUB_MODE", "exchange_root", "require_root", "collect_folder", "init"]

#: The environment variable naming the exchange root.
ENV = "KAMLAB_EXCHANGE"
#: The hand-in folder's name inside the root.
COLLECT = "collect"
#: Mode of the hand-in folder on a class server: setgid + sticky, rwx for owner and group, -wx for others.
HUB_MODE = 0o3773


def exchange_root(exchange: str | os.PathLike[str] | None = None) -> Path | None:
    """The exchange root: *exchange*, else ``$KAMLAB_EXCHANGE``, else None (not set).

    Examples
    --------
    >>> exchange_root("/srv/kamlab").as_posix()
    '/srv/kamlab'
    """
    raw = os.fspath(exchange) if exchange is not None else os.environ.get(ENV, "")
    raw = str(raw).strip()
    return Path(raw).expanduser() if raw else None


def require_root(exchange: str | os.PathLike[str] | None = None, *, instructor: bool = False) -> Path:
    """The exchange root, or one bilingual error: for a trainee how to hand in without it, for an
    *instructor* how to name it.

    Raises
    ------
    kamlab.BadSpecError
        When neither *exchange* nor ``$KAMLAB_EXCHANGE`` is set.
    """
    root = exchange_root(exchange)
    if root is None:
        raise BadSpecError(*MSGS.both("no_exchange_cli" if instructor else "no_exchange"))
    return root


def collect_folder(exchange: str | os.PathLike[str] | None = None, *, must_exist: bool = False,
                   instructor: bool = False) -> Path:
    """``ROOT/collect``; with *must_exist*, a bilingual error when it is not a folder.

    Raises
    ------
    kamlab.BadSpecError
        When no exchange is set.
    kamlab.BadFileError
        With *must_exist*, when the folder does not exist.
    """
    root = require_root(exchange, instructor=instructor)
    folder = root / COLLECT
    if must_exist and not folder.is_dir():
        raise BadFileError(*MSGS.both("no_collect", path=folder, root=root))
    return folder


def init(exchange: str | os.PathLike[str] | None = None, *, group: str | None = None) -> Path:
    """Make the exchange (``ROOT/collect``); idempotent, never touches submissions.

    Parameters
    ----------
    exchange : path, optional
        The root; default ``$KAMLAB_EXCHANGE``.
    group : str, optional
        The instructors' group (``kamlab-instructors`` on a class server):
        ``collect`` then gets that group and mode 3773, so trainees can hand
        in but not list or read each other's files.  Without it (one machine)
        ``collect`` is a plain folder.

    Returns
    -------
    pathlib.Path
        The collect folder.

    Raises
    ------
    kamlab.BadSpecError
        No exchange set, an unknown group, or no right to set the group.
    """
    root = require_root(exchange, instructor=True)
    gid = None
    if group is not None:
        try:
            gid = grp.getgrnam(group).gr_gid
        except KeyError:
            raise BadSpecError(*MSGS.both("no_group", group=group)) from None
    folder = root / COLLECT
    try:
        if not root.exists():
            root.mkdir(parents=True, mode=0o755)
            os.chmod(root, 0o755)          # trainees must reach collect/ through it
        folder.mkdir(exist_ok=True)
        if not folder.is_dir() or folder.is_symlink():
            raise NotADirectoryError(str(folder))
    except OSError as exc:
        raise BadSpecError(*MSGS.both("bad_root", root=root, error=f"{type(exc).__name__}: {exc}")) from None
    if gid is not None:
        try:
            os.chown(folder, -1, gid)
            os.chmod(folder, HUB_MODE)
        except PermissionError as exc:
            raise BadSpecError(*MSGS.both("need_root", group=group, error=exc.strerror)) from None
    return folder

