"""Core sell-out KPIs (核心动销数据) at any grouping, and flags below target.

Definitions (universe: target stores, ``is_target`` true; a group's
*period* is its own month when ``month`` is a grouping column, otherwise
every month present in the target rows; ``n`` = number of months in the
period):

==========================  ===================================================
target_stores               target store-months / n
stocked_stores              stocked store-months / n
selling_stores              store-months stocked with ``units_sold > 0`` / n
units                       Σ units_sold (total over the period)
avg_inventory               Σ (inventory_begin + inventory_end) / 2 / n
distribution_rate  铺货率    stocked_stores / target_stores
sell_through_rate  动销率    selling_stores / stocked_stores
inventory_turnover 周转率    units / avg_inventory (turns over the period)
days_of_inventory  库存天数  days in period × avg_inventory / units
clerk_recommendation_rate   Σ recommended_visits / Σ mystery_visits
units_per_selling_store     units / selling_stores (over the period)
==========================  ===================================================

so ``units = target_stores × distribution_rate × sell_through_rate ×
units_per_selling_store`` at every grouping (up to float rounding); counts,
units and inventory add up across groups.  "Days in period" is the
calendar days of the period's months.

A ratio whose denominator is 0 is NaN (undefined), never an error or
``inf``: sell-through with no stocked store, units per selling store with
no selling store, turnover with no inventory, days of inventory with no
sales, recommendation rate with no mystery visit.  When ``selling_stores``
is 0, ``units`` is 0 and the identity's right side is NaN.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"store_id": ["S1", "S2", "S1", "S2"], "chain_id": "C01", "region": "上海",
...     "month": ["2026-03", "2026-03", "2026-04", "2026-04"], "is_target": True,
...     "stocked": [True, False, True, True], "units_sold": [30, 0, 45, 0],
...     "inventory_begin": [20, 0, 10, 0], "inventory_end": [10, 0, 20, 12],
...     "mystery_visits": [2, 2, 2, 2], "recommended_visits": [1, 0, 2, 1]})
>>> k = compute(df, by="chain_id")
>>> k.table.loc["C01", ["target_stores", "distribution_rate", "sell_through_rate",
...                      "units_per_selling_store"]].round(4).tolist()
[2.0, 0.75, 0.6667, 75.0]
>>> flag(k, {"distribution_rate": 0.9, "days_of_inventory": 10}).table
  chain_id             metric  value  target   gap
0      C01  distribution_rate   0.75     0.9 -0.15
1      C01  days_of_inventory  14.64    10.0  4.64
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._result import TableResult
from ._data import parse_by, prepare, sums

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["METRICS", "RATE_METRICS", "LOWER_IS_BETTER", "KpiResult", "FlagResult", "compute", "flag",
           "metric_name", "metric_label"]

#: KPI table columns, in order.
METRICS = ("target_stores", "stocked_stores", "selling_stores", "units", "avg_inventory", "distribution_rate",
           "sell_through_rate", "inventory_turnover", "days_of_inventory", "clerk_recommendation_rate",
           "units_per_selling_store")
#: Metrics that are shares (0–1), shown as percentages.
RATE_METRICS = ("distribution_rate", "sell_through_rate", "clerk_recommendation_rate")
#: Metrics where a value *above* target is the problem.
LOWER_IS_BETTER = ("days_of_inventory", "avg_inventory")

LABELS = Messages({
    "target_stores": ("目标门店数", "Target stores"),
    "stocked_stores": ("铺货门店数", "Stocked stores"),
    "selling_stores": ("动销门店数", "Selling stores"),
    "units": ("销量（盒）", "Units sold"),
    "avg_inventory": ("平均库存（盒）", "Average inventory (units)"),
    "distribution_rate": ("铺货率", "Distribution rate"),
    "sell_through_rate": ("动销率", "Sell-through rate"),
    "inventory_turnover": ("库存周转率（次）", "Inventory turnover (turns)"),
    "days_of_inventory": ("库存天数", "Days of inventory"),
    "clerk_recommendation_rate": ("店员推荐率", "Clerk recommendation rate"),
    "units_per_selling_store": ("动销门店单店销量（盒）", "Units per selling store"),
})

#: Other names a trainee may use for a metric (normalised: lower case, no spaces).
ALIASES = {
    "铺货率": "distribution_rate", "distribution": "distribution_rate",
    "动销率": "sell_through_rate", "sell_through": "sell_through_rate", "sellthrough": "sell_through_rate",
    "库存周转率": "inventory_turnover", "周转率": "inventory_turnover", "turnover": "inventory_turnover",
    "库存周转": "inventory_turnover",
    "库存天数": "days_of_inventory", "库存周转天数": "days_of_inventory", "周转天数": "days_of_inventory",
    "doi": "days_of_inventory",
    "店员推荐率": "clerk_recommendation_rate", "推荐率": "clerk_recommendation_rate",
    "clerk_recommendation": "clerk_recommendation_rate",
    "单店销量": "units_per_selling_store", "单店产出": "units_per_selling_store",
    "动销门店单店销量": "units_per_selling_store", "units_per_store": "units_per_selling_store",
    "销量": "units", "units_sold": "units", "目标门店数": "target_stores", "铺货门店数": "stocked_stores",
    "动销门店数": "selling_stores", "平均库存": "avg_inventory",
}

MSGS = Messages({
    "unknown_metric": (
        "未知指标 '{name}'{hint_zh}。可用指标：{valid}。",
        "Unknown metric '{name}'{hint_en}. Known metrics: {valid}."),
    "bad_target": (
        "指标 '{metric}' 的目标值 {value!r} 不是数字。请填写数字，比率写成小数（例如 90% 写 0.9）。",
        "The target of metric '{metric}' is {value!r}, not a number. Enter a number; write rates as "
        "fractions (90% is 0.9)."),
    "targets_type": (
        "targets 应是字典（指标 → 目标值），例如 {{'distribution_rate': 0.9}}，收到 {kind}。",
        "targets must be a dict (metric -> target value), e.g. {{'distribution_rate': 0.9}}; got {kind}."),
    "kpi_type": (
        "应传入 kl.kpi.compute(...) 的结果，收到 {kind}。",
        "Pass the result of kl.kpi.compute(...); got {kind}."),
    "bad_plot_metric": (
        "没有指标 '{name}'{hint_zh}。请从 {valid} 中选择。",
        "There is no metric '{name}'{hint_en}. Choose one of {valid}."),
    "title_kpi": ("{metric}（按 {by}）", "{metric} by {by}"),
    "title_flag": ("低于目标的指标：差距 / 目标", "KPIs missing their target: gap / target"),
    "target_line": ("目标 {value}", "target {value}"),
    "below": ("未达目标", "misses target"),
    "ok": ("达到目标", "meets target"),
    "all": ("全部", "all"),
    "xlabel_gap": ("差距占目标的比例（负 = 未达标）", "Gap as a share of target (negative = shortfall)"),
    "no_flags": ("所有指标都达到目标", "Every KPI meets its target"),
})


def metric_label(metric: str) -> str:
    """Chinese or English label of a KPI column (current language).

    Examples
    --------
    >>> metric_label("distribution_rate")
    '铺货率'
    """
    return LABELS.label(metric)


def _normal(name: str) -> str:
    return str(name).strip().lower().replace(" ", "_").replace("-", "_")


def metric_name(name: Any, *, allowed: tuple[str, ...] = METRICS, column: str = "metric") -> str:
    """Return the KPI column a trainee's metric name means, or raise BadSpecError.

    English column names, Chinese names (铺货率, 动销率, 库存周转率, 库存天数,
    店员推荐率, 单店销量 ...) and a few short forms are accepted.

    Examples
    --------
    >>> metric_name("铺货率"), metric_name("Sell-Through Rate")
    ('distribution_rate', 'sell_through_rate')
    """
    key = _normal(name)
    found = key if key in METRICS else ALIASES.get(key)
    if found in allowed:
        return found
    choices = [*allowed, *(a for a, m in ALIASES.items() if m in allowed)]
    close = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
    hint = ALIASES.get(close[0], close[0]) if close else None
    raise BadSpecError(*MSGS.both("unknown_metric", name=name, valid=", ".join(allowed),
                                  hint_zh=f"（是不是 '{hint}'？）" if hint else "",
                                  hint_en=f" (did you mean '{hint}'?)" if hint else ""), column=column)


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den, NaN where den is 0 (never inf, never a warning)."""
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out


