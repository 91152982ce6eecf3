"""The checks of m07's questions: each takes the trainee's answer and the grading context.

Literal decisions (exercises 2–5) are judged on the data the trainee saw (``ctx.load``); the KPI table
and the root-cause chain (exercises 1 and 6) are computed answers, judged on the data the notebook runs on.

Examples
--------
>>> from kamlab.grading import Context
>>> _check_q3({"poor_distribution": None}, Context("m07")).reason_en
'Nothing chosen yet: read the chart, then pick a chain for each problem.'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ... import kpi, rootcause
from ...grading import Context, Verdict, fail, passed
from ._case import (CORE_METRICS, DATASET, DEFAULT_TARGETS, DIAGNOSES, FACTORS, METRICS, PROBLEM_METRIC,
                    PROBLEMS, PROCESS_METRICS, REVIEW_MONTHS, TARGET_RANGES, TODAY)
from ._model import (_parse_targets, _same_kpis, _turnover_bounds, biggest_fall, diagnosis, last_two_months,
                     market_change, problem_chains, recent, stock_chain, targets_or_default)

#: Exercise 2: a target may flag at most this share of the chains on one KPI (else it flags everybody).
MAX_FLAGGED = 1 / 3
def _reference_kpi(ctx: Context) -> Any:
    """The course's KPI table of the context's data: by chain, over the review period."""
    return kpi.compute(recent(ctx.load(DATASET), REVIEW_MONTHS), by=["chain_id"])


def _as_frame(answer: Any) -> Any:
    """The DataFrame behind a tool result (or a mapping); TypeError otherwise."""
    table = getattr(answer, "table", answer)
    if isinstance(table, pd.DataFrame):
        return table
    if isinstance(table, Mapping):
        return pd.DataFrame(table)
    raise TypeError(type(answer).__name__)


def _check_q1(answer: Any, ctx: Context) -> Verdict | bool:
    if answer is None:
        return fail("还没有选择：在表单里选出复盘周期和分组方式。",
                    "Nothing chosen yet: pick the review period and the grouping in the form.")
    try:
        table = _as_frame(answer)
    except TypeError:
        return fail("答案应是按连锁计算的指标表。", "The answer should be the KPI table by chain.")
    missing = [METRICS[c][0] for c in CORE_METRICS if c not in table.columns]
    if missing:
        return fail(f"指标表缺少：{'、'.join(missing)}。",
                    f"The KPI table lacks: {', '.join(METRICS[c][1] for c in CORE_METRICS if c not in table.columns)}.")
    ref = _reference_kpi(ctx).table
    if _same_kpis(table, ref):
        return True
    if sorted(str(i) for i in table.index) != sorted(str(i) for i in ref.index):
        return fail("这张表不是每家连锁一行：复盘要按连锁分组，才能看出哪家连锁出了问题。",
                    "This table does not have one row per chain: group by chain to see which chain has a problem.")
    data = ctx.load(DATASET)
    for months in (1, 6, 12):
        if _same_kpis(table, kpi.compute(recent(data, months), by=["chain_id"]).table):
            return fail(f"复盘周期是最近 {months} 个月：题目要复盘最近一个季度。",
                        f"The review period is the latest {months} month(s): the exercise reviews the latest quarter.")
    return fail("指标与本数据算出的结果不一致：请用表单写出的那一行从本笔记本的数据计算，不要手填数字。",
                "The KPIs do not match this data: compute them with the form's line from the notebook's data "
                "instead of typing numbers.")


def _targets_problem(answer: Any, ctx: Context) -> tuple[str, str] | None:
    """Why a targets dict is not a sound monitoring decision on the seen data, or None."""
    if not isinstance(answer, Mapping):
        return ("答案应是四个核心指标的目标值（表单写出的那一行）。",
                "The answer should be the targets of the four core KPIs (the form's line).")
    try:
        answer = _parse_targets(answer)
    except (TypeError, ValueError) as err:
        return (f"目标写得不对：{getattr(err, 'zh', err)}", f"The targets are not valid: {getattr(err, 'en', err)}")
    missing = [m for m in CORE_METRICS if m not in answer]
    if missing:
        return ("四个核心指标都要设目标，缺少：" + "、".join(METRICS[m][0] for m in missing) + "。",
                "Set a target for all four core KPIs; missing: " + ", ".join(METRICS[m][1] for m in missing) + ".")
    k = _reference_kpi(ctx)
    table = k.table
    for m in CORE_METRICS:
        value = float(answer[m])
        lo, hi = _turnover_bounds(k)[:2] if m == "inventory_turnover" else TARGET_RANGES[m]
        if not (lo - 1e-9 <= value <= hi + 1e-9) or math.isnan(value):
            return (f"{METRICS[m][0]}的目标 {value:g} 不现实：比率用 0–1 之间的小数（0.85 表示 85%），"
                    f"库存周转率要和数据的量级相当。",
                    f"The target of {METRICS[m][1]} ({value:g}) is not realistic: rates are shares between "
                    f"0 and 1 (0.85 means 85%), and the turnover target must be of the data's order of magnitude.")
    for m in CORE_METRICS:
        value, col = float(answer[m]), table[m].astype(float)
        flagged = int((col < value).sum())
        if flagged == 0:
            return (f"{METRICS[m][0]}的目标 {value:g} 低于所有连锁：一个异常点也标不出来，明显落后的连锁漏掉了。",
                    f"The {METRICS[m][1]} target {value:g} is below every chain: it flags nothing, and the chain "
                    f"that clearly lags goes unnoticed.")
        if flagged > MAX_FLAGGED * len(col):
            return (f"{METRICS[m][0]}的目标 {value:g} 把 {flagged} 家连锁（共 {len(col)} 家）都标成了异常："
                    f"目标太高，真正的问题淹没在一片红里。",
                    f"The {METRICS[m][1]} target {value:g} flags {flagged} of {len(col)} chains: too high, the "
                    f"real problem drowns in red.")
    return None


def _their_targets(ctx: Context) -> dict[str, float] | None:
    """The trainee's exercise-2 targets (normalised), or None when missing or not sound."""
    targets = ctx.answers.get("q2", ...)
    if _targets_problem(targets, ctx) is not None:
        return None
    return targets_or_default(targets)


