"""Atomic file writes: a reader (or a crash, Ctrl-C, kill -9) never sees half a file.

The new content goes to a temporary file in the same folder, is flushed to
disk and then renamed over the target with :func:`os.replace`, which is atomic
on every platform kamlab runs on.

Examples
--------
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> atomic_write_text(folder / "a.csv", "x\\n1\\n")
>>> (folder / "a.csv").read_text()
'x\\n1\\n'
>>> with atomic_path(folder / "b.bin") as tmp:
...     _ = tmp.write_bytes(b"ok")
>>> (folder / "b.bin").read_bytes(), sorted(p.name for p in folder.iterdir())
(b'ok', ['a.csv', 'b.bin'])
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_path", "atomic_write_bytes", "atomic_write_text", "atomic_write_at"]


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside *path*; on success it replaces *path* atomically.

    On an exception the temporary file is removed and *path* is left as it was.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text()
    'done'
    """
    target = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:   # flush to disk before the rename
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None) -> None:
    """Write *data* to *path* atomically; *mode* (e.g. ``0o640``) is set before the file appears.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.bin"
    >>> atomic_write_bytes(p, b"abc", mode=0o640); p.read_bytes(), oct(p.stat().st_mode & 0o777)
    (b'abc', '0o640')
    """
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
        if mode is not None:
            os.chmod(tmp, mode)


def atomic_write_at(dir_fd: int, name: str, data: bytes, *, mode: int = 0o600, uid: int = -1,
                    gid: int = -1) -> None:
    """Write *data* to *name* inside the open folder *dir_fd* atomically, owned by *uid*:*gid*.

    For writing as root into a folder another user controls (a trainee's
    home): every step works on the folder's descriptor and never follows a
    link, so the user cannot point the write elsewhere.  The file gets
    *mode* and its owner before it appears under *name*.

    Examples
    --------
    >>> import os, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    >>> atomic_write_at(fd, "page.html", b"<p>ok</p>"); os.close(fd)
    >>> (folder / "page.html").read_bytes(), oct((folder / "page.html").stat().st_mode & 0o777)
    (b'<p>ok</p>', '0o600')
    """
    tmp = f".{name}.{os.urandom(6).hex()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=dir_fd)
    try:
        with os.fdopen(fd, "wb") as fh:
            if uid != -1 or gid != -1:
                os.fchown(fh.fileno(), uid, gid)
            os.fchmod(fh.fileno(), mode)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp, dir_fd=dir_fd)
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write *text* to *path* atomically (UTF-8 unless *encoding* says otherwise).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> atomic_write_text(p, "中文"); p.read_text(encoding="utf-8")
    '中文'
    """
    atomic_write_bytes(path, text.encode(encoding))
