"""The answer form: controls, a live output area (chart, status, sums, errors) and the answer line."""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as w
import matplotlib.image as mpimg
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from IPython.utils.capture import capture_output

from .._i18n import get_language, localized
from ._controls import TableEditor, option_pairs
from ._messages import MSGS

__all__ = ["AnswerForm", "still"]


def _in_language(err: ValueError) -> str:
    """A kamlab error's message in the current language only (a form has little room)."""
    zh, en = getattr(err, "zh", None), getattr(err, "en", None)
    if zh is not None and en is not None:
        return localized(zh, en)
    return str(err)


def figure_box(figure: Any, canvas: Any) -> tuple[int, int, int, int] | None:
    """The pixel rows and columns ``(top, bottom, left, right)`` of *figure*'s drawn part (drawn on *canvas*).

    The box of ``savefig(bbox_inches="tight")``; None when something is drawn outside the figure.
    """
    dpi = figure.dpi
    box = figure.get_tightbbox(canvas.get_renderer()).padded(plt.rcParams["savefig.pad_inches"])
    width, height = figure.get_size_inches()
    if box.x0 >= 0 and box.y0 >= 0 and box.x1 <= width and box.y1 <= height:
        return (int(round((height - box.y1) * dpi)), int(round((height - box.y0) * dpi)),
                int(round(box.x0 * dpi)), int(round(box.x1 * dpi)))
    return None


def encode_box(canvas: Any, box: tuple[int, int, int, int], dpi: float) -> str:
    """The *box* of what *canvas* has drawn, as a base64 PNG."""
    buffer = io.BytesIO()
    top, bottom, left, right = box
    mpimg.imsave(buffer, np.asarray(canvas.buffer_rgba())[top:bottom, left:right], format="png", dpi=dpi)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def figure_png(figure: Any) -> str:
    """*figure* as a base64 PNG, cut to its drawn part (``bbox_inches="tight"``), then closed.

    ``savefig(bbox_inches="tight")`` lays the figure out twice (once to
    measure, once to draw).  A form redraws on every change, so the figure is
    drawn once and the picture cut to the same padded box; only when something
    is drawn outside the figure (a legend beside it) does it take savefig's
    way, which widens the picture.
    """
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    box = figure_box(figure, canvas)
    if box is not None:
        png = encode_box(canvas, box, figure.dpi)
    else:
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", bbox_inches="tight")
        png = base64.b64encode(buffer.getvalue()).decode("ascii")
    plt.close(figure)
    return png


#: Pictures :func:`still` charts showed during the draw running now (a form shows them after its text).
_SHOWN: list[str] = []


def show_picture(png: str) -> None:
    """Show *png* (base64, e.g. from :func:`figure_png`) as a chart of the form redrawing now.

    For a form's ``draw`` that keeps and updates its own picture (m07's targets chart).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> show_picture(figure_png(plt.figure(figsize=(1, 1))))
    """
    _SHOWN.append(png)


def still(chart: Callable[..., Any]) -> Callable[..., None]:
    """A form's chart drawn once per argument and language, then shown again from its picture.

    A form redraws on every change of a control (``docs/teaching.md``: within
    150 ms).  A chart that does not follow the controls (the scorecard the
    trainee reads while picking), or follows them through a few values only (one
    chart per lever), need not be drawn again: ``show = still(chart)`` makes a
    function that draws ``chart(*args)`` the first time, keeps the picture and
    then only shows it.  Call ``show(*args)`` inside a form's ``draw``; *args*
    must be hashable.  The picture is the same PNG the form makes of a figure.

    Examples
    --------
    >>> from kamlab.widgets import dropdown
    >>> calls = []
    >>> def chart(n):
    ...     calls.append(n)
    ...     plt.subplots()[1].bar(["a"], [n])
    >>> show = still(chart)
    >>> form = AnswerForm({"k": dropdown([1, 2])}, line=lambda v: f"k = {v['k']}", draw=lambda v: show(v["k"]))
    >>> form.controls["k"].value = 2; form.controls["k"].value = 1; form.controls["k"].value = 2
    >>> calls, [o["data"]["text/plain"] for o in form.output.outputs]
    ([1, 2], ['<Figure>'])
    """
    pictures: dict[tuple[Any, ...], list[str]] = {}

    def show(*args: Any) -> None:
        key = (get_language(), *args)
        if key not in pictures:
            before = set(plt.get_fignums())
            chart(*args)
            pictures[key] = [figure_png(plt.figure(n)) for n in plt.get_fignums() if n not in before]
        _SHOWN.extend(pictures[key])

    return show


