"""m05 双赢协议谈判: question bank checks, helpers, forms and the widget-only path.

Every auto check recomputes its reference with the negotiation tool on the
context's own clause table and the trainee's own earlier decisions (q1 core
clauses, q2 weight estimate).  A computed answer passes on every variant; an
answer computed on variant 0 and typed in fails on the hidden variant 5.
"""

from __future__ import annotations

import pandas as pd
import pytest

import kamlab as kl
from kamlab.course import get_bank, m05
from kamlab.grading import Context

from workbook_runs import cell_errors, grade_recorded, recorded, run_answered, scores

HIDDEN = 5
Q2 = {"供货价格/折扣": 20, "回款账期": 18, "新品进场率": 6, "联合活动": 10, "店员培训": 10, "数据反馈": 8,
      "陈列资源": 12, "返利": 16}
PACKAGE = {"供货价格/折扣": "3%", "回款账期": "45天", "新品进场率": "80%", "联合活动": "每季度2次",
           "店员培训": "每季度2次", "数据反馈": "门店级周数据", "陈列资源": "黄金陈列", "返利": "2%"}
LOG = [dict(zip(("step", "side", "clause", "option"), row)) for row in [
    (1, "我方", "回款账期", "开价"), (1, "对方", "回款账期", "对方开价"),
    (1, "我方", "返利", "开价"), (1, "对方", "返利", "对方开价"),
    (2, "我方", "新品进场率", "开价"), (2, "对方", "新品进场率", "对方开价"),
    (3, "我方", "回款账期", "目标"), (3, "对方", "新品进场率", "目标"),
    (4, "我方", "返利", "目标"), (4, "对方", "回款账期", "目标")]]


def _answers(variant: int, *, top=3, extra=("新品进场率",), q2=Q2, package=PACKAGE, log=LOG) -> dict:
    clauses = kl.datasets.load("clauses", variant=variant)
    q1 = m05.split(clauses, top=top, extra=list(extra))
    m = m05.matrix(clauses, their_weights=q2, core=q1)
    return {"q1": q1, "q2": q2, "q3": m.nash(), "q4": m05.assess(m, package),
            "q5": m.trade_plan().head(2), "q6": m05.review_log(m, log), "q7": "对方要账期，其实是要现金流。"}


def _grade(answers: dict, variant: int) -> dict:
    return grade_recorded("m05", answers, variant)


# ------------------------------------------------------------------ structure
def test_bank_structure():
    bank = get_bank("m05")
    assert bank is m05.BANK
    assert bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]
    assert bank.total_points == 18.0
    assert bank.datasets[0] == "clauses"
    assert [q.key for q in bank.questions if q.manual] == ["q7"]
    assert all(q.prompt[0] and q.prompt[1] for q in bank.questions)
    assert all(q.hint[0] and q.hint[1] for q in bank.questions if not q.manual)


# ---------------------------------------------------------- computed answers
@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_computed_answers_get_full_marks(variant):
    verdicts = _grade(_answers(variant), variant)
    assert {k: v.ok for k, v in verdicts.items() if not v.manual} == dict.fromkeys(
        ["q1", "q2", "q3", "q4", "q5", "q6"], True)
    assert verdicts["q7"].manual and verdicts["q7"].score == 0


@pytest.mark.parametrize("variant", range(10))
def test_the_solution_log_holds_against_every_counterpart(variant):
    verdicts = _grade(_answers(variant), variant)
    assert verdicts["q6"].ok, verdicts["q6"].reason_en


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_other_decisions_still_consistent(variant):
    q2 = dict.fromkeys(Q2, 12.5)
    package = dict(PACKAGE, 回款账期="30天", 返利="1%")
    verdicts = _grade(_answers(variant, top=4, extra=(), q2=q2, package=package), variant)
    assert all(v.ok for v in verdicts.values() if not v.manual)


def test_answers_from_variant_0_fail_on_the_hidden_variant():
    typed = _answers(0)
    ref5 = _answers(HIDDEN)
    assert typed["q1"]["core"] != ref5["q1"]["core"]          # the counterparts really differ
    verdicts = _grade(typed, HIDDEN)
    assert verdicts["q2"].ok                                   # a decision, not a computed answer
    for key in ("q1", "q3", "q4", "q5", "q6"):
        assert not verdicts[key].ok, key
    assert "do not type the lists in" in verdicts["q1"].reason_en
    assert "Nash point" in verdicts["q3"].reason_en


