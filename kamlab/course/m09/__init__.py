"""m09 OTC 连锁客户的开发 / Developing OTC chain accounts.

The question bank of workshop module m09 (seed 001 第一部分) and the small
helpers its notebook calls:

* ``q1`` — the key account's three classes (区域、销售额、药店管理), read from its
  row of the chain list (checked on the data the trainee saw);
* ``q2`` — the seed's chain needs sorted into 产品需求、服务需求、销售需求;
* ``q3`` — the research sheet of the key account, ``sheet_from_data(...)``:
  store count, sales and classes taken from the data, the field observations
  from the trainee; it must validate and match the data;
* ``q4`` — negotiation preparation, ``prep(clauses, ...)``: both sides' needs
  and bargaining chips, each chip meeting a need of the other side;
* ``q5`` — the seed's four payment terms (预付款、货到付款、实销实结、月结（押批）)
  ordered by when we are paid, read from :func:`terms_for`;
* ``q6`` — the recommended term and how to agree it with purchasing and
  finance, scored by hand with a rubric.

Examples
--------
>>> import kamlab as kl
>>> from kamlab.course import m09
>>> chains = kl.datasets.load("chains")
>>> kl.chains.classify(chains).count(scope="全国性", size="大型")
12
>>> round(m09.annual_purchase(chains, "C18"))
1409971

The package: ``_case`` (constants, the need lists, the key account),
``_model`` (the helpers answer cells call), ``_forms``, ``_checks`` and
``_bank``.
"""

from __future__ import annotations

from ... import chains as _chains_tool  # noqa: F401 - makes kl.chains available to the notebook
from ..m05 import account_label
from ._bank import BANK
from ._case import (CHAIN_NEEDS, DATA_TERMS, DATASET, DIRECT_SHARE, MIN_ITEMS, MODULE, MSGS, NEED_GROUPS, NEED_QUIZ, OUR_NEEDS,
                    PURCHASE_SHARE, key_account)
from ._forms import class_form, needs_form, order_form, prep_form, prep_line, sheet_form, sheet_line, text_form
from ._model import (annual_purchase, classes_of, development_checklist, needs_table, prep, prep_problems,
                     sheet_from_data, terms_for)

__all__ = ["MODULE", "DATASET", "BANK", "MIN_ITEMS", "PURCHASE_SHARE", "DIRECT_SHARE", "OUR_NEEDS", "CHAIN_NEEDS",
           "NEED_GROUPS", "NEED_QUIZ", "DATA_TERMS", "needs_table", "development_checklist", "key_account", "account_label", "classes_of", "sheet_from_data",
           "annual_purchase", "prep", "terms_for", "class_form", "needs_form", "sheet_form", "prep_form",
           "order_form", "text_form"]
