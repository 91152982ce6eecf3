"""m01 chart: the six-stage cycle, coloured by the course's reading of the dimensions (not the seed's).

Examples
--------
>>> plot_cycle().get_title()
'六环节与三维度：本课程的一种归类（讲义未规定）'
"""

from __future__ import annotations

from typing import Any

from ..._i18n import get_language, localized
from ..._plotting import new_axes, styled
from ...selfassess import DIMENSIONS, STAGES
from ._messages import MSGS


def plot_cycle(ax: Any = None) -> Any:
    """The six stages as one chain of boxes, coloured by the value dimension each serves.

    Examples
    --------
    >>> plot_cycle().get_title()
    '六环节与三维度：本课程的一种归类（讲义未规定）'
    """
    colours = {"value": "#1f77b4", "resources": "#ff7f0e", "results": "#2ca02c"}

    @styled
    def draw(ax: Any) -> Any:
        from matplotlib.patches import FancyBboxPatch, Patch  # lazy: matplotlib loads only when a chart is drawn

        fig, ax = new_axes(ax, figsize=(11.0, 3.0))
        zh = get_language() == "zh"
        for i, s in enumerate(STAGES):
            x = i * 1.8
            ax.add_patch(FancyBboxPatch((x, 0), 1.4, 1.0, boxstyle="round,pad=0.05", color=colours[s.dimension],
                                        alpha=0.85))
            name = localized(s.zh, s.en)
            text = f"{name[:4]}\n{name[4:]}" if zh and len(name) > 4 else "\n".join(
                name.split(" ", 1)) if not zh else name
            ax.text(x + 0.7, 0.5, f"{s.order}\n{text}", ha="center", va="center", color="white", fontsize=10)
            if i < len(STAGES) - 1:
                ax.annotate("", (x + 1.75, 0.5), (x + 1.45, 0.5), arrowprops={"arrowstyle": "->", "lw": 1.5})
        ax.annotate("", (0.7, -0.1), (len(STAGES) * 1.8 - 1.1, -0.1),
                    arrowprops={"arrowstyle": "->", "lw": 1, "ls": "--", "color": "#888888",
                                "connectionstyle": "arc3,rad=-0.12"})
        ax.legend(handles=[Patch(color=colours[d.code], label=d.name) for d in DIMENSIONS],
                  loc="upper center", bbox_to_anchor=(0.5, 0.02), ncol=3, frameon=False, fontsize=10)
        ax.set_xlim(-0.2, len(STAGES) * 1.8 - 0.2)
        ax.set_ylim(-0.8, 1.2)
        ax.axis("off")
        ax.set_title(MSGS.label("cycle_title"))
        return ax

    return draw(ax)