class AnswerForm(w.VBox):
    """Controls, a live chart and the answer line they produce.

    Parameters
    ----------
    controls : mapping of str to widget
        Named controls; each must have a ``value`` (sliders, drop-downs,
        :class:`TableEditor`).
    line : callable
        ``values -> str``: the answer line for the current values.
    draw : callable, optional
        ``values -> None``: draws the chart for the current values (with
        matplotlib; the figure is shown in the form's output area).
    title : str, optional
        A short heading shown above the controls.

    Examples
    --------
    >>> from kamlab.widgets import dropdown, slider
    >>> f = AnswerForm({"k": dropdown([1, 2, 3])}, line=lambda v: f"k = {v['k']}")
    >>> f.controls["k"].value = 3
    >>> f.line
    'k = 3'
    """

    def __init__(self, controls: Mapping[str, Any], *, line: Callable[[dict[str, Any]], str],
                 draw: Callable[[dict[str, Any]], None] | None = None, title: str = "") -> None:
        self.controls = dict(controls)
        self._line = line
        self._draw = draw
        self.output = w.Output()
        self.answer = w.Textarea(value="", layout={"width": "95%", "height": "60px"},
                                 disabled=False)
        self.answer.add_class("kamlab-answer-line")
        parts: list[w.Widget] = []
        if title:
            parts.append(w.HTML(f"<b>{title}</b>"))
        parts += list(self.controls.values())
        parts += [self.output, w.HTML(MSGS("copy")), self.answer]
        super().__init__(parts)
        for control in self.controls.values():
            if isinstance(control, TableEditor):
                control.observe_cells(self._changed)
            else:
                control.observe(self._changed, names="value")
        self._changed(None)

    @property
    def values(self) -> dict[str, Any]:
        """The current value of every control, by name."""
        return {name: control.value for name, control in self.controls.items()}

    @property
    def line(self) -> str:
        """The answer line for the current values."""
        return self.answer.value

    @property
    def text(self) -> str:
        """Everything the form's output area says now (status, sums, errors), as plain text.

        It is redrawn with the chart on every change of a control.

        Examples
        --------
        >>> from kamlab.widgets import slider
        >>> f = AnswerForm({"k": slider(1, 0, 5)}, line=lambda v: f"k = {v['k']}",
        ...                draw=lambda v: print(f"合计 {v['k'] * 10}%"))
        >>> f.text
        '合计 10%'
        >>> f.controls["k"].value = 3; f.text
        '合计 30%'
        """
        parts = []
        for out in self.output.outputs:
            if out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
            elif "text/markdown" in out.get("data", {}) or "text/plain" in out.get("data", {}):
                data = out["data"]
                plain = data.get("text/markdown", data.get("text/plain", ""))
                if plain not in ("<Figure>",):
                    parts.append(str(plain))
        return "\n".join(p.strip("\n") for p in parts if p.strip())

    def __repr__(self) -> str:
        # Short and stable: a notebook stores this text next to the widget,
        # and nbval compares it on every machine.
        return f"AnswerForm({self.line!r})"

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any] | None:
        """The live widget, plus a static HTML snapshot for where no kernel runs (a stored solution)."""
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = self.snapshot_html()
        return bundle

    def snapshot_html(self) -> str:
        """A static picture of the form: its controls' values, what it shows and the answer line.

        Examples
        --------
        >>> from kamlab.widgets import slider
        >>> f = AnswerForm({"k": slider(2, 0, 5, label="档位")}, line=lambda v: f"k = {v['k']}")
        >>> "档位" in f.snapshot_html() and "k = 2" in f.snapshot_html()
        True
        """
        rows = []
        for name, control in self.controls.items():
            label = getattr(control, "description", "") or name
            value = control.value
            if isinstance(control, w.Dropdown):
                value = next((text for text, v in option_pairs(control.options) if v == value), value)
            rows.append(f"<tr><td>{html.escape(str(label))}</td><td>{html.escape(str(value))}</td></tr>")
        shown = []
        for out in self.output.outputs:
            data = out.get("data", {})
            if out.get("output_type") == "stream":
                shown.append(f"<pre>{html.escape(out.get('text', ''))}</pre>")
            elif "image/png" in data:
                shown.append(f'<img src="data:image/png;base64,{data["image/png"]}"/>')
            elif "text/html" in data:
                shown.append(str(data["text/html"]))
            elif "text/plain" in data:
                shown.append(f"<pre>{html.escape(str(data['text/plain']))}</pre>")
        return (f'<div class="kamlab-form-snapshot"><p><i>{html.escape(MSGS("snapshot"))}</i></p>'
                f"<table>{''.join(rows)}</table>{''.join(shown)}"
                f"<p>{html.escape(MSGS('copy'))}</p><pre>{html.escape(self.line)}</pre></div>")

    def _changed(self, _change: Any) -> None:
        values = self.values
        self.answer.value = self._line(values)
        if self._draw is None:
            return
        self.output.outputs = tuple(self._render(values))

    def _render(self, values: dict[str, Any]) -> list[dict[str, Any]]:
        """Draw the form's chart and text for *values*; return them as output-area entries.

        Everything :attr:`draw` prints or displays and every figure it makes
        goes to the form's own output area, replaced on every change, so the
        status text, sums and violations always match the controls; nothing
        leaks into the notebook cell's outputs and figures the trainee drew
        elsewhere are left alone.
        """
        before = set(plt.get_fignums())
        entries: list[dict[str, Any]] = []
        error = None
        _SHOWN.clear()
        with capture_output(stdout=True, stderr=False, display=True) as captured:
            try:
                self._draw(values)
            except ValueError as err:  # a trainee's half-finished choice: say why, keep the form
                error = _in_language(err)
        shown, _SHOWN[:] = list(_SHOWN), []
        if captured.stdout:
            entries.append({"output_type": "stream", "name": "stdout", "text": captured.stdout})
        for rich in captured.outputs:
            data = {k: v for k, v in rich.data.items() if k != "application/vnd.jupyter.widget-view+json"}
            if data:
                entries.append({"output_type": "display_data", "metadata": rich.metadata or {}, "data": data})
        for png in shown:
            entries.append({"output_type": "display_data", "metadata": {},
                            "data": {"image/png": png, "text/plain": "<Figure>"}})
        for number in [n for n in plt.get_fignums() if n not in before]:
            entries.append({"output_type": "display_data", "metadata": {},
                            "data": {"image/png": figure_png(plt.figure(number)), "text/plain": "<Figure>"}})
        if error is not None:
            entries.append({"output_type": "stream", "name": "stdout", "text": f"{error}\n"})
        return entries
