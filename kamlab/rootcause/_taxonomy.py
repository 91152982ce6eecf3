"""The root-cause taxonomy and the rules' constants: causes, their aliases and supporting KPIs, targets, tolerance.

Examples
--------
>>> cause_name("Distribution"), CAUSE_EN["陈列"], CAUSE_SUPPORT["库存"]
('铺货', 'display', ('inventory_turnover', 'days_of_inventory'))
"""

from __future__ import annotations

from typing import Any

from ..kpi import METRICS

__all__ = ["CAUSES", "CAUSE_ALIASES", "CAUSE_SUPPORT", "CAUSE_EN", "DEFAULT_TARGETS", "MAX_DUE_DAYS", "TOLERANCE",
           "LINKS", "cause_name"]

#: The fixed root-cause taxonomy.
CAUSES = ("铺货", "陈列", "价格", "店员", "促销", "库存", "竞品", "其他")
#: English (and other) names accepted for each cause.
CAUSE_ALIASES = {"distribution": "铺货", "display": "陈列", "price": "价格", "pricing": "价格", "clerk": "店员",
                 "clerks": "店员", "promotion": "促销", "promo": "促销", "inventory": "库存", "stock": "库存",
                 "competitor": "竞品", "competition": "竞品", "other": "其他", "others": "其他",
                 "铺货率": "铺货", "库存周转": "库存", "店员推荐": "店员"}
_SELL = ("sell_through_rate", "units_per_selling_store", "clerk_recommendation_rate")
#: Metrics whose flag supports each root cause (其他: any metric).
CAUSE_SUPPORT: dict[str, tuple[str, ...]] = {
    "铺货": ("distribution_rate",),
    "陈列": _SELL, "价格": _SELL, "店员": _SELL, "促销": _SELL, "竞品": _SELL,
    "库存": ("inventory_turnover", "days_of_inventory"),
    "其他": METRICS,
}
#: Targets used when ``validate(targets=None)`` (and for metrics *targets* leaves out).  Turnover and
#: units per store depend on the period length, so they have no default: pass them in *targets*.
DEFAULT_TARGETS: dict[str, float] = {"distribution_rate": 0.8, "sell_through_rate": 0.8,
                                     "clerk_recommendation_rate": 0.4, "days_of_inventory": 60.0}
#: A due date may be at most this many days after *today*.
MAX_DUE_DAYS = 90
#: Default evidence tolerance: (relative, absolute).
TOLERANCE = (0.01, 0.005)

#: The four links of a chain, in order.
LINKS = ("problem", "evidence", "root_cause", "solutions")

CAUSE_EN = {"铺货": "distribution", "陈列": "display", "价格": "price", "店员": "clerk", "促销": "promotion",
            "库存": "inventory", "竞品": "competitor", "其他": "other"}

_KEY_ALIASES = {
    "problem": "problem", "问题": "problem", "问题描述": "problem",
    "evidence": "evidence", "证据": "evidence", "数据验证": "evidence",
    "root_cause": "root_cause", "cause": "root_cause", "rootcause": "root_cause", "根因": "root_cause",
    "根本原因": "root_cause",
    "solutions": "solutions", "solution": "solutions", "解决方案": "solutions", "方案": "solutions",
    "metric": "metric", "指标": "metric", "group": "group", "分组": "group", "对象": "group", "value": "value",
    "数值": "value", "值": "value",
    "action": "action", "行动": "action", "措施": "action", "owner": "owner", "责任人": "owner",
    "due": "due", "时间节点": "due", "截止日期": "due", "日期": "due",
}


def cause_name(cause: Any) -> str | None:
    """The taxonomy name of *cause* (Chinese or English), or None if unknown.

    Examples
    --------
    >>> cause_name("Distribution"), cause_name("店员"), cause_name("天气")
    ('铺货', '店员', None)
    """
    if not isinstance(cause, str):
        return None
    text = cause.strip()
    if text in CAUSES:
        return text
    return CAUSE_ALIASES.get(text.lower())
