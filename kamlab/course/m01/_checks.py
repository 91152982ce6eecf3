"""m01 checks: the stage order, the work → dimension mapping of the seed, the blind spots read from own scores, the plan.

Examples
--------
>>> from kamlab.grading import Context
>>> _check_q1(["合作客户精准筛选"], Context("m01")).ok
False
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ... import selfassess
from ..._errors import BadSpecError
from ...grading import Context, Verdict, WrongType, fail, passed
from ...selfassess import STAGES, dimension_code, stage_code
from ._case import K, TASKS, TODAY
from ._model import assessment_or_none


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
    if all(c is None for c in codes):
        return fail("还没有选择：六个位置都还是（请选择）。", "Nothing chosen yet: all six positions are still blank.")
    if None in codes or len(set(codes)) != len(STAGES):
        return Verdict(ok=False, score=right / len(STAGES), reason_zh="六个环节要各出现一次（用下拉框里的名称）。",
                       reason_en="Each of the six stages must appear once (use the names in the drop-downs).")
    wrong = len(STAGES) - right
    return Verdict(ok=False, score=right / len(STAGES),
                   reason_zh=f"有 {wrong} 个位置的顺序不对：签约不是起点，每一环的输出是下一环的输入。",
                   reason_en=f"{wrong} positions are out of order: signing is not where the cycle starts; each "
                             f"stage's output is the next stage's input.")


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    """Each piece of work against the dimension the seed puts its part under (岗位价值三维度)."""
    if not isinstance(answer, Mapping):
        raise WrongType("一个字典 {工作: 价值维度}", "a dict {work: value dimension}", answer)
    wrong = []
    for key, task in TASKS.items():
        try:
            ok = dimension_code(answer.get(key)) == task.dimension
        except ValueError:
            ok = False
        if not ok:
            wrong.append(key)
    if not wrong:
        return passed(1.0)
    right = len(TASKS) - len(wrong)
    return Verdict(ok=False, score=right / len(TASKS),
                   reason_zh=f"有 {len(wrong)} 项工作的价值维度不对（或没有选）：{'、'.join(wrong)}。",
                   reason_en=f"{len(wrong)} pieces of work have the wrong (or no) value dimension: {', '.join(wrong)}.")


def _their_assessment(ctx: Context) -> Any:
    return assessment_or_none(ctx.answers.get("q3", ...))


def _stage_codes(answer: Any) -> list[str | None]:
    table = getattr(answer, "table", answer)
    if isinstance(table, pd.DataFrame):
        if "code" in table.columns:
            return [str(c) for c in table["code"]]
        return [_code_or_none(str(i)) for i in table.index]
    if isinstance(answer, str):
        return [_code_or_none(answer)]
    if answer is None:
        return []
    return [_code_or_none(x) for x in _as_list(answer)]


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    """The 2 ticked stages against the gaps of the trainee's own self-assessment (exercise 3).

    A stage may be ticked when its gap is > 0 and at least the 2nd-largest gap
    (stages tied at that gap are all accepted).
    """
    res = _their_assessment(ctx)
    if res is None:
        return fail("先完成练习 3（自评打分），盲区要从你自己的打分中找出。",
                    "Finish exercise 3 (the self-assessment) first: the blind spots come from your own scores.")
    codes = _stage_codes(answer)
    if not codes:
        return fail("还没有勾选环节：读你的雷达图，勾选差距最大的 2 个环节。",
                    "No stage ticked yet: read your radar and tick the 2 stages with the largest gap.")
    if None in codes or len(set(codes)) != len(codes):
        return fail("勾选的环节名称不对或重复了。", "A ticked stage is unknown or ticked twice.")
    if len(codes) != K:
        return fail(f"需要 {K} 个盲区，你勾选了 {len(codes)} 个：讲义要求抓 {K} 个核心盲区，而不是面面俱到。",
                    f"{K} blind spots are needed; you ticked {len(codes)}: the seed asks for {K} core blind spots, "
                    f"not everything at once.")
    t = res.table.set_index("code")
    gaps = t["gap"].astype(float)
    if float(gaps.max()) <= 0:
        return fail("你的自评里没有任何差距（都是满分）：先在练习 3 如实打分。",
                    "Your self-assessment shows no gap at all: score yourself honestly in exercise 3 first.")
    cut = float(gaps.sort_values(ascending=False).iloc[K - 1])
    low = [c for c in codes if gaps[c] <= 0 or gaps[c] < cut]
    if not low:
        return passed(1.0)
    names = "、".join(str(res.table.index[res.table["code"] == c][0]) for c in low)
    names_en = ", ".join(str(res.table.index[res.table["code"] == c][0]) for c in low)
    return fail(f"{names} 的差距（重要程度 − 本人实践）不在你自评中最大的两个之列：雷达图上还有离重要程度线更远的环节。",
                f"The gap (importance - own practice) of {names_en} is not among the two largest of your "
                f"self-assessment: other stages sit further inside the importance line on the radar.")


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    """The plan against the trainee's own blind spots and the drill's limits (immediate, owned, measurable)."""
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
        raise WrongType("练习 5 表单写出的改进计划", "the improvement plan the form of exercise 5 writes", answer)
    try:
        plan = selfassess.improvement_plan(rows, res, today=TODAY, k=K)
    except ValueError as err:
        return fail("改进计划的格式不对：" + getattr(err, "zh", str(err)),
                    "The plan is malformed: " + getattr(err, "en", str(err)))
    if plan.ok:
        return passed(1.0)
    return fail("改进计划还有问题：" + "；".join(p.zh for p in plan.problems),
                "The plan still has problems: " + "; ".join(p.en for p in plan.problems))
