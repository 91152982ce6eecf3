"""m06 终端动销执行: decisions judged on the data seen, the seasonal baseline (issue 12), forms, widget path."""

from __future__ import annotations

import math

import pytest

import kamlab as kl
from kamlab.course import m06
from kamlab.datasets._gen_sellout import PILOT_LIFT, PILOT_MONTHS
from kamlab.grading import Context

from workbook_runs import cell_errors, grade_recorded, lost_points, run_answered

HIDDEN = 5
PLAN = {"liaison": "张伟", "start": "2026-11-01", "end": "2027-01-31",
        "waves": [{"stores": "A 类门店", "start": "2026-11-01", "end": "2026-11-30"},
                  {"stores": "其余门店", "start": "2026-12-01", "end": "2027-01-31"}],
        "meetings": ["2026-11-15", "2026-12-15", "2027-01-15"]}
SCENES = {"S1": "ask", "S2": "refer", "S3": "differ", "S4": "care"}


def _data(variant: int):
    sellout, chains = kl.datasets.load("sellout", variant=variant), kl.datasets.load("chains", variant=variant)
    return sellout, chains, m06.sellout_chain(sellout, chains)


def _answers(variant: int) -> dict:
    sellout, chains, chain = _data(variant)
    lift = round(m06.effect_measures(sellout, chains, chain)["lift"], 3)
    return {"q1": PLAN, "q2": {"chain": chain, "effect": lift}, "q3": {"chain": chain, **m06.full_scheme("B")},
            "q4": {"chain": chain, "schemes": m06.within_cap(sellout, chains, chain)}, "q5": SCENES,
            "q6": "向店长讲清目标、档位和合规。"}


def test_bank_structure():
    assert m06.BANK.keys() == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert m06.BANK.total_points == 16.0
    assert [q.key for q in m06.BANK.questions if q.manual] == ["q6"]
    assert [q.key for q in m06.BANK.questions if q.read] == ["q2", "q4"]
    assert all(q.on == "seen" for q in m06.BANK.questions if not q.manual)


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_right_decisions_get_full_marks(variant):
    verdicts = grade_recorded("m06", _answers(variant), variant)
    assert lost_points(verdicts) == {}


def test_judgments_are_checked_on_the_variant_the_trainee_saw():
    seen = _answers(0)
    verdicts = m06.BANK.grade(seen, Context("m06", variant=HIDDEN, seen_variant=0, answers=seen))
    assert all(v.ok for v in verdicts.values() if not v.manual)
    hidden = m06.BANK.grade(seen, Context("m06", variant=HIDDEN, answers=seen))
    assert not hidden["q2"].ok                       # the data decides: the effect differs on other data


def test_sellout_chain_designation():
    sellout, chains = kl.datasets.load("sellout"), kl.datasets.load("chains")
    assert m06.sellout_chain(sellout, chains) == "C18"
    assert m06.sellout_chain(sellout, chains, "C34") == "C34"
    with pytest.raises(kl.BadValueError):
        m06.sellout_chain(sellout[sellout["chain_id"] != "C01"], chains, "C01")


# ------------------------------------------------------------------ the seasonal baseline (issue 12)
def test_the_pilot_is_in_the_data_and_measured_against_its_control_stores():
    for v in range(4):
        sellout, chains, chain = _data(v)
        m = m06.effect_measures(sellout, chains, chain)
        assert m["season"] < 0                                   # May–Jul is below Feb–Apr for a cold remedy
        assert m["lift"] > m["naive"] + 0.02                     # 环比 hides part of the pilot's effect
        assert 0 < m["lift"] < 2 * PILOT_LIFT
        assert m06.PILOT_MONTHS == PILOT_MONTHS


def test_old_measure_fails_incremental_is_over_the_seasonal_baseline():
    """The old tool counted period − previous quarter as the scheme's increment; the new one nets the season
    out with the control stores: the two differ by the season × baseline."""
    sellout, chains, chain = _data(0)
    res = m06.pilot_result(sellout, chains, chain, m06.full_scheme("B"))
    t = res.table
    old = float(((t["units"] - t["baseline_units"]) * m06.PRODUCT_PRICE).sum())
    assert res.naive_incremental_sales == pytest.approx(old)
    assert res.incremental_sales == pytest.approx(float(((t["units"] - t["baseline_units"] * res.season)
                                                         * m06.PRODUCT_PRICE).sum()))
    assert res.incremental_sales > 10 * max(old, 1)              # the season hid most of the increment
    assert res.season == pytest.approx(1 + m06.effect_measures(sellout, chains, chain)["season"])


