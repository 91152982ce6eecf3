"""kamlab.actionplan: layers, plan validation (one test per rule), outcome tree, collect_answers, bad input."""

from __future__ import annotations

import copy
import json

import nbformat
import pandas as pd
import pytest

import kamlab as kl
from kamlab._errors import BadSpecError, BadValueError
from kamlab.actionplan import (ActionPlan, collect_answers, errors, layer_of, outcome_tree, summary_layers,
                               validate)
from kamlab.grading import ANSWER_MIME, encode

TODAY = "2026-11-01"


def _task(**over):
    base = {"task": "C34 补铺", "module": "m07", "finding": "C34 铺货率 55%", "owner": "张伟",
            "measure": "铺货率到 80%", "start": "2026-11-05", "due": "2027-01-15"}
    base.update(over)
    return base


def _plan(**over):
    tasks = [_task(), _task(task="C18 店员激励", module="m06", finding="阶梯激励"),
             _task(task="重排分层", module="m02", finding="重点客户 C18", due="2026-12-31")]
    plan = {"tasks": tasks, "checkpoints": ["2026-11-30", "2026-12-31", "2027-01-29"]}
    plan.update(over)
    return plan


def _codes(plan, today=TODAY):
    return [p.code for p in validate(plan, today=today)]


# ----------------------------------------------------------------------------- layers
def test_three_layers_hold_the_seven_modules():
    t = summary_layers().table
    assert t.index.tolist() == ["m01", "m02", "m03", "m04", "m05", "m06", "m07"]
    assert t["layer_code"].tolist() == ["base", "base"] + ["execution"] * 4 + ["optimisation"]
    assert [layer_of(m) for m in ("m1", "M04", "核心数据复盘")] == ["base", "execution", "optimisation"]
    kl.set_language("en")
    assert summary_layers().table.loc["m03", "layer"] == "Execution layer"
    assert summary_layers().plot().get_title() == "Course summary: the three layers"


# ----------------------------------------------------------------------------- validation rules
def test_a_sound_plan_has_no_problem():
    assert validate(_plan(), today=TODAY) == []
    assert validate(ActionPlan(_plan()), today=TODAY) == []


def test_exactly_three_tasks():
    plan = _plan()
    plan["tasks"] = plan["tasks"][:2]
    assert _codes(plan) == ["count"]
    plan["tasks"] = _plan()["tasks"] + [_task(module="m03")]
    assert _codes(plan) == ["count"]


def test_missing_owner_names_task_and_field():
    plan = _plan()
    plan["tasks"][1]["owner"] = " "
    (p,) = validate(plan, today=TODAY)
    assert (p.code, p.item, p.field) == ("no_owner", 2, "owner")
    assert "第 2 项" in p.zh and "owner" in p.zh and "Task 2" in p.en and "owner" in p.en


def test_measure_must_hold_a_number():
    plan = _plan()
    plan["tasks"][0]["measure"] = "提高铺货"
    plan["tasks"][2]["measure"] = ""
    assert _codes(plan) == ["not_measurable", "no_measure"]


def test_dates_before_start_past_and_beyond_90_days():
    plan = _plan()
    plan["tasks"][0].update(start="2026-12-01", due="2026-11-20")       # due before start
    plan["tasks"][1].update(start="2026-10-01", due="2026-10-20")       # in the past
    plan["tasks"][2].update(due="2027-01-31")                           # day 91
    assert _codes(plan) == ["due_before_start", "due_past", "due_far"]
    plan["tasks"][2].update(due="2027-01-30")                           # day 90 is fine
    plan["tasks"][0].update(start="下周", due="月底")
    assert _codes(plan) == ["bad_start", "bad_due", "due_past"]


def test_task_must_be_tied_to_a_module_and_finding():
    plan = _plan()
    plan["tasks"][0]["module"] = ""
    plan["tasks"][1]["module"] = "m09"
    plan["tasks"][2]["finding"] = None
    problems = validate(plan, today=TODAY)
    assert [p.code for p in problems] == ["no_module", "no_module", "no_finding"]
    assert "'m09'" in problems[1].zh and "m01-m07" in problems[1].en


def test_two_tasks_on_one_module_only_warn():
    plan = _plan()
    plan["tasks"][2]["module"] = "m07"
    problems = validate(plan, today=TODAY)
    assert [(p.code, p.severity) for p in problems] == [("same_module", "warning")]
    assert errors(problems) == []


