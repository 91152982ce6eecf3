"""The decision model of m11: the helpers the answer cells call (screening weights, targets, stages, wall)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ... import screening
from ...screening import READINESS_MSGS
from ..._errors import BadSpecError
from ..._i18n import localized
from ...widgets import literal
from ._case import (_BEHAVIOURS, _STAGES, CORE_STAGE, DIMENSION_EN, ID_COL, MIN_WEIGHT, SEED_WEIGHTS,
                    TARGET_DIMENSIONS, THRESHOLD, WALL_DIMENSIONS)
from ._messages import MSGS


def _dimension_label(dimension: str) -> str:
    """A criterion as kamlab labels it: the Chinese name, or its English words in English."""
    return localized(dimension, DIMENSION_EN.get(dimension, dimension))


def _weights_line(weights: Mapping[str, Any]) -> str:
    """The weights as a literal, whole floats written as integers (30.0 → 30)."""
    def whole(x: Any) -> Any:
        return int(x) if isinstance(x, float) and x.is_integer() else x

    return literal({d: whole(weights[d]) for d in TARGET_DIMENSIONS})


# --------------------------------------------------------------------------- market platform
def target_rubric(weights: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The course target-doctor rubric (``kl.screening.DOCTOR_TARGET_RUBRIC``) with your criterion weights.

    Parameters
    ----------
    weights : dict, optional
        ``{"病人数": w, "床位数/门诊数": w, "价值取向": w, "影响力": w}``, each
        > 0; ``None`` (or ``...``) gives the seed's 30 / 30 / 20 / 20.  The
        scales of the criteria stay the course's.

    Raises
    ------
    kamlab.BadSpecError
        When a criterion is missing or unknown or a weight is not a number > 0.

    Examples
    --------
    >>> r = target_rubric({"病人数": 40, "床位数/门诊数": 20, "价值取向": 20, "影响力": 20})
    >>> [r["dimensions"][d]["weight"] for d in TARGET_DIMENSIONS]
    [40, 20, 20, 20]
    >>> target_rubric({"病人数": 40})
    Traceback (most recent call last):
    ...
    kamlab._errors.BadSpecError: 权重应是一个字典，四项准则 ...
    """
    rubric = screening.doctor_target_rubric()
    if weights is None or weights is Ellipsis:
        return rubric
    names = "、".join(TARGET_DIMENSIONS)
    zh, en = MSGS.both("err_weights", names=names, example=_weights_line(SEED_WEIGHTS))
    if not isinstance(weights, Mapping) or set(weights) != set(TARGET_DIMENSIONS):
        raise BadSpecError(zh, en, column="weights")
    for dim in TARGET_DIMENSIONS:
        w = weights[dim]
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(float(w)) or w <= 0:
            raise BadSpecError(zh, en, column=dim)
        rubric["dimensions"][dim]["weight"] = w
    return rubric


def _frame(answer: Any) -> Any:
    """The DataFrame behind a tool result (or the DataFrame itself), else None."""
    table = getattr(answer, "table", answer)
    return table if isinstance(table, pd.DataFrame) else None


def _recover(table: Any) -> dict[str, float] | None:
    """The criterion weights (summing to 100) that make *table*'s totals, or None."""
    if not set((*TARGET_DIMENSIONS, "total")) <= set(table.columns) or len(table) < len(TARGET_DIMENSIONS):
        return None
    try:
        dims = table[list(TARGET_DIMENSIONS)].to_numpy(dtype=float)
        total = table["total"].to_numpy(dtype=float)
    except (TypeError, ValueError):
        return None
    if not (np.isfinite(dims).all() and np.isfinite(total).all()):
        return None
    w, *_ = np.linalg.lstsq(dims, total, rcond=None)
    if np.abs(dims @ w - total).max() > 1e-6 or abs(w.sum() - 1) > 1e-6 or (w < -1e-9).any():
        return None
    return {d: round(float(x) * 100, 6) for d, x in zip(TARGET_DIMENSIONS, w)}


