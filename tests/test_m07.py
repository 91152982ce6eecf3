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
        "q3": kl.kpi.flag(k, TARGETS),
        "q4": {"poor_distribution": t["distribution_rate"].idxmin(),
               "low_sell_through": t["sell_through_rate"].idxmin(),
               "inventory_piling": t["days_of_inventory"].idxmax(),
               "clerk_drop": t["clerk_recommendation_rate"].idxmin()},
        "q5": m07.biggest_fall(kl.rootcause.drill(df, by="chain_id", base=base, current=current)),
        "q6": _chain(k),
        "q7": "铺货率低才是销量低的原因。",
    }


# ----------------------------------------------------------------------------- structure
def test_bank_structure():
    bank = m07.BANK
    assert bank.module == "m07" and bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]
    assert bank.total_points == 16.0
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
    assert sum(v.score for v in verdicts.values()) == 14.0
    assert verdicts["q7"].manual and verdicts["q7"].score == 0


def test_answers_survive_the_json_round_trip():
    from kamlab.grading import decode, encode

    answers = {k: decode(encode(v)) for k, v in _answers(HIDDEN).items()}
    verdicts = m07.BANK.grade(answers, _ctx(HIDDEN))
    assert all(v.ok for k, v in verdicts.items() if k != "q7")


def test_numbers_typed_from_variant_0_fail_on_the_hidden_variant():
    typed = {k: v for k, v in _answers(0).items()}
    typed["q1"] = typed["q1"].table.copy()            # a pasted table of numbers
    typed["q3"] = typed["q3"].table.copy()
    verdicts = m07.BANK.grade(typed, _ctx(HIDDEN))
    for key in ("q1", "q3", "q4", "q5", "q6"):
        assert not verdicts[key].ok, key
    assert verdicts["q2"].ok  # targets are decisions, not data
    assert verdicts["q4"].score == 0.0


def test_planted_problems_are_what_the_kpi_table_finds():
    for variant in (0, 1, 2, HIDDEN):
        t = _k(variant).table
        p = kl.datasets.planted("sellout", variant=variant)
        assert t["distribution_rate"].idxmin() == p["poor_distribution"]
        assert t["sell_through_rate"].idxmin() == p["low_sell_through"]
        assert t["days_of_inventory"].idxmax() == p["inventory_piling"]
        assert t["clerk_recommendation_rate"].idxmin() == p["clerk_drop"]
        assert m07.biggest_fall(kl.rootcause.drill(_data(variant), by="chain_id", base="2026-09",
                                                   current="2026-10"))["chain"] == p["latest_month_drop"]


# ----------------------------------------------------------------------------- each check
def test_q1_whole_year_is_the_wrong_period():
    v = m07.BANK.check("q1", kl.kpi.compute(_data(0), by=["chain_id"]), _ctx(0))
    assert not v.ok and "3" in v.reason_zh and "latest quarter" in v.reason_en


def test_q1_wrong_grouping():
    v = m07.BANK.check("q1", kl.kpi.compute(m07.recent(_data(0)), by=["region"]), _ctx(0))
    assert not v.ok and "chain_id" in v.reason_en


@pytest.mark.parametrize("targets, ok", [
    (TARGETS, True),
    ({"铺货率": 0.9, "动销率": 0.9, "库存周转率": 1.5, "店员推荐率": 0.5}, True),
    ({**TARGETS, "distribution_rate": 85}, False),          # a percentage, not a share
    ({**TARGETS, "inventory_turnover": 40}, False),         # far from the data's scale
    ({k: v for k, v in TARGETS.items() if k != "clerk_recommendation_rate"}, False),
    ({**TARGETS, "distribution_rate": "高"}, False),
    ([0.8, 0.85], False),
])
def test_q2_plausible_targets(targets, ok):
    assert m07.BANK.check("q2", targets, _ctx(0)).ok is ok


def test_q3_must_be_consistent_with_the_trainees_own_targets():
    k = _k(0)
    mine = {**TARGETS, "sell_through_rate": 0.7}
    flags = kl.kpi.flag(k, mine)
    assert m07.BANK.check("q3", flags, _ctx(0, q2=mine)).ok
    other = m07.BANK.check("q3", kl.kpi.flag(k, TARGETS), _ctx(0, q2=mine))
    assert not other.ok and "exercise-2" in other.reason_en
    unanswered = m07.BANK.check("q3", flags, _ctx(0))
    assert not unanswered.ok and "exercise 2" in unanswered.reason_en


