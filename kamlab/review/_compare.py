"""The three comparisons of seed 003 (销售分析方法 — 类比分析法): :func:`compare`.

比例分析 (ratio: each part's share of the whole), 纵向类比分析 (vertical: the
same subject against its own past — the previous period and the same period
last year), 横向类比分析 (horizontal: against peers in the same period).

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"month": "2026-10", "retailer": ["A", "B"], "sales": [3.0, 1.0]})
>>> compare(df, by="retailer", kind="ratio").table["share"].tolist()
[0.75, 0.25]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages, localized
from .._plotting import new_axes, styled
from .._result import TableResult
from .._validate import require_table
from ._common import (amount_column, check_table, group_columns, group_label, month_column, pick_months,
                      ratio, shift_month, whole_number)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["CompareResult", "compare", "COMPARE_KINDS"]

#: Kinds of comparison: 比例分析, 纵向类比, 横向类比.
COMPARE_KINDS = {"ratio": ("比例分析", "Ratio analysis"),
                 "vertical": ("纵向类比（与自己的过去比）", "Vertical comparison (against own past)"),
                 "horizontal": ("横向类比（与同行比）", "Horizontal comparison (against peers)")}

MSGS = Messages({
    "last_year": ("去年同期", "Last year"),
    "amount": ("金额", "Amount"),
    "share": ("占比", "Share"),
    "current": ("本期", "Current"),
    "previous": ("上期", "Previous"),
    "vs_average": ("相对平均（平均 = 1）", "Relative to the average (average = 1)"),
    "title": ("{kind}（按 {by}，{first}–{last}）", "{kind} (by {by}, {first} to {last})"),
})


@dataclass(frozen=True)
class CompareResult(TableResult):
    """A ratio, vertical or horizontal comparison (``kl.review.compare``).

    Attributes
    ----------
    table : DataFrame
        Index: the groups.  Columns by *kind*:

        - ``ratio``: ``value, share``;
        - ``vertical``: ``current, previous, change, change_rate, last_year, yoy``;
        - ``horizontal``: ``value, share, vs_average, rank, growth, growth_vs_total``.
    kind : str
    by : tuple of str
    months : tuple of str
        The current period.
    previous_months : tuple of str
        ``vertical`` only: the period before.
    """

    kind: str = "ratio"
    by: tuple[str, ...] = ()
    months: tuple[str, ...] = ()
    previous_months: tuple[str, ...] = ()

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Shares (ratio), current vs previous vs last year (vertical) or value vs the average (horizontal).

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"month": "2026-10", "retailer": ["A", "B"], "sales": [3.0, 1.0]})
        >>> compare(df, by="retailer", kind="ratio").plot().get_title()
        '比例分析（按 retailer，2026-10–2026-10）'
        """
        return _plot_compare(self, ax)


_DEFAULT_LY = "last_year_sales"


def compare(df: pd.DataFrame, *, by: str | list[str], kind: str = "ratio", value: str = "sales",
            period: Any = None, last_year: str | None = _DEFAULT_LY, month: str = "month") -> CompareResult:
    """Compare groups: 比例分析 (ratio), 纵向类比 (vertical) or 横向类比 (horizontal).

    Parameters
    ----------
    df : DataFrame
        Monthly rows.
    by : str or list of str
        The groups compared (e.g. ``"category"``, ``"retailer"``).
    kind : {"ratio", "vertical", "horizontal"}
        - ``ratio``: each group's *value* and its share of the total, over *period*;
        - ``vertical``: each group against its own past: *period* must be a
          number of months n (default 1): the latest n months (``current``)
          against the n months before (``previous``; ``change``,
          ``change_rate`` = current ÷ previous − 1) and against the same months
          last year (``last_year`` from the *last_year* column when given,
          else from the data 12 months earlier; ``yoy`` = current ÷ last_year − 1);
        - ``horizontal``: each group against its peers over *period*: ``share``,
          ``vs_average`` (value ÷ the mean of all groups), ``rank`` (1 = largest),
          ``growth`` (value ÷ last year − 1) and ``growth_vs_total`` (growth −
          the growth of all groups together).
    value, last_year, month : str
        Column names.  *last_year* is not used by ``ratio``; None, or the
        default name when the table has no such column, means "no last-year
        column".
    period : None, int, "YYYY-MM" or list of months
        As in :func:`scorecard`.

    Returns
    -------
    CompareResult

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"month": ["2026-09", "2026-10"] * 2, "retailer": ["A", "A", "B", "B"],
    ...     "sales": [10.0, 12.0, 30.0, 27.0], "last_year_sales": [8.0, 10.0, 30.0, 30.0]})
    >>> compare(df, by="retailer", kind="ratio", period=1).table
              value     share
    retailer
    A          12.0  0.307692
    B          27.0  0.692308
    >>> compare(df, by="retailer", kind="vertical").table[["current", "previous", "change_rate", "yoy"]]
              current  previous  change_rate  yoy
    retailer
    A            12.0      10.0          0.2  0.2
    B            27.0      30.0         -0.1 -0.1
    >>> compare(df, by="retailer", kind="horizontal", period=1).table[["vs_average", "rank", "growth_vs_total"]]
              vs_average  rank  growth_vs_total
    retailer
    A           0.615385     2              0.3
    B           1.384615     1              0.0
    """
    if kind not in COMPARE_KINDS:
        raise BadSpecError(
            f"参数 kind = {kind!r} 不对。请从 ratio（比例分析）、vertical（纵向类比）、horizontal（横向类比）中选择。",
            f"Parameter kind = {kind!r} is invalid. Choose ratio, vertical or horizontal.", column="kind")
    keys = group_columns(by)
    if not keys:
        raise BadSpecError("compare 需要分组列 by，例如 by=\"category\"。",
                           "compare needs a grouping column by, e.g. by=\"category\".", column="by")
    require_table(df, table="df")
    if kind == "ratio" or (last_year == _DEFAULT_LY and last_year not in df.columns):
        last_year = None   # not needed, or the default column is simply not there
    check_table(df, [month, value, *keys] + ([last_year] if last_year else []), table="df")
    months_all = month_column(df, month, table="df")
    values = amount_column(df, value, table="df")
    ly = amount_column(df, last_year, table="df") if last_year else None
    frame = pd.concat([df[keys], values.rename("value")], axis=1)
    if ly is not None:
        frame["last_year"] = ly
    frame["_month"] = months_all
    by_month = frame.groupby([*keys, "_month"], sort=True)[[c for c in frame.columns
                                                           if c not in (*keys, "_month")]].sum()
    if kind == "vertical":
        return _vertical(by_month, keys, months_all, period, ly is not None)
    months = pick_months(months_all, period)
    cur = by_month[by_month.index.get_level_values("_month").isin(months)].groupby(level=keys).sum()
    groups = by_month.groupby(level=keys).sum().index
    cur = cur.reindex(groups, fill_value=0.0)
    total = float(cur["value"].sum())
    if kind == "ratio":
        table = pd.DataFrame({"value": cur["value"].astype(float), "share": ratio(cur["value"], total)},
                             index=cur.index)
        return CompareResult(table=table, kind=kind, by=tuple(keys), months=months)
    table = pd.DataFrame({"value": cur["value"].astype(float)}, index=cur.index)
    table["share"] = ratio(table["value"], total)
    table["vs_average"] = ratio(table["value"], float(table["value"].mean()))
    order = np.lexsort((np.arange(len(table)), -table["value"].to_numpy()))
    rank = np.empty(len(table), dtype=np.int64)
    rank[order] = np.arange(1, len(table) + 1)
    table["rank"] = rank
    if ly is not None:
        table["growth"] = ratio(cur["value"], cur["last_year"]) - 1
        total_growth = ratio(total, float(cur["last_year"].sum())) - 1
        table["growth_vs_total"] = table["growth"] - float(total_growth)
    return CompareResult(table=table, kind=kind, by=tuple(keys), months=months)


