"""The checks of m06: literal decisions judged on the data the trainee saw (``ctx.load``), never on the
grader's re-run objects.

Examples
--------
>>> from kamlab.grading import Context
>>> _check_q2({"chain": "C18", "effect": None}, Context("m06")).reason_en
'Nothing chosen yet: read the chart, then pick the effect.'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ... import incentives
from ...grading import Context, Verdict, fail
from .._shared import default_account
from ._case import CANDIDATES, DATASET, MOVES, POLICY_CAP, PRODUCT_PRICE, SCENE_KEY
from ._model import effect_measures, pilot_result, within_cap

#: How close a chosen effect must be to the measured one (the options are rounded to 0.1 %).
TOL = 0.0015


def _chain(answer: Any, ctx: Context) -> str:
    """The chain named in a literal answer when the seen data has it, else the key account of that data."""
    chain = answer.get("chain") if isinstance(answer, Mapping) else None
    if chain is not None and str(chain) in set(ctx.load(DATASET)["chain_id"].astype(str)):
        return str(chain)
    return default_account(ctx.load("chains"))


def _check_q1(answer: Any, ctx: Context) -> Verdict | bool:
    try:
        plan = incentives.push_plan(answer)
    except ValueError as err:
        zh, en = getattr(err, "zh", str(err)), getattr(err, "en", str(err))
        return fail("推动计划的格式不对：" + zh, "The push plan is malformed: " + en)
    if plan.problems:
        return fail("推动计划还有问题：" + "；".join(p.zh for p in plan.problems),
                    "The push plan has problems: " + "; ".join(p.en for p in plan.problems))
    if (plan.table["kind"] == "wave").sum() < 2:
        return fail("门店推动只有一批：应先试点、再推广，至少分两批。",
                    "The store push has one wave: pilot first, then scale, at least two waves.")
    return True


def _check_q2(answer: Any, ctx: Context) -> Verdict | bool:
    value = answer.get("effect") if isinstance(answer, Mapping) else answer
    if value is None:
        return fail("还没有选择：先读图，再选出试点的效果。", "Nothing chosen yet: read the chart, then pick the effect.")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return fail("答案应是表单里选出的一个百分比。", "The answer should be one of the percentages of the form.")
    m = effect_measures(ctx.load(DATASET), ctx.load("chains"), _chain(answer, ctx))
    if abs(value - m["lift"]) <= TOL:
        return True
    nearest = min(("naive", "season", "chain"), key=lambda k: abs(value - m[k]))
    reasons = {
        "naive": ("{x:+.1%} 是试点门店自己的环比增长：同期季节让销量下滑，环比把季节的影响算进了方案效果。",
                  "{x:+.1%} is the pilot stores' own quarter-on-quarter growth: the season pulled sales down "
                  "meanwhile, so this mixes the season into the scheme's effect."),
        "season": ("{x:+.1%} 是对照门店的变化：那是季节本身，不是试点带来的。",
                   "{x:+.1%} is what the control stores did: that is the season itself, not the pilot."),
        "chain": ("{x:+.1%} 是全连锁的增长：把试点门店和对照门店混在一起，既有季节也被稀释。",
                  "{x:+.1%} is the whole chain's growth: pilot and control mixed, season included and diluted."),
    }
    zh, en = reasons[nearest] if abs(value - m[nearest]) <= TOL else (
        "{x:+.1%} 不是这张图能读出的试点效果。", "{x:+.1%} is not a reading of the pilot in this chart.")
    return fail(zh.format(x=value), en.format(x=value))


def _check_q3(answer: Any, ctx: Context) -> Verdict | bool:
    if not isinstance(answer, Mapping):
        return fail("答案应是表单写出的激励方案。", "The answer should be the scheme the form writes.")
    spec = {k: v for k, v in answer.items() if k != "chain"}
    if not spec.get("tiers"):
        return fail("还没有填档位：表里至少填两档。", "No tiers yet: fill in at least two tiers.")
    try:
        scheme = incentives.as_scheme(spec)
    except ValueError as err:
        return fail("激励方案的格式不对：" + getattr(err, "zh", str(err)),
                    "The incentive scheme is malformed: " + getattr(err, "en", str(err)))
    except (TypeError, AttributeError, IndexError):
        return fail("答案应是表单写出的激励方案。", "The answer should be the scheme the form writes.")
    if len(scheme.tiers) < 2:
        return fail("只有一档：阶梯式激励至少要两档。", "One tier only: a tiered incentive needs at least two.")
    if not math.isclose(scheme.unit_price, PRODUCT_PRICE):
        return fail(f"单价 {scheme.unit_price:g} 元不是策略品种的价格。",
                    f"The unit price {scheme.unit_price:g} is not the strategic product's price.")
    if scheme.cost_cap > POLICY_CAP + 1e-12:
        return fail(f"费用上限 {scheme.cost_cap:.0%} 超过了公司规定的 {POLICY_CAP:.0%}。",
                    f"The cost cap {scheme.cost_cap:.0%} is above the company's {POLICY_CAP:.0%}.")
    res = pilot_result(ctx.load(DATASET), ctx.load("chains"), _chain(answer, ctx), scheme)
    violations = incentives.compliance(scheme, res)
    if violations:
        return fail("方案在试点数据上不合规：" + "；".join(v.zh for v in violations),
                    "The scheme is not compliant on the pilot data: " + "; ".join(v.en for v in violations))
    if res.total_cost <= 0:
        return fail("试点门店没有一家能达到第一档：这个激励不起作用。",
                    "No pilot store reaches the first tier: the incentive moves nobody.")
    return True


def _check_q4(answer: Any, ctx: Context) -> Verdict | bool:
    schemes = answer.get("schemes") if isinstance(answer, Mapping) else answer
    if isinstance(schemes, str) or not isinstance(schemes, (list, tuple)):
        return fail("答案应是勾选的方案列表。", "The answer should be the list of ticked schemes.")
    picked = {str(a) for a in schemes}
    if not picked:
        return fail("还没有勾选：读表，勾出守得住上限的方案。", "Nothing ticked yet: read the table, tick the schemes within the cap.")
    right = set(within_cap(ctx.load(DATASET), ctx.load("chains"), _chain(answer, ctx)))
    if "none" in picked:
        if right:
            return fail("你选了“都守不住”：按季节基线算增量，并不是每个方案都超上限。",
                        "You chose 'none': measured over the seasonal baseline, not every scheme breaks the cap.")
        return True if picked == {"none"} else fail("“都守不住”不能和方案同时勾选。", "'None' cannot go with a scheme.")
    over = sorted(picked - right)
    if over:
        return fail(f"方案 {'、'.join(over)} 的费用超过季节基线增量的 {POLICY_CAP:.0%}。",
                    f"Scheme(s) {', '.join(over)} cost more than {POLICY_CAP:.0%} of the increment over the season.")
    if picked != right:
        return fail(f"你漏选了 {len(right - picked)} 个守得住上限的方案。",
                    f"You left out {len(right - picked)} scheme(s) that keep the cap.")
    return True


def _check_q5(answer: Any, ctx: Context) -> Verdict | bool:
    if not isinstance(answer, Mapping):
        return fail("答案应是表单写出的每个场景的做法。", "The answer should be the form's move per scene.")
    if any(answer.get(k) is None for k in SCENE_KEY):
        return fail("还有场景没有选择。", "Some scenes are not answered yet.")
    wrong = [k for k, v in SCENE_KEY.items() if answer.get(k) != v]
    if not wrong:
        return True
    bad = {"promise": ("承诺疗效是违规宣传", "promising a cure is non-compliant"),
           "knock": ("贬低竞品既不合规也失信于顾客", "running down a rival is non-compliant and loses trust"),
           "bonus": ("按奖励推荐，顾客利益放在了后面", "recommending by the clerk's reward puts the customer last")}
    worst = [answer[k] for k in wrong if answer[k] in bad]
    zh_why, en_why = bad[worst[0]] if worst else ("做法和顾客的需要不对应", "the move does not fit the customer's need")
    return fail(f"场景 {'、'.join(wrong)} 的做法不对：{zh_why}。",
                f"Scene(s) {', '.join(wrong)}: wrong move ({en_why}).")


__all__ = ["_check_q1", "_check_q2", "_check_q3", "_check_q4", "_check_q5", "CANDIDATES", "MOVES"]
