"""The checks of m03: each decision judged against the evidence of the data the trainee saw.

q2–q5 are literal decisions (cells, scores, ids) checked on the variant the
trainee saw (``on="seen"``): the gaps against the needs gathered, the scores
against the evidence columns by the course rubric, the doubts against the
base score and competitor pressure, the picks against the tool's rule.

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
from ...opportunity import collection_plan, evidence_scores, matrix
from ._case import DEFAULT_THRESHOLD, QUIZ

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
    if all(answer[k] is None for k in QUIZ):
        return fail("还没有选择：六条需求都还是（请选择）。", "Nothing chosen yet: all six statements are blank.")
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


NONE = "none"


def _account_of(ids: list[str], ctx: Context) -> str | None:
    """The one account the need ids belong to in the data the trainee saw, else None."""
    needs = ctx.load("needs")
    owner = dict(zip(needs["need_id"].astype(str), needs["account_id"].astype(str)))
    accounts = {owner.get(i) for i in ids}
    return accounts.pop() if len(accounts) == 1 and None not in accounts else None


def _reference(account: str, ctx: Context) -> Any:
    """The matrix of *account* scored from the evidence by the course rubric (the data the trainee saw)."""
    return matrix(evidence_scores(ctx.load("needs")), threshold=DEFAULT_THRESHOLD, account=account)


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    """The ticked kind × channel cells against the key account's needs: which cells have none."""
    if not isinstance(answer, Mapping) or "account" not in answer:
        return fail("答案应该是练习 2 表单写出的那一行（含客户编号和勾选的格子）。",
                    "The answer should be the line the form of exercise 2 writes (account and ticked cells).")
    account = str(answer["account"]).strip()
    needs = ctx.load("needs")
    if account not in set(needs["account_id"].astype(str)):
        return fail(f"客户 {account} 不在本笔记本的需求数据里。", f"Account {account} is not in this notebook's needs data.")
    raw = list(answer.get("uncovered") or [])
    if not raw:
        return fail("还没有勾选：读采集覆盖图，勾选还是 0 的格子（或勾选“全部覆盖”）。",
                    "Nothing ticked yet: read the coverage chart and tick the cells at 0 (or 'all covered').")
    ref = {tuple(c) for c in collection_plan(needs, account=account).uncovered}
    if NONE in raw:
        if len(raw) > 1:
            return fail("“全部覆盖”和具体的空缺不能同时勾选。", "'All covered' and gaps cannot be ticked together.")
        return passed() if not ref else fail(f"还有 {len(ref)} 个“类型 × 渠道”格子是 0：采集并没有全部覆盖。",
                                             f"{len(ref)} kind × channel cells are still at 0: not all covered.")
    cells = {_pair(c) for c in raw}
    if cells == ref:
        return passed()
    covered = cells - ref
    if covered:
        return fail(f"你勾选的格子里有 {len(covered)} 个已经收集到需求（覆盖图上不是 0）。",
                    f"{len(covered)} of the ticked cells already have needs (not 0 on the chart).")
    return fail(f"还漏了 {len(ref - cells)} 个是 0 的格子。", f"{len(ref - cells)} cells at 0 are not ticked yet.")


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    """Each need's match and value against its evidence (我方匹配能力, 预计年增量销售额) by the course rubric."""
    if not isinstance(answer, Mapping) or not answer:
        return fail("答案应该是练习 3 表单写出的评分：每条需求 → [匹配度, 价值]。",
                    "The answer should be the scores the form of exercise 3 writes: need -> [match, value].")
    ids = [str(k).strip() for k in answer]
    account = _account_of(ids, ctx)
    if account is None:
        return fail("评分里的需求编号不属于同一家客户（或不在本笔记本的数据里）。",
                    "The need ids scored do not belong to one account of this notebook's data.")
    ref = evidence_scores(ctx.load("needs"))
    ref = ref[ref["account_id"].astype(str) == account].set_index("need_id")
    missing = [i for i in ref.index.astype(str) if i not in ids]
    blank = [i for i in ids if not isinstance(answer[i], (list, tuple)) or None in list(answer[i])]
    if missing or len(blank) == len(ids):
        return fail(f"还有 {len(missing) + len(blank)} 条需求没有打分：重点客户的每条需求都要打匹配度和价值。",
                    f"{len(missing) + len(blank)} needs are not scored yet: score match and value of every need.")
    wrong_m, wrong_v = [], []
    for i in ref.index.astype(str):
        pair = answer[i] if isinstance(answer[i], (list, tuple)) and len(answer[i]) == 2 else (None, None)
        wrong_m += [i] if pair[0] != int(ref.loc[i, "match"]) else []
        wrong_v += [i] if pair[1] != int(ref.loc[i, "value"]) else []
    if not wrong_m and not wrong_v:
        return passed()
    score = 1 - (len(wrong_m) + len(wrong_v)) / (2 * len(ref))
    zh, en = [], []
    if wrong_m:
        zh.append(f"{'、'.join(wrong_m)} 的匹配度和“我方匹配能力”一栏的证据不符")
        en.append(f"the match of {', '.join(wrong_m)} does not fit the evidence in the column on what it takes us")
    if wrong_v:
        zh.append(f"{'、'.join(wrong_v)} 的价值和“预计年增量销售额”所在的档不符")
        en.append(f"the value of {', '.join(wrong_v)} is not the band of its expected annual uplift")
    return Verdict(ok=False, score=max(score, 0.0), reason_zh="；".join(zh) + "。", reason_en="; ".join(en) + ".")


