"""The checks of m09: each answer recomputed on the context's own data (chains, clauses).

Examples
--------
>>> _get({"sheet": 1}, "sheet"), _get(object(), "sheet", "none")
(1, 'none')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ...chains import classify, research_sheet
from ...grading import Context, Verdict, as_number, fail, passed
from ...negotiation import ConcessionMatrix
from ._case import DATASET, _row
from ._model import _DERIVED, _chips, _texts, payment_plan, prep_problems

def _get(answer: Any, key: str, default: Any = None) -> Any:
    if isinstance(answer, Mapping):
        return answer.get(key, default)
    return getattr(answer, key, default)


def _q1_table(answer: Any) -> pd.DataFrame | None:
    """The classification table of a q1 answer (a result, or its table as the grader reads it back)."""
    table = answer if isinstance(answer, pd.DataFrame) else _get(answer, "table")
    if not isinstance(table, pd.DataFrame) or not {"scope_code", "size_code", "mode_code"} <= set(table.columns):
        return None
    table = table[["scope_code", "size_code", "mode_code"]].astype(str)
    table.index = table.index.astype(str)
    return table


def _q1_problem(table: pd.DataFrame, chains: pd.DataFrame) -> tuple[str, str] | None:
    """Why a q1 classification table does not fit the data (None when it does).

    Scope and mode must be the tool's; sizes must follow sales with *some*
    pair of cuts: every small chain sells less than every medium one, every
    medium one less than every large one.
    """
    ref = classify(chains).table
    if set(table.index) != set(ref.index) or len(table) != len(ref):
        return ("分类表里的连锁和本笔记本的连锁名单不一致：请用 kl.chains.classify(chains, cuts=...) 在本数据上计算。",
                "The chains classified are not this notebook's chain list: compute the classes with "
                "kl.chains.classify(chains, cuts=...) on this data.")
    t = table.loc[ref.index]
    if not (t["scope_code"].to_numpy() == ref["scope_code"].to_numpy()).all() or \
            not (t["mode_code"].to_numpy() == ref["mode_code"].to_numpy()).all():
        return ("区域或经营模式的分类和数据不一致：请用 kl.chains.classify 计算，不要手工填写。",
                "The scope or mode classes do not match the data: compute them with kl.chains.classify, "
                "do not type them in.")
    sales = ref["annual_sales"].astype(float)
    size = t["size_code"]
    if not set(size) <= {"large", "medium", "small"}:
        return ("规模类别只能是大型、中型、小型。", "Sizes must be large, medium or small.")
    rank = size.map({"small": 0, "medium": 1, "large": 2})
    for lower in (0, 1):
        below, above = sales[rank <= lower], sales[rank > lower]
        if len(below) and len(above) and below.max() >= above.min():
            return ("规模分类和按你的分界线在本笔记本数据上算出的不一致（有销售额更高的连锁被分到了更小的一档）："
                    "请用 kl.chains.classify 计算，不要手工填写。",
                    "The sizes differ from what your cuts give on this notebook's data (a chain with higher "
                    "sales sits in a smaller class): compute them with kl.chains.classify, do not type them in.")
    return None


def _reference_table(ctx: Context) -> pd.DataFrame:
    """The trainee's q1 classes when they fit the context's data, else the default classification."""
    chains = ctx.load(DATASET)
    table = _q1_table(ctx.answers.get("q1", ...))
    if table is not None and _q1_problem(table, chains) is None:
        return table
    return classify(chains).table[["scope_code", "size_code", "mode_code"]]


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    table = _q1_table(answer)
    if table is None:
        return fail("答案应是 kl.chains.classify(chains, cuts=(..., ...)) 的结果。",
                    "The answer should be the result of kl.chains.classify(chains, cuts=(..., ...)).")
    problem = _q1_problem(table, ctx.load(DATASET))
    return passed() if problem is None else fail(*problem)


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    x = as_number(answer)
    t = _reference_table(ctx)
    ref = int(((t["scope_code"] == "national") & (t["size_code"] == "large")).sum())
    if x == ref:
        return passed()
    return fail("全国性大型连锁的家数不对：用练习 1 的分类 classes.count(scope=\"全国性\", size=\"大型\") 计算。",
                "The number of national large chains is wrong: count it on your exercise-1 classes with "
                "classes.count(scope=\"全国性\", size=\"大型\").")


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    sheet = _get(answer, "sheet")
    if not isinstance(sheet, Mapping):
        return fail("答案应是 kl.course.m09.sheet_from_data(chains, account, classes, ...) 的结果。",
                    "The answer should be the result of kl.course.m09.sheet_from_data(chains, account, classes, ...).")
    try:
        res = research_sheet({k: v for k, v in sheet.items() if k not in _DERIVED})
    except ValueError:
        return fail("调研表不完整或有不对的值：运行答案单元格看具体提示。",
                    "The research sheet is incomplete or has a wrong value: run the answer cell for details.")
    chains = ctx.load(DATASET)
    account = str(sheet.get("chain_id"))
    ids = set(chains["chain_id"].astype(str))
    if account not in ids:
        return fail("调研表里的连锁编号不在本笔记本的连锁名单中：请用 sheet_from_data(chains, account, ...) 生成。",
                    "The sheet's chain id is not in this notebook's chain list: build it with "
                    "sheet_from_data(chains, account, ...).")
    row = _row(chains, account)
    c = _reference_table(ctx).loc[account]
    data_ok = int(row["store_count"]) == int(res.sheet["store_count"]) and \
        math.isclose(float(row["annual_sales"]), res.sheet["annual_sales"], rel_tol=1e-9) and \
        (res.sheet["scope"], res.sheet["size"], res.sheet["mode"]) == (c["scope_code"], c["size_code"], c["mode_code"])
    if not data_ok:
        return fail("门店数、年销售额或类别和本笔记本数据里这家连锁的不一致：这些项目要用 sheet_from_data 从数据里取，"
                    "不要手工填写。",
                    "The store count, annual sales or classes differ from this chain's row in the notebook's data: "
                    "take them from the data with sheet_from_data, do not type them in.")
    if not res.ok:
        first = res.problems[0]
        return Verdict(False, 0.5, f"调研表有 {len(res.problems)} 处数字不合理，例如：{first['zh']}",
                       f"The research sheet has {len(res.problems)} implausible figure(s), e.g.: {first['en']}")
    return passed()


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    if not (isinstance(answer, Mapping) and {"our_needs", "their_needs", "our_chips", "their_chips", "nash"}
            <= set(answer)):
        return fail("答案应是 kl.course.m09.prep(clauses, our_needs=[...], their_needs=[...], our_chips={...}, "
                    "their_chips={...}) 的结果。",
                     "The answer should be the result of kl.course.m09.prep(clauses, our_needs=[...], "
                     "their_needs=[...], our_chips={...}, their_chips={...}).")
    try:
        fresh = {"our_needs": _texts(answer["our_needs"], "our_needs", ""),
                 "their_needs": _texts(answer["their_needs"], "their_needs", ""),
                 "our_chips": _chips(answer["our_chips"], "our_chips"),
                 "their_chips": _chips(answer["their_chips"], "their_chips")}
    except ValueError:
        return fail("需求应是文字列表，筹码应是字典 {筹码: 它满足的需求}。",
                    "Needs should be lists of texts, chips dicts {chip: the need it meets}.")
    ref = ConcessionMatrix.from_table(ctx.load("clauses")).nash()
    nash = answer["nash"]
    same = isinstance(nash, Mapping) and all(str(nash.get(k)) == str(v) for k, v in ref.items()
                                             if k not in ("u_us", "u_them")) and \
        all(math.isclose(float(nash.get(k, math.nan)), float(ref[k]), rel_tol=1e-6) for k in ("u_us", "u_them"))
    problems = prep_problems(fresh)
    if not same:
        problems.append(("纳什点方案和本笔记本条款表的让步矩阵算出的不一致：请用 prep(clauses, ...) 计算",
                         "the Nash package differs from the concession matrix of this notebook's clause table: "
                         "compute it with prep(clauses, ...)"))
    if not problems:
        return passed()
    return Verdict(False, max(0.0, 1 - 0.25 * len(problems)),
                   "；".join(p[0] for p in problems), "; ".join(p[1] for p in problems))


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    keys = {"chain_id", "share", "amount", "terms", "risk_weight", "annual_rate", "table", "best", "choice", "reason"}
    if not (isinstance(answer, Mapping) and keys <= set(answer)):
        return fail("答案应是 kl.course.m09.payment_plan(chains, account, terms=[...], risk_weight=..., choice=..., "
                    "reason=...) 的结果。",
                     "The answer should be the result of kl.course.m09.payment_plan(chains, account, terms=[...], "
                     "risk_weight=..., choice=..., reason=...).")
    chains = ctx.load(DATASET)
    if str(answer["chain_id"]) not in set(chains["chain_id"].astype(str)):
        return fail("连锁编号不在本笔记本的连锁名单中。", "The chain id is not in this notebook's chain list.")
    try:
        ref = payment_plan(chains, str(answer["chain_id"]), terms=list(answer["terms"]),
                           risk_weight=float(answer["risk_weight"]), choice=str(answer["choice"]),
                           reason=str(answer["reason"]), share=float(answer["share"]),
                           annual_rate=float(answer["annual_rate"]))
    except (ValueError, TypeError):
        return fail("结款方式、权重或比例不对：运行答案单元格看具体提示。",
                    "A term, the weight or the share is invalid: run the answer cell for details.")
    table = answer["table"]
    cols = ["days", "financing_cost", "credit_risk", "score"]
    same = isinstance(table, pd.DataFrame) and set(cols) <= set(table.columns) and len(table) == len(ref["table"]) \
        and np.allclose(table[cols].to_numpy(dtype=float), ref["table"][cols].to_numpy(dtype=float), rtol=1e-6) \
        and math.isclose(float(answer["amount"]), ref["amount"], rel_tol=1e-9) and str(answer["best"]) == ref["best"]
    if not same:
        return fail("年采购额、资金成本或得分和在本笔记本数据上重新计算的不一致：请用 payment_plan 计算，不要手工填写。",
                    "The annual purchase, financing costs or scores differ from a fresh computation on this "
                    "notebook's data: compute them with payment_plan, do not type them in.")
    if len(ref["terms"]) < 2:
        return Verdict(False, 0.5, "至少比较 2 种结款方式。", "Compare at least 2 payment terms.")
    if str(answer["choice"]) != ref["best"]:
        return Verdict(False, 0.5, "你推荐的结款方式不是按你的风险权重综合得分最低的那一种：调整推荐或权重，让两者一致。",
                       "The term you recommend is not the one with the lowest score under your risk weight: "
                       "change the recommendation or the weight so they agree.")
    if len(str(answer["reason"]).strip()) < 4:
        return Verdict(False, 0.75, "请写出推荐理由。", "Give a reason for your recommendation.")
    return passed()