def _check_q2(answer: Any, ctx: Context) -> Verdict | bool:
    if isinstance(answer, Mapping) and answer and all(v is None for v in answer.values()):
        return fail("还没有设定目标：拖动滑块。", "No targets set yet: move the sliders.")
    why = _targets_problem(answer, ctx)
    return True if why is None else fail(*why)


def _seen_kpi(ctx: Context) -> Any:
    return _reference_kpi(ctx)


def _pct(metric: str, value: float) -> str:
    return f"{value:.0%}" if metric.endswith("_rate") else f"{value:.0f}"


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        return fail("答案应是表单写出的四个问题各自的连锁。", "The answer should be the form's chain for each of the four problems.")
    if all(answer.get(p) is None for p in PROBLEMS):
        return fail("还没有选择：先读图，再为每个问题选出连锁。",
                    "Nothing chosen yet: read the chart, then pick a chain for each problem.")
    k = _seen_kpi(ctx)
    table, right = k.table, problem_chains(k)
    score, zh, en = 0, [], []
    for p, (pz, pe) in PROBLEMS.items():
        got = answer.get(p)
        if got is not None and str(got) == right[p]:
            score += 1
            continue
        m = PROBLEM_METRIC[p]
        if got is None or str(got) not in set(str(i) for i in table.index):
            zh.append(f"{pz}：还没有选"), en.append(f"{pe}: not chosen")
            continue
        value, med = float(table.loc[str(got), m]), float(table[m].median())
        zh.append(f"{pz}：{got} 的{METRICS[m][0]} {_pct(m, value)}（各连锁中位数 {_pct(m, med)}），不是最差的")
        en.append(f"{pe}: {got} has {METRICS[m][1].lower()} {_pct(m, value)} (median chain {_pct(m, med)}), "
                  f"not the worst")
    if score == len(PROBLEMS):
        return passed(1.0)
    return Verdict(ok=False, score=score / len(PROBLEMS), reason_zh="；".join(zh) + "。",
                   reason_en="; ".join(en) + ".")


def _chosen_chain(answer: Any, ctx: Context, default: str) -> str:
    chain = answer.get("chain", answer.get("chain_id")) if isinstance(answer, Mapping) else None
    if chain is not None and str(chain) in set(ctx.load(DATASET)["chain_id"].astype(str)):
        return str(chain)
    return default


