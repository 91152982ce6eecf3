"""m14 与经销商协同拜访 / Co-visits with a distributor's rep.

Seed 004 (《工商协访大辟谣》): why a co-visit (协同拜访) is a key way to manage
and train the distributor; the four steps 拜访前的准备 → 设定拜访目标 →
实施拜访 → 拜访后总结; the two modes 示范式 (the manufacturer leads, to
solve a problem) and 观察式 (the rep leads, to build the rep's ability); the
four misconceptions 不是监督、不抢客户、不重形式、不只发货.

m14 has no bundled data: the answers are the trainee's own plan and debrief.
So the checks are short quizzes with literal answers (the order of the four
steps, which mode suits a situation, true/false on the misconceptions — they
do not depend on data, partial credit per item) and *structure* (the plan
must pass :func:`kamlab.covisit.plan_visit` on the course date
:data:`TODAY`; the debrief record must pass :func:`kamlab.covisit.debrief`
and fall on the plan's debrief day), plus one free-text question scored by
hand.

Examples
--------
>>> from kamlab.course import m14
>>> m14.TODAY, m14.BANK.keys()
('2026-11-01', ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import covisit as _covisit  # noqa: F401 - makes kl.covisit available once the workbook opens
from .._i18n import Messages, get_language
from ..grading import Context, Question, QuestionBank, Verdict, WrongType

__all__ = ["MODULE", "TODAY", "SITUATIONS", "EXAMPLE_PLAN", "situations_table", "plot_steps", "plan_or_none",
           "plan_view", "debrief_view", "quiz_view",
           "steps_form", "modes_form", "plan_form", "debrief_form", "quiz_form"]

#: Module id.
MODULE = "m14"
#: Fixed course date (as m01 and m07): a plan's co-visit date must not be before it.
TODAY = "2026-11-01"

#: Situations for exercise 2: (code, (zh, en), the mode that fits).
SITUATIONS: tuple[tuple[str, tuple[str, str], str], ...] = (
    ("S1", ("新来的业务员还不熟悉我们的新品卖点，第一次带他去拜访连锁采购。",
            "A new rep does not yet know the new product's selling points; the first call on a chain buyer together."),
     "demonstration"),
    ("S2", ("业务员跑这家药店一年了，你想看看他的拜访技巧还有哪些问题。",
            "The rep has served this pharmacy for a year; you want to see what his calls still lack."), "observation"),
    ("S3", ("店长提出一个业务员答不上来的专业问题：新品和竞品到底有什么区别。",
            "The store manager asks a question the rep cannot answer: how does the new product differ from the rival?"),
     "demonstration"),
    ("S4", ("上个月你示范过新品推介，这次想看业务员能不能自己用上。",
            "Last month you demonstrated the new-product pitch; now you want to see if the rep can use it alone."),
     "observation"),
    ("S5", ("公司刚推出新的推广方案，需要向客户讲清厂家的理念和主张。",
            "A new promotion plan is out and the manufacturer's ideas and positions must be explained to the customer."),
     "demonstration"),
    ("S6", ("经销商老板请你帮忙找出他的业务团队在客户沟通中的共性问题。",
            "The distributor's boss asks you to find the problems his sales team has in common with customers."),
     "observation"),
)

#: A plan with typical mistakes, for the worked example.
class _ExamplePlan(Mapping):
    """A read-only plan whose call objectives (free text) read in the current language."""

    def __init__(self, data: dict[str, Any], objectives: tuple[tuple[str, str], ...]) -> None:
        self._data, self._objectives = data, objectives

    def __getitem__(self, key: str) -> Any:
        if key == "calls":
            en = get_language() != "zh"
            return [{**call, "objective": pair[en]} for call, pair in zip(self._data["calls"], self._objectives)]
        return self._data[key]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return repr(dict(self))


#: The worked example of a co-visit plan (with two mistakes).  A read-only mapping: the
#: calls' objectives read in the current language (``dict(EXAMPLE_PLAN)`` gives a plain dict).
EXAMPLE_PLAN: Mapping[str, Any] = _ExamplePlan({
    "distributor": "华东医药", "rep": "业务员 李强", "date": "2026-11-12",
    "preparation": ["了解拜访客户的详细资料", "准备产品、推广方案等物料"],
    "calls": [
        {"customer": "百姓大药房 五一店", "time": "09:00", "mode": "观察", "objective": "看看业务员怎么谈"},
        {"customer": "益丰大药房 解放店", "time": "10:30", "mode": "示范", "objective": "新品进 2 个单品"},
        {"customer": "老百姓大药房 总部", "time": "14:00", "mode": "示范", "objective": "谈下 12 月堆头 1 个"},
    ],
    "debrief": "",
}, (("看看业务员怎么谈", "see how the rep talks"), ("新品进 2 个单品", "listing for 2 new SKUs"),
    ("谈下 12 月堆头 1 个", "1 floor display in December")))

MSGS = Messages({
    "pick": ("（请选择）", "(choose)"),
    "step": ("第 {n} 步", "Step {n}"),
    "true": ("对", "true"),
    "false": ("错", "false"),
    "steps_title": ("按顺序排列协同拜访的四个步骤", "Put the four steps of a co-visit in order"),
    "modes_title": ("每个情境该用哪种协访方式？", "Which mode suits each situation?"),
    "quiz_title": ("判断对错：四大误区", "True or false: the four misconceptions"),
    "plan_title": ("你的协访计划：{today} 之后的一天，2–6 家客户，每家一个可衡量的目标和方式",
                   "Your co-visit plan: one day after {today}, 2-6 calls, each with a measurable objective and a mode"),
    "debrief_title": ("拜访后总结记录：肯定、改进、商定的改善措施、下次协访",
                      "The debrief record: what went well, what to improve, agreed improvements, the next co-visit"),
    "distributor": ("经销商", "distributor"),
    "rep": ("经销商业务员", "distributor's rep"),
    "date": ("协访日期 YYYY-MM-DD", "date YYYY-MM-DD"),
    "debrief": ("总结时间 YYYY-MM-DD HH:MM", "debrief YYYY-MM-DD HH:MM"),
    "preparation": ("拜访前的准备（可多选）", "preparation (several)"),
    "customer": ("客户", "customer"),
    "time": ("时间 HH:MM", "time HH:MM"),
    "mode": ("方式：示范 / 观察", "mode: 示范 / 观察"),
    "objective": ("目标（含数字）", "objective (a number)"),
    "rec_date": ("总结日期 YYYY-MM-DD", "debrief date YYYY-MM-DD"),
    "well": ("做得好的", "what went well"),
    "improve": ("需要改进的", "what to improve"),
    "next": ("下次协访 YYYY-MM-DD", "next co-visit YYYY-MM-DD"),
    "action": ("改善措施", "improvement"),
    "owner": ("负责人", "owner"),
    "due": ("完成日期 YYYY-MM-DD", "due YYYY-MM-DD"),
    "ok_plan": ("✓ 计划完整。", "✓ The plan is complete."),
    "ok_debrief": ("✓ 总结记录完整。", "✓ The debrief record is complete."),
    "need_q3": ("先完成练习 3（协访计划）。", "Finish exercise 3 (the co-visit plan) first."),
    "need_q4": ("先完成练习 4（总结记录）。", "Finish exercise 4 (the debrief record) first."),
    "need_q5": ("先完成练习 5（误区测验）。", "Finish exercise 5 (the quiz) first."),
    "col_situation": ("情境", "situation"),
    "steps_chart": ("协同拜访四步走", "The four steps of a co-visit"),
})

_CALL_COLUMNS = ("customer", "time", "mode", "objective")
_ITEM_COLUMNS = ("action", "owner", "due")
_START_TIMES = ("09:00", "10:30", "13:30", "15:00", "", "")


def _text(pair: tuple[str, str]) -> str:
    return pair[0] if get_language() == "zh" else pair[1]


def _blank(value: Any) -> bool:
    return value is None or str(value).strip() == ""


# --------------------------------------------------------------------------- helpers used in the notebook
def situations_table() -> Any:
    """The situations of exercise 2 (without the answers).

    Examples
    --------
    >>> situations_table().index.tolist()
    ['S1', 'S2', 'S3', 'S4', 'S5', 'S6']
    """
    import pandas as pd

    return pd.DataFrame({MSGS.label("col_situation"): [_text(t) for _, t, _ in SITUATIONS]},
                        index=pd.Index([c for c, _, _ in SITUATIONS], name=""))


def plot_steps(ax: Any = None) -> Any:
    """The four steps as a chain of boxes, with the two modes under 实施拜访.

    Examples
    --------
    >>> plot_steps().get_title()
    '协同拜访四步走'
    """
    from .._plotting import new_axes, styled
    from ..covisit import MODES, STEPS

    @styled
    def draw(ax: Any) -> Any:
        from matplotlib.patches import FancyBboxPatch

        fig, ax = new_axes(ax, figsize=(10.0, 3.2))
        colours = ("#1f77b4", "#9467bd", "#ff7f0e", "#2ca02c")
        for i, s in enumerate(STEPS):
            x = i * 2.4
            ax.add_patch(FancyBboxPatch((x, 0.6), 1.9, 0.9, boxstyle="round,pad=0.05", color=colours[i], alpha=0.85))
            ax.text(x + 0.95, 1.05, f"{s.order}\n{s.name}", ha="center", va="center", color="white", fontsize=11)
            if i < len(STEPS) - 1:
                ax.annotate("", (x + 2.35, 1.05), (x + 1.98, 1.05), arrowprops={"arrowstyle": "->", "lw": 1.5})
        x = 2 * 2.4
        for j, m in enumerate(MODES):
            ax.text(x + 0.95, 0.3 - 0.35 * j, f"{m.name}：{_text(m.lead)}", ha="center", va="center", fontsize=9,
                    color="#555555")
        ax.set_xlim(-0.2, len(STEPS) * 2.4 - 0.3)
        ax.set_ylim(-0.6, 1.7)
        ax.axis("off")
        ax.set_title(MSGS.label("steps_chart"))
        return ax

    return draw(ax)


def _as_plan_dict(answer: Any) -> dict[str, Any]:
    """The plan dict of a q3 answer: a VisitPlan, its table (what a notebook records), or the dict itself."""
    import pandas as pd

    from ..covisit import VisitPlan, plan_from_table

    if isinstance(answer, VisitPlan):
        return answer.to_dict()
    table = answer.get("table") if isinstance(answer, Mapping) else answer
    if isinstance(table, pd.DataFrame):
        return plan_from_table(table)
    if isinstance(answer, Mapping):
        return dict(answer)
    raise WrongType("kl.covisit.plan_visit({...}, today=kl.course.m14.TODAY) 的结果",
                    "the result of kl.covisit.plan_visit({...}, today=kl.course.m14.TODAY)", answer)


def _as_record_dict(answer: Any) -> dict[str, Any]:
    """The record dict of a q4 answer: a DebriefResult, its table (what a notebook records), or the dict itself."""
    import pandas as pd

    from ..covisit import DebriefResult, record_from_table

    if isinstance(answer, DebriefResult):
        return answer.to_dict()
    table = answer.get("table") if isinstance(answer, Mapping) else answer
    if isinstance(table, pd.DataFrame):
        return record_from_table(table)
    if isinstance(answer, Mapping):
        return dict(answer)
    raise WrongType("kl.covisit.debrief({...}) 的结果", "the result of kl.covisit.debrief({...})", answer)


def plan_or_none(q3: Any) -> Any:
    """The trainee's plan (exercise 3) checked on the course date, or None while it is not answered or malformed.

    Examples
    --------
    >>> plan_or_none(...) is None
    True
    >>> plan_or_none(EXAMPLE_PLAN).ok
    False
    """
    from ..covisit import plan_visit

    if q3 is Ellipsis or q3 is None:
        return None
    try:
        return plan_visit(_as_plan_dict(q3), today=TODAY)
    except (TypeError, ValueError, WrongType):
        return None


def _show(res: Any, ok_key: str) -> None:
    print(MSGS(ok_key) if res.ok else "\n".join(f"✗ {m}" for m in res.messages()))
    res.plot()


def _chart_with_notes(res: Any, ok_key: str) -> Any:
    """The result's chart with ✓ or its problems written under it (a form shows only its chart)."""
    import textwrap

    from .._plotting import styled

    @styled
    def notes(ax: Any) -> Any:
        lines = [MSGS(ok_key)] if res.ok else [f"✗ {m}" for m in res.messages()]
        width = 56 if get_language() == "zh" else 110
        text = "\n".join(w for line in lines for w in textwrap.wrap(line, width)) or ""
        ax.figure.text(0.01, -0.02, text, ha="left", va="top", fontsize=9,
                       color="#2e7d32" if res.ok else "#c62828")
        return ax

    return notes(res.plot())


