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

This package holds the question bank :data:`BANK`, the no-code forms of the
notebook (each writes the answer line: the trainee's decisions and the call
that computes the answer from the notebook's data) and small helpers:

* ``q1`` — the target-doctor screening with the trainee's weights
  (consistency: the weights are read back from their table and their ranking
  must equal the tool's with those weights on the notebook's data);
* ``q2`` — their top-N target doctors (N is their decision), ``targets(doctors, q1, n)``;
* ``q3`` — the number of doctors in each readiness stage P1–P4;
* ``q4`` — three observed doctors → stage and behaviour (a literal quiz);
* ``q5`` — the wall of the core doctors (P4): mean wall score and the weakest criterion;
* ``q6`` — the 80/20 view: the share of doctors writing 80 % of the prescriptions;
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
from ._case import (CASES, CORE_STAGE, DATA_TERMS, DATASET, DIMENSION_EN, ID_COL, MIN_WEIGHT, MODULE, N_RANGE,
                    SEED_WEIGHTS, SHARE, TARGET_DIMENSIONS, THRESHOLD, VALUE_COLUMNS, WALL_DIMENSIONS)
from ._forms import cases_form, pareto_form, readiness_form, text_form, top_form, wall_form, weights_form
from ._messages import MSGS
from ._model import (p2_doctors, rubric_table, stage_table, target_rubric, targets, wall_profile, wall_summary,
                     weights_of)

__all__ = [
    "MODULE", "DATASET", "ID_COL", "TARGET_DIMENSIONS", "SEED_WEIGHTS", "WALL_DIMENSIONS", "THRESHOLD",
    "CORE_STAGE", "SHARE", "N_RANGE", "CASES", "VALUE_COLUMNS", "BANK", "DIMENSION_EN", "DATA_TERMS",
    "target_rubric", "weights_of", "targets", "stage_table", "rubric_table", "wall_profile", "wall_summary",
    "p2_doctors",
    "weights_form", "top_form", "readiness_form", "cases_form", "wall_form", "pareto_form", "text_form",
]
