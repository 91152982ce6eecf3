"""m02 三维客户精准筛选: question bank checks, helpers, forms and the widget-only path.

q1 is the trainee's weights and cut (checked against the seed's rules: all three
dimensions, adding up to 100, a cut that separates). q2-q5 are judgments on the
variant the trainee saw: the chains in 重点投入, the unstable chains, what to do
about them, the key account. Each check recomputes the tiering with the trainee's
own q1 on that data.
"""

from __future__ import annotations

import pandas as pd
import pytest

import kamlab as kl
from kamlab.course import get_bank, m02
from kamlab.course._shared import default_account
from kamlab.grading import Context

from workbook_runs import cell_errors, grade_recorded, recorded, run_answered, scores

HIDDEN = 5
Q1 = {"合作潜力": 30, "利润贡献": 40, "动销基础": 30, "cut": 50}


def _answers(variant: int, q1=Q1) -> dict:
    chains = kl.datasets.load("chains", variant=variant)
    q2 = m02.tiering(chains, q1)
    invest = m02.members(q2, "重点投入")
    unstable = m02.unstable(chains, q1)["chains"] or ["无"]
    key = next(c for c in invest if c not in unstable)
    return {"q1": q1, "q2": invest, "q3": unstable, "q4": "先核实", "q5": key, "q6": "因为它的规模和利润都好。"}


def _grade(answers: dict, variant: int) -> dict:
    return grade_recorded("m02", answers, variant)


def _seen(answers: dict, seen: int, run: int = HIDDEN) -> dict:
    ctx = Context("m02", variant=run, seen_variant=seen)
    return m02.BANK.grade({k: recorded(v) for k, v in answers.items()}, ctx)


# ------------------------------------------------------------------ structure
def test_bank_structure():
    bank = get_bank("m02")
    assert bank is m02.BANK
    assert bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert bank.total_points == 15.0
    assert [q.key for q in bank.questions if q.manual] == ["q6"]
    assert [q.key for q in bank.questions if q.on == "seen"] == ["q2", "q3", "q4", "q5"]
    assert [q.key for q in bank.questions if q.read] == ["q2", "q3", "q5"]


# ----------------------------------------------------------- the decisions
@pytest.mark.parametrize("variant", [0, 3, HIDDEN])
def test_right_decisions_get_full_marks(variant):
    verdicts = _grade(_answers(variant), variant)
    assert all(v.ok for v in verdicts.values() if not v.manual), {k: v.reason_en for k, v in verdicts.items()}
    assert verdicts["q6"].manual and verdicts["q6"].score == 0


def test_other_weights_other_invest_quadrant():
    q1 = {"合作潜力": 20, "利润贡献": 55, "动销基础": 25, "cut": 45}
    answers = _answers(0, q1)
    assert set(answers["q2"]) != set(_answers(0)["q2"])
    assert all(v.ok for v in _grade(answers, 0).values() if not v.manual)


def test_judgments_are_checked_on_the_variant_the_trainee_saw():
    answers = _answers(0)
    assert all(v.ok for v in _seen(answers, seen=0).values() if not v.manual)
    # the same literal choices are wrong for what variant 5's trainee saw
    wrong = _seen(answers, seen=HIDDEN)
    assert not wrong["q2"].ok and not wrong["q5"].ok


def test_the_solution_key_account_is_the_course_default_on_variant_0():
    # m03-m06 start from default_account(chains) when their `account` parameter is empty
    assert _answers(0)["q5"] == default_account(kl.datasets.load("chains")) == "C18"


def test_checks_need_q1_first():
    answers = _answers(0)
    answers.pop("q1")
    verdicts = _grade(answers, 0)
    for key in ("q2", "q3", "q5"):
        assert not verdicts[key].ok and "exercise 1" in verdicts[key].reason_en


# ------------------------------------------------------------------------- q1
@pytest.mark.parametrize("q1, fragment", [
    ({"合作潜力": 30, "利润贡献": 40, "动销基础": 20, "cut": 50}, "add up to 90"),
    ({"合作潜力": 0, "利润贡献": 60, "动销基础": 40, "cut": 50}, "weight 0"),
    ({"合作潜力": 30, "利润贡献": 40, "动销基础": 30, "cut": 80}, "between 30 and 70"),
    ({"合作潜力": 30, "利润贡献": 40, "动销基础": 30}, "missing ['cut']"),
    ({"潜力": 30, "利润贡献": 40, "动销基础": 30, "cut": 50}, "extra ['潜力']"),
    ([30, 40, 30], "should be a dict"),
    ({"合作潜力": "三十", "利润贡献": 40, "动销基础": 30, "cut": 50}, "numbers"),
])
def test_q1_bad_choices(q1, fragment):
    v = m02.BANK.check("q1", recorded(q1), Context("m02"))
    assert not v.ok and v.score == 0
    assert fragment in v.reason_en and v.reason_zh


