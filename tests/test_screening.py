"""kamlab.screening: scores, quadrants, stability, readiness and 80/20 against hand-computed numbers."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import kamlab as kl
from kamlab import (BadSpecError, BadValueError, DuplicateIdError, EmptyTableError, MissingColumnError)
from kamlab.screening import (Rubric, ScreeningResult, parse_rubric, pareto, readiness, screen,
                              stability)

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{4,}")


def assert_bilingual(err: pytest.ExceptionInfo, *names: object) -> None:
    """Every name appears in the Chinese AND in the English message."""
    for name in names:
        assert str(name) in err.value.zh, (name, err.value.zh)
        assert str(name) in err.value.en, (name, err.value.en)
    assert CJK.search(err.value.zh) and LATIN.search(err.value.en)
    text = str(err.value)
    assert err.value.zh in text and err.value.en in text


def one(values, **crit) -> list[float]:
    """Criterion scores of a one-criterion rubric, in input order."""
    df = pd.DataFrame({"id": [f"a{i}" for i in range(len(values))], "x": values})
    res = screen(df, {"d": {"weight": 1, "criteria": {"x": {"weight": 1, **crit}}}}, id_col="id")
    return res.table["d"].reindex(df["id"]).round(6).tolist()


# --------------------------------------------------------------------------- criterion scales

def test_minmax():
    # 100·(x − 10)/(40 − 10)
    assert one([10, 20, 40]) == [0.0, 33.333333, 100.0]


def test_minmax_lower_is_better():
    assert one([10, 20, 40], better="lower") == [100.0, 66.666667, 0.0]


def test_max_equals_min_gives_50_both_directions():
    assert one([7, 7, 7]) == [50.0, 50.0, 50.0]
    assert one([7, 7, 7], better="lower") == [50.0, 50.0, 50.0]
    assert one([3]) == [50.0]
    assert one([3], scale="rank") == [50.0]


def test_bounds_clipped():
    # bounds [0, 10]: −5 → 0 (clipped), 5 → 50, 20 → 100 (clipped), 2.5 → 25
    assert one([-5, 5, 20, 2.5], bounds=[0, 10]) == [0.0, 50.0, 100.0, 25.0]
    assert one([-5, 5, 20, 2.5], bounds=[0, 10], better="lower") == [100.0, 50.0, 0.0, 75.0]
    # willingness 1–5: 4 → 75
    assert one([4, 1], bounds=[1, 5]) == [75.0, 0.0]


def test_rank_with_average_ties():
    # values 7, 7, 1, 3 → ranks 3.5, 3.5, 1, 2 → 100·(r − 1)/3
    assert one([7, 7, 1, 3], scale="rank") == [83.333333, 83.333333, 0.0, 33.333333]
    assert one([7, 7, 1, 3], scale="rank", better="lower") == [16.666667, 16.666667, 100.0, 66.666667]


def test_levels_text_and_numeric_categories():
    assert one(["是", "否", "有时"], levels={"是": 100, "有时": 50, "否": 0}) == [100.0, 0.0, 50.0]
    assert one([" 是", "否"], levels={"是": 90, "否": 10}) == [90.0, 10.0]   # stray spaces forgiven
    assert one([1, 2, 3], levels={1: 10, 2: 20, "3": 30}) == [10.0, 20.0, 30.0]
    assert one(["是", "否"], levels={"是": 80, "否": 30}, better="lower") == [20.0, 70.0]


# --------------------------------------------------------------------------- aggregation and quadrants

RUBRIC = {"dimensions": {
    "A": {"weight": 30, "axis": "potential", "criteria": {
        "a1": {"weight": 1, "bounds": [0, 100]}, "a2": {"weight": 3, "bounds": [0, 100]}}},
    "B": {"weight": 20, "axis": "potential", "criteria": {"b1": {"weight": 5, "bounds": [0, 100]}}},
    "C": {"weight": 50, "axis": "profit", "criteria": {"c1": {"weight": 2, "bounds": [0, 100]}}}}}


def accounts() -> pd.DataFrame:
    return pd.DataFrame({"id": ["X", "Y", "Z", "W"], "a1": [100, 0, 50, 0], "a2": [0, 100, 50, 0],
                         "b1": [80, 20, 50, 0], "c1": [60, 40, 50, 0]}, index=[10, 11, 12, 13])


# By hand:
#   A = (1·a1 + 3·a2)/4      X 25   Y 75   Z 50   W 0
#   B = b1                   X 80   Y 20   Z 50   W 0
#   C = c1                   X 60   Y 40   Z 50   W 0
#   potential = (30A + 20B)/50      X 47    Y 53    Z 50  W 0
#   profit    = C                   X 60    Y 40    Z 50  W 0
#   total = (30A + 20B + 50C)/100   X 53.5  Y 46.5  Z 50  W 0
#   cut 50: X low/high → 维持收益; Y high/low → 培育优化; Z = cut on both → 重点投入; W → 精简调整
HAND = pd.DataFrame({"A": [25.0, 50.0, 75.0, 0.0], "B": [80.0, 50.0, 20.0, 0.0], "C": [60.0, 50.0, 40.0, 0.0],
                     "potential": [47.0, 50.0, 53.0, 0.0], "profit": [60.0, 50.0, 40.0, 0.0],
                     "total": [53.5, 50.0, 46.5, 0.0],
                     "quadrant": ["维持收益", "重点投入", "培育优化", "精简调整"],
                     "quadrant_code": ["maintain", "invest", "cultivate", "streamline"],
                     "rank": [1, 2, 3, 4]},
                    index=pd.Index(["X", "Z", "Y", "W"], name="id"))


def test_dimension_axis_total_quadrant_and_rank_by_hand():
    res = screen(accounts(), RUBRIC, id_col="id")
    assert isinstance(res, ScreeningResult)
    pd.testing.assert_frame_equal(res.table, HAND, check_dtype=False, atol=1e-9)
    assert res.cuts == (50.0, 50.0) and res.cut == 50.0
    assert res.scores.loc["X", ("A", "a2")] == 0.0 and res.scores.shape == (4, 4)


def test_each_quadrant_with_scores_exactly_at_the_cut():
    # Z sits exactly on the cut on both axes and counts as high on both.
    res = screen(accounts(), RUBRIC, id_col="id", cut=50)
    assert res.table.loc["Z", ["potential", "profit"]].tolist() == [50.0, 50.0]
    assert res.table.loc["Z", "quadrant_code"] == "invest"
    # cut 53: Y's potential (53) equals the cut → still high; X's profit 60 high
    t = screen(accounts(), RUBRIC, id_col="id", cut=53).table
    assert t["quadrant_code"].to_dict() == {"X": "maintain", "Z": "streamline", "Y": "cultivate",
                                            "W": "streamline"}
    # cut 47: X's potential (47) equals the cut → high
    t = screen(accounts(), RUBRIC, id_col="id", cut=47).table
    assert t["quadrant_code"].to_dict() == {"X": "invest", "Z": "invest", "Y": "cultivate", "W": "streamline"}
    assert screen(accounts(), RUBRIC, id_col="id").counts().to_dict() == {
        "重点投入": 1, "培育优化": 1, "维持收益": 1, "精简调整": 1}


def test_cut_median():
    # potential 47, 53, 50, 0 → median 48.5; profit 60, 40, 50, 0 → median 45
    res = screen(accounts(), RUBRIC, id_col="id", cut="median")
    assert res.cuts == (48.5, 45.0) and res.cut == "median"
    assert res.table["quadrant_code"].to_dict() == {"X": "maintain", "Z": "invest", "Y": "cultivate",
                                                    "W": "streamline"}


def test_ties_broken_by_id_and_top():
    df = pd.DataFrame({"id": ["b", "c", "a"], "x": [5, 1, 5]})
    res = screen(df, {"d": {"weight": 1, "criteria": {"x": 1}}}, id_col="id")
    assert res.table["rank"].to_dict() == {"a": 1, "b": 2, "c": 3}
    assert list(res.top(2).index) == ["a", "b"]
    assert "quadrant" not in res.table.columns and "potential" not in res.table.columns
    with pytest.raises(BadSpecError) as err:
        res.counts()
    assert_bilingual(err, "top")
    with pytest.raises(BadSpecError):
        res.top(0)


def test_profit_only_rubric_has_no_quadrants():
    df = pd.DataFrame({"id": ["a", "b"], "x": [1, 2]})
    res = screen(df, {"d": {"weight": 1, "axis": "profit", "criteria": {"x": 1}}}, id_col="id")
    assert list(res.table.columns) == ["d", "total", "rank"]


def doctors() -> pd.DataFrame:
    return pd.DataFrame({
        "doctor_id": ["D1", "D2", "D3"],
        "patients_per_month": [300, 100, 200], "dept_beds": [50, 0, 100], "outpatients_month": [900, 1500, 1200],
        "value_orientation": ["学术导向", "价格导向", "患者导向"], "influence": ["学科带头人", "普通医生", "科室骨干"],
        "first_choice": ["是", "否", "有时"], "talk_order": [1, 5, 3], "message_delivered": [5, 1, 3],
        "accepts_invitation": ["总是", "从不", "有时"], "incident_handling": [3, 1, 5],
        "awareness": [5, 1, 4], "commitment": [5, 2, 2], "monthly_rx_units": [500, 100, 400]})


def test_doctor_target_rubric_by_hand():
    # patients minmax: 100, 0, 50; beds 50, 0, 100 and visits 0, 100, 50 → capacity (½ each) 25, 50, 75;
    # value 100, 25, 75; influence 100, 20, 60
    # total = .3p + .3c + .2v + .2i: D1 30+7.5+20+20 = 77.5; D2 0+15+5+4 = 24; D3 15+22.5+15+12 = 64.5
    res = screen(doctors(), kl.screening.DOCTOR_TARGET_RUBRIC, id_col="doctor_id")
    t = res.table
    assert list(t.columns) == ["病人数", "床位数/门诊数", "价值取向", "影响力", "total", "rank"]
    assert t["total"].round(9).to_dict() == {"D1": 77.5, "D3": 64.5, "D2": 24.0}
    assert t["rank"].tolist() == [1, 2, 3]
    ax = res.plot()
    assert len(ax.patches) == 3 and "综合得分" in ax.get_title()


def test_doctor_wall_rubric_by_hand():
    # D1: 是 100, order 1 → 100 (lower, 1–5), message 5 → 100, 总是 100, incident 3 → 50
    #     30 + 20 + 20 + 10 + 10 = 90
    # D2: all 0 → 0;  D3: 50, 50, 50, 50, 100 → 15 + 10 + 10 + 5 + 20 = 60
    t = screen(doctors(), kl.screening.DOCTOR_WALL_RUBRIC, id_col="doctor_id").table
    assert t["total"].round(9).to_dict() == {"D1": 90.0, "D3": 60.0, "D2": 0.0}


def test_rubric_constants_are_fresh_copies():
    r = kl.screening.CHAIN_RUBRIC
    r["dimensions"]["合作潜力"]["weight"] = 1
    del r["dimensions"]["利润贡献"]
    fresh = kl.screening.CHAIN_RUBRIC
    assert fresh["dimensions"]["合作潜力"]["weight"] == 35 and "利润贡献" in fresh["dimensions"]
    rub = parse_rubric(fresh)
    assert isinstance(rub, Rubric) and rub.two_axis
    assert rub.columns == ("store_count", "cities_covered", "new_product_acceptance", "willingness",
                           "margin_vs_competitor", "payment_days", "cost_ratio", "sales_growth_3m",
                           "clerk_recommendation", "golden_display_share")
    assert parse_rubric(rub) is rub
    assert parse_rubric(rub.to_dict()) == rub
    assert rub.table()["share"].sum() == pytest.approx(1.0)
    from kamlab.screening import DOCTOR_WALL_RUBRIC
    assert sum(d["weight"] for d in DOCTOR_WALL_RUBRIC["dimensions"].values()) == 100


def test_criterion_weight_shorthand_and_outer_key_optional():
    a = parse_rubric({"d": {"weight": 2, "criteria": {"x": 3}}})
    b = parse_rubric({"dimensions": {"d": {"weight": 2, "axis": "potential", "criteria": {"x": {"weight": 3}}}}})
    assert a == b


def test_input_not_modified_and_quadrant_plot():
    df = accounts()
    before = df.copy()
    res = screen(df, RUBRIC, id_col="id")
    pd.testing.assert_frame_equal(df, before)
    ax = res.plot()
    texts = {t.get_text() for t in ax.texts}
    assert {"重点投入", "培育优化", "维持收益", "精简调整", "X", "W"} <= texts
    assert ax.get_xlabel().startswith("潜力") and "四象限" in ax.get_title()


# --------------------------------------------------------------------------- stability

def test_stability_spread_zero_and_determinism():
    s = stability(accounts(), RUBRIC, id_col="id", spread=0, n=50)
    assert s.tolist() == [1.0] * 4 and list(s.index) == ["X", "Z", "Y", "W"] and s.name == "stability"
    a = stability(accounts(), RUBRIC, id_col="id", spread=0.3, n=300, seed=7)
    b = stability(accounts(), RUBRIC, id_col="id", spread=0.3, n=300, seed=7)
    pd.testing.assert_series_equal(a, b)
    assert ((a >= 0) & (a <= 1)).all()


def test_stability_of_an_account_balanced_on_the_cut():
    # B's potential = mean of 0 and 100 with equal weights = 50 (on the cut, high);
    # perturbed weights put it below the cut about half the time.  A is far from every cut.
    df = pd.DataFrame({"id": ["A", "B"], "p1": [100, 0], "p2": [100, 100], "q": [100, 100]})
    r = {"P1": {"weight": 1, "axis": "potential", "criteria": {"p1": {"weight": 1, "bounds": [0, 100]}}},
         "P2": {"weight": 1, "axis": "potential", "criteria": {"p2": {"weight": 1, "bounds": [0, 100]}}},
         "Q": {"weight": 1, "axis": "profit", "criteria": {"q": {"weight": 1, "bounds": [0, 100]}}}}
    s = stability(df, r, id_col="id", spread=0.2, n=2000, seed=0)
    assert s["A"] == 1.0
    assert 0.4 < s["B"] < 0.6


def test_stability_one_axis_rank_tiers():
    # Three doctors far apart: tiers A, B, C never change.
    s = stability(doctors(), kl.screening.DOCTOR_WALL_RUBRIC, id_col="doctor_id", n=200)
    assert s.to_dict() == {"D1": 1.0, "D3": 1.0, "D2": 1.0}
    # two identical doctors: ties by id keep the order, so the tiers never change either
    df = pd.DataFrame({"id": ["b", "a", "c"], "x": [1, 1, 0], "y": [1, 1, 0]})
    r = {"X": {"weight": 1, "criteria": {"x": 1}}, "Y": {"weight": 1, "criteria": {"y": 1}}}
    assert stability(df, r, id_col="id", n=100).tolist() == [1.0, 1.0, 1.0]
    # a, b score 100·wX/(wX + wY), c 100·wY/(wX + wY): whenever wY > wX, c moves to the top
    # and every doctor changes tier; the share of draws with wX ≥ wY (roughly half)
    df = pd.DataFrame({"id": ["b", "a", "c"], "x": [1, 1, 0], "y": [0, 0, 1]})
    s = stability(df, r, id_col="id", n=400)
    assert s.nunique() == 1 and 0.35 < s.iloc[0] < 0.65


def test_stability_median_cut_runs_in_chunks():
    rng = np.random.default_rng(1)
    df = pd.DataFrame({"id": [f"c{i:03d}" for i in range(300)], "x": rng.normal(size=300),
                       "y": rng.normal(size=300), "z": rng.normal(size=300)})
    r = {"P": {"weight": 1, "axis": "potential", "criteria": {"x": 1, "z": 1}},
         "Q": {"weight": 1, "axis": "profit", "criteria": {"y": 1, "z": 2}}}
    s = stability(df, r, id_col="id", n=5000, cut="median")  # 300 × 3 × 5000 > one chunk
    assert len(s) == 300 and ((s >= 0) & (s <= 1)).all() and s.min() < 1


# --------------------------------------------------------------------------- readiness

def test_readiness_mapping():
    df = pd.DataFrame({"id": list("abcdef"), "awareness": [2, 2, 3, 3, 1, 5], "commitment": [2, 3, 2, 3, 1, 5]})
    res = readiness(df, id_col="id")
    assert res.table["stage"].tolist() == ["P1", "P2", "P3", "P4", "P1", "P4"]
    assert res.table["behaviour"].tolist() == ["S1", "S2", "S3", "S4", "S1", "S4"]
    assert res.table.loc["a", "stage_label"] == "没认知，没承诺"
    assert res.table.loc["b", "stage_label"] == "没认知，有兴趣"
    assert res.table.loc["c", "stage_label"] == "有认知，不安的"
    assert res.table.loc["d", "behaviour_label"] == "满足式：低指导 / 低支持"
    assert res.table.loc["a", "behaviour_label"] == "建立式：高指导 / 低支持"
    assert "树立专业化形象" in res.table.loc["a", "actions"]
    assert "建立围墙" in res.table.loc["d", "actions"]
    assert res.counts().to_dict() == {"P1": 2, "P2": 1, "P3": 1, "P4": 2}
    # threshold 4: (3, 3) is now low on both
    assert readiness(df, id_col="id", threshold=4).table.loc["d", "stage"] == "P1"
    ax = res.plot()
    assert len(ax.patches) == 4 and "处方准备度" in ax.get_title()


def test_readiness_custom_columns():
    df = pd.DataFrame({"医生": ["x"], "认知": [4], "承诺": [4]})
    t = readiness(df, id_col="医生", awareness="认知", commitment="承诺").table
    assert t.loc["x", "stage"] == "P4" and list(t.columns[:2]) == ["认知", "承诺"]


# --------------------------------------------------------------------------- pareto

def test_pareto_by_hand():
    df = pd.DataFrame({"id": ["D1", "D2", "D3", "D4", "D5"], "rx": [50, 300, 100, 500, 50]})
    res = pareto(df, id_col="id", value="rx")
    # sorted 500, 300, 100, 50, 50 (ties by id: D1 before D5); cumulative .5 .8 .9 .95 1
    assert list(res.table.index) == ["D4", "D2", "D3", "D1", "D5"]
    assert res.table["cumulative_share"].round(12).tolist() == [0.5, 0.8, 0.9, 0.95, 1.0]
    assert res.n_head == 2 and res.head_share == 0.4 and res.head_value_share == pytest.approx(0.8)
    assert list(res.head) == ["D4", "D2"]
    assert res.table["in_head"].tolist() == [True, True, False, False, False]
    res9 = pareto(df, id_col="id", value="rx", share=0.85)
    assert res9.n_head == 3 and res9.head_share == 0.6
    ax = res.plot()
    assert "二八" in ax.get_title() and len(ax.patches) == 5


# --------------------------------------------------------------------------- English

def test_english_labels_everywhere():
    kl.set_language("en")
    res = screen(accounts(), RUBRIC, id_col="id")
    assert res.table["quadrant"].to_dict() == {"X": "maintain", "Z": "invest", "Y": "cultivate",
                                               "W": "streamline"}
    assert list(res.counts().index) == ["invest", "cultivate", "maintain", "streamline"]
    ax = res.plot()
    assert ax.get_xlabel() == "Potential score" and "four quadrants" in ax.get_title()
    assert not CJK.search(ax.get_title())
    r = readiness(doctors(), id_col="doctor_id").table
    assert r.loc["D2", "stage_label"] == "no awareness, no commitment"
    assert r.loc["D3", "behaviour_label"].startswith("committing")
    assert not CJK.search(r.loc["D1", "actions"])
    assert not CJK.search(readiness(doctors(), id_col="doctor_id").plot().get_title())
    p = pareto(doctors(), id_col="doctor_id", value="monthly_rx_units")
    assert p.plot().get_title().startswith("80/20 view")
    with pytest.raises(BadSpecError) as err:
        screen(accounts(), RUBRIC, id_col="id", cut="mean")
    assert str(err.value).startswith("cut is 'mean'")


# --------------------------------------------------------------------------- bad input

def rubric_with(crit=None, dim=None) -> dict:
    r = {"dimensions": {"合作潜力": {"weight": 40, "axis": "potential",
                                  "criteria": {"a1": {"weight": 60}, "a2": {"weight": 40, "bounds": [0, 100]}}},
                        "利润贡献": {"weight": 60, "axis": "profit", "criteria": {"c1": {"weight": 1}}}}}
    if crit is not None:
        r["dimensions"]["合作潜力"]["criteria"]["a1"] = crit
    if dim is not None:
        r["dimensions"]["合作潜力"].update(dim)
    return r


@pytest.mark.parametrize("crit,dim,words", [
    ({"weight": 0}, None, ["合作潜力", "a1", "0"]),
    ({"weight": -3}, None, ["合作潜力", "a1", "-3"]),
    ({"weight": "三十"}, None, ["合作潜力", "a1", "三十"]),
    ({"weight": float("nan")}, None, ["a1", "nan"]),
    ({}, None, ["a1", "weight"]),
    ({"weight": 1, "better": "bigger"}, None, ["a1", "better", "bigger"]),
    ({"weight": 1, "scale": "log"}, None, ["a1", "scale", "log", "minmax"]),
    ({"weight": 1, "bounds": [5, 1]}, None, ["a1", "bounds", "5", "1"]),
    ({"weight": 1, "bounds": [5, 5]}, None, ["a1", "bounds"]),
    ({"weight": 1, "bounds": "1-5"}, None, ["a1", "bounds"]),
    ({"weight": 1, "levels": {}}, None, ["a1", "levels"]),
    ({"weight": 1, "levels": {"是": 120}}, None, ["a1", "levels", "120"]),
    ({"weight": 1, "scale": "rank", "bounds": [0, 1]}, None, ["a1", "rank", "bounds"]),
    ({"weight": 1, "scale": "bounds"}, None, ["a1", "bounds"]),
    ({"wieght": 1}, None, ["a1", "wieght", "weight"]),
    ("高", None, ["a1"]),
    (None, {"weight": 0}, ["合作潜力", "0"]),
    (None, {"axis": "profits"}, ["合作潜力", "profits", "profit"]),
    (None, {"criteria": {}}, ["合作潜力", "criteria"]),
    (None, {"axes": "profit"}, ["合作潜力", "axes", "axis"]),
])
def test_bad_rubric_names_dimension_criterion_and_field(crit, dim, words):
    df = pd.DataFrame({"id": ["a", "b"], "a1": [1, 2], "a2": [1, 2], "c1": [1, 2]})
    with pytest.raises(BadSpecError) as err:
        screen(df, rubric_with(crit, dim), id_col="id")
    assert_bilingual(err, *words)


@pytest.mark.parametrize("rubric", [{}, {"dimensions": {}}, [1, 2], {"dimensions": {"total": {
    "weight": 1, "criteria": {"x": 1}}}}, {"dimensions": {"d": {"weight": 1, "criteria": {"x": 1}}}, "extra": 1}])
def test_bad_rubric_shape(rubric):
    with pytest.raises(BadSpecError) as err:
        screen(pd.DataFrame({"id": ["a"], "x": [1]}), rubric, id_col="id")
    assert_bilingual(err)


def chains() -> pd.DataFrame:
    return pd.DataFrame({"chain_id": ["C01", "C02", "C03"], "store_count": [120, 300, 80],
                         "willingness": [4, 3, 5], "payment_days": [60, 45, 90]}, index=[10, 11, 12])


SPEC_RUBRIC = {"dimensions": {
    "合作潜力": {"weight": 40, "axis": "potential", "criteria": {
        "store_count": {"weight": 60}, "willingness": {"weight": 40, "bounds": [1, 5]}}},
    "利润贡献": {"weight": 60, "axis": "profit", "criteria": {
        "payment_days": {"weight": 100, "better": "lower"}}}}}


@pytest.mark.parametrize("change,error,column,row", [
    ({"store_count": [120, "abc", 80]}, BadValueError, "store_count", 11),
    ({"store_count": [120, 300, None]}, BadValueError, "store_count", 12),
    ({"willingness": [4, float("nan"), 5]}, BadValueError, "willingness", 11),
    ({"payment_days": [60, float("inf"), 90]}, BadValueError, "payment_days", 11),
    ({"chain_id": ["C01", "C02", "C01"]}, DuplicateIdError, "chain_id", 12),
    ({"chain_id": ["C01", None, "C03"]}, BadValueError, "chain_id", 11),
])
def test_bad_values_name_column_and_row(change, error, column, row):
    df = chains().assign(**change)
    before = df.copy()
    with pytest.raises(error) as err:
        screen(df, SPEC_RUBRIC, id_col="chain_id")
    assert_bilingual(err, column, row)
    assert err.value.column == column and err.value.row == row
    pd.testing.assert_frame_equal(df, before)


def test_unknown_level_names_column_row_and_category():
    df = pd.DataFrame({"id": ["a", "b", "c"], "first_choice": ["是", "经常", "否"]}, index=[5, 6, 7])
    r = {"首选": {"weight": 1, "criteria": {"first_choice": {"weight": 1, "levels": {"是": 100, "否": 0}}}}}
    with pytest.raises(BadValueError) as err:
        screen(df, r, id_col="id")
    assert_bilingual(err, "first_choice", 6, "经常", "是")
    assert err.value.row == 6
    df.loc[6, "first_choice"] = None
    with pytest.raises(BadValueError) as err:
        screen(df, r, id_col="id")
    assert_bilingual(err, "first_choice", 6)


def test_missing_column_did_you_mean_and_empty_table():
    df = chains().rename(columns={"store_count": "store_cnt"})
    with pytest.raises(MissingColumnError) as err:
        screen(df, SPEC_RUBRIC, id_col="chain_id")
    assert_bilingual(err, "store_count", "store_cnt")
    with pytest.raises(MissingColumnError) as err:
        screen(chains(), SPEC_RUBRIC, id_col="chain")
    assert_bilingual(err, "chain", "chain_id")
    with pytest.raises(EmptyTableError) as err:
        screen(chains().iloc[:0], SPEC_RUBRIC, id_col="chain_id")
    assert_bilingual(err)
    with pytest.raises(BadValueError):
        screen([1, 2], SPEC_RUBRIC, id_col="chain_id")


@pytest.mark.parametrize("kwargs,word", [({"cut": "mean"}, "cut"), ({"cut": 120}, "cut"), ({"cut": True}, "cut"),
                                         ({"spread": 1.5}, "spread"), ({"spread": -0.1}, "spread"),
                                         ({"n": 0}, "n"), ({"n": 2.5}, "n")])
def test_bad_stability_and_cut_arguments(kwargs, word):
    with pytest.raises(BadSpecError) as err:
        stability(chains(), SPEC_RUBRIC, id_col="chain_id", **kwargs)
    assert_bilingual(err, word)


def test_bad_readiness_and_pareto_input():
    df = pd.DataFrame({"id": ["a", "b"], "awareness": [3, 6], "commitment": [1, 2]}, index=[3, 4])
    with pytest.raises(BadValueError) as err:
        readiness(df, id_col="id")
    assert_bilingual(err, "awareness", 4)
    with pytest.raises(MissingColumnError) as err:
        readiness(df.drop(columns="commitment"), id_col="id")
    assert_bilingual(err, "commitment")
    with pytest.raises(BadSpecError) as err:
        readiness(df, id_col="id", threshold=0)
    assert_bilingual(err, "threshold")
    neg = pd.DataFrame({"id": ["a", "b"], "rx": [5, -1]}, index=[3, 4])
    with pytest.raises(BadValueError) as err:
        pareto(neg, id_col="id", value="rx")
    assert_bilingual(err, "rx", 4)
    with pytest.raises(BadValueError) as err:
        pareto(neg.assign(rx=[0, 0]), id_col="id", value="rx")
    assert_bilingual(err, "rx")
    with pytest.raises(BadSpecError) as err:
        pareto(neg, id_col="id", value="rx", share=80)
    assert_bilingual(err, "share")
    with pytest.raises(DuplicateIdError) as err:
        pareto(neg.assign(id=["a", "a"], rx=[1, 2]), id_col="id", value="rx")
    assert_bilingual(err, "id", 4)


# --------------------------------------------------------------------------- bundled data sets

def test_bundled_chains_and_doctors():
    """Runs on the shipped data sets (chains: 36 rows, doctors: 240 rows)."""
    chains_df = kl.datasets.load("chains")
    res = screen(chains_df, kl.screening.CHAIN_RUBRIC, id_col="chain_id")
    t = res.table
    assert len(t) == len(chains_df) and set(t.index) == set(chains_df["chain_id"])
    assert t[["合作潜力", "利润贡献", "动销基础", "potential", "profit", "total"]].stack().between(0, 100).all()
    assert sorted(t["rank"]) == list(range(1, len(t) + 1))
    assert res.counts().sum() == len(t) and (res.counts() > 0).sum() >= 3
    s = stability(chains_df, kl.screening.CHAIN_RUBRIC, id_col="chain_id", n=200)
    assert s.between(0, 1).all() and list(s.index) == list(t.index)
    res.plot()

    doc = kl.datasets.load("doctors")
    for rubric in (kl.screening.DOCTOR_TARGET_RUBRIC, kl.screening.DOCTOR_WALL_RUBRIC):
        d = screen(doc, rubric, id_col="doctor_id").table
        assert len(d) == len(doc) and d["total"].between(0, 100).all() and "quadrant" not in d
    r = readiness(doc, id_col="doctor_id")
    assert r.counts().sum() == len(doc) and set(r.table["stage"]) <= {"P1", "P2", "P3", "P4"}
    p = pareto(doc, id_col="doctor_id", value="monthly_rx_units")
    assert 0 < p.head_share < 1 and p.head_value_share >= 0.8
