"""Generators of ``needs`` (m03, the customer-needs list) and ``clauses`` (m05, the agreement clauses)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._gen_random import rng_for


_NEEDS = (  # need, kind, channel, source, base match, base value
    ("全国性品牌联合营销活动", "显性", "总部", "高层访谈（年度市场计划）", 4, 4),
    ("高毛利产品倾斜，提升区域利润", "显性", "总部", "采购部门沟通（费用诉求）", 3, 5),
    ("提高供货折扣、降低进价", "显性", "总部", "采购部门沟通（供货需求）", 2, 3),
    ("新品引进的进场费用支持", "显性", "总部", "采购部门沟通（费用诉求）", 3, 3),
    ("完成年度品类增长目标", "显性", "总部", "高层访谈（战略规划、年度目标）", 4, 5),
    ("社区健康讲座为门店引流", "隐性", "总部", "高层访谈（战略规划）", 4, 4),
    ("店员产品卖点话术培训", "隐性", "门店", "实地走访（店员痛点）", 5, 4),
    ("新品市场接受度调研反馈", "隐性", "总部", "采购部门沟通（新品评审）", 4, 3),
    ("门店陈列优化与物料支持", "显性", "门店", "实地走访（陈列问题）", 4, 3),
    ("会员慢病管理服务", "隐性", "门店", "消费者问卷（产品使用反馈）", 3, 4),
    ("应对竞品买赠促销", "显性", "外部", "竞品监测（促销活动）", 3, 3),
    ("区域 OTC 品类趋势数据", "隐性", "外部", "行业报告（区域 OTC 市场趋势）", 4, 2),
    ("降低库存、处理滞销品", "隐性", "总部", "采购部门沟通（库存周转）", 3, 4),
    ("合规的店员销售激励方案", "显性", "门店", "实地走访（店长访谈）", 4, 4),
    ("线上线下 O2O 引流合作", "隐性", "外部", "行业报告（零售数字化）", 2, 4),
    ("感冒季备货与陈列指导", "隐性", "门店", "消费者问卷（购药时机）", 4, 3),
    ("动销数据共享与联合复盘", "隐性", "总部", "高层访谈（数字化规划）", 3, 4),
    ("与竞品差异化的独家品种", "显性", "外部", "竞品监测（合作模式）", 2, 5),
)


#: 我方匹配能力, from match 5 down to 1 (the rubric of kamlab.opportunity.FIT_LEVELS).
_FIT = ("现有方案可直接满足", "现有资源稍作调整即可满足", "需市场部、品牌部配合", "需公司新增政策或预算", "超出我方能力")


def _needs(variant: int) -> pd.DataFrame:
    rng = rng_for("needs", variant)
    accounts = np.arange(1, 37)  # every chain, so the account a trainee picks in m02 has needs
    per = 8
    picks = np.concatenate([rng.choice(len(_NEEDS), per, replace=False) for _ in accounts])
    table = np.array(_NEEDS, dtype=object)[picks]
    n = len(picks)
    match = np.clip(table[:, 4].astype(float) + rng.integers(-1, 2, n), 1, 5).astype(np.int64)
    value = np.clip(table[:, 5].astype(float) + rng.integers(-1, 2, n), 1, 5).astype(np.int64)
    base = np.repeat(np.round(rng.uniform(40, 88, len(accounts)), 1), per)
    pressure = rng.integers(1, 6, n).astype(np.int64)
    # the evidence a trainee scores from (m03): what it takes us to meet the need, and the expected
    # annual uplift in 万元; the course rubric (kamlab.opportunity.evidence_scores) turns them back into
    # exactly the match and value drawn above.  Own stream, so the draws above are unchanged.
    ev = rng_for("needs_evidence", variant)
    lo = np.array([2.0, 8.0, 15.0, 25.0, 40.0])[value - 1]
    hi = np.array([7.9, 14.9, 24.9, 39.9, 68.0])[value - 1]
    uplift = np.round(ev.uniform(lo, hi), 1)
    return pd.DataFrame({
        "account_id": np.repeat([f"C{a:02d}" for a in accounts], per),
        "need_id": [f"N{i:03d}" for i in range(1, n + 1)],
        "need": table[:, 0],
        "kind": table[:, 1],
        "channel": table[:, 2],
        "source": table[:, 3],
        "fit": np.array(_FIT, dtype=object)[5 - match],
        "uplift": uplift,
        "base_score": base,
        "competitor_pressure": pressure,
    })


#: The clauses of a chain's annual agreement (seed 000 §五 双赢协议关键条款; seed 001 签订年度分销协议:
#: 规定连锁总部 1 年的分销数量), options best for us first, and whether the clause is core.  Core
#: (核心条款) as seed 000 names them: 动销目标 (the annual distribution volume) and 活动支持 (joint
#: activities); the price terms of a one-way deal (供货价格、结算周期、返利) are what can be traded.
_CLAUSES = (  # clause, options (best for us first), core
    ("供货价格/折扣", ("无折扣", "3%", "5%", "8%", "10%"), False),
    ("回款账期", ("30天", "45天", "60天", "90天", "120天"), False),
    ("年度分销数量", ("12万盒", "10万盒", "8万盒", "6万盒"), True),
    ("新品铺货率", ("100%", "80%", "60%", "40%"), False),
    ("联合活动", ("每月1次", "每季度2次", "每季度1次", "每半年1次"), True),
    ("店员培训", ("每月1次", "每季度2次", "每季度1次"), False),
    ("数据反馈", ("门店级周数据", "门店级月数据", "城市级月数据", "不提供"), False),
    ("返利", ("1%", "2%", "3%", "5%"), False),
)


def _weights(rng: np.random.Generator, n: int) -> np.ndarray:
    raw = rng.uniform(1, 4, n)
    w = np.round(raw / raw.sum() * 100)
    w[np.argmax(w)] += 100 - w.sum()
    return w


def _ladder(rng: np.random.Generator, k: int, start: float, stop: float) -> np.ndarray:
    """k strictly monotone whole numbers from *start* to *stop* with uneven steps."""
    steps = rng.uniform(0.5, 1.5, k - 1)
    frac = np.concatenate([[0.0], np.cumsum(steps) / steps.sum()])
    return np.round(start + (stop - start) * frac)


def _clauses(variant: int) -> pd.DataFrame:
    """The clause table of *variant*: core clauses as the seed names them, our weight heaviest on price.

    The story every variant keeps: a manufacturer feels the price (供货价格/折扣 carries our largest
    weight), yet the core clauses are the 动销 ones (年度分销数量, 联合活动), so "our heaviest clauses
    are the core" is the mistake exercise 1 catches.
    """
    rng = rng_for("clauses", variant)
    m = len(_CLAUSES)
    our_w, their_w = _weights(rng, m), _weights(rng, m)
    price = [c[0] for c in _CLAUSES].index("供货价格/折扣")
    top = int(np.argmax(our_w))
    our_w[[price, top]] = our_w[[top, price]]
    core = np.array([c[2] for c in _CLAUSES])
    frames = []
    for j, (clause, options, _) in enumerate(_CLAUSES):  # 8 clauses, not data rows
        k = len(options)
        ours = _ladder(rng, k, 100, rng.uniform(0, 25))
        theirs = _ladder(rng, k, rng.uniform(0, 30), 100)
        opening = int(rng.random() < 0.2)
        target = opening + int(rng.integers(0, max(1, (k - opening) // 2 + 1)))
        walk = min(k - 1, target + int(rng.integers(0 if core[j] else 1, 3 if not core[j] else 2)))
        frames.append(pd.DataFrame({
            "clause": clause, "option_order": np.arange(1, k + 1), "option": options,
            "ours": ours, "theirs": theirs, "our_weight": our_w[j], "their_weight": their_w[j],
            "core": core[j], "opening": options[opening], "target": options[target],
            "walk_away": options[walk]}))
    return pd.concat(frames, ignore_index=True)
