"""m02's check functions: q1's rules; q2-q5 judge the trainee's decisions against the data they saw.

q2 (the chains in 重点投入), q3 (the unstable chains), q4 (what to do about them) and q5 (the key
account) are literal decisions (``Question(on="seen")``): each check loads the variant the trainee
saw and recomputes the tiering with the trainee's own weights and cut (q1, itself a literal).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ...grading import Context, Verdict, as_ids, fail, passed
from ._case import ACTIONS, DIMENSIONS, NO_UNSTABLE, QUADRANTS, SPREAD, STABLE_BELOW
from ._model import _codes, _stability, members, tiering

__all__ = ["_check_q1", "_check_q2", "_check_q3", "_check_q4", "_check_q5"]

_NEED_Q1 = ("这一题要用你在练习 1 中定的权重和分界线来核对：请先完成练习 1 并运行它的检查单元格。",
            "This question is checked against your own weights and cut from exercise 1: "
            "answer exercise 1 first and run its check cell.")


def _q1(ctx: Context) -> Any:
    q1 = ctx.answers.get("q1", ...)
    return None if q1 is Ellipsis or _check_q1_reason(q1) is not None else q1


def _check_q1_reason(answer: Any) -> tuple[str, str] | None:
    if not isinstance(answer, Mapping):
        return ("答案应该是一个字典：三个维度的权重加分界线。",
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
        return ("有维度的权重是 0：三个维度都要看，每个权重都应大于 0。",
                "A dimension has weight 0: all three dimensions count, every weight should be > 0.")
    if abs(sum(weights) - 100) > 1e-6:
        return (f"三个权重合计 {sum(weights):g}，应为 100。", f"The three weights add up to {sum(weights):g}, not 100.")
    if not (math.isfinite(c) and 30 <= c <= 70):
        return (f"分界线 {c:g} 不在 30 到 70 之间：太高几乎没有客户算“高”，太低几乎都算。",
                f"The cut {c:g} is not between 30 and 70: too high and hardly any chain is high, "
                f"too low and almost all are.")
    return None


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    reason = _check_q1_reason(answer)
    return passed(2.0) if reason is None else fail(*reason)




def _shares(chains: pd.DataFrame, q1: Any) -> pd.Series:
    """Share of weight draws (course standard ±20 %) keeping each chain's quadrant, by chain id."""
    s = _stability(chains, q1, SPREAD)
    return pd.Series(s.to_numpy(dtype=float), index=s.index.astype(str))


def _unknown(ids: list[str], table: pd.DataFrame) -> Verdict | None:
    unknown = [i for i in ids if i not in set(map(str, table.index))]
    if unknown:
        return fail(f"{'、'.join(unknown)} 不在本笔记本的客户名单里。",
                    f"{', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} not in this notebook's chain list.")
    return None


