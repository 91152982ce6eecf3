"""m05 role-play log: read a log, resolve its keywords, find the final package, review it.

Examples
--------
>>> import kamlab as kl
>>> m = kl.course.m05.matrix(kl.datasets.load("clauses"))
>>> resolve_log(m, [{"step": 1, "side": "我方", "clause": "返利", "option": "底线"}])["option"].tolist()
['3%']
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..._errors import BadValueError
from ...negotiation import ConcessionMatrix, check_log
from ._case import KEYWORDS, LOG_COLUMNS
from ._messages import MSGS


def _log_frame(rows: Any) -> pd.DataFrame:
    if isinstance(rows, pd.DataFrame):
        frame = rows.copy()
    elif isinstance(rows, (list, tuple)) and all(isinstance(r, Mapping) for r in rows):
        frame = pd.DataFrame([dict(r) for r in rows], columns=list(LOG_COLUMNS)) if rows else \
            pd.DataFrame(columns=list(LOG_COLUMNS))
    else:
        zh, en = MSGS.both("err_log_type")
        raise BadValueError(zh, en, column="log")
    present = [c for c in LOG_COLUMNS if c in frame.columns]
    if present:
        blank = frame[present].apply(lambda s: s.isna() | (s.astype(str).str.strip() == "")).all(axis=1)
        frame = frame.loc[~blank]
    return frame.reset_index(drop=True)


def resolve_log(m: ConcessionMatrix, rows: Any) -> pd.DataFrame:
    """The log as a table, blank rows dropped and keywords (开价/目标/底线/对方开价) replaced by options.

    Examples
    --------
    >>> import kamlab as kl
    >>> m = kl.course.m05.matrix(kl.datasets.load("clauses"))
    >>> resolve_log(m, [{"step": 1, "side": "对方", "clause": "返利", "option": "对方开价"},
    ...                 {"step": None, "side": "", "clause": None, "option": None}])["option"].tolist()
    ['5%']
    """
    frame = _log_frame(rows)
    if "option" not in frame.columns or "clause" not in frame.columns:
        return frame
    by_name = {c.name: c for c in m.clauses}
    option = frame["option"].astype(object)
    for i in frame.index:
        word = KEYWORDS.get(str(option[i]).strip()) if option[i] is not None else None
        clause = by_name.get(str(frame.at[i, "clause"]).strip())
        if word is None or clause is None:
            continue
        if word == "their_opening":
            best = max(range(len(clause.options)), key=lambda j: (clause.theirs[j], -clause.ours[j], j))
            option[i] = clause.options[best]
        else:
            option[i] = getattr(clause, word)
    frame["option"] = option
    return frame


def final_package(m: ConcessionMatrix, log: pd.DataFrame) -> dict[str, str]:
    """The agreement a resolved *log* ends with: each clause's last option, else our target.

    Examples
    --------
    >>> import kamlab as kl
    >>> m = kl.course.m05.matrix(kl.datasets.load("clauses"))
    >>> log = resolve_log(m, [{"step": 1, "side": "我方", "clause": "返利", "option": "2%"}])
    >>> final_package(m, log)["返利"], final_package(m, log)["回款账期"]
    ('2%', '45天')
    """
    out = {c.name: c.target for c in m.clauses}
    if len(log):
        order = log.assign(_step=pd.to_numeric(log["step"], errors="coerce")).sort_values("_step", kind="stable")
        last = order.assign(clause=order["clause"].astype(str).str.strip()).drop_duplicates("clause", keep="last")
        for clause, option in zip(last["clause"], last["option"]):
            if clause in out:
                out[clause] = str(option).strip()
    return out


def _plain(value: Any) -> Any:
    """A log cell as plain JSON data: NaN -> None, whole floats -> int, numpy -> Python."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def review_log(m: ConcessionMatrix, rows: Any) -> dict[str, Any]:
    """Check a role-play log: rounds, concessions without exchange, the final package.

    Parameters
    ----------
    m : ConcessionMatrix
    rows : list of dict or DataFrame
        One row per offer: ``step`` (round), ``side`` (我方/对方 or us/them),
        ``clause`` and ``option`` (an option label, or 开价/目标/底线/对方开价).

    Returns
    -------
    dict
        ``log`` (the rows as given, blanks dropped), ``rounds``,
        ``unanswered`` (our concessions not answered by one of theirs:
        step, clause, from, to), ``final`` (package), ``feasible``,
        ``u_us``, ``u_them``.

    Examples
    --------
    >>> import kamlab as kl
    >>> m = kl.course.m05.matrix(kl.datasets.load("clauses"))
    >>> r = review_log(m, [
    ...     {"step": 1, "side": "我方", "clause": "回款账期", "option": "开价"},
    ...     {"step": 1, "side": "对方", "clause": "新品铺货率", "option": "对方开价"},
    ...     {"step": 2, "side": "我方", "clause": "回款账期", "option": "目标"},
    ...     {"step": 2, "side": "对方", "clause": "新品铺货率", "option": "目标"}])
    >>> r["rounds"], r["unanswered"], r["feasible"]
    (2, [], True)
    """
    raw = _log_frame(rows)
    log = resolve_log(m, raw)
    if log.empty:
        zh, en = MSGS.both("log_empty")
        raise BadValueError(zh, en, column="log")
    flagged = check_log(m, log)
    final = final_package(m, log)
    ev = m.evaluate(final)
    records = [{c: _plain(row.get(c)) for c in LOG_COLUMNS} for row in raw.to_dict("records")]
    return {"log": records,
            "rounds": int(pd.to_numeric(log["step"]).nunique()),
            "unanswered": [{"step": int(s), "clause": str(c), "from": str(f), "to": str(t)}
                           for s, c, f, t in zip(flagged["step"], flagged["clause"], flagged["from"], flagged["to"])],
            "final": final, "feasible": bool(ev.feasible),
            "u_us": round(ev.u_us, 6), "u_them": round(ev.u_them, 6)}
