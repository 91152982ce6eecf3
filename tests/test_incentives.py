"""kamlab.incentives: tiered incentive scheme, compliance and HQ push plan against hand-computed cases."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kamlab as kl
from kamlab import BadSpecError, BadValueError, DuplicateIdError, EmptyTableError, MissingColumnError
from kamlab.incentives import Scheme, compliance, push_plan
from kamlab.incentives import simulate as _simulate
from kamlab.datasets._gen_sellout import PILOT_LIFT, PILOT_MONTHS


def simulate(*args, **kw):
    """The tool with no seasonal change assumed (season 1) unless a control or a factor is given: the tests of
    the ladder's mechanics; the seasonal baseline has its own tests at the end."""
    if "pilot" not in kw:
        kw.setdefault("season", 1.0)
    return _simulate(*args, **kw)

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{4,}")


def sellout() -> pd.DataFrame:
    """Four stores, two chains, baseline 2026-09, period 2026-10.

    store chain base period growth
    S1    A     50   70     0.4
    S2    A     40   40     0.0
    S3    A     80  100     0.25
    S4    B     20    0     -1.0
    """
    return pd.DataFrame({
        "store_id": ["S1", "S1", "S2", "S2", "S3", "S3", "S4", "S4"],
        "chain_id": ["A", "A", "A", "A", "A", "A", "B", "B"],
        "month": ["2026-09", "2026-10"] * 4,
        "units_sold": [50, 70, 40, 40, 80, 100, 20, 0],
    })


UNITS = {"basis": "units", "tiers": [{"min_units": 60, "rate": 0.5}, {"min_units": 90, "rate": 1.0, "bonus": 20}],
         "unit_price": 10, "cost_cap": 0.5}
GROWTH = {"basis": "growth", "tiers": [{"min_growth": 0.2, "bonus": 30}, {"min_growth": 0.4, "bonus": 50}],
          "unit_price": 10, "cost_cap": 0.3}


def run(scheme, **kw):
    return simulate(sellout(), scheme, period="2026-10", baseline="2026-09", **kw)


def assert_bilingual(err, *names):
    for name in names:
        assert str(name) in err.value.zh, (name, err.value.zh)
        assert str(name) in err.value.en, (name, err.value.en)
    assert CJK.search(err.value.zh) and LATIN.search(err.value.en)


# ----------------------------------------------------------------------- simulate
def test_units_ladder_by_hand():
    res = run(UNITS)
    t = res.table
    # S1 70 -> tier 1: 0.5*70 = 35; S2 40 -> none; S3 100 -> tier 2: 1.0*100 + 20 = 120; S4 0 -> none
    assert t["tier"].tolist() == [1, 0, 2, 0]
    assert t["payout"].tolist() == [35.0, 0.0, 120.0, 0.0]
    # incremental units 20, 0, 20, -20 -> net 20 units * 10 yuan
    assert t["incremental_sales"].tolist() == [200.0, 0.0, 200.0, -200.0]
    assert res.total_cost == 155.0 and res.incremental_sales == 200.0
    assert res.cost_share == pytest.approx(0.775)
    assert not res.within_cap


def test_growth_ladder_by_hand_and_chain_filter():
    res = run(GROWTH, chain="A")
    t = res.table
    assert t.index.tolist() == ["S1", "S2", "S3"]
    assert t["growth"].tolist() == pytest.approx([0.4, 0.0, 0.25])
    # S1 growth 0.4 reaches tier 2 exactly (a value equal to a threshold reaches it): 50; S3 0.25 -> 30
    assert t["tier"].tolist() == [2, 0, 1]
    assert res.total_cost == 80.0 and res.incremental_sales == 400.0
    assert res.cost_share == pytest.approx(0.2)
    assert res.within_cap


