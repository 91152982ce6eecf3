"""m12's helpers the notebook calls: ABC's rows, the purposes and quiz tables, scorecard fallbacks, the diagnosis.

Examples
--------
>>> import kamlab as kl
>>> lagging_or_default(..., scorecard_or_default(..., abc(kl.datasets.load("retail_sales"))))
'肠胃消化'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..._i18n import localized
from ..._labels import localize_columns
from ...review import PROBLEMS, PURPOSES, audit, compare, drivers, messy_export, scorecard
from ._case import _DIAG_COLUMNS, QUIZ, RETAILER, REVIEW_MONTHS
from ._messages import MSGS

__all__ = ["abc", "purposes_table", "quiz_table", "scorecard_or_default", "lagging_or_default", "diagnosis_table",
           "raw_export", "audit_table", "growth_table", "stats_table", "driver_table"]


def abc(sales: Any) -> Any:
    """The rows of ABC零售 (a copy): the retailer of the workshop.

    Examples
    --------
    >>> import kamlab as kl
    >>> df = abc(kl.datasets.load("retail_sales"))
    >>> df["retailer"].unique().tolist(), len(df)
    (['ABC零售'], 120)
    """
    return sales[sales["retailer"].astype(str) == RETAILER].copy()


def purposes_table() -> Any:
    """The five purposes of a review as a small table (current language).

    Examples
    --------
    >>> purposes_table().index.tolist()
    ['销售预测', '现状监控', '业绩评估', '诊断问题', '发现机会']
    """
    rows = [{MSGS("purpose"): localized(p.zh, p.en), MSGS("answers"): p.explain,
             MSGS("example"): localized(p.example_zh, p.example_en)} for p in PURPOSES.values()]
    return pd.DataFrame(rows).set_index(MSGS("purpose"))


def quiz_table() -> Any:
    """Exercise 1's five review questions A–E (current language).

    Examples
    --------
    >>> quiz_table().index.tolist()
    ['A', 'B', 'C', 'D', 'E']
    """
    return pd.DataFrame({MSGS("question"): [localized(zh, en) for zh, en, _ in QUIZ.values()]},
                        index=list(QUIZ))


def raw_export(abc_rows: Any) -> Any:
    """Exercise 2's raw export of ABC's latest two months, as the retailer sends it (four rows not valid).

    Examples
    --------
    >>> import kamlab as kl
    >>> raw_export(abc(kl.datasets.load("retail_sales"))).shape
    (12, 7)
    """
    return messy_export(abc_rows, months=2)


def audit_table(raw: Any) -> Any:
    """The raw export checked row by row: price (元/盒) and the problem of each row, in the current language.

    Examples
    --------
    >>> import kamlab as kl
    >>> t = audit_table(raw_export(abc(kl.datasets.load("retail_sales"))))
    >>> t.columns.tolist()[-2:], int((t.iloc[:, -1] != "").sum())
    (['单价（元/盒）', '问题'], 4)
    """
    t = audit(raw).table[["row", "month", "category", "sales", "units", "box_price", "problem"]].copy()
    t["problem"] = [localized(*PROBLEMS[p]) if p else "" for p in t["problem"]]
    return localize_columns(t)


def driver_table(abc_rows: Any) -> Any:
    """Exercise 7's evidence: each category's sales YoY split into selling stores YoY × sales per store YoY.

    The driver is left for the trainee to read (the tool's ``main`` column is not shown).

    Examples
    --------
    >>> import kamlab as kl
    >>> driver_table(abc(kl.datasets.load("retail_sales"))).columns.tolist()
    ['销售额', '去年同期销售额', '销售额同比', '有售门店数同比', '单店销售额同比']
    """
    t = _drivers(abc_rows)[["sales", "sales_ly", "sales_growth", "stores_growth", "per_store_growth"]]
    return localize_columns(t.round({"sales": 2, "sales_ly": 2, "sales_growth": 3, "stores_growth": 3,
                                     "per_store_growth": 3}))


def stats_table(abc_rows: Any) -> Any:
    """统计分析法: each category's monthly sales over the data: mean, spread, lowest, highest, CV.

    The coefficient of variation (变异系数) = standard deviation ÷ mean: how much a category swings from
    month to month (a seasonal category swings most).

    Examples
    --------
    >>> import kamlab as kl
    >>> t = stats_table(abc(kl.datasets.load("retail_sales")))
    >>> t.columns.tolist()[:2], t.shape
    (['月均销售额', '标准差'], (5, 5))
    """
    g = abc_rows.groupby("category")["sales"]
    out = pd.DataFrame({"mean": g.mean(), "std": g.std(), "min": g.min(), "max": g.max()})
    out["cv"] = out["std"] / out["mean"]
    out = out.round({"mean": 1, "std": 1, "min": 1, "max": 1, "cv": 2})
    out.columns = [localized(*_STATS[c]) for c in out.columns]
    out.index.name = localized("品类", "category")
    return out


_STATS = {"mean": ("月均销售额", "Mean monthly sales"), "std": ("标准差", "Std deviation"),
          "min": ("最低", "Lowest"), "max": ("最高", "Highest"), "cv": ("变异系数", "Coefficient of variation")}


def growth_table(abc_rows: Any) -> Any:
    """Exercise 5's table: each category's latest quarter vs the previous quarter (环比) and last year (同比).

    Examples
    --------
    >>> import kamlab as kl
    >>> growth_table(abc(kl.datasets.load("retail_sales"))).columns.tolist()
    ['current', 'previous', 'change_rate', 'last_year', 'yoy']
    """
    t = compare(abc_rows, by="category", kind="vertical", period=REVIEW_MONTHS).table
    return t[["current", "previous", "change_rate", "last_year", "yoy"]].round(3)


def _lagging(abc_rows: Any) -> str:
    return str(_reference_scorecard(abc_rows).table["achievement"].astype(float).idxmin())


def _drivers(abc_rows: Any) -> Any:
    return drivers(abc_rows, by="category", period=REVIEW_MONTHS).table


def _reference_scorecard(abc_rows: Any) -> Any:
    return scorecard(abc_rows, by="category", period=REVIEW_MONTHS)


def scorecard_or_default(answer: Any, abc_rows: Any) -> Any:
    """The scorecard for the later exercises: the trainee's ``q2`` when it is right, else the course's.

    Examples
    --------
    >>> import kamlab as kl
    >>> rows = abc(kl.datasets.load("retail_sales"))
    >>> sc = scorecard_or_default(..., rows)
    >>> sc.months, sc.by
    (('2026-08', '2026-09', '2026-10'), ('category',))
    >>> mine = kl.review.scorecard(rows, by="category", period=3)
    >>> scorecard_or_default(mine, rows) is mine
    True
    """
    ref = _reference_scorecard(abc_rows)
    try:
        if _same_table(_frame(answer), ref.table, ("actual", "target", "last_year", "achievement")):
            return answer
    except (TypeError, ValueError, KeyError):
        pass
    return ref


def lagging_or_default(answer: Any, sc: Any) -> str:
    """The category to diagnose: the trainee's ``q3`` when it is a category of the scorecard, else the lowest achievement.

    Examples
    --------
    >>> import kamlab as kl
    >>> sc = scorecard_or_default(..., abc(kl.datasets.load("retail_sales")))
    >>> lagging_or_default(..., sc), lagging_or_default("感冒止咳", sc)
    ('肠胃消化', '感冒止咳')
    """
    table = _frame(sc)
    if isinstance(answer, str) and answer.strip() in {str(i) for i in table.index}:
        return answer.strip()
    return str(table["achievement"].astype(float).idxmin())


def diagnosis_table(abc_rows: Any, category: str, months: int = 6) -> Any:
    """The latest *months* months of one category: sales, target, achievement, YoY, stores, sales per store.

    Sales per store (元) = sales (万元) × 10000 ÷ selling stores: a fall in
    stores points to distribution (断货、下架), a fall per store to
    sell-through (陈列、店员、竞品).

    Examples
    --------
    >>> import kamlab as kl
    >>> t = diagnosis_table(abc(kl.datasets.load("retail_sales")), "肠胃消化", months=6)
    >>> t.shape, t.index[-1]
    ((6, 7), '2026-10')
    """
    rows = abc_rows[abc_rows["category"].astype(str) == str(category)]
    g = rows.groupby("month", sort=True)[["sales", "target", "last_year_sales", "stores", "units"]].sum()
    g = g.iloc[-int(months):]
    out = g[["sales", "target"]].astype(float).copy()
    out["achievement"] = g["sales"] / g["target"].replace(0, np.nan)
    out["yoy"] = g["sales"] / g["last_year_sales"].replace(0, np.nan) - 1
    out["stores"] = g["stores"]
    out["sales_per_store"] = g["sales"] * 10000 / g["stores"].replace(0, np.nan)
    out["units"] = g["units"]
    out = out.round({"sales": 2, "target": 1, "achievement": 3, "yoy": 3, "sales_per_store": 0})
    out.columns = [localized(*_DIAG_COLUMNS[c]) for c in out.columns]
    return out


def _frame(answer: Any) -> Any:
    table = getattr(answer, "table", answer)
    if isinstance(table, Mapping) and not isinstance(table, pd.DataFrame):
        table = table.get("table", None) if "table" in table else pd.DataFrame(table)
    if not isinstance(table, pd.DataFrame):
        raise TypeError(type(answer).__name__)
    return table


def _same_table(table: Any, ref: Any, columns: tuple[str, ...], rel: float = 1e-6) -> bool:
    if sorted(str(i) for i in table.index) != sorted(str(i) for i in ref.index):
        return False
    if any(c not in table.columns for c in columns):
        return False
    got = table.copy()
    got.index = [str(i) for i in got.index]
    rows = [str(i) for i in ref.index]
    return all(np.allclose(got.loc[rows, c].to_numpy(dtype=float), ref[c].to_numpy(dtype=float),
                           rtol=rel, atol=1e-9, equal_nan=True) for c in columns)

