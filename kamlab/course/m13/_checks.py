"""m13's check functions: the SWOT, the goal, its split, the OGSM and the JBP, recomputed on the context's data."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ...grading import Context, Verdict, WrongType, fail, passed
from ...planning import JBP, OGSM, swot
from ._case import DATASET, PLAN_YEAR
from ._model import baseline

def _reason(err: Exception) -> tuple[str, str]:
    return getattr(err, "zh", str(err)), getattr(err, "en", str(err))


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        raise WrongType('一个字典 {"strengths": [...], ...}', 'a dict {"strengths": [...], ...}', answer)
    try:
        s = swot(answer)
    except ValueError as err:
        zh, en = _reason(err)
        return fail("SWOT 的格式不对：" + zh, "The SWOT is malformed: " + en)
    short = [k for k, v in s.items.items() if len(v) < 2]
    if short:
        return Verdict(False, 0.5,
                       f"{'、'.join(short)} 少于 2 项：每个象限至少写 2 条来自生意回顾的发现。",
                       f"{', '.join(short)} have fewer than 2 items: write at least 2 findings of the review in each "
                       f"quadrant.")
    if not s.strategies:
        return Verdict(False, 0.5,
                       "还没有对策：至少写一条 SO / WO / ST / WT 对策，把 SWOT 变成行动方向。",
                       "No strategy yet: write at least one SO / WO / ST / WT strategy to turn the SWOT into action.")
    return passed(1.0)


def _ref_base(ctx: Context) -> float:
    return round(float(baseline(ctx.load(DATASET)).sum()), 2)


def _growth(ctx: Context) -> float | None:
    q2 = ctx.answers.get("q2")
    g = q2.get("growth") if isinstance(q2, Mapping) else None
    return float(g) if isinstance(g, (int, float)) and not isinstance(g, bool) and math.isfinite(g) else None


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping) or not {"baseline", "growth", "goal"} <= set(answer):
        raise WrongType('kl.course.m13.next_year_goal(sales, growth=...) 的结果（一个字典）',
                        "the result of kl.course.m13.next_year_goal(sales, growth=...) (a dict)", answer)
    g, base, goal = answer["growth"], answer["baseline"], answer["goal"]
    if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (g, base, goal)):
        raise WrongType("数字", "numbers", answer)
    if not 0 < g <= 0.5:
        return fail("增长率应是 0 到 0.5 之间的小数（0.08 = 8%）：下一年的目标要比基数高，也要够得着。",
                    "The growth must be a fraction between 0 and 0.5 (0.08 = 8%): above the base, and reachable.")
    ref = _ref_base(ctx)
    if not math.isclose(base, ref, rel_tol=1e-4):
        return fail("基数不是这份数据里 ABC零售 最近 12 个月的销售额：请用 kl.course.m13.next_year_goal(sales, growth=...) "
                    "计算，不要手填数字。",
                    "The base is not ABC's sales of the latest 12 months in this data: compute it with "
                    "kl.course.m13.next_year_goal(sales, growth=...), do not type numbers.")
    if not math.isclose(goal, ref * (1 + g), rel_tol=1e-4):
        return fail("目标不等于 基数 × (1 + 增长率)。", "The goal is not base × (1 + growth).")
    return passed(1.0)


def _need_q2(ctx: Context) -> Verdict | None:
    if _growth(ctx) is None:
        return fail("先完成练习 2（下一年的目标）：分解要以它为总数。",
                    "Finish exercise 2 (next year's goal) first: it is the total to split.")
    return None


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    table = getattr(answer, "table", answer)
    if not isinstance(table, pd.DataFrame) or not {"part", "share", "target"} <= set(table.columns):
        raise WrongType("kl.planning.decompose(...) 的结果", "the result of kl.planning.decompose(...)", answer)
    missing = _need_q2(ctx)
    if missing is not None:
        return missing
    if "dimension" in table.columns and set(table["dimension"].astype(str)) != {"category"}:
        return fail('请只按品类分解（by="category"）。', 'Split by category only (by="category").')
    cats = set(baseline(ctx.load(DATASET)).index)
    parts = [str(p) for p in table["part"]]
    if set(parts) != cats or len(parts) != len(cats):
        return fail(f"品类不对：要覆盖数据里的全部 {len(cats)} 个品类，每个一次。",
                    f"Wrong categories: cover all {len(cats)} categories of the data, each once.")
    shares = table["share"].astype(float)
    if (shares <= 0).any():
        return fail("每个品类的份额都应大于 0。", "Every category's share must be above 0.")
    goal = _ref_base(ctx) * (1 + float(_growth(ctx)))
    targets = table["target"].astype(float)
    if not math.isclose(float(targets.sum()), goal, rel_tol=1e-3):
        return fail("各品类目标加起来不等于练习 2 的目标：用 kl.course.m13.goal_of(q2, sales) 作总数。",
                    "The category targets do not add up to the goal of exercise 2: use "
                    "kl.course.m13.goal_of(q2, sales) as the total.")
    if not all(math.isclose(t, goal * s, rel_tol=1e-3, abs_tol=0.02) for t, s in zip(targets, shares)):
        return fail("有品类的目标不等于 总目标 × 份额。", "Some category target is not total × share.")
    return passed(1.0)


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        raise WrongType('一个字典 {"objective": ..., "goals": [...], ...}',
                        'a dict {"objective": ..., "goals": [...], ...}', answer)
    try:
        plan = OGSM(answer)
    except ValueError as err:
        zh, en = _reason(err)
        return fail("OGSM 的格式不对：" + zh, "The OGSM is malformed: " + en)
    problems = plan.validate()
    if problems:
        return Verdict(False, 0.5 if len(problems) <= 2 else 0.0,
                       f"OGSM 还有 {len(problems)} 个问题，第一个：{problems[0].zh}",
                       f"The OGSM has {len(problems)} problems; the first: {problems[0].en}")
    if len(plan.strategies) < 2:
        return Verdict(False, 0.5, "至少写 2 条策略，每条都有衡量。",
                       "Write at least 2 strategies, each with its measures.")
    return passed(1.0)


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        raise WrongType("一个字典（JBP 的六个部分）", "a dict (the six parts of the JBP)", answer)
    try:
        plan = JBP(answer)
    except ValueError as err:
        zh, en = _reason(err)
        return fail("JBP 的格式不对：" + zh, "The JBP is malformed: " + en)
    problems = plan.validate()
    if plan.year != PLAN_YEAR:
        return fail(f"计划年应是 {PLAN_YEAR}。", f"The plan year must be {PLAN_YEAR}.")
    if problems:
        return Verdict(False, 0.5 if len(problems) <= 2 else 0.25,
                       f"JBP 还有 {len(problems)} 个问题，第一个：{problems[0].zh}",
                       f"The JBP has {len(problems)} problems; the first: {problems[0].en}")
    missing = _need_q2(ctx)
    if missing is not None:
        return Verdict(False, 0.5, missing.reason_zh, missing.reason_en)
    data = ctx.load(DATASET)
    base = _ref_base(ctx)
    sales = (plan.parts.get("brand_review") or {}).get("sales")
    if not isinstance(sales, (int, float)) or not math.isclose(float(sales), base, rel_tol=1e-3):
        return Verdict(False, 0.5,
                       "第 1 部分的上阶段销售额不是这份数据的基数：用 kl.course.m13.brand_review(sales, findings=...)。",
                       "Part 1's last-period sales are not this data's base: use "
                       "kl.course.m13.brand_review(sales, findings=...).")
    goal = base * (1 + float(_growth(ctx)))
    if plan.target is None or not math.isclose(plan.target, goal, rel_tol=1e-3):
        return Verdict(False, 0.5,
                       "第 2 部分的总目标不等于练习 2 的目标：用 kl.course.m13.brand_plan(sales, q2, q3, ...)。",
                       "Part 2's total target is not the goal of exercise 2: use "
                       "kl.course.m13.brand_plan(sales, q2, q3, ...).")
    cats = set(baseline(data).index)
    if set(map(str, (plan.parts["brand_plan"].get("by_category") or {}))) != cats:
        return Verdict(False, 0.5,
                       "第 2 部分的品类目标要覆盖数据里的全部品类。",
                       "Part 2's category targets must cover every category of the data.")
    return passed(1.0)
