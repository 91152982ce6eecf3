"""The question bank of m09: the six questions, their points, prompts, checks and hints.

Examples
--------
>>> BANK.keys(), BANK.total_points
(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], 16.0)
"""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._case import DATASET, MODULE
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5

BANK = QuestionBank(
    module=MODULE,
    title=("OTC 连锁客户的开发", "Developing OTC chain accounts"),
    datasets=(DATASET, "clauses"),
    questions=(
        Question(
            key="q1", points=2.0,
            prompt=("按区域、销售额和经营模式给连锁客户分类（你定销售额的分界线）。",
                    "Classify the chains by region, sales and store management (you set the sales cuts)."),
            check=_check_q1,
            hint=("用 kl.chains.classify(chains, cuts=(小型/中型分界, 中型/大型分界))，单位万元。",
                  "Use kl.chains.classify(chains, cuts=(small/medium cut, medium/large cut)), in 10k yuan.")),
        Question(
            key="q2", points=2.0,
            prompt=("按你的分类，全国性大型连锁有几家？", "Under your classes, how many chains are national and large?"),
            check=_check_q2,
            hint=("classes.count(scope=\"全国性\", size=\"大型\")。", "classes.count(scope=\"全国性\", size=\"大型\").")),
        Question(
            key="q3", points=3.0,
            prompt=("为重点客户填写连锁药店调研表：类别、门店数、年销售额、前 10 名单店日销、布局商圈、竞品。",
                    "Fill in the research sheet of the key account: classes, stores, sales, top-10 store daily "
                    "sales, layout, competitors."),
            check=_check_q3,
            hint=("用 kl.course.m09.sheet_from_data(chains, account, classes, ...)：门店数和销售额从数据取，"
                  "你的走访记录填进去；日销单位是元/日，扣率写 0–1 的小数。",
                  "Use kl.course.m09.sheet_from_data(chains, account, classes, ...): stores and sales come from the "
                  "data, your field notes go in; daily sales in yuan/day, discount rates as fractions 0-1.")),
        Question(
            key="q4", points=3.0,
            prompt=("谈判准备：双方的需求和谈判筹码（各至少 3 项，筹码要对上对方的需求），以及让步矩阵的纳什点。",
                    "Negotiation preparation: both sides' needs and chips (at least 3 each, every chip meeting a "
                    "need of the other side) and the Nash package of the concession matrix."),
            check=_check_q4,
            hint=("用 kl.course.m09.prep(clauses, our_needs=[...], their_needs=[...], our_chips={筹码: 对方需求}, "
                  "their_chips={筹码: 我方需求})。",
                  "Use kl.course.m09.prep(clauses, our_needs=[...], their_needs=[...], our_chips={chip: their need}, "
                  "their_chips={chip: our need}).")),
        Question(
            key="q5", points=3.0,
            prompt=("比较重点客户的结款方式（应收天数、资金成本、信用风险），推荐一种并说明理由。",
                    "Compare payment terms for the key account (days, financing cost, credit risk); recommend one "
                    "and say why."),
            check=_check_q5,
            hint=("用 kl.course.m09.payment_plan(chains, account, terms=[...], risk_weight=..., choice=..., "
                  "reason=...)；推荐的应是按你的权重得分最低的方式。",
                  "Use kl.course.m09.payment_plan(chains, account, terms=[...], risk_weight=..., choice=..., "
                  "reason=...); recommend the term with the lowest score under your weight.")),
        Question(
            key="q6", points=3.0,
            prompt=("你会怎样和连锁的采购经理、财务经理沟通你推荐的结款方式？（讲师评分）",
                    "How would you agree your recommended payment term with the chain's purchasing and finance "
                    "managers? (scored by the instructor)"),
            check=None, manual=True),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
