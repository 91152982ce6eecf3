"""The question bank of m14: the questions with their prompts, hints, checks and wrong decisions."""

from __future__ import annotations

import copy
from typing import Any

from ...grading import Distractor, Question, QuestionBank, register_bank
from ._case import MODULE
from ._checks import check_q1, check_q2, check_q3, check_q4, check_q5

__all__ = ["BANK"]

#: A sound plan (the solution's) the distractors of exercise 3 spoil one seed rule at a time.
_PLAN: dict[str, Any] = {
    "distributor": "浙瑞医药商业", "rep": "业务员 李强", "date": "2026-11-12",
    "preparation": ["customer_info", "customer_issues", "agree_plan", "materials"],
    "calls": [{"customer": "浙仁堂连锁 解放店", "time": "09:00", "mode": "示范", "objective": "店长同意新品进 2 个单品"},
              {"customer": "浙和药店 延安店", "time": "10:30", "mode": "观察", "objective": "约定店员培训 1 次"},
              {"customer": "浙安大药房 庆春店", "time": "13:30", "mode": "观察", "objective": "拿到 12 月堆头 1 个"}],
    "debrief": "2026-11-12 17:00"}
#: A sound debrief record for that plan.
_RECORD: dict[str, Any] = {
    "date": "2026-11-12", "well": "开场先问店长的困难", "improve": "没有主动提陈列要求",
    "improvements": [{"action": "每次拜访结束前提 1 个陈列要求", "owner": "业务员 李强", "due": "2026-11-26"}],
    "next_covisit": "2026-12-10"}


def _plan(**change: Any) -> dict[str, Any]:
    plan = copy.deepcopy(_PLAN)
    mode = change.pop("mode", None)
    objective = change.pop("objective", None)
    for call in plan["calls"]:
        if mode:
            call["mode"] = mode
        if objective:
            call["objective"] = objective
    return {**plan, **change}


def _record(**change: Any) -> dict[str, Any]:
    return {**copy.deepcopy(_RECORD), **change}


_STEPS = ("拜访前的准备", "设定拜访目标", "实施拜访", "拜访后总结")

