"""The checks of m04's questions: each takes the trainee's answer and the grading context."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..._errors import KamlabInputError
from ...grading import Context, Verdict, fail, passed
from ...resources import DEPARTMENT_EN, DEPARTMENTS, RULES, check, resource_catalog
from ._case import QUIZ
from ._model import catalog, key_needs


def _quiz_truth() -> dict[str, str]:
    """The quiz's resources and the department that owns each."""
    cat = resource_catalog()
    return {str(cat.loc[rid, "resource"]): str(cat.loc[rid, "department"]) for rid in QUIZ}


_DEPT = {"市场部": "市场部", "marketing": "市场部", "品牌部": "品牌部", "brand": "品牌部", "销售部": "销售部",
         "sales": "销售部"}


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    truth = _quiz_truth()
    if not isinstance(answer, Mapping):
        return fail("答案应该是一个字典：资源 → 部门，例如 {\"买赠促销活动\": \"市场部\", ...}。",
                    "The answer should be a dict: resource -> department, e.g. {\"买赠促销活动\": \"市场部\", ...}.")
    missing = [k for k in truth if answer.get(k) in (None, "")]
    if missing:
        right = sum(_DEPT.get(str(answer.get(k, "")).strip().lower(), "") == v for k, v in truth.items())
        return Verdict(ok=False, score=right / len(truth), reason_zh=f"还有 {len(missing)} 项资源没有归到部门。",
                       reason_en=f"{len(missing)} resources have no department yet.")
    right = sum(_DEPT.get(str(answer[k]).strip().lower(), "") == v for k, v in truth.items())
    if right == len(truth):
        return passed(1.0)
    return Verdict(ok=False, score=right / len(truth),
                   reason_zh=f"{len(truth)} 项中有 {len(truth) - right} 项归错了部门。",
                   reason_en=f"{len(truth) - right} of {len(truth)} resources are in the wrong department.")


def _context_needs(answer: Mapping[str, Any], ctx: Context) -> tuple[list[str] | None, Verdict | None]:
    account = answer.get("account")
    chains = ctx.load("chains")
    if not isinstance(account, str) or account.strip() not in set(chains["chain_id"].astype(str)):
        return None, fail("服务包的 \"account\" 应是你的重点客户编号：请写 \"account\": account。",
                          "The package's \"account\" should be your key account: write \"account\": account.")
    return key_needs(ctx.load("needs"), account.strip()), None


def _check_q2(answer: Any, ctx: Context) -> Verdict:

    if not isinstance(answer, Mapping):
        return fail("答案应该是服务包字典 {...}（account、owner、budget、start、end、meeting_weeks、team、lines）。",
                    "The answer should be the package dict {...} (account, owner, budget, start, end, "
                    "meeting_weeks, team, lines).")
    needs, why = _context_needs(answer, ctx)
    if why is not None:
        return why
    try:
        res = check(answer, catalog(ctx), needs)
    except KamlabInputError as err:
        return fail(f"服务包读不出来：{err.zh}", f"The package cannot be read: {err.en}")
    if res.ok:
        return passed(1.0)
    rules = res.rules
    zh = "、".join(RULES[r][0] for r in rules)
    en = "; ".join(RULES[r][1] for r in rules)
    return Verdict(ok=False, score=max(0.0, 1.0 - 0.2 * len(rules)),
                   reason_zh=f"服务包还有 {len(res.problems)} 个问题：{zh}。用 kl.resources.check 看具体说明。",
                   reason_en=f"The package still has {len(res.problems)} problems: {en}. See kl.resources.check for "
                   "details.")


def _as_costs(answer: Any) -> dict[str, float] | None:

    back = {**{d: d for d in DEPARTMENTS}, **{en: d for d, en in DEPARTMENT_EN.items()}}
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0].to_dict()
    if not isinstance(answer, Mapping):
        return None
    out: dict[str, float] = {}
    for key, value in answer.items():
        dept = back.get(str(key).strip())
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        if dept is None:
            return None
        out[dept] = number
    return out


def _check_q3(answer: Any, ctx: Context) -> Verdict:

    q2 = ctx.answers.get("q2", ...)
    if not isinstance(q2, Mapping):
        return fail("这一题用你在练习 2 中的服务包（q2）来核对：请先完成练习 2 并运行它的检查单元格。",
                    "This question is checked against your package of exercise 2 (q2): answer exercise 2 first "
                    "and run its check cell.")
    got = _as_costs(answer)
    if got is None:
        return fail("答案应该是每个部门的成本（万元），例如 kl.resources.check(q2, catalog, needs).cost_by_department。",
                    "The answer should be the cost per department (10k CNY), e.g. "
                    "kl.resources.check(q2, catalog, needs).cost_by_department.")
    try:
        ref = _as_costs(check(q2, catalog(ctx)).cost_by_department) or {}
    except KamlabInputError:
        return fail("练习 2 的服务包读不出来：先改好练习 2。", "Your package of exercise 2 cannot be read: fix it first.")
    wrong = [d for d in DEPARTMENTS
             if abs(got.get(d, 0.0) - ref.get(d, 0.0)) > 1e-6 * max(1.0, abs(ref.get(d, 0.0)))]
    if not wrong:
        return passed(1.0)
    return fail(f"有 {len(wrong)} 个部门的成本和你的服务包按本笔记本的资源清单算出的不一致：请用调用计算，不要输入数字。",
                f"The cost of {len(wrong)} departments differs from your package priced with this notebook's "
                "catalogue: compute it with the call, do not type numbers.")
