"""m13's decision model: the helpers the answer cells call (goal, split, JBP parts, export).

Examples
--------
>>> import kamlab as kl
>>> next_year_goal(kl.datasets.load("retail_sales"), growth=0.1)["goal"]
3642.43
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import openpyxl

from ..._errors import BadValueError
from ...planning import JBP, decompose, distributor_profit, is_number
from ._case import DEFAULT_GROWTH, DISTRIBUTOR, JBP_FILE, LEVERS, baseline, baseline_shares
from ._messages import MSGS

__all__ = ["lever_profit", "best_lever", "next_year_goal", "goal_of", "split_goal", "brand_review", "brand_plan", "jbp_or_none", "jbp_view",
           "export_jbp"]


def lever_profit(lever: str | None = None) -> Any:
    """The profit model of the case's distributor, as it is or with one of :data:`LEVERS` granted.

    Examples
    --------
    >>> round(lever_profit().net_profit, 1), round(lever_profit("stock").net_profit, 1)
    (278.7, 301.4)
    """
    terms = dict(DISTRIBUTOR)
    if lever is not None:
        terms.update(LEVERS[lever][2])
    revenue, margin = terms.pop("revenue"), terms.pop("gross_margin")
    return distributor_profit(revenue, margin, **terms)


def best_lever() -> str:
    """The lever of :data:`LEVERS` that lifts the distributor's net profit most.

    Examples
    --------
    >>> best_lever()
    'credit'
    """
    return max(LEVERS, key=lambda k: lever_profit(k).net_profit)


def next_year_goal(sales: Any, growth: float) -> dict[str, float]:
    """Next year's goal: the base (ABC's latest 12 months) × (1 + *growth*).

    Examples
    --------
    >>> import kamlab as kl
    >>> next_year_goal(kl.datasets.load("retail_sales"), growth=0.08)
    {'baseline': 3311.3, 'growth': 0.08, 'goal': 3576.2}
    """
    if not is_number(growth) or not -0.5 <= float(growth) <= 1.0:
        raise BadValueError(f"growth（增长率）应是 -0.5 到 1 之间的小数（0.08 = 8%），收到的是 {growth!r}。",
                            f"growth must be a fraction between -0.5 and 1 (0.08 = 8%), got {growth!r}.",
                            column="growth")
    b = round(float(baseline(sales).sum()), 2)
    return {"baseline": b, "growth": float(growth), "goal": round(b * (1 + float(growth)), 2)}


def goal_of(q4: Any, sales: Any) -> float:
    """The goal of exercise 4 (its growth, a fraction): base × (1 + growth); :data:`DEFAULT_GROWTH` while unanswered.

    Examples
    --------
    >>> import kamlab as kl
    >>> sales = kl.datasets.load("retail_sales")
    >>> goal_of(0.1, sales), goal_of(..., sales)
    (3642.43, 3576.2)
    """
    growth = float(q4) if is_number(q4) and -0.5 <= float(q4) <= 1.0 else DEFAULT_GROWTH
    return next_year_goal(sales, growth)["goal"]


def split_goal(sales: Any, q4: Any, shares: Mapping[str, Any]) -> dict[str, Any]:
    """Exercise 5: the goal of exercise 4 split by category with the trainee's shares (whole percent).

    The split is kept as decided, even when the shares do not add up to 100
    (the check then says by how much): ``goal``, ``shares`` (percent),
    ``total_share`` and ``targets`` = goal × share ÷ 100.

    Examples
    --------
    >>> import kamlab as kl
    >>> s = split_goal(kl.datasets.load("retail_sales"), 0.1, {"感冒止咳": 60, "慢病用药": 43})
    >>> s["total_share"], s["targets"]["感冒止咳"]
    (103.0, 2185.46)
    """
    if not isinstance(shares, Mapping):
        raise BadValueError("份额应是一个字典 {品类: 百分数}。", "The shares must be a dict {category: percent}.",
                            column="shares")
    clean: dict[str, float] = {}
    for k, v in shares.items():
        if not is_number(v) or float(v) < 0:
            raise BadValueError(f"品类「{k}」的份额不是不小于 0 的数字（{v!r}）。",
                                f"The share of '{k}' is not a number ≥ 0 ({v!r}).", column="shares", row=str(k))
        clean[str(k)] = float(v)
    goal = goal_of(q4, sales)
    return {"goal": goal, "shares": clean, "total_share": round(sum(clean.values()), 4),
            "targets": {k: round(goal * v / 100, 2) for k, v in clean.items()}}


def brand_review(sales: Any, findings: list[str]) -> dict[str, Any]:
    """JBP part 1 from the data: the base (total and by category) and the trainee's findings.

    Examples
    --------
    >>> import kamlab as kl
    >>> brand_review(kl.datasets.load("retail_sales"), ["肠胃消化落后"])["sales"]
    3311.3
    """
    b = baseline(sales)
    return {"sales": round(float(b.sum()), 2), "by_category": {k: round(float(v), 2) for k, v in b.items()},
            "findings": list(findings)}


def brand_plan(sales: Any, q4: Any, q5: Any, *, quarters: Mapping[str, float],
               strategies: list[dict[str, Any]]) -> dict[str, Any]:
    """JBP part 2: the goal of exercise 4, its split by category (exercise 5) and by quarter, strategies.

    *quarters* are whole percents (or fractions) of the goal by quarter.  While
    exercise 5 is not answered or its shares do not add up to 100, the goal is
    split by last year's structure.

    Examples
    --------
    >>> import kamlab as kl
    >>> sales = kl.datasets.load("retail_sales")
    >>> p = brand_plan(sales, ..., ..., quarters={"Q1": 25, "Q2": 25, "Q3": 25, "Q4": 25}, strategies=[])
    >>> p["target"], p["by_quarter"]["Q1"]
    (3576.2, 894.05)
    """
    goal = goal_of(q4, sales)
    shares = baseline_shares(sales)
    if isinstance(q5, Mapping) and isinstance(q5.get("shares"), Mapping) \
            and abs(sum(float(v) for v in q5["shares"].values()) - 100) < 0.5:
        shares = dict(q5["shares"])
    split = decompose(goal, {k: float(v) / 100 for k, v in shares.items()}, by="category")
    total = round(float(split.total), 2)
    quarter_values = {k: float(v) for k, v in quarters.items()}
    if sum(quarter_values.values()) > 1.5:
        quarter_values = {k: v / 100 for k, v in quarter_values.items()}
    by_quarter = {k: round(total * v, 2) for k, v in quarter_values.items()}
    return {"target": total, "by_category": split.targets(), "by_quarter": by_quarter,
            "strategies": list(strategies)}


def jbp_or_none(q7: Any) -> Any:
    """The q7 plan as a :class:`~kamlab.planning.JBP`, or None (not answered / unreadable).

    Examples
    --------
    >>> jbp_or_none(...) is None
    True
    """
    if not isinstance(q7, Mapping):
        return None
    try:
        return JBP(q7)
    except (ValueError, TypeError):
        return None


def jbp_view(q7: Any) -> None:
    """Print ✓ or the JBP's problems and draw its targets (a note while q7 is not answered).

    Examples
    --------
    >>> jbp_view(...)
    先完成练习 7（JBP）。
    """
    plan = jbp_or_none(q7)
    if plan is None:
        print(MSGS("need_q7"))
        return None
    print(plan.report())
    plan.plot()
    return None


def export_jbp(q7: Any, path: str = JBP_FILE) -> str | None:
    """Write the q7 plan to *path* (XLSX, in the notebook's folder) and return its Markdown for the meeting.

    Examples
    --------
    >>> export_jbp(...)
    先完成练习 7（JBP）。
    """
    plan = jbp_or_none(q7)
    if plan is None:
        print(MSGS("need_q7"))
        return None
    target = Path(path)
    if target.is_absolute() or ".." in target.parts:
        raise BadValueError("请导出到工作簿所在的文件夹（相对路径，如 'm13_jbp.xlsx'）。",
                            "Export into the notebook's own folder (a relative path such as 'm13_jbp.xlsx').",
                            column="path")
    plan.to_xlsx(target)
    print(MSGS("exported", path=target.as_posix(), n=len(openpyxl.load_workbook(target).sheetnames)))
    return plan.to_markdown()
