"""Compliance checks of an incentive scheme (合规前提), each violation explained.

Rules (code — what it catches):

* ``payee`` — the reward goes to someone other than the contracted chain
  (a clerk, a store manager, an individual, or a store outside the
  agreement).  Store incentives are paid to the chain under the agreement,
  never to individuals (commercial-bribery risk).
* ``category`` — the product is not OTC (e.g. 处方药): sales incentives
  at the store are for OTC products only.
* ``tiers_order`` — the thresholds do not step up tier by tier.
* ``rewards_order`` — a higher tier pays a lower ``rate`` or ``bonus``
  than the tier below it (a ladder must never pay less for selling more).
* ``cost_cap`` (needs a result) — cost as a share of incremental sales is
  above the scheme's ``cost_cap`` (or sales did not grow at all).
* ``no_basis`` — money is paid without a measurable basis: a units tier
  with threshold 0 that pays a bonus, or (with a result) stores paid
  although they sold nothing in the period.

Examples
--------
>>> v = compliance({"tiers": [{"min_units": 60, "rate": 1.0}, {"min_units": 40, "rate": 1.5}],
...                 "payee": "店员"})
>>> [x.rule for x in v]
['payee', 'tiers_order']
>>> print(v[0])
奖励发给了店员：激励只能按协议支付给签约连锁（总部），不能直接发给店员、店长等个人，否则有商业贿赂风险。请把 payee 改为 "chain"。
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._i18n import Messages, localized
from ._scheme import OTC_CATEGORIES, as_scheme

__all__ = ["Violation", "compliance", "RULES"]

#: Rule codes in the order they are reported.
RULES: tuple[str, ...] = ("payee", "category", "tiers_order", "rewards_order", "cost_cap", "no_basis")

_PAYEE = {"store": ("门店", "a store"), "clerk": ("店员", "clerks"), "individual": ("个人", "an individual")}

MSGS = Messages({
    "payee_person": ("奖励发给了{who}：激励只能按协议支付给签约连锁（总部），不能直接发给店员、店长等个人，"
                     "否则有商业贿赂风险。请把 payee 改为 \"chain\"。",
                     "The reward goes to {who_en}: incentives are paid to the contracted chain (its HQ) under the "
                     "agreement, never directly to clerks, store managers or other individuals (commercial-bribery "
                     "risk). Set payee to \"chain\"."),
    "payee_store": ("奖励直接发给门店：应按协议统一支付给签约连锁（总部），再由连锁分配。请把 payee 改为 \"chain\"。",
                    "The reward goes straight to stores: pay the contracted chain (its HQ) under the agreement "
                    "and let it allocate. Set payee to \"chain\"."),
    "category": ("产品类别“{category}”不是 OTC：门店动销激励只能用于 OTC 产品，处方药不能做终端销售激励。"
                 "请选择 OTC 品类：{otc}。",
                 "Category '{category}' is not OTC: store sales incentives are for OTC products only, never for "
                 "prescription drugs. Choose an OTC category: {otc}."),
    "tiers_order": ("第 {row} 档的门槛 {value:g} 不高于第 {prev} 档（{prev_value:g}）：阶梯要一档比一档高。"
                    "请按门槛从低到高排列各档。",
                    "Tier {row}'s threshold {value:g} is not above tier {prev}'s ({prev_value:g}): each step must "
                    "be higher. List the tiers from the lowest threshold to the highest."),
    "rewards_order": ("第 {row} 档的{what}（{value:g}）低于第 {prev} 档（{prev_value:g}）：卖得更多反而奖励更少。"
                      "请让奖励逐档递增。",
                      "Tier {row}'s {what_en} ({value:g}) is below tier {prev}'s ({prev_value:g}): selling more "
                      "would earn less. Make rewards rise tier by tier."),
    "rate": ("每盒奖励 rate", "rate per unit"),
    "bonus": ("固定奖励 bonus", "fixed bonus"),
    "cost_cap": ("费用占增量销售额 {share:.1%}，超过上限 {cap:.0%}（费用 {cost:,.0f} 元，增量销售额 {incr:,.0f} 元）。"
                 "请提高门槛或降低奖励。",
                 "Cost is {share:.1%} of incremental sales, above the cap of {cap:.0%} (cost {cost:,.0f} yuan, "
                 "incremental sales {incr:,.0f} yuan). Raise the thresholds or lower the rewards."),
    "cost_no_growth": ("奖励 {cost:,.0f} 元，但销售额没有增长（增量 {incr:,.0f} 元）：费用无法由增量覆盖，超过上限 {cap:.0%}。"
                       "请提高门槛，只奖励真正的增长。",
                       "The scheme pays {cost:,.0f} yuan but sales did not grow (incremental {incr:,.0f} yuan): the "
                       "cost is not covered, above the cap of {cap:.0%}. Raise the thresholds to reward real growth."),
    "zero_tier": ("第 {row} 档门槛为 0 盒却有固定奖励：不卖货也能拿钱，没有可衡量的依据。请把门槛设为大于 0 的销量。",
                  "Tier {row} pays a bonus at 0 units: money without any sales, no measurable basis. Set a "
                  "threshold above 0 units."),
    "zero_stores": ("{n} 家门店在统计期内销量为 0 却拿到了奖励：付款没有可衡量的依据。请让每档都以实际销量或增长为门槛。",
                    "{n} stores sold nothing in the period but were paid: no measurable basis. Base every tier on "
                    "actual units or growth."),
})


@dataclass(frozen=True)
class Violation:
    """One broken compliance rule, explained in Chinese and English.

    Attributes
    ----------
    rule : str
        One of :data:`RULES`.
    zh, en : str
        What is wrong and how to fix it.
    tier : int or None
        The tier concerned (1-based), if any.

    Examples
    --------
    >>> v = Violation("category", "不是 OTC", "not OTC")
    >>> str(v)
    '不是 OTC'
    """

    rule: str
    zh: str
    en: str
    tier: int | None = None

    def __str__(self) -> str:
        return localized(self.zh, self.en)


def compliance(scheme: Any, result: Any = None) -> list[Violation]:
    """Check a tiered incentive scheme against the compliance rules of the course.

    Parameters
    ----------
    scheme : Scheme or dict
    result : IncentiveResult, optional
        The scheme simulated on the data (:func:`simulate`); the cost-cap
        and paid-without-sales rules need it.

    Returns
    -------
    list of Violation
        Empty when the scheme is compliant; in the order of :data:`RULES`.

    Examples
    --------
    >>> import pandas as pd
    >>> from kamlab.incentives import simulate
    >>> df = pd.DataFrame({"store_id": ["S1", "S1", "S2", "S2"], "month": ["2026-09", "2026-10"] * 2,
    ...                    "units_sold": [50, 70, 40, 40]})
    >>> s = {"tiers": [{"min_units": 60, "rate": 0.5}], "unit_price": 10, "cost_cap": 0.1}
    >>> res = simulate(df, s, period="2026-10", baseline="2026-09", season=1.0)  # no seasonal change assumed
    >>> [v.rule for v in compliance(s, res)], round(res.cost_share, 3)
    (['cost_cap'], 0.175)
    >>> compliance({**s, "cost_cap": 0.2}, res)
    []
    """
    plan = as_scheme(scheme)
    out: list[Violation] = []
    if plan.payee in ("clerk", "individual"):
        zh_who, en_who = _PAYEE[plan.payee]
        zh, en = MSGS.both("payee_person", who=zh_who, who_en=en_who)
        out.append(Violation("payee", zh, en))
    elif plan.payee == "store":
        out.append(Violation("payee", *MSGS.both("payee_store")))
    if plan.category not in OTC_CATEGORIES:
        zh, en = MSGS.both("category", category=plan.category, otc="、".join(OTC_CATEGORIES))
        out.append(Violation("category", zh, en.replace("、", ", ")))
    tiers = plan.tiers
    for row in range(2, len(tiers) + 1):
        prev, cur = tiers[row - 2], tiers[row - 1]
        if cur.threshold <= prev.threshold:
            out.append(Violation("tiers_order", *MSGS.both("tiers_order", row=row, value=cur.threshold,
                                                            prev=row - 1, prev_value=prev.threshold), tier=row))
    for row in range(2, len(tiers) + 1):
        prev, cur = tiers[row - 2], tiers[row - 1]
        for what in ("rate", "bonus"):
            a, b = getattr(prev, what), getattr(cur, what)
            if b < a:
                zh_w, en_w = MSGS.both(what)
                zh, en = MSGS.both("rewards_order", row=row, what=zh_w, what_en=en_w, value=b, prev=row - 1,
                                   prev_value=a)
                out.append(Violation("rewards_order", zh, en, tier=row))
    if result is not None:
        cost, incr, share = float(result.total_cost), float(result.incremental_sales), float(result.cost_share)
        if share > plan.cost_cap + 1e-12:
            key = "cost_no_growth" if math.isinf(share) else "cost_cap"
            out.append(Violation("cost_cap", *MSGS.both(key, share=share, cap=plan.cost_cap, cost=cost, incr=incr)))
    for row, tier in enumerate(tiers, start=1):
        if plan.basis == "units" and tier.threshold <= 0 and tier.bonus > 0:
            out.append(Violation("no_basis", *MSGS.both("zero_tier", row=row), tier=row))
    if result is not None:
        table = result.table
        paid_idle = int(np.count_nonzero((table["payout"].to_numpy() > 0) & (table["units"].to_numpy() <= 0)))
        if paid_idle and not any(v.rule == "no_basis" for v in out):
            out.append(Violation("no_basis", *MSGS.both("zero_stores", n=paid_idle)))
    return out
