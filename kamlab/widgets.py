"""No-code answer forms: controls → live chart → the one answer line to paste.

Every exercise in the workbook has a no-code path.  An :class:`AnswerForm`
shows a few ipywidgets controls (sliders, drop-downs, small editable tables),
redraws a chart each time a control changes and writes the *answer line*: a
line of Python that holds the trainee's decisions (weights, cut, targets,
chosen options) and the call that computes the answer from the notebook's
data, never a computed number, so it stays right on another data variant.
The trainee copies that line into the answer cell.

The form works without a browser too (tests and papermill runs): set a
control's ``value`` and read :attr:`AnswerForm.line`.

Examples
--------
>>> form = AnswerForm(
...     {"cut": slider(50, 0, 100, 5, label="分界线")},
...     line=lambda v: f"cut = {v['cut']}")
>>> form.line
'cut = 50'
>>> form.controls["cut"].value = 60
>>> form.line, form.values
('cut = 60', {'cut': 60})
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ipywidgets as w

from ._i18n import Messages

__all__ = ["AnswerForm", "slider", "dropdown", "multi_select", "table_editor", "TableEditor"]

MSGS = Messages({
    "copy": ("把下面这一行复制到答案单元格（它记录的是你的决定和计算方法，不是算好的数字）：",
             "Copy this line into the answer cell (it records your decisions and the calculation, "
             "not a computed number):"),
})

_LAYOUT = {"width": "460px"}
_STYLE = {"description_width": "150px"}


def slider(value: float, lo: float, hi: float, step: float = 1, *, label: str = "") -> w.ValueWidget:
    """An integer or float slider with a label wide enough for Chinese text.

    Examples
    --------
    >>> s = slider(30, 0, 100, label="合作潜力")
    >>> type(s).__name__, s.value
    ('IntSlider', 30)
    """
    kind = w.IntSlider if all(float(x).is_integer() for x in (value, lo, hi, step)) else w.FloatSlider
    return kind(value=value, min=lo, max=hi, step=step, description=label,
                continuous_update=False, layout=_LAYOUT, style=_STYLE)


def dropdown(options: Sequence[Any], value: Any = None, *, label: str = "") -> w.Dropdown:
    """A drop-down list (first option by default).

    Examples
    --------
    >>> dropdown(["C01", "C02"], label="客户").value
    'C01'
    """
    return w.Dropdown(options=list(options), value=options[0] if value is None else value,
                      description=label, layout=_LAYOUT, style=_STYLE)


def multi_select(options: Sequence[Any], value: Sequence[Any] = (), *, label: str = "",
                 rows: int = 6) -> w.SelectMultiple:
    """A list from which several items can be chosen (Ctrl/Shift-click).

    Examples
    --------
    >>> multi_select(["N01", "N02", "N03"], ["N02"]).value
    ('N02',)
    """
    return w.SelectMultiple(options=list(options), value=tuple(value), description=label,
                            rows=rows, layout=_LAYOUT, style=_STYLE)


class TableEditor(w.VBox):
    """A small editable table: one text box per cell of the chosen columns.

    Parameters
    ----------
    rows : list of dict
        The starting rows (a trainee's table is a handful of rows).
    columns : sequence of str
        The columns shown, in order.
    labels : mapping, optional
        Header text per column (defaults to the column name).

    Examples
    --------
    >>> t = TableEditor([{"metric": "distribution_rate", "target": 0.9}], ["metric", "target"])
    >>> t.cells[0]["target"].value = "0.85"
    >>> t.records()
    [{'metric': 'distribution_rate', 'target': 0.85}]
    """

    def __init__(self, rows: Sequence[Mapping[str, Any]], columns: Sequence[str],
                 labels: Mapping[str, str] | None = None) -> None:
        self.columns = list(columns)
        labels = dict(labels or {})
        header = w.HBox([w.HTML(f"<b>{labels.get(c, c)}</b>", layout={"width": "160px"})
                         for c in self.columns])
        self.cells: list[dict[str, w.Text]] = [
            {c: w.Text(value="" if row.get(c) is None else str(row.get(c)),
                       layout={"width": "160px"}) for c in self.columns}
            for row in rows]
        super().__init__([header] + [w.HBox([cells[c] for c in self.columns]) for cells in self.cells])

    @staticmethod
    def _parse(text: str) -> Any:
        text = text.strip()
        if text == "":
            return None
        for kind in (int, float):
            try:
                return kind(text)
            except ValueError:
                pass
        return text

    @property
    def value(self) -> list[dict[str, Any]]:
        """The rows as typed (numbers parsed)."""
        return self.records()

    def records(self) -> list[dict[str, Any]]:
        """The rows as a list of dicts, numbers parsed, empty cells as ``None``."""
        return [{c: self._parse(cells[c].value) for c in self.columns} for cells in self.cells]

    def observe_cells(self, handler: Callable[[Any], None]) -> None:
        """Call *handler* whenever any cell changes."""
        for cells in self.cells:
            for box in cells.values():
                box.observe(handler, names="value")


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

    def __repr__(self) -> str:
        # Short and stable: a notebook stores this text next to the widget,
        # and nbval compares it on every machine.
        return f"AnswerForm({self.line!r})"

    def _changed(self, _change: Any) -> None:
        values = self.values
        self.answer.value = self._line(values)
        if self._draw is None:
            return
        self.output.outputs = tuple(self._render(values))

    def _render(self, values: dict[str, Any]) -> list[dict[str, Any]]:
        """Draw the chart for *values* and return it as output-area entries.

        The figure is rendered to PNG here and handed to the output widget
        directly, so nothing leaks into the notebook cell's own outputs and
        figures the trainee drew elsewhere are left alone.
        """
        import base64
        import io

        import matplotlib.pyplot as plt

        before = set(plt.get_fignums())
        try:
            self._draw(values)
        except ValueError as err:  # a trainee's half-finished choice: say why, keep the form
            return [{"output_type": "stream", "name": "stdout", "text": f"{err}\n"}]
        finally:
            new = [n for n in plt.get_fignums() if n not in before]
            images = []
            for number in new:
                figure = plt.figure(number)
                buffer = io.BytesIO()
                figure.savefig(buffer, format="png", bbox_inches="tight")
                images.append(base64.b64encode(buffer.getvalue()).decode("ascii"))
                plt.close(figure)
        return [{"output_type": "display_data", "metadata": {},
                 "data": {"image/png": png, "text/plain": "<Figure>"}} for png in images]
