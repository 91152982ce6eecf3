"""Sell-out table: validation and the store-month sums every KPI is built from.

The KPI universe is the *target* stores (``is_target`` true); other rows are
ignored.  Per target store-month a row contributes

* 1 target store-month, ``stocked`` (0/1) and ``selling`` = stocked and
  ``units_sold > 0`` (0/1);
* ``units_sold``, the month's average inventory ``(inventory_begin +
  inventory_end) / 2``, ``mystery_visits`` and ``recommended_visits``.

A group's store counts and its average inventory are these sums divided by
the number of months in its period (so a chain's ``target_stores`` over 12
months is its number of target stores); units and visits are totals.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"store_id": ["S1", "S2"], "chain_id": "C01", "region": "上海",
...     "month": "2026-04", "is_target": True, "stocked": [True, False], "units_sold": [5, 0],
...     "inventory_begin": [10, 0], "inventory_end": [6, 0], "mystery_visits": [2, 1],
...     "recommended_visits": [1, 0]})
>>> data = prepare(df, by=["chain_id"])
>>> sums(data, ["chain_id"]).loc["C01", ["target", "stocked", "selling", "units", "inventory"]].tolist()
[2.0, 1.0, 1.0, 5.0, 8.0]
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError, DuplicateIdError, EmptyTableError
from .._i18n import Messages
from .._validate import numeric_column, require_columns, require_table

__all__ = ["COLUMNS", "NUMERIC", "prepare", "sums", "parse_by", "parse_months", "month_days"]

TABLE = "sellout"

#: Columns every sell-out table needs (chain_id and region only when grouped by).
COLUMNS = ("store_id", "month", "is_target", "stocked", "units_sold", "inventory_begin",
           "inventory_end", "mystery_visits", "recommended_visits")
#: Columns that must hold numbers >= 0.
NUMERIC = ("units_sold", "inventory_begin", "inventory_end", "mystery_visits", "recommended_visits")

MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

_TRUE = {"true", "1", "1.0", "yes", "y", "t", "是", "有", "√", "✓"}
_FALSE = {"false", "0", "0.0", "no", "n", "f", "否", "无", "×"}

MSGS = Messages({
    "bad_bool": (
        "表 sellout 列 '{column}' 第 {row} 行的值 '{value}' 不是 是/否。请填写 True/False（或 1/0、是/否）。",
        "Table sellout, column '{column}', row {row}: value '{value}' is not yes/no. "
        "Enter True/False (or 1/0, 是/否)."),
    "negative": (
        "表 sellout 列 '{column}' 第 {row} 行的值 {value:g} 是负数。请填写 0 或正数。",
        "Table sellout, column '{column}', row {row}: value {value:g} is negative. Enter 0 or a positive number."),
    "rec_gt_visits": (
        "表 sellout 第 {row} 行：推荐次数 recommended_visits = {rec:g} 大于神秘顾客到访次数 mystery_visits = "
        "{vis:g}。推荐次数不能超过到访次数，请核对这一行。",
        "Table sellout, row {row}: recommended_visits = {rec:g} is greater than mystery_visits = {vis:g}. "
        "A clerk cannot recommend on more visits than there were; check this row."),
    "sold_not_stocked": (
        "表 sellout 第 {row} 行：stocked 为否（未铺货），但 units_sold = {units:g} 大于 0。"
        "有销量的门店一定有铺货：请把 stocked 改为 True，或核对销量。",
        "Table sellout, row {row}: stocked is False but units_sold = {units:g} is above 0. "
        "A store that sells must stock the product: set stocked to True or check the units."),
    "dup": (
        "表 sellout 第 {row} 行：门店 '{store}' 在月份 {month} 出现了不止一次（列 store_id + month）。"
        "每个门店每月只能有一行，请删除或合并重复行。",
        "Table sellout, row {row}: store '{store}' appears more than once in month {month} "
        "(columns store_id + month). Keep one row per store and month; drop or merge the duplicates."),
    "missing_id": (
        "表 sellout 列 '{column}' 第 {row} 行是空值。请填写{what}。",
        "Table sellout, column '{column}', row {row} is empty. Fill in the {what_en}."),
    "bad_month": (
        "表 sellout 列 'month' 第 {row} 行的值 '{value}' 不是 YYYY-MM 格式的月份。请写成例如 '2026-04'。",
        "Table sellout, column 'month', row {row}: value '{value}' is not a month in YYYY-MM format. "
        "Write it like '2026-04'."),
    "no_target": (
        "表 sellout 没有目标门店（is_target 全为否）。KPI 只统计目标门店：请至少把一家门店标为 is_target = True。",
        "Table sellout has no target stores (is_target is False on every row). KPIs count target stores "
        "only: mark at least one store is_target = True."),
    "bad_by": (
        "分组 by 应是列名或列名列表，例如 'chain_id' 或 ['chain_id', 'month']，收到 {value!r}。",
        "by must be a column name or a list of column names, e.g. 'chain_id' or ['chain_id', 'month']; "
        "got {value!r}."),
    "by_measure": (
        "不能按数值列 '{column}' 分组。请按 store_id、chain_id、region 或 month 等分组列分组。",
        "Cannot group by the measure column '{column}'. Group by store_id, chain_id, region, month or "
        "another label column."),
    "bad_period": (
        "{name} 应是 YYYY-MM 格式的月份或月份列表，例如 '2026-04' 或 ['2026-01', '2026-02']，收到 {value!r}。",
        "{name} must be a month in YYYY-MM format or a list of months, e.g. '2026-04' or "
        "['2026-01', '2026-02']; got {value!r}."),
    "period_absent": (
        "{name} 的月份 {month} 在表 sellout 的目标门店数据中不存在。可用月份：{first} … {last}。",
        "Month {month} of {name} is not in the target-store rows of table sellout. Available months: "
        "{first} ... {last}."),
})

_ID_WHAT = {"store_id": ("门店编号", "store id"), "chain_id": ("连锁编号", "chain id"),
            "region": ("区域（城市）", "region (city)")}


def parse_by(by: Any) -> tuple[str, ...]:
    """Return *by* as a tuple of column names (empty for ``None``).

    Examples
    --------
    >>> parse_by("chain_id"), parse_by(["chain_id", "month"]), parse_by(None)
    (('chain_id',), ('chain_id', 'month'), ())
    """
    if by is None:
        return ()
    if isinstance(by, str):
        return (by,)
    if isinstance(by, Sequence) and all(isinstance(b, str) for b in by) and len(set(by)) == len(by):
        return tuple(by)
    raise BadSpecError(*MSGS.both("bad_by", value=by), column="by")


def month_days(months: Any) -> np.ndarray:
    """Calendar days of each ``YYYY-MM`` month (validated strings).

    Examples
    --------
    >>> month_days(["2024-02", "2026-04"]).tolist()
    [29, 30]
    """
    return np.array([calendar.monthrange(int(m[:4]), int(m[5:7]))[1] for m in months], dtype=np.int64)


def _bool_flag(value: Any) -> bool | None:
    """True/False for one cell value, None when it is not a yes/no."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return bool(value) if value in (0, 1) else None
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    return None


