"""m06 终端动销执行: question bank, helpers, forms, and the widget-only path of the notebook."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

import kamlab as kl
from kamlab.course import m06
from kamlab.grading import Context, decode, encode

from workbook_runs import cell_errors, lost_points, run_answered

ROOT = Path(__file__).resolve().parents[1]
HIDDEN = 5
PLAN = {"liaison": "张伟", "start": "2026-11-01", "end": "2027-01-31",
        "waves": [{"stores": "A 类门店", "start": "2026-11-01", "end": "2026-11-30"},
                  {"stores": "其余门店", "start": "2026-12-01", "end": "2027-01-31"}],
        "meetings": ["2026-11-15", "2026-12-15", "2027-01-15"]}
SCHEME = {"basis": "growth", "tiers": [{"min_growth": 0.15, "bonus": 40}, {"min_growth": 0.3, "bonus": 80}],
          "payee": "chain", "category": "感冒止咳", "cost_cap": 0.3, "unit_price": 38}


def _answers(variant: int, scheme=SCHEME) -> dict:
    sellout, chains = kl.datasets.load("sellout", variant=variant), kl.datasets.load("chains", variant=variant)
    chain = m06.sellout_chain(sellout, chains)
    res = kl.incentives.simulate(sellout, scheme, chain=chain)
    raw = {"q1": PLAN, "q2": scheme, "q3": res, "q4": kl.incentives.compliance(scheme, res),
           "q5": res.cost_share, "q6": "向店长讲清目标、档位和合规。"}
    return {k: decode(encode(v)) for k, v in raw.items()}   # as the grader reads them back


def _grade(answers: dict, variant: int) -> dict:
    return m06.BANK.grade(answers, Context("m06", variant=variant, answers=answers))


def test_bank_structure():
    assert m06.BANK.keys() == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert m06.BANK.total_points == 14.0
    assert [q.key for q in m06.BANK.questions if q.manual] == ["q6"]


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_computed_answers_get_full_marks(variant):
    verdicts = _grade(_answers(variant), variant)
    assert {k: v.ok for k, v in verdicts.items() if not v.manual} == {f"q{i}": True for i in range(1, 6)}


def test_sellout_chain_designation():
    sellout, chains = kl.datasets.load("sellout"), kl.datasets.load("chains")
    assert m06.sellout_chain(sellout, chains) == "C18"          # the default key account itself
    assert m06.sellout_chain(sellout, chains, "C34") == "C34"   # a chosen key account is kept
    assert m06.sellout_chain(sellout, chains, "C01") == "C01"   # every chain has sell-out rows
    s5, c5 = kl.datasets.load("sellout", variant=5), kl.datasets.load("chains", variant=5)
    assert m06.sellout_chain(s5, c5) == "C31"
    with pytest.raises(kl.BadValueError):                       # no silent switch to another chain
        m06.sellout_chain(sellout[sellout["chain_id"] != "C01"], chains, "C01")


def test_numbers_typed_from_variant_0_fail_on_the_hidden_variant():
    answers = _answers(HIDDEN)
    typed = dict(answers, q5=_answers(0)["q5"])
    assert not _grade(typed, HIDDEN)["q5"].ok
    typed = dict(answers, q3=_answers(0)["q3"])     # a table computed on variant 0
    assert not _grade(typed, HIDDEN)["q3"].ok


def test_q3_and_q5_consistent_with_the_trainees_own_scheme():
    answers = _answers(0)
    other = {**SCHEME, "tiers": [{"min_growth": 0.1, "bonus": 20}, {"min_growth": 0.2, "bonus": 50}]}
    assert not _grade(dict(answers, q2=other), 0)["q3"].ok
    assert not _grade(dict(answers, q2=other), 0)["q5"].ok
    assert all(v.ok for k, v in _grade(_answers(0, other), 0).items() if not v.manual)
    # percentage instead of fraction
    assert "100" in _grade(dict(answers, q5=answers["q5"] * 100), 0)["q5"].reason_zh


def test_q1_structure():
    answers = _answers(0)
    assert not _grade(dict(answers, q1={**PLAN, "liaison": ""}), 0)["q1"].ok
    bad = _grade(dict(answers, q1={**PLAN, "meetings": ["2026-11-15"]}), 0)["q1"]
    assert not bad.ok and "协同会" in bad.reason_zh
    one = {**PLAN, "waves": [{"stores": 10, "start": "2026-11-01", "end": "2027-01-31"}]}
    assert "两批" in _grade(dict(answers, q1=one), 0)["q1"].reason_zh
    assert "格式" in _grade(dict(answers, q1={**PLAN, "start": "11月1日"}), 0)["q1"].reason_zh


@pytest.mark.parametrize("change, word", [
    ({"tiers": [{"min_growth": 0.15, "bonus": 40}]}, "两档"),
    ({"unit_price": 30}, "单价"),
    ({"cost_cap": 0.5}, "公司规定"),
    ({"tiers": [{"min_growth": 0.15}]}, "格式"),
])
def test_q2_decision(change, word):
    v = _grade(dict(_answers(0), q2={**SCHEME, **change}), 0)["q2"]
    assert not v.ok and word in v.reason_zh


@pytest.mark.parametrize("change, word", [
    ({"payee": "clerk"}, "店员"),
    ({"category": "处方药"}, "OTC"),
    ({"basis": "units", "tiers": [{"min_units": 30, "rate": 1.0}, {"min_units": 60, "rate": 1.5}]}, "上限"),
])
def test_q4_non_compliant_scheme_loses_the_points(change, word):
    scheme = {**SCHEME, **change}
    v = _grade(_answers(0, scheme), 0)["q4"]
    assert not v.ok and word in v.reason_zh


def test_later_questions_need_q2():
    answers = _answers(0)
    del answers["q2"]
    verdicts = _grade(answers, 0)
    assert not verdicts["q3"].ok and "练习 2" in verdicts["q3"].reason_zh


def test_forms_write_decisions_and_calls_never_numbers():
    sellout = kl.datasets.load("sellout")
    form = m06.push_form()
    form.controls["liaison"].value = "张伟"
    form.controls["meeting_every"].value = 30
    scope: dict = {}
    exec(form.line, scope)
    assert kl.incentives.push_plan(scope["q1"]).ok
    form = m06.scheme_form(sellout, "C22")
    form.controls["basis"].value = "growth"
    for row, (t, b) in enumerate([("0.15", "40"), ("0.3", "80"), ("", "")]):
        cells = form.controls["tiers"].cells[row]
        cells["threshold"].value, cells["rate"].value, cells["bonus"].value = t, "", b
    exec(form.line, scope)
    assert scope["q2"] == {**SCHEME, "unit_price": 38.0}
    for make, line in [(m06.simulate_form, "q3 = kl.incentives.simulate(sellout, q2, chain=chain)"),
                       (m06.compliance_form, "q4 = kl.incentives.compliance(q2, q3)"),
                       (m06.share_form, "q5 = kl.incentives.simulate(sellout, q2, chain=chain).cost_share")]:
        assert make(sellout, "C22", ...).line == line


def test_forms_speak_english():
    kl.set_language("en")
    form = m06.scheme_form(kl.datasets.load("sellout"), "C22")
    assert form.controls["cost_cap"].description == "Cost cap (share of increment)"
    assert m06.push_form().controls["liaison"].description == "Liaison"


# ----------------------------------------------------------------------------- the widget-only path
def _operate(key: str) -> str:
    return {
        "q1": 'form_q1.controls["liaison"].value = "张伟（KA 经理）"\nform_q1.controls["meeting_every"].value = 30',
        "q2": "\n".join(['form_q2.controls["basis"].value = "growth"',
                         'cells = form_q2.controls["tiers"].cells',
                         'cells[0]["threshold"].value, cells[0]["rate"].value, cells[0]["bonus"].value = "0.15", "", "40"',
                         'cells[1]["threshold"].value, cells[1]["rate"].value, cells[1]["bonus"].value = "0.3", "", "80"',
                         'cells[2]["threshold"].value, cells[2]["rate"].value, cells[2]["bonus"].value = "", "", ""']),
        "q3": "", "q4": "", "q5": "",
    }[key]


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m06", tmp_path, variant=HIDDEN,
        operations={k: _operate(k) for k in ("q1", "q2", "q3", "q4", "q5") if _operate(k)},
        literals={"q6": 'q6 = "按增长给连锁总部结算奖励。"'})
    assert cell_errors(executed) == []
    assert set(answers) == set(m06.BANK.keys())
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 11.0
