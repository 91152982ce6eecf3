"""m09 OTC 连锁客户的开发 / Developing OTC chain accounts.

The question bank of workshop module m09 (seed 001 第一部分) and the small
helpers its notebook calls, so every answer cell is one literal or one call
built from the trainee's decisions:

* ``q1`` — classification of the chain list with the trainee's size cuts,
  ``kl.chains.classify(chains, cuts=(lo, hi))`` (consistency: the classes
  must be what the tool gives for those cuts on the notebook's data);
* ``q2`` — how many chains are national and large, ``classes.count(...)``
  (computed with the q1 cuts; checked against the context's data);
* ``q3`` — the research sheet of the key account, ``sheet_from_data(...)``:
  store count, sales and classes taken from the data, the field observations
  (direct-store share, top-10 store daily sales, layout, competitors, prices)
  from the trainee; it must validate and match the data;
* ``q4`` — negotiation preparation, ``prep(clauses, ...)``: both sides' needs
  (at least :data:`MIN_ITEMS` each), bargaining chips mapped to the other
  side's needs, and the Nash package of the m05 concession matrix (computed);
* ``q5`` — payment terms for the account's expected annual purchase,
  ``payment_plan(...)``: compared with ``kl.chains.compare_terms`` and the
  recommended term, which must be the best under the trainee's risk weight;
* ``q6`` — free text (how to agree payment terms with purchasing and
  finance), scored by hand.

Examples
--------
>>> import kamlab as kl
>>> from kamlab.course import m09
>>> chains = kl.datasets.load("chains")
>>> m09.classes_of(..., chains).count(scope="全国性", size="大型")
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
from ._case import (CHAIN_NEEDS, DATASET, DIRECT_SHARE, MIN_ITEMS, MODULE, MSGS, OUR_NEEDS, PURCHASE_SHARE,
                    key_account)
from ._forms import (classify_form, count_form, prep_form, prep_line, sheet_form, sheet_line, terms_form,
                     terms_line, text_form)
from ._model import annual_purchase, classes_of, payment_plan, prep, prep_problems, sheet_from_data

__all__ = ["MODULE", "DATASET", "BANK", "MIN_ITEMS", "PURCHASE_SHARE", "DIRECT_SHARE", "OUR_NEEDS", "CHAIN_NEEDS",
           "key_account", "account_label", "classes_of", "sheet_from_data", "annual_purchase", "prep",
           "payment_plan", "classify_form", "count_form", "sheet_form", "prep_form", "terms_form", "text_form"]
