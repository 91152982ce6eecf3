"""Simulate a tiered incentive scheme on store-month sell-out: tier, payout, cost share against the season.

The scheme's stores are the *pilot* stores (default: every store of
*chain*, or of the data).  For each of them (each group ``by``):

* ``units`` = units sold in the *period* months, ``baseline_units`` = units
  sold in the *baseline* months (same number of months; default: the
  latest 3 months vs the 3 months before them);
* ``growth`` = units / baseline_units − 1: the store's plain 环比 growth,
  shown for comparison only, because for a cold remedy it is mostly season;
* the **seasonal factor** ``season`` = Σ control units (period) ÷ Σ control
  units (baseline), where the control group is the stores *not* in the
  scheme: the chain's other stores when *pilot* is given, else the stores
  of the other chains of the data; or a factor given directly
  (``season=``, e.g. the same months last year ÷ the baseline months last
  year).  No control and no factor: an error, never a silent 1;
* ``expected_units`` = baseline_units × season: what the store would have
  sold without the scheme (the seasonal baseline);
* ``lift`` = units / expected_units − 1: growth over the seasonal baseline.
  A ``growth`` tier is reached on ``lift``, so no store is paid for the
  season; a ``units`` tier on ``units``.  The tier reached is the one with
  the highest threshold ≤ the basis value (equal reaches it); 0 = none;
* ``payout`` = rate × units + bonus of that tier (0 when none);
* ``incremental_units`` = units − expected_units, ``incremental_sales`` =
  incremental_units × unit_price: what the scheme bought.

Totals: ``total_cost`` = Σ payout; ``incremental_sales`` = Σ incremental
sales (net: stores that fell below their baseline count negative);
``cost_share`` = total_cost / incremental_sales, ``inf`` when the cost is
positive but the sales did not rise above the season, 0 when nothing is
paid.  ``naive_incremental_sales`` = Σ (units − baseline_units) × price is
the wrong 环比 measure (season included), kept to show the difference.

Examples
--------
Two pilot stores and one control store; the season lowers sales by 20 %
(the control store: 100 → 80), so the pilot store S1 that stayed flat at
100 boxes really sold 100 − 80 = 20 boxes more than it would have:

>>> import pandas as pd
>>> df = pd.DataFrame({"store_id": ["S1", "S1", "S2", "S2", "S3", "S3"],
...                    "month": ["2026-09", "2026-10"] * 3,
...                    "units_sold": [100, 100, 50, 40, 100, 80]})
>>> scheme = {"basis": "growth", "tiers": [{"min_growth": 0.1, "bonus": 30}], "unit_price": 10}
>>> res = simulate(df, scheme, period="2026-10", baseline="2026-09", pilot=["S1", "S2"])
>>> res.season
0.8
>>> res.table[["baseline_units", "units", "growth", "expected_units", "lift", "tier", "payout"]]
          baseline_units  units  growth  expected_units  lift  tier  payout
store_id
S1                   100    100     0.0            80.0  0.25     1    30.0
S2                    50     40    -0.2            40.0  0.00     0     0.0
>>> res.incremental_sales, res.cost_share, res.naive_incremental_sales
(200.0, 0.15, -100.0)

The plain 环比 measure says the pilot lost 100 yuan of sales; against the
season it bought 200 yuan for 30 yuan of incentive (15 %).
"""

from __future__ import annotations

import math
from collections.abc import Collection
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
from ._periods import DEFAULT_MONTHS, _month_text, _periods
from ._scheme import Scheme, as_scheme

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["simulate", "IncentiveResult", "DEFAULT_MONTHS"]

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
    "chain": ("连锁 '{chain}' 不在销售数据里{zh_hint}。数据中的连锁：{known}。",
              "Chain '{chain}' is not in the sell-out data{en_hint}. Chains in the data: {known}."),
    "tier_lift": ("第{n}档 季节外增长≥{t:.0%}", "tier {n} growth over season ≥{t:.0%}"),
    "no_control": ("没有对照门店，量不出季节基线：请用 pilot= 指定方案里的门店（其余门店做对照），或用 season= 给出季节系数"
                   "（例如去年同期 ÷ 去年基期）。",
                   "No control stores, so the seasonal baseline cannot be measured: name the scheme's stores with "
                   "pilot= (the others are the control) or give the seasonal factor with season= (e.g. the same "
                   "months last year ÷ the baseline months last year)."),
    "bad_season": ("季节系数 season 应是大于 0 的数（1.1 = 季节使销量上升 10%），收到的是 {got!r}。",
                   "season must be a number above 0 (1.1 = the season lifts sales by 10 %), got {got!r}."),
    "no_pilot": ("pilot 里的门店都不在数据里（或不属于连锁 {chain}）：{sample}。",
                 "None of the pilot stores is in the data (or in chain {chain}): {sample}."),
    "dup": ("表 sellout 第 {row} 行：{by} '{item}' 的月份 '{month}' 出现了不止一次。每个{by}每月只能有一行。",
            "Table sellout, row {row}: {by} '{item}' has month '{month}' more than once. Keep one row per "
            "{by} and month."),
})


