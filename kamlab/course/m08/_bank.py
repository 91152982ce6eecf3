"""m08 question bank: the questions with their points, prompts, hints and checks.

Examples
--------
>>> BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5']
"""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._case import MODULE, TODAY
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4


BANK = QuestionBank(
    module=MODULE,
    title=("课程总结与行动规划", "Course summary and action plan"),
    datasets=(),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("把 m01–m07 七个模块放进三层：基础层、执行层、优化层。",
                    "Place the modules m01-m07 in the three layers: base, execution, optimisation."),
            check=_check_q1,
            hint=("基础层 = 先明确岗位定位、再锁定高价值客户；执行层 = 需求机会 → 策略与资源 → 协议 → 总部到门店；"
                  "优化层 = 数据监测、深挖根源。",
                  "Base = the role first, then the high-value accounts; execution = needs and opportunities → "
                  "strategy and resources → agreement → HQ to store; optimisation = data monitoring and root causes."),
        ),
        Question(
            key="q2", points=4,
            prompt=("写出 3 个月内的 3 项核心落地任务（模块依据、负责人、可衡量成果、日期）和每月的进展分享日。",
                    "Write your 3 core tasks for the next 3 months (module finding, owner, measurable result, "
                    "dates) and the monthly progress-sharing dates."),
            check=_check_q2,
            hint=(f"每项任务写明来自哪个模块（m01–m07）和针对的发现；成果里写数字；完成日期在 {TODAY} 后 90 天内；"
                  "3 个月每月至少一个分享日。",
                  f"Each task names its module (m01-m07) and the finding it acts on; a number in the result; due "
                  f"within 90 days after {TODAY}; at least one sharing date in each of the 3 months."),
        ),
        Question(
            key="q3", points=2,
            prompt=("每项任务来自哪个模块？你的计划覆盖了三层吗？没覆盖的层说明原因。",
                    "Which module does each task draw on? Does your plan cover the three layers? Say why for a "
                    "layer left out."),
            check=_check_q3,
            hint=("模块要和练习 2 计划里的一致；三层都覆盖最好，否则在 why 里用一句话说明原因。",
                  "The modules must match your exercise-2 plan; covering all three layers is best, otherwise "
                  "say why in one sentence in 'why'."),
        ),
        Question(
            key="q4", points=2,
            prompt=("画出你的学习成果树：课程 → 三层 → 模块 → 你在每个模块的成果。",
                    "Draw your learning-outcome tree: course → three layers → modules → your result in each."),
            check=_check_q4,
            hint=("用 kl.actionplan.outcome_tree(kl.actionplan.collect_answers(answers_folder), plan=q2)。",
                  "Use kl.actionplan.outcome_tree(kl.actionplan.collect_answers(answers_folder), plan=q2)."),
        ),
        Question(
            key="q5", points=3,
            prompt=("写下你的承诺：三个月后你要看到什么结果？你会在交流小组里怎样每月分享进展？",
                    "Write your commitment: what result will you see in three months, and how will you share "
                    "progress in the study group every month?"),
            check=None, manual=True,
        ),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
