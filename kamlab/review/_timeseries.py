"""Time-series analysis (时间序列分析法); the forecast (销售预测) is :func:`~kamlab.review.forecast`.

Over monthly data, per group or in total:

- 环比 month-on-month: ``mom = value ÷ value of the previous month − 1``;
- 同比 year-on-year: ``yoy = value ÷ value of the same month a year earlier − 1``;
- 移动平均 moving average: the mean of the latest *window* months, this one
  included (NaN until *window* months are there);
- 季节指数 seasonal index: the mean of a calendar month over the years ÷ the
  mean of every month.

Months are calendar months: a month missing from the data is a gap (NaN),
never skipped over.

Examples
--------
>>> import pandas as pd
>>> months = [f"2025-{m:02d}" for m in range(1, 13)] + ["2026-01", "2026-02"]
>>> df = pd.DataFrame({"month": months, "sales": [10.0] * 12 + [12.0, 15.0]})
>>> ts = timeseries(df, window=3)
>>> ts.table.loc["2026-02", ["value", "mom", "yoy", "moving_average"]].round(4).tolist()
[15.0, 0.25, 0.5, 12.3333]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages, localized
from .._plotting import new_axes, styled
from .._result import TableResult
from ._common import (amount_column, check_table, group_columns, group_label, month_column, month_range,
                      whole_number)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["TimeSeriesResult", "timeseries", "wide_by_month", "long_table"]

MSGS = Messages({
    "value": ("实际", "Actual"),
    "moving_average": ("{w} 个月移动平均", "{w}-month moving average"),
    "mom": ("环比", "Month-on-month"),
    "yoy": ("同比", "Year-on-year"),
    "seasonal_index": ("季节指数", "Seasonal index"),
    "ts_title": ("{value}的时间序列（{what}）", "Time series of {value} ({what})"),
    "moy": ("{m}月", "M{m}"),
    "all": ("合计", "total"),
    "month": ("月份", "Month"),
})
_METRIC_COLUMNS = ("value", "mom", "yoy", "moving_average", "seasonal_index")


def wide_by_month(df: pd.DataFrame, value: str, keys: list[str], month: str) -> pd.DataFrame:
    """Months (every calendar month from first to last) × groups, summed; gaps are NaN."""
    check_table(df, [month, value, *keys], table="df")
    months = month_column(df, month, table="df")
    values = amount_column(df, value, table="df")
    frame = pd.concat([df[keys], values.rename("_v")], axis=1) if keys else values.rename("_v").to_frame()
    frame["_month"] = months.to_numpy()
    if keys:
        wide = frame.pivot_table(index="_month", columns=keys, values="_v", aggfunc="sum", sort=True)
    else:
        wide = frame.groupby("_month", sort=True)[["_v"]].sum().rename(columns={"_v": "all"})
    full = month_range(wide.index[0], wide.index[-1])
    wide = wide.reindex(full).astype(float)
    wide.index.name = "month"
    return wide


def _shift(wide: pd.DataFrame, k: int) -> pd.DataFrame:
    """The frame *k* calendar months earlier, aligned on the same rows (rows are consecutive months)."""
    return wide.shift(k)


def long_table(parts: dict[str, pd.DataFrame], keys: list[str]) -> pd.DataFrame:
    """One column per part (``{name: months × groups}``), indexed by month (``(*keys, month)`` with groups)."""
    if not keys:
        out = pd.DataFrame({name: frame["all"] for name, frame in parts.items()})
        out.index.name = "month"
        return out
    cols = {name: frame.T.stack(future_stack=True) for name, frame in parts.items()}
    out = pd.DataFrame(cols)
    out.index = out.index.set_names([*keys, "month"])
    return out.sort_index(kind="stable")


@dataclass(frozen=True)
class TimeSeriesResult(TableResult):
    """Month-on-month, year-on-year, moving average and seasonal index (``kl.review.timeseries``).

    Attributes
    ----------
    table : DataFrame
        Index ``month`` (or ``(*by, month)``); columns ``value, mom, yoy,
        moving_average, seasonal_index``.
    seasonality : DataFrame
        Index 1..12 (calendar month); one column per group (``"all"`` without
        *by*): the seasonal index.
    value : str
    by : tuple of str
    window : int
    """

    seasonality: pd.DataFrame = field(default_factory=pd.DataFrame)
    value: str = "sales"
    by: tuple[str, ...] = ()
    window: int = 3

    def plot(self, ax: "Axes | None" = None, metric: str = "value", **kwargs: Any) -> "Axes":
        """Line chart per group: ``metric="value"`` (with the moving average), ``"mom"``, ``"yoy"`` or ``"seasonal_index"``.

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"month": ["2026-01", "2026-02", "2026-03"], "sales": [1.0, 2.0, 3.0]})
        >>> timeseries(df, window=2).plot().get_title()
        '销售额的时间序列（实际、2 个月移动平均）'
        """
        if metric not in _METRIC_COLUMNS:
            raise BadSpecError(f"参数 metric = {metric!r} 不对。请从 {', '.join(_METRIC_COLUMNS)} 中选择。",
                               f"Parameter metric = {metric!r} is invalid. Choose one of {', '.join(_METRIC_COLUMNS)}.",
                               column="metric")
        return _plot_ts(self, metric, ax)


def timeseries(df: pd.DataFrame, *, value: str = "sales", by: str | list[str] | None = None, window: int = 3,
               month: str = "month") -> TimeSeriesResult:
    """Month-on-month, year-on-year, moving average and seasonal index of *value*.

    Parameters
    ----------
    df : DataFrame
        Monthly rows; several rows of one month (and group) are summed.
    value : str, default "sales"
        The column analysed.
    by : str, list of str or None
        One series per group; None sums everything into one series.
    window : int, default 3
        Months in the moving average (1..24).
    month : str
        The month column (``YYYY-MM``).

    Returns
    -------
    TimeSeriesResult
        ``.table`` (``value, mom, yoy, moving_average, seasonal_index``),
        ``.seasonality`` and ``.plot()``.

    Examples
    --------
    >>> import kamlab as kl
    >>> df = kl.datasets.load("retail_sales")
    >>> ts = kl.review.timeseries(df[df["retailer"] == "ABC零售"], window=3)
    >>> ts.table.shape, ts.table.index[-1]
    ((24, 5), '2026-10')
    >>> s = ts.seasonality["all"]
    >>> bool(s.loc[1] > 1 > s.loc[6]), round(float(s.mean()), 6)
    (True, 1.0)
    """
    keys = group_columns(by)
    window = whole_number(window, "window", 1, 24)
    wide = wide_by_month(df, value, keys, month)
    moy = wide.index.str[5:7].astype(int)
    seasonal = wide.groupby(moy).mean() / wide.mean()
    seasonal.index.name = "month_of_year"
    parts = {
        "value": wide,
        "mom": wide / _shift(wide, 1) - 1,
        "yoy": wide / _shift(wide, 12) - 1,
        "moving_average": wide.rolling(window, min_periods=window).mean(),
        "seasonal_index": seasonal.reindex(moy).set_axis(wide.index),
    }
    table = long_table(parts, keys)
    return TimeSeriesResult(table=table, seasonality=seasonal, value=value, by=tuple(keys), window=window)


def _value_name(value: str) -> str:
    return localized({"sales": "销售额", "units": "销量"}.get(value, value), value)


@styled
def _plot_ts(res: TimeSeriesResult, metric: str, ax: "Axes | None") -> "Axes":
    from matplotlib.ticker import PercentFormatter

    t = res.table
    fig, ax = new_axes(ax, figsize=(9.0, 4.5))
    if metric == "seasonal_index":   # one point per calendar month, one line per group
        s = res.seasonality
        for col in list(s.columns)[:8]:
            ax.plot(s.index.to_numpy(), s[col].to_numpy(dtype=float), marker="o",
                    label=MSGS.label("seasonal_index") if not res.by else group_label(col))
        ax.axhline(1, color="#333333", linewidth=0.8, linestyle="--")
        ax.set_xticks(np.arange(1, 13))
        ax.set_xticklabels([MSGS("moy", m=m) for m in range(1, 13)], fontsize=8)
        ax.legend(loc="best", fontsize=8)
        ax.set_title(MSGS("ts_title", value=_value_name(res.value), what=MSGS.label("seasonal_index")))
        return ax
    if res.by:
        groups = t.index.droplevel("month").unique()
        for g in groups[:8]:
            part = t.xs(g if isinstance(g, tuple) else (g,), level=list(res.by)) if len(res.by) > 1 \
                else t.xs(g, level=res.by[0])
            ax.plot(np.arange(len(part)), part[metric].to_numpy(dtype=float), marker=".", label=group_label(g))
        months = list(part.index)
    else:
        months = list(t.index)
        ax.plot(np.arange(len(t)), t[metric].to_numpy(dtype=float), marker="o", color="#4C72B0",
                label=MSGS.label(metric) if metric != "moving_average" else MSGS("moving_average", w=res.window))
        if metric == "value":
            ax.plot(np.arange(len(t)), t["moving_average"].to_numpy(dtype=float), color="#C44E52",
                    linewidth=2, label=MSGS("moving_average", w=res.window))
    if metric in ("mom", "yoy"):
        ax.axhline(0, color="#333333", linewidth=0.8)
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    if metric == "seasonal_index":
        ax.axhline(1, color="#333333", linewidth=0.8, linestyle="--")
    step = max(1, len(months) // 12)
    ax.set_xticks(np.arange(0, len(months), step))
    ax.set_xticklabels(months[::step], rotation=45, ha="right", fontsize=8)
    ax.legend(loc="best", fontsize=8)
    name = _value_name(res.value)
    what = MSGS.label(metric) if metric != "value" else \
        localized(f"{MSGS.label('value')}、{MSGS('moving_average', w=res.window)}",
                  f"{MSGS.label('value')}, {MSGS('moving_average', w=res.window)}")
    if metric == "moving_average":
        what = MSGS("moving_average", w=res.window)
    ax.set_title(MSGS("ts_title", value=name, what=what))
    ax.set_xlabel(MSGS("month"))
    return ax
