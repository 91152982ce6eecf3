"""kamlab.datasets: shipped CSVs, seeded variants, planted problems, dictionary, bad input."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import kamlab as kl
from kamlab import BadSpecError, BadValueError
from kamlab.datasets._generate import MONTHS, generate
from kamlab.datasets._schema import KEYS, pandas_dtypes

ROOT = Path(__file__).resolve().parents[1]
NAMES = ["chains", "doctors", "needs", "clauses", "sellout", "retail_sales"]
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{4,}")


def test_names():
    assert kl.datasets.names() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_variant0_is_the_shipped_csv(name):
    df = kl.datasets.load(name)
    raw = resources.files("kamlab.datasets.data").joinpath(f"{name}.csv").read_text(encoding="utf-8")
    shipped = pd.read_csv(io.StringIO(raw), dtype=pandas_dtypes(name))
    pd.testing.assert_frame_equal(df, shipped, check_exact=True)
    pd.testing.assert_frame_equal(df, generate(name, 0), check_exact=True)
    assert df.to_csv(index=False, lineterminator="\n") == raw


def test_make_datasets_check_passes():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "make_datasets.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_make_datasets_check_fails_on_a_changed_file(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_datasets
    finally:
        sys.path.pop(0)
    assert make_datasets.main(["--out", str(tmp_path)]) == 0
    assert make_datasets.main(["--check", "--out", str(tmp_path)]) == 0
    path = tmp_path / "chains.csv"
    path.write_bytes(path.read_bytes().replace(b"C01", b"C99", 1))
    assert make_datasets.main(["--check", "--out", str(tmp_path)]) == 1


@pytest.mark.parametrize("name", NAMES)
def test_variants_same_schema_other_numbers(name):
    base = kl.datasets.load(name)
    for v in (1, 2, 3):
        df = kl.datasets.load(name, variant=v)
        assert list(df.columns) == list(base.columns)
        assert df.dtypes.equals(base.dtypes)
        numeric = base.select_dtypes("number").columns
        assert not df[numeric].equals(base[numeric]) if df.shape == base.shape else True
        assert df.attrs["variant"] == v
    pd.testing.assert_frame_equal(kl.datasets.load(name, variant=2), kl.datasets.load(name, variant=2))


@pytest.mark.parametrize("name", NAMES)
def test_dtypes_and_unique_keys(name):
    for v in (0, 1):
        df = kl.datasets.load(name, variant=v)
        assert not df.isna().any().any()
        assert not df.duplicated(subset=list(KEYS[name])).any()
        for col, dtype in pandas_dtypes(name).items():
            assert str(df[col].dtype) == dtype, col


def test_shapes_and_story_facts():
    assert kl.datasets.load("chains").shape == (36, 19)
    assert kl.datasets.load("doctors").shape[0] == 240
    s = kl.datasets.load("sellout")
    assert s.shape == (12276, 11) and s["store_id"].nunique() == 1023 and s["chain_id"].nunique() == 36
    assert tuple(sorted(s["month"].unique())) == MONTHS == ("2025-11", "2025-12") + MONTHS[2:]
    assert MONTHS[-1] == "2026-10"
    chains = kl.datasets.load("chains")
    assert set(s["chain_id"]) <= set(chains["chain_id"])
    assert set(kl.datasets.load("needs")["account_id"]) <= set(chains["chain_id"])
    assert set(chains["province"]) <= {"上海", "江苏", "浙江", "安徽", "山东", "福建", "江西"}


@pytest.mark.parametrize("v", range(5))
def test_chains_make_screening_meaningful(v):
    c = kl.datasets.load("chains", variant=v)
    assert c["store_count"].between(30, 3000).all() and c["store_count"].max() > 5 * c["store_count"].min()
    assert (c["margin_vs_competitor"] - (c["gross_margin"] - c["competitor_gross_margin"])).abs().max() < 0.051
    assert c["willingness"].between(1, 5).all() and c["willingness"].nunique() >= 3
    assert set(c["chain_type"]) == {"NKA", "LKA"}
    corr = c[["store_count", "payment_days", "new_product_acceptance", "willingness"]].corr()
    assert corr.loc["store_count", "payment_days"] > 0.2     # size costs payment terms
    assert corr.loc["willingness", "new_product_acceptance"] > 0.2
    assert c["chain_name"].is_unique


@pytest.mark.parametrize("v", range(5))
def test_clauses_opening_target_walk_away_ordered(v):
    df = kl.datasets.load("clauses", variant=v)
    assert df["clause"].nunique() == 8 and df.groupby("clause")["option"].size().max() <= 5
    ours = df.set_index(["clause", "option"])["ours"]
    for key in ("opening", "target", "walk_away"):
        df[f"ours_{key}"] = ours.loc[list(zip(df["clause"], df[key]))].to_numpy()
    assert (df["ours_opening"] >= df["ours_target"]).all()
    assert (df["ours_target"] >= df["ours_walk_away"]).all()
    g = df.sort_values(["clause", "option_order"]).groupby("clause", sort=False)
    assert (g["ours"].diff().dropna() < 0).all() and (g["theirs"].diff().dropna() > 0).all()
    m = kl.negotiation.ConcessionMatrix(kl.negotiation.clauses_from_table(df))
    assert m.nash()["u_us"] > 0


def test_doctors_80_20():
    d = kl.datasets.load("doctors")
    rx = d["monthly_rx_units"].sort_values(ascending=False)
    assert rx.head(len(rx) // 5).sum() / rx.sum() > 0.6
    assert (d["commitment"] <= d["awareness"] + 1).all()


def _kpis(df: pd.DataFrame) -> pd.DataFrame:
    """Plain-pandas KPIs per chain over target stores (independent of kamlab.kpi)."""
    t = df[df["is_target"]].copy()
    t["avg_inv"] = (t["inventory_begin"] + t["inventory_end"]) / 2
    t["selling"] = t["units_sold"] > 0
    g = t.groupby("chain_id")
    st = t[t["stocked"]].groupby("chain_id")
    before, last2 = t[t["month"] < MONTHS[-2]], t[t["month"] >= MONTHS[-2]]
    units = t.pivot_table(index="chain_id", columns="month", values="units_sold", aggfunc="sum")
    inv = t.pivot_table(index="chain_id", columns="month", values="avg_inv", aggfunc="sum")
    return pd.DataFrame({
        "distribution": g["stocked"].mean(),
        "sell_through": st["selling"].mean(),
        "turnover": g["units_sold"].sum() / g["avg_inv"].mean(),
        "turnover_per_store": g["units_sold"].sum() / g["avg_inv"].sum(),
        "clerk_before": before.groupby("chain_id")["recommended_visits"].sum()
        / before.groupby("chain_id")["mystery_visits"].sum(),
        "clerk_last2": last2.groupby("chain_id")["recommended_visits"].sum()
        / last2.groupby("chain_id")["mystery_visits"].sum(),
        "mom": units[MONTHS[-1]] / units[MONTHS[-2]] - 1,
        "inv_rise": inv[MONTHS[-1]] / inv[MONTHS[0]],
        "inv_monotone": (inv.diff(axis=1).iloc[:, 1:] > 0).mean(axis=1),
    })


@pytest.mark.parametrize("v", range(8))
def test_sellout_planted_problems_visible_by_groupby(v):
    df = kl.datasets.load("sellout", variant=v)
    p = kl.datasets.planted("sellout", variant=v)
    assert len(set(p.values())) == 5 and set(p.values()) <= set(df["chain_id"])
    k = _kpis(df)
    others = lambda key: k.drop(index=p[key])  # noqa: E731
    # (a) distribution ~55% vs ~90%
    assert k.loc[p["poor_distribution"], "distribution"] < 0.65
    assert others("poor_distribution")["distribution"].min() > 0.8
    # (b) sell-through ~60% vs ~92%
    assert k.loc[p["low_sell_through"], "sell_through"] < 0.7
    assert others("low_sell_through")["sell_through"].min() > 0.85
    # (c) inventory rising month over month, lowest turnover
    pile = p["inventory_piling"]
    assert k["turnover_per_store"].idxmin() == pile
    assert k.loc[pile, "inv_rise"] > 3 and k.loc[pile, "inv_monotone"] > 0.9
    assert others("inventory_piling")["inv_rise"].max() < 1.5
    # (d) clerk recommendation drops sharply in the last two months
    drop = k["clerk_before"] - k["clerk_last2"]
    assert drop.idxmax() == p["clerk_drop"] and drop[p["clerk_drop"]] > 0.25
    assert drop.drop(index=p["clerk_drop"]).max() < drop[p["clerk_drop"]] - 0.1   # small chains are noisier
    # (e) latest month falls in that chain, driven by sell-through
    assert k["mom"].idxmin() == p["latest_month_drop"] and k.loc[p["latest_month_drop"], "mom"] < -0.15
    assert k["mom"].drop(index=p["latest_month_drop"]).min() > k.loc[p["latest_month_drop"], "mom"] + 0.1
    c = df[(df["chain_id"] == p["latest_month_drop"]) & df["is_target"]]
    last, prev = c[c["month"] == MONTHS[-1]], c[c["month"] == MONTHS[-2]]
    d_dist = last["stocked"].mean() / prev["stocked"].mean() - 1
    d_st = (last["units_sold"] > 0).sum() / last["stocked"].sum() / ((prev["units_sold"] > 0).sum()
                                                                      / prev["stocked"].sum()) - 1
    assert d_st < -0.2 and abs(d_dist) < 0.02


@pytest.mark.parametrize("v", range(3))
def test_sellout_inventory_flow_consistent(v):
    df = kl.datasets.load("sellout", variant=v)
    prev_end = df.groupby("store_id")["inventory_end"].shift()
    has_prev = prev_end.notna()
    assert (df.loc[has_prev, "inventory_begin"] == prev_end[has_prev]).all()
    deliveries = df["inventory_end"] - df["inventory_begin"] + df["units_sold"]
    assert (deliveries >= 0).all()
    assert (df.loc[~df["stocked"], ["units_sold", "inventory_end", "mystery_visits"]] == 0).all().all()
    assert (df["recommended_visits"] <= df["mystery_visits"]).all()
    assert (df[["units_sold", "inventory_begin", "inventory_end"]] >= 0).all().all()


def test_planted_follows_the_variant_and_is_not_constant():
    seen = {kl.datasets.planted("sellout", variant=v)["poor_distribution"] for v in range(8)}
    assert len(seen) >= 3
    assert kl.datasets.planted("chains") == {}


@pytest.mark.parametrize("name", NAMES)
def test_attrs_and_dictionary_cover_every_column(name):
    df = kl.datasets.load(name)
    assert isinstance(df.attrs["description"], str) and CJK.search(df.attrs["description"])
    assert LATIN.search(df.attrs["description"])
    d = kl.datasets.dictionary(name)
    assert list(d.columns) == ["column", "中文名", "unit", "meaning"]
    assert list(d["column"]) == list(df.columns)
    assert set(df.attrs["columns"]) == set(df.columns)
    assert (d["中文名"].str.len() > 0).all() and d["中文名"].is_unique
    desc = kl.datasets.describe(name)
    assert list(desc.index) == list(df.columns) and "dtype" in desc.columns
    # attrs survive ordinary pandas operations without error
    pd.concat([df.head(2), df.tail(2)])


def test_load_returns_a_fresh_copy():
    a = kl.datasets.load("chains")
    a.loc[0, "store_count"] = -1
    assert kl.datasets.load("chains").loc[0, "store_count"] != -1


@pytest.mark.parametrize("bad,hint", [("chian", "chains"), ("Sellouts", "sellout"), ("xyz", None)])
def test_bad_name(bad, hint):
    with pytest.raises(BadSpecError) as exc:
        kl.datasets.load(bad)
    msg = str(exc.value)
    assert repr(bad) in msg and CJK.search(msg) and LATIN.search(msg)
    if hint:
        assert f"'{hint}'" in msg
    with pytest.raises(BadSpecError):
        kl.datasets.dictionary(bad)


@pytest.mark.parametrize("bad", [-1, 1.5, "1", True, None])
def test_bad_variant(bad):
    with pytest.raises(BadValueError) as exc:
        kl.datasets.load("chains", variant=bad)
    assert "variant" in str(exc.value) and CJK.search(str(exc.value))


def test_variant_is_keyword_only():
    with pytest.raises(TypeError):
        kl.datasets.load("chains", 1)  # type: ignore[misc]


def test_numpy_integer_variant_ok():
    assert kl.datasets.load("needs", variant=np.int64(2)).equals(kl.datasets.load("needs", variant=2))


# ----------------------------------------------------------------------------- retail_sales (m12)
def _abc_quarter(df: pd.DataFrame) -> pd.DataFrame:
    """ABC零售's latest quarter by category, in plain pandas (independent of kamlab.review)."""
    from kamlab.datasets._generate import RETAIL_MONTHS

    q = df[(df["retailer"] == "ABC零售") & df["month"].isin(RETAIL_MONTHS[-3:])]
    return q.groupby("category")[["sales", "target", "last_year_sales", "stores"]].sum()


