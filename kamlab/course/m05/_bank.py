"""m05 question bank: the questions with their points, prompts, hints and checks.

Examples
--------
>>> BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']
"""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._case import CORE_TOP, DATASET, MIN_ROUNDS, MIN_TRADEABLE, MODULE
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5, _check_q6


BANK = QuestionBank(
    module=MODULE,
    title=("双赢协议谈判", "Win-win agreement negotiation"),
    datasets=(DATASET, "chains"),
    questions=(
        Question(
            key="q1", points=2.0,
            prompt=("把 8 个协议条款分成核心条款和可让步条款。",
                    "Sort the 8 agreement clauses into core and tradeable clauses."),
            check=_check_q1,
            hint=(f"用 kl.course.m05.split(clauses, top=..., extra=[...])；按我方权重最重要的前 {CORE_TOP} 个必须是核心，"
                  f"至少留 {MIN_TRADEABLE} 个可让步条款。",
                  f"Use kl.course.m05.split(clauses, top=..., extra=[...]); our {CORE_TOP} most important clauses "
                  f"must be core, and keep at least {MIN_TRADEABLE} tradeable.")),
        Question(
            key="q2", points=2.0,
            prompt=("估计对方（连锁）对每个条款的重视程度：对方权重，每个大于 0，合计 100。",
                    "Estimate how much the chain cares about each clause: their weights, each > 0, summing to 100."),
            check=_check_q2,
            hint=("8 个条款都要有权重，都大于 0；用 kl.course.m05.to_100({...}) 换算成合计 100。",
                  "Give all 8 clauses a weight > 0; kl.course.m05.to_100({...}) rescales them to sum to 100.")),
        Question(
            key="q3", points=2.0,
            prompt=("用你估计的对方权重建让步矩阵，找出纳什点方案。",
                    "Build the concession matrix with your estimate of their weights and find the Nash package."),
            check=_check_q3,
            hint=("m = kl.course.m05.matrix(clauses, their_weights=q2, core=q1)，再用 m.nash()。",
                  "m = kl.course.m05.matrix(clauses, their_weights=q2, core=q1), then m.nash().")),
        Question(
            key="q4", points=3.0,
            prompt=("提出你的协议方案，评估双方效用、桌上剩余的价值和违反的条款。",
                    "Make your proposal and evaluate both utilities, the value left on the table and violations."),
            check=_check_q4,
            hint=("每个条款选一个选项，用 kl.course.m05.assess(m, {...}) 评估。",
                  "Pick one option per clause and evaluate it with kl.course.m05.assess(m, {...}).")),
        Question(
            key="q5", points=2.0,
            prompt=("交换计划：我方先在哪两处让步，各换取对方哪一项让步？",
                    "Trade plan: where do we give first (two steps), and what do we get for each?"),
            check=_check_q5,
            hint=("用 m.trade_plan().head(2)：先让对方看重、我方不太看重的条款。",
                  "Use m.trade_plan().head(2): give first where they care more than we do.")),
        Question(
            key="q6", points=4.0,
            prompt=(f"角色扮演：记录谈判过程（至少 {MIN_ROUNDS} 轮），做到无交换不让步，成交方案不低于底线。",
                    f"Role play: log the negotiation (at least {MIN_ROUNDS} rounds), never concede without exchange, "
                    f"and close no clause below walk-away."),
            check=_check_q6,
            hint=("每一轮我方让步，同一轮或下一次我方让步之前，对方要有一项让步；用 kl.course.m05.review_log(m, [...]) 检查。",
                  "Each concession of ours needs one of theirs in the same round or before our next concession; "
                  "check it with kl.course.m05.review_log(m, [...]).")),
        Question(
            key="q7", points=3.0,
            prompt=("聚焦利益而非立场：你在角色扮演中发现了对方哪个立场背后的什么利益？你如何用开放选项回应？（讲师评分）",
                    "Interests, not positions: which interest did you find behind which of their positions, and "
                    "which option did you offer in response? (scored by the instructor)"),
            check=None, manual=True),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