# ------------------------------------------------------------------------- q1
def test_q1_course_rule_and_tradeable_floor():
    clauses = kl.datasets.load("clauses")
    ctx = Context("m05")
    two = dict(m05.split(clauses, top=2))
    v = m05.BANK.check("q1", recorded(two), ctx)
    assert not v.ok and "3 most important" in v.reason_en and "前 3 个" in v.reason_zh
    crowded = m05.split(clauses, top=5, extra=["回款账期", "返利"])
    assert len(crowded["tradeable"]) == 1
    v = m05.BANK.check("q1", recorded(crowded), ctx)
    assert not v.ok and "Only 1 tradeable" in v.reason_en
    edited = dict(m05.split(clauses, top=3), core=["返利"])
    assert not m05.BANK.check("q1", recorded(edited), ctx).ok
    assert not m05.BANK.check("q1", ["店员培训", "数据反馈", "陈列资源"], ctx).ok


def test_split_is_top_by_our_weight_with_ties():
    assert m05.split(kl.datasets.load("clauses"), top=3) == {
        "top": 3, "extra": [], "core": ["店员培训", "数据反馈", "陈列资源"],
        "tradeable": ["供货价格/折扣", "回款账期", "新品进场率", "联合活动", "返利"]}
    # variant 5: weights 20, 20, 13, 13, ... -> the tie at the third place is core too
    s5 = m05.split(kl.datasets.load("clauses", variant=HIDDEN), top=3)
    assert s5["core"] == ["供货价格/折扣", "新品进场率", "数据反馈", "返利"]
    with pytest.raises(kl.BadValueError, match="did you mean '返利'"):
        m05.split(kl.datasets.load("clauses"), extra=["返 利"])
    with pytest.raises(kl.BadValueError, match="top"):
        m05.split(kl.datasets.load("clauses"), top=0)


# ------------------------------------------------------------------------- q2
@pytest.mark.parametrize("q2, fragment", [
    ({k: v for k, v in Q2.items() if k != "返利"}, "missing ['返利']"),
    (dict(Q2, 返利=0, 回款账期=34), "> 0"),
    (dict(Q2, 返利=26), "add up to 110"),
    ([20, 18], "should be a dict"),
    (dict(Q2, 返利="16"), "number"),
])
def test_q2_bad_estimates(q2, fragment):
    v = m05.BANK.check("q2", recorded(q2), Context("m05"))
    assert not v.ok and fragment in v.reason_en and v.reason_zh


def test_to_100_rescales():
    assert m05.to_100({"a": 1, "b": 3}) == {"a": 25.0, "b": 75.0}
    assert m05.BANK.check("q2", m05.to_100(dict.fromkeys(Q2, 7)), Context("m05")).ok
    with pytest.raises(kl.BadValueError, match="> 0"):
        m05.to_100({"a": 0})


# ------------------------------------------------------------- q3-q6 checks
def test_checks_need_q2_first():
    answers = _answers(0)
    answers.pop("q2")
    verdicts = _grade(answers, 0)
    for key in ("q3", "q4", "q5", "q6"):
        assert not verdicts[key].ok and "exercise 2" in verdicts[key].reason_en


def test_q3_nash_of_another_estimate_fails():
    other = m05.matrix(kl.datasets.load("clauses")).nash()      # the data's own estimate, not q2
    assert other != _answers(0)["q3"]
    v = _grade({"q1": _answers(0)["q1"], "q2": Q2, "q3": other}, 0)["q3"]
    assert not v.ok and "Nash point" in v.reason_en


def test_q4_edited_value_left_fails():
    answers = _answers(0)
    edited = dict(answers["q4"], value_left=answers["q4"]["value_left"] + 1)
    v = _grade({"q1": answers["q1"], "q2": Q2, "q4": edited}, 0)["q4"]
    assert not v.ok and "do not type them" in v.reason_en
    bad = {"package": dict(PACKAGE, 返利="9%"), "u_us": 1, "u_them": 1}
    assert "wrong clause or option" in _grade({"q2": Q2, "q4": bad}, 0)["q4"].reason_en


