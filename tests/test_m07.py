"""m07 核心数据复盘与根因链: question bank, helpers, forms, and the widget-only path of the notebook."""

from __future__ import annotations

import pandas as pd
import pytest

import kamlab as kl
from kamlab.course import m07
from kamlab.grading import Context

from workbook_runs import cell_errors, check_texts, lost_points, run_answered, run_unanswered

HIDDEN = 5
TARGETS = {"distribution_rate": 0.8, "sell_through_rate": 0.85, "inventory_turnover": 1.2,
           "clerk_recommendation_rate": 0.45}


def _ctx(variant: int, **answers) -> Context:
    return Context("m07", variant=variant, answers=answers)


def _data(variant: int) -> pd.DataFrame:
    return kl.datasets.load("sellout", variant=variant)


def _k(variant: int):
    return kl.kpi.compute(m07.recent(_data(variant), 3), by=["chain_id"])


def _chain(k, metric="distribution_rate", cause="铺货", **over):
    fields = dict(
        problem="铺货率最低的连锁",
        evidence=[m07.evidence(k, metric)],
        root_cause=cause,
        solutions=[{"action": "总部确认进场清单", "owner": "KA经理 张伟", "due": "2026-11-30"},
                   {"action": "逐店补铺", "owner": "区域主管 李娜", "due": "2027-01-15"}])
    fields.update(over)
    return kl.rootcause.Chain(**fields)


def _answers(variant: int) -> dict:
    """The answers a trainee computes in the notebook on *variant*."""
    df = _data(variant)
    k = kl.kpi.compute(m07.recent(df, 3), by=["chain_id"])
    t = k.table
    base, current = m07.last_two_months(df)
    return {
        "q1": k,
        "q2": dict(TARGETS),
        "q3": {"poor_distribution": t["distribution_rate"].idxmin(),
               "low_sell_through": t["sell_through_rate"].idxmin(),
               "inventory_piling": t["days_of_inventory"].idxmax(),
               "clerk_drop": t["clerk_recommendation_rate"].idxmin()},
        "q4": {"chain": m07.stock_chain(k), "cause": "sell_through"},
        "q5": m07.biggest_fall(kl.rootcause.drill(df, by="chain_id", base=base, current=current)),
        "q6": _chain(k),
        "q7": "铺货率低才是销量低的原因。",
    }


# ----------------------------------------------------------------------------- structure
def test_bank_structure():
    bank = m07.BANK
    assert bank.module == "m07" and bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]
    assert bank.total_points == 17.0
    assert [q.key for q in bank.questions if q.read] == ["q3", "q4", "q5"]
    assert [q.key for q in bank.questions if q.on == "seen"] == ["q2", "q3", "q4", "q5"]
    assert [q.key for q in bank.questions if q.manual] == ["q7"]
    assert all(q.prompt[0] and q.prompt[1] for q in bank.questions)
    assert all(q.hint[0] and q.hint[1] for q in bank.questions if not q.manual)
    assert bank.datasets == ("sellout",)
    assert m07.TODAY == "2026-11-01"
    assert kl.course.get_bank("m07") is bank


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_computed_answers_get_full_marks(variant):
    answers = _answers(variant)
    verdicts = m07.BANK.grade(answers, _ctx(variant))
    lost = {k: v.reason_en for k, v in verdicts.items() if not v.ok and not v.manual}
    assert lost == {}
    assert sum(v.score for v in verdicts.values()) == 15.0
    assert verdicts["q7"].manual and verdicts["q7"].score == 0


def test_answers_survive_the_json_round_trip():
    from kamlab.grading import decode, encode

    answers = {k: decode(encode(v)) for k, v in _answers(HIDDEN).items()}
    verdicts = m07.BANK.grade(answers, _ctx(HIDDEN))
    assert all(v.ok for k, v in verdicts.items() if k != "q7")


def test_typed_numbers_fail_on_the_hidden_variant_and_literal_decisions_are_judged_on_the_seen_one():
    typed = _answers(0)
    typed["q1"] = typed["q1"].table.copy()            # a pasted table of numbers
    run = m07.BANK.grade(typed, _ctx(HIDDEN))
    assert not run["q1"].ok and not run["q6"].ok     # computed answers: judged on the data the notebook ran on
    seen = _answers(0)
    for key in ("q2", "q3", "q4", "q5"):              # literal decisions: judged on the variant the trainee saw
        assert m07.BANK.check(key, seen[key], _ctx(0)).ok, key
        assert m07.BANK.get(key).on == "seen"
    assert m07.BANK.check("q3", seen["q3"], _ctx(HIDDEN)).score < 1.0


