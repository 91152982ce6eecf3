"""kamlab.chains: classification, research sheet and payment terms — hand-computed cases, bad input, properties."""

from __future__ import annotations

import copy

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kamlab as kl
from kamlab import chains as ch

SMALL = pd.DataFrame({"chain_id": ["A", "B", "C", "D"], "chain_name": ["甲", "乙", "丙", "丁"],
                      "chain_type": ["NKA", "LKA", "LKA", "nka"], "ownership": ["直营", "加盟", "半直营", "半直营"],
                      "annual_sales": [100000, 99999, 10000, 5000], "cities_covered": [40, 12, 30, 3],
                      "store_count": [800, 400, 120, 40]})


# ------------------------------------------------------------------ classify
def test_classify_by_hand():
    res = ch.classify(SMALL)
    t = res.table
    assert t["scope_code"].tolist() == ["national", "regional", "regional", "national"]
    assert t["size_code"].tolist() == ["large", "medium", "medium", "small"]   # a cut value goes up
    assert t["mode_code"].tolist() == ["direct", "franchise", "semi", "semi"]
    assert t["size"].tolist() == ["大型", "中型", "中型", "小型"]
    assert res.cuts == (10000.0, 100000.0)
    assert res.count(scope="全国性") == 2 and res.count(size="中型连锁", mode="semi") == 1
    assert res.counts().loc["区域性", "中型"] == 2


def test_classify_options():
    by_cities = ch.classify(SMALL, scope_by="cities_covered")
    assert by_cities.table["scope_code"].tolist() == ["national", "regional", "national", "regional"]
    stores = ch.classify(SMALL, size_by="store_count")
    assert stores.table["size_code"].tolist() == ["large", "medium", "medium", "small"]
    terc = ch.classify(SMALL, cuts="tercile")
    lo, hi = terc.cuts
    assert lo == pytest.approx(5000 + (10000 - 5000) * 0.0 + 5000 * 0) or lo > 0
    assert terc.table["size_code"].value_counts().to_dict() == {"large": 2, "medium": 1, "small": 1} or hi > lo


def test_classify_english_labels_and_plot():
    kl.set_language("en")
    res = ch.classify(SMALL)
    assert res.table["scope"].tolist()[0] == "national"
    assert list(res.counts().columns) == ["large", "medium", "small"]
    ax = res.plot()
    assert ax.get_title().startswith("Chain classes")


def test_classify_leaves_input_unchanged():
    df = kl.datasets.load("chains")
    before = df.copy()
    ch.classify(df, cuts=(20000, 150000))
    pd.testing.assert_frame_equal(df, before)


@pytest.mark.parametrize("mutate, error, column, row", [
    (lambda d: d.drop(columns="ownership"), kl.MissingColumnError, "ownership", None),
    (lambda d: d.rename(columns={"annual_sales": "annual_sale"}), kl.MissingColumnError, "annual_sales", None),
    (lambda d: d.assign(annual_sales=[1, "abc", 3, 4]), kl.BadValueError, "annual_sales", 1),
    (lambda d: d.assign(annual_sales=[1, 2, float("nan"), 4]), kl.BadValueError, "annual_sales", 2),
    (lambda d: d.assign(annual_sales=[1, 2, 3, -4]), kl.BadValueError, "annual_sales", 3),
    (lambda d: d.assign(ownership=["直营", "连锁", "加盟", "加盟"]), kl.BadValueError, "ownership", 1),
    (lambda d: d.assign(chain_type=["NKA", "LKA", "KA", "LKA"]), kl.BadValueError, "chain_type", 2),
    (lambda d: d.assign(chain_id=["A", "B", "A", "D"]), kl.DuplicateIdError, "chain_id", 2),
    (lambda d: d.iloc[0:0], kl.EmptyTableError, None, None),
])
def test_classify_bad_input(mutate, error, column, row):
    with pytest.raises(error) as err:
        ch.classify(mutate(SMALL.copy()))
    assert err.value.column == column and err.value.row == row
    if column:
        assert column in err.value.zh and column in err.value.en
    if row is not None:
        assert f"{row}" in err.value.zh and f"row {row}" in err.value.en


