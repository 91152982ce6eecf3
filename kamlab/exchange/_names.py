"""Who hands in, and the name of a hand-in: ``<trainee>+<module>+<UTC time>+<random>.ipynb``.

Examples
--------
>>> from datetime import datetime, timezone
>>> name = submission_name("wang.min", "m02", datetime(2026, 12, 3, 21, 50, tzinfo=timezone.utc), "a1b2c3d4")
>>> name
'wang.min+m02+20261203T215000Z+a1b2c3d4.ipynb'
>>> parse(name)
Entry(trainee='wang.min', module='m02', utc='20261203T215000Z', token='a1b2c3d4')
>>> parse("notes.txt") is None
True
"""

from __future__ import annotations

import dataclasses
import getpass
import os
import pwd
import re
from datetime import datetime, timezone

__all__ = ["Entry", "parse", "submission_name", "trainee_name", "file_part", "owner_name", "utc_stamp"]

_PATTERN = re.compile(r"^(?P<trainee>[^+/.][^+/]*)\+(?P<module>[a-z0-9_]+)\+(?P<utc>\d{8}T\d{6}Z)"
                      r"\+(?P<token>[0-9a-f]{4,64})\.ipynb$")
_UNSAFE = re.compile(r"[^\w.@-]+", re.UNICODE)


@dataclasses.dataclass(frozen=True)
class Entry:
    """The parts of a hand-in's file name."""

    trainee: str
    module: str
    utc: str
    token: str


def parse(name: str) -> Entry | None:
    """The parts of hand-in file *name*, or None when it is not a hand-in's name."""
    match = _PATTERN.match(name)
    return Entry(**match.groupdict()) if match else None


def file_part(name: str) -> str:
    """*name* made safe for a file name: no ``+``, ``/`` or leading dot.

    Examples
    --------
    >>> file_part("王 敏/../x+y"), file_part("..")
    ('王_敏_.._x_y', 'trainee')
    """
    text = _UNSAFE.sub("_", str(name)).lstrip(".")
    return text[:80] or "trainee"


def utc_stamp(when: datetime) -> str:
    """*when* as ``yyyymmddTHHMMSSZ`` in UTC.

    Examples
    --------
    >>> utc_stamp(datetime(2026, 12, 3, 21, 50, 7, tzinfo=timezone.utc))
    '20261203T215007Z'
    """
    return when.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def submission_name(trainee: str, module: str, when: datetime, token: str) -> str:
    """The file name of a hand-in (see the module docstring)."""
    return f"{file_part(trainee)}+{module}+{utc_stamp(when)}+{token}.ipynb"


def owner_name(uid: int) -> str:
    """The user name of *uid* (``uid1234`` when the system has no name for it).

    Examples
    --------
    >>> owner_name(0)
    'root'
    """
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid{uid}"


def trainee_name() -> str:
    """Who is handing in: the JupyterHub user (``$JUPYTERHUB_USER``), else the system user.

    Examples
    --------
    >>> isinstance(trainee_name(), str)
    True
    """
    hub = os.environ.get("JUPYTERHUB_USER", "").strip()
    if hub:
        return hub
    try:
        return owner_name(os.getuid())
    except OSError:  # pragma: no cover - no uid on this platform
        return getpass.getuser()
