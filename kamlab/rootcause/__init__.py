"""Root-cause analysis (m07 根因分析): the drill-down and the problem → solution chain.

:func:`drill` splits the change in units between two periods into four
factors per group — target stores, distribution (铺货), sell-through (动销)
and units per selling store — with the log-mean Divisia index (LMDI-I), so
the effects sum exactly to the change.  :class:`Chain` holds a trainee's
chain 问题描述 → 数据验证 → 根本原因 → 解决方案（责任人、时间节点）, and
:meth:`Chain.validate` names every broken link against the KPI table.

Examples
--------
>>> import pandas as pd
>>> import kamlab as kl
>>> df = pd.DataFrame({"store_id": ["S1", "S2"] * 2, "chain_id": "C01",
...     "month": ["2026-03"] * 2 + ["2026-04"] * 2, "is_target": True,
...     "stocked": [True, True, True, False], "units_sold": [40, 20, 30, 0], "inventory_begin": 0,
...     "inventory_end": 0, "mystery_visits": 4, "recommended_visits": 2})
>>> kl.rootcause.drill(df, base="2026-03", current="2026-04").largest()["factor"].tolist()
['distribution']
>>> k = kl.kpi.compute(df, by=["chain_id", "month"])
>>> chain = kl.rootcause.Chain(
...     problem="C01 四月销量减半", evidence=[{"metric": "铺货率", "group": ("C01", "2026-04"), "value": 0.5}],
...     root_cause="铺货", solutions=[{"action": "补铺 S2", "owner": "王经理", "due": "2026-12-15"},
...                                  {"action": "铺货率进月度考核", "owner": "李主管", "due": "2027-01-29"}])
>>> chain.validate(k).ok   # due dates within 90 days of the course day 2026-11-01
True
"""

from __future__ import annotations

from ._chain import Chain, Evidence, Problem, Solution, ValidationResult, validate
from ._taxonomy import CAUSE_EN, CAUSE_SUPPORT, CAUSES, DEFAULT_TARGETS
from ._drill import EFFECTS, FACTORS, DrillResult, drill
from .._labels import register

# the drill table's columns as a trainee reads them (kamlab._labels)
register({"units_base": ("基期销量（盒）", "units, base period"), "units_current": ("当期销量（盒）", "units, current period"),
          "change": ("销量变化（盒）", "change of units"),
          "effect_target_stores": ("目标门店数效应", "target stores effect"),
          "effect_distribution": ("铺货率效应", "distribution effect"),
          "effect_sell_through": ("动销率效应", "sell-through effect"),
          "effect_units_per_store": ("单店销量效应", "units per store effect"),
          "factor": ("因素", "factor"), "effect": ("效应", "effect")})

__all__ = ["drill", "DrillResult", "FACTORS", "EFFECTS", "Chain", "Evidence", "Solution", "Problem",
           "ValidationResult", "validate", "CAUSES", "CAUSE_SUPPORT", "CAUSE_EN", "DEFAULT_TARGETS"]
