"""The case of m10: the course constants, the worked examples, the contest's chain, the messages."""

from __future__ import annotations

from typing import Any

from ..._dates import COURSE_TODAY
from ..._i18n import Messages
from ...retail import PORTFOLIO, SUGGESTED_PRICES
from ..m06 import sellout_chain

__all__ = ["DATA_TERMS", "MODULE", "DATASET", "TODAY", "PROMO_COST", "MARGIN", "PRODUCT_ROLE", "EXAMPLE_AUDIT",
           "EXAMPLE_INFORMATION", "MSGS", "course_chain"]

#: Data of the retail tool's example tables, the same in both languages: the product
#: categories (kl.retail.PORTFOLIO) and the example products (kl.retail.SUGGESTED_PRICES).
DATA_TERMS: tuple[str, ...] = (*PORTFOLIO, *SUGGESTED_PRICES)

#: Module id.
MODULE = "m10"
#: The data set of the module (a trainee's own file stands in for it).
DATASET = "sellout"
#: The course date: plan dates count from it.
TODAY = COURSE_TODAY.isoformat()
#: What the two-week promotion of 清感颗粒 cost (yuan: POP material, staff, theme-day set-up).
PROMO_COST = 1200.0
#: Gross margin on incremental sales of 清感颗粒.
MARGIN = 0.35
#: 清感颗粒 is a cold remedy (感冒止咳): in the winter peak it plays the seasonal role.
PRODUCT_ROLE = "季节性"
#: The worked example of a display audit (three stores, 0 / 1 / 2 per principle).
EXAMPLE_AUDIT: dict[str, list[Any]] = {
    "store_id": ["D01", "D02", "D03"],
    "best_position": [2, 1, 2], "full_shelf": [2, 1, 1], "fifo_tidy": [2, 2, 1],
    "pop_price_tag": [1, 0, 2], "grouped_better": [2, 1, 1],
}
#: The worked example of the information checklist (one item still missing).
EXAMPLE_INFORMATION: dict[str, dict[str, str]] = {
    "库存和批号": {"frequency": "每次拜访", "owner": "医药代表"},
    "竞品信息": {"frequency": "每周", "owner": "医药代表"},
    "消费者信息": {"frequency": "每月", "owner": "店长"},
    "会员日和促销信息": {"frequency": "每月", "owner": "KA 经理"},
}

MSGS = Messages({
    "target": ("铺货达标线", "Pass line"),
    "months": ("新品采购期限（月）", "New product: HQ buys within (months)"),
    "failing": ("未达标的连锁：{ids}", "Chains below standard: {ids}"),
    "none": ("（无）", "(none)"),
    "tolerance": ("合理区间 ±", "Fair band ±"),
    "exposure": ("陈列不足：{under}；陈列过度：{over}", "Under-exposed: {under}; over-exposed: {over}"),
    "low": ("价格带下限", "Band: lower"),
    "high": ("价格带上限", "Band: upper"),
    "abnormal": ("价格异常 {n} 条", "{n} abnormal prices"),
    "baseline": ("基线周数（促销前）", "Baseline weeks (before)"),
    "promo_line": ("提升 {lift:+.0%}；增量销售 {incr:,.0f} 元；ROI {roi:+.2f}",
                   "Lift {lift:+.0%}; incremental sales {incr:,.0f} yuan; ROI {roi:+.2f}"),
    "role": ("清感颗粒的品类角色", "Category role of 清感颗粒"),
    "promotion": ("促销方式", "Promotion type"),
    "metric": ("排名依据", "Rank by"),
    "m_units": ("本月销量（绝对量）", "units this month"),
    "m_increase": ("比上月增长量", "increase over last month"),
    "m_growth": ("比上月增长率", "growth over last month"),
    "min_last": ("增长率的最低基数（上月盒数）", "Growth: minimum base (last month units)"),
    "top": ("奖励名额（前几名）", "Prizes (top n)"),
    "audience": ("培训对象", "Audience"),
    "content": ("培训内容", "Content"),
    "form": ("培训形式", "Form"),
    "date": ("培训日期（YYYY-MM-DD）", "Date (YYYY-MM-DD)"),
    "owner": ("负责人", "Owner"),
    "plan_ok": ("✓ 店教计划完整。", "✓ The training plan is complete."),
    "plan_bad": ("店教计划还有问题：", "The training plan still has problems:"),
    "t_q1": ("铺货检查：选择达标线和新品采购期限", "Distribution check: pass line and new-product window"),
    "t_q2": ("陈列面：公平份额的合理区间", "Facings: the fair-share band"),
    "t_q3": ("价格维护：建议零售价的价格带", "Price watch: the band around the suggested price"),
    "t_q4": ("促销评估：基线取促销前几周", "Promotion: how many weeks before form the baseline"),
    "t_q5": ("品类角色与促销方式", "Category role and promotion type"),
    "t_q6": ("单店销售竞赛：排名规则", "Single-store contest: ranking rule"),
    "t_q7": ("店教计划", "Store training plan"),
})


def course_chain(sellout: Any, chains: Any) -> str:
    """The chain of the contest exercise: m02's key account (the default one), whose stores are in the data.

    Examples
    --------
    >>> import kamlab as kl
    >>> course_chain(kl.datasets.load("sellout"), kl.datasets.load("chains"))
    'C18'
    """
    return sellout_chain(sellout, chains, None)
