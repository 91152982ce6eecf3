"""m10 连锁上量与动销十要素: decisions judged on the data the trainee saw, the promotion ROI, the widget path."""

from __future__ import annotations

import pytest

import kamlab as kl
from kamlab.course import m10
from kamlab.grading import Context, decode, encode

from workbook_runs import cell_errors, lost_points, run_answered

HIDDEN = 5
PLAN = {"audience": "店员", "content": ["技巧类", "知识类"], "form": "入店一对多",
        "steps": list(kl.retail.TRAINING_STEPS), "date": "2026-11-20", "owner": "李娜"}


def _answers(variant: int) -> dict:
    """The right literal decisions for *variant*, as a careful trainee reads them off the charts."""
    sellout, chains = kl.datasets.load("sellout", variant=variant), kl.datasets.load("chains", variant=variant)
    listing = kl.retail.example_listing(sellout, variant)
    chain = m10.course_chain(sellout, chains)
    raw = {
        "q1": m10._model.failing_chains(sellout, listing) or ["无"],
        "q2": m10._model.hq_gaps(sellout, listing) or ["无"],
        "q3": m10._model.under_exposed(kl.retail.example_facings(variant)) or ["无"],
        "q4": m10._model.abnormal_stores(kl.retail.example_prices(variant)) or ["无"],
        "q5": m10._model.promotion_verdict(kl.retail.example_promotion(variant)),
        "q6": {"role": "季节性", "promotion": "主题日促"},
        "q7": "increase",
        "q8": m10._model.leaders(sellout, chain)[0],
        "q9": PLAN,
        "q10": "主题日促加店员培训。", "q11": "先抓铺货和陈列。",
    }
    return {k: decode(encode(v)) for k, v in raw.items()}


def _grade(answers: dict, variant: int, seen: int | None = None) -> dict:
    return m10.BANK.grade(answers, Context("m10", variant=variant, answers=answers, seen_variant=seen))


def _auto_ok(verdicts: dict) -> dict:
    return {k: v.ok for k, v in verdicts.items() if not v.manual}


AUTO = {f"q{i}": True for i in range(1, 10)}


def test_bank_structure():
    assert m10.BANK.keys() == [f"q{i}" for i in range(1, 12)]
    assert [q.key for q in m10.BANK.questions if q.manual] == ["q10", "q11"]
    assert all(q.on == "seen" for q in m10.BANK.questions if not q.manual)
    assert sum(1 for q in m10.BANK.questions if q.read) >= 2


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_right_decisions_get_full_marks(variant):
    assert _auto_ok(_grade(_answers(variant), variant)) == AUTO


def test_decisions_are_judged_on_the_variant_the_trainee_saw():
    """The grader re-runs on a hidden variant; the literal choices of variant 0 still score."""
    assert _auto_ok(_grade(_answers(0), HIDDEN, seen=0)) == AUTO
    wrong = _grade(_answers(0), HIDDEN, seen=HIDDEN)
    assert not all(_auto_ok(wrong).values())


def test_the_promotion_verdict_follows_the_gross_profit_not_the_old_roi():
    """Issue 12: at 15 % off the promotion loses gross profit; the old formula said ROI +0.20."""
    res = m10._model.promotion_result(kl.retail.example_promotion(0))
    assert res.roi == pytest.approx(-1.71, abs=0.01)
    assert res.table["incremental_gp"].iloc[0] == pytest.approx(-848, abs=5)
    answers = _answers(0)
    assert answers["q5"] == "gp_loss"
    for wrong in ("lift", "sales", "extra_margin", "gp_gain"):
        verdict = _grade({**answers, "q5": wrong}, 0)["q5"]
        assert not verdict.ok and verdict.reason_zh


@pytest.mark.parametrize("key, wrong, word", [
    ("q1", ["C30"], "还漏了"),
    ("q1", ["C01"], "达标了"),
    ("q2", ["C30"], "门店"),
    ("q3", ["D03"], "不算陈列不足"),
    ("q4", ["P06", "P10"], "高于价格带都算"),
    ("q6", {"role": "目标性", "promotion": "限时特价"}, "冬季"),
    ("q6", {"role": "季节性", "promotion": "买赠"}, "不适合"),
    ("q7", "units", "大店"),
    ("q7", "growth", "翻倍"),
    ("q9", {**PLAN, "audience": "店长"}, "管理类"),
    ("q9", {**PLAN, "date": "2027-06-01"}, "90 天"),
])
def test_wrong_decisions_fail_with_their_reason(key, wrong, word):
    verdict = _grade({**_answers(0), key: wrong}, 0)[key]
    assert not verdict.ok and word in verdict.reason_zh