@pytest.mark.parametrize("variant", [0, 1, 2, 3, 4, HIDDEN])
def test_the_story_holds_in_every_variant(variant):
    """The KPI table finds the planted problems; the high-stock chain of exercise 4 is the one that does not
    sell (not over-stocked); the latest month's fall is 动销, while the market as a whole grew."""
    df = _data(variant)
    k = _k(variant)
    t, p = k.table, kl.datasets.planted("sellout", variant=variant)
    assert m07.problem_chains(k) == {key: p[key] for key in m07.PROBLEMS}
    assert m07.stock_chain(k) == p["low_sell_through"]
    assert m07.diagnosis(k, m07.stock_chain(k)) == "sell_through"
    assert t["avg_inventory"].idxmax() != p["low_sell_through"]
    fall = m07.biggest_fall(kl.rootcause.drill(df, by="chain_id", base="2026-09", current="2026-10"))
    assert fall == {"chain": p["latest_month_drop"], "factor": "sell_through"}
    assert m07.market_change(df) > 0


# ----------------------------------------------------------------------------- each check
def test_q1_whole_year_is_the_wrong_period():
    v = m07.BANK.check("q1", kl.kpi.compute(_data(0), by=["chain_id"]), _ctx(0))
    assert not v.ok and "12" in v.reason_zh and "latest quarter" in v.reason_en
    assert not m07.BANK.check("q1", None, _ctx(0)).ok


def test_q1_wrong_grouping():
    v = m07.BANK.check("q1", kl.kpi.compute(m07.recent(_data(0)), by=["region"]), _ctx(0))
    assert not v.ok and "one row per chain" in v.reason_en


@pytest.mark.parametrize("targets, ok", [
    (TARGETS, True),
    ({"铺货率": 0.9, "动销率": 0.9, "库存周转率": 1.5, "店员推荐率": 0.5}, True),
    ({**TARGETS, "distribution_rate": 85}, False),          # a percentage, not a share
    ({**TARGETS, "inventory_turnover": 40}, False),         # far from the data's scale
    ({k: v for k, v in TARGETS.items() if k != "clerk_recommendation_rate"}, False),
    ({**TARGETS, "distribution_rate": "高"}, False),
    ([0.8, 0.85], False),
    ({**TARGETS, "distribution_rate": 0.5}, False),         # flags nobody: the lagging chain is missed
    ({**TARGETS, "sell_through_rate": 0.99}, False),        # flags nearly everybody
])
def test_q2_targets_must_flag_the_laggards_and_not_everybody(targets, ok):
    assert m07.BANK.check("q2", targets, _ctx(0)).ok is ok


def test_q2_the_untouched_sliders_flag_nothing():
    form = m07.targets_form(_k(0))
    scope: dict = {}
    exec(form.line, scope)
    v = m07.BANK.check("q2", scope["q2"], _ctx(0))
    assert not v.ok and "flags nothing" in v.reason_en
    assert "0 of 36" in form.text or "低于目标 0 家" in form.text


def test_q3_partial_credit_and_reasons_about_the_chosen_chain():
    right = _answers(0)["q3"]
    k = _k(0)
    big_stock = k.table["avg_inventory"].drop(right["inventory_piling"]).idxmax()
    v = m07.BANK.check("q3", {**right, "inventory_piling": big_stock, "clerk_drop": None}, _ctx(0))
    assert not v.ok and v.score == 2.0
    assert big_stock in v.reason_zh and right["inventory_piling"] not in v.reason_zh  # never the answer
    assert not m07.BANK.check("q3", {p: None for p in m07.PROBLEMS}, _ctx(0)).ok


def test_q4_high_stock_is_not_over_stocking():
    chain = m07.stock_chain(_k(0))
    assert m07.BANK.check("q4", {"chain": chain, "cause": "sell_through"}, _ctx(0)).ok
    trap = m07.BANK.check("q4", {"chain": chain, "cause": "inventory"}, _ctx(0))
    assert not trap.ok and "库存高就是压货" in trap.reason_zh
    dist = m07.BANK.check("q4", {"chain": chain, "cause": "distribution"}, _ctx(0))
    assert not dist.ok and chain in dist.reason_zh
    assert not m07.BANK.check("q4", {"chain": chain, "cause": None}, _ctx(0)).ok


def test_q5_right_chain_wrong_factor_gets_half_and_the_season_is_refuted():
    right = _answers(0)["q5"]
    assert right["factor"] == "sell_through"
    v = m07.BANK.check("q5", {**right, "factor": "distribution"}, _ctx(0))
    assert not v.ok and v.score == 1.0
    season = m07.BANK.check("q5", {**right, "factor": "season"}, _ctx(0))
    assert not season.ok and "+" in season.reason_zh and "season did not pull" in season.reason_en
    assert not m07.BANK.check("q5", "C01", _ctx(0)).ok
    assert not m07.BANK.check("q5", {"chain": None, "factor": None}, _ctx(0)).ok


