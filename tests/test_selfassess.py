"""kamlab.selfassess: the full-cycle model, hand-computed gaps and blind spots, the plan checks, bad input."""

from __future__ import annotations

import datetime as dt
import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kamlab as kl
from kamlab import (BadSpecError, BadValueError, DuplicateIdError, EmptyTableError, KamlabInputError,
                    MissingColumnError)
from kamlab.selfassess import (DIMENSIONS, STAGE_NAMES, STAGES, assess, improvement_plan, stage_code,
                               stages_table, dimensions_table)

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{4,}")
CODES = [s.code for s in STAGES]
TODAY = "2026-11-01"

#: Hand-scored example.  gap = 5 - score:
#: screening 4 -> 1, insight 2 -> 3, strategy 3 -> 2, negotiation 4 -> 1, execution 3 -> 2, review 2 -> 3
#: ranks (gap desc, ties by cycle order): insight 1, review 2, strategy 3, execution 4, screening 5, negotiation 6
SCORES = {"合作客户精准筛选": 4, "信息收集与机会洞察": 2, "策略制定与资源整合": 3,
          "双赢协议谈判": 4, "终端动销执行": 3, "核心数据复盘": 2}


def assert_bilingual(err: pytest.ExceptionInfo, *names: str) -> None:
    zh, en = err.value.zh, err.value.en
    assert CJK.search(zh) and LATIN.search(en)
    for name in names:
        assert name in zh and name in en, (name, zh, en)


def good_plan(spots=("信息收集与机会洞察", "核心数据复盘")) -> list[dict]:
    return [{"stage": spots[0], "action": "拜访 C03 总部采购，访谈年度目标", "owner": "KA经理 张伟",
             "due": "2026-11-20", "measure": "完成 2 次高层访谈"},
            {"stage": spots[1], "action": "建立铺货率、动销率周报", "owner": "KA经理 张伟",
             "due": "2026-12-01", "measure": "连续 4 周按时出周报"}]


# ----------------------------------------------------------------------------- the model
def test_six_stages_in_the_seed_order_and_three_dimensions():
    assert STAGE_NAMES == ("合作客户精准筛选", "信息收集与机会洞察", "策略制定与资源整合",
                           "双赢协议谈判", "终端动销执行", "核心数据复盘")
    assert [s.order for s in STAGES] == [1, 2, 3, 4, 5, 6]
    assert [d.zh for d in DIMENSIONS] == ["客户价值挖掘", "内部资源协同", "动销结果保障"]
    covered = [c for d in DIMENSIONS for c in d.stages]
    assert sorted(covered) == sorted(CODES) and len(covered) == 6          # every stage serves one dimension
    for s in STAGES:
        assert all(part[0] and part[1] for part in (s.task, s.output, s.kpi))
        assert s.code in {d.code: d for d in DIMENSIONS}[s.dimension].stages
    assert [s.module for s in STAGES] == ["m02", "m03", "m04", "m05", "m06", "m07"]


def test_stage_names_in_any_spelling():
    assert stage_code("合作客户精准筛选") == stage_code("客户筛选") == stage_code("Account screening") \
        == stage_code(" SCREENING ") == "screening"
    assert stage_code("复盘") == "review"


def test_stages_table_follows_the_language():
    t = stages_table(dimension=True)
    assert t.index.tolist() == list(STAGE_NAMES)
    assert t.loc["核心数据复盘", "课程归类（价值维度）"] == "动销结果保障"
    kl.set_language("en")
    t = stages_table(dimension=True)
    assert t.index[0] == "Account screening" and t.columns[0] == "core task"
    assert t.loc["Win-win agreement negotiation", "course reading (value dimension)"] == "Internal resource coordination"


def test_stages_table_does_not_print_the_stage_dimension_mapping_by_default():
    """Issue 12 (m01): the stage -> dimension mapping is not in the seed; the table above exercise 2 hid nothing."""
    t = stages_table()
    assert not any("维度" in str(c) for c in t.columns)
    assert "动销结果保障" not in t.to_string()


def test_dimensions_table_holds_the_seeds_parts():
    t = dimensions_table()
    assert t.iloc[:, 0].tolist() == ["需求洞察、机会捕捉", "跨部门联动、资源整合", "执行推动、复盘优化"]


