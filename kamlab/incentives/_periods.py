"""The months a scheme is measured on: period and baseline, checked against the data's months.

Examples
--------
>>> _periods(["2026-08", "2026-09", "2026-10"], "2026-10", None)
(('2026-10',), ('2026-09',))
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from .._errors import BadValueError
from .._i18n import Messages
from .._problems import did_you_mean

#: Months in the default period (and baseline): the latest quarter vs the quarter before.
DEFAULT_MONTHS = 3

MSGS = Messages({
    "bad_month": ("月份 '{month}' 不在数据里{zh_hint}。数据中的月份：{first} … {last}。请改用数据里的月份（YYYY-MM）。",
                  "Month '{month}' is not in the data{en_hint}. The data covers {first} … {last}. Use a month "
                  "of the data (YYYY-MM)."),
    "bad_period": ("{name} 应是一个月份 'YYYY-MM' 或月份列表，收到的是 {got!r}。",
                   "{name} must be a month 'YYYY-MM' or a list of months, got {got!r}."),
    "overlap": ("统计期和基期都包含月份 '{month}'。两段时间不能重叠。",
                "Month '{month}' is in both the period and the baseline. They must not overlap."),
    "length": ("统计期有 {p} 个月，基期有 {b} 个月。两段时间的月数要相同才能比较增量。",
               "The period has {p} months and the baseline {b}. Use the same number of months to compare."),
    "too_short": ("数据只有 {n} 个月，不够默认的统计期 + 基期（各 {k} 个月）。请用 period= 和 baseline= 指定月份。",
                  "The data has only {n} months, too few for the default period + baseline ({k} months each). "
                  "Name the months with period= and baseline=."),
})


def _months(value: Any, name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value.strip(),)
    if isinstance(value, Sequence) and value and all(isinstance(m, str) for m in value):
        return tuple(m.strip() for m in value)
    raise BadValueError(*MSGS.both("bad_period", name=name, got=value), column="month")


def _check_month(month: str, known: list[str]) -> None:
    if month in known:
        return
    zh_hint, en_hint = did_you_mean(month, known, cutoff=0.6)
    raise BadValueError(*MSGS.both("bad_month", month=month, zh_hint=zh_hint, en_hint=en_hint,
                                   first=known[0], last=known[-1]), column="month")


def _periods(known: list[str], period: Any, baseline: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The period and baseline months, checked against the data's months *known* (sorted)."""
    if period is None:
        if len(known) < 2 * DEFAULT_MONTHS and baseline is None:
            raise BadValueError(*MSGS.both("too_short", n=len(known), k=DEFAULT_MONTHS), column="month")
        p = tuple(known[-DEFAULT_MONTHS:])
    else:
        p = _months(period, "period")
    for m in p:
        _check_month(m, known)
    if baseline is None:
        start = known.index(min(p))
        if start < len(p):
            raise BadValueError(*MSGS.both("too_short", n=len(known), k=len(p)), column="month")
        b = tuple(known[start - len(p):start])
    else:
        b = _months(baseline, "baseline")
    for m in b:
        _check_month(m, known)
    both = sorted(set(p) & set(b))
    if both:
        raise BadValueError(*MSGS.both("overlap", month=both[0]), column="month")
    if len(set(p)) != len(set(b)):
        raise BadValueError(*MSGS.both("length", p=len(set(p)), b=len(set(b))), column="month")
    return tuple(sorted(set(p))), tuple(sorted(set(b)))


def _month_text(col: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(col.dtype):
        return col.dt.strftime("%Y-%m")
    return col.astype(str).str.strip()
