"""The checks of m03: each answer compared with what the tools give on the context's own data.

q2–q5 are recomputed for the account (and threshold) the trainee used, so a
computed answer stays right on a hidden data variant.

Examples
--------
>>> _pair("隐性·门店"), _pair(("explicit", "HQ")), _pair("显性")
(('隐性', '门店'), ('显性', '总部'), (None, None))
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ...grading import Context, Verdict, fail, passed
from ...opportunity import collection_plan, matrix
from .._shared import resolve_account
from ._case import DEFAULT_THRESHOLD, QUIZ, REASONS, THRESHOLDS
from ._model import _codes, _reason_codes

_KIND = {"显性": "显性", "显性需求": "显性", "explicit": "显性", "隐性": "隐性", "隐性需求": "隐性",
         "implicit": "隐性"}
_CHANNEL = {"总部": "总部", "hq": "总部", "headquarters": "总部", "门店": "门店", "store": "门店",
            "外部": "外部", "external": "外部"}


def _pair(value: Any) -> tuple[str | None, str | None]:
    """(kind, channel) from a pair, a "显性·总部" text, or a dict; None where unreadable."""
    if isinstance(value, Mapping):
        value = (value.get("kind"), value.get("channel"))
    if isinstance(value, str):
        for sep in ("·", "/", ",", "，", "、", " "):
            if sep in value:
                value = tuple(p for p in value.split(sep) if p.strip())
                break
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        return None, None
    kind, channel = (str(v).strip().lower() if v is not None else "" for v in value)
    return _KIND.get(kind), _CHANNEL.get(channel)


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        return fail("答案应该是一个字典：每条需求 → (需求类型, 信息渠道)，例如 {\"联合营销活动\": (\"显性\", \"总部\"), ...}。",
                    "The answer should be a dict: need -> (kind, channel), e.g. "
                    "{\"联合营销活动\": (\"显性\", \"总部\"), ...}.")
    missing = [k for k in QUIZ if k not in answer]
    if missing:
        return fail(f"还缺 {len(missing)} 条需求没有分类：{missing}。",
                    f"{len(missing)} statements are not classified yet: {missing}.")
    right = 0
    for key, (_, _, kind, channel) in QUIZ.items():
        got_kind, got_channel = _pair(answer[key])
        right += (got_kind == kind) + (got_channel == channel)
    total = 2 * len(QUIZ)
    if right == total:
        return passed()
    return Verdict(ok=False, score=right / total,
                   reason_zh=f"{total} 个判断中有 {total - right} 个不对（需求类型和信息渠道分别计）。",
                   reason_en=f"{total - right} of {total} judgements are wrong (kind and channel counted "
                             "separately).")


def _accounts(ctx: Context) -> set[str]:
    return set(ctx.load("needs")["account_id"].astype(str).str.strip())


def _uncovered(answer: Any) -> set[tuple[str | None, str | None]] | None:
    cells = answer.get("uncovered") if isinstance(answer, Mapping) else answer
    if isinstance(cells, (str, bytes)) or not isinstance(cells, (list, tuple, set, frozenset)):
        return None
    return {_pair(c) for c in cells}


def _q3_account(ctx: Context) -> str | None:
    q3 = ctx.answers.get("q3")
    if isinstance(q3, pd.DataFrame) and "account_id" in q3.columns:
        ids = q3["account_id"].astype(str).unique()
        if len(ids) == 1:
            return str(ids[0])
    return None


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    cells = _uncovered(answer)
    if cells is None:
        return fail("答案应该是 kl.course.m03.gaps(needs, account) 的结果。",
                    "The answer should be the result of kl.course.m03.gaps(needs, account).")
    if isinstance(answer, Mapping) and "account" in answer:
        account = str(answer["account"]).strip()
    else:
        account = _q3_account(ctx) or resolve_account(None, ctx.load("chains"))
    if account not in _accounts(ctx):
        return fail(f"客户 {account} 不在本笔记本的需求数据里：请用参数单元格里的 account。",
                    f"Account {account} is not in this notebook's needs data: use the account of the "
                    "parameters cell.")
    ref = {tuple(c) for c in collection_plan(ctx.load("needs"), account=account).uncovered}
    if cells == ref:
        return passed()
    missing, extra = len(ref - cells), len(cells - ref)
    return fail(f"和你的重点客户的采集覆盖不一致：少了 {missing} 个空缺，多了 {extra} 个。"
                "请用 kl.course.m03.gaps(needs, account) 计算，不要手工输入。",
                f"This does not match your key account's collection plan: {missing} gaps missing, "
                f"{extra} not expected. Compute it with kl.course.m03.gaps(needs, account); do not type it in.")


def _verified(table: Any, ctx: Context) -> tuple[Any, Verdict | None]:
    """The reference matrix of *ctx*'s data for the account and threshold of *table*, or why not."""
    if not isinstance(table, pd.DataFrame):
        return None, fail("答案应该是 kl.opportunity.matrix(needs, threshold=..., account=account) 的结果。",
                          "The answer should be the result of kl.opportunity.matrix(needs, threshold=..., "
                          "account=account).")
    if "account_id" not in table.columns or table["account_id"].astype(str).nunique() != 1:
        return None, fail("矩阵里应只有你的重点客户的需求：调用时加上 account=account。",
                          "The matrix should hold only your key account's needs: pass account=account.")
    if "quadrant_code" not in table.columns and "quadrant" not in table.columns:
        return None, fail("矩阵里没有象限（quadrant）列。", "The matrix has no quadrant column.")
    account = str(table["account_id"].astype(str).iloc[0]).strip()
    if account not in _accounts(ctx):
        return None, fail(f"客户 {account} 不在本笔记本的需求数据里。",
                          f"Account {account} is not in this notebook's needs data.")
    needs = ctx.load("needs")
    base = matrix(needs, threshold=DEFAULT_THRESHOLD, account=account).table
    mine_ids = sorted(map(str, table.index))
    if mine_ids != sorted(map(str, base.index)):
        return None, fail("矩阵里的需求和本笔记本的数据不一致：请对重点客户的全部需求调用工具，不要手工筛选或输入。",
                          "The needs in your matrix differ from this notebook's data: call the tool on all of "
                          "your key account's needs; do not filter or type them in.")
    mine = _codes(table).set_axis(table.index.astype(str))
    for column in ("priority", "rank"):
        if column in table.columns:
            got = pd.Series(table[column].to_numpy(dtype=float), index=table.index.astype(str))
            want = pd.Series(base[column].to_numpy(dtype=float), index=base.index.astype(str))
            if not np.allclose(got.reindex(want.index).to_numpy(), want.to_numpy()):
                return None, fail("匹配度、价值或优先级和本笔记本的数据不一致：不要手工改分。",
                                  "Match, value or priority differ from this notebook's data: do not edit "
                                  "the scores by hand.")
    for t in (*THRESHOLDS, 1, 5):
        ref = matrix(needs, threshold=t, account=account)
        theirs = _codes(ref.table).set_axis(ref.table.index.astype(str))
        if (mine.reindex(theirs.index) == theirs).all():
            if t not in THRESHOLDS:
                return None, fail("门槛应在 2 到 4 之间：门槛 1 或 5 会把几乎所有需求放进同一个象限。",
                                  "The threshold should be 2 to 4: 1 or 5 puts almost every need in one quadrant.")
            return ref, None
    return None, fail("有需求的象限和工具按任何门槛算出的都不一致：请用 kl.opportunity.matrix 计算，不要手工改象限。",
                      "Some quadrants differ from what the tool gives for any threshold: compute them with "
                      "kl.opportunity.matrix; do not edit quadrants by hand.")


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    _, why = _verified(answer, ctx)
    return why if why is not None else passed()


