"""m05 decision model: core clauses, the counterpart's weights, the concession matrix, a proposal.

Examples
--------
>>> import kamlab as kl
>>> split(kl.datasets.load("clauses"), top=3)["core"]
['店员培训', '数据反馈', '陈列资源']
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..._errors import BadValueError
from ..._problems import did_you_mean
from ...negotiation import ConcessionMatrix, clauses_from_table
from ._case import CORE_TOP, _per_clause, clause_names
from ._messages import MSGS


def _unknown(key: str, name: str, names: Sequence[str], column: str) -> BadValueError:
    hint_zh, hint_en = did_you_mean(name, names)
    zh = MSGS.both(key, clause=name, hint_zh=hint_zh, hint_en=hint_en, valid="、".join(names))[0]
    en = MSGS.both(key, clause=name, hint_zh=hint_zh, hint_en=hint_en, valid=", ".join(names))[1]
    return BadValueError(zh, en, column=column)


def split(clauses: pd.DataFrame, top: int = CORE_TOP, extra: Sequence[str] = ()) -> dict[str, Any]:
    """Sort the clauses into core (核心条款) and tradeable (可让步条款).

    Core = the clauses whose our weight is among the *top* largest (ties
    included) plus the clauses in *extra*; every other clause is tradeable.

    Parameters
    ----------
    clauses : DataFrame
        The long clause table (``kl.datasets.load("clauses")``).
    top : int
        How many of our most important clauses are core (the course rule: at
        least 3).
    extra : list of str
        Clauses the trainee also protects (e.g. a 动销 target).

    Returns
    -------
    dict
        ``{"top": top, "extra": [...], "core": [...], "tradeable": [...]}``,
        clauses in table order; the decisions travel with the answer so the
        check recomputes it on any data variant.

    Examples
    --------
    >>> import kamlab as kl
    >>> s = split(kl.datasets.load("clauses"), top=3, extra=["新品进场率"])
    >>> s["core"], len(s["tradeable"])
    (['新品进场率', '店员培训', '数据反馈', '陈列资源'], 4)
    """
    names = clause_names(clauses)
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or not 1 <= int(top) <= len(names):
        zh, en = MSGS.both("err_top", n=len(names), value=top)
        raise BadValueError(zh, en, column="top")
    extra = [str(e) for e in ([extra] if isinstance(extra, str) else list(extra))]
    for e in extra:
        if e not in names:
            raise _unknown("err_core_unknown", e, names, "extra")
    weights = _per_clause(clauses, "our_weight").astype(float)
    cut = np.sort(weights.to_numpy())[::-1][int(top) - 1]
    core = [n for n in names if weights[n] >= cut - 1e-9 or n in extra]
    return {"top": int(top), "extra": [n for n in names if n in extra], "core": core,
            "tradeable": [n for n in names if n not in core]}


def core_list(q1: Any, clauses: pd.DataFrame) -> list[str] | None:
    """The core clauses of the answer *q1* (``split`` result or a list), ``None`` while unanswered.

    ``None`` (and a *q1* that names no known clause list) means: use the
    core flags of the data.

    Examples
    --------
    >>> import kamlab as kl
    >>> clauses = kl.datasets.load("clauses")
    >>> core_list(..., clauses) is None, core_list(["返利"], clauses)
    (True, ['返利'])
    """
    if q1 is Ellipsis or q1 is None:
        return None
    core = q1.get("core") if isinstance(q1, Mapping) else q1
    if isinstance(core, str) or not isinstance(core, (list, tuple, set, frozenset, np.ndarray, pd.Index)):
        return None
    names = clause_names(clauses)
    core = [str(c) for c in core]
    for c in core:
        if c not in names:
            raise _unknown("err_core_unknown", c, names, "core")
    return [n for n in names if n in core]


def to_100(weights: Mapping[str, float]) -> dict[str, float]:
    """Rescale positive *weights* so they add up to 100 (the estimate the sliders write).

    Examples
    --------
    >>> to_100({"返利": 3, "回款账期": 1})
    {'返利': 75.0, '回款账期': 25.0}
    """
    if not isinstance(weights, Mapping) or not weights:
        zh, en = MSGS.both("err_weights_type", example='{"返利": 10, "回款账期": 15, ...}')
        raise BadValueError(zh, en, column="their_weights")
    values = {}
    for k, v in weights.items():
        if isinstance(v, bool) or not isinstance(v, (int, float, np.number)) or not math.isfinite(v) or v <= 0:
            zh, en = MSGS.both("err_weight_value", clause=k, value=v)
            raise BadValueError(zh, en, column=str(k))
        values[str(k)] = float(v)
    total = sum(values.values())
    return {k: v * 100.0 / total for k, v in values.items()}


def their_weights_or_default(q2: Any, clauses: pd.DataFrame) -> dict[str, float]:
    """The trainee's estimate *q2*, or the data's own estimate (``their_weight``) while unanswered.

    Examples
    --------
    >>> import kamlab as kl
    >>> their_weights_or_default(..., kl.datasets.load("clauses"))["新品进场率"]
    5.0
    """
    if q2 is Ellipsis or q2 is None:
        return {k: float(v) for k, v in _per_clause(clauses, "their_weight").items()}
    names = clause_names(clauses)
    if not isinstance(q2, Mapping):
        zh, en = MSGS.both("err_weights_type", example='{"' + names[0] + '": 15, ...}')
        raise BadValueError(zh, en, column="their_weights")
    for k in q2:
        if str(k) not in names:
            raise _unknown("err_weight_unknown", str(k), names, str(k))
    out = {}
    for n in names:
        if n not in q2:
            zh, en = MSGS.both("err_weight_missing", clause=n)
            raise BadValueError(zh, en, column=n)
        v = q2[n]
        if isinstance(v, bool) or not isinstance(v, (int, float, np.number)) or not math.isfinite(v) or v <= 0:
            zh, en = MSGS.both("err_weight_value", clause=n, value=v)
            raise BadValueError(zh, en, column=n)
        out[n] = float(v)
    return out


def matrix(clauses: pd.DataFrame, their_weights: Any = ..., core: Any = ...) -> ConcessionMatrix:
    """The concession matrix of *clauses* with the trainee's estimate and core clauses.

    Parameters
    ----------
    clauses : DataFrame
        The long clause table.
    their_weights : dict or ``...``
        The trainee's estimate of the counterpart's weights (``q2``); ``...``
        keeps the data's ``their_weight``.
    core : dict, list or ``...``
        ``q1`` (or a list of core clauses); ``...`` keeps the data's core flags.

    Examples
    --------
    >>> import kamlab as kl
    >>> clauses = kl.datasets.load("clauses")
    >>> w = dict.fromkeys(clause_names(clauses), 12.5)
    >>> m = matrix(clauses, their_weights=w, core=["返利"])
    >>> float(m.table.loc["返利", "their_weight"]), bool(m.table.loc["返利", "core"])
    (12.5, True)
    """
    spec = clauses_from_table(clauses)
    weights = their_weights_or_default(their_weights, clauses)
    chosen = core_list(core, clauses)
    for name, field in spec.items():
        field["their_weight"] = weights[name]
        if chosen is not None:
            field["core"] = name in chosen
    return ConcessionMatrix(spec)


def assess(m: ConcessionMatrix, package: Mapping[str, Any]) -> dict[str, Any]:
    """Evaluate a proposal: the package and what ``m.evaluate`` finds, in plain data.

    Returns
    -------
    dict
        ``package``, ``u_us``, ``u_them``, ``feasible``, ``on_frontier``,
        ``value_left`` (rounded to 6 decimals), ``better_package`` and
        ``problems`` (clauses below walk-away or, if core, below target).

    Examples
    --------
    >>> import kamlab as kl
    >>> m = matrix(kl.datasets.load("clauses"))
    >>> a = assess(m, {k: v for k, v in m.nash().items() if k not in ("u_us", "u_them")})
    >>> a["on_frontier"], a["value_left"], a["problems"]
    (True, 0.0, [])
    """
    ev = m.evaluate(dict(package))
    ours = ev.table["ours"].astype(float)
    walk = pd.Series([c.score_ours(c.walk_away) for c in m.clauses], index=ev.table.index)
    target = pd.Series([c.score_ours(c.target) for c in m.clauses], index=ev.table.index)
    core = pd.Series([c.core for c in m.clauses], index=ev.table.index)
    bad = (ours < walk) | (core & (ours < target))
    return {"package": dict(ev.package), "u_us": round(ev.u_us, 6), "u_them": round(ev.u_them, 6),
            "feasible": bool(ev.feasible), "on_frontier": bool(ev.on_frontier),
            "value_left": round(ev.value_left, 6),
            "better_package": None if ev.better_package is None else dict(ev.better_package),
            "problems": [str(n) for n in ev.table.index[bad.to_numpy()]]}