def kpi_table(s: pd.DataFrame) -> pd.DataFrame:
    """The KPI table from the per-group sums of :func:`kamlab.kpi._data.sums`."""
    n = s["n_months"].to_numpy()
    target, stocked, selling = (s[c].to_numpy() / n for c in ("target", "stocked", "selling"))
    units = s["units"].to_numpy(dtype=float)
    inventory = s["inventory"].to_numpy() / n
    table = pd.DataFrame({
        "target_stores": target,
        "stocked_stores": stocked,
        "selling_stores": selling,
        "units": units,
        "avg_inventory": inventory,
        "distribution_rate": _ratio(stocked, target),
        "sell_through_rate": _ratio(selling, stocked),
        "inventory_turnover": _ratio(units, inventory),
        "days_of_inventory": _ratio(s["days"].to_numpy() * inventory, units),
        "clerk_recommendation_rate": _ratio(s["recommended"].to_numpy(), s["mystery"].to_numpy()),
        "units_per_selling_store": _ratio(units, selling),
    }, index=s.index)
    return table


def _group_label(key: Any) -> str:
    return " / ".join(map(str, key)) if isinstance(key, tuple) else str(key)


def _fmt(metric: str, value: float) -> str:
    if metric in RATE_METRICS:
        return f"{value:.0%}"
    return f"{value:,.4g}"


