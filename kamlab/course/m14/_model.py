"""The helpers m14's answer cells call: the situations table, the trainee's plan and record, and the views."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..._i18n import localized
from ...covisit import DebriefResult, VisitPlan, check_quiz, debrief, plan_from_table, plan_visit, record_from_table
from ...grading import WrongType
from ._case import MSGS, SITUATIONS, TODAY
from ._charts import show_result

__all__ = ["situations_table", "plan_or_none", "plan_view", "debrief_view", "quiz_view"]


def situations_table() -> pd.DataFrame:
    """The situations of exercise 2 (without the answers).

    Examples
    --------
    >>> situations_table().index.tolist()
    ['S1', 'S2', 'S3', 'S4', 'S5', 'S6']
    """
    return pd.DataFrame({MSGS.label("col_situation"): [localized(*t) for _, t, _ in SITUATIONS]},
                        index=pd.Index([c for c, _, _ in SITUATIONS], name=""))


def as_plan_dict(answer: Any) -> dict[str, Any]:
    """The plan dict of a q3 answer: a VisitPlan, its table (what a notebook records), or the dict itself."""
    if isinstance(answer, VisitPlan):
        return answer.to_dict()
    table = answer.get("table") if isinstance(answer, Mapping) else answer
    if isinstance(table, pd.DataFrame):
        return plan_from_table(table)
    if isinstance(answer, Mapping):
        return dict(answer)
    raise WrongType("kl.covisit.plan_visit({...}, today=kl.course.m14.TODAY) 的结果",
                    "the result of kl.covisit.plan_visit({...}, today=kl.course.m14.TODAY)", answer)


def as_record_dict(answer: Any) -> dict[str, Any]:
    """The record dict of a q4 answer: a DebriefResult, its table (what a notebook records), or the dict itself."""
    if isinstance(answer, DebriefResult):
        return answer.to_dict()
    table = answer.get("table") if isinstance(answer, Mapping) else answer
    if isinstance(table, pd.DataFrame):
        return record_from_table(table)
    if isinstance(answer, Mapping):
        return dict(answer)
    raise WrongType("kl.covisit.debrief({...}) 的结果", "the result of kl.covisit.debrief({...})", answer)


def plan_or_none(q3: Any) -> VisitPlan | None:
    """The trainee's plan (exercise 3) checked on the course date, or None while it is not answered or malformed.

    Examples
    --------
    >>> from kamlab.course.m14 import EXAMPLE_PLAN
    >>> plan_or_none(...) is None
    True
    >>> plan_or_none(EXAMPLE_PLAN).ok
    False
    """
    if q3 is Ellipsis or q3 is None:
        return None
    try:
        return plan_visit(as_plan_dict(q3), today=TODAY)
    except (TypeError, ValueError, WrongType):
        return None


def plan_view(q3: Any) -> None:
    """Show a q3 plan: ✓ or its problems, then the day's timeline (a note while not answered).

    Examples
    --------
    >>> plan_view(...)
    先完成练习 3（协访计划）。
    """
    plan = plan_or_none(q3)
    if plan is None:
        print(MSGS("need_q3"))
        return None
    show_result(plan, "ok_plan")
    return None


def debrief_view(q4: Any) -> None:
    """Show a q4 record: ✓ or its problems, then the improvements' timeline (a note while not answered).

    Examples
    --------
    >>> debrief_view(...)
    先完成练习 4（总结记录）。
    """
    if q4 is Ellipsis or q4 is None:
        print(MSGS("need_q4"))
        return None
    try:
        rec = debrief(as_record_dict(q4))
    except (TypeError, ValueError, WrongType):
        print(MSGS("need_q4"))
        return None
    show_result(rec, "ok_debrief")
    return None


def quiz_view(q5: Any) -> pd.DataFrame | None:
    """The marked quiz of exercise 5 — your answer, right or not, and the explanation (None while not answered).

    Examples
    --------
    >>> quiz_view(...)
    先完成练习 5（误区测验）。
    >>> quiz_view({"T1": False})["正确"].tolist()[:2]
    ['✓', '✗']
    """
    if q5 is Ellipsis or q5 is None:
        print(MSGS("need_q5"))
        return None
    try:
        res = check_quiz(q5)
    except ValueError as err:
        print(err)
        return None
    t = res.table
    return pd.DataFrame({localized("误区", "misconception"): t["misconception"],
                         localized("你的答案", "your answer"): t["given"],
                         localized("正确", "right"): ["✓" if c else "✗" for c in t["correct"]],
                         localized("解析", "explanation"): t["explanation"]}, index=t.index)
