"""The question bank of m06: the six questions, their points, prompts, checks and hints.

Examples
--------
>>> BANK.keys(), BANK.total_points
(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], 14.0)
"""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._case import DATASET, MODULE, POLICY_CAP, PRODUCT_PRICE
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5

BANK = QuestionBank(
    module=MODULE,
    title=("终端动销执行", "Store execution and sell-out incentives"),
    datasets=(DATASET, "chains"),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("为重点客户制定总部推动计划：专项对接人、分批门店推动时间表、每月至少一次执行协同会。",
                    "Write the HQ push plan for the key account: liaison, store push waves, coordination "
                    "meetings at least monthly."),
            check=_check_q1,
            hint=("写上对接人；至少两批，批次之间不重叠；协同会间隔不超过一个月；所有日期在计划期内。",
                  "Name a liaison; at least two waves that do not overlap; meetings no more than a month apart; "
                  "every date inside the plan window."),
        ),
        Question(
            key="q2", points=2,
            prompt=("设计策略品种的阶梯式激励方案（门槛、奖励、支付对象、产品类别、费用上限）。",
                    "Design the tiered incentive for the strategic product (thresholds, rewards, payee, "
                    "category, cost cap)."),
            check=_check_q2,
            hint=(f"至少两档；unit_price 用产品价格 {PRODUCT_PRICE:g}；cost_cap 不超过 {POLICY_CAP:g}。",
                  f"At least two tiers; unit_price is the product price {PRODUCT_PRICE:g}; cost_cap at most "
                  f"{POLICY_CAP:g}."),
        ),
        Question(
            key="q3", points=2,
            prompt=("用最近一个季度的数据试算你的方案：每家门店达到哪一档、拿多少奖励。",
                    "Back-test your scheme on the latest quarter: each store's tier and payout."),
            check=_check_q3,
            hint=("用 kl.incentives.simulate(sellout, q2, chain=chain)。",
                  "Use kl.incentives.simulate(sellout, q2, chain=chain)."),
        ),
        Question(
            key="q4", points=3,
            prompt=("做合规检查：你的方案在这份数据上没有违规。",
                    "Run the compliance check: your scheme has no violation on this data."),
            check=_check_q4,
            hint=("支付给签约连锁、只用于 OTC、逐档递增、费用占比留出余量（换一份数据也不超上限）。",
                  "Pay the contracted chain, OTC only, rewards rising by tier, and keep the cost share well "
                  "below the cap (it must hold on other data too)."),
        ),
        Question(
            key="q5", points=2,
            prompt=("你的方案的费用占增量销售额的比例是多少？用一次调用算出来。",
                    "What share of the incremental sales does your scheme cost? Compute it with one call."),
            check=_check_q5,
            hint=("取 simulate(...) 结果的 .cost_share（小数，不是百分数）。",
                  "Take .cost_share of the simulate(...) result (a fraction, not a percentage)."),
        ),
        Question(
            key="q6", points=3,
            prompt=("用三五句话写下：你会怎样向门店店长讲清这个激励方案（目标、怎么拿奖励、合规要求）？",
                    "In three to five sentences: how will you explain the scheme to store managers (goal, how "
                    "to earn the reward, compliance)?"),
            check=None, manual=True,
        ),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
