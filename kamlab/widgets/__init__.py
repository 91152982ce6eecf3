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

from ._controls import CheckList, TableEditor, choice, dropdown, multi_select, option_pairs, slider
from ._form import AnswerForm, encode_box, figure_box, figure_png, show_picture, still
from ._messages import _LAYOUT as LAYOUT
from ._messages import _STYLE as STYLE
from ._messages import MSGS
from ._quiz import literal, match_quiz, order_quiz, text_answer
from ._random import randomize_form

__all__ = ["AnswerForm", "slider", "dropdown", "choice", "multi_select", "CheckList", "TableEditor",
           "literal", "order_quiz", "match_quiz", "text_answer", "option_pairs", "MSGS", "LAYOUT", "STYLE", "randomize_form",
           "still", "figure_png", "figure_box", "encode_box", "show_picture"]