def plan_view(q3: Any) -> None:
    """Show a q3 plan: ✓ or its problems, then the day's timeline (a note while not answered).

    Examples
    --------
    >>> plan_view(...)
    先完成练习 3（协访计划）。
    """
    plan = plan_or_none(q3)
    if plan is None:
        print(MSGS("need_q3"))
        return None
    _show(plan, "ok_plan")
    return None


def debrief_view(q4: Any) -> None:
    """Show a q4 record: ✓ or its problems, then the improvements' timeline (a note while not answered).

    Examples
    --------
    >>> debrief_view(...)
    先完成练习 4（总结记录）。
    """
    from ..covisit import debrief

    if q4 is Ellipsis or q4 is None:
        print(MSGS("need_q4"))
        return None
    try:
        rec = debrief(_as_record_dict(q4))
    except (TypeError, ValueError, WrongType):
        print(MSGS("need_q4"))
        return None
    _show(rec, "ok_debrief")
    return None


def quiz_view(q5: Any) -> Any:
    """The marked quiz of exercise 5 — your answer, right or not, and the explanation (None while not answered).

    Examples
    --------
    >>> quiz_view(...)
    先完成练习 5（误区测验）。
    >>> quiz_view({"T1": False})["正确"].tolist()[:2]
    ['✓', '✗']
    """
    import pandas as pd

    from ..covisit import check_quiz

    if q5 is Ellipsis or q5 is None:
        print(MSGS("need_q5"))
        return None
    try:
        res = check_quiz(q5)
    except ValueError as err:
        print(err)
        return None
    t = res.table
    zh = get_language() == "zh"
    return pd.DataFrame({("误区" if zh else "misconception"): t["misconception"],
                         ("你的答案" if zh else "your answer"): t["given"],
                         ("正确" if zh else "right"): ["✓" if c else "✗" for c in t["correct"]],
                         ("解析" if zh else "explanation"): t["explanation"]}, index=t.index)


