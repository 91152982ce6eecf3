"""The case of m10: the course constants, the worked examples, the key account whose stores compete."""

from __future__ import annotations

from typing import Any

from ..._dates import COURSE_TODAY
from ...retail import BASIC_DISPLAY, PORTFOLIO, POSM_TYPES, PROMOTION_TYPES, SPECIAL_DISPLAYS, SUGGESTED_PRICES
from ..m06 import sellout_chain

__all__ = ["DATA_TERMS", "MODULE", "DATASET", "TODAY", "PROMO_COST", "MARGIN", "PRODUCT_ROLE", "PASS_LINE",
           "FAIR_BAND", "PRICE_BAND", "NONE", "VERDICTS", "RULES", "SEED_RULE", "EXAMPLE_AUDIT",
           "EXAMPLE_INFORMATION", "course_chain"]

#: Data of the retail tool's example tables, the same in both languages: the product
#: categories (kl.retail.PORTFOLIO), the example products (kl.retail.SUGGESTED_PRICES)
#: the seed's promotion types as the answer lines write them, and the names of the tool's
#: display catalogue (terms of the trade: 端架, 堆头, 海报 …).
DATA_TERMS: tuple[str, ...] = (*PORTFOLIO, *SUGGESTED_PRICES, *PROMOTION_TYPES, "无", *BASIC_DISPLAY,
                               *(k for v in BASIC_DISPLAY.values() for k in v), *POSM_TYPES, *SPECIAL_DISPLAYS)

#: Module id.
MODULE = "m10"
#: The data set of the module (a trainee's own file stands in for it).
DATASET = "sellout"
#: The course date: plan dates count from it.
TODAY = COURSE_TODAY.isoformat()
#: What the two-week promotion of 清感颗粒 cost besides the discount (yuan: POP material, staff, set-up).
PROMO_COST = 1200.0
#: Gross margin of 清感颗粒 at its regular price (38 yuan).
MARGIN = 0.35
#: 清感颗粒 is a cold remedy (感冒止咳): in the winter peak it plays the seasonal role.
PRODUCT_ROLE = "季节性"
#: This quarter's pass line of the distribution check (the seed's goal is 100 %).
PASS_LINE = 0.8
#: A store's fair-share index within 1 ± this is fair; below is under-exposed.
FAIR_BAND = 0.2
#: The company's price band around the suggested retail price.
PRICE_BAND = (-0.1, 0.1)
#: The option "none of them" of the pick-several exercises.
NONE = "无"
#: Exercise 5's verdicts on the promotion: code -> (中文, English).
VERDICTS: dict[str, tuple[str, str]] = {
    "lift": ("值得：销量比基线提升了一大截", "Worth it: units rose well above the baseline"),
    "sales": ("值得：增量销售额远高于促销费用", "Worth it: the incremental sales are far above the cost"),
    "extra_margin": ("值得：增量销量按正常毛利率算，扣掉费用还有赚",
                     "Worth it: the extra units at the regular margin pay for the cost"),
    "gp_gain": ("值得：折扣让利算到促销期所有销量上，扣掉费用后毛利仍比不促销时多",
                "Worth it: with the discount on every unit sold and the cost paid, gross profit beats no promotion"),
    "gp_loss": ("不值得：折扣让利算到促销期所有销量上，毛利加上费用比不促销时少（ROI 为负）",
                "Not worth it: with the discount on every unit sold plus the cost, gross profit falls short of no "
                "promotion (negative ROI)"),
}
#: Exercise 7's ranking rules of the single-store contest: metric -> (中文, English).
RULES: dict[str, tuple[str, str]] = {
    "units": ("按本月销量（绝对量）排名", "rank by units this month"),
    "increase": ("按比上月的增长量排名", "rank by the increase over last month"),
    "growth": ("按比上月的增长率排名（不设基数）", "rank by growth over last month, no minimum base"),
}
#: The seed's rule for the all-product single-store contest: 依据上月销售量，确定增长量，以单店为单位排名.
SEED_RULE = "increase"
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


def course_chain(sellout: Any, chains: Any) -> str:
    """The chain of the contest exercises: m02's key account (the default one), whose stores are in the data.

    Examples
    --------
    >>> import kamlab as kl
    >>> course_chain(kl.datasets.load("sellout"), kl.datasets.load("chains"))
    'C18'
    """
    return sellout_chain(sellout, chains, None)
