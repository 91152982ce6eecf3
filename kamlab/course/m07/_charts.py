"""The charts of m07: the KPIs of every chain against the targets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import matplotlib.pyplot as plt

from ..._plotting import styled
from ._case import CORE_METRICS
from ._model import metric_label


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
