"""The decision model of m06: the chain the exercise runs on, the scheme in use, the push plan's line.

Examples
--------
>>> _add_months(dt.date(2026, 11, 1), 3)
datetime.date(2027, 2, 1)
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ... import incentives
from ..._dates import require_date
from ..._errors import BadValueError
from ..._i18n import localized
from .._shared import resolve_account
from ._case import _ALL, _REST, _STORE_GROUPS, DEFAULT_SCHEME, PLAN_START

def sellout_chain(sellout: Any, chains: Any, account: str | None = None) -> str:
    """The chain the exercise runs on: the key account itself.

    Parameters
    ----------
    sellout, chains : DataFrame
        The notebook's ``sellout`` and ``chains`` data.
    account : str, optional
        The key account chosen in m02 (``None``: m02's default, the top
        重点投入 chain), checked with ``kl.course._shared.resolve_account``.

    Returns
    -------
    str
        The key account.  The bundled ``sellout`` holds stores of every chain,
        so it always has data; a trainee's own table without rows of the
        account raises a bilingual error instead of switching to another
        chain silently.

    Raises
    ------
    BadValueError
        The sell-out data has no rows of the account.

    Examples
    --------
    >>> import kamlab as kl
    >>> sellout, chains = kl.datasets.load("sellout"), kl.datasets.load("chains")
    >>> sellout_chain(sellout, chains)
    'C18'
    >>> sellout_chain(sellout, chains, "C25")
    'C25'
    >>> sellout_chain(sellout[sellout["chain_id"] != "C25"], chains, "C25")
    Traceback (most recent call last):
    ...
    kamlab._errors.BadValueError: 门店动销数据（sellout）里没有重点客户 C25 的门店...
    """
    key = resolve_account(account, chains)
    if key not in set(sellout["chain_id"].astype(str)):
        raise BadValueError(
            f"门店动销数据（sellout）里没有重点客户 {key} 的门店。请加载含有 {key} 门店月度数据的表，"
            "或把参数 account 设为数据里有的连锁。",
            f"The sell-out data (sellout) has no stores of the key account {key}. Load a table with the "
            f"monthly rows of {key}'s stores, or set the parameter account to a chain that is in the data.",
            column="chain_id")
    return key


def scheme_or_default(q2: Any) -> Any:
    """The trainee's scheme (exercise 2) as a Scheme, or the course's demonstration scheme.

    Examples
    --------
    >>> scheme_or_default(...).basis
    'growth'
    >>> scheme_or_default({"tiers": [{"min_units": 50, "rate": 1}]}).basis
    'units'
    """
    try:
        return incentives.as_scheme(q2)
    except (ValueError, TypeError, AttributeError, IndexError):
        return incentives.as_scheme(DEFAULT_SCHEME)


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + y, m + 1, 1)


def plan_line(liaison: str, months: int = 3, waves: int = 3, meeting_every: int = 30, *,
              start: str = PLAN_START, name: str = "q1") -> str:
    """The answer line of a push plan: window of *months*, *waves* back-to-back waves, meetings.

    Meetings fall two weeks after the start, then every *meeting_every* days.

    Examples
    --------
    >>> line = plan_line("张伟", months=2, waves=2)
    >>> line
    'q1 = {"liaison": "张伟", "start": "2026-11-01", "end": "2026-12-31", "waves": [{"name": "第1批", "stores": "A 类门店", "start": "2026-11-01", "end": "2026-11-30"}, {"name": "第2批", "stores": "其余门店", "start": "2026-12-01", "end": "2026-12-31"}], "meetings": ["2026-11-15", "2026-12-15"]}'
    >>> import kamlab as kl
    >>> kl.incentives.push_plan(eval(line.split(" = ", 1)[1])).ok
    True
    """
    first = require_date(start, what=("计划开始日期", "plan start"), column="start")
    last = _add_months(first, int(months)) - dt.timedelta(days=1)
    days = (last - first).days + 1
    n = max(int(waves), 1)
    bounds = [first + dt.timedelta(days=round(days * i / n)) for i in range(n + 1)]
    groups = [_ALL] if n == 1 else list(_STORE_GROUPS[: n - 1]) + [_REST]
    wave_list = [{"name": localized(f"第{i + 1}批", f"Wave {i + 1}"),
                  "stores": localized(*groups[i]), "start": bounds[i].isoformat(),
                  "end": (bounds[i + 1] - dt.timedelta(days=1)).isoformat()} for i in range(n)]
    meetings = []
    day = first + dt.timedelta(days=14)
    while day <= last:
        meetings.append(day.isoformat())
        day += dt.timedelta(days=int(meeting_every))
    plan = {"liaison": liaison, "start": first.isoformat(), "end": last.isoformat(), "waves": wave_list,
            "meetings": meetings}
    return f"{name} = {json.dumps(plan, ensure_ascii=False)}"
