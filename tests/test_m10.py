"""m10 连锁上量与动销十要素: question bank, forms, and the widget-only path of the notebook."""

from __future__ import annotations

import pytest

import kamlab as kl
from kamlab.course import m10
from kamlab.grading import Context, decode, encode

from workbook_runs import cell_errors, lost_points, run_answered

HIDDEN = 5
PLAN = {"audience": "店员", "content": ["技巧类", "知识类"], "form": "入店一对多",
        "steps": list(kl.retail.TRAINING_STEPS), "date": "2026-11-20", "owner": "李娜"}


def _answers(variant: int, *, target=0.9, tolerance=0.2, band=(-0.1, 0.1), baseline=4, metric="growth",
             min_last=30) -> dict:
    sellout, chains = kl.datasets.load("sellout", variant=variant), kl.datasets.load("chains", variant=variant)
    listing = kl.retail.example_listing(sellout, variant)
    chain = m10.course_chain(sellout, chains)
    raw = {
        "q1": kl.retail.distribution_check(sellout, hq_listed=listing, target=target, new_product_months=1),
        "q2": kl.retail.facings(kl.retail.example_facings(variant), tolerance=tolerance),
        "q3": kl.retail.price_watch(kl.retail.example_prices(variant), suggested=kl.retail.SUGGESTED_PRICES,
                                    band=band),
        "q4": kl.retail.promotion(kl.retail.example_promotion(variant), baseline=baseline, cost=m10.PROMO_COST,
                                  margin=m10.MARGIN),
        "q5": {"role": "季节性", "promotion": "主题日促"},
        "q6": kl.retail.contest(sellout, chain=chain, metric=metric, min_last=min_last, top=10),
        "q7": PLAN,
        "q8": "先抓铺货和陈列。",
    }
    return {k: decode(encode(v)) for k, v in raw.items()}   # as the grader reads them back


def _grade(answers: dict, variant: int) -> dict:
    return m10.BANK.grade(answers, Context("m10", variant=variant, answers=answers))


def _auto_ok(verdicts: dict) -> dict:
    return {k: v.ok for k, v in verdicts.items() if not v.manual}


def test_bank_structure():
    assert m10.BANK.keys() == [f"q{i}" for i in range(1, 9)]
    assert m10.BANK.total_points == 16.0
    assert [q.key for q in m10.BANK.questions if q.manual] == ["q8"]


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_computed_answers_get_full_marks(variant):
    assert _auto_ok(_grade(_answers(variant), variant)) == {f"q{i}": True for i in range(1, 8)}


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_other_reasonable_decisions_also_pass(variant):
    answers = _answers(variant, target=1.0, tolerance=0.3, band=(-0.15, 0.2), baseline=6, metric="units",
                       min_last=0)
    assert _auto_ok(_grade(answers, variant)) == {f"q{i}": True for i in range(1, 8)}


@pytest.mark.parametrize("key", ["q1", "q2", "q3", "q4", "q6"])
def test_tables_computed_on_variant_0_fail_on_the_hidden_variant(key):
    typed = dict(_answers(HIDDEN), **{key: _answers(0)[key]})
    verdict = _grade(typed, HIDDEN)[key]
    assert not verdict.ok and "对不上" in verdict.reason_zh


def test_a_typed_number_is_the_wrong_type():
    answers = _answers(HIDDEN)
    roi = float(_answers(0)["q4"]["roi"].iloc[0])
    verdict = _grade(dict(answers, q4=roi), HIDDEN)["q4"]
    assert not verdict.ok and "kl.retail.promotion" in verdict.reason_zh


def test_an_edited_table_fails():
    answers = _answers(0)
    q2 = answers["q2"].copy()
    q2.loc["D01", "status_code"] = "fair"
    assert not _grade(dict(answers, q2=q2), 0)["q2"].ok


@pytest.mark.parametrize("changes, key, word", [
    ({"target": 0.7}, "q1", "达标线"),
    ({"tolerance": 0.6}, "q2", "太宽"),
    ({"band": (-0.4, 0.1)}, "q3", "价格带"),
    ({"baseline": 1}, "q4", "2 周"),
    ({"metric": "growth", "min_last": 0}, "q6", "最低基数"),
])
def test_decisions_outside_the_course_rules_lose_the_points(changes, key, word):
    verdict = _grade(_answers(0, **changes), 0)[key]
    assert not verdict.ok and word in verdict.reason_zh


