"""Evaluate a proposed package against the concession matrix (:meth:`ConcessionMatrix.evaluate`).

Value left on the table, frontier membership, walk-away and core-clause
violations, and the per-clause status table.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError
from .._problems import did_you_mean
from .._result import TableResult
from ._clauses import option_label
from ._messages import MSGS
from ._space import TOL

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from ._matrix import ConcessionMatrix

__all__ = ["Evaluation", "package_picks", "evaluate"]


@dataclass(frozen=True, repr=False)
class Evaluation(TableResult):
    """How good a proposed package is (``ConcessionMatrix.evaluate``).

    Attributes
    ----------
    table : DataFrame
        One row per clause (index ``clause``): option, ours, theirs, target,
        walk_away, status.
    package : dict
        The package evaluated, ``clause -> option``.
    u_us, u_them : float
        Utilities of the package for us and for them (0–100).
    feasible : bool
        No clause below its walk-away.
    on_frontier : bool
        Feasible and not dominated by any feasible package.
    value_left : float
        Value left on the table: the most we could gain (in u_us) without
        lowering their utility; 0 when nothing better exists.
    better_package : dict or None
        A feasible package that achieves *value_left* (``None`` if 0).
    violations : list of str
        Plain-language problems, in the language current at evaluation.

    Examples
    --------
    >>> from kamlab.negotiation import ConcessionMatrix
    >>> m = ConcessionMatrix({"A": {"options": ["x", "y"], "ours": [100, 40], "theirs": [0, 100],
    ...     "our_weight": 1, "their_weight": 1, "opening": "x", "target": "x", "walk_away": "y",
    ...     "core": True}})
    >>> ev = m.evaluate({"A": "y"})
    >>> ev.u_us, ev.on_frontier, ev.violations
    (40.0, True, ["核心条款「A」选了 'y'（我方得分 40），低于目标 'x'（100）。"])
    """

    package: dict[str, str] = field(default_factory=dict)
    u_us: float = math.nan
    u_them: float = math.nan
    feasible: bool = False
    on_frontier: bool = False
    value_left: float = 0.0
    better_package: dict[str, str] | None = None
    violations: list[str] = field(default_factory=list)
    matrix: "ConcessionMatrix | None" = field(default=None, compare=False)

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Draw the matrix chart with this package marked (see :meth:`ConcessionMatrix.plot`)."""
        assert self.matrix is not None
        return self.matrix.plot(ax=ax, proposal=self.package, **kwargs)

    def __repr__(self) -> str:
        return (f"Evaluation(u_us={self.u_us:.2f}, u_them={self.u_them:.2f}, on_frontier={self.on_frontier}, "
                f"value_left={self.value_left:.2f}, violations={len(self.violations)})\n{self.table!r}")


def package_picks(m: "ConcessionMatrix", package: Any) -> list[int]:
    """Option index per clause of *package*, raising one bilingual error on a missing, unknown or bad entry.

    Examples
    --------
    >>> from kamlab.negotiation import ConcessionMatrix
    >>> m = ConcessionMatrix({"A": {"options": ["x", "y"], "ours": [100, 0], "theirs": [0, 100],
    ...     "our_weight": 1, "their_weight": 1, "opening": "x", "target": "x", "walk_away": "y"}})
    >>> package_picks(m, {"A": "y", "u_us": 0})
    [1]
    """
    if isinstance(package, pd.Series):
        package = package.to_dict()
    first = m.clauses[0]
    if not isinstance(package, Mapping):
        raise BadSpecError(*MSGS.both("err_package_type", clause=first.name, option=first.options[0],
                                      kind=type(package).__name__), column="package")
    for key in package:
        if key not in m._names and key not in ("u_us", "u_them"):
            hint_zh, hint_en = did_you_mean(key, m._names)
            raise BadSpecError(*MSGS.both("err_unknown_clause", clause=key, hint_zh=hint_zh, hint_en=hint_en,
                                          valid_zh="、".join(m._names), valid_en=", ".join(m._names)),
                               column=str(key))
    picks = []
    for c in m.clauses:
        valid_zh, valid_en = "、".join(c.options), ", ".join(c.options)
        if c.name not in package:
            raise BadSpecError(*MSGS.both("err_missing_clause", clause=c.name, valid_zh=valid_zh,
                                          valid_en=valid_en), column=c.name)
        label = option_label(package[c.name])
        if label not in c.options:
            raise BadSpecError(*MSGS.both("err_bad_option", clause=c.name, option=label, valid_zh=valid_zh,
                                          valid_en=valid_en), column=c.name)
        picks.append(c.options.index(label))
    return picks


