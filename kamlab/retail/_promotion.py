"""Promotion planning and evaluation (做设计促销活动): baseline, increment, lift, ROI; fit by category role.

Seed 001 part 2, 五: the common promotion types (折扣, 限时特价, 买赠, 会员优惠,
主题日促), the promotion types that suit each category role, and the
elements of a promotion evaluation.  Over a weekly (or monthly) sales
series of the promoted product:

* ``baseline_units`` / ``baseline_sales`` = mean units / sales per period
  over the *baseline* periods (default: the 4 periods right before the
  promotion) — what would have sold without it;
* ``incremental_units`` = Σ units in the promotion − baseline_units × its
  length; ``incremental_sales`` likewise in yuan (turnover, not profit);
* ``lift`` = mean units per promotion period / baseline_units − 1;
* the gross profit: ``regular_price`` = baseline_sales / baseline_units,
  ``unit_cost`` = regular_price × (1 − margin) (*margin* is the gross margin
  at the regular price); ``promo_gp`` = promo_sales − promo_units × unit_cost
  is the gross profit of **all** units sold in the promotion, at the
  discounted price; ``baseline_gp`` = baseline_units × periods ×
  regular_price × margin is what the same weeks earn without the promotion;
* ``incremental_gp`` = promo_gp − baseline_gp: the discount is charged to the
  units that would have sold anyway, not only to the extra ones;
* ``net_gain`` = incremental_gp − cost and ``roi`` = net_gain / cost: what
  each yuan of promotion cost brought back, net.  *cost* is what the
  promotion cost besides the discount (materials, staff, set-up); the
  discount is already in the sales.

Counting only the extra units at the regular margin (incremental_sales ×
margin) overstates the result: a 15 %-off promotion with a 48 % lift looks
profitable that way (ROI +0.20) while its gross profit falls (ROI −1.7).

:data:`PROMOTION_FIT` — which promotion type suits which category role.
The seed names the topic (不同品类角色的适合的促销方式) without the table, so
the course uses the standard category-management roles (目标性 destination,
常规性 routine, 季节性 seasonal, 便利性 convenience) mapped to the seed's five
promotion types; it is a teaching convention, documented here.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"week": [1, 2, 3, 4], "units": [100, 100, 150, 170],
...                    "sales": [3800, 3800, 5100, 5780], "promo": [False, False, True, True]})
>>> res = promotion(df, baseline=2, cost=500, margin=0.5)
>>> res.table[["incremental_units", "lift", "unit_cost", "promo_gp", "baseline_gp"]]
           incremental_units  lift  unit_cost  promo_gp  baseline_gp
promotion
promo                  120.0   0.6       19.0    4800.0       3800.0
>>> res.table[["incremental_gp", "net_gain", "roi"]]
           incremental_gp  net_gain  roi
promotion
promo              1000.0     500.0  1.0

Regular price 38, cost 19; 4 off in the promotion: 320 units × 15 = 4,800
against 200 × 19 = 3,800 without it: +1,000 of gross profit, 500 net of the
cost, ROI 1.0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError
from .._i18n import Messages, localized
from .._labels import register
from .._plotting import new_axes, styled
from .._result import TableResult
from .._validate import numeric_column, require_columns, require_table
from ._common import bool_column, no_duplicates, not_negative

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["PROMOTION_TYPES", "CATEGORY_ROLES", "PROMOTION_FIT", "fit_table", "PromotionResult",
           "promotion", "example_promotion"]

#: The seed's five common promotion types: key -> (中文, English).
PROMOTION_TYPES: dict[str, tuple[str, str]] = {
    "折扣": ("折扣", "discount"), "限时特价": ("限时特价", "time-limited special price"),
    "买赠": ("买赠", "gift with purchase"), "会员优惠": ("会员优惠", "member offer"),
    "主题日促": ("主题日促", "theme-day promotion"),
}
#: Category roles (standard category management): key -> (中文, English, what the role is for).
CATEGORY_ROLES: dict[str, tuple[str, str, str, str]] = {
    "目标性": ("目标性品类", "destination", "代表门店形象、吸引客流", "draws shoppers, defines the store"),
    "常规性": ("常规性品类", "routine", "满足日常需求、稳定销量", "everyday needs, steady volume"),
    "季节性": ("季节性品类", "seasonal", "季节高峰时抢占份额", "wins share in the season's peak"),
    "便利性": ("便利性品类", "convenience", "顺带购买、提高客单价和毛利", "add-on purchases, basket and margin"),
}
#: Which promotion types suit which category role (teaching convention, see the module docstring).
PROMOTION_FIT: dict[str, tuple[str, ...]] = {
    "目标性": ("限时特价", "主题日促"),
    "常规性": ("会员优惠", "买赠"),
    "季节性": ("主题日促", "折扣", "限时特价"),
    "便利性": ("买赠",),
}

MSGS = Messages({
    "title": ("促销评估：提升 {lift:+.0%}，增量毛利 {gp:+,.0f} 元，ROI {roi:+.2f}",
              "Promotion: lift {lift:+.0%}, incremental gross profit {gp:+,.0f} yuan, ROI {roi:+.2f}"),
    "units": ("销量（盒）", "Units"),
    "base": ("基线（{n} 期平均）", "Baseline ({n}-period mean)"),
    "promo": ("促销期", "Promotion"),
    "xlabel": ("时间", "Period"),
    "role": ("品类角色", "Category role"),
    "fit": ("适合的促销方式", "Suitable promotion types"),
    "purpose": ("角色定位", "Purpose"),
    "baseline": ("baseline = {value!r} 不对：应是促销前的期数（1 到 {most} 的整数），或期次列表。",
                 "baseline = {value!r} is invalid: use the number of periods before the promotion (1 to {most}) "
                 "or a list of periods."),
    "period": ("促销期 period = {value!r} 不对：应是数据里的期次列表；或在表里用 promo 列标出促销期。",
               "period = {value!r} is invalid: use a list of periods of the data, or mark them in a promo column."),
    "overlap": ("基线期和促销期都包含 {value!r}。两段时间不能重叠。",
                "{value!r} is in both the baseline and the promotion. They must not overlap."),
    "cost": ("促销费用 cost = {value!r} 不对：应是大于 0 的金额（元）。",
             "cost = {value!r} is invalid: use an amount > 0 (yuan)."),
    "margin": ("毛利率 margin = {value!r} 不对：应是 0 到 1 之间的小数，例如 0.35。",
               "margin = {value!r} is invalid: use a fraction between 0 and 1, e.g. 0.35."),
    "zero": ("基线期平均销量是 0，无法计算提升率。请换几期有销量的基线。",
             "The baseline sells 0 units on average; lift cannot be computed. Choose baseline periods with sales."),
})


register({
    "period_start": ("促销开始", "promotion start"), "period_end": ("促销结束", "promotion end"),
    "periods": ("促销期数", "promotion periods"), "baseline_start": ("基线开始", "baseline start"),
    "baseline_end": ("基线结束", "baseline end"), "baseline_periods": ("基线期数", "baseline periods"),
    "baseline_units": ("基线销量（每期）", "baseline units per period"),
    "baseline_sales": ("基线销售额（每期）", "baseline sales per period"),
    "promo_units": ("促销期销量", "promotion units"), "promo_sales": ("促销期销售额", "promotion sales"),
    "incremental_units": ("增量销量", "incremental units"), "incremental_sales": ("增量销售额", "incremental sales"),
    "lift": ("提升率", "lift"), "cost": ("促销费用", "promotion cost"), "margin": ("正常价毛利率", "margin"),
    "regular_price": ("正常售价", "regular price"), "unit_cost": ("单位成本", "unit cost"),
    "promo_gp": ("促销期毛利", "promotion gross profit"), "baseline_gp": ("基线毛利", "baseline gross profit"),
    "incremental_gp": ("增量毛利", "incremental gross profit"), "net_gain": ("扣除费用后净增", "net gain"),
    "roi": ("ROI", "ROI"), "old_roi": ("旧算法 ROI（只算增量，错误）", "old ROI (extra units only, wrong)"),
})


def fit_table() -> pd.DataFrame:
    """The category-role table: role, its purpose and the promotion types that suit it.

    The index is the role's key in the current language (``季节性`` or ``seasonal``).

    Examples
    --------
    >>> fit_table().loc["季节性", "适合的促销方式"]
    '主题日促、折扣、限时特价'
    """
    rows = [{MSGS.label("role"): localized(*CATEGORY_ROLES[k][:2]),
             MSGS.label("purpose"): localized(*CATEGORY_ROLES[k][2:4]),
             MSGS.label("fit"): localized("、", ", ").join(localized(*PROMOTION_TYPES[t][:2]) for t in v)}
            for k, v in PROMOTION_FIT.items()]
    keys = [localized(k, CATEGORY_ROLES[k][1]) for k in PROMOTION_FIT]
    return pd.DataFrame(rows, index=pd.Index(keys, name="role"))


@dataclass(frozen=True, repr=False)
class PromotionResult(TableResult):
    """The outcome of :func:`promotion`: a one-row ``table`` (the evaluation) and the ``series`` it used."""

    series: pd.DataFrame = None  # type: ignore[assignment]

    @property
    def roi(self) -> float:
        """(incremental gross profit − cost) / cost, the discount charged to every unit sold."""
        return float(self.table["roi"].iloc[0])

    @property
    def lift(self) -> float:
        """Mean units per promotion period / baseline − 1."""
        return float(self.table["lift"].iloc[0])

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Units per period, the promotion periods highlighted and the baseline drawn.

        Examples
        --------
        >>> promotion(example_promotion(), cost=8000).plot().get_ylabel()
        '销量（盒）'
        """
        s = self.series
        t = self.table.iloc[0]
        fig, ax = new_axes(ax, figsize=(7.0, 4.0))
        x = np.arange(len(s))
        colors = np.where(s["role"] == "promo", "#DD8452", np.where(s["role"] == "baseline", "#4C72B0", "#BBBBBB"))
        ax.bar(x, s["units"], color=colors)
        ax.axhline(t["baseline_units"], color="#4C72B0", linestyle="--", linewidth=1,
                   label=MSGS("base", n=int(t["baseline_periods"])))
        ax.bar([], [], color="#DD8452", label=MSGS.label("promo"))
        ax.set_xticks(x, [str(p) for p in s.index], fontsize=8)
        ax.set_xlabel(MSGS.label("xlabel"))
        ax.set_ylabel(MSGS.label("units"))
        ax.set_title(MSGS("title", lift=t["lift"], gp=t["incremental_gp"], roi=t["roi"]), fontsize=10)
        ax.legend(fontsize=8, loc="upper left")
        return ax


