"""Set a form's controls at random: how the tests check that a form's check judges the decision.

A check that passes for most random settings of its form is grading the act
of pasting, not the decision (``docs/teaching.md``).
"""

from __future__ import annotations

import random
from typing import Any

import ipywidgets as w

from ._controls import CheckList, TableEditor
from ._form import AnswerForm

__all__ = ["randomize_form"]


def _random_value(control: Any, rng: random.Random) -> Any:
    if isinstance(control, CheckList):
        return tuple(v for v in control._values if rng.random() < 0.5)
    if isinstance(control, (w.Dropdown, w.RadioButtons, w.ToggleButtons, w.Select)):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return rng.choice(values) if values else control.value
    if isinstance(control, w.SelectMultiple):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return tuple(v for v in values if rng.random() < 0.5)
    if isinstance(control, (w.IntSlider, w.BoundedIntText)):
        steps = max(0, (control.max - control.min) // max(1, control.step))
        return control.min + rng.randint(0, steps) * max(1, control.step)
    if isinstance(control, (w.FloatSlider, w.BoundedFloatText)):
        step = control.step or (control.max - control.min) / 20
        steps = int(round((control.max - control.min) / step))
        return round(control.min + rng.randint(0, steps) * step, 10)
    if isinstance(control, w.Checkbox):
        return rng.random() < 0.5
    return control.value          # free text, tables: left as they are


def randomize_form(form: AnswerForm, rng: random.Random | None = None) -> dict[str, Any]:
    """Set every choice control of *form* to a random value; return the values set.

    Drop-downs, check boxes, sliders and toggles are set at random; free text
    and table cells are left alone.

    Examples
    --------
    >>> from kamlab.widgets import AnswerForm, choice, slider
    >>> form = AnswerForm({"pick": choice(["A", "B"]), "n": slider(5, 0, 10)},
    ...                   line=lambda v: f"q = ({v['pick']!r}, {v['n']})")
    >>> values = randomize_form(form, random.Random(1))
    >>> form.line == f"q = ({values['pick']!r}, {values['n']})"
    True
    """
    rng = rng or random.Random(0)
    values = {}
    for name, control in form.controls.items():
        if isinstance(control, TableEditor):
            continue
        values[name] = _random_value(control, rng)
        control.value = values[name]
    return values
