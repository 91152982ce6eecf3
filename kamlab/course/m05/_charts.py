"""m05 charts: clause weights (ours vs theirs), the utility changes of a trade plan, packages on the frontier.

Examples
--------
>>> import kamlab as kl
>>> len(plot_weights(kl.datasets.load("clauses")).patches)
16
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..._plotting import new_axes, styled
from ...negotiation import ConcessionMatrix
from ._case import _per_clause, clause_names
from ._messages import MSGS
from ._model import their_weights_or_default


@styled
def plot_weights(clauses: pd.DataFrame, core: Sequence[str] | None = None,
                 their_weights: Mapping[str, float] | None = None, ax: Any = None) -> Any:
    """Horizontal bars: our weight per clause (core darker) next to their (estimated) weight.

    Examples
    --------
    >>> import kamlab as kl
    >>> ax = plot_weights(kl.datasets.load("clauses"), core=["返利"])
    >>> len(ax.patches)
    16
    """
    names = clause_names(clauses)
    ours = _per_clause(clauses, "our_weight").astype(float)
    theirs = pd.Series(their_weights_or_default(their_weights if their_weights is not None else ..., clauses))
    if their_weights is not None:
        theirs = theirs * 100.0 / theirs.sum()
    core_set = set(core) if core is not None else set(n for n, f in _per_clause(clauses, "core").items() if f)
    fig, ax = new_axes(ax, figsize=(7.0, 4.2))
    y = np.arange(len(names))
    is_core = np.array([n in core_set for n in names])
    ax.barh(y[is_core] - 0.2, ours[is_core], height=0.4, color="#1f4e79", label=MSGS("w_ours_core"))
    ax.barh(y[~is_core] - 0.2, ours[~is_core], height=0.4, color="#9dc3e6", label=MSGS("w_ours_trade"))
    ax.barh(y + 0.2, theirs.reindex(names).to_numpy(), height=0.4, color="#f4b183", label=MSGS("w_theirs"))
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlabel(MSGS("w_x"))
    ax.set_title(MSGS("w_title"))
    ax.legend(loc="lower right", fontsize="small")
    return ax


@styled
def plot_trades(plan: pd.DataFrame, ax: Any = None) -> Any:
    """Bars: our and their utility change for each give-and-get step of a trade plan.

    Examples
    --------
    >>> import kamlab as kl
    >>> ax = plot_trades(kl.course.m05.matrix(kl.datasets.load("clauses")).trade_plan())
    >>> len(ax.patches)
    6
    """
    fig, ax = new_axes(ax, figsize=(7.0, 3.6))
    x = np.arange(len(plan))
    ax.bar(x - 0.2, plan["du_us"].astype(float), width=0.4, color="#1f77b4", label=MSGS("trade_us"))
    ax.bar(x + 0.2, plan["du_them"].astype(float), width=0.4, color="#ff7f0e", label=MSGS("trade_them"))
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xticks(x, [MSGS("trade_step", n=i + 1) for i in range(len(plan))])
    ax.set_ylabel(MSGS("trade_y"))
    ax.set_title(MSGS("trade_title"))
    ax.legend(loc="upper right", fontsize="small")
    return ax


@styled
def plot_candidates(m: ConcessionMatrix, options: Mapping[str, Mapping[str, Any]], chosen: str | None = None,
                    ax: Any = None) -> Any:
    """The Pareto frontier of *m* with lettered packages to read off (no Nash star: that is the exercise).

    Examples
    --------
    >>> import kamlab as kl
    >>> from kamlab.course import m05
    >>> m = m05.matrix(kl.datasets.load("clauses"))
    >>> ax = plot_candidates(m, m05.candidates(m), chosen="B")
    >>> sorted(t.get_text() for t in ax.texts)
    ['A', 'B', 'C', 'D']
    """
    front = m.frontier()
    fig, ax = new_axes(ax, figsize=(6.4, 4.4))
    ax.plot(front["u_us"], front["u_them"], "-o", color="tab:blue", markersize=3, label=MSGS("c_frontier"), zorder=2)
    for letter, p in options.items():
        pick = letter == chosen
        ax.scatter([p["u_us"]], [p["u_them"]], s=140 if pick else 70, zorder=4,
                   color="tab:red" if pick else "tab:orange", edgecolor="black")
        ax.annotate(letter, (p["u_us"], p["u_them"]), xytext=(6, 6), textcoords="offset points",
                    fontsize=12, fontweight="bold")
    ax.set_xlabel(MSGS("c_x"))
    ax.set_ylabel(MSGS("c_y"))
    ax.set_title(MSGS("c_title"))
    ax.legend(loc="upper right", fontsize="small")
    return ax


@styled
def plot_proposal(m: ConcessionMatrix, package: Mapping[str, Any] | None = None, ax: Any = None) -> Any:
    """The Pareto frontier, our target package (what our targets give both sides) and a proposal.

    Examples
    --------
    >>> import kamlab as kl
    >>> from kamlab.course import m05
    >>> m = m05.matrix(kl.datasets.load("clauses"))
    >>> len(plot_proposal(m, {c.name: c.target for c in m.clauses}).collections)
    2
    """
    front = m.frontier()
    fig, ax = new_axes(ax, figsize=(6.4, 4.4))
    ax.plot(front["u_us"], front["u_them"], "-o", color="tab:blue", markersize=3, label=MSGS("c_frontier"), zorder=2)
    target = m.evaluate({c.name: c.target for c in m.clauses})
    ax.scatter([target.u_us], [target.u_them], marker="s", s=60, color="tab:green", label=MSGS("p_target"), zorder=3)
    ax.axhline(target.u_them, color="tab:green", linewidth=0.8, linestyle=":")
    if package is not None:
        ev = m.evaluate(dict(package))
        ax.scatter([ev.u_us], [ev.u_them], marker="X", s=130, color="tab:red", label=MSGS("pick_package"), zorder=5)
    ax.set_xlabel(MSGS("c_x"))
    ax.set_ylabel(MSGS("c_y"))
    ax.set_title(MSGS("p_title"))
    ax.legend(loc="upper right", fontsize="small")
    return ax
