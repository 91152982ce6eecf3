"""Where a change in sales comes from: selling stores or sales per store (销售额 = 有售门店数 × 单店销售额).

Seed 003 阶段一, 业务底层逻辑: a result metric is the product of the process metrics under it, so a
result that falls is traced one level down.  For the latest *period* months against the same months a
year earlier (same season on both sides):

- sales growth      = sales ÷ sales a year earlier − 1;
- stores growth     = selling stores ÷ selling stores a year earlier − 1 (stores summed over the months);
- per-store growth  = (sales ÷ stores) ÷ (sales a year earlier ÷ stores a year earlier) − 1;
- so (1 + sales growth) = (1 + stores growth) × (1 + per-store growth), exactly;
- ``main`` is the driver that fell more: ``"stores"`` (门店覆盖: 断货、下架、铺货) or ``"per_store"``
  (单店销售: 陈列、店员推荐、价格、竞品).

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"month": ["2025-10", "2026-10"], "category": "肠胃消化",
...                    "sales": [100.0, 72.0], "stores": [100, 80]})
>>> t = drivers(df, period=1).table
>>> t[["sales_growth", "stores_growth", "per_store_growth"]].round(3).iloc[0].tolist()
[-0.28, -0.2, -0.1]
>>> t["main"].iloc[0]
'stores'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._result import TableResult
from ._common import amount_column, check_table, group_columns, group_label, month_column, pick_months, ratio, \
    shift_month

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["DriversResult", "drivers"]

MSGS = Messages({
    "title": ("销售额同比 = 有售门店数同比 × 单店销售额同比（{first}–{last}）",
              "Sales YoY = selling stores YoY × sales per store YoY ({first} to {last})"),
    "sales_growth": ("销售额同比", "Sales YoY"),
    "stores_growth": ("有售门店数同比", "Selling stores YoY"),
    "per_store_growth": ("单店销售额同比", "Sales per store YoY"),
    "no_last_year": ("数据里没有 {month} 的去年同月 {ly}：拆解需要最近 {n} 个月和它们一年前的同月。",
                     "The data have no {ly}, the month a year before {month}: the split needs the latest {n} "
                     "months and the same months a year earlier."),
})


@dataclass(frozen=True)
class DriversResult(TableResult):
    """Sales growth split into selling stores and sales per store (``kl.review.drivers``).

    Attributes
    ----------
    table : DataFrame
        One row per group: ``sales, sales_ly, stores, stores_ly, sales_growth, stores_growth,
        per_store_growth, main``.
    months : tuple of str
        The months compared with the same months a year earlier.
    """

    months: tuple[str, ...] = ()

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Bars of the three growth rates per group.

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"month": ["2025-10", "2026-10"], "category": "A", "sales": [10.0, 9.0],
        ...                    "stores": [10, 10]})
        >>> drivers(df, period=1).plot().get_title().startswith("销售额同比")
        True
        """
        return _plot_drivers(self, ax)


def drivers(df: pd.DataFrame, *, by: str | list[str] | None = "category", period: int = 3,
            sales: str = "sales", stores: str = "stores", month: str = "month") -> DriversResult:
    """Split each group's year-on-year sales growth into selling stores × sales per store.

    Parameters
    ----------
    df : DataFrame
        Monthly rows with *month*, *sales*, *stores* and the *by* columns (e.g. ABC零售's rows of
        ``retail_sales``); the latest *period* months and the same months a year earlier must be there.
    by : str, list of str or None, default "category"
        Grouping columns; None gives one row ``"all"``.
    period : int, default 3
        The latest *period* months (3 = the latest quarter).

    Returns
    -------
    DriversResult
        ``.table`` (see :class:`DriversResult`), ``.plot()``.

    Raises
    ------
    MissingColumnError, BadValueError, BadSpecError
        A missing column, a bad month or amount, or no data a year before the period.

    Examples
    --------
    >>> import kamlab as kl
    >>> abc = kl.datasets.load("retail_sales").query("retailer == 'ABC零售'")
    >>> t = kl.review.drivers(abc, period=3).table
    >>> t.loc["肠胃消化", "main"], bool(t.loc["肠胃消化", "stores_growth"] < -0.1)
    ('stores', True)
    >>> g = t.loc["肠胃消化"]
    >>> bool(abs((1 + g.sales_growth) - (1 + g.stores_growth) * (1 + g.per_store_growth)) < 1e-12)
    True
    """
    keys = group_columns(by)
    check_table(df, [month, sales, stores, *keys], table="df")
    months_all = month_column(df, month, table="df")
    now = pick_months(months_all, period)
    present = set(months_all)
    before = tuple(shift_month(m, -12) for m in now)
    for m, ly in zip(now, before):
        if ly not in present:
            raise BadSpecError(*MSGS.both("no_last_year", month=m, ly=ly, n=len(now)), column=month)
    frame = pd.DataFrame({"sales": amount_column(df, sales, table="df"),
                          "stores": amount_column(df, stores, table="df")}, index=df.index)
    for k in keys:
        frame[k] = df[k]
    parts = []
    for name, ms in (("", now), ("_ly", before)):
        rows = frame[months_all.isin(ms).to_numpy()]
        summed = rows.groupby(keys, sort=True)[["sales", "stores"]].sum() if keys else \
            rows[["sales", "stores"]].sum().to_frame("all").T
        parts.append(summed.add_suffix(name))
    t = pd.concat(parts, axis=1).fillna(0.0).astype(float)
    t["sales_growth"] = ratio(t["sales"], t["sales_ly"]) - 1
    t["stores_growth"] = ratio(t["stores"], t["stores_ly"]) - 1
    t["per_store_growth"] = ratio(ratio(t["sales"], t["stores"]), ratio(t["sales_ly"], t["stores_ly"])) - 1
    t["main"] = np.where(t["stores_growth"] <= t["per_store_growth"], "stores", "per_store")
    return DriversResult(table=t, months=now)


@styled
def _plot_drivers(res: DriversResult, ax: "Axes | None") -> "Axes":
    t = res.table
    fig, ax = new_axes(ax, figsize=(max(6.0, 1.4 * len(t) + 2), 4.0))
    x = np.arange(len(t))
    w = 0.27
    for i, (col, color) in enumerate((("sales_growth", "#4C72B0"), ("stores_growth", "#DD8452"),
                                      ("per_store_growth", "#55A868"))):
        ax.bar(x + (i - 1) * w, t[col].to_numpy(dtype=float), w, label=MSGS(col), color=color)
    ax.axhline(0, color="#333333", linewidth=0.8)
    ax.set_xticks(x)
    ax.set_xticklabels([group_label(g) for g in t.index])
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:.0%}")
    ax.legend(fontsize=8)
    ax.set_title(MSGS("title", first=res.months[0], last=res.months[-1]), fontsize=10)
    return ax
