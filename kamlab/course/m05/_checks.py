"""m05 checks: each decision judged against the clause data the trainee saw and the seed's rules.

Every auto-graded answer of m05 is a literal decision (``Question(on="seen")``): the core clauses, the
first give-and-get, the package read off the frontier chart, the proposal, the counter-tactics, the
role-play log.  A check loads the data with ``ctx.load`` (the variant the trainee saw) and rebuilds the
concession matrix from it and the trainee's own core clauses (``q1``, a literal list too).

Examples
--------
>>> from kamlab.grading import Context
>>> _check_q1([], Context("m05")).reason_zh
'还没有选择核心条款。'
>>> _check_q1(["年度分销数量", "联合活动"], Context("m05")).ok
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..._errors import KamlabInputError
from ...grading import Context, Verdict, fail, passed
from ...negotiation import ConcessionMatrix
from ._case import DATASET, MIN_ROUNDS, MIN_TRADEABLE, clause_names, one_way, seed_core
from ._log import review_log
from ._model import assess, candidates, core_list, first_trade, matrix
from ._tactics import TACTICS, pk_score


def _join(reasons: Sequence[tuple[str, str]]) -> tuple[str, str]:
    return "；".join(r[0] for r in reasons), "; ".join(r[1] for r in reasons)


def _names(answer: Any) -> list[str] | None:
    if isinstance(answer, (list, tuple)) and all(isinstance(x, str) for x in answer):
        return [x.strip() for x in answer]
    return None


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    clauses = ctx.load(DATASET)
    names = clause_names(clauses)
    chosen = _names(answer)
    if chosen is None:
        return fail("答案应是核心条款名称的列表（在表单里勾选）。", "The answer should be a list of core clause names "
                    "(tick them in the form).")
    if not chosen:
        return fail("还没有选择核心条款。", "No core clause chosen yet.")
    unknown = [c for c in chosen if c not in names]
    if unknown:
        return fail(f"{'、'.join(unknown)} 不是本协议的条款。", f"{', '.join(unknown)} is not a clause of this agreement.")
    reasons = []
    for c in seed_core(clauses):
        if c not in chosen:
            reasons.append((f"「{c}」没有定为核心条款：讲义把动销目标、活动支持列为核心条款，它们锁定动销",
                            f"'{c}' is not core: the seed makes the sell-out target and activity support core, "
                            f"they lock in sell-out"))
    for c in one_way(clauses):
        if c in chosen:
            reasons.append((f"「{c}」是单向让利的价格条款：它是拿来交换的筹码，不是核心条款",
                            f"'{c}' is a price term of a one-way deal: a chip to trade, not a core clause"))
    tradeable = len(names) - len(set(chosen))
    if tradeable < MIN_TRADEABLE:
        reasons.append((f"只剩 {tradeable} 个可让步条款：至少留 {MIN_TRADEABLE} 个用来交换",
                        f"only {tradeable} tradeable clauses left: keep at least {MIN_TRADEABLE} to trade"))
    return passed() if not reasons else fail(*_join(reasons))


def _matrix(ctx: Context) -> ConcessionMatrix:
    """The concession matrix of the data the trainee saw, with their core clauses (``q1``) if readable."""
    clauses = ctx.load(DATASET)
    try:
        core = core_list(ctx.answers.get("q1", ...), clauses)
    except KamlabInputError:
        core = None
    return matrix(clauses, core=core if core is not None else ...)


def _ratio(m: ConcessionMatrix, name: str) -> float:
    return {c.name: c.ratio for c in m.clauses}[name]


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping) or not {"give", "get"} <= set(answer):
        return fail("答案应是一对选择：先让哪个条款、换取哪个条款（在表单里选）。",
                    "The answer should be a pair: which clause we give first and which we get (pick them in the form).")
    m = _matrix(ctx)
    by_name = {c.name: c for c in m.clauses}
    give, get = answer.get("give"), answer.get("get")
    if give in (None, "") or get in (None, ""):
        return fail("还没有选完：先让哪个条款、换取哪个条款都要选。", "Not chosen yet: pick both the clause we give "
                    "and the one we get.")
    for x in (give, get):
        if x not in by_name:
            return fail(f"{x!r} 不是本协议的条款。", f"{x!r} is not a clause of this agreement.")
    ref = first_trade(m)
    if ref is None:
        return fail("按你的核心条款已经没有可以交换的条款：回到练习 1 检查核心条款。",
                    "With your core clauses nothing is left to trade: check exercise 1.")
    reasons = []
    c = by_name[give]
    if give == get:
        reasons.append(("让和要是同一个条款：交换要在两个不同的条款上", "give and get are the same clause: an exchange "
                        "needs two clauses"))
    elif c.core:
        reasons.append((f"「{give}」是核心条款：核心条款守住目标，不拿来交换", f"'{give}' is core: a core clause keeps "
                        f"its target and is not traded"))
    elif c.opening == c.target or c.score_ours(c.opening) <= c.score_ours(c.target):
        reasons.append((f"「{give}」我方开价就是目标，没有可以让的空间", f"'{give}': our opening is our target, "
                        f"there is nothing to give"))
    elif give != ref["give"]:
        reasons.append((f"「{give}」的比值（对方权重 ÷ 我方权重）是 {c.ratio:.2f}，可让步条款里还有比值更高的："
                        f"先让对方更看重、我方更不在乎的", f"'{give}' has a their/our weight ratio of {c.ratio:.2f}; "
                        f"a tradeable clause has a higher one: give first what they value more and we less"))
    if give != get and get != ref["get"]:
        r = _ratio(m, get)
        if r >= c.ratio:
            reasons.append((f"要回来的「{get}」比值 {r:.2f} 不比让出去的低：换回来的应是我方更看重、对方更不在乎的条款",
                            f"'{get}' (ratio {r:.2f}) is not below what we give: get what we value more and "
                            f"they less"))
        else:
            reasons.append((f"「{get}」比值 {r:.2f}，还有对我方相对更重要（比值更低）的条款可以要",
                            f"'{get}' (ratio {r:.2f}): another clause matters relatively more to us (lower ratio)"))
    return passed() if not reasons else fail(*_join(reasons))


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    m = _matrix(ctx)
    options = candidates(m)
    if answer in (None, ""):
        return fail("还没有选择方案。", "No package chosen yet.")
    if answer not in options:
        return fail(f"{answer!r} 不是图上的方案（A–{max(options)}）。", f"{answer!r} is not a package on the chart "
                    f"(A-{max(options)}).")
    p = options[answer]
    if p["kind"] == "nash":
        return passed()
    product = p["u_us"] * p["u_them"]
    if p["kind"] == "inside":
        return fail(f"方案 {answer} 不在帕累托前沿上：价值留在了桌上，不是纳什点。",
                    f"Package {answer} is inside the frontier: value is left on the table; not the Nash point.")
    side = ("只顾我方：对方效用只有 {u:.1f}", "good for us only: their utility is just {u:.1f}") \
        if p["kind"] == "ours" else ("让步太多：我方效用只剩 {u:.1f}", "gives too much: our utility is just {u:.1f}")
    u = p["u_them"] if p["kind"] == "ours" else p["u_us"]
    return fail(f"方案 {answer} {side[0].format(u=u)}，双方效用乘积 {product:.0f} 不是最大。",
                f"Package {answer} is {side[1].format(u=u)}; the product of the utilities, {product:.0f}, "
                f"is not the largest.")


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        return fail("答案应是方案：每个条款一个选项（在表单里选）。", "The answer should be a package: one option per "
                    "clause (pick them in the form).")
    a = assess(_matrix(ctx), answer)
    return passed() if a["ok"] else fail(*_join(a["problems"]))


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        return fail("答案应是每个战术对应的反战术（在表单里选）。", "The answer should map each tactic to a counter "
                    "(pick them in the form).")
    right, why = pk_score(answer)
    if right == len(TACTICS):
        return passed()
    zh, en = _join(why)
    return fail(f"{right}/{len(TACTICS)} 对。{zh}", f"{right}/{len(TACTICS)} right. {en}", score=right / len(TACTICS))


def _check_q6(answer: Any, ctx: Context) -> Verdict:
    if isinstance(answer, pd.DataFrame):
        answer = answer.to_dict("records")
    if not isinstance(answer, (list, tuple)) or not all(isinstance(r, Mapping) for r in answer):
        return fail("答案应是谈判记录：每行有轮次、一方、条款、选项（在表单的表格里填）。",
                    "The answer should be the log: rows with round, side, clause, option (fill in the form's table).")
    if not answer:
        return fail("还没有记录：在表格里填写每一轮双方的报价。", "The log is empty: fill in each round's offers.")
    try:
        ref = review_log(_matrix(ctx), list(answer))
    except KamlabInputError as err:
        return fail(f"记录有误：{err.zh}", f"The log has a problem: {err.en}")
    parts = []
    if ref["rounds"] < MIN_ROUNDS:
        parts.append((f"只有 {ref['rounds']} 轮，至少要 {MIN_ROUNDS} 轮", f"only {ref['rounds']} rounds, at least "
                      f"{MIN_ROUNDS} needed"))
    if ref["unanswered"]:
        first = ref["unanswered"][0]
        parts.append((f"有 {len(ref['unanswered'])} 次我方让步没有换到对方的让步（如第 {first['step']} 轮「{first['clause']}」"
                      f"{first['from']} → {first['to']}）：无交换不让步",
                      f"{len(ref['unanswered'])} concessions of ours got nothing in exchange (e.g. round "
                      f"{first['step']}, '{first['clause']}' {first['from']} -> {first['to']})"))
    if not ref["feasible"]:
        parts.append(("成交方案有条款低于我方底线，或核心条款低于目标", "the final package has a clause below our "
                      "walk-away or a core clause below its target"))
    if not parts:
        return passed()
    # a log shorter than the role play asks for earns nothing; otherwise a third per rule kept
    return fail(*_join(parts), score=0.0 if ref["rounds"] < MIN_ROUNDS else (3 - len(parts)) / 3)
