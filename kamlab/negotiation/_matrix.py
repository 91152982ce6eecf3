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

import math
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError
from ._chart import draw_matrix
from ._clause_table import clauses_from_table
from ._clauses import Clause, parse_clauses
from ._evaluation import Evaluation, evaluate, package_picks
from ._messages import MSGS
from ._space import MAX_PACKAGES, MAX_PLOT_POINTS, TOL, _Space, enumerate_space
from ._trade import check_log, trade_plan

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["ConcessionMatrix", "Evaluation", "TOL", "MAX_PACKAGES", "MAX_PLOT_POINTS"]


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
        return enumerate_space(self.clauses)

    def _packages(self, index: np.ndarray) -> "pd.DataFrame":
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
        return package_picks(self, package)

    def evaluate(self, package: Any) -> Evaluation:
        """Evaluate a proposed package (one option per clause); see :func:`~kamlab.negotiation._evaluation.evaluate`.

        ``package`` is ``clause -> option`` for every clause (keys ``"u_us"``
        and ``"u_them"`` are ignored, so ``m.evaluate(m.nash())`` works).
        The :class:`Evaluation` holds ``u_us``, ``u_them``, ``feasible``,
        ``on_frontier``, ``value_left``, ``better_package``, ``violations``
        and ``table``.

        Examples
        --------
        >>> m = ConcessionMatrix({"A": {"options": ["x", "y", "z"], "ours": [100, 50, 0],
        ...     "theirs": [0, 50, 100], "our_weight": 1, "their_weight": 1, "opening": "x",
        ...     "target": "x", "walk_away": "y", "core": True}})
        >>> ev = m.evaluate({"A": "y"})
        >>> ev.feasible, ev.value_left
        (True, 0.0)
        """
        return evaluate(self, package)

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
        return draw_matrix(self, ax, proposal)
