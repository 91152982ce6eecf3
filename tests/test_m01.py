"""m01 岗位认知升维: question bank, helpers, forms, and the widget-only path of the notebook."""

from __future__ import annotations

import contextlib
import io

import pytest

import kamlab as kl
from kamlab.course import m01
from kamlab.grading import Context, decode, encode
from kamlab.selfassess import STAGE_NAMES, assess, improvement_plan

from workbook_runs import cell_errors, lost_points, run_answered

HIDDEN = 5
ORDER = list(STAGE_NAMES)
DIMS = {"高层访谈": "客户价值挖掘", "推动总部下发": "动销结果保障", "组建项目团队": "内部资源协同",
        "月度数据复盘": "动销结果保障", "捕捉合作机会": "客户价值挖掘", "打包服务包": "内部资源协同"}
#: blind spots: insight (gap 3) and review (gap 3)
SCORES = {"合作客户精准筛选": 4, "信息收集与机会洞察": 2, "策略制定与资源整合": 3,
          "双赢协议谈判": 4, "终端动销执行": 3, "核心数据复盘": 2}
#: blind spots: strategy (gap 4) and negotiation (gap 3)
OTHER = {"合作客户精准筛选": 5, "信息收集与机会洞察": 4, "策略制定与资源整合": 1,
         "双赢协议谈判": 2, "终端动销执行": 4, "核心数据复盘": 5}


def _ctx(variant: int = 0, **answers) -> Context:
    return Context("m01", variant=variant, answers=answers)


def _plan(spots=("信息收集与机会洞察", "核心数据复盘")) -> list[dict]:
    return [{"stage": spots[0], "action": "走访 5 家门店整理需求", "owner": "KA经理 王敏", "due": "2026-11-20",
             "measure": "走访 5 家门店"},
            {"stage": spots[1], "action": "建铺货率周报", "owner": "KA经理 王敏", "due": "2026-11-30",
             "measure": "连续 4 周出周报"}]


def _answers(scores=SCORES) -> dict:
    q3 = assess(scores)
    spots = tuple(q3.blind_spots(2).index)
    return {"q1": list(ORDER), "q2": dict(DIMS), "q3": q3, "q4": list(spots),
            "q5": improvement_plan(_plan(spots), q3, today=m01.TODAY), "q6": "签约后没有经营。"}


def _recorded(answers: dict) -> dict:
    """What the grader reads back from the notebook."""
    return {k: decode(encode(v)) for k, v in answers.items()}


# ----------------------------------------------------------------------------- structure
def test_bank_structure():
    bank = m01.BANK
    assert bank.module == "m01" and bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert bank.total_points == 14.0
    assert [q.key for q in bank.questions if q.manual] == ["q3", "q6"]
    assert [q.key for q in bank.questions if q.read] == ["q2", "q4"]
    assert all(q.prompt[0] and q.prompt[1] for q in bank.questions)
    assert all(q.hint[0] and q.hint[1] for q in bank.questions if not q.manual)
    assert bank.datasets == ()
    assert m01.TODAY == "2026-11-01" == kl.course.m07.TODAY
    assert kl.course.get_bank("m01") is bank


@pytest.mark.parametrize("variant", [0, HIDDEN])
@pytest.mark.parametrize("scores", [SCORES, OTHER])
def test_own_answers_get_full_marks_on_any_variant(variant, scores):
    verdicts = m01.BANK.grade(_recorded(_answers(scores)), _ctx(variant))
    lost = {k: v.reason_en for k, v in verdicts.items() if not v.ok and not v.manual}
    assert lost == {}
    assert sum(v.score for v in verdicts.values()) == 9.0
    assert verdicts["q6"].manual and verdicts["q6"].score == 0
    assert verdicts["q3"].manual


def test_live_results_and_recorded_ones_agree():
    answers = _answers()
    live = m01.BANK.grade(answers, _ctx())
    assert all(v.ok for k, v in live.items() if k not in ("q3", "q6"))


# ----------------------------------------------------------------------------- quiz
def test_q1_order_partial_credit():
    assert m01.BANK.check("q1", ["screening", "insight", "strategy", "negotiation", "execution", "review"], _ctx()).ok
    swapped = ORDER[:]
    swapped[0], swapped[1] = swapped[1], swapped[0]
    v = m01.BANK.check("q1", swapped, _ctx())
    assert not v.ok and v.score == pytest.approx(2 * 4 / 6) and "2" in v.reason_zh
    assert ORDER[0] not in v.reason_zh                      # the reason never gives the order
    v = m01.BANK.check("q1", ORDER[:5], _ctx())
    assert not v.ok and v.score == 0
    v = m01.BANK.check("q1", ORDER[:5] + [None], _ctx())
    assert not v.ok and v.score == pytest.approx(2 * 5 / 6) and "once" in v.reason_en
    assert not m01.BANK.check("q1", "合作客户精准筛选", _ctx()).ok