def test_q4_assessment_by_hand():
    m = m05.matrix(kl.datasets.load("clauses"))
    worst = {c.name: c.options[-1] for c in m.clauses}
    a = m05.assess(m, worst)
    assert a["feasible"] is False and a["u_them"] == 100.0
    assert a["u_us"] == pytest.approx((13 * 1 + 9 * 16 + 12 * 2 + 7 * 1 + 16 * 4 + 18 * 10 + 16 * 3 + 9 * 1) / 100)
    # every clause is below walk-away, except 新品进场率 (walk-away 40% is its last option) and
    # 店员培训 (walk-away is its last option, but it is core and below its target)
    assert set(a["problems"]) == set(m05.clause_names(kl.datasets.load("clauses"))) - {"新品进场率"}
    nash = m05.assess(m, m.nash())
    assert nash["on_frontier"] and nash["value_left"] == 0.0 and nash["better_package"] is None


def test_q5_wrong_steps_fail():
    answers = _answers(0)
    plan = m05.matrix(kl.datasets.load("clauses"), their_weights=Q2, core=answers["q1"]).trade_plan()
    v = _grade({"q1": answers["q1"], "q2": Q2, "q5": plan.iloc[1:3]}, 0)["q5"]
    assert not v.ok and "call m.trade_plan()" in v.reason_en
    v = _grade({"q1": answers["q1"], "q2": Q2, "q5": plan.head(1)}, 0)["q5"]
    assert not v.ok and "first 2 steps" in v.reason_en


def test_q5_depends_on_the_core_clauses():
    clauses = kl.datasets.load("clauses")
    core_a = m05.matrix(clauses, their_weights=Q2, core=["数据反馈"]).trade_plan()
    core_b = m05.matrix(clauses, their_weights=Q2, core=["回款账期", "数据反馈"]).trade_plan()
    assert core_a.loc[1, "give_clause"] == "回款账期"          # ratio 18/9 = 2.0, the highest
    # 回款账期 made core: it is given last; 返利, 供货, 联合活动 (ratios 1.78, 1.54, 1.43) open at
    # their target, so 陈列资源 (12/16 = 0.75) goes first
    assert core_b["give_clause"].tolist() == ["陈列资源", "陈列资源", "店员培训", "回款账期"]


def test_q6_partial_scores():
    answers = _answers(0)
    base = {"q1": answers["q1"], "q2": Q2}
    m = m05.matrix(kl.datasets.load("clauses"), their_weights=Q2, core=answers["q1"])
    three = [r for r in LOG if r["step"] != 4 and r["clause"] != "返利"]
    v = _grade({**base, "q6": m05.review_log(m, three)}, 0)["q6"]
    assert not v.ok and v.score == pytest.approx(4 * 2 / 3) and "only 3 rounds" in v.reason_en
    giveaway = [r for r in LOG if not (r["step"] >= 3 and r["side"] == "对方")]
    v = _grade({**base, "q6": m05.review_log(m, giveaway)}, 0)["q6"]
    assert not v.ok and "got nothing in exchange" in v.reason_en and "无交换不让步" in v.reason_zh
    assert v.score == pytest.approx(4 * 2 / 3)
    below = LOG + [{"step": 5, "side": "我方", "clause": "返利", "option": "5%"},
                   {"step": 5, "side": "对方", "clause": "回款账期", "option": "30天"}]
    v = _grade({**base, "q6": m05.review_log(m, below)}, 0)["q6"]
    assert not v.ok and "below our walk-away" in v.reason_en and v.score == pytest.approx(4 * 2 / 3)
    forged = dict(m05.review_log(m, giveaway), unanswered=[])
    assert "fresh review" in _grade({**base, "q6": forged}, 0)["q6"].reason_en


