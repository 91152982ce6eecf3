"""kamlab.covisit: the model, each plan and debrief rule, quiz scoring, bad input, inputs left alone."""

from __future__ import annotations

import copy
import re

import pandas as pd
import pytest

import kamlab as kl
from kamlab import BadSpecError, BadValueError, KamlabInputError
from kamlab.covisit import (MISCONCEPTIONS, MODES, PREPARATION, QUIZ, STEPS, check_quiz, debrief, mode_code,
                            modes_table, plan_from_table, plan_visit, record_from_table, step_code, steps_table)

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{4,}")
TODAY = "2026-11-01"
PREP = [p.code for p in PREPARATION]


def good_plan() -> dict:
    return {"distributor": "浙瑞医药商业", "rep": "业务员 李强", "date": "2026-11-12", "preparation": list(PREP),
            "calls": [{"customer": "解放店", "time": "09:00", "mode": "示范", "objective": "新品进 2 个单品"},
                      {"customer": "五一店", "time": "10:30", "mode": "观察", "objective": "约定店员培训 1 次"},
                      {"customer": "芙蓉店", "time": "14:00", "mode": "观察", "objective": "拿到堆头 1 个"}],
            "debrief": "2026-11-12 17:00"}


def good_record() -> dict:
    return {"date": "2026-11-12", "well": ["开场先问店长的困难"], "improve": ["没提陈列要求"],
            "improvements": [{"action": "每次拜访提 1 个陈列要求", "owner": "业务员 李强", "due": "2026-11-26"},
                             {"action": "做竞品价格对比表", "owner": "区域经理 王敏", "due": "2026-11-19"}],
            "next_covisit": "2026-12-10"}


def codes(res) -> list[tuple[str, int | None]]:
    return [(p.code, p.item) for p in res.problems]


def assert_bilingual(err, *names) -> None:
    zh, en = err.value.zh, err.value.en
    assert CJK.search(zh) and LATIN.search(en)
    for name in names:
        assert str(name) in zh and str(name) in en, (name, zh, en)


# ----------------------------------------------------------------------------- the model
def test_four_steps_two_modes_four_misconceptions_from_the_seed():
    assert [s.zh for s in STEPS] == ["拜访前的准备", "设定拜访目标", "实施拜访", "拜访后总结"]
    assert [s.order for s in STEPS] == [1, 2, 3, 4]
    assert all(t[0] and t[1] for s in STEPS for t in s.todo)
    demo, obs = MODES
    assert demo.zh == "示范" and "解决问题" in demo.purpose[0] and "厂家" in demo.lead[0]
    assert obs.zh == "观察" and "提高经销商的能力" in obs.purpose[0] and "经销商" in obs.lead[0]
    assert [m.zh for m in MISCONCEPTIONS] == ["不是监督", "不抢客户", "不重形式", "不只发货"]
    assert all(m.belief[1] and m.correct[1] and m.why[1] for m in MISCONCEPTIONS)
    assert len(PREPARATION) == 4


def test_names_in_any_spelling_and_tables_follow_the_language():
    assert step_code("拜访后总结") == step_code("Debrief") == step_code("复盘") == "debrief"
    assert mode_code("示范式") == mode_code("demo") == "demonstration"
    with pytest.raises(BadSpecError) as err:
        mode_code("旁观")
    assert_bilingual(err, "旁观")
    assert steps_table().index.tolist()[0] == "拜访前的准备"
    kl.set_language("en")
    assert steps_table().index.tolist() == ["Prepare", "Set objectives", "Visit", "Debrief"]
    assert modes_table().columns.tolist() == ["demonstration", "observation"]


# ----------------------------------------------------------------------------- plan rules
def test_a_sound_plan():
    plan = plan_visit(good_plan(), today=TODAY)
    assert plan.ok and plan.problems == ()
    assert plan.table.index.tolist() == [1, 2, 3]
    assert plan.table["mode"].tolist() == ["示范", "观察", "观察"]
    assert plan.debrief == "2026-11-12 17:00" and plan.preparation == tuple(PREP)


def _with(**change):
    plan = good_plan()
    for key, value in change.items():
        if key.startswith("call") and key[4].isdigit():
            i, field = key[4:].split("_", 1)
            plan["calls"][int(i) - 1][field] = value
        else:
            plan[key] = value
    return plan


