"""m08 question bank: the questions with their points, prompts, hints, checks and wrong decisions.

Examples
--------
>>> BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...actionplan import LAYERS, MODULES, layer_of
from ...grading import Context, Distractor, Question, QuestionBank, register_bank
from ._case import MODULE, TODAY
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4

__all__ = ["BANK"]

_RIGHT = {m: next(layer.zh for layer in LAYERS if layer.code == layer_of(m)) for m in MODULES}


def _plan(ctx: Context, **changes: Any) -> dict[str, Any]:
    """The trainee's plan of exercise 3 with the first task changed (*changes*), or its checkpoints."""
    plan = ctx.answers.get("q3")
    plan = dict(plan) if isinstance(plan, Mapping) else {"tasks": [], "checkpoints": []}
    tasks = [dict(t) for t in plan.get("tasks", [])]
    if "checkpoints" in changes:
        return {**plan, "tasks": tasks, "checkpoints": changes.pop("checkpoints")}
    if tasks:
        tasks[0].update(changes)
    return {**plan, "tasks": tasks}


BANK = QuestionBank(
    module=MODULE,
    title=("课程总结与行动规划", "Course summary and action plan"),
    datasets=(),
    questions=(
        Question(
            key="q1", points=2, on="seen",
            prompt=("把 m01–m07 七个模块放进三层：基础层、执行层、优化层。",
                    "Place the modules m01-m07 in the three layers: base, execution, optimisation."),
            check=_check_q1,
            hint=("讲义 §八.1：基础层是动销管理的根基，先定岗位、再锁定客户；执行层把需求、策略、资源、执行连成链路，"
                  "从需求机会一直到总部到门店；优化层靠数据监测和深挖根源持续提升。",
                  "Handout section 8.1: the base layer is the foundation, the role first, then the accounts; the "
                  "execution layer links needs, strategy, resources and execution, from opportunities to HQ and "
                  "stores; the optimisation layer improves through data monitoring and root causes."),
            distractors=(
                Distractor({**_RIGHT, "m07": "执行层"}, ("数据复盘也是执行，归执行层", "reviewing data is execution too")),
                Distractor({**_RIGHT, "m04": "基础层"}, ("资源整合是根基，归基础层", "pooling resources is the "
                                                                                  "foundation")),
                Distractor({**_RIGHT, "m02": "执行层"}, ("筛选客户就是执行", "screening accounts is execution")),
            )),
        Question(
            key="q2", points=3, on="seen", read=True,
            prompt=("读学习小组的 6 项任务草稿：哪几项还不是合格的落地任务？",
                    "Read the study group's six draft tasks: which ones do not yet qualify as tasks to land?"),
            check=_check_q2,
            hint=(f"讲义 §八.2 的承诺是 3 个月内的 3 项核心落地任务。逐行看表里的负责人、可衡量成果、完成日期三列："
                  f"没有负责人、成果里没有数字、完成日期在 {TODAY} 起 3 个月以后的，都落不了地。",
                  f"The commitment of handout section 8.2 is 3 core tasks to land within 3 months. Read the owner, "
                  f"measurable result and due columns row by row: no owner, no number in the result, or due more "
                  f"than 3 months after {TODAY} cannot land."),
            distractors=(
                Distractor(["T2"], ("只有没写负责人才不合格", "only a task without an owner fails")),
                Distractor(["T2", "T3"], ("写了成果就算可衡量，不看有没有数字", "any stated result is measurable")),
                Distractor(["T2", "T5"], ("晚一点完成也算 3 个月计划", "finishing a bit later still counts")),
            )),
        Question(
            key="q3", points=4, on="seen",
            prompt=("写出 3 个月内的 3 项核心落地任务（模块依据、负责人、可衡量成果、日期）和每月的进展分享日。",
                    "Write your 3 core tasks for the next 3 months (module finding, owner, measurable result, "
                    "dates) and the monthly progress-sharing dates."),
            check=_check_q3,
            hint=(f"用练习 2 的三条标准写你自己的任务：每项写明来自哪个模块、针对哪个发现，有负责人，成果里有数字，"
                  f"完成日期在 {TODAY} 起 90 天内；交流小组每月至少一个分享日。表单会逐条列出还差什么。",
                  f"Write your own tasks by the three tests of exercise 2: each names its module and the finding "
                  f"it acts on, has an owner, a number in the result, and is due within 90 days after {TODAY}; "
                  f"at least one sharing date in each month. The form lists what is still missing."),
            distractors=(
                Distractor(lambda ctx: _plan(ctx, due="2027-03-15"), ("重要的事慢慢做，完成日期晚一点没关系",
                                                                    "important work can take longer than 3 months")),
                Distractor(lambda ctx: _plan(ctx, checkpoints=[]), ("计划定了就行，不用每月分享",
                                                                    "once planned, no monthly sharing is needed")),
                Distractor(lambda ctx: _plan(ctx, measure="明显提升"), ("成果写个方向就行", "a direction is a result")),
            )),
        Question(
            key="q4", points=2, on="seen", read=True,
            prompt=("读三层图上标出的你的任务：你的计划覆盖了哪几层？",
                    "Read your tasks marked on the three-layer chart: which layers does your plan cover?"),
            check=_check_q4,
            hint=("看图上哪些模块框被标了任务，再看这些框在哪一层的色带里（讲义 §八.1）。任务数多不等于层数多。",
                  "See which module boxes carry a task on the chart and in which layer's band they sit, handout "
                  "section 8.1. More tasks do not mean more layers."),
            distractors=(
                Distractor(["执行层"], ("只看任务最多的那一层", "only the layer with the most tasks counts")),
                Distractor(["基础层", "执行层"], ("数据复盘不算落地，优化层不用管", "data review is not landing work")),
            )),
        Question(
            key="q5", points=3,
            prompt=("写下你的承诺：三个月后你要看到什么结果？你会在交流小组里怎样每月分享进展？",
                    "Write your commitment: what result will you see in three months, and how will you share "
                    "progress in the study group every month?"),
            check=None, manual=True,
            rubric=("讲师看三点：① 三个月后的结果写成数字，和练习 3 的三项任务对得上；"
                    "② 每月在交流小组分享什么（数字进展、卡点、下月动作）、什么时候分享；"
                    "③ 计划没有覆盖的层，说清为什么这一季先不做。",
                    "The instructor looks for: (1) the result in three months as numbers that match the three "
                    "tasks of exercise 3; (2) what is shared in the study group each month (figures, blockers, "
                    "next month's actions) and when; (3) for a layer the plan leaves out, why it waits this "
                    "quarter.")),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
