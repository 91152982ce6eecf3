"""The 80/20 view (二八理论, seed 002): which few accounts produce most of the value.

Accounts are sorted by value, largest first (ties by id); the *head* is the
smallest set of top accounts whose cumulative share of the total reaches
*share* (default 0.8; shares within 1e-9 of it count as reaching it).

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"doctor_id": ["D1", "D2", "D3", "D4", "D5"],
...                    "monthly_rx_units": [50, 300, 100, 500, 50]})
>>> res = pareto(df, id_col="doctor_id", value="monthly_rx_units")
>>> res.table
           monthly_rx_units  share  cumulative_share  rank  in_head
doctor_id
D4                    500.0    0.5               0.5     1     True
D2                    300.0    0.3               0.8     2     True
D3                    100.0    0.1               0.9     3    False
D1                     50.0    0.05              0.95    4    False
D5                     50.0    0.05              1.0     5    False
>>> res.head_share, res.n_head
(0.4, 2)
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._result import TableResult
from .._validate import numeric_column, require_columns, require_table, require_unique

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["pareto", "ParetoResult", "PARETO_MSGS"]

_TOL = 1e-9
#: Bars drawn at most (the cumulative line always covers every account).
MAX_BARS = 200

PARETO_MSGS = Messages({
    "title": ("二八分析：前 {k} 个客户（{p:.0%}）贡献 {s:.0%} 的 {value}",
              "80/20 view: the top {k} accounts ({p:.0%}) give {s:.0%} of {value}"),
    "ylabel": ("{value}", "{value}"),
    "ylabel2": ("累计占比", "Cumulative share"),
    "xlabel": ("客户（按贡献从大到小）", "Accounts (largest first)"),
    "err_share": ("share 的取值 {value!r} 无效。请填写大于 0、不超过 1 的数字，例如 0.8。",
                  "share is {value!r}, which is not allowed. Use a number above 0 and at most 1, e.g. 0.8."),
    "err_negative": ("列 '{column}' 第 {row} 行的值 {v:g} 是负数。二八分析只用非负的贡献值，请更正或删除这一行。",
                     "Column '{column}', row {row}: value {v:g} is negative. The 80/20 view needs values >= 0; "
                     "correct or drop the row."),
    "err_zero": ("列 '{column}' 的合计为 0（第 {row} 行起全部为 0），无法计算占比。请换一个有贡献的数值列。",
                 "Column '{column}' sums to 0 (every row from row {row} is 0), so no share can be computed. "
                 "Use a column with some value."),
    "err_id_col": ("id_col 应是一个列名（文字），收到 {value!r}。",
                   "id_col must be a column name (text), got {value!r}."),
})


@dataclass(frozen=True, repr=False)
class ParetoResult(TableResult):
    """Result of :func:`pareto`.

    Attributes
    ----------
    table : DataFrame
        Index: id, largest value first.  Columns: the value column,
        ``share`` (of the total), ``cumulative_share``, ``rank`` and
        ``in_head`` (the smallest top set reaching *share*).
    value : str
        The value column.
    share : float
        The target share (0.8 for 80/20).
    n_head : int
        Number of accounts in the head.
    head_share : float
        ``n_head / n``: the fraction of accounts producing *share*.
    head_value_share : float
        The share of the total the head actually gives (≥ *share*).
    """

    value: str = ""
    share: float = 0.8
    n_head: int = 0
    head_share: float = 0.0
    head_value_share: float = 0.0

    @property
    def head(self) -> pd.Index:
        """Ids of the accounts in the head."""
        return self.table.index[: self.n_head]

    @styled
    def plot(self, ax: "Axes | None" = None) -> "Axes":
        """Bars of each account's value (largest first) and the cumulative-share line.

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"id": ["a", "b"], "v": [4, 1]})
        >>> pareto(df, id_col="id", value="v").plot().get_title()
        '二八分析：前 1 个客户（50%）贡献 80% 的 v'
        """
        t = self.table.head(MAX_BARS)
        fig, ax = new_axes(ax, figsize=(8.0, 4.5))
        x = np.arange(len(t))
        colours = np.where(t["in_head"].to_numpy(), "#c0392b", "#95a5a6")
        ax.bar(x, t[self.value].to_numpy(), width=0.9 if len(t) <= 40 else 1.0, color=colours, linewidth=0)
        if len(t) <= 40:
            ax.set_xticks(x, [str(i) for i in t.index], rotation=90, fontsize=7)
        else:
            ax.set_xticks([])
        ax.set_xlabel(PARETO_MSGS.label("xlabel"))
        ax.set_ylabel(PARETO_MSGS("ylabel", value=self.value))
        ax2 = ax.twinx()
        ax2.plot(x, t["cumulative_share"].to_numpy(), color="#2471a3", marker="o" if len(t) <= 40 else None,
                 markersize=3)
        ax2.axhline(self.share, color="#555555", linestyle="--", linewidth=1)
        if self.n_head <= len(t):
            ax2.axvline(self.n_head - 0.5, color="#555555", linestyle=":", linewidth=1)
        ax2.set_ylim(0, 1.05)
        ax2.set_ylabel(PARETO_MSGS.label("ylabel2"))
        ax2.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.set_title(PARETO_MSGS("title", k=self.n_head, p=self.head_share, s=self.head_value_share,
                                 value=self.value))
        fig.tight_layout()
        return ax


def pareto(df: pd.DataFrame, *, id_col: str, value: str, share: float = 0.8) -> ParetoResult:
    """Sort accounts by *value* and find the smallest top set giving *share* of the total.

    Parameters
    ----------
    df : DataFrame
        One row per account (not modified).
    id_col : str
        Column of unique ids.
    value : str
        Column of non-negative contributions (e.g. ``monthly_rx_units``).
    share : float
        Target share of the total, 0 < share ≤ 1 (default 0.8).

    Returns
    -------
    ParetoResult

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"id": ["a", "b", "c", "d"], "v": [70, 10, 10, 10]})
    >>> res = pareto(df, id_col="id", value="v")
    >>> list(res.head), res.head_share, res.head_value_share
    (['a', 'b'], 0.5, 0.8)
    """
    ok = isinstance(share, numbers.Real) and not isinstance(share, bool) and 0 < float(share) <= 1
    if not ok:
        raise BadSpecError(*PARETO_MSGS.both("err_share", value=share), column="share")
    require_table(df)
    if not isinstance(id_col, str):
        raise BadSpecError(*PARETO_MSGS.both("err_id_col", value=id_col), column="id_col")
    require_columns(df, [id_col, value])
    require_unique(df, id_col)
    vals = numeric_column(df, value)
    arr = vals.to_numpy(dtype=float)
    neg = arr < 0
    if neg.any():
        pos = int(neg.argmax())
        raise BadValueError(*PARETO_MSGS.both("err_negative", column=value, row=vals.index[pos], v=arr[pos]),
                            column=value, row=vals.index[pos])
    total = arr.sum()
    if not total > 0:
        raise BadValueError(*PARETO_MSGS.both("err_zero", column=value, row=vals.index[0]),
                            column=value, row=vals.index[0])
    ids = pd.Index(df[id_col].to_numpy(), name=id_col)
    try:
        codes, _ = pd.factorize(ids, sort=True)
    except TypeError:
        codes, _ = pd.factorize(ids.astype(str), sort=True)
    order = np.lexsort((codes, -arr))
    sorted_v = arr[order]
    shares = sorted_v / total
    cum = np.cumsum(sorted_v) / total
    n = len(arr)
    n_head = int(np.argmax(cum >= float(share) - _TOL)) + 1
    table = pd.DataFrame({value: sorted_v, "share": shares, "cumulative_share": cum,
                          "rank": np.arange(1, n + 1), "in_head": np.arange(n) < n_head},
                         index=ids[order])
    return ParetoResult(table=table, value=value, share=float(share), n_head=n_head,
                        head_share=n_head / n, head_value_share=float(cum[n_head - 1]))
