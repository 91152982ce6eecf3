"""m08 课程总结与行动规划: question bank, helpers, forms, and the widget-only path of the notebook."""

from __future__ import annotations

import contextlib
import io

import pytest

import kamlab as kl
from kamlab.course import m08
from kamlab.grading import Context, decode, encode

from workbook_runs import cell_errors, lost_points, run_answered

HIDDEN = 5
LAYERS = {"m01": "基础层", "m02": "基础层", "m03": "执行层", "m04": "执行层", "m05": "执行层", "m06": "执行层",
          "m07": "优化层"}
TASKS = [
    {"task": "C34 逐店补铺", "module": "m07", "finding": "C34 铺货率 55%", "owner": "KA经理 王敏",
     "measure": "铺货率到 80%", "start": "2026-11-05", "due": "2027-01-20"},
    {"task": "C18 阶梯激励", "module": "m06", "finding": "阶梯激励 2 档", "owner": "区域主管 李娜",
     "measure": "试点 30 家门店", "start": "2026-11-10", "due": "2027-01-25"},
    {"task": "重排客户分层", "module": "m02", "finding": "重点客户 C18", "owner": "KA经理 王敏",
     "measure": "8 家客户有服务包", "start": "2026-11-15", "due": "2026-12-31"},
]
CHECKPOINTS = ["2026-11-30", "2026-12-31", "2027-01-29"]


def _ctx(variant: int = 0, **answers) -> Context:
    return Context("m08", variant=variant, answers=answers)


def _plan(tasks=TASKS, checkpoints=CHECKPOINTS) -> dict:
    return {"tasks": [dict(t) for t in tasks], "checkpoints": list(checkpoints)}


def _answers() -> dict:
    q2 = _plan()
    return {"q1": dict(LAYERS), "q2": q2,
            "q3": {"modules": {t["task"]: t["module"] for t in TASKS}, "why": ""},
            "q4": kl.actionplan.outcome_tree({}, plan=q2), "q5": "三个月后铺货率到 80%。"}


def _recorded(answers: dict) -> dict:
    return {k: decode(encode(v)) for k, v in answers.items()}


# ----------------------------------------------------------------------------- structure
def test_bank_structure():
    bank = m08.BANK
    assert bank.module == "m08" and bank.keys() == ["q1", "q2", "q3", "q4", "q5"]
    assert bank.total_points == 13.0
    assert [q.key for q in bank.questions if q.manual] == ["q5"]
    assert all(q.hint[0] and q.hint[1] for q in bank.questions if not q.manual)
    assert m08.TODAY == kl.actionplan.TODAY == kl.course.m01.TODAY
    assert kl.course.get_bank("m08") is bank


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_own_answers_get_full_marks_on_any_variant(variant):
    verdicts = m08.BANK.grade(_recorded(_answers()), _ctx(variant))
    lost = {k: v.reason_en for k, v in verdicts.items() if not v.ok and not v.manual}
    assert lost == {}
    assert sum(v.score for v in verdicts.values()) == 10.0


# ----------------------------------------------------------------------------- q1 quiz
def test_q1_layers_partial_credit():
    assert m08.BANK.check("q1", {"m1": "base", "m02": "Base layer", "m03": "执行", "m04": "execution",
                                 "m05": "执行层", "m06": "执行层", "m07": "optimisation"}, _ctx()).ok
    wrong = {**LAYERS, "m07": "执行层", "m02": None}
    v = m08.BANK.check("q1", wrong, _ctx())
    assert not v.ok and v.score == pytest.approx(2 * 5 / 7) and "2" in v.reason_zh
    assert not m08.BANK.check("q1", ["基础层"] * 7, _ctx()).ok


# ----------------------------------------------------------------------------- q2 structure
def test_q2_plan_validates_on_the_course_date():
    assert m08.BANK.check("q2", _plan(), _ctx()).ok
    assert m08.BANK.check("q2", kl.actionplan.ActionPlan(_plan()), _ctx()).ok
    same = [dict(t) for t in TASKS]
    same[2]["module"] = "m07"                                   # a warning costs nothing
    assert m08.BANK.check("q2", _plan(same), _ctx()).ok
    late = [dict(t) for t in TASKS]
    late[0].update(owner="", due="2027-03-01")
    v = m08.BANK.check("q2", _plan(late), _ctx())
    assert not v.ok and v.score == 0 and "负责人" in v.reason_zh and "beyond 3 months" in v.reason_en
    v = m08.BANK.check("q2", _plan(TASKS[:2], []), _ctx())
    assert not v.ok and "2 tasks" in v.reason_en and "checkpoints" in v.reason_en and "。；" not in v.reason_zh
    v = m08.BANK.check("q2", {"tasks": TASKS, "checkpionts": []}, _ctx())
    assert not v.ok and "malformed" in v.reason_en
    assert not m08.BANK.check("q2", "三项任务", _ctx()).ok