@pytest.mark.parametrize("change, expected", [
    ({"distributor": ""}, [("no_distributor", None)]),
    ({"rep": None}, [("no_rep", None)]),
    ({"date": ""}, [("no_date", None)]),
    ({"date": "11月12日"}, [("bad_date", None)]),
    ({"date": "2026-10-30", "debrief": "2026-10-30 17:00"}, [("date_past", None)]),
    ({"preparation": ["customer_info", "materials"]}, [("prep_missing", None)]),
    ({"calls": []}, [("no_calls", None)]),
    ({"call2_customer": ""}, [("no_customer", 2)]),
    ({"call3_customer": "解放店"}, [("duplicate_customer", 3)]),
    ({"call2_time": ""}, [("no_time", 2)]),
    ({"call2_time": "上午"}, [("bad_time", 2)]),
    ({"call2_time": "09:30"}, [("time_clash", 2)]),
    ({"call2_mode": ""}, [("no_mode", 2)]),
    ({"call2_mode": "陪同"}, [("unknown_mode", 2)]),
    ({"call1_objective": ""}, [("no_objective", 1)]),
    ({"call1_objective": "加强客情关系"}, [("not_measurable", 1)]),
    ({"call1_lead": "经销商业务员"}, [("lead_mismatch", 1)]),
    ({"call2_mode": "示范", "call3_mode": "示范"}, [("all_demonstration", None)]),
    ({"call1_mode": "观察", "call2_mode": "示范"}, [("observe_first", 1)]),
    ({"debrief": ""}, [("no_debrief", None)]),
    ({"debrief": "晚上"}, [("bad_debrief", None)]),
    ({"debrief": "2026-11-12 14:30"}, [("debrief_early", None)]),
    ({"debrief": "2026-11-11"}, [("debrief_early", None)]),
    ({"debrief": "2026-11-15"}, [("debrief_late", None)]),
])
def test_each_plan_rule(change, expected):
    before = copy.deepcopy(change)
    plan = plan_visit(_with(**change), today=TODAY)
    assert codes(plan) == expected
    assert not plan.ok and change == before
    p = plan.problems[0]
    assert CJK.search(p.zh) and LATIN.search(p.en) and p.message == p.zh
    if p.item is not None:
        assert f"第 {p.item} 次拜访" in p.zh and f"Call {p.item}" in p.en
        assert not plan.table.loc[p.item, "ok"]


def test_next_day_debrief_and_matching_lead_are_fine():
    plan = _with(debrief="2026-11-13 09:00", call1_lead="区域经理 王敏", call2_lead="业务员")
    assert plan_visit(plan, today=TODAY).ok


def test_too_many_calls_for_one_day():
    plan = good_plan()
    plan["calls"] = [{"customer": f"店{i}", "time": f"{8 + i:02d}:00", "mode": "示范" if i == 1 else "观察",
                      "objective": "铺货 1 个单品"} for i in range(1, 8)]
    plan["debrief"] = "2026-11-12 16:30"
    assert codes(plan_visit(plan, today=TODAY)) == [("too_many_calls", None)]
    assert plan_visit(plan, today=TODAY, max_calls=7).ok


def test_the_messages_explain_the_fix():
    plan = plan_visit(_with(call2_mode="示范", call3_mode="示范", call1_objective="加强沟通"), today=TODAY)
    zh = " ".join(p.zh for p in plan.problems)
    en = " ".join(p.en for p in plan.problems)
    assert "大包大揽" in zh and "observation call" in en
    assert "数字" in zh and "number" in en
    kl.set_language("en")
    assert plan.problems[0].message.startswith("Call 1")


def test_chinese_keys_a_dataframe_of_calls_and_the_table_round_trip():
    plan = good_plan()
    calls = pd.DataFrame(plan["calls"])
    frozen = calls.copy()
    res = plan_visit({"经销商": "浙瑞医药商业", "业务员": "李强", "日期": "2026-11-12", "准备": ["客户资料", "客户问题",
                      "确定时间、方式和对象", "物料"], "拜访": calls, "总结": "2026-11-12 17:00"}, today=TODAY)
    assert res.ok
    pd.testing.assert_frame_equal(calls, frozen)
    back = plan_from_table(res.table)
    assert back == res.to_dict() and plan_visit(back, today=TODAY).ok
    from kamlab.grading import decode, encode
    assert plan_from_table(decode(encode(res))) == res.to_dict()


