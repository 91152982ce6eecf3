"""The check functions of m10: each recomputes the reference on the context's own data with the trainee's decisions."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ... import retail
from ...grading import Context, Verdict, WrongType, fail
from ._case import DATASET, MARGIN, PRODUCT_ROLE, PROMO_COST, TODAY, course_chain


def _table(answer: Any, columns: set[str], call: str) -> pd.DataFrame | Verdict:
    table = getattr(answer, "table", answer)
    if not isinstance(table, pd.DataFrame) or not columns <= set(table.columns) or not len(table):
        return fail(f"答案应是 {call} 的结果。", f"The answer should be the result of {call}.")
    return table


def _same_numbers(a: Any, b: Any, rel: float = 1e-6) -> bool:
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return x.shape == y.shape and bool(np.allclose(x, y, rtol=rel, atol=1e-9, equal_nan=True))
def _same_labels(a: Any, b: Any) -> bool:
    return [str(x) for x in a] == [str(x) for x in b]


_MISMATCH = ("结果和本工作簿的数据对不上：请用表单写出的那一行计算，不要手填数字或改数据。",
             "The result does not match this workbook's data: compute it with the line the form writes; do not "
             "type numbers or change the data.")


def check_q1(answer: Any, ctx: Context) -> Verdict | bool:
    """q1: the distribution check with a pass line of at least 0.8 and a new-product window of at most 1 month."""
    cols = {"target", "new_product_months", "distribution_rate", "hq_purchase_rate", "on_time_shelf_rate",
            "passed"}
    t = _table(answer, cols, "kl.retail.distribution_check(sellout, hq_listed=listing, ...)")
    if isinstance(t, Verdict):
        return t
    target, months = float(t["target"].iloc[0]), int(t["new_product_months"].iloc[0])
    if target < 0.8 - 1e-9:
        return fail("达标线太低：课程要求目标门店 100% 铺货，考核线不应低于 0.8。",
                    "The pass line is too low: the seed asks for 100% of target stores; do not go below 0.8.")
    if months > 1:
        return fail("新品应在上市 1 个月内由连锁总部采购（new_product_months 不超过 1）。",
                    "The HQ should buy a new product within 1 month of launch (new_product_months at most 1).")
    sellout = ctx.load(DATASET)
    ref = retail.distribution_check(sellout, hq_listed=retail.example_listing(sellout, ctx.variant),
                                    target=target, new_product_months=months).table
    if t["hq_purchase_rate"].isna().all():
        return fail("请传入总部采购品类 hq_listed=listing，才能算总部品类采购率。",
                    "Pass hq_listed=listing so the HQ category purchase rate is computed.")
    ok = _same_labels(t.index, ref.index) and all(
        _same_numbers(t[c], ref[c]) for c in ("distribution_rate", "hq_purchase_rate", "on_time_shelf_rate")) \
        and [bool(x) for x in t["passed"]] == [bool(x) for x in ref["passed"]]
    return True if ok else fail(*_MISMATCH)


def check_q2(answer: Any, ctx: Context) -> Verdict | bool:
    """q2: the facings with a fair band of at most ±50%."""
    t = _table(answer, {"tolerance", "fair_share_index", "status_code"}, "kl.retail.facings(shelf, tolerance=...)")
    if isinstance(t, Verdict):
        return t
    tol = float(t["tolerance"].iloc[0])
    if tol > 0.5 + 1e-9:
        return fail("合理区间太宽（超过 ±50%）：这样几乎看不出陈列不足的门店。",
                    "The fair band is too wide (beyond ±50%): hardly any under-exposed store would show.")
    ref = retail.facings(retail.example_facings(ctx.variant), tolerance=tol).table
    ok = _same_labels(t.index, ref.index) and _same_numbers(t["fair_share_index"], ref["fair_share_index"]) \
        and _same_labels(t["status_code"], ref["status_code"])
    return True if ok else fail(*_MISMATCH)


def check_q3(answer: Any, ctx: Context) -> Verdict | bool:
    """q3: the price watch with a band within ±30% of the suggested price."""
    t = _table(answer, {"suggested", "band_low", "band_high", "deviation", "status_code", "product"},
               "kl.retail.price_watch(prices, suggested=kl.retail.SUGGESTED_PRICES, band=(...))")
    if isinstance(t, Verdict):
        return t
    lo = float(t["band_low"].iloc[0] / t["suggested"].iloc[0] - 1)
    hi = float(t["band_high"].iloc[0] / t["suggested"].iloc[0] - 1)
    if not (-0.3 - 1e-9 <= lo < 0 < hi <= 0.3 + 1e-9):
        return fail("价格带应在建议零售价的 -30% 到 +30% 之间，且上下都留有空间。",
                    "The band should lie within -30% and +30% of the suggested price, with room on both sides.")
    ref = retail.price_watch(retail.example_prices(ctx.variant), suggested=retail.SUGGESTED_PRICES,
                             band=(round(lo, 6), round(hi, 6))).table
    ok = _same_labels(t.index, ref.index) and _same_labels(t["product"], ref["product"]) \
        and _same_numbers(t["deviation"], ref["deviation"]) and _same_labels(t["status_code"], ref["status_code"])
    return True if ok else fail(*_MISMATCH)


def check_q4(answer: Any, ctx: Context) -> Verdict | bool:
    """q4: the promotion evaluated with the course's cost and margin and a baseline of at least 2 weeks."""
    cols = {"period_start", "period_end", "baseline_periods", "baseline_end", "cost", "margin", "roi", "lift",
            "incremental_sales"}
    t = _table(answer, cols, "kl.retail.promotion(promo, baseline=..., cost=PROMO_COST, margin=MARGIN)")
    if isinstance(t, Verdict):
        return t
    row = t.iloc[0]
    if not (math.isclose(float(row["cost"]), PROMO_COST) and math.isclose(float(row["margin"]), MARGIN)):
        return fail("促销费用和毛利率请用 kl.course.m10.PROMO_COST 和 kl.course.m10.MARGIN。",
                    "Use kl.course.m10.PROMO_COST and kl.course.m10.MARGIN for the cost and the margin.")
    n = int(row["baseline_periods"])
    if n < 2:
        return fail("基线只用 1 周太不稳定：至少用促销前 2 周的平均。",
                    "A 1-week baseline is too unstable: average at least the 2 weeks before the promotion.")
    promo = retail.example_promotion(ctx.variant)
    try:
        ref = retail.promotion(promo, baseline=n, cost=PROMO_COST, margin=MARGIN).table.iloc[0]
    except ValueError:
        return fail(*_MISMATCH)
    same = all(str(row[c]) == str(ref[c]) for c in ("period_start", "period_end", "baseline_end")) and \
        _same_numbers([row["roi"], row["lift"], row["incremental_sales"]],
                      [ref["roi"], ref["lift"], ref["incremental_sales"]])
    return True if same else fail(*_MISMATCH)


