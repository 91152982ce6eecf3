"""The charts of m14: the four steps, and a tool result's chart with its verdict written under it."""

from __future__ import annotations

import textwrap
from typing import Any

from matplotlib.patches import FancyBboxPatch

from ..._i18n import get_language, localized
from ..._plotting import new_axes, styled
from ...covisit import MODES, STEPS
from ._case import MSGS

__all__ = ["plot_steps"]


def plot_steps(ax: Any = None) -> Any:
    """The four steps as a chain of boxes, with the two modes under 实施拜访.

    Examples
    --------
    >>> plot_steps().get_title()
    '协同拜访四步走'
    """

    @styled
    def draw(ax: Any) -> Any:
        fig, ax = new_axes(ax, figsize=(10.0, 3.2))
        colours = ("#1f77b4", "#9467bd", "#ff7f0e", "#2ca02c")
        for i, s in enumerate(STEPS):
            x = i * 2.4
            ax.add_patch(FancyBboxPatch((x, 0.6), 1.9, 0.9, boxstyle="round,pad=0.05", color=colours[i], alpha=0.85))
            ax.text(x + 0.95, 1.05, f"{s.order}\n{s.name}", ha="center", va="center", color="white", fontsize=11)
            if i < len(STEPS) - 1:
                ax.annotate("", (x + 2.35, 1.05), (x + 1.98, 1.05), arrowprops={"arrowstyle": "->", "lw": 1.5})
        x = 2 * 2.4
        for j, m in enumerate(MODES):
            ax.text(x + 0.95, 0.3 - 0.35 * j, f"{m.name}：{localized(*m.lead)}", ha="center", va="center",
                    fontsize=9, color="#555555")
        ax.set_xlim(-0.2, len(STEPS) * 2.4 - 0.3)
        ax.set_ylim(-0.6, 1.7)
        ax.axis("off")
        ax.set_title(MSGS.label("steps_chart"))
        return ax

    return draw(ax)


def show_result(res: Any, ok_key: str) -> None:
    """Print ✓ (the *ok_key* message) or the result's problems, then draw its chart."""
    print(MSGS(ok_key) if res.ok else "\n".join(f"✗ {m}" for m in res.messages()))
    for m in res.advice_messages():
        print(f"💡 {m}")
    res.plot()


def chart_with_notes(res: Any, ok_key: str) -> Any:
    """The result's chart with ✓ or its problems and the course's advice written under it; also printed."""
    print(MSGS(ok_key) if res.ok else "\n".join(f"✗ {m}" for m in res.messages()))
    for m in res.advice_messages():
        print(f"💡 {m}")

    @styled
    def notes(ax: Any) -> Any:
        lines = [MSGS(ok_key)] if res.ok else [f"✗ {m}" for m in res.messages()]
        lines += [f"💡 {m}" for m in res.advice_messages()]
        width = 56 if get_language() == "zh" else 110      # characters per line: Chinese glyphs are wider
        text = "\n".join(w for line in lines for w in textwrap.wrap(line, width)) or ""
        ax.figure.text(0.01, -0.02, text, ha="left", va="top", fontsize=9,
                       color="#2e7d32" if res.ok else "#c62828")
        return ax

    return notes(res.plot())
