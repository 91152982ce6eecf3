"""Shared input checks for every kamlab tool.

Each check raises one :class:`~kamlab._errors.KamlabInputError` subclass whose
bilingual message names the table, the column, the row and the fix.  Rows
are named by their index label as the DataFrame shows it.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"chain_id": ["A", "B"], "store_count": [120, "abc"]})
>>> require_columns(df, ["chain_id", "store_cnt"], table="chains")
Traceback (most recent call last):
...
kamlab._errors.MissingColumnError: 表 chains 缺少列 'store_cnt'（是不是 'store_count'？）。请把列名改为 'store_cnt'。
Table chains is missing column 'store_cnt' (did you mean 'store_count'?). Rename the column to 'store_cnt'.
>>> numeric_column(df, "store_count", table="chains")
Traceback (most recent call last):
...
kamlab._errors.BadValueError: 表 chains 列 'store_count' 第 1 行的值 'abc' 不是数字。请填写数字。
Table chains, column 'store_count', row 1: value 'abc' is not a number. Enter a number.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ._errors import (BadSpecError, BadValueError, DuplicateIdError,
                      EmptyTableError, MissingColumnError)
from ._problems import did_you_mean

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def _where(table: str) -> tuple[str, str]:
    return (f"表 {table} " if table else "", f"Table {table}" if table else "The table")


def require_table(df: Any, *, table: str = "") -> None:
    """Check that *df* is a non-empty DataFrame."""
    import pandas as pd

    zh_t, en_t = _where(table)
    if not isinstance(df, pd.DataFrame):
        raise BadValueError(
            f"{zh_t}应是一个表格（pandas DataFrame），收到的是 {type(df).__name__}。请传入用 kl.datasets.load 或 kl.read_table 读出的表。",
            f"{en_t} must be a pandas DataFrame, got {type(df).__name__}. Pass a table read with kl.datasets.load or kl.read_table.")
    if len(df) == 0:
        raise EmptyTableError(
            f"{zh_t}没有任何数据行。请检查文件或筛选条件，至少保留一行。",
            f"{en_t} has no rows. Check the file or the filter and keep at least one row.")


def require_columns(df: "pd.DataFrame", columns: Iterable[str], *,
                    table: str = "") -> None:
    """Check that every name in *columns* is a column of *df*.

    A misspelt name gets the closest existing column as a suggestion.
    """
    zh_t, en_t = _where(table)
    present = [str(c) for c in df.columns]
    for col in columns:
        if col in df.columns:
            continue
        zh_hint, en_hint = did_you_mean(col, present, cutoff=0.6)
        raise MissingColumnError(
            f"{zh_t}缺少列 '{col}'{zh_hint}。请把列名改为 '{col}'。" if zh_hint else
            f"{zh_t}缺少列 '{col}'。请在表中加入这一列。",
            f"{en_t} is missing column '{col}'{en_hint}. Rename the column to '{col}'." if zh_hint else
            f"{en_t} is missing column '{col}'. Add this column to the table.",
            column=str(col))


def numeric_column(df: "pd.DataFrame", column: str, *, table: str = "",
                   allow_nan: bool = False) -> "pd.Series":
    """Return *column* as floats, or raise naming the first bad row.

    Text that is not a number and missing values (unless *allow_nan*) are
    errors; booleans count as 0/1.
    """
    import pandas as pd

    zh_t, en_t = _where(table)
    raw = df[column]
    values = pd.to_numeric(raw, errors="coerce").astype(float)
    bad = values.isna() & raw.notna()
    if bad.any():
        label = raw.index[bad.to_numpy().argmax()]
        value = raw.loc[label]
        raise BadValueError(
            f"{zh_t}列 '{column}' 第 {label} 行的值 '{value}' 不是数字。请填写数字。",
            f"{en_t}, column '{column}', row {label}: value '{value}' is not a number. Enter a number.",
            column=column, row=label)
    if not allow_nan and values.isna().any():
        label = values.index[values.isna().to_numpy().argmax()]
        raise BadValueError(
            f"{zh_t}列 '{column}' 第 {label} 行是空值。请补上数值，或删除这一行。",
            f"{en_t}, column '{column}', row {label} is empty (NaN). Fill in a value or drop the row.",
            column=column, row=label)
    return values


def require_unique(df: "pd.DataFrame", column: str, *, table: str = "") -> None:
    """Check that *column* holds no duplicated or missing ids."""
    zh_t, en_t = _where(table)
    ids = df[column]
    if ids.isna().any():
        label = ids.index[ids.isna().to_numpy().argmax()]
        raise BadValueError(
            f"{zh_t}列 '{column}' 第 {label} 行没有编号。请为每一行填写唯一编号。",
            f"{en_t}, column '{column}', row {label} has no id. Give every row a unique id.",
            column=column, row=label)
    dup = ids.duplicated(keep="first")
    if dup.any():
        label = ids.index[dup.to_numpy().argmax()]
        value = ids.loc[label]
        raise DuplicateIdError(
            f"{zh_t}列 '{column}' 第 {label} 行的编号 '{value}' 重复出现。请保证每个编号只出现一次。",
            f"{en_t}, column '{column}', row {label}: id '{value}' appears more than once. Make every id unique.",
            column=column, row=label)


def in_range(values: "pd.Series", column: str, lo: float, hi: float, *,
             table: str = "") -> None:
    """Check that every value of *values* lies in ``[lo, hi]``."""
    zh_t, en_t = _where(table)
    bad = (values < lo) | (values > hi)
    if bad.any():
        label = values.index[bad.to_numpy().argmax()]
        value = values.loc[label]
        raise BadValueError(
            f"{zh_t}列 '{column}' 第 {label} 行的值 {value:g} 超出范围 [{lo:g}, {hi:g}]。请改为范围内的数值。",
            f"{en_t}, column '{column}', row {label}: value {value:g} is outside [{lo:g}, {hi:g}]. Enter a value in that range.",
            column=column, row=label)


def positive_weight(value: Any, name: str, *, where: str = "") -> float:
    """Return *value* as a float weight > 0, or raise naming *name*."""
    zh_w = f"{where}中" if where else ""
    en_w = f" in {where}" if where else ""
    try:
        weight = float(value)
    except (TypeError, ValueError):
        weight = math.nan
    if not math.isfinite(weight) or weight <= 0:
        raise BadSpecError(
            f"{zh_w}'{name}' 的权重 {value!r} 无效：权重必须是大于 0 的数字。请改为正数，例如 20。",
            f"Weight of '{name}'{en_w} is {value!r}: a weight must be a number > 0. Use a positive number such as 20.",
            column=name)
    return weight


def one_of(value: Any, allowed: Sequence[Any], name: str, *, where: str = "") -> Any:
    """Return *value* if it is one of *allowed*, else raise listing them."""
    if value in allowed:
        return value
    zh_w = f"{where}中" if where else ""
    en_w = f" in {where}" if where else ""
    listed = "、".join(map(str, allowed))
    listed_en = ", ".join(map(str, allowed))
    raise BadSpecError(
        f"{zh_w}'{name}' 的取值 {value!r} 无效。请从以下选项中选择：{listed}。",
        f"'{name}'{en_w} is {value!r}, which is not allowed. Choose one of: {listed_en}.",
        column=name)