# ----------------------------------------------------------------------------- assess
def test_hand_computed_gaps_and_ranks():
    t = assess(SCORES).table
    assert t.index.tolist() == list(STAGE_NAMES)
    assert t["importance"].tolist() == [5.0] * 6
    assert t["gap"].tolist() == [1.0, 3.0, 2.0, 1.0, 2.0, 3.0]
    assert t["rank"].tolist() == [5, 1, 3, 6, 4, 2]
    assert t["dimension"].tolist() == ["客户价值挖掘", "客户价值挖掘", "内部资源协同", "内部资源协同",
                                       "动销结果保障", "动销结果保障"]
    assert t["code"].tolist() == CODES


def test_importance_partial_dict_and_number():
    # strategy importance 3: gap 0; negotiation 4.5 - 4 = 0.5
    res = assess(SCORES, importance={"strategy": 3, "双赢协议谈判": 4.5})
    t = res.table
    assert t["importance"].tolist() == [5.0, 5.0, 3.0, 4.5, 5.0, 5.0]
    assert t["gap"].tolist() == [1.0, 3.0, 0.0, 0.5, 2.0, 3.0]
    assert t["rank"].tolist() == [4, 1, 6, 5, 3, 2]
    assert assess(SCORES, importance=4).table["gap"].tolist() == [0.0, 2.0, 1.0, 0.0, 1.0, 2.0]


def test_dimension_scores_are_means_over_the_dimensions_stages():
    d = assess(SCORES).dimension_scores
    assert d.index.tolist() == ["客户价值挖掘", "内部资源协同", "动销结果保障"]
    assert d["score"].tolist() == [3.0, 3.5, 2.5]       # (4+2)/2, (3+4)/2, (3+2)/2
    assert d["gap"].tolist() == [2.0, 1.5, 2.5]


def test_blind_spots_largest_gap_first():
    assert assess(SCORES).blind_spots(2).index.tolist() == ["信息收集与机会洞察", "核心数据复盘"]
    assert assess(SCORES).blind_spots(3).index.tolist() == ["信息收集与机会洞察", "核心数据复盘", "策略制定与资源整合"]
    assert assess(SCORES).blind_spots(1)["gap"].tolist() == [3.0]


def test_blind_spot_ties_broken_by_cycle_order():
    # all gaps 2 except review: the first two stages of the cycle win the tie
    scores = dict.fromkeys(CODES, 3)
    scores["review"] = 4
    assert assess(scores).blind_spots(2)["code"].tolist() == ["screening", "insight"]
    # a tie between execution and strategy: strategy (stage 3) before execution (stage 5)
    scores = {"screening": 5, "insight": 5, "strategy": 2, "negotiation": 5, "execution": 2, "review": 1}
    assert assess(scores).blind_spots(3)["code"].tolist() == ["review", "strategy", "execution"]


def test_no_gap_is_no_blind_spot():
    assert assess(dict.fromkeys(CODES, 5)).blind_spots(2).empty
    one = {**dict.fromkeys(CODES, 5), "execution": 4}
    assert assess(one).blind_spots(2)["code"].tolist() == ["execution"]


def test_caller_dict_untouched_and_series_accepted():
    scores = dict(SCORES)
    res = assess(pd.Series(scores))
    assert scores == SCORES and res.table["score"].tolist() == [4.0, 2.0, 3.0, 4.0, 3.0, 2.0]
    assert res.scores == {k: float(v) for k, v in SCORES.items()}


def test_plot_is_a_labelled_radar():
    ax = assess(SCORES).plot()
    assert ax.name == "polar"
    assert [t.get_text().replace("\n", "") for t in ax.get_xticklabels()] == list(STAGE_NAMES)
    reds = [t.get_text().replace("\n", "") for t in ax.get_xticklabels() if t.get_color() == "#c62828"]
    assert reds == ["信息收集与机会洞察", "核心数据复盘"]
    kl.set_language("en")
    ax = assess(SCORES).plot()
    assert ax.get_title().startswith("Full-cycle self-assessment")
    assert not any(CJK.search(t.get_text()) for t in ax.get_xticklabels())


# ----------------------------------------------------------------------------- bad input
def _with(**changes):
    out = dict(SCORES)
    out.update(changes)
    return out


def test_unknown_stage_suggests_the_closest():
    with pytest.raises(BadSpecError) as err:
        assess({**SCORES, "终端动销": 3})
    assert_bilingual(err, "终端动销", "终端动销执行", "scores")


@pytest.mark.parametrize("value", [0, 5.5, -1, 50])
def test_score_outside_1_to_5(value):
    with pytest.raises(BadValueError) as err:
        assess(_with(核心数据复盘=value))
    assert_bilingual(err, "核心数据复盘", "scores", "1")
    assert err.value.row == "核心数据复盘" and err.value.column == "scores"