def _q1_problem(answer: Any, doctors: Any) -> tuple[tuple[str, str] | None, dict[str, float] | None]:
    """(why *answer* is not a screening of *doctors*, None) or (None, its weights)."""
    table = _frame(answer)
    if table is None or not set((*TARGET_DIMENSIONS, "total", "rank")) <= set(table.columns):
        return (("答案应是 kl.screening.screen(doctors, kl.course.m11.target_rubric({...}), id_col=\"doctor_id\") 的结果。",
                 "The answer should be the result of kl.screening.screen(doctors, "
                 "kl.course.m11.target_rubric({...}), id_col=\"doctor_id\")."), None)
    ids = [str(i) for i in table.index]
    if sorted(ids) != sorted(str(i) for i in doctors[ID_COL]):
        return (("筛选表里的医生和本笔记本的数据不一致：请对全部医生（doctors）筛选，不要手工挑选或输入。",
                 "The doctors in your table differ from this notebook's data: screen every doctor in `doctors`, "
                 "do not filter or type them in."), None)
    weights = _recover(table)
    ref = screening.screen(doctors, target_rubric(weights or SEED_WEIGHTS), id_col=ID_COL).table
    got = table.set_axis(ids)
    ref_ids = [str(i) for i in ref.index]
    for dim in TARGET_DIMENSIONS:
        if not np.allclose(got.loc[ref_ids, dim].to_numpy(dtype=float), ref[dim].to_numpy(dtype=float),
                           rtol=1e-6, atol=1e-6):
            return ((f"“{dim}”的得分和用本笔记本的数据算出的不一致：请直接用筛选工具计算，不要手填数字。",
                     f"The scores of '{dim}' do not match this notebook's data: compute them with the screening "
                     f"tool instead of typing numbers."), None)
    if weights is None:
        return (("总分不是四项得分的加权平均：请直接用 kl.screening.screen(...) 计算总分。",
                 "The totals are not a weighted mean of the four criterion scores: compute them with "
                 "kl.screening.screen(...)."), None)
    if min(weights.values()) < MIN_WEIGHT - 1e-6:
        return ((f"四项准则都要看：每项权重至少占 {MIN_WEIGHT:g}%。",
                 f"All four criteria count: give each at least {MIN_WEIGHT:g}% of the weight."), None)
    order = [str(i) for i in got.sort_values("rank", kind="stable").index]
    if order != ref_ids:
        return (("排名和用你的权重算出的不一致：请用工具排名，不要手工调整。",
                 "The ranking differs from the one your weights give: let the tool rank, do not edit by hand."),
                None)
    return None, weights


def weights_of(q1: Any, doctors: Any) -> dict[str, float] | None:
    """The criterion weights of a q1 screening of *doctors* (summing to 100), or None when it is not one.

    The weights are read back from the table (its totals are a weighted mean
    of the four criterion scores), then the table is checked against the
    tool's screening of *doctors* with those weights.

    Examples
    --------
    >>> import kamlab as kl
    >>> doctors = kl.datasets.load("doctors")
    >>> q1 = kl.screening.screen(doctors, target_rubric({"病人数": 40, "床位数/门诊数": 20, "价值取向": 20,
    ...                                                 "影响力": 20}), id_col="doctor_id")
    >>> weights_of(q1, doctors)
    {'病人数': 40.0, '床位数/门诊数': 20.0, '价值取向': 20.0, '影响力': 20.0}
    >>> weights_of(..., doctors) is None
    True
    """
    if q1 is Ellipsis or q1 is None:
        return None
    try:
        return _q1_problem(q1, doctors)[1]
    except (TypeError, ValueError, KeyError):
        return None


def _screen_with(doctors: Any, q1: Any) -> Any:
    return screening.screen(doctors, target_rubric(weights_of(q1, doctors) or SEED_WEIGHTS), id_col=ID_COL)


