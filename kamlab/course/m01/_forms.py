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
from ..._i18n import localized
from ...widgets import AnswerForm, TableEditor, literal, match_quiz, multi_select, order_quiz, slider, still, text_answer
from ._case import K, TASKS, TODAY
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
    """Exercise 2: for each piece of work, the value dimension it belongs to (drop-downs start blank).

    Examples
    --------
    >>> form = dimension_form()
    >>> form.line.startswith('q2 = {"高层访谈": None')
    True
    >>> form.controls["月度数据复盘"].value = "动销结果保障"
    >>> '"月度数据复盘": "动销结果保障"' in form.line
    True
    """
    items = {key: localized(task.zh, task.en) for key, task in TASKS.items()}
    return match_quiz(items, [(d.name, d.zh) for d in DIMENSIONS], key="q2", title=MSGS("task_title"),
                      blank=(MSGS("pick"), ""))


def assess_form() -> Any:
    """Exercise 3: one slider (1–5) per stage, starting at 5 (no gap yet); the radar follows.

    The radar does not mark blind spots here: reading them is exercise 4.

    Examples
    --------
    >>> form = assess_form()
    >>> form.controls["核心数据复盘"].value = 2
    >>> form.line
    'q3 = kl.selfassess.assess({"合作客户精准筛选": 5, "信息收集与机会洞察": 5, "策略制定与资源整合": 5, "双赢协议谈判": 5, "终端动销执行": 5, "核心数据复盘": 2})'
    >>> form.text
    '差距 > 0 的环节：1 个'
    """
    controls = {s.zh: slider(5, 1, 5, 1, label=s.name) for s in selfassess.STAGES}

    def line(v: dict[str, Any]) -> str:
        return f"q3 = kl.selfassess.assess({literal({s.zh: v[s.zh] for s in selfassess.STAGES})})"

    def draw(v: dict[str, Any]) -> None:
        res = selfassess.assess(v)
        print(MSGS("gaps_now", n=int((res.table["gap"] > 0).sum())))
        res.plot(k=0)

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("assess_title"))


def blind_spots_form(q3: Any) -> Any:
    """Exercise 4: tick the 2 stages with the largest gap on your radar (check boxes start empty).

    Examples
    --------
    >>> import kamlab as kl
    >>> res = kl.selfassess.assess({"screening": 4, "insight": 2, "strategy": 3, "negotiation": 4,
    ...                             "execution": 3, "review": 2})
    >>> form = blind_spots_form(res)
    >>> form.line
    'q4 = []'
    >>> form.controls["stages"].tick(["信息收集与机会洞察", "核心数据复盘"])
    >>> form.line
    'q4 = ["信息收集与机会洞察", "核心数据复盘"]'
    >>> print(form.text)
    已勾选 2 个环节（要 2 个）
    · 信息收集与机会洞察：差距 3
    · 核心数据复盘：差距 3
    """
    res = assessment_or_none(q3)
    box = multi_select([(s.name, s.zh) for s in STAGES], label=MSGS("spots_title"))
    radar = still(lambda: res.plot(k=0))     # the radar does not follow the ticks: drawn once

    def draw(v: dict[str, Any]) -> None:
        if res is None:
            print(MSGS("need_q3"))
            return
        gaps = res.table["gap"]
        if float(gaps.max()) <= 0:
            print(MSGS("no_gap"))
        print(MSGS("ticked", n=len(v["stages"]), k=K))
        for name in v["stages"]:
            print(MSGS("ticked_gap", stage=selfassess.stage(name).name, gap=float(gaps[name])))
        radar()

    return AnswerForm({"stages": box}, line=lambda v: f"q4 = {literal(list(v['stages']))}", draw=draw)


def text_form() -> Any:
    """Exercise 6: a text box; the line quotes what you write.

    Examples
    --------
    >>> form = text_form()
    >>> form.controls["text"].value = "签约后没有经营"
    >>> form.line
    "q6 = '签约后没有经营'"
    """
    return text_answer("q6", placeholder=MSGS("text"))


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
    >>> form.line.startswith('q5 = [{"stage": "信息收集与机会洞察", "action": "门店走访", "owner": "张伟", "due": ""')
    True
    """
    spots = blind_spot_names(q3)
    rows = [{"stage": s} for s in spots] + [{"stage": ""} for _ in range(K - len(spots))]
    labels = {c: MSGS(c) for c in _PLAN_COLUMNS}
    editor = TableEditor(rows, list(_PLAN_COLUMNS), labels=labels)

    def items(v: dict[str, Any]) -> list[dict[str, Any]]:
        return [{c: ("" if r.get(c) is None else r.get(c)) for c in _PLAN_COLUMNS} for r in v["plan"]]

    def line(v: dict[str, Any]) -> str:
        return f"q5 = {literal(items(v))}"

    def draw(v: dict[str, Any]) -> None:
        res = assessment_or_none(q3)
        if res is None:
            print(MSGS("need_q3"))
            return
        plan = selfassess.improvement_plan(items(v), res, today=TODAY, k=K)
        print(MSGS("plan_ok") if plan.ok else "\n".join(f"✗ {m}" for m in plan.messages()))
        plan.plot()

    return AnswerForm({"plan": editor}, line=line, draw=draw, title=MSGS("plan_title", today=TODAY))