@pytest.mark.parametrize("value", [float("nan"), None, np.nan])
def test_nan_score(value):
    with pytest.raises(BadValueError) as err:
        assess(_with(双赢协议谈判=value))
    assert_bilingual(err, "双赢协议谈判", "NaN")


def test_missing_stages_are_named():
    partial = {k: v for k, v in SCORES.items() if k not in ("终端动销执行", "核心数据复盘")}
    with pytest.raises(MissingColumnError) as err:
        assess(partial)
    assert_bilingual(err, "终端动销执行", "核心数据复盘", "scores")


@pytest.mark.parametrize("bad, cls", [
    ("合作客户精准筛选=4", BadSpecError),
    ([4, 2, 3, 4, 3, 2], BadSpecError),
    (None, BadSpecError),
])
def test_wrong_type_of_scores(bad, cls):
    with pytest.raises(cls) as err:
        assess(bad)
    assert_bilingual(err, "scores")


@pytest.mark.parametrize("value", ["高", True, [3]])
def test_wrong_type_of_a_score(value):
    with pytest.raises(BadValueError) as err:
        assess(_with(策略制定与资源整合=value))
    assert_bilingual(err, "策略制定与资源整合", "scores")


def test_empty_scores():
    with pytest.raises(EmptyTableError) as err:
        assess({})
    assert_bilingual(err, "scores", "合作客户精准筛选")


def test_stage_given_twice_in_two_spellings():
    with pytest.raises(DuplicateIdError) as err:
        assess({**SCORES, "review": 3})
    assert_bilingual(err, "核心数据复盘", "review")


def test_non_text_stage_and_bad_importance_and_k():
    with pytest.raises(BadSpecError) as err:
        assess({**SCORES, 3: 3})
    assert_bilingual(err, "scores")
    with pytest.raises(BadValueError) as err:
        assess(SCORES, importance={"insight": 9})
    assert_bilingual(err, "importance", "信息收集与机会洞察")
    with pytest.raises(BadValueError) as err:
        assess(SCORES, importance=0)
    assert_bilingual(err, "importance")
    for k in (0, 1.5, True, "2"):
        with pytest.raises(BadValueError):
            assess(SCORES).blind_spots(k)


def test_errors_speak_the_current_language_first():
    kl.set_language("en")
    with pytest.raises(KamlabInputError) as err:
        assess(_with(核心数据复盘=9))
    assert str(err.value).startswith("scores: the score of stage")


# ----------------------------------------------------------------------------- improvement plan
def test_sound_plan_from_an_assessment():
    plan = improvement_plan(good_plan(), assess(SCORES), today=TODAY)
    assert plan.ok and plan.problems == () and plan.messages() == []
    assert plan.blind_spots == ("信息收集与机会洞察", "核心数据复盘")
    assert plan.table["stage"].tolist() == ["信息收集与机会洞察", "核心数据复盘"]
    assert plan.table["ok"].tolist() == [True, True]
    assert plan.table.columns.tolist() == ["stage", "action", "owner", "due", "measure", "ok", "problems"]


def test_plan_accepts_chinese_keys_names_tables_and_its_own_table_back():
    spots = assess(SCORES).blind_spots(2)
    rows = [{"环节": "机会洞察", "改进动作": "门店走访", "负责人": "张伟", "完成日期": "2026/11/5",
             "衡量标准": "走访 5 家门店"},
            {"环节": "review", "改进动作": "周报", "负责人": "张伟", "完成日期": dt.date(2026, 12, 1),
             "衡量标准": "4 份周报"}]
    plan = improvement_plan(rows, spots, today=dt.date(2026, 11, 1))
    assert plan.ok, plan.messages()
    assert plan.table["due"].tolist() == ["2026-11-05", "2026-12-01"]
    again = improvement_plan(plan.table, ["信息收集与机会洞察", "核心数据复盘"], today=TODAY)
    assert again.ok


@pytest.mark.parametrize("change, codes", [
    ({"owner": ""}, ["no_owner"]),
    ({"owner": None}, ["no_owner"]),
    ({"action": "  "}, ["no_action"]),
    ({"due": "下周"}, ["bad_due"]),
    ({"due": "2026-10-31"}, ["due_past"]),
    ({"due": "2026-12-02"}, ["due_far"]),      # 31 days after today
    ({"due": "2026-12-01"}, []),               # exactly 30 days: allowed
    ({"due": "2026-11-01"}, []),               # today: allowed
    ({"measure": ""}, ["no_measure"]),
    ({"measure": "加强沟通"}, ["not_measurable"]),
    ({"stage": "双赢协议谈判"}, ["not_blind_spot", "missing_action"]),
    ({"stage": "数据付盘"}, ["unknown_stage", "missing_action"]),
])
def test_plan_rules(change, codes):
    rows = good_plan()
    rows[0] = {**rows[0], **change}
    plan = improvement_plan(rows, assess(SCORES), today=TODAY)
    assert [p.code for p in plan.problems] == codes
    assert plan.ok is (not codes)
    for p in plan.problems:
        assert CJK.search(p.zh) and LATIN.search(p.en)
        if p.code != "missing_action":
            assert p.item == 1 and "1" in p.zh and "1" in p.en
    if codes and codes[0] != "missing_action":
        assert not plan.table.loc[0, "ok"] and plan.table.loc[0, "problems"]


