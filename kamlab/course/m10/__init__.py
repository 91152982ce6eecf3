"""m10 连锁上量与动销十要素 / The ten sell-through elements of a chain account.

Seed 001 part 2 (OTC连锁的维护上量与动销的十大要素): distribution, display,
price, store training, promotion, consumer education, competitors,
relationship, information and sales contests.  The five elements with
numbers are exercises on ``kl.retail``; the five lighter ones are one
overview and one checklist exercise.

This package holds the question bank :data:`BANK`, the no-code forms (each
writes the answer line: the trainee's decisions — review line, tolerance,
price band, baseline weeks, ranking metric — and the call that computes
the answer from the notebook's data, never a computed number) and small
helpers.

* ``q1`` — ``kl.retail.distribution_check(sellout, hq_listed=listing, target=…, new_product_months=…)``;
* ``q2`` — ``kl.retail.facings(shelf, tolerance=…)``;
* ``q3`` — ``kl.retail.price_watch(prices, suggested=…, band=(…, …))``;
* ``q4`` — ``kl.retail.promotion(promo, baseline=…, cost=PROMO_COST, margin=MARGIN)``;
* ``q5`` — the category role of the product and a promotion type that suits it;
* ``q6`` — ``kl.retail.contest(sellout, chain=chain, metric=…, min_last=…, top=…)``;
* ``q7`` — a store training plan (checklist ``kl.retail.plan_check("training", …)``);
* ``q8`` — free text, scored by hand.

Checks recompute each reference on the context's own data (the example
tables of ``kl.retail`` are seeded by the variant) with the decisions read
back from the trainee's answer table, so a computed answer passes on any
variant and a table typed or computed on another variant fails.

The package: ``_case`` (constants, worked examples, the contest's chain,
messages), ``_forms``, ``_checks`` and ``_bank``.

Examples
--------
>>> from kamlab.course import m10
>>> m10.BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8']
>>> m10.PRODUCT_ROLE, m10.PROMO_COST
('季节性', 1200.0)
"""

from __future__ import annotations

from ... import retail as _retail  # noqa: F401 - makes kl.retail available once the workbook opens
from ._bank import BANK
from ._case import (DATA_TERMS, DATASET, EXAMPLE_AUDIT, EXAMPLE_INFORMATION, MARGIN, MODULE, MSGS, PRODUCT_ROLE,
                    PROMO_COST, TODAY, course_chain)
from ._forms import contest_form, distribution_form, facings_form, fit_form, price_form, promotion_form, training_form

__all__ = [
    "MODULE", "BANK", "DATASET", "TODAY", "PROMO_COST", "MARGIN", "PRODUCT_ROLE", "EXAMPLE_AUDIT",
    "EXAMPLE_INFORMATION", "course_chain", "distribution_form", "facings_form", "price_form", "promotion_form",
    "fit_form", "contest_form", "training_form", "DATA_TERMS",
]
