"""kamlab.rootcause: LMDI drill-down by hand, zero rules, and every broken link of a chain."""

from __future__ import annotations

import datetime as dt
import io
import math
import re

import numpy as np
import pandas as pd
import pytest

import kamlab as kl
from kamlab import BadSpecError, BadValueError, MissingColumnError
from kamlab.rootcause import CAUSES, Chain, Evidence, Solution, validate

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{4,}")
COLS = ["store_id", "chain_id", "region", "month", "is_target", "stocked", "units_sold", "inventory_begin",
        "inventory_end", "mystery_visits", "recommended_visits"]


def rows(chain, month, spec, region="上海"):
    """spec: list of (store, is_target, stocked, units)."""
    return [(s, chain, region, month, t, st, u, 0, 0, 2, 1) for s, t, st, u in spec]


def drill_data() -> pd.DataFrame:
    data = []
    # X: 4 target stores.  March: 3 stocked, all selling, 30+20+10 = 60 -> T 4, d .75, s 1, u 20
    #                       April: 4 stocked, 2 selling, 40+10 = 50  -> T 4, d 1, s .5, u 25
    data += rows("X", "2026-03", [("X1", True, True, 30), ("X2", True, True, 20), ("X3", True, True, 10),
                                  ("X4", True, False, 0)])
    data += rows("X", "2026-04", [("X1", True, True, 40), ("X2", True, True, 10), ("X3", True, True, 0),
                                  ("X4", True, True, 0)])
    # Y: stops stocking: 20 units -> 0 (distribution becomes 0)
    data += rows("Y", "2026-03", [("Y1", True, True, 10), ("Y2", True, True, 10)])
    data += rows("Y", "2026-04", [("Y1", True, False, 0), ("Y2", True, False, 0)])
    # Z: stocked but no sales in March (sell-through 0), 12 units in April
    data += rows("Z", "2026-03", [("Z1", True, True, 0), ("Z2", True, True, 0)])
    data += rows("Z", "2026-04", [("Z1", True, True, 12), ("Z2", True, True, 0)])
    # W: not a target chain in March (non-target rows only), 2 target stores selling 8 in April
    data += rows("W", "2026-03", [("W1", False, True, 5)])
    data += rows("W", "2026-04", [("W1", True, True, 5), ("W2", True, True, 3)])
    # V: never sells
    data += rows("V", "2026-03", [("V1", True, False, 0)])
    data += rows("V", "2026-04", [("V1", True, True, 0)])
    return pd.DataFrame(data, columns=COLS)


def L(a, b):
    return a if a == b else (a - b) / (math.log(a) - math.log(b))


def assert_bilingual(err, *names):
    text = str(err.value)
    for name in names:
        assert name in err.value.zh and name in err.value.en, (name, text)
    assert CJK.search(err.value.zh) and LATIN.search(err.value.en), text


# ---------------------------------------------------------------------- drill: hand-computed
def test_drill_columns_and_lmdi_by_hand():
    d = kl.rootcause.drill(drill_data(), by="chain_id", base="2026-03", current="2026-04")
    assert list(d.table.columns) == ["units_base", "units_current", "change", "effect_target_stores",
                                     "effect_distribution", "effect_sell_through", "effect_units_per_store"]
    assert list(d.table.index) == ["V", "W", "X", "Y", "Z"]
    x = d.table.loc["X"]
    w = L(50, 60)  # = -10 / ln(5/6) = 54.848...
    assert w == pytest.approx(54.8481, abs=1e-4)
    assert x.tolist() == pytest.approx([60, 50, -10, 0, w * math.log(1 / 0.75), w * math.log(0.5),
                                        w * math.log(25 / 20)], rel=1e-12, abs=1e-12)
    # by hand, rounded: +15.779, -38.018, +12.239
    assert x[["effect_distribution", "effect_sell_through", "effect_units_per_store"]].round(3).tolist() == [
        15.779, -38.018, 12.239]
    assert x.iloc[3:].sum() == pytest.approx(-10, abs=1e-12)
    lv = d.levels.loc["X"]
    assert lv[["target_stores_base", "distribution_base", "sell_through_base", "units_per_store_base",
               "units_base"]].tolist() == [4, 0.75, 1, 20, 60]
    assert lv[["distribution_current", "sell_through_current", "units_per_store_current"]].tolist() == [1, .5, 25]