def test_monthly_checkpoints():
    assert _codes(_plan(checkpoints=[])) == ["no_checkpoint"]
    assert _codes({"tasks": _plan()["tasks"]}) == ["no_checkpoint"]
    assert _codes(_plan(checkpoints=["2026-11-30", "2027-01-29"])) == ["checkpoint_gap"]
    gap = validate(_plan(checkpoints=["2026-11-30", "2027-01-29"]), today=TODAY)[0]
    assert gap.item == 2 and "2026-12-02" in gap.zh and "2027-01-01" in gap.en
    assert _codes(_plan(checkpoints=["2026-11-01", "2026-12-31", "2027-01-29", "2027-02-02"])) == \
        ["bad_checkpoint", "bad_checkpoint", "checkpoint_gap"]
    assert _codes(_plan(checkpoints=["2026-12-01", "2027-01-01", "2027-02-01"])) == []   # month ends


def test_input_is_not_modified_and_chinese_keys_work():
    plan = _plan()
    before = copy.deepcopy(plan)
    ap = ActionPlan(plan)
    validate(plan, today=TODAY)
    ap.plot()
    assert plan == before
    zh = {"任务": "补铺", "模块": "M7", "发现": "铺货率低", "负责人": "张伟", "衡量标准": "铺货率到 80%",
          "开始": "2026-11-05", "完成日期": "2027-01-15"}
    table = ActionPlan([zh], checkpoints=["2026-11-30"]).table
    assert table.loc[1, ["module", "layer", "days"]].tolist() == ["m07", "optimisation", 71]


def test_plan_records_as_its_literal():
    from kamlab.grading import decode

    ap = ActionPlan(_plan())
    back = decode(encode(ap))
    assert type(back) is dict and back == dict(ap) and validate(back, today=TODAY) == []


def test_gantt_chart():
    ax = ActionPlan(_plan()).plot(today=TODAY)
    assert ax.get_title() == "3 个月行动计划（2026-11-01 起）"
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "1. [m07] C34 补铺"


# ----------------------------------------------------------------------------- outcome tree
FULL = {
    "m01": {"q4": ["信息收集与机会洞察", "核心数据复盘"]},
    "m02": {"q5": "C18"},
    "m03": {"q5": ["N143", "N144"], "q3": pd.DataFrame({"need": ["店员激励", "陈列"]},
                                                       index=pd.Index(["N143", "N144"], name="need_id"))},
    "m04": {"q2": {"lines": [{}, {}, {}], "budget": 40}},
    "m05": {"q4": {"u_us": 70.12, "u_them": 36.5}},
    "m06": {"q2": {"tiers": [{}, {}]}, "q5": 0.0444},
    "m07": {"q6": {"root_cause": "铺货", "evidence": [{"group": "C34"}]}},
}


def test_tree_from_full_answers():
    t = outcome_tree(FULL).table
    assert len(t) == 1 + 3 + 7 + 7
    assert t.loc["course", "label"] == "整合资源，提升动销"
    assert [t.loc[m, "parent"] for m in ("m01", "m03", "m07")] == ["base", "execution", "optimisation"]
    labels = t.loc[[f"m0{i}.result" for i in range(1, 8)], "label"].tolist()
    assert labels == ["盲区：信息收集与机会洞察、核心数据复盘", "重点客户：C18", "高价值机会：店员激励、陈列",
                      "服务包：3 条需求线，预算 40 万元", "协议方案：我方效用 70.1，对方 36.5",
                      "阶梯激励 2 档，费用占增量 4.4%", "根因：铺货（C34）"]
    assert t["done"].all()


def test_tree_from_partial_and_empty_answers():
    partial = outcome_tree({"m02": {"q5": "C18"}, "m05": {"q7": "text only"}, "m06": None}).table
    assert partial.loc["m02.result", "label"] == "重点客户：C18"
    assert partial.loc["m05.result", "label"] == "已作答 1 题，没有找到练习 4（协议方案）的答案"  # says what is missing
    assert partial.loc["m03.result", "label"] == "未完成" and not partial.loc["m03", "done"]
    empty = outcome_tree({}).table
    assert (empty.loc[empty["kind"] == "result", "label"] == "未完成").all()
    assert outcome_tree({}, account="C07").table.loc["m02.result", "label"] == "重点客户：C07（参数）"
    kl.set_language("en")
    assert outcome_tree({}).table.loc["m07.result", "label"] == "not done"


def test_tree_hangs_the_plan_tasks_under_their_modules():
    t = outcome_tree(FULL, plan=_plan()).table
    assert t.loc["task1", ["parent", "label"]].tolist() == ["m07", "任务 1：C34 补铺"]
    assert t.loc["task3", "parent"] == "m02"
    assert len(outcome_tree(FULL, plan=...).table) == 18
    assert len(outcome_tree(FULL, plan="not a plan").table) == 18
    assert outcome_tree(FULL, plan=_plan()).plot().get_title() == "大客户动销学习成果树"


def test_tree_does_not_modify_answers():
    before = copy.deepcopy({k: {q: v for q, v in a.items() if q != "q3"} for k, a in FULL.items()})
    outcome_tree(FULL, plan=_plan())
    assert {k: {q: v for q, v in a.items() if q != "q3"} for k, a in FULL.items()} == before


