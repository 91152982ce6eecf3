"""The controls of a form: sliders, drop-downs (neutral ones too), check boxes, small tables."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ipywidgets as w
import traitlets

from ._messages import _LAYOUT, _STYLE, MSGS

__all__ = ["slider", "dropdown", "choice", "multi_select", "CheckList", "TableEditor", "option_pairs"]


def option_pairs(options: Sequence[Any]) -> list[tuple[str, Any]]:
    """Options as ``(label, value)`` pairs (a bare value is its own label).

    Examples
    --------
    >>> option_pairs(["A", ("乙", "B")])
    [('A', 'A'), ('乙', 'B')]
    """
    return [tuple(o) if isinstance(o, (list, tuple)) and len(o) == 2 else (str(o), o) for o in options]


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


class CheckList(w.VBox):
    """Several choices as check boxes (no Ctrl-click needed); ``value`` is the tuple of ticked options.

    Parameters
    ----------
    options : sequence
        Values, or ``(label, value)`` pairs.
    value : sequence, optional
        The options ticked at the start (none by default: a form starts neutral).
    label : str, optional
        A heading above the boxes; it says that several may be ticked.

    Examples
    --------
    >>> c = CheckList([("需求一", "N01"), ("需求二", "N02")])
    >>> c.value
    ()
    >>> c.boxes[1].value = True
    >>> c.value
    ('N02',)
    >>> c.value = ("N01",); [b.value for b in c.boxes]
    [True, False]
    """

    value = traitlets.Tuple()

    def __init__(self, options: Sequence[Any], value: Sequence[Any] = (), *, label: str = "") -> None:
        pairs = option_pairs(options)
        self._values = [v for _, v in pairs]
        self.boxes = [w.Checkbox(value=v in tuple(value), description=str(text), indent=False,
                                 layout={"width": "440px"}) for text, v in pairs]
        head = [w.HTML(f"<b>{label}</b> <i>{MSGS('several')}</i>")] if label else [w.HTML(f"<i>{MSGS('several')}</i>")]
        super().__init__(head + self.boxes)
        self.value = tuple(v for v, box in zip(self._values, self.boxes) if box.value)
        for box in self.boxes:
            box.observe(self._sync, names="value")

    def _sync(self, _change: Any) -> None:
        if getattr(self, "_ticking", False):   # boxes ticked to match a value set from code: one change only
            return
        ticked = tuple(v for v, box in zip(self._values, self.boxes) if box.value)
        if ticked != self.value:
            self.value = ticked

    @traitlets.observe("value")
    def _value_set(self, change: Any) -> None:   # value set from code: tick the boxes to match
        self._ticking = True
        try:
            for v, box in zip(getattr(self, "_values", []), getattr(self, "boxes", [])):
                if box.value != (v in tuple(change["new"])):
                    box.value = v in tuple(change["new"])
        finally:
            self._ticking = False

    def tick(self, values: Sequence[Any]) -> None:
        """Tick exactly *values* (what a trainee clicks; used by tests and examples)."""
        for v, box in zip(self._values, self.boxes):
            box.value = v in tuple(values)


def multi_select(options: Sequence[Any], value: Sequence[Any] = (), *, label: str = "",
                 rows: int = 6) -> CheckList:
    """Several choices from a list, as check boxes (the label says several may be ticked).

    *rows* is accepted for compatibility and ignored: every option shows.

    Examples
    --------
    >>> multi_select(["N01", "N02", "N03"], ["N02"]).value
    ('N02',)
    """
    return CheckList(options, value, label=label)


def choice(options: Sequence[Any], *, label: str = "", blank: tuple[str, Any] | None = None) -> w.Dropdown:
    """A drop-down that starts on "（请选择）" (value ``None``): an untouched form decides nothing.

    Examples
    --------
    >>> d = choice([("重点投入", "invest"), ("培育优化", "cultivate")])
    >>> d.value is None, d.options[0][0]
    (True, '（请选择）')
    """
    label_blank, empty = (MSGS("pick"), None) if blank is None else blank
    pairs = option_pairs(options)
    return w.Dropdown(options=[(label_blank, empty)] + pairs, value=empty, description=label,
                      layout=_LAYOUT, style=_STYLE)


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