@pytest.mark.parametrize("key, some", [("q1", "C01"), ("q2", "C01"), ("q3", "D03"), ("q4", "P01")])
def test_nothing_ticked_or_none_with_ids_fails(key, some):
    assert "还没有勾选" in _grade({**_answers(0), key: []}, 0)[key].reason_zh
    assert "只能选其一" in _grade({**_answers(0), key: ["无", some]}, 0)[key].reason_zh


def test_q8_the_biggest_store_is_not_the_winner():
    answers = _answers(0)
    verdict = _grade({**answers, "q8": "S0523"}, 0)["q8"]
    assert not verdict.ok and "增长量" in verdict.reason_zh


def test_untouched_forms_write_no_decision():
    sellout = kl.datasets.load("sellout")
    listing = kl.retail.example_listing(sellout)
    forms = [m10.distribution_form(sellout, listing), m10.hq_form(sellout, listing),
             m10.facings_form(kl.retail.example_facings()), m10.price_form(kl.retail.example_prices()),
             m10.promotion_form(kl.retail.example_promotion()), m10.fit_form(), m10.rule_form(sellout, "C18"),
             m10.winner_form(sellout, "C18"), m10.training_form()]
    scope: dict = {}
    for form in forms:
        exec(form.line, scope)
    answers = {k: decode(encode(scope[k])) for k in AUTO}
    assert not any(_auto_ok(_grade(answers, 0)).values())


def test_forms_are_live():
    form = m10.training_form()
    before = form.text
    form.controls["audience"].value = "店员"
    form.controls["content"].tick(["知识类", "技巧类"])
    form.controls["form"].value = "入店一对多"
    form.controls["date"].value = "2026-11-20"
    form.controls["owner"].value = "李娜"
    assert form.text != before and form.text == "✓ 店教计划完整。"
    sellout = kl.datasets.load("sellout")
    form = m10.winner_form(sellout, "C18")
    form.controls["pick"].value = "S0531"
    assert "S0531" in form.text


def test_forms_speak_english():
    kl.set_language("en")
    assert m10.training_form().controls["owner"].description == "Owner"
    form = m10.fit_form()
    form.controls["role"].value = "季节性"
    form.controls["promotion"].value = "主题日促"
    assert "seasonal" in form.text


def test_promotion_plan_checklist():
    plan = {"objective": "抢占份额", "product": "清感颗粒", "type": "主题日促", "start": "2026-12-05",
            "budget": 1200, "owner": "KA 经理", "evaluation": "4 周基线，比较毛利"}
    assert kl.retail.plan_check("promotion", plan).ok
    bad = kl.retail.plan_check("promotion", {**plan, "budget": 0, "type": "抽奖"})
    assert {p.item for p in bad.problems} == {"budget", "type"}


# ----------------------------------------------------------------------------- the widget-only path
def _operations() -> dict:
    """What a trainee clicks on variant HIDDEN, read off the charts the forms show."""
    a = _answers(HIDDEN)
    ticks = {k: f'form_{k}.controls["ids"].tick({a[k]!r})' for k in ("q1", "q2", "q3", "q4")}
    return {**ticks,
            "q5": f'form_q5.controls["pick"].value = {a["q5"]!r}',
            "q6": 'form_q6.controls["role"].value = "季节性"\nform_q6.controls["promotion"].value = "主题日促"',
            "q7": 'form_q7.controls["pick"].value = "increase"',
            "q8": f'form_q8.controls["pick"].value = {a["q8"]!r}',
            "q9": ('form_q9.controls["audience"].value = "店员"\n'
                   'form_q9.controls["content"].tick(["知识类", "技巧类"])\n'
                   'form_q9.controls["form"].value = "入店一对多"\n'
                   'form_q9.controls["date"].value = "2026-11-20"\n'
                   'form_q9.controls["owner"].value = "李娜"'),
            "q10": 'form_q10.controls["text"].value = "主题日促加店员培训"',
            "q11": 'form_q11.controls["text"].value = "先抓铺货和陈列"'}


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered("m10", tmp_path, variant=HIDDEN, operations=_operations())
    assert cell_errors(executed) == []
    assert set(answers) == set(m10.BANK.keys())
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 19.0