def _from_q3(ctx: Context) -> tuple[Any, Verdict | None]:
    q3 = ctx.answers.get("q3", ...)
    if q3 is Ellipsis:
        return None, fail("这一题要用你在练习 3 中的机会矩阵（q3）来核对：请先完成练习 3 并运行它的检查单元格。",
                          "This question is checked against your opportunity matrix from exercise 3 (q3): "
                          "answer exercise 3 first and run its check cell.")
    ref, why = _verified(q3, ctx)
    if why is not None:
        return None, fail("练习 3 的机会矩阵还不对：先改好练习 3。",
                          "Your opportunity matrix of exercise 3 is not right yet: fix exercise 3 first.")
    return ref, None


def _code_of(label: Any) -> str | None:
    text = str(label).strip().lower()
    for code, (zh, en) in REASONS.items():
        if text.startswith(zh) or text.startswith(en.lower()) or text == code:
            return code
    return None


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    ref, why = _from_q3(ctx)
    if why is not None:
        return why
    if not isinstance(answer, Mapping):
        return fail("答案应该是一个字典：需求编号 → 疑点原因，例如 kl.course.m03.doubtful(q3) 的结果。",
                    "The answer should be a dict: need id -> reasons, e.g. the result of "
                    "kl.course.m03.doubtful(q3).")
    flags = _reason_codes(ref.table)
    want = {str(i): {c for c in flags.columns if row[c]} for i, row in flags.iterrows() if row.any()}
    got: dict[str, set[str | None]] = {}
    for key, reasons in answer.items():
        items = [reasons] if isinstance(reasons, str) else list(reasons or [])
        got[str(key).strip()] = {_code_of(r) for r in items}
    if set(got) != set(want):
        missing, extra = len(set(want) - set(got)), len(set(got) - set(want))
        return fail(f"存在疑点的机会不对：少了 {missing} 个，多了 {extra} 个。对照客户的动销基础分和竞品压力。",
                    f"The doubtful opportunities are not right: {missing} missing, {extra} not expected. "
                    "Look at the account's sell-through base and the competitor pressure.")
    wrong = sum(got[k] != want[k] for k in want)
    if wrong:
        return Verdict(ok=False, score=0.5, reason_zh=f"有 {wrong} 个机会的疑点原因不对。",
                       reason_en=f"The reasons of {wrong} opportunities are not right.")
    return passed()


