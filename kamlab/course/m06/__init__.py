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
  ``kl.incentives.push_plan`` against the seed's HQ push (liaison, ≥ 2
  waves, no overlap, monthly meetings, all inside the window);
* ``q2`` (read) — the pilot's effect read off the pilot-vs-control chart:
  growth over the seasonal baseline, not the pilot stores' own 环比 growth;
* ``q3`` — the drill: the trainee's tiered scheme, compliant and within
  30 % of the increment over the seasonal baseline on the pilot;
* ``q4`` (read) — which of four candidate schemes keep the cap, read from
  the cost table (cost over the seasonal increment, not the 环比 one);
* ``q5`` — 场景化培训 / 卖点培训: the clerk's move in four customer scenes;
* ``q6`` — free text, scored by hand with a rubric.

The seasonal baseline (issue 12): the data's pilot ran May–Jul 2026 in
each chain's head-office-city stores; the chain's other stores are the
control group, so a scheme's increment is ``units − baseline × season``
with the season measured on the control stores (``kl.incentives.simulate``
with ``pilot=``).  Literal answers carry their chain; the checks judge them
on the data variant the trainee saw.

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
from ._case import (BASE_MONTHS, CANDIDATES, DATASET, DEFAULT_SCHEME, EXAMPLE_SCHEME, MODULE, MSGS, PILOT_MONTHS,
                    PLAN_START, POLICY_CAP, PRODUCT, PRODUCT_CATEGORY, PRODUCT_PRICE)
from ._charts import pilot_chart
from ._forms import candidates_form, effect_form, explain_form, push_form, scene_form, scheme_form
from ._model import (candidate_table, effect_measures, full_scheme, gap_checklist, pilot_result, pilot_summary, pilot_stores, plan_line,
                     scheme_or_default, sellout_chain, shown_candidates, within_cap)

__all__ = [
    "MODULE", "BANK", "DATASET", "PLAN_START", "PRODUCT", "PRODUCT_CATEGORY", "PRODUCT_PRICE", "POLICY_CAP",
    "EXAMPLE_SCHEME", "DEFAULT_SCHEME", "PILOT_MONTHS", "BASE_MONTHS", "CANDIDATES", "sellout_chain",
    "scheme_or_default", "plan_line", "pilot_stores", "effect_measures", "pilot_result", "full_scheme",
    "candidate_table", "within_cap", "gap_checklist", "pilot_summary", "shown_candidates", "pilot_chart",
    "push_form", "effect_form", "scheme_form", "candidates_form", "scene_form", "explain_form",
]
