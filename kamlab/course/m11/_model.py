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

This module holds the question bank :data:`BANK`, the no-code forms of the
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

import math
from collections.abc import Mapping
from typing import Any

from .._errors import BadSpecError
from .._i18n import Messages, get_language
from ..grading import Context, Question, QuestionBank, Verdict, WrongType

__all__ = [
    "MODULE", "DATASET", "ID_COL", "TARGET_DIMENSIONS", "SEED_WEIGHTS", "WALL_DIMENSIONS", "THRESHOLD",
    "CORE_STAGE", "SHARE", "N_RANGE", "CASES", "VALUE_COLUMNS", "BANK", "DIMENSION_EN", "DATA_TERMS",
    "target_rubric", "weights_of", "targets", "stage_table", "rubric_table", "wall_profile", "wall_summary",
    "p2_doctors",
    "weights_form", "top_form", "readiness_form", "cases_form", "wall_form", "pareto_form", "text_form",
]

#: Module id.
MODULE = "m11"
#: The data set of the module (a trainee's own file stands in for it).
DATASET = "doctors"
#: Column of the doctor ids.
ID_COL = "doctor_id"
#: The four screening criteria of the market platform (dimensions of ``kl.screening.DOCTOR_TARGET_RUBRIC``).
TARGET_DIMENSIONS: tuple[str, ...] = ("病人数", "床位数/门诊数", "价值取向", "影响力")
#: The seed's weights of the screening criteria.
SEED_WEIGHTS: dict[str, int] = {"病人数": 30, "床位数/门诊数": 30, "价值取向": 20, "影响力": 20}
#: The five wall criteria of the prescription platform (dimensions of ``kl.screening.DOCTOR_WALL_RUBRIC``).
WALL_DIMENSIONS: tuple[str, ...] = ("是否首选用药", "谈话的时间顺序", "传递的信息", "接受邀请", "突发事件的处理")
#: English words for the criteria where kamlab labels them (sliders, chart axes) in English.
DIMENSION_EN: dict[str, str] = {
    "病人数": "Patients", "床位数/门诊数": "Beds / outpatients", "价值取向": "Value orientation",
    "影响力": "Influence", "是否首选用药": "First-choice drug", "谈话的时间顺序": "Talk order",
    "传递的信息": "Message delivered", "接受邀请": "Accepts invitations", "突发事件的处理": "Incident handling"}
#: The criterion names are data: the keys of the rubrics and of the answers (q1), the same in both
#: languages so that one answer grades the same in both.
DATA_TERMS: tuple[str, ...] = TARGET_DIMENSIONS + WALL_DIMENSIONS
#: Awareness / commitment from this score on count as high (the tool's default).
THRESHOLD = 3
#: Core doctors (核心医生): aware and committed.
CORE_STAGE = "P4"
#: The 80/20 rule.
SHARE = 0.8
#: The range of the number of target doctors (exercise 2).
N_RANGE = (10, 60)
#: Smallest weight of a screening criterion (every criterion counts).
MIN_WEIGHT = 5.0

#: Exercise 4: three observed doctors (Chinese, English, right stage), not in stage order.
CASES: dict[str, tuple[str, str, str]] = {
    "A": ("王主任认可我们的代表和公司，也接受产品的疗效；但看到一篇剂量和不良反应数据相互冲突的文献后，只在少数病人身上谨慎使用。",
          "Dr Wang trusts our rep and company and accepts the product's efficacy, but after a paper with "
          "conflicting dosage and adverse-reaction data he uses it only cautiously, in a few patients.", "P3"),
    "B": ("李医生不愿意接待公司的代表，总是推辞；对公司和产品有很多疑问，防卫心理很强。",
          "Dr Li does not want to see our rep and keeps declining; she has many doubts about the company "
          "and the product and is very defensive.", "P1"),
    "C": ("张医生听介绍时对产品的某一点表现出关注，追问临床用法，还联系到自己的病人；但担心转换用药的风险和成本，从没用过我们的产品。",
          "Dr Zhang shows interest in one point of the presentation, asks about clinical use and relates it "
          "to his own patients, but worries about the risk and cost of switching and has never used our product.",
          "P2"),
}
#: Value columns offered in the 80/20 form.
VALUE_COLUMNS: dict[str, tuple[str, str]] = {
    "patients_per_month": ("月病人数", "Patients per month"),
    "beds_or_outpatients": ("床位或门诊数", "Beds or outpatients"),
    "monthly_rx_units": ("月处方量（盒）", "Monthly prescriptions (boxes)"),
}
_STAGES = ("P1", "P2", "P3", "P4")
_BEHAVIOURS = ("S1", "S2", "S3", "S4")

