"""A simple, documented sales forecast (销售预测): :func:`forecast` and its methods.

Examples
--------
>>> import pandas as pd
>>> months = [f"2025-{m:02d}" for m in range(1, 13)]
>>> df = pd.DataFrame({"month": months, "sales": [float(m) for m in range(1, 13)]})
>>> forecast(df, horizon=2).table["forecast"].tolist()
[1.0, 2.0]
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
from ._common import group_columns, group_label, shift_month, whole_number
from ._timeseries import long_table, wide_by_month

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["ForecastResult", "forecast", "FORECAST_METHODS"]

#: Forecast methods and what each does.
FORECAST_METHODS: dict[str, tuple[str, str]] = {
    "seasonal_naive": ("季节性朴素法：预测值 = 去年同月的实际值",
                       "Seasonal naive: forecast = the actual of the same month last year"),
    "seasonal_growth": ("季节性增长法：预测值 = 去年同月 × (1 + 最近 window 个月的同比增长率)",
                        "Seasonal growth: forecast = same month last year × (1 + YoY growth of the latest "
                        "window months)"),
    "moving_average": ("移动平均法：预测值 = 最近 window 个月的平均值（不考虑季节）",
                       "Moving average: forecast = the mean of the latest window months (ignores the season)"),
}

MSGS = Messages({
    "value": ("实际", "Actual"),
    "forecast": ("预测", "Forecast"),
    "fc_title": ("未来 {h} 个月预测：{method}", "{h}-month forecast: {method}"),
    "month": ("月份", "Month"),
})


@dataclass(frozen=True)
class ForecastResult(TableResult):
    """A simple forecast (``kl.review.forecast``).

    Attributes
    ----------
    table : DataFrame
        Index ``month`` (the future months; ``(*by, month)`` with groups);
        columns ``forecast``, ``method`` and ``window`` (how it was made).
    method : str
        One of :data:`FORECAST_METHODS`.
    horizon, window : int
    value : str
    by : tuple of str
    history : DataFrame
        The monthly actuals the forecast starts from (months × groups).
    """

    method: str = "seasonal_naive"
    horizon: int = 3
    window: int = 3
    value: str = "sales"
    by: tuple[str, ...] = ()
    history: pd.DataFrame = field(default_factory=pd.DataFrame)

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """The last 24 months of actuals and the forecast (dashed).

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"month": ["2026-01", "2026-02", "2026-03"], "sales": [1.0, 2.0, 3.0]})
        >>> forecast(df, method="moving_average", horizon=2).plot().get_title()
        '未来 2 个月预测：移动平均法'
        """
        return _plot_fc(self, ax)


def forecast(df: pd.DataFrame, *, horizon: int = 3, method: str = "seasonal_naive", value: str = "sales",
             window: int = 3, by: str | list[str] | None = None, month: str = "month") -> ForecastResult:
    """Forecast the next *horizon* months with a simple, explainable method.

    Parameters
    ----------
    df : DataFrame
        Monthly rows (summed per month and group).
    horizon : int, default 3
        Months ahead (1..12), starting the month after the data's last month.
    method : {"seasonal_naive", "seasonal_growth", "moving_average"}
        - ``seasonal_naive``: ``ŷ(m) = y(m − 12)``, the same month last year
          (needs the last 12 months);
        - ``seasonal_growth``: ``ŷ(m) = y(m − 12) × (1 + g)`` with ``g = Σ y
          of the latest window months ÷ Σ y of the same months a year
          earlier − 1`` (needs 12 + window months);
        - ``moving_average``: ``ŷ(m) = mean of the latest window months``,
          the same for every month ahead (ignores the season).
    value : str
    window : int, default 3
        Months used by ``seasonal_growth`` and ``moving_average`` (1..12).
    by : str, list of str or None
        One forecast per group.
    month : str

    Returns
    -------
    ForecastResult

    Raises
    ------
    BadSpecError
        Unknown method, bad horizon/window, or too little history for the method.

    Examples
    --------
    >>> import pandas as pd
    >>> months = [f"2025-{m:02d}" for m in range(1, 13)]
    >>> df = pd.DataFrame({"month": months, "sales": [float(m) for m in range(1, 13)]})
    >>> forecast(df, horizon=2, method="seasonal_naive").table["forecast"].tolist()
    [1.0, 2.0]
    >>> forecast(df, horizon=2, method="moving_average", window=3).table
             forecast          method  window
    month
    2026-01      11.0  moving_average       3
    2026-02      11.0  moving_average       3
    """
    if method not in FORECAST_METHODS:
        raise BadSpecError(
            f"参数 method = {method!r} 不对。请从 {'、'.join(FORECAST_METHODS)} 中选择。",
            f"Parameter method = {method!r} is invalid. Choose one of: {', '.join(FORECAST_METHODS)}.",
            column="method")
    horizon = whole_number(horizon, "horizon", 1, 12)
    window = whole_number(window, "window", 1, 12)
    keys = group_columns(by)
    wide = wide_by_month(df, value, keys, month)
    last = wide.index[-1]
    future = [shift_month(last, k) for k in range(1, horizon + 1)]
    need = {"seasonal_naive": 12, "seasonal_growth": 12 + window, "moving_average": window}[method]
    recent = wide.iloc[-need:]
    if len(wide) < need or recent.isna().any().any():
        raise BadSpecError(
            f"预测方法 {method} 需要最近连续 {need} 个月的完整数据，但数据只有 {len(wide)} 个月（或中间有空缺的月份）。"
            "请换一种方法，或减小 window。",
            f"Method {method} needs the latest {need} consecutive months without gaps, but the data have "
            f"{len(wide)} months (or a gap). Choose another method or a smaller window.",
            column="method")
    if method == "moving_average":
        level = wide.iloc[-window:].mean()
        fc = pd.DataFrame([level.to_numpy()] * horizon, index=future, columns=wide.columns)
    else:
        base = wide.loc[[shift_month(m, -12) for m in future]].set_axis(future)
        if method == "seasonal_growth":
            g = wide.iloc[-window:].sum() / wide.iloc[-12 - window:-12].sum() - 1
            base = base * (1 + g)
        fc = base
    fc.index.name = "month"
    table = long_table({"forecast": fc}, keys)
    table["method"] = method          # the table says how it was made (it is what a notebook records)
    table["window"] = window
    return ForecastResult(table=table, method=method, horizon=horizon, window=window, value=value,
                          by=tuple(keys), history=wide)


@styled
def _plot_fc(res: ForecastResult, ax: "Axes | None") -> "Axes":
    hist = res.history.iloc[-24:]
    fig, ax = new_axes(ax, figsize=(9.0, 4.5))
    n = len(hist)
    x_h = np.arange(n)
    x_f = np.arange(n, n + res.horizon)
    months = list(hist.index) + [shift_month(hist.index[-1], k) for k in range(1, res.horizon + 1)]
    for j, col in enumerate(list(hist.columns)[:8]):
        line = ax.plot(x_h, hist[col].to_numpy(dtype=float), marker=".",
                       label=MSGS("value") if not res.by else group_label(col))[0]
        if res.by:
            fc = res.table.xs(col if isinstance(col, tuple) else (col,), level=list(res.by))["forecast"]
        else:
            fc = res.table["forecast"]
        ax.plot(np.r_[x_h[-1], x_f], np.r_[hist[col].to_numpy(dtype=float)[-1], fc.to_numpy(dtype=float)],
                linestyle="--", marker="o", color=line.get_color(),
                label=MSGS("forecast") if not res.by else None)
    ax.axvspan(n - 0.5, n + res.horizon - 0.5, color="#EEEEEE", zorder=0)
    step = max(1, len(months) // 12)
    ax.set_xticks(np.arange(0, len(months), step))
    ax.set_xticklabels(months[::step], rotation=45, ha="right", fontsize=8)
    ax.legend(loc="best", fontsize=8)
    zh, en = FORECAST_METHODS[res.method]
    method = localized(zh.split("：")[0], en.split(":")[0])
    ax.set_title(MSGS("fc_title", h=res.horizon, method=method))
    ax.set_xlabel(MSGS("month"))
    return ax
