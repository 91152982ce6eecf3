"""m08 课程总结与行动规划 / Course summary and action plan.

Seed 000 §八: the integration logic of the course in three layers (基础层
m01–m02, 执行层 m03–m06, 优化层 m07); the commitment (承诺与闭环) — 3 core
tasks to land within 3 months, shared every month in a study group; and the
learning-outcome tree (学习成果树) drawn from the trainee's own results.

m08 has no bundled data: the answers are the trainee's own.  The questions:
each module's layer (q1); which of six draft tasks do not qualify as 落地任务
(q2, read from the table); the trainee's plan, checked on the course date
:data:`TODAY` (q3: 3 tasks, owner, measurable result, due within 90 days,
monthly checkpoints); which layers the plan covers (q4, read from the chart);
the commitment, scored by hand with a rubric (q5).  The outcome tree is a
worked example: it reads the trainee's saved m01–m07 notebooks and says, for
each module, its key result or which answer it could not find.

Examples
--------
>>> from kamlab.course import m08
>>> m08.TODAY, m08.BANK.keys()
('2026-11-01', ['q1', 'q2', 'q3', 'q4', 'q5'])
"""

from __future__ import annotations

from ... import actionplan as _actionplan  # noqa: F401 - makes kl.actionplan available once the workbook opens
from ._bank import BANK
from ._case import CANDIDATES, K, MIN_WHY, MODULE, TODAY
from ._forms import candidates_form, coverage_form, layers_form, plan_form, text_form
from ._messages import MSGS
from ._model import (candidate_problems, candidates_table, coverage_chart, key_account, not_ready, plan_layers,
                     plan_or_none, plan_view, tree_view)

__all__ = ["MODULE", "TODAY", "K", "BANK", "CANDIDATES", "key_account", "plan_or_none", "plan_view",
           "coverage_chart", "tree_view", "candidate_problems", "candidates_table", "not_ready", "plan_layers",
           "layers_form", "candidates_form", "plan_form", "coverage_form", "text_form"]