def test_growth_not_measurable_without_baseline():
    df = sellout()
    df.loc[df["store_id"].eq("S2") & df["month"].eq("2026-09"), "units_sold"] = 0
    res = simulate(df, {"tiers": [{"min_growth": -1, "bonus": 5}, {"min_growth": 0.1, "bonus": 9}]},
                   period="2026-10", baseline="2026-09")
    assert math.isnan(res.table.loc["S2", "growth"])
    assert res.table.loc["S2", "tier"] == 0 and res.table.loc["S4", "tier"] == 1


def test_cost_share_infinite_without_growth_and_zero_without_cost():
    res = run(UNITS, chain="B")
    assert res.total_cost == 0 and res.cost_share == 0.0
    res = run({"tiers": [{"min_units": 30, "rate": 1.0}, {"min_units": 200, "rate": 2.0}]})
    df = sellout()
    df["units_sold"] = df["units_sold"][::-1].to_numpy()  # period sells less than baseline overall
    res = simulate(df, {"tiers": [{"min_units": 10, "rate": 1.0}, {"min_units": 200, "rate": 2.0}]},
                   period="2026-10", baseline="2026-09")
    assert res.incremental_sales < 0 and res.cost_share == math.inf


def test_by_tier_and_plot():
    res = run(UNITS)
    bt = res.by_tier()
    assert bt["stores"].tolist() == [2, 1, 1] and bt["payout"].tolist() == [0.0, 35.0, 120.0]
    ax = res.plot()
    assert "77.5%" in ax.get_title()
    kl.set_language("en")
    assert res.plot().get_xticklabels()[0].get_text() == "no tier"


def test_default_period_is_latest_quarter_vs_the_one_before():
    res = simulate(kl.datasets.load("sellout"), GROWTH, chain="C22")
    assert res.period == ("2026-08", "2026-09", "2026-10")
    assert res.baseline == ("2026-05", "2026-06", "2026-07")
    df = kl.datasets.load("sellout")
    assert len(res.table) == df.loc[df["chain_id"] == "C22", "store_id"].nunique() and set(res.table["chain_id"]) == {"C22"}


def test_input_is_not_modified():
    df = sellout()
    before = df.copy()
    spec = {k: (list(v) if isinstance(v, list) else v) for k, v in UNITS.items()}
    run(spec)
    pd.testing.assert_frame_equal(df, before)
    assert spec == UNITS


def test_vectorised_on_the_bundled_data_matches_a_loop():
    df = kl.datasets.load("sellout")
    res = simulate(df, UNITS)
    p = df[df["month"].isin(res.period)].groupby("store_id")["units_sold"].sum()
    expected = []
    for units in p:
        tier = 0
        for i, t in enumerate(UNITS["tiers"], start=1):
            if units >= t["min_units"]:
                tier = i
        r = UNITS["tiers"][tier - 1] if tier else {}
        expected.append(r.get("rate", 0) * units + r.get("bonus", 0))
    assert res.table["payout"].tolist() == pytest.approx(expected)


@settings(max_examples=60, deadline=None)
@given(base=st.lists(st.integers(0, 200), min_size=3, max_size=3),
       units=st.lists(st.integers(0, 200), min_size=3, max_size=3),
       store=st.integers(0, 2), extra=st.integers(1, 100),
       thresholds=st.lists(st.integers(1, 150), min_size=1, max_size=4, unique=True),
       rewards=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 50)), min_size=4, max_size=4),
       basis=st.sampled_from(["units", "growth"]))