@dataclass(frozen=True, repr=False)
class KpiResult(TableResult):
    """Core sell-out KPIs per group (``kl.kpi.compute``).

    Attributes
    ----------
    table : DataFrame
        Index: the group keys (``by`` columns; ``"all"`` when ``by=None``);
        columns :data:`METRICS` in that order.
    by : tuple of str
        The grouping columns.
    months : tuple of str
        The months of the target rows, sorted.
    """

    by: tuple[str, ...] = ()
    months: tuple[str, ...] = ()

    def plot(self, ax: "Axes | None" = None, metric: str = "distribution_rate", target: float | None = None,
             **kwargs: Any) -> "Axes":
        """Bar chart of one KPI per group, with a target line if *target* is given.

        Bars that miss the target are red.

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"store_id": ["S1", "S2"], "chain_id": ["C01", "C02"], "month": "2026-04",
        ...     "is_target": True, "stocked": [True, False], "units_sold": [5, 0], "inventory_begin": 0,
        ...     "inventory_end": 0, "mystery_visits": 1, "recommended_visits": 0})
        >>> compute(df, by="chain_id").plot(metric="铺货率", target=0.9).get_title()
        '铺货率（按 chain_id）'
        """
        metric = metric_name(metric, column="metric")
        return _plot_kpi(self, metric, target, ax)


@styled
def _plot_kpi(k: KpiResult, metric: str, target: float | None, ax: "Axes | None") -> "Axes":
    from matplotlib.ticker import PercentFormatter

    values = k.table[metric].to_numpy(dtype=float)
    labels = [_group_label(g) for g in k.table.index]
    fig, ax = new_axes(ax, figsize=(max(6.0, min(16.0, 0.45 * len(labels) + 2)), 4.5))
    colors = np.full(len(values), "#4C72B0", dtype=object)
    if target is not None:
        miss = values > target if metric in LOWER_IS_BETTER else values < target
        colors[miss] = "#C44E52"
    x = np.arange(len(values))
    ax.bar(x, np.nan_to_num(values), color=list(colors))
    ax.set_xticks(x)
    ax.set_xticklabels(labels if len(labels) <= 60 else [""] * len(labels),
                       rotation=45 if len(labels) > 8 else 0, ha="right" if len(labels) > 8 else "center")
    if target is not None:
        ax.axhline(target, color="#333333", linestyle="--", linewidth=1.2,
                   label=MSGS("target_line", value=_fmt(metric, target)))
        ax.legend(loc="best")
    if metric in RATE_METRICS:
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    by = " + ".join(k.by) if k.by else MSGS.label("all")
    ax.set_title(MSGS("title_kpi", metric=metric_label(metric), by=by))
    ax.set_ylabel(metric_label(metric))
    fig.tight_layout()
    return ax


