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

The answers come from :func:`~kamlab.actionplan.collect_answers` (the
trainee's saved notebooks) or are given directly; each module's line is
:func:`~kamlab.actionplan.key_result`.

Examples
--------
>>> tree = outcome_tree({"m02": {"q5": "C18"}})
>>> tree.table.loc["m02.result", "label"], tree.table.loc["m03.result", "label"]
('重点客户：C18', '未完成')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._dates import blank as _blank
from .._dates import short as _short
from .._errors import BadSpecError
from .._i18n import Messages, localized
from .._plotting import new_axes, styled
from .._result import TableResult
from ._collect import CollectedAnswers
from ._layers import COLOURS, COURSE_TITLE, LAYERS, MODULES, module_code, module_title
from ._plan import ActionPlan
from ._results import key_result

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["outcome_tree", "OutcomeTree"]

MSGS = Messages({
    "not_done": ("未完成", "not done"),
    "task": ("任务 {i}：{task}", "Task {i}: {task}"),
    "title": ("大客户动销学习成果树", "Learning-outcome tree"),
    "err_answers": ("answers_by_module 应是 {{'m02': {{'q5': 'C18', ...}}, ...}} 形式的字典（或 collect_answers(...) 的结果），收到 {type}。",
                    "answers_by_module must be a dict such as {{'m02': {{'q5': 'C18', ...}}, ...}} (or the result of "
                    "collect_answers(...)); got {type}."),
    "err_module_answers": ("answers_by_module[{module!r}] 应是 {{题号: 答案}} 的字典，收到 {type}。",
                           "answers_by_module[{module!r}] must be a dict {{question: answer}}; got {type}."),
})


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
    not_done = MSGS.label("not_done")
    rows: list[dict[str, Any]] = [{"node": "course", "parent": None, "label": localized(*COURSE_TITLE),
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
