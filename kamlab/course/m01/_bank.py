"""m01 question bank: the questions with their points, prompts, hints and checks.

Examples
--------
>>> BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6']
"""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._case import MODULE, TODAY
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5


BANK = QuestionBank(
    module=MODULE,
    title=("岗位认知升维：从服务心态到生意思维", "Role: from service mindset to business mindset"),
    datasets=(),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("按顺序写出大客户全周期经营的六个环节。", "List the six stages of the full cycle in order."),
            check=_check_q1,
            hint=("全周期从“选对客户”开始，到“用数据复盘”结束；中间是先找机会、再整合资源、再谈协议、再落地执行。",
                  "The cycle starts with picking the right accounts and ends with the data review; in between: "
                  "find opportunities, pool resources, negotiate the agreement, execute in the stores."),
        ),
        Question(
            key="q2", points=2,
            prompt=("每个环节主要服务岗位价值的哪个维度？", "Which value dimension does each stage mainly serve?"),
            check=_check_q2,
            hint=("客户价值挖掘 = 需求洞察、机会捕捉；内部资源协同 = 跨部门联动、资源整合；动销结果保障 = 执行推动、复盘优化。",
                  "Customer value discovery = need insight, opportunity capture; internal resource coordination = "
                  "cross-department work, resource integration; sell-through results = execution push, review."),
        ),
        Question(
            key="q3", points=2,
            prompt=("为自己在六个环节的实际做法打分（1–5），画出自评雷达图。",
                    "Score your own practice in the six stages (1-5) and draw the radar chart."),
            check=_check_q3,
            hint=("用 kl.selfassess.assess({环节: 分数, ...})，六个环节都要打分；如实打分，至少两个环节低于 5 分。",
                  "Use kl.selfassess.assess({stage: score, ...}) with all six stages; score honestly, at least "
                  "two stages below 5."),
        ),
        Question(
            key="q4", points=2,
            prompt=("找出你在全周期经营中的 2 个核心盲区。", "Find your 2 core blind spots in the full cycle."),
            check=_check_q4,
            hint=("盲区 = 重要程度与实际做法差距最大的环节：q3.blind_spots(2)。",
                  "A blind spot is a stage with the largest gap between importance and practice: q3.blind_spots(2)."),
        ),
        Question(
            key="q5", points=3,
            prompt=("为每个盲区制定一条即时改进动作（负责人、30 天内的完成日期、可衡量的标准）。",
                    "Set one immediate action per blind spot (owner, due within 30 days, a measurable check)."),
            check=_check_q5,
            hint=(f"用 kl.selfassess.improvement_plan([...], q3, today=kl.course.m01.TODAY)；完成日期在 {TODAY} 后 30 天内，"
                  "衡量标准里写一个数字。",
                  f"Use kl.selfassess.improvement_plan([...], q3, today=kl.course.m01.TODAY); due within 30 days "
                  f"after {TODAY}, and put a number in the check."),
        ),
        Question(
            key="q6", points=3,
            prompt=("用三四句话描述你负责的客户里“重签约轻经营 → 动销差 → 签约难”的恶性循环，以及你的两个盲区怎样加剧了它。",
                    "In three or four sentences: describe the vicious circle (sign, then neglect → poor sell-through "
                    "→ harder to sign) in your own accounts, and how your two blind spots feed it."),
            check=None, manual=True,
        ),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
