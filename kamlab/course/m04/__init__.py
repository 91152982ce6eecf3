"""m04 策略制定与资源整合 / Strategy and resource integration.

The question bank of workshop module m04 (seed 000 §四) and the small helpers
and no-code forms its notebook calls.  The module works on the key account
chosen in m02 (the notebook's ``account`` parameter, ``None`` → the default
key account of the data variant) and on its 3 high-value opportunities from
m03 (:func:`key_needs`: ``kl.opportunity.matrix(...).top(3)``, computed, so
they follow the hidden variant).

* ``q1`` — which department owns each of nine resources (市场部促销活动 /
  品牌部资源投入 / 销售部客情资源); the catalogue with its department column is
  shown only after it;
* ``q2`` — the integrated service package for the key account (a literal
  whose needs are ``needs[0]`` … and whose resources come from
  ``kl.resources.kit``); checked: ``kl.resources.check`` finds no problem on
  the context's data (all or nothing);
* ``q3``, ``q4`` — read a colleague's package (:func:`example_for`): which
  resource is paid for twice (资源重复投入), which serves none of the key needs
  (资源与需求脱节); judged on the variant the trainee saw;
* ``q5`` — free text: how the cross-department group meets and decides
  (scored by hand with a rubric).

Examples
--------
>>> import kamlab as kl
>>> from kamlab.course import m04
>>> chains, needs = kl.datasets.load("chains"), kl.datasets.load("needs")
>>> account = m04.key_account(None, chains)
>>> len(m04.key_needs(needs, account))
3
>>> m04.BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5']
"""

from __future__ import annotations

from ._bank import BANK
from ._case import DATA_TERMS, MSGS, NONE, PLAN_END, PLAN_START, QUIZ
from ._examples import catalog_view, example_table, group_charter, pain_demo, strategy_view
from ._forms import example_form, package_form, quiz_form, text_form
from ._model import (catalog, example_for, example_resources, flawed_package, key_account, key_needs, or_example,
                     package_line, quiz_line)

__all__ = [
    "BANK", "QUIZ", "NONE", "PLAN_START", "PLAN_END", "key_account", "key_needs", "catalog", "flawed_package",
    "example_for", "example_resources", "or_example", "quiz_line", "package_line", "quiz_form", "package_form",
    "example_form", "text_form", "catalog_view", "example_table", "strategy_view", "pain_demo", "group_charter",
]
