"""kamlab.retail: hand-computed cases of the five sell-through tools, checklists, bad input, charts."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kamlab as kl
from kamlab import BadSpecError, BadValueError, DuplicateIdError, MissingColumnError
from kamlab import retail


# ----------------------------------------------------------------------------- (a) distribution
def _sellout() -> pd.DataFrame:
    rows = []
    stocked = {"S1": [1, 1, 1], "S2": [0, 1, 1], "S3": [0, 0, 1], "S4": [0, 0, 1], "S5": [0, 0, 0]}
    chain = {"S1": "C1", "S2": "C1", "S3": "C1", "S4": "C2", "S5": "C2"}
    target = {"S1": True, "S2": True, "S3": False, "S4": True, "S5": True}
    for store, flags in stocked.items():
        for month, flag in zip(["2026-01", "2026-02", "2026-03"], flags):
            rows.append({"store_id": store, "chain_id": chain[store], "month": month, "is_target": target[store],
                         "stocked": bool(flag), "units_sold": 10 * flag})
    return pd.DataFrame(rows)


def test_distribution_by_hand():
    res = retail.distribution_check(_sellout(), hq_listed={"C1": ["A", "B"], "C2": ["A"]}, portfolio=["A", "B"],
                                    target=0.5, new_product_months=1)
    t = res.table
    assert t.index.tolist() == ["C1", "C2"]
    assert t["target_stores"].tolist() == [2, 2]
    assert t["distribution_rate"].tolist() == [1.0, 0.5]
    assert t.loc["C1", "nontarget_distribution_rate"] == 1.0 and math.isnan(t.loc["C2", "nontarget_distribution_rate"])
    assert t["hq_purchase_rate"].tolist() == [1.0, 0.5]
    assert t["hq_first_month"].tolist() == ["2026-01", "2026-03"]
    assert t["hq_months_after_launch"].tolist() == [0.0, 2.0]
    assert t["hq_on_time"].tolist() == [True, False]
    assert t["shelved_on_time"].tolist() == [1, 1]
    assert t["on_time_shelf_rate"].tolist() == [0.5, 0.5]
    assert res.failing == ["C2"] and (res.month, res.launch) == ("2026-03", "2026-01")
    # a two-month window makes C2's HQ purchase on time
    assert retail.distribution_check(_sellout(), hq_listed={"C1": ["A", "B"], "C2": ["A"]}, portfolio=["A", "B"],
                                     target=0.5, new_product_months=2).failing == []
    # the seed's 100 % line: both fail; without hq_listed the purchase rate is empty
    res = retail.distribution_check(_sellout())
    assert res.failing == ["C1", "C2"] and res.table["hq_purchase_rate"].isna().all()


def test_distribution_launch_and_month():
    res = retail.distribution_check(_sellout(), launch="2026-02", month="2026-02", target=0.5)
    assert res.table["distribution_rate"].tolist() == [1.0, 0.0]
    assert res.table["hq_months_after_launch"].tolist() == [-1.0, 1.0]


def test_example_listing_is_deterministic_and_varies():
    s0 = kl.datasets.load("sellout")
    assert retail.example_listing(s0) == retail.example_listing(s0, 0)
    sizes = sorted(len(v) for v in retail.example_listing(s0).values())
    assert sizes == [3, 5] + [6] * (s0["chain_id"].nunique() - 2)


# ----------------------------------------------------------------------------- (b) display
def _shelf() -> pd.DataFrame:
    return pd.DataFrame({"store_id": ["D1", "D2", "D3", "D4", "D5"], "our_facings": [2, 6, 5, 1, 4],
                         "total_facings": [20, 20, 10, 10, 25], "our_sales": [2000, 3000, 1000, 0, 2000],
                         "category_sales": [10000, 10000, 10000, 5000, 10000]})


def test_facings_by_hand():
    res = retail.facings(_shelf(), tolerance=0.2)
    t = res.table
    assert t["facing_share"].tolist() == [0.1, 0.3, 0.5, 0.1, 0.16]
    assert t["market_share"].tolist() == [0.2, 0.3, 0.1, 0.0, 0.2]
    assert t["fair_share_index"].iloc[:3].tolist() == pytest.approx([0.5, 1.0, 5.0])
    assert math.isinf(t.loc["D4", "fair_share_index"])
    assert t.loc["D5", "fair_share_index"] == pytest.approx(0.8)        # on the edge: fair
    assert t["status_code"].tolist() == ["under", "fair", "over", "over", "fair"]
    assert t["fair_facings"].tolist() == [4, 6, 1, 0, 5]
    assert t["facings_gap"].tolist() == [2, 0, -4, -1, 1]
    assert res.under_exposed == ["D1"] and res.over_exposed == ["D3", "D4"]
    assert retail.facings(_shelf(), tolerance=0.1).table.loc["D5", "status_code"] == "under"


def test_display_audit_by_hand():
    table = pd.DataFrame({"store_id": ["A", "B"], "best_position": [2, 0], "full_shelf": [2, 1],
                          "fifo_tidy": [2, 1], "pop_price_tag": [1, 1], "grouped_better": [2, 0]})
    t = retail.display_audit(table).table
    assert t["score"].tolist() == [90.0, 30.0]
    assert t["weakest"].tolist() == ["pop_price_tag", "best_position"]
    assert t["passed"].tolist() == [True, False]
    assert len(retail.DISPLAY_PRINCIPLES) == 5
    assert retail.display_audit({k: 2 for k in retail.DISPLAY_PRINCIPLES}).table["score"].tolist() == [100.0]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 40), st.integers(0, 40), st.integers(1, 10_000), st.integers(0, 10_000)),
                min_size=1, max_size=8))
def test_facings_index_is_facing_over_market_share(rows):
    df = pd.DataFrame([{"store_id": f"D{i}", "total_facings": tot, "our_facings": min(o, tot),
                        "category_sales": cat, "our_sales": min(s, cat)} for i, (tot, o, cat, s) in enumerate(rows)])
    t = retail.facings(df).table
    ms = (df["our_sales"] / df["category_sales"]).to_numpy()
    fs = (df["our_facings"] / df["total_facings"]).to_numpy()
    pos = ms > 0
    assert np.allclose(t["fair_share_index"].to_numpy()[pos], fs[pos] / ms[pos])
    assert set(t["status_code"]) <= {"under", "fair", "over"}


# ----------------------------------------------------------------------------- (c) price
def test_price_watch_by_hand():
    prices = pd.DataFrame({"store_id": ["P1", "P2", "P3", "P4", "P5"], "price": [38.0, 34.2, 34.1, 41.8, 42.0]})
    res = retail.price_watch(prices, suggested=38, band=(-0.1, 0.1))
    t = res.table
    assert t["status_code"].tolist() == ["ok", "ok", "low", "ok", "high"]
    assert t["band_low"].iloc[0] == pytest.approx(34.2) and t["band_high"].iloc[0] == pytest.approx(41.8)
    assert t["deviation"].tolist() == pytest.approx([0.0, -0.1, 34.1 / 38 - 1, 0.1, 42 / 38 - 1])
    assert res.abnormal.index.tolist() == ["P3", "P5"]
    wide = retail.price_watch(prices, suggested=38, band=(-0.2, 0.2))
    assert wide.abnormal.empty


def test_price_watch_per_product():
    res = retail.price_watch(retail.example_prices(), suggested=retail.SUGGESTED_PRICES)
    assert len(res.table) == 36 and len(res.abnormal) == 3
    assert sorted(res.abnormal["status_code"]) == ["high", "low", "low"]


# ----------------------------------------------------------------------------- (d) promotion
def _weeks() -> pd.DataFrame:
    units = [100, 110, 90, 100, 160, 140]
    price = [10, 10, 10, 10, 9, 9]
    return pd.DataFrame({"week": range(1, 7), "units": units, "sales": [u * p for u, p in zip(units, price)],
                         "promo": [False] * 4 + [True] * 2})


def test_promotion_by_hand():
    t = retail.promotion(_weeks(), baseline=2, cost=200, margin=0.5).table.iloc[0]
    assert (t["baseline_start"], t["baseline_end"], t["period_start"], t["period_end"]) == (3, 4, 5, 6)
    assert t["baseline_units"] == 95 and t["baseline_sales"] == 950
    assert t["incremental_units"] == 110 and t["incremental_sales"] == 800
    assert t["lift"] == pytest.approx(150 / 95 - 1)
    assert t["roi"] == pytest.approx(1.0)
    res = retail.promotion(_weeks(), baseline=4, cost=200, margin=0.5)
    assert res.table["incremental_sales"].iloc[0] == 700 and res.lift == pytest.approx(0.5)
    assert res.roi == pytest.approx(0.75)
    # explicit periods give the same result as the promo column
    same = retail.promotion(_weeks(), baseline=[1, 2, 3, 4], period=[5, 6], cost=200, margin=0.5)
    assert same.roi == pytest.approx(0.75)


def test_promotion_fit_table():
    assert set(retail.PROMOTION_FIT) == set(retail.CATEGORY_ROLES)
    assert all(set(v) <= set(retail.PROMOTION_TYPES) for v in retail.PROMOTION_FIT.values())
    assert "主题日促" in retail.PROMOTION_FIT["季节性"]
    kl.set_language("en")
    table = retail.fit_table()
    assert table.loc["convenience", "Suitable promotion types"] == "gift with purchase"
    assert table.index.tolist() == ["destination", "routine", "seasonal", "convenience"]


def test_plans_in_english():
    """English mode: item names, seed sections and messages in English; English inputs accepted."""
    kl.set_language("en")
    info = retail.plan_check("information", {"库存和批号": {"frequency": "weekly", "owner": "rep"},
                                             "competitor information": {"frequency": "weekly", "owner": "rep"}})
    assert info.table.index.tolist() == ["stock and batch numbers", "competitor information",
                                         "consumer information", "clerk and store-manager information",
                                         "member days and promotions"]
    assert info.table["ok"].tolist() == [True, True, False, False, False]
    assert "“consumer information”" in info.table["problem"].iloc[2]
    assert info.problems[0].zh == "信息收集清单缺少“消费者信息”（需写上频率 frequency 和负责人 owner）。"
    assert retail.plan_overview()["Seed section"].iloc[0] == "Part 2, 4. Store training"
    plan = {"audience": "clerk", "content": ["knowledge"], "form": "in-store group",
            "steps": ["prepare", "learn and raise interest", "explain/show/answer", "test the result", "sum up"],
            "date": "2026-11-20", "owner": "Li Na"}
    res = retail.plan_check("training", plan)
    assert [str(p) for p in res.problems] == ["Training for clerk must cover: skills, knowledge."]
    assert res.problems[0].zh == "培训店员的内容要包括：技巧类、知识类。"
    assert retail.plan_check("training", {**plan, "content": ["knowledge", "skills"]}).ok


# ----------------------------------------------------------------------------- (e) contest
def _contest_df() -> pd.DataFrame:
    last = {"A": 100, "B": 50, "C": 200, "D": 5, "E": 50, "F": 50}
    cur = {"A": 120, "B": 75, "C": 190, "D": 15, "E": 60, "F": 60}
    rows = [{"store_id": s, "month": m, "units_sold": v}
            for s in last for m, v in (("2026-09", last[s]), ("2026-10", cur[s]))]
    return pd.DataFrame(rows[::-1])   # unsorted on purpose


def test_contest_by_hand():
    df = _contest_df()
    growth = retail.contest(df, metric="growth").table
    assert growth.index.tolist() == ["D", "B", "A", "E", "F", "C"]
    assert growth["rank"].tolist() == [1, 2, 3, 4, 5, 6]
    assert growth["growth"].tolist() == pytest.approx([2.0, 0.5, 0.2, 0.2, 0.2, -0.05])
    based = retail.contest(df, metric="growth", min_last=10).table
    assert based.index.tolist() == ["B", "A", "E", "F", "C", "D"] and math.isnan(based.loc["D", "growth"])
    assert retail.contest(df, metric="units").table.index.tolist() == ["C", "A", "B", "E", "F", "D"]
    inc = retail.contest(df, metric="increase", top=2)
    assert inc.table.index.tolist() == ["B", "A"] and inc.winners(1) == ["B"]
    assert (inc.month, inc.previous) == ("2026-10", "2026-09")


def test_clerk_contest():
    res = retail.contest(retail.example_clerks(), by="clerk_id", metric="units")
    assert len(res.table) == 12 and res.table["rank"].tolist() == list(range(1, 13))
    assert res.table["units"].is_monotonic_decreasing


# ----------------------------------------------------------------------------- plans
PLAN = {"audience": "店员", "content": ["知识类", "技巧类"], "form": "入店一对一",
        "steps": list(retail.TRAINING_STEPS), "date": "2026-12-01", "owner": "李娜"}


def test_plans():
    assert retail.plan_check("training", PLAN).ok
    bad = retail.plan_check("training", {**PLAN, "audience": "店长", "date": "2026-10-01", "form": "直播"})
    assert [p.item for p in bad.problems] == ["content", "form", "date"]
    assert "管理类" in bad.problems[0].zh and "management" not in bad.problems[0].zh
    edu = {"disease": "高血压", "strategies": ["建立慢病管理体系", "开展健康教育活动"], "follow_up_days": 30, "owner": "药师"}
    assert retail.plan_check("education", edu).ok
    assert not retail.plan_check("education", {**edu, "follow_up_days": 60}).ok
    log = [{"date": "2026-10-15", "competitor": "X", "action": "买二送一", "response": "促销应对", "owner": "王强"},
           {"date": "2026-12-15", "competitor": "Y", "action": "降价", "response": "制造消费者异议", "owner": ""}]
    res = retail.plan_check("competitor", log)
    assert [p.item for p in res.problems] == ["#2", "#2", "#2"]
    cal = [{"date": "2026-11-10", "contact": "张店长", "action": "公司小礼品", "value": 150}]
    assert retail.plan_check("relationship", cal).ok
    assert "合规" in retail.plan_check("relationship", [{**cal[0], "value": 201}]).problems[0].zh
    info = {item: {"frequency": "每周", "owner": "代表"} for item in retail.INFORMATION_ITEMS}
    assert retail.plan_check("information", info).ok
    del info["竞品信息"]
    assert [p.item for p in retail.plan_check("information", info).problems] == ["竞品信息"]
    assert retail.plan_overview().index.tolist() == list(retail.PLAN_KINDS)


# ----------------------------------------------------------------------------- bad input
def _assert_names(err: pytest.ExceptionInfo, column: str, row) -> None:
    e = err.value
    assert e.column == column and e.row == row
    for text in (e.zh, e.en):
        assert column in text and str(row) in text
    assert e.zh != e.en


def test_bad_month_names_column_and_row():
    df = _sellout()
    df.loc[4, "month"] = "2026/02"
    with pytest.raises(BadValueError) as err:
        retail.distribution_check(df)
    _assert_names(err, "month", 4)


def test_bad_yes_no_names_column_and_row():
    df = _sellout()
    df["stocked"] = df["stocked"].astype(object)
    df.loc[7, "stocked"] = "maybe"
    with pytest.raises(BadValueError) as err:
        retail.distribution_check(df)
    _assert_names(err, "stocked", 7)


def test_repeated_store_month_names_the_row():
    df = pd.concat([_sellout(), _sellout().iloc[[2]]], ignore_index=True)
    with pytest.raises(DuplicateIdError) as err:
        retail.distribution_check(df)
    _assert_names(err, "month", 15)


def test_unknown_category_names_the_chain():
    with pytest.raises(BadValueError) as err:
        retail.distribution_check(_sellout(), hq_listed={"C1": ["A"], "C2": ["Z"]}, portfolio=["A", "B"])
    _assert_names(err, "hq_listed", "C2")


def test_facings_more_than_total_names_column_and_row():
    df = _shelf()
    df.loc[2, "our_facings"] = 11
    with pytest.raises(BadValueError) as err:
        retail.facings(df)
    _assert_names(err, "our_facings", 2)


def test_text_in_a_number_column_names_column_and_row():
    df = _shelf().astype({"total_facings": object})
    df.loc[3, "total_facings"] = "十"
    with pytest.raises(BadValueError) as err:
        retail.facings(df)
    _assert_names(err, "total_facings", 3)


def test_price_without_suggested_price_names_the_row():
    prices = pd.DataFrame({"store_id": ["P1", "P2"], "product": ["清感颗粒", "新品X"], "price": [38, 20]})
    with pytest.raises(BadValueError) as err:
        retail.price_watch(prices, suggested=retail.SUGGESTED_PRICES)
    _assert_names(err, "product", 1)


def test_negative_price_and_units_name_the_row():
    prices = pd.DataFrame({"store_id": ["P1", "P2"], "price": [38, -1]})
    with pytest.raises(BadValueError) as err:
        retail.price_watch(prices, suggested=38)
    _assert_names(err, "price", 1)
    df = _contest_df()
    df.loc[5, "units_sold"] = -3
    with pytest.raises(BadValueError) as err:
        retail.contest(df)
    _assert_names(err, "units_sold", 5)


def test_audit_score_outside_0_2_names_column_and_row():
    table = pd.DataFrame({"store_id": ["A", "B"], **{k: [2, 2] for k in retail.DISPLAY_PRINCIPLES}})
    table.loc[1, "fifo_tidy"] = 3
    with pytest.raises(BadValueError) as err:
        retail.display_audit(table)
    _assert_names(err, "fifo_tidy", 1)


def test_missing_column_suggests_the_name():
    df = _sellout().rename(columns={"stocked": "stocks"})
    with pytest.raises(MissingColumnError) as err:
        retail.distribution_check(df)
    assert err.value.column == "stocked" and "stocks" in err.value.zh and "stocks" in err.value.en


@pytest.mark.parametrize("call, column", [
    (lambda: retail.price_watch(pd.DataFrame({"store_id": ["P"], "price": [1]}), suggested=1, band=(0.1, -0.1)),
     "band"),
    (lambda: retail.facings(_shelf(), tolerance=1.5), "tolerance"),
    (lambda: retail.contest(_contest_df(), metric="sales"), "metric"),
    (lambda: retail.distribution_check(_sellout(), target=90), "target"),
    (lambda: retail.promotion(_weeks(), baseline=5, cost=100), "baseline"),
    (lambda: retail.promotion(_weeks(), cost=0), "cost"),
    (lambda: retail.plan_check("budget", {}), "kind"),
])
def test_bad_settings_raise_bad_spec(call, column):
    with pytest.raises(BadSpecError) as err:
        call()
    assert err.value.column == column and err.value.zh != err.value.en


def test_empty_and_wrong_type_tables():
    with pytest.raises(kl.EmptyTableError):
        retail.facings(_shelf().iloc[0:0])
    with pytest.raises(BadValueError):
        retail.price_watch([38, 40], suggested=38)
    with pytest.raises(BadValueError):
        retail.plan_check("relationship", {"date": "2026-11-10"})


def test_english_messages():
    kl.set_language("en")
    df = _shelf()
    df.loc[2, "our_facings"] = 11
    with pytest.raises(BadValueError) as err:
        retail.facings(df)
    assert str(err.value).startswith("Table facings, row 2")


# ----------------------------------------------------------------------------- inputs untouched, charts
def test_inputs_are_not_modified():
    frames = {"sellout": _sellout(), "shelf": _shelf(), "weeks": _weeks(), "contest": _contest_df(),
              "prices": retail.example_prices()}
    before = {k: v.copy(deep=True) for k, v in frames.items()}
    retail.distribution_check(frames["sellout"], hq_listed={"C1": ["A"], "C2": ["A"]}, portfolio=["A"])
    retail.facings(frames["shelf"])
    retail.promotion(frames["weeks"], cost=100)
    retail.contest(frames["contest"], metric="growth")
    retail.price_watch(frames["prices"])
    plan = {**PLAN, "content": list(PLAN["content"])}
    retail.plan_check("training", plan)
    assert plan == PLAN
    for k in frames:
        pd.testing.assert_frame_equal(frames[k], before[k])


@pytest.mark.parametrize("language, word", [("zh", "比率"), ("en", "Rate")])
def test_charts_are_labelled_in_the_current_language(language, word):
    kl.set_language(language)
    assert retail.distribution_check(_sellout()).plot().get_ylabel() == word
    axes = [retail.facings(_shelf()).plot(), retail.price_watch(retail.example_prices()).plot(),
            retail.promotion(_weeks(), cost=100).plot(), retail.contest(_contest_df()).plot(),
            retail.display_audit({k: 1 for k in retail.DISPLAY_PRINCIPLES}).plot(),
            retail.plan_check("training", PLAN).plot()]
    assert all(ax.get_title() for ax in axes)
    if language == "en":
        assert axes[0].get_xlabel() == "Market share (ours / category)"
