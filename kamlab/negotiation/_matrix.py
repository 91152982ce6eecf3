"""The concession matrix (让步矩阵): every package, its utilities, frontier and Nash point.

A package picks one option per clause.  Its utility for a side is
``Σ w·score / Σ w`` over the clauses (0–100).  A package is *feasible* when
no clause is worse for us than its walk-away option.  The feasible packages
are enumerated at once with numpy: options below walk-away are masked first,
then the per-clause contributions ``w·score`` are summed over the Cartesian
product by repeated outer sums (mixed-radix order, first clause most
significant — the order of ``itertools.product``).  Utilities that differ by
at most ``TOL = 1e-9`` count as equal.

Examples
--------
>>> clauses = {
...     "供货折扣": {"options": ["5%", "8%", "10%"], "ours": [100, 60, 0], "theirs": [0, 50, 100],
...                  "our_weight": 30, "their_weight": 50, "walk_away": "10%", "target": "8%",
...                  "opening": "5%", "core": False},
...     "回款账期": {"options": ["30天", "60天", "90天"], "ours": [100, 70, 20], "theirs": [20, 60, 100],
...                  "our_weight": 70, "their_weight": 50, "walk_away": "60天", "target": "30天",
...                  "opening": "30天", "core": True}}
>>> m = ConcessionMatrix(clauses)
>>> m.n_packages
6
>>> m.frontier()
  供货折扣 回款账期   u_us  u_them
0   5%  30天  100.0    10.0
1   8%  30天   88.0    35.0
2  10%  30天   70.0    60.0
3  10%  60天   49.0    80.0
>>> m.nash()
{'供货折扣': '10%', '回款账期': '30天', 'u_us': 70.0, 'u_them': 60.0}
>>> ev = m.evaluate({"供货折扣": "5%", "回款账期": "60天"})
>>> ev.u_us, ev.u_them, ev.on_frontier, ev.value_left, ev.better_package
(79.0, 30.0, False, 9.0, {'供货折扣': '8%', '回款账期': '30天'})
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from .._errors import BadSpecError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._result import TableResult
from ._clauses import Clause, clauses_from_table, option_label, parse_clauses

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["ConcessionMatrix", "Evaluation", "TOL", "MAX_PACKAGES", "MAX_PLOT_POINTS"]

#: Utilities closer than this count as equal.
TOL = 1e-9
#: Largest number of feasible packages the matrix enumerates.
MAX_PACKAGES = 5_000_000
#: Largest number of feasible packages drawn in grey (a seeded sample above it).
MAX_PLOT_POINTS = 20_000

MSGS = Messages({
    "violation_core": (
        "核心条款「{clause}」选了 '{option}'（我方得分 {score:g}），低于目标 '{target}'（{target_score:g}）。",
        "Core clause '{clause}': '{option}' (our score {score:g}) is below the target '{target}' ({target_score:g})."),
    "violation_walk": (
        "条款「{clause}」选了 '{option}'（我方得分 {score:g}），低于底线 '{walk}'（{walk_score:g}）：这个方案不能接受。",
        "Clause '{clause}': '{option}' (our score {score:g}) is below the walk-away '{walk}' ({walk_score:g}): "
        "this package is not acceptable."),
    "status_below_walk": ("低于底线", "below walk-away"),
    "status_core_below_target": ("核心条款未达目标", "core clause below target"),
    "status_at_target": ("达到目标", "at or above target"),
    "status_ok": ("可接受（未达目标）", "acceptable (below target)"),
    "xlabel": ("我方效用 u_us（0–100）", "Our utility u_us (0-100)"),
    "ylabel": ("对方效用 u_them（0–100）", "Their utility u_them (0-100)"),
    "title": ("让步矩阵：可行方案与帕累托前沿", "Concession matrix: feasible packages and Pareto frontier"),
    "legend_feasible": ("可行方案（{n} 个）", "feasible packages ({n})"),
    "legend_sampled": ("可行方案（抽样 {n} / {total} 个）", "feasible packages ({n} of {total} sampled)"),
    "legend_frontier": ("帕累托前沿", "Pareto frontier"),
    "legend_nash": ("纳什点", "Nash point"),
    "legend_proposal": ("你的方案", "your proposal"),
    "legend_batna": ("谈判破裂点 BATNA", "BATNA (disagreement point)"),
    "err_batna": (
        "batna 应是两个数字 (我方, 对方)，例如 (0, 0)，收到 {value!r}。",
        "batna must be two numbers (ours, theirs), e.g. (0, 0); got {value!r}."),
    "err_no_deal": (
        "没有任何可行方案能让双方都好于 BATNA（我方 {d_us:g}，对方 {d_them:g}）：可行方案中我方效用最高 {max_us:.2f}，"
        "对方效用最高 {max_them:.2f}。请降低 batna，或放宽条款底线 walk_away。",
        "No feasible package beats the BATNA for both sides (ours {d_us:g}, theirs {d_them:g}): the best feasible "
        "utilities are {max_us:.2f} for us and {max_them:.2f} for them. Lower the batna or relax the walk_away "
        "options."),
    "err_too_many": (
        "可行方案有 {n:,} 个，超过上限 {cap:,}。请减少条款或选项，或收紧底线 walk_away。",
        "There are {n:,} feasible packages, more than the limit of {cap:,}. Use fewer clauses or options, or "
        "tighten the walk_away options."),
    "err_package_type": (
        "方案应是一个字典（条款 → 选项），例如 {{'{clause}': '{option}', ...}}，收到 {kind}。",
        "A package must be a dict (clause -> option), e.g. {{'{clause}': '{option}', ...}}; got {kind}."),
    "err_unknown_clause": (
        "方案中的条款 '{clause}' 不存在{hint_zh}。可用条款：{valid_zh}。",
        "The package names an unknown clause '{clause}'{hint_en}. Known clauses: {valid_en}."),
    "err_missing_clause": (
        "方案缺少条款 '{clause}'。请为它选一个选项：{valid_zh}。",
        "The package is missing clause '{clause}'. Pick one of its options: {valid_en}."),
    "err_bad_option": (
        "条款 '{clause}' 没有选项 '{option}'。请从以下选项中选择：{valid_zh}。",
        "Clause '{clause}' has no option '{option}'. Choose one of: {valid_en}."),
})


def _hint(name: str, choices: list[str]) -> tuple[str, str]:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.5)
    return ((f"（是不是 '{close[0]}'？）", f" (did you mean '{close[0]}'?)") if close else ("", ""))


def _tol_ranks(values: np.ndarray) -> np.ndarray:
    """Dense ranks of *values* where neighbours closer than TOL share a rank."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    step = np.empty(len(values), dtype=np.int64)
    step[:1] = 0
    step[1:] = np.diff(ordered) > TOL
    ranks = np.empty(len(values), dtype=np.int64)
    ranks[order] = np.cumsum(step)
    return ranks


