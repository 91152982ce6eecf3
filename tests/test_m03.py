"""m03 信息收集与机会洞察: question bank checks, helpers, forms and the widget-only path.

q2–q5 are consistency checks: the reference is what the opportunity tools give
on the context's own data for the account (and threshold) the trainee used.
A computed answer passes on every variant; one computed (or typed in) from
variant 0 fails on the hidden variant 5.
"""

from __future__ import annotations

import pandas as pd
import pytest

import kamlab as kl
from kamlab.course import get_bank, m03
from kamlab.grading import Context

from workbook_runs import cell_errors, grade_recorded, recorded, run_answered, scores

HIDDEN = 5
Q1 = {"联合营销活动": ("显性", "总部"), "高毛利产品倾斜": ("显性", "总部"), "社区健康讲座": ("隐性", "外部"),
      "店员卖点话术": ("隐性", "门店"), "新品接受度": ("隐性", "门店"), "应对竞品促销": ("显性", "外部")}


def _answers(variant: int, account=None, threshold=3, rule="tool") -> dict:
    chains = kl.datasets.load("chains", variant=variant)
    needs = kl.datasets.load("needs", variant=variant)
    account = m03.key_account(account, chains)
    q3 = kl.opportunity.matrix(needs, threshold=threshold, account=account)
    return {"q1": Q1, "q2": m03.gaps(needs, account), "q3": q3, "q4": m03.doubtful(q3),
            "q5": m03.pick(q3, k=3, rule=rule), "q6": "先做店员激励。"}


def _grade(answers: dict, variant: int) -> dict:
    return grade_recorded("m03", answers, variant)


# ------------------------------------------------------------------ structure
def test_bank_structure():
    bank = get_bank("m03")
    assert bank is m03.BANK
    assert bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert bank.total_points == 16.0
    assert [q.key for q in bank.questions if q.manual] == ["q6"]
    assert bank.datasets == ("needs", "chains")
    assert all(q.prompt[0] and q.prompt[1] for q in bank.questions)
    assert all(q.hint[0] and q.hint[1] for q in bank.questions if not q.manual)


def test_default_accounts_of_the_variants():
    assert m03.key_account(None, kl.datasets.load("chains")) == "C18"
    assert m03.key_account(None, kl.datasets.load("chains", variant=HIDDEN)) == "C31"
    with pytest.raises(kl.BadValueError, match="C99"):
        m03.key_account("C99", kl.datasets.load("chains"))


# ---------------------------------------------------------- computed answers
@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_computed_answers_get_full_marks(variant):
    verdicts = _grade(_answers(variant), variant)
    assert {k: (v.ok, v.score) for k, v in verdicts.items() if not v.manual} == {
        "q1": (True, 3.0), "q2": (True, 2.0), "q3": (True, 3.0), "q4": (True, 2.0), "q5": (True, 3.0)}
    assert verdicts["q6"].manual and verdicts["q6"].score == 0


@pytest.mark.parametrize("variant, account, threshold", [(0, "C05", 2), (HIDDEN, "C05", 4), (3, None, 4)])
def test_own_account_and_threshold_stay_consistent(variant, account, threshold):
    verdicts = _grade(_answers(variant, account=account, threshold=threshold), variant)
    assert all(v.ok for v in verdicts.values() if not v.manual), \
        {k: v.reason_en for k, v in verdicts.items() if not v.ok}


def test_answers_from_variant_0_fail_on_the_hidden_variant():
    answers = _answers(0)
    # the same account C18 on variant 5 has other gaps and other scores
    assert answers["q2"] != m03.gaps(kl.datasets.load("needs", variant=HIDDEN), "C18")
    verdicts = _grade(answers, HIDDEN)
    assert verdicts["q1"].ok                                    # the quiz does not depend on data
    for key in ("q2", "q3", "q4", "q5"):
        assert not verdicts[key].ok and verdicts[key].score == 0, key
    assert "do not type it in" in verdicts["q2"].reason_en
    assert "fix exercise 3" in verdicts["q5"].reason_en


def test_typed_picks_fail_with_the_right_matrix():
    answers5 = _answers(HIDDEN)
    typed = _answers(0)["q5"]                                   # ids of C18, not of C31
    v = _grade({"q3": answers5["q3"], "q5": typed}, HIDDEN)["q5"]
    assert not v.ok and "not needs of your key account" in v.reason_en


