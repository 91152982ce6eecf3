"""m02 三维客户精准筛选: question bank checks, helpers, forms and the widget-only path.

The bank's checks are consistency checks: the reference is what the tools give
with the trainee's own q1 on the context's data.  A computed answer passes on
every variant; an answer computed (or typed in) from variant 0 fails on the
hidden variant 5.
"""

from __future__ import annotations

import pandas as pd
import pytest

import kamlab as kl
from kamlab.course import get_bank, m02
from kamlab.grading import Context

from workbook_runs import cell_errors, grade_recorded, recorded, run_answered, scores

HIDDEN = 5
Q1 = {"合作潜力": 30, "利润贡献": 40, "动销基础": 30, "cut": 50}


def _answers(variant: int, q1=Q1, spread=0.2, below=0.7, rank=1) -> dict:
    chains = kl.datasets.load("chains", variant=variant)
    q2 = kl.screening.screen(chains, m02.rubric(q1), id_col="chain_id", cut=m02.cut(q1))
    return {"q1": q1, "q2": q2, "q3": m02.members(q2, "重点投入"),
            "q4": m02.unstable(chains, q1, spread=spread, below=below),
            "q5": m02.pick(q2, rank=rank), "q6": "因为它的规模和利润都好。"}


def _grade(answers: dict, variant: int) -> dict:
    return grade_recorded("m02", answers, variant)


# ------------------------------------------------------------------ structure
def test_bank_structure():
    bank = get_bank("m02")
    assert bank is m02.BANK
    assert bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert bank.total_points == 15.0
    assert [q.key for q in bank.questions if q.manual] == ["q6"]
    assert all(q.prompt[0] and q.prompt[1] for q in bank.questions)
    assert all(q.hint[0] and q.hint[1] for q in bank.questions if not q.manual)


# ---------------------------------------------------------- computed answers
@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_computed_answers_get_full_marks(variant):
    verdicts = _grade(_answers(variant), variant)
    assert {k: v.ok for k, v in verdicts.items() if not v.manual} == dict.fromkeys(
        ["q1", "q2", "q3", "q4", "q5"], True)
    assert verdicts["q6"].manual and verdicts["q6"].score == 0


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_other_weights_other_swing_still_consistent(variant):
    q1 = {"合作潜力": 20, "利润贡献": 55, "动销基础": 25, "cut": 45}
    verdicts = _grade(_answers(variant, q1=q1, spread=0.3, below=0.8), variant)
    assert all(v.ok for v in verdicts.values() if not v.manual)


def test_answers_from_variant_0_fail_on_the_hidden_variant():
    answers = _answers(0)
    # typed in as literals: the lists / table of variant 0
    ref5 = _answers(HIDDEN)
    assert set(answers["q3"]) != set(ref5["q3"])   # the variants really differ
    verdicts = _grade(answers, HIDDEN)
    assert verdicts["q1"].ok                         # a decision, not a computed answer
    for key in ("q2", "q3", "q5"):
        assert not verdicts[key].ok and verdicts[key].score == 0, key
    assert "chains sit in a quadrant other" in verdicts["q2"].reason_en


def test_unstable_list_typed_in_fails():
    answers = _answers(0)
    assert answers["q4"]["chains"], "variant 0 has unstable chains at ±20%"
    typed = dict(answers["q4"], chains=answers["q4"]["chains"][:-1])
    v = _grade({"q1": Q1, "q4": typed}, 0)["q4"]
    assert not v.ok and "do not type it in" in v.reason_en


