"""m08 课程总结与行动规划 / Course summary and action plan.

Seed 000 §八: the integration logic of the course in three layers (基础层
m01–m02, 执行层 m03–m06, 优化层 m07); the commitment (承诺与闭环) — 3 core
tasks to land within 3 months, shared every month in a study group; and the
learning-outcome tree (学习成果树) drawn from the trainee's own results.

m08 has no bundled data: the answers are the trainee's own.  The checks
are a quiz (each module's layer: literal, partial credit), *structure*
(the plan validates on the course date :data:`TODAY`: 3 tasks, owner,
measurable result, dates within 90 days, monthly checkpoints; the outcome
tree has the right shape), *consistency* (the module of each task, as
stated in exercise 3, is the one in the plan, and the plan covers the three
layers or says why not) and one free-text commitment scored by hand.

The grader runs the notebook alone, so the tree then shows every module as
"未完成 / not done": the check looks at the tree's structure only.

Examples
--------
>>> from kamlab.course import m08
>>> m08.TODAY, m08.BANK.keys()
('2026-11-01', ['q1', 'q2', 'q3', 'q4', 'q5'])
"""

from __future__ import annotations

from ... import actionplan as _actionplan  # noqa: F401 - makes kl.actionplan available once the workbook opens
from ._bank import BANK
from ._case import K, MIN_WHY, MODULE, TODAY
from ._forms import layers_form, modules_form, plan_form, tree_form
from ._messages import MSGS
from ._model import coverage_view, key_account, plan_or_none, plan_view, tree_view

__all__ = ["MODULE", "TODAY", "K", "BANK", "key_account", "plan_or_none", "plan_view", "coverage_view", "tree_view",
           "layers_form", "plan_form", "modules_form", "tree_form"]
