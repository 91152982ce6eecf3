"""m05 checks: each question's check, recomputing its reference on the context's data and earlier answers.

Examples
--------
>>> from kamlab.grading import Context
>>> _check_q2({"返利": 100}, Context("m05")).ok
False
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..._errors import BadValueError
from ...grading import Context, Verdict, fail, passed
from ._case import CORE_TOP, DATASET, MIN_ROUNDS, MIN_TRADEABLE, clause_names
from ._log import review_log
from ._model import assess, core_list, matrix, split


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    if not (isinstance(answer, Mapping) and {"top", "extra", "core", "tradeable"} <= set(answer)):
        return fail("答案应是 kl.course.m05.split(clauses, top=..., extra=[...]) 的结果。",
                    "The answer should be the result of kl.course.m05.split(clauses, top=..., extra=[...]).")
    clauses = ctx.load(DATASET)
    top = answer["top"]
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or int(top) < CORE_TOP:
        return fail(f"课程规则：按我方权重最重要的前 {CORE_TOP} 个条款必须是核心条款（top 至少为 {CORE_TOP}）。",
                    f"Course rule: our {CORE_TOP} most important clauses (by our weight) must be core "
                    f"(top at least {CORE_TOP}).")
    try:
        ref = split(clauses, top=int(top), extra=list(answer["extra"]))
    except BadValueError:
        return fail("extra 里有不存在的条款，或 top 超出条款个数。",
                    "extra names an unknown clause, or top exceeds the number of clauses.")
    got_core, got_trade = answer["core"], answer["tradeable"]
    if not all(isinstance(x, (list, tuple)) for x in (got_core, got_trade)) or \
            set(map(str, got_core)) != set(ref["core"]) or set(map(str, got_trade)) != set(ref["tradeable"]):
        return fail("核心/可让步条款和按你的 top、extra 在本笔记本数据上算出的不一致："
                    "请用 kl.course.m05.split 计算，不要手工输入条款名单。",
                    "The core/tradeable lists differ from what your top and extra give on this notebook's "
                    "data: compute them with kl.course.m05.split, do not type the lists in.")
    if len(ref["tradeable"]) < MIN_TRADEABLE:
        return fail(f"可让步条款只剩 {len(ref['tradeable'])} 个：至少留 {MIN_TRADEABLE} 个用来交换。",
                    f"Only {len(ref['tradeable'])} tradeable clauses left: keep at least {MIN_TRADEABLE} "
                    f"to trade.")
    return passed(1.0)


def _q2_reason(answer: Any, names: Sequence[str]) -> tuple[str, str] | None:
    if not isinstance(answer, Mapping):
        return ("答案应是一个字典：条款 → 对方权重。", "The answer should be a dict: clause -> their weight.")
    keys = {str(k) for k in answer}
    if keys != set(names):
        missing = [n for n in names if n not in keys]
        extra = sorted(keys - set(names))
        return (f"字典的键应正好是 8 个条款（缺少 {missing}，多出 {extra}）。",
                f"The dict keys should be exactly the clauses (missing {missing}, extra {extra}).")
    values = list(answer.values())
    if not all(isinstance(v, (int, float, np.number)) and not isinstance(v, (bool, np.bool_)) for v in values):
        return ("每个权重都应是数字。", "Every weight should be a number.")
    if not all(math.isfinite(float(v)) and float(v) > 0 for v in values):
        return ("每个条款的对方权重都应大于 0：对方对每个条款都有所关心。",
                "Every clause's weight should be > 0: they care about each clause somewhat.")
    total = float(sum(float(v) for v in values))
    if abs(total - 100) > 1e-6:
        return (f"对方权重合计 {total:g}，应为 100（可用 kl.course.m05.to_100 换算）。",
                f"Their weights add up to {total:g}, not 100 (kl.course.m05.to_100 rescales them).")
    return None


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    reason = _q2_reason(answer, clause_names(ctx.load(DATASET)))
    return passed(1.0) if reason is None else fail(*reason)


def _reference(ctx: Context) -> tuple[Any, Verdict | None]:
    """The concession matrix of *ctx*'s data with the trainee's q2 (and q1), or why there is none."""
    clauses = ctx.load(DATASET)
    q2 = ctx.answers.get("q2", ...)
    if q2 is Ellipsis or _q2_reason(q2, clause_names(clauses)) is not None:
        return None, fail("这一题要用你在练习 2 中估计的对方权重（q2）来核对：请先完成练习 2 并运行它的检查单元格。",
                          "This question is checked with your estimate of their weights from exercise 2 (q2): "
                          "answer exercise 2 first and run its check cell.")
    try:
        core = core_list(ctx.answers.get("q1", ...), clauses)
    except BadValueError:
        core = None
    return matrix(clauses, their_weights=q2, core=core if core is not None else ...), None


def _close(a: Any, b: Any) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-6)
    except (TypeError, ValueError):
        return False


def _same_package(got: Any, ref: Mapping[str, Any], names: Sequence[str]) -> bool:
    return isinstance(got, Mapping) and all(str(got.get(n, "")).strip() == str(ref[n]) for n in names)


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    m, why = _reference(ctx)
    if why is not None:
        return why
    if not isinstance(answer, Mapping):
        return fail("答案应是 m.nash() 的结果（条款 → 选项，加上双方效用）。",
                    "The answer should be the result of m.nash() (clause -> option, plus both utilities).")
    ref = m.nash()
    names = [c.name for c in m.clauses]
    if not _same_package(answer, ref, names):
        return fail("这不是用你估计的对方权重建出的让步矩阵的纳什点：请用 q2 建矩阵，再调用 m.nash()。",
                    "This is not the Nash point of the matrix built with your estimate of their weights: "
                    "build the matrix with q2, then call m.nash().")
    if not (_close(answer.get("u_us"), ref["u_us"]) and _close(answer.get("u_them"), ref["u_them"])):
        return fail("方案对了，但双方效用和计算结果不一致。", "The package is right but the utilities do not match.")
    return passed(1.0)


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    m, why = _reference(ctx)
    if why is not None:
        return why
    if not (isinstance(answer, Mapping) and isinstance(answer.get("package"), Mapping)):
        return fail("答案应是 kl.course.m05.assess(m, {...}) 的结果。",
                    "The answer should be the result of kl.course.m05.assess(m, {...}).")
    try:
        ref = assess(m, answer["package"])
    except ValueError:
        return fail("方案里的条款或选项不对：每个条款选一个已有的选项。",
                    "The package has a wrong clause or option: pick one listed option per clause.")
    numbers = all(_close(answer.get(k), ref[k]) for k in ("u_us", "u_them", "value_left"))
    flags = all(bool(answer.get(k)) == ref[k] for k in ("feasible", "on_frontier"))
    problems = isinstance(answer.get("problems"), (list, tuple)) and \
        set(map(str, answer["problems"])) == set(ref["problems"])
    if not (numbers and flags and problems):
        return fail("效用、可行性、桌上剩余价值或问题条款和对你的方案重新计算的结果不一致："
                    "请用 kl.course.m05.assess(m, 方案) 计算，不要手工填写。",
                    "The utilities, feasibility, value left or problem clauses differ from a fresh evaluation "
                    "of your package: compute them with kl.course.m05.assess(m, package), do not type them.")
    return passed(1.0)


_PLAN_KEYS = ("give_clause", "give_from", "give_to", "get_clause", "get_from", "get_to")


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    m, why = _reference(ctx)
    if why is not None:
        return why
    table = getattr(answer, "table", answer)
    if isinstance(table, (list, tuple)) and all(isinstance(r, Mapping) for r in table):
        table = pd.DataFrame(list(table))
    if not isinstance(table, pd.DataFrame) or not set(_PLAN_KEYS) <= set(table.columns):
        return fail("答案应是交换计划的前两步：m.trade_plan().head(2)。",
                    "The answer should be the first two steps of the trade plan: m.trade_plan().head(2).")
    ref = m.trade_plan().head(2)
    if len(table) != len(ref):
        return fail(f"需要交换计划的前 {len(ref)} 步，收到 {len(table)} 步。",
                    f"The first {len(ref)} steps of the trade plan are needed; got {len(table)}.")
    got = table[list(_PLAN_KEYS)].astype(str).to_numpy()
    want = ref[list(_PLAN_KEYS)].astype(str).to_numpy()
    if not (got == want).all():
        return fail("这两步和用你的核心条款、对方权重算出的交换计划不一致：请调用 m.trade_plan()。",
                    "These steps differ from the trade plan your core clauses and weight estimate give: "
                    "call m.trade_plan().")
    return passed(1.0)


def _check_q6(answer: Any, ctx: Context) -> Verdict:
    m, why = _reference(ctx)
    if why is not None:
        return why
    if not (isinstance(answer, Mapping) and "log" in answer):
        return fail("答案应是 kl.course.m05.review_log(m, [...]) 的结果。",
                    "The answer should be the result of kl.course.m05.review_log(m, [...]).")
    try:
        ref = review_log(m, answer["log"])
    except ValueError:
        return fail("记录里有不对的轮次、一方、条款或选项：运行答案单元格看具体提示。",
                    "The log has a wrong round, side, clause or option: run the answer cell for details.")
    same = answer.get("rounds") == ref["rounds"] and bool(answer.get("feasible")) == ref["feasible"] and \
        len(answer.get("unanswered") or []) == len(ref["unanswered"]) and \
        _same_package(answer.get("final"), ref["final"], list(ref["final"]))
    if not same:
        return fail("轮数、无交换的让步或成交方案和对这份记录重新检查的结果不一致：请用 kl.course.m05.review_log 检查。",
                    "The rounds, unanswered concessions or final package differ from a fresh review of this "
                    "log: check it with kl.course.m05.review_log.")
    parts_zh, parts_en = [], []
    if ref["rounds"] < MIN_ROUNDS:
        parts_zh.append(f"只有 {ref['rounds']} 轮，至少要 {MIN_ROUNDS} 轮")
        parts_en.append(f"only {ref['rounds']} rounds, at least {MIN_ROUNDS} needed")
    if ref["unanswered"]:
        parts_zh.append(f"有 {len(ref['unanswered'])} 次我方让步没有换到对方的让步（无交换不让步）")
        parts_en.append(f"{len(ref['unanswered'])} concessions of ours got nothing in exchange")
    if not ref["feasible"]:
        parts_zh.append("成交方案有条款低于我方底线")
        parts_en.append("the final package has a clause below our walk-away")
    if not parts_zh:
        return passed(1.0)
    return Verdict(ok=False, score=(3 - len(parts_zh)) / 3, reason_zh="；".join(parts_zh),
                   reason_en="; ".join(parts_en))
