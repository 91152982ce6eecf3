"""m14 与经销商协同拜访: question bank, helpers, forms, and the widget-only path of the notebook."""

from __future__ import annotations

import contextlib
import io

import pytest

import kamlab as kl
from kamlab.course import m14
from kamlab.covisit import QUIZ, STEP_NAMES, debrief, plan_visit
from kamlab.grading import Context, decode, encode

from workbook_runs import cell_errors, lost_points, run_answered

HIDDEN = 5
MODES = {"S1": "示范", "S2": "观察", "S3": "示范", "S4": "观察", "S5": "示范", "S6": "观察"}
QUIZ_RIGHT = {q.code: q.answer for q in QUIZ}
PLAN = {"distributor": "浙瑞医药商业", "rep": "业务员 李强", "date": "2026-11-12",
        "preparation": ["customer_info", "customer_issues", "agree_plan", "materials"],
        "calls": [{"customer": "解放店", "time": "09:00", "mode": "示范", "objective": "新品进 2 个单品"},
                  {"customer": "五一店", "time": "10:30", "mode": "观察", "objective": "约定店员培训 1 次"}],
        "debrief": "2026-11-12 17:00"}
RECORD = {"date": "2026-11-12", "well": "开场先问店长的困难", "improve": "没提陈列要求",
          "improvements": [{"action": "每次拜访提 1 个陈列要求", "owner": "业务员 李强", "due": "2026-11-26"}],
          "next_covisit": "2026-12-10"}


def _ctx(variant: int = 0, **answers) -> Context:
    return Context("m14", variant=variant, answers=answers)


def _answers() -> dict:
    return {"q1": list(STEP_NAMES), "q2": dict(MODES), "q3": plan_visit(PLAN, today=m14.TODAY),
            "q4": debrief(RECORD), "q5": dict(QUIZ_RIGHT), "q6": "下次先示范再观察。"}


def _recorded(answers: dict) -> dict:
    """What the grader reads back from the notebook."""
    return {k: decode(encode(v)) for k, v in answers.items()}


# ----------------------------------------------------------------------------- structure
def test_bank_structure():
    bank = m14.BANK
    assert bank.module == "m14" and bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert bank.total_points == 15.0
    assert [q.key for q in bank.questions if q.manual] == ["q6"]
    assert all(q.prompt[0] and q.prompt[1] for q in bank.questions)
    assert all(q.hint[0] and q.hint[1] for q in bank.questions if not q.manual)
    assert bank.datasets == () and m14.TODAY == kl.course.m01.TODAY
    assert kl.course.get_bank("m14") is bank


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_own_answers_get_full_marks_on_any_variant(variant):
    verdicts = m14.BANK.grade(_recorded(_answers()), _ctx(variant))
    lost = {k: v.reason_en for k, v in verdicts.items() if not v.ok and not v.manual}
    assert lost == {}
    assert sum(v.score for v in verdicts.values()) == 12.0
    assert verdicts["q6"].manual and verdicts["q6"].score == 0
    live = m14.BANK.grade(_answers(), _ctx(variant))
    assert all(v.ok for k, v in live.items() if k != "q6")


# ----------------------------------------------------------------------------- quizzes
def test_q1_step_order_partial_credit():
    assert m14.BANK.check("q1", ["prepare", "objectives", "visit", "debrief"], _ctx()).ok
    swapped = [STEP_NAMES[0], STEP_NAMES[2], STEP_NAMES[1], STEP_NAMES[3]]
    v = m14.BANK.check("q1", swapped, _ctx())
    assert not v.ok and v.score == pytest.approx(2 * 2 / 4) and "2" in v.reason_zh
    assert STEP_NAMES[1] not in v.reason_zh
    v = m14.BANK.check("q1", [STEP_NAMES[0], None, None, None], _ctx())
    assert not v.ok and v.score == pytest.approx(2 * 1 / 4) and "once" in v.reason_en
    assert m14.BANK.check("q1", STEP_NAMES[:3], _ctx()).score == 0
    assert not m14.BANK.check("q1", "拜访前的准备", _ctx()).ok


def test_q2_modes_partial_credit():
    assert m14.BANK.check("q2", {**MODES, "S1": "demonstration", "s2": "观察式"}, _ctx()).ok
    v = m14.BANK.check("q2", {**MODES, "S1": "观察", "S6": None}, _ctx())
    assert not v.ok and v.score == pytest.approx(2 * 4 / 6) and "2" in v.reason_en
    assert not m14.BANK.check("q2", ["示范"] * 6, _ctx()).ok


def test_q5_misconceptions_partial_credit():
    v = m14.BANK.check("q5", {**QUIZ_RIGHT, "T1": True, "T2": None}, _ctx())
    assert not v.ok and v.score == pytest.approx(2 * 6 / 8) and "2" in v.reason_zh
    assert "T1" not in v.reason_zh                                   # the reason never names the answers
    assert m14.BANK.check("q5", [q.answer for q in QUIZ], _ctx()).ok
    v = m14.BANK.check("q5", {"T1": "maybe"}, _ctx())
    assert not v.ok and "T1" in v.reason_en
    assert not m14.BANK.check("q5", "FTTF", _ctx()).ok


