"""The root-cause chain chart: four boxes problem → evidence → cause → solutions, broken links in red."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._plotting import new_axes, styled
from ._messages import MSGS
from ._taxonomy import LINKS

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["draw_chain"]


@styled
def draw_chain(texts: Sequence[str], broken: set[str], status: str | None, ax: "Axes | None") -> "Axes":
    """Draw the four links' *texts* as boxes with arrows; links in *broken* are red; *status* ends the title.

    Examples
    --------
    >>> ax = draw_chain(["C07 铺货低", "C07 铺货率\\n= 0.55", "铺货", "补铺"], {"solutions"}, "1 处断链", None)
    >>> ax.get_title()
    '根因链条：问题 → 证据 → 根因 → 方案  ·  1 处断链'
    """
    fig, ax = new_axes(ax, figsize=(11.0, 4.2))
    xs = [0.12, 0.37, 0.62, 0.87]
    for x, link, text in zip(xs, LINKS, texts):
        bad = link in broken
        ax.text(x, 0.82, MSGS.label(f"link_{link}"), ha="center", va="center", fontsize=11, weight="bold",
                transform=ax.transAxes)
        ax.text(x, 0.45, text, ha="center", va="center", fontsize=8.5, transform=ax.transAxes,
                bbox={"boxstyle": "round,pad=0.6", "facecolor": "#F8D7DA" if bad else "#E2EFDA",
                      "edgecolor": "#C44E52" if bad else "#55A868", "linewidth": 2 if bad else 1})
    for x0, x1 in zip(xs[:-1], xs[1:]):
        ax.annotate("", xy=(x1 - 0.1, 0.45), xytext=(x0 + 0.1, 0.45), xycoords="axes fraction",
                    arrowprops={"arrowstyle": "->", "color": "#333333", "lw": 1.5})
    ax.set_axis_off()
    title = MSGS.label("title")
    if status is not None:
        title += "  ·  " + status
    ax.set_title(title)
    return ax
