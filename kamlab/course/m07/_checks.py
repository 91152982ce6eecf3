"""The checks of m07's questions: each takes the trainee's answer and the grading context."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ... import datasets, kpi, rootcause
from ...grading import Context, Verdict, fail, passed
from ._case import CORE_METRICS, DATASET, DEFAULT_TARGETS, METRICS, PROBLEMS, REVIEW_MONTHS, TARGET_RANGES, TODAY
from ._model import (_parse_targets, _same_kpis, _turnover_bounds, biggest_fall, last_two_months, recent,
                     targets_or_default)


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
    try:
        table = _as_frame(answer)
    except TypeError:
        return fail("答案应是 kl.kpi.compute(...) 的结果（按连锁的指标表）。",
                    "The answer should be the result of kl.kpi.compute(...) (a KPI table by chain).")
    missing = [c for c in CORE_METRICS if c not in table.columns]
    if missing:
        return fail(f"指标表缺少列 {missing}。", f"The KPI table lacks columns {missing}.")
    ref = _reference_kpi(ctx).table
    if _same_kpis(table, ref):
        return True
    if sorted(str(i) for i in table.index) != sorted(str(i) for i in ref.index):
        return fail("指标表应是每家连锁一行：按 chain_id 分组。",
                    "The KPI table should have one row per chain: group by chain_id.")
    data = ctx.load(DATASET)
    for months in (1, 6, 12):
        if _same_kpis(table, kpi.compute(recent(data, months), by=["chain_id"]).table):
            return fail(f"复盘周期不对：这里复盘最近一个季度（最近 {REVIEW_MONTHS} 个月）。",
                        f"Wrong review period: review the latest quarter (the latest {REVIEW_MONTHS} months).")
    return fail("指标与本数据算出的结果不一致：请用本笔记本的 sellout 数据直接计算，不要手填数字。",
                "The KPIs do not match this data: compute them from the notebook's sellout data "
                "instead of typing numbers.")


def _targets_problem(answer: Any, ctx: Context) -> tuple[str, str] | None:
    """Why a targets dict is not plausible, or None."""
    if not isinstance(answer, Mapping):
        return ("目标应是一个字典，例如 {\"distribution_rate\": 0.85, ...}。",
                "Targets should be a dict such as {\"distribution_rate\": 0.85, ...}.")
    try:
        answer = _parse_targets(answer)
    except (TypeError, ValueError) as err:
        return (f"目标写得不对：{getattr(err, 'zh', err)}", f"The targets are not valid: {getattr(err, 'en', err)}")
    missing = [m for m in CORE_METRICS if m not in answer]
    if missing:
        return (f"四个核心指标都要设目标，缺少：{missing}。", f"Set a target for all four core KPIs; missing: {missing}.")
    for m in CORE_METRICS:
        try:
            value = float(answer[m])
        except (TypeError, ValueError):
            return (f"{METRICS[m][0]}的目标应是数字。", f"The target of {METRICS[m][1]} should be a number.")
        if m == "inventory_turnover":
            lo, hi, _ = _turnover_bounds(_reference_kpi(ctx))
        else:
            lo, hi = TARGET_RANGES[m]
        if not (lo - 1e-9 <= value <= hi + 1e-9) or math.isnan(value):
            return (f"{METRICS[m][0]}的目标 {value:g} 不现实：比率用 0–1 之间的小数（例如 0.85 表示 85%），"
                    f"库存周转率要和数据的量级相当。",
                    f"The target of {METRICS[m][1]} ({value:g}) is not realistic: rates are shares between "
                    f"0 and 1 (0.85 means 85%), and the turnover target must be of the data's order of magnitude.")
    return None


def _their_targets(ctx: Context) -> dict[str, float] | None:
    """The trainee's exercise-2 targets (normalised), or None when missing or not plausible."""
    targets = ctx.answers.get("q2", ...)
    if _targets_problem(targets, ctx) is not None:
        return None
    return targets_or_default(targets)


def _check_q2(answer: Any, ctx: Context) -> Verdict | bool:
    why = _targets_problem(answer, ctx)
    return True if why is None else fail(*why)


def _flag_keys(table: Any) -> Any:
    """A flag table as a sorted frame of (group, metric, gap) for comparison."""
    frame = _as_frame(table).reset_index()
    cols = [c for c in frame.columns if c not in ("index",)]
    frame = frame[cols]
    return frame.sort_values(list(frame.columns[:2]), kind="stable").reset_index(drop=True) \
        if len(frame) else pd.DataFrame()