def test_drill_zero_rules_put_the_whole_change_on_the_first_zero_factor():
    t = kl.rootcause.drill(drill_data(), base="2026-03", current="2026-04").table
    eff = ["effect_target_stores", "effect_distribution", "effect_sell_through", "effect_units_per_store"]
    assert t.loc["Y", eff].tolist() == [0, -20, 0, 0]   # stopped stocking
    assert t.loc["Z", eff].tolist() == [0, 0, 12, 0]    # stocked but no sales at base
    assert t.loc["W", eff].tolist() == [8, 0, 0, 0]     # no target store at base
    assert t.loc["V", eff].tolist() == [0, 0, 0, 0]     # no units in either period
    assert t.loc["W", ["units_base", "units_current", "change"]].tolist() == [0, 8, 8]
    np.testing.assert_allclose(t[eff].sum(axis=1), t["change"], atol=1e-12)


def test_group_absent_from_current_period_loses_through_target_stores():
    df = drill_data()
    df = df[~((df.chain_id == "X") & (df.month == "2026-04"))]
    t = kl.rootcause.drill(df, base="2026-03", current="2026-04").table
    assert t.loc["X"].tolist() == [60, 0, -60, -60, 0, 0, 0]


def test_drill_multi_month_periods_total_row_and_by_none():
    later = drill_data().assign(month=lambda d: d.month.map({"2026-03": "2026-10", "2026-04": "2026-11"}))
    df = pd.concat([drill_data(), later], ignore_index=True)
    d = kl.rootcause.drill(df, base=["2026-03", "2026-04"], current=["2026-10", "2026-11"], total=True)
    # identical data in both periods: no change, all effects 0
    assert d.table.drop(index="total")["change"].abs().max() == 0
    assert d.base == ("2026-03", "2026-04") and d.current == ("2026-10", "2026-11")
    single = kl.rootcause.drill(drill_data(), base="2026-03", current="2026-04", total=True).table
    assert single.index[-1] == "total"
    np.testing.assert_allclose(single.loc["total"], single.drop(index="total").sum())
    assert single.loc["total", "change"] == pytest.approx(-10 - 20 + 12 + 8)
    one = kl.rootcause.drill(drill_data(), by=None, base="2026-03", current="2026-04").table
    assert list(one.index) == ["all"] and one.loc["all", "change"] == -10
    assert one.iloc[0, 3:].sum() == pytest.approx(-10, abs=1e-12)


def test_drill_multi_month_factors_average_stores_per_month():
    # base = March + April of X (T 4 each month -> 4; stocked 3 + 4 = 7 -> 3.5; selling 3 + 2 -> 2.5; units 110)
    df = drill_data()
    df = pd.concat([df, df[df.month == "2026-04"].assign(month="2026-05")], ignore_index=True)
    d = kl.rootcause.drill(df, by="chain_id", base=["2026-03", "2026-04"], current="2026-05")
    lv = d.levels.loc["X"]
    assert lv[["target_stores_base", "distribution_base", "sell_through_base", "units_per_store_base"]].tolist() \
        == pytest.approx([4, 3.5 / 4, 2.5 / 3.5, 110 / 2.5])
    x = d.table.loc["X"]
    assert x["change"] == 50 - 110
    assert x["effect_distribution"] == pytest.approx(L(50, 110) * math.log(1 / (3.5 / 4)))


def test_largest_negative_factor_per_group():
    big = kl.rootcause.drill(drill_data(), base="2026-03", current="2026-04", total=True).largest()
    assert "total" not in big.index
    assert big["factor"].tolist() == [None, None, "sell_through", "distribution", None]
    assert big.loc["X", "label"] == "动销率" and big.loc["X", "effect"] == pytest.approx(-38.018, abs=1e-3)
    kl.set_language("en")
    assert kl.rootcause.drill(drill_data(), base="2026-03", current="2026-04").largest().loc["Y", "label"] == \
        "Distribution"


def test_drill_input_not_modified_and_by_two_columns():
    df = drill_data()
    before = df.copy()
    d = kl.rootcause.drill(df, by=["chain_id", "region"], base="2026-03", current="2026-04", total=True)
    pd.testing.assert_frame_equal(df, before)
    assert d.table.index.names == ["chain_id", "region"] and d.table.index[-1] == ("total", "")


