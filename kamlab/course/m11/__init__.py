"""m11 重点医生培育与管理：MWP 平台 / Key doctors: the MWP platforms.

Seed 002: the performance-centred customer-relationship platform MWP —
市场平台 (market platform: find and score the *target doctors* with the
screening criteria 病人数 30 / 床位数或门诊数 30 / 价值取向 20 / 影响力 20),
工作平台 (work platform: diagnose each prescribing doctor's readiness P1–P4
from 认知 awareness and 承诺 commitment and use the matching behaviour
S1 建立式 / S2 劝说式 / S3 承诺式 / S4 满足式), 处方平台 (prescription platform:
judge the relationship with the *core doctors* by the wall criteria 是否首选用药
30 / 谈话的时间顺序 20 / 传递的信息 20 / 接受邀请 10 / 突发事件的处理 20), and the
80/20 rule (二八理论): a few doctors write most of the prescriptions.

The doctors' measures hold one unit per column (beds of the department, the
doctor's own monthly visits), each min–max scaled on its own, so the
screening ranks potential, not hospital level (:func:`level_mix` shows what a
mixed column did).

The exercises are decisions judged against the data:

* ``q1`` — the screening weights (four criteria, each 5–50, adding up to 100);
* ``q2`` — the top 10 target doctors, read from the ranking chart (judged on the variant seen);
* ``q3`` — the readiness stage of four observed doctors (judged on the variant seen);
* ``q4`` — three described doctors → stage and behaviour;
* ``q5`` — the core doctors' group and their weakest wall criterion (judged on the variant seen);
* ``q6`` — the 80/20 view of our prescriptions (computed);
* ``q7`` — free text, scored by hand: an S2 action plan for a P2 doctor.

Examples
--------
>>> from kamlab.course import m11
>>> m11.BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']
>>> m11.SEED_WEIGHTS
{'病人数': 30, '床位数/门诊数': 30, '价值取向': 20, '影响力': 20}
"""

from __future__ import annotations

from ._bank import BANK
from ._case import (CASES, CORE_STAGE, DATA_TERMS, DATASET, DIMENSION_EN, ID_COL, MAX_WEIGHT, MIN_WEIGHT, MODULE,
                    SEED_WEIGHTS, SHARE, TARGET_DIMENSIONS, THRESHOLD, TOP, VALUE_COLUMNS, WALL_DIMENSIONS)
from ._forms import cases_form, pareto_form, readiness_form, text_form, top_form, wall_form, weights_form
from ._messages import MSGS
from ._model import (candidates, evidence, level_mix, most_outpatients, observed, or_seed, p2_doctors, ranking,
                     rubric_table, stage_table, stages, target_rubric, targets, wall_profile, wall_summary, weakest,
                     weights_problem)

__all__ = [
    "MODULE", "DATASET", "ID_COL", "TARGET_DIMENSIONS", "SEED_WEIGHTS", "WALL_DIMENSIONS", "THRESHOLD",
    "CORE_STAGE", "SHARE", "TOP", "MIN_WEIGHT", "MAX_WEIGHT", "CASES", "VALUE_COLUMNS", "BANK", "DIMENSION_EN",
    "DATA_TERMS", "MSGS",
    "target_rubric", "weights_problem", "or_seed", "ranking", "targets", "candidates", "most_outpatients",
    "level_mix", "rubric_table", "stage_table", "stages", "observed", "evidence", "p2_doctors", "wall_profile",
    "weakest", "wall_summary",
    "weights_form", "top_form", "readiness_form", "cases_form", "wall_form", "pareto_form", "text_form",
]
