"""Action planning (m08): the three-layer summary, a 3-task 3-month plan, the learning-outcome tree.

Seed 000 §八 课程总结与行动规划 — from knowing to doing (知行合一):

* :func:`summary_layers`: the course's integration logic in three layers —
  基础层 (m01 role, m02 screening), 执行层 (m03 needs and opportunities →
  m04 strategy and resources → m05 agreement → m06 HQ-to-store execution),
  优化层 (m07 data review).
* :class:`ActionPlan` + :func:`validate`: the commitment (承诺与闭环) —
  3 core tasks within 3 months, each tied to a finding of a module, with an
  owner, a measurable result, dates within 90 days, and monthly progress
  sharing (每月分享落地进展); ``.plot()`` is a Gantt chart.
* :func:`collect_answers` + :func:`outcome_tree`: the learning-outcome tree
  (学习成果树) drawn from the trainee's own answers across the modules.

Examples
--------
>>> import kamlab as kl
>>> kl.actionplan.layer_of("m06")
'execution'
>>> plan = kl.actionplan.ActionPlan([{"task": "C34 补铺", "module": "m07", "finding": "铺货率 55%",
...     "owner": "张伟", "measure": "铺货率到 80%", "start": "2026-11-05", "due": "2027-01-15"}],
...     checkpoints=["2026-11-30", "2026-12-31", "2027-01-29"])
>>> [p.code for p in kl.actionplan.validate(plan, today="2026-11-01")]
['count']
"""

from __future__ import annotations

from ._layers import (COURSE_TITLE, LAYERS, MODULES, Layer, LayersResult, layer_code, layer_of, module_code,
                      module_title, summary_layers)
from ._collect import CollectedAnswers, collect_answers
from ._plan import ActionPlan
from ._read import FIELDS, HORIZON_DAYS, N_MONTHS, N_TASKS, TODAY, parse_date
from ._results import key_result
from ._tree import OutcomeTree, outcome_tree
from ._validate import Problem, errors, validate

__all__ = ["summary_layers", "LayersResult", "Layer", "LAYERS", "MODULES", "COURSE_TITLE", "layer_of",
           "layer_code", "module_code", "module_title",
           "ActionPlan", "Problem", "validate", "errors", "parse_date", "TODAY", "N_TASKS", "HORIZON_DAYS",
           "N_MONTHS", "FIELDS",
           "outcome_tree", "OutcomeTree", "collect_answers", "CollectedAnswers", "key_result"]