def _check_q4(answer: Any, ctx: Context) -> Verdict | bool:
    cause = answer.get("cause") if isinstance(answer, Mapping) else answer
    if cause is None:
        return fail("还没有选择：读这家连锁的指标，选出问题出在哪一环。",
                    "Nothing chosen yet: read the chain's KPIs and choose the link that broke.")
    if str(cause) not in DIAGNOSES:
        return fail("答案应是表单里的一个选项。", "The answer should be one of the form's options.")
    k = _seen_kpi(ctx)
    chain = _chosen_chain(answer, ctx, stock_chain(k))
    right = diagnosis(k, chain)
    if cause == right:
        return True
    if cause == "inventory":
        return fail("“库存高就是压货”是误区：库存天数高只是结果。看这家连锁的铺货率、动销率、店员推荐率，哪一环落后于其他连锁？",
                    "'High stock means over-stocking' is the trap: days of inventory are a result. Which of "
                    "distribution, sell-through and clerk recommendation lags the other chains?")
    if cause == "season":
        return fail("季节对所有连锁都一样，而这家连锁的库存天数远高于其他连锁：原因在它自己的执行环节。",
                    "The season hits every chain alike, yet this chain's days of inventory stand far above the "
                    "others: the cause is in its own execution.")
    m = PROCESS_METRICS[str(cause)]
    value, med = float(k.table.loc[chain, m]), float(k.table[m].median())
    return fail(f"{chain} 的{METRICS[m][0]} {value:.0%}，各连锁中位数 {med:.0%}：这一环没有断。",
                f"{chain}'s {METRICS[m][1].lower()} is {value:.0%}, the median chain's {med:.0%}: this link holds.")


def _drill_pick(answer: Any) -> tuple[str | None, str | None] | None:
    """(chain, factor) out of a q5 answer."""
    if isinstance(answer, Mapping):
        chain = answer.get("chain_id", answer.get("chain", answer.get("group")))
        factor = answer.get("factor")
        return (None if chain is None else str(chain), None if factor is None else str(factor))
    if isinstance(answer, (tuple, list)) and len(answer) == 2:
        return str(answer[0]), str(answer[1])
    return None


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    got = _drill_pick(answer)
    if got is None:
        return fail("答案应是表单写出的连锁和主要因素。", "The answer should be the form's chain and main factor.")
    if got[0] is None and got[1] is None:
        return fail("还没有选择：读下钻图，选出下滑最多的连锁和拖累它最多的因素。",
                    "Nothing chosen yet: read the drill-down chart, pick the chain that fell most and its main drag.")
    data = ctx.load(DATASET)
    base, current = last_two_months(data)
    d = rootcause.drill(data, by="chain_id", base=base, current=current)
    ref = biggest_fall(d)
    change = d.table.drop(index="total", errors="ignore")["change"].astype(float)
    if got[0] != ref["chain"]:
        if got[0] in change.index:
            return fail(f"{got[0]} 最近一个月销量变化 {change[got[0]]:+.0f} 盒，不是下滑最多的连锁。",
                        f"{got[0]} changed by {change[got[0]]:+.0f} units in the latest month: not the largest fall.")
        return fail("还没有选连锁，或选的连锁不在数据里。", "No chain chosen, or the chain is not in the data.")
    if got[1] == ref["factor"]:
        return passed(1.0)
    if got[1] == "season":
        zh = (f"全部门店合计最近一个月销量变化 {market_change(data):+.1%}：季节并没有让整体下滑，"
              "这家连锁的下滑要在四个因素里找。")
        en = (f"All stores together changed {market_change(data):+.1%} in the latest month: the season did not pull "
              "the market down; look for this chain's fall among the four factors.")
    elif got[1] in FACTORS:
        effect = float(d.table.loc[got[0], f"effect_{got[1]}"])
        zh = (f"连锁对了，但{FACTORS[got[1]][0]}的效应只有 {effect:+.0f} 盒，不是拖累最大的因素。")
        en = (f"Right chain, but the {FACTORS[got[1]][1].lower()} effect is only {effect:+.0f} units: not the "
              "largest drag.")
    else:
        zh, en = "连锁对了，但还没有选主要因素。", "Right chain, but no main factor chosen yet."
    return Verdict(ok=False, score=0.5, reason_zh=zh, reason_en=en)


def _as_chain(answer: Any) -> Any:
    if isinstance(answer, rootcause.Chain):
        return answer
    if isinstance(answer, Mapping):  # a recorded answer: the chain's fields
        return rootcause.Chain.from_dict(dict(answer))
    raise TypeError(type(answer).__name__)


def _check_q6(answer: Any, ctx: Context) -> Verdict:
    try:
        chain = _as_chain(answer)
    except (TypeError, ValueError):
        return fail("答案应是表单写出的根因链。", "The answer should be the root-cause chain the form writes.")
    targets = _their_targets(ctx) or dict(DEFAULT_TARGETS)
    broken = chain.validate(_reference_kpi(ctx), today=TODAY, targets=targets)
    if not broken:
        return passed(1.0)
    zh = "；".join(getattr(b, "zh", str(b)) for b in broken)
    en = "; ".join(getattr(b, "en", str(b)) for b in broken)
    return fail("根因链有断点：" + zh, "The chain has broken links: " + en)