def _bool_column(df: pd.DataFrame, column: str) -> np.ndarray:
    """A yes/no column as a bool array (True/False, 1/0, 是/否, yes/no ...)."""
    raw = df[column]
    if raw.dtype == bool:
        return raw.to_numpy()
    flags = {}
    for value in pd.unique(raw.dropna().to_numpy(dtype=object)):  # few distinct values: not a row loop
        flags[value] = _bool_flag(value)
    good = [v for v, f in flags.items() if f is not None]
    bad = raw.isna() | ~raw.isin(good)
    if bad.any():
        label = raw.index[bad.to_numpy().argmax()]
        raise BadValueError(*MSGS.both("bad_bool", column=column, row=label, value=raw.loc[label]),
                            column=column, row=label)
    return raw.map(flags).to_numpy(dtype=bool)


def _check_ids(df: pd.DataFrame, column: str) -> None:
    missing = df[column].isna()
    if missing.any():
        label = df.index[missing.to_numpy().argmax()]
        what, what_en = _ID_WHAT.get(column, ("分组标签", "group label"))
        raise BadValueError(*MSGS.both("missing_id", column=column, row=label, what=what, what_en=what_en),
                            column=column, row=label)


def _months(df: pd.DataFrame) -> pd.Series:
    raw = df["month"]
    _check_ids(df, "month")
    if pd.api.types.is_datetime64_any_dtype(raw):  # Excel turned the month into a date
        return raw.dt.strftime("%Y-%m")
    if isinstance(raw.dtype, pd.PeriodDtype):
        return raw.dt.strftime("%Y-%m")
    text = raw.astype(str)
    uniques = pd.unique(text.to_numpy())
    bad = [u for u in uniques if not MONTH_RE.match(u)]
    if bad:
        label = text.index[text.isin(bad).to_numpy().argmax()]
        raise BadValueError(*MSGS.both("bad_month", row=label, value=raw.loc[label]), column="month", row=label)
    return text