def test_raising_a_stores_units_never_lowers_its_payout(base, units, store, extra, thresholds, rewards, basis):
    thresholds = sorted(thresholds)
    rates = sorted(r for r, _ in rewards)[: len(thresholds)]
    bonuses = sorted(b for _, b in rewards)[: len(thresholds)]
    key = "min_units" if basis == "units" else "min_growth"
    scale = 1 if basis == "units" else 0.01
    scheme = {"basis": basis, "tiers": [{key: t * scale, "rate": r, "bonus": b}
                                        for t, r, b in zip(thresholds, rates, bonuses)]}
    assert not [v for v in compliance(scheme) if v.rule in ("tiers_order", "rewards_order")]
    ids = ["S1", "S2", "S3"]
    df = pd.DataFrame({"store_id": ids * 2, "month": ["2026-09"] * 3 + ["2026-10"] * 3,
                       "units_sold": base + units})
    more = df.copy()
    more.loc[3 + store, "units_sold"] += extra
    a = simulate(df, scheme, period="2026-10", baseline="2026-09").table["payout"]
    b = simulate(more, scheme, period="2026-10", baseline="2026-09").table["payout"]
    assert b.iloc[store] >= a.iloc[store] - 1e-9


# ----------------------------------------------------------------------- compliance
def test_compliant_scheme_has_no_violation():
    assert compliance(GROWTH, run(GROWTH, chain="A")) == []


@pytest.mark.parametrize("change, rule, words", [
    ({"payee": "clerk"}, "payee", ("店员", "clerks")),
    ({"payee": "个人"}, "payee", ("商业贿赂", "bribery")),
    ({"payee": "store"}, "payee", ("签约连锁", "contracted chain")),
    ({"category": "处方药"}, "category", ("OTC", "OTC")),
    ({"tiers": [{"min_growth": 0.4, "bonus": 50}, {"min_growth": 0.2, "bonus": 60}]}, "tiers_order",
     ("第 2 档", "Tier 2")),
    ({"tiers": [{"min_growth": 0.2, "bonus": 50}, {"min_growth": 0.4, "bonus": 30}]}, "rewards_order",
     ("第 2 档", "Tier 2")),
    ({"cost_cap": 0.1}, "cost_cap", ("20.0%", "20.0%")),
])
def test_each_rule_explained_in_both_languages(change, rule, words):
    scheme = {**GROWTH, **change}
    violations = compliance(scheme, run(scheme, chain="A"))
    assert [v.rule for v in violations] == [rule]
    v = violations[0]
    assert words[0] in v.zh and words[1] in v.en
    assert CJK.search(v.zh) and LATIN.search(v.en)
    kl.set_language("en")
    assert str(v) == v.en


def test_cost_cap_without_growth_and_without_result():
    scheme = {"tiers": [{"min_units": 10, "rate": 1.0}, {"min_units": 90, "rate": 2.0}], "cost_cap": 0.3}
    assert compliance(scheme) == []                       # cost rules need a result
    res = run(scheme, chain="B") if False else simulate(
        sellout().assign(units_sold=[50, 40, 40, 40, 80, 70, 20, 15]), scheme, period="2026-10", baseline="2026-09")
    assert res.cost_share == math.inf
    [v] = compliance(scheme, res)
    assert v.rule == "cost_cap" and "没有增长" in v.zh and "did not grow" in v.en


def test_payout_without_measurable_basis():
    scheme = {"tiers": [{"min_units": 0, "bonus": 10}, {"min_units": 60, "rate": 1.0, "bonus": 10}], "cost_cap": 1}
    [v] = compliance(scheme, run(scheme))
    assert v.rule == "no_basis" and v.tier == 1 and "0 盒" in v.zh and "0 units" in v.en
    # a growth tier at -100% pays a store that sold nothing: caught from the result
    scheme = {"tiers": [{"min_growth": -1, "bonus": 10}, {"min_growth": 0.5, "bonus": 20}], "cost_cap": 1}
    rules = [v.rule for v in compliance(scheme, run(scheme))]
    assert rules == ["no_basis"]


