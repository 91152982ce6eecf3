"""kamlab.kpi: every KPI against hand-computed numbers, the exact identity, zeros, flags, bad input."""

from __future__ import annotations

import io
import math
import re

import numpy as np
import pandas as pd
import pytest

import kamlab as kl
from kamlab import (BadSpecError, BadValueError, DuplicateIdError, EmptyTableError, KamlabInputError,
                    MissingColumnError)
from kamlab.kpi import METRICS

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{4,}")


def small() -> pd.DataFrame:
    """3 target stores in 2 chains × 2 months (March 31 days, April 30), plus a non-target store S4."""
    rows = [
        # store chain region  month      target stocked units ib ie  mv rv
        ("S1", "A", "上海", "2026-03", True, True, 30, 20, 10, 2, 1),
        ("S2", "A", "上海", "2026-03", True, False, 0, 0, 0, 2, 0),
        ("S3", "B", "杭州", "2026-03", True, True, 0, 8, 8, 1, 0),
        ("S4", "A", "上海", "2026-03", False, True, 99, 50, 50, 5, 5),
        ("S1", "A", "上海", "2026-04", True, True, 45, 10, 20, 2, 2),
        ("S2", "A", "上海", "2026-04", True, True, 15, 0, 12, 2, 1),
        ("S3", "B", "杭州", "2026-04", True, True, 20, 8, 4, 1, 1),
        ("S4", "A", "上海", "2026-04", False, False, 0, 0, 0, 0, 0),
    ]
    return pd.DataFrame(rows, columns=["store_id", "chain_id", "region", "month", "is_target", "stocked",
                                       "units_sold", "inventory_begin", "inventory_end", "mystery_visits",
                                       "recommended_visits"])


# Hand computation (S4 is not a target store: ignored).
# Chain A, rows 0, 1, 4, 5; 2 months, 61 days:
#   target store-months 4 -> 2; stocked 3 -> 1.5; selling (rows 0, 4, 5) 3 -> 1.5; units 30+45+15 = 90
#   inventory (20+10)/2 + 0 + (10+20)/2 + (0+12)/2 = 15 + 15 + 6 = 36 -> 18 per month
#   distribution 1.5/2 = 0.75; sell-through 1.5/1.5 = 1; turnover 90/18 = 5; days 61·18/90 = 12.2
#   clerk (1+0+2+1)/(2+2+2+2) = 0.5; units per selling store 90/1.5 = 60; identity 2·0.75·1·60 = 90
# Chain B, rows 2, 6: target 2 -> 1; stocked 2 -> 1; selling (row 6) 1 -> 0.5; units 20
#   inventory 8 + 6 = 14 -> 7; distribution 1; sell-through 0.5; turnover 20/7; days 61·7/20 = 21.35
#   clerk 1/2 = 0.5; units per selling store 20/0.5 = 40; identity 1·1·0.5·40 = 20
HAND_CHAIN = {
    "A": [2, 1.5, 1.5, 90, 18, 0.75, 1.0, 5.0, 12.2, 0.5, 60.0],
    "B": [1, 1, 0.5, 20, 7, 1.0, 0.5, 20 / 7, 21.35, 0.5, 40.0],
}


def assert_bilingual(err: pytest.ExceptionInfo, *names: str) -> None:
    text = str(err.value)
    for name in names:
        assert name in err.value.zh and name in err.value.en, (name, text)
    assert CJK.search(err.value.zh) and LATIN.search(err.value.en), text
    assert err.value.zh in text and err.value.en in text


def identity_gap(table: pd.DataFrame) -> np.ndarray:
    product = (table["target_stores"] * table["distribution_rate"] * table["sell_through_rate"]
               * table["units_per_selling_store"])
    return np.where(product.isna(), table["units"], product - table["units"])


# ---------------------------------------------------------------------- hand-computed KPIs
def test_columns_in_spec_order_and_index():
    k = kl.kpi.compute(small(), by=["chain_id"])
    assert list(k.table.columns) == list(METRICS) == [
        "target_stores", "stocked_stores", "selling_stores", "units", "avg_inventory", "distribution_rate",
        "sell_through_rate", "inventory_turnover", "days_of_inventory", "clerk_recommendation_rate",
        "units_per_selling_store"]
    assert k.table.index.name == "chain_id" and list(k.table.index) == ["A", "B"]
    assert k.by == ("chain_id",) and k.months == ("2026-03", "2026-04")


@pytest.mark.parametrize("chain", ["A", "B"])
def test_every_kpi_by_chain(chain):
    k = kl.kpi.compute(small(), by="chain_id")
    assert k.table.loc[chain].tolist() == pytest.approx(HAND_CHAIN[chain], rel=1e-12)


