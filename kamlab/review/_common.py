"""Shared input checks of :mod:`kamlab.review`: the month column, periods, value columns.

Every check raises one :class:`~kamlab._errors.KamlabInputError` subclass
with a Chinese and an English message naming the column, the row and the fix.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"month": ["2026-01", "2026-02", "2026-03"], "sales": [1.0, 2.0, 3.0]})
>>> months = month_column(df, "month", table="df")
>>> pick_months(months, 2)
('2026-02', '2026-03')
>>> shift_month("2026-01", -12), month_range("2025-11", "2026-02")
('2025-01', ['2025-11', '2025-12', '2026-01', '2026-02'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from numbers import Integral
from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError
from .._validate import numeric_column, require_columns, require_table

_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def check_table(df: Any, columns: Sequence[str], *, table: str) -> None:
    """A non-empty DataFrame holding *columns* (did-you-mean on a misspelt name)."""
    require_table(df, table=table)
    require_columns(df, [c for c in columns if c is not None], table=table)


def month_column(df: pd.DataFrame, column: str, *, table: str) -> pd.Series:
    """The month column as ``"YYYY-MM"`` text; raise naming the first bad row.

    Datetimes and ``"2026-1"`` style text are normalised; anything else is an error.
    """
    raw = df[column]
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)   # a few dozen months, not every row
    uniq = pd.Series(uniques)
    if pd.api.types.is_datetime64_any_dtype(uniq):
        text = uniq.dt.strftime("%Y-%m")
    else:
        text = uniq.astype(str).str.strip()
        short = text.str.match(r"^\d{4}-[1-9]$")
        text = text.where(~short, text.str[:5] + "0" + text.str[5:])
    ok = np.append(text.str.match(_MONTH.pattern).to_numpy(dtype=bool), False)   # last slot: missing (-1)
    bad = ~ok[codes]
    if bad.any():
        label = raw.index[bad.argmax()]
        value = raw.loc[label]
        raise BadValueError(
            f"表 {table} 列 '{column}' 第 {label} 行的月份 {value!r} 格式不对。请写成 YYYY-MM，例如 2026-10。",
            f"Table {table}, column '{column}', row {label}: month {value!r} is not valid. "
            "Write it as YYYY-MM, e.g. 2026-10.",
            column=column, row=label)
    return pd.Series(text.to_numpy(dtype=object)[codes], index=raw.index, name=column, dtype=object)


def amount_column(df: pd.DataFrame, column: str, *, table: str) -> pd.Series:
    """A numeric column with no NaN and no negative value (amounts, targets, units)."""
    values = numeric_column(df, column, table=table)
    neg = values < 0
    if neg.any():
        label = values.index[neg.to_numpy().argmax()]
        raise BadValueError(
            f"表 {table} 列 '{column}' 第 {label} 行的值 {values.loc[label]:g} 是负数。"
            "销售额、目标和去年同期都应 ≥ 0：请更正这一行（退货请在源数据里冲减）。",
            f"Table {table}, column '{column}', row {label}: value {values.loc[label]:g} is negative. "
            "Sales, targets and last-year figures must be >= 0: correct this row "
            "(net returns off in the source data).",
            column=column, row=label)
    return values


def group_columns(by: Any, *, name: str = "by") -> list[str]:
    """``by`` as a list of column names (None -> [])."""
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    if isinstance(by, (list, tuple)) and all(isinstance(b, str) for b in by) and len(set(by)) == len(by):
        return list(by)
    raise BadSpecError(
        f"参数 {name} = {by!r} 不对：请写一个列名（如 \"category\"）、列名列表，或 None（不分组）。",
        f"Parameter {name} = {by!r} is invalid: give one column name (e.g. \"category\"), a list of "
        "names, or None (no grouping).",
        column=name)


def whole_number(value: Any, name: str, lo: int, hi: int) -> int:
    """An int in ``[lo, hi]`` (bools and floats are refused)."""
    if isinstance(value, bool) or not isinstance(value, Integral) or not lo <= value <= hi:
        raise BadSpecError(
            f"参数 {name} = {value!r} 不对：应是 {lo} 到 {hi} 之间的整数。",
            f"Parameter {name} = {value!r} is invalid: use a whole number from {lo} to {hi}.",
            column=name)
    return int(value)


def shift_month(month: str, k: int) -> str:
    """*month* moved by *k* months (``"2026-01"``, -1 -> ``"2025-12"``)."""
    i = int(month[:4]) * 12 + int(month[5:7]) - 1 + int(k)
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


def month_range(first: str, last: str) -> list[str]:
    """Every month from *first* to *last*, inclusive."""
    a = int(first[:4]) * 12 + int(first[5:7]) - 1
    b = int(last[:4]) * 12 + int(last[5:7]) - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(a, b + 1)]


def pick_months(months: pd.Series, period: Any, *, name: str = "period") -> tuple[str, ...]:
    """The months of *period* among the data's *months*, sorted.

    ``None``: every month; an int n: the latest n months; ``"YYYY-MM"``: that
    month; a list of ``"YYYY-MM"``: those months (each must be in the data).
    """
    present = sorted(set(months))
    if period is None:
        return tuple(present)
    if isinstance(period, Integral) and not isinstance(period, bool):
        n = whole_number(period, name, 1, len(present))
        return tuple(present[-n:])
    items = [period] if isinstance(period, str) else period
    if isinstance(items, (list, tuple)) and items and all(isinstance(m, str) for m in items):
        missing = [m for m in items if m not in set(present)]
        if not missing:
            return tuple(sorted(set(items)))
        raise BadSpecError(
            f"参数 {name} 里的月份 {missing[0]!r} 不在数据里。数据的月份是 {present[0]} 到 {present[-1]}；"
            "请写成 YYYY-MM，或用整数 n 表示最近 n 个月。",
            f"Month {missing[0]!r} in parameter {name} is not in the data. The data cover {present[0]} to "
            f"{present[-1]}; write months as YYYY-MM, or give a whole number n for the latest n months.",
            column=name)
    raise BadSpecError(
        f"参数 {name} = {period!r} 不对：用 None（全部月份）、整数 n（最近 n 个月）、\"YYYY-MM\" 或月份列表。",
        f"Parameter {name} = {period!r} is invalid: use None (every month), a whole number n (the latest "
        "n months), \"YYYY-MM\" or a list of months.",
        column=name)


def ratio(num: Any, den: Any) -> Any:
    """``num / den`` with NaN where the denominator is 0 (vectorised, no warnings)."""
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out


def group_label(key: Any) -> str:
    """A group key as chart text."""
    return " / ".join(map(str, key)) if isinstance(key, tuple) else str(key)
