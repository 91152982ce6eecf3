"""Store execution and sell-out incentives (m06): 终端动销执行.

Seed 000 §六: the gap between a chain's HQ and its stores is closed on two
paths.  **HQ push** (总部推动机制): a dedicated liaison (专项对接人), a store
push plan rolled out in waves (门店动销推动计划) and regular execution
coordination meetings (执行协同会) — :func:`push_plan` validates such a plan.
**Store enablement** (门店赋能): scenario training, tiered incentives
(阶梯式激励), display and promotions — :func:`simulate` runs a tiered
incentive :class:`Scheme` on the store-month sell-out data (tier reached and
payout per store, total cost, incremental sales **against a seasonal
baseline** measured on control stores, cost as a share of it) and :func:`compliance` checks it against the course's
compliance rules (合规前提: paid to the contracted chain, never to
individuals; OTC products only; a cap on the cost ratio; tiers that step
up; no payout without a measurable basis), explaining each violation.

Examples
--------
>>> import kamlab as kl
>>> sellout = kl.datasets.load("sellout")
>>> scheme = {"basis": "growth", "tiers": [{"min_growth": 0.15, "bonus": 30}, {"min_growth": 0.3, "bonus": 60}],
...           "payee": "chain", "category": "感冒止咳", "cost_cap": 0.3, "unit_price": 38}
>>> res = kl.incentives.simulate(sellout, scheme, chain="C22")
>>> res.table.columns.tolist()
['chain_id', 'baseline_units', 'units', 'growth', 'expected_units', 'lift', 'tier', 'rate', 'bonus', 'payout', 'incremental_units', 'incremental_sales']
>>> kl.incentives.compliance({**scheme, "payee": "clerk"}, res)[0].rule
'payee'
"""

from __future__ import annotations

from .._labels import register
from ._compliance import RULES, Violation, compliance
from ._push import MAX_MEETING_GAP, Problem, PushPlan, push_plan
from ._scheme import BASES, NON_OTC, OTC_CATEGORIES, PAYEES, Scheme, Tier, as_scheme
from ._periods import DEFAULT_MONTHS
from ._simulate import IncentiveResult, simulate

#: The columns of the tool's result tables, as a trainee reads them.
register({
    "baseline_units": ("基期销量（盒）", "baseline units"), "units": ("当期销量（盒）", "units"),
    "growth": ("环比增长（含季节）", "growth (season included)"),
    "expected_units": ("季节基线销量（盒）", "seasonal baseline units"),
    "lift": ("季节外增长", "growth over season"), "tier": ("档位", "tier"), "rate": ("每盒奖励（元）", "per unit"),
    "bonus": ("固定奖励（元）", "bonus"), "payout": ("奖励金额（元）", "payout"),
    "incremental_units": ("增量销量（盒）", "incremental units"),
    "incremental_sales": ("增量销售额（元）", "incremental sales"), "label": ("档位说明", "tier"),
    "stores": ("门店数", "stores"),
})

__all__ = ["Scheme", "Tier", "as_scheme", "simulate", "IncentiveResult", "compliance", "Violation",
           "push_plan", "PushPlan", "Problem", "BASES", "PAYEES", "OTC_CATEGORIES", "NON_OTC", "RULES",
           "MAX_MEETING_GAP", "DEFAULT_MONTHS"]