def _ids(answer: Any) -> list[str] | None:
    if isinstance(answer, pd.DataFrame):
        return [str(i) for i in answer.index]
    if isinstance(answer, (list, tuple, pd.Index, pd.Series, np.ndarray)):
        values = list(answer)
        if all(isinstance(v, (str, np.str_)) for v in values):
            return [str(v).strip() for v in values]
    return None


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    """The ticked doubtful act-now opportunities against the account's base score and competitor pressure."""
    ids = _ids(answer)
    if ids is None or not ids:
        return fail("还没有勾选：在优先落地的机会里，勾选存在疑点的（或勾选“没有疑点”）。",
                    "Nothing ticked yet: tick the doubtful act-now opportunities (or 'none doubtful').")
    if NONE in ids and len(ids) > 1:
        return fail("“没有疑点”和具体的机会不能同时勾选。", "'None doubtful' and opportunities cannot be ticked together.")
    picked = [i for i in ids if i != NONE]
    scored = ctx.answers.get("q3")
    scored_ids = [str(k) for k in scored] if isinstance(scored, Mapping) else []
    account = _account_of(picked, ctx) if picked else _account_of(scored_ids, ctx)
    if account is None and picked:
        return fail("勾选的机会不属于同一家客户（或不在本笔记本的数据里）。",
                    "The ticked opportunities do not belong to one account of this notebook's data.")
    if account is None:
        return fail("先完成练习 3 的评分，或勾选具体的机会。", "Score the needs in exercise 3 first, or tick opportunities.")
    t = _reference(account, ctx).table
    act = t[t["quadrant_code"] == "act_now"]
    want = set(act.index[~act["feasible"].astype(bool)].astype(str))
    got = set(picked)
    if got == want:
        return passed()
    outside = got - set(act.index.astype(str))
    if outside:
        return fail(f"{'、'.join(sorted(outside))} 不在优先落地象限：这里只验证优先落地的机会。",
                    f"{', '.join(sorted(outside))} are not in the act-now quadrant: only act-now ones are checked here.")
    fine = got - want
    if fine:
        return fail(f"{'、'.join(sorted(fine))} 的动销基础和竞品压力都没有触发疑点：这些机会是可行的。",
                    f"Neither the base score nor the competitor pressure of {', '.join(sorted(fine))} raises a doubt.")
    return fail(f"还漏了 {len(want - got)} 个存在疑点的优先落地机会：看竞品压力一栏和动销基础分。",
                f"{len(want - got)} doubtful act-now opportunities are not ticked: read the competitor pressure "
                f"and the base score.")


def _signature(t: pd.DataFrame, ids: list[str]) -> list[tuple[Any, ...]]:
    return sorted((str(t.loc[i, "quadrant_code"]), bool(t.loc[i, "feasible"]), int(t.loc[i, "priority"]),
                   int(t.loc[i, "value"])) for i in ids)


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    """The 3 picks against the tool's rule: 优先落地 first, feasible first, then priority (ties equal)."""
    ids = _ids(answer)
    if ids is None or not ids:
        return fail("还没有勾选：在机会矩阵里勾选 3 个高价值机会。", "Nothing ticked yet: tick 3 high-value opportunities.")
    if len(ids) != 3 or len(set(ids)) != 3:
        return fail(f"需要正好 3 个不同的机会，你勾选了 {len(set(ids))} 个。",
                    f"Exactly 3 different opportunities are needed; you ticked {len(set(ids))}.")
    account = _account_of(ids, ctx)
    if account is None:
        return fail("所选的机会不属于同一家客户（或不在本笔记本的数据里）。",
                    "The picks do not belong to one account of this notebook's data.")
    ref = _reference(account, ctx)
    t = ref.table.set_axis(ref.table.index.astype(str))
    want = [str(i) for i in ref.top(3).index]
    if _signature(t, ids) == _signature(t, want):
        return passed()
    n_act = int((t["quadrant_code"] == "act_now").sum())
    n_ok_act = int(((t["quadrant_code"] == "act_now") & t["feasible"].astype(bool)).sum())
    outside = [i for i in ids if t.loc[i, "quadrant_code"] != "act_now"]
    doubtful = [i for i in ids if not bool(t.loc[i, "feasible"])]
    if outside and len(outside) > max(0, 3 - n_act):
        return fail(f"{'、'.join(outside)} 不在“优先落地”象限，而优先落地里还有没选的机会：先从优先落地中选。",
                    f"{', '.join(outside)} are outside 优先落地 (act now) while act-now opportunities are left: "
                    "pick from 优先落地 first.")
    if doubtful and n_ok_act > 3 - len(doubtful):
        return fail(f"{'、'.join(doubtful)} 存在疑点（竞品压力大或动销基础薄弱），而还有可行的优先落地机会：先选可行的。",
                    f"{', '.join(doubtful)} are doubtful while feasible act-now opportunities are left: pick "
                    "the feasible ones first.")
    return fail("同一类机会里，你选的优先级（匹配度 × 价值）不是最高的。",
                "Within the same group, your picks do not have the highest priority (match × value).")