MSGS = Messages({
    "sum": ("权重合计 {total:g}（工具会按合计自动折算；课程惯例写成合计 100）。",
            "The weights add up to {total:g} (the tool rescales them; the course writes them to add up to 100)."),
    "weights_title": ("目标医生筛选准则的权重（讲义：30 / 30 / 20 / 20）",
                      "Weights of the target-doctor criteria (course text: 30 / 30 / 20 / 20)"),
    "n": ("目标医生人数 N", "Target doctors N"),
    "top_title": ("按你的筛选排名取前 N 名目标医生", "Take the top N target doctors of your screening"),
    "no_q1": ("（练习 1 还没有作答或还没做对：先用讲义的权重 30/30/20/20 演示。）",
              "(Exercise 1 is not answered or not right yet: showing the course weights 30/30/20/20.)"),
    "readiness_title": ("全部医生的处方准备度分布（认知、承诺 ≥ 3 为高）",
                        "Prescription readiness of all doctors (awareness, commitment >= 3 is high)"),
    "cases_title": ("三位医生的观察记录：判断处方准备度，并选择相应的行为模式",
                    "Three observed doctors: diagnose the readiness and choose the matching behaviour"),
    "case_stage": ("情形 {case}：处方准备度", "Case {case}: readiness"),
    "case_behaviour": ("情形 {case}：行为模式", "Case {case}: behaviour"),
    "case": ("情形 {case}", "Case {case}"),
    "pick": ("（请选择）", "(choose)"),
    "wall_title": ("哪些医生是核心医生？看他们的围墙准则平均得分", "Who are the core doctors? Their mean wall scores"),
    "group": ("医生群组（处方准备度）", "Doctors (readiness)"),
    "wall_chart": ("{stage} 医生（{n} 位）围墙准则平均得分：平均总分 {total:.1f}",
                   "{stage} doctors ({n}): mean wall score per criterion, mean total {total:.1f}"),
    "wall_x": ("平均得分（0–100）", "mean score (0-100)"),
    "weight": ("权重", "weight"),
    "mean_score": ("平均得分", "mean score"),
    "points_lost": ("失分（按权重）", "points lost (weighted)"),
    "criterion": ("准则", "criterion"),
    "value": ("看哪一列的贡献", "Contribution column"),
    "pareto_title": ("二八分析：多少医生贡献了 80%？", "80/20: how many doctors give 80%?"),
    "text": ("在这里写你的行动方案……", "Write your action plan here..."),
    "text_title": ("为一位 P2 医生写 S2 劝说式行动方案", "An S2 (persuading) action plan for a P2 doctor"),
    "stage": ("处方准备度", "readiness"),
    "stage_label": ("认知与承诺", "awareness and commitment"),
    "behaviour": ("行为模式", "behaviour"),
    "behaviour_label": ("指导 / 支持", "guidance / support"),
    "actions": ("行动", "actions"),
    "none": ("（没有这一阶段的医生）", "(no doctor in this stage)"),
    "err_weights": ("权重应是一个字典，四项准则 {names} 各一个大于 0 的数字，例如 {example}。",
                    "The weights should be a dict with a number > 0 for each of the four criteria {names}, "
                    "e.g. {example}."),
    "err_stage": ("stage 的取值 {value!r} 无效：请用 P1、P2、P3 或 P4。",
                  "stage is {value!r}, which is not allowed: use P1, P2, P3 or P4."),
    "err_value": ("value 的取值 {value!r} 无效：可选 {names}。", "value is {value!r}, which is not allowed: use one of {names}."),
})