# ------------------------------------------------------------------------- q2
def test_q2_a_chain_outside_invest_is_named_with_its_axis():
    answers = _answers(0)
    v = _grade({"q1": Q1, "q2": answers["q2"] + ["C20"]}, 0)["q2"]
    assert not v.ok and "C20" in v.reason_zh and "利润得分" in v.reason_zh and "培育优化" in v.reason_zh


def test_q2_the_biggest_chains_are_not_the_invest_quadrant():
    chains = kl.datasets.load("chains")
    big = chains.nlargest(8, "store_count")["chain_id"].tolist()
    v = _grade({"q1": Q1, "q2": big}, 0)["q2"]
    assert not v.ok and "not invest" in v.reason_en


def test_q2_missing_and_unknown_and_empty():
    answers = _answers(0)
    assert "missing" in _grade({"q1": Q1, "q2": answers["q2"][:-2]}, 0)["q2"].reason_en
    assert "C99" in _grade({"q1": Q1, "q2": ["C99"]}, 0)["q2"].reason_en
    assert "No chain ticked" in _grade({"q1": Q1, "q2": []}, 0)["q2"].reason_en


# ------------------------------------------------------------------------- q3
def test_q3_stable_chain_and_none():
    v = _grade({"q1": Q1, "q3": ["C19", "C08", "C18"]}, 0)["q3"]
    assert not v.ok and "C18" in v.reason_en and "stable" in v.reason_en
    v = _grade({"q1": Q1, "q3": ["无"]}, 0)["q3"]
    assert not v.ok and "not “none”" in v.reason_en
    assert "missing" in _grade({"q1": Q1, "q3": ["C19"]}, 0)["q3"].reason_en
    assert "Nothing ticked" in _grade({"q1": Q1, "q3": []}, 0)["q3"].reason_en


def test_q3_none_is_right_when_no_chain_is_unstable():
    assert m02.unstable(kl.datasets.load("chains", variant=HIDDEN), Q1)["chains"] == []
    assert _grade({"q1": Q1, "q3": ["无"]}, HIDDEN)["q3"].ok


# ------------------------------------------------------------------------- q4
@pytest.mark.parametrize("action", ["直接投入", "剔除", "改权重", None, "随便"])
def test_q4_only_verifying_first_passes(action):
    v = _grade({"q4": action}, 0)["q4"]
    assert not v.ok and v.reason_zh


# ------------------------------------------------------------------------- q5
def test_q5_outside_invest_and_unstable_fail():
    v = _grade({"q1": Q1, "q5": "C01"}, 0)["q5"]        # the most stores, in 培育优化
    assert not v.ok and "培育优化" in v.reason_zh
    assert _grade({"q1": Q1, "q5": "C22"}, 0)["q5"].ok   # another invest chain is a defensible pick
    chains = kl.datasets.load("chains", variant=4)
    shaky = [c for c in m02.members(m02.tiering(chains, Q1), "invest") if c in m02.unstable(chains, Q1)["chains"]]
    v = _grade({"q1": Q1, "q5": shaky[0]}, 4)["q5"]
    assert not v.ok and "unstable" in v.reason_en


# -------------------------------------------------------------------- helpers
def test_members_pick_and_criteria():
    t = pd.DataFrame({"total": [80.0, 60.0, 90.0, 70.0], "rank": [2, 4, 1, 3],
                      "quadrant_code": ["invest", "maintain", "invest", "streamline"]},
                     index=["C01", "C02", "C03", "C04"])
    assert m02.members(t, "重点投入") == ["C03", "C01"] and m02.pick(t, rank=2) == "C01"
    table = m02.criteria_table()
    assert len(table) == 10 and set(table["维度"]) == set(m02.DIMENSIONS)