def evaluate(m: "ConcessionMatrix", package: Any) -> Evaluation:
    """Evaluate a proposed package (one option per clause).

    Parameters
    ----------
    m : ConcessionMatrix
        The matrix.
    package : dict or Series
        ``clause -> option`` for every clause.  Keys ``"u_us"`` and
        ``"u_them"`` are ignored, so ``m.evaluate(m.nash())`` and a row
        of ``m.frontier()`` work.

    Returns
    -------
    Evaluation
        ``u_us``, ``u_them``, ``feasible``, ``on_frontier``,
        ``value_left`` (max over feasible packages with u_them ≥ the
        package's − TOL of the gain in u_us, floored at 0),
        ``better_package`` (the package reaching it: highest u_us, then
        highest u_them, then first in enumeration order; ``None`` when
        value_left is 0), ``violations`` and ``table``.

    Raises
    ------
    BadSpecError
        A missing or unknown clause, or an option not in the list.

    Examples
    --------
    >>> from kamlab.negotiation import ConcessionMatrix
    >>> m = ConcessionMatrix({"A": {"options": ["x", "y", "z"], "ours": [100, 50, 0],
    ...     "theirs": [0, 50, 100], "our_weight": 1, "their_weight": 1, "opening": "x",
    ...     "target": "x", "walk_away": "y", "core": True}})
    >>> ev = m.evaluate({"A": "z"})
    >>> ev.feasible, ev.value_left, len(ev.violations)
    (False, 0.0, 2)
    >>> ev.table.loc["A", "status"]
    '低于底线'
    """
    picks = package_picks(m, package)
    space = m._space
    ours = [c.ours[i] for c, i in zip(m.clauses, picks)]
    theirs = [c.theirs[i] for c, i in zip(m.clauses, picks)]
    u_us = float(sum(c.our_weight * s for c, s in zip(m.clauses, ours)) / m._w_us.sum())
    u_them = float(sum(c.their_weight * s for c, s in zip(m.clauses, theirs)) / m._w_them.sum())
    floors = [c.score_ours(c.walk_away) for c in m.clauses]
    targets = [c.score_ours(c.target) for c in m.clauses]
    feasible = all(s >= f for s, f in zip(ours, floors))
    on_frontier = False
    if feasible:
        digits = [c.feasible.index(i) for c, i in zip(m.clauses, picks)]
        flat = int(np.ravel_multi_index(digits, m._shape))
        on_frontier = bool(np.isin(flat, space.frontier))
    cand = np.flatnonzero(space.u_them >= u_them - TOL)
    value_left, better = 0.0, None
    if cand.size:
        best_us = float(space.u_us[cand].max())
        if best_us - u_us > TOL:
            value_left = best_us - u_us
            cand = cand[space.u_us[cand] >= best_us - TOL]
            cand = cand[space.u_them[cand] >= space.u_them[cand].max() - TOL]
            row = m._packages(cand[:1]).iloc[0]
            better = {name: row[name] for name in m._names}
    violations: list[str] = []
    status: list[str] = []
    for c, i, s, f, t in zip(m.clauses, picks, ours, floors, targets):
        option = c.options[i]
        if c.core and s < t:
            violations.append(MSGS("violation_core", clause=c.name, option=option, score=s,
                                   target=c.target, target_score=t))
        if s < f:
            violations.append(MSGS("violation_walk", clause=c.name, option=option, score=s,
                                   walk=c.walk_away, walk_score=f))
        status.append(MSGS.label("status_below_walk") if s < f else
                      MSGS.label("status_core_below_target") if c.core and s < t else
                      MSGS.label("status_at_target") if s >= t else MSGS.label("status_ok"))
    table = pd.DataFrame(
        {"option": [c.options[i] for c, i in zip(m.clauses, picks)], "ours": ours, "theirs": theirs,
         "target": [c.target for c in m.clauses], "walk_away": [c.walk_away for c in m.clauses],
         "status": status},
        index=pd.Index(m._names, name="clause"))
    chosen = {c.name: c.options[i] for c, i in zip(m.clauses, picks)}
    return Evaluation(table=table, package=chosen, u_us=u_us, u_them=u_them, feasible=feasible,
                      on_frontier=on_frontier, value_left=float(value_left), better_package=better,
                      violations=violations, matrix=m)