def _tier_labels(scheme: Scheme) -> list[str]:
    key = "tier_units" if scheme.basis == "units" else "tier_lift"
    return [MSGS("tier0")] + [MSGS(key, n=i, t=t.threshold) for i, t in enumerate(scheme.tiers, start=1)]


@dataclass(frozen=True, repr=False)
class IncentiveResult(TableResult):
    """The outcome of :func:`simulate`: one row per store, plus the totals.

    Attributes
    ----------
    table : DataFrame
        Index: the ``by`` column (the scheme's stores).  Columns:
        ``chain_id`` (when present in the data and ``by`` is not
        ``chain_id``), ``baseline_units``, ``units``, ``growth``,
        ``expected_units``, ``lift``, ``tier`` (0 = none, else the tier's number
        in the scheme), ``rate``, ``bonus``, ``payout``,
        ``incremental_units``, ``incremental_sales``.
    scheme : Scheme
    period, baseline : tuple of str
        The months compared.
    total_cost : float
        Σ payout (yuan).
    incremental_sales : float
        Σ (units − expected_units) × unit_price (yuan, net).
    cost_share : float
        total_cost / incremental_sales (``inf`` when there is a cost but no
        growth over the season, 0 when nothing is paid).
    season : float
        The seasonal factor (control period ÷ control baseline, or given).
    control_stores : int
        Stores in the control group (0 when *season* was given).
    naive_incremental_sales : float
        Σ (units − baseline_units) × unit_price: the 环比 measure that counts
        the season as the scheme's effect (for comparison only).
    """

    scheme: Scheme = None  # type: ignore[assignment]
    period: tuple[str, ...] = ()
    baseline: tuple[str, ...] = ()
    total_cost: float = 0.0
    incremental_sales: float = 0.0
    cost_share: float = 0.0
    season: float = 1.0
    control_stores: int = 0
    naive_incremental_sales: float = 0.0

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
        ...          baseline="2026-09", season=1.0).by_tier()
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
        >>> res = simulate(df, {"tiers": [{"min_units": 60, "rate": 0.5}]}, period="2026-10", baseline="2026-09",
        ...                season=1.0)
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


def _prepare(sellout: Any, by: str, chain: Any) -> tuple[pd.DataFrame, pd.Series, np.ndarray]:
    """The rows used, their units and a mask of the rows of *chain* (all True without a chain)."""
    require_table(sellout, table="sellout")
    if not isinstance(by, str):
        raise BadValueError("by 应是一列的列名，例如 'store_id'。", "by must be a column name such as 'store_id'.",
                            column="by")
    require_columns(sellout, [by, "month", "units_sold"] + (["chain_id"] if chain is not None else []),
                    table="sellout")
    in_chain = np.ones(len(sellout), dtype=bool)
    if chain is not None:
        ids = sellout["chain_id"].astype(str)
        known = sorted(ids.unique())
        if str(chain) not in known:
            zh_hint, en_hint = did_you_mean(chain, known)
            raise BadValueError(*MSGS.both("chain", chain=chain, zh_hint=zh_hint, en_hint=en_hint,
                                           known=", ".join(known)), column="chain_id")
        in_chain = ids.eq(str(chain)).to_numpy()
    units = numeric_column(sellout, "units_sold", table="sellout")
    in_range(units, "units_sold", 0, math.inf, table="sellout")
    return sellout, units, in_chain


def _season(season: Any, control: pd.DataFrame) -> float:
    """The seasonal factor: given, or Σ control period units ÷ Σ control baseline units."""
    if season is not None:
        if isinstance(season, bool) or not isinstance(season, (int, float)) or not (0 < float(season) < math.inf):
            raise BadValueError(*MSGS.both("bad_season", got=season), column="season")
        return float(season)
    base = float(control["baseline_units"].sum())
    if control.empty or base <= 0:
        raise BadValueError(*MSGS.both("no_control"), column="pilot")
    return float(control["units"].sum()) / base