def _frontier_order(rank_us: np.ndarray, rank_them: np.ndarray) -> np.ndarray:
    """Indices of the non-dominated points, by u_us desc, u_them desc, index asc.

    Sort by (u_us desc, u_them desc) — a stable sort keeps enumeration order
    on ties — then a point is non-dominated when its u_them equals the best of
    its u_us group and beats the running maximum of all groups before it.
    """
    key = -(rank_us * (int(rank_them.max()) + 1) + rank_them)
    order = np.argsort(key, kind="stable")
    a, b = rank_us[order], rank_them[order]
    start = np.empty(len(a), dtype=bool)
    start[:1] = True
    start[1:] = a[1:] != a[:-1]
    group = np.cumsum(start) - 1
    group_best = b[start]
    before = np.empty(len(group_best), dtype=np.int64)
    before[:1] = -1
    before[1:] = np.maximum.accumulate(group_best)[:-1]
    keep = (b == group_best[group]) & (b > before[group])
    return order[keep]


@dataclass(frozen=True)
class _Space:
    """All feasible packages: option indices per clause and both utilities."""

    shape: tuple[int, ...]
    feasible: tuple[np.ndarray, ...]
    u_us: np.ndarray
    u_them: np.ndarray
    frontier: np.ndarray  # enumeration indices in frontier order

    def options(self, index: np.ndarray | int) -> list[np.ndarray]:
        """Option indices (per clause) of the packages at enumeration *index*."""
        digits = np.unravel_index(np.asarray(index), self.shape)
        return [f[d] for f, d in zip(self.feasible, digits)]


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