def test_q4_is_judged_against_the_seasonal_increment_not_the_naive_one():
    sellout, chains, chain = _data(0)
    table = m06.candidate_table(sellout, chains, chain)
    right = m06.within_cap(sellout, chains, chain)
    naive = m06.within_cap(sellout, chains, chain, "share_naive")
    assert right != naive
    ctx = Context("m06")
    assert m06.BANK.check("q4", {"chain": chain, "schemes": right}, ctx).ok
    assert not m06.BANK.check("q4", {"chain": chain, "schemes": naive or ["none"]}, ctx).ok
    assert (table.loc[right, "share"] <= m06.POLICY_CAP).all()


def test_q3_rejects_a_scheme_over_the_cap_against_the_season():
    sellout, chains, chain = _data(0)
    rich = {"chain": chain, **m06.full_scheme("B"),
            "tiers": [{"min_growth": 0.0, "bonus": 300}, {"min_growth": 0.1, "bonus": 600}]}
    v = m06.BANK.check("q3", rich, Context("m06"))
    assert not v.ok and "费用" in v.reason_zh
    clerk = {"chain": chain, **m06.full_scheme("B"), "payee": "clerk"}
    assert "店员" in m06.BANK.check("q3", clerk, Context("m06")).reason_zh


def test_q2_reasons_name_the_misreading():
    sellout, chains, chain = _data(0)
    m = m06.effect_measures(sellout, chains, chain)
    v = m06.BANK.check("q2", {"chain": chain, "effect": round(m["naive"], 3)}, Context("m06"))
    assert not v.ok and "环比" in v.reason_zh and "quarter-on-quarter" in v.reason_en
    v = m06.BANK.check("q2", {"chain": chain, "effect": round(m["season"], 3)}, Context("m06"))
    assert not v.ok and "季节" in v.reason_zh


# ------------------------------------------------------------------ forms
def test_forms_start_neutral_and_their_text_is_live():
    sellout, chains, chain = _data(0)
    form = m06.effect_form(sellout, chains, chain)
    assert "还没有选择" in form.text
    form.controls["effect"].value = round(m06.effect_measures(sellout, chains, chain)["lift"], 3)
    assert "+11.8%" in form.text
    q3 = m06.scheme_form(sellout, chains, chain)
    assert '"tiers": []' in q3.line and "至少填一档" in q3.text
    q4 = m06.candidates_form(sellout, chains, chain)
    assert "还没有选择" in q4.text
    q4.controls["schemes"].tick(["B", "D"])
    assert "2" in q4.text
    assert "None" in m06.scene_form().line


def test_forms_speak_english():
    kl.set_language("en")
    try:
        sellout, chains, chain = _data(0)
        form = m06.scheme_form(sellout, chains, chain)
        assert form.controls["cost_cap"].description == "Cost cap (share of increment)"
        assert m06.push_form().controls["liaison"].description == "Liaison"
        assert "cost / increment over season" in list(m06.shown_candidates(sellout, chains, chain).columns)
    finally:
        kl.set_language("zh")


# ------------------------------------------------------------------ the widget-only path
def _operate(variant: int) -> dict[str, str]:
    sellout, chains, chain = _data(variant)
    lift = round(m06.effect_measures(sellout, chains, chain)["lift"], 3)
    ticks = m06.within_cap(sellout, chains, chain)
    return {
        "q1": 'form_q1.controls["liaison"].value = "张伟（KA 经理）"\nform_q1.controls["meeting_every"].value = 30',
        "q2": f'form_q2.controls["effect"].value = {lift!r}',
        "q3": "\n".join(['form_q3.controls["basis"].value = "growth"',
                         'cells = form_q3.controls["tiers"].cells',
                         'cells[0]["threshold"].value, cells[0]["bonus"].value = "0.05", "20"',
                         'cells[1]["threshold"].value, cells[1]["bonus"].value = "0.15", "50"']),
        "q4": f'form_q4.controls["schemes"].tick({ticks!r})',
        "q5": "\n".join(f'form_q5.controls["{k}"].value = "{v}"' for k, v in SCENES.items()),
    }


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m06", tmp_path, variant=HIDDEN, operations=_operate(HIDDEN),
        literals={"q6": 'q6 = "按扣除季节后的增长给连锁总部结算奖励。"'})
    assert cell_errors(executed) == []
    assert set(answers) == set(m06.BANK.keys())
    assert lost_points(verdicts) == {}
    assert math.isclose(sum(v.score for v in verdicts.values()), 12.0)
