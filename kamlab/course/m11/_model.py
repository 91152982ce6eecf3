"""The decision model of m11: the trainee's weights, their ranking and targets, stages, the wall."""

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
from ..._labels import register
from ...widgets import literal
from ._case import (_BEHAVIOURS, _STAGES, CORE_STAGE, DIMENSION_EN, ID_COL, MAX_WEIGHT, MIN_WEIGHT, RX_COLUMN,
                    SEED_WEIGHTS, TARGET_DIMENSIONS, THRESHOLD, TOP, WALL_DIMENSIONS)
from ._messages import MSGS

register({"doctors_share": ("医生人数占比", "share of doctors"), "patients_share": ("病人数占比", "share of patients"),
          "top_share": ("前 20 名目标医生中的占比", "share of the top 20 targets"),
          "mean_score": ("平均得分", "mean score"), "weight": ("权重", "weight"),
          "points_lost": ("失分（按权重）", "points lost (weighted)"), "criterion": ("准则", "criterion"),
          "data_column": ("数据列", "data column"), "scaling": ("折算方式", "scaling"), "notes": ("说明", "notes"),
          "readiness_stage": ("处方准备度", "readiness"), "stage_actions": ("行动", "actions")})


def _dimension_label(dimension: str) -> str:
    """A criterion as kamlab labels it: the Chinese name, or its English words in English."""
    return localized(dimension, DIMENSION_EN.get(dimension, dimension))


def _weights_line(weights: Mapping[str, Any]) -> str:
    """The weights as a literal, whole floats written as integers (30.0 → 30)."""
    def whole(x: Any) -> Any:
        return int(x) if isinstance(x, float) and x.is_integer() else x

    return literal({d: whole(weights[d]) for d in TARGET_DIMENSIONS})


# --------------------------------------------------------------------------- market platform
def weights_problem(q1: Any) -> tuple[str, str] | None:
    """Why *q1* is not a set of screening weights the course accepts (zh, en), or None.

    The rules: the four criteria of the seed, each weighted at least 5, none
    over 50 (the screening must not fall back to one number), adding up to 100.

    Examples
    --------
    >>> weights_problem(SEED_WEIGHTS) is None
    True
    >>> print(weights_problem({"病人数": 5, "床位数/门诊数": 85, "价值取向": 5, "影响力": 5})[0])
    “床位数/门诊数”占了 85 的权重：筛选就退回到只看一个数；每项不超过 50。
    """
    if q1 is None or q1 is Ellipsis:
        return ("还没有定权重：先完成练习 1。", "No weights yet: answer exercise 1 first.")
    if not isinstance(q1, Mapping) or set(q1) != set(TARGET_DIMENSIONS):
        return (f"答案应是四项筛选准则（{'、'.join(TARGET_DIMENSIONS)}）各一个权重。",
                f"The answer should give a weight to each of the four criteria ({', '.join(TARGET_DIMENSIONS)}).")
    try:
        w = {d: float(q1[d]) for d in TARGET_DIMENSIONS}
    except (TypeError, ValueError):
        return ("权重都应是数字。", "Every weight should be a number.")
    if not all(math.isfinite(x) for x in w.values()):
        return ("权重都应是数字。", "Every weight should be a number.")
    low = [d for d in TARGET_DIMENSIONS if w[d] < MIN_WEIGHT - 1e-9]
    if low:
        return (f"“{low[0]}”的权重只有 {w[low[0]]:g}：四项准则都要看，每项至少 {MIN_WEIGHT:g}。",
                f"{low[0]} has a weight of {w[low[0]]:g}: all four criteria count, each at least {MIN_WEIGHT:g}.")
    high = [d for d in TARGET_DIMENSIONS if w[d] > MAX_WEIGHT + 1e-9]
    if high:
        return (f"“{high[0]}”占了 {w[high[0]]:g} 的权重：筛选就退回到只看一个数；每项不超过 {MAX_WEIGHT:g}。",
                f"{high[0]} carries {w[high[0]]:g} of the weight: the screening would rank doctors by one number; "
                f"keep every criterion at {MAX_WEIGHT:g} or less.")
    total = sum(w.values())
    if abs(total - 100) > 1e-6:
        return (f"四项权重合计 {total:g}，应为 100。", f"The four weights add up to {total:g}, not 100.")
    return None


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


def or_seed(q1: Any) -> dict[str, Any]:
    """*q1* when it is a set of weights the course accepts, else the seed's 30 / 30 / 20 / 20.

    Examples
    --------
    >>> or_seed(...) == SEED_WEIGHTS
    True
    """
    return dict(q1) if weights_problem(q1) is None else dict(SEED_WEIGHTS)


def ranking(doctors: pd.DataFrame, q1: Any = ...) -> Any:
    """The target-doctor screening of *doctors* with your weights (the seed's while *q1* is not right).

    Examples
    --------
    >>> import kamlab as kl
    >>> ranking(kl.datasets.load("doctors")).table.index[:3].tolist()
    ['D100', 'D230', 'D239']
    """
    return screening.screen(doctors, target_rubric(or_seed(q1)), id_col=ID_COL)