# --------------------------------------------------------------------------- forms
def steps_form() -> Any:
    """Exercise 1: four drop-downs, one per step.

    Examples
    --------
    >>> form = steps_form()
    >>> form.controls["1"].value = "拜访前的准备"
    >>> form.line
    'q1 = ["拜访前的准备", None, None, None]'
    """
    from ..covisit import STEPS
    from ..widgets import order_quiz

    mixed = [STEPS[i] for i in (2, 0, 3, 1)]        # a fixed shuffled order: the list does not give it away
    return order_quiz([(s.name, s.zh) for s in mixed], 4, key="q1", title=MSGS("steps_title"),
                      labels=[MSGS("step", n=n) for n in range(1, 5)], blank=(MSGS("pick"), ""))


def modes_form() -> Any:
    """Exercise 2: for each situation, 示范 or 观察.

    Examples
    --------
    >>> form = modes_form()
    >>> form.controls["S1"].value = "示范"
    >>> form.line.startswith('q2 = {"S1": "示范", "S2": None')
    True
    """
    from ..covisit import MODES
    from ..widgets import match_quiz

    return match_quiz([code for code, _, _ in SITUATIONS], [(m.name, m.zh) for m in MODES], key="q2",
                      title=MSGS("modes_title"), blank=(MSGS("pick"), ""))


