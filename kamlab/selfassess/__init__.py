"""Role self-assessment (m01): 岗位认知升维 — the six-stage full cycle and its blind spots.

The seed (000 §一) turns the key-account manager from a *service* role
(签约、维护关系) into a *business* role (经营): 重动销 (resources follow
sell-through) and 重过程 (the process is managed and measured, not only the
signed contract).  The role spans a full cycle of six stages —
合作客户精准筛选 → 信息收集与机会洞察 → 策略制定与资源整合 → 双赢协议谈判 →
终端动销执行 → 核心数据复盘 — that serve three value dimensions:
客户价值挖掘, 内部资源协同, 动销结果保障.

* :data:`STAGES` / :data:`DIMENSIONS`: the model, with each stage's core
  task, output and KPI; :func:`stages_table` shows it, :func:`dimensions_table`
  the seed's three dimensions and their parts.  Which dimension a stage
  serves is the course's reading, not the seed's (see ``_cycle``).
* :func:`assess`: score your own practice per stage (1–5) against its
  importance; the gaps, the two largest of which are your blind spots
  (:meth:`AssessmentResult.blind_spots`), and a radar chart.
* :func:`improvement_plan`: one immediate action per blind spot, checked
  for owner, a due date within 30 days and a measurable check.

Examples
--------
>>> import kamlab as kl
>>> res = kl.selfassess.assess({"合作客户精准筛选": 4, "信息收集与机会洞察": 3, "策略制定与资源整合": 2,
...                             "双赢协议谈判": 4, "终端动销执行": 3, "核心数据复盘": 2})
>>> res.blind_spots(2).index.tolist()
['策略制定与资源整合', '核心数据复盘']
>>> plan = kl.selfassess.improvement_plan([
...     {"stage": "策略制定与资源整合", "action": "约市场部、品牌部开 C03 项目会", "owner": "张伟",
...      "due": "2026-11-12", "measure": "开 1 次会，定出 3 项资源"},
...     {"stage": "核心数据复盘", "action": "建铺货率、动销率周报", "owner": "张伟",
...      "due": "2026-11-30", "measure": "连续 4 周出周报"}], res, today="2026-11-01")
>>> plan.ok
True
"""

from __future__ import annotations

from ._assess import DEFAULT_IMPORTANCE, SCORE_RANGE, AssessmentResult, assess
from ._cycle import (DIMENSIONS, STAGE_NAMES, STAGES, Dimension, Stage, dimension, dimension_code, stage,
                     stage_code, stages_table, dimensions_table)
from ._plan import FIELDS, MAX_DAYS, PlanProblem, PlanResult, improvement_plan, parse_date

__all__ = ["assess", "AssessmentResult", "improvement_plan", "PlanResult", "PlanProblem",
           "STAGES", "DIMENSIONS", "STAGE_NAMES", "Stage", "Dimension", "stage", "stage_code",
           "dimension", "dimension_code", "stages_table", "dimensions_table", "parse_date",
           "SCORE_RANGE", "DEFAULT_IMPORTANCE", "MAX_DAYS", "FIELDS"]
