"""The check functions of m10: each judges the trainee's decision against the data of the variant they saw.

q1-q8 are literal decisions (``Question(on="seen")``): every check loads or rebuilds the tables of
``ctx.variant`` (the variant the trainee saw) and recomputes the reference with :mod:`._model`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ... import retail
from ...grading import Context, Verdict, as_ids, fail, passed
from ._case import DATASET, NONE, PRODUCT_ROLE, RULES, SEED_RULE, TODAY, VERDICTS, course_chain
from ._model import (abnormal_stores, distribution, failing_chains, hq_gaps, leaders, promotion_verdict, ranking,
                     under_exposed)

__all__ = ["check_q1", "check_q2", "check_q3", "check_q4", "check_q5", "check_q6", "check_q7", "check_q8",
           "check_q9"]




def _pick(answer: Any, right: list[str], known: list[str], why: Any, points: float,
          missing: tuple[str, str]) -> Verdict:
    """Judge a pick-several answer: *why(id)* says why a wrongly ticked id is wrong."""
    ids = as_ids(answer)
    if ids is None:
        return fail("答案应该是编号的列表。", "The answer should be a list of ids.")
    if not ids:
        return fail("还没有勾选：在表单里勾选；一个都没有时勾选“无”。",
                    "Nothing ticked yet: tick in the form, or “无” (none) when there are none.")
    unknown = [i for i in ids if i != NONE and i not in known]
    if unknown:
        return fail(f"{unknown[0]} 不在本笔记本的数据里。", f"{unknown[0]} is not in this notebook's data.")
    if NONE in ids:
        if len(ids) > 1:
            return fail("既勾了“无”又勾了编号：二者只能选其一。", "Both “无” (none) and ids are ticked: choose one.")
        return passed(points) if not right else fail(
            f"图里有 {len(right)} 项符合条件：不是“没有”。", f"{len(right)} of them meet the condition: not “none”.")
    extra = [i for i in ids if i not in right]
    if extra:
        return fail(*why(extra[0]))
    if set(right) - set(ids):
        n = len(set(right) - set(ids))
        return fail(missing[0].format(n=n), missing[1].format(n=n))
    return passed(points)


def _listing(ctx: Context, sellout: pd.DataFrame) -> Any:
    return retail.example_listing(sellout, ctx.variant)


def check_q1(answer: Any, ctx: Context) -> Verdict:
    """q1: the chains with at least one rate below the 0.8 pass line."""
    sellout = ctx.load(DATASET)
    table = distribution(sellout, _listing(ctx, sellout)).table

    def why(cid: str) -> tuple[str, str]:
        r = table.loc[cid]
        return (f"{cid} 的总部品类采购率 {r['hq_purchase_rate']:.0%}、目标门店铺货率 {r['distribution_rate']:.0%}、"
                f"新品及时铺货率 {r['on_time_shelf_rate']:.0%} 都不低于考核线 80%：它达标了。",
                f"{cid}'s HQ purchase {r['hq_purchase_rate']:.0%}, target-store distribution "
                f"{r['distribution_rate']:.0%} and on-time shelving {r['on_time_shelf_rate']:.0%} all reach the "
                f"80% pass line: it passes.")

    return _pick(answer, failing_chains(sellout, _listing(ctx, sellout)), [str(i) for i in table.index], why, 2.0,
                 ("还漏了 {n} 家有比率低于考核线的连锁：三个比率都要看，不只是门店铺货率。",
                  "{n} chain(s) with a rate below the pass line are missing: all three rates count, not only "
                  "store distribution."))


def check_q2(answer: Any, ctx: Context) -> Verdict:
    """q2: the chains whose HQ purchase rate is below the pass line (the fix starts with HQ buying)."""
    sellout = ctx.load(DATASET)
    table = distribution(sellout, _listing(ctx, sellout)).table

    def why(cid: str) -> tuple[str, str]:
        r = table.loc[cid]
        return (f"{cid} 的总部品类采购率是 {r['hq_purchase_rate']:.0%}，总部已经采购了：问题在门店这一环"
                f"（目标门店铺货率 {r['distribution_rate']:.0%}），要去门店补货，而不是找总部补品类。",
                f"{cid}'s HQ purchase rate is {r['hq_purchase_rate']:.0%}, the HQ has bought: the gap is in the "
                f"stores (target-store distribution {r['distribution_rate']:.0%}), fixed in the stores, not by "
                f"HQ buying.")

    return _pick(answer, hq_gaps(sellout, _listing(ctx, sellout)), [str(i) for i in table.index], why, 2.0,
                 ("还漏了 {n} 家总部品类采购率低于考核线的连锁。",
                  "{n} chain(s) whose HQ purchase rate is below the pass line are missing."))


def check_q3(answer: Any, ctx: Context) -> Verdict:
    """q3: the stores whose fair-share index is below 0.8 (facings short of their sales share)."""
    shelf = retail.example_facings(ctx.variant)
    table = retail.facings(shelf, tolerance=0.2).table

    def why(sid: str) -> tuple[str, str]:
        r = table.loc[sid]
        return (f"{sid} 的陈列面占比 {r['facing_share']:.0%}、销售占比 {r['market_share']:.0%}，公平份额指数 "
                f"{r['fair_share_index']:.2f} 不低于 0.8：陈列面和它卖的量相当或更多，不算陈列不足。",
                f"{sid}'s facing share {r['facing_share']:.0%} and sales share {r['market_share']:.0%} give a "
                f"fair-share index of {r['fair_share_index']:.2f}, not below 0.8: its shelf matches or beats what "
                f"it sells.")

    return _pick(answer, under_exposed(shelf), [str(i) for i in table.index], why, 2.0,
                 ("还漏了 {n} 家公平份额指数低于 0.8 的门店。", "{n} store(s) with a fair-share index below 0.8 "
                                                         "are missing."))


def check_q4(answer: Any, ctx: Context) -> Verdict:
    """q4: the stores with a price outside ±10 % of the suggested retail price, low or high."""
    prices = retail.example_prices(ctx.variant)
    table = retail.price_watch(prices, suggested=retail.SUGGESTED_PRICES, band=(-0.1, 0.1)).table

    def why(sid: str) -> tuple[str, str]:
        worst = table.loc[[sid]]
        worst = worst.iloc[int(np.argmax(np.abs(worst["deviation"].to_numpy())))]
        return (f"{sid} 偏离最大的是{worst['product']}，{worst['deviation']:+.0%}，仍在 ±10% 的价格带内。",
                f"{sid}'s largest deviation, {worst['product']}, is {worst['deviation']:+.0%}: inside the ±10% band.")

    return _pick(answer, abnormal_stores(prices), sorted({str(i) for i in table.index}), why, 2.0,
                 ("还漏了 {n} 家有价格超出价格带的门店：低于和高于价格带都算异常。",
                  "{n} store(s) with a price outside the band are missing: too low and too high both count."))


_VERDICT_WHY = {
    "lift": ("销量提升不等于赚钱：85 折让利落在促销期卖出的每一盒上，要比的是毛利，不是盒数。",
             "More units are not more profit: the 15 % off applies to every box sold in the promotion; compare "
             "gross profit, not boxes."),
    "sales": ("增量销售额是营业额，不是利润：把它和费用相比，漏掉了成本和折扣让利。",
              "Incremental sales are turnover, not profit: set against the cost they leave out the product cost "
              "and the discount."),
    "extra_margin": ("只给增量销量算正常毛利，漏掉了基线那部分销量也打了折：本来原价就能卖出的货，让利也是促销的成本。",
                     "Counting only the extra units at the regular margin forgets that the baseline units were "
                     "discounted too: the discount on boxes that would have sold at full price is a cost of the "
                     "promotion."),
}


def check_q5(answer: Any, ctx: Context) -> Verdict:
    """q5: the verdict on the promotion, from the gross profit with the discount on every unit sold."""
    if answer is None or answer == "":
        return fail("还没有选择结论。", "No verdict chosen yet.")
    if answer not in VERDICTS:
        return fail(f"“{answer}”不是表单里的选项。", f"“{answer}” is not one of the form's options.")
    if answer in _VERDICT_WHY:
        return fail(*_VERDICT_WHY[str(answer)])
    if answer != promotion_verdict(retail.example_promotion(ctx.variant)):
        return fail("把折扣算到促销期的每一盒上，再减去促销费用，结果和你的结论相反：请逐项算一遍毛利。",
                    "With the discount on every box sold and the cost taken off, the result is the opposite of "
                    "your verdict: work the gross profit through.")
    return passed(3.0)


def _as_key(value: Any, table: Mapping[str, tuple[str, ...]], english_at: int) -> Any:
    text = str(value).strip() if value is not None else None
    return next((k for k, v in table.items() if text is not None and text.lower() == v[english_at]), text)


def check_q6(answer: Any, ctx: Context) -> Verdict:
    """q6: the category role of 清感颗粒 in winter and a promotion type that suits it."""
    if not isinstance(answer, Mapping) or not {"role", "promotion"} <= set(answer):
        return fail('答案应是一个字典，含“role”和“promotion”两项。', 'The answer should be a dict with "role" and '
                                                               '"promotion".')
    role = _as_key(answer["role"], retail.CATEGORY_ROLES, 1)
    kind = _as_key(answer["promotion"], retail.PROMOTION_TYPES, 1)
    if role is None or kind is None:
        return fail("还没有选择品类角色或促销方式。", "The category role or the promotion type is not chosen yet.")
    if role != PRODUCT_ROLE:
        return fail(f"“{role}”不是清感颗粒冬季的角色：想想感冒止咳类产品在冬季的销售特点。",
                    f"“{role}” is not 清感颗粒's winter role: think of how cold remedies sell in winter.")
    if kind not in retail.PROMOTION_FIT[role]:
        return fail(f"“{kind}”不适合季节性品类：季节高峰要在短时间内抢占份额。",
                    f"“{kind}” does not suit a seasonal role: the peak is for winning share quickly.")
    return passed(2.0)


_RULE_WHY = {
    "units": ("按本月绝对量排名，大店总是赢，小店没有动力：讲义的单店竞赛依据上月销量确定增长量来排名。",
              "By absolute units the big stores always win and the small ones give up: the handout ranks the "
              "single-store contest by the increase over last month."),
    "growth": ("按增长率排名又不设基数，上月只卖几盒的门店很容易“翻倍”：讲义的单店竞赛比的是增长量。",
               "By growth with no minimum base a store that sold a few boxes doubles easily: the handout's "
               "single-store contest compares the increase."),
}


def check_q7(answer: Any, ctx: Context) -> Verdict:
    """q7: the seed's ranking rule of the all-product single-store contest (the increase over last month)."""
    if answer is None or answer == "":
        return fail("还没有选择排名规则。", "No ranking rule chosen yet.")
    if answer not in RULES:
        return fail(f"“{answer}”不是表单里的选项。", f"“{answer}” is not one of the form's options.")
    return passed(2.0) if answer == SEED_RULE else fail(*_RULE_WHY[str(answer)])