def test_review_log_by_hand():
    m = m05.matrix(kl.datasets.load("clauses"))
    log = [{"step": 1, "side": "我方", "clause": "回款账期", "option": "30天"},
           {"step": 1, "side": "对方", "clause": "回款账期", "option": "对方开价"},
           {"step": 2, "side": "我方", "clause": "回款账期", "option": "45天"},
           {"step": None, "side": "", "clause": None, "option": None}]
    r = m05.review_log(m, log)
    assert r["rounds"] == 2 and r["feasible"]
    assert r["unanswered"] == [{"step": 2, "clause": "回款账期", "from": "30天", "to": "45天"}]
    assert r["final"]["回款账期"] == "45天" and r["final"]["返利"] == "1%"   # not discussed: our target
    assert len(r["log"]) == 3
    resolved = m05.resolve_log(m, log)
    assert resolved["option"].tolist() == ["30天", "120天", "45天"]
    with pytest.raises(kl.BadValueError, match="empty"):
        m05.review_log(m, [])
    with pytest.raises(kl.KamlabInputError, match="did you mean '回款账期'"):
        m05.review_log(m, [{"step": 1, "side": "我方", "clause": "回款帐期", "option": "30天"}])


# -------------------------------------------------------------------- helpers
def test_matrix_takes_the_estimate_and_core_clauses():
    clauses = kl.datasets.load("clauses")
    before = clauses.copy()
    m = m05.matrix(clauses, their_weights=Q2, core=["返利"])
    pd.testing.assert_frame_equal(clauses, before)
    assert m.table["their_weight"].to_dict() == {k: float(v) for k, v in Q2.items()}
    assert m.table["core"].tolist() == [n == "返利" for n in m05.clause_names(clauses)]
    default = m05.matrix(clauses)
    assert default.table["core"].tolist() == kl.negotiation.ConcessionMatrix.from_table(clauses).table["core"].tolist()


def test_matrix_bad_estimates_name_the_clause_in_both_languages():
    clauses = kl.datasets.load("clauses")
    with pytest.raises(kl.BadValueError) as err:
        m05.matrix(clauses, their_weights={k: v for k, v in Q2.items() if k != "陈列资源"})
    assert "陈列资源" in err.value.zh and "陈列资源" in err.value.en and err.value.column == "陈列资源"
    with pytest.raises(kl.BadValueError, match="did you mean '返利'"):
        m05.matrix(clauses, their_weights={**Q2, "反利": 3})
    with pytest.raises(kl.BadValueError, match="> 0"):
        m05.matrix(clauses, their_weights=dict(Q2, 返利=-1))


def test_key_account_and_label():
    chains = kl.datasets.load("chains")
    assert m05.key_account("C03", chains) == "C03"
    assert m05.key_account(None, chains) == kl.course._shared.default_account(chains)
    assert m05.account_label("C03", chains).startswith("C03 ")


# ---------------------------------------------------------------------- forms
def test_core_form_line_and_chart():
    form = m05.core_form(kl.datasets.load("clauses"))
    assert form.line == 'q1 = kl.course.m05.split(clauses, top=3, extra=[])'
    form.controls["top"].value = 4
    form.controls["extra"].value = ("联合活动", "返利")
    assert form.line == 'q1 = kl.course.m05.split(clauses, top=4, extra=["联合活动", "返利"])'


def test_weights_form_writes_a_rescaled_estimate():
    clauses = kl.datasets.load("clauses")
    form = m05.weights_form(clauses)
    form.controls["返利"].value = 30
    ns = {"kl": kl}
    exec(form.line, ns)
    assert sum(ns["q2"].values()) == pytest.approx(100)
    assert ns["q2"]["返利"] == pytest.approx(30 * 100 / 117)
    assert m05.BANK.check("q2", ns["q2"], Context("m05")).ok


def test_proposal_trade_log_forms():
    clauses = kl.datasets.load("clauses")
    m = m05.matrix(clauses, their_weights=Q2)
    f4 = m05.proposal_form(m, "C03 某连锁")
    assert {k: c.value for k, c in f4.controls.items()} == {c.name: c.opening for c in m.clauses}
    f4.controls["返利"].value = "2%"
    ns = {"kl": kl, "m": m}
    exec(f4.line, ns)
    assert ns["q4"]["package"]["返利"] == "2%"
    assert m05.trade_form(m).line == "q5 = m.trade_plan().head(2)"
    assert m05.nash_form(m).line == "q3 = m.nash()"
    f6 = m05.log_form(m)
    cells = f6.controls["log"].cells
    for i, row in enumerate(LOG[2:], start=2):
        for col, value in row.items():
            cells[i][col].value = str(value)
    exec(f6.line, ns)
    assert ns["q6"] == m05.review_log(m, LOG)


