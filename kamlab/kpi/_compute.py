"""Core sell-out KPIs (核心动销数据) at any grouping (:func:`compute`); flags below target are in ``_flag.py``.

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
>>> from kamlab.kpi import flag
>>> flag(k, {"distribution_rate": 0.9, "days_of_inventory": 10}).table
  chain_id             metric  value  target   gap
0      C01  distribution_rate   0.75     0.9 -0.15
1      C01  days_of_inventory  14.64    10.0  4.64
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._plotting import new_axes, styled
from .._result import TableResult
from ._data import parse_by, prepare, sums
from ._metrics import LOWER_IS_BETTER, MSGS, RATE_METRICS, _fmt, _group_label, metric_label, metric_name

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["KpiResult", "compute", "kpi_table"]

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
    from matplotlib.ticker import PercentFormatter  # matplotlib loads only when a chart is drawn

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