@pytest.mark.parametrize("kwargs,error,column,word", [
    ({"base": "2026-3"}, BadSpecError, "base", "2026-3"),
    ({"current": ["2026-04", 202605]}, BadSpecError, "current", "202605"),
    ({"base": []}, BadSpecError, "base", "YYYY-MM"),
    ({"base": "2025-01"}, BadValueError, "month", "2025-01"),
    ({"by": "chian_id"}, MissingColumnError, "chian_id", "chain_id"),
    ({"total": "yes"}, BadSpecError, "total", "yes"),
])
def test_drill_bad_arguments(kwargs, error, column, word):
    args = {"base": "2026-03", "current": "2026-04", **kwargs}
    with pytest.raises(error) as err:
        kl.rootcause.drill(drill_data(), **args)
    assert err.value.column == column
    assert_bilingual(err, word)


def test_drill_bad_data_is_named():
    df = drill_data()
    df.loc[7, "recommended_visits"] = 9
    with pytest.raises(BadValueError) as err:
        kl.rootcause.drill(df, base="2026-03", current="2026-04")
    assert err.value.row == 7 and err.value.column == "recommended_visits"


def test_drill_plots():
    d = kl.rootcause.drill(drill_data(), base="2026-03", current="2026-04", total=True)
    ax = d.plot()
    assert ax.get_title() == "销量变化分解（2026-03 → 2026-04）"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["销量变化", "目标门店数", "铺货率", "动销率",
                                                                  "单店销量"]
    assert ax.get_xticklabels()[-1].get_text() == "合计"
    ax.figure.savefig(io.BytesIO(), format="png")
    kl.set_language("en")
    ax = d.plot(group="X")
    assert ax.get_title() == "Change in units split by factor (2026-03 -> 2026-04) · X"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Base units", "Target stores", "Distribution",
                                                           "Sell-through", "Units per store", "Current units"]
    ax.figure.savefig(io.BytesIO(), format="png")
    with pytest.raises(BadSpecError):
        d.plot(group="Q")


# ---------------------------------------------------------------------- chain
def kpi():
    """KPI table of drill_data by chain and month."""
    return kl.kpi.compute(drill_data(), by=["chain_id", "month"])


# X April: distribution 1, sell-through 0.5 (flagged < 0.8), ups 25; Y April: distribution 0 (flagged)
def good_chain(**change):
    d = {"problem": "X 四月销量下降：铺货了但不动销",
         "evidence": [{"metric": "sell_through_rate", "group": ("X", "2026-04"), "value": 0.5},
                      {"metric": "distribution_rate", "group": ("X", "2026-04"), "value": 1.0}],
         "root_cause": "陈列",
         "solutions": [{"action": "X3、X4 调整到黄金陈列位", "owner": "王经理", "due": "2026-12-15"},
                       {"action": "店员卖点培训", "owner": "李主管", "due": "2027-01-29"}]}
    d.update(change)
    return d


def codes(res):
    return [p.code for p in res]


def test_sound_chain_has_no_broken_link():
    res = Chain(**good_chain()).validate(kpi(), today="2026-11-24")
    assert res == [] and res.ok and res.problems == []
    assert list(res.table.columns) == ["link", "item", "code", "message"] and len(res.table) == 0
    assert validate(good_chain(), kpi()).ok  # module function, dict input, default today COURSE_TODAY 2026-11-01


def test_chain_accepts_dicts_tuples_chinese_keys_and_dataclasses():
    c = Chain.from_dict({"问题": "p", "证据": [("铺货率", ("Y", "2026-04"), 0)], "根因": "distribution",
                         "解决方案": [Solution("a", "王", dt.date(2026, 12, 1)),
                                  {"行动": "b", "责任人": "李", "时间节点": "2026年12月20日"}]})
    assert c.evidence == [Evidence("铺货率", ("Y", "2026-04"), 0)]
    assert c.solutions[1] == Solution("b", "李", "2026年12月20日")
    assert c.validate(kpi()).ok
    single = Chain(problem="p", evidence={"metric": "铺货率", "group": "Y / 2026-04", "value": "0%"},
                   root_cause="铺货", solutions=[("a", "王", "2026/12/01"), ("b", "李", "2026.12.02")])
    assert single.validate(kpi()).ok


