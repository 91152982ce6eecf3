"""m08 forms: one widget form per exercise, each writing the answer line and drawing live.

Examples
--------
>>> _plan_line({"tasks": [], "checkpoints": []})
'q2 = {"tasks": [], "checkpoints": []}'
"""

from __future__ import annotations

import re
from typing import Any

import ipywidgets as w

from ...actionplan import LAYERS, MODULES, ActionPlan, module_title, outcome_tree, summary_layers
from ...widgets import AnswerForm, TableEditor, dropdown, literal, match_quiz
from ._case import K, TODAY
from ._messages import MSGS
from ._model import _report, plan_or_none


def layers_form() -> Any:
    """Exercise 1: one drop-down per module m01–m07: its layer.

    Examples
    --------
    >>> form = layers_form()
    >>> form.controls["m07"].value = "优化层"
    >>> form.line.endswith('"m07": "优化层"}')
    True
    """
    return match_quiz({m: f"{m} {module_title(m)}" for m in MODULES}, [(layer.name, layer.zh) for layer in LAYERS],
                      key="q1", title=MSGS("layers_title"), blank=(MSGS("pick"), ""))


_PLAN_COLUMNS = ("task", "module", "finding", "owner", "measure", "start", "due")
_SPLIT = re.compile(r"[,，、;；\s]+")


def _plan_value(v: dict[str, Any]) -> dict[str, Any]:
    tasks = [{c: ("" if r.get(c) is None else r.get(c)) for c in _PLAN_COLUMNS} for r in v["tasks"]]
    text = str(v["checkpoints"] or "")
    return {"tasks": tasks, "checkpoints": [s for s in _SPLIT.split(text) if s]}


def _plan_line(value: dict[str, Any]) -> str:
    return f"q2 = {literal(value)}"


def plan_form() -> Any:
    """Exercise 2: a table of 3 tasks and the monthly review dates; the problems and the Gantt chart follow.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = plan_form()
    ...     row = form.controls["tasks"].cells[0]
    ...     row["task"].value, row["module"].value = "C34 补铺", "m07"
    ...     form.controls["checkpoints"].value = "2026-11-30, 2026-12-31"
    >>> form.line.startswith('q2 = {"tasks": [{"task": "C34 补铺", "module": "m07", "finding": ""')
    True
    >>> form.line.endswith('"checkpoints": ["2026-11-30", "2026-12-31"]}')
    True
    """
    editor = TableEditor([{} for _ in range(K)], list(_PLAN_COLUMNS), labels={c: MSGS(c) for c in _PLAN_COLUMNS})
    checkpoints = w.Text(value="", description=MSGS("checkpoints"), placeholder="2026-11-30, 2026-12-31, 2027-01-29",
                         layout={"width": "460px"}, style={"description_width": "150px"})

    def draw(v: dict[str, Any]) -> None:
        value = _plan_value(v)
        plan = ActionPlan(value)
        if value["checkpoints"] or any(str(x).strip() for t in value["tasks"] for x in t.values()):
            print(_report(plan))   # nothing to list while the table is still empty
        plan.plot(today=TODAY)

    return AnswerForm({"tasks": editor, "checkpoints": checkpoints}, line=lambda v: _plan_line(_plan_value(v)),
                      draw=draw, title=MSGS("plan_title", today=TODAY))


def modules_form(q2: Any) -> Any:
    """Exercise 3: for each task of your plan, the module it draws on; a reason if a layer is left out.

    Examples
    --------
    >>> import contextlib, io
    >>> plan = {"tasks": [{"task": "C34 补铺", "module": "m07"}], "checkpoints": []}
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = modules_form(plan)
    >>> form.line
    'q3 = {"modules": {"C34 补铺": "m07"}, "why": ""}'
    """
    plan = plan_or_none(q2)
    tasks = [str(t["task"] or "").strip() for t in plan.tasks] if plan is not None else []
    tasks = [t or MSGS("task_n", i=i) for i, t in enumerate(tasks, start=1)] or \
        [MSGS("task_n", i=i) for i in range(1, K + 1)]
    preset = [t["module"] if t["module"] in MODULES else "" for t in plan.tasks] if plan is not None else []
    preset += [""] * (len(tasks) - len(preset))
    options = [(MSGS("pick"), "")] + [(f"{m} {module_title(m)}", m) for m in MODULES]
    controls: dict[str, Any] = {t: dropdown(options, p, label=t[:14]) for t, p in zip(tasks, preset)}
    controls["why"] = w.Text(value="", description=MSGS("why"), layout={"width": "460px"},
                             style={"description_width": "150px"})
    names = list(tasks)

    def line(v: dict[str, Any]) -> str:
        return "q3 = " + literal({"modules": {t: v[t] or None for t in names}, "why": v["why"]})

    def draw(v: dict[str, Any]) -> None:
        if plan is None:
            print(MSGS("need_q2"))
        marks = {}
        for i, t in enumerate(names, start=1):
            if v[t]:
                marks[v[t]] = (marks.get(v[t], "") + f" {i}").strip()
        summary_layers().plot(highlight={m: MSGS("task_n", i=n) for m, n in marks.items()})

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("modules_title"))


def tree_form(collected: Any, q2: Any) -> Any:
    """Exercise 4: the outcome tree from your collected answers, with or without your plan's tasks.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = tree_form(kl.actionplan.collect_answers("/nonexistent"), ...)
    >>> form.line
    'q4 = kl.actionplan.outcome_tree(kl.actionplan.collect_answers(answers_folder), plan=q2, account=account)'
    """
    choice = dropdown([(MSGS("with_plan"), True), (MSGS("without_plan"), False)], True, label=MSGS("show"))

    def line(v: dict[str, Any]) -> str:
        plan = ", plan=q2" if v["plan"] else ""
        return f"q4 = kl.actionplan.outcome_tree(kl.actionplan.collect_answers(answers_folder){plan}, account=account)"

    def draw(v: dict[str, Any]) -> None:
        outcome_tree(collected, plan=plan_or_none(q2) if v["plan"] else None).plot()

    return AnswerForm({"plan": choice}, line=line, draw=draw, title=MSGS("tree_title"))