def test_q4_needs_the_company_cost():
    sellout_variant = 0
    answers = _answers(sellout_variant)
    other = kl.retail.promotion(kl.retail.example_promotion(0), baseline=4, cost=5000, margin=m10.MARGIN)
    verdict = _grade(dict(answers, q4=decode(encode(other))), 0)["q4"]
    assert not verdict.ok and "PROMO_COST" in verdict.reason_zh


@pytest.mark.parametrize("answer, word", [
    ({"role": "目标性", "promotion": "限时特价"}, "品类角色"),
    ({"role": "季节性", "promotion": "买赠"}, "不适合"),
    ("主题日促", "类型不对"),
])
def test_q5(answer, word):
    verdict = _grade(dict(_answers(0), q5=answer), 0)["q5"]
    assert not verdict.ok and word in verdict.reason_zh


@pytest.mark.parametrize("change, word", [
    ({"audience": "店长"}, "管理类"),
    ({"owner": ""}, "owner"),
    ({"date": "2027-06-01"}, "90 天"),
    ({"steps": ["准备", "总结"]}, "步骤"),
])
def test_q7_checklist(change, word):
    verdict = _grade(dict(_answers(0), q7={**PLAN, **change}), 0)["q7"]
    assert not verdict.ok and word in verdict.reason_zh


def test_forms_write_decisions_and_calls_never_numbers():
    sellout = kl.datasets.load("sellout")
    listing = kl.retail.example_listing(sellout)
    form = m10.distribution_form(sellout, listing)
    form.controls["target"].value = 0.85
    assert form.line == ("q1 = kl.retail.distribution_check(sellout, hq_listed=listing, target=0.85, "
                         "new_product_months=1)")
    form = m10.price_form(kl.retail.example_prices())
    form.controls["high"].value = 0.2
    assert form.line.endswith("band=(-0.1, 0.2))")
    form = m10.contest_form(sellout, "C22")
    form.controls["metric"].value = "increase"
    assert form.line == 'q6 = kl.retail.contest(sellout, chain=chain, metric="increase", min_last=0, top=10)'
    form = m10.training_form()
    form.controls["content"].value = ("知识类", "技巧类")
    form.controls["owner"].value = "李娜"
    scope: dict = {}
    exec(form.line, scope)
    assert kl.retail.plan_check("training", scope["q7"], today=m10.TODAY).ok


def test_forms_speak_english():
    kl.set_language("en")
    assert m10.facings_form(kl.retail.example_facings()).controls["tolerance"].description == "Fair band ±"
    assert m10.training_form().controls["owner"].description == "Owner"


def test_the_english_fit_form_writes_english_names_that_grade_the_same():
    kl.set_language("en")
    form = m10.fit_form()
    assert form.line == 'q5 = {"role": "destination", "promotion": "discount"}'
    form.controls["role"].value = "seasonal"
    form.controls["promotion"].value = "theme-day promotion"
    scope: dict = {}
    exec(form.line, scope)
    assert scope["q5"] == {"role": "seasonal", "promotion": "theme-day promotion"}
    assert _grade(dict(_answers(0), q5=scope["q5"]), 0)["q5"].ok
    wrong = _grade(dict(_answers(0), q5={"role": "seasonal", "promotion": "gift with purchase"}), 0)["q5"]
    assert not wrong.ok and "不适合" in wrong.reason_zh


# ----------------------------------------------------------------------------- the widget-only path
OPERATIONS = {
    "q1": 'form_q1.controls["target"].value = 0.9',
    "q5": 'form_q5.controls["role"].value = "季节性"\nform_q5.controls["promotion"].value = "主题日促"',
    "q6": 'form_q6.controls["metric"].value = "growth"\nform_q6.controls["min_last"].value = 30',
    "q7": 'form_q7.controls["content"].value = ("知识类", "技巧类")\nform_q7.controls["owner"].value = "李娜"',
}


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m10", tmp_path, variant=HIDDEN, operations=OPERATIONS,
        literals={"q8": 'q8 = "先抓铺货和陈列。"'})
    assert cell_errors(executed) == []
    assert set(answers) == set(m10.BANK.keys())
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 13.0