# ------------------------------------------------------------------------- q1
def test_q1_partial_credit_per_judgement():
    wrong = dict(Q1, 社区健康讲座=("显性", "外部"), 店员卖点话术=("隐性", "总部"))
    v = m03.BANK.check("q1", recorded(wrong), Context("m03"))
    assert not v.ok and v.score == pytest.approx(3.0 * 10 / 12)
    assert "2 of 12" in v.reason_en


@pytest.mark.parametrize("answer, fragment", [
    ({k: v for k, v in Q1.items() if k != "新品接受度"}, "not classified yet"),
    ([("显性", "总部")], "should be a dict"),
])
def test_q1_bad_forms(answer, fragment):
    v = m03.BANK.check("q1", recorded(answer), Context("m03"))
    assert not v.ok and v.score == 0 and fragment in v.reason_en


def test_q1_accepts_english_and_dotted_text():
    answer = {k: f"{'explicit' if kind == '显性' else 'implicit'}·{ {'总部': 'HQ', '门店': 'store', '外部': 'external'}[ch]}"
              for k, (kind, ch) in Q1.items()}
    assert m03.BANK.check("q1", answer, Context("m03")).ok


def test_quiz_matches_the_seed_examples():
    kinds = {k: v[2] for k, v in m03.QUIZ.items()}
    assert kinds["联合营销活动"] == "显性" and kinds["高毛利产品倾斜"] == "显性"
    assert kinds["社区健康讲座"] == "隐性" and kinds["店员卖点话术"] == "隐性"


# ------------------------------------------------------------------------- q2
def test_gaps_of_the_default_account():
    needs = kl.datasets.load("needs")
    assert m03.gaps(needs, "C18") == {"account": "C18", "uncovered": [("隐性", "门店")]}
    assert m03.gaps(needs, "C05")["uncovered"] == [("显性", "外部")]


def test_q2_bare_uncovered_uses_the_default_account_and_unknown_account_fails():
    needs = kl.datasets.load("needs")
    plan = kl.opportunity.collection_plan(needs, account="C18")
    assert m03.BANK.check("q2", recorded(plan.uncovered), Context("m03")).ok
    v = m03.BANK.check("q2", {"account": "C77", "uncovered": []}, Context("m03"))
    assert not v.ok and "C77" in v.reason_en
    v = m03.BANK.check("q2", {"account": "C18", "uncovered": []}, Context("m03"))
    assert not v.ok and "1 gaps missing" in v.reason_en


# ------------------------------------------------------------------------- q3
def test_q3_needs_the_account_filter_and_a_sensible_threshold():
    needs = kl.datasets.load("needs")
    v = m03.BANK.check("q3", recorded(kl.opportunity.matrix(needs)), Context("m03"))
    assert not v.ok and "account=account" in v.reason_en
    v = m03.BANK.check("q3", recorded(kl.opportunity.matrix(needs, threshold=5, account="C18")), Context("m03"))
    assert not v.ok and "threshold should be 2 to 4" in v.reason_en


def test_q3_edited_quadrant_or_score_fails():
    table = kl.opportunity.matrix(kl.datasets.load("needs"), account="C18").table.copy()
    edited = table.copy()
    edited.loc["N140", "quadrant_code"] = "act_now"            # 2 × 5 is 创造条件 at any threshold 2–4
    v = m03.BANK.check("q3", recorded(edited), Context("m03"))
    assert not v.ok and "any threshold" in v.reason_en
    edited = table.copy()
    edited.loc["N140", "priority"] = 25
    assert "do not edit" in m03.BANK.check("q3", recorded(edited), Context("m03")).reason_en
    assert not m03.BANK.check("q3", recorded(table.head(5)), Context("m03")).ok


# ------------------------------------------------------------------------- q4
def test_doubtful_of_the_default_account():
    opp = kl.opportunity.matrix(kl.datasets.load("needs"), account="C05")
    assert m03.doubtful(opp) == {"N035": ["竞品压力大"], "N040": ["竞品压力大", "隐性需求匹配度低"],
                                 "N033": ["竞品压力大"], "N037": ["隐性需求匹配度低"], "N036": ["竞品压力大"]}
    kl.set_language("en")
    assert m03.doubtful(opp)["N037"] == ["implicit need with low match"]