def targets(doctors: Any, q1: Any, n: int = 20) -> list[str]:
    """The top *n* target doctors of your screening (``q1``; the seed's weights while it is not right).

    Examples
    --------
    >>> import kamlab as kl
    >>> doctors = kl.datasets.load("doctors")
    >>> targets(doctors, ..., n=3)
    ['D100', 'D230', 'D239']
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise BadSpecError(f"n 应是正整数，收到 {n!r}。", f"n should be a positive integer, got {n!r}.", column="n")
    return [str(i) for i in _screen_with(doctors, q1).table.index[: int(n)]]


def rubric_table(rubric: Mapping[str, Any]) -> Any:
    """The criteria of a doctor rubric as a small table: criterion, data column, weight, scale.

    Examples
    --------
    >>> import kamlab as kl
    >>> t = rubric_table(kl.screening.DOCTOR_TARGET_RUBRIC)
    >>> t["dimension"].tolist(), t["dimension_weight"].tolist()
    (['病人数', '床位数/门诊数', '床位数/门诊数', '价值取向', '影响力'], [30.0, 30.0, 30.0, 20.0, 20.0])
    """
    table = screening.parse_rubric(rubric).table()
    return table[["dimension", "column", "dimension_weight", "scale", "detail"]]


# --------------------------------------------------------------------------- work platform
def stage_table() -> Any:
    """The four readiness stages, their behaviour and its actions (seed 002), in the current language.

    Examples
    --------
    >>> stage_table().loc["P2", "behaviour"]
    'S2'
    """
    return pd.DataFrame({
        "stage_label": [READINESS_MSGS.label(p) for p in _STAGES],
        "behaviour": list(_BEHAVIOURS),
        "behaviour_label": [READINESS_MSGS.label(s) for s in _BEHAVIOURS],
        "actions": [READINESS_MSGS.label(f"A{i}") for i in range(1, 5)],
    }, index=pd.Index(list(_STAGES), name="stage"))


def p2_doctors(doctors: Any, q1: Any = ..., n: int = 3) -> Any:
    """The best-ranked P2 doctors of your target screening (the candidates of exercise 7).

    Examples
    --------
    >>> import kamlab as kl
    >>> p2_doctors(kl.datasets.load("doctors"), n=2).columns.tolist()
    ['hospital', 'department', 'title', 'awareness', 'commitment', 'rank']
    """
    ready = screening.readiness(doctors, id_col=ID_COL, threshold=THRESHOLD).table
    ranked = _screen_with(doctors, q1).table
    info = doctors.set_index(doctors[ID_COL].astype(str))
    ids = [str(i) for i in ranked.index if ready.loc[i, "stage"] == "P2"][: int(n)]
    out = info.loc[ids, ["hospital", "department", "title", "awareness", "commitment"]].copy()
    out["rank"] = ranked.loc[ids, "rank"].to_numpy()
    out.index.name = ID_COL
    return out


# --------------------------------------------------------------------------- prescription platform
def _check_stage(stage: Any) -> str:
    if stage not in _STAGES:
        raise BadSpecError(*MSGS.both("err_stage", value=stage), column="stage")
    return str(stage)


def wall_profile(doctors: Any, stage: str = CORE_STAGE) -> Any:
    """Mean wall score per criterion of the doctors in readiness *stage*.

    Returns
    -------
    DataFrame
        Index: the five wall criteria (seed order).  Columns ``weight``,
        ``mean_score`` (0–100) and ``points_lost`` (weight × (100 − mean) / 100).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"doctor_id": ["D1", "D2"], "first_choice": ["是", "否"], "talk_order": [1, 5],
    ...                    "message_delivered": [5, 3], "accepts_invitation": ["总是", "从不"],
    ...                    "incident_handling": [3, 3], "awareness": [4, 5], "commitment": [5, 4]})
    >>> wall_profile(df, "P4")
                  weight  mean_score  points_lost
    是否首选用药        30        50.0         15.0
    谈话的时间顺序       20        50.0         10.0
    传递的信息         20        75.0          5.0
    接受邀请          10        50.0          5.0
    突发事件的处理       20        50.0         10.0
    """
    stage = _check_stage(stage)
    wall = screening.screen(doctors, screening.doctor_wall_rubric(), id_col=ID_COL).table
    ready = screening.readiness(doctors, id_col=ID_COL, threshold=THRESHOLD).table
    ids = ready.index[ready["stage"].to_numpy() == stage]
    part = wall.loc[ids, list(WALL_DIMENSIONS)]
    dims = screening.doctor_wall_rubric()["dimensions"]
    weights = [dims[d]["weight"] for d in WALL_DIMENSIONS]
    mean = part.mean().to_numpy(dtype=float) if len(part) else [float("nan")] * len(WALL_DIMENSIONS)
    out = pd.DataFrame({"weight": weights, "mean_score": mean}, index=list(WALL_DIMENSIONS))
    out["points_lost"] = out["weight"] * (100 - out["mean_score"]) / 100
    return out


def wall_summary(doctors: Any, stage: str = CORE_STAGE) -> dict[str, Any]:
    """The wall of the doctors in *stage*: how many, mean wall total, the weakest criterion.

    The weakest criterion is the one with the lowest mean score (ties: the
    first in the seed's order).

    Examples
    --------
    >>> import kamlab as kl
    >>> s = wall_summary(kl.datasets.load("doctors"), "P4")
    >>> s["stage"], s["doctors"], s["weakest"]
    ('P4', 91, '是否首选用药')
    >>> round(s["wall_total"], 1)
    54.1
    """
    stage = _check_stage(stage)
    profile = wall_profile(doctors, stage)
    wall = screening.screen(doctors, screening.doctor_wall_rubric(), id_col=ID_COL).table
    ready = screening.readiness(doctors, id_col=ID_COL, threshold=THRESHOLD).table
    ids = ready.index[ready["stage"].to_numpy() == stage]
    n = len(ids)
    total = float(wall.loc[ids, "total"].mean()) if n else float("nan")
    weakest = str(profile["mean_score"].idxmin()) if n else None
    return {"stage": stage, "doctors": int(n), "wall_total": total, "weakest": weakest}