def test_q2_work_is_mapped_by_the_parts_the_seed_lists_under_each_dimension():
    assert m01.BANK.check("q2", {**DIMS, "高层访谈": "value", "打包服务包": "Internal resource coordination"},
                          _ctx()).ok
    wrong = {**DIMS, "组建项目团队": "动销结果保障", "月度数据复盘": None}
    v = m01.BANK.check("q2", wrong, _ctx())
    assert not v.ok and v.score == pytest.approx(2 * 4 / 6) and "组建项目团队" in v.reason_zh
    assert not m01.BANK.check("q2", ["客户价值挖掘"] * 6, _ctx()).ok
    # every graded mapping is the seed's: the part named under the dimension in 000 §一 3
    for task in m01.TASKS.values():
        assert task.part in kl.selfassess.dimension(task.dimension).focus[0]


def test_q2_is_no_longer_the_stage_to_dimension_mapping_printed_above_it():
    """Issue 12 (m01): the stage -> dimension mapping was invented, graded, and printed just above q2."""
    old = {s.zh: kl.selfassess.dimension(s.dimension).zh for s in kl.selfassess.STAGES}
    assert not m01.BANK.check("q2", old, _ctx()).ok
    assert "价值维度" not in "".join(kl.selfassess.stages_table().columns)


# ----------------------------------------------------------------------------- consistency
def test_q3_self_assessment_is_scored_by_hand_with_a_rubric():
    q3 = m01.BANK.get("q3")
    assert q3.manual and q3.rubric and "如实" in q3.rubric[0]


def test_q4_blind_spots_must_come_from_the_trainees_own_scores():
    mine = assess(SCORES)
    ctx = _ctx(q3=decode(encode(mine)))
    assert m01.BANK.check("q4", ["信息收集与机会洞察", "核心数据复盘"], ctx).ok
    assert m01.BANK.check("q4", ["核心数据复盘", "信息收集与机会洞察"], ctx).ok      # any order
    v = m01.BANK.check("q4", ["策略制定与资源整合", "双赢协议谈判"], ctx)          # somebody else's
    assert not v.ok and "双赢协议谈判" in v.reason_zh
    v = m01.BANK.check("q4", ["信息收集与机会洞察", "核心数据复盘", "终端动销执行"], ctx)
    assert not v.ok and "3" in v.reason_zh
    v = m01.BANK.check("q4", [], ctx)
    assert not v.ok and "还没有" in v.reason_zh
    v = m01.BANK.check("q4", ["信息收集与机会洞察", "核心数据复盘"], _ctx())
    assert not v.ok and "exercise 3" in v.reason_en


def test_q4_accepts_any_stage_tied_at_the_second_gap():
    tied = {"合作客户精准筛选": 3, "信息收集与机会洞察": 3, "策略制定与资源整合": 4, "双赢协议谈判": 5,
            "终端动销执行": 3, "核心数据复盘": 5}
    ctx = _ctx(q3=assess(tied))
    assert m01.BANK.check("q4", ["合作客户精准筛选", "终端动销执行"], ctx).ok
    assert not m01.BANK.check("q4", ["合作客户精准筛选", "策略制定与资源整合"], ctx).ok
    assert not m01.BANK.check("q4", ["合作客户精准筛选", "信息收集与机会洞察"],
                              _ctx(q3=assess(dict.fromkeys(STAGE_NAMES, 5)))).ok


def test_q5_plan_is_validated_against_own_blind_spots_and_the_course_date():
    mine = assess(SCORES)
    ctx = _ctx(q3=decode(encode(mine)))
    good = improvement_plan(_plan(), mine, today=m01.TODAY)
    assert m01.BANK.check("q5", decode(encode(good)), ctx).ok
    assert m01.BANK.check("q5", _plan(), ctx).ok
    # a plan for another trainee's blind spots
    other = improvement_plan(_plan(("策略制定与资源整合", "双赢协议谈判")), assess(OTHER), today=m01.TODAY)
    assert other.ok
    v = m01.BANK.check("q5", decode(encode(other)), ctx)
    assert not v.ok and "not one of your blind spots" in v.reason_en
    # validated with a later "today" the trainee chose: the course date still rules
    late = _plan()
    late[1]["due"] = "2027-01-15"
    own_today = improvement_plan(late, mine, today="2027-01-01")
    v = m01.BANK.check("q5", decode(encode(own_today)), ctx)
    assert not v.ok and "30" in v.reason_zh
    broken = _plan()
    broken[0]["owner"] = ""
    broken[1]["measure"] = "加强复盘"
    v = m01.BANK.check("q5", broken, ctx)
    assert not v.ok and "负责人" in v.reason_zh and "number" in v.reason_en
    assert not m01.BANK.check("q5", good, _ctx()).ok               # exercise 3 not answered
    assert not m01.BANK.check("q5", "计划", ctx).ok


# ----------------------------------------------------------------------------- helpers
def test_helpers_guard_unanswered_exercises(capsys):
    assert m01.assessment_or_none(...) is None
    assert m01.assessment_or_none({"x": 1}) is None
    assert m01.blind_spot_names(assess(SCORES)) == ["信息收集与机会洞察", "核心数据复盘"]
    assert m01.blind_spot_names(decode(encode(assess(SCORES)))) == ["信息收集与机会洞察", "核心数据复盘"]
    assert m01.dimension_scores(...) is None
    m01.plan_view(...)
    out = capsys.readouterr().out
    assert "练习 3" in out and "练习 5" in out
    assert m01.plot_cycle().get_title()