def test_q4_partial_credit_per_problem():
    right = _answers(0)["q4"]
    half = {**right, "inventory_piling": right["poor_distribution"], "clerk_drop": right["poor_distribution"]}
    v = m07.BANK.check("q4", half, _ctx(0))
    assert not v.ok and v.score == 2.0
    assert right["poor_distribution"] not in v.reason_zh  # the reason never reveals a chain


def test_q5_right_chain_wrong_factor_gets_half():
    right = _answers(0)["q5"]
    assert right["factor"] == "sell_through"
    v = m07.BANK.check("q5", {**right, "factor": "distribution"}, _ctx(0))
    assert not v.ok and v.score == 1.0
    assert not m07.BANK.check("q5", "C01", _ctx(0)).ok


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
    for chain in (one, no_owner, late, typed):
        v = m07.BANK.check("q6", chain, ctx)
        assert not v.ok and v.score == 0 and v.reason_zh, chain


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
def test_forms_write_decisions_and_calls_never_numbers():
    df, k = _data(0), _k(0)
    f1 = m07.kpi_form(df)
    f1.controls["months"].value = 3
    f1.controls["by"].value = "chain_id"
    assert f1.line == 'q1 = kl.kpi.compute(kl.course.m07.recent(sellout, 3), by=["chain_id"])'
    f2 = m07.targets_form(k)
    for name, value in TARGETS.items():
        f2.controls[name].value = value
    assert f2.line == ('q2 = {"distribution_rate": 0.8, "sell_through_rate": 0.85, '
                       '"inventory_turnover": 1.2, "clerk_recommendation_rate": 0.45}')
    assert m07.flags_form(k, TARGETS).line == "q3 = kl.kpi.flag(k, q2)"
    f4 = m07.problems_form(k)
    f4.controls["inventory_piling"].value = "days_of_inventory"
    assert '"inventory_piling": k.table["days_of_inventory"].idxmax()' in f4.line
    assert '"clerk_drop": k.table["units"].idxmin()' in f4.line
    f5 = m07.drill_form(df)
    f5.controls["base"].value = "2026-09"
    f5.controls["current"].value = "2026-10"
    assert "base=\"2026-09\", current=\"2026-10\"" in f5.line


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
    scope = {"kl": kl, "k": k}
    exec(form.line, scope)
    assert m07.BANK.check("q6", scope["q6"], _ctx(0, q2=TARGETS)).ok


def test_forms_and_checks_speak_english():
    kl.set_language("en")
    form = m07.kpi_form(_data(0))
    assert form.controls["by"].description == "Group by"
    assert [label for label, _ in form.controls["by"].options] == ["By city", "By chain"]
    assert form.controls["months"].label == "Latest 12 months"
    chain = m07.chain_form(_k(0))
    worst = kl.datasets.planted("sellout")["poor_distribution"]
    assert chain.controls["group"].label.startswith(f"Worst #1 on this metric (now {worst})")
    assert m07.metric_label("clerk_recommendation_rate") == "Clerk recommendation rate"


# ----------------------------------------------------------------------------- the widget-only path
def _operate(key: str) -> str:
    """Cell source that works the form of *key* the way a trainee would."""
    return {
        "q1": 'form_q1.controls["months"].value = 3\nform_q1.controls["by"].value = "chain_id"',
        "q2": "\n".join(f'form_q2.controls["{m}"].value = {v}' for m, v in TARGETS.items()),
        "q3": "",
        "q4": "\n".join(f'form_q4.controls["{p}"].value = "{m}"' for p, m in [
            ("poor_distribution", "distribution_rate"), ("low_sell_through", "sell_through_rate"),
            ("inventory_piling", "days_of_inventory"), ("clerk_drop", "clerk_recommendation_rate")]),
        "q5": 'form_q5.controls["base"].value = "2026-09"\nform_q5.controls["current"].value = "2026-10"',
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
    }[key]


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m07", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in ("q1", "q2", "q3", "q4", "q5", "q6")},
        literals={"q7": 'q7 = "只看销量会漏掉铺货不足。"'})
    assert cell_errors(executed) == []
    assert set(answers) == set(m07.BANK.keys())
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 14.0


def test_or_default_replaces_a_wrong_q1():
    df = _data(0)
    whole_year = kl.kpi.compute(df, by=["chain_id"])
    assert m07.or_default(whole_year, df).table.equals(_k(0).table)


def test_trainee_notebook_runs_in_english_unanswered(tmp_path):
    nb = run_unanswered("m07", tmp_path, variant=2, parameters={"language": "en"})
    assert cell_errors(nb) == []
    texts = check_texts(nb)
    assert len(texts) == 7 and all("Not answered yet" in t for t in texts), texts