class ConcessionMatrix:
    """Concession matrix of a set of agreement clauses (让步矩阵).

    Parameters
    ----------
    clauses : dict
        ``clause name -> {"options": [...], "ours": [...], "theirs": [...],
        "our_weight": w, "their_weight": w, "opening": o, "target": o,
        "walk_away": o, "core": bool}`` (see :func:`parse_clauses`).
    batna : (float, float)
        Disagreement utilities ``(d_us, d_them)`` for the Nash point.

    Notes
    -----
    * Utility of a package for a side: ``Σ w·score / Σ w`` (0–100).
    * Feasible: every clause at least as good for us as its walk-away.
    * Pareto frontier: feasible packages that no feasible package matches
      in both utilities and beats in one (utilities within ``TOL`` are
      equal; packages with identical utilities all stay).  Sorted by u_us
      descending, then u_them descending, then enumeration order.
    * Nash point: maximises ``(u_us − d_us)(u_them − d_them)`` over feasible
      packages with both utilities ≥ the BATNA; ties go to the higher u_us,
      then the first in enumeration order.  At least one feasible package
      must beat the BATNA strictly for both sides.

    Examples
    --------
    >>> m = ConcessionMatrix({"陈列资源": {"options": ["端架", "堆头"], "ours": [100, 60],
    ...     "theirs": [20, 100], "our_weight": 1, "their_weight": 1, "opening": "端架",
    ...     "target": "端架", "walk_away": "堆头"}})
    >>> m.n_packages, m.nash()["陈列资源"]  # products 100·20 = 2000 < 60·100 = 6000
    (2, '堆头')
    """

    def __init__(self, clauses: Any, batna: Any = (0, 0)) -> None:
        self.clauses: tuple[Clause, ...] = parse_clauses(clauses)
        self.batna: tuple[float, float] = self._check_batna(batna)
        self._names = [c.name for c in self.clauses]
        self._shape = tuple(len(c.feasible) for c in self.clauses)
        n = math.prod(self._shape)
        if n > MAX_PACKAGES:
            raise BadSpecError(*MSGS.both("err_too_many", n=n, cap=MAX_PACKAGES), column="clauses")
        self._w_us = np.array([c.our_weight for c in self.clauses])
        self._w_them = np.array([c.their_weight for c in self.clauses])

    @classmethod
    def from_table(cls, df: "pd.DataFrame", batna: Any = (0, 0)) -> "ConcessionMatrix":
        """Build the matrix from the long clause table (see :func:`clauses_from_table`).

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"clause": ["年度返利"] * 2, "option_order": [1, 2],
        ...     "option": ["1%", "2%"], "ours": [100, 0], "theirs": [0, 100], "our_weight": 1,
        ...     "their_weight": 2, "core": False, "opening": "1%", "target": "1%", "walk_away": "2%"})
        >>> ConcessionMatrix.from_table(df).n_packages
        2
        """
        return cls(clauses_from_table(df), batna=batna)

    @staticmethod
    def _check_batna(batna: Any) -> tuple[float, float]:
        try:
            d_us, d_them = (float(x) for x in batna)
            if isinstance(batna, (str, bytes)) or any(isinstance(x, (bool, str)) for x in batna):
                raise ValueError
        except (TypeError, ValueError):
            raise BadSpecError(*MSGS.both("err_batna", value=batna), column="batna") from None
        if not (math.isfinite(d_us) and math.isfinite(d_them)):
            raise BadSpecError(*MSGS.both("err_batna", value=batna), column="batna")
        return d_us, d_them

    def __repr__(self) -> str:
        return (f"ConcessionMatrix({len(self.clauses)} clauses, {self.n_packages:,} feasible packages, "
                f"batna={self.batna})")

    # ------------------------------------------------------------------ enumeration
    @property
    def n_packages(self) -> int:
        """Number of feasible packages (options below walk-away masked)."""
        return math.prod(self._shape)

    @property
    def n_total(self) -> int:
        """Number of packages before the walk-away mask."""
        return math.prod(len(c.options) for c in self.clauses)

    @cached_property
    def _space(self) -> _Space:
        feasible = tuple(np.array(c.feasible, dtype=np.int64) for c in self.clauses)
        num_us = self._outer_sum([c.our_weight * np.array(c.ours)[f] for c, f in zip(self.clauses, feasible)])
        num_them = self._outer_sum([c.their_weight * np.array(c.theirs)[f]
                                    for c, f in zip(self.clauses, feasible)])
        u_us = num_us / self._w_us.sum()
        u_them = num_them / self._w_them.sum()
        frontier = _frontier_order(_tol_ranks(u_us), _tol_ranks(u_them))
        return _Space(self._shape, feasible, u_us, u_them, frontier)

    @staticmethod
    def _outer_sum(parts: list[np.ndarray]) -> np.ndarray:
        total = parts[0].astype(float)
        for part in parts[1:]:
            total = np.add.outer(total, part).ravel()
        return total

    def _packages(self, index: np.ndarray) -> "pd.DataFrame":
        import pandas as pd

        space = self._space
        picks = space.options(index)
        data: dict[str, Any] = {c.name: np.array(c.options, dtype=object)[p] for c, p in zip(self.clauses, picks)}
        data["u_us"] = space.u_us[index]
        data["u_them"] = space.u_them[index]
        return pd.DataFrame(data)

    # ------------------------------------------------------------------ results
    def frontier(self) -> "pd.DataFrame":
        """Pareto frontier: one row per non-dominated feasible package.

        Returns
        -------
        DataFrame
            A column per clause (option labels), then ``u_us`` and
            ``u_them``; sorted by u_us descending, u_them descending, then
            enumeration order; index 0, 1, 2, ...

        Examples
        --------
        >>> m = ConcessionMatrix({"A": {"options": ["x", "y"], "ours": [100, 0], "theirs": [0, 100],
        ...     "our_weight": 1, "their_weight": 1, "opening": "x", "target": "x", "walk_away": "y"}})
        >>> m.frontier()["A"].tolist()
        ['x', 'y']
        """
        return self._packages(self._space.frontier)

    def _nash_index(self) -> int:
        space = self._space
        d_us, d_them = self.batna
        idx = space.frontier
        us, them = space.u_us[idx], space.u_them[idx]
        strict = (us > d_us + TOL) & (them > d_them + TOL)
        if not strict.any():
            raise BadSpecError(*MSGS.both("err_no_deal", d_us=d_us, d_them=d_them, max_us=float(space.u_us.max()),
                                          max_them=float(space.u_them.max())), column="batna")
        eligible = (us >= d_us - TOL) & (them >= d_them - TOL)
        product = np.where(eligible, (us - d_us) * (them - d_them), -np.inf)
        cand = idx[product >= product.max() - TOL]
        cand = cand[space.u_us[cand] >= space.u_us[cand].max() - TOL]
        return int(cand.min())

    def nash(self) -> dict[str, Any]:
        """Nash bargaining point: ``clause -> option`` plus ``"u_us"`` and ``"u_them"``.

        Raises
        ------
        BadSpecError
            When no feasible package beats the BATNA for both sides.

        Examples
        --------
        >>> m = ConcessionMatrix({"A": {"options": ["x", "y"], "ours": [100, 40], "theirs": [0, 100],
        ...     "our_weight": 1, "their_weight": 1, "opening": "x", "target": "x", "walk_away": "y"}})
        >>> m.nash()
        {'A': 'y', 'u_us': 40.0, 'u_them': 100.0}
        """
        row = self._packages(np.array([self._nash_index()])).iloc[0]
        out: dict[str, Any] = {name: row[name] for name in self._names}
        out["u_us"] = float(row["u_us"])
        out["u_them"] = float(row["u_them"])
        return out

    def _package_indices(self, package: Any) -> list[int]:
        import pandas as pd

        if isinstance(package, pd.Series):
            package = package.to_dict()
        first = self.clauses[0]
        if not isinstance(package, Mapping):
            raise BadSpecError(*MSGS.both("err_package_type", clause=first.name, option=first.options[0],
                                          kind=type(package).__name__), column="package")
        for key in package:
            if key not in self._names and key not in ("u_us", "u_them"):
                hint_zh, hint_en = _hint(str(key), self._names)
                raise BadSpecError(*MSGS.both("err_unknown_clause", clause=key, hint_zh=hint_zh, hint_en=hint_en,
                                              valid_zh="、".join(self._names), valid_en=", ".join(self._names)),
                                   column=str(key))
        picks = []
        for c in self.clauses:
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

    def evaluate(self, package: Any) -> Evaluation:
        """Evaluate a proposed package (one option per clause).

        Parameters
        ----------
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
        >>> m = ConcessionMatrix({"A": {"options": ["x", "y", "z"], "ours": [100, 50, 0],
        ...     "theirs": [0, 50, 100], "our_weight": 1, "their_weight": 1, "opening": "x",
        ...     "target": "x", "walk_away": "y", "core": True}})
        >>> ev = m.evaluate({"A": "z"})
        >>> ev.feasible, ev.value_left, len(ev.violations)
        (False, 0.0, 2)
        >>> ev.table.loc["A", "status"]
        '低于底线'
        """
        import pandas as pd

        picks = self._package_indices(package)
        space = self._space
        ours = [c.ours[i] for c, i in zip(self.clauses, picks)]
        theirs = [c.theirs[i] for c, i in zip(self.clauses, picks)]
        u_us = float(sum(c.our_weight * s for c, s in zip(self.clauses, ours)) / self._w_us.sum())
        u_them = float(sum(c.their_weight * s for c, s in zip(self.clauses, theirs)) / self._w_them.sum())
        floors = [c.score_ours(c.walk_away) for c in self.clauses]
        targets = [c.score_ours(c.target) for c in self.clauses]
        feasible = all(s >= f for s, f in zip(ours, floors))
        on_frontier = False
        if feasible:
            digits = [c.feasible.index(i) for c, i in zip(self.clauses, picks)]
            flat = int(np.ravel_multi_index(digits, self._shape))
            on_frontier = bool(np.isin(flat, space.frontier))
        cand = np.flatnonzero(space.u_them >= u_them - TOL)
        value_left, better = 0.0, None
        if cand.size:
            best_us = float(space.u_us[cand].max())
            if best_us - u_us > TOL:
                value_left = best_us - u_us
                cand = cand[space.u_us[cand] >= best_us - TOL]
                cand = cand[space.u_them[cand] >= space.u_them[cand].max() - TOL]
                row = self._packages(cand[:1]).iloc[0]
                better = {name: row[name] for name in self._names}
        violations: list[str] = []
        status: list[str] = []
        for c, i, s, f, t in zip(self.clauses, picks, ours, floors, targets):
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
            {"option": [c.options[i] for c, i in zip(self.clauses, picks)], "ours": ours, "theirs": theirs,
             "target": [c.target for c in self.clauses], "walk_away": [c.walk_away for c in self.clauses],
             "status": status},
            index=pd.Index(self._names, name="clause"))
        chosen = {c.name: c.options[i] for c, i in zip(self.clauses, picks)}
        return Evaluation(table=table, package=chosen, u_us=u_us, u_them=u_them, feasible=feasible,
                          on_frontier=on_frontier, value_left=float(value_left), better_package=better,
                          violations=violations, matrix=self)

    @property
    def table(self) -> "pd.DataFrame":
        """The clauses, one row per clause (index ``clause``).

        Columns: options (``" / "``-joined), our_weight, their_weight, ratio
        (their_weight / our_weight), core, opening, target, walk_away.

        Examples
        --------
        >>> m = ConcessionMatrix({"A": {"options": ["x", "y"], "ours": [100, 0], "theirs": [0, 100],
        ...     "our_weight": 20, "their_weight": 50, "opening": "x", "target": "x", "walk_away": "y"}})
        >>> m.table.loc["A", "options"], float(m.table.loc["A", "ratio"])
        ('x / y', 2.5)
        """
        import pandas as pd

        cs = self.clauses
        return pd.DataFrame(
            {"options": [" / ".join(c.options) for c in cs], "our_weight": [c.our_weight for c in cs],
             "their_weight": [c.their_weight for c in cs], "ratio": [c.ratio for c in cs],
             "core": [c.core for c in cs], "opening": [c.opening for c in cs], "target": [c.target for c in cs],
             "walk_away": [c.walk_away for c in cs]},
            index=pd.Index(self._names, name="clause"))

    def trade_plan(self) -> "pd.DataFrame":
        """Give-and-get plan (无交换不让步); see :func:`kamlab.negotiation.trade_plan`.

        Examples
        --------
        >>> m = ConcessionMatrix({
        ...     "A": {"options": ["x", "y"], "ours": [100, 80], "theirs": [0, 100], "our_weight": 1,
        ...           "their_weight": 3, "opening": "x", "target": "y", "walk_away": "y"},
        ...     "B": {"options": ["p", "q"], "ours": [100, 0], "theirs": [10, 100], "our_weight": 3,
        ...           "their_weight": 1, "opening": "p", "target": "p", "walk_away": "p"}})
        >>> m.trade_plan()[["give_clause", "give_from", "give_to", "get_clause", "get_from", "get_to"]]
             give_clause give_from give_to get_clause get_from get_to
        step
        1              A         x       y          B        q      p
        """
        from ._trade import trade_plan

        return trade_plan(self)

    def check_log(self, log: "pd.DataFrame") -> "pd.DataFrame":
        """Concessions of ours not answered by one of theirs; see :func:`kamlab.negotiation.check_log`.

        Examples
        --------
        >>> import pandas as pd
        >>> m = ConcessionMatrix({"A": {"options": ["x", "y"], "ours": [100, 50], "theirs": [0, 100],
        ...     "our_weight": 1, "their_weight": 1, "opening": "x", "target": "y", "walk_away": "y"}})
        >>> log = pd.DataFrame({"step": [1, 1, 2], "side": ["us", "them", "us"],
        ...                     "clause": ["A", "A", "A"], "option": ["x", "y", "y"]})
        >>> m.check_log(log)[["step", "clause", "from", "to"]]
           step clause from to
        2     2      A    x  y
        """
        from ._trade import check_log

        return check_log(self, log)

    # ------------------------------------------------------------------ chart
    def plot(self, ax: "Axes | None" = None, proposal: Any = None) -> "Axes":
        """Scatter of feasible packages, the Pareto frontier, the Nash point and a proposal.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Draw on this axes.
        proposal : dict, optional
            A package to mark (validated like :meth:`evaluate`).

        Returns
        -------
        matplotlib Axes

        Examples
        --------
        >>> m = ConcessionMatrix({"A": {"options": ["x", "y"], "ours": [100, 0], "theirs": [0, 100],
        ...     "our_weight": 1, "their_weight": 1, "opening": "x", "target": "x", "walk_away": "y"}})
        >>> m.plot(proposal={"A": "y"}).get_title()
        '让步矩阵：可行方案与帕累托前沿'
        """
        return _draw(self, ax, proposal)


