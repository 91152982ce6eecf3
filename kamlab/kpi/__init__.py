"""Core sell-out data review (m07 核心数据复盘): KPIs per group and flags below target.

Over store-month sell-out data (universe: target stores) at any grouping —
region, chain, store, month — :func:`compute` gives 铺货率 distribution
rate, 动销率 sell-through rate, 库存周转率 inventory turnover and days of
inventory, 店员推荐率 clerk recommendation rate and units per selling store,
with the exact identity ``units = target_stores × distribution_rate ×
sell_through_rate × units_per_selling_store``.  :func:`flag` lists every
KPI that misses its target, with the gap (数据监测：标注低于目标值的异常点).

Examples
--------
>>> import pandas as pd
>>> import kamlab as kl
>>> df = pd.DataFrame({"store_id": ["S1", "S2", "S3"], "chain_id": ["C01", "C01", "C02"],
...     "month": "2026-04", "is_target": True, "stocked": [True, False, True],
...     "units_sold": [12, 0, 30], "inventory_begin": [10, 0, 20], "inventory_end": [8, 0, 10],
...     "mystery_visits": [2, 2, 2], "recommended_visits": [1, 0, 2]})
>>> k = kl.kpi.compute(df, by="chain_id")
>>> k.table["distribution_rate"].tolist()
[0.5, 1.0]
>>> kl.kpi.flag(k, {"distribution_rate": 0.9}).table[["chain_id", "gap"]].values.tolist()
[['C01', -0.4]]
"""

from __future__ import annotations

from ._compute import KpiResult, compute
from ._data import MSGS as DATA_MSGS
from ._data import month_days, parse_by, parse_months, prepare, sums
from ._flag import FlagResult, flag
from ._metrics import (LABELS, LOWER_IS_BETTER, METRICS, RATE_METRICS, below_target, metric_label, metric_name,
                       parse_targets, target_label)
from .._labels import register

# the KPI and flag tables' columns as a trainee reads them (kamlab._labels)
register({m: LABELS.both(m) for m in LABELS.keys()})
register({"metric": ("指标", "metric"), "value": ("数值", "value"), "target": ("目标", "target"),
          "gap": ("离目标还差", "gap to target")})

__all__ = ["compute", "flag", "KpiResult", "FlagResult", "METRICS", "RATE_METRICS", "LOWER_IS_BETTER", "LABELS",
           "metric_name", "metric_label", "parse_targets", "below_target",
           "prepare", "sums", "parse_by", "parse_months", "month_days", "DATA_MSGS",
           "target_label"]