def test_q6_broken_links_cost_the_points():
    k = _k(0)
    ctx = _ctx(0, q2=TARGETS)
    assert m07.BANK.check("q6", _chain(k), ctx).ok
    one = _chain(k, solutions=[{"action": "补铺", "owner": "张伟", "due": "2026-11-30"}])
    no_owner = _chain(k, solutions=[{"action": "补铺", "owner": "", "due": "2026-11-30"},
                                    {"action": "考核", "owner": "李娜", "due": "2026-12-30"}])
    late = _chain(k, solutions=[{"action": "补铺", "owner": "张伟", "due": "2027-03-30"},
                                {"action": "考核", "owner": "李娜", "due": "2026-12-30"}])
    typed = _chain(k, evidence=[{"metric": "distribution_rate", "group": "C01", "value": 0.55}])
    promo = _chain(k, cause="促销")
    for chain in (one, no_owner, late, typed, promo):
        v = m07.BANK.check("q6", chain, ctx)
        assert not v.ok and v.score == 0 and v.reason_zh, chain
    assert "铺货率" in m07.BANK.check("q6", promo, ctx).reason_zh  # metrics named in words, not columns


# ----------------------------------------------------------------------------- helpers
def _tiny() -> pd.DataFrame:
    cols = ["distribution_rate", "sell_through_rate", "inventory_turnover", "days_of_inventory",
            "clerk_recommendation_rate", "units_per_selling_store", "units"]
    t = pd.DataFrame({c: [1.0, 1.0, 1.0] for c in cols}, index=pd.Index(["C02", "C01", "C03"], name="chain_id"))
    t["distribution_rate"] = [0.9, 0.5, 0.5]
    t["days_of_inventory"] = [30.0, 90.0, 45.0]
    return t


def test_worst_and_evidence_on_a_hand_made_table():
    t = _tiny()
    assert m07.worst(t, "distribution_rate") == "C01"          # tie 0.5 broken by id
    assert m07.worst(t, "distribution_rate", rank=2) == "C03"
    assert m07.worst(t, "days_of_inventory") == "C01"          # lower is better: the largest is worst
    assert m07.evidence(t, "days_of_inventory", rank=2) == {"metric": "days_of_inventory", "group": "C03",
                                                           "value": 45.0}


def test_recent_and_last_two_months():
    df = _data(0)
    assert sorted(m07.recent(df, 1)["month"].unique()) == ["2026-10"]
    assert len(m07.recent(df, 3)) == 3 * df["store_id"].nunique()
    assert m07.last_two_months(df) == ("2026-09", "2026-10")
    assert df["month"].nunique() == 12  # the caller's table is untouched


def test_or_default_and_targets_or_default():
    df = _data(0)
    k = _k(0)
    assert m07.or_default(k, df) is k
    assert m07.or_default(..., df).table.equals(k.table)
    assert m07.targets_or_default(...) == m07.DEFAULT_TARGETS
    assert m07.targets_or_default({"铺货率": 0.7}) == {"distribution_rate": 0.7}


# ----------------------------------------------------------------------------- forms
def test_forms_start_neutral_and_write_decisions():
    df, k = _data(0), _k(0)
    f1 = m07.kpi_form(df)
    assert f1.line == "q1 = None"
    f1.controls["months"].value = 3
    f1.controls["by"].value = "chain_id"
    assert f1.line == 'q1 = kl.kpi.compute(kl.course.m07.recent(sellout, 3), by=["chain_id"])'
    f2 = m07.targets_form(k)
    for name, value in TARGETS.items():
        f2.controls[name].value = value
    assert f2.line == ('q2 = {"distribution_rate": 0.8, "sell_through_rate": 0.85, '
                       '"inventory_turnover": 1.2, "clerk_recommendation_rate": 0.45}')
    f3 = m07.flags_form(k, TARGETS)
    assert "None" in f3.line and "已选 0/4" in f3.text
    f3.controls["poor_distribution"].value = "C30"
    assert '"poor_distribution": "C30"' in f3.line and "已选 1/4" in f3.text   # the status follows the controls
    f4 = m07.problems_form(k)
    assert f4.line == f'q4 = {{"chain": "{m07.stock_chain(k)}", "cause": None}}'
    f4.controls["cause"].value = "sell_through"
    assert '"cause": "sell_through"' in f4.line and "你的判断" in f4.text
    f5 = m07.drill_form(df)
    assert f5.line == 'q5 = {"chain": None, "factor": None}'
    assert "全部门店合计" in f5.text
    f7 = m07.text_form()
    f7.controls["text"].value = "只看销量会漏掉铺货不足"
    assert f7.line == "q7 = '只看销量会漏掉铺货不足'"


