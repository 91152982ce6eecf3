"""Simulate a tiered incentive scheme on store-month sell-out: tier, payout, cost share.

For every store (or other group ``by``) of the data:

* ``units`` = units sold in the *period* months, ``baseline_units`` = units
  sold in the *baseline* months (same number of months; default: the
  latest 3 months vs the 3 months before them);
* ``growth`` = units / baseline_units − 1 (NaN when the baseline is 0:
  growth is not measurable, such a store reaches no growth tier);
* the tier reached is the one with the highest threshold ≤ the basis value
  (units or growth; a value equal to a threshold reaches it); 0 = none;
* ``payout`` = rate × units + bonus of that tier (0 when none);
* ``incremental_units`` = units − baseline_units, ``incremental_sales`` =
  incremental_units × unit_price.

Totals: ``total_cost`` = Σ payout; ``incremental_sales`` = Σ incremental
sales (net: stores that fell count negative); ``cost_share`` =
total_cost / incremental_sales, ``inf`` when the cost is positive but the
sales did not grow, 0 when nothing is paid.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"store_id": ["S1", "S1", "S2", "S2", "S3", "S3"],
...                    "month": ["2026-09", "2026-10"] * 3,
...                    "units_sold": [50, 70, 40, 40, 80, 100]})
>>> scheme = {"tiers": [{"min_units": 60, "rate": 0.5}, {"min_units": 90, "rate": 1.0, "bonus": 20}],
...           "unit_price": 10}
>>> res = simulate(df, scheme, period="2026-10", baseline="2026-09")
>>> res.table[["baseline_units", "units", "tier", "payout", "incremental_sales"]]
          baseline_units  units  tier  payout  incremental_sales
store_id
S1                    50     70     1    35.0              200.0
S2                    40     40     0     0.0                0.0
S3                    80    100     2   120.0              200.0
>>> res.total_cost, res.incremental_sales, res.cost_share
(155.0, 400.0, 0.3875)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadValueError, DuplicateIdError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._problems import did_you_mean
from .._result import TableResult
from .._validate import in_range, numeric_column, require_columns, require_table
from ._scheme import Scheme, as_scheme

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["simulate", "IncentiveResult", "DEFAULT_MONTHS"]

#: Months in the default period (and baseline): the latest quarter vs the quarter before.
DEFAULT_MONTHS = 3
_EPS = 1e-9  # a basis value equal to a threshold (up to float rounding) reaches the tier

MSGS = Messages({
    "tier0": ("未达档", "no tier"),
    "tier_units": ("第{n}档 ≥{t:g}盒", "tier {n} ≥{t:g} units"),
    "tier_growth": ("第{n}档 增长≥{t:.0%}", "tier {n} growth ≥{t:.0%}"),
    "title": ("阶梯激励：各档门店数与奖励金额（费用占增量销售 {share}，上限 {cap:.0%}）",
              "Tiered incentive: stores and payout per tier (cost / incremental sales {share}, cap {cap:.0%})"),
    "xlabel": ("档位", "Tier"),
    "ylabel": ("奖励金额（元）", "Payout (yuan)"),
    "stores": ("{n} 家", "{n} stores"),
    "no_growth": ("无增量", "no growth"),
    "bad_month": ("月份 '{month}' 不在数据里{zh_hint}。数据中的月份：{first} … {last}。请改用数据里的月份（YYYY-MM）。",
                  "Month '{month}' is not in the data{en_hint}. The data covers {first} … {last}. Use a month "
                  "of the data (YYYY-MM)."),
    "bad_period": ("{name} 应是一个月份 'YYYY-MM' 或月份列表，收到的是 {got!r}。",
                   "{name} must be a month 'YYYY-MM' or a list of months, got {got!r}."),
    "overlap": ("统计期和基期都包含月份 '{month}'。两段时间不能重叠。",
                "Month '{month}' is in both the period and the baseline. They must not overlap."),
    "length": ("统计期有 {p} 个月，基期有 {b} 个月。两段时间的月数要相同才能比较增量。",
               "The period has {p} months and the baseline {b}. Use the same number of months to compare."),
    "too_short": ("数据只有 {n} 个月，不够默认的统计期 + 基期（各 {k} 个月）。请用 period= 和 baseline= 指定月份。",
                  "The data has only {n} months, too few for the default period + baseline ({k} months each). "
                  "Name the months with period= and baseline=."),
    "chain": ("连锁 '{chain}' 不在销售数据里{zh_hint}。数据中的连锁：{known}。",
              "Chain '{chain}' is not in the sell-out data{en_hint}. Chains in the data: {known}."),
    "dup": ("表 sellout 第 {row} 行：{by} '{item}' 的月份 '{month}' 出现了不止一次。每个{by}每月只能有一行。",
            "Table sellout, row {row}: {by} '{item}' has month '{month}' more than once. Keep one row per "
            "{by} and month."),
})


def _months(value: Any, name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value.strip(),)
    if isinstance(value, Sequence) and value and all(isinstance(m, str) for m in value):
        return tuple(m.strip() for m in value)
    raise BadValueError(*MSGS.both("bad_period", name=name, got=value), column="month")


def _check_month(month: str, known: list[str]) -> None:
    if month in known:
        return
    zh_hint, en_hint = did_you_mean(month, known, cutoff=0.6)
    raise BadValueError(*MSGS.both("bad_month", month=month, zh_hint=zh_hint, en_hint=en_hint,
                                   first=known[0], last=known[-1]), column="month")


def _periods(known: list[str], period: Any, baseline: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The period and baseline months, checked against the data's months *known* (sorted)."""
    if period is None:
        if len(known) < 2 * DEFAULT_MONTHS and baseline is None:
            raise BadValueError(*MSGS.both("too_short", n=len(known), k=DEFAULT_MONTHS), column="month")
        p = tuple(known[-DEFAULT_MONTHS:])
    else:
        p = _months(period, "period")
    for m in p:
        _check_month(m, known)
    if baseline is None:
        start = known.index(min(p))
        if start < len(p):
            raise BadValueError(*MSGS.both("too_short", n=len(known), k=len(p)), column="month")
        b = tuple(known[start - len(p):start])
    else:
        b = _months(baseline, "baseline")
    for m in b:
        _check_month(m, known)
    both = sorted(set(p) & set(b))
    if both:
        raise BadValueError(*MSGS.both("overlap", month=both[0]), column="month")
    if len(set(p)) != len(set(b)):
        raise BadValueError(*MSGS.both("length", p=len(set(p)), b=len(set(b))), column="month")
    return tuple(sorted(set(p))), tuple(sorted(set(b)))