# ----------------------------------------------------------------------------- forms
def _quiet(make):
    with contextlib.redirect_stdout(io.StringIO()):
        return make()


def test_forms_write_literals_and_calls():
    f1 = m01.order_form()
    for n, name in enumerate(ORDER, start=1):
        f1.controls[str(n)].value = name
    scope = {"kl": kl}
    exec(f1.line, scope)
    assert scope["q1"] == ORDER
    f2 = m01.dimension_form()
    for stage, dim in DIMS.items():
        f2.controls[stage].value = dim
    exec(f2.line, scope)
    assert scope["q2"] == DIMS
    f3 = _quiet(m01.assess_form)
    for stage, score in SCORES.items():
        f3.controls[stage].value = score
    assert f3.line.startswith('q3 = kl.selfassess.assess({"合作客户精准筛选": 4, ')
    exec(f3.line, scope)
    assert scope["q3"].scores == {k: float(v) for k, v in SCORES.items()}
    f4 = _quiet(lambda: m01.blind_spots_form(scope["q3"]))
    assert f4.line == "q4 = []"
    f4.controls["stages"].tick(["信息收集与机会洞察", "核心数据复盘"])
    assert "差距 3" in f4.text
    exec(f4.line, scope)
    assert m01.BANK.check("q4", scope["q4"], _ctx(q3=scope["q3"])).ok
    f5 = _quiet(lambda: m01.plan_form(scope["q3"]))
    cells = f5.controls["plan"].cells
    assert [c["stage"].value for c in cells] == ["信息收集与机会洞察", "核心数据复盘"]
    for row, item in zip(cells, _plan()):
        for field in ("action", "owner", "due", "measure"):
            row[field].value = item[field]
    exec(f5.line, scope)
    assert isinstance(scope["q5"], list)
    assert m01.BANK.check("q5", scope["q5"], _ctx(q3=scope["q3"])).ok


def test_plan_form_without_an_assessment_starts_blank():
    f5 = _quiet(lambda: m01.plan_form(...))
    assert [c["stage"].value for c in f5.controls["plan"].cells] == ["", ""]


def test_forms_start_neutral():
    assert m01.order_form().line == "q1 = [None, None, None, None, None, None]"
    assert "None" in m01.dimension_form().line and "客户价值挖掘" not in m01.dimension_form().line
    assert m01.blind_spots_form(assess(SCORES)).line == "q4 = []"
    f3 = m01.assess_form()
    assert f3.text == "差距 > 0 的环节：0 个"          # untouched: no gap, not a self-assessment yet
    f3.controls["核心数据复盘"].value = 2
    assert f3.text == "差距 > 0 的环节：1 个"          # the text is redrawn live
    assert m01.text_form().line == "q6 = ''"


def test_forms_speak_english():
    kl.set_language("en")
    form = _quiet(m01.assess_form)
    assert form.controls["核心数据复盘"].description == "Core data review"
    assert m01.order_form().controls["1"].description == "Step 1"


# ----------------------------------------------------------------------------- the widget-only path
def _operate(key: str) -> str:
    """Cell source that works the form of *key* the way a trainee would."""
    return {
        "q1": "\n".join(f'form_q1.controls["{n}"].value = "{name}"' for n, name in enumerate(ORDER, start=1)),
        "q2": "\n".join(f'form_q2.controls["{s}"].value = "{d}"' for s, d in DIMS.items()),
        "q3": "\n".join(f'form_q3.controls["{s}"].value = {v}' for s, v in OTHER.items()),
        "q4": 'form_q4.controls["stages"].tick(["策略制定与资源整合", "双赢协议谈判"])',
        "q6": 'form_q6.controls["text"].value = "签约后没有人经营，动销差，续约更难。"',
        "q5": "\n".join([
            'rows = form_q5.controls["plan"].cells',
            'rows[0]["action"].value = "约市场部、品牌部开 C03 项目会"',
            'rows[0]["owner"].value = "KA经理 王敏"',
            'rows[0]["due"].value = "2026-11-12"',
            'rows[0]["measure"].value = "开 1 次会，定出 3 项资源"',
            'rows[1]["action"].value = "列出协议里的动销条款"',
            'rows[1]["owner"].value = "KA经理 王敏"',
            'rows[1]["due"].value = "2026-11-30"',
            'rows[1]["measure"].value = "新协议至少 3 条动销条款"']),
    }[key]


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m01", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in ("q1", "q2", "q3", "q4", "q5", "q6")})
    assert cell_errors(executed) == []
    assert set(answers) == set(m01.BANK.keys())
    assert answers["q4"] == ["策略制定与资源整合", "双赢协议谈判"]
    assert answers["q6"] == "签约后没有人经营，动销差，续约更难。"
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 9.0