def _plan_values(v: Mapping[str, Any]) -> dict[str, Any]:
    calls = [{c: ("" if r.get(c) is None else r.get(c)) for c in _CALL_COLUMNS} for r in v["calls"]
             if not all(_blank(r.get(c)) for c in ("customer", "mode", "objective"))]
    return {"distributor": v["distributor"], "rep": v["rep"], "date": v["date"],
            "preparation": list(v["preparation"]), "calls": calls, "debrief": v["debrief"]}


def plan_form() -> Any:
    """Exercise 3: the co-visit planner — header fields, the preparation checklist and a table of calls.

    The day's timeline and the plan's problems follow every change; empty
    rows of the table are left out.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = plan_form()
    ...     form.controls["distributor"].value = "华东医药"
    ...     form.controls["calls"].cells[0]["customer"].value = "五一店"
    >>> form.line.startswith('q3 = kl.covisit.plan_visit({"distributor": "华东医药", "rep": "", ')
    True
    >>> '"calls": [{"customer": "五一店", "time": "09:00", "mode": "", "objective": ""}]' in form.line
    True
    >>> form.line.endswith('}, today=kl.course.m14.TODAY)')
    True
    """
    import ipywidgets as w

    from ..covisit import PREPARATION, plan_visit
    from ..widgets import AnswerForm, TableEditor, literal, multi_select

    def text(key: str) -> Any:
        return w.Text(value="", description=MSGS(key), layout={"width": "460px"},
                      style={"description_width": "150px"})

    prep = multi_select([(p.name, p.code) for p in PREPARATION], (), label=MSGS("preparation"), rows=4)
    calls = TableEditor([{"time": t} for t in _START_TIMES], list(_CALL_COLUMNS),
                        labels={c: MSGS(c) for c in _CALL_COLUMNS})
    controls = {"distributor": text("distributor"), "rep": text("rep"), "date": text("date"),
                "preparation": prep, "calls": calls, "debrief": text("debrief")}

    def line(v: dict[str, Any]) -> str:
        return f"q3 = kl.covisit.plan_visit({literal(_plan_values(v))}, today=kl.course.m14.TODAY)"

    def draw(v: dict[str, Any]) -> None:
        _chart_with_notes(plan_visit(_plan_values(v), today=TODAY), "ok_plan")

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("plan_title", today=TODAY))


