"""The question bank of m04: the questions, their points, prompts, hints and checks."""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._checks import _check_q1, _check_q2, _check_q3

BANK = QuestionBank(
    module="m04",
    title=("策略制定与资源整合", "Strategy and resource integration"),
    datasets=("needs", "chains"),
    questions=(
        Question(
            key="q1", points=2.0,
            prompt=("内部资源梳理：这 6 项资源分别归哪个部门（市场部、品牌部、销售部）？",
                    "Internal resources: which department (marketing, brand, sales) owns each of these 6?"),
            check=_check_q1,
            hint=("市场部管促销活动，品牌部管品牌资源投入（广告、物料），销售部管客情资源（高层互访、联合复盘）。",
                  "Marketing runs promotions, brand invests in the brand (ads, materials), sales holds the "
                  "relationship resources (executive visits, joint reviews).")),
        Question(
            key="q2", points=5.0,
            prompt=("为重点客户设计 1 套一体化服务包：项目负责人、资源组合、执行节点、责任人、评估指标、定期会议。",
                    "Design one integrated service package for your key account: project owner, resources, "
                    "milestones, owners, metrics, regular meetings."),
            check=_check_q2,
            hint=("用 kl.resources.check(q2, catalog, needs) 看还有哪些问题；需求写 needs[0] 等，资源用 "
                  "kl.resources.kit，换一份数据也能对上。",
                  "Run kl.resources.check(q2, catalog, needs) to see what is left; write needs as needs[0] etc. "
                  "and resources with kl.resources.kit so it holds on other data too.")),
        Question(
            key="q3", points=2.0,
            prompt=("你的服务包每个部门投入多少（万元）？", "How much does each department put into your package (10k CNY)?"),
            check=_check_q3,
            hint=("kl.resources.check(q2, catalog, needs).cost_by_department",
                  "kl.resources.check(q2, catalog, needs).cost_by_department")),
        Question(
            key="q4", points=3.0,
            prompt=("跨部门大客户合作小组怎么开会、怎么决策？（讲师评分）",
                    "How will the cross-department key-account group meet and decide? (scored by the instructor)"),
            check=None, manual=True),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