def compute(df: pd.DataFrame, by: Any = None) -> KpiResult:
    """Core sell-out KPIs over the target stores, per group.

    Parameters
    ----------
    df : DataFrame
        Sell-out table, one row per store and month: store_id, month
        (``YYYY-MM``), is_target, stocked, units_sold, inventory_begin,
        inventory_end, mystery_visits, recommended_visits (and the *by*
        columns, e.g. chain_id, region).  Not modified.
    by : str or list of str, optional
        Grouping columns, e.g. ``"chain_id"``, ``["chain_id", "month"]``,
        ``"region"``, ``"store_id"``; ``None`` gives one row ``"all"``.

    Returns
    -------
    KpiResult
        ``.table`` indexed by group with the columns of :data:`METRICS`
        (definitions in the module docstring); ``.plot(metric=...)``.

    Raises
    ------
    KamlabInputError
        Missing columns, non-numeric / NaN / negative values,
        recommended_visits > mystery_visits, units sold where not stocked,
        a duplicated (store_id, month), a month not in ``YYYY-MM``, an empty
        table or no target store; the message names column and row.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"store_id": ["S1", "S2"], "chain_id": "C01", "month": "2026-04",
    ...     "is_target": True, "stocked": [True, True], "units_sold": [60, 0],
    ...     "inventory_begin": [40, 10], "inventory_end": [20, 10], "mystery_visits": [4, 4],
    ...     "recommended_visits": [3, 1]})
    >>> k = compute(df)
    >>> k.table.loc["all", ["sell_through_rate", "inventory_turnover", "days_of_inventory",
    ...                     "clerk_recommendation_rate"]].tolist()
    [0.5, 1.5, 20.0, 0.5]
    """
    keys = parse_by(by)
    data = prepare(df, keys)
    table = kpi_table(sums(data, keys))
    months = tuple(sorted(pd.unique(data["month"].to_numpy())))
    return KpiResult(table=table, by=keys, months=months)


# ---------------------------------------------------------------------- flags
def _kpi_table_of(k: Any) -> tuple[pd.DataFrame, tuple[str, ...]]:
    if isinstance(k, KpiResult):
        return k.table, k.by
    if isinstance(k, pd.DataFrame) and all(m in k.columns for m in METRICS):
        names = tuple(n for n in k.index.names if n is not None and n != "group")
        return k, names
    raise BadSpecError(*MSGS.both("kpi_type", kind=type(k).__name__), column="k")


def parse_targets(targets: Any) -> dict[str, float]:
    """Return ``{metric column: float target}`` from a trainee's dict (aliases allowed)."""
    if not isinstance(targets, Mapping):
        raise BadSpecError(*MSGS.both("targets_type", kind=type(targets).__name__), column="targets")
    out: dict[str, float] = {}
    for name, value in targets.items():
        metric = metric_name(name, column="targets")
        try:
            number = float(value)
            if isinstance(value, (bool, str)) or not math.isfinite(number):
                raise ValueError
        except (TypeError, ValueError):
            raise BadSpecError(*MSGS.both("bad_target", metric=name, value=value), column=metric) from None
        out[metric] = number
    return out


def below_target(values: np.ndarray, metric: str, target: float) -> np.ndarray:
    """True where *values* miss *target* (above it for :data:`LOWER_IS_BETTER`); NaN never misses."""
    values = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        return values > target if metric in LOWER_IS_BETTER else values < target