def test_by_none_is_one_row_all():
    # 6 target store-months -> 3; stocked 5 -> 2.5; selling 4 -> 2; units 110; inventory 50 -> 25
    k = kl.kpi.compute(small())
    assert list(k.table.index) == ["all"]
    assert k.table.loc["all"].tolist() == pytest.approx(
        [3, 2.5, 2, 110, 25, 2.5 / 3, 0.8, 4.4, 61 * 25 / 110, 0.5, 55], rel=1e-12)


def test_by_chain_and_month_uses_each_month_days():
    t = kl.kpi.compute(small(), by=["chain_id", "month"]).table
    assert t.index.names == ["chain_id", "month"]
    # A March: 2 target, 1 stocked, 1 selling, 30 units, inventory 15 + 0; days 31·15/30 = 15.5; clerk 1/4
    assert t.loc[("A", "2026-03")].tolist() == pytest.approx([2, 1, 1, 30, 15, 0.5, 1, 2, 15.5, 0.25, 30])
    # A April: inventory 15 + 6 = 21; days 30·21/60 = 10.5; clerk 3/4
    assert t.loc[("A", "2026-04")].tolist() == pytest.approx([2, 2, 2, 60, 21, 1, 1, 60 / 21, 10.5, 0.75, 30])
    # B April: inventory 6, days 30·6/20 = 9
    assert t.loc[("B", "2026-04")].tolist() == pytest.approx([1, 1, 1, 20, 6, 1, 1, 20 / 6, 9, 1, 20])


def test_zero_denominators_are_nan_not_inf():
    t = kl.kpi.compute(small(), by=["chain_id", "month"]).table
    b3 = t.loc[("B", "2026-03")]  # stocked, no sales
    assert (b3["selling_stores"], b3["units"], b3["sell_through_rate"], b3["inventory_turnover"]) == (0, 0, 0, 0)
    assert math.isnan(b3["days_of_inventory"]) and math.isnan(b3["units_per_selling_store"])
    assert b3["clerk_recommendation_rate"] == 0
    df = small()
    df.loc[:, "mystery_visits"] = 0
    df.loc[:, "recommended_visits"] = 0
    df.loc[df.store_id == "S2", "stocked"] = False
    df.loc[df.store_id == "S2", "units_sold"] = 0
    df.loc[:, ["inventory_begin", "inventory_end"]] = 0
    t = kl.kpi.compute(df, by="store_id").table
    assert np.isnan(t["clerk_recommendation_rate"]).all()
    assert np.isnan(t["inventory_turnover"]).all()  # no inventory
    s2 = t.loc["S2"]
    assert s2["distribution_rate"] == 0 and math.isnan(s2["sell_through_rate"])
    assert not np.isinf(t.to_numpy(dtype=float)).any()


def test_region_and_store_groupings():
    t = kl.kpi.compute(small(), by="region").table
    assert list(t.index) == ["上海", "杭州"]
    assert t.loc["上海"].tolist() == pytest.approx(HAND_CHAIN["A"])
    s = kl.kpi.compute(small(), by="store_id").table
    assert list(s.index) == ["S1", "S2", "S3"]  # S4 is not a target store
    # S1: 1 store, units 75, inventory (15 + 15)/2 = 15, days 61·15/75 = 12.2
    assert s.loc["S1", ["target_stores", "units", "avg_inventory", "days_of_inventory"]].tolist() == \
        pytest.approx([1, 75, 15, 12.2])


def test_store_missing_a_month_counts_half_a_store_over_two_months():
    df = pd.concat([small(), pd.DataFrame([("S5", "B", "杭州", "2026-04", True, True, 10, 0, 0, 0, 0)],
                                          columns=small().columns)], ignore_index=True)
    t = kl.kpi.compute(df, by="store_id").table
    assert t.loc["S5", "target_stores"] == 0.5 and t.loc["S5", "units_per_selling_store"] == 20
    b = kl.kpi.compute(df, by="chain_id").table.loc["B"]
    assert b["target_stores"] == 1.5 and b["units"] == 30


def test_counts_and_units_add_up_across_groups():
    k_all = kl.kpi.compute(small()).table.loc["all"]
    k = kl.kpi.compute(small(), by="store_id").table
    for col in ("target_stores", "stocked_stores", "selling_stores", "units", "avg_inventory"):
        assert k[col].sum() == pytest.approx(k_all[col])


@pytest.mark.parametrize("by", [None, "chain_id", ["chain_id", "month"], "region", "store_id", "month"])
def test_identity_is_exact_on_the_hand_case(by):
    t = kl.kpi.compute(small(), by=by).table
    assert np.abs(identity_gap(t)).max() <= 1e-9


def test_boolean_columns_accept_text_and_numbers_and_input_is_untouched():
    df = small()
    df["is_target"] = df["is_target"].map({True: "是", False: "否"})
    df["stocked"] = df["stocked"].astype(int)
    before = df.copy()
    k = kl.kpi.compute(df, by="chain_id")
    assert k.table.loc["A"].tolist() == pytest.approx(HAND_CHAIN["A"])
    pd.testing.assert_frame_equal(df, before)


