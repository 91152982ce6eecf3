"""数据清单管理 and 数据整理 (seed 003 阶段一): what data a review needs, and which raw rows are not valid.

The data checklist (:data:`DATA_CHECKLIST`) lists, for every item of the review, where it comes from
(数据的获取与共享), the rule that makes it valid (数据有效性) and where it is recorded (数据记录与数据库).

:func:`audit` checks a raw monthly export row by row against those rules:

- ``total`` (合计行): the category is 合计/总计/小计: a sum row counted twice if kept;
- ``duplicate`` (重复): the same month and category as an earlier row, every figure identical;
- ``missing`` (缺失): sales, target, units or stores is blank;
- ``unit`` (单位错): the implied price sales × 10000 ÷ units (元/盒, sales in 万元) is over 20 times the
  median price of the export: the sales were written in 元, not 万元.

A low figure that passes these rules is **not** a data error: a real fall in sales is what the review
is for, and deleting it hides the problem.

Examples
--------
>>> import pandas as pd
>>> raw = pd.DataFrame({"row": ["#01", "#02", "#03", "#04"], "month": "2026-10",
...     "category": ["感冒止咳", "感冒止咳", "皮肤外用", "合计"], "sales": [50.0, 50.0, 8.0, 108.0],
...     "target": [48.0, 48.0, 20.0, 116.0], "units": [17000, 17000, 3600, 37600], "stores": [300, 300, 210, 510]})
>>> audit(raw).table["problem"].tolist()
['', 'duplicate', '', 'total']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .._i18n import Messages, get_language, localized
from .._result import TableResult
from ._common import check_table

__all__ = ["DATA_CHECKLIST", "data_checklist", "audit", "AuditResult", "messy_export", "PROBLEMS"]

#: 数据清单: item, source (获取与共享), frequency, validity rule (有效性), record (数据记录与数据库); zh and en.
DATA_CHECKLIST: tuple[tuple[tuple[str, str], ...], ...] = (
    (("销售额（万元）", "Sales (10k CNY)"), ("零售商进销存/POS 导出，月初 5 日前共享", "retailer POS export, shared by the 5th"),
     ("月", "monthly"), ("每个品类每月一行；非负；单位万元", "one row per category and month; ≥ 0; in 10k CNY"),
     ("生意回顾数据库（零售商×品类×月）", "review database (retailer × category × month)")),
    (("销售目标（万元）", "Target (10k CNY)"), ("年度生意计划分解到月", "annual plan split by month"), ("年/月", "yearly/monthly"),
     ("与销售额同口径、同单位", "same scope and unit as sales"), ("同上", "same table")),
    (("去年同期销售额", "Sales last year"), ("数据库历史记录", "database history"), ("月", "monthly"),
     ("与今年同口径（门店、品类范围一致）", "same scope as this year (same stores and categories)"), ("同上", "same table")),
    (("销量（盒）", "Units (boxes)"), ("零售商 POS 导出", "retailer POS export"), ("月", "monthly"),
     ("整数；销售额 × 10000 ÷ 销量 = 合理单价", "whole number; sales × 10000 ÷ units = a sensible price"),
     ("同上", "same table")),
    (("有售门店数", "Selling stores"), ("零售商门店销售明细", "retailer store sales detail"), ("月", "monthly"),
     ("不超过零售商门店总数", "no more than the retailer's stores"), ("同上", "same table")),
    (("价格、竞品、陈列", "Prices, competitors, display"), ("门店走访记录", "store visit notes"), ("周", "weekly"),
     ("写明日期、门店、记录人", "date, store and visitor noted"), ("走访记录表", "visit log")),
)

#: The problems :func:`audit` flags (code -> (zh, en)).
PROBLEMS: dict[str, tuple[str, str]] = {
    "total": ("合计行：会把销售额算两遍", "a total row: sales counted twice"),
    "duplicate": ("重复行：同月同品类出现两次", "a duplicate: same month and category twice"),
    "missing": ("缺失值：有空格", "missing values"),
    "unit": ("单位错：销售额像是元而不是万元", "wrong unit: sales look like CNY, not 10k CNY"),
}
_TOTALS = {"合计", "总计", "小计", "total", "Total"}
_FIGURES = ["sales", "target", "units", "stores"]

MSGS = Messages({
    "item": ("数据项", "Item"), "source": ("获取与共享", "Source and sharing"), "frequency": ("频率", "Frequency"),
    "rule": ("有效性规则", "Validity rule"), "record": ("记录在哪里", "Recorded in"),
})


@dataclass(frozen=True)
class AuditResult(TableResult):
    """The raw export with a ``problem`` column (``""`` for a valid row) and ``box_price`` (元/盒)."""

    @property
    def bad_rows(self) -> list[str]:
        """The ids (column ``row``) of the rows with a problem.

        Examples
        --------
        >>> import pandas as pd
        >>> raw = pd.DataFrame({"row": ["#01"], "month": "2026-10", "category": "合计", "sales": [1.0],
        ...                     "target": [1.0], "units": [300], "stores": [3]})
        >>> audit(raw).bad_rows
        ['#01']
        """
        t = self.table
        return [str(r) for r in t.loc[t["problem"] != "", "row"]]


def data_checklist() -> pd.DataFrame:
    """The data checklist of a business review (数据清单) in the current language.

    Examples
    --------
    >>> data_checklist().shape
    (6, 5)
    """
    i = 0 if get_language() == "zh" else 1
    cols = [MSGS(k) for k in ("item", "source", "frequency", "rule", "record")]
    return pd.DataFrame([[cell[i] for cell in row] for row in DATA_CHECKLIST], columns=cols)


def audit(raw: pd.DataFrame) -> AuditResult:
    """Flag the rows of a raw monthly export that are not valid data (合计、重复、缺失、单位错).

    Parameters
    ----------
    raw : DataFrame
        Columns ``row, month, category, sales, target, units, stores`` (sales and target in 万元).

    Returns
    -------
    AuditResult
        ``.table``: the export plus ``box_price`` (元/盒) and ``problem`` (a code of :data:`PROBLEMS`, first
        that applies, or ``""``); ``.bad_rows``.

    Examples
    --------
    >>> import kamlab as kl
    >>> abc = kl.datasets.load("retail_sales").query("retailer == 'ABC零售'")
    >>> res = kl.review.audit(kl.review.messy_export(abc))
    >>> sorted(res.table.loc[res.table["problem"] != "", "problem"])
    ['duplicate', 'missing', 'total', 'unit']
    """
    check_table(raw, ["row", "month", "category", *_FIGURES], table="raw")
    t = raw.copy()
    figures = t[_FIGURES].apply(pd.to_numeric, errors="coerce")
    price = figures["sales"] * 10000 / figures["units"].replace(0, np.nan)
    t["box_price"] = price.round(1)
    problem = pd.Series("", index=t.index, dtype=object)
    total = t["category"].astype(str).str.strip().isin(_TOTALS)
    duplicate = t.duplicated(subset=["month", "category", *_FIGURES], keep="first")
    missing = figures.isna().any(axis=1)
    median = float(price[~total & ~missing].median())
    unit = price > 20 * median
    for code, mask in (("unit", unit), ("missing", missing), ("duplicate", duplicate), ("total", total)):
        problem[mask.to_numpy()] = code
    t["problem"] = problem
    return AuditResult(table=t)


def messy_export(rows: pd.DataFrame, months: int = 2) -> pd.DataFrame:
    """A raw export of one retailer's latest *months* months, with four typical data problems planted.

    Each category and month is one row (sales, target, units, stores as the data hold them); then a
    total row (合计, Total in English) of the first month is added, the second category of the latest month is repeated,
    the target of the third category of the first month is blanked, and the sales of the fourth category
    of the latest month are written in 元.  Rows are numbered #01, #02 … in order.

    Examples
    --------
    >>> import kamlab as kl
    >>> abc = kl.datasets.load("retail_sales").query("retailer == 'ABC零售'")
    >>> raw = messy_export(abc)
    >>> len(raw), raw["row"].iloc[0], raw["category"].iloc[5]
    (12, '#01', '合计')
    """
    check_table(rows, ["month", "category", *_FIGURES], table="rows")
    last = sorted(rows["month"].astype(str).unique())[-months:]
    base = rows[rows["month"].astype(str).isin(last)].sort_values(["month", "category"])
    base = base[["month", "category", *_FIGURES]].astype({"target": float}).reset_index(drop=True)
    cats = sorted(base["category"].unique())
    first, latest = last[0], last[-1]
    parts = []
    for m in last:
        block = base[base["month"] == m]
        if m == first:
            total = block[_FIGURES].sum().to_frame().T.assign(month=m, category=localized("合计", "Total"))
            block = pd.concat([block, total[block.columns]], ignore_index=True)
            block.loc[block["category"] == cats[2], "target"] = np.nan
        if m == latest:
            block.loc[block["category"] == cats[3], "sales"] = (block.loc[block["category"] == cats[3], "sales"]
                                                                * 10000).round(0)
            dup = block[block["category"] == cats[1]]
            block = pd.concat([block, dup], ignore_index=True)
        parts.append(block)
    out = pd.concat(parts, ignore_index=True)
    out.insert(0, "row", [f"#{i:02d}" for i in range(1, len(out) + 1)])
    return out.astype({"units": "Int64", "stores": "Int64"})
