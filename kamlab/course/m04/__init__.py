"""m04 策略制定与资源整合 / Strategy and resource integration.

The question bank of workshop module m04 (seed 000 §四) and the small helpers
and no-code forms its notebook calls.  The module works on the key account
chosen in m02 (the notebook's ``account`` parameter, ``None`` → the default
key account of the data variant) and on its 3 high-value opportunities from
m03 (:func:`key_needs`: ``kl.opportunity.matrix(...).top(3)``, computed, so
they follow the hidden variant).

* ``q1`` — quiz: which department owns each of six resources
  (市场部促销活动 / 品牌部资源投入 / 销售部客情资源);
* ``q2`` — the integrated service package for the key account (a literal
  whose needs are ``needs[0]`` … and whose resources come from
  ``kl.resources.kit``); checked: ``kl.resources.check`` finds no problem on
  the context's data;
* ``q3`` — the package cost by department,
  ``kl.resources.check(q2, catalog, needs).cost_by_department``; checked
  against the same call on the trainee's own q2 with the context's catalogue;
* ``q4`` — free text: how the cross-department group meets and decides
  (scored by hand).

Examples
--------
>>> import kamlab as kl
>>> from kamlab.course import m04
>>> chains, needs = kl.datasets.load("chains"), kl.datasets.load("needs")
>>> account = m04.key_account(None, chains)
>>> len(m04.key_needs(needs, account))
3
>>> m04.BANK.keys()
['q1', 'q2', 'q3', 'q4']
"""

from __future__ import annotations

from ._bank import BANK
from ._case import DATA_TERMS, MSGS, PLAN_END, PLAN_START, QUIZ
from ._forms import cost_form, package_form, quiz_form, text_form
from ._model import catalog, flawed_package, key_account, key_needs, or_example, package_line, quiz_line

__all__ = [
    "BANK", "QUIZ", "PLAN_START", "PLAN_END", "key_account", "key_needs", "catalog", "flawed_package",
    "or_example", "quiz_line", "package_line", "quiz_form", "package_form", "cost_form", "text_form",
]
