"""The learning-outcome tree (大客户动销学习成果树), built from a trainee's own answers.

Seed 000 §八.2: the groups draw a tree of what they learnt, so the result of
the day is visible.  Here the tree is drawn from the trainee's own saved
notebooks: root = the course, three layer nodes (基础层, 执行层, 优化层), one
node per module m01–m07, and under each module the trainee's key result
from that module (m01 their blind spots, m02 their key account, m03 their
top opportunities, m04 their service package, m05 their agreement, m06
their incentive scheme, m07 their root cause) — "未完成 / not done" where
no answer was found.  The tasks of an action plan hang under the module
they draw on.

:func:`collect_answers` reads the recorded answers out of the notebooks
``m0*.ipynb`` in a folder (the outputs of their check cells, via
:func:`kamlab.grading.read_answers`); it never raises for a missing or
corrupt file, it skips it with a note.

Examples
--------
>>> tree = outcome_tree({"m02": {"q5": "C18"}})
>>> tree.table.loc["m02.result", "label"], tree.table.loc["m03.result", "label"]
('重点客户：C18', '未完成')
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages, get_language
from .._plotting import new_axes, styled
from .._result import TableResult
from ._layers import COLOURS, COURSE_TITLE, LAYERS, MODULES, layer_of, module_code, module_title
from ._plan import ActionPlan, _blank, _short

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["outcome_tree", "OutcomeTree", "collect_answers", "CollectedAnswers", "key_result", "MAX_BYTES"]

#: Notebooks larger than this are skipped by :func:`collect_answers` (bytes).
MAX_BYTES = 50_000_000
_NAME = re.compile(r"^(m0[1-9])")

MSGS = Messages({
    "not_done": ("未完成", "not done"),
    "answered": ("已作答（{n} 题）", "answered ({n} questions)"),
    "m01": ("盲区：{x}", "Blind spots: {x}"),
    "m02": ("重点客户：{x}", "Key account: {x}"),
    "m02_param": ("重点客户：{x}（参数）", "Key account: {x} (parameter)"),
    "m03": ("高价值机会：{x}", "Top opportunities: {x}"),
    "m04": ("服务包：{n} 条需求线，预算 {budget} 万元", "Service package: {n} need lines, budget {budget} (10k CNY)"),
    "m05": ("协议方案：我方效用 {us:.1f}，对方 {them:.1f}", "Agreement: our utility {us:.1f}, theirs {them:.1f}"),
    "m05_nash": ("纳什点：我方效用 {us:.1f}，对方 {them:.1f}", "Nash point: our utility {us:.1f}, theirs {them:.1f}"),
    "m06": ("阶梯激励 {n} 档{cost}", "Tiered incentive, {n} tiers{cost}"),
    "m06_cost": ("，费用占增量 {x:.1%}", ", cost {x:.1%} of incremental sales"),
    "m07": ("根因：{cause}（{group}）", "Root cause: {cause} ({group})"),
    "m07_flags": ("异常点 {n} 个", "{n} points below target"),
    "task": ("任务 {i}：{task}", "Task {i}: {task}"),
    "title": ("大客户动销学习成果树", "Learning-outcome tree"),
    "col_module": ("模块", "module"),
    "status_done": ("已完成", "done"),
    "status_none": ("没有答案", "no answers"),
    "note_missing": ("文件夹 {folder} 不存在：成果树只能显示“未完成”。", "Folder {folder} does not exist: the tree shows 'not done' only."),
    "note_none": ("在 {folder} 里没有找到 m01–m07 的笔记本（m0*.ipynb）。", "No m01-m07 notebooks (m0*.ipynb) found in {folder}."),
    "note_corrupt": ("跳过 {file}：文件损坏或不是笔记本。", "Skipped {file}: corrupt or not a notebook."),
    "note_big": ("跳过 {file}：文件太大。", "Skipped {file}: the file is too large."),
    "note_other": ("跳过 {file}：它是模块 {module} 的笔记本，不属于 m01–m07。", "Skipped {file}: it is a notebook of module {module}, not m01-m07."),
    "note_empty": ("{file}：没有记录的答案（运行过检查单元格吗？）。", "{file}: no recorded answers (were its check cells run?)."),
    "note_dup": ("{module} 有多个笔记本，用答案最多的 {file}。", "{module} has several notebooks; using {file}, the one with the most answers."),
    "err_answers": ("answers_by_module 应是 {{'m02': {{'q5': 'C18', ...}}, ...}} 形式的字典（或 collect_answers(...) 的结果），收到 {type}。",
                    "answers_by_module must be a dict such as {{'m02': {{'q5': 'C18', ...}}, ...}} (or the result of "
                    "collect_answers(...)); got {type}."),
    "err_module_answers": ("answers_by_module[{module!r}] 应是 {{题号: 答案}} 的字典，收到 {type}。",
                           "answers_by_module[{module!r}] must be a dict {{question: answer}}; got {type}."),
    "err_folder": ("folder 应是文件夹路径（文字），收到 {type}。", "folder must be a folder path (text); got {type}."),
})


# ----------------------------------------------------------------------------- key results
def _names(answer: Any) -> list[str]:
    """Item names out of a list, a Series/Index or a DataFrame (its index)."""
    if isinstance(answer, pd.DataFrame):
        return [str(i) for i in answer.index]
    if isinstance(answer, (pd.Series, pd.Index)):
        return [str(i) for i in (answer.index if isinstance(answer, pd.Series) and answer.dtype == bool
                                 else answer)]
    if isinstance(answer, (list, tuple)):
        return [str(i) for i in answer]
    if isinstance(answer, str):
        return [answer]
    raise TypeError(type(answer).__name__)


def _join(items: list[str], n: int = 10) -> str:
    return "、".join(_short(i, n) for i in items) if get_language() == "zh" else ", ".join(_short(i, n) for i in items)


def _r_m01(a: Mapping[str, Any]) -> str:
    return MSGS("m01", x=_join(_names(a["q4"])))


def _r_m02(a: Mapping[str, Any]) -> str:
    value = a["q5"]
    if not isinstance(value, str) or not value.strip():
        raise TypeError("q5")
    return MSGS("m02", x=value.strip())


def _r_m03(a: Mapping[str, Any]) -> str:
    ids = _names(a["q5"])
    table = a.get("q3")
    if isinstance(table, pd.DataFrame) and "need" in table.columns:
        need = {str(k): str(v) for k, v in table["need"].items()}
        ids = [need.get(i, i) for i in ids]
    return MSGS("m03", x=_join(ids, 8))


def _r_m04(a: Mapping[str, Any]) -> str:
    package = a["q2"]
    lines = package["lines"]
    return MSGS("m04", n=len(lines), budget=f"{float(package['budget']):g}")


def _r_m05(a: Mapping[str, Any]) -> str:
    if "q4" in a and isinstance(a["q4"], Mapping) and "u_us" in a["q4"]:
        return MSGS("m05", us=float(a["q4"]["u_us"]), them=float(a["q4"]["u_them"]))
    return MSGS("m05_nash", us=float(a["q3"]["u_us"]), them=float(a["q3"]["u_them"]))


def _r_m06(a: Mapping[str, Any]) -> str:
    scheme = a["q2"]
    cost = ""
    ratio = a.get("q5")
    if isinstance(ratio, (int, float)) and not isinstance(ratio, bool) and ratio == ratio:
        cost = MSGS("m06_cost", x=float(ratio))
    return MSGS("m06", n=len(scheme["tiers"]), cost=cost)


def _r_m07(a: Mapping[str, Any]) -> str:
    if "q6" in a and isinstance(a["q6"], Mapping):
        chain = a["q6"]
        evidence = chain.get("evidence") or [{}]
        group = evidence[0].get("group", "") if isinstance(evidence[0], Mapping) else ""
        return MSGS("m07", cause=str(chain["root_cause"]), group=str(group))
    flags = a["q3"]
    return MSGS("m07_flags", n=len(flags))


_RESULTS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "m01": _r_m01, "m02": _r_m02, "m03": _r_m03, "m04": _r_m04, "m05": _r_m05, "m06": _r_m06, "m07": _r_m07}


def key_result(module: str, answers: Mapping[str, Any] | None, account: str | None = None) -> str | None:
    """The trainee's key result of *module* as a short text, or None when there is none.

    Built from whatever answers are there; an answer in an unexpected form
    gives "已作答（n 题）/ answered (n questions)".  For m02, *account* (the
    notebook parameter) stands in when m02's answer is missing.

    Examples
    --------
    >>> key_result("m07", {"q6": {"root_cause": "铺货", "evidence": [{"group": "C34"}]}})
    '根因：铺货（C34）'
    >>> key_result("m03", {}) is None, key_result("m02", {}, account="C07")
    (True, '重点客户：C07（参数）')
    """
    module = module_code(module)
    found = {k: v for k, v in dict(answers or {}).items() if v is not Ellipsis}
    try:
        return _RESULTS[module](found)
    except Exception:  # noqa: BLE001 - any odd answer shape: fall back to a count
        pass
    if module == "m02" and account is not None and str(account).strip():
        return MSGS("m02_param", x=str(account).strip())
    if found:
        return MSGS("answered", n=len(found))
    return None


# ----------------------------------------------------------------------------- collect
@dataclass(frozen=True)
class CollectedAnswers(TableResult):
    """Answers read from a folder of notebooks (see :func:`collect_answers`).

    Attributes
    ----------
    table : DataFrame
        One row per module m01–m07 (index ``module``): ``file``,
        ``answered`` (number of recorded answers), ``status``.
    answers : dict
        ``module -> {question: answer}`` for the modules found.
    notes : tuple of str
        Why files were skipped (current language).
    """

    answers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def _repr_html_(self) -> str:
        notes = "".join(f"<li>{n}</li>" for n in self.notes)
        return self.table._repr_html_() + (f"<ul>{notes}</ul>" if notes else "")  # type: ignore[operator]

    def __repr__(self) -> str:
        return "\n".join([repr(self.table), *self.notes])


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
        per module: file, answered, status) and ``.notes``.

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
    from ..grading import read_answers

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
                     "status": MSGS.label("status_done") if found else MSGS.label("status_none")})
    table = pd.DataFrame(rows).set_index("module")
    answers = {m: found for m, (_, found) in best.items() if found}
    return CollectedAnswers(table=table, answers=answers, notes=tuple(notes))


# ----------------------------------------------------------------------------- tree
@dataclass(frozen=True)
class OutcomeTree(TableResult):
    """The learning-outcome tree (see :func:`outcome_tree`).

    ``table`` (index ``node``): ``parent``, ``label``, ``kind`` (course,
    layer, module, result, task), ``layer``, ``module``, ``done``.
    """

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Draw the tree left to right: course → layers → modules → your results (and tasks).

        Examples
        --------
        >>> outcome_tree({}).plot().get_title()
        '大客户动销学习成果树'
        """
        return _draw_tree(self, ax)


