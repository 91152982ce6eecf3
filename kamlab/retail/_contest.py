"""Sales contests (产品的销售竞赛): single-store and clerk rankings by sales or growth.

Seed 001 part 2, 十: an all-product single-store contest ranks stores by
their growth over last month's sales (需要连锁药店支持); a clerk contest
ranks the target clerks by absolute sales or by growth rate.  Per entrant
(*by*: ``store_id``, ``clerk_id`` ...), for ``month`` (default the latest)
against the month before:

* ``units`` and ``last_units``; ``increase`` = units − last_units
  (增长量); ``growth`` = units / last_units − 1 (NaN when last month sold
  nothing: growth cannot be measured, ranked last);
* ``score`` = the chosen *metric*: ``"units"`` (absolute sales),
  ``"increase"`` or ``"growth"``; ``rank`` 1 = best, ties broken by id.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"store_id": ["A", "A", "B", "B", "C", "C"], "month": ["2026-09", "2026-10"] * 3,
...                    "units_sold": [100, 120, 50, 75, 200, 190]})
>>> contest(df, metric="growth").table[["units", "last_units", "growth", "rank"]]
          units  last_units  growth  rank
store_id
B            75          50    0.50     1
A           120         100    0.20     2
C           190         200   -0.05     3
>>> contest(df, metric="units").table.index.tolist()
['C', 'A', 'B']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._result import TableResult
from .._validate import numeric_column, one_of, require_columns, require_table
from ._common import month_column, no_duplicates, not_negative, text_column

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["METRICS", "ContestResult", "contest", "example_clerks"]

#: Ranking metrics: absolute sales, increase over last month, growth rate.
METRICS = ("units", "increase", "growth")

MSGS = Messages({
    "units": ("本月销量（盒）", "Units this month"),
    "increase": ("比上月增长量（盒）", "Increase over last month (units)"),
    "growth": ("比上月增长率", "Growth over last month"),
    "title": ("销售竞赛排名（{month}，按{metric}，前 {n} 名）", "Sales contest ranking ({month}, by {metric}, top {n})"),
    "no_month": ("月份 '{month}' 不在数据里，或它没有上一个月可比。数据中的月份：{first} … {last}。",
                 "Month '{month}' is not in the data or has no previous month to compare. The data covers "
                 "{first} … {last}."),
    "one_month": ("数据只有一个月份，无法和上月比较。请提供至少两个月的数据。",
                  "The data has one month only; there is nothing to compare with. Provide at least two months."),
    "chain": ("连锁 '{chain}' 不在数据里。数据中的连锁：{known}。", "Chain '{chain}' is not in the data. Chains: {known}."),
    "min_last": ("min_last = {value!r} 不对：应是不小于 0 的销量（盒）。",
                 "min_last = {value!r} is invalid: use a number of units ≥ 0."),
    "top": ("top = {value!r} 不对：应是正整数。", "top = {value!r} is invalid: use a positive whole number."),
})


@dataclass(frozen=True, repr=False)
class ContestResult(TableResult):
    """The outcome of :func:`contest`: ``table`` sorted by rank, indexed by the entrant."""

    metric: str = "units"
    month: str = ""
    previous: str = ""

    def winners(self, n: int = 3) -> list[str]:
        """The ids of the *n* best-ranked entrants."""
        return [str(i) for i in self.table.index[:n]]

    @styled
    def plot(self, ax: "Axes | None" = None, n: int = 10, **kwargs: Any) -> "Axes":
        """Horizontal bars of the top *n* entrants' scores.

        Examples
        --------
        >>> import kamlab as kl
        >>> contest(kl.datasets.load("sellout"), chain="C22").plot().get_xlabel()
        '本月销量（盒）'
        """
        t = self.table.head(n)
        fig, ax = new_axes(ax, figsize=(6.5, 0.35 * len(t) + 1.5))
        y = np.arange(len(t))[::-1]
        ax.barh(y, t["score"].fillna(0), color="#4C72B0")
        ax.set_yticks(y, [f"{r:.0f}. {i}" for i, r in zip(t.index, t["rank"])], fontsize=8)
        ax.set_xlabel(MSGS.label(self.metric))
        ax.set_title(MSGS("title", month=self.month, metric=MSGS.label(self.metric), n=len(t)), fontsize=10)
        return ax


def contest(df: pd.DataFrame, *, by: str = "store_id", metric: str = "units", month: str | None = None,
            chain: str | None = None, value: str = "units_sold", top: int | None = None,
            min_last: float = 0) -> ContestResult:
    """Rank stores (or clerks) for a sales contest by units, increase or growth over last month.

    Parameters
    ----------
    df : DataFrame
        Rows of *by*, ``month`` (YYYY-MM) and *value* (e.g. the sell-out data
        or :func:`example_clerks`); one row per entrant and month.
    by : str
        The entrant column: ``"store_id"`` (single-store contest),
        ``"clerk_id"`` (clerk contest).
    metric : {"units", "increase", "growth"}
    month : str, optional
        The contest month (default the latest); compared with the month
        before it in the data.
    chain : str, optional
        Keep one chain's rows (needs a ``chain_id`` column).
    top : int, optional
        Keep the *top* best-ranked entrants.
    min_last : float
        Growth is measured only for entrants that sold at least this much
        last month (a small base makes a large growth rate easy); the others
        get NaN growth and rank last on growth.  Kept in the table.

    Returns
    -------
    ContestResult

    Examples
    --------
    >>> import kamlab as kl
    >>> res = contest(kl.datasets.load("sellout"), chain="C22", metric="growth", min_last=30, top=3)
    >>> res.table[["units", "last_units", "growth", "rank"]].round(3)
              units  last_units  growth  rank
    store_id
    S0641        81          45   0.800     1
    S0653        49          42   0.167     2
    S0662        66          62   0.065     3
    """
    require_table(df, table="sales")
    metric = one_of(metric, METRICS, "metric")
    require_columns(df, [by, "month", value] + (["chain_id"] if chain is not None else []), table="sales")
    if top is not None and (isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1):
        raise BadSpecError(*MSGS.both("top", value=top), column="top")
    if isinstance(min_last, bool) or not isinstance(min_last, (int, float, np.integer, np.floating)) \
            or not 0 <= min_last < np.inf:
        raise BadSpecError(*MSGS.both("min_last", value=min_last), column="min_last")
    units = numeric_column(df, value, table="sales")
    not_negative(units, value, table="sales")
    months = month_column(df, "month", table="sales")
    no_duplicates(pd.concat([df[[by]], months], axis=1), [by, "month"], table="sales")
    frame = pd.DataFrame({"id": text_column(df[by]), "month": months, "units": units},
                         index=df.index)
    if chain is not None:
        ids = text_column(df["chain_id"])
        known_chains = sorted(ids.unique())
        if str(chain).strip() not in known_chains:
            raise BadValueError(*MSGS.both("chain", chain=chain, known="、".join(known_chains)),
                                column="chain_id")
        frame = frame[ids == str(chain).strip()]
    known = sorted(frame["month"].unique())
    if len(known) < 2:
        raise BadValueError(*MSGS.both("one_month"), column="month")
    month = known[-1] if month is None else str(month).strip()
    if month not in known[1:]:
        raise BadValueError(*MSGS.both("no_month", month=month, first=known[0], last=known[-1]), column="month")
    previous = known[known.index(month) - 1]
    wide = frame[frame["month"].isin([month, previous])].pivot(index="id", columns="month", values="units")
    wide = wide.reindex(columns=[previous, month]).fillna(0.0)
    cur, last = wide[month].to_numpy(), wide[previous].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        base_ok = (last > 0) & (last >= min_last)
        growth = np.where(base_ok, cur / np.where(last > 0, last, 1) - 1, np.nan)
    out = pd.DataFrame({"units": cur.astype("int64") if np.all(cur == np.rint(cur)) else cur,
                        "last_units": last.astype("int64") if np.all(last == np.rint(last)) else last,
                        "increase": cur - last, "growth": growth}, index=wide.index)
    out["score"] = out[metric].astype(float)
    out["metric"] = metric
    out["min_last"] = float(min_last)
    order = pd.DataFrame({"neg": -out["score"].fillna(-np.inf).to_numpy(),
                          "nan": out["score"].isna().to_numpy(), "key": out.index.to_numpy()})
    order = order.sort_values(["nan", "neg", "key"], kind="stable")
    out = out.iloc[order.index.to_numpy()]
    out["rank"] = np.arange(1, len(out) + 1)
    out.index.name = by
    if top is not None:
        out = out.head(int(top))
    return ContestResult(table=out, metric=metric, month=month, previous=previous)


def example_clerks(variant: int = 0) -> pd.DataFrame:
    """A deterministic clerk sales table: 12 target clerks in 4 stores over 2 months (seeded).

    Examples
    --------
    >>> example_clerks().head(2)
      clerk_id store_id    month  units_sold
    0      K01      T01  2026-09          22
    1      K01      T01  2026-10          26
    """
    rng = np.random.default_rng(9500 + int(variant))
    n = 12
    last = rng.integers(20, 80, size=n)
    cur = np.rint(last * rng.uniform(0.7, 1.5, size=n)).astype(int)
    clerks = [f"K{i + 1:02d}" for i in range(n)]
    stores = [f"T{i // 3 + 1:02d}" for i in range(n)]
    return pd.DataFrame({"clerk_id": np.repeat(clerks, 2), "store_id": np.repeat(stores, 2),
                         "month": ["2026-09", "2026-10"] * n,
                         "units_sold": np.column_stack([last, cur]).reshape(-1)})
