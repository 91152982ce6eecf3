"""m02's charts: the stability bars and the chosen account against the invest-quadrant mean."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..._plotting import new_axes, styled
from ._case import _dimension_label, DIMENSIONS, SPREAD, STABLE_BELOW
from ._messages import MSGS
from ._model import _codes

__all__ = ["plot_stability"]


@styled
def plot_stability(stab: pd.Series, *, below: float = STABLE_BELOW, spread: float = SPREAD,
                   ax: Any = None) -> Any:
    """Horizontal bars: each chain's share of weight draws that keep its quadrant.

    Examples
    --------
    >>> import pandas as pd
    >>> ax = plot_stability(pd.Series([0.95, 0.4], index=["C01", "C02"]))
    >>> len(ax.patches)
    2
    """
    fig, ax = new_axes(ax, figsize=(7.0, max(3.0, 0.22 * len(stab) + 1.2)))
    s = pd.DataFrame({"s": stab.to_numpy(dtype=float), "id": stab.index.astype(str)})
    s = s.sort_values(["s", "id"], ascending=[False, True], kind="stable")
    colors = np.where(s["s"].to_numpy() < below, "#d62728", "#1f77b4")
    ax.barh(s["id"], s["s"], color=colors)
    ax.invert_yaxis()
    ax.axvline(below, color="grey", linestyle="--", label=MSGS("stab_line", below=below))
    ax.set_xlim(0, 1.0)
    ax.set_xlabel(MSGS("stab_x"))
    ax.set_title(MSGS("stab_title", spread=spread))
    ax.tick_params(axis="y", labelsize=7)
    ax.legend(loc="lower right")
    return ax


@styled
def _plot_pick(table: pd.DataFrame, chain: str, label: str, ax: Any = None) -> Any:
    fig, ax = new_axes(ax, figsize=(6.0, 3.2))
    dims = [d for d in DIMENSIONS if d in table.columns]
    pool = table[_codes(table) == "invest"]
    mean = (pool if len(pool) else table)[dims].mean()
    y = np.arange(len(dims))
    ax.barh(y - 0.2, table.loc[chain, dims].to_numpy(dtype=float), height=0.4, label=chain)
    ax.barh(y + 0.2, mean.to_numpy(dtype=float), height=0.4, label=MSGS("pick_mean"), color="#bbbbbb")
    ax.set_yticks(y, [_dimension_label(d) for d in dims])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(MSGS("score"))
    ax.set_title(MSGS("pick_title", label=label))
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    fig.tight_layout()
    return ax