def _check_q3(answer: Any, ctx: Context) -> Verdict | bool:
    targets = _their_targets(ctx)
    if targets is None:
        return fail("先完成练习 2（设定合理的目标值），再标注异常点。",
                    "Finish exercise 2 (plausible targets) first, then flag the points below target.")
    try:
        got = _flag_keys(answer)
    except TypeError:
        return fail("答案应是 kl.kpi.flag(k, q2) 的结果。", "The answer should be the result of kl.kpi.flag(k, q2).")
    ref = _flag_keys(kpi.flag(_reference_kpi(ctx), targets))
    if len(got) != len(ref) or list(got.columns) != list(ref.columns):
        return fail("标注的异常点和你在练习 2 设的目标对不上：请用 kl.kpi.flag(k, q2) 按你的目标计算。",
                    "The flagged points do not match your exercise-2 targets: compute them with kl.kpi.flag(k, q2).")
    for col in ref.columns:
        a, b = got[col], ref[col]
        if pd.api.types.is_numeric_dtype(b.dtype):
            if not np.allclose(a.to_numpy(dtype=float), b.to_numpy(dtype=float), rtol=1e-6, atol=1e-9):
                break
        elif [str(x) for x in a] != [str(x) for x in b]:
            break
    else:
        return True
    return fail("标注的异常点和你在练习 2 设的目标对不上：请用 kl.kpi.flag(k, q2) 按你的目标计算。",
                "The flagged points do not match your exercise-2 targets: compute them with kl.kpi.flag(k, q2).")


def _planted(ctx: Context) -> Mapping[str, Any]:
    return datasets.planted(DATASET, variant=ctx.variant)


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        keys = ", ".join(f'"{p}": ...' for p in PROBLEMS)
        return fail(f"答案应是一个字典：{{{keys}}}。", f"The answer should be a dict {{{keys}}}.")
    planted = _planted(ctx)
    right, wrong = 0, []
    for key, (zh, en) in PROBLEMS.items():
        if str(answer.get(key)) == str(planted[key]):
            right += 1
        else:
            wrong.append((zh, en))
    score = right / len(PROBLEMS)  # a check's Verdict score is the fraction earned
    if not wrong:
        return passed(score)
    return Verdict(ok=False, score=score,
                   reason_zh="没找对：" + "、".join(z for z, _ in wrong) + "。想一想哪个指标直接反映这个问题，并用指标表去找，不要手填连锁编号。",
                   reason_en="Not found: " + ", ".join(e for _, e in wrong) + ". Think which metric shows the "
                   "problem directly and let the KPI table pick the chain; do not type chain ids.")


def _drill_pick(answer: Any) -> tuple[str, str] | None:
    """(chain, factor) out of a q5 answer."""
    if isinstance(answer, Mapping):
        chain = answer.get("chain_id", answer.get("chain", answer.get("group")))
        factor = answer.get("factor")
        return (str(chain), str(factor)) if chain is not None and factor is not None else None
    if isinstance(answer, (tuple, list)) and len(answer) == 2:
        return str(answer[0]), str(answer[1])
    return None


def _reference_drill(ctx: Context) -> Any:
    data = ctx.load(DATASET)
    base, current = last_two_months(data)
    return biggest_fall(rootcause.drill(data, by="chain_id", base=base, current=current))


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    got = _drill_pick(answer)
    if got is None:
        return fail("答案应是一个字典 {\"chain\": ..., \"factor\": ...}：下滑最大的连锁和它的主要因素。",
                    "The answer should be a dict {\"chain\": ..., \"factor\": ...}: the chain with the largest "
                    "fall and its main factor.")
    ref = _drill_pick(_reference_drill(ctx))
    assert ref is not None
    if got[0] != ref[0]:
        return fail("下滑最大的连锁不对：请比较最近一个月和上一个月（base 用上个月，current 用最近一个月）。",
                    "Wrong chain: compare the latest month with the one before (base = previous, current = latest).")
    if got[1] != ref[1]:
        return Verdict(ok=False, score=0.5, reason_zh="连锁对了，但主要因素不对：看哪一项效应的绝对值最大。",
                       reason_en="Right chain, wrong main factor: look for the effect with the largest size.")
    return passed(1.0)


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
        return fail("答案应是 kl.rootcause.Chain(problem=..., evidence=[...], root_cause=..., solutions=[...])。",
                    "The answer should be kl.rootcause.Chain(problem=..., evidence=[...], root_cause=..., "
                    "solutions=[...]).")
    targets = _their_targets(ctx) or dict(DEFAULT_TARGETS)
    broken = chain.validate(_reference_kpi(ctx), today=TODAY, targets=targets)
    if not broken:
        return passed(1.0)
    zh = "；".join(getattr(b, "zh", str(b)) for b in broken)
    en = "; ".join(getattr(b, "en", str(b)) for b in broken)
    return fail("根因链有断点：" + zh, "The chain has broken links: " + en)
