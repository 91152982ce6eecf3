"""m05 decision model: core clauses, the concession matrix (core clauses held at target), a proposal.

Examples
--------
>>> import kamlab as kl
>>> m = matrix(kl.datasets.load("clauses"), core=["年度分销数量", "联合活动"])
>>> m.table.loc["年度分销数量", ["target", "walk_away"]].tolist()
['8万盒', '8万盒']
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..._errors import BadValueError
from ..._problems import did_you_mean
from ...negotiation import ConcessionMatrix, clauses_from_table
from ._case import _per_clause, clause_names
from ._messages import MSGS


def _unknown(key: str, name: str, names: Sequence[str], column: str) -> BadValueError:
    hint_zh, hint_en = did_you_mean(name, names)
    zh = MSGS.both(key, clause=name, hint_zh=hint_zh, hint_en=hint_en, valid="、".join(names))[0]
    en = MSGS.both(key, clause=name, hint_zh=hint_zh, hint_en=hint_en, valid=", ".join(names))[1]
    return BadValueError(zh, en, column=column)


def core_list(q1: Any, clauses: pd.DataFrame) -> list[str] | None:
    """The core clauses of the answer *q1* (a list, or a dict with ``core``), ``None`` while unanswered.

    ``None`` (and a *q1* that names no known clause list) means: use the
    core flags of the data.

    Examples
    --------
    >>> import kamlab as kl
    >>> clauses = kl.datasets.load("clauses")
    >>> core_list(..., clauses) is None, core_list(["返利"], clauses), core_list({"core": ["返利"]}, clauses)
    (True, ['返利'], ['返利'])
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
    >>> their_weights_or_default(..., kl.datasets.load("clauses"))["新品铺货率"]
    14.0
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
    """The concession matrix of *clauses* with the trainee's core clauses, each core clause held at its target.

    A core clause (核心条款) is not traded: its target is what we must get, so in this
    matrix its walk-away *is* its target.  A package is then feasible exactly when it
    keeps every walk-away and every core target, and the Pareto frontier and the Nash
    point are found among those packages only.

    Parameters
    ----------
    clauses : DataFrame
        The long clause table.
    their_weights : dict or ``...``
        An estimate of the counterpart's weights; ``...`` keeps the data's
        ``their_weight`` (our research's estimate).
    core : list, dict or ``...``
        The core clauses (``q1``: a list, or ``{"core": [...]}``); ``...`` keeps
        the data's core flags.

    Examples
    --------
    >>> import kamlab as kl
    >>> clauses = kl.datasets.load("clauses")
    >>> m = matrix(clauses, core=["返利"])
    >>> bool(m.table.loc["返利", "core"]), m.table.loc["返利", "walk_away"]   # held at its target 1%
    (True, '1%')
    >>> m.table.loc["回款账期", "walk_away"]                                  # not core: the data's walk-away
    '60天'
    """
    spec = clauses_from_table(clauses)
    weights = their_weights_or_default(their_weights, clauses)
    chosen = core_list(core, clauses)
    for name, field in spec.items():
        field["their_weight"] = weights[name]
        if chosen is not None:
            field["core"] = name in chosen
        if field["core"]:
            field["walk_away"] = field["target"]
    return ConcessionMatrix(spec)


def literal_text(package: Mapping[str, Any]) -> str:
    """A package as stable text (keys in order), e.g. to hash it."""
    return json.dumps(dict(package), ensure_ascii=False)


def _say(zh: str, en: str) -> tuple[str, str]:
    return zh, en