def _vertical(by_month: pd.DataFrame, keys: list[str], months_all: pd.Series, period: Any,
              has_ly: bool) -> CompareResult:
    present = sorted(set(months_all))
    n = 1 if period is None else period
    n = whole_number(n, "period", 1, max(1, len(present) // 2))
    cur_m = tuple(present[-n:])
    prev_m = tuple(shift_month(m, -n) for m in cur_m)
    groups = by_month.groupby(level=keys).sum().index

    def total(months: tuple[str, ...], column: str) -> pd.Series:
        sel = by_month[by_month.index.get_level_values("_month").isin(months)]
        return sel.groupby(level=keys)[column].sum().reindex(groups, fill_value=0.0).astype(float)

    table = pd.DataFrame({"current": total(cur_m, "value"), "previous": total(prev_m, "value")})
    table["change"] = table["current"] - table["previous"]
    table["change_rate"] = ratio(table["current"], table["previous"]) - 1
    if has_ly:
        table["last_year"] = total(cur_m, "last_year")
    else:
        ly_m = tuple(shift_month(m, -12) for m in cur_m)
        known = set(present)
        table["last_year"] = total(ly_m, "value") if all(m in known for m in ly_m) else np.nan
    table["yoy"] = ratio(table["current"], table["last_year"]) - 1
    return CompareResult(table=table, kind="vertical", by=tuple(keys), months=cur_m, previous_months=prev_m)


@styled
def _plot_compare(res: CompareResult, ax: "Axes | None") -> "Axes":
    from matplotlib.ticker import PercentFormatter

    t = res.table
    labels = [group_label(g) for g in t.index]
    fig, ax = new_axes(ax, figsize=(max(6.0, min(14.0, 1.1 * len(labels) + 2)), 4.5))
    x = np.arange(len(t))
    if res.kind == "ratio":
        ax.bar(x, t["share"].to_numpy(), color="#4C72B0")
        for xi, s in zip(x, t["share"].to_numpy()):
            ax.text(xi, s, f"{s:.1%}", ha="center", va="bottom", fontsize=9)
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylabel(MSGS("share"))
    elif res.kind == "vertical":
        w = 0.27
        ax.bar(x - w, t["current"].to_numpy(), w, label=MSGS("current"), color="#4C72B0")
        ax.bar(x, t["previous"].to_numpy(), w, label=MSGS("previous"), color="#BBBBBB")
        ax.bar(x + w, np.nan_to_num(t["last_year"].to_numpy(dtype=float)), w, label=MSGS("last_year"),
               color="#DD8452")
        ax.legend(loc="best", fontsize=9)
        ax.set_ylabel(MSGS("amount"))
    else:
        v = t["vs_average"].to_numpy()
        ax.bar(x, v, color=["#4C72B0" if a >= 1 else "#C44E52" for a in v])
        ax.axhline(1.0, color="#333333", linestyle="--", linewidth=1)
        ax.set_ylabel(MSGS("vs_average"))
    ax.set_xticks(x)
    ax.set_xticklabels(labels, rotation=30 if len(labels) > 6 else 0, ha="right" if len(labels) > 6 else "center")
    ax.set_title(MSGS("title", kind=localized(*COMPARE_KINDS[res.kind]),
                      by=" + ".join(res.by), first=res.months[0], last=res.months[-1]))
    return ax