def test_text_form_quotes_the_text():
    form = m05.text_form()
    form.controls["text"].value = '立场是"账期"\n利益是现金流'
    ns: dict = {}
    exec(form.line, {}, ns)
    assert ns["q7"] == '立场是"账期" 利益是现金流'


def test_english_labels():
    kl.set_language("en")
    clauses = kl.datasets.load("clauses")
    form = m05.core_form(clauses)
    assert form.controls["top"].description == "top clauses by our weight"
    assert m05.plot_weights(clauses).get_title() == "Clause weights: ours vs theirs (estimated)"
    assert m05.plot_trades(m05.matrix(clauses).trade_plan()).get_ylabel().startswith("utility change")
    v = m05.BANK.check("q2", {"返利": 1}, Context("m05", language="en"))
    assert "missing" in v.reason("en")


# ------------------------------------------------------------ widget-only path
def _operate(key: str) -> str:
    """The cell a trainee 'runs' by hand: move the form's controls."""
    log_rows = "\n".join(f'form_q6.controls["log"].cells[{i}]["{col}"].value = "{value}"'
                         for i, row in enumerate(LOG[2:], start=2) for col, value in row.items())
    return {
        "q1": 'form_q1.controls["top"].value = 4\nform_q1.controls["extra"].value = ("联合活动",)',
        "q2": 'form_q2.controls["返利"].value = 25\nform_q2.controls["新品进场率"].value = 3',
        "q3": "pass",
        "q4": 'form_q4.controls["回款账期"].value = "60天"\nform_q4.controls["返利"].value = "2%"',
        "q5": "pass",
        "q6": log_rows,
        "q7": 'form_q7.controls["text"].value = "对方坚持长账期，背后是现金流压力；我用返利换短账期。"',
    }[key]


def test_a_notebook_answered_through_the_widgets_only_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m05", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in m05.BANK.keys()})
    assert cell_errors(executed) == []
    assert set(answers) == {f"q{i}" for i in range(1, 8)}
    assert answers["q1"]["top"] == 4 and answers["q1"]["extra"] == ["联合活动"]
    assert answers["q2"]["返利"] == pytest.approx(25 * 100 / 115)   # variant 5 sliders start at 8 and 5
    assert answers["q4"]["package"]["回款账期"] == "60天"
    assert answers["q6"]["rounds"] == 4
    assert scores(verdicts) == {"q1": (True, 2.0), "q2": (True, 2.0), "q3": (True, 2.0), "q4": (True, 3.0),
                                "q5": (True, 2.0), "q6": (True, 4.0)}
    assert verdicts["q7"].manual and answers["q7"].startswith("对方坚持")


def test_english_forms_print_english_separators_and_start_the_log_in_english(capsys):
    import contextlib
    import io

    clauses = kl.datasets.load("clauses")
    kl.set_language("en")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        m05.core_form(clauses)
        m05.nash_form(m05.matrix(clauses))
    text = buf.getvalue()
    assert "Core clauses (3): " in text and "、" not in text and "；" not in text
    assert "; " in text
    with contextlib.redirect_stdout(io.StringIO()):
        form = m05.log_form(m05.matrix(clauses))
    first = form.controls["log"].cells[0]
    assert (first["side"].value, first["option"].value) == ("us", "opening")
    assert form.controls["log"].cells[1]["option"].value == "their_opening"
    # the English keywords resolve like the Chinese ones
    m = m05.matrix(clauses)
    en = m05.resolve_log(m, [{"step": 1, "side": "them", "clause": "返利", "option": "their_opening"}])
    zh = m05.resolve_log(m, [{"step": 1, "side": "对方", "clause": "返利", "option": "对方开价"}])
    assert en["option"].tolist() == zh["option"].tolist() == ["5%"]
