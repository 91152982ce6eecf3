"""Information gathering and opportunity insight (m03): 信息收集与机会洞察.

A key account's needs are explicit (显性: e.g. an NKA's national joint
marketing, an LKA's regional margin push) or implicit (隐性: consumer
traffic through community health talks, clerk training on selling points,
feedback on new products).  They are gathered through three channels: HQ
(总部: executive interviews, purchasing), stores (门店: store visits,
consumer surveys) and external sources (外部: competitor monitoring,
industry reports).

* :func:`collection_plan` counts the needs per kind × channel: which
  channels did the information gathering cover?
* :func:`matrix` places each need by match and value in four quadrants
  (优先落地 / 创造条件 / 顺带执行 / 暂缓), ranks them by priority
  = match × value, checks feasibility against the account's sell-through
  base and competitor pressure, and :meth:`OpportunityResult.top` picks the
  three high-value opportunities to pursue.

Examples
--------
>>> import pandas as pd
>>> import kamlab as kl
>>> needs = pd.DataFrame({"need": ["联合营销活动", "店员卖点话术", "社区健康讲座"],
...                       "kind": ["显性", "隐性", "隐性"], "channel": ["总部", "门店", "外部"],
...                       "match": [4, 4, 2], "value": [5, 3, 4]})
>>> kl.opportunity.matrix(needs).top(2)["quadrant"].tolist()
['优先落地', '优先落地']
>>> kl.opportunity.collection_plan(needs).uncovered
(('显性', '门店'), ('显性', '外部'), ('隐性', '总部'))
"""

from __future__ import annotations

from .._labels import register
from ._matrix import (LOW_MATCH_IMPLICIT, QUADRANT_CODES, STRONG_PRESSURE, WEAK_BASE,
                      OpportunityResult, matrix)
from ._needs import CHANNELS, KINDS
from ._plan import CollectionPlan, collection_plan
from ._score import FIT_LEVELS, VALUE_BANDS, evidence_scores, value_band, with_scores

__all__ = ["matrix", "OpportunityResult", "collection_plan", "CollectionPlan", "KINDS", "CHANNELS",
           "QUADRANT_CODES", "WEAK_BASE", "STRONG_PRESSURE", "LOW_MATCH_IMPLICIT",
           "FIT_LEVELS", "VALUE_BANDS", "evidence_scores", "with_scores", "value_band"]

# the columns of the matrix a trainee reads (the evidence columns come from the data dictionary)
register({"match": ("需求匹配度", "match"), "value": ("机会价值", "value"), "priority": ("优先级", "priority"),
          "quadrant": ("象限", "quadrant"), "quadrant_code": ("象限代码", "quadrant code"), "rank": ("排名", "rank"),
          "doubts": ("疑点", "doubts"), "feasible": ("可行", "feasible")})
