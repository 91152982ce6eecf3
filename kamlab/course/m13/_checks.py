"""m13's check functions: each judges the trainee's decision against ABC's data or the seed's rules.

Judgments (``on="seen"``: q1, q2, q3, q4, q5, q6) load the variant the trainee saw; the JBP (q7) is computed
from the data and checked on the run's data.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ...grading import Context, Verdict, WrongType, fail, passed
from ...planning import JBP, OGSM, is_number, swot
from ._model import best_lever, lever_profit
from ._case import (DATASET, LEVERS, PARTNER_KIND, PLAN_YEAR, STAGES, baseline, baseline_shares, funnel,
                    lagging_category, leak, momentum, review)

#: The band of a growth decision: at least the momentum, at most this much above it (the course's rule).
STRETCH = 0.10


def _reason(err: Exception) -> tuple[str, str]:
    return getattr(err, "zh", str(err)), getattr(err, "en", str(err))


def _unanswered(what_zh: str, what_en: str) -> Verdict:
    return fail(f"还没有选择{what_zh}：在表单里选一项。", f"No {what_en} chosen yet: pick one in the form.")


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    if answer is None or answer == "":
        return _unanswered("品类", "category")
    if not isinstance(answer, str):
        raise WrongType("一个品类名称", "a category name", answer)
    sales = ctx.load(DATASET)
    table = review(sales, 3).table
    if answer not in table.index:
        return fail(f"「{answer}」不是 ABC零售 的品类。", f"'{answer}' is not a category of ABC Retail.")
    if answer != lagging_category(sales):
        row = table.loc[answer]
        return fail(f"「{answer}」最近一个季度达成 {row['achievement']:.0%}、同比 {row['growth']:+.1%}："
                    "还有品类比它落后更多。看记分卡的达成率，而不是销售额的大小。",
                    f"'{answer}' made {row['achievement']:.0%} of target last quarter ({row['growth']:+.1%} on last "
                    "year): another category is further behind. Read the achievement, not the size of sales.")
    return passed(1.0)


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    if answer is None or answer == "":
        return _unanswered("漏斗的一级", "stage of the funnel")
    if answer not in STAGES:
        raise WrongType(f"其中一级：{', '.join(STAGES)}", f"one stage: {', '.join(STAGES)}", answer)
    sales = ctx.load(DATASET)
    category = lagging_category(sales)
    if answer == "season":
        return fail("漏斗比的是去年同季度：季节已经扣掉了，落后不是淡季造成的。",
                    "The funnel compares with the same quarter last year: the season is taken out, the gap is not "
                    "the low season.")
    if answer != leak(sales, category):
        change = float(funnel(sales, category).table.set_index("part").loc[answer, "change"])
        return fail(f"「{category}」的{STAGES[answer][0]}只变了 {change:+.1%}：还有一级掉得更多。",
                    f"'{category}': {STAGES[answer][1]} changed only {change:+.1%}; another stage fell more.")
    return passed(1.0)


def _mentions(items: Any, name: str) -> bool:
    return any(name in str(x) for x in (items or []))


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        raise WrongType('一个字典 {"strengths": [...], ...}', 'a dict {"strengths": [...], ...}', answer)
    try:
        s = swot(answer)
    except ValueError as err:
        zh, en = _reason(err)
        return fail("SWOT 的格式不对：" + zh, "The SWOT is malformed: " + en)
    short = [k for k, v in s.items.items() if len(v) < 2]
    if short:
        return Verdict(False, 0.0, f"{'、'.join(short)} 少于 2 项：每个象限至少写 2 条来自生意回顾的发现。",
                       f"{', '.join(short)} have fewer than 2 items: write at least 2 findings of the review in each "
                       "quadrant.")
    lagging = lagging_category(ctx.load(DATASET))
    if _mentions(s.items.get("strengths"), lagging):
        return Verdict(False, 0.25, f"优势里写了「{lagging}」：它最近一个季度明显落后于目标，是劣势。",
                       f"The strengths name '{lagging}': it fell clearly behind target last quarter; it is a weakness.")
    if not _mentions(s.items.get("weaknesses"), lagging):
        return Verdict(False, 0.25, "劣势里没有写出生意回顾里落后最多的品类：劣势要来自数据。",
                       "The weaknesses do not name the category furthest behind in the review: weaknesses come from "
                       "the data.")
    if not s.strategies:
        return Verdict(False, 0.5, "还没有对策：至少写一条 SO / WO / ST / WT 对策，把 SWOT 变成行动方向。",
                       "No strategy yet: write at least one SO / WO / ST / WT strategy to turn the SWOT into action.")
    return passed(1.0)


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    if not is_number(answer):
        raise WrongType("一个增长率（小数，如 0.1）", "a growth rate (a fraction, e.g. 0.1)", answer)
    g = float(answer)
    if g == 0:
        return fail("增长率是 0：目标等于基数，还没有做决定。", "The growth is 0: the goal equals the base; no decision yet.")
    m = momentum(ctx.load(DATASET))
    if g < m - 1e-9:
        return fail(f"增长 {g:.0%} 低于 ABC 最近 12 个月的惯性增长 {m:.1%}：不做新计划也能达到，这不是目标。",
                    f"Growth {g:.0%} is below ABC's momentum of the latest 12 months ({m:.1%}): reached without any "
                    "new plan, it is no goal.")
    if g > m + STRETCH + 1e-9:
        return fail(f"增长 {g:.0%} 比惯性增长 {m:.1%} 高出 {g - m:.0%}：超出本课程“跳一跳够得着”的范围"
                    f"（惯性之上不超过 {STRETCH:.0%}），计划里说不清增量从哪里来。",
                    f"Growth {g:.0%} is {g - m:.0%} above the momentum {m:.1%}: beyond the course's reachable stretch "
                    f"(at most {STRETCH:.0%} above momentum); the plan cannot say where it comes from.")
    return passed(1.0)


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping) or not isinstance(answer.get("shares"), Mapping):
        raise WrongType("品类分解的结果（一个字典）", "the result of the split by category (a dict)", answer)
    shares = {str(k): float(v) for k, v in answer["shares"].items()}
    if not any(shares.values()):
        return fail("还没有分配份额：拖动各品类的滑块。", "No shares given yet: move the categories' sliders.")
    sales = ctx.load(DATASET)
    base = baseline_shares(sales)
    missing, extra = set(base) - set(shares), set(shares) - set(base)
    if missing or extra:
        return fail(f"品类不对：缺少 {sorted(missing)}，多出 {sorted(extra)}。",
                    f"Wrong categories: missing {sorted(missing)}, extra {sorted(extra)}.")
    total = sum(shares.values())
    if not math.isclose(total, 100.0, abs_tol=0.5):
        return fail(f"份额合计 {total:g}%，应为 100%：各品类目标加起来要等于总目标。",
                    f"The shares add up to {total:g}%, should be 100%: the category targets must add up to the goal.")
    if min(shares.values()) <= 0:
        zero = [k for k, v in shares.items() if v <= 0]
        return fail(f"{'、'.join(zero)} 的份额是 0：每个品类都要有目标。",
                    f"{', '.join(zero)} get 0%: every category needs a target.")
    lagging = lagging_category(sales)
    if shares[lagging] > base[lagging]:
        return fail(f"「{lagging}」正落后、先要修复漏斗，你却让它承担 {shares[lagging]:g}% 的目标，高于去年的 "
                    f"{base[lagging]}%：增量应来自势头好的品类。",
                    f"'{lagging}' is behind and its funnel needs repair first, yet it carries {shares[lagging]:g}% of "
                    f"the goal, above last year's {base[lagging]}%: growth should come from the categories with "
                    "momentum.")
    return passed(1.0)


def _check_q6(answer: Any, ctx: Context) -> Verdict:
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
        return Verdict(False, 0.25 if len(problems) <= 2 else 0.0,
                       f"OGSM 还有 {len(problems)} 个问题，第一个：{problems[0].zh}",
                       f"The OGSM has {len(problems)} problems; the first: {problems[0].en}")
    if len(plan.strategies) < 2:
        return Verdict(False, 0.25, "只有 1 条策略：至少写 2 条策略，每条都有衡量。",
                       "Only 1 strategy: write at least 2 strategies, each with its measures.")
    lagging = lagging_category(ctx.load(DATASET))
    texts = [str(s.get("strategy", "")) for s in plan.strategies] + [str(g.get("goal", "")) for g in plan.goals]
    if not _mentions(texts, lagging):
        return Verdict(False, 0.5, "没有一条目标或策略针对生意回顾里落后最多的品类：OGSM 要回答复盘发现的问题。",
                       "No goal or strategy addresses the category furthest behind in the review: the OGSM must "
                       "answer what the review found.")
    return passed(1.0)


def _check_q7(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        raise WrongType("一个字典（JBP 的六个部分）", "a dict (the six parts of the JBP)", answer)
    try:
        plan = JBP(answer)
    except ValueError as err:
        zh, en = _reason(err)
        return fail("JBP 的格式不对：" + zh, "The JBP is malformed: " + en)
    if plan.year != PLAN_YEAR:
        return fail(f"计划年是 {plan.year}，这份 JBP 是 {PLAN_YEAR} 年的。", f"The plan year is {plan.year}; this JBP is "
                    f"for {PLAN_YEAR}.")
    if plan.kind != PARTNER_KIND:
        return fail("ABC零售 是零售客户（KA），不是经销商：第 3–6 部分的标题要写对合作方。",
                    "ABC Retail is a retail customer (KA), not a distributor: parts 3-6 must name the right partner.")
    problems = plan.validate()
    if problems:
        return Verdict(False, 0.25 if len(problems) <= 2 else 0.0,
                       f"JBP 还有 {len(problems)} 个问题，第一个：{problems[0].zh}",
                       f"The JBP has {len(problems)} problems; the first: {problems[0].en}")
    growth = ctx.answers.get("q4")
    if not is_number(growth):
        return Verdict(False, 0.5, "先完成练习 4（下一年的增长）：JBP 的总目标要以它为准。",
                       "Finish exercise 4 (next year's growth) first: the JBP's total target follows it.")
    base = round(float(baseline(ctx.load(DATASET)).sum()), 2)
    sales = (plan.parts.get("brand_review") or {}).get("sales")
    if not is_number(sales) or not math.isclose(float(sales), base, rel_tol=1e-3):
        return Verdict(False, 0.5, "第 1 部分的上阶段销售额不是这份数据里 ABC 最近 12 个月的销售额：数字要从数据算出，不能手填。",
                       "Part 1's last-period sales are not ABC's latest 12 months in this data: compute them from the "
                       "data, do not type them.")
    goal = base * (1 + float(growth))
    if plan.target is None or not math.isclose(plan.target, goal, rel_tol=1e-3):
        return Verdict(False, 0.5, "第 2 部分的总目标不等于练习 4 定下的目标（基数 × (1 + 增长率)）。",
                       "Part 2's total target is not the goal of exercise 4 (base × (1 + growth)).")
    return passed(1.0)


def _check_q9(answer: Any, ctx: Context) -> Verdict:
    if answer is None or answer == "":
        return _unanswered("一项支持", "offer")
    if answer not in LEVERS:
        raise WrongType(f"其中一项：{', '.join(LEVERS)}", f"one of: {', '.join(LEVERS)}", answer)
    if answer != best_lever():
        gain = lever_profit(answer).net_profit - lever_profit().net_profit
        zh, en, _terms = LEVERS[answer]
        return fail(f"「{zh}」让净利润增加 {gain:,.1f} 万元：还有一项增加更多。看盈利模式里资金成本那一栏。",
                    f"'{en}' adds {gain:,.1f} to net profit: another offer adds more. Look at the cost of capital.")
    return passed(1.0)