def test_caller_plan_not_modified():
    plan = good_plan()
    before = copy.deepcopy(plan)
    plan_visit(plan, today=TODAY)
    debrief(good_record())
    assert plan == before


def test_plan_plot_is_a_labelled_day():
    ax = plan_visit(good_plan(), today=TODAY).plot()
    assert ax.get_title() == "协访日程：浙瑞医药商业 · 业务员 李强 · 2026-11-12"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["09:00 解放店", "10:30 五一店", "14:00 芙蓉店", "17:00 拜访后总结"]
    assert ax.get_xlabel() == "时间"
    kl.set_language("en")
    assert plan_visit(_with(debrief="2026-11-13 09:00"), today=TODAY).plot().get_yticklabels()[-1].get_text() \
        == "debrief: 2026-11-13 09:00"


# ----------------------------------------------------------------------------- debrief rules
def test_a_sound_debrief_and_its_table():
    rec = debrief(good_record(), visit=plan_visit(good_plan(), today=TODAY))
    assert rec.ok and rec.table["owner"].tolist() == ["业务员 李强", "区域经理 王敏"]
    assert record_from_table(rec.table) == rec.to_dict()
    assert rec.plot().get_title() == "拜访后总结 2026-11-12：改善措施与下次协访"


def _rec(**change):
    rec = good_record()
    for key, value in change.items():
        if key.startswith("item"):
            i, field = key[4:].split("_", 1)
            rec["improvements"][int(i) - 1][field] = value
        else:
            rec[key] = value
    return rec


@pytest.mark.parametrize("change, expected", [
    ({"date": ""}, [("no_date", None)]),
    ({"date": "周四"}, [("bad_date", None)]),
    ({"well": []}, [("no_well", None)]),
    ({"improve": "  "}, [("no_improve", None)]),
    ({"improvements": []}, [("no_improvements", None)]),
    ({"item1_action": ""}, [("no_action", 1)]),
    ({"item2_owner": None}, [("no_owner", 2)]),
    ({"item2_due": ""}, [("no_due", 2)]),
    ({"item2_due": "下周"}, [("bad_due", 2)]),
    ({"item1_due": "2026-11-05"}, [("due_before", 1)]),
    ({"item1_due": "2026-12-20"}, [("due_after_next", 1)]),
    ({"next_covisit": ""}, [("no_next", None)]),
    ({"next_covisit": "下个月"}, [("bad_next", None)]),
    ({"next_covisit": "2026-11-12"}, [("next_before", None), ("due_after_next", 1), ("due_after_next", 2)]),
    ({"next_covisit": "2027-02-01", "item1_due": "2026-11-20"}, [("next_far", None)]),
])
def test_each_debrief_rule(change, expected):
    rec = debrief(_rec(**change))
    assert sorted(codes(rec), key=str) == sorted(expected, key=str)
    p = [q for q in rec.problems if q.item is not None]
    for q in p:
        assert f"第 {q.item} 条" in q.zh and f"Improvement {q.item}" in q.en


def test_debrief_date_must_be_the_plans_debrief_day():
    plan = plan_visit(_with(debrief="2026-11-13 09:00"), today=TODAY)
    assert codes(debrief(good_record(), visit=plan)) == [("date_mismatch", None)]


# ----------------------------------------------------------------------------- quiz
RIGHT = {q.code: q.answer for q in QUIZ}


def test_quiz_answers_and_explanations():
    assert [q.answer for q in QUIZ] == [False, True, True, False, False, True, False, True]
    assert {q.misconception for q in QUIZ} == {m.code for m in MISCONCEPTIONS}
    res = check_quiz(RIGHT)
    assert res.n_correct == 8 and res.score == 1.0
    assert res.table["explanation"].str.len().min() > 10


def test_quiz_partial_scores_and_spellings():
    given = {**RIGHT, "T1": True, "T8": "错"}            # two wrong
    given.pop("T5")                                     # one not answered
    res = check_quiz(given)
    assert res.n_correct == 5 and res.score == pytest.approx(5 / 8)
    assert res.table.loc["T5", "given"] == "未答" and not res.table.loc["T5", "correct"]
    assert res.table["correct"].tolist() == [False, True, True, True, False, True, True, False]
    assert check_quiz(["错", "对", "true", "False", False, True, "F", "T"]).n_correct == 8
    assert check_quiz({"t2": True}).n_correct == 1
    assert check_quiz(RIGHT).plot().get_title() == "四大误区测验：答对 8/8"
    kl.set_language("en")
    assert check_quiz({"T1": False}).table.loc["T1", "explanation"].startswith("False.")