def simulate(sellout: pd.DataFrame, scheme: Any, *, period: Any = None, baseline: Any = None,
             by: str = "store_id", chain: str | None = None, pilot: Collection[str] | None = None,
             season: float | None = None) -> IncentiveResult:
    """Run a tiered incentive scheme on store-month sell-out data, against a seasonal baseline.

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
        Keep only the stores of this chain (the contracted chain) in the
        scheme.
    pilot : collection of str, optional
        The ``by`` ids in the scheme (e.g. the pilot stores); the other
        stores (of *chain*, when given) are the control group.  Default:
        every store of *chain* is in the scheme and the other chains'
        stores are the control.
    season : float, optional
        The seasonal factor, when it comes from elsewhere (e.g. the same
        months last year); it replaces the control group.

    Returns
    -------
    IncentiveResult
        ``.table`` per store of the scheme, ``.total_cost``,
        ``.incremental_sales``, ``.cost_share``, ``.season``,
        ``.naive_incremental_sales``, ``.by_tier()``, ``.plot()``.  See the
        module docstring for the rules.

    Raises
    ------
    KamlabInputError
        Missing column, units that are not numbers / NaN / negative, a
        store with two rows for one month, an empty table, an unknown
        chain or month, overlapping or unequal period and baseline, no
        control group and no *season*, a malformed scheme.

    Examples
    --------
    >>> import kamlab as kl
    >>> sellout, chains = kl.datasets.load("sellout"), kl.datasets.load("chains")
    >>> hq = chains.set_index("chain_id").at["C18", "hq_city"]
    >>> pilot = sellout.loc[(sellout["chain_id"] == "C18") & (sellout["region"] == hq), "store_id"].unique()
    >>> res = simulate(sellout, {"basis": "growth", "tiers": [{"min_growth": 0.1, "bonus": 20},
    ...                          {"min_growth": 0.25, "bonus": 40}]}, chain="C18", pilot=pilot,
    ...                period=["2026-05", "2026-06", "2026-07"], baseline=["2026-02", "2026-03", "2026-04"])
    >>> round(res.season, 3), round(res.naive_incremental_sales), round(res.incremental_sales)
    (0.896, 114, 6883)
    >>> bool(res.total_cost == res.table["payout"].sum()), res.control_stores
    (True, 25)
    """
    plan = as_scheme(scheme)
    df, units, in_chain = _prepare(sellout, by, chain)
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
    if pilot is None:
        scheme_rows = in_chain if chain is not None else np.ones(len(df), dtype=bool)
        control_rows = ~in_chain
    else:
        ids = {str(x) for x in (pilot.tolist() if hasattr(pilot, "tolist") else pilot)}
        member = keys.astype(str).isin(ids).to_numpy()
        scheme_rows, control_rows = in_chain & member, in_chain & ~member
        if not scheme_rows.any():
            sample = "、".join(sorted(ids)[:5])
            raise BadValueError(*MSGS.both("no_pilot", chain=chain, sample=sample), column="pilot")
    control = frame[control_rows].groupby(by).sum()
    factor = _season(season, control)
    sums = frame[scheme_rows].groupby(by, sort=True).sum()
    table = pd.DataFrame(index=sums.index)
    if "chain_id" in df.columns and by != "chain_id":
        table["chain_id"] = df[scheme_rows].groupby(by, sort=True)["chain_id"].first().astype(str)
    base_u = sums["baseline_units"].to_numpy()
    period_u = sums["units"].to_numpy()
    expected = base_u * factor
    table["baseline_units"] = base_u
    table["units"] = period_u
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.where(base_u > 0, period_u / np.where(base_u > 0, base_u, 1) - 1.0, np.nan)
        lift = np.where(expected > 0, period_u / np.where(expected > 0, expected, 1) - 1.0, np.nan)
    table["growth"] = growth
    table["expected_units"] = expected
    table["lift"] = lift
    value = period_u if plan.basis == "units" else lift
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
    table["incremental_units"] = period_u - expected
    table["incremental_sales"] = (period_u - expected) * plan.unit_price
    if (np.mod(u, 1) == 0).all():
        for col in ("baseline_units", "units"):
            table[col] = table[col].astype("int64")
    total = float(table["payout"].sum())
    incremental = float(table["incremental_sales"].sum())
    naive = float(((period_u - base_u) * plan.unit_price).sum())
    if total == 0:
        share = 0.0
    elif incremental <= 0:
        share = math.inf
    else:
        share = total / incremental
    return IncentiveResult(table=table, scheme=plan, period=p_months, baseline=b_months,
                           total_cost=total, incremental_sales=incremental, cost_share=share, season=factor,
                           control_stores=0 if season is not None else len(control), naive_incremental_sales=naive)