def _where(table: pd.DataFrame, cid: str, cut: float) -> tuple[str, str]:
    """Why chain *cid* sits where it sits: its quadrant and the axis score on the wrong side of the cut."""
    row = table.loc[cid]
    code = str(_codes(table).loc[cid])
    zh_q, en_q = QUADRANTS[code]
    low = [(zh, en, float(row[axis])) for axis, zh, en in (("potential", "潜力", "potential"),
                                                           ("profit", "利润", "profit"))
           if float(row[axis]) < cut - 1e-9]
    zh = "；".join(f"{z}得分 {v:.1f} 低于分界线 {cut:g}" for z, _, v in low)
    en = "; ".join(f"{e} score {v:.1f} is below the cut {cut:g}" for _, e, v in low)
    return (f"{cid} 在你的分层里属于{zh_q}（{zh}）", f"{cid} is in {en_q} in your tiering ({en})")


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    q1 = _q1(ctx)
    if q1 is None:
        return fail(*_NEED_Q1)
    ids = as_ids(answer)
    if ids is None:
        return fail("答案应该是客户编号的列表。", "The answer should be a list of chain ids.")
    if not ids:
        return fail("还没有选择任何客户：在表单里勾选落在重点投入象限的客户。",
                    "No chain ticked yet: tick the chains that sit in the invest quadrant.")
    table = tiering(ctx.load("chains"), q1).table
    if (bad := _unknown(ids, table)) is not None:
        return bad
    invest = set(members(table, "invest"))
    extra = [i for i in ids if i not in invest]
    if extra:
        zh, en = _where(table, extra[0], float(q1["cut"]))
        more_zh = f"（另有 {len(extra) - 1} 家也不属于重点投入）" if len(extra) > 1 else ""
        more_en = f" ({len(extra) - 1} more are not in invest either)" if len(extra) > 1 else ""
        return fail(f"{zh}，不是重点投入{more_zh}。规模大或总分高都不等于高潜力、高利润。",
                    f"{en}, not invest{more_en}. Being big or scoring a high total is not high potential "
                    f"and high profit.")
    missing = invest - set(ids)
    if missing:
        return fail(f"还漏了 {len(missing)} 家潜力和利润得分都不低于分界线的客户。",
                    f"{len(missing)} chain(s) whose potential and profit scores both reach the cut are missing.")
    return passed(3.0)


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    q1 = _q1(ctx)
    if q1 is None:
        return fail(*_NEED_Q1)
    ids = as_ids(answer)
    if ids is None:
        return fail("答案应该是客户编号的列表。", "The answer should be a list of chain ids.")
    if not ids:
        return fail("还没有选择：勾选不稳定的客户；一家都没有时勾选“无”。",
                    "Nothing ticked yet: tick the unstable chains, or “无” (none) when there are none.")
    chains = ctx.load("chains")
    share = _shares(chains, q1)
    unstable = {i for i, s in share.items() if s < STABLE_BELOW}
    if NO_UNSTABLE in ids:
        if len(ids) > 1:
            return fail("既勾了“无”又勾了客户：二者只能选其一。", "Both “无” (none) and chains are ticked: choose one.")
        if unstable:
            return fail(f"图里有 {len(unstable)} 家客户保持原象限的比例低于门槛 {STABLE_BELOW:g}：不是“没有”。",
                        f"{len(unstable)} chain(s) keep their quadrant in fewer than {STABLE_BELOW:g} of the draws: "
                        f"not “none”.")
        return passed(3.0)
    if (bad := _unknown(ids, tiering(chains, q1).table)) is not None:
        return bad
    stable = [i for i in ids if i not in unstable]
    if stable:
        return fail(f"{stable[0]} 在权重浮动时保持原象限的比例为 {share[stable[0]]:.2f}，不低于门槛 "
                    f"{STABLE_BELOW:g}：它的分层是稳定的。",
                    f"{stable[0]} keeps its quadrant in {share[stable[0]]:.2f} of the draws, not below "
                    f"{STABLE_BELOW:g}: its tier is stable.")
    if missing := unstable - set(ids):
        return fail(f"还漏了 {len(missing)} 家保持比例低于门槛的客户。",
                    f"{len(missing)} chain(s) below the threshold are missing.")
    return passed(3.0)


_ACTION_WHY = {
    "直接投入": ("权重是人定的：象限一变，投入就错配了，临界客户要先核实再投。",
              "Weights are a judgment: if the quadrant flips the spend is misallocated; check a borderline "
              "chain before investing."),
    "剔除": ("不稳定说明它在分界线附近，不说明它没有价值：剔除会丢掉可能的重点客户。",
             "Unstable means near the cut, not worthless: dropping it may lose a key account."),
    "改权重": ("为了让某家客户进重点投入而改权重，是先有结论再找标准：标准要对所有客户一致。",
                 "Changing weights to put a chain into invest starts from the conclusion: the standard must "
                 "be the same for every chain."),
}


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    if answer is None or answer == "":
        return fail("还没有选择做法。", "No action chosen yet.")
    if answer not in ACTIONS:
        return fail(f"“{answer}”不是表单里的选项。", f"“{answer}” is not one of the form's options.")
    if answer != "先核实":
        return fail(*_ACTION_WHY[str(answer)])
    return passed(2.0)


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    q1 = _q1(ctx)
    if q1 is None:
        return fail(*_NEED_Q1)
    if answer is None or answer == "":
        return fail("还没有选择重点客户。", "No key account chosen yet.")
    if not isinstance(answer, str):
        return fail("答案应该是一个客户编号。", "The answer should be one chain id.")
    chains = ctx.load("chains")
    table = tiering(chains, q1).table
    if (bad := _unknown([answer], table)) is not None:
        return bad
    if answer not in set(members(table, "invest")):
        zh, en = _where(table, answer, float(q1["cut"]))
        return fail(f"{zh}：深耕的重点客户要从重点投入象限中选。",
                    f"{en}: the key account to work on comes from the invest quadrant.")
    share = float(_shares(chains, q1)[answer])
    if share < STABLE_BELOW:
        return fail(f"{answer} 的象限不稳定（权重浮动时只有 {share:.2f} 保持重点投入）：先核实，不宜直接作为深耕客户。",
                    f"{answer}'s quadrant is unstable (only {share:.2f} of the weight draws keep it in invest): "
                    f"verify first, do not make it the key account yet.")
    return passed(2.0)
