"""The checks of m04's questions: each takes the trainee's answer and the grading context.

q1 (who owns each resource) is judged on the seed's three resource kinds; q2 (the service package)
by every rule of :func:`kamlab.resources.check` on the context's data, all or nothing; q3 and q4 are
literal readings of the worked example (``Question(on="seen")``): the check rebuilds the example the
trainee saw from the variant they saw (for the course default account and for the account their
package names) and judges the resource they chose.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._errors import KamlabInputError
from ...grading import Context, Verdict, fail, passed
from ...resources import DEPARTMENT_EN, RULES, check, resource_catalog
from .._shared import default_account
from ._case import NONE, QUIZ
from ._model import catalog, example_for, example_resources, key_needs

__all__ = ["_check_q1", "_check_q2", "_check_q3", "_check_q4"]


def _quiz_truth() -> dict[str, str]:
    """The quiz's resources and the department that owns each."""
    cat = resource_catalog()
    return {str(cat.loc[rid, "resource"]): str(cat.loc[rid, "department"]) for rid in QUIZ}


_DEPT = {"市场部": "市场部", "marketing": "市场部", "品牌部": "品牌部", "brand": "品牌部", "销售部": "销售部",
         "sales": "销售部"}


def _dept(value: Any) -> str:
    return _DEPT.get(str(value).strip().lower(), "") if value is not None else ""


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    truth = _quiz_truth()
    if not isinstance(answer, Mapping):
        return fail("答案应该是一个字典：资源 → 部门（用练习 1 的表单生成）。",
                    "The answer should be a dict: resource -> department (made with the form of exercise 1).")
    missing = [k for k in truth if answer.get(k) in (None, "")]
    if missing:
        return fail(f"还有 {len(missing)} 项资源没有选择部门。", f"{len(missing)} resources have no department chosen yet.")
    wrong = [k for k, v in truth.items() if _dept(answer[k]) != v]
    if not wrong:
        return passed(1.0)
    named = wrong[:2]
    zh = "；".join(f"“{k}”不归{answer[k]}" for k in named)
    en = "; ".join(f"“{k}” is not {DEPARTMENT_EN.get(_dept(answer[k]), answer[k])}'s" for k in named)
    more_zh = f"（共 {len(wrong)} 项归错）" if len(wrong) > len(named) else ""
    more_en = f" ({len(wrong)} wrong in all)" if len(wrong) > len(named) else ""
    return Verdict(ok=False, score=(len(truth) - len(wrong)) / len(truth),
                   reason_zh=f"{zh}{more_zh}。", reason_en=f"{en}{more_en}.")


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        return fail("答案应该是一套服务包（用练习 2 的表单生成的那一行）。",
                    "The answer should be a service package (the line the form of exercise 2 writes).")
    account = answer.get("account")
    chains = ctx.load("chains")
    if not isinstance(account, str) or account.strip() not in set(chains["chain_id"].astype(str)):
        return fail("服务包没有写明是哪家重点客户的：用表单生成答案行，客户会自动填上。",
                    "The package does not say which key account it is for: the form's line fills it in.")
    needs = key_needs(ctx.load("needs"), account.strip())
    try:
        res = check(answer, catalog(ctx), needs)
    except KamlabInputError as err:
        return fail(f"服务包读不出来：{err.zh}", f"The package cannot be read: {err.en}")
    if res.ok:
        return passed(1.0)
    zh = "、".join(RULES[r][0] for r in res.rules)
    en = "; ".join(RULES[r][1] for r in res.rules)
    return fail(f"服务包还有 {len(res.problems)} 个问题（{zh}），表单的问题清单逐条说明了怎么改。",
                f"The package still has {len(res.problems)} problems: {en}. The form's list says how to fix each.")


def _accounts(ctx: Context) -> list[str]:
    """The accounts whose example the trainee may have seen: the course default, the one their package names."""
    chains = ctx.load("chains")
    ids = set(chains["chain_id"].astype(str))
    out = [default_account(chains)]
    q2 = ctx.answers.get("q2")
    named = q2.get("account") if isinstance(q2, Mapping) else None
    if isinstance(named, str) and named.strip() in ids and named.strip() not in out:
        out.append(named.strip())
    return out


def _examples(ctx: Context) -> list[tuple[dict[str, Any], dict[str, str], list[str]]]:
    """(example package, its planted flaws, its needs) for each account of :func:`_accounts`."""
    cat = catalog(ctx)
    out = []
    for account in _accounts(ctx):
        ranked = key_needs(ctx.load("needs"), account, 6)
        out.append((example_for(ctx.load("needs"), cat, account), example_resources(ranked[:3], cat, ranked[3:]),
                    ranked[:3]))
    return out


def _lines_of(package: Mapping[str, Any], rid: str) -> list[int]:
    return [n for n, line in enumerate(package["lines"], start=1) if rid in line["resources"]]


def _read_example(answer: Any, ctx: Context, flaw: str) -> Verdict:
    if answer is None or answer == "":
        return fail("还没有选择资源。", "No resource chosen yet.")
    if not isinstance(answer, str):
        return fail("答案应该是一个资源编号（如表单里的选项）。", "The answer should be one resource id, as in the form.")
    rid = answer.strip()
    examples = _examples(ctx)
    if any(flaws[flaw] == rid for _, flaws, _ in examples):
        return passed(1.0)
    if rid == NONE:
        if flaw == "duplicate":
            return fail("示例服务包里有一项资源同时出现在两条服务线：不是“没有”。",
                        "One resource of the example is in two lines: not “none”.")
        return fail("示例服务包里有一项资源不服务它所在服务线的需求：不是“没有”。",
                    "One resource of the example does not serve its line's need: not “none”.")
    package, _, needs = next((e for e in examples if _lines_of(e[0], rid)), examples[0])
    lines = _lines_of(package, rid)
    if not lines:
        return fail(f"{rid} 不在示例服务包里。", f"{rid} is not in the example package.")
    if flaw == "duplicate":
        if len(lines) == 1:
            return fail(f"{rid} 只出现在第 {lines[0]} 条服务线：它没有被重复投入。",
                        f"{rid} is only in line {lines[0]}: it is not paid for twice.")
        return fail(f"{rid} 不是要找的那一项。", f"{rid} is not the one.")
    served = [s.strip() for s in str(catalog(ctx).loc[rid, "serves"]).split("；") if s.strip() in needs]
    if served:
        return fail(f"{rid} 在资源清单里服务“{served[0]}”，这是客户的重点需求之一：它没有脱离客户需求。",
                    f"In the catalogue {rid} serves “{served[0]}”, one of the account's key needs: it is not off "
                    f"the account's needs.")
    return fail(f"{rid} 不是要找的那一项。", f"{rid} is not the one.")


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    return _read_example(answer, ctx, "duplicate")


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    return _read_example(answer, ctx, "mismatch")
