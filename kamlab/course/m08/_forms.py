"""m08 forms: one widget form per exercise, each writing the answer line and drawing live.

Examples
--------
>>> _plan_line({"tasks": [], "checkpoints": []})
'q3 = {"tasks": [], "checkpoints": []}'
"""

from __future__ import annotations

import re
from typing import Any

import ipywidgets as w
from IPython.display import display

from ..._i18n import localized
from ...actionplan import LAYERS, MODULES, ActionPlan, module_title
from ...widgets import AnswerForm, TableEditor, literal, match_quiz, multi_select, text_answer
from ._case import CANDIDATES, K, TODAY
from ._messages import MSGS
from ._model import _report, candidate_text, candidates_table, coverage_chart


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
    return f"q3 = {literal(value)}"


def plan_form() -> Any:
    """Exercise 3: a table of 3 tasks and the monthly review dates; the problems and the Gantt chart follow.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = plan_form()
    ...     row = form.controls["tasks"].cells[0]
    ...     row["task"].value, row["module"].value = "C34 补铺", "m07"
    ...     form.controls["checkpoints"].value = "2026-11-30, 2026-12-31"
    >>> form.line.startswith('q3 = {"tasks": [{"task": "C34 补铺", "module": "m07", "finding": ""')
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


def candidates_form() -> Any:
    """Exercise 2: the six draft tasks as a table; tick the ones that are not 落地任务.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = candidates_form()
    >>> form.line, form.text.splitlines()[-1]
    ('q2 = []', '已勾选 0 项：—')
    >>> form.controls["tasks"].tick(["T2"]); form.line
    'q2 = ["T2"]'
    """
    control = multi_select([(f"{c['id']} {candidate_text(c, 'task')}", c["id"]) for c in CANDIDATES],
                           label=MSGS("candidates_pick"))
    table = candidates_table()

    def draw(v: dict[str, Any]) -> None:
        display(table)
        ticked = list(v["tasks"])
        print(MSGS("ticked", n=len(ticked), items="、".join(ticked) or "—"))

    return AnswerForm({"tasks": control}, line=lambda v: "q2 = " + literal(list(v["tasks"])), draw=draw,
                      title=MSGS("candidates_title"))


def coverage_form(plan: Any) -> Any:
    """Exercise 4: the three layers with your plan's tasks marked; tick the layers your plan covers.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = coverage_form({"tasks": [{"task": "C34 补铺", "module": "m07"}], "checkpoints": []})
    >>> form.line
    'q4 = []'
    >>> form.controls["layers"].tick(["优化层"]); form.line, form.text
    ('q4 = ["优化层"]', '已勾选 1 项：优化层')
    """
    control = multi_select([(layer.name, layer.zh) for layer in LAYERS], label=MSGS("coverage_pick"))

    def draw(v: dict[str, Any]) -> None:
        coverage_chart(plan)
        ticked = list(v["layers"])
        print(MSGS("ticked", n=len(ticked), items=localized("、", ", ").join(ticked) or "—"))

    return AnswerForm({"layers": control}, line=lambda v: "q4 = " + literal(list(v["layers"])), draw=draw)


def text_form(key: str = "q5") -> Any:
    """Exercise 5: a text box; writes ``q5 = "..."`` with the text safely quoted.

    Examples
    --------
    >>> form = text_form()
    >>> form.controls["text"].value = "每月底分享"
    >>> form.line
    "q5 = '每月底分享'"
    """
    return text_answer(key, placeholder=MSGS("text"))