def test_retail_sales_shape_and_facts():
    from kamlab.datasets._generate import RETAIL_MONTHS
    from kamlab.datasets._schema import CATEGORIES, RETAILERS

    df = kl.datasets.load("retail_sales")
    assert df.shape == (720, 9)
    assert RETAIL_MONTHS[0] == "2024-11" and RETAIL_MONTHS[-1] == "2026-10" and len(RETAIL_MONTHS) == 24
    assert tuple(sorted(df["month"].unique())) == RETAIL_MONTHS
    assert tuple(df["retailer"].unique()) == RETAILERS and RETAILERS[0] == "ABC零售"
    assert (df.loc[df["retailer"] == "ABC零售", "retailer_id"] == "R01").all()
    assert tuple(df["category"].unique()) == CATEGORIES
    assert (df[["sales", "target", "last_year_sales", "units", "stores"]] > 0).all().all()
    assert df.groupby(["retailer_id", "category"]).size().eq(24).all()


@pytest.mark.parametrize("v", range(4))
def test_retail_sales_last_year_is_sales_12_months_earlier(v):
    df = kl.datasets.load("retail_sales", variant=v).sort_values(["retailer_id", "category", "month"])
    earlier = df.groupby(["retailer_id", "category"])["sales"].shift(12)
    has = earlier.notna()
    assert has.sum() == 360
    assert (df.loc[has, "last_year_sales"] == earlier[has]).all()