def test_month_as_dates_from_excel_is_accepted():
    df = small()
    df["month"] = pd.to_datetime(df["month"] + "-01")
    assert kl.kpi.compute(df, by="month").table.index.tolist() == ["2026-03", "2026-04"]


# ---------------------------------------------------------------------- flags
def test_flag_rows_gap_and_lower_is_better():
    k = kl.kpi.compute(small(), by="chain_id")
    f = kl.kpi.flag(k, {"sell_through_rate": 0.9, "days_of_inventory": 15, "distribution_rate": 0.8})
    assert list(f.table.columns) == ["chain_id", "metric", "value", "target", "gap"]
    # order: targets order, then group order
    assert f.table[["chain_id", "metric"]].values.tolist() == [
        ["B", "sell_through_rate"], ["B", "days_of_inventory"], ["A", "distribution_rate"]]
    assert f.table["gap"].tolist() == pytest.approx([0.5 - 0.9, 21.35 - 15, 0.75 - 0.8])
    assert f.table["value"].tolist() == pytest.approx([0.5, 21.35, 0.75])
    assert f.targets == {"sell_through_rate": 0.9, "days_of_inventory": 15.0, "distribution_rate": 0.8}


def test_flag_aliases_exact_target_not_flagged_nan_not_flagged_and_by_none():
    t = kl.kpi.compute(small(), by=["chain_id", "month"])
    f = kl.kpi.flag(t, {"铺货率": 1.0, "单店销量": 25})
    # distribution 0.5 (A March) < 1; A April exactly 1 not flagged; ups NaN (B March) not flagged, B April 20
    assert f.table[["chain_id", "month", "metric"]].values.tolist() == [
        ["A", "2026-03", "distribution_rate"], ["B", "2026-04", "units_per_selling_store"]]
    g = kl.kpi.flag(kl.kpi.compute(small()), {"distribution_rate": 0.9})
    assert list(g.table.columns) == ["group", "metric", "value", "target", "gap"]
    assert g.table["group"].tolist() == ["all"]
    assert len(kl.kpi.flag(t, {"distribution_rate": 0.1}).table) == 0


def test_flag_bad_specs():
    k = kl.kpi.compute(small(), by="chain_id")
    with pytest.raises(BadSpecError) as err:
        kl.kpi.flag(k, {"distrbution_rate": 0.9})
    assert_bilingual(err, "distrbution_rate", "distribution_rate")
    assert "did you mean 'distribution_rate'" in err.value.en
    with pytest.raises(BadSpecError) as err:
        kl.kpi.flag(k, {"distribution_rate": "90%"})
    assert_bilingual(err, "distribution_rate", "0.9")
    with pytest.raises(BadSpecError):
        kl.kpi.flag(k, [("distribution_rate", 0.9)])
    with pytest.raises(BadSpecError):
        kl.kpi.flag(small(), {"distribution_rate": 0.9})  # raw data, not KPIs


# ---------------------------------------------------------------------- bad input
def _set(col, row, value):
    def mutate(d):
        d = d.astype({col: object}) if not isinstance(value, (int, float)) or isinstance(value, bool) else d
        d.loc[row, col] = value
        return d
    return mutate


@pytest.mark.parametrize("mutate,error,column,row", [
    (lambda d: d.drop(columns="units_sold"), MissingColumnError, "units_sold", None),
    (lambda d: d.rename(columns={"inventory_end": "inventory_ending"}), MissingColumnError, "inventory_end", None),
    (_set("units_sold", 2, "abc"), BadValueError, "units_sold", 2),
    (_set("inventory_end", 3, float("nan")), BadValueError, "inventory_end", 3),
    (_set("units_sold", 4, -5), BadValueError, "units_sold", 4),
    (_set("recommended_visits", 5, 7), BadValueError, "recommended_visits", 5),
    (_set("store_id", 6, "S2"), DuplicateIdError, "store_id", 6),
    (_set("month", 1, "2026-4"), BadValueError, "month", 1),
    (_set("month", 2, "2026/03"), BadValueError, "month", 2),
    (_set("stocked", 0, "maybe"), BadValueError, "stocked", 0),
    (_set("is_target", 6, None), BadValueError, "is_target", 6),
    (_set("units_sold", 1, 3), BadValueError, "stocked", 1),  # sold but not stocked
    (_set("store_id", 5, None), BadValueError, "store_id", 5),
    (_set("chain_id", 4, None), BadValueError, "chain_id", 4),
])
def test_bad_input_names_column_and_row(mutate, error, column, row):
    df = mutate(small())
    with pytest.raises(error) as err:
        kl.kpi.compute(df, by="chain_id")
    assert err.value.column == column and err.value.row == row
    assert_bilingual(err, column, *([str(row)] if row is not None else []))


