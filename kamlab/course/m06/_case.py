"""The case of m06: the strategic product, the company policy, the schemes and the messages.

Examples
--------
>>> PLAN_START, PRODUCT_PRICE, POLICY_CAP
('2026-11-01', 38.0, 0.3)
"""

from __future__ import annotations

from typing import Any

from ..._dates import COURSE_TODAY
from ..._i18n import Messages

#: Module id.
MODULE = "m06"
#: The data sets the module uses (a trainee's own file stands in for the first).
DATASET = "sellout"
#: First day of the push plan: the course's today (the month after the data's last month).
PLAN_START = COURSE_TODAY.isoformat()
#: The company's strategic product (策略品种) of the exercise: OTC, 感冒止咳, 38 yuan a box.
PRODUCT = ("清感颗粒", "Qinggan granules")
PRODUCT_CATEGORY = "感冒止咳"
PRODUCT_PRICE = 38.0
#: Company policy: incentive cost at most 30 % of the incremental sales it buys.
POLICY_CAP = 0.3
#: The worked example: a units ladder paying on every unit sold (expensive on purpose).
EXAMPLE_SCHEME: dict[str, Any] = {
    "basis": "units",
    "tiers": [{"min_units": 30, "rate": 1.0}, {"min_units": 60, "rate": 1.5}, {"min_units": 90, "rate": 2.0}],
    "payee": "chain", "category": PRODUCT_CATEGORY, "cost_cap": POLICY_CAP, "unit_price": PRODUCT_PRICE,
}
#: Used by later forms while exercise 2 is not answered yet.
DEFAULT_SCHEME: dict[str, Any] = {
    "basis": "growth",
    "tiers": [{"min_growth": 0.15, "bonus": 40}, {"min_growth": 0.3, "bonus": 80}],
    "payee": "chain", "category": PRODUCT_CATEGORY, "cost_cap": POLICY_CAP, "unit_price": PRODUCT_PRICE,
}
_STORE_GROUPS = (("A 类门店", "A stores"), ("B 类门店", "B stores"), ("C 类门店", "C stores"))
_REST = ("其余门店", "remaining stores")
_ALL = ("全部门店", "all stores")

MSGS = Messages({
    "liaison": ("专项对接人", "Liaison"),
    "months": ("计划期（月）", "Plan length (months)"),
    "waves": ("门店推动批次", "Store push waves"),
    "meet": ("执行协同会", "Coordination meetings"),
    "biweekly": ("每两周一次", "every two weeks"),
    "monthly": ("每月一次", "monthly"),
    "bimonthly": ("每两个月一次", "every two months"),
    "plan_ok": ("✓ 计划完整：有对接人、批次不重叠、协同会每月至少一次。",
                "✓ The plan is sound: a liaison, no overlapping waves, meetings at least monthly."),
    "plan_bad": ("计划还有问题：", "The plan still has problems:"),
    "basis": ("门槛依据", "Threshold basis"),
    "by_units": ("按销量（盒）", "by units"),
    "by_growth": ("按增长率（0.1 = 10%）", "by growth (0.1 = 10%)"),
    "threshold": ("门槛（盒 / 增长率）", "threshold (units / growth)"),
    "rate": ("每盒奖励（元）", "per unit (yuan)"),
    "bonus": ("固定奖励（元）", "bonus (yuan)"),
    "payee": ("奖励支付给", "Paid to"),
    "chain": ("签约连锁（总部）", "the contracted chain (HQ)"),
    "store": ("门店", "stores"),
    "clerk": ("店员个人", "clerks"),
    "category": ("产品类别", "Product category"),
    "cap": ("费用上限（占增量）", "Cost cap (share of increment)"),
    "compliant": ("✓ 合规：没有发现违规。", "✓ Compliant: no violation found."),
    "violations": ("✗ 合规问题：", "✗ Compliance problems:"),
    "totals": ("奖励总额 {cost:,.0f} 元；增量销售额 {incr:,.0f} 元；费用占比 {share}",
               "Total payout {cost:,.0f} yuan; incremental sales {incr:,.0f} yuan; cost share {share}"),
    "no_growth": ("无增量（无穷大）", "no growth (infinite)"),
    "no_q2": ("（练习 2 还没有作答：先用课程示范方案演示。）",
              "(Exercise 2 is not answered yet: showing the course's demonstration scheme.)"),
    "push_title": ("总部推动计划：对接人 → 分批推动 → 执行协同会", "HQ push plan: liaison → waves → coordination meetings"),
    "scheme_title": ("阶梯式激励方案：每行一档（门槛从低到高）", "Tiered incentive: one row per tier (thresholds low to high)"),
    "q3_title": ("你的方案在这家连锁门店上的试算", "Your scheme back-tested on the chain's stores"),
    "q4_title": ("合规检查", "Compliance check"),
    "q5_title": ("费用占增量销售额的比例", "Cost as a share of incremental sales"),
    "no_tiers": ("请在表里至少填一档的门槛。", "Fill in the threshold of at least one tier."),
})
