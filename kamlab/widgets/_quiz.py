"""Quiz builders on top of the answer form: order, match, free text; and answer-line literals."""

from __future__ import annotations

import json
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as w

from ._controls import option_pairs
from ._form import AnswerForm
from ._messages import _LAYOUT, _STYLE, MSGS

__all__ = ["literal", "order_quiz", "match_quiz", "text_answer"]


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
    pairs = option_pairs(options)
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
