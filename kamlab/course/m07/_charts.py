"""The charts of m07: the KPIs against the targets, and the worst chain per planted problem."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import matplotlib.pyplot as plt

from ..._i18n import localized
from ..._plotting import styled
from ._case import CORE_METRICS, PROBLEMS
from ._model import _table, metric_label, worst


def _draw_vs_targets(k: Any, targets: Mapping[str, float], metrics: tuple[str, ...] = CORE_METRICS,
                     note: str = "") -> Any:
    """One chart per metric: every group of *k* against its target (red line); *note* under the first."""
    @styled
    def draw() -> Any:
        fig, axes = plt.subplots(1, len(metrics), figsize=(3.6 * len(metrics), 3.4), squeeze=False)
        for ax, m in zip(axes[0], metrics):
            k.plot(ax=ax, metric=m, target=targets.get(m))
            ax.set_title(metric_label(m))
        if note:
            axes[0][0].set_xlabel(note)
        fig.tight_layout()
        return axes

    return draw()


def _plot_worst(k: Any, picks: Mapping[str, str]) -> Any:
    """Exercise 4's chart: for each planted problem, the chosen metric per chain, the worst chain in red."""
    table = _table(k)

    @styled
    def chart() -> Any:
        fig, axes = plt.subplots(2, 2, figsize=(8, 6))
        for ax, p in zip(axes.ravel(), PROBLEMS):
            m = picks[p]
            values = table[m].astype(float)
            pick = worst(k, m)
            ax.bar([str(i) for i in values.index], values.to_numpy(),
                   color=["#d62728" if str(i) == pick else "#1f77b4" for i in values.index])
            ax.set_title(f"{localized(*PROBLEMS[p])}\n{metric_label(m)}", fontsize=9)
            ax.tick_params(axis="x", labelsize=8, rotation=45)
        fig.tight_layout()
        return axes

    return chart()