# ----------------------------------------------------------------------------- structure checks
def test_q3_plan_validates_with_the_course_date():
    assert m14.BANK.check("q3", decode(encode(plan_visit(PLAN, today=m14.TODAY))), _ctx()).ok
    assert m14.BANK.check("q3", dict(PLAN), _ctx()).ok                       # a plain dict works too
    # checked by the trainee with a later "today": the course date still rules
    early = {**PLAN, "date": "2026-10-20", "debrief": "2026-10-20 17:00"}
    own_today = plan_visit(early, today="2026-10-01")
    assert own_today.ok
    v = m14.BANK.check("q3", decode(encode(own_today)), _ctx())
    assert not v.ok and "2026-11-01" in v.reason_zh
    broken = {**PLAN, "calls": [dict(c, mode="示范") for c in PLAN["calls"]], "debrief": ""}
    v = m14.BANK.check("q3", decode(encode(plan_visit(broken, today=m14.TODAY))), _ctx())
    assert not v.ok and "大包大揽" in v.reason_zh and "debrief" in v.reason_en
    assert not m14.BANK.check("q3", {**PLAN, "custmer": 1}, _ctx()).ok
    assert not m14.BANK.check("q3", "计划", _ctx()).ok


def test_q4_debrief_is_checked_against_the_plan():
    ctx = _ctx(q3=decode(encode(plan_visit(PLAN, today=m14.TODAY))))
    assert m14.BANK.check("q4", decode(encode(debrief(RECORD))), ctx).ok
    assert m14.BANK.check("q4", dict(RECORD), ctx).ok
    v = m14.BANK.check("q4", {**RECORD, "date": "2026-11-13"}, ctx)
    assert not v.ok and "2026-11-12" in v.reason_zh
    v = m14.BANK.check("q4", {**RECORD, "improvements": [{"action": "x", "owner": "", "due": "2027-01-01"}]}, ctx)
    assert not v.ok and "负责人" in v.reason_zh and "next co-visit" in v.reason_en
    v = m14.BANK.check("q4", decode(encode(debrief(RECORD))), _ctx())
    assert not v.ok and "exercise 3" in v.reason_en
    assert not m14.BANK.check("q4", 42, ctx).ok


# ----------------------------------------------------------------------------- helpers
def test_helpers_guard_unanswered_exercises(capsys):
    assert m14.plan_or_none(...) is None and m14.plan_or_none("x") is None
    assert m14.plan_or_none(decode(encode(plan_visit(PLAN, today=m14.TODAY)))).ok
    m14.plan_view(...)
    m14.debrief_view(...)
    assert m14.quiz_view(...) is None
    out = capsys.readouterr().out
    assert "练习 3" in out and "练习 4" in out and "练习 5" in out
    view = m14.quiz_view(QUIZ_RIGHT)
    assert view["正确"].tolist() == ["✓"] * 8
    assert m14.plot_steps().get_title() == "协同拜访四步走"
    assert m14.situations_table().shape == (6, 1)


# ----------------------------------------------------------------------------- forms
def _quiet(make):
    with contextlib.redirect_stdout(io.StringIO()):
        return make()


def _fill_plan(form) -> None:
    form.controls["distributor"].value = PLAN["distributor"]
    form.controls["rep"].value = PLAN["rep"]
    form.controls["date"].value = PLAN["date"]
    form.controls["debrief"].value = PLAN["debrief"]
    form.controls["preparation"].value = tuple(PLAN["preparation"])
    for row, call in zip(form.controls["calls"].cells, PLAN["calls"]):
        for field, value in call.items():
            row[field].value = value


def test_forms_write_literals_and_calls():
    scope = {"kl": kl}
    f1 = m14.steps_form()
    for n, name in enumerate(STEP_NAMES, start=1):
        f1.controls[str(n)].value = name
    exec(f1.line, scope)
    assert scope["q1"] == list(STEP_NAMES)
    f2 = m14.modes_form()
    for code, mode in MODES.items():
        f2.controls[code].value = mode
    exec(f2.line, scope)
    assert scope["q2"] == MODES
    f3 = _quiet(m14.plan_form)
    _fill_plan(f3)
    exec(f3.line, scope)
    assert scope["q3"].ok and scope["q3"].to_dict()["calls"][1]["customer"] == "五一店"
    assert len(scope["q3"].table) == 2                      # the empty rows are left out
    f4 = _quiet(lambda: m14.debrief_form(scope["q3"]))
    assert f4.controls["date"].value == "2026-11-12"
    f4.controls["well"].value = RECORD["well"]
    f4.controls["improve"].value = RECORD["improve"]
    f4.controls["next"].value = RECORD["next_covisit"]
    for field, value in RECORD["improvements"][0].items():
        f4.controls["improvements"].cells[0][field].value = value
    exec(f4.line, scope)
    assert scope["q4"].ok
    f5 = m14.quiz_form()
    for code, answer in QUIZ_RIGHT.items():
        f5.controls[code].value = answer
    exec(f5.line, scope)
    assert scope["q5"] == QUIZ_RIGHT
    answers = {k: scope[k] for k in ("q1", "q2", "q3", "q4", "q5")}
    verdicts = m14.BANK.grade(_recorded(answers), _ctx())
    assert all(v.ok for k, v in verdicts.items() if k != "q6")