def _debrief_values(v: Mapping[str, Any]) -> dict[str, Any]:
    items = [{c: ("" if r.get(c) is None else r.get(c)) for c in _ITEM_COLUMNS} for r in v["improvements"]
             if not all(_blank(r.get(c)) for c in _ITEM_COLUMNS)]
    return {"date": v["date"], "well": v["well"], "improve": v["improve"], "improvements": items,
            "next_covisit": v["next"]}


def debrief_form(q3: Any = ...) -> Any:
    """Exercise 4: the debrief record; the date starts as the debrief day of your plan (exercise 3).

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = debrief_form(...)
    ...     form.controls["well"].value = "开场先问店长的困难"
    >>> form.line.startswith('q4 = kl.covisit.debrief({"date": "", "well": "开场先问店长的困难", ')
    True
    """
    import ipywidgets as w

    from ..covisit import debrief, parse_date
    from ..widgets import AnswerForm, TableEditor, literal

    plan = plan_or_none(q3)
    day = parse_date(plan.debrief) if plan is not None and plan.debrief else None

    def text(key: str, value: str = "") -> Any:
        return w.Text(value=value, description=MSGS(key), layout={"width": "640px"},
                      style={"description_width": "150px"})

    items = TableEditor([{}, {}, {}], list(_ITEM_COLUMNS), labels={c: MSGS(c) for c in _ITEM_COLUMNS})
    controls = {"date": text("rec_date", day.isoformat() if day else ""), "well": text("well"),
                "improve": text("improve"), "improvements": items, "next": text("next")}

    def line(v: dict[str, Any]) -> str:
        return f"q4 = kl.covisit.debrief({literal(_debrief_values(v))})"

    def draw(v: dict[str, Any]) -> None:
        _chart_with_notes(debrief(_debrief_values(v), visit=plan), "ok_debrief")

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("debrief_title"))