def assess(m: ConcessionMatrix, package: Mapping[str, Any]) -> dict[str, Any]:
    """Judge a proposal the way exercise 4 does: every walk-away and core target kept, on the frontier, win-win.

    The rules (seed 000 §五: 核心条款守住目标, 底线不能破; a deal that leaves value on the
    table is not yet win-win):

    1. every clause has an option; none is below its walk-away;
    2. every core clause is at or above its target (in :func:`matrix` a core
       clause's walk-away is its target);
    3. the package is on the Pareto frontier: no feasible package gives us more
       without giving them less (value left on the table = 0);
    4. it is a deal for them too: their utility is at least what our own targets
       (the package of every clause at our target) give them; an opening offer
       is where talks start, not where they close.

    Returns
    -------
    dict
        ``package`` (clause -> option or ``None``), ``missing`` (clauses with no
        option), ``problems`` (``(zh, en)`` reasons, in the order of the rules),
        ``u_us``, ``u_them``, ``on_frontier``, ``value_left``, ``their_floor``
        (their utility of our target package) and ``ok`` (no problem).

    Examples
    --------
    >>> import kamlab as kl
    >>> m = matrix(kl.datasets.load("clauses"))
    >>> a = assess(m, {k: v for k, v in m.nash().items() if k not in ("u_us", "u_them")})
    >>> a["ok"], a["on_frontier"], a["value_left"]
    (True, True, 0.0)
    >>> opening = assess(m, {c.name: c.opening for c in m.clauses})
    >>> opening["ok"], opening["problems"][-1][1][:40]
    (False, 'Their utility 13.0 is below the 24.8 our')
    >>> assess(m, {"返利": "5%"})["problems"][0][1]
    'No option chosen yet for 7 clauses.'
    """
    names = [c.name for c in m.clauses]
    chosen = {n: (None if package.get(n) in (None, "") else str(package.get(n)).strip()) for n in names}
    missing = [n for n in names if chosen[n] is None]
    out: dict[str, Any] = {"package": chosen, "missing": missing, "problems": [], "u_us": None, "u_them": None,
                           "feasible": False, "on_frontier": False, "value_left": None, "their_floor": None,
                           "ok": False}
    if missing:
        out["problems"].append(_say(f"还有 {len(missing)} 个条款没有选择选项。",
                                    f"No option chosen yet for {len(missing)} clauses."))
        return out
    for c in m.clauses:
        if chosen[c.name] not in c.options:
            out["problems"].append(_say(f"「{c.name}」没有选项 '{chosen[c.name]}'。",
                                        f"'{c.name}' has no option '{chosen[c.name]}'."))
    if out["problems"]:
        return out
    ev = m.evaluate(chosen)
    for c in m.clauses:
        s, opt = c.score_ours(chosen[c.name]), chosen[c.name]
        if c.core and s < c.score_ours(c.target):
            out["problems"].append(_say(f"核心条款「{c.name}」选了 {opt}，低于目标 {c.target}：核心条款要守住目标。",
                                        f"Core clause '{c.name}' at {opt} is below its target {c.target}: "
                                        f"a core clause keeps its target."))
        elif s < c.score_ours(c.walk_away):
            out["problems"].append(_say(f"「{c.name}」选了 {opt}，低于底线 {c.walk_away}：这个方案不能接受。",
                                        f"'{c.name}' at {opt} is below the walk-away {c.walk_away}: "
                                        f"not acceptable."))
    floor = m.evaluate({c.name: c.target for c in m.clauses}).u_them
    out.update(u_us=round(ev.u_us, 6), u_them=round(ev.u_them, 6), feasible=bool(ev.feasible),
               on_frontier=bool(ev.on_frontier),
               value_left=round(ev.value_left, 6), their_floor=round(floor, 6))
    if ev.feasible and not ev.on_frontier:
        out["problems"].append(_say(
            f"不在帕累托前沿上：不降低对方效用，我方还能多拿 {ev.value_left:.1f} 分，价值留在了桌上。",
            f"Not on the Pareto frontier: we could gain {ev.value_left:.1f} points at no cost to them; "
            f"value is left on the table."))
    if ev.u_them < floor - 1e-9:
        out["problems"].append(_say(
            f"对方效用 {ev.u_them:.1f} 低于我方目标方案给对方的 {floor:.1f}：这是开价，不是双方都能接受的成交方案。",
            f"Their utility {ev.u_them:.1f} is below the {floor:.1f} our own targets give them: "
            f"this is an opening offer, not a deal both sides accept."))
    out["ok"] = not out["problems"]
    return out


def candidates(m: ConcessionMatrix) -> dict[str, dict[str, Any]]:
    """Four packages to read off the frontier chart (exercise 3), lettered A-D by our utility, highest first.

    Letters follow a fixed hash of each package, so their order changes with the data.
    The Nash point, the frontier's end best for us, its end best for them, and a package
    inside the frontier (value left on the table): our target package, every clause at its
    target, as a negotiation clause by clause ends (else the Nash package with one clause
    moved off the frontier).

    Examples
    --------
    >>> import kamlab as kl
    >>> c = candidates(matrix(kl.datasets.load("clauses")))
    >>> sorted(c), sum(p["kind"] == "nash" for p in c.values())
    (['A', 'B', 'C', 'D'], 1)
    """
    names = [c.name for c in m.clauses]
    front = m.frontier()
    nash = m.nash()
    found: list[tuple[str, dict[str, str]]] = [
        ("nash", {n: nash[n] for n in names}),
        ("ours", {n: front.iloc[0][n] for n in names}),
        ("theirs", {n: front.iloc[-1][n] for n in names})]
    inside = [{c.name: c.target for c in m.clauses}]
    inside += [dict(found[0][1], **{c.name: c.options[j]}) for c in m.clauses for j in c.feasible]
    for pkg in inside:
        if not m.evaluate(pkg).on_frontier:
            found.append(("inside", pkg))
            break
    out, seen = [], set()
    for kind, pkg in found:
        key = tuple(pkg[n] for n in names)
        if key in seen:
            continue
        seen.add(key)
        ev = m.evaluate(pkg)
        out.append({"kind": kind, "package": pkg, "u_us": round(ev.u_us, 6), "u_them": round(ev.u_them, 6),
                    "on_frontier": bool(ev.on_frontier)})
    # letters in an order that changes with the data (not "the middle one" every time), the same on every run
    out.sort(key=lambda p: hashlib.md5(literal_text(p["package"]).encode("utf-8")).hexdigest())
    return {chr(ord("A") + i): p for i, p in enumerate(out)}


def first_trade(m: ConcessionMatrix) -> dict[str, Any] | None:
    """The first give-and-get of the trade plan (无交换不让步), or ``None`` when nothing can be traded.

    Examples
    --------
    >>> import kamlab as kl
    >>> first_trade(matrix(kl.datasets.load("clauses")))["give"]
    '回款账期'
    """
    plan = m.trade_plan()
    if plan.empty:
        return None
    row = plan.iloc[0]
    return {"give": str(row["give_clause"]), "get": str(row["get_clause"]),
            "give_ratio": float(row["give_ratio"]), "get_ratio": float(row["get_ratio"])}