def test_two_actions_for_one_blind_spot():
    rows = good_plan()
    rows[1] = {**rows[1], "stage": "信息收集与机会洞察"}
    plan = improvement_plan(rows, assess(SCORES), today=TODAY)
    assert [(p.code, p.item) for p in plan.problems] == [("duplicate_stage", 2), ("missing_action", None)]
    assert "核心数据复盘" in plan.problems[1].zh


def test_plan_messages_explain_the_fix():
    rows = good_plan()
    rows[1] = {**rows[1], "due": "2027-02-01", "measure": "做好复盘"}
    plan = improvement_plan(rows, assess(SCORES), today=TODAY)
    far, vague = plan.problems
    assert "2026-12-01" in far.zh and "2026-12-01" in far.en and "30" in far.zh
    assert "做好复盘" in vague.zh and "number" in vague.en
    assert plan.table.loc[1, "problems"].count("；") == 1


def test_missing_actions_for_every_blind_spot():
    plan = improvement_plan([], assess(SCORES), today=TODAY)
    assert [p.code for p in plan.problems] == ["missing_action", "missing_action"]
    assert "信息收集与机会洞察" in plan.problems[0].zh and "信息收集与机会洞察" in plan.problems[0].en


def test_plan_bad_input_raises():
    with pytest.raises(BadSpecError) as err:
        improvement_plan({"stage": "review"}, ["review"], today=TODAY)
    assert_bilingual(err, "action")
    with pytest.raises(BadSpecError) as err:
        improvement_plan(["周报"], ["review"], today=TODAY)
    assert_bilingual(err, "1")
    with pytest.raises(BadSpecError) as err:
        improvement_plan([{"stage": "review", "owmer": "张"}], ["review"], today=TODAY)
    assert_bilingual(err, "owmer", "owner")
    with pytest.raises(BadSpecError) as err:
        improvement_plan(good_plan(), ["review"], today="明天")
    assert_bilingual(err, "today")
    with pytest.raises(BadSpecError):
        improvement_plan(good_plan(), 42, today=TODAY)
    with pytest.raises(BadSpecError):
        improvement_plan(good_plan(), ["复盘盘点"], today=TODAY)


def test_plan_plot():
    rows = good_plan()
    rows[1]["due"] = "2027-01-10"
    ax = improvement_plan(rows, assess(SCORES), today=TODAY).plot()
    assert ax.get_title() == "即时改进动作（2026-11-01 起 30 天内）"
    widths = [p.get_width() for p in ax.patches]
    assert widths == [19, 70]
    assert [p.get_facecolor()[:3] for p in ax.patches][1] == pytest.approx((0.776, 0.157, 0.157), abs=0.01)


# ----------------------------------------------------------------------------- property
score_st = st.integers(1, 5) | st.floats(1, 5, allow_nan=False).map(lambda x: round(x, 1))


@settings(max_examples=150, deadline=None)
@given(st.lists(score_st, min_size=6, max_size=6), st.integers(0, 5), st.floats(0.1, 4),
       st.integers(1, 6))
def test_raising_a_score_never_makes_a_stage_more_of_a_blind_spot(scores, i, up, k):
    before = assess(dict(zip(CODES, scores)))
    raised = list(scores)
    raised[i] = min(5.0, scores[i] + up)
    after = assess(dict(zip(CODES, raised)))
    code = CODES[i]
    r0 = int(before.table.set_index("code").loc[code, "rank"])
    r1 = int(after.table.set_index("code").loc[code, "rank"])
    assert r1 >= r0                                          # never a worse (smaller) rank
    if code not in before.blind_spots(k)["code"].tolist():
        assert code not in after.blind_spots(k)["code"].tolist()
    # every other stage keeps its gap
    others = [c for c in CODES if c != code]
    assert np.allclose(before.table.set_index("code").loc[others, "gap"],
                       after.table.set_index("code").loc[others, "gap"])
