"""The case of m14: the course date, the situations of exercise 2, the worked example plan, the messages."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..._dates import COURSE_TODAY
from ..._i18n import Messages, localized

__all__ = ["MODULE", "TODAY", "SITUATIONS", "EXAMPLE_PLAN", "MSGS"]

#: Module id.
MODULE = "m14"
#: Fixed course date (as m01 and m07): a plan's co-visit date must not be before it.
TODAY = COURSE_TODAY.isoformat()

#: Situations for exercise 2: (code, (zh, en), the mode that fits).
SITUATIONS: tuple[tuple[str, tuple[str, str], str], ...] = (
    ("S1", ("新来的业务员还不熟悉我们的新品卖点，第一次带他去拜访连锁采购。",
            "A new rep does not yet know the new product's selling points; the first call on a chain buyer together."),
     "demonstration"),
    ("S2", ("业务员跑这家药店一年了，你想看看他的拜访技巧还有哪些问题。",
            "The rep has served this pharmacy for a year; you want to see what his calls still lack."), "observation"),
    ("S3", ("店长提出一个业务员答不上来的专业问题：新品和竞品到底有什么区别。",
            "The store manager asks a question the rep cannot answer: how does the new product differ from the rival?"),
     "demonstration"),
    ("S4", ("上个月你示范过新品推介，这次想看业务员能不能自己用上。",
            "Last month you demonstrated the new-product pitch; now you want to see if the rep can use it alone."),
     "observation"),
    ("S5", ("公司刚推出新的推广方案，需要向客户讲清厂家的理念和主张。",
            "A new promotion plan is out and the manufacturer's ideas and positions must be explained to the customer."),
     "demonstration"),
    ("S6", ("经销商老板请你帮忙找出他的业务团队在客户沟通中的共性问题。",
            "The distributor's boss asks you to find the problems his sales team has in common with customers."),
     "observation"),
)


class _ExamplePlan(Mapping):
    """A read-only plan whose call objectives (free text) read in the current language."""

    def __init__(self, data: dict[str, Any], objectives: tuple[tuple[str, str], ...]) -> None:
        self._data, self._objectives = data, objectives

    def __getitem__(self, key: str) -> Any:
        if key == "calls":
            return [{**call, "objective": localized(*pair)}
                    for call, pair in zip(self._data["calls"], self._objectives)]
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return repr(dict(self))


#: The worked example of a co-visit plan (with two mistakes).  A read-only mapping: the
#: calls' objectives read in the current language (``dict(EXAMPLE_PLAN)`` gives a plain dict).
EXAMPLE_PLAN: Mapping[str, Any] = _ExamplePlan({
    "distributor": "浙瑞医药商业", "rep": "业务员 李强", "date": "2026-11-12",
    "preparation": ["了解拜访客户的详细资料", "准备产品、推广方案等物料"],
    "calls": [
        {"customer": "浙和药店 延安店", "time": "09:00", "mode": "观察", "objective": "看看业务员怎么谈"},
        {"customer": "浙仁堂连锁 解放店", "time": "10:30", "mode": "示范", "objective": "新品进 2 个单品"},
        {"customer": "浙安大药房 总部", "time": "14:00", "mode": "示范", "objective": "谈下 12 月堆头 1 个"},
    ],
    "debrief": "",
}, (("看看业务员怎么谈", "see how the rep talks"), ("新品进 2 个单品", "listing for 2 new SKUs"),
    ("谈下 12 月堆头 1 个", "1 floor display in December")))

#: Labels and notes of the forms and views.
MSGS = Messages({
    "pick": ("（请选择）", "(choose)"),
    "step": ("第 {n} 步", "Step {n}"),
    "true": ("对", "true"),
    "false": ("错", "false"),
    "steps_title": ("按顺序排列协同拜访的四个步骤", "Put the four steps of a co-visit in order"),
    "modes_title": ("每个情境该用哪种协访方式？", "Which mode suits each situation?"),
    "quiz_title": ("判断对错：四大误区", "True or false: the four misconceptions"),
    "plan_title": ("你的协访计划：{today} 之后的一天，2–6 家客户，每家一个可衡量的目标和方式",
                   "Your co-visit plan: one day after {today}, 2-6 calls, each with a measurable objective and a mode"),
    "debrief_title": ("拜访后总结记录：肯定、改进、商定的改善措施、下次协访",
                      "The debrief record: what went well, what to improve, agreed improvements, the next co-visit"),
    "distributor": ("经销商", "distributor"),
    "rep": ("经销商业务员", "distributor's rep"),
    "date": ("协访日期 YYYY-MM-DD", "date YYYY-MM-DD"),
    "debrief": ("总结时间 YYYY-MM-DD HH:MM", "debrief YYYY-MM-DD HH:MM"),
    "preparation": ("拜访前的准备（可多选）", "preparation (several)"),
    "customer": ("客户", "customer"),
    "time": ("时间 HH:MM", "time HH:MM"),
    "mode": ("方式：示范 / 观察", "mode: 示范 / 观察"),
    "objective": ("目标（含数字）", "objective (a number)"),
    "rec_date": ("总结日期 YYYY-MM-DD", "debrief date YYYY-MM-DD"),
    "well": ("做得好的", "what went well"),
    "improve": ("需要改进的", "what to improve"),
    "next": ("下次协访 YYYY-MM-DD", "next co-visit YYYY-MM-DD"),
    "action": ("改善措施", "improvement"),
    "owner": ("负责人", "owner"),
    "due": ("完成日期 YYYY-MM-DD", "due YYYY-MM-DD"),
    "ok_plan": ("✓ 计划完整。", "✓ The plan is complete."),
    "ok_debrief": ("✓ 总结记录完整。", "✓ The debrief record is complete."),
    "need_q3": ("先完成练习 3（协访计划）。", "Finish exercise 3 (the co-visit plan) first."),
    "need_q4": ("先完成练习 4（总结记录）。", "Finish exercise 4 (the debrief record) first."),
    "need_q5": ("先完成练习 5（误区测验）。", "Finish exercise 5 (the quiz) first."),
    "col_situation": ("情境", "situation"),
    "steps_chart": ("协同拜访四步走", "The four steps of a co-visit"),
})
