"""The six parts of a JBP and the rules a plan must keep (:func:`jbp_problems`, behind ``JBP.validate()``).

Examples
--------
>>> [p[0] for p in PARTS][:2], QUARTERS
(['brand_review', 'brand_plan'], ('Q1', 'Q2', 'Q3', 'Q4'))
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._dates import parse_date
from .._i18n import Messages, localized
from ._common import Problem, as_list, is_number, problem, text

if TYPE_CHECKING:  # pragma: no cover
    from ._jbp import JBP

__all__ = ["PARTS", "PARTNER_KINDS", "part_titles", "QUARTERS", "findings", "jbp_problems"]

#: Who the partner of a JBP is: kind -> (中文, English).  The seed writes the JBP with a distributor
#: ("客户（经销商）联合生意计划") and names KA customers too ("KA | 经销商JBP"); the headings name the partner.
PARTNER_KINDS: dict[str, tuple[str, str]] = {"distributor": ("经销商", "Distributor"),
                                              "retailer": ("零售客户", "Retail customer")}


def part_titles(kind: str = "distributor") -> tuple[tuple[str, str, str], ...]:
    """The six parts of a JBP (seed 003 stage 3) with headings that name the partner: key, 中文, English.

    Examples
    --------
    >>> [zh for _k, zh, _en in part_titles("retailer")][2:4]
    ['零售客户的上阶段实施情况复盘', '零售客户的上阶段经营财务状况回顾']
    >>> part_titles()[5][1]
    '经销商的下阶段生意合作实施计划'
    """
    zh, en = PARTNER_KINDS[kind]
    return (
        ("brand_review", "品牌厂商的上阶段生意回顾", "Brand: review of the last period"),
        ("brand_plan", "品牌厂商的下阶段生意计划", "Brand: business plan for the next period"),
        ("partner_review", f"{zh}的上阶段实施情况复盘", f"{en}: review of last period's execution"),
        ("partner_finance", f"{zh}的上阶段经营财务状况回顾", f"{en}: last period's financial results"),
        ("partner_targets", f"{zh}的下阶段经营财务目标与计划", f"{en}: next period's financial targets and plan"),
        ("actions", f"{zh}的下阶段生意合作实施计划", f"{en}: joint implementation plan for the next period"),
    )


#: The six parts of a JBP with a distributor (the seed's headings): key, 中文, English.
PARTS: tuple[tuple[str, str, str], ...] = part_titles("distributor")
#: Quarter names of the plan year.
QUARTERS = ("Q1", "Q2", "Q3", "Q4")

MSGS = Messages({
    "part_missing": ("JBP 缺少第 {n} 部分「{title}」（{part}）：请补上。",
                     "The JBP lacks part {n} '{title}' ({part}): add it."),
    "review_number": ("brand_review 的 sales（上阶段销售额）不是数字（{value!r}）。",
                      "brand_review: sales (last period) is not a number ({value!r})."),
    "findings": ("{part} 没有任何发现（findings）：至少写一条。", "{part} has no findings: write at least one."),
    "target_number": ("brand_plan 的 target（下阶段总目标）不是正数（{value!r}）。",
                      "brand_plan: target (the next period's total) is not a positive number ({value!r})."),
    "split_missing": ("brand_plan 没有 {field}：请把总目标分解到{what}。",
                      "brand_plan has no {field}: split the total target by {what_en}."),
    "split_number": ("brand_plan 的 {field} 里「{part}」不是非负数字（{value!r}）。",
                     "brand_plan: {field} '{part}' is not a non-negative number ({value!r})."),
    "split_sum": ("brand_plan 的 {field} 加起来是 {s:,.2f}，和总目标 {target:,.2f} 差 {gap:+,.2f}（容差 {tol:.1%}）。",
                  "brand_plan: {field} adds up to {s:,.2f}, off the total target {target:,.2f} by {gap:+,.2f} "
                  "(tolerance {tol:.1%})."),
    "quarter_name": ("brand_plan 的 by_quarter 要用 Q1–Q4 四个季度，收到的是 {value}。",
                     "brand_plan: by_quarter must use the four quarters Q1-Q4, got {value}."),
    "no_strategies": ("brand_plan 没有策略（strategies）：至少写一条。", "brand_plan has no strategies: write at least one."),
    "strategy_name": ("brand_plan.strategies 第 {row} 项没有名称（strategy）。",
                      "brand_plan.strategies item {row} has no name (strategy)."),
    "strategy_owner": ("brand_plan.strategies 第 {row} 项「{name}」没有负责人（owner）。",
                       "brand_plan.strategies item {row} '{name}' has no owner."),
    "strategy_actions": ("brand_plan.strategies 第 {row} 项「{name}」在 actions 里没有任何行动：每条策略至少一项行动。",
                         "brand_plan.strategies item {row} '{name}' has no action in actions: give each strategy "
                         "at least one."),
    "finance_number": ("{part} 的「{metric}」不是数字（{value!r}）。", "{part}: '{metric}' is not a number ({value!r})."),
    "no_actions": ("actions 里没有任何行动：至少写一项。", "actions has no action: write at least one."),
    "action_name": ("actions 第 {row} 项没有名称（action）。", "actions item {row} has no name (action)."),
    "action_strategy": ("actions 第 {row} 项「{name}」没有对应到 brand_plan 的策略（strategy = {value!r}）。",
                        "actions item {row} '{name}' is not tied to a strategy of brand_plan (strategy = {value!r})."),
    "action_owner": ("actions 第 {row} 项「{name}」没有负责人（owner）。", "actions item {row} '{name}' has no owner."),
    "action_dates": ("actions 第 {row} 项「{name}」的日期不对（start = {start!r}, due = {due!r}）：写 YYYY-MM-DD，"
                     "开始不晚于完成，都在计划年 {year} 年内。",
                     "actions item {row} '{name}': bad dates (start = {start!r}, due = {due!r}); write YYYY-MM-DD, "
                     "start no later than due, both within the plan year {year}."),
    "action_budget": ("actions 第 {row} 项「{name}」的 budget 不是非负数字（{value!r}）。",
                      "actions item {row} '{name}': budget is not a non-negative number ({value!r})."),
    "review_dates": ("跟踪机制（actions.reviews）不完整：{year} 年每个季度至少一次复盘会，日期写 YYYY-MM-DD；"
                     "缺少的季度：{missing}。",
                     "The tracking (actions.reviews) is incomplete: at least one review meeting in each quarter of "
                     "{year}, dates YYYY-MM-DD; quarters missing: {missing}."),
    "review_outside": ("actions.reviews 第 {row} 个日期 {value!r} 不在计划年 {year} 年内或无法识别。",
                       "actions.reviews date {row} {value!r} is not in the plan year {year} or unreadable."),
})


def findings(value: Any, field: str) -> list[str]:
    """The findings of a part: a list of texts from a list, one text, or ``{"findings": [...]}``."""
    if value is None:
        return []
    if isinstance(value, Mapping):
        value = value.get("findings", [])
    return [text(v) for v in as_list(value, field, "发现列表", "a list of findings")]


def jbp_problems(jbp: "JBP") -> list[Problem]:
    """Every broken rule of *jbp*, in order (empty list: the plan holds together).

    Rules: ``part_missing``, ``review_number``, ``findings``,
    ``target_number``, ``split_missing`` / ``split_number`` /
    ``split_sum`` / ``quarter_name`` (targets by category and by quarter
    add up to the total), ``no_strategies``, ``strategy_name``,
    ``strategy_owner``, ``strategy_actions`` (every strategy has
    actions), ``finance_number``, ``no_actions``, ``action_name``,
    ``action_strategy``, ``action_owner``, ``action_dates`` (within the
    plan year), ``action_budget``, ``review_dates`` / ``review_outside``
    (a review meeting in every quarter).
    """
    out: list[Problem] = []

    def add(rule: str, where: str, row: int | None = None, /, **kw: Any) -> None:
        zh, en = MSGS.both(rule, row=row, **kw)
        out.append(problem(rule, where, row, zh, en))

    for n, (key, zh, en) in enumerate(jbp.titles, start=1):
        if not jbp.parts.get(key):
            add("part_missing", key, None, n=n, part=key, title=localized(zh, en))
    review = jbp.parts.get("brand_review") or {}
    if review and not is_number(review.get("sales")):
        add("review_number", "brand_review", value=review.get("sales"))
    for key in ("brand_review", "partner_review"):
        if jbp.parts.get(key) and not [f for f in findings(jbp.parts[key], key) if f]:
            add("findings", key, part=key)
    plan = jbp.parts.get("brand_plan") or {}
    if plan:
        target = plan.get("target")
        if not is_number(target) or float(target) <= 0:
            add("target_number", "brand_plan", value=target)
        for field, what, what_en in (("by_category", "各品类", "category"), ("by_quarter", "四个季度", "quarter")):
            split = plan.get(field)
            if not isinstance(split, Mapping) or not split:
                add("split_missing", "brand_plan", field=field, what=what, what_en=what_en)
                continue
            bad = [(k, v) for k, v in split.items() if not is_number(v) or float(v) < 0]
            for k, v in bad:
                add("split_number", "brand_plan", field=field, part=k, value=v)
            if field == "by_quarter" and sorted(map(str, split)) != list(QUARTERS):
                add("quarter_name", "brand_plan", value=", ".join(map(str, split)))
            if not bad and is_number(target) and float(target) > 0:
                s = float(sum(float(v) for v in split.values()))
                if not math.isclose(s, float(target), rel_tol=jbp.tol):
                    add("split_sum", "brand_plan", field=field, s=s, target=float(target),
                        gap=s - float(target), tol=jbp.tol)
        if not jbp.strategies:
            add("no_strategies", "brand_plan")
    acted = {text(a.get("strategy")) for a in jbp.actions}
    names = set()
    for i, s in enumerate(jbp.strategies, start=1):
        name = text(s.get("strategy"))
        names.add(name)
        if not name:
            add("strategy_name", "brand_plan.strategies", i)
        if not text(s.get("owner")):
            add("strategy_owner", "brand_plan.strategies", i, name=name)
        if name and name not in acted:
            add("strategy_actions", "brand_plan.strategies", i, name=name)
    for key in ("partner_finance", "partner_targets"):
        for metric, value in (jbp.parts.get(key) or {}).items():
            values = value.items() if metric == "investment" and isinstance(value, Mapping) else [(metric, value)]
            for m, v in values:
                if not is_number(v):
                    add("finance_number", key, part=key, metric=m, value=v)
    if jbp.parts.get("actions") is not None:
        if not jbp.actions:
            add("no_actions", "actions")
        for i, a in enumerate(jbp.actions, start=1):
            name = text(a.get("action"))
            if not name:
                add("action_name", "actions", i)
            if text(a.get("strategy")) not in names - {""}:
                add("action_strategy", "actions", i, name=name, value=a.get("strategy"))
            if not text(a.get("owner")):
                add("action_owner", "actions", i, name=name)
            start, due = parse_date(a.get("start")), parse_date(a.get("due"))
            if start is None or due is None or start > due or start.year != jbp.year or due.year != jbp.year:
                add("action_dates", "actions", i, name=name, start=a.get("start"), due=a.get("due"),
                    year=jbp.year)
            if a.get("budget") is not None and (not is_number(a.get("budget")) or float(a["budget"]) < 0):
                add("action_budget", "actions", i, name=name, value=a.get("budget"))
        quarters = set()
        for i, d in enumerate(jbp.parts["actions"].get("reviews") or [], start=1):
            day = parse_date(d)
            if day is None or day.year != jbp.year:
                add("review_outside", "actions.reviews", i, value=d, year=jbp.year)
            else:
                quarters.add(f"Q{(day.month - 1) // 3 + 1}")
        missing = [q for q in QUARTERS if q not in quarters]
        if missing:
            add("review_dates", "actions.reviews", year=jbp.year, missing=", ".join(missing))
    return out