# ----------------------------------------------------------------------- scheme errors
@pytest.mark.parametrize("spec, column, row", [
    ({"tiers": [{"min_units": 60}]}, "rate", 1),
    ({"tiers": [{"min_units": 60, "rate": 1}, {"min_units": 60, "rate": 2}]}, "min_units", 2),
    ({"tiers": [{"min_units": 60, "rate": 1}, {"min_growth": 0.1, "rate": 2}]}, "min_growth", 2),
    ({"tiers": [{"min_units": 60, "rate": 1}, {"min_units": 90, "rat": 2}]}, "rat", 2),
    ({"tiers": [{"min_units": 60, "rate": "一元"}]}, "rate", 1),
    ({"tiers": [{"min_units": 60, "rate": -1}]}, "rate", 1),
    ({"tiers": [{"min_growth": 15, "bonus": 1}]}, "min_growth", 1),
])
def test_bad_tiers_name_field_and_tier(spec, column, row):
    with pytest.raises(BadSpecError) as err:
        Scheme.from_dict(spec)
    assert err.value.column == column and err.value.row == row
    assert_bilingual(err, column)
    assert f"第 {row} 档" in err.value.zh and f"Tier {row}" in err.value.en


@pytest.mark.parametrize("spec, column", [
    ({"tiers": [{"min_units": 1, "rate": 1}], "cost_cap": 30}, "cost_cap"),
    ({"tiers": [{"min_units": 1, "rate": 1}], "unit_price": 0}, "unit_price"),
    ({"tiers": [{"min_units": 1, "rate": 1}], "payee": "boss"}, "payee"),
    ({"tiers": [{"min_units": 1, "rate": 1}], "category": "感冒"}, "category"),
    ({"tiers": [{"min_units": 1, "rate": 1}], "payer": "chain"}, "payer"),
    ({"tiers": []}, "tiers"),
])
def test_bad_scheme_fields(spec, column):
    with pytest.raises(BadSpecError) as err:
        Scheme.from_dict(spec)
    assert err.value.column == column
    assert_bilingual(err, column)


# ----------------------------------------------------------------------- data errors
def test_missing_column_with_suggestion():
    with pytest.raises(MissingColumnError) as err:
        run(UNITS) if False else simulate(sellout().rename(columns={"units_sold": "units_sod"}), UNITS)
    assert err.value.column == "units_sold"
    assert_bilingual(err, "units_sold", "units_sod")


@pytest.mark.parametrize("value, cls", [("很多", BadValueError), (np.nan, BadValueError), (-3, BadValueError)])
def test_bad_units_name_column_and_row(value, cls):
    df = sellout()
    df["units_sold"] = df["units_sold"].astype(object)
    df.loc[5, "units_sold"] = value
    before = df.copy()
    with pytest.raises(cls) as err:
        simulate(df, UNITS, period="2026-10", baseline="2026-09")
    assert err.value.column == "units_sold" and err.value.row == 5
    assert_bilingual(err, "units_sold", 5)
    pd.testing.assert_frame_equal(df, before)


def test_duplicate_store_month():
    df = pd.concat([sellout(), sellout().iloc[[3]]], ignore_index=True)
    with pytest.raises(DuplicateIdError) as err:
        simulate(df, UNITS, period="2026-10", baseline="2026-09")
    assert err.value.column == "month" and err.value.row == 8
    assert_bilingual(err, "S2", "2026-10", 8)


def test_empty_table_unknown_chain_and_month():
    with pytest.raises(EmptyTableError):
        simulate(sellout().iloc[:0], UNITS)
    with pytest.raises(BadValueError) as err:
        run(UNITS, chain="C")
    assert err.value.column == "chain_id"
    assert_bilingual(err, "'C'")
    with pytest.raises(BadValueError) as err:
        simulate(sellout(), UNITS, period="2026-11", baseline="2026-09")
    assert err.value.column == "month"
    assert_bilingual(err, "2026-11", "2026-10")


def test_period_and_baseline_must_not_overlap_and_match_in_length():
    with pytest.raises(BadValueError) as err:
        simulate(sellout(), UNITS, period="2026-10", baseline=["2026-10"])
    assert_bilingual(err, "2026-10")
    with pytest.raises(BadValueError) as err:
        simulate(sellout(), UNITS, period=["2026-10"], baseline=["2026-09", "2026-08"])
    assert err.value.column == "month"
    with pytest.raises(BadValueError):   # 2 months of data cannot hold the default 3 + 3
        simulate(sellout(), UNITS)


