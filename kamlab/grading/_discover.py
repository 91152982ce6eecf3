"""The submissions of a class, read whole before any of them runs.

A class arrives as a folder of notebooks, as one folder per trainee (as LMS
downloads and nbgrader hand them over: the trainee is the folder's name), or
as a zip of either.  :func:`collect` reads every submission's bytes and
sha256 *before* the first one runs, so nothing a submission does while it
runs can change what another one is graded on.

Examples
--------
>>> import pathlib, tempfile
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> (root / "王芳").mkdir(); _ = (root / "王芳" / "m02.ipynb").write_bytes(b"{}")
>>> _ = (root / "li.ipynb").write_bytes(b"{}")
>>> [(s.name, s.folder_trainee) for s in collect(root)]
[('li.ipynb', None), ('王芳/m02.ipynb', '王芳')]
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import zipfile
from pathlib import Path, PurePosixPath

from .._errors import BadFileError

__all__ = ["Submission", "collect", "MAX_BYTES"]

#: The largest notebook (and the largest zip content in all) the grader reads.
MAX_BYTES = 50 * 1024 * 1024
_MAX_ZIP_TOTAL = 1024 * 1024 * 1024


@dataclasses.dataclass(frozen=True)
class Submission:
    """One submitted notebook: where it came from, its bytes and their sha256.

    Attributes
    ----------
    name : str
        Its path inside the class (``"li.ipynb"``, ``"王芳/m02.ipynb"``): unique, shown in the gradebook.
    data : bytes
    sha256 : str
    folder_trainee : str or None
        The trainee's folder name in a per-trainee layout.
    """

    name: str
    data: bytes
    sha256: str
    folder_trainee: str | None

    @property
    def stem(self) -> str:
        """A file-system-safe, unique id for the submission's working folder."""
        safe = re.sub(r"[^\w\-]+", "_", self.name.rsplit(".", 1)[0]).strip("_") or "submission"
        return f"{safe[:60]}-{self.sha256[:8]}-{hashlib.sha256(self.name.encode()).hexdigest()[:6]}"


def _wanted(parts: tuple[str, ...]) -> bool:
    return (parts[-1].lower().endswith(".ipynb") and not any(p.startswith(".") or p == "__MACOSX" for p in parts)
            and ".ipynb_checkpoints" not in parts)


def _make(parts: tuple[str, ...], data: bytes) -> Submission:
    folder = parts[-2] if len(parts) >= 2 else None
    return Submission("/".join(parts), data, hashlib.sha256(data).hexdigest(), folder)


def _from_folder(root: Path) -> list[Submission]:
    found = []
    for path in sorted(root.rglob("*.ipynb")):
        rel = path.relative_to(root).parts
        if len(rel) > 2 or not _wanted(rel) or not path.is_file():
            continue
        if path.stat().st_size > MAX_BYTES:
            found.append(_make(rel, b""))      # too large: graded as "not a notebook"
            continue
        found.append(_make(rel, path.read_bytes()))
    return found


def _from_zip(path: Path) -> list[Submission]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BadFileError(f"作业压缩包 {str(path)!r} 打不开（{type(exc).__name__}）：请重新打包成 .zip。",
                           f"The submissions archive {str(path)!r} cannot be opened ({type(exc).__name__}): "
                           f"zip it again.") from None
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        members = [(PurePosixPath(i.filename).parts, i) for i in infos]
        members = [(p, i) for p, i in members if p and _wanted(p)]
        # one top folder around everything (a zipped class folder): drop it
        tops = {p[0] for p, _ in members}
        if len(tops) == 1 and all(len(p) > 1 for p, _ in members):
            members = [(p[1:], i) for p, i in members]
        if sum(i.file_size for _, i in members) > _MAX_ZIP_TOTAL:
            raise BadFileError(f"作业压缩包 {str(path)!r} 解压后超过 1 GB：请分批评分。",
                               f"The submissions archive {str(path)!r} unpacks to over 1 GB: grade it in parts.")
        found = []
        for parts, info in sorted(members, key=lambda m: m[0]):
            if len(parts) > 2:
                continue
            data = archive.read(info) if info.file_size <= MAX_BYTES else b""
            found.append(_make(parts, data))
    return found


def collect(source: str | Path) -> list[Submission]:
    """Every submission in *source* (a folder, per-trainee folders, or a zip of either), read whole.

    Raises
    ------
    kamlab.BadFileError
        When *source* does not exist or is not a folder or a zip.
    """
    path = Path(source)
    if path.is_dir():
        return _from_folder(path.resolve())
    if path.is_file() and zipfile.is_zipfile(path):
        return _from_zip(path.resolve())
    raise BadFileError(f"找不到作业 {str(path)!r}：请给出放 .ipynb 作业的文件夹（或每位学员一个子文件夹），或它们的 .zip。",
                       f"Submissions {str(path)!r} not found: give the folder of .ipynb files (or one sub-folder "
                       f"per trainee), or a .zip of it.")
