"""m02's check functions: q1's rules, and q2-q5 recomputed with the trainee's own q1 on the context's data."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ...grading import Context, Verdict, fail, passed
from ._case import DIMENSIONS
from ._model import _codes, members, tiering, unstable


def _reference(ctx: Context) -> tuple[Any, Verdict | None]:
    """The reference tiering of *ctx*'s data with the trainee's own q1, or why there is none."""
    q1 = ctx.answers.get("q1", ...)
    if q1 is Ellipsis or _check_q1_reason(q1) is not None:
        return None, fail("这一题要用你在练习 1 中定的权重（q1）来核对：请先完成练习 1 并运行它的检查单元格。",
                          "This question is checked against your own weights from exercise 1 (q1): "
                          "answer exercise 1 first and run its check cell.")
    return tiering(ctx.load("chains"), q1), None


def _check_q1_reason(answer: Any) -> tuple[str, str] | None:
    if not isinstance(answer, Mapping):
        return ("答案应该是一个字典：三个维度的权重加分界线 cut。",
                "The answer should be a dict: the three dimension weights plus the cut.")
    missing = [d for d in (*DIMENSIONS, "cut") if d not in answer]
    extra = [str(k) for k in answer if k not in (*DIMENSIONS, "cut")]
    if missing or extra:
        return (f"字典的键应正好是 {list(DIMENSIONS) + ['cut']}（缺少 {missing}，多出 {extra}）。",
                f"The dict keys should be exactly {list(DIMENSIONS) + ['cut']} (missing {missing}, extra {extra}).")
    try:
        weights = [float(answer[d]) for d in DIMENSIONS]
        c = float(answer["cut"])
    except (TypeError, ValueError):
        return ("权重和分界线都应该是数字。", "Weights and cut should be numbers.")
    if not all(math.isfinite(w) and w > 0 for w in weights):
        return ("每个维度的权重都应大于 0：三个维度都要看。", "Every dimension weight should be > 0: all three count.")
    if abs(sum(weights) - 100) > 1e-6:
        return (f"三个权重合计 {sum(weights):g}，应为 100。", f"The three weights add up to {sum(weights):g}, not 100.")
    if not (math.isfinite(c) and 30 <= c <= 70):
        return ("分界线 cut 应在 30 到 70 之间。", "The cut should be between 30 and 70.")
    return None


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    reason = _check_q1_reason(answer)
    return passed(2.0) if reason is None else fail(*reason)


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    ref, why = _reference(ctx)
    if why is not None:
        return why
    if not isinstance(answer, pd.DataFrame):
        return fail("答案应该是 kl.screening.screen(...) 的结果（一张分层表）。",
                    "The answer should be the result of kl.screening.screen(...) (a tiering table).")
    table = ref.table
    got_ids = sorted(map(str, answer.index))
    if got_ids != sorted(map(str, table.index)):
        return fail("分层表里的客户和本笔记本的数据不一致：请对全部连锁客户（chains）做分层，不要手工筛掉或输入。",
                    "The chains in your tiering differ from this notebook's data: tier every chain in "
                    "`chains`, do not filter or type them in.")
    if "quadrant_code" not in answer.columns and "quadrant" not in answer.columns:
        return fail("分层表里没有象限（quadrant）列。", "The tiering table has no quadrant column.")
    mine = _codes(answer).set_axis(answer.index.astype(str))
    theirs = _codes(table).set_axis(table.index.astype(str))
    wrong = int((mine.reindex(theirs.index) != theirs).sum())
    if wrong:
        return fail(f"有 {wrong} 家客户的象限和用你在 q1 中的权重、分界线算出的不一致。"
                    "用 kl.course.m02.rubric(q1) 和 kl.course.m02.cut(q1) 调用筛选工具，不要手工改。",
                    f"{wrong} chains sit in a quadrant other than the one your q1 weights and cut give. "
                    "Call the screening tool with kl.course.m02.rubric(q1) and kl.course.m02.cut(q1); "
                    "do not edit by hand.")
    if "total" in answer.columns:
        diff = (answer["total"].set_axis(answer.index.astype(str)).reindex(theirs.index).astype(float)
                - table["total"].set_axis(theirs.index).astype(float)).abs().max()
        if not diff <= 1e-6:
            return fail("象限对了，但总分和用你在 q1 中的权重算出的不一致。",
                        "The quadrants match, but the totals differ from those your q1 weights give.")
    return passed(3.0)


def _ids(answer: Any) -> list[str] | None:
    if isinstance(answer, (list, tuple, set, frozenset, pd.Index, pd.Series, np.ndarray)):
        values = list(answer.index if isinstance(answer, pd.Series) and answer.dtype == bool else answer)
        if all(isinstance(v, (str, np.str_)) for v in values):
            return [str(v) for v in values]
    return None


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    ref, why = _reference(ctx)
    if why is not None:
        return why
    ids = _ids(answer)
    if ids is None:
        return fail("答案应该是客户编号（chain_id）的列表，例如 kl.course.m02.members(q2, ...) 的结果。",
                    "The answer should be a list of chain ids, e.g. the result of kl.course.m02.members(q2, ...).")
    if set(ids) != set(members(ref, "invest")):
        return fail("这份名单不是你的分层中“重点投入”（高潜力、高利润）象限的客户。",
                    "This list is not the chains of the invest (high potential, high profit) quadrant "
                    "of your tiering.")
    return passed(2.0)


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    q1 = ctx.answers.get("q1", ...)
    _, why = _reference(ctx)
    if why is not None:
        return why
    if not (isinstance(answer, Mapping) and {"spread", "below", "chains"} <= set(answer)):
        return fail("答案应该是 kl.course.m02.unstable(chains, q1, ...) 的结果。",
                    "The answer should be the result of kl.course.m02.unstable(chains, q1, ...).")
    try:
        spread, below = float(answer["spread"]), float(answer["below"])
    except (TypeError, ValueError):
        return fail("spread 和 below 应该是数字。", "spread and below should be numbers.")
    if not (0.05 <= spread <= 0.5 and 0.5 <= below <= 0.95):
        return fail("权重浮动幅度应在 ±5% 到 ±50% 之间，门槛在 0.5 到 0.95 之间。",
                    "The weight swing should be between ±5% and ±50%, the threshold between 0.5 and 0.95.")
    ids = _ids(answer["chains"])
    if ids is None:
        return fail("chains 应该是客户编号的列表。", "chains should be a list of chain ids.")
    expected = unstable(ctx.load("chains"), q1, spread=spread, below=below)["chains"]
    if set(ids) != set(expected):
        return fail("这份不稳定客户名单和用你的权重、分界线及所选浮动幅度算出的不一致：请用 "
                    "kl.course.m02.unstable(chains, q1, ...) 计算，不要手工输入。",
                    "This list of unstable chains differs from what your weights, cut and swing give: "
                    "compute it with kl.course.m02.unstable(chains, q1, ...), do not type it in.")
    return passed(3.0)


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    ref, why = _reference(ctx)
    if why is not None:
        return why
    if not isinstance(answer, str) or not answer:
        return fail("答案应该是一个客户编号（chain_id），例如 kl.course.m02.pick(q2, rank=1) 的结果。",
                    "The answer should be one chain id, e.g. the result of kl.course.m02.pick(q2, rank=1).")
    pool = members(ref, "invest")
    if answer not in (pool or [str(i) for i in ref.table.index]):
        return fail("所选客户不在你的分层的“重点投入”象限里：重点客户应从重点投入象限中选。",
                    "The chosen chain is not in the invest quadrant of your tiering: "
                    "pick the key account from that quadrant.")
    return passed(2.0)
