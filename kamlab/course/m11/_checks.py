"""The checks of m11's questions: each takes the trainee's answer and the grading context."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ... import screening
from ...grading import Context, Verdict, WrongType, fail
from ._case import _STAGES, CASES, CORE_STAGE, DATASET, ID_COL, N_RANGE, SHARE, THRESHOLD, VALUE_COLUMNS
from ._model import _q1_problem, targets, wall_summary


def _check_q1(answer: Any, ctx: Context) -> Verdict | bool:
    why, _ = _q1_problem(answer, ctx.load(DATASET))
    return True if why is None else fail(*why)


def _ids(answer: Any) -> list[str] | None:
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
        return fail(f"目标医生人数应在 {lo} 到 {hi} 之间，且不重复（现在是 {len(ids)} 个）。",
                    f"Choose between {lo} and {hi} distinct target doctors (now {len(ids)}).")
    ref = targets(ctx.load(DATASET), ctx.answers.get("q1", ...), n=len(ids))
    if set(ids) == set(ref):
        return True
    return fail("这份名单不是你的筛选排名的前 N 名：请用 kl.course.m11.targets(doctors, q1, n=...) 从你的筛选结果中取，"
                "不要手工输入编号。",
                "This list is not the top N of your screening: take it with kl.course.m11.targets(doctors, q1, "
                "n=...), do not type ids.")


def _counts(answer: Any) -> dict[str, float] | None:
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
    got = _counts(answer)
    if got is None:
        raise WrongType("各阶段的医生人数，例如 kl.screening.readiness(...).counts() 的结果",
                        "the number of doctors per stage, e.g. the result of kl.screening.readiness(...).counts()",
                        answer)
    ref = screening.readiness(ctx.load(DATASET), id_col=ID_COL, threshold=THRESHOLD).counts().to_dict()
    right = sum(math.isclose(got.get(p, 0.0), float(ref[p])) for p in _STAGES)
    if right == len(_STAGES) and set(got) <= set(_STAGES):
        return True
    return Verdict(ok=False, score=right / len(_STAGES),
                   reason_zh=f"有 {len(_STAGES) - right} 个阶段的人数和本笔记本的数据算出的不一致：请用工具对全部医生计算"
                   "（认知、承诺 ≥ 3 为高）。",
                   reason_en=f"{len(_STAGES) - right} stage counts do not match this notebook's data: compute them "
                   "with the tool on every doctor (awareness, commitment >= 3 is high).")


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
    return Verdict(ok=False, score=right / total, reason_zh="；".join(zh) + "。", reason_en="; ".join(en) + ".")


def _check_q5(answer: Any, ctx: Context) -> Verdict | bool:
    if not isinstance(answer, Mapping) or not {"stage", "weakest", "wall_total"} <= set(answer):
        raise WrongType('kl.course.m11.wall_summary(doctors, stage=...) 的结果（一个字典）',
                        "the result of kl.course.m11.wall_summary(doctors, stage=...) (a dict)", answer)
    if str(answer.get("stage")) != CORE_STAGE:
        return fail("核心医生选错了：处方平台上的核心医生是“有认知、有承诺”的医生，请选对应的处方准备度。",
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
        return Verdict(ok=False, score=0.5 if weakest_ok else 0.0,
                       reason_zh="核心医生的平均围墙得分和本笔记本的数据算出的不一致：请用 "
                       "kl.course.m11.wall_summary(doctors, ...) 计算，不要手填数字。",
                       reason_en="The core doctors' mean wall score does not match this notebook's data: compute it "
                       "with kl.course.m11.wall_summary(doctors, ...), do not type numbers.")
    return Verdict(ok=False, score=0.5, reason_zh="最薄弱的围墙准则不对：看核心医生哪一项的平均得分最低。",
                   reason_en="Wrong weakest wall criterion: look for the criterion with the lowest mean score of the "
                   "core doctors.")


def _check_q6(answer: Any, ctx: Context) -> Verdict | bool:
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        raise WrongType("一个 0–1 之间的小数（医生人数占比）", "a share between 0 and 1 (of the doctors)", answer)
    x = float(answer)
    data = ctx.load(DATASET)
    ref = screening.pareto(data, id_col=ID_COL, value="monthly_rx_units", share=SHARE).head_share
    if math.isclose(x, ref, rel_tol=1e-9, abs_tol=1e-12):
        return True
    if math.isclose(x, ref * 100, rel_tol=1e-9):
        return fail("数值大了 100 倍：占比请写成小数（0.25），不要写成百分数（25）。",
                    "The number is 100 times too large: write the share as a fraction (0.25), not a percentage (25).")
    for col in VALUE_COLUMNS:
        if col != "monthly_rx_units" and col in data.columns:
            if math.isclose(x, screening.pareto(data, id_col=ID_COL, value=col, share=SHARE).head_share, rel_tol=1e-9):
                return fail("这是按另一列算的二八：题目问的是处方量（monthly_rx_units）。",
                            "This is the 80/20 view of another column: the question asks about prescriptions "
                            "(monthly_rx_units).")
    return fail("占比和本笔记本的数据算出的不一致：请用 kl.screening.pareto(...).head_share 计算（share=0.8），不要手填数字。",
                "The share does not match this notebook's data: compute it with kl.screening.pareto(...).head_share "
                "(share=0.8), do not type numbers.")
