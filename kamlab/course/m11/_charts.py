"""The chart of m11: the wall profile of a group of doctors."""

from __future__ import annotations

import math
from typing import Any

from ..._i18n import localized
from ..._plotting import new_axes, styled
from ._messages import MSGS
from ._model import _dimension_label


def _plot_wall(profile: Any, title: str) -> Any:
    """Bar chart of the mean wall score per criterion (*profile*: :func:`wall_profile`), the weakest in red."""

    @styled
    def draw(ax: Any = None) -> Any:
        fig, ax = new_axes(ax, figsize=(7.5, 3.6))
        names = [str(i) for i in profile.index][::-1]
        values = profile["mean_score"].to_numpy(dtype=float)[::-1]
        weakest = profile["mean_score"].idxmin() if profile["mean_score"].notna().any() else None
        colours = ["#c0392b" if n == weakest else "#2471a3" for n in names]
        ax.barh([localized(f"{n}（{w:g}）", f"{_dimension_label(n)} ({w:g})")
                 for n, w in zip(names, profile["weight"].to_numpy()[::-1])], values, color=colours)
        for y, v in enumerate(values):
            if math.isfinite(v):
                ax.text(v + 1, y, f"{v:.1f}", va="center", fontsize=8)
        ax.set_xlim(0, 110)
        ax.set_xlabel(MSGS("wall_x"))
        ax.set_title(title, fontsize=10)
        fig.tight_layout()
        return ax

    return draw()
