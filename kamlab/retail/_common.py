"""Shared input checks of the retail tools: months, yes/no columns, store-month rows.

Every check raises one :class:`~kamlab.KamlabInputError` subclass whose
message names the table, the column, the row and the fix, in Chinese and
English.

Examples
--------
>>> import pandas as pd
>>> month_column(pd.DataFrame({"month": ["2026-10", "2026/11"]}), "month", table="sellout")
Traceback (most recent call last):
...
kamlab._errors.BadValueError: 表 sellout 列 'month' 第 1 行的值 '2026/11' 不是 YYYY-MM 格式的月份...
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadValueError, DuplicateIdError
from .._i18n import Messages, localized

MSGS = Messages({
    "month": ("表 {table} 列 '{column}' 第 {row} 行的值 '{value}' 不是 YYYY-MM 格式的月份。请写成例如 '2026-10'。",
              "Table {table}, column '{column}', row {row}: value '{value}' is not a month in YYYY-MM form. "
              "Write it like '2026-10'."),
    "bool": ("表 {table} 列 '{column}' 第 {row} 行的值 '{value}' 不是“是/否”。请填写 True/False（或 1/0）。",
             "Table {table}, column '{column}', row {row}: value '{value}' is not yes/no. Enter True/False "
             "(or 1/0)."),
    "negative": ("表 {table} 列 '{column}' 第 {row} 行的值 {value:g} 是负数。请填写不小于 0 的数。",
                 "Table {table}, column '{column}', row {row}: value {value:g} is negative. Enter a number ≥ 0."),
    "positive": ("表 {table} 列 '{column}' 第 {row} 行的值 {value:g} 不大于 0。请填写大于 0 的数。",
                 "Table {table}, column '{column}', row {row}: value {value:g} is not above 0. Enter a number > 0."),
    "dup": ("表 {table} 第 {row} 行：{combo} 重复出现。每个组合只能有一行。",
            "Table {table}, row {row}: {combo} appears more than once. Keep one row per combination."),
})

_TRUE = {"true", "1", "yes", "y", "是", "t"}
_FALSE = {"false", "0", "no", "n", "否", "f"}


def text_column(values: pd.Series) -> pd.Series:
    """*values* as stripped text; the string work runs once per distinct value (fast on long tables).

    Examples
    --------
    >>> text_column(pd.Series([" C1", "C1", 7])).tolist()
    ['C1', 'C1', '7']
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    text = np.array([str(u).strip() for u in uniques] + ["nan"], dtype=object)
    return pd.Series(text[codes], index=values.index)


def month_column(df: pd.DataFrame, column: str, *, table: str) -> pd.Series:
    """Return *column* as ``YYYY-MM`` strings, or raise naming the first bad row.

    Examples
    --------
    >>> month_column(pd.DataFrame({"m": [" 2026-10"]}), "m", table="t").tolist()
    ['2026-10']
    """
    col = df[column]
    if pd.api.types.is_datetime64_any_dtype(col.dtype):
        text = col.dt.strftime("%Y-%m")
    else:
        text = text_column(col)
    codes, uniques = pd.factorize(text)
    good = pd.Series(uniques).str.fullmatch(r"\d{4}-(0[1-9]|1[0-2])").to_numpy(dtype=bool)
    bad = ~good[codes] | col.isna().to_numpy()
    if bad.any():
        row = col.index[bad.argmax()]
        raise BadValueError(*MSGS.both("month", table=table, column=column, row=row, value=col.loc[row]),
                            column=column, row=row)
    return text.rename(column)


def bool_column(df: pd.DataFrame, column: str, *, table: str) -> pd.Series:
    """Return *column* as booleans (True/False, 1/0, 是/否), or raise naming the first bad row.

    Examples
    --------
    >>> bool_column(pd.DataFrame({"x": ["是", 0, True]}), "x", table="t").tolist()
    [True, False, True]
    """
    col = df[column]
    if pd.api.types.is_bool_dtype(col.dtype):
        return col.astype(bool)
    text = text_column(col).str.lower()
    yes, no = text.isin(_TRUE), text.isin(_FALSE)
    bad = ~(yes | no)
    if bad.any():
        row = col.index[bad.to_numpy().argmax()]
        raise BadValueError(*MSGS.both("bool", table=table, column=column, row=row, value=col.loc[row]),
                            column=column, row=row)
    return yes


def not_negative(values: pd.Series, column: str, *, table: str, strict: bool = False) -> None:
    """Raise naming the first row whose value is negative (or ≤ 0 when *strict*)."""
    bad = (values <= 0) if strict else (values < 0)
    if bad.any():
        row = values.index[bad.to_numpy().argmax()]
        raise BadValueError(*MSGS.both("positive" if strict else "negative", table=table, column=column,
                                       row=row, value=float(values.loc[row])), column=column, row=row)


def no_duplicates(df: pd.DataFrame, keys: list[str], *, table: str) -> None:
    """Raise :class:`DuplicateIdError` naming the first row whose *keys* repeat an earlier row."""
    dup = df.duplicated(subset=keys, keep="first")
    if dup.any():
        row = df.index[dup.to_numpy().argmax()]
        combo = " + ".join(f"{k}={df.loc[row, k]!r}" for k in keys)
        raise DuplicateIdError(*MSGS.both("dup", table=table, row=row, combo=combo), column=keys[-1], row=row)


def month_number(months: pd.Series) -> np.ndarray:
    """``YYYY-MM`` strings as a month count (year × 12 + month − 1)."""
    parts = months.str.split("-", expand=True).astype(int)
    return (parts[0] * 12 + parts[1] - 1).to_numpy()


def label(pair: tuple[str, str]) -> str:
    """The current-language half of a (zh, en) pair."""
    return localized(*pair)


def as_text(value: Any) -> str:
    return str(value).strip()