_BEHAVIOUR_NAMES = {"S1": ("S1 建立式", "S1 establishing"), "S2": ("S2 劝说式", "S2 persuading"),
                    "S3": ("S3 承诺式", "S3 committing"), "S4": ("S4 满足式", "S4 satisfying")}


def _text(pair: tuple[str, str]) -> str:
    return pair[0] if get_language() == "zh" else pair[1]


def _dimension_label(dimension: str) -> str:
    """A criterion as kamlab labels it: the Chinese name, or its English words in English."""
    return dimension if get_language() == "zh" else DIMENSION_EN.get(dimension, dimension)


def _weights_line(weights: Mapping[str, Any]) -> str:
    """The weights as a literal, whole floats written as integers (30.0 → 30)."""
    from ..widgets import literal

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
    from .. import screening

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
    import pandas as pd

    table = getattr(answer, "table", answer)
    return table if isinstance(table, pd.DataFrame) else None


def _recover(table: Any) -> dict[str, float] | None:
    """The criterion weights (summing to 100) that make *table*'s totals, or None."""
    import numpy as np

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
    import numpy as np

    from .. import screening

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
    from .. import screening

    return screening.screen(doctors, target_rubric(weights_of(q1, doctors) or SEED_WEIGHTS), id_col=ID_COL)


def targets(doctors: Any, q1: Any, n: int = 20) -> list[str]:
    """The top *n* target doctors of your screening (``q1``; the seed's weights while it is not right).

    Examples
    --------
    >>> import kamlab as kl
    >>> doctors = kl.datasets.load("doctors")
    >>> targets(doctors, ..., n=3)
    ['D100', 'D135', 'D230']
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
    (['病人数', '床位数/门诊数', '价值取向', '影响力'], [30.0, 30.0, 20.0, 20.0])
    """
    from .. import screening

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
    import pandas as pd

    from ..screening._readiness import READINESS_MSGS

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
    from .. import screening

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
    import pandas as pd

    from .. import screening

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
    from .. import screening

    stage = _check_stage(stage)
    profile = wall_profile(doctors, stage)
    wall = screening.screen(doctors, screening.doctor_wall_rubric(), id_col=ID_COL).table
    ready = screening.readiness(doctors, id_col=ID_COL, threshold=THRESHOLD).table
    ids = ready.index[ready["stage"].to_numpy() == stage]
    n = len(ids)
    total = float(wall.loc[ids, "total"].mean()) if n else float("nan")
    weakest = str(profile["mean_score"].idxmin()) if n else None
    return {"stage": stage, "doctors": int(n), "wall_total": total, "weakest": weakest}


# --------------------------------------------------------------------------- charts and forms
def _note(text: str) -> None:
    print(text)


def _plot_wall(profile: Any, title: str) -> Any:
    from .._plotting import new_axes, styled

    @styled
    def draw(ax: Any = None) -> Any:
        fig, ax = new_axes(ax, figsize=(7.5, 3.6))
        names = [str(i) for i in profile.index][::-1]
        values = profile["mean_score"].to_numpy(dtype=float)[::-1]
        weakest = profile["mean_score"].idxmin() if profile["mean_score"].notna().any() else None
        colours = ["#c0392b" if n == weakest else "#2471a3" for n in names]
        ax.barh([f"{n}（{w:g}）" if get_language() == "zh" else f"{_dimension_label(n)} ({w:g})"
                 for n, w in zip(names, profile["weight"].to_numpy()[::-1])], values, color=colours)
        for y, v in enumerate(values):
            if math.isfinite(v):
                ax.text(v + 1, y, f"{v:.1f}", va="center", fontsize=8)
        ax.set_xlim(0, 110)
        ax.set_xlabel(MSGS("wall_x"))
        ax.set_title(title, fontsize=10)
        fig.tight_layout()
        return ax

    return draw()