def quiz_form() -> Any:
    """Exercise 5: 对 / 错 for each of the eight statements.

    Examples
    --------
    >>> form = quiz_form()
    >>> form.controls["T1"].value = False
    >>> form.line.startswith('q5 = {"T1": False, "T2": None')
    True
    """
    from ..covisit import QUIZ
    from ..widgets import match_quiz

    return match_quiz([q.code for q in QUIZ], [(MSGS("true"), True), (MSGS("false"), False)], key="q5",
                      title=MSGS("quiz_title"), blank=(MSGS("pick"), ""))


# --------------------------------------------------------------------------- checks
def _fail(zh: str, en: str, score: float = 0.0) -> Verdict:
    return Verdict(ok=False, score=score, reason_zh=zh, reason_en=en)


def _as_list(answer: Any, zh: str, en: str) -> list[Any]:
    if isinstance(answer, (list, tuple)):
        return list(answer)
    raise WrongType(zh, en, answer)


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    from .._errors import BadSpecError
    from ..covisit import STEPS, step_code

    items = _as_list(answer, "一个列表 [...]（四个步骤的名称）", "a list [...] of the four step names")
    if len(items) != len(STEPS):
        return _fail(f"需要 4 个步骤，收到 {len(items)} 个。", f"Four steps are needed; got {len(items)}.")
    codes = []
    for x in items:
        try:
            codes.append(step_code(x))
        except BadSpecError:
            codes.append(None)
    right = sum(c == s.code for c, s in zip(codes, STEPS))
    if right == len(STEPS):
        return Verdict(ok=True, score=1.0)
    if None in codes or len(set(codes)) != len(STEPS):
        return _fail("四个步骤要各出现一次（用下拉框里的名称）。",
                     "Each of the four steps must appear once (use the names in the drop-downs).",
                     score=right / len(STEPS))
    wrong = len(STEPS) - right
    return _fail(f"有 {wrong} 个位置的顺序不对。想一想：目标要在拜访之前定，总结在拜访之后。",
                 f"{wrong} positions are out of order. Think: objectives are set before the calls, the debrief "
                 f"comes after them.", score=right / len(STEPS))


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    from .._errors import BadSpecError
    from ..covisit import mode_code

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
        return Verdict(ok=True, score=1.0)
    wrong = len(SITUATIONS) - right
    return _fail(f"有 {wrong} 个情境的方式不对（或没有选）。想一想：要解决客户的问题，还是要提高业务员的能力？",
                 f"{wrong} situations have the wrong (or no) mode. Ask: is the aim to solve the customer's problem, "
                 f"or to build the rep's ability?", score=right / len(SITUATIONS))


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    from ..covisit import plan_visit

    try:
        plan = plan_visit(_as_plan_dict(answer), today=TODAY)
    except ValueError as err:
        return _fail("协访计划的格式不对：" + getattr(err, "zh", str(err)),
                     "The plan is malformed: " + getattr(err, "en", str(err)))
    if plan.ok:
        return Verdict(ok=True, score=1.0)
    return _fail("协访计划还有问题：" + "；".join(p.zh for p in plan.problems),
                 "The plan still has problems: " + "; ".join(p.en for p in plan.problems))


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    from ..covisit import debrief, parse_date

    plan = plan_or_none(ctx.answers.get("q3", ...))
    if plan is None or not plan.debrief or parse_date(plan.debrief) is None:
        return _fail("先完成练习 3（协访计划）并安排拜访后总结：总结记录要落在计划的总结日期。",
                     "Finish exercise 3 (the plan) with a debrief first: the record falls on the plan's debrief day.")
    try:
        rec = debrief(_as_record_dict(answer), visit=plan)
    except ValueError as err:
        return _fail("总结记录的格式不对：" + getattr(err, "zh", str(err)),
                     "The record is malformed: " + getattr(err, "en", str(err)))
    day = parse_date(rec.date)
    problems_zh = [p.zh for p in rec.problems]
    problems_en = [p.en for p in rec.problems]
    if day is not None and day.isoformat() < TODAY:
        problems_zh.append(f"总结日期 {day.isoformat()} 早于课程日 {TODAY}。")
        problems_en.append(f"The debrief date {day.isoformat()} is before the course date {TODAY}.")
    if not problems_zh:
        return Verdict(ok=True, score=1.0)
    return _fail("总结记录还有问题：" + "；".join(problems_zh), "The record still has problems: " + "; ".join(problems_en))


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    from ..covisit import QUIZ, check_quiz

    if not isinstance(answer, (Mapping, list, tuple)):
        raise WrongType("一个字典 {'T1': True/False, ...}", "a dict {'T1': True/False, ...}", answer)
    try:
        res = check_quiz(answer)
    except ValueError as err:
        return _fail("测验答案的格式不对：" + getattr(err, "zh", str(err)),
                     "The quiz answers are malformed: " + getattr(err, "en", str(err)))
    if res.n_correct == len(QUIZ):
        return Verdict(ok=True, score=1.0)
    wrong = len(QUIZ) - res.n_correct
    return _fail(f"有 {wrong} 题判断不对（或没有作答）。回到四大误区的“正确认识”再读一遍。",
                 f"{wrong} statements are judged wrong (or not answered). Reread the correct views of the four "
                 f"misconceptions.", score=res.score)