def _month_text(col: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(col.dtype):
        return col.dt.strftime("%Y-%m")
    return col.astype(str).str.strip()


def _tier_labels(scheme: Scheme) -> list[str]:
    key = "tier_units" if scheme.basis == "units" else "tier_growth"
    return [MSGS("tier0")] + [MSGS(key, n=i, t=t.threshold) for i, t in enumerate(scheme.tiers, start=1)]


@dataclass(frozen=True, repr=False)
class IncentiveResult(TableResult):
    """The outcome of :func:`simulate`: one row per store, plus the totals.

    Attributes
    ----------
    table : DataFrame
        Index: the ``by`` column.  Columns: ``chain_id`` (when present in
        the data and ``by`` is not ``chain_id``), ``baseline_units``,
        ``units``, ``growth``, ``tier`` (0 = none, else the tier's number
        in the scheme), ``rate``, ``bonus``, ``payout``,
        ``incremental_units``, ``incremental_sales``.
    scheme : Scheme
    period, baseline : tuple of str
        The months compared.
    total_cost : float
        Σ payout (yuan).
    incremental_sales : float
        Σ (units − baseline_units) × unit_price (yuan, net).
    cost_share : float
        total_cost / incremental_sales (``inf`` when there is a cost but no
        growth, 0 when nothing is paid).
    """

    scheme: Scheme = None  # type: ignore[assignment]
    period: tuple[str, ...] = ()
    baseline: tuple[str, ...] = ()
    total_cost: float = 0.0
    incremental_sales: float = 0.0
    cost_share: float = 0.0

    @property
    def within_cap(self) -> bool:
        """True when the cost share is at most the scheme's ``cost_cap``."""
        return bool(self.cost_share <= self.scheme.cost_cap + 1e-12)

    def by_tier(self) -> pd.DataFrame:
        """Stores, units and payout per tier (tier 0 = none), every tier listed.

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"store_id": ["S1", "S1", "S2", "S2"], "month": ["2026-09", "2026-10"] * 2,
        ...                    "units_sold": [50, 70, 40, 40]})
        >>> simulate(df, {"tiers": [{"min_units": 60, "rate": 0.5}]}, period="2026-10",
        ...          baseline="2026-09").by_tier()
                  label  stores  units  payout
        tier
        0           未达档       1     40     0.0
        1     第1档 ≥60盒       1     70    35.0
        """
        t = self.table
        n = len(self.scheme.tiers)
        grouped = t.groupby("tier").agg(stores=("payout", "size"), units=("units", "sum"),
                                        payout=("payout", "sum"))
        out = grouped.reindex(range(n + 1), fill_value=0)
        out.insert(0, "label", _tier_labels(self.scheme))
        out.index.name = "tier"
        return out.astype({"stores": "int64", "units": "int64", "payout": "float64"})

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Bar chart of the payout per tier, with the number of stores on each bar.

        The title gives the cost as a share of incremental sales and the cap.

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"store_id": ["S1", "S1"], "month": ["2026-09", "2026-10"],
        ...                    "units_sold": [50, 70]})
        >>> res = simulate(df, {"tiers": [{"min_units": 60, "rate": 0.5}]}, period="2026-10", baseline="2026-09")
        >>> [t.get_text() for t in res.plot().get_xticklabels()]
        ['未达档', '第1档 ≥60盒']
        """
        fig, ax = new_axes(ax, figsize=kwargs.pop("figsize", (7.5, 4.2)))
        tiers = self.by_tier()
        colours = ["#bbbbbb"] + ["#1f77b4"] * (len(tiers) - 1)
        x = np.arange(len(tiers))
        bars = ax.bar(x, tiers["payout"].to_numpy(), color=colours)
        for bar, n in zip(bars, tiers["stores"]):
            ax.annotate(MSGS("stores", n=int(n)), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=9)
        ax.set_xticks(x, tiers["label"].tolist())
        share = MSGS("no_growth") if math.isinf(self.cost_share) else f"{self.cost_share:.1%}"
        ax.set_title(MSGS("title", share=share, cap=self.scheme.cost_cap), fontsize=10)
        ax.set_xlabel(MSGS.label("xlabel"))
        ax.set_ylabel(MSGS.label("ylabel"))
        ax.margins(y=0.15)
        return ax


def _prepare(sellout: Any, by: str, chain: Any) -> tuple[pd.DataFrame, pd.Series]:
    require_table(sellout, table="sellout")
    if not isinstance(by, str):
        raise BadValueError("by 应是一列的列名，例如 'store_id'。", "by must be a column name such as 'store_id'.",
                            column="by")
    require_columns(sellout, [by, "month", "units_sold"] + (["chain_id"] if chain is not None else []),
                    table="sellout")
    df = sellout
    if chain is not None:
        ids = df["chain_id"].astype(str)
        known = sorted(ids.unique())
        if str(chain) not in known:
            zh_hint, en_hint = did_you_mean(chain, known)
            raise BadValueError(*MSGS.both("chain", chain=chain, zh_hint=zh_hint, en_hint=en_hint,
                                           known=", ".join(known)), column="chain_id")
        df = df[ids.eq(str(chain)).to_numpy()]
    units = numeric_column(df, "units_sold", table="sellout")
    in_range(units, "units_sold", 0, math.inf, table="sellout")
    return df, units


def simulate(sellout: pd.DataFrame, scheme: Any, *, period: Any = None, baseline: Any = None,
             by: str = "store_id", chain: str | None = None) -> IncentiveResult:
    """Run a tiered incentive scheme on store-month sell-out data.

    Parameters
    ----------
    sellout : DataFrame
        Columns ``by`` (default ``store_id``), ``month`` (YYYY-MM) and
        ``units_sold`` (≥ 0); ``chain_id`` when *chain* is given.  One row
        per ``by`` and month.  Not modified.
    scheme : Scheme or dict
        The scheme (see :class:`~kamlab.incentives.Scheme`).
    period : str or list of str, optional
        The months the incentive runs (default: the latest 3 months).
    baseline : str or list of str, optional
        The months to compare with, as many as *period* (default: the
        months just before *period*).
    by : str
        Who reaches a tier: ``store_id`` (each store) or e.g. ``chain_id``.
    chain : str, optional
        Keep only the stores of this chain (the contracted chain).

    Returns
    -------
    IncentiveResult
        ``.table`` per store, ``.total_cost``, ``.incremental_sales``,
        ``.cost_share``, ``.by_tier()``, ``.plot()``.  See the module
        docstring for the rules.

    Raises
    ------
    KamlabInputError
        Missing column, units that are not numbers / NaN / negative, a
        store with two rows for one month, an empty table, an unknown
        chain or month, overlapping or unequal period and baseline, a
        malformed scheme.

    Examples
    --------
    >>> import kamlab as kl
    >>> sellout = kl.datasets.load("sellout")
    >>> res = simulate(sellout, {"basis": "growth", "tiers": [{"min_growth": 0.1, "bonus": 50},
    ...                          {"min_growth": 0.3, "bonus": 120}]}, chain="C22")
    >>> res.period, res.baseline
    (('2026-08', '2026-09', '2026-10'), ('2026-05', '2026-06', '2026-07'))
    >>> int(res.table["tier"].max()), bool(res.total_cost == res.table["payout"].sum())
    (2, True)
    """
    plan = as_scheme(scheme)
    df, units = _prepare(sellout, by, chain)
    month = _month_text(df["month"])
    known = sorted(month.unique())
    p_months, b_months = _periods(known, period, baseline)
    in_p, in_b = month.isin(p_months).to_numpy(), month.isin(b_months).to_numpy()
    keys = df[by]
    used = in_p | in_b
    dup = pd.DataFrame({"k": keys, "m": month}).duplicated() & used
    if dup.any():
        row = dup.index[dup.to_numpy().argmax()]
        raise DuplicateIdError(*MSGS.both("dup", row=row, by=by, item=keys.loc[row], month=month.loc[row]),
                               column="month", row=row)
    u = units.to_numpy()
    frame = pd.DataFrame({by: keys.to_numpy(), "units": np.where(in_p, u, 0.0),
                          "baseline_units": np.where(in_b, u, 0.0)})
    sums = frame.groupby(by, sort=True).sum()
    table = pd.DataFrame(index=sums.index)
    if "chain_id" in df.columns and by != "chain_id":
        table["chain_id"] = df.groupby(by, sort=True)["chain_id"].first().astype(str)
    base_u = sums["baseline_units"].to_numpy()
    period_u = sums["units"].to_numpy()
    table["baseline_units"] = base_u
    table["units"] = period_u
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.where(base_u > 0, period_u / np.where(base_u > 0, base_u, 1) - 1.0, np.nan)
    table["growth"] = growth
    value = period_u if plan.basis == "units" else growth
    thresholds = np.asarray(plan.thresholds, dtype=float)
    order = np.argsort(thresholds, kind="stable")
    reached = np.searchsorted(thresholds[order], np.nan_to_num(value, nan=-np.inf) + _EPS, side="right")
    tier = np.where(reached > 0, order[np.maximum(reached - 1, 0)] + 1, 0)
    tier = np.where(np.isnan(value), 0, tier)
    rates = np.concatenate([[0.0], [t.rate for t in plan.tiers]])
    bonuses = np.concatenate([[0.0], [t.bonus for t in plan.tiers]])
    table["tier"] = tier.astype("int64")
    table["rate"] = rates[tier]
    table["bonus"] = bonuses[tier]
    table["payout"] = rates[tier] * period_u + bonuses[tier]
    table["incremental_units"] = period_u - base_u
    table["incremental_sales"] = (period_u - base_u) * plan.unit_price
    if (np.mod(u, 1) == 0).all():
        for col in ("baseline_units", "units", "incremental_units"):
            table[col] = table[col].astype("int64")
    total = float(table["payout"].sum())
    incremental = float(table["incremental_sales"].sum())
    if total == 0:
        share = 0.0
    elif incremental <= 0:
        share = math.inf
    else:
        share = total / incremental
    return IncentiveResult(table=table, scheme=plan, period=p_months, baseline=b_months,
                           total_cost=total, incremental_sales=incremental, cost_share=share)
