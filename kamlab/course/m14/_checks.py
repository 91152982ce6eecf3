"""The check functions of m14's questions: literal quizzes with partial credit, and the plan's and record's structure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._dates import parse_date
from ..._errors import BadSpecError
from ...covisit import QUIZ, STEPS, check_quiz, debrief, mode_code, plan_visit, step_code
from ...grading import Context, Verdict, WrongType, fail, passed
from ._case import SITUATIONS, TODAY
from ._model import as_plan_dict, as_record_dict, plan_or_none


def _partial(score: float, zh: str, en: str) -> Verdict:
    """A wrong answer that still earns *score* (the fraction of items right)."""
    return Verdict(ok=False, score=score, reason_zh=zh, reason_en=en)


def _as_list(answer: Any, zh: str, en: str) -> list[Any]:
    if isinstance(answer, (list, tuple)):
        return list(answer)
    raise WrongType(zh, en, answer)


def check_q1(answer: Any, ctx: Context) -> Verdict:
    """q1: the four steps in order (a quarter of the points per step in its place)."""
    items = _as_list(answer, "一个列表 [...]（四个步骤的名称）", "a list [...] of the four step names")
    if len(items) != len(STEPS):
        return fail(f"需要 4 个步骤，收到 {len(items)} 个。", f"Four steps are needed; got {len(items)}.")
    codes = []
    for x in items:
        try:
            codes.append(step_code(x))
        except BadSpecError:
            codes.append(None)
    right = sum(c == s.code for c, s in zip(codes, STEPS))
    if right == len(STEPS):
        return passed()
    if None in codes or len(set(codes)) != len(STEPS):
        return _partial(right / len(STEPS), "四个步骤要各出现一次（用下拉框里的名称）。",
                        "Each of the four steps must appear once (use the names in the drop-downs).")
    wrong = len(STEPS) - right
    return _partial(right / len(STEPS), f"有 {wrong} 个位置的顺序不对。想一想：目标要在拜访之前定，总结在拜访之后。",
                    f"{wrong} positions are out of order. Think: objectives are set before the calls, the debrief "
                    f"comes after them.")


def check_q2(answer: Any, ctx: Context) -> Verdict:
    """q2: the mode of each situation (partial credit per situation)."""
    if not isinstance(answer, Mapping):
        raise WrongType("一个字典 {情境: 示范/观察}", "a dict {situation: 示范/观察}", answer)
    given = {str(k).strip().upper(): v for k, v in answer.items()}
    right = 0
    for code, _, mode in SITUATIONS:
        try:
            right += mode_code(given.get(code)) == mode
        except BadSpecError:
            pass
    if right == len(SITUATIONS):
        return passed()
    chosen = set()
    for code, _, _ in SITUATIONS:
        try:
            chosen.add(mode_code(given.get(code)))
        except BadSpecError:
            chosen.add(None)
    if chosen == {"demonstration"}:
        return _partial(right / len(SITUATIONS), "六个情境全选了示范：全由厂家主导就成了大包大揽，看不到业务员自己的问题。",
                        "All six are demonstrations: the manufacturer doing it all never shows the rep's own problems.")
    if chosen == {"observation"}:
        return _partial(right / len(SITUATIONS), "六个情境全选了观察：业务员答不上来、需要讲清厂家主张时，只看不帮解决不了问题。",
                        "All six are observations: when the rep cannot answer or the manufacturer's position must be "
                        "explained, watching alone solves nothing.")
    wrong = len(SITUATIONS) - right
    return _partial(right / len(SITUATIONS),
                    f"有 {wrong} 个情境的方式不对（或没有选）。想一想：要解决客户的问题，还是要提高业务员的能力？",
                    f"{wrong} situations have the wrong (or no) mode. Ask: is the aim to solve the customer's "
                    f"problem, or to build the rep's ability?")


def check_q3(answer: Any, ctx: Context) -> Verdict:
    """q3: the plan passes :func:`kamlab.covisit.plan_visit` on the course date."""
    try:
        plan = plan_visit(as_plan_dict(answer), today=TODAY)
    except ValueError as err:
        return fail("协访计划的格式不对：" + getattr(err, "zh", str(err)),
                    "The plan is malformed: " + getattr(err, "en", str(err)))
    if plan.ok:
        return passed()
    return fail("协访计划还有问题：" + "；".join(p.zh for p in plan.problems),
                "The plan still has problems: " + "; ".join(p.en for p in plan.problems))


def check_q4(answer: Any, ctx: Context) -> Verdict:
    """q4: the record passes :func:`kamlab.covisit.debrief` against the plan of q3, on or after the course date."""
    plan = plan_or_none(ctx.answers.get("q3", ...))
    if plan is None or not plan.debrief or parse_date(plan.debrief, with_time=True) is None:
        return fail("先完成练习 3（协访计划）并安排拜访后总结：总结记录要落在计划的总结日期。",
                    "Finish exercise 3 (the plan) with a debrief first: the record falls on the plan's debrief day.")
    try:
        rec = debrief(as_record_dict(answer), visit=plan)
    except ValueError as err:
        return fail("总结记录的格式不对：" + getattr(err, "zh", str(err)),
                    "The record is malformed: " + getattr(err, "en", str(err)))
    day = parse_date(rec.date, with_time=True)
    problems_zh = [p.zh for p in rec.problems]
    problems_en = [p.en for p in rec.problems]
    if day is not None and day.isoformat() < TODAY:
        problems_zh.append(f"总结日期 {day.isoformat()} 早于课程日 {TODAY}。")
        problems_en.append(f"The debrief date {day.isoformat()} is before the course date {TODAY}.")
    if not problems_zh:
        return passed()
    return fail("总结记录还有问题：" + "；".join(problems_zh), "The record still has problems: " + "; ".join(problems_en))


def check_q5(answer: Any, ctx: Context) -> Verdict:
    """q5: true/false on the eight statements (partial credit per statement)."""
    if not isinstance(answer, (Mapping, list, tuple)):
        raise WrongType("一个字典 {'T1': True/False, ...}", "a dict {'T1': True/False, ...}", answer)
    try:
        res = check_quiz(answer)
    except ValueError as err:
        return fail("测验答案的格式不对：" + getattr(err, "zh", str(err)),
                    "The quiz answers are malformed: " + getattr(err, "en", str(err)))
    if res.n_correct == len(QUIZ):
        return passed()
    wrong = len(QUIZ) - res.n_correct
    return _partial(res.score, f"有 {wrong} 题判断不对（或没有作答）。回到四大误区的“正确认识”再读一遍。",
                    f"{wrong} statements are judged wrong (or not answered). Reread the correct views of the four "
                    f"misconceptions.")
