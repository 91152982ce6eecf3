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

import json
import numbers
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ipywidgets as w

from ._i18n import Messages

__all__ = ["AnswerForm", "slider", "dropdown", "multi_select", "TableEditor",
           "literal", "order_quiz", "match_quiz", "text_answer"]

MSGS = Messages({
    "copy": ("把下面这一行复制到答案单元格（它记录的是你的决定和计算方法，不是算好的数字）：",
             "Copy this line into the answer cell (it records your decisions and the calculation, "
             "not a computed number):"),
    "pick": ("（请选择）", "(choose)"),
    "step": ("第 {n} 步", "Step {n}"),
})

_LAYOUT = {"width": "460px"}
_STYLE = {"description_width": "150px"}
LAYOUT, STYLE = _LAYOUT, _STYLE  # public: the look of every control, for forms that build their own


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


def _in_language(err: ValueError) -> str:
    """A kamlab error's message in the current language only (a form has little room)."""
    from ._i18n import get_language

    zh, en = getattr(err, "zh", None), getattr(err, "en", None)
    if zh is not None and en is not None:
        return zh if get_language() == "zh" else en
    return str(err)


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
            return [{"output_type": "stream", "name": "stdout", "text": f"{_in_language(err)}\n"}]
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


# --------------------------------------------------------------------------- quiz builders
def literal(value: Any) -> str:
    """*value* as Python source for an answer line.

    Text in double quotes (non-ASCII kept as is), ``None``/``True``/``False``
    as Python spells them, numbers (numpy ones too) by ``repr`` of the plain
    Python number, lists and tuples as
    ``[...]``, mappings as ``{"key": value}`` (keys as text); anything else
    as quoted text.

    Parameters
    ----------
    value : object
        A form value: text, number, bool, ``None`` or a list/mapping of them.

    Returns
    -------
    str
        Source text that evaluates back to *value* (tuples become lists).

    Examples
    --------
    >>> print(literal({"环节": ["合作客户精准筛选", None, True, 1.5, 2]}))
    {"环节": ["合作客户精准筛选", None, True, 1.5, 2]}
    >>> print(literal('说"是"'))
    "说\\"是\\""
    """
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, numbers.Integral):
        return repr(int(value))
    if isinstance(value, numbers.Real):        # numpy numbers too: 1.5, not np.float64(1.5)
        return repr(float(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{literal(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _choices(options: Sequence[Any], blank: tuple[str, Any] | None) -> tuple[list[Any], Any]:
    """The drop-down options with the "not answered" entry first, and that entry's value."""
    label, empty = (MSGS("pick"), "") if blank is None else blank
    pairs = [tuple(o) if isinstance(o, (list, tuple)) and len(o) == 2 else (str(o), o) for o in options]
    return [(label, empty)] + pairs, empty


def _picker(choices: list[Any], empty: Any, label: str) -> w.Dropdown:
    # built directly: ``dropdown(choices, None)`` would mean "the first option"
    return w.Dropdown(options=choices, value=empty, description=label, layout=_LAYOUT, style=_STYLE)


def order_quiz(options: Sequence[Any], n: int, *, key: str, title: str = "",
               labels: Sequence[str] | None = None,
               blank: tuple[str, Any] | None = None) -> AnswerForm:
    """"Put the steps in order": *n* drop-downs, answer line ``key = [first, second, ...]``.

    Parameters
    ----------
    options : sequence
        The choices, as values or ``(label, value)`` pairs (give them in a
        mixed-up order so the list does not give the answer away).
    n : int
        How many positions; the controls are named ``"1"`` … ``str(n)``.
    key : str
        The answer variable, e.g. ``"q1"``.
    title : str, optional
        Heading above the drop-downs.
    labels : sequence of str, optional
        One label per position (default 第 1 步 … / Step 1 …).
    blank : (str, object), optional
        The "not answered" entry shown first and selected at the start
        (default ``("（请选择）", "")``); an unanswered position is ``None``
        in the line.

    Returns
    -------
    AnswerForm

    Examples
    --------
    >>> form = order_quiz([("B 步", "B"), ("A 步", "A")], 2, key="q1")
    >>> form.controls["2"].value = "B"
    >>> form.line
    'q1 = [None, "B"]'
    """
    choices, empty = _choices(options, blank)
    names = [str(i) for i in range(1, n + 1)]
    texts = list(labels) if labels is not None else [MSGS("step", n=i) for i in range(1, n + 1)]
    controls = {name: _picker(choices, empty, text) for name, text in zip(names, texts)}

    def line(v: dict[str, Any]) -> str:
        return f"{key} = " + literal([None if v[name] == empty else v[name] for name in names])

    return AnswerForm(controls, line=line, title=title)


def match_quiz(items: Mapping[str, str] | Sequence[str], options: Sequence[Any], *, key: str,
               title: str = "", blank: tuple[str, Any] | None = None) -> AnswerForm:
    """"Match each item to a category": one drop-down per item, line ``key = {item: choice, ...}``.

    Parameters
    ----------
    items : mapping of str to str, or sequence of str
        The items in order: control name → label (a plain sequence uses the
        name as label).  The names are the keys of the answer.
    options : sequence
        The categories, as values or ``(label, value)`` pairs.
    key : str
        The answer variable, e.g. ``"q2"``.
    title : str, optional
        Heading above the drop-downs.
    blank : (str, object), optional
        The "not answered" entry (default ``("（请选择）", "")``); an
        unanswered item is ``None`` in the line.

    Returns
    -------
    AnswerForm

    Examples
    --------
    >>> form = match_quiz({"T1": "说法一", "T2": "说法二"}, [("对", True), ("错", False)], key="q5")
    >>> form.controls["T1"].value = False
    >>> form.line
    'q5 = {"T1": False, "T2": None}'
    >>> match_quiz(["店员培训"], ["市场部", "销售部"], key="q1", blank=("—", None)).line
    'q1 = {"店员培训": None}'
    """
    labels = dict(items) if isinstance(items, Mapping) else {str(name): str(name) for name in items}
    choices, empty = _choices(options, blank)
    controls = {name: _picker(choices, empty, text) for name, text in labels.items()}

    def line(v: dict[str, Any]) -> str:
        return f"{key} = " + literal({name: None if v[name] == empty else v[name] for name in labels})

    return AnswerForm(controls, line=line, title=title)


def text_answer(key: str, *, placeholder: str = "", title: str = "", height: str = "90px") -> AnswerForm:
    """A free-text answer: one text box (control ``"text"``), line ``key = '...'``.

    Line breaks and runs of spaces become single spaces; the text is quoted
    with ``repr`` so any quote marks in it stay safe.

    Parameters
    ----------
    key : str
        The answer variable, e.g. ``"q6"``.
    placeholder : str, optional
        Grey hint text in the empty box.
    title : str, optional
        Heading above the box.
    height : str, optional
        CSS height of the box.

    Returns
    -------
    AnswerForm

    Examples
    --------
    >>> form = text_answer("q6")
    >>> form.controls["text"].value = '先做"店员培训"\\n再做陈列'
    >>> print(form.line)
    q6 = '先做"店员培训" 再做陈列'
    """
    box = w.Textarea(value="", placeholder=placeholder, layout={"width": "95%", "height": height})
    return AnswerForm({"text": box}, line=lambda v: f"{key} = {' '.join(str(v['text']).split())!r}",
                      title=title)
