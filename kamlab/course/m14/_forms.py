"""The widget forms of m14: the steps, the modes, the co-visit planner, the debrief record and the quiz."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from ..._dates import blank, parse_date
from ...covisit import MODES, PREPARATION, QUIZ, STEPS, debrief, plan_visit
from ...widgets import AnswerForm, TableEditor, literal, match_quiz, multi_select, order_quiz
from ._case import MSGS, SITUATIONS, TODAY
from ._charts import chart_with_notes
from ._model import plan_or_none

__all__ = ["steps_form", "modes_form", "plan_form", "debrief_form", "quiz_form"]

_CALL_COLUMNS = ("customer", "time", "mode", "objective")
_ITEM_COLUMNS = ("action", "owner", "due")
_START_TIMES = ("09:00", "10:30", "13:30", "15:00", "", "")


def steps_form() -> AnswerForm:
    """Exercise 1: four drop-downs, one per step.

    Examples
    --------
    >>> form = steps_form()
    >>> form.controls["1"].value = "拜访前的准备"
    >>> form.line
    'q1 = ["拜访前的准备", None, None, None]'
    """
    mixed = [STEPS[i] for i in (2, 0, 3, 1)]        # a fixed shuffled order: the list does not give it away
    return order_quiz([(s.name, s.zh) for s in mixed], 4, key="q1", title=MSGS("steps_title"),
                      labels=[MSGS("step", n=n) for n in range(1, 5)], blank=(MSGS("pick"), ""))


def modes_form() -> AnswerForm:
    """Exercise 2: for each situation, 示范 or 观察.

    Examples
    --------
    >>> form = modes_form()
    >>> form.controls["S1"].value = "示范"
    >>> form.line.startswith('q2 = {"S1": "示范", "S2": None')
    True
    """
    return match_quiz([code for code, _, _ in SITUATIONS], [(m.name, m.zh) for m in MODES], key="q2",
                      title=MSGS("modes_title"), blank=(MSGS("pick"), ""))


def _plan_values(v: Mapping[str, Any]) -> dict[str, Any]:
    calls = [{c: ("" if r.get(c) is None else r.get(c)) for c in _CALL_COLUMNS} for r in v["calls"]
             if not all(blank(r.get(c)) for c in ("customer", "mode", "objective"))]
    return {"distributor": v["distributor"], "rep": v["rep"], "date": v["date"],
            "preparation": list(v["preparation"]), "calls": calls, "debrief": v["debrief"]}


def plan_form() -> AnswerForm:
    """Exercise 3: the co-visit planner — header fields, the preparation checklist and a table of calls.

    The day's timeline and the plan's problems follow every change; empty
    rows of the table are left out.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = plan_form()
    ...     form.controls["distributor"].value = "浙瑞医药商业"
    ...     form.controls["calls"].cells[0]["customer"].value = "五一店"
    >>> form.line.startswith('q3 = kl.covisit.plan_visit({"distributor": "浙瑞医药商业", "rep": "", ')
    True
    >>> '"calls": [{"customer": "五一店", "time": "09:00", "mode": "", "objective": ""}]' in form.line
    True
    >>> form.line.endswith('}, today=kl.course.m14.TODAY)')
    True
    """

    def text(key: str) -> w.Text:
        return w.Text(value="", description=MSGS(key), layout={"width": "460px"},
                      style={"description_width": "150px"})

    prep = multi_select([(p.name, p.code) for p in PREPARATION], (), label=MSGS("preparation"), rows=4)
    calls = TableEditor([{"time": t} for t in _START_TIMES], list(_CALL_COLUMNS),
                        labels={c: MSGS(c) for c in _CALL_COLUMNS})
    controls = {"distributor": text("distributor"), "rep": text("rep"), "date": text("date"),
                "preparation": prep, "calls": calls, "debrief": text("debrief")}

    def line(v: dict[str, Any]) -> str:
        return f"q3 = kl.covisit.plan_visit({literal(_plan_values(v))}, today=kl.course.m14.TODAY)"

    def draw(v: dict[str, Any]) -> None:
        chart_with_notes(plan_visit(_plan_values(v), today=TODAY), "ok_plan")

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("plan_title", today=TODAY))


def _debrief_values(v: Mapping[str, Any]) -> dict[str, Any]:
    items = [{c: ("" if r.get(c) is None else r.get(c)) for c in _ITEM_COLUMNS} for r in v["improvements"]
             if not all(blank(r.get(c)) for c in _ITEM_COLUMNS)]
    return {"date": v["date"], "well": v["well"], "improve": v["improve"], "improvements": items,
            "next_covisit": v["next"]}


def debrief_form(q3: Any = ...) -> AnswerForm:
    """Exercise 4: the debrief record; the date starts as the debrief day of your plan (exercise 3).

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = debrief_form(...)
    ...     form.controls["well"].value = "开场先问店长的困难"
    >>> form.line.startswith('q4 = kl.covisit.debrief({"date": "", "well": "开场先问店长的困难", ')
    True
    """
    plan = plan_or_none(q3)
    day = parse_date(plan.debrief, with_time=True) if plan is not None and plan.debrief else None

    def text(key: str, value: str = "") -> w.Text:
        return w.Text(value=value, description=MSGS(key), layout={"width": "640px"},
                      style={"description_width": "150px"})

    items = TableEditor([{}, {}, {}], list(_ITEM_COLUMNS), labels={c: MSGS(c) for c in _ITEM_COLUMNS})
    controls = {"date": text("rec_date", day.isoformat() if day else ""), "well": text("well"),
                "improve": text("improve"), "improvements": items, "next": text("next")}

    def line(v: dict[str, Any]) -> str:
        return f"q4 = kl.covisit.debrief({literal(_debrief_values(v))})"

    def draw(v: dict[str, Any]) -> None:
        chart_with_notes(debrief(_debrief_values(v), visit=plan), "ok_debrief")

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("debrief_title"))


def quiz_form() -> AnswerForm:
    """Exercise 5: 对 / 错 for each of the eight statements.

    Examples
    --------
    >>> form = quiz_form()
    >>> form.controls["T1"].value = False
    >>> form.line.startswith('q5 = {"T1": False, "T2": None')
    True
    """
    return match_quiz([q.code for q in QUIZ], [(MSGS("true"), True), (MSGS("false"), False)], key="q5",
                      title=MSGS("quiz_title"), blank=(MSGS("pick"), ""))
