"""m13's case: the constants, the JBP partner (ABC零售, a KA retail customer) and what the module reads in the data.

Examples
--------
>>> import kamlab as kl
>>> sales = kl.datasets.load("retail_sales")
>>> lagging_category(sales), leak(sales, "肠胃消化"), round(momentum(sales), 4)
('肠胃消化', 'stores', 0.0688)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..._dates import COURSE_TODAY
from ..._errors import BadValueError
from ...planning import decompose
from ...review import scorecard

__all__ = ["MODULE", "TODAY", "DATASET", "RETAILER", "RETAILER_ID", "PARTNER_KIND", "PLAN_YEAR", "DEFAULT_GROWTH",
           "JBP_FILE", "PARTNER_FINANCE", "STAGES", "DISTRIBUTOR", "LEVERS", "abc", "last12", "baseline", "baseline_shares",
           "quarter_shares", "review", "lagging_category", "momentum", "funnel", "leak", "driver_plan"]

#: Module id.
MODULE = "m13"
#: Fixed course date (the data end in 2026-10).
TODAY = COURSE_TODAY.isoformat()
#: Data set of the module.
DATASET = "retail_sales"
#: The seed's workshop retailer, our JBP partner: a KA retail customer (the seed: "KA | 经销商JBP").
RETAILER = "ABC零售"
RETAILER_ID = "R01"
#: The kind of partner, so the JBP's headings name it (``kl.planning.part_titles``).
PARTNER_KIND = "retailer"
#: The plan year of the goals and the JBP.
PLAN_YEAR = 2027
#: Growth used by later forms while exercise 4 is not answered.
DEFAULT_GROWTH = 0.08
#: Where the notebook writes the JBP (its own folder).
JBP_FILE = "m13_jbp.xlsx"
#: Case facts: ABC零售's last-year finances (万元, days), from its own statements.
PARTNER_FINANCE: dict[str, float] = {"revenue": 52000.0, "gross_margin": 0.27, "inventory_days": 62.0,
                                     "receivable_days": 45.0}
#: The stages of the 五维漏斗 the data measures, and a seasonal reading (exercise 2's options): key -> (zh, en).
STAGES: dict[str, tuple[str, str]] = {
    "stores": ("有售门店数（覆盖 × 铺货 × 动销）", "stores selling (coverage × distribution × sell-through)"),
    "units_per_store": ("单店销量（售点销售）", "units per selling store (point-of-sale sales)"),
    "price": ("单价", "price per unit"),
    "season": ("季节性：这个季度本来就是淡季", "seasonality: this quarter is simply the low season"),
}

#: The distributor of the worked example and of exercise 9 (万元 a year, fractions, days): 经销盈利模式.
DISTRIBUTOR: dict[str, float] = {"revenue": 10000.0, "gross_margin": 0.08, "rebate_rate": 0.02,
                                 "expense_rate": 0.06, "inventory_days": 45.0, "receivable_days": 60.0,
                                 "payable_days": 30.0}
#: What a brand can offer the distributor in a JBP (exercise 9): key -> (zh, en, the changed terms).
LEVERS: dict[str, tuple[str, str, dict[str, float]]] = {
    "rebate": ("返利提高 0.2 个点", "rebate up 0.2 points", {"rebate_rate": 0.022}),
    "margin": ("供货价让利，毛利率提高 0.3 个点", "supply price: gross margin up 0.3 points", {"gross_margin": 0.083}),
    "stock": ("按动销补货，库存从 45 天降到 30 天", "replenish on sell-out: stock 45 → 30 days", {"inventory_days": 30.0}),
    "credit": ("厂家直接帮助回款，下游账期从 60 天缩到 30 天", "help collect: customer credit 60 → 30 days",
               {"receivable_days": 30.0}),
}


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


def _months(sales: Any) -> list[str]:
    return sorted(abc(sales)["month"].astype(str).unique())


def last12(sales: Any, back: int = 0) -> Any:
    """ABC's rows of the latest 12 months (*back* = 12: the 12 months before them).

    Examples
    --------
    >>> import kamlab as kl
    >>> last12(kl.datasets.load("retail_sales"))["month"].min()
    '2025-11'
    """
    rows = abc(sales)
    months = _months(sales)
    chosen = months[len(months) - 12 - back: len(months) - back]
    return rows[rows["month"].astype(str).isin(chosen)]


def baseline(sales: Any) -> Any:
    """ABC's sales of the latest 12 months by category (万元), in the data's category order.

    Examples
    --------
    >>> import kamlab as kl
    >>> baseline(kl.datasets.load("retail_sales")).round(2).to_dict()
    {'感冒止咳': 833.44, '肠胃消化': 434.58, '维矿补益': 645.18, '皮肤外用': 391.81, '慢病用药': 1006.29}
    """
    rows = last12(sales)
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


def baseline_shares(sales: Any) -> dict[str, int]:
    """Each category's share of the base in whole percent, adding up to 100 (last year's structure).

    Examples
    --------
    >>> import kamlab as kl
    >>> baseline_shares(kl.datasets.load("retail_sales"))
    {'感冒止咳': 25, '肠胃消化': 13, '维矿补益': 20, '皮肤外用': 12, '慢病用药': 30}
    """
    b = baseline(sales)
    return dict(zip(map(str, b.index), _percent_split(b.to_numpy())))


def quarter_shares(sales: Any) -> dict[str, int]:
    """Each calendar quarter's share of ABC's latest 12 months in whole percent (the seasonality).

    Examples
    --------
    >>> import kamlab as kl
    >>> quarter_shares(kl.datasets.load("retail_sales"))
    {'Q1': 27, 'Q2': 23, 'Q3': 24, 'Q4': 26}
    """
    rows = last12(sales)
    quarter = "Q" + ((rows["month"].astype(str).str[5:7].astype(int) - 1) // 3 + 1).astype(str)
    by = rows.groupby(quarter)["sales"].sum().reindex(["Q1", "Q2", "Q3", "Q4"]).fillna(0.0)
    return dict(zip(by.index, _percent_split(by.to_numpy())))


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
    """The category of ABC furthest behind target (lowest achievement) in the latest quarter.

    Examples
    --------
    >>> import kamlab as kl
    >>> lagging_category(kl.datasets.load("retail_sales", variant=5))
    '维矿补益'
    """
    return str(review(sales, 3).table["achievement"].astype(float).idxmin())


def momentum(sales: Any) -> float:
    """ABC's growth of the latest 12 months over the 12 before (惯性增长: what happens without a new plan).

    Examples
    --------
    >>> import kamlab as kl
    >>> round(momentum(kl.datasets.load("retail_sales", variant=5)), 4)
    0.092
    """
    return float(last12(sales)["sales"].sum() / last12(sales, back=12)["sales"].sum() - 1)


def _quarter_drivers(rows: Any) -> dict[str, float]:
    stores = float(rows["stores"].mean())
    units = float(rows["units"].sum())
    return {"stores": stores, "units_per_store": units / stores, "price": float(rows["sales"].sum()) / units}


def funnel(sales: Any, category: str) -> Any:
    """The 五维漏斗 of a category: the latest quarter against the same quarter a year before.

    Sales = stores selling × units per selling store × price (the data's
    有售门店数 already holds coverage × distribution × sell-through).  The
    result's ``change`` is each stage's change; ``share_of_growth`` its share
    of the change of sales (log shares, adding up to 1): the stage with the
    largest share of a fall is where the funnel leaks.  Comparing with the same
    quarter last year takes the season out.

    Examples
    --------
    >>> import kamlab as kl
    >>> f = funnel(kl.datasets.load("retail_sales"), "肠胃消化")
    >>> f.table[["part", "change"]].round(3).values.tolist()
    [['stores', -0.149], ['units_per_store', -0.089], ['price', 0.01]]
    """
    rows = abc(sales)
    rows = rows[rows["category"].astype(str) == str(category)]
    if rows.empty:
        raise BadValueError(f"ABC零售 没有品类 {category!r} 的数据。", f"ABC Retail has no data for {category!r}.",
                            column="category")
    months = _months(sales)
    now = _quarter_drivers(rows[rows["month"].astype(str).isin(months[-3:])])
    before = _quarter_drivers(rows[rows["month"].astype(str).isin(months[-15:-12])])
    return decompose(None, now, by="drivers", baseline=before)


def leak(sales: Any, category: str) -> str:
    """The stage of :func:`funnel` that fell most (the largest negative change).

    Examples
    --------
    >>> import kamlab as kl
    >>> leak(kl.datasets.load("retail_sales", variant=2), "肠胃消化")
    'stores'
    """
    t = funnel(sales, category).table
    return str(t.loc[t["change"].astype(float).idxmin(), "part"])


def driver_plan(sales: Any, category: str, **changes: float) -> Any:
    """五维分解 of a category's goal: selling stores × units per store × price, with their planned changes.

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
    rows = last12(sales)
    rows = rows[rows["category"].astype(str) == str(category)]
    if rows.empty:
        raise BadValueError(f"ABC零售 没有品类 {category!r} 的数据。", f"ABC Retail has no data for {category!r}.",
                            column="category")
    base = _quarter_drivers(rows)
    target = {k: v * (1 + float(changes.get(k, 0.0))) for k, v in base.items()}
    return decompose(None, target, by="drivers", baseline=base)