def test_bad_input_in_english_first():
    kl.set_language("en")
    df = small()
    df.loc[3, "units_sold"] = -1
    with pytest.raises(BadValueError) as err:
        kl.kpi.compute(df)
    assert str(err.value).startswith("Table sellout, column 'units_sold', row 3")
    assert str(err.value).endswith(err.value.zh)


def test_misspelt_column_gets_did_you_mean():
    with pytest.raises(MissingColumnError) as err:
        kl.kpi.compute(small().rename(columns={"mystery_visits": "mistery_visits"}))
    assert "did you mean 'mistery_visits'" in err.value.en and "是不是" in err.value.zh


def test_empty_no_target_not_a_table_and_bad_by():
    with pytest.raises(EmptyTableError):
        kl.kpi.compute(small().iloc[:0])
    with pytest.raises(EmptyTableError) as err:
        kl.kpi.compute(small().assign(is_target=False))
    assert_bilingual(err, "is_target")
    with pytest.raises(BadValueError):
        kl.kpi.compute(small().to_dict())
    with pytest.raises(MissingColumnError) as err:
        kl.kpi.compute(small(), by="province")
    assert err.value.column == "province"
    with pytest.raises(BadSpecError):
        kl.kpi.compute(small(), by=5)
    with pytest.raises(BadSpecError) as err:
        kl.kpi.compute(small(), by="units_sold")
    assert_bilingual(err, "units_sold")
    assert issubclass(BadSpecError, KamlabInputError)


# ---------------------------------------------------------------------- charts
def test_kpi_plot_target_line_colours_and_languages():
    k = kl.kpi.compute(small(), by="chain_id")
    ax = k.plot(metric="distribution_rate", target=0.8)
    assert ax.get_title() == "铺货率（按 chain_id）"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["目标 80%"]
    bars = ax.patches
    assert [round(b.get_height(), 6) for b in bars] == [0.75, 1.0]
    assert bars[0].get_facecolor() != bars[1].get_facecolor()  # A misses the target
    ax.figure.savefig(io.BytesIO(), format="png")
    kl.set_language("en")
    ax = k.plot(metric="days_of_inventory", target=15)
    assert ax.get_title() == "Days of inventory by chain_id"
    ax.figure.savefig(io.BytesIO(), format="png")
    with pytest.raises(BadSpecError):
        k.plot(metric="foo")


def test_flag_plot():
    k = kl.kpi.compute(small(), by="chain_id")
    ax = kl.kpi.flag(k, {"sell_through_rate": 0.9, "days_of_inventory": 15}).plot()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["B · 动销率", "B · 库存天数"]
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx([(0.5 - 0.9) / 0.9, -(21.35 - 15) / 15])  # shortfalls drawn left
    ax.figure.savefig(io.BytesIO(), format="png")
    ax = kl.kpi.flag(k, {"sell_through_rate": 0.1}).plot()
    assert ax.texts[0].get_text() == "所有指标都达到目标"


# ---------------------------------------------------------------------- bundled data
def _sellout(variant):
    if "sellout" not in kl.datasets.names():  # pragma: no cover - data set not built yet
        pytest.skip("sellout data set not available")
    return kl.datasets.load("sellout", variant=variant), kl.datasets.planted("sellout", variant=variant)


@pytest.mark.parametrize("variant", [0, 1])
def test_bundled_sellout_identity_and_planted_problems(variant):
    df, planted = _sellout(variant)
    before = df.copy()
    for by in (None, "chain_id", ["chain_id", "month"], "region", "store_id", "month"):
        t = kl.kpi.compute(df, by=by).table
        scale = np.maximum(1.0, t["units"].to_numpy())
        assert (np.abs(identity_gap(t)) / scale).max() <= 1e-12
    pd.testing.assert_frame_equal(df, before)
    k = kl.kpi.compute(df, by="chain_id").table
    assert k["distribution_rate"].idxmin() == planted["poor_distribution"]
    assert k["sell_through_rate"].idxmin() == planted["low_sell_through"]
    assert k["days_of_inventory"].idxmax() == planted["inventory_piling"]
    last_two = df[df["month"].isin(sorted(df["month"].unique())[-2:])]
    clerk = kl.kpi.compute(last_two, by="chain_id").table["clerk_recommendation_rate"]
    assert clerk.idxmin() == planted["clerk_drop"]
    from kamlab.rootcause import DEFAULT_TARGETS
    flagged = kl.kpi.flag(kl.kpi.compute(df, by="chain_id"),
                          {m: DEFAULT_TARGETS[m] for m in ("distribution_rate", "sell_through_rate")}).table
    assert sorted(flagged["chain_id"]) == sorted([planted["poor_distribution"], planted["low_sell_through"]])