def prepare(df: Any, by: Sequence[str] = ()) -> pd.DataFrame:
    """Validate a sell-out table and return the target store-months with per-row measures.

    The result (a new frame; *df* is never modified) has the *by* columns,
    ``store_id``, ``month`` (``YYYY-MM`` strings) and the float columns
    ``target`` (1), ``stocked``, ``selling``, ``units``, ``inventory``
    (``(begin + end) / 2``), ``mystery``, ``recommended``.  Raises a
    :class:`~kamlab.KamlabInputError` naming column and row on bad input.
    """
    require_table(df, table=TABLE)
    require_columns(df, [*COLUMNS, *(c for c in by if c not in COLUMNS)], table=TABLE)
    for column in by:
        if column in NUMERIC or column in ("is_target", "stocked"):
            raise BadSpecError(*MSGS.both("by_measure", column=column), column=column)
    for column in ("store_id", *(c for c in by if c not in ("store_id", "month"))):
        _check_ids(df, column)
    months = _months(df)
    is_target = _bool_column(df, "is_target")
    stocked = _bool_column(df, "stocked")
    values = {}
    for column in NUMERIC:
        values[column] = numeric_column(df, column, table=TABLE)
        negative = values[column] < 0
        if negative.any():
            label = df.index[negative.to_numpy().argmax()]
            raise BadValueError(*MSGS.both("negative", column=column, row=label, value=values[column].loc[label]),
                                column=column, row=label)
    over = values["recommended_visits"] > values["mystery_visits"]
    if over.any():
        label = df.index[over.to_numpy().argmax()]
        raise BadValueError(*MSGS.both("rec_gt_visits", row=label, rec=values["recommended_visits"].loc[label],
                                       vis=values["mystery_visits"].loc[label]),
                            column="recommended_visits", row=label)
    units = values["units_sold"].to_numpy()
    sold_unstocked = ~stocked & (units > 0)
    if sold_unstocked.any():
        label = df.index[sold_unstocked.argmax()]
        raise BadValueError(*MSGS.both("sold_not_stocked", row=label, units=units[sold_unstocked.argmax()]),
                            column="stocked", row=label)
    keys = pd.DataFrame({"store_id": df["store_id"].to_numpy(), "month": months.to_numpy()}, index=df.index)
    dup = keys.duplicated(keep="first").to_numpy()
    if dup.any():
        label = df.index[dup.argmax()]
        raise DuplicateIdError(*MSGS.both("dup", row=label, store=keys.loc[label, "store_id"],
                                          month=keys.loc[label, "month"]), column="store_id", row=label)
    if not is_target.any():
        raise EmptyTableError(*MSGS.both("no_target"), column="is_target")
    out = pd.DataFrame({c: df[c].to_numpy() for c in by if c not in ("store_id", "month")}, index=df.index)
    out["store_id"] = df["store_id"].to_numpy()
    out["month"] = months.to_numpy()
    out["target"] = 1.0
    out["stocked"] = stocked.astype(float)
    out["selling"] = (stocked & (units > 0)).astype(float)
    out["units"] = units
    out["inventory"] = (values["inventory_begin"].to_numpy() + values["inventory_end"].to_numpy()) / 2.0
    out["mystery"] = values["mystery_visits"].to_numpy()
    out["recommended"] = values["recommended_visits"].to_numpy()
    return out.loc[is_target]


MEASURES = ("target", "stocked", "selling", "units", "inventory", "mystery", "recommended")


def sums(data: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """Sum the measures of *data* (from :func:`prepare`) per group, plus period length.

    Adds ``n_months`` and ``days``: the months of the group's period — the
    row's own month when ``month`` is a grouping column, otherwise every
    month present in *data* — and their calendar days.  Groups are sorted.
    """
    by = list(by)
    if by:
        out = data.groupby(by, sort=True, observed=True)[list(MEASURES)].sum()
    else:
        out = pd.DataFrame([data[list(MEASURES)].sum()], index=pd.Index(["all"], name="group"))
    if "month" in by:
        months = out.index.get_level_values("month")
        out["n_months"] = 1.0
        out["days"] = month_days(months).astype(float)
    else:
        all_months = pd.unique(data["month"].to_numpy())
        out["n_months"] = float(len(all_months))
        out["days"] = float(month_days(all_months).sum())
    return out


def parse_months(value: Any, name: str) -> tuple[str, ...]:
    """Return a month or a list of months as a tuple of ``YYYY-MM`` strings."""
    items = [value] if isinstance(value, str) else value
    try:
        items = list(items)
    except TypeError:
        items = None
    if not items or not all(isinstance(m, str) and MONTH_RE.match(m.strip()) for m in items):
        raise BadSpecError(*MSGS.both("bad_period", name=name, value=value), column=name)
    return tuple(dict.fromkeys(m.strip() for m in items))
