"""m13's decision model: the helpers the answer cells call (base, goal, split, JBP parts, export).

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

import numpy as np
import openpyxl

from ..._errors import BadValueError
from ...planning import JBP, Decomposition, decompose, is_number
from ...review import scorecard
from ._case import DEFAULT_GROWTH, JBP_FILE, RETAILER, RETAILER_ID
from ._messages import MSGS

__all__ = ["abc", "baseline", "baseline_shares", "quarter_shares", "review", "lagging_category", "driver_plan",
           "next_year_goal", "goal_of", "brand_review", "brand_plan", "jbp_or_none", "jbp_view", "export_jbp"]


def abc(sales: Any) -> Any:
    """The rows of ABC零售 (``retailer_id`` R01, else ``retailer`` 'ABC零售').

    Examples
    --------
    >>> import kamlab as kl
    >>> abc(kl.datasets.load("retail_sales")).shape
    (120, 9)
    """
    if "retailer_id" in sales.columns and (sales["retailer_id"] == RETAILER_ID).any():
        return sales[sales["retailer_id"] == RETAILER_ID].copy()
    return sales[sales["retailer"] == RETAILER].copy()


def _last12(sales: Any) -> Any:
    rows = abc(sales)
    months = sorted(rows["month"].astype(str).unique())[-12:]
    return rows[rows["month"].astype(str).isin(months)]


def baseline(sales: Any) -> Any:
    """ABC's sales of the latest 12 months by category (万元), in the data's category order.

    Examples
    --------
    >>> import kamlab as kl
    >>> b = baseline(kl.datasets.load("retail_sales"))
    >>> b.round(2).to_dict()
    {'感冒止咳': 833.44, '肠胃消化': 434.58, '维矿补益': 645.18, '皮肤外用': 391.81, '慢病用药': 1006.29}
    """
    rows = _last12(sales)
    order = list(dict.fromkeys(rows["category"].astype(str)))
    return rows.groupby(rows["category"].astype(str), sort=False)["sales"].sum().reindex(order).rename("sales")


def _percent_split(values: Any) -> list[int]:
    """Integer percentages adding up to 100 (largest remainder)."""
    v = np.asarray(values, dtype=float)
    raw = 100 * v / v.sum()
    out = np.floor(raw).astype(int)
    order = np.argsort(-(raw - out), kind="stable")
    out[order[: 100 - int(out.sum())]] += 1
    return [int(x) for x in out]


def baseline_shares(sales: Any) -> dict[str, float]:
    """Each category's share of the base, as whole percentages adding up to 1 (the shares form's start).

    Examples
    --------
    >>> import kamlab as kl
    >>> baseline_shares(kl.datasets.load("retail_sales"))
    {'感冒止咳': 0.25, '肠胃消化': 0.13, '维矿补益': 0.2, '皮肤外用': 0.12, '慢病用药': 0.3}
    """
    b = baseline(sales)
    return {k: p / 100 for k, p in zip(b.index, _percent_split(b.to_numpy()))}


def quarter_shares(sales: Any) -> dict[str, float]:
    """Each calendar quarter's share of ABC's latest 12 months (the seasonality), whole percentages.

    Examples
    --------
    >>> import kamlab as kl
    >>> quarter_shares(kl.datasets.load("retail_sales"))
    {'Q1': 0.27, 'Q2': 0.23, 'Q3': 0.24, 'Q4': 0.26}
    """
    rows = _last12(sales)
    quarter = "Q" + ((rows["month"].astype(str).str[5:7].astype(int) - 1) // 3 + 1).astype(str)
    by = rows.groupby(quarter)["sales"].sum().reindex(["Q1", "Q2", "Q3", "Q4"]).fillna(0.0)
    return {k: p / 100 for k, p in zip(by.index, _percent_split(by.to_numpy()))}


def review(sales: Any, period: int = 12) -> Any:
    """ABC's scorecard by category over the latest *period* months (``kl.review.scorecard``).

    Examples
    --------
    >>> import kamlab as kl
    >>> review(kl.datasets.load("retail_sales"), 3).table["achievement"].idxmin()
    '肠胃消化'
    """
    return scorecard(abc(sales), by="category", period=period)


def lagging_category(sales: Any) -> str:
    """The category of ABC furthest behind target in the latest quarter.

    Examples
    --------
    >>> import kamlab as kl
    >>> lagging_category(kl.datasets.load("retail_sales"))
    '肠胃消化'
    """
    table = review(sales, 3).table
    return str(table["achievement"].astype(float).idxmin())


def driver_plan(sales: Any, category: str, **changes: float) -> Any:
    """A category's goal as drivers: selling stores × units per store × price, with their planned changes.

    The base: the category's latest 12 months at ABC (average selling stores,
    yearly units per selling store, sales per unit in 万元).  *changes* give
    each driver's planned change (0.06 = +6 %); the result's ``total`` is the
    category's goal they reach.

    Examples
    --------
    >>> import kamlab as kl
    >>> d = driver_plan(kl.datasets.load("retail_sales"), "肠胃消化", stores=0.06, units_per_store=0.04)
    >>> d.table[["part", "change"]].round(2).values.tolist()
    [['stores', 0.06], ['units_per_store', 0.04], ['price', 0.0]]
    """
    rows = _last12(sales)
    rows = rows[rows["category"].astype(str) == str(category)]
    if rows.empty:
        raise BadValueError(f"ABC零售 没有品类 {category!r} 的数据。", f"ABC Retail has no data for {category!r}.",
                            column="category")
    stores = float(rows["stores"].mean())
    units = float(rows["units"].sum())
    base = {"stores": stores, "units_per_store": units / stores, "price": float(rows["sales"].sum()) / units}
    target = {k: v * (1 + float(changes.get(k, 0.0))) for k, v in base.items()}
    return decompose(None, target, by="drivers", baseline=base)


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


def goal_of(q2: Any, sales: Any) -> float:
    """The goal of exercise 2, or the base grown by :data:`DEFAULT_GROWTH` while it is not answered.

    Examples
    --------
    >>> import kamlab as kl
    >>> goal_of({"goal": 3600.0}, None), goal_of(..., kl.datasets.load("retail_sales"))
    (3600.0, 3576.2)
    """
    if isinstance(q2, Mapping) and isinstance(q2.get("goal"), (int, float)) and not isinstance(q2["goal"], bool):
        return float(q2["goal"])
    return next_year_goal(sales, DEFAULT_GROWTH)["goal"]


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


def brand_plan(sales: Any, q2: Any, q3: Any, *, quarters: Mapping[str, float],
               strategies: list[dict[str, Any]]) -> dict[str, Any]:
    """JBP part 2: the goal of q2, its split by category (q3) and by quarter (*quarters* shares), strategies.

    While q3 is not answered, the goal is split by the base's shares.

    Examples
    --------
    >>> import kamlab as kl
    >>> sales = kl.datasets.load("retail_sales")
    >>> p = brand_plan(sales, ..., ..., quarters={"Q1": 0.25, "Q2": 0.25, "Q3": 0.25, "Q4": 0.25}, strategies=[])
    >>> p["target"], p["by_quarter"]["Q1"]
    (3576.2, 894.05)
    """
    if isinstance(q3, Decomposition):
        split = q3
    else:
        split = decompose(goal_of(q2, sales), baseline_shares(sales), by="category")
    total = round(float(split.total), 2)
    by_quarter = decompose(total, dict(quarters), by="quarter")
    return {"target": total, "by_category": split.targets(), "by_quarter": by_quarter.targets(),
            "strategies": list(strategies)}


def jbp_or_none(q5: Any) -> Any:
    """The q5 plan as a :class:`~kamlab.planning.JBP`, or None (not answered / unreadable).

    Examples
    --------
    >>> jbp_or_none(...) is None
    True
    """
    if not isinstance(q5, Mapping):
        return None
    try:
        return JBP(q5)
    except (ValueError, TypeError):
        return None


def jbp_view(q5: Any) -> None:
    """Print ✓ or the JBP's problems and draw its targets (a note while q5 is not answered).

    Examples
    --------
    >>> jbp_view(...)
    先完成练习 5（JBP）。
    """
    plan = jbp_or_none(q5)
    if plan is None:
        print(MSGS("need_q5"))
        return None
    print(plan.report())
    plan.plot()
    return None


def export_jbp(q5: Any, path: str = JBP_FILE) -> str | None:
    """Write the q5 plan to *path* (XLSX, in the notebook's folder) and return its Markdown for the meeting.

    Examples
    --------
    >>> export_jbp(...)
    先完成练习 5（JBP）。
    """
    plan = jbp_or_none(q5)
    if plan is None:
        print(MSGS("need_q5"))
        return None
    target = Path(path)
    if target.is_absolute() or ".." in target.parts:
        raise BadValueError("请导出到工作簿所在的文件夹（相对路径，如 'm13_jbp.xlsx'）。",
                            "Export into the notebook's own folder (a relative path such as 'm13_jbp.xlsx').",
                            column="path")
    plan.to_xlsx(target)
    print(MSGS("exported", path=target.as_posix(), n=len(openpyxl.load_workbook(target).sheetnames)))
    return plan.to_markdown()