def _answers_map(answers_by_module: Any) -> dict[str, dict[str, Any]]:
    if isinstance(answers_by_module, CollectedAnswers):
        answers_by_module = answers_by_module.answers
    if answers_by_module is None or answers_by_module is Ellipsis:
        return {}
    if not isinstance(answers_by_module, Mapping):
        raise BadSpecError(*MSGS.both("err_answers", type=type(answers_by_module).__name__),
                           column="answers_by_module")
    out: dict[str, dict[str, Any]] = {}
    for key, value in answers_by_module.items():
        if isinstance(key, str) and re.match(r"^m(0[89]|1\d)$", key.strip().lower()):
            continue   # other modules of the workbook: not part of this tree
        module = module_code(key, where="answers_by_module")
        if value is None:
            continue
        if not isinstance(value, Mapping):
            raise BadSpecError(*MSGS.both("err_module_answers", module=key, type=type(value).__name__),
                               column=str(key))
        out[module] = dict(value)
    return out


def outcome_tree(answers_by_module: Any, plan: Any = None, account: str | None = None) -> OutcomeTree:
    """The learning-outcome tree from the trainee's answers across m01–m07.

    Parameters
    ----------
    answers_by_module : mapping or CollectedAnswers
        ``{"m02": {"q5": "C18", ...}, ...}`` (recorded answers per module;
        any subset, even empty) or the result of :func:`collect_answers`.
        Not modified.
    plan : ActionPlan or plan dict, optional
        The 3-month action plan; its tasks hang under their modules.
        ``None`` or ``...`` (not answered yet) leaves them out; a plan that
        cannot be read is left out too.
    account : str, optional
        The key account (notebook parameter), shown for m02 when its answer
        is missing.

    Returns
    -------
    OutcomeTree
        ``.table`` with one row per node and ``.plot()``.

    Raises
    ------
    BadSpecError
        When *answers_by_module* is not a mapping, a key is not a module
        or a module's answers are not a mapping (the message names it).

    Examples
    --------
    >>> t = outcome_tree({"m07": {"q6": {"root_cause": "铺货", "evidence": [{"group": "C34"}]}}}).table
    >>> t.loc["m07", "parent"], bool(t.loc["m07", "done"]), t.loc["m07.result", "label"]
    ('optimisation', True, '根因：铺货（C34）')
    >>> int(t["kind"].eq("result").sum()), int(t.loc[t["kind"] == "module", "done"].sum())
    (7, 1)
    """
    answers = _answers_map(answers_by_module)
    zh = get_language() == "zh"
    not_done = MSGS.label("not_done")
    rows: list[dict[str, Any]] = [{"node": "course", "parent": None, "label": COURSE_TITLE[0 if zh else 1],
                                   "kind": "course", "layer": None, "module": None, "done": True}]
    tasks = _plan_tasks(plan)
    for layer in LAYERS:
        rows.append({"node": layer.code, "parent": "course", "label": layer.name, "kind": "layer",
                     "layer": layer.code, "module": None, "done": True})
        for m in layer.modules:
            result = key_result(m, answers.get(m), account=account)
            done = result is not None and m in answers
            rows.append({"node": m, "parent": layer.code, "label": f"{m} {module_title(m)}", "kind": "module",
                         "layer": layer.code, "module": m, "done": done})
            rows.append({"node": f"{m}.result", "parent": m, "label": result or not_done, "kind": "result",
                         "layer": layer.code, "module": m, "done": result is not None})
            for i, task in tasks:
                if task["module"] == m:
                    rows.append({"node": f"task{i}", "parent": m, "label": MSGS("task", i=i, task=_short(task["task"], 14)),
                                 "kind": "task", "layer": layer.code, "module": m, "done": True})
    table = pd.DataFrame(rows).set_index("node")
    table["done"] = table["done"].astype(bool)
    return OutcomeTree(table=table)