# ------------------------------------------------------------------------- q1
@pytest.mark.parametrize("q1, fragment", [
    ({"合作潜力": 30, "利润贡献": 40, "动销基础": 20, "cut": 50}, "add up to 90"),
    ({"合作潜力": 0, "利润贡献": 60, "动销基础": 40, "cut": 50}, "> 0"),
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


def test_q1_float_weights_summing_to_100_pass():
    assert m02.BANK.check("q1", {"合作潜力": 33.3, "利润贡献": 33.4, "动销基础": 33.3, "cut": 52.5},
                          Context("m02")).ok


# ------------------------------------------------------------ consistency q2-5
def test_checks_need_q1_first():
    answers = _answers(0)
    answers.pop("q1")
    verdicts = _grade(answers, 0)
    for key in ("q2", "q3", "q4", "q5"):
        assert not verdicts[key].ok and "exercise 1" in verdicts[key].reason_en


def test_q2_with_other_weights_than_q1_fails():
    chains = kl.datasets.load("chains")
    other = kl.screening.screen(chains, kl.screening.CHAIN_RUBRIC, id_col="chain_id", cut=50)
    q1 = {"合作潜力": 10, "利润贡献": 80, "动销基础": 10, "cut": 60}
    v = m02.BANK.grade({"q1": q1, "q2": recorded(other)}, Context("m02"))["q2"]
    assert not v.ok and "chains sit in a quadrant other" in v.reason_en


def test_q2_filtered_table_fails():
    answers = _answers(0)
    v = _grade({"q1": Q1, "q2": answers["q2"].table.head(30)}, 0)["q2"]
    assert not v.ok and "tier every chain" in v.reason_en


def test_q2_edited_total_fails():
    table = _answers(0)["q2"].table.copy()
    table.iloc[0, table.columns.get_loc("total")] += 1.0
    v = _grade({"q1": Q1, "q2": table}, 0)["q2"]
    assert not v.ok and "totals differ" in v.reason_en


def test_q3_wrong_quadrant_fails():
    q2 = _answers(0)["q2"]
    v = _grade({"q1": Q1, "q3": m02.members(q2, "培育优化")}, 0)["q3"]
    assert not v.ok and "重点投入" in v.reason_zh


def test_q5_outside_invest_fails():
    q2 = _answers(0)["q2"]
    outsider = m02.members(q2, "精简调整")[0]
    v = _grade({"q1": Q1, "q5": outsider}, 0)["q5"]
    assert not v.ok
    assert _grade({"q1": Q1, "q5": m02.pick(q2, rank=2)}, 0)["q5"].ok


def test_q4_swing_out_of_range_fails():
    v = _grade({"q1": Q1, "q4": {"spread": 0.9, "below": 0.7, "chains": []}}, 0)["q4"]
    assert not v.ok and "between ±5% and ±50%" in v.reason_en


# -------------------------------------------------------------------- helpers
def _toy() -> pd.DataFrame:
    return pd.DataFrame({"total": [80.0, 60.0, 90.0, 70.0],
                         "quadrant_code": ["invest", "maintain", "invest", "streamline"],
                         "rank": [2, 4, 1, 3]}, index=["C01", "C02", "C03", "C04"])


def test_members_and_pick_by_rank():
    t = _toy()
    assert m02.members(t, "重点投入") == ["C03", "C01"]
    assert m02.members(t, "invest") == ["C03", "C01"]
    assert m02.members(t, "精简调整") == ["C04"]
    assert m02.members(t, "培育优化") == []
    assert (m02.pick(t), m02.pick(t, rank=2)) == ("C03", "C01")
    with pytest.raises(kl.BadValueError, match="rank"):
        m02.pick(t, rank=3)
    with pytest.raises(kl.BadValueError, match="Unknown quadrant"):
        m02.members(t, "重点")


def test_pick_falls_back_to_overall_rank_when_invest_is_empty():
    t = _toy().assign(quadrant_code=["maintain", "maintain", "cultivate", "streamline"])
    assert m02.pick(t, rank=2) == "C01"


def test_unanswered_inputs_give_defaults_not_errors():
    assert m02.or_default(...) == m02.DEFAULT_CHOICE
    assert m02.members(..., "重点投入") == [] and m02.pick(...) == ""
    assert m02.rubric(...)["dimensions"]["动销基础"]["weight"] == 30
    with pytest.raises(kl.BadValueError, match="q1"):
        m02.rubric({"合作潜力": 30})


def test_rubric_changes_only_the_dimension_weights():
    r = m02.rubric(Q1)
    base = kl.screening.CHAIN_RUBRIC
    assert {d: r["dimensions"][d]["weight"] for d in m02.DIMENSIONS} == {"合作潜力": 30, "利润贡献": 40, "动销基础": 30}
    assert all(r["dimensions"][d]["criteria"] == base["dimensions"][d]["criteria"] for d in m02.DIMENSIONS)


def test_unstable_is_the_tool_stability_below_threshold():
    chains = kl.datasets.load("chains")
    s = kl.screening.stability(chains, m02.rubric(Q1), id_col="chain_id", cut=50, spread=0.25)
    got = m02.unstable(chains, Q1, spread=0.25, below=0.8)
    assert set(got["chains"]) == set(s.index[s < 0.8])
    assert (got["spread"], got["below"]) == (0.25, 0.8)


def test_a_trainees_own_data_file_is_used_by_the_checks(tmp_path):
    chains = kl.datasets.load("chains", variant=3)
    path = tmp_path / "mine.csv"
    chains.to_csv(path, index=False)
    answers = _answers(3)
    ctx = Context("m02", data_file=str(path), data_name="chains")
    verdicts = m02.BANK.grade({k: recorded(v) for k, v in answers.items()}, ctx)
    assert all(v.ok for v in verdicts.values() if not v.manual)


# ---------------------------------------------------------------------- forms
def test_weights_form_writes_the_q1_line_and_warns_on_a_bad_sum():
    form = m02.weights_form(kl.datasets.load("chains"))
    assert form.line == 'q1 = {"合作潜力": 35, "利润贡献": 35, "动销基础": 30, "cut": 50}'
    form.controls["合作潜力"].value = 25
    form.controls["利润贡献"].value = 45
    form.controls["cut"].value = 55
    assert form.line == 'q1 = {"合作潜力": 25, "利润贡献": 45, "动销基础": 30, "cut": 55}'
    q1 = {}
    exec(form.line, {}, q1)
    assert m02.BANK.check("q1", q1["q1"], Context("m02")).ok


def test_stability_and_pick_and_quadrant_forms():
    chains = kl.datasets.load("chains")
    q2 = m02.tiering(chains, Q1)
    f4 = m02.stability_form(chains, Q1)
    f4.controls["spread"].value = 30
    f4.controls["below"].value = 0.75
    assert f4.line == "q4 = kl.course.m02.unstable(chains, q1, spread=0.3, below=0.75)"
    f5 = m02.pick_form(chains, q2)
    labels = [label for label, _ in f5.controls["rank"].options]
    assert len(labels) == len(m02.members(q2, "重点投入"))
    assert labels[0].startswith("第1名 " + m02.pick(q2))
    f5.controls["rank"].value = 2
    assert f5.line == "q5 = kl.course.m02.pick(q2, rank=2)"
    f3 = m02.quadrant_form(q2)
    f3.controls["quadrant"].value = "维持收益"
    assert f3.line == 'q3 = kl.course.m02.members(q2, "维持收益")'
    assert m02.tiering_form(chains, Q1).line.startswith("q2 = kl.screening.screen(chains, kl.course.m02.rubric(q1)")


def test_text_form_quotes_the_text():
    form = m02.text_form()
    form.controls["text"].value = '选它，因为"回款"快\n而且门店多'
    ns: dict = {}
    exec(form.line, {}, ns)
    assert ns["q6"] == '选它，因为"回款"快 而且门店多'


def test_forms_run_while_earlier_answers_are_unanswered():
    chains = kl.datasets.load("chains")
    for form in (m02.tiering_form(chains, ...), m02.stability_form(chains, ...),
                 m02.quadrant_form(...), m02.pick_form(chains, ...)):
        assert form.line


def test_english_labels():
    kl.set_language("en")
    chains = kl.datasets.load("chains")
    form = m02.weights_form(chains)
    assert form.controls["cut"].description == "high/low cut"
    f5 = m02.pick_form(chains, m02.tiering(chains, Q1))
    assert f5.controls["rank"].options[0][0].startswith("#1 ")
    assert m02.plot_stability(pd.Series([0.9, 0.3], index=["C01", "C02"])).get_xlabel().startswith("share")


# ------------------------------------------------------------ widget-only path
def _operate(key: str) -> str:
    """The cell a trainee 'runs' by hand: move the form's controls."""
    return {
        "q1": ('form_q1.controls["合作潜力"].value = 25\nform_q1.controls["利润贡献"].value = 45\n'
               'form_q1.controls["动销基础"].value = 30\nform_q1.controls["cut"].value = 45'),
        "q2": "pass",
        "q3": 'form_q3.controls["quadrant"].value = "重点投入"',
        "q4": 'form_q4.controls["spread"].value = 25\nform_q4.controls["below"].value = 0.75',
        "q5": 'form_q5.controls["rank"].value = len(form_q5.controls["rank"].options)',
        "q6": 'form_q6.controls["text"].value = "门店多、回款快，我会把精简调整客户的陈列费转给它。"',
    }[key]


def test_a_notebook_answered_through_the_widgets_only_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m02", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in m02.BANK.keys()})
    assert cell_errors(executed) == []
    assert set(answers) == {"q1", "q2", "q3", "q4", "q5", "q6"}
    assert answers["q1"] == {"合作潜力": 25, "利润贡献": 45, "动销基础": 30, "cut": 45}
    assert (answers["q4"]["spread"], answers["q4"]["below"]) == (0.25, 0.75)
    assert scores(verdicts) == {"q1": (True, 2.0), "q2": (True, 3.0), "q3": (True, 2.0), "q4": (True, 3.0),
                                "q5": (True, 2.0)}
    assert verdicts["q6"].manual and answers["q6"].startswith("门店多")