def _positive(value: Any, key: str, hi: float | None = None) -> float:
    ok = not isinstance(value, bool) and isinstance(value, (int, float, np.integer, np.floating)) and value > 0
    if ok and hi is not None:
        ok = value <= hi
    if not ok:
        raise BadSpecError(*MSGS.both(key, value=value), column=key)
    return float(value)


def promotion(df: pd.DataFrame, *, cost: float, baseline: int | Sequence[Any] = 4,
              period: Sequence[Any] | None = None, margin: float = 0.35, time_col: str = "week",
              units_col: str = "units", sales_col: str = "sales") -> PromotionResult:
    """Evaluate a promotion against its baseline: incremental units and sales, lift, ROI.

    Parameters
    ----------
    df : DataFrame
        One row per period: *time_col* (sortable), *units_col*, *sales_col*,
        and optionally ``promo`` (True in the promotion periods).
    cost : float
        What the promotion cost (yuan) besides the discount: materials,
        staff, set-up, gifts (the discount is already in *sales_col*).
    baseline : int or list
        The number of periods right before the promotion used as the
        baseline (the trainee's decision), or the periods themselves.
    period : list, optional
        The promotion periods (default: the rows with ``promo`` True).
    margin : float
        Gross margin at the regular price (the baseline's mean price):
        unit cost = regular price × (1 − margin).

    Returns
    -------
    PromotionResult
        ``table`` (one row) columns: ``period_start``, ``period_end``,
        ``periods``, ``baseline_start``, ``baseline_end``,
        ``baseline_periods``, ``baseline_units``, ``baseline_sales``,
        ``promo_units``, ``promo_sales``, ``incremental_units``,
        ``incremental_sales``, ``lift``, ``cost``, ``margin``,
        ``regular_price``, ``unit_cost``, ``promo_gp``, ``baseline_gp``,
        ``incremental_gp``, ``net_gain``, ``roi`` (see the module docstring).

    Raises
    ------
    kamlab.KamlabInputError
        Missing column, text or a negative number, a repeated period, an
        unknown promotion period, a baseline overlapping it or too long, a
        cost ≤ 0, a margin outside (0, 1].

    Examples
    --------
    >>> res = promotion(example_promotion(), baseline=4, cost=1200, margin=0.35)
    >>> res.table[["period_start", "period_end", "baseline_units", "incremental_units", "lift"]].round(3)
               period_start  period_end  baseline_units  incremental_units   lift
    promotion
    promo                 8           9          208.75              201.5  0.483
    >>> res.table[["promo_gp", "baseline_gp", "incremental_gp", "net_gain"]].round(1)
               promo_gp  baseline_gp  incremental_gp  net_gain
    promotion
    promo        4704.4      5552.8          -848.3   -2048.3
    >>> round(res.roi, 2)
    -1.71
    """
    require_table(df, table="promotion")
    require_columns(df, [time_col, units_col, sales_col], table="promotion")
    cost = _positive(cost, "cost")
    margin = _positive(margin, "margin", 1.0)
    units = numeric_column(df, units_col, table="promotion")
    sales = numeric_column(df, sales_col, table="promotion")
    not_negative(units, units_col, table="promotion")
    not_negative(sales, sales_col, table="promotion")
    no_duplicates(df, [time_col], table="promotion")
    s = pd.DataFrame({"units": units.to_numpy(), "sales": sales.to_numpy()},
                     index=pd.Index(df[time_col].to_numpy(), name=time_col)).sort_index(kind="stable")
    known = list(s.index)
    if period is None:
        if "promo" not in df.columns:
            raise BadSpecError(*MSGS.both("period", value=None), column="promo")
        flag = bool_column(df, "promo", table="promotion")
        period = list(df.loc[flag.to_numpy(), time_col])
    if isinstance(period, (str, bytes)) or not isinstance(period, Sequence) or not period \
            or any(p not in known for p in period):
        raise BadSpecError(*MSGS.both("period", value=period), column=time_col)
    period = sorted(set(period), key=known.index)
    first = known.index(period[0])
    if isinstance(baseline, (int, np.integer)) and not isinstance(baseline, bool):
        if not 1 <= baseline <= first:
            raise BadSpecError(*MSGS.both("baseline", value=baseline, most=first), column="baseline")
        base = known[first - int(baseline):first]
    elif isinstance(baseline, Sequence) and not isinstance(baseline, (str, bytes)) and baseline \
            and all(b in known for b in baseline):
        base = sorted(set(baseline), key=known.index)
    else:
        raise BadSpecError(*MSGS.both("baseline", value=baseline, most=first), column="baseline")
    both = [b for b in base if b in period]
    if both:
        raise BadSpecError(*MSGS.both("overlap", value=both[0]), column="baseline")
    b_units, b_sales = s.loc[base, "units"].mean(), s.loc[base, "sales"].mean()
    if b_units <= 0:
        raise BadValueError(*MSGS.both("zero"), column=units_col)
    p_units, p_sales = s.loc[period, "units"].sum(), s.loc[period, "sales"].sum()
    n = len(period)
    incr_units = p_units - b_units * n
    incr_sales = p_sales - b_sales * n
    price = b_sales / b_units
    unit_cost = price * (1 - margin)
    promo_gp = p_sales - p_units * unit_cost
    base_gp = b_units * n * price * margin
    incr_gp = promo_gp - base_gp
    out = pd.DataFrame({
        "period_start": [period[0]], "period_end": [period[-1]], "periods": [n],
        "baseline_start": [base[0]], "baseline_end": [base[-1]], "baseline_periods": [len(base)],
        "baseline_units": [b_units], "baseline_sales": [b_sales], "promo_units": [p_units],
        "promo_sales": [p_sales], "incremental_units": [incr_units], "incremental_sales": [incr_sales],
        "lift": [p_units / n / b_units - 1], "cost": [cost], "margin": [margin],
        "regular_price": [price], "unit_cost": [unit_cost], "promo_gp": [promo_gp], "baseline_gp": [base_gp],
        "incremental_gp": [incr_gp], "net_gain": [incr_gp - cost], "roi": [(incr_gp - cost) / cost],
    }, index=pd.Index(["promo"], name="promotion"))
    role = np.where(s.index.isin(period), "promo", np.where(s.index.isin(base), "baseline", "other"))
    series = s.assign(role=role)
    return PromotionResult(table=out, series=series)


def example_promotion(variant: int = 0) -> pd.DataFrame:
    """A deterministic 12-week sales series of 清感颗粒 with a two-week promotion (seeded by *variant*).

    Regular price 38 yuan, 15 % off in the promotion weeks (weeks 8–9, 9–10
    or 10–11 by variant), units lifted by 35–60 %.

    Examples
    --------
    >>> example_promotion().iloc[7:11]
        week  units  price    sales  promo
    7      8    332   32.3  10723.6   True
    8      9    287   32.3   9270.1   True
    9     10    251   38.0   9538.0  False
    10    11    229   38.0   8702.0  False
    """
    rng = np.random.default_rng(8400 + int(variant))
    weeks = np.arange(1, 13)
    start = int(rng.integers(8, 11))
    promo = (weeks >= start) & (weeks < start + 2)
    base = rng.uniform(180, 260)
    units = np.rint(base * (1 + rng.normal(0, 0.06, size=12)) * np.where(promo, 1 + rng.uniform(0.35, 0.6), 1))
    price = np.where(promo, round(38 * 0.85, 1), 38.0)
    return pd.DataFrame({"week": weeks, "units": units.astype(int), "price": price,
                         "sales": np.round(units * price, 1), "promo": promo})