# ----------------------------------------------------------------------- push plan
PLAN = {"liaison": "张伟", "start": "2026-11-01", "end": "2027-01-31",
        "waves": [{"name": "试点", "stores": 30, "start": "2026-11-01", "end": "2026-11-30"},
                  {"stores": ["S0001", "S0002"], "start": "2026-12-01", "end": "2026-12-31"},
                  {"stores": "其余门店", "start": "2027-01-01", "end": "2027-01-31"}],
        "meetings": ["2026-11-15", "2026-12-15", "2027-01-15"]}


def test_sound_plan_and_its_table():
    plan = push_plan(PLAN)
    assert plan.ok and plan.validate() == []
    t = plan.table
    assert t["kind"].tolist() == ["wave"] * 3 + ["meeting"] * 3
    assert t["n_stores"].tolist()[:3] == [30, 2, 3 if False else pd.NA][:2] + [t["n_stores"].tolist()[2]]
    assert t.loc[1, "stores"] == "S0001、S0002" and t.loc[0, "name"] == "试点"
    ax = plan.plot()
    assert [x.get_text() for x in ax.get_yticklabels()][:2] == ["第1批 30 家", "第2批 2 家"]


@pytest.mark.parametrize("change, codes", [
    ({"liaison": ""}, ["liaison"]),
    ({"liaison": {"name": " "}}, ["liaison"]),
    ({"waves": []}, ["no_waves"]),
    ({"waves": [{"stores": 10, "start": "2026-11-01", "end": "2026-12-05"},
                {"stores": 10, "start": "2026-12-01", "end": "2027-01-31"}]}, ["overlap"]),
    ({"waves": [{"stores": 10, "start": "2026-11-20", "end": "2026-11-10"}]}, ["wave_dates"]),
    ({"meetings": ["2026-11-15", "2027-01-15"]}, ["meetings"]),
    ({"meetings": []}, ["meetings"]),
    ({"meetings": ["2026-11-15", "2026-12-15", "2027-01-15", "2027-02-10"]}, ["outside"]),
    ({"waves": [{"stores": 10, "start": "2026-10-20", "end": "2026-11-30"}]}, ["outside"]),
])
def test_plan_problems(change, codes):
    plan = push_plan({**PLAN, **change})
    assert [p.code for p in plan.problems] == codes
    for p in plan.problems:
        assert CJK.search(p.zh) and LATIN.search(p.en)


def test_meeting_gap_is_named_in_both_languages():
    [p] = push_plan({**PLAN, "meetings": ["2026-11-15", "2027-01-15"]}).problems
    assert "2026-11-15" in p.zh and "2027-01-15" in p.en and "61" in p.zh and "61" in p.en


@pytest.mark.parametrize("plan, column, row", [
    ("计划", "plan", None),
    ({**PLAN, "liason": "张伟"}, "liason", None),
    ({**PLAN, "start": "2026/11/31"}, "start", None),   # no such day
    ({**PLAN, "end": "2026-10-01"}, "end", None),
    ({**PLAN, "waves": [{"stores": 10, "start": "2026-11-01"}]}, "end", 1),
    ({**PLAN, "waves": [PLAN["waves"][0], {"stores": 0, "start": "2026-12-01", "end": "2026-12-31"}]}, "stores", 2),
    ({**PLAN, "meetings": ["2026-11-15", "12月15日"]}, "meetings", 2),
])
def test_malformed_plans_raise(plan, column, row):
    before = repr(plan)
    with pytest.raises(BadSpecError) as err:
        push_plan(plan)
    assert err.value.column == column and err.value.row == row
    assert CJK.search(err.value.zh) and LATIN.search(err.value.en)
    assert repr(plan) == before