def _plan_tasks(plan: Any) -> list[tuple[int, dict[str, Any]]]:
    if plan is None or plan is Ellipsis:
        return []
    try:
        tasks = ActionPlan(plan).tasks
    except (ValueError, TypeError):
        return []
    out = []
    for i, task in enumerate(tasks, start=1):
        if task["module"] in MODULES and not _blank(task["task"]):
            out.append((i, task))
    return out


@styled
def _draw_tree(tree: OutcomeTree, ax: "Axes | None") -> "Axes":
    t = tree.table
    leaves = [n for n in t.index if t.loc[n, "kind"] in ("result", "task")]
    fig, ax = new_axes(ax, figsize=(11.0, 1.2 + 0.45 * max(len(leaves), 1)))
    y: dict[str, float] = {n: float(i) for i, n in enumerate(leaves)}
    for kind in ("module", "layer", "course"):
        for node in t.index[t["kind"] == kind]:
            kids = [y[c] for c in t.index[t["parent"] == node] if c in y]
            y[node] = sum(kids) / len(kids) if kids else 0.0
    x = {"course": 0.0, "layer": 2.1, "module": 4.0, "result": 6.6, "task": 6.6}
    for node, row in t.iterrows():   # a tree has about 20 nodes
        if row["parent"] is not None and row["parent"] in y:
            px, cx = x[t.loc[row["parent"], "kind"]], x[row["kind"]]
            mid = px + 0.9 if row["kind"] != "layer" else px + 0.9
            ax.plot([px + 0.9, mid + 0.25, mid + 0.25, cx - 0.05], [y[row["parent"]], y[row["parent"]], y[node], y[node]],
                    color="#9e9e9e", lw=1, zorder=1)
    for node, row in t.iterrows():
        colour = COLOURS.get(row["layer"], "#455a64")
        if row["kind"] == "result" and not row["done"]:
            face, text = "#eeeeee", "#9e9e9e"
        elif row["kind"] in ("course", "layer", "module"):
            face, text = colour if row["kind"] != "course" else "#455a64", "white"
        elif row["kind"] == "task":
            face, text = "#fff3e0", "#6d4c41"
        else:
            face, text = "white", "#212121"
        ax.text(x[row["kind"]], y[node], _short(row["label"], 34), va="center", ha="left", fontsize=8.5,
                color=text, zorder=2,
                bbox={"boxstyle": "round,pad=0.3", "fc": face, "ec": colour, "lw": 1})
    ax.set_xlim(-0.2, 10.5)
    ax.set_ylim(len(leaves) - 0.4, -0.8)
    ax.axis("off")
    ax.set_title(MSGS.label("title"))
    return ax