def weights_form(doctors: Any) -> Any:
    """Exercise 1: one slider per screening criterion; the ranking chart follows; writes the q1 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = weights_form(kl.datasets.load("doctors"))
    ...     form.controls["病人数"].value = 40; form.controls["床位数/门诊数"].value = 20
    >>> form.line
    'q1 = kl.screening.screen(doctors, kl.course.m11.target_rubric({"病人数": 40, "床位数/门诊数": 20, "价值取向": 20, "影响力": 20}), id_col="doctor_id")'
    """
    from .. import screening
    from ..widgets import AnswerForm, slider

    controls = {d: slider(SEED_WEIGHTS[d], 5, 60, 5, label=_dimension_label(d)) for d in TARGET_DIMENSIONS}

    def line(v: dict[str, Any]) -> str:
        return (f"q1 = kl.screening.screen(doctors, kl.course.m11.target_rubric({_weights_line(v)}), "
                f'id_col="{ID_COL}")')

    def draw(v: dict[str, Any]) -> None:
        total = sum(v[d] for d in TARGET_DIMENSIONS)
        if total != 100:
            _note(MSGS("sum", total=total))
        screening.screen(doctors, target_rubric(v), id_col=ID_COL).plot(top=20)

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("weights_title"))


def top_form(doctors: Any, q1: Any = ...) -> Any:
    """Exercise 2: how many target doctors to work on; the chart shows them; writes the q2 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = top_form(kl.datasets.load("doctors"))
    ...     form.controls["n"].value = 30
    >>> form.line
    'q2 = kl.course.m11.targets(doctors, q1, n=30)'
    """
    from ..widgets import AnswerForm, slider

    result = _screen_with(doctors, q1)
    mine = weights_of(q1, doctors) is not None

    def draw(v: dict[str, Any]) -> None:
        if not mine:
            _note(MSGS("no_q1"))
        result.plot(top=int(v["n"]))

    return AnswerForm({"n": slider(20, N_RANGE[0], N_RANGE[1], 5, label=MSGS("n"))},
                      line=lambda v: f"q2 = kl.course.m11.targets(doctors, q1, n={int(v['n'])})",
                      draw=draw, title=MSGS("top_title"))


def readiness_form(doctors: Any) -> Any:
    """Exercise 3: the readiness chart of all doctors; writes the q3 line (the stage counts).

    Examples
    --------
    >>> import kamlab as kl
    >>> readiness_form(kl.datasets.load("doctors")).line
    'q3 = kl.screening.readiness(doctors, id_col="doctor_id").counts()'
    """
    from .. import screening
    from ..widgets import AnswerForm

    return AnswerForm({}, line=lambda v: f'q3 = kl.screening.readiness(doctors, id_col="{ID_COL}").counts()',
                      draw=lambda v: screening.readiness(doctors, id_col=ID_COL, threshold=THRESHOLD).plot(),
                      title=MSGS("readiness_title"))


def cases_form() -> Any:
    """Exercise 4: for each observed doctor, a readiness stage and a behaviour.

    Examples
    --------
    >>> form = cases_form()
    >>> form.controls["A_stage"].value = "P3"
    >>> form.line
    'q4 = {"A": ["P3", None], "B": [None, None], "C": [None, None]}'
    """
    import html

    from ..screening._readiness import READINESS_MSGS
    from ..widgets import AnswerForm, dropdown, literal

    stages = [(MSGS("pick"), "")] + [(f"{p} {READINESS_MSGS.label(p)}", p) for p in _STAGES]
    behaviours = [(MSGS("pick"), "")] + [(f"{_text(_BEHAVIOUR_NAMES[s])}：{READINESS_MSGS.label(s).split('：')[-1]}"
                                          if get_language() == "zh" else
                                          f"{_text(_BEHAVIOUR_NAMES[s])}: {READINESS_MSGS.label(s).split(': ')[-1]}",
                                          s) for s in _BEHAVIOURS]
    controls: dict[str, Any] = {}
    for case in CASES:
        controls[f"{case}_stage"] = dropdown(stages, "", label=MSGS("case_stage", case=case))
        controls[f"{case}_behaviour"] = dropdown(behaviours, "", label=MSGS("case_behaviour", case=case))
    colon = "：" if get_language() == "zh" else ": "
    items = "".join(f"<li><b>{MSGS('case', case=c)}</b>{colon}{html.escape(_text(t[:2]))}</li>"
                    for c, t in CASES.items())
    title = f"{MSGS('cases_title')}<ul>{items}</ul>"

    def line(v: dict[str, Any]) -> str:
        return "q4 = " + literal({c: [v[f"{c}_stage"] or None, v[f"{c}_behaviour"] or None] for c in CASES})

    return AnswerForm(controls, line=line, title=title)


