"""The question bank of m10: eight questions with their prompts, hints and checks."""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._case import DATASET, MODULE
from ._checks import check_q1, check_q2, check_q3, check_q4, check_q5, check_q6, check_q7

__all__ = ["BANK"]

BANK = QuestionBank(
    module=MODULE,
    title=("连锁上量与动销十要素", "Ten sell-through elements"),
    datasets=(DATASET, "chains"),
    questions=(
        Question("q1", 2, ("检查每家连锁的铺货：总部品类采购率、目标门店铺货率、新品及时铺货率，找出未达标的连锁。",
                           "Check each chain's distribution: HQ category purchase, target-store distribution, "
                           "on-time shelving; find the chains below standard."),
                 check_q1,
                 hint=("用 kl.retail.distribution_check(sellout, hq_listed=listing, target=..., new_product_months=1)；"
                       "达标线不低于 0.8。",
                       "Use kl.retail.distribution_check(sellout, hq_listed=listing, target=..., "
                       "new_product_months=1); a pass line of at least 0.8.")),
        Question("q2", 2, ("计算 8 家门店的陈列面占比、销售占比和公平份额指数，找出陈列不足的门店。",
                           "Compute facing share, market share and fair-share index of the 8 stores; find the "
                           "under-exposed ones."),
                 check_q2,
                 hint=("用 kl.retail.facings(shelf, tolerance=...)，合理区间不超过 ±50%。",
                       "Use kl.retail.facings(shelf, tolerance=...), a band of at most ±50%.")),
        Question("q3", 2, ("用建议零售价的价格带找出异常价格。", "Find the abnormal prices with a band around the "
                           "suggested retail price."),
                 check_q3,
                 hint=("用 kl.retail.price_watch(prices, suggested=kl.retail.SUGGESTED_PRICES, band=(下限, 上限))。",
                       "Use kl.retail.price_watch(prices, suggested=kl.retail.SUGGESTED_PRICES, band=(lower, upper)).")),
        Question("q4", 2, ("评估这次促销：基线、增量销售、提升率和 ROI。", "Evaluate the promotion: baseline, "
                           "incremental sales, lift and ROI."),
                 check_q4,
                 hint=("用 kl.retail.promotion(promo, baseline=周数, cost=kl.course.m10.PROMO_COST, "
                       "margin=kl.course.m10.MARGIN)，基线至少 2 周。",
                       "Use kl.retail.promotion(promo, baseline=weeks, cost=kl.course.m10.PROMO_COST, "
                       "margin=kl.course.m10.MARGIN), a baseline of at least 2 weeks.")),
        Question("q5", 1, ("冬季的清感颗粒是什么品类角色？选一种适合它的促销方式。",
                           "Which category role does 清感颗粒 play in winter? Pick a promotion type that suits it."),
                 check_q5,
                 hint=("看品类角色表：感冒止咳在冬季是什么角色？", "See the category-role table: what role do cold "
                       "remedies play in winter?")),
        Question("q6", 2, ("为这家连锁设计单店销售竞赛的排名规则，并排出本月的获奖门店。",
                           "Set the ranking rule of the chain's single-store contest and rank this month's winners."),
                 check_q6,
                 hint=("用 kl.retail.contest(sellout, chain=chain, metric=..., min_last=..., top=...)；按增长率排名要设最低基数。",
                       "Use kl.retail.contest(sellout, chain=chain, metric=..., min_last=..., top=...); ranking by "
                       "growth needs a minimum base.")),
        Question("q7", 2, ("写一份店教计划：对象、内容、形式、五个入店步骤、日期和负责人。",
                           "Write a store training plan: audience, content, form, the five steps, date and owner."),
                 check_q7,
                 hint=("店长：管理类 + 知识类；店员：知识类 + 技巧类；日期在 2026-11-01 之后 90 天内；写上负责人。",
                       "Store managers: management + knowledge; clerks: knowledge + skills; a date within 90 days "
                       "after 2026-11-01; an owner.")),
        Question("q8", 3, ("对你的重点连锁，十要素里你会先抓哪两项？用三五句话说明依据（引用本模块的数据）和第一步动作。",
                           "For your key chain, which two of the ten elements come first? In three to five sentences "
                           "give the evidence (from this module's data) and the first action."),
                 None, manual=True),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