def test_each_broken_link_is_named():
    cases = {
        "problem_missing": good_chain(problem="  "),
        "no_evidence": good_chain(evidence=[]),
        "evidence_type": good_chain(evidence=[*good_chain()["evidence"], "X 动销差"]),
        "unknown_metric": good_chain(evidence=[*good_chain()["evidence"],
                                               {"metric": "sellthrough_ratio", "group": ("X", "2026-04"),
                                                "value": 0.5}]),
        "unknown_group": good_chain(evidence=[*good_chain()["evidence"],
                                              {"metric": "sell_through_rate", "group": "X", "value": 0.5}]),
        "bad_value": good_chain(evidence=[*good_chain()["evidence"],
                                          {"metric": "sell_through_rate", "group": ("X", "2026-04"),
                                           "value": "低"}]),
        "value_mismatch": good_chain(evidence=[{"metric": "sell_through_rate", "group": ("X", "2026-04"),
                                                "value": 0.45}]),
        "value_undefined": good_chain(evidence=[*good_chain()["evidence"],
                                                {"metric": "units_per_selling_store", "group": ("V", "2026-03"),
                                                 "value": 0}]),
        "no_cause": good_chain(root_cause=""),
        "unknown_cause": good_chain(root_cause="陈例"),
        "cause_unsupported": good_chain(root_cause="库存"),
        "few_solutions": good_chain(solutions=good_chain()["solutions"][:1]),
        "solution_type": good_chain(solutions=[*good_chain()["solutions"], 42]),
        "no_action": good_chain(solutions=[*good_chain()["solutions"], {"action": "", "owner": "王",
                                                                          "due": "2026-12-01"}]),
        "no_owner": good_chain(solutions=[*good_chain()["solutions"], {"action": "补货", "owner": None,
                                                                         "due": "2026-12-01"}]),
        "bad_due": good_chain(solutions=[*good_chain()["solutions"], {"action": "补货", "owner": "王",
                                                                        "due": "下周"}]),
        "due_past": good_chain(solutions=[*good_chain()["solutions"], {"action": "补货", "owner": "王",
                                                                         "due": "2026-11-23"}]),
        "due_far": good_chain(solutions=[*good_chain()["solutions"], {"action": "补货", "owner": "王",
                                                                        "due": "2027-02-23"}]),
    }
    for code, chain in cases.items():
        res = Chain.from_dict(chain).validate(kpi(), today="2026-11-24")
        assert codes(res) == [code], (code, codes(res))
        p = res[0]
        assert CJK.search(p.zh) and LATIN.search(p.en)
        assert str(p) == p.zh and p.text("en") == p.en  # one kamlab Problem: the text in the current language
        assert not res.ok and res.table["code"].tolist() == [code]


def test_messages_name_the_item_and_the_fix():
    res = Chain(**good_chain(root_cause="陈例")).validate(kpi())
    assert "陈列" in res[0].zh and "did you mean 'display'" in res[0].en
    res = Chain(**good_chain(evidence=[{"metric": "sell_through_rate", "group": ("X", "2026-04"),
                                        "value": 0.45}])).validate(kpi())
    assert "0.45" in res[0].en and "0.5" in res[0].en and "X / 2026-04" in res[0].en
    res = Chain(**good_chain(evidence=[{"metric": "sell_through_rate", "group": ("X", "2026-04"),
                                        "value": 50}])).validate(kpi())
    assert "50% is 0.5" in res[0].en and "50% 写 0.5" in res[0].zh
    res = Chain(**good_chain(root_cause="库存")).validate(kpi())
    assert "inventory turnover (turns), days of inventory" in res[0].en  # the metrics by name, not by column
    assert "库存周转率（次）、库存天数" in res[0].zh and "_" not in res[0].zh
    assert "X / 2026-04 sell-through rate" in res[0].en  # what is flagged in the evidence
    far = Chain(**good_chain(solutions=[*good_chain()["solutions"], ("补货", "王", "2027-03-01")])).validate(kpi())
    assert "2027-01-30" in far[0].en and "90" in far[0].zh and far[0].item == 3  # COURSE_TODAY + 90 days
    kl.set_language("en")
    res = Chain(**good_chain(problem="")).validate(kpi())
    assert str(res[0]).startswith("The problem is empty") and res.table["message"][0].startswith("The problem")


