"""The checks of m06: the plan and the scheme on their own, the results recomputed with the trainee's scheme.

Examples
--------
>>> _table_of(None) is None
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ... import incentives
from ...grading import Context, Verdict, close_to, fail
from ._case import DATASET, POLICY_CAP, PRODUCT_PRICE
from ._model import sellout_chain

def _their_scheme(ctx: Context) -> Any:
    q2 = ctx.answers.get("q2")
    if q2 is None:
        return None
    try:
        return incentives.as_scheme(q2)
    except (ValueError, TypeError, AttributeError, IndexError):
        return None


def _table_of(answer: Any) -> Any:
    table = getattr(answer, "table", answer)
    return table if isinstance(table, pd.DataFrame) else None


def _chain_of(ctx: Context) -> str:
    """The chain of the trainee's q3 table when it names one chain of the data, else the designated one."""
    sellout = ctx.load(DATASET)
    table = _table_of(ctx.answers.get("q3"))
    if table is not None and "chain_id" in table.columns:
        ids = {str(c) for c in table["chain_id"].unique()}
        if len(ids) == 1 and ids <= set(sellout["chain_id"].astype(str)):
            return ids.pop()
    return sellout_chain(sellout, ctx.load("chains"), None)


def _reference(ctx: Context, scheme: Any, chain: str | None = None) -> Any:
    return incentives.simulate(ctx.load(DATASET), scheme, chain=chain or _chain_of(ctx))


def _check_q1(answer: Any, ctx: Context) -> Verdict | bool:
    try:
        plan = incentives.push_plan(answer)
    except ValueError as err:
        zh, en = getattr(err, "zh", str(err)), getattr(err, "en", str(err))
        return fail("推动计划的格式不对：" + zh, "The push plan is malformed: " + en)
    if plan.problems:
        return fail("推动计划还有问题：" + "；".join(p.zh for p in plan.problems),
                    "The push plan has problems: " + "; ".join(p.en for p in plan.problems))
    if (plan.table["kind"] == "wave").sum() < 2:
        return fail("门店推动至少分两批：先试点、再推广。", "Roll the store push out in at least two waves: pilot, then scale.")
    return True


def _check_q2(answer: Any, ctx: Context) -> Verdict | bool:
    try:
        scheme = incentives.as_scheme(answer)
    except ValueError as err:
        return fail("激励方案的格式不对：" + getattr(err, "zh", str(err)),
                    "The incentive scheme is malformed: " + getattr(err, "en", str(err)))
    except (TypeError, AttributeError, IndexError):
        return fail("答案应是一个激励方案字典 {\"basis\": ..., \"tiers\": [...], ...}。",
                    "The answer should be an incentive scheme dict {\"basis\": ..., \"tiers\": [...], ...}.")
    if len(scheme.tiers) < 2:
        return fail("阶梯式激励至少要有两档。", "A tiered (阶梯式) incentive needs at least two tiers.")
    if not math.isclose(scheme.unit_price, PRODUCT_PRICE):
        return fail(f"单价 unit_price 应是策略品种的价格（{PRODUCT_PRICE:g} 元/盒）。",
                    f"unit_price should be the strategic product's price ({PRODUCT_PRICE:g} yuan a box).")
    if scheme.cost_cap > POLICY_CAP + 1e-12:
        return fail(f"费用上限 cost_cap 超过了公司规定（最多 {POLICY_CAP:.0%}）。",
                    f"cost_cap is above the company policy (at most {POLICY_CAP:.0%}).")
    return True


def _need_q2(ctx: Context) -> Any:
    scheme = _their_scheme(ctx)
    if scheme is None:
        return fail("先完成练习 2（一个格式正确的激励方案），再做这一题。",
                    "Finish exercise 2 (a well-formed incentive scheme) first.")
    return scheme


def _check_q3(answer: Any, ctx: Context) -> Verdict | bool:
    scheme = _need_q2(ctx)
    if isinstance(scheme, Verdict):
        return scheme
    table = _table_of(answer)
    cols = {"payout", "incremental_sales", "chain_id"}
    if table is None or not cols <= set(table.columns):
        return fail("答案应是 kl.incentives.simulate(sellout, q2, chain=chain) 的结果。",
                    "The answer should be the result of kl.incentives.simulate(sellout, q2, chain=chain).")
    ids = {str(c) for c in table["chain_id"].unique()}
    sellout = ctx.load(DATASET)
    if len(ids) != 1 or not ids <= set(sellout["chain_id"].astype(str)):
        return fail("请只对一家连锁（chain=chain）的门店试算。", "Simulate the stores of one chain only (chain=chain).")
    ref = _reference(ctx, scheme, ids.pop())
    cost = float(np.nansum(table["payout"].to_numpy(dtype=float)))
    incr = float(np.nansum(table["incremental_sales"].to_numpy(dtype=float)))
    share = 0.0 if cost == 0 else (math.inf if incr <= 0 else cost / incr)
    same_cost = math.isclose(cost, ref.total_cost, rel_tol=1e-6, abs_tol=1e-6)
    same_share = share == ref.cost_share or math.isclose(share, ref.cost_share, rel_tol=1e-6, abs_tol=1e-9)
    if len(table) != len(ref.table) or not (same_cost and same_share):
        return fail("试算结果和你在练习 2 的方案对不上：请用 kl.incentives.simulate(sellout, q2, chain=chain)，"
                    "不要改数据或方案。",
                    "The result does not match your exercise-2 scheme: use "
                    "kl.incentives.simulate(sellout, q2, chain=chain) without changing the data or the scheme.")
    return True


def _check_q4(answer: Any, ctx: Context) -> Verdict | bool:
    scheme = _need_q2(ctx)
    if isinstance(scheme, Verdict):
        return scheme
    if isinstance(answer, (str, bytes, Mapping)) or not isinstance(answer, (list, tuple)):
        return fail("答案应是 kl.incentives.compliance(q2, q3) 的结果（一个列表）。",
                    "The answer should be the result of kl.incentives.compliance(q2, q3) (a list).")
    violations = incentives.compliance(scheme, _reference(ctx, scheme))
    if violations:
        return fail("你的方案在这份数据上不合规：" + "；".join(v.zh for v in violations),
                    "Your scheme is not compliant on this data: " + "; ".join(v.en for v in violations))
    if len(answer) != 0:
        return fail("合规检查的结果和你的方案对不上：请用 kl.incentives.compliance(q2, q3)。",
                    "The compliance result does not match your scheme: use kl.incentives.compliance(q2, q3).")
    return True


def _check_q5(answer: Any, ctx: Context) -> Verdict | bool:
    scheme = _need_q2(ctx)
    if isinstance(scheme, Verdict):
        return scheme
    return close_to(lambda c: _reference(c, scheme).cost_share, rel=1e-6)(answer, ctx)