@pytest.mark.parametrize("v", range(4))
def test_retail_sales_colds_peak_in_winter_skin_in_summer(v):
    df = kl.datasets.load("retail_sales", variant=v)
    df["moy"] = df["month"].str[5:].astype(int)
    by = df.groupby(["category", "moy"])["sales"].sum()
    cold, skin = by.loc["感冒止咳"], by.loc["皮肤外用"]
    assert cold[[12, 1]].min() > 1.8 * cold[[6, 7]].max()
    assert skin[[6, 7]].min() > 1.5 * skin[[12, 1]].max()


@pytest.mark.parametrize("v", range(8))
def test_retail_sales_planted_category_lags_in_the_latest_quarter(v):
    df = kl.datasets.load("retail_sales", variant=v)
    p = kl.datasets.planted("retail_sales", variant=v)
    assert p["retailer"] == "ABC零售" and p["retailer_id"] == "R01"
    q = _abc_quarter(df)
    achievement = q["sales"] / q["target"]
    lag = p["lagging_category"]
    assert achievement.idxmin() == lag and achievement[lag] < 0.82
    assert achievement.drop(index=lag).min() > 0.9
    assert (q["target"] - q["sales"]).idxmax() == lag
    growth = q["sales"] / q["last_year_sales"] - 1
    assert growth.idxmin() == lag and growth[lag] < -0.1
    # the quarter before: the same category was on target
    prev = df[(df["retailer"] == "ABC零售") & df["month"].isin(sorted(df["month"].unique())[-6:-3])]
    prev = prev.groupby("category")[["sales", "target"]].sum()
    assert (prev["sales"] / prev["target"])[lag] > 0.9
    # part of the stores stopped selling it
    stores = df[(df["retailer"] == "ABC零售") & (df["category"] == lag)].set_index("month")["stores"]
    assert stores.iloc[-1] < 0.9 * stores.iloc[-4]


def test_retail_sales_planted_category_follows_the_variant():
    seen = {kl.datasets.planted("retail_sales", variant=v)["lagging_category"] for v in range(8)}
    assert len(seen) >= 3
    assert kl.datasets.planted("retail_sales", variant=0) != kl.datasets.planted("retail_sales", variant=5)