def wall_form(doctors: Any) -> Any:
    """Exercise 5: pick the core doctors' readiness group; the chart shows their wall; writes the q5 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = wall_form(kl.datasets.load("doctors"))
    ...     form.controls["stage"].value = "P4"
    >>> form.line
    'q5 = kl.course.m11.wall_summary(doctors, stage="P4")'
    """
    from ..screening._readiness import READINESS_MSGS
    from ..widgets import AnswerForm, dropdown

    options = [(f"{p} {READINESS_MSGS.label(p)}", p) for p in _STAGES]

    def draw(v: dict[str, Any]) -> None:
        s = wall_summary(doctors, v["stage"])
        if not s["doctors"]:
            _note(MSGS("none"))
            return
        _plot_wall(wall_profile(doctors, v["stage"]),
                   MSGS("wall_chart", stage=v["stage"], n=s["doctors"], total=s["wall_total"]))

    return AnswerForm({"stage": dropdown(options, "P1", label=MSGS("group"))},
                      line=lambda v: f'q5 = kl.course.m11.wall_summary(doctors, stage="{v["stage"]}")',
                      draw=draw, title=MSGS("wall_title"))


def pareto_form(doctors: Any) -> Any:
    """Exercise 6: pick the column whose 80/20 view answers the question; writes the q6 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = pareto_form(kl.datasets.load("doctors"))
    ...     form.controls["value"].value = "monthly_rx_units"
    >>> form.line
    'q6 = kl.screening.pareto(doctors, id_col="doctor_id", value="monthly_rx_units", share=0.8).head_share'
    """
    from .. import screening
    from ..widgets import AnswerForm, dropdown

    options = [(f"{_text(label)} ({col})", col) for col, label in VALUE_COLUMNS.items()]

    def line(v: dict[str, Any]) -> str:
        return (f'q6 = kl.screening.pareto(doctors, id_col="{ID_COL}", value="{v["value"]}", '
                f"share={SHARE:g}).head_share")

    return AnswerForm({"value": dropdown(options, options[0][1], label=MSGS("value"))}, line=line,
                      draw=lambda v: screening.pareto(doctors, id_col=ID_COL, value=v["value"],
                                                      share=SHARE).plot(),
                      title=MSGS("pareto_title"))


def text_form(key: str = "q7") -> Any:
    """Exercise 7: a text box; writes ``q7 = "..."`` with the text safely quoted.

    Examples
    --------
    >>> form = text_form()
    >>> form.controls["text"].value = '先送“临床资料”，再约科室会'
    >>> print(form.line)
    q7 = '先送“临床资料”，再约科室会'
    """
    from ..widgets import text_answer

    return text_answer(key, placeholder=MSGS("text"), title=MSGS("text_title"), height="110px")


# --------------------------------------------------------------------------- checks
def _fail(zh: str, en: str, score: float = 0.0) -> Verdict:
    return Verdict(ok=False, score=score, reason_zh=zh, reason_en=en)


def _check_q1(answer: Any, ctx: Context) -> Verdict | bool:
    why, _ = _q1_problem(answer, ctx.load(DATASET))
    return True if why is None else _fail(*why)


def _ids(answer: Any) -> list[str] | None:
    import numpy as np
    import pandas as pd

    if isinstance(answer, pd.DataFrame):
        return [str(i) for i in answer.index]
    if isinstance(answer, (list, tuple, pd.Index, pd.Series, np.ndarray)):
        values = list(answer)
        if all(isinstance(v, (str, np.str_)) for v in values):
            return [str(v) for v in values]
    return None


