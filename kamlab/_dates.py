"""Dates and blanks in trainees' plans: shared by the plan checks of several tools.

Private: the tools re-export :func:`parse_date` where it is part of their
public API and word the problems themselves; this module only decides which
rule a value breaks.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

__all__ = ["parse_date", "due_rule", "blank", "short"]

_SEP = re.compile(r"[-/.]")
_TIME = re.compile(r"[\sT]+")


def parse_date(value: Any, *, with_time: bool = False) -> dt.date | None:
    """A date from ``YYYY-MM-DD`` text (``/`` and ``.`` too), a date or a Timestamp; None if unreadable.

    Parameters
    ----------
    value : str, datetime.date, datetime.datetime or pandas.Timestamp
        What the trainee wrote.  Anything else (a number, a missing value,
        ``NaT``) gives None.
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
    >>> parse_date("2026-11-10 17:30"), parse_date("2026-11-10 17:30", with_time=True)
    (None, datetime.date(2026, 11, 10))
    >>> import pandas as pd
    >>> parse_date(pd.Timestamp("2026-11-05 09:00")), parse_date(pd.NaT)
    (datetime.date(2026, 11, 5), None)
    """
    if isinstance(value, dt.datetime):            # pandas.Timestamp and NaT are datetimes too
        return None if value != value else value.date()   # NaT is not equal to itself
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if with_time:
        text = _TIME.split(text, maxsplit=1)[0]
    parts = _SEP.split(text)
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


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