def test_many_broken_links_all_reported_in_chain_order():
    res = Chain(problem="", evidence=[], root_cause="weather", solutions=[("only one", "", "soon")]).validate(kpi())
    assert codes(res) == ["problem_missing", "no_evidence", "unknown_cause", "few_solutions", "no_owner", "bad_due"]
    assert [p.link for p in res] == ["problem", "evidence", "root_cause", "solutions", "solutions", "solutions"]


def test_tolerance_relative_one_percent_or_absolute_0005():
    def check(value, metric="sell_through_rate", group=("X", "2026-04"), tolerance=(0.01, 0.005)):
        ev = [{"metric": metric, "group": group, "value": value},
              {"metric": "sell_through_rate", "group": ("X", "2026-04"), "value": 0.5}]
        return "value_mismatch" not in codes(Chain(**good_chain(evidence=ev)).validate(kpi(), tolerance=tolerance))
    assert check(0.5049) and check(0.4951) and not check(0.5061) and not check(0.4939)  # abs 0.005 dominates
    assert check(50.4, "units", ("X", "2026-04")) and not check(50.6, "units", ("X", "2026-04"))  # 1% of 50
    assert check("50%") and check(0.51, tolerance=(0.05, 0))
    with pytest.raises(BadSpecError) as err:
        Chain(**good_chain()).validate(kpi(), tolerance=0.01)
    assert_bilingual(err, "tolerance")


def test_due_date_window_edges():
    def due(d):
        sols = [good_chain()["solutions"][0], {"action": "b", "owner": "李", "due": d}]
        return codes(Chain(**good_chain(solutions=sols)).validate(kpi(), today="2026-11-24"))
    assert due("2026-11-24") == [] and due("2027-02-22") == [] and due(dt.date(2027, 2, 22)) == []
    assert due("2027-02-23") == ["due_far"] and due("2026-11-23") == ["due_past"]
    assert due("2026-02-30") == ["bad_due"] and due(None) == ["bad_due"] and due(pd.Timestamp("2026-12-01")) == []
    assert codes(Chain(**good_chain()).validate(kpi(), today=dt.date(2027, 1, 1))) == ["due_past"]
    with pytest.raises(BadSpecError):
        Chain(**good_chain()).validate(kpi(), today="tomorrow")


def test_root_cause_support_uses_targets_and_taxonomy():
    assert CAUSES == ("铺货", "陈列", "价格", "店员", "促销", "库存", "竞品", "其他")
    for cause in ("陈列", "价格", "店员", "促销", "竞品", "其他", "Display", "clerk", "other"):
        assert Chain(**good_chain(root_cause=cause)).validate(kpi()).ok, cause
    # 铺货 needs a flagged distribution_rate: X April is 1.0 -> unsupported; Y April 0 -> supported
    assert codes(Chain(**good_chain(root_cause="铺货")).validate(kpi())) == ["cause_unsupported"]
    ev = [{"metric": "distribution_rate", "group": ("Y", "2026-04"), "value": 0}]
    assert Chain(**good_chain(root_cause="distribution", evidence=ev)).validate(kpi()).ok
    # a target that X April's 0.5 meets: no flagged metric left
    assert codes(Chain(**good_chain()).validate(kpi(), targets={"动销率": 0.5})) == ["cause_unsupported"]
    # 库存 with a days-of-inventory target (lower is better): X April has no inventory -> NaN -> use Z
    k = kl.kpi.compute(drill_data().assign(inventory_begin=10, inventory_end=10), by=["chain_id", "month"])
    doi = float(k.table.loc[("X", "2026-04"), "days_of_inventory"])  # 30 · 40 / 50 = 24
    assert doi == pytest.approx(24)
    ev = [{"metric": "库存天数", "group": ("X", "2026-04"), "value": 24}]
    assert Chain(**good_chain(root_cause="库存", evidence=ev)).validate(k, targets={"days_of_inventory": 20}).ok
    assert not Chain(**good_chain(root_cause="库存", evidence=ev)).validate(k).ok  # default 60


