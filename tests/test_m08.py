"""m08 课程总结与行动规划: question bank, helpers, forms, and the widget-only path of the notebook.

q1 (layers), q2 (draft tasks that do not qualify) and q4 (layers the plan covers) are literal decisions;
q3 is the plan, checked on the course date; q5 is scored by hand with a rubric.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

import kamlab as kl
from kamlab.course import m08
from kamlab.grading import Context, decode, encode
from kamlab.widgets import randomize_form

from workbook_runs import cell_errors, lost_points, run_answered

HIDDEN = 5
ROOT = Path(__file__).resolve().parents[1]
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
    return {"q1": dict(LAYERS), "q2": ["T2", "T3", "T5"], "q3": _plan(), "q4": ["基础层", "执行层", "优化层"],
            "q5": "三个月后铺货率到 80%。"}


def _recorded(answers: dict) -> dict:
    return {k: decode(encode(v)) for k, v in answers.items()}


AUTO = {"q1": (True, 2.0), "q2": (True, 3.0), "q3": (True, 4.0), "q4": (True, 2.0)}


# ----------------------------------------------------------------------------- structure
def test_bank_structure():
    bank = m08.BANK
    assert bank.module == "m08" and bank.keys() == ["q1", "q2", "q3", "q4", "q5"]
    assert bank.total_points == 14.0
    assert [q.key for q in bank.questions if q.manual] == ["q5"] and bank.get("q5").rubric
    assert [q.key for q in bank.questions if q.read] == ["q2", "q4"]
    assert all(q.hint[0] and q.hint[1] for q in bank.questions if not q.manual)
    assert m08.TODAY == kl.actionplan.TODAY == kl.course.m01.TODAY
    assert kl.course.get_bank("m08") is bank


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_own_answers_get_full_marks_on_any_variant(variant):
    verdicts = m08.BANK.grade(_recorded(_answers()), _ctx(variant))
    assert {k: (v.ok, v.score) for k, v in verdicts.items() if not v.manual} == AUTO


# ----------------------------------------------------------------------------- q1 layers
def test_q1_layers_name_the_misplaced_module():
    assert m08.BANK.check("q1", {"m1": "base", "m02": "Base layer", "m03": "执行", "m04": "execution",
                                 "m05": "执行层", "m06": "执行层", "m07": "optimisation"}, _ctx()).ok
    v = m08.BANK.check("q1", {**LAYERS, "m07": "执行层"}, _ctx())
    assert not v.ok and v.score == pytest.approx(2 * 6 / 7) and "m07 不属于执行层" in v.reason_zh
    v = m08.BANK.check("q1", {**LAYERS, "m02": None}, _ctx())
    assert not v.ok and v.score == 0 and "没有选层" in v.reason_zh
    assert not m08.BANK.check("q1", ["基础层"] * 7, _ctx()).ok


# ----------------------------------------------------------------------------- q2 draft tasks
def test_q2_the_drafts_that_cannot_land():
    assert m08.not_ready() == ["T2", "T3", "T5"]
    problems = m08.candidate_problems()
    assert any("负责人" in p for p in problems["T2"]) and any("3 个月" in p for p in problems["T3"])
    assert m08.BANK.check("q2", ["T5", "T2", "T3"], _ctx()).ok
    v = m08.BANK.check("q2", ["T2", "T3", "T5", "T1"], _ctx())
    assert not v.ok and "T1" in v.reason_zh and "合格" in v.reason_zh
    assert "漏了 1 项" in m08.BANK.check("q2", ["T2", "T3"], _ctx()).reason_zh
    assert "还没有勾选" in m08.BANK.check("q2", [], _ctx()).reason_zh
    assert "T9" in m08.BANK.check("q2", ["T9"], _ctx()).reason_zh


# ----------------------------------------------------------------------------- q3 plan
def test_q3_plan_validates_on_the_course_date():
    assert m08.BANK.check("q3", _plan(), _ctx()).ok
    assert m08.BANK.check("q3", kl.actionplan.ActionPlan(_plan()), _ctx()).ok
    same = [dict(t) for t in TASKS]
    same[2]["module"] = "m07"                                   # a warning costs nothing
    assert m08.BANK.check("q3", _plan(same), _ctx()).ok
    late = [dict(t) for t in TASKS]
    late[0].update(owner="", due="2027-03-01")
    v = m08.BANK.check("q3", _plan(late), _ctx())
    assert not v.ok and v.score == 0 and "负责人" in v.reason_zh and "beyond 3 months" in v.reason_en
    v = m08.BANK.check("q3", _plan(TASKS[:2], []), _ctx())
    assert not v.ok and "2 tasks" in v.reason_en and "checkpoints" in v.reason_en and "。；" not in v.reason_zh
    v = m08.BANK.check("q3", {"tasks": TASKS, "checkpionts": []}, _ctx())
    assert not v.ok and "malformed" in v.reason_en
    assert not m08.BANK.check("q3", "三项任务", _ctx()).ok


# ----------------------------------------------------------------------------- q4 coverage
def test_q4_the_layers_are_read_from_the_trainees_own_plan():
    ctx = _ctx(q3=_plan())
    assert m08.BANK.check("q4", ["optimisation", "执行层", "Base layer"], ctx).ok
    two = [dict(t) for t in TASKS]
    two[2]["module"] = "m05"                                   # no base-layer task left
    ctx2 = _ctx(q3=_plan(two))
    assert m08.plan_layers(_plan(two)) == ["execution", "optimisation"]
    v = m08.BANK.check("q4", ["基础层", "执行层", "优化层"], ctx2)
    assert not v.ok and "基础层" in v.reason_zh and "m01" in v.reason_zh
    assert m08.BANK.check("q4", ["执行层", "优化层"], ctx2).ok
    v = m08.BANK.check("q4", ["执行层"], ctx2)
    assert not v.ok and "C34 逐店补铺" in v.reason_zh
    assert "练习 3" in m08.BANK.check("q4", ["执行层"], _ctx()).reason_zh
    assert "还没有勾选" in m08.BANK.check("q4", [], ctx).reason_zh
    assert "不是三层之一" in m08.BANK.check("q4", ["顶层"], ctx).reason_zh


# ----------------------------------------------------------------------------- summary of m01-m07
def test_the_summary_says_what_is_missing():
    got = kl.actionplan.key_result("m05", {"q7": "聚焦利益"})
    assert got == "已作答 1 题，没有找到练习 4（协议方案）的答案"
    assert kl.actionplan.key_result("m05", {"q4": {"回款账期": "60天", "年度分销数量": "12万盒"}}) == \
        "协议方案：回款账期 60天、年度分销数量 12万盒"
    table = kl.actionplan.collect_answers("/nonexistent").table
    assert table["result"].eq("—").all()


def test_the_solution_notebooks_are_summarised():
    collected = kl.actionplan.collect_answers(ROOT / "solutions")
    results = collected.table["result"]
    assert results["m02"] == "重点客户：C18" and results["m04"].startswith("服务包：3 条需求线")
    assert all(r != "—" for r in results), results.to_dict()


# ----------------------------------------------------------------------------- helpers and forms
def _quiet(make):
    with contextlib.redirect_stdout(io.StringIO()):
        return make()


def test_helpers_guard_unanswered_exercises(capsys):
    assert m08.plan_or_none(...) is None
    m08.plan_view(...)
    m08.coverage_chart(...)
    assert "练习 3" in capsys.readouterr().out
    assert m08.key_account(None, kl.actionplan.collect_answers("/nonexistent")) is None
    m08.plan_view(_plan())
    assert "计划完整" in capsys.readouterr().out
    tree = _quiet(lambda: m08.tree_view(kl.actionplan.collect_answers("/nonexistent"), _plan()))
    assert "task3" in tree.table.index


def test_forms_start_neutral_and_write_literals():
    scope = {"kl": kl}
    f1 = m08.layers_form()
    assert not m08.BANK.check("q1", eval(f1.line.split(" = ", 1)[1]), _ctx()).ok
    for m, layer in LAYERS.items():
        f1.controls[m].value = layer
    exec(f1.line, scope)
    assert scope["q1"] == LAYERS
    f2 = _quiet(m08.candidates_form)
    assert f2.line == "q2 = []" and "已勾选 0 项" in f2.text
    f2.controls["tasks"].tick(["T2", "T5"])
    assert f2.line == 'q2 = ["T2", "T5"]' and "T2、T5" in f2.text
    f3 = _quiet(m08.plan_form)
    for row, task in zip(f3.controls["tasks"].cells, TASKS):
        for field, value in task.items():
            row[field].value = value
    f3.controls["checkpoints"].value = "2026-11-30，2026-12-31, 2027-01-29"
    exec(f3.line, scope)
    assert scope["q3"] == _plan() and "计划完整" in f3.text
    f4 = _quiet(lambda: m08.coverage_form(scope["q3"]))
    assert f4.line == "q4 = []"
    f4.controls["layers"].tick(["基础层", "优化层"])
    assert "基础层、优化层" in f4.text


def test_random_settings_rarely_pass():
    import random
    rng = random.Random(1)
    f2 = _quiet(m08.candidates_form)
    f4 = _quiet(lambda: m08.coverage_form(_plan()))
    q2 = q4 = 0
    for _ in range(40):
        randomize_form(f2, rng)
        randomize_form(f4, rng)
        a2, a4 = eval(f2.line.split(" = ", 1)[1]), eval(f4.line.split(" = ", 1)[1])
        q2 += m08.BANK.check("q2", a2, _ctx()).ok
        q4 += m08.BANK.check("q4", a4, _ctx(q3=_plan())).ok
    assert q2 <= 4 and q4 <= 16


def test_forms_speak_english():
    kl.set_language("en")
    assert m08.layers_form().controls["m07"].description == "m07 Core data review"
    form = _quiet(m08.plan_form)
    assert form.controls["checkpoints"].description == "Monthly reviews"
    assert m08.candidates_table().columns[0] == "task"
    assert kl.actionplan.collect_answers("/nonexistent").shown().columns[-1] == "key result (or what is missing)"


# ----------------------------------------------------------------------------- the widget-only path
def _operate(key: str) -> str:
    """Cell source that works the form of *key* the way a trainee would."""
    if key == "q1":
        return "\n".join(f'form_q1.controls["{m}"].value = "{layer}"' for m, layer in LAYERS.items())
    if key == "q2":   # the trainee reads the table: no owner, no number, due after 3 months
        return 'form_q2.controls["tasks"].tick(["T2", "T3", "T5"])'
    if key == "q3":
        lines = ['rows = form_q3.controls["tasks"].cells']
        for i, task in enumerate(TASKS):
            lines += [f'rows[{i}]["{f}"].value = "{v}"' for f, v in task.items()]
        lines.append('form_q3.controls["checkpoints"].value = "2026-11-30, 2026-12-31, 2027-01-29"')
        return "\n".join(lines)
    return 'form_q4.controls["layers"].tick(["基础层", "执行层", "优化层"])'


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m08", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in ("q1", "q2", "q3", "q4")},
        literals={"q5": 'q5 = "三个月后 C34 铺货率到 80%，每月底在小组里分享进展。"'})
    assert cell_errors(executed) == []
    assert set(answers) == set(m08.BANK.keys())
    assert answers["q3"] == _plan()
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 11.0