def test_form_charts_carry_the_problems():
    f3 = _quiet(m14.plan_form)
    outputs = f3.output.outputs
    assert len(outputs) == 1 and "image/png" in outputs[0]["data"]


def test_forms_speak_english():
    kl.set_language("en")
    assert m14.steps_form().controls["1"].description == "Step 1"
    assert _quiet(m14.plan_form).controls["rep"].description == "distributor's rep"
    assert m14.quiz_form().controls["T1"].options[1][0] == "true"


def test_the_example_plan_reads_in_the_current_language():
    zh = plan_visit(m14.EXAMPLE_PLAN, today=m14.TODAY).messages()
    assert zh[2] == ("第 1 次拜访（浙和药店 延安店，09:00）是观察式，却排在第一次示范式拜访（浙仁堂连锁 解放店，10:30）之前。"
                     "先示范，业务员才能在随后的观察式拜访中运用。")
    assert "「看看业务员怎么谈」" in zh[1]
    kl.set_language("en")
    assert m14.EXAMPLE_PLAN["calls"][0]["objective"] == "see how the rep talks"
    en = plan_visit(m14.EXAMPLE_PLAN, today=m14.TODAY).messages()
    assert en[1:3] == [
        "Call 1 (浙和药店 延安店): the objective 'see how the rep talks' cannot be measured: name the result "
        "with a number, e.g. 'listing for 2 new SKUs', 'one floor display'.",
        "Call 1 (浙和药店 延安店, 09:00) is an observation call before the first demonstration "
        "(浙仁堂连锁 解放店, 10:30). Demonstrate first, so the rep can use it on the calls you then observe.",
    ]


# ----------------------------------------------------------------------------- the widget-only path
def _operate(key: str) -> str:
    """Cell source that works the form of *key* the way a trainee would."""
    return {
        "q1": "\n".join(f'form_q1.controls["{n}"].value = "{name}"' for n, name in enumerate(STEP_NAMES, start=1)),
        "q2": "\n".join(f'form_q2.controls["{s}"].value = "{m}"' for s, m in MODES.items()),
        "q3": "\n".join([
            'form_q3.controls["distributor"].value = "苏康医药商业"',
            'form_q3.controls["rep"].value = "业务员 赵刚"',
            'form_q3.controls["date"].value = "2026-11-20"',
            'form_q3.controls["preparation"].value = ("customer_info", "customer_issues", "agree_plan", "materials")',
            'rows = form_q3.controls["calls"].cells',
            'rows[0]["customer"].value = "浙和药店 延安店"',
            'rows[0]["mode"].value = "示范"',
            'rows[0]["objective"].value = "新品进 3 个单品"',
            'rows[1]["customer"].value = "浙仁堂连锁 解放店"',
            'rows[1]["mode"].value = "观察"',
            'rows[1]["objective"].value = "业务员讲卖点，约店员培训 1 次"',
            'rows[2]["customer"].value = "湘雅连锁 总部"',
            'rows[2]["mode"].value = "观察"',
            'rows[2]["objective"].value = "拿到 12 月堆头 2 个"',
            'form_q3.controls["debrief"].value = "2026-11-21 09:00"']),
        "q4": "\n".join([
            'assert form_q4.controls["date"].value == "2026-11-21"',
            'form_q4.controls["well"].value = "业务员准备充分"',
            'form_q4.controls["improve"].value = "异议处理偏弱"',
            'rows = form_q4.controls["improvements"].cells',
            'rows[0]["action"].value = "练习 3 个常见异议的回答"',
            'rows[0]["owner"].value = "业务员 赵刚"',
            'rows[0]["due"].value = "2026-12-05"',
            'rows[1]["action"].value = "提供竞品对比资料"',
            'rows[1]["owner"].value = "区域经理 王敏"',
            'rows[1]["due"].value = "2026-11-28"',
            'form_q4.controls["next"].value = "2026-12-18"']),
        "q5": "\n".join(f'form_q5.controls["{c}"].value = {a}' for c, a in QUIZ_RIGHT.items()),
    }[key]


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m14", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in ("q1", "q2", "q3", "q4", "q5")},
        literals={"q6": 'q6 = "下次先和经销商一起定目标，先示范后观察，当天总结。"'})
    assert cell_errors(executed) == []
    assert set(answers) == set(m14.BANK.keys())
    assert m14.plan_or_none(answers["q3"]).distributor == "苏康医药商业"
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 12.0
