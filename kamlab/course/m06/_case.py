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
#: The incentive pilot in the data (seed of ``sellout``): the chain's head-office-city stores, May–Jul 2026,
#: compared with Feb–Apr 2026; the chain's stores in its other cities are the control group.
PILOT_MONTHS = ("2026-05", "2026-06", "2026-07")
BASE_MONTHS = ("2026-02", "2026-03", "2026-04")
#: Four candidate schemes read in exercise 4 (A pays every box; B, C, D pay growth over the season).
CANDIDATES: dict[str, dict[str, Any]] = {
    "A": {"basis": "units", "tiers": [{"min_units": 30, "rate": 1.0}, {"min_units": 60, "rate": 1.5},
                                       {"min_units": 90, "rate": 2.0}]},
    "B": {"basis": "growth", "tiers": [{"min_growth": 0.05, "bonus": 20}, {"min_growth": 0.15, "bonus": 50}]},
    "C": {"basis": "growth", "tiers": [{"min_growth": 0.0, "bonus": 100}, {"min_growth": 0.1, "bonus": 200}]},
    "D": {"basis": "growth", "tiers": [{"min_growth": 0.1, "bonus": 40}, {"min_growth": 0.25, "bonus": 80}]},
}
#: 场景化培训 / 卖点培训 (exercise 5): customer scenes and the clerk's right move.
SCENES: dict[str, tuple[str, str]] = {
    "S1": ("顾客：刚开始打喷嚏、嗓子有点疼，想买点感冒药。", "Customer: just started sneezing, a slightly sore throat, wants a cold remedy."),
    "S2": ("顾客：孩子烧到 39 度，能不能吃这个？", "Customer: my child has a 39 °C fever, can they take this?"),
    "S3": ("顾客：拿着另一个牌子的感冒药问哪个好。", "Customer: holds another brand's cold remedy and asks which is better."),
    "S4": ("顾客：买好感冒药后问还需要注意什么。", "Customer: has the cold remedy and asks what else to mind."),
}
MOVES: dict[str, tuple[str, str]] = {
    "ask": ("先问症状和时长，再按说明书讲清感颗粒适合的症状、用法", "ask symptoms and duration, then explain from the label what it is for and how to take it"),
    "refer": ("高热、儿童用药：建议就医或请药师，不硬推", "high fever, a child: advise a doctor or the pharmacist, no hard sell"),
    "differ": ("讲说明书范围内的差异卖点，不贬低别家", "explain our label-based differences, never run down the other brand"),
    "care": ("讲用药注意和生活建议，按需关联推荐", "explain precautions and self-care, suggest related items only if needed"),
    "promise": ("保证三天就好，让顾客放心买", "promise it cures in three days"),
    "knock": ("说别的牌子副作用大", "say the other brand has strong side effects"),
    "bonus": ("哪个奖励高就推哪个", "push whichever pays the clerk most"),
}
SCENE_KEY = {"S1": "ask", "S2": "refer", "S3": "differ", "S4": "care"}
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
    "none_ok": ("无：都守不住上限", "none: all break the cap"),
    "pick_effect": ("试点带来的效果", "The pilot's effect"),
    "effect_title": ("练习 2：读图，判断试点的真实效果", "Exercise 2: read the chart, judge the pilot's real effect"),
    "not_chosen": ("还没有选择。", "Nothing chosen yet."),
    "chosen": ("你的判断：试点让门店多卖了 {x:+.1%}（相对季节基线）。", "Your judgment: the pilot added {x:+.1%} (against the seasonal baseline)."),
    "cand_title": ("练习 4：哪些方案守得住 30% 费用上限？（可多选：勾选每一个）", "Exercise 4: which schemes keep the 30 % cost cap? (tick each one)"),
    "ticked": ("已勾选：{n} 个方案", "Ticked: {n} schemes"),
    "scene_title": ("练习 5：场景化卖点培训：每个场景店员该怎么做？", "Exercise 5: scene-based training: what should the clerk do in each scene?"),
    "answered": ("已作答 {n} / {k} 个场景", "{n} of {k} scenes answered"),
    "q6_title": ("练习 6：向门店店长讲清方案（讲师评分）", "Exercise 6: explain the scheme to store managers (instructor-scored)"),
    "pilot": ("试点门店（总部城市）", "pilot stores (head-office city)"),
    "control": ("对照门店（其他城市）", "control stores (other cities)"),
    "chart_title": ("{chain}：试点门店与对照门店的月销量（2026-02 = 100）", "{chain}: monthly units, pilot vs control stores (2026-02 = 100)"),
    "chart_y": ("月销量指数", "monthly units index"),
    "chart_x": ("月份", "month"),
    "pilot_band": ("试点期", "pilot"),
    "cand_cost": ("奖励总额（元）", "total payout (yuan)"),
    "cand_naive": ("环比增量销售额（元，含季节）", "quarter-on-quarter increment (yuan, season included)"),
    "cand_true": ("季节基线增量销售额（元）", "increment over the seasonal baseline (yuan)"),
    "cand_share_naive": ("费用占环比增量", "cost / q-o-q increment"),
    "cand_share": ("费用占季节基线增量", "cost / increment over season"),
    "cand_desc": ("方案", "scheme"),
})