# ----------------------------------------------------------------------------- bad input
def test_plan_not_a_dict():
    with pytest.raises(BadSpecError) as err:
        plan_visit([good_plan()], today=TODAY)
    assert_bilingual(err, "list")


def test_unknown_plan_field_suggests_the_closest():
    with pytest.raises(BadSpecError) as err:
        plan_visit({**good_plan(), "debreif": "x"}, today=TODAY)
    assert_bilingual(err, "debreif", "debrief")
    assert err.value.column == "debreif"


def test_calls_not_a_list():
    with pytest.raises(BadSpecError) as err:
        plan_visit({**good_plan(), "calls": "解放店"}, today=TODAY)
    assert_bilingual(err, "calls", "str")


def test_a_call_not_a_dict_names_its_number():
    plan = good_plan()
    plan["calls"][1] = "五一店 10:30"
    with pytest.raises(BadSpecError) as err:
        plan_visit(plan, today=TODAY)
    assert_bilingual(err, "2", "五一店 10:30")
    assert err.value.row == 2


def test_unknown_call_field_names_field_and_call():
    plan = good_plan()
    plan["calls"][2]["objectve"] = "x"
    before = copy.deepcopy(plan)
    with pytest.raises(BadSpecError) as err:
        plan_visit(plan, today=TODAY)
    assert_bilingual(err, "objectve", "objective", "3")
    assert (err.value.column, err.value.row) == ("objectve", 3)
    assert plan == before


def test_preparation_not_a_list_of_texts():
    with pytest.raises(BadSpecError) as err:
        plan_visit({**good_plan(), "preparation": "全部"}, today=TODAY)
    assert_bilingual(err, "str")
    with pytest.raises(BadSpecError) as err:
        plan_visit({**good_plan(), "preparation": ["materials", 3]}, today=TODAY)
    assert_bilingual(err, "2", "3")
    assert (err.value.column, err.value.row) == ("preparation", 2)


def test_bad_today_and_max_calls():
    with pytest.raises(BadSpecError) as err:
        plan_visit(good_plan(), today="今天")
    assert_bilingual(err, "today", "今天")
    with pytest.raises(BadSpecError) as err:
        plan_visit(good_plan(), today=TODAY, max_calls=0)
    assert_bilingual(err, "max_calls")


def test_debrief_bad_input():
    with pytest.raises(BadSpecError) as err:
        debrief("都挺好")
    assert_bilingual(err, "str")
    with pytest.raises(BadSpecError) as err:
        debrief({**good_record(), "nxt": "2026-12-01"})
    assert_bilingual(err, "nxt", "next")
    rec = good_record()
    rec["improvements"][1] = ["做对比表", "王敏"]
    with pytest.raises(BadSpecError) as err:
        debrief(rec)
    assert_bilingual(err, "2")
    rec = good_record()
    rec["improvements"][0]["ownr"] = "李强"
    with pytest.raises(BadSpecError) as err:
        debrief(rec)
    assert_bilingual(err, "ownr", "owner", "1")
    assert err.value.row == 1
    with pytest.raises(BadSpecError) as err:
        debrief({**good_record(), "well": {"a": 1}})
    assert_bilingual(err, "well", "dict")


def test_quiz_bad_input():
    with pytest.raises(BadSpecError) as err:
        check_quiz("FTTF")
    assert_bilingual(err, "str")
    with pytest.raises(BadSpecError) as err:
        check_quiz([True, False])
    assert_bilingual(err, "8", "2")
    with pytest.raises(BadSpecError) as err:
        check_quiz({"T9": True})
    assert_bilingual(err, "T9")
    with pytest.raises(BadValueError) as err:
        check_quiz({"T3": "也许"})
    assert_bilingual(err, "T3", "也许")
    assert err.value.column == "T3"


def test_errors_speak_the_current_language_first():
    kl.set_language("en")
    with pytest.raises(KamlabInputError) as err:
        plan_visit({**good_plan(), "debreif": "x"}, today=TODAY)
    assert str(err.value).startswith("The co-visit plan has an unknown field")