# ----------------------------------------------------------------------------- q3 consistency
def test_q3_modules_must_match_the_plan_and_cover_the_layers():
    ctx = _ctx(q2=_plan())
    good = {"modules": {"C34 逐店补铺": "m7", "C18 阶梯激励": "m06", "重排客户分层": "客户精准筛选"}, "why": ""}
    assert m08.BANK.check("q3", good, ctx).ok
    v = m08.BANK.check("q3", {"modules": {**good["modules"], "C18 阶梯激励": "m05"}, "why": ""}, ctx)
    assert not v.ok and v.score == pytest.approx(2 * 0.5 * 2 / 3) and "1" in v.reason_en
    # a plan on two layers only: full marks with a reason, half without
    two = [dict(t) for t in TASKS]
    two[2]["module"] = "m05"
    ctx2 = _ctx(q2=_plan(two))
    mods = {t["task"]: t["module"] for t in two}
    v = m08.BANK.check("q3", {"modules": mods, "why": ""}, ctx2)
    assert not v.ok and v.score == 1.0 and "基础层" in v.reason_zh
    assert m08.BANK.check("q3", {"modules": mods, "why": "客户分层已在上季度做完，本季度先抓执行。"}, ctx2).ok
    v = m08.BANK.check("q3", good, _ctx())
    assert not v.ok and "exercise 2" in v.reason_en
    assert not m08.BANK.check("q3", {"C34 逐店补铺": "m07"}, ctx).ok


# ----------------------------------------------------------------------------- q4 structure
def test_q4_tree_structure():
    full = {"m02": {"q5": "C18"}, "m07": {"q6": {"root_cause": "铺货", "evidence": [{"group": "C34"}]}}}
    for tree in (kl.actionplan.outcome_tree({}), kl.actionplan.outcome_tree(full, plan=_plan())):
        assert m08.BANK.check("q4", decode(encode(tree)), _ctx()).ok
    kl.set_language("en")
    assert m08.BANK.check("q4", decode(encode(kl.actionplan.outcome_tree({}))), _ctx()).ok
    kl.set_language("zh")
    forged = kl.actionplan.outcome_tree({}).table.copy()
    forged.loc["m07", "parent"] = "execution"
    v = m08.BANK.check("q4", forged, _ctx())
    assert not v.ok and "outcome_tree" in v.reason_en
    cut = kl.actionplan.outcome_tree({}).table.drop(index="m03.result")
    assert not m08.BANK.check("q4", cut, _ctx()).ok
    assert not m08.BANK.check("q4", {"m02": "C18"}, _ctx()).ok


# ----------------------------------------------------------------------------- helpers and forms
def _quiet(make):
    with contextlib.redirect_stdout(io.StringIO()):
        return make()


def test_helpers_guard_unanswered_exercises(capsys):
    assert m08.plan_or_none(...) is None
    m08.plan_view(...)
    m08.coverage_view(...)
    m08.tree_view(...)
    out = capsys.readouterr().out
    assert "练习 2" in out and "练习 4" in out
    assert m08.key_account(None, kl.actionplan.collect_answers("/nonexistent")) is None
    m08.plan_view(_plan())
    assert "计划完整" in capsys.readouterr().out


def test_forms_write_literals_and_calls():
    scope = {"kl": kl, "answers_folder": "/nonexistent", "account": None}
    f1 = m08.layers_form()
    for m, layer in LAYERS.items():
        f1.controls[m].value = layer
    exec(f1.line, scope)
    assert scope["q1"] == LAYERS
    f2 = _quiet(m08.plan_form)
    for row, task in zip(f2.controls["tasks"].cells, TASKS):
        for field, value in task.items():
            row[field].value = value
    f2.controls["checkpoints"].value = "2026-11-30，2026-12-31, 2027-01-29"
    exec(f2.line, scope)
    assert scope["q2"] == _plan()
    f3 = _quiet(lambda: m08.modules_form(scope["q2"]))
    exec(f3.line, scope)
    assert scope["q3"] == {"modules": {t["task"]: t["module"] for t in TASKS}, "why": ""}
    f4 = _quiet(lambda: m08.tree_form(kl.actionplan.collect_answers("/nonexistent"), scope["q2"]))
    exec(f4.line, scope)
    assert "task3" in scope["q4"].table.index
    f4.controls["plan"].value = False
    assert "plan=q2" not in f4.line
    assert m08.BANK.check("q3", scope["q3"], _ctx(q2=scope["q2"])).ok


def test_forms_speak_english():
    kl.set_language("en")
    assert m08.layers_form().controls["m07"].description == "m07 Core data review"
    form = _quiet(m08.plan_form)
    assert form.controls["checkpoints"].description == "Monthly reviews"


# ----------------------------------------------------------------------------- the widget-only path
def _operate(key: str) -> str:
    """Cell source that works the form of *key* the way a trainee would."""
    if key == "q1":
        return "\n".join(f'form_q1.controls["{m}"].value = "{layer}"' for m, layer in LAYERS.items())
    if key == "q2":
        lines = ['rows = form_q2.controls["tasks"].cells']
        for i, task in enumerate(TASKS):
            lines += [f'rows[{i}]["{f}"].value = "{v}"' for f, v in task.items()]
        lines.append('form_q2.controls["checkpoints"].value = "2026-11-30, 2026-12-31, 2027-01-29"')
        return "\n".join(lines)
    if key == "q3":
        return 'form_q3.controls["why"].value = ""'
    return 'form_q4.controls["plan"].value = True'


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m08", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in ("q1", "q2", "q3", "q4")},
        literals={"q5": 'q5 = "三个月后 C34 铺货率到 80%，每月底在小组里分享进展。"'})
    assert cell_errors(executed) == []
    assert set(answers) == set(m08.BANK.keys())
    assert answers["q2"] == _plan()
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 10.0
