"""The checks of m11's questions: each judges the trainee's decision against the data.

q1 (the screening weights) is checked against the course's rules. q2 (the target doctors), q3 (the
readiness stage of four observed doctors), q4 (three described doctors) and q5 (the core doctors and
their weakest wall criterion) are literal decisions (``Question(on="seen")``): each check loads the
variant the trainee saw and recomputes what it needs with the trainee's own weights (q1, a literal).
q6 is computed (the 80/20 share of the column the trainee chose) and checked on the grader's run.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from typing import Any


from ... import screening
from ...grading import Context, Verdict, as_ids, fail, passed
from ._case import _STAGES, CASES, CORE_STAGE, DATASET, ID_COL, RX_COLUMN, SHARE, TOP, VALUE_COLUMNS, WALL_DIMENSIONS
from ._model import ranking, stages, observed, wall_profile, weakest, weights_problem

__all__ = ["_check_q1", "_check_q2", "_check_q3", "_check_q4", "_check_q5", "_check_q6"]

_NEED_Q1 = ("这一题要用你在练习 1 中定的权重来核对：请先完成练习 1 并运行它的检查单元格。",
            "This question is checked against your own weights from exercise 1: answer exercise 1 first and "
            "run its check cell.")


def _q1(ctx: Context) -> Any:
    q1 = ctx.answers.get("q1", ...)
    return q1 if weights_problem(q1) is None else None


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    why = weights_problem(answer)
    return passed(2.0) if why is None else fail(*why)




def _check_q2(answer: Any, ctx: Context) -> Verdict:
    q1 = _q1(ctx)
    if q1 is None:
        return fail(*_NEED_Q1)
    ids = as_ids(answer)
    if ids is None:
        return fail("答案应是医生编号的列表。", "The answer should be a list of doctor ids.")
    if not ids:
        return fail("还没有勾选任何医生：在表单里勾选你的前 10 名目标医生。",
                    "No doctor ticked yet: tick your top 10 target doctors in the form.")
    doctors = ctx.load(DATASET)
    table = ranking(doctors, q1).table
    table = table.set_axis(table.index.astype(str))
    unknown = [i for i in ids if i not in table.index]
    if unknown:
        return fail(f"{'、'.join(unknown)} 不在本笔记本的医生名单里。", f"{', '.join(unknown)}: not in this notebook's doctors.")
    top = set(map(str, table.index[:TOP]))
    extra = [i for i in ids if i not in top]
    if extra:
        row = doctors.set_index(doctors[ID_COL].astype(str)).loc[extra[0]]
        rank = int(table.loc[extra[0], "rank"])
        busy = int(row["outpatients_month"]) >= int(doctors["outpatients_month"].quantile(0.9))
        why_zh = "门诊量大不等于目标医生：病人数、价值取向和影响力也要看。" if busy else "它的四项综合得分不在前 10。"
        why_en = ("Many outpatient visits do not make a target doctor: patients, value orientation and influence "
                  "count too." if busy else "Its weighted total is not in the top 10.")
        return fail(f"{extra[0]} 在你的排名中是第 {rank} 名。{why_zh}", f"{extra[0]} ranks {rank} in your screening. {why_en}")
    missing = top - set(ids)
    if missing:
        return fail(f"还漏了 {len(missing)} 位排名前 10 的医生。", f"{len(missing)} doctor(s) of your top 10 are missing.")
    return passed(3.0)


_STAGE_WHY = {
    ("P2", "P1"): ("没认知不等于没兴趣：他的承诺分已达到 3 分", "no awareness is not no interest: commitment reaches 3"),
    ("P3", "P4"): ("有认知不等于有承诺：他的承诺分低于 3 分", "aware is not committed: commitment is below 3"),
}


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        return fail("答案应是“医生编号 → 处方准备度”的字典。", "The answer should map each doctor id to a readiness stage.")
    doctors = ctx.load(DATASET)
    ids, stage = observed(doctors), stages(doctors)
    got = {str(k): (None if v is None else str(v).strip().upper()) for k, v in answer.items()}
    if set(got) != set(ids):
        return fail(f"要判断的医生是 {'、'.join(ids)}：答案里的医生对不上。",
                    f"The doctors to diagnose are {', '.join(ids)}: the answer names others.")
    if all(v is None for v in got.values()):
        return fail("还没有选择任何医生的处方准备度。", "No readiness chosen yet.")
    wrong = [i for i in ids if got[i] != stage[i]]
    if not wrong:
        return passed(3.0)
    row = doctors.set_index(doctors[ID_COL].astype(str)).loc[wrong[0]]
    a, c = int(row["awareness"]), int(row["commitment"])
    zh, en = _STAGE_WHY.get((stage[wrong[0]], got[wrong[0]]), ("处方准备度只看认知和承诺，不看处方量",
                                                               "readiness is read from awareness and commitment, not "
                                                               "from the boxes"))
    score = (len(ids) - len(wrong)) / len(ids)
    return Verdict(ok=False, score=score,
                   reason_zh=f"{wrong[0]}（认知 {a}、承诺 {c}）不是 {got[wrong[0]] or '未选'}：{zh}"
                   f"（共 {len(wrong)} 位判断有误）。",
                   reason_en=f"{wrong[0]} (awareness {a}, commitment {c}) is not {got[wrong[0]] or 'unset'}: {en} "
                   f"({len(wrong)} wrong in all).")


def _pair(value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, Mapping):
        value = (value.get("stage"), value.get("behaviour"))
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return tuple(None if v is None else str(v).strip().upper()[:2] for v in value)  # type: ignore[return-value]
    return None, None


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        return fail("答案应是每位医生（A、B、C）的处方准备度和行为模式。",
                    "The answer should give each doctor (A, B, C) a readiness and a behaviour.")
    right, stage_wrong, behaviour_wrong, blank = 0, [], [], 0
    for case, (_, _, stage) in CASES.items():
        got_stage, got_behaviour = _pair(answer.get(case))
        blank += got_stage is None and got_behaviour is None
        right += got_stage == stage
        right += got_behaviour == "S" + stage[1]
        if got_stage != stage:
            stage_wrong.append(case)
        if got_behaviour != "S" + stage[1]:
            behaviour_wrong.append(case)
    if blank == len(CASES):
        return fail("还没有为任何一位医生作出选择。", "Nothing chosen yet for any doctor.")
    total = 2 * len(CASES)
    if right == total:
        return passed(3.0)
    zh, en = [], []
    if stage_wrong:
        zh.append(f"情形 {'、'.join(stage_wrong)} 的处方准备度不对：先分别判断认知（了解、认可产品吗）和承诺（愿意处方吗）")
        en.append(f"the readiness of case {', '.join(stage_wrong)} is wrong: judge awareness (does the doctor know "
                  "and accept the product?) and commitment (willing to prescribe?) separately")
    if behaviour_wrong:
        zh.append(f"情形 {'、'.join(behaviour_wrong)} 的行为模式和你判断的状态不匹配：行为要跟着医生的状态走")
        en.append(f"the behaviour of case {', '.join(behaviour_wrong)} does not fit the doctor's state: the "
                  "behaviour follows the state")
    return Verdict(ok=False, score=right / total, reason_zh="；".join(zh) + "。", reason_en="; ".join(en) + ".")


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping) or answer.get("stage") is None:
        return fail("还没有选择哪一组是核心医生。", "You have not chosen which group are the core doctors.")
    if str(answer.get("stage")) != CORE_STAGE:
        return fail(f"{answer.get('stage')} 不是核心医生：处方平台上的核心医生是“有认知、有承诺”、已经首选我们产品的医生。",
                    f"{answer.get('stage')} are not the core doctors: the prescription platform's core doctors are "
                    "aware and committed and already choose our product first.")
    got = answer.get("weakest")
    if got is None:
        return fail("还没有选择最薄弱的围墙准则。", "You have not chosen the weakest wall criterion.")
    if got not in WALL_DIMENSIONS:
        return fail(f"“{got}”不是围墙准则。", f"“{got}” is not a wall criterion.")
    doctors = ctx.load(DATASET)
    if str(got) == weakest(doctors, CORE_STAGE):
        return passed(3.0)
    profile = wall_profile(doctors, CORE_STAGE)
    low = float(profile["mean_score"].min())
    return Verdict(ok=False, score=0.5,
                   reason_zh=f"核心医生在“{got}”上的平均得分是 {profile.loc[got, 'mean_score']:.1f}，"
                   f"还有一项只有 {low:.1f}：那一项才是最薄弱的。",
                   reason_en=f"The core doctors average {profile.loc[got, 'mean_score']:.1f} on {got}; another "
                   f"criterion averages only {low:.1f}: that one is the weakest.")


def _check_q6(answer: Any, ctx: Context) -> Verdict:
    if answer is None:
        return fail("还没有选择看哪一列。", "No column chosen yet.")
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return fail("答案应是一个 0–1 之间的小数（医生人数占比）。", "The answer should be a share between 0 and 1.")
    x = float(answer)
    data = ctx.load(DATASET)
    ref = screening.pareto(data, id_col=ID_COL, value=RX_COLUMN, share=SHARE).head_share
    if math.isclose(x, ref, rel_tol=1e-9, abs_tol=1e-12):
        return passed(2.0)
    if math.isclose(x, ref * 100, rel_tol=1e-9):
        return fail("数值大了 100 倍：占比请写成小数（0.25），不要写成百分数（25）。",
                    "The number is 100 times too large: write the share as a fraction (0.25), not a percentage (25).")
    for col, (zh, en) in VALUE_COLUMNS.items():
        if col != RX_COLUMN and col in data.columns:
            if math.isclose(x, screening.pareto(data, id_col=ID_COL, value=col, share=SHARE).head_share, rel_tol=1e-9):
                return fail(f"这是“{zh}”的二八：病人和门诊多不等于我们的业绩，题目问的是我方产品的处方。",
                            f"This is the 80/20 view of {en.lower()}: many patients or visits are not our business; "
                            "the question is about our prescriptions.")
    if math.isclose(x, 0.2, abs_tol=1e-9):
        return fail("0.2 是口号，不是这份数据：二八理论要用数据核对，占比不一定正好 20%。",
                    "0.2 is the slogan, not this data: check the 80/20 rule on the data; the share is rarely exactly 20 %.")
    return fail(f"{x:g} 和本笔记本数据的二八结果不一致：请在表单里选好列，复制它写出的那一行。",
                f"{x:g} does not match this notebook's 80/20 view: choose the column in the form and copy its line.")
