"""m03 信息收集与机会洞察 / information gathering and opportunity insight.

The question bank of workshop module m03 (seed 000 §三) and the small helpers
its notebook calls, so that every answer cell is one literal or one call.
The module works on the key account chosen in m02: the notebook's
``account`` parameter, resolved by :func:`key_account` (``None`` → the
default key account of the notebook's data variant).

* ``q1`` — a small quiz (does not depend on data): for six need statements,
  the kind (显性 / 隐性) and the channel the information came from
  (总部 / 门店 / 外部), e.g. ``{"联合营销活动": ("显性", "总部"), ...}``;
* ``q2`` — the gaps of the collection plan of the key account,
  ``gaps(needs, account)`` (the account travels with the answer);
* ``q3`` — the opportunity matrix with the trainee's threshold,
  ``kl.opportunity.matrix(needs, threshold=3, account=account)``;
* ``q4`` — the doubtful opportunities and why, ``doubtful(q3)``;
* ``q5`` — the 3 high-value opportunities, ``pick(q3, rule="tool")``;
* ``q6`` — free text: one concrete action for the first opportunity
  (scored by hand).

q2–q5 are checked against what the tools give on the context's own data for
the account (and threshold) the trainee used, so a computed answer stays
right on a hidden data variant and a typed-in one from variant 0 does not.

Examples
--------
>>> import kamlab as kl
>>> from kamlab.course import m03
>>> chains, needs = kl.datasets.load("chains"), kl.datasets.load("needs")
>>> account = m03.key_account(None, chains)
>>> opp = kl.opportunity.matrix(needs, threshold=3, account=account)
>>> len(m03.pick(opp))
3
>>> m03.quiz_line({"联合营销活动": "显性·总部"})
'q1 = {"联合营销活动": ("显性", "总部")}'

The package: ``_case`` (the quiz, the rules, the key account's tables),
``_model`` (the helpers answer cells call), ``_charts``, ``_forms``,
``_checks`` and ``_bank``.
"""

from __future__ import annotations

from ._bank import BANK
from ._case import (DATA_TERMS, DEFAULT_THRESHOLD, MSGS, QUIZ, REASONS, RULES, THRESHOLDS, account_card,
                    example_account, key_account, needs_by_type)
from ._charts import plot_picks
from ._forms import doubts_form, matrix_form, pick_form, plan_form, quiz_form, text_form
from ._model import doubtful, gaps, pick, quiz_line

__all__ = [
    "BANK", "QUIZ", "RULES", "THRESHOLDS", "REASONS",
    "key_account", "account_card", "needs_by_type", "example_account", "gaps", "doubtful", "pick", "quiz_line",
    "quiz_form", "plan_form", "matrix_form", "doubts_form", "pick_form", "text_form", "plot_picks",
]
