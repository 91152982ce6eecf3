"""m07 核心数据复盘与根因链 / Core data review and the root-cause chain.

Seed 000 §七: distribution (铺货率), sell-through (动销率), inventory turnover
(库存周转率) and clerk recommendation (店员推荐率) are reviewed against targets,
the points below target are flagged, and one anomaly is followed through
问题描述 → 数据验证 → 根本原因 → 解决方案 → 责任人 → 时间节点.

This package holds the question bank :data:`BANK` (the one definition used by
the notebook's self-check and by the instructor's grader), the no-code forms
of the notebook (each writes the answer line: the trainee's decisions, and for
the KPI table and the chain the call that computes them from the notebook's
data) and a few small helpers so the notebook cells stay one idea each.

Examples
--------
>>> from kamlab.course import m07
>>> m07.TODAY
'2026-11-01'
>>> m07.BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']
"""

from __future__ import annotations

from ._bank import BANK
from ._case import (CORE_METRICS, DATASET, DEFAULT_TARGETS, DIAGNOSES, DRIVERS, FACTORS, METRICS, MODULE, PROBLEMS,
                    REVIEW_MONTHS, ROOT_CAUSES, TARGET_RANGES, TODAY, TURNOVER_RANGE)
from ._forms import chain_form, drill_form, flags_form, kpi_form, problems_form, targets_form, text_form
from ._messages import MSGS
from ._model import (biggest_fall, diagnosis, evidence, last_two_months, market_change, metric_label, or_default,
                     problem_chains, recent, shortfalls, stock_chain, targets_or_default, worst)

__all__ = [
    "TODAY", "MODULE", "BANK", "CORE_METRICS", "METRICS", "ROOT_CAUSES", "DEFAULT_TARGETS", "PROBLEMS",
    "or_default", "targets_or_default", "worst", "evidence", "recent", "biggest_fall", "last_two_months",
    "metric_label", "problem_chains", "stock_chain", "shortfalls", "diagnosis", "market_change",
    "kpi_form", "targets_form", "flags_form", "problems_form", "drill_form", "chain_form", "text_form",
]