@pytest.mark.parametrize("cuts", [(100, 50), (5,), "quartile", (-1, 10), (True, 10)])
def test_classify_bad_cuts(cuts):
    with pytest.raises(kl.BadSpecError) as err:
        ch.classify(SMALL, cuts=cuts)
    assert err.value.column == "cuts" and "cuts" in err.value.zh and "cuts" in err.value.en


# ------------------------------------------------------------ research sheet
def test_research_sheet_by_hand():
    res = ch.research_sheet(ch.EXAMPLE)
    assert res.ok and res.problems == ()
    assert res.sheet["avg_store_daily_sales"] == pytest.approx(140997.1 * 10000 / 365 / 1062)
    assert res.sheet["franchise_stores"] == 0
    assert res.sheet["top10_daily_sales"][0] == 32000
    assert res.table.loc["store_count", "check"] == "✓"
    assert len(res.plot().patches) == 10


def test_research_sheet_problems():
    low = dict(ch.EXAMPLE, top10_daily_sales=[3.2] * 10)            # typed in 万元
    res = ch.research_sheet(low)
    assert not res.ok and res.problems[0]["item"] == "top10_daily_sales"
    assert "元/日" in res.problems[0]["zh"] and "yuan/day" in res.problems[0]["en"]
    semi = ch.research_sheet(dict(ch.EXAMPLE, mode="半直营"))        # all 1062 stores direct
    assert [p["item"] for p in semi.problems] == ["direct_stores"]
    fr = ch.research_sheet(dict(ch.EXAMPLE, mode="加盟", direct_stores=600))
    assert [p["item"] for p in fr.problems] == ["direct_stores"]
    price = ch.research_sheet(dict(ch.EXAMPLE, our_price=15))          # 47% of 32
    assert [p["item"] for p in price.problems] == ["our_price"]
    comp = dict(ch.EXAMPLE["competitors"][0], price=200)
    res = ch.research_sheet(dict(ch.EXAMPLE, competitors=[ch.EXAMPLE["competitors"][0], comp]))
    assert res.problems[0]["item"] == "competitors" and res.problems[0]["row"] == 2
    kl.set_language("en")
    assert ch.research_sheet(low).messages()[0].startswith("The top-10 stores")


def test_research_sheet_leaves_input_unchanged():
    sheet = copy.deepcopy(ch.EXAMPLE)
    ch.research_sheet(sheet)
    assert sheet == ch.EXAMPLE


def _without(key):
    return {k: v for k, v in ch.EXAMPLE.items() if k != key}


COMP = ch.EXAMPLE["competitors"][0]


@pytest.mark.parametrize("sheet, error, column, row", [
    (_without("layout"), kl.MissingColumnError, "layout", None),
    (dict(ch.EXAMPLE, top10_daily_sale=[1] * 10), kl.BadSpecError, "top10_daily_sale", None),
    (dict(ch.EXAMPLE, store_count="many"), kl.BadValueError, "store_count", None),
    (dict(ch.EXAMPLE, annual_sales=-5), kl.BadValueError, "annual_sales", None),
    (dict(ch.EXAMPLE, top10_daily_sales=[1] * 9), kl.BadValueError, "top10_daily_sales", None),
    (dict(ch.EXAMPLE, top10_daily_sales=[1] * 4 + [0] + [1] * 5), kl.BadValueError, "top10_daily_sales", 5),
    (dict(ch.EXAMPLE, competitors=[COMP, dict(COMP, discount_rate=62)]), kl.BadValueError, "discount_rate", 2),
    (dict(ch.EXAMPLE, competitors=[{k: v for k, v in COMP.items() if k != "price"}]),
     kl.MissingColumnError, "price", 1),
    (dict(ch.EXAMPLE, competitors=[]), kl.EmptyTableError, "competitors", None),
    (dict(ch.EXAMPLE, direct_stores=2000), kl.BadValueError, "direct_stores", None),
    (dict(ch.EXAMPLE, size="巨型"), kl.BadValueError, "size", None),
])
def test_research_sheet_bad_input(sheet, error, column, row):
    with pytest.raises(error) as err:
        ch.research_sheet(sheet)
    assert err.value.column == column and err.value.row == row
    assert column.split("_")[0] in err.value.zh and column.split("_")[0] in err.value.en
    if row is not None:
        assert str(row) in err.value.zh and str(row) in err.value.en


def test_research_sheet_suggests_the_item():
    with pytest.raises(kl.BadSpecError, match="did you mean 'top10_daily_sales'"):
        ch.research_sheet(dict(_without("top10_daily_sales"), top10_daily_sale=[1] * 10))


