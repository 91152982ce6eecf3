"""kamlab.review: scorecard, comparisons, time series, forecast, purposes, metric system, bad input."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest

import kamlab as kl
from kamlab import BadSpecError, BadValueError, EmptyTableError, MissingColumnError
from kamlab.review import (PURPOSES, TOPICS, compare, forecast, metric_system, purpose_code, scorecard,
                           timeseries)

CJK = re.compile(r"[\u4e00-\u9fff]")


def _two_categories() -> pd.DataFrame:
    return pd.DataFrame({
        "month": ["2026-09", "2026-10", "2026-09", "2026-10"],
        "category": ["A", "A", "B", "B"],
        "sales": [60.0, 90.0, 30.0, 10.0],
        "target": [50.0, 100.0, 25.0, 25.0],
        "last_year_sales": [40.0, 80.0, 25.0, 25.0],
    })


def _series(values, first="2025-01") -> pd.DataFrame:
    from kamlab.review._common import shift_month

    return pd.DataFrame({"month": [shift_month(first, i) for i in range(len(values))],
                         "sales": [float(v) for v in values]})


# ----------------------------------------------------------------------------- scorecard
def test_scorecard_by_hand():
    sc = scorecard(_two_categories(), by="category")
    t = sc.table
    assert list(t.columns) == ["actual", "target", "last_year", "gap", "achievement", "growth", "share"]
    assert t.loc["A", ["actual", "target", "last_year", "gap"]].tolist() == [150.0, 150.0, 120.0, 0.0]
    assert t.loc["A", "achievement"] == 1.0 and t.loc["A", "growth"] == pytest.approx(0.25)
    assert t.loc["B", ["actual", "target", "gap"]].tolist() == [40.0, 50.0, -10.0]
    assert t.loc["B", "achievement"] == pytest.approx(0.8) and t.loc["B", "growth"] == pytest.approx(-0.2)
    assert t["share"].tolist() == pytest.approx([150 / 190, 40 / 190])
    assert sc.total["achievement"] == pytest.approx(0.95)
    assert sc.total["growth"] == pytest.approx(190 / 170 - 1)
    assert sc.months == ("2026-09", "2026-10") and sc.by == ("category",)


def test_scorecard_period_and_no_grouping():
    t = scorecard(_two_categories(), by="category", period=1).table
    assert t["achievement"].tolist() == pytest.approx([0.9, 0.4])
    assert t["growth"].tolist() == pytest.approx([90 / 80 - 1, -0.6])
    same = scorecard(_two_categories(), by="category", period=["2026-10"]).table
    pd.testing.assert_frame_equal(t, same)
    one = scorecard(_two_categories(), by=None).table
    assert list(one.index) == ["all"] and one.loc["all", "actual"] == 190.0


def test_scorecard_zero_target_gives_nan_not_an_error():
    df = _two_categories()
    df.loc[df["category"] == "B", "target"] = 0.0
    t = scorecard(df, by="category").table
    assert math.isnan(t.loc["B", "achievement"]) and t.loc["A", "achievement"] == 1.0


# ----------------------------------------------------------------------------- compare
def test_compare_ratio_and_horizontal_by_hand():
    df = pd.DataFrame({"month": ["2026-09", "2026-10"] * 3, "retailer": ["X", "X", "Y", "Y", "Z", "Z"],
                       "sales": [10.0, 20.0, 30.0, 40.0, 5.0, 40.0],
                       "last_year_sales": [10.0, 10.0, 30.0, 50.0, 5.0, 40.0]})
    r = compare(df, by="retailer", kind="ratio", period=1).table
    assert r["value"].tolist() == [20.0, 40.0, 40.0] and r["share"].tolist() == pytest.approx([0.2, 0.4, 0.4])
    h = compare(df, by="retailer", kind="horizontal", period=1).table
    assert h["vs_average"].tolist() == pytest.approx([20 / (100 / 3), 40 / (100 / 3), 40 / (100 / 3)])
    assert h["rank"].tolist() == [3, 1, 2]          # tie 40 / 40: the first group ranks higher
    assert h["growth"].tolist() == pytest.approx([1.0, -0.2, 0.0])
    assert h["growth_vs_total"].tolist() == pytest.approx([1.0, -0.2, 0.0])   # total growth 100/100 - 1 = 0


def test_compare_vertical_from_the_data_a_year_earlier():
    df = pd.DataFrame({"month": ["2025-09", "2025-10", "2026-09", "2026-10"] * 2,
                       "category": ["A"] * 4 + ["B"] * 4,
                       "sales": [8.0, 10.0, 12.0, 15.0, 4.0, 4.0, 6.0, 3.0]})
    v = compare(df, by="category", kind="vertical", period=1)
    assert v.months == ("2026-10",) and v.previous_months == ("2026-09",)
    t = v.table
    assert t.loc["A", ["current", "previous", "change", "last_year"]].tolist() == [15.0, 12.0, 3.0, 10.0]
    assert t.loc["A", "change_rate"] == pytest.approx(0.25) and t.loc["A", "yoy"] == pytest.approx(0.5)
    assert t.loc["B", "change_rate"] == pytest.approx(-0.5) and t.loc["B", "yoy"] == pytest.approx(-0.25)


def test_compare_vertical_uses_the_last_year_column_when_there():
    t = compare(_two_categories(), by="category", kind="vertical", period=1).table
    assert t.loc["A", "last_year"] == 80.0 and t.loc["A", "yoy"] == pytest.approx(90 / 80 - 1)
    assert t.loc["A", "previous"] == 60.0


# ----------------------------------------------------------------------------- time series
def test_timeseries_mom_yoy_moving_average_seasonal_index_by_hand():
    ts = timeseries(_series([10] * 12 + [12, 15]), window=3)
    t = ts.table
    assert t.index.name == "month" and list(t.columns) == ["value", "mom", "yoy", "moving_average", "seasonal_index"]
    assert t.loc["2026-01", "mom"] == pytest.approx(0.2) and t.loc["2026-02", "mom"] == pytest.approx(0.25)
    assert t.loc["2026-01", "yoy"] == pytest.approx(0.2) and t.loc["2026-02", "yoy"] == pytest.approx(0.5)
    assert t["yoy"].isna().sum() == 12
    assert t.loc["2026-02", "moving_average"] == pytest.approx(37 / 3)
    assert t["moving_average"].isna().sum() == 2
    mean = 147 / 14
    assert ts.seasonality.loc[1, "all"] == pytest.approx(11 / mean)
    assert ts.seasonality.loc[2, "all"] == pytest.approx(12.5 / mean)
    assert ts.seasonality.loc[3, "all"] == pytest.approx(10 / mean)
    assert t.loc["2025-02", "seasonal_index"] == pytest.approx(12.5 / mean)


def test_timeseries_gap_month_is_nan_and_groups_are_summed():
    df = _series([10, 20, 30, 40]).drop(index=2)          # 2025-03 missing
    t = timeseries(df, window=2).table
    assert list(t.index) == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert math.isnan(t.loc["2025-03", "value"]) and math.isnan(t.loc["2025-04", "mom"])
    g = pd.concat([_series([1, 2]).assign(c="x"), _series([10, 20]).assign(c="y"),
                   _series([5, 5]).assign(c="x")])
    tg = timeseries(g, by="c", window=1).table
    assert tg.index.names == ["c", "month"]
    assert tg.loc[("x", "2025-02"), "value"] == 7.0 and tg.loc[("x", "2025-02"), "mom"] == pytest.approx(1 / 6)
    assert tg.loc[("y", "2025-02"), "mom"] == pytest.approx(1.0)


def test_timeseries_yoy_matches_the_scorecard_growth_on_retail_sales():
    df = kl.datasets.load("retail_sales", variant=2)
    abc = df[df["retailer"] == "ABC零售"]
    ts = timeseries(abc, window=3).table
    sc = scorecard(abc, by=None, period=1)
    assert ts["yoy"].iloc[-1] == pytest.approx(sc.table.loc["all", "growth"])


# ----------------------------------------------------------------------------- forecast
def _two_years() -> pd.DataFrame:
    return _series(list(range(1, 13)) + [2 * m for m in range(1, 13)])   # 2025-01 .. 2026-12


def test_forecast_methods_by_hand():
    df = _two_years()
    naive = forecast(df, horizon=3, method="seasonal_naive").table
    assert list(naive.index) == ["2027-01", "2027-02", "2027-03"]
    assert naive["forecast"].tolist() == [2.0, 4.0, 6.0]
    growth = forecast(df, horizon=3, method="seasonal_growth", window=3).table
    assert growth["forecast"].tolist() == pytest.approx([4.0, 8.0, 12.0])   # g = 66 / 33 - 1 = 1
    ma = forecast(df, horizon=2, method="moving_average", window=3)
    assert ma.table["forecast"].tolist() == [22.0, 22.0]
    assert ma.table["method"].tolist() == ["moving_average"] * 2 and ma.table["window"].tolist() == [3, 3]
    assert ma.method == "moving_average" and ma.horizon == 2 and len(ma.history) == 24


def test_forecast_by_group():
    df = pd.concat([_two_years().assign(g="a"), _two_years().assign(sales=lambda d: d["sales"] * 10, g="b")])
    t = forecast(df, horizon=1, method="seasonal_naive", by="g").table
    assert t.loc[("a", "2027-01"), "forecast"] == 2.0 and t.loc[("b", "2027-01"), "forecast"] == 20.0


def test_forecast_needs_enough_history():
    with pytest.raises(BadSpecError) as exc:
        forecast(_series([1, 2, 3, 4, 5, 6]), method="seasonal_naive")
    assert "12" in exc.value.zh and "12" in exc.value.en and exc.value.column == "method"
    assert forecast(_series([1, 2, 3, 4, 5, 6]), method="moving_average", window=3).table["forecast"].iloc[0] == 5.0


# ----------------------------------------------------------------------------- purposes and metric system
def test_purposes_and_codes():
    assert list(PURPOSES) == ["forecast", "monitor", "evaluate", "diagnose", "explore"]
    assert [p.short for p in PURPOSES.values()] == ["预测", "监控", "评估", "诊断", "探索"]
    assert all(CJK.search(p.explain_zh) and p.explain_en for p in PURPOSES.values())
    assert purpose_code("发现机会") == "explore" and purpose_code("EVALUATE") == "evaluate"
    with pytest.raises(BadSpecError) as exc:
        purpose_code("复盘")
    assert "预测" in exc.value.zh and "Forecast" in exc.value.en


def test_metric_system_is_a_tree():
    for topic in ("销售增长", "品类结构", "客户盈利", "sales"):
        t = metric_system(topic).table
        roots = t[t["parent"] == ""]
        assert len(roots) == 1 and roots["level"].iloc[0] == 0
        assert set(t.loc[t["parent"] != "", "parent"]) <= set(t["metric"])
        assert set(t["series"]) <= {"业务结果", "执行过程", "其他重点关注"}
        assert t["metric"].is_unique
    with pytest.raises(BadSpecError):
        metric_system("利润表")


def test_metric_system_in_english_names_every_metric_in_english():
    kl.set_language("en")
    t = metric_system("销售增长").table
    assert t.loc[5, ["metric", "parent", "level", "series", "formula"]].tolist() == [
        "Distribution rate", "Selling stores", 2, "Process", "stocked stores ÷ target stores"]
    assert t.loc[0, "parent"] == "" and set(t["series"]) == {"Results", "Process", "Other watch-points"}
    for topic in TOPICS:
        t = metric_system(topic).table
        assert not t[["metric", "parent", "series", "formula"]].apply(lambda c: c.str.contains(CJK)).any().any()
        assert set(t.loc[t["parent"] != "", "parent"]) <= set(t["metric"])


# ----------------------------------------------------------------------------- bad input
def _both(exc, *needles):
    err = exc.value
    for n in needles:
        assert str(n) in err.zh and str(n) in err.en, (n, err.zh, err.en)
    assert CJK.search(err.zh) and not CJK.search(err.en.replace("ABC零售", ""))


def test_bad_input_not_a_table_and_empty():
    with pytest.raises(BadValueError):
        scorecard([1, 2, 3])
    with pytest.raises(EmptyTableError):
        timeseries(_series([]).astype({"sales": float}))


def test_bad_input_misspelt_column():
    df = _two_categories().rename(columns={"target": "tagret"})
    with pytest.raises(MissingColumnError) as exc:
        scorecard(df)
    _both(exc, "target", "tagret")
    assert exc.value.column == "target"


def test_bad_input_text_nan_negative_name_the_row():
    df = _two_categories()
    df["sales"] = df["sales"].astype(object)
    df.loc[2, "sales"] = "thirty"
    with pytest.raises(BadValueError) as exc:
        scorecard(df)
    _both(exc, "sales", "2")
    assert exc.value.row == 2
    df = _two_categories()
    df.loc[3, "target"] = np.nan
    with pytest.raises(BadValueError) as exc:
        scorecard(df)
    _both(exc, "target", "3")
    df = _two_categories()
    df.loc[1, "last_year_sales"] = -5
    with pytest.raises(BadValueError) as exc:
        compare(df, by="category", kind="horizontal")
    _both(exc, "last_year_sales", "1", "-5")


def test_bad_input_month():
    df = _two_categories()
    df.loc[1, "month"] = "2026/10"
    with pytest.raises(BadValueError) as exc:
        timeseries(df)
    _both(exc, "month", "1", "YYYY-MM")
    ok = _two_categories()
    ok["month"] = pd.to_datetime(ok["month"])
    assert timeseries(ok).table.index.tolist() == ["2026-09", "2026-10"]


@pytest.mark.parametrize("call, column", [
    (lambda df: scorecard(df, period="2027-01"), "period"),
    (lambda df: scorecard(df, period=0), "period"),
    (lambda df: scorecard(df, by=5), "by"),
    (lambda df: compare(df, by="category", kind="pie"), "kind"),
    (lambda df: compare(df, by=None), "by"),
    (lambda df: timeseries(df, window=0), "window"),
    (lambda df: timeseries(df, window=True), "window"),
    (lambda df: forecast(df, method="arima"), "method"),
    (lambda df: forecast(df, horizon=13, method="moving_average", window=1), "horizon"),
])
def test_bad_options(call, column):
    with pytest.raises(BadSpecError) as exc:
        call(_two_categories())
    assert exc.value.column == column and column in exc.value.zh and column in exc.value.en


def test_message_follows_the_language():
    kl.set_language("en")
    with pytest.raises(MissingColumnError) as exc:
        scorecard(_two_categories().drop(columns="sales"))
    assert str(exc.value).startswith("Table df is missing column 'sales'")


# ----------------------------------------------------------------------------- no side effects, charts
def test_input_is_never_changed():
    df = _two_categories()
    before = df.copy()
    scorecard(df, by="category", period=1)
    for kind in ("ratio", "vertical", "horizontal"):
        compare(df, by="category", kind=kind)
    timeseries(df, by="category")
    forecast(df, method="moving_average", window=2)
    pd.testing.assert_frame_equal(df, before)
    big = kl.datasets.load("retail_sales")
    copy = big.copy()
    forecast(big, method="seasonal_growth")
    timeseries(big, by=["retailer", "category"])
    pd.testing.assert_frame_equal(big, copy)


def test_charts_have_titles_in_both_languages():
    df = kl.datasets.load("retail_sales")
    abc = df[df["retailer"] == "ABC零售"]
    assert scorecard(abc, period=3).plot().get_title().startswith("记分卡")
    assert compare(df, by="retailer", kind="horizontal").plot().get_title().startswith("横向类比")
    assert timeseries(abc).plot(metric="yoy").get_title() == "销售额的时间序列（同比）"
    assert timeseries(abc, by="category").plot(metric="seasonal_index").get_xticklabels()[0].get_text() == "1月"
    assert forecast(abc, method="seasonal_growth").plot().get_title() == "未来 3 个月预测：季节性增长法"
    assert metric_system().plot().get_title() == "指标体系：销售增长"
    kl.set_language("en")
    assert scorecard(abc, period=3).plot().get_title().startswith("Scorecard (by category")
    assert compare(abc, by="category", kind="vertical").plot().get_title().startswith("Vertical comparison")
    assert forecast(abc).plot().get_title() == "3-month forecast: Seasonal naive"
    assert metric_system().plot().get_title() == "Metric system: Sales growth"
    with pytest.raises(BadSpecError):
        timeseries(abc).plot(metric="trend")


# ----------------------------------------------------------------------------- properties
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.integers(0, 23),
                          st.floats(0, 1e4), st.floats(1, 1e4), st.floats(1, 1e4)), min_size=1, max_size=40))
def test_scorecard_and_timeseries_identities(rows):
    from kamlab.review._common import shift_month

    df = pd.DataFrame({"category": [r[0] for r in rows], "month": [shift_month("2024-11", r[1]) for r in rows],
                       "sales": [r[2] for r in rows], "target": [r[3] for r in rows],
                       "last_year_sales": [r[4] for r in rows]})
    t = scorecard(df, by="category").table
    assert np.allclose(t["achievement"] * t["target"], t["actual"])
    assert np.allclose((t["growth"] + 1) * t["last_year"], t["actual"])
    assert t["share"].sum() == pytest.approx(1.0) or t["actual"].sum() == 0
    assert t["actual"].sum() == pytest.approx(df["sales"].sum())
    ts = timeseries(df, window=1).table
    assert np.allclose(ts["moving_average"], ts["value"], equal_nan=True)
    assert ts["value"].sum() == pytest.approx(df["sales"].sum())