def _ids(answer: Any) -> list[str] | None:
    if isinstance(answer, pd.DataFrame):
        return [str(i) for i in answer.index]
    if isinstance(answer, (list, tuple, pd.Index, pd.Series, np.ndarray)):
        values = list(answer)
        if all(isinstance(v, (str, np.str_)) for v in values):
            return [str(v).strip() for v in values]
    return None


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    ref, why = _from_q3(ctx)
    if why is not None:
        return why
    ids = _ids(answer)
    if ids is None:
        return fail("答案应该是 3 个需求编号的列表，例如 kl.course.m03.pick(q3, k=3, rule=...) 的结果。",
                    "The answer should be a list of 3 need ids, e.g. the result of "
                    "kl.course.m03.pick(q3, k=3, rule=...).")
    table = ref.table
    known = set(table.index.astype(str))
    if len(ids) != 3 or len(set(ids)) != 3:
        return fail("需要正好 3 个不同的机会。", "Exactly 3 different opportunities are needed.")
    if not set(ids) <= known:
        return fail("所选的机会不是你的重点客户的需求：请从 q3 里选，不要手工输入编号。",
                    "The picks are not needs of your key account: pick from q3, do not type ids.")
    want = set(ref.top(3).index.astype(str))
    if set(ids) == want:
        return passed()
    codes = _codes(table).set_axis(table.index.astype(str))
    doubt = _reason_codes(table).any(axis=1).set_axis(table.index.astype(str))
    n_act = int((codes == "act_now").sum())
    n_ok_act = int(((codes == "act_now") & ~doubt).sum())
    outside = sum(codes[i] != "act_now" for i in ids)
    doubtful_picks = sum(bool(doubt[i]) for i in ids)
    if outside and n_act >= 3 - 0:
        if outside > max(0, 3 - n_act):
            return fail("有机会不在“优先落地”象限，而优先落地里还有没选的机会：先从优先落地中选。",
                        "Some picks are outside 优先落地 (act now) while act-now opportunities are left: "
                        "pick from 优先落地 first.")
    if doubtful_picks and n_ok_act > 3 - doubtful_picks:
        return fail("选中了存在疑点（动销基础薄弱或竞品压力大）的机会，而还有可行的优先落地机会：先选可行的。",
                    "A doubtful pick (weak base or strong competitor pressure) while feasible act-now "
                    "opportunities are left: pick the feasible ones first.")
    return fail("这 3 个不是按“优先落地 → 可行 → 优先级”选出的机会。",
                "These 3 are not the ones picked by act-now first, feasible first, then priority.")