def _check_q2(answer: Any, ctx: Context) -> Verdict | bool:
    ids = _ids(answer)
    if ids is None:
        raise WrongType("医生编号（doctor_id）的列表，例如 kl.course.m11.targets(doctors, q1, n=20) 的结果",
                        "a list of doctor ids, e.g. the result of kl.course.m11.targets(doctors, q1, n=20)", answer)
    lo, hi = N_RANGE
    if not lo <= len(ids) <= hi or len(set(ids)) != len(ids):
        return _fail(f"目标医生人数应在 {lo} 到 {hi} 之间，且不重复（现在是 {len(ids)} 个）。",
                     f"Choose between {lo} and {hi} distinct target doctors (now {len(ids)}).")
    ref = targets(ctx.load(DATASET), ctx.answers.get("q1", ...), n=len(ids))
    if set(ids) == set(ref):
        return True
    return _fail("这份名单不是你的筛选排名的前 N 名：请用 kl.course.m11.targets(doctors, q1, n=...) 从你的筛选结果中取，"
                 "不要手工输入编号。",
                 "This list is not the top N of your screening: take it with kl.course.m11.targets(doctors, q1, "
                 "n=...), do not type ids.")


def _counts(answer: Any) -> dict[str, float] | None:
    import pandas as pd

    if isinstance(answer, pd.DataFrame):
        if "stage" in answer.columns:
            answer = answer["stage"].value_counts()
        elif answer.shape[1] == 1:
            answer = answer.iloc[:, 0]
        else:
            return None
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if not isinstance(answer, Mapping):
        return None
    out: dict[str, float] = {}
    for key, value in answer.items():
        if isinstance(value, bool):
            return None
        try:
            out[str(key).strip().upper()] = float(value)
        except (TypeError, ValueError):
            return None
    return out


def _check_q3(answer: Any, ctx: Context) -> Verdict | bool:
    from .. import screening

    got = _counts(answer)
    if got is None:
        raise WrongType("各阶段的医生人数，例如 kl.screening.readiness(...).counts() 的结果",
                        "the number of doctors per stage, e.g. the result of kl.screening.readiness(...).counts()",
                        answer)
    ref = screening.readiness(ctx.load(DATASET), id_col=ID_COL, threshold=THRESHOLD).counts().to_dict()
    right = sum(math.isclose(got.get(p, 0.0), float(ref[p])) for p in _STAGES)
    if right == len(_STAGES) and set(got) <= set(_STAGES):
        return True
    return _fail(f"有 {len(_STAGES) - right} 个阶段的人数和本笔记本的数据算出的不一致：请用工具对全部医生计算（认知、承诺 ≥ 3 为高）。",
                 f"{len(_STAGES) - right} stage counts do not match this notebook's data: compute them with the "
                 "tool on every doctor (awareness, commitment >= 3 is high).", score=right / len(_STAGES))


def _pair(value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, Mapping):
        value = (value.get("stage"), value.get("behaviour"))
    if isinstance(value, str):
        parts = value.replace("/", " ").replace(",", " ").split()
        value = tuple(parts) if len(parts) == 2 else (value, None)
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return tuple(None if v is None else str(v).strip().upper()[:2] for v in value)  # type: ignore[return-value]
    return None, None


def _check_q4(answer: Any, ctx: Context) -> Verdict | bool:
    if not isinstance(answer, Mapping):
        raise WrongType('一个字典，例如 {"A": ["P1", "S1"], "B": [...], "C": [...]}',
                        'a dict such as {"A": ["P1", "S1"], "B": [...], "C": [...]}', answer)
    right, stage_wrong, behaviour_wrong = 0, [], []
    for case, (_, _, stage) in CASES.items():
        got_stage, got_behaviour = _pair(answer.get(case, answer.get(case.lower())))
        behaviour = "S" + stage[1]
        if got_stage == stage:
            right += 1
        else:
            stage_wrong.append(case)
        if got_behaviour == behaviour:
            right += 1
        else:
            behaviour_wrong.append(case)
    total = 2 * len(CASES)
    if right == total:
        return True
    zh, en = [], []
    if stage_wrong:
        zh.append(f"情形 {'、'.join(stage_wrong)} 的处方准备度不对：先分别判断认知（了解、认可产品吗）和承诺（愿意处方吗）")
        en.append(f"the readiness of case {', '.join(stage_wrong)} is wrong: judge awareness (does the doctor know "
                  "and accept the product?) and commitment (willing to prescribe?) separately")
    if behaviour_wrong:
        zh.append(f"情形 {'、'.join(behaviour_wrong)} 的行为模式不对：P1→S1、P2→S2、P3→S3、P4→S4，行为要跟着医生的状态走")
        en.append(f"the behaviour of case {', '.join(behaviour_wrong)} is wrong: P1→S1, P2→S2, P3→S3, P4→S4, the "
                  "behaviour follows the doctor's state")
    return _fail("；".join(zh) + "。", "; ".join(en) + ".", score=right / total)