def test_rubric_changes_only_the_dimension_weights():
    r = m02.rubric(Q1)
    base = kl.screening.CHAIN_RUBRIC
    assert {d: r["dimensions"][d]["weight"] for d in m02.DIMENSIONS} == {"合作潜力": 30, "利润贡献": 40, "动销基础": 30}
    assert all(r["dimensions"][d]["criteria"] == base["dimensions"][d]["criteria"] for d in m02.DIMENSIONS)


# ---------------------------------------------------------------------- forms
def test_forms_start_neutral_and_say_what_they_show():
    chains = kl.datasets.load("chains")
    f1 = m02.weights_form(chains)
    assert "15" in f1.text and not m02.BANK.check("q1", eval(f1.line.split(" = ", 1)[1]), Context("m02")).ok
    for d, v in zip(m02.DIMENSIONS, (25, 45, 30)):
        f1.controls[d].value = v
    assert f1.text == "权重合计 100。"
    f2 = m02.invest_form(chains, Q1)
    assert f2.line == "q2 = []" and "0" in f2.text
    f2.controls["chains"].tick(["C18", "C22"])
    assert f2.line == 'q2 = ["C18", "C22"]' and "C18、C22" in f2.text
    assert m02.stability_form(chains, Q1).line == "q3 = []"
    f4 = m02.action_form()
    assert f4.line == "q4 = None"
    f4.controls["action"].value = "剔除"
    assert "剔除" in f4.text
    f5 = m02.pick_form(chains, Q1)
    assert f5.line == "q5 = None"
    f5.controls["chain"].value = "C18"
    assert f5.line == 'q5 = "C18"' and "C18" in f5.text and "1.00" in f5.text


def test_forms_run_while_q1_is_unanswered():
    chains = kl.datasets.load("chains")
    for form in (m02.invest_form(chains, ...), m02.stability_form(chains, ...), m02.pick_form(chains, ...)):
        assert "not answered" in form.text or "还没有作答" in form.text


def test_text_form_quotes_the_text():
    form = m02.text_form()
    form.controls["text"].value = '选它，因为"回款"快\n而且门店多'
    ns: dict = {}
    exec(form.line, {}, ns)
    assert ns["q6"] == '选它，因为"回款"快 而且门店多'


def test_english_labels():
    kl.set_language("en")
    chains = kl.datasets.load("chains")
    assert m02.weights_form(chains).controls["cut"].description == "high/low cut"
    assert m02.action_form().controls["action"].options[1][0].startswith("verify")
    assert m02.plot_stability(pd.Series([0.9, 0.3], index=["C01", "C02"])).get_xlabel().startswith("share")


# ------------------------------------------------------------ widget-only path
_OPERATE = {
    "q1": ('form_q1.controls["合作潜力"].value = 25\nform_q1.controls["利润贡献"].value = 45\n'
           'form_q1.controls["动销基础"].value = 30\nform_q1.controls["cut"].value = 45'),
    # the trainee reads the chart: the chains in the top-right quadrant
    "q2": 'form_q2.controls["chains"].tick(kl.course.m02.members(kl.course.m02.tiering(chains, q1), "重点投入"))',
    "q3": 'form_q3.controls["chains"].tick(kl.course.m02.unstable(chains, q1)["chains"] or ["无"])',
    "q4": 'form_q4.controls["action"].value = "先核实"',
    "q5": ('_shaky = kl.course.m02.unstable(chains, q1)["chains"]\n'
           'form_q5.controls["chain"].value = [c for c in kl.course.m02.members(kl.course.m02.tiering(chains, q1), '
           '"重点投入") if c not in _shaky][0]'),
    "q6": 'form_q6.controls["text"].value = "门店多、回款快，我会把精简调整客户的陈列费转给它。"',
}


def test_a_notebook_answered_through_the_widgets_only_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered("m02", tmp_path, variant=HIDDEN, operations=_OPERATE)
    assert cell_errors(executed) == []
    assert set(answers) == {"q1", "q2", "q3", "q4", "q5", "q6"}
    assert answers["q1"] == {"合作潜力": 25, "利润贡献": 45, "动销基础": 30, "cut": 45}
    assert scores(verdicts) == {"q1": (True, 2.0), "q2": (True, 3.0), "q3": (True, 3.0), "q4": (True, 2.0),
                                "q5": (True, 2.0)}
    assert verdicts["q6"].manual and answers["q6"].startswith("门店多")
