"""m03 信息收集与机会洞察 / information gathering and opportunity insight.

The question bank of workshop module m03 (seed 000 §三) and the small helpers
its notebook calls, so that every answer cell is one literal or one call.
The module works on the key account chosen in m02: the notebook's
``account`` parameter, resolved by :func:`key_account` (``None`` → the
default key account of the notebook's data variant).

* ``q1`` — a small quiz (does not depend on data): for six need statements,
  the kind (显性 / 隐性) and the channel the information came from
  (总部 / 门店 / 外部), e.g. ``{"联合营销活动": ("显性", "总部"), ...}``;
* ``q2`` — read the coverage chart: the kind × channel cells with no need
  gathered for the key account (check boxes);
* ``q3`` — score each need of the key account from its evidence: 需求匹配度
  from 我方匹配能力 (``fit``), 机会价值 from 预计年增量销售额 (``uplift``), by
  the course rubric (:func:`kamlab.opportunity.evidence_scores`);
* ``q4`` — the doubtful act-now opportunities (验证可行性: the account's
  sell-through base and the competitor pressure; the cut-offs are the
  course's choice, said so in the notebook);
* ``q5`` — the 3 high-value opportunities (优先落地 first, feasible first,
  then priority = match × value);
* ``q6`` — free text: one concrete action for the first opportunity
  (scored by hand with a rubric).

q1–q5 are literal decisions checked on the data variant the trainee saw.

Examples
--------
>>> import kamlab as kl
>>> from kamlab.course import m03
>>> chains, needs = kl.datasets.load("chains"), kl.datasets.load("needs")
>>> account = m03.key_account(None, chains)
>>> opp = kl.opportunity.matrix(needs, threshold=3, account=account)
>>> len(m03.pick(opp))
3
>>> m03.BANK.get("q3").on
'seen'
>>> m03.quiz_line({"联合营销活动": "显性·总部"})
'q1 = {"联合营销活动": ("显性", "总部")}'

The package: ``_case`` (the quiz, the rules, the key account's tables),
``_model`` (the helpers answer cells call), ``_charts``, ``_forms``,
``_checks`` and ``_bank``.
"""

from __future__ import annotations

from ._bank import BANK
from ._case import (DATA_TERMS, DEFAULT_THRESHOLD, FEASIBILITY, MSGS, NONE, QUIZ, REASONS, RULES, THRESHOLDS, account_card,
                    evidence_table, example_account, key_account, needs_by_type, rubric_table)
from ._charts import plot_picks
from ._forms import doubts_form, pick_form, plan_form, quiz_form, score_form, text_form
from ._model import doubtful, doubtful_act_now, gaps, pick, quiz_line, rubric_scores, scored_matrix

__all__ = [
    "BANK", "QUIZ", "RULES", "THRESHOLDS", "REASONS", "NONE", "FEASIBILITY",
    "key_account", "account_card", "needs_by_type", "example_account", "evidence_table", "rubric_table",
    "gaps", "doubtful", "pick", "quiz_line", "scored_matrix", "rubric_scores", "doubtful_act_now",
    "quiz_form", "plan_form", "score_form", "doubts_form", "pick_form", "text_form", "plot_picks",
]