def _check_q5(answer: Any, ctx: Context) -> Verdict | bool:
    if not isinstance(answer, Mapping) or not {"stage", "weakest", "wall_total"} <= set(answer):
        raise WrongType('kl.course.m11.wall_summary(doctors, stage=...) 的结果（一个字典）',
                        "the result of kl.course.m11.wall_summary(doctors, stage=...) (a dict)", answer)
    if str(answer.get("stage")) != CORE_STAGE:
        return _fail("核心医生选错了：处方平台上的核心医生是“有认知、有承诺”的医生，请选对应的处方准备度。",
                     "Wrong group: the core doctors of the prescription platform are the aware and committed "
                     "ones; choose that readiness stage.")
    ref = wall_summary(ctx.load(DATASET), CORE_STAGE)
    try:
        total = float(answer["wall_total"])
    except (TypeError, ValueError):
        total = float("nan")
    total_ok = math.isfinite(total) and math.isclose(total, ref["wall_total"], rel_tol=1e-6)
    weakest_ok = str(answer.get("weakest")) == ref["weakest"]
    if total_ok and weakest_ok:
        return True
    if not total_ok:
        return _fail("核心医生的平均围墙得分和本笔记本的数据算出的不一致：请用 kl.course.m11.wall_summary(doctors, ...) 计算，"
                     "不要手填数字。",
                     "The core doctors' mean wall score does not match this notebook's data: compute it with "
                     "kl.course.m11.wall_summary(doctors, ...), do not type numbers.",
                     score=0.5 if weakest_ok else 0.0)
    return _fail("最薄弱的围墙准则不对：看核心医生哪一项的平均得分最低。",
                 "Wrong weakest wall criterion: look for the criterion with the lowest mean score of the core doctors.",
                 score=0.5)


def _check_q6(answer: Any, ctx: Context) -> Verdict | bool:
    import numbers

    from .. import screening

    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        raise WrongType("一个 0–1 之间的小数（医生人数占比）", "a share between 0 and 1 (of the doctors)", answer)
    x = float(answer)
    data = ctx.load(DATASET)
    ref = screening.pareto(data, id_col=ID_COL, value="monthly_rx_units", share=SHARE).head_share
    if math.isclose(x, ref, rel_tol=1e-9, abs_tol=1e-12):
        return True
    if math.isclose(x, ref * 100, rel_tol=1e-9):
        return _fail("数值大了 100 倍：占比请写成小数（0.25），不要写成百分数（25）。",
                     "The number is 100 times too large: write the share as a fraction (0.25), not a percentage (25).")
    for col in VALUE_COLUMNS:
        if col != "monthly_rx_units" and col in data.columns:
            if math.isclose(x, screening.pareto(data, id_col=ID_COL, value=col, share=SHARE).head_share, rel_tol=1e-9):
                return _fail("这是按另一列算的二八：题目问的是处方量（monthly_rx_units）。",
                             "This is the 80/20 view of another column: the question asks about prescriptions "
                             "(monthly_rx_units).")
    return _fail("占比和本笔记本的数据算出的不一致：请用 kl.screening.pareto(...).head_share 计算（share=0.8），不要手填数字。",
                 "The share does not match this notebook's data: compute it with kl.screening.pareto(...).head_share "
                 "(share=0.8), do not type numbers.")


