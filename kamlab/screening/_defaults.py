"""The default screening rubrics: chain accounts (m02), target doctors and core-doctor wall criteria (m11).

Each function returns a fresh deep copy, safe to edit.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["chain_rubric", "doctor_target_rubric", "doctor_wall_rubric"]


_CHAIN = {"dimensions": {
    "合作潜力": {"weight": 35, "axis": "potential", "criteria": {
        "store_count": {"weight": 30, "scale": "rank"},
        "cities_covered": {"weight": 20},
        "new_product_acceptance": {"weight": 25},
        "willingness": {"weight": 25, "bounds": [1, 5]}}},
    "利润贡献": {"weight": 35, "axis": "profit", "criteria": {
        "margin_vs_competitor": {"weight": 40},
        "payment_days": {"weight": 30, "better": "lower"},
        "cost_ratio": {"weight": 30, "better": "lower"}}},
    "动销基础": {"weight": 30, "axis": "potential", "criteria": {
        "sales_growth_3m": {"weight": 35},
        "clerk_recommendation": {"weight": 35},
        "golden_display_share": {"weight": 30}}},
}}

_DOCTOR_TARGET = {"dimensions": {
    "病人数": {"weight": 30, "axis": "potential", "criteria": {
        "patients_per_month": {"weight": 100}}},
    "床位数/门诊数": {"weight": 30, "axis": "potential", "criteria": {
        "dept_beds": {"weight": 50},
        "outpatients_month": {"weight": 50}}},
    "价值取向": {"weight": 20, "axis": "potential", "criteria": {
        "value_orientation": {"weight": 100, "levels": {"学术导向": 100, "患者导向": 75,
                                                        "关系导向": 50, "价格导向": 25}}}},
    "影响力": {"weight": 20, "axis": "potential", "criteria": {
        "influence": {"weight": 100, "levels": {"学科带头人": 100, "科室骨干": 60, "普通医生": 20}}}},
}}

_DOCTOR_WALL = {"dimensions": {
    "是否首选用药": {"weight": 30, "axis": "potential", "criteria": {
        "first_choice": {"weight": 100, "levels": {"是": 100, "有时": 50, "否": 0}}}},
    "谈话的时间顺序": {"weight": 20, "axis": "potential", "criteria": {
        "talk_order": {"weight": 100, "better": "lower", "bounds": [1, 5]}}},
    "传递的信息": {"weight": 20, "axis": "potential", "criteria": {
        "message_delivered": {"weight": 100, "bounds": [1, 5]}}},
    "接受邀请": {"weight": 10, "axis": "potential", "criteria": {
        "accepts_invitation": {"weight": 100, "levels": {"总是": 100, "有时": 50, "从不": 0}}}},
    "突发事件的处理": {"weight": 20, "axis": "potential", "criteria": {
        "incident_handling": {"weight": 100, "bounds": [1, 5]}}},
}}


def chain_rubric() -> dict[str, Any]:
    """Default chain-account rubric (m02): a fresh dict, safe to edit.

    合作潜力 (store_count by rank, cities_covered, new_product_acceptance,
    willingness on its 1–5 scale) and 动销基础 (sales_growth_3m,
    clerk_recommendation, golden_display_share) sit on the potential axis;
    利润贡献 (margin_vs_competitor, payment_days and cost_ratio, both lower
    is better) on the profit axis.

    Examples
    --------
    >>> r = chain_rubric(); list(r["dimensions"])
    ['合作潜力', '利润贡献', '动销基础']
    >>> r["dimensions"]["合作潜力"]["weight"] = 99   # a copy: the default is unchanged
    >>> chain_rubric()["dimensions"]["合作潜力"]["weight"]
    35
    """
    return copy.deepcopy(_CHAIN)


def doctor_target_rubric() -> dict[str, Any]:
    """Target-doctor screening rubric (m11 市场平台): 病人数 30, 床位数/门诊数 30, 价值取向 20, 影响力 20.

    Each criterion is its own dimension, all on one axis: totals and ranks,
    no quadrant.  Every data column holds one unit, so min–max scaling
    compares like with like:

    - 病人数: ``patients_per_month`` (人), ``s = (x - min) / (max - min)``;
    - 床位数/门诊数: half ``dept_beds`` (张, beds of the doctor's
      department, 0 = no ward) and half ``outpatients_month`` (人次, the
      doctor's own visits, every hospital level), each min–max scaled on
      its own: ``s = 0.5 * s_beds + 0.5 * s_visits``;
    - 价值取向, 影响力: fixed scores per level.

    The total is ``100 * (0.3 s_patients + 0.3 s_capacity + 0.2 s_value +
    0.2 s_influence)``.  A column that mixed beds (tens) with monthly visits
    (thousands) would make min–max scaling a flag of the level that reports
    visits; one unit per column avoids that.

    Examples
    --------
    >>> {k: v["weight"] for k, v in doctor_target_rubric()["dimensions"].items()}
    {'病人数': 30, '床位数/门诊数': 30, '价值取向': 20, '影响力': 20}
    >>> list(doctor_target_rubric()["dimensions"]["床位数/门诊数"]["criteria"])
    ['dept_beds', 'outpatients_month']
    """
    return copy.deepcopy(_DOCTOR_TARGET)


def doctor_wall_rubric() -> dict[str, Any]:
    """Core-doctor wall criteria (m11 处方平台 围墙准则): 30/20/20/10/20.

    是否首选用药 30, 谈话的时间顺序 20 (1 = we talk to him first, lower is
    better), 传递的信息 20, 接受邀请 10, 突发事件的处理 20.

    Examples
    --------
    >>> {k: v["weight"] for k, v in doctor_wall_rubric()["dimensions"].items()}
    {'是否首选用药': 30, '谈话的时间顺序': 20, '传递的信息': 20, '接受邀请': 10, '突发事件的处理': 20}
    """
    return copy.deepcopy(_DOCTOR_WALL)