def check_q5(answer: Any, ctx: Context) -> Verdict | bool:
    """q5: the category role of 清感颗粒 and a promotion type that suits it (Chinese or English names)."""
    if not isinstance(answer, Mapping) or not {"role", "promotion"} <= set(answer):
        raise WrongType('一个字典 {"role": ..., "promotion": ...}', 'a dict {"role": ..., "promotion": ...}', answer)
    role, kind = str(answer["role"]).strip(), str(answer["promotion"]).strip()
    # English names (what the English form writes) stand for their Chinese keys
    role = next((k for k, v in retail.CATEGORY_ROLES.items() if role.lower() == v[1]), role)
    kind = next((k for k, v in retail.PROMOTION_TYPES.items() if kind.lower() == v[1]), kind)
    if role != PRODUCT_ROLE:
        return fail("品类角色不对：想想感冒止咳类产品在冬季的销售特点。",
                    "The category role is not right: think of how cold remedies sell in winter.")
    if kind not in retail.PROMOTION_FIT[role]:
        return fail("这种促销方式不适合这个品类角色：对照品类角色表。",
                    "This promotion type does not suit the role: see the category-role table.")
    return True


def check_q6(answer: Any, ctx: Context) -> Verdict | bool:
    """q6: the single-store contest of the course chain (a minimum base when ranking by growth, top 3 at least)."""
    t = _table(answer, {"metric", "min_last", "score", "rank", "units", "last_units"},
               "kl.retail.contest(sellout, chain=chain, metric=..., ...)")
    if isinstance(t, Verdict):
        return t
    metric, min_last = str(t["metric"].iloc[0]), float(t["min_last"].iloc[0])
    if metric not in retail.METRICS:
        return fail(*_MISMATCH)
    if metric == "growth" and min_last < 10:
        return fail("按增长率排名时要设最低基数（上月至少 10 盒），否则上月只卖几盒的门店很容易“增长”翻倍。",
                    "Ranking by growth needs a minimum base (at least 10 units last month); otherwise a store "
                    "that sold a few boxes doubles easily.")
    if len(t) < 3:
        return fail("竞赛至少奖励前 3 名（top ≥ 3）。", "Reward at least the top 3 (top ≥ 3).")
    sellout = ctx.load(DATASET)
    chain = course_chain(sellout, ctx.load("chains"))
    ref = retail.contest(sellout, chain=chain, metric=metric, min_last=min_last, top=len(t)).table
    ok = _same_labels(t.index, ref.index) and _same_numbers(t["score"], ref["score"])
    return True if ok else fail(*_MISMATCH)


def check_q7(answer: Any, ctx: Context) -> Verdict | bool:
    """q7: a store training plan that passes ``kl.retail.plan_check("training", ...)`` on the course date."""
    if not isinstance(answer, Mapping):
        return fail("答案应是一个店教计划字典 {\"audience\": ..., \"content\": [...], ...}。",
                    "The answer should be a training plan dict {\"audience\": ..., \"content\": [...], ...}.")
    res = retail.plan_check("training", dict(answer), today=TODAY)
    if res.ok:
        return True
    return fail("店教计划还有问题：" + "；".join(p.zh for p in res.problems),
                "The training plan has problems: " + "; ".join(p.en for p in res.problems))
