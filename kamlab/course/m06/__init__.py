"""m06 终端动销执行 / Store execution: HQ push plan and a tiered incentive under compliance.

Seed 000 §六: close the gap between the chain's HQ and its stores on two
paths — HQ push (专项对接人, 门店动销推动计划, 执行协同会) and store enablement
(场景化培训, 阶梯式激励, 陈列优化, 促销活动); the 演练 designs a store
incentive scheme for the key account, on the company's strategic product,
within compliance (合规前提).

This module holds the question bank :data:`BANK`, the no-code forms of the
notebook (each writes the answer line: the trainee's decisions and the call
that computes the answer from the notebook's data) and small helpers.

* ``q1`` — the HQ push plan, a literal dict checked by
  ``kl.incentives.push_plan`` (structure: liaison, ≥ 2 waves, no overlap,
  monthly meetings, all inside the window);
* ``q2`` — the trainee's tiered scheme (decision: well-formed, ≥ 2 tiers,
  the product's price, a cap within the company policy);
* ``q3`` — ``kl.incentives.simulate(sellout, q2, chain=chain)``
  (consistency: payout total and cost share equal the tool's result with
  their own ``q2`` on the notebook's data);
* ``q4`` — ``kl.incentives.compliance(q2, q3)``: their scheme has no
  violation on the notebook's data;
* ``q5`` — the cost share, computed by a call (vs the reference with their
  scheme);
* ``q6`` — free text, scored by hand: how to explain the scheme to store
  managers.

The chain: the exercise runs on the key account (parameter ``account``,
default: m02's top 重点投入 chain; :func:`sellout_chain`).  The sell-out data
holds a sample of every chain's stores, so the key account always has
rows; a table without them raises a bilingual error rather than switching
chains.  The checks read the chain from the trainee's ``q3`` table, so an
``account`` parameter of their own is honoured.

Examples
--------
>>> from kamlab.course import m06
>>> m06.BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6']
>>> m06.PRODUCT_PRICE, m06.POLICY_CAP
(38.0, 0.3)

The package: ``_case`` (constants, the product, the schemes, the messages),
``_model`` (the chain, the scheme, the push plan line), ``_forms``,
``_checks`` and ``_bank``.
"""

from __future__ import annotations

from ._bank import BANK
from ._case import (DATASET, DEFAULT_SCHEME, EXAMPLE_SCHEME, MODULE, MSGS, PLAN_START, POLICY_CAP, PRODUCT,
                    PRODUCT_CATEGORY, PRODUCT_PRICE)
from ._forms import compliance_form, push_form, scheme_form, share_form, simulate_form
from ._model import plan_line, scheme_or_default, sellout_chain

__all__ = [
    "MODULE", "BANK", "DATASET", "PLAN_START", "PRODUCT", "PRODUCT_CATEGORY", "PRODUCT_PRICE", "POLICY_CAP",
    "EXAMPLE_SCHEME", "DEFAULT_SCHEME", "sellout_chain", "scheme_or_default", "plan_line",
    "push_form", "scheme_form", "simulate_form", "compliance_form", "share_form",
]