def check_q8(answer: Any, ctx: Context) -> Verdict:
    """q8: the store with the largest increase over last month in the key account."""
    if answer is None or answer == "":
        return fail("还没有选择门店。", "No store chosen yet.")
    sellout = ctx.load(DATASET)
    chain = course_chain(sellout, ctx.load("chains"))
    table = ranking(sellout, chain, SEED_RULE)
    if str(answer) not in set(map(str, table.index)):
        return fail(f"{answer} 不是 {chain} 的门店。", f"{answer} is not a store of {chain}.")
    if str(answer) in leaders(sellout, chain):
        return passed(2.0)
    r = table.loc[str(answer)]
    return fail(f"{answer} 本月 {r['units']:.0f} 盒、上月 {r['last_units']:.0f} 盒，增长量 {r['increase']:+.0f} 盒，"
                f"不是最多的：比的是增长量，不是本月销量或增长率。",
                f"{answer} sold {r['units']:.0f} now and {r['last_units']:.0f} last month, an increase of "
                f"{r['increase']:+.0f}, not the largest: the contest compares the increase, not units or growth.")


def check_q9(answer: Any, ctx: Context) -> Verdict:
    """q9: a store training plan that passes the seed's checklist on the course date."""
    if not isinstance(answer, Mapping):
        return fail("答案应是一份店教计划（字典）。", "The answer should be a training plan (a dict).")
    if not answer.get("audience") and not answer.get("content"):
        return fail("还没有选择培训对象和内容。", "No audience or content chosen yet.")
    res = retail.plan_check("training", dict(answer), today=TODAY)
    if res.ok:
        return passed(2.0)
    return fail("店教计划还有问题：" + "；".join(p.zh for p in res.problems),
                "The training plan has problems: " + "; ".join(p.en for p in res.problems))
