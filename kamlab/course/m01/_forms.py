"""m01 forms: one widget form per exercise, each writing the answer line and drawing live.

Examples
--------
>>> order_form().line
'q1 = [None, None, None, None, None, None]'
"""

from __future__ import annotations

from typing import Any

from ... import selfassess
from ...selfassess import DIMENSIONS, STAGES
from ...widgets import AnswerForm, TableEditor, dropdown, literal, match_quiz, order_quiz, slider
from ._case import K, TODAY
from ._messages import MSGS
from ._model import assessment_or_none, blind_spot_names


def _stage_options() -> list[tuple[str, Any]]:
    # a fixed shuffled order, so the drop-down does not give the answer away
    mixed = [STAGES[i] for i in (3, 0, 5, 2, 4, 1)]
    return [(s.name, s.zh) for s in mixed]


def order_form() -> Any:
    """Exercise 1: six drop-downs, one per step of the cycle.

    Examples
    --------
    >>> form = order_form()
    >>> form.controls["1"].value = "合作客户精准筛选"
    >>> form.line
    'q1 = ["合作客户精准筛选", None, None, None, None, None]'
    """
    return order_quiz(_stage_options(), 6, key="q1", title=MSGS("order_title"),
                      labels=[MSGS("step", n=n) for n in range(1, 7)], blank=(MSGS("pick"), ""))


def dimension_form() -> Any:
    """Exercise 2: for each stage, the value dimension it serves.

    Examples
    --------
    >>> form = dimension_form()
    >>> form.controls["核心数据复盘"].value = "动销结果保障"
    >>> form.line.endswith('"核心数据复盘": "动销结果保障"}')
    True
    """
    return match_quiz({s.zh: s.name for s in STAGES}, [(d.name, d.zh) for d in DIMENSIONS], key="q2",
                      title=MSGS("dim_title"), blank=(MSGS("pick"), ""))


def assess_form() -> Any:
    """Exercise 3: one slider (1–5) per stage; the radar chart follows.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = assess_form()
    ...     form.controls["核心数据复盘"].value = 2
    >>> form.line
    'q3 = kl.selfassess.assess({"合作客户精准筛选": 3, "信息收集与机会洞察": 3, "策略制定与资源整合": 3, "双赢协议谈判": 3, "终端动销执行": 3, "核心数据复盘": 2})'
    """
    controls = {s.zh: slider(3, 1, 5, 1, label=s.name) for s in selfassess.STAGES}

    def line(v: dict[str, Any]) -> str:
        return f"q3 = kl.selfassess.assess({literal({s.zh: v[s.zh] for s in selfassess.STAGES})})"

    def draw(v: dict[str, Any]) -> None:
        selfassess.assess(v).plot(k=K)

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("assess_title"))


def blind_spots_form(q3: Any) -> Any:
    """Exercise 4: how many blind spots to mark; the radar shows them in red.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> res = kl.selfassess.assess(dict.fromkeys(kl.selfassess.STAGE_NAMES, 3))
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = blind_spots_form(res)
    >>> form.line
    'q4 = q3.blind_spots(2)'
    """
    res = assessment_or_none(q3)

    def draw(v: dict[str, Any]) -> None:
        if res is None:
            print(MSGS("need_q3"))
            return
        res.plot(k=v["k"])

    return AnswerForm({"k": dropdown([1, 2, 3], K, label=MSGS("k"))},
                      line=lambda v: f"q4 = q3.blind_spots({v['k']})", draw=draw, title=MSGS("spots_title"))


_PLAN_COLUMNS = ("stage", "action", "owner", "due", "measure")


def plan_form(q3: Any) -> Any:
    """Exercise 5: a small table, one row per blind spot; the timeline and the problems follow.

    The rows start with your blind spots (from exercise 3); fill in action,
    owner, due date and a measurable check.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> res = kl.selfassess.assess({"screening": 4, "insight": 2, "strategy": 3, "negotiation": 4,
    ...                             "execution": 3, "review": 2})
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = plan_form(res)
    ...     row = form.controls["plan"].cells[0]
    ...     row["action"].value, row["owner"].value = "门店走访", "张伟"
    >>> form.line.startswith('q5 = kl.selfassess.improvement_plan([{"stage": "信息收集与机会洞察", "action": "门店走访", "owner": "张伟", "due": ""')
    True
    >>> form.line.endswith('], q3, today=kl.course.m01.TODAY)')
    True
    """
    spots = blind_spot_names(q3)
    rows = [{"stage": s} for s in spots] + [{"stage": ""} for _ in range(K - len(spots))]
    labels = {c: MSGS(c) for c in _PLAN_COLUMNS}
    editor = TableEditor(rows, list(_PLAN_COLUMNS), labels=labels)

    def items(v: dict[str, Any]) -> list[dict[str, Any]]:
        return [{c: ("" if r.get(c) is None else r.get(c)) for c in _PLAN_COLUMNS} for r in v["plan"]]

    def line(v: dict[str, Any]) -> str:
        return f"q5 = kl.selfassess.improvement_plan({literal(items(v))}, q3, today=kl.course.m01.TODAY)"

    def draw(v: dict[str, Any]) -> None:
        res = assessment_or_none(q3)
        if res is None:
            print(MSGS("need_q3"))
            return
        plan = selfassess.improvement_plan(items(v), res, today=TODAY, k=K)
        print(MSGS("plan_ok") if plan.ok else "\n".join(f"✗ {m}" for m in plan.messages()))
        plan.plot()

    return AnswerForm({"plan": editor}, line=line, draw=draw, title=MSGS("plan_title", today=TODAY))