# ----------------------------------------------------------------------------- collect_answers
def _notebook(module, answers, *, meta=True):
    nb = nbformat.v4.new_notebook()
    if meta:
        nb.metadata["kamlab"] = {"module": module}
    cell = nbformat.v4.new_code_cell("wb.check(...)")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        ANSWER_MIME: {"module": module, "key": k, "answer": encode(v)}, "text/plain": "✓"})
        for k, v in answers.items()]
    nb.cells = [cell]
    return nbformat.writes(nb)


def test_collect_answers_from_a_folder(tmp_path):
    (tmp_path / "m02_screening.ipynb").write_text(_notebook("m02", {"q5": "C18", "q3": ["C18", "C22"]}),
                                                  encoding="utf-8")
    (tmp_path / "m07_data_review.ipynb").write_text(
        _notebook("m07", {"q6": {"root_cause": "铺货", "evidence": [{"group": "C34"}]}}, meta=False),
        encoding="utf-8")
    (tmp_path / "m03_opportunity.ipynb").write_text("{ not json", encoding="utf-8")       # corrupt
    (tmp_path / "m04_copy.ipynb").write_text(_notebook("m11", {"q1": 1}), encoding="utf-8")  # other module
    (tmp_path / "m08_action_plan.ipynb").write_text(_notebook("m08", {"q1": {}}), encoding="utf-8")  # itself
    (tmp_path / "m05_empty.ipynb").write_text(_notebook("m05", {}), encoding="utf-8")
    (tmp_path / "m02_old.ipynb").write_text(_notebook("m02", {"q5": "C01"}), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    res = collect_answers(tmp_path)
    assert set(res.answers) == {"m02", "m07"}
    assert res.answers["m02"]["q5"] == "C18"                           # the notebook with the most answers
    assert res.table.loc["m02", ["file", "answered"]].tolist() == ["m02_screening.ipynb", 2]
    assert res.table.loc["m03", "answered"] == 0
    notes = "\n".join(res.notes)
    assert "m03_opportunity.ipynb" in notes and "m04_copy.ipynb" in notes and "m11" in notes
    assert "m05_empty.ipynb" in notes and "m02_screening.ipynb" in notes
    assert "m08" not in notes
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before   # nothing written
    tree = outcome_tree(res).table
    assert tree.loc["m07.result", "label"] == "根因：铺货（C34）"
    assert tree.loc["m03.result", "label"] == "未完成"


def test_collect_answers_never_raises_for_files(tmp_path):
    assert collect_answers(tmp_path / "missing").answers == {}
    assert "不存在" in collect_answers(tmp_path / "missing").notes[0]
    (tmp_path / "m01_role.ipynb").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "m06_x.ipynb").write_text(json.dumps([1, 2]), encoding="utf-8")
    res = collect_answers(str(tmp_path))
    assert res.answers == {} and len(res.notes) == 2


# ----------------------------------------------------------------------------- bad input
@pytest.mark.parametrize("make, cls, column, row, zh, en", [
    (lambda: ActionPlan("补铺"), BadSpecError, "tasks", None, "tasks", "tasks"),
    (lambda: ActionPlan([_task(), "补铺"]), BadSpecError, "tasks", 2, "第 2 项", "Task 2"),
    (lambda: ActionPlan([_task(), _task(), {**_task(), "ownr": "x"}]), BadSpecError, "ownr", 3, "owner", "owner"),
    (lambda: ActionPlan([{**_task(), "owner": ["张伟", "李娜"]}]), BadValueError, "owner", 1, "第 1 项", "Task 1"),
    (lambda: ActionPlan([_task()], checkpoints=5), BadSpecError, "checkpoints", None, "checkpoints", "checkpoints"),
    (lambda: validate(_plan(), today="明天"), BadSpecError, "today", None, "today", "today"),
    (lambda: validate({"tasks": [], "checkpoint": []}), BadSpecError, "checkpoint", None, "checkpoints", "checkpoints"),
    (lambda: outcome_tree(["m02"]), BadSpecError, "answers_by_module", None, "answers_by_module", "answers_by_module"),
    (lambda: outcome_tree({"m2x": {}}), BadSpecError, "answers_by_module", None, "m01–m07", "m01-m07"),
    (lambda: outcome_tree({"m03": ["N1"]}), BadSpecError, "m03", None, "m03", "m03"),
    (lambda: collect_answers(3), BadSpecError, "folder", None, "folder", "folder"),
])
def test_bad_input_one_clear_bilingual_error(make, cls, column, row, zh, en):
    with pytest.raises(cls) as info:
        make()
    err = info.value
    assert err.column == column and err.row == row
    assert zh in err.zh and en in err.en
    if row is not None:
        assert str(row) in err.zh and str(row) in err.en