def test_single_level_and_all_groups():
    k = kl.kpi.compute(drill_data(), by="chain_id")
    # X over both months: T 4, stocked 3.5, selling 2.5 -> sell-through 2.5/3.5
    ev = [{"metric": "sell_through_rate", "group": "X", "value": round(2.5 / 3.5, 3)}]
    assert Chain(**good_chain(evidence=ev)).validate(k).ok
    ev = [{"metric": "sell_through_rate", "group": ["X"], "value": 0.714}]
    assert Chain(**good_chain(evidence=ev)).validate(k.table).ok  # a KPI DataFrame also works
    res = Chain(**good_chain(evidence=[{"metric": "sell_through_rate", "group": "x1", "value": 0.7}])).validate(k)
    assert codes(res) == ["unknown_group", "cause_unsupported"] and "chain_id" in res[0].en
    k_all = kl.kpi.compute(drill_data())
    ev = [{"metric": "sell_through_rate", "group": "全部", "value": float(k_all.table.iloc[0]["sell_through_rate"])}]
    assert codes(Chain(**good_chain(evidence=ev)).validate(k_all)) == []


def test_chain_spec_errors():
    with pytest.raises(BadSpecError) as err:
        Chain.from_dict({"problem": "p", "rootcause_x": "铺货"})
    assert_bilingual(err, "rootcause_x")
    with pytest.raises(BadSpecError):
        Chain.from_dict(["p"])
    with pytest.raises(BadSpecError):
        Chain(**good_chain()).validate(drill_data().to_dict())


def test_chain_plot_marks_broken_links():
    res = Chain(**good_chain(root_cause="库存")).validate(kpi())
    ax = res.plot()
    assert "1 处断链" in ax.get_title()
    boxes = {t.get_text(): t.get_bbox_patch().get_edgecolor() for t in ax.texts if t.get_bbox_patch()}
    assert len(boxes) == 4
    ax.figure.savefig(io.BytesIO(), format="png")
    kl.set_language("en")
    ax = Chain(**good_chain()).plot()
    assert ax.get_title().startswith("Root-cause chain")
    ax.figure.savefig(io.BytesIO(), format="png")


# ---------------------------------------------------------------------- bundled data
@pytest.mark.parametrize("variant", [0, 1])
def test_bundled_sellout_drill_and_chain(variant):
    if "sellout" not in kl.datasets.names():  # pragma: no cover
        pytest.skip("sellout data set not available")
    df = kl.datasets.load("sellout", variant=variant)
    planted = kl.datasets.planted("sellout", variant=variant)
    months = sorted(df["month"].unique())
    d = kl.rootcause.drill(df, by="chain_id", base=months[-2], current=months[-1], total=True)
    groups = d.table.drop(index="total")
    drop = planted["latest_month_drop"]
    assert groups["change"].idxmin() == drop
    assert d.largest().loc[drop, "factor"] in ("distribution", "sell_through")
    eff = [c for c in d.table.columns if c.startswith("effect_")]
    np.testing.assert_allclose(d.table[eff].sum(axis=1), d.table["change"], rtol=0, atol=1e-9)
    k = kl.kpi.compute(df, by="chain_id")
    poor = planted["poor_distribution"]
    value = round(float(k.table.loc[poor, "distribution_rate"]), 3)
    chain = {"problem": f"{poor} 铺货率低", "root_cause": "铺货",
             "evidence": [{"metric": "distribution_rate", "group": poor, "value": value}],
             "solutions": [{"action": "补铺目标门店", "owner": "王经理", "due": "2026-12-31"},
                           {"action": "铺货率进考核", "owner": "李主管", "due": "2027-01-29"}]}
    assert Chain.from_dict(chain).validate(k, today="2026-11-24").ok
    other = next(c for c in k.table.index if c not in planted.values())
    chain["evidence"] = [{"metric": "distribution_rate", "group": other,
                          "value": round(float(k.table.loc[other, "distribution_rate"]), 3)}]
    assert codes(Chain.from_dict(chain).validate(k)) == ["cause_unsupported"]
    km = kl.kpi.compute(df, by=["chain_id", "month"])
    clerk = planted["clerk_drop"]
    v = float(km.table.loc[(clerk, months[-1]), "clerk_recommendation_rate"])
    chain.update(root_cause="店员", evidence=[{"metric": "店员推荐率", "group": (clerk, months[-1]), "value": v}])
    assert Chain.from_dict(chain).validate(km).ok
