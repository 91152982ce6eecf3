"""m02 三维客户精准筛选 / three-dimension screening of chain accounts.

The question bank of workshop module m02 (seed 000 §二) and the small helpers
its notebook calls, so that every answer cell is one literal or one call:

* ``q1`` — the trainee's weights of the three dimensions (合作潜力, 利润贡献, 动销基础;
  each > 0, summing to 100) and the cut between high and low (30–70), e.g.
  ``{"合作潜力": 35, "利润贡献": 40, "动销基础": 25, "cut": 50}``;
* ``q2`` — read the four-quadrant chart: the chains in 重点投入 (``["C18", "C22", ...]``);
* ``q3`` — read the stability chart (weights ±20 %, threshold 0.7): the unstable chains, or ``["无"]``;
* ``q4`` — what to do with them before resources move (``"先核实"`` …);
* ``q5`` — the key account kept for the rest of the course (a chain id);
* ``q6`` — free text (why this account, what resources to move), scored by hand with a rubric.

q2–q5 are judgments (``Question(on="seen")``): each check loads the data variant the
trainee saw and recomputes the tiering with the trainee's own q1, so a choice right
for that data stays right when the grader re-runs the notebook on a hidden variant.

Examples
--------
>>> from kamlab.course import m02
>>> m02.rubric({"合作潜力": 30, "利润贡献": 50, "动销基础": 20, "cut": 50})["dimensions"]["利润贡献"]["weight"]
50
>>> m02.cut(...)
50
>>> m02.answer_line({"合作潜力": 30, "利润贡献": 50, "动销基础": 20, "cut": 55})
'q1 = {"合作潜力": 30, "利润贡献": 50, "动销基础": 20, "cut": 55}'
"""

from __future__ import annotations

from ._bank import BANK
from ._case import ACTIONS, DATA_TERMS, DEFAULT_CHOICE, DIMENSION_EN, DIMENSIONS, NO_UNSTABLE, QUADRANTS, SPREAD, STABLE_BELOW
from ._charts import plot_stability
from ._forms import action_form, invest_form, pick_form, stability_form, text_form, weights_form
from ._messages import MSGS
from ._model import answer_line, criteria_table, cut, key_account, members, or_default, pick, rubric, tiering, unstable

__all__ = [
    "BANK", "DIMENSIONS", "DIMENSION_EN", "QUADRANTS", "DEFAULT_CHOICE", "STABLE_BELOW", "SPREAD",
    "ACTIONS", "NO_UNSTABLE", "DATA_TERMS", "key_account",
    "or_default", "rubric", "cut", "answer_line", "tiering", "members", "unstable", "pick", "criteria_table",
    "weights_form", "invest_form", "stability_form", "action_form", "pick_form", "text_form",
    "plot_stability",
]