def test_q4_checks_ids_then_reasons_and_needs_q3():
    answers = _answers(0, account="C05")
    q4 = dict(answers["q4"])
    assert not _grade({"q4": q4}, 0)["q4"].ok                  # q3 missing
    q4["N040"] = ["竞品压力大"]                                 # one reason left out
    v = _grade({"q3": answers["q3"], "q4": q4}, 0)["q4"]
    assert not v.ok and v.score == 1.0 and "reasons of 1" in v.reason_en
    q4.pop("N040")
    v = _grade({"q3": answers["q3"], "q4": q4}, 0)["q4"]
    assert not v.ok and v.score == 0 and "1 missing" in v.reason_en
    en = {"N035": ["strong competitor pressure"], "N040": ["strong competitor pressure",
          "implicit need with low match"], "N033": ["strong competitor pressure"],
          "N037": ["implicit need with low match"], "N036": ["strong competitor pressure"]}
    assert _grade({"q3": answers["q3"], "q4": en}, 0)["q4"].ok


# ------------------------------------------------------------------------- q5
def test_pick_rules():
    opp = kl.opportunity.matrix(kl.datasets.load("needs"), account="C18")
    assert m03.pick(opp) == opp.top(3).index.tolist() == ["N143", "N144", "N142"]
    assert m03.pick(opp, rule="priority") == ["N137", "N143", "N144"]
    assert m03.pick(opp, rule="act_now") == ["N137", "N143", "N144"]
    assert m03.pick(..., rule="priority") == []
    with pytest.raises(kl.BadValueError, match="rule"):
        m03.pick(opp, rule="best")


@pytest.mark.parametrize("variant, account", [(0, None), (HIDDEN, None), (0, "C05"), (HIDDEN, "C05"), (3, None)])
def test_pick_tool_rule_equals_top3(variant, account):
    needs = kl.datasets.load("needs", variant=variant)
    account = m03.key_account(account, kl.datasets.load("chains", variant=variant))
    for t in m03.THRESHOLDS:
        opp = kl.opportunity.matrix(needs, threshold=t, account=account)
        assert m03.pick(opp) == opp.top(3).index.tolist()


def test_q5_ignoring_feasibility_fails_with_a_reason():
    answers = _answers(0, rule="priority")                      # picks N137 (竞品压力大)
    v = _grade(answers, 0)["q5"]
    assert not v.ok and "feasible" in v.reason_en
    assert not _grade({"q3": answers["q3"], "q5": answers["q5"][:2]}, 0)["q5"].ok
    top = answers["q3"].top(3)                                  # the tool's DataFrame is accepted too
    assert _grade({"q3": answers["q3"], "q5": top}, 0)["q5"].ok


# ------------------------------------------------------------------ helpers
def test_needs_by_type_and_account_card():
    chains, needs = kl.datasets.load("chains"), kl.datasets.load("needs")
    t = m03.needs_by_type(needs, chains)
    assert t.loc[("显性", "高毛利产品倾斜，提升区域利润")].tolist() == [8, 46]   # 1/12 NKA, 11/24 LKA
    card = m03.account_card(chains, "C18")
    assert card.index.tolist() == ["C18"] and card.iloc[0]["类型"] == "NKA"
    assert m03.example_account(needs, "C01") == "C02" and m03.example_account(needs, "C05") == "C01"


def test_a_trainees_own_needs_file_is_used_by_the_checks(tmp_path):
    needs = kl.datasets.load("needs", variant=3)
    path = tmp_path / "mine.csv"
    needs.to_csv(path, index=False)
    answers = _answers(3, account="C05")
    ctx = Context("m03", data_file=str(path), data_name="needs")
    verdicts = m03.BANK.grade({k: recorded(v) for k, v in answers.items()}, ctx)
    assert all(v.ok for v in verdicts.values() if not v.manual)


# ---------------------------------------------------------------------- forms
def test_quiz_form_line_runs_and_passes():
    form = m03.quiz_form()
    assert form.line.startswith('q1 = {"联合营销活动": None')
    for key, (_, _, kind, channel) in m03.QUIZ.items():
        form.controls[key].value = f"{kind}·{channel}"
    ns: dict = {}
    exec(form.line, {}, ns)
    assert ns["q1"] == Q1
    assert m03.BANK.check("q1", ns["q1"], Context("m03")).ok