def test_chain_form_line_builds_a_chain_that_validates():
    k = _k(0)
    form = m07.chain_form(k, TARGETS)
    form.controls["problem"].value = "店员推荐率骤降"
    form.controls["metric"].value = "clerk_recommendation_rate"
    assert form.controls["group"].value == 1
    assert k.table["clerk_recommendation_rate"].idxmin() in form.controls["group"].label
    form.controls["root_cause"].value = "店员"
    rows = form.controls["solutions"].cells
    rows[0]["action"].value, rows[0]["owner"].value, rows[0]["due"].value = "店员培训", "培训经理 王芳", "2026-11-20"
    rows[1]["action"].value, rows[1]["owner"].value, rows[1]["due"].value = "阶梯激励", "KA经理 张伟", "2026-12-31"
    assert 'evidence=[kl.course.m07.evidence(k, "clerk_recommendation_rate", rank=1)]' in form.line
    assert "根因链完整" in form.text                       # the broken links are listed live, none left
    scope = {"kl": kl, "k": k}
    exec(form.line, scope)
    assert m07.BANK.check("q6", scope["q6"], _ctx(0, q2=TARGETS)).ok


def test_forms_and_checks_speak_english():
    kl.set_language("en")
    form = m07.kpi_form(_data(0))
    assert form.controls["by"].description == "Group by"
    assert [label for label, _ in form.controls["by"].options][1:] == ["By city", "By chain"]
    assert form.controls["months"].value is None
    chain = m07.chain_form(_k(0))
    worst = kl.datasets.planted("sellout")["poor_distribution"]
    chain.controls["metric"].value = "distribution_rate"
    assert chain.controls["group"].label.startswith(f"Worst #1 on this metric (now {worst})")
    assert m07.metric_label("clerk_recommendation_rate") == "Clerk recommendation rate"


# ----------------------------------------------------------------------------- the widget-only path
def _operate(key: str) -> str:
    """Cell source that works the form of *key* the way a trainee would: read the form, then decide."""
    return {
        "q1": 'form_q1.controls["months"].value = 3\nform_q1.controls["by"].value = "chain_id"',
        "q2": "\n".join(f'form_q2.controls["{m}"].value = {v}' for m, v in TARGETS.items()),
        # read the chart of each KPI and pick its worst chain (what the trainee sees on variant 5)
        "q3": "\n".join(f'form_q3.controls["metric"].value = "{m}"\n'
                        f'form_q3.controls["{p}"].value = kl.course.m07.worst(k, "{m}")' for p, m in [
            ("poor_distribution", "distribution_rate"), ("low_sell_through", "sell_through_rate"),
            ("inventory_piling", "days_of_inventory"), ("clerk_drop", "clerk_recommendation_rate")]),
        "q4": 'form_q4.controls["cause"].value = "sell_through"',
        "q5": "\n".join([
            "_d = kl.rootcause.drill(sellout, by='chain_id', base='2026-09', current='2026-10').table",
            "form_q5.controls['chain'].value = _d.drop(index='total', errors='ignore')['change'].idxmin()",
            "form_q5.controls['factor'].value = 'sell_through'"]),
        "q6": "\n".join([
            'form_q6.controls["problem"].value = "目标门店近一半没有货"',
            'form_q6.controls["metric"].value = "distribution_rate"',
            'form_q6.controls["group"].value = 1',
            'form_q6.controls["root_cause"].value = "铺货"',
            'rows = form_q6.controls["solutions"].cells',
            'rows[0]["action"].value = "总部确认进场清单"',
            'rows[0]["owner"].value = "KA经理 张伟"',
            'rows[0]["due"].value = "2026-11-30"',
            'rows[1]["action"].value = "逐店补铺"',
            'rows[1]["owner"].value = "区域主管 李娜"',
            'rows[1]["due"].value = "2026-12-20"']),
        "q7": 'form_q7.controls["text"].value = "只看销量会漏掉铺货不足。"',
    }[key]


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m07", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in m07.BANK.keys()})
    assert cell_errors(executed) == []
    assert set(answers) == set(m07.BANK.keys())
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 15.0
    assert answers["q7"] == "只看销量会漏掉铺货不足。"


def test_or_default_replaces_a_wrong_q1():
    df = _data(0)
    whole_year = kl.kpi.compute(df, by=["chain_id"])
    assert m07.or_default(whole_year, df).table.equals(_k(0).table)


def test_trainee_notebook_runs_in_english_unanswered(tmp_path):
    nb = run_unanswered("m07", tmp_path, variant=2, parameters={"language": "en"})
    assert cell_errors(nb) == []
    texts = check_texts(nb)
    assert len(texts) == 7 and all("Not answered yet" in t for t in texts), texts
