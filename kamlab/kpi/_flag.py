"""Flags: every KPI value that misses its target, with the gap (数据监测：标注低于目标值的异常点)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import pandas as pd

from .._errors import BadSpecError
from .._plotting import new_axes, styled
from .._result import TableResult
from ._compute import KpiResult, _ratio
from ._metrics import LOWER_IS_BETTER, METRICS, MSGS, below_target, metric_label, parse_targets

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["FlagResult", "flag"]


def _kpi_table_of(k: Any) -> tuple[pd.DataFrame, tuple[str, ...]]:
    if isinstance(k, KpiResult):
        return k.table, k.by
    if isinstance(k, pd.DataFrame) and all(m in k.columns for m in METRICS):
        names = tuple(n for n in k.index.names if n is not None and n != "group")
        return k, names
    raise BadSpecError(*MSGS.both("kpi_type", kind=type(k).__name__), column="k")


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

    label_values: ClassVar[tuple[str, ...]] = ("metric",)
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
    from matplotlib.ticker import PercentFormatter  # matplotlib loads only when a chart is drawn

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

    Shown in a notebook, the metric names read as their labels too:

    >>> import kamlab as kl; kl.set_language("zh")
    >>> flag(t, {"铺货率": 0.9})._shown().iloc[0].tolist()[:2]
    ['C01', '铺货率']
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
