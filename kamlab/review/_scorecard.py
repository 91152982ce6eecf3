"""The scorecard of seed 003: actual vs target vs last year, by group (workshop: ABC零售商 Scorecard).

The three comparisons (比例 / 纵向 / 横向类比) are :func:`~kamlab.review.compare`.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"month": ["2026-09", "2026-10", "2026-09", "2026-10"],
...     "category": ["感冒止咳", "感冒止咳", "皮肤外用", "皮肤外用"],
...     "sales": [60.0, 90.0, 30.0, 20.0], "target": [50.0, 100.0, 25.0, 25.0],
...     "last_year_sales": [40.0, 80.0, 25.0, 25.0]})
>>> sc = scorecard(df, by="category")
>>> sc.table[["actual", "target", "achievement", "growth"]]
          actual  target  achievement  growth
category
感冒止咳     150.0   150.0          1.0    0.25
皮肤外用      50.0    50.0          1.0    0.00
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._i18n import Messages
from .._plotting import new_axes, styled
from .._result import TableResult
from ._common import amount_column, check_table, group_columns, group_label, month_column, pick_months, ratio

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["ScorecardResult", "scorecard"]
MSGS = Messages({
    "actual": ("实际", "Actual"),
    "target": ("目标", "Target"),
    "last_year": ("去年同期", "Last year"),
    "sc_title": ("记分卡（按 {by}，{first}–{last}）", "Scorecard (by {by}, {first} to {last})"),
    "all": ("全部", "all"),
    "amount": ("金额", "Amount"),
})

@dataclass(frozen=True)
class ScorecardResult(TableResult):
    """Actual vs target vs last year per group (``kl.review.scorecard``).

    Attributes
    ----------
    table : DataFrame
        Index: the groups (``"all"`` when ``by=None``); columns ``actual,
        target, last_year, gap`` (actual − target), ``achievement`` (actual ÷
        target), ``growth`` (actual ÷ last year − 1), ``share`` (actual ÷ the
        total actual).  Ratios are NaN where the denominator is 0.
    total : Series
        The same columns for all groups together.
    by : tuple of str
    months : tuple of str
        The months summed.
    """

    total: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))
    by: tuple[str, ...] = ()
    months: tuple[str, ...] = ()

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Bars of actual, target and last year per group, achievement written above.

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"month": "2026-10", "category": ["A", "B"], "sales": [9.0, 4.0],
        ...     "target": [10.0, 5.0], "last_year_sales": [8.0, 5.0]})
        >>> scorecard(df, by="category").plot().get_title()
        '记分卡（按 category，2026-10–2026-10）'
        """
        return _plot_scorecard(self, ax)


def _amounts(df: pd.DataFrame, columns: dict[str, str | None], *, table: str) -> pd.DataFrame:
    return pd.DataFrame({k: amount_column(df, c, table=table) for k, c in columns.items() if c is not None},
                        index=df.index)


def _sum_by(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    if not keys:
        out = frame.drop(columns=[c for c in frame.columns if c in keys]).sum(numeric_only=True).to_frame("all").T
        out.index.name = None
        return out
    return frame.groupby(keys, sort=True)[[c for c in frame.columns if c not in keys]].sum()


def scorecard(df: pd.DataFrame, *, by: str | list[str] | None = "category", period: Any = None,
              actual: str = "sales", target: str = "target", last_year: str = "last_year_sales",
              month: str = "month") -> ScorecardResult:
    """The scorecard: actual vs target vs last year, achievement and growth per group.

    Parameters
    ----------
    df : DataFrame
        Monthly rows (e.g. ``kl.datasets.load("retail_sales")``), one or more per group and month.
    by : str, list of str or None, default "category"
        Grouping columns; None gives one row ``"all"``.
    period : None, int, "YYYY-MM" or list of months
        None: every month; n: the latest n months (3 = the latest quarter).
    actual, target, last_year, month : str
        Column names.

    Returns
    -------
    ScorecardResult
        ``.table`` with ``actual, target, last_year, gap, achievement, growth,
        share``; ``.total``; ``.plot()``.

    Raises
    ------
    MissingColumnError, BadValueError, BadSpecError, EmptyTableError
        Missing or misspelt column, text / NaN / negative amounts, a bad
        month, a bad *by* or *period*; the message names column and row.

    Examples
    --------
    >>> import kamlab as kl
    >>> df = kl.datasets.load("retail_sales")
    >>> abc = df[df["retailer"] == "ABC零售"]
    >>> sc = kl.review.scorecard(abc, by="category", period=3)
    >>> sc.months
    ('2026-08', '2026-09', '2026-10')
    >>> sc.table["achievement"].idxmin()
    '肠胃消化'
    >>> round(float(sc.total["share"]), 6)
    1.0
    """
    keys = group_columns(by)
    check_table(df, [month, actual, target, last_year, *keys], table="df")
    months_all = month_column(df, month, table="df")
    months = pick_months(months_all, period)
    amounts = _amounts(df, {"actual": actual, "target": target, "last_year": last_year}, table="df")
    keep = months_all.isin(months).to_numpy()
    frame = pd.concat([df.loc[keep, keys], amounts.loc[keep]], axis=1)
    sums = _sum_by(frame, keys)
    table = _score_columns(sums, float(sums["actual"].sum()))
    total = _score_columns(sums.sum().to_frame("total").T, float(sums["actual"].sum())).iloc[0]
    return ScorecardResult(table=table, total=total, by=tuple(keys), months=months)


def _score_columns(sums: pd.DataFrame, grand: float) -> pd.DataFrame:
    out = sums[["actual", "target", "last_year"]].astype(float).copy()
    out["gap"] = out["actual"] - out["target"]
    out["achievement"] = ratio(out["actual"], out["target"])
    out["growth"] = ratio(out["actual"], out["last_year"]) - 1
    out["share"] = ratio(out["actual"], grand)
    return out


@styled
def _plot_scorecard(res: ScorecardResult, ax: "Axes | None") -> "Axes":
    t = res.table
    labels = [group_label(g) for g in t.index]
    fig, ax = new_axes(ax, figsize=(max(6.0, min(14.0, 1.3 * len(labels) + 2)), 4.5))
    x = np.arange(len(t))
    w = 0.27
    ax.bar(x - w, t["actual"].to_numpy(), w, label=MSGS("actual"), color="#4C72B0")
    ax.bar(x, t["target"].to_numpy(), w, label=MSGS("target"), color="#BBBBBB")
    ax.bar(x + w, t["last_year"].to_numpy(), w, label=MSGS("last_year"), color="#DD8452")
    top = np.nanmax(t[["actual", "target", "last_year"]].to_numpy(), axis=1)
    for xi, yi, a in zip(x, top, t["achievement"].to_numpy()):
        if np.isfinite(a):
            ax.text(xi, yi * 1.02, f"{a:.0%}", ha="center", va="bottom", fontsize=9,
                    color="#C44E52" if a < 1 else "#2F6B2F")
    ax.set_xticks(x)
    ax.set_xticklabels(labels, rotation=30 if len(labels) > 6 else 0, ha="right" if len(labels) > 6 else "center")
    ax.set_ylim(0, float(np.nanmax(top)) * 1.15 if len(top) else 1)
    ax.set_ylabel(MSGS("amount"))
    ax.legend(loc="best", fontsize=9)
    by = " + ".join(res.by) if res.by else MSGS("all")
    ax.set_title(MSGS("sc_title", by=by, first=res.months[0], last=res.months[-1]))
    return ax