BANK = QuestionBank(
    module=MODULE,
    title=("与经销商协同拜访", "Co-visits with a distributor's rep"),
    datasets=(),
    questions=(
        Question(
            key="q1", points=2, on="seen",
            prompt=("按顺序写出协同拜访的四个步骤。", "List the four steps of a co-visit in order."),
            check=check_q1,
            hint=("协访四步走（讲义“协访四步走”）：拜访前先和经销商沟通、做准备；目标要在拜访之前和经销商共同确定；"
                  "拜访之后一起总结。",
                  "The four steps in the handout: talk to the distributor and prepare before the calls; agree the "
                  "objectives with the distributor before visiting; debrief together afterwards."),
            distractors=(
                Distractor([_STEPS[0], _STEPS[2], _STEPS[1], _STEPS[3]],
                           ("先去拜访，看情况再定目标", "visit first, set the objectives as you go")),
                Distractor([_STEPS[1], _STEPS[0], _STEPS[2], _STEPS[3]],
                           ("先定目标，准备可有可无", "objectives first, preparation is optional")),
            )),
        Question(
            key="q2", points=2, on="seen", read=True,
            prompt=("读六个情境，各该用示范式还是观察式？", "Read the six situations: demonstration or observation for each?"),
            check=check_q2,
            hint=("示范式由厂家主导，目标是解决客户的问题；观察式由经销商业务员主导，目标是发现业务员在客户沟通中的问题、"
                  "提高经销商的能力（讲义“设定拜访目标”“实施拜访”）。",
                  "Demonstration: the manufacturer leads, to solve the customer's problem. Observation: the rep "
                  "leads, to find the rep's problems with customers and build the distributor's ability; see the "
                  "handout's steps two and three."),
            distractors=(
                Distractor({f"S{i}": "示范" for i in range(1, 7)},
                           ("协访就是厂家做给业务员看，大包大揽", "a co-visit is the manufacturer showing off, doing it all")),
                Distractor({f"S{i}": "观察" for i in range(1, 7)},
                           ("协访就是监督业务员", "a co-visit is supervising the rep")),
            )),
        Question(
            key="q3", points=3,
            prompt=("制定一天的协访计划：准备清单、每家客户的时间、方式和可衡量的目标、拜访后总结。",
                    "Plan a co-visit day: preparation, each call's time, mode and measurable objective, the debrief."),
            check=check_q3,
            hint=("计划写下协访的前两步（讲义“协访四步走”）：准备四项都要做；每家客户和经销商共同定一个要达到的结果，"
                  "写出数字；示范和观察都要有，全天示范就是大包大揽；拜访之后安排总结。表单里的课程建议不扣分。",
                  "The plan writes down the first two steps in the handout: all four preparation items; for each "
                  "call a result agreed with the distributor, with a number; both modes, since a day of "
                  "demonstrations does the rep's job; a debrief after the calls. The form's course recommendations "
                  "cost no points."),
            distractors=(
                Distractor(_plan(mode="示范"), ("协访就是厂家示范，全天大包大揽", "the manufacturer demonstrates all day")),
                Distractor(_plan(preparation=[]), ("不用准备，临时拉上业务员就去", "no preparation, just take the rep along")),
                Distractor(_plan(objective="加强客情关系"), ("目标写“加强沟通”就行，不必说清结果",
                                                        "an objective such as 'better relations' is enough")),
                Distractor(_plan(debrief=""), ("拜访完就结束，不用总结", "the calls are the end, no debrief")),
            )),
        Question(
            key="q4", points=3,
            prompt=("写下拜访后总结：做得好的、需要改进的、商定的改善措施（负责人、完成日期）和下次协访日期。",
                    "Write the debrief: what went well, what to improve, agreed improvements (owner, due date) and "
                    "the next co-visit."),
            check=check_q4,
            hint=("拜访后总结要和经销商达成共识、提出改善措施（讲义“拜访后总结”）：先肯定做得好的，再谈改进；"
                  "每条措施有人负责、有完成日期，下次协访时检查；总结记在计划里安排的那一天。",
                  "The debrief reaches agreement with the distributor and sets improvements, see the handout's "
                  "step four: first what went well, then what to improve; every measure has an owner and a due date "
                  "and is checked at the next co-visit; the record falls on the day the plan set."),
            distractors=(
                Distractor(_record(improvements=[]), ("总结就是聊聊感受，不用落实措施", "a debrief is a chat, no measures")),
                Distractor(_record(well=""), ("只挑毛病，吹毛求疵", "only find fault")),
                Distractor(_record(improvements=[{"action": "提陈列要求", "owner": "", "due": ""}]),
                           ("措施说了就算，不定负责人和日期", "a measure said is a measure done, no owner, no date")),
            )),
        Question(
            key="q5", points=2, on="seen", read=True,
            prompt=("读八个说法，判断是否正确（四大误区）。", "Read the eight statements and judge each (the four "
                                                          "misconceptions)."),
            check=check_q5,
            hint=("对照四大误区的“澄清”（讲义：不是监督、不抢客户、不重形式、不只发货）：符合澄清的说法为对，"
                  "把误区当成事实的说法为错。",
                  "Compare each statement with the clarifications of the four misconceptions in the handout: not "
                  "supervision, not taking customers, not a formality, not only shipping. A statement that matches "
                  "a clarification is true; one that states the misconception as fact is false."),
            distractors=(
                Distractor({f"T{i}": True for i in range(1, 9)}, ("听起来有道理的都对", "whatever sounds right is true")),
                Distractor({f"T{i}": False for i in range(1, 9)}, ("协访做不做都一样，说它有用的都是空话",
                                                                  "co-visits change nothing; any claim they help is "
                                                                  "empty")),
            )),
        Question(
            key="q6", points=3,
            prompt=("用三四句话写下：下一次协访你会有什么不同的做法？为什么？（讲师评分）",
                    "In three or four sentences: what will you do differently on your next co-visit, and why? "
                    "(scored by the instructor)"),
            check=None, manual=True,
            rubric=("讲师看三点：① 至少一处做法对应讲义的四步走或四大误区（如事先和经销商共同定目标、观察式让业务员主导、"
                    "当场商定改善措施）；② 说清为什么（帮经销商解决问题、提高能力，而不是监督或抢客户）；"
                    "③ 可以落实：有具体的时间、对象或数字。",
                    "The instructor looks for: (1) at least one change tied to the four steps or the four "
                    "misconceptions (agreeing objectives with the distributor beforehand, letting the rep lead an "
                    "observation call, agreeing improvements on the spot); (2) why (to solve the distributor's "
                    "problems and build its ability, not to supervise or take customers); (3) it can be done: a "
                    "time, a customer or a number.")),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
