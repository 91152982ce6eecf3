"""Shared pieces of the co-visit checks: bilingual problems, dates, times, key aliases."""

from __future__ import annotations

import functools

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .. import _dates
from .._dates import blank, short
from .._errors import BadSpecError
from .._i18n import Messages
from .._problems import Problem, did_you_mean

__all__ = ["Problem", "problem", "parse_date", "parse_time", "fmt_time", "blank", "short", "read_fields", "read_items",
           "DIGIT"]

DIGIT = re.compile(r"[0-9０-９]")
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:：.点]\s*(\d{2})\s*分?\s*$")

MSGS = Messages({
    "err_mapping": ("{what_zh}应是一个字典 {{{fields}}}，收到 {type}。",
                    "{what_en} must be a dict {{{fields}}}; got {type}."),
    "err_key": ("{what_zh}的字段 '{name}' 无法识别{hint_zh}。可用的字段：{fields}。",
                "{what_en} has an unknown field '{name}'{hint_en}. Fields: {fields}."),
    "err_items": ("{what_zh}应是一个列表，每条一个字典 {{{fields}}}，收到 {type}。",
                  "{what_en} must be a list with one dict {{{fields}}} per item; got {type}."),
    "err_item": ("{what_zh}第 {i} 条应是一个字典 {{{fields}}}，收到 {value!r}。",
                 "Item {i} of {what_en} must be a dict {{{fields}}}; got {value!r}."),
    "err_today": ("{name} 应是日期，例如 '2026-11-01'，收到 {value!r}。",
                  "{name} must be a date such as '2026-11-01'; got {value!r}."),
})


def problem(msgs: Messages, code: str, field: str, item: int | None = None, **fields: Any) -> Problem:
    """A :class:`~kamlab._problems.Problem` with the message *code* of *msgs*, at *field* and *item*.

    ``item`` is the 1-based number of the call or improvement (None for the whole plan).

    Examples
    --------
    >>> p = problem(Messages({"x": ("第 {i} 条", "Item {i}")}), "x", "objective", 2, i=2)
    >>> p.code, p.field, p.item, p.en
    ('x', 'objective', 2, 'Item 2')
    """
    zh, en = msgs.both(code, **fields)
    return Problem(code, zh, en, field=field, item=item)


#: The shared date parser, reading a time after the date too (a debrief is dated "2026-11-10 17:30").
parse_date = functools.partial(_dates.parse_date, with_time=True)


def parse_time(value: Any) -> int | None:
    """Minutes after midnight from ``HH:MM`` text (or a datetime.time); None if unreadable.

    Examples
    --------
    >>> parse_time("9:30"), parse_time("14：05"), parse_time("25:00"), parse_time("上午")
    (570, 845, None, None)
    """
    if isinstance(value, dt.time):
        return value.hour * 60 + value.minute
    if not isinstance(value, str):
        return None
    m = _TIME.match(value)
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if h > 23 or mi > 59:
        return None
    return h * 60 + mi


def fmt_time(minutes: int) -> str:
    """``HH:MM`` for minutes after midnight.

    Examples
    --------
    >>> fmt_time(570)
    '09:30'
    """
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def read_fields(value: Any, aliases: Mapping[str, str], fields: tuple[str, ...], *, what: tuple[str, str],
                item: int | None = None, ignore: tuple[str, ...] = ()) -> dict[str, Any]:
    """The fields of one dict, keys read through *aliases*; unknown keys raise BadSpecError.

    *what* names the thing in both languages (e.g. ``("第 2 次拜访", "call 2")``);
    the error carries ``column`` = the key and ``row`` = *item*.
    """
    listed = ", ".join(fields)
    if not isinstance(value, Mapping):
        if item is not None:
            raise BadSpecError(*MSGS.both("err_item", what_zh=what[0], what_en=what[1], i=item,
                                          fields=", ".join(f"'{f}': ..." for f in fields), value=value),
                               column=what[1], row=item)
        raise BadSpecError(*MSGS.both("err_mapping", what_zh=what[0], what_en=what[1].capitalize(),
                                      fields=", ".join(f"'{f}': ..." for f in fields), type=type(value).__name__),
                           column=what[1])
    out: dict[str, Any] = {f: None for f in fields}
    for key, v in value.items():
        name = aliases.get(str(key).strip().lower())
        if name is None:
            if str(key) in ignore:
                continue
            hint_zh, hint_en = did_you_mean(key, fields)
            where_zh = f"{what[0]}第 {item} 条" if item is not None else what[0]
            where_en = f"Item {item} of {what[1]}" if item is not None else what[1].capitalize()
            raise BadSpecError(*MSGS.both("err_key", what_zh=where_zh, what_en=where_en, name=key, fields=listed,
                                          hint_zh=hint_zh, hint_en=hint_en),
                               column=str(key), row=item)
        out[name] = v
    return out


def read_items(value: Any, aliases: Mapping[str, str], fields: tuple[str, ...], *,
               what: tuple[str, str]) -> list[dict[str, Any]]:
    """A list of dicts (or a DataFrame), each read with :func:`read_fields`; item numbers start at 1."""
    if hasattr(value, "to_dict") and hasattr(value, "columns"):       # a DataFrame
        value = value.to_dict("records")
    if isinstance(value, (Mapping, str, bytes)) or not isinstance(value, Iterable):
        raise BadSpecError(*MSGS.both("err_items", what_zh=what[0], what_en=what[1].capitalize(),
                                      fields=", ".join(f"'{f}': ..." for f in fields), type=type(value).__name__),
                           column=what[1])
    return [read_fields(v, aliases, fields, what=what, item=i, ignore=("ok", "problems", "advice"))
            for i, v in enumerate(value, start=1)]


def require_date(value: Any, name: str) -> dt.date:
    """*value* as a date, or BadSpecError naming parameter *name*."""
    day = parse_date(value)
    if day is None:
        raise BadSpecError(*MSGS.both("err_today", name=name, value=value), column=name)
    return day
