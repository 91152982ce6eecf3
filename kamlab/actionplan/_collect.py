"""Reading a trainee's recorded answers out of their saved notebooks m01–m07 (:func:`collect_answers`).

The answers are the outputs of the notebooks' check cells (read with
:func:`kamlab.answers.read_answers`); a missing or corrupt file never raises,
it is skipped with a note.

Examples
--------
>>> collect_answers("/nonexistent-folder").notes
('文件夹 /nonexistent-folder 不存在：成果树只能显示“未完成”。',)
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages
from .._result import TableResult
from ._layers import MODULES
from ._results import key_result
from ..answers import read_answers

__all__ = ["collect_answers", "CollectedAnswers", "MAX_BYTES"]

#: Notebooks larger than this are skipped by :func:`collect_answers` (bytes).
MAX_BYTES = 50_000_000
_NAME = re.compile(r"^(m0[1-9])")

MSGS = Messages({
    "col_module": ("模块", "module"),
    "col_file": ("笔记本", "notebook"),
    "col_answered": ("已记录答案", "answers recorded"),
    "col_status": ("状态", "status"),
    "col_result": ("关键成果（或缺什么）", "key result (or what is missing)"),
    "status_done": ("已完成", "done"),
    "status_none": ("没有答案", "no answers"),
    "note_missing": ("文件夹 {folder} 不存在：成果树只能显示“未完成”。", "Folder {folder} does not exist: the tree shows 'not done' only."),
    "note_none": ("在 {folder} 里没有找到 m01–m07 的笔记本（m0*.ipynb）。", "No m01-m07 notebooks (m0*.ipynb) found in {folder}."),
    "note_corrupt": ("跳过 {file}：文件损坏或不是笔记本。", "Skipped {file}: corrupt or not a notebook."),
    "note_big": ("跳过 {file}：文件太大。", "Skipped {file}: the file is too large."),
    "note_other": ("跳过 {file}：它是模块 {module} 的笔记本，不属于 m01–m07。", "Skipped {file}: it is a notebook of module {module}, not m01-m07."),
    "note_empty": ("{file}：没有记录的答案（运行过检查单元格吗？）。", "{file}: no recorded answers (were its check cells run?)."),
    "note_dup": ("{module} 有多个笔记本，用答案最多的 {file}。", "{module} has several notebooks; using {file}, the one with the most answers."),
    "err_folder": ("folder 应是文件夹路径（文字），收到 {type}。", "folder must be a folder path (text); got {type}."),
})


@dataclass(frozen=True)
class CollectedAnswers(TableResult):
    """Answers read from a folder of notebooks (see :func:`collect_answers`).

    Attributes
    ----------
    table : DataFrame
        One row per module m01–m07 (index ``module``): ``file``,
        ``answered`` (number of recorded answers), ``status``, ``result`` (the key result, or what is missing).
    answers : dict
        ``module -> {question: answer}`` for the modules found.
    notes : tuple of str
        Why files were skipped (current language).
    """

    answers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def shown(self) -> pd.DataFrame:
        """The table as a trainee reads it: column names in the current language.

        Examples
        --------
        >>> collect_answers("/nonexistent-folder").shown().columns.tolist()
        ['笔记本', '已记录答案', '状态', '关键成果（或缺什么）']
        """
        out = self.table.rename(columns={c: MSGS(f"col_{c}") for c in self.table.columns if f"col_{c}" in MSGS})
        return out.rename_axis(MSGS("col_module"))

    def _repr_html_(self) -> str:
        notes = "".join(f"<li>{n}</li>" for n in self.notes)
        return self.shown()._repr_html_() + (f"<ul>{notes}</ul>" if notes else "")  # type: ignore[operator]

    def __repr__(self) -> str:
        return "\n".join([repr(self.shown()), *self.notes])


def _notebook_module(nb: Mapping[str, Any], path: Path) -> str | None:
    meta = nb.get("metadata")
    module = meta.get("kamlab", {}).get("module") if isinstance(meta, Mapping) and \
        isinstance(meta.get("kamlab"), Mapping) else None
    if isinstance(module, str) and module.strip():
        return module.strip().lower()
    match = _NAME.match(path.name.lower())
    return match.group(1) if match else None


def collect_answers(folder: Any = ".") -> CollectedAnswers:
    """Read the trainee's recorded answers from the notebooks ``m0*.ipynb`` in *folder*.

    Each notebook's module comes from its metadata (else its file name);
    only m01–m07 count.  A missing folder, a corrupt or foreign file, or a
    notebook never run is skipped with a note — this never raises for a
    file.  When a module has several notebooks the one with the most
    answers is used.  Nothing is written.

    Parameters
    ----------
    folder : str or Path
        Where the trainee's own notebooks are (in class: next to m08).

    Returns
    -------
    CollectedAnswers
        ``.answers`` (``module -> {question: answer}``), ``.table`` (one row
        per module: file, answered, status, result: the key result of
        :func:`~kamlab.actionplan.key_result`, or which answer is missing)
        and ``.notes``.

    Raises
    ------
    BadSpecError
        Only when *folder* is not a path at all (e.g. a number).

    Examples
    --------
    >>> res = collect_answers("/nonexistent-folder")
    >>> res.answers, int(res.table["answered"].sum())
    ({}, 0)
    """
    if not isinstance(folder, (str, Path)):
        raise BadSpecError(*MSGS.both("err_folder", type=type(folder).__name__), column="folder")

    base = Path(folder)
    notes: list[str] = []
    best: dict[str, tuple[str, dict[str, Any]]] = {}
    counts: dict[str, int] = {}
    if not base.is_dir():
        notes.append(MSGS("note_missing", folder=str(folder)))
        paths: list[Path] = []
    else:
        paths = sorted(p for p in base.glob("m0*.ipynb") if p.is_file())
    for path in paths:
        try:
            if path.stat().st_size > MAX_BYTES:
                notes.append(MSGS("note_big", file=path.name))
                continue
            nb = json.loads(path.read_bytes().decode("utf-8-sig"))
            if not isinstance(nb, Mapping) or not isinstance(nb.get("cells"), list):
                raise ValueError("not a notebook")
            module = _notebook_module(nb, path)
            if module == "m08":
                continue   # the summary notebook itself
            if re.fullmatch(r"m(09|1\d)", module or "") and path.name.startswith(module):
                continue   # a workbook of the other course texts, not of this course
            if module not in MODULES:
                notes.append(MSGS("note_other", file=path.name, module=module or "?"))
                continue
            found = read_answers(nb, module)
        except Exception:  # noqa: BLE001 - one bad file must not stop the tree
            notes.append(MSGS("note_corrupt", file=path.name))
            continue
        if not found:
            notes.append(MSGS("note_empty", file=path.name))
        counts[module] = counts.get(module, 0) + 1
        if module not in best or len(found) > len(best[module][1]):
            best[module] = (path.name, found)
    for module, n in counts.items():
        if n > 1:
            notes.append(MSGS("note_dup", module=module, file=best[module][0]))
    if base.is_dir() and not best and not any("m0" in n for n in notes):
        notes.append(MSGS("note_none", folder=str(folder)))
    rows = []
    for module in MODULES:
        name, found = best.get(module, ("", {}))
        rows.append({"module": module, "file": name, "answered": len(found),
                     "status": MSGS.label("status_done") if found else MSGS.label("status_none"),
                     "result": key_result(module, found) or "—"})
    table = pd.DataFrame(rows).set_index("module")
    answers = {m: found for m, (_, found) in best.items() if found}
    return CollectedAnswers(table=table, answers=answers, notes=tuple(notes))