@styled
def _draw(m: ConcessionMatrix, ax: "Axes | None", proposal: Any) -> "Axes":
    point = m.evaluate(proposal) if proposal is not None else None
    space = m._space
    fig, ax = new_axes(ax)
    n = len(space.u_us)
    if n > MAX_PLOT_POINTS:
        sample = np.sort(np.random.default_rng(0).choice(n, MAX_PLOT_POINTS, replace=False))
        label = MSGS("legend_sampled", n=MAX_PLOT_POINTS, total=n)
    else:
        sample = np.arange(n)
        label = MSGS("legend_feasible", n=n)
    ax.scatter(space.u_us[sample], space.u_them[sample], s=8, color="0.8", label=label, zorder=1)
    front = space.frontier
    ax.plot(space.u_us[front], space.u_them[front], "-o", color="tab:blue", markersize=4,
            label=MSGS.label("legend_frontier"), zorder=2)
    try:
        nash = m._nash_index()
    except BadSpecError:
        nash = None
    if nash is not None:
        ax.scatter([space.u_us[nash]], [space.u_them[nash]], marker="*", s=220, color="tab:orange",
                   edgecolor="black", label=MSGS.label("legend_nash"), zorder=4)
    d_us, d_them = m.batna
    ax.scatter([d_us], [d_them], marker="s", s=40, color="tab:gray", label=MSGS.label("legend_batna"), zorder=3)
    if point is not None:
        ax.scatter([point.u_us], [point.u_them], marker="X", s=120, color="tab:red",
                   label=MSGS.label("legend_proposal"), zorder=5)
    ax.set_xlabel(MSGS.label("xlabel"))
    ax.set_ylabel(MSGS.label("ylabel"))
    ax.set_title(MSGS.label("title"))
    ax.legend(loc="upper right", fontsize="small")
    return ax
