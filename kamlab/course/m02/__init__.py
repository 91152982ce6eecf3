"""m02 三维客户精准筛选 / three-dimension screening of chain accounts.

The question bank of workshop module m02 (seed 000 §二) and the small helpers
its notebook calls, so that every answer cell is one literal or one call:

* ``q1`` — the trainee's decision: the weights of the three dimensions
  (合作潜力, 利润贡献, 动销基础; each > 0, summing to 100) and the cut
  between high and low (30–70), e.g.
  ``{"合作潜力": 35, "利润贡献": 40, "动销基础": 25, "cut": 50}``;
* ``q2`` — the tiering ``kl.screening.screen(chains, rubric(q1), id_col="chain_id", cut=cut(q1))``;
* ``q3`` — the chains in 重点投入, ``members(q2, "重点投入")``;
* ``q4`` — the chains whose quadrant is unstable when the weights swing,
  ``unstable(chains, q1, spread=0.2, below=0.7)``;
* ``q5`` — the key account kept for the rest of the course, ``pick(q2, rank=1)``;
* ``q6`` — free text (why this account, what resources to move), scored by hand.

Checks q2–q5 are *consistency* checks: the reference is what the tools give
with the trainee's own ``q1`` on the notebook's own data (``Context.load``),
so a computed answer stays right on a hidden data variant and a typed-in
list from variant 0 does not.

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
from ._case import DEFAULT_CHOICE, DIMENSION_EN, DIMENSIONS, QUADRANTS, SPREAD, STABLE_BELOW
from ._charts import plot_stability
from ._forms import pick_form, quadrant_form, stability_form, text_form, tiering_form, weights_form
from ._messages import MSGS
from ._model import answer_line, cut, members, or_default, pick, rubric, tiering, unstable

__all__ = [
    "BANK", "DIMENSIONS", "DIMENSION_EN", "QUADRANTS", "DEFAULT_CHOICE", "STABLE_BELOW", "SPREAD",
    "or_default", "rubric", "cut", "answer_line", "tiering", "members", "unstable", "pick",
    "weights_form", "tiering_form", "quadrant_form", "stability_form", "pick_form", "text_form",
    "plot_stability",
]
