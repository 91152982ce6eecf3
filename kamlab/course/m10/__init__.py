"""m10 连锁上量与动销十要素 / The ten sell-through elements of a chain account.

Seed 001 part 2 (OTC连锁的维护上量与动销的十大要素): distribution, display,
price, store training, promotion, consumer education, competitors,
relationship, information and sales contests.

Every auto-graded exercise is a decision the trainee reads off a chart or
table of the notebook (``Question(on="seen")``: judged on the data variant
the trainee saw):

* ``q1``/``q2`` — the chains below the distribution pass line, and those whose
  HQ must buy our categories first;
* ``q3`` — the under-exposed stores (fair-share index below 0.8);
* ``q4`` — the stores with a price outside ±10 % of the suggested price;
* ``q5`` — was the promotion worth it (gross profit with the discount on
  every unit sold, :func:`kamlab.retail.promotion`);
* ``q6`` — the category role of 清感颗粒 and a promotion type for it;
* ``q7``/``q8`` — the seed's ranking rule of the single-store contest and its
  winner in the key account;
* ``q9`` — a store training plan against the seed's checklist;
* ``q10``/``q11`` — free text, scored by the instructor with a rubric.

The package: ``_case`` (constants, worked examples, the key account),
``_model`` (the reference decisions), ``_messages``, ``_forms``, ``_checks``
and ``_bank``.

Examples
--------
>>> from kamlab.course import m10
>>> m10.BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11']
>>> m10.PRODUCT_ROLE, m10.PROMO_COST
('季节性', 1200.0)
"""

from __future__ import annotations

from ... import retail as _retail  # noqa: F401 - makes kl.retail available once the workbook opens
from ._bank import BANK
from ._case import (DATA_TERMS, DATASET, EXAMPLE_AUDIT, EXAMPLE_INFORMATION, FAIR_BAND, MARGIN, MODULE, PASS_LINE,
                    PRICE_BAND, PRODUCT_ROLE, PROMO_COST, RULES, TODAY, VERDICTS, course_chain)
from ._forms import (distribution_form, facings_form, fit_form, hq_form, price_form, promotion_form, rule_form,
                     text_form, training_form, winner_form)
from . import _model  # noqa: F401 - the reference decisions, for the tests
from ._messages import MSGS

__all__ = [
    "MODULE", "BANK", "MSGS", "DATASET", "TODAY", "PROMO_COST", "MARGIN", "PRODUCT_ROLE", "PASS_LINE", "FAIR_BAND",
    "PRICE_BAND", "VERDICTS", "RULES", "EXAMPLE_AUDIT", "EXAMPLE_INFORMATION", "course_chain", "distribution_form",
    "hq_form", "facings_form", "price_form", "promotion_form", "fit_form", "rule_form", "winner_form",
    "training_form", "text_form", "DATA_TERMS",
]
