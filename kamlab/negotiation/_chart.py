"""The concession-matrix chart: feasible packages, Pareto frontier, Nash point, BATNA and a proposal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .._errors import BadSpecError
from .._plotting import new_axes, styled
from ._messages import MSGS
from ._space import MAX_PLOT_POINTS

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from ._matrix import ConcessionMatrix

__all__ = ["draw_matrix"]


@styled
def draw_matrix(m: "ConcessionMatrix", ax: "Axes | None", proposal: Any) -> "Axes":
    """Draw the chart of :meth:`ConcessionMatrix.plot` (feasible packages sampled above ``MAX_PLOT_POINTS``)."""
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
