"""m12's charts: one bar per category with the trainee's pick in red (exercises 4 and 5)."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..._plotting import new_axes, styled


@styled
def _plot_pick(values: Any, chosen: Any, title: str, *, other: Any = None, percent: bool = True,
               ax: Any = None) -> Any:
    """Bars of *values* by category, the *chosen* category in red; *other* as grey bars beside them."""
    fig, ax = new_axes(ax, figsize=(6.5, 3.6))
    labels = [str(i) for i in values.index]
    x = np.arange(len(labels))
    width = 0.4 if other is not None else 0.7
    colors = ["#C44E52" if c == chosen else "#4C72B0" for c in labels]
    ax.bar(x - (width / 2 if other is not None else 0), values.to_numpy(dtype=float), width, color=colors)
    if other is not None:
        ax.bar(x + width / 2, other.reindex(values.index).to_numpy(dtype=float), width, color="#BBBBBB")
    ax.axhline(0 if percent and float(values.min()) < 0.5 else 1, color="#333333", linewidth=0.8)
    ax.set_xticks(x)
    ax.set_xticklabels(labels)
    if percent:
        ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:.0%}")
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return ax