def targets(doctors: pd.DataFrame, q1: Any = ..., n: int = TOP) -> list[str]:
    """The top *n* target doctors of your ranking.

    Examples
    --------
    >>> import kamlab as kl
    >>> targets(kl.datasets.load("doctors"), ..., n=3)
    ['D100', 'D230', 'D239']
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise BadSpecError(f"n 应是正整数，收到 {n!r}。", f"n should be a positive integer, got {n!r}.", column="n")
    return [str(i) for i in ranking(doctors, q1).table.index[: int(n)]]


def _most(doctors: pd.DataFrame, column: str, k: int, skip: set[str]) -> list[str]:
    ordered = doctors.sort_values([column, ID_COL], ascending=[False, True])[ID_COL].astype(str)
    return [i for i in ordered if i not in skip][:k]


def most_outpatients(doctors: pd.DataFrame, q1: Any = ..., k: int = 3) -> list[str]:
    """The *k* doctors with the most outpatient visits who are not among your top targets.

    Examples
    --------
    >>> import kamlab as kl
    >>> len(most_outpatients(kl.datasets.load("doctors")))
    3
    """
    return _most(doctors, "outpatients_month", k, set(targets(doctors, q1)))


def candidates(doctors: pd.DataFrame, q1: Any = ...) -> list[str]:
    """The doctors offered in exercise 2: your top targets plus the busiest clinics and prescribers outside them.

    Examples
    --------
    >>> import kamlab as kl
    >>> len(candidates(kl.datasets.load("doctors")))
    15
    """
    top = targets(doctors, q1)
    extra = most_outpatients(doctors, q1) + _most(doctors, RX_COLUMN, 2, set(top))
    return sorted(dict.fromkeys(top + extra))


def level_mix(doctors: pd.DataFrame, q1: Any = ..., n: int = 20, *, mixed: bool = False) -> pd.DataFrame:
    """Per hospital level: share of the doctors, of the patients and of the top *n* targets.

    With ``mixed=True`` the screening uses one column that mixes units, as the
    course data once did (beds for 三级/二级 hospitals, monthly visits for 社区
    clinics) instead of two columns of one unit each: min-max scaling turns it
    into a "clinic" flag and community doctors float to the top.

    Examples
    --------
    >>> import kamlab as kl
    >>> d = kl.datasets.load("doctors")
    >>> sound, old = level_mix(d), level_mix(d, mixed=True)
    >>> bool(sound.loc["社区", "top_share"] <= sound.loc["社区", "doctors_share"] + 0.05)
    True
    >>> float(old.loc["社区", "top_share"]), float(sound.loc["社区", "top_share"]), float(sound.loc["社区", "patients_share"])
    (0.3, 0.0, 0.072)
    """
    data = doctors.copy()
    rubric = target_rubric(or_seed(q1))
    if mixed:
        clinic = data["hospital_level"].astype(str).to_numpy() == "社区"
        data["beds_or_outpatients"] = np.where(clinic, data["outpatients_month"], data["dept_beds"])
        rubric["dimensions"]["床位数/门诊数"]["criteria"] = {"beds_or_outpatients": {"weight": 100}}
    top = screening.screen(data, rubric, id_col=ID_COL).table.index[:n].astype(str)
    level = data.set_index(data[ID_COL].astype(str))["hospital_level"].astype(str)
    patients = data.groupby("hospital_level")["patients_per_month"].sum()
    out = pd.DataFrame({
        "doctors_share": level.value_counts(normalize=True),
        "patients_share": patients / patients.sum(),
        "top_share": level.loc[list(top)].value_counts().reindex(level.unique(), fill_value=0) / n,
    }).fillna(0.0)
    out.index.name = "hospital_level"
    return out.sort_values("doctors_share", ascending=False).round(3)


def rubric_table(rubric: Mapping[str, Any]) -> Any:
    """The criteria of a doctor rubric as a small table: criterion, data column, weight, scale.

    Examples
    --------
    >>> import kamlab as kl
    >>> t = rubric_table(kl.screening.DOCTOR_TARGET_RUBRIC)
    >>> t["criterion"].tolist(), t["weight"].tolist()
    (['病人数', '床位数/门诊数', '床位数/门诊数', '价值取向', '影响力'], [30.0, 30.0, 30.0, 20.0, 20.0])
    """
    table = screening.parse_rubric(rubric).table()
    out = table[["dimension", "column", "dimension_weight", "scale", "detail"]]
    return out.set_axis(["criterion", "data_column", "weight", "scaling", "notes"], axis=1)


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
        "stage_actions": [READINESS_MSGS.label(f"A{i}") for i in range(1, 5)],
    }, index=pd.Index(list(_STAGES), name="readiness_stage"))


def stages(doctors: pd.DataFrame) -> pd.Series:
    """Each doctor's readiness stage P1–P4 (awareness, commitment ≥ 3 is high), by doctor id.

    Examples
    --------
    >>> import kamlab as kl
    >>> stages(kl.datasets.load("doctors"))["D230"]
    'P4'
    """
    table = screening.readiness(doctors, id_col=ID_COL, threshold=THRESHOLD).table
    return pd.Series(table["stage"].to_numpy(), index=table.index.astype(str), name="stage")


def observed(doctors: pd.DataFrame) -> list[str]:
    """Exercise 3's doctors: in each readiness stage, the one who writes the most boxes (by id).

    The one who prescribes most in P1, P2 and P3 is there on purpose: a big
    prescription volume does not tell the stage; awareness and commitment do.

    Examples
    --------
    >>> import kamlab as kl
    >>> observed(kl.datasets.load("doctors"))
    ['D123', 'D140', 'D230', 'D239']
    """
    stage = stages(doctors)
    rx = pd.Series(doctors[RX_COLUMN].to_numpy(), index=doctors[ID_COL].astype(str))
    picks = []
    for p in _STAGES:
        ids = stage.index[stage.to_numpy() == p]
        if len(ids):
            picks.append(str(rx.loc[ids].sort_index().idxmax()))
    return sorted(picks)


def evidence(doctors: pd.DataFrame) -> pd.DataFrame:
    """What the rep observed of exercise 3's doctors: awareness, commitment, first choice, boxes a month.

    Examples
    --------
    >>> import kamlab as kl
    >>> evidence(kl.datasets.load("doctors")).columns.tolist()
    ['department', 'title', 'awareness', 'commitment', 'first_choice', 'monthly_rx_units']
    """
    info = doctors.set_index(doctors[ID_COL].astype(str))
    out = info.loc[observed(doctors), ["department", "title", "awareness", "commitment", "first_choice", RX_COLUMN]]
    out.index.name = ID_COL
    return out


def p2_doctors(doctors: pd.DataFrame, q1: Any = ..., n: int = 3) -> Any:
    """The best-ranked P2 doctors of your target screening (the candidates of exercise 7).

    Examples
    --------
    >>> import kamlab as kl
    >>> p2_doctors(kl.datasets.load("doctors"), n=2).columns.tolist()
    ['hospital', 'department', 'title', 'awareness', 'commitment', 'rank']
    """
    stage = stages(doctors)
    ranked = ranking(doctors, q1).table
    info = doctors.set_index(doctors[ID_COL].astype(str))
    ids = [str(i) for i in ranked.index if stage[str(i)] == "P2"][: int(n)]
    out = info.loc[ids, ["hospital", "department", "title", "awareness", "commitment"]].copy()
    out["rank"] = ranked.loc[ids, "rank"].to_numpy()
    out.index.name = ID_COL
    return out


# --------------------------------------------------------------------------- prescription platform
def _check_stage(stage: Any) -> str:
    if stage not in _STAGES:
        raise BadSpecError(*MSGS.both("err_stage", value=stage), column="stage")
    return str(stage)


def wall_profile(doctors: pd.DataFrame, stage: str = CORE_STAGE) -> Any:
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
    st = stages(doctors)
    ids = st.index[st.to_numpy() == stage]
    part = wall.set_axis(wall.index.astype(str)).loc[ids, list(WALL_DIMENSIONS)]
    dims = screening.doctor_wall_rubric()["dimensions"]
    weights = [dims[d]["weight"] for d in WALL_DIMENSIONS]
    mean = part.mean().to_numpy(dtype=float) if len(part) else [float("nan")] * len(WALL_DIMENSIONS)
    out = pd.DataFrame({"weight": weights, "mean_score": mean}, index=list(WALL_DIMENSIONS))
    out["points_lost"] = out["weight"] * (100 - out["mean_score"]) / 100
    return out


def weakest(doctors: pd.DataFrame, stage: str = CORE_STAGE) -> str | None:
    """The weakest wall criterion of the doctors in *stage*: the lowest mean score (ties: seed order).

    Examples
    --------
    >>> import kamlab as kl
    >>> weakest(kl.datasets.load("doctors"))
    '是否首选用药'
    """
    profile = wall_profile(doctors, stage)
    return str(profile["mean_score"].idxmin()) if profile["mean_score"].notna().any() else None


def wall_summary(doctors: pd.DataFrame, stage: str = CORE_STAGE) -> dict[str, Any]:
    """The wall of the doctors in *stage*: how many, mean wall total, the weakest criterion.

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
    wall = screening.screen(doctors, screening.doctor_wall_rubric(), id_col=ID_COL).table
    st = stages(doctors)
    ids = st.index[st.to_numpy() == stage]
    n = len(ids)
    total = float(wall.set_axis(wall.index.astype(str)).loc[ids, "total"].mean()) if n else float("nan")
    return {"stage": stage, "doctors": int(n), "wall_total": total, "weakest": weakest(doctors, stage) if n else None}