# ------------------------------------------------------------- payment terms
def test_the_seeds_four_terms_and_no_invented_risk_scores():
    """Seed 001 三.4: 预付款、货到付款、实销实结、月结（押批）: 月结（押批） is one method, not two."""
    assert list(ch.TERMS) == ["预付款", "货到付款", "实销实结", "月结（押批）"]
    assert ch.term_key("押批") == ch.term_key("月结") == "月结（押批）"
    assert not hasattr(ch, "CREDIT_RISK") and not hasattr(ch, "RISK_WEIGHT")
    assert "credit_risk" not in ch.compare_terms(1000).table.columns
    with pytest.raises(TypeError):
        ch.compare_terms(1000, risk_weight=0.5)


def test_compare_terms_by_hand():
    res = ch.compare_terms(365_000, ["月结（押批）", "实销实结", "货到付款"], annual_rate=0.05)
    t = res.table
    assert t["days"].tolist() == [45, 75, 7]
    assert t["financing_cost"].tolist() == pytest.approx([365_000 * 0.05 * 45 / 365, 3750.0, 350.0])
    assert res.soonest == "货到付款" and t["rank"].tolist() == [2, 3, 1]
    with pytest.raises(kl.DuplicateIdError):
        ch.compare_terms(1000, ["月结", "押批"])


def test_compare_terms_overrides_and_ties():
    res = ch.compare_terms(1000, days={"月结": 60})
    assert res.table.loc["月结（押批）", "days"] == 60
    assert res.soonest == "预付款"
    tie = ch.compare_terms(1000, ["货到付款", "预付款"], days={"预付款": 7})
    assert tie.soonest == "货到付款"


def test_compare_terms_english_and_plot():
    kl.set_language("en")
    res = ch.compare_terms(1_000_000)
    assert res.table.index.tolist() == list(ch.TERMS.values()) and res.soonest == "预付款"
    assert ch.term_key("monthly settlement (one batch held)") == "月结（押批）"
    ax = res.plot()
    assert ax.get_xlabel().startswith("financing cost")


@pytest.mark.parametrize("kwargs, error, column, row", [
    ({"amount": 0}, kl.BadValueError, "amount", None),
    ({"amount": "100"}, kl.BadValueError, "amount", None),
    ({"terms": ["月结", "季结"]}, kl.BadValueError, "terms", 2),
    ({"terms": ["月结", "monthly"]}, kl.DuplicateIdError, "terms", 2),
    ({"terms": "月结"}, kl.BadSpecError, "terms", None),
    ({"terms": []}, kl.EmptyTableError, "terms", None),
    ({"annual_rate": 6}, kl.BadValueError, "annual_rate", None),
    ({"days": {"月结": -3}}, kl.BadValueError, "days", "月结（押批）"),
])
def test_compare_terms_bad_input(kwargs, error, column, row):
    args = {"amount": 1000, **kwargs}
    amount = args.pop("amount")
    with pytest.raises(error) as err:
        ch.compare_terms(amount, **args)
    assert err.value.column == column and err.value.row == row
    assert column in err.value.zh and column in err.value.en
    if row is not None:
        assert str(row) in err.value.zh and str(row) in err.value.en


def test_compare_terms_suggests_a_term():
    with pytest.raises(kl.BadValueError, match="did you mean '实销实结'"):
        ch.compare_terms(1000, ["实销实节"])


def test_compare_terms_input_unchanged():
    terms, days = ["月结", "押批"][:1], {"月结": 50}
    ch.compare_terms(1000, terms, days=days)
    assert terms == ["月结"] and days == {"月结": 50}


@settings(max_examples=60, deadline=None)
@given(amount=st.floats(1, 1e9), rate=st.floats(0, 1),
       days=st.lists(st.floats(0, 400), min_size=4, max_size=4))
def test_more_receivable_days_never_lower_financing_cost(amount, rate, days):
    mapping = dict(zip(ch.TERMS, days))
    t = ch.compare_terms(amount, annual_rate=rate, days=mapping).table.sort_values("days", kind="stable")
    assert (t["financing_cost"].diff().dropna() >= -1e-9).all()
    assert (t["rank"].diff().dropna() > 0).all() or t["days"].nunique() < len(t)