BANK = QuestionBank(
    module=MODULE,
    title=("与经销商协同拜访", "Co-visits with a distributor's rep"),
    datasets=(),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("按顺序写出协同拜访的四个步骤。", "List the four steps of a co-visit in order."),
            check=_check_q1,
            hint=("先准备，再和经销商一起定目标，然后拜访，最后一起总结。",
                  "Prepare, agree the objectives with the distributor, visit, then debrief together."),
        ),
        Question(
            key="q2", points=2,
            prompt=("六个情境各该用示范式还是观察式？", "Demonstration or observation for each of the six situations?"),
            check=_check_q2,
            hint=("示范式由厂家主导，目标是解决问题；观察式由经销商业务员主导，目标是提高经销商的能力。",
                  "Demonstration: the manufacturer leads, to solve a problem. Observation: the rep leads, to build "
                  "the distributor's ability."),
        ),
        Question(
            key="q3", points=3,
            prompt=("制定一天的协访计划：准备清单、每家客户的时间、方式和可衡量的目标、拜访后总结。",
                    "Plan a co-visit day: preparation, each call's time, mode and measurable objective, the debrief."),
            check=_check_q3,
            hint=(f"用 kl.covisit.plan_visit({{...}}, today=kl.course.m14.TODAY)：协访日期不早于 {TODAY}；准备四项都要做；"
                  "每个目标写一个数字；至少一次观察式，先示范后观察；当天或第二天总结。",
                  f"Use kl.covisit.plan_visit({{...}}, today=kl.course.m14.TODAY): a date from {TODAY} on; all four "
                  "preparation items; a number in every objective; at least one observation call, demonstrations "
                  "first; debrief the same day or the next."),
        ),
        Question(
            key="q4", points=3,
            prompt=("写下拜访后总结：做得好的、需要改进的、商定的改善措施（负责人、完成日期）和下次协访日期。",
                    "Write the debrief: what went well, what to improve, agreed improvements (owner, due date) and "
                    "the next co-visit."),
            check=_check_q4,
            hint=("用 kl.covisit.debrief({...})；日期就是计划里的总结日期；每条措施有负责人，完成日期在下次协访之前；"
                  "下次协访在 60 天内。",
                  "Use kl.covisit.debrief({...}); the date is the plan's debrief day; every improvement has an owner "
                  "and is due before the next co-visit, which is within 60 days."),
        ),
        Question(
            key="q5", points=2,
            prompt=("判断关于四大误区的八个说法是否正确。", "Judge the eight statements on the four misconceptions."),
            check=_check_q5,
            hint=("四大误区：不是监督、不抢客户、不重形式、不只发货——说法符合“正确认识”的为对。",
                  "The four misconceptions: not supervision, not taking customers, not a formality, not only "
                  "shipping — a statement that matches the correct view is true."),
        ),
        Question(
            key="q6", points=3,
            prompt=("用三四句话写下：下一次协访你会有什么不同的做法？为什么？",
                    "In three or four sentences: what will you do differently on your next co-visit, and why?"),
            check=None, manual=True,
        ),
    ),
)