def test_forms_write_calls_not_numbers():
    needs, chains = kl.datasets.load("needs"), kl.datasets.load("chains")
    q3 = kl.opportunity.matrix(needs, account="C18")
    assert m03.plan_form(needs, "C18").line == "q2 = kl.course.m03.gaps(needs, account)"
    f3 = m03.matrix_form(needs, "C18", chains)
    f3.controls["threshold"].value = 2
    assert f3.line == "q3 = kl.opportunity.matrix(needs, threshold=2, account=account)"
    assert f3.children[0].value == "<b>重点客户：C18 浙仁堂连锁（NKA）</b>"
    assert m03.doubts_form(q3, needs, "C18").line == "q4 = kl.course.m03.doubtful(q3)"
    f5 = m03.pick_form(q3, needs, "C18")
    f5.controls["rule"].value = "act_now"
    assert f5.line == 'q5 = kl.course.m03.pick(q3, k=3, rule="act_now")'


def test_forms_run_while_earlier_answers_are_unanswered():
    needs = kl.datasets.load("needs")
    for form in (m03.doubts_form(..., needs, "C18"), m03.pick_form(..., needs, "C18")):
        assert form.line and "练习 3" in form.children[0].value


def test_text_form_quotes_the_text():
    form = m03.text_form()
    form.controls["text"].value = '先做"店员培训"\n再做陈列'
    ns: dict = {}
    exec(form.line, {}, ns)
    assert ns["q6"] == '先做"店员培训" 再做陈列'


def test_english_labels():
    kl.set_language("en")
    needs = kl.datasets.load("needs")
    q3 = kl.opportunity.matrix(needs, account="C18")
    f5 = m03.pick_form(q3, needs, "C18")
    assert f5.controls["rule"].options[0][0].startswith("the tool")
    assert m03.plot_picks(q3, m03.pick(q3)).get_xlabel().startswith("priority")
    assert list(m03.needs_by_type(needs, kl.datasets.load("chains")).index.names) == ["kind", "need"]


def test_plot_picks_hatches_doubtful_bars():
    q3 = kl.opportunity.matrix(kl.datasets.load("needs"), account="C18")
    ax = m03.plot_picks(q3, m03.pick(q3), reasons=True)
    hatched = [p.get_hatch() for p in ax.patches[:8]]
    assert hatched.count("//") == 2                              # N137, N141: 竞品压力大


# ------------------------------------------------------------ widget-only path
def _operate(key: str) -> str:
    """The cell a trainee 'runs' by hand: move the form's controls."""
    quiz = "\n".join(f'form_q1.controls["{k}"].value = "{kind}·{ch}"' for k, (_, _, kind, ch) in m03.QUIZ.items())
    return {
        "q1": quiz,
        "q2": "pass",
        "q3": 'form_q3.controls["threshold"].value = 4',
        "q4": "pass",
        "q5": 'form_q5.controls["rule"].value = "tool"',
        "q6": 'form_q6.controls["text"].value = "第一个机会：下月底前由我牵头和采购部签订店员激励方案，衡量店员推荐率。"',
    }[key]


def test_a_notebook_answered_through_the_widgets_only_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m03", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in m03.BANK.keys()})
    assert cell_errors(executed) == []
    assert set(answers) == {"q1", "q2", "q3", "q4", "q5", "q6"}
    assert answers["q1"] == Q1
    assert answers["q2"]["account"] == "C31"                     # the default key account of variant 5
    assert isinstance(answers["q3"], pd.DataFrame) and set(answers["q3"]["account_id"]) == {"C31"}
    assert scores(verdicts) == {"q1": (True, 3.0), "q2": (True, 2.0), "q3": (True, 3.0), "q4": (True, 2.0),
                                "q5": (True, 3.0)}
    assert verdicts["q6"].manual and answers["q6"].startswith("第一个机会")


def test_quiz_keys_are_data_terms_and_long_needs_are_cut_with_an_ellipsis():
    assert m03.DATA_TERMS == tuple(m03.QUIZ) and "新品接受度" in m03.DATA_TERMS
    needs = kl.datasets.load("needs")
    account = m03.key_account(None, kl.datasets.load("chains"))
    q3 = kl.opportunity.matrix(needs, threshold=3, account=account)
    ax = m03.plot_picks(q3, m03.pick(q3))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "N143 合规的店员销售激励…" in labels and "N144 完成年度品类增长目标" in labels  # 11 chars cut, 10 kept
    assert all(len(t.split(" ", 1)[1]) <= 10 for t in labels)