@dataclass(frozen=True, repr=False)
class FlagResult(TableResult):
    """KPIs that miss their target (``kl.kpi.flag``).

    Attributes
    ----------
    table : DataFrame
        One row per (metric, group) that misses its target: the group
        columns, ``metric``, ``value``, ``target``, ``gap = value − target``.
        Rows follow the order of *targets*, then the KPI table's group order.
    targets : dict
        ``metric -> target`` as used (canonical metric names).
    by : tuple of str
        The grouping columns.
    """

    targets: dict[str, float] = field(default_factory=dict)
    by: tuple[str, ...] = ()

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Horizontal bars of ``gap / target`` for every flagged row.

        Examples
        --------
        >>> import pandas as pd
        >>> ax = FlagResult(table=pd.DataFrame({"chain_id": ["C01"], "metric": ["distribution_rate"],
        ...     "value": [0.5], "target": [0.9], "gap": [-0.4]}), by=("chain_id",)).plot()
        >>> ax.get_yticklabels()[0].get_text()
        'C01 · 铺货率'
        """
        return _plot_flags(self, ax)


@styled
def _plot_flags(f: FlagResult, ax: "Axes | None") -> "Axes":
    from matplotlib.ticker import PercentFormatter

    t = f.table
    fig, ax = new_axes(ax, figsize=(7.0, max(2.5, 0.4 * len(t) + 1.5)))
    if len(t) == 0:
        ax.text(0.5, 0.5, MSGS("no_flags"), ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    if f.by:  # the flagged rows only (a handful), not the data
        groups = [" / ".join(map(str, row)) for row in t[list(f.by)].itertuples(index=False, name=None)]
    else:
        groups = [MSGS.label("all")] * len(t)
    labels = [f"{g} · {metric_label(m)}" for g, m in zip(groups, t["metric"])]
    target = t["target"].to_numpy(dtype=float)
    rel = _ratio(t["gap"].to_numpy(dtype=float), np.abs(target))
    lower = t["metric"].isin(LOWER_IS_BETTER).to_numpy()
    rel = np.where(lower, -rel, rel)  # a shortfall is always drawn to the left
    y = np.arange(len(t))[::-1]
    ax.barh(y, np.nan_to_num(rel), color="#C44E52")
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    ax.axvline(0, color="#333333", linewidth=1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(MSGS.label("xlabel_gap"))
    ax.set_title(MSGS.label("title_flag"))
    fig.tight_layout()
    return ax


def flag(k: Any, targets: Mapping[str, float]) -> FlagResult:
    """Every KPI value that misses its target, with the gap (标注低于目标值的异常点).

    Parameters
    ----------
    k : KpiResult
        From :func:`compute` (a KPI table DataFrame also works).
    targets : dict
        ``metric -> target``, e.g. ``{"distribution_rate": 0.9,
        "days_of_inventory": 45}``; metric names as in the KPI table or
        their Chinese names (铺货率 ...).  Rates are fractions (0.9 = 90%).

    Returns
    -------
    FlagResult
        ``.table`` columns: the group columns, metric, value, target,
        ``gap = value − target``.  A row is flagged when its value is below
        the target — or *above* it for the lower-is-better metrics
        :data:`LOWER_IS_BETTER` (days_of_inventory, avg_inventory), whose
        gap is therefore positive.  NaN values (undefined KPIs) are never
        flagged.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({m: [1.0, 1.0] for m in METRICS}, index=pd.Index(["C01", "C02"], name="chain_id"))
    >>> t["distribution_rate"] = [0.55, 0.92]
    >>> t["days_of_inventory"] = [30.0, 75.0]
    >>> flag(t, {"铺货率": 0.9, "days_of_inventory": 60}).table
      chain_id             metric  value  target   gap
    0      C01  distribution_rate   0.55     0.9 -0.35
    1      C02  days_of_inventory  75.00    60.0 15.00
    """
    table, by = _kpi_table_of(k)
    goals = parse_targets(targets)
    groups = table.index.to_frame(index=False)
    if not by:
        groups = groups.rename(columns={groups.columns[0]: "group"})
    parts = []
    for metric, target in goals.items():  # one vectorised pass per metric
        values = table[metric].to_numpy(dtype=float)
        miss = below_target(values, metric, target)
        part = groups.loc[miss].copy()
        part["metric"] = metric
        part["value"] = values[miss]
        part["target"] = target
        part["gap"] = values[miss] - target
        parts.append(part)
    columns = [*groups.columns, "metric", "value", "target", "gap"]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    return FlagResult(table=out[columns].reset_index(drop=True), targets=goals, by=by)
