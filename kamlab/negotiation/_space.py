"""Enumerate every feasible package of a concession matrix: utilities, Pareto frontier order.

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
>>> import numpy as np
>>> _frontier_order(_tol_ranks(np.array([100.0, 70.0, 50.0])), _tol_ranks(np.array([10.0, 60.0, 40.0]))).tolist()
[0, 1]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._clauses import Clause

__all__ = ["TOL", "MAX_PACKAGES", "MAX_PLOT_POINTS", "enumerate_space"]

#: Utilities closer than this count as equal.
TOL = 1e-9
#: Largest number of feasible packages the matrix enumerates.
MAX_PACKAGES = 5_000_000
#: Largest number of feasible packages drawn in grey (a seeded sample above it).
MAX_PLOT_POINTS = 20_000


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


def _outer_sum(parts: list[np.ndarray]) -> np.ndarray:
    total = parts[0].astype(float)
    for part in parts[1:]:
        total = np.add.outer(total, part).ravel()
    return total


def enumerate_space(clauses: tuple[Clause, ...]) -> _Space:
    """Every feasible package of *clauses* (options below walk-away masked), with both utilities and the frontier.

    Examples
    --------
    >>> from kamlab.negotiation import parse_clauses
    >>> cs = parse_clauses({"A": {"options": ["x", "y", "z"], "ours": [100, 50, 0], "theirs": [0, 50, 100],
    ...     "our_weight": 1, "their_weight": 1, "opening": "x", "target": "x", "walk_away": "y"}})
    >>> space = enumerate_space(cs)
    >>> space.u_us.tolist(), space.frontier.tolist()
    ([100.0, 50.0], [0, 1])
    """
    shape = tuple(len(c.feasible) for c in clauses)
    feasible = tuple(np.array(c.feasible, dtype=np.int64) for c in clauses)
    num_us = _outer_sum([c.our_weight * np.array(c.ours)[f] for c, f in zip(clauses, feasible)])
    num_them = _outer_sum([c.their_weight * np.array(c.theirs)[f] for c, f in zip(clauses, feasible)])
    u_us = num_us / sum(c.our_weight for c in clauses)
    u_them = num_them / sum(c.their_weight for c in clauses)
    frontier = _frontier_order(_tol_ranks(u_us), _tol_ranks(u_them))
    return _Space(shape, feasible, u_us, u_them, frontier)
