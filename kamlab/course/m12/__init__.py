"""m12 生意复盘洞察 / Business review: the ABC零售 workshop.

Seed 003 阶段一: why review (销售预测、现状监控、业绩评估、诊断问题、发现机会),
a metric system around one business topic, the analysis flow (确定业务主题 →
明确对比关系 → 适当的表现形式), the analysis methods (统计分析、比例分析、
纵向类比、横向类比、时间序列、图形辅助) and the two workshops: ABC零售商的生意
回顾数据整理 and ABC零售商 Scorecard.

This module holds the question bank :data:`BANK` (the one definition used by
the notebook's self-check and by the instructor's grader), the no-code forms
of the notebook (each writes the answer line: the trainee's decisions and the
call that computes the answer from the notebook's data) and small helpers so
the notebook cells stay one idea each.

Examples
--------
>>> from kamlab.course import m12
>>> m12.BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8']
>>> m12.RETAILER, m12.REVIEW_MONTHS
('ABC零售', 3)
"""

from __future__ import annotations

from ... import review as _review  # noqa: F401 - makes kl.review available once the workbook opens
from ._bank import BANK
from ._case import DATASET, DRIVERS, HORIZON, MODULE, QUIZ, RETAILER, REVIEW_MONTHS, WINDOW
from ._forms import (driver_form, forecast_form, growth_form, lagging_form, purposes_form, report_form,
                     scorecard_form, tidy_form)
from ._messages import MSGS
from ._model import (abc, diagnosis_table, growth_table, lagging_or_default, purposes_table, quiz_table,
                     raw_export, scorecard_or_default, stats_table, audit_table, driver_table)

__all__ = [
    "MODULE", "DATASET", "RETAILER", "REVIEW_MONTHS", "HORIZON", "WINDOW", "BANK", "QUIZ",
    "DRIVERS", "abc", "purposes_table", "quiz_table", "scorecard_or_default", "lagging_or_default",
    "diagnosis_table", "raw_export", "audit_table", "driver_table", "growth_table", "stats_table",
    "purposes_form", "tidy_form", "scorecard_form", "lagging_form", "growth_form", "forecast_form", "driver_form",
    "report_form",
]
