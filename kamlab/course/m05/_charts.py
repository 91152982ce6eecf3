"""m05 charts: clause weights (ours vs theirs) and the utility changes of a trade plan.

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
    4
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
