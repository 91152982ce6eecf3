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


from ...chains import TERMS, classify, code_of, compare_terms, research_sheet, term_key
from ...grading import Context, Verdict, WrongType, fail, passed
from ...negotiation import ConcessionMatrix
from ._case import DATASET, NEED_GROUPS, NEED_QUIZ, ORDER_BY, _row
from ._model import _DERIVED, _chips, _texts, prep_problems

def _get(answer: Any, key: str, default: Any = None) -> Any:
    if isinstance(answer, Mapping):
        return answer.get(key, default)
    return getattr(answer, key, default)


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    """The key account's three classes, judged against its row of the chain list the trainee saw."""
    if not isinstance(answer, Mapping):
        raise WrongType("一个字典 {\"chain\": 编号, \"scope\": …, \"size\": …, \"mode\": …}",
                        "a dict {\"chain\": id, \"scope\": ..., \"size\": ..., \"mode\": ...}", answer)
    if all(answer.get(k) in (None, "") for k in ("scope", "size", "mode")):
        return fail("还没有选择：为区域、销售额和药店管理各选一类。",
                    "Nothing chosen yet: pick a class for region, sales and store management.")
    chains = ctx.load(DATASET)
    chain = str(answer.get("chain"))
    if chain not in set(chains["chain_id"].astype(str)):
        return fail(f"{chain} 不在本笔记本的连锁名单里。", f"{chain} is not in this notebook's chain list.")
    ref = classify(chains).table.loc[chain]
    row = _row(chains, chain)
    wrong_zh, wrong_en = [], []
    for kind, zh, en, why_zh, why_en in (
            ("scope", "区域", "region", f"连锁类型是 {row['chain_type']}（NKA 跨省的全国性连锁，LKA 地方连锁）",
             f"its chain type is {row['chain_type']} (NKA national across provinces, LKA local)"),
            ("size", "销售额", "sales", f"年销售额 {float(row['annual_sales']):,.0f} 万元，按课程的分界线 1 亿和 10 亿元",
             f"annual sales {float(row['annual_sales']):,.0f} (10k yuan), against the course's cuts of 0.1 and 1 "
             "billion yuan"),
            ("mode", "药店管理", "store management", f"经营模式是 {row['ownership']}",
             f"its stores are run as {row['ownership']}")):
        try:
            ok = code_of(kind, answer.get(kind)) == str(ref[f"{kind}_code"])
        except ValueError:
            ok = False
        if not ok:
            wrong_zh.append(f"{zh}分类不对：{why_zh}")
            wrong_en.append(f"the {en} class is wrong: {why_en}")
    if not wrong_zh:
        return passed()
    return Verdict(False, (3 - len(wrong_zh)) / 3, "；".join(wrong_zh) + "。", "; ".join(wrong_en) + ".")


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    """Each need in the seed's group (产品需求、服务需求、销售需求)."""
    if not isinstance(answer, Mapping):
        raise WrongType("一个字典 {需求: 类别}", "a dict {need: group}", answer)
    if all(answer.get(k) in (None, "") for k in NEED_QUIZ):
        return fail("还没有选择：为每项需求选一个类别。", "Nothing chosen yet: pick a group for each need.")
    wrong = [need for need, group in NEED_QUIZ.items() if _group(answer.get(need)) != group]
    if not wrong:
        return passed()
    return Verdict(False, 1 - len(wrong) / len(NEED_QUIZ),
                   f"{'、'.join(wrong)} 的类别不对：产品需求说的是产品本身，服务需求是厂家为药店做的事，销售需求是帮药店把货卖出去的活动。",
                   f"{', '.join(wrong)}: wrong group. Product needs concern the product itself, service needs what "
                   "the maker does for the pharmacy, sales needs the activities that sell the goods.")


def _group(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    for key, (zh, en) in NEED_GROUPS.items():
        if text in (key, zh, en, en.split()[0]):
            return key
    return None


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    if answer is None:
        return fail("还没有填完调研表：表单里写着还缺哪些项目。",
                    "The research sheet is not finished yet: the form says what is missing.")
    sheet = _get(answer, "sheet")
    if not isinstance(sheet, Mapping):
        return fail("答案应是表单写出的那一行算出的调研表。", "The answer should be the sheet the form's line computes.")
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
    c = classify(chains).table.loc[account]
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
    if isinstance(answer, Mapping) and not any(answer.get(k) for k in ("our_needs", "their_needs", "our_chips",
                                                                        "their_chips")):
        return fail("还没有选择需求、也没有写筹码。", "No needs chosen and no chips written yet.")
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
    """The seed's four terms ordered by when we are paid (days of receivables of the tool, soonest first)."""
    if not isinstance(answer, (list, tuple)):
        raise WrongType("一个列表 [第 1 位, 第 2 位, …]", "a list [first, second, ...]", answer)
    if all(a in (None, "") for a in answer):
        return fail("还没有排序：为每个位置选一种结款方式。", "Not ordered yet: pick a term for each position.")
    try:
        given = [term_key(str(a)) for a in answer if a not in (None, "")]
    except ValueError:
        return fail("有一项不是讲义里的结款方式。", "One item is not a payment term of the seed.")
    if len(given) != len(TERMS) or set(given) != set(TERMS):
        return fail(f"要把 {len(TERMS)} 种结款方式各排一次（你排了 {len(set(given))} 种）。",
                    f"Place each of the {len(TERMS)} terms once (you placed {len(set(given))}).")
    table = compare_terms(1.0).table
    days = {term_key(str(t)): float(d) for t, d in table[ORDER_BY].items()}
    for pos, (a, b) in enumerate(zip(given, given[1:]), start=1):
        if days[a] > days[b]:
            return fail(f"{a} 排在 {b} 前面不对：{a} 平均 {days[a]:g} 天才收到货款，{b} 只要 {days[b]:g} 天。",
                        f"{a} before {b} is wrong: {a} pays us after {days[a]:g} days on average, {b} after "
                        f"{days[b]:g}.")
    return passed()
