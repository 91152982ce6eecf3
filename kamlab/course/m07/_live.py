"""Exercise 2's chart kept between changes: a moved target redraws its own panel only.

The targets form shows one bar chart per core KPI, each with its target line
(:func:`._charts._draw_vs_targets`).  A slider moves one target: only that
panel's bar colours, target line and legend change.  When the panel keeps its
y range (so every tick label, hence the figure's layout, stays the same), the
panel above its group names is wiped and drawn again on the kept picture;
otherwise the whole chart is drawn afresh.  Either way the picture is the one a fresh drawing
gives, pixel for pixel.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg

from ..._i18n import get_language
from ..._plotting import chart_rc
from ...kpi import LOWER_IS_BETTER, target_label
from ...widgets import encode_box, figure_box, figure_png, show_picture
from ._case import CORE_METRICS
from ._charts import _draw_vs_targets
from ._model import _table

__all__ = ["TargetsChart"]

_MISS, _MEET = "#C44E52", "#4C72B0"      # the bar colours of kl.kpi's chart


def _overlap(extents: list[tuple[float, float, float, float]], margin: float = 4.0) -> bool:
    """Whether any two panels' drawn boxes (``x0, y0, x1, y1``) come within *margin* pixels of each other.

    >>> _overlap([(0, 0, 10, 10), (20, 0, 30, 10)]), _overlap([(0, 0, 10, 10), (12, 0, 30, 10)])
    (False, True)
    """
    return any(a[0] < b[2] + margin and b[0] < a[2] + margin and a[1] < b[3] + margin and b[1] < a[3] + margin
               for i, a in enumerate(extents) for b in extents[i + 1:])


class TargetsChart:
    """The chart of every group of *k* against movable targets, one panel per metric, kept between changes.

    Call :meth:`show` inside a form's ``draw``; the picture is shown after the form's text, as with
    :func:`kamlab.widgets.still`.

    Examples
    --------
    >>> import kamlab as kl
    >>> from kamlab.course.m07 import recent
    >>> k = kl.kpi.compute(recent(kl.datasets.load("sellout")), by=["chain_id"])
    >>> chart = TargetsChart(k)
    >>> t = {"distribution_rate": 0.8, "sell_through_rate": 0.6, "inventory_turnover": 1.0,
    ...      "clerk_recommendation_rate": 0.5}
    >>> first = chart.picture(t)
    >>> chart.picture({**t, "distribution_rate": 0.9}) != first, chart.picture(t) == first
    (True, True)
    """

    def __init__(self, k: Any, metrics: tuple[str, ...] = CORE_METRICS) -> None:
        self._k = k
        self._metrics = metrics
        self._values = {m: _table(k)[m].to_numpy(dtype=float) for m in metrics}
        self._state: dict[str, Any] | None = None

    def show(self, targets: Mapping[str, Any]) -> None:
        """Show the chart for *targets* (``{metric: target}``) in the form being drawn."""
        show_picture(self.picture(targets))

    def picture(self, targets: Mapping[str, Any]) -> str:
        """The chart for *targets* as a base64 PNG (the same as a fresh drawing's)."""
        wanted = {m: targets.get(m) for m in self._metrics}
        png = self._moved(wanted) if self._state is not None else None
        return png if png is not None else self._fresh(wanted)

    def _fresh(self, targets: dict[str, Any]) -> str:
        """Draw the whole chart; keep it (with its canvas and a blank background) when it can be updated."""
        self._state = None
        axes = _draw_vs_targets(self._k, targets, self._metrics)
        figure = axes[0][0].figure
        canvas = FigureCanvasAgg(figure)
        renderer = canvas.get_renderer()
        renderer.clear()
        figure.patch.draw(renderer)
        blank = np.array(renderer.buffer_rgba())             # the background alone, to wipe a panel with
        canvas.draw()
        box = figure_box(figure, canvas)
        panels = list(axes[0])
        extents = [tuple(ax.get_tightbbox(renderer).extents) for ax in panels]
        if box is None or any(t is None for t in targets.values()) or _overlap(extents):
            return figure_png(figure)
        png = encode_box(canvas, box, figure.dpi)
        plt.close(figure)
        height, width = blank.shape[:2]
        cuts = []
        for ax, (x0, _, x1, y1) in zip(panels, extents):
            # a panel's part that a moved target can change: all of it above its group names (which stay)
            names = [t.label1.get_window_extent(renderer).y1 for t in ax.xaxis.majorTicks
                     if t.label1.get_visible() and t.label1.get_text()]
            floor = max(names) + 2 if names else ax.bbox.y0 - 20
            cuts.append((slice(max(0, int(height - y1) - 2), max(0, int(height - floor))),
                         slice(max(0, int(x0) - 2), min(width, int(np.ceil(x1)) + 2))))
        self._state = {"language": get_language(), "figure": figure, "canvas": canvas, "blank": blank,
                       "box": box, "targets": dict(targets), "panels": panels, "cuts": cuts,
                       "ylim": [ax.get_ylim() for ax in panels]}
        return png

    def _moved(self, targets: dict[str, Any]) -> str | None:
        """Redraw only the panels whose target moved, on the kept picture; None when the layout would change."""
        state = self._state
        assert state is not None
        if state["language"] != get_language() or any(t is None for t in targets.values()):
            return None
        moved = [i for i, m in enumerate(self._metrics) if targets[m] != state["targets"][m]]
        canvas, figure = state["canvas"], state["figure"]
        renderer = canvas.get_renderer()
        with plt.rc_context(chart_rc()):
            for i in moved:
                self._retarget(state["panels"][i], self._metrics[i], float(targets[self._metrics[i]]))
        if any(state["panels"][i].get_ylim() != state["ylim"][i] for i in moved):
            # new y ticks may move the panels (tight layout): the next picture is drawn afresh.  With the
            # same y range every tick label stays, and what moved (bars, line, legend) is inside the panel.
            self._state = None
            return None
        state["targets"] = dict(targets)
        pixels = np.asarray(renderer.buffer_rgba())       # the canvas's own buffer: written in place
        kept = pixels.copy()
        for i in moved:
            rows, cols = state["cuts"][i]
            pixels[rows, cols] = state["blank"][rows, cols]
            ax = state["panels"][i]
            names = [t.label1 for t in ax.xaxis.majorTicks if t.label1.get_visible()]
            for label in names:                           # below the cut: they stay as drawn
                label.set_visible(False)
            ax.apply_aspect()
            ax.draw(renderer)
            for label in names:
                label.set_visible(True)
            kept[rows, cols] = pixels[rows, cols]         # only the cut is new: anything drawn outside is undone
        pixels[...] = kept
        return encode_box(canvas, state["box"], figure.dpi)

    def _retarget(self, ax: Any, metric: str, target: float) -> None:
        """Set *ax*'s panel to *target*: bar colours, target line and its legend, y range as kl.kpi draws it."""
        values = self._values[metric]
        miss = values > target if metric in LOWER_IS_BETTER else values < target
        for bar, missed in zip(ax.containers[0], miss):
            bar.set_facecolor(_MISS if missed else _MEET)
        line = ax.get_lines()[-1]
        line.set_ydata([target, target])
        line.set_label(target_label(metric, target))
        ax.legend(loc="best")
        # kl.kpi's chart: the bars set the y range; the target line widens it only when it falls outside
        line.set_visible(False)
        ax.relim(visible_only=True)
        ax.set_autoscaley_on(True)
        ax.autoscale_view(scalex=False)
        low, high = ax.get_ybound()
        line.set_visible(True)
        if not low <= target <= high:
            ax.relim()
            ax.autoscale_view(scalex=False)
