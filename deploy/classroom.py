"""The class server's own jobs, used by ``jupyterhub_config.py`` (runs as root in the hub).

- :class:`ClassUsers`: a mixin for any JupyterHub authenticator that makes each
  trainee a separate system user on first login (``useradd``, home mode 0700)
  and puts the instructors (the hub's admins) in the instructors' group.
- :func:`copy_missing`: the trainee's own copy of the workbook, only the files
  they do not have yet (an update never overwrites their work).
- :func:`init_exchange`: the class's hand-in folder (``kamlab exchange init``).

Nothing here follows a link a trainee could plant in their home: every file is
created with ``O_CREAT | O_EXCL | O_NOFOLLOW`` relative to an open folder and
then handed to its owner.

Examples
--------
>>> import pathlib, tempfile
>>> src, home = pathlib.Path(tempfile.mkdtemp()), pathlib.Path(tempfile.mkdtemp())
>>> _ = (src / "m02.ipynb").write_text("{}")
>>> copy_missing(src, home, "kamlab-workbook", uid=-1, gid=-1)
['kamlab-workbook/m02.ipynb']
>>> _ = (home / "kamlab-workbook" / "m02.ipynb").write_text("my answers")
>>> copy_missing(src, home, "kamlab-workbook", uid=-1, gid=-1)   # never overwritten
[]
>>> (home / "kamlab-workbook" / "m02.ipynb").read_text()
'my answers'
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import stat
import subprocess
import sys
from pathlib import Path

from jupyterhub.auth import LocalAuthenticator
from jupyterhub.utils import maybe_future

__all__ = ["ClassUsers", "class_authenticator", "copy_missing", "init_exchange", "lab_defaults",
           "prepare_home"]

#: ``useradd`` as JupyterHub runs it (the name is appended): a home of its own,
#: readable by nobody else (``HOME_MODE`` needs shadow >= 4.8: Debian 11, Ubuntu 20.04).
ADD_USER_CMD = ["useradd", "--create-home", "--shell", "/bin/bash", "-K", "HOME_MODE=0700", "-K", "UMASK=077"]

#: JupyterLab settings a trainee starts with (theirs to change; written only when missing):
#: the notebook starts its kernel without asking, and every cell is drawn (search finds them all).
LAB_DEFAULTS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings":
        {"windowingMode": "none", "autoStartDefaultKernel": True},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
}


class ClassUsers:
    """Mixin: one system user per hub user, created on first login; admins join the instructors' group.

    Put it before :class:`jupyterhub.auth.LocalAuthenticator` and the
    authenticator that checks passwords (see :func:`class_authenticator`).
    """

    instructors_group = "kamlab-instructors"

    async def add_user(self, user):  # noqa: D102 - JupyterHub's hook, called at start and on first login
        await maybe_future(super().add_user(user))
        if user.admin:
            join_group(user.name, self.instructors_group)


def class_authenticator(base: type, group: str) -> type:
    """*base* (first-use, OAuth, LDAP ...) with system users and the instructors' *group*.

    The config sets ``c.LocalAuthenticator.create_system_users = True`` and
    ``add_user_cmd = ADD_USER_CMD`` (they apply to every local authenticator).

    Examples
    --------
    >>> from jupyterhub.auth import DummyAuthenticator
    >>> cls = class_authenticator(DummyAuthenticator, "teachers")
    >>> cls.__name__, cls.instructors_group, issubclass(cls, LocalAuthenticator)
    ('ClassDummyAuthenticator', 'teachers', True)
    """
    bases = (ClassUsers, base) if issubclass(base, LocalAuthenticator) else (ClassUsers, LocalAuthenticator, base)
    return type(f"Class{base.__name__}", bases, {"instructors_group": group})


def join_group(user: str, group: str) -> None:
    """Add system *user* to *group* (nothing when already in it)."""
    if user not in grp.getgrnam(group).gr_mem:
        subprocess.run(["usermod", "--append", "--groups", group, user], check=True, capture_output=True)


def ensure_group(group: str) -> int:
    """The gid of *group*, created as a system group when missing."""
    try:
        return grp.getgrnam(group).gr_gid
    except KeyError:
        subprocess.run(["groupadd", "--system", group], check=True, capture_output=True)
        return grp.getgrnam(group).gr_gid


def init_exchange(root: Path, group: str) -> Path:
    """Create the hand-in folder ``root/collect`` (idempotent); return it.

    Runs ``kamlab exchange init`` when the installed kamlab has it; otherwise
    (a kamlab older than the command) does what that command does: ``collect/`` owned by root and *group*, mode
    3773 (others may hand in but not list; setgid keeps the group on files).
    """
    gid = ensure_group(group)   # the instructors' group first: the command expects it
    kamlab = [sys.executable, "-m", "kamlab.cli"]   # the hub's own environment has kamlab
    if subprocess.run([*kamlab, "exchange", "init", "--help"], capture_output=True).returncode == 0:
        subprocess.run([*kamlab, "exchange", "init", "--exchange", str(root), "--group", group], check=True)
        return root / "collect"
    root.mkdir(parents=True, exist_ok=True)
    os.chmod(root, 0o755)
    collect = root / "collect"
    collect.mkdir(exist_ok=True)
    os.chown(collect, 0, gid)
    os.chmod(collect, 0o3773)
    return collect


def _open_dir(parent_fd: int, name: str, uid: int, gid: int, mode: int = 0o755) -> int:
    """Open folder *name* under *parent_fd* without following links, creating it (owned by uid:gid)."""
    try:
        os.mkdir(name, mode, dir_fd=parent_fd)
        created = True
    except FileExistsError:
        created = False
    fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent_fd)
    if created and uid >= 0:
        os.fchown(fd, uid, gid)
    return fd


def copy_missing(source: Path, home: Path, folder: str, *, uid: int, gid: int) -> list[str]:
    """Copy the files of *source* that ``home/folder`` lacks; return them (relative to *home*).

    A file the trainee has (changed or not) is never touched; a file they
    deleted comes back.  With ``uid``/``gid`` >= 0 the new files and folders
    are given to that user.
    """
    copied: list[str] = []
    home_fd = os.open(home, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        _copy_tree(source, home_fd, Path(folder), uid, gid, copied)
    finally:
        os.close(home_fd)
    return copied


def _copy_tree(source: Path, parent_fd: int, rel: Path, uid: int, gid: int, copied: list[str]) -> None:
    fd = _open_dir(parent_fd, rel.name, uid, gid)
    try:
        for entry in sorted(source.iterdir()):
            if entry.name.startswith(".") or entry.name == "__pycache__":
                continue
            if entry.is_dir():
                _copy_tree(entry, fd, rel / entry.name, uid, gid, copied)
                continue
            try:
                out = os.open(entry.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644, dir_fd=fd)
            except FileExistsError:
                continue
            with os.fdopen(out, "wb") as target:
                target.write(entry.read_bytes())
                if uid >= 0:
                    os.fchown(target.fileno(), uid, gid)
            copied.append((rel / entry.name).as_posix())
    finally:
        os.close(fd)


def lab_defaults(home: Path, *, uid: int, gid: int) -> list[str]:
    """Write :data:`LAB_DEFAULTS` into the trainee's JupyterLab settings where they have none."""
    written: list[str] = []
    home_fd = os.open(home, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    fds = [home_fd]
    try:
        for name, settings in LAB_DEFAULTS.items():
            *folders, file = (".jupyter/lab/user-settings/" + name).split("/")
            fd = home_fd
            for part in folders:
                fd = _open_dir(fd, part, uid, gid)
                fds.append(fd)
            try:
                out = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644, dir_fd=fd)
            except FileExistsError:
                continue
            with os.fdopen(out, "w", encoding="utf-8") as target:
                json.dump(settings, target)
                if uid >= 0:
                    os.fchown(target.fileno(), uid, gid)
            written.append(name)
    finally:
        for fd in reversed(fds):
            os.close(fd)
    return written


def prepare_home(user: str, workbook: Path, folder: str) -> list[str]:
    """Before a trainee's server starts: home mode 0700, the workbook's missing files, lab defaults."""
    entry = pwd.getpwnam(user)
    home = Path(entry.pw_dir)
    info = os.lstat(home)
    if stat.S_ISDIR(info.st_mode) and info.st_uid == entry.pw_uid and stat.S_IMODE(info.st_mode) != 0o700:
        os.chmod(home, 0o700)
    copied = copy_missing(workbook, home, folder, uid=entry.pw_uid, gid=entry.pw_gid)
    lab_defaults(home, uid=entry.pw_uid, gid=entry.pw_gid)
    return copied