# ---------------------------------------------------------------------- the seasonal baseline (issue 12)
PILOT_BASE = ("2026-02", "2026-03", "2026-04")


def _pilot_stores(chain: str, variant: int = 0):
    sellout, chains = kl.datasets.load("sellout", variant=variant), kl.datasets.load("chains", variant=variant)
    hq = chains.set_index("chain_id").at[chain, "hq_city"]
    return sellout, sellout.loc[(sellout["chain_id"] == chain) & (sellout["region"] == hq), "store_id"].unique()


def test_no_control_and_no_season_is_an_error_not_a_silent_one():
    df = sellout()
    with pytest.raises(BadValueError) as err:
        _simulate(df, UNITS, period="2026-10", baseline="2026-09")
    assert "对照" in err.value.zh and "control" in err.value.en
    with pytest.raises(BadValueError):
        _simulate(df, UNITS, period="2026-10", baseline="2026-09", season=0)


def test_season_alone_buys_nothing():
    """Old behaviour: incremental = period − previous quarter.  A cold remedy's Aug–Oct vs May–Jul is seasonal
    growth with no scheme running; against the control stores that growth is not the scheme's."""
    df = pd.DataFrame({"store_id": ["P", "P", "C", "C"], "month": ["2026-07", "2026-08"] * 2,
                       "units_sold": [100, 110, 200, 220]})          # both +10 %: season only
    scheme = {"basis": "growth", "tiers": [{"min_growth": 0.05, "bonus": 10}], "unit_price": 10}
    res = _simulate(df, scheme, period="2026-08", baseline="2026-07", pilot=["P"])
    assert res.season == pytest.approx(1.1)
    assert res.incremental_sales == pytest.approx(0.0)                # the old measure said 100 yuan
    assert res.naive_incremental_sales == pytest.approx(100.0)
    assert res.table.loc["P", "tier"] == 0 and res.total_cost == 0    # growth over the season: 0 %
    units = {"tiers": [{"min_units": 100, "rate": 1.0}], "unit_price": 10}
    assert math.isinf(_simulate(df, units, period="2026-08", baseline="2026-07", pilot=["P"]).cost_share)


def test_the_bundled_pilot_is_measured_against_its_control_stores():
    sellout, pilot = _pilot_stores("C18")
    scheme = {"basis": "growth", "tiers": [{"min_growth": 0.05, "bonus": 10}], "unit_price": 38}
    res = _simulate(sellout, scheme, chain="C18", pilot=pilot, period=list(PILOT_MONTHS), baseline=list(PILOT_BASE))
    c18 = sellout[sellout["chain_id"] == "C18"]
    control = c18[~c18["store_id"].isin(pilot)]
    s = control[control["month"].isin(PILOT_MONTHS)]["units_sold"].sum() / \
        control[control["month"].isin(PILOT_BASE)]["units_sold"].sum()
    assert res.season == pytest.approx(s) and res.season < 0.95          # May–Jul is below Feb–Apr
    assert set(res.table.index) == set(pilot) and res.control_stores == control["store_id"].nunique()
    lift = res.table["units"].sum() / res.table["expected_units"].sum() - 1
    assert 0.5 * PILOT_LIFT < lift < 1.5 * PILOT_LIFT                 # the pilot's lift, not the season
    naive = res.table["units"].sum() / res.table["baseline_units"].sum() - 1
    assert naive < lift - 0.05                                        # 环比 hides most of it
    assert res.incremental_sales == pytest.approx(((res.table["units"] - res.table["expected_units"]) * 38).sum())


def test_season_given_directly_replaces_the_control():
    df = sellout()
    a = _simulate(df, GROWTH, period="2026-10", baseline="2026-09", season=1.25)
    assert a.season == 1.25 and a.control_stores == 0
    assert (a.table["expected_units"] == a.table["baseline_units"] * 1.25).all()
