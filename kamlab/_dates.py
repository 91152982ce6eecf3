"""Dates in trainees' plans and the course calendar: the one date parser of kamlab.

Every tool, form and check reads a date with :func:`parse_date` (None when
unreadable, so a validator can word its own problem) or :func:`require_date`
(a bilingual :class:`~kamlab.BadValueError` naming what was written and the
forms accepted).  :data:`COURSE_TODAY` is the one "today" of the course: the
day the notebooks, the self-checks and the grader all take as the date a plan
is written, so a re-run months later gives the same answer.

Accepted forms: ``2026-12-01``, ``2026/12/1``, ``2026.12.1``,
``2026年12月1日`` (the 日 may be omitted), a month alone (``2026-12``,
``2026/12``, ``2026年12月``: the first day of that month), and
:class:`datetime.date`, :class:`datetime.datetime`, :class:`pandas.Timestamp` or
:class:`numpy.datetime64`.
Refused: anything else, e.g. ``12/1/2026`` (the year must come first),
``2026-02-30`` (no such day), ``下周一`` or ``月底`` (not a date), numbers.

Examples
--------
>>> parse_date("2026年12月1日"), parse_date("2026/12/1"), parse_date("2026-12")
(datetime.date(2026, 12, 1), datetime.date(2026, 12, 1), datetime.date(2026, 12, 1))
>>> COURSE_TODAY
datetime.date(2026, 11, 1)
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from ._errors import BadValueError

__all__ = ["COURSE_TODAY", "ACCEPTED_FORMS", "parse_date", "require_date", "due_rule", "blank", "short"]

#: The course's "today": the day every plan in the workbook is written (notebook, self-check, grader).
COURSE_TODAY = dt.date(2026, 11, 1)
#: The accepted forms, as an error message lists them.
ACCEPTED_FORMS = ("2026-12-01、2026/12/1、2026年12月1日、2026-12、2026年12月",
                  "2026-12-01, 2026/12/1, 2026年12月1日, 2026-12, 2026年12月")

_NUMERIC = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{1,2}))?$")
_CHINESE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号]?)?$")
_TIME = re.compile(r"[\sT]+")


def parse_date(value: Any, *, with_time: bool = False) -> dt.date | None:
    """A date from what a trainee wrote; None when it is not one of the accepted forms.

    Parameters
    ----------
    value : str, datetime.date, datetime.datetime, pandas.Timestamp or numpy.datetime64
        ``2026-12-01``, ``2026/12/1``, ``2026.12.1``, ``2026年12月1日``, or a
        month alone (``2026-12``, ``2026年12月``), which stands for its first
        day.  Anything else (a number, a missing value, ``NaT``) gives None.
    with_time : bool
        Read text such as ``"2026-11-10 17:30"`` (or ``"2026-11-10T17:30"``)
        by ignoring what follows the date.  Off by default: such text is
        unreadable then.

    Returns
    -------
    datetime.date or None

    Examples
    --------
    >>> parse_date("2026/12/1"), parse_date("月底"), parse_date("2026-02-30")
    (datetime.date(2026, 12, 1), None, None)
    >>> parse_date("2026年12月"), parse_date("12/1/2026")
    (datetime.date(2026, 12, 1), None)
    >>> parse_date("2026-11-10 17:30"), parse_date("2026-11-10 17:30", with_time=True)
    (None, datetime.date(2026, 11, 10))
    >>> import pandas as pd
    >>> parse_date(pd.Timestamp("2026-11-05 09:00")), parse_date(pd.NaT)
    (datetime.date(2026, 11, 5), None)
    >>> import numpy as np
    >>> parse_date(np.datetime64("2026-11-05T09:00")), parse_date(np.datetime64("NaT"))
    (datetime.date(2026, 11, 5), None)
    """
    if isinstance(value, dt.datetime):            # pandas.Timestamp and NaT are datetimes too
        return None if value != value else value.date()   # NaT is not equal to itself
    if isinstance(value, dt.date):
        return value
    if type(value).__name__ == "datetime64" and hasattr(value, "astype"):   # numpy, not imported here
        day = value.astype("datetime64[D]").item()   # a date, or None for NaT
        return day if isinstance(day, dt.date) else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if with_time:
        text = _TIME.split(text, maxsplit=1)[0]
    match = _NUMERIC.match(text) or _CHINESE.match(text)
    if match is None:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3) or "1"
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def require_date(value: Any, *, what: tuple[str, str] = ("日期", "date"), column: str | None = None,
                 row: Any = None, with_time: bool = False) -> dt.date:
    """Like :func:`parse_date`, but an unreadable value raises one clear bilingual error.

    Parameters
    ----------
    value : Any
        What was written.
    what : (str, str)
        What the date is, in Chinese and English (e.g. ``("完成日期", "due date")``).
    column, row : optional
        Where it was written; carried by the error.
    with_time : bool
        As in :func:`parse_date`.

    Raises
    ------
    kamlab.BadValueError
        Naming the value and the accepted forms.

    Examples
    --------
    >>> require_date("2026年12月1日")
    datetime.date(2026, 12, 1)
    >>> require_date("下周一", what=("完成日期", "due date"))
    Traceback (most recent call last):
    ...
    kamlab._errors.BadValueError: 完成日期 '下周一' 不是可识别的日期：请写成 2026-12-01、2026/12/1、2026年12月1日、2026-12、2026年12月 这样的格式。...
    """
    day = parse_date(value, with_time=with_time)
    if day is None:
        raise BadValueError(
            f"{what[0]} {value!r} 不是可识别的日期：请写成 {ACCEPTED_FORMS[0]} 这样的格式。",
            f"The {what[1]} {value!r} is not a date kamlab can read: write it like {ACCEPTED_FORMS[1]}.",
            column=column, row=row)
    return day


def due_rule(due: dt.date | None, today: dt.date, max_days: int) -> tuple[str, dict[str, Any]] | None:
    """Which rule a due date breaks, with the fields its message needs; None when it is fine.

    A due date must be readable and fall in ``[today, today + max_days]``.

    Parameters
    ----------
    due : datetime.date or None
        The parsed due date (None: it could not be read).
    today : datetime.date
        The day the plan is written.
    max_days : int
        How many days after *today* the due date may fall at the latest.

    Returns
    -------
    (code, fields) or None
        ``("bad_due", {})`` (the caller adds the raw value to its message),
        ``("due_past", {"due", "today"})`` or
        ``("due_far", {"due", "today", "max", "last"})``; dates as
        ``YYYY-MM-DD`` text.

    Examples
    --------
    >>> day = dt.date(2026, 11, 1)
    >>> due_rule(dt.date(2026, 11, 20), day, 30) is None
    True
    >>> due_rule(None, day, 30)
    ('bad_due', {})
    >>> due_rule(dt.date(2026, 10, 31), day, 30)
    ('due_past', {'due': '2026-10-31', 'today': '2026-11-01'})
    >>> due_rule(dt.date(2026, 12, 2), day, 30)
    ('due_far', {'due': '2026-12-02', 'today': '2026-11-01', 'max': 30, 'last': '2026-12-01'})
    """
    if due is None:
        return "bad_due", {}
    if due < today:
        return "due_past", {"due": due.isoformat(), "today": today.isoformat()}
    last = today + dt.timedelta(days=max_days)
    if due > last:
        return "due_far", {"due": due.isoformat(), "today": today.isoformat(), "max": max_days,
                           "last": last.isoformat()}
    return None


def blank(value: Any) -> bool:
    """True for None, NaN and empty or whitespace-only text (e.g. a missing owner).

    Examples
    --------
    >>> blank(None), blank(float("nan")), blank("  "), blank("王敏"), blank(0)
    (True, True, True, False, False)
    """
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return str(value).strip() == ""


def short(text: Any, n: int = 16) -> str:
    """*text* stripped and cut to *n* characters with an ellipsis ("" when blank).

    Examples
    --------
    >>> short("给 C03 的 20 家门店做卖点培训", 10), short(None)
    ('给 C03 的 2…', '')
    """
    s = "" if blank(text) else str(text).strip()
    return s if len(s) <= n else s[: n - 1] + "…"
