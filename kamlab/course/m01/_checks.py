"""m01 checks: the quiz on the model (stage order, dimensions), consistency with the trainee's scores, the plan.

Examples
--------
>>> from kamlab.grading import Context
>>> _check_q1(["合作客户精准筛选"], Context("m01")).ok
False
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ... import selfassess
from ..._errors import BadSpecError
from ...grading import Context, Verdict, WrongType, fail, passed
from ...selfassess import STAGES, dimension_code, stage_code
from ._case import K, TODAY
from ._model import _from_answer, assessment_or_none


def _code_or_none(name: Any) -> str | None:
    try:
        return stage_code(name)
    except BadSpecError:
        return None


def _as_list(answer: Any) -> list[Any]:
    if isinstance(answer, (list, tuple)):
        return list(answer)
    if hasattr(answer, "tolist") and not isinstance(answer, (str, Mapping)):
        out = answer.tolist()
        if isinstance(out, list):
            return out
    raise WrongType("一个列表 [...]（六个环节的名称）", "a list [...] of the six stage names", answer)


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    items = _as_list(answer)
    if len(items) != len(STAGES):
        return fail(f"需要 6 个环节，收到 {len(items)} 个。", f"Six stages are needed; got {len(items)}.")
    codes = [_code_or_none(x) for x in items]
    right = sum(c == s.code for c, s in zip(codes, STAGES))
    if right == len(STAGES):
        return passed(1.0)
    if None in codes or len(set(codes)) != len(STAGES):
        return Verdict(ok=False, score=right / len(STAGES), reason_zh="六个环节要各出现一次（用下拉框里的名称）。",
                       reason_en="Each of the six stages must appear once (use the names in the drop-downs).")
    wrong = len(STAGES) - right
    return Verdict(ok=False, score=right / len(STAGES),
                   reason_zh=f"有 {wrong} 个位置的顺序不对。想一想：先选客户，再找机会，……最后用数据复盘。",
                   reason_en=f"{wrong} positions are out of order. Think: first pick the accounts, then find the "
                             f"opportunities, ... and review the data last.")


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        raise WrongType("一个字典 {环节: 价值维度}", "a dict {stage: value dimension}", answer)
    given: dict[str, Any] = {}
    for key, value in answer.items():
        code = _code_or_none(key)
        if code is not None:
            given[code] = value
    right = 0
    for s in STAGES:
        try:
            right += dimension_code(given.get(s.code)) == s.dimension
        except ValueError:
            pass
    if right == len(STAGES):
        return passed(1.0)
    wrong = len(STAGES) - right
    return Verdict(ok=False, score=right / len(STAGES), reason_zh=f"有 {wrong} 个环节的价值维度不对（或没有选）。",
                   reason_en=f"{wrong} stages have the wrong (or no) value dimension.")


def _their_assessment(ctx: Context) -> Any:
    return assessment_or_none(ctx.answers.get("q3", ...))


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    try:
        res = _from_answer(answer)
    except (TypeError, ValueError) as err:
        zh, en = (getattr(err, "zh", ""), getattr(err, "en", ""))
        return fail("答案应是 kl.selfassess.assess({...}) 的结果：六个环节各打 1–5 分。" + zh,
                    "The answer should be the result of kl.selfassess.assess({...}): a score 1-5 for each of "
                    "the six stages. " + en)
    table = getattr(answer, "table", answer)
    if isinstance(table, pd.DataFrame):
        for col in ("gap", "rank"):
            if col not in table.columns:
                return fail("答案应是 kl.selfassess.assess({...}) 的结果，不是自己做的表。",
                            "The answer should be the result of kl.selfassess.assess({...}), not a table of your own.")
            got = pd.Series(table[col].to_numpy(dtype=float), index=[str(i) for i in table.index])
            ref = res.table[col].astype(float)
            if not np.allclose(got.reindex(ref.index).to_numpy(dtype=float), ref.to_numpy(), equal_nan=False):
                return fail("表里的差距或排名与你的打分对不上：请直接用 kl.selfassess.assess(...) 计算。",
                            "The gaps or ranks do not match your scores: compute them with kl.selfassess.assess(...).")
    if len(res.blind_spots(K)) < K:
        return fail(f"按你的打分，不到 {K} 个环节存在差距：请如实给自己打分，找出 {K} 个盲区。",
                    f"With your scores fewer than {K} stages show a gap: score yourself honestly so that "
                    f"{K} blind spots show.")
    return passed(1.0)


def _stage_codes(answer: Any) -> list[str | None]:
    table = getattr(answer, "table", answer)
    if isinstance(table, pd.DataFrame):
        if "code" in table.columns:
            return [str(c) for c in table["code"]]
        return [_code_or_none(str(i)) for i in table.index]
    if isinstance(answer, str):
        return [_code_or_none(answer)]
    return [_code_or_none(x) for x in _as_list(answer)]


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    res = _their_assessment(ctx)
    if res is None:
        return fail("先完成练习 3（自评打分），盲区要从你自己的打分中找出。",
                    "Finish exercise 3 (the self-assessment) first: the blind spots come from your own scores.")
    codes = _stage_codes(answer)
    want = [str(c) for c in res.blind_spots(K)["code"]]
    if len(codes) != K:
        return fail(f"需要 {K} 个盲区，收到 {len(codes)} 个。", f"{K} blind spots are needed; got {len(codes)}.")
    if set(codes) == set(want):
        return passed(1.0)
    return fail("这不是你自评中差距最大的两个环节：请用 q3.blind_spots(2) 从你的打分中找。",
                "These are not the two stages with the largest gap in your self-assessment: use "
                "q3.blind_spots(2) on your scores.")


def _check_q5(answer: Any, ctx: Context) -> Verdict:


    res = _their_assessment(ctx)
    if res is None:
        return fail("先完成练习 3（自评打分）：改进动作要针对你的盲区。",
                    "Finish exercise 3 (the self-assessment) first: the actions are for your blind spots.")
    table = getattr(answer, "table", answer)
    if isinstance(table, pd.DataFrame):
        rows = table.to_dict("records")
    elif isinstance(answer, (list, tuple)):
        rows = list(answer)
    else:
        raise WrongType("kl.selfassess.improvement_plan([...], q3, today=...) 的结果",
                        "the result of kl.selfassess.improvement_plan([...], q3, today=...)", answer)
    try:
        plan = selfassess.improvement_plan(rows, res, today=TODAY, k=K)
    except ValueError as err:
        return fail("改进计划的格式不对：" + getattr(err, "zh", str(err)),
                    "The plan is malformed: " + getattr(err, "en", str(err)))
    if plan.ok:
        return passed(1.0)
    return fail("改进计划还有问题：" + "；".join(p.zh for p in plan.problems),
                "The plan still has problems: " + "; ".join(p.en for p in plan.problems))