BANK = QuestionBank(
    module=MODULE,
    title=("重点医生培育与管理：MWP 平台", "Key doctors: the MWP platforms"),
    datasets=(DATASET,),
    questions=(
        Question(
            key="q1", points=3,
            prompt=("市场平台：用筛选准则（病人数、床位数/门诊数、价值取向、影响力）为全部医生打分排名，权重由你决定。",
                    "Market platform: score and rank every doctor with the screening criteria (patients, beds or "
                    "outpatients, value orientation, influence), with weights of your choice."),
            check=_check_q1,
            hint=("用 kl.screening.screen(doctors, kl.course.m11.target_rubric({...}), id_col=\"doctor_id\")；四项准则都要有权重。",
                  "Use kl.screening.screen(doctors, kl.course.m11.target_rubric({...}), id_col=\"doctor_id\"); give "
                  "all four criteria a weight."),
        ),
        Question(
            key="q2", points=2,
            prompt=("从你的筛选排名中选出前 N 名目标医生（N 由你决定，10–60）。",
                    "Take the top N target doctors of your ranking (N of your choice, 10-60)."),
            check=_check_q2,
            hint=("用 kl.course.m11.targets(doctors, q1, n=...)，名单从你的排名中取。",
                  "Use kl.course.m11.targets(doctors, q1, n=...): the list comes from your ranking."),
        ),
        Question(
            key="q3", points=2,
            prompt=("工作平台：统计全部医生中处于 P1、P2、P3、P4 各阶段的人数。",
                    "Work platform: count the doctors in each readiness stage P1, P2, P3, P4."),
            check=_check_q3,
            hint=("用 kl.screening.readiness(doctors, id_col=\"doctor_id\").counts()（认知、承诺 ≥ 3 为高）。",
                  "Use kl.screening.readiness(doctors, id_col=\"doctor_id\").counts() (awareness, commitment >= 3 "
                  "is high)."),
        ),
        Question(
            key="q4", points=3,
            prompt=("根据三位医生的观察记录判断处方准备度，并选择相应的行为模式。",
                    "From the observations of three doctors, diagnose the readiness and choose the matching behaviour."),
            check=_check_q4,
            hint=("P1 没认知没承诺，P2 没认知有兴趣，P3 有认知但不安，P4 有认知有承诺；行为 S1–S4 与阶段一一对应。",
                  "P1 no awareness or commitment, P2 no awareness but interested, P3 aware but uneasy, P4 aware and "
                  "committed; behaviours S1-S4 match the stages one to one."),
        ),
        Question(
            key="q5", points=3,
            prompt=("处方平台：用围墙准则评估核心医生，算出平均围墙得分，找出最薄弱的一项准则。",
                    "Prescription platform: score the core doctors with the wall criteria, give their mean wall "
                    "score and the weakest criterion."),
            check=_check_q5,
            hint=("核心医生 = 有认知、有承诺的医生；用 kl.course.m11.wall_summary(doctors, stage=...)。",
                  "Core doctors = aware and committed; use kl.course.m11.wall_summary(doctors, stage=...)."),
        ),
        Question(
            key="q6", points=2,
            prompt=("二八理论：写 80% 处方量的医生占全部医生的比例是多少？",
                    "The 80/20 rule: what share of the doctors writes 80% of the prescriptions?"),
            check=_check_q6,
            hint=("用 kl.screening.pareto(doctors, id_col=\"doctor_id\", value=处方量那一列, share=0.8).head_share。",
                  "Use kl.screening.pareto(doctors, id_col=\"doctor_id\", value=<the prescriptions column>, "
                  "share=0.8).head_share."),
        ),
        Question(
            key="q7", points=3,
            prompt=("为一位 P2（没认知、有兴趣）医生写一份 S2 劝说式行动方案：下次拜访做哪三件事、怎样降低他的转换风险、"
                    "用什么观测点判断他进入了下一阶段。（讲师评分）",
                    "Write an S2 (persuading) action plan for a P2 doctor (no awareness, interested): three things "
                    "for the next visit, how you lower his switching risk, and which observation shows he moved to "
                    "the next stage. (scored by the instructor)"),
            check=None, manual=True,
        ),
    ),
)
