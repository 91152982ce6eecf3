"""Property tests: LMDI effects always sum to the change, the KPI identity holds, inputs stay untouched.

The drill is also compared with a plain pure-Python reference (one loop per
group, ``math.log``) implementing the same definitions and zero rule.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import kamlab as kl

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MONTHS = ("2026-03", "2026-04", "2026-05")
FACTORS = ("target_stores", "distribution", "sell_through", "units_per_store")


@st.composite
def sellout(draw, zeros: bool = True):
    """1–4 chains × 1–5 stores × 3 months; units may be 0, stores may be unstocked or not targeted."""
    rows = []
    n_chains = draw(st.integers(1, 4))
    for c in range(n_chains):
        for s in range(draw(st.integers(1, 5))):
            for m in MONTHS:
                if zeros and s > 0 and draw(st.integers(0, 9)) == 0:
                    continue  # store missing that month (store 0 of each chain is always there)
                target = draw(st.booleans()) if zeros else True
                stocked = draw(st.booleans()) if zeros else True
                units = draw(st.integers(0 if zeros else 1, 500)) if stocked else 0
                if zeros and stocked and draw(st.integers(0, 3)) == 0:
                    units = 0
                visits = draw(st.integers(0, 4))
                rows.append((f"S{c}{s}", f"C{c}", ["上海", "杭州"][s % 2], m, target, stocked, units,
                             draw(st.integers(0, 300)), draw(st.integers(0, 300)), visits,
                             draw(st.integers(0, visits))))
    df = pd.DataFrame(rows, columns=["store_id", "chain_id", "region", "month", "is_target", "stocked",
                                     "units_sold", "inventory_begin", "inventory_end", "mystery_visits",
                                     "recommended_visits"])
    if not df["is_target"].any():
        df.loc[df.index[:1], "is_target"] = True
    return df


def reference_drill(df, base, current):
    """Per-group pure-Python LMDI with the documented zero rule."""
    out = {}
    data = df[df["is_target"] & df["month"].isin([*base, *current])]
    for group in sorted(set(data["chain_id"])):
        levels = []
        for months in (base, current):
            g = data[(data["chain_id"] == group) & data["month"].isin(months)]
            t = len(g) / len(months)
            s = g["stocked"].sum() / len(months)
            sell = (g["stocked"] & (g["units_sold"] > 0)).sum() / len(months)
            u = float(g["units_sold"].sum())
            levels.append(([t, s / t if t else math.nan, sell / s if s else math.nan, u / sell if sell else math.nan],
                           u))
        (f0, u0), (f1, u1) = levels
        eff = [0.0] * 4
        if u0 > 0 and u1 > 0:
            w = u0 if u0 == u1 else (u1 - u0) / (math.log(u1) - math.log(u0))
            eff = [w * math.log(b / a) for a, b in zip(f0, f1)]
        elif (u0 > 0) != (u1 > 0):
            zero = f0 if u0 == 0 else f1
            first = next(i for i, f in enumerate(zero) if f == 0)
            eff[first] = u1 - u0
        out[group] = [u0, u1, u1 - u0, *eff]
    return out


@SETTINGS
@given(sellout(), st.sampled_from([("2026-03", "2026-04"), (["2026-03", "2026-04"], "2026-05"),
                                   ("2026-05", ["2026-03", "2026-04"])]))
def test_effects_sum_to_change_and_match_reference(df, periods):
    base, current = periods
    listed = lambda p: [p] if isinstance(p, str) else p  # noqa: E731
    assume(set(listed(base)) | set(listed(current)) <= set(df.loc[df["is_target"], "month"]))
    before = df.copy()
    d = kl.rootcause.drill(df, by="chain_id", base=base, current=current, total=True)
    pd.testing.assert_frame_equal(df, before)
    t = d.table
    eff = [f"effect_{f}" for f in FACTORS]
    scale = np.maximum(1.0, np.maximum(t["units_base"].abs(), t["units_current"].abs()))
    assert (np.abs(t[eff].sum(axis=1) - t["change"]) / scale).max() <= 1e-9
    assert np.isfinite(t.to_numpy(dtype=float)).all()
    ref = reference_drill(df, listed(base), listed(current))
    body = t.drop(index="total")
    assert sorted(ref) == list(body.index)
    for group, values in ref.items():
        assert body.loc[group].tolist() == pytest.approx(values, rel=1e-9, abs=1e-9)
    np.testing.assert_allclose(t.loc["total"], body.sum(), rtol=1e-12, atol=1e-9)


@SETTINGS
@given(sellout(zeros=False))
def test_positive_data_effects_have_the_sign_of_their_factor_change(df):
    d = kl.rootcause.drill(df, by="chain_id", base="2026-03", current="2026-04")
    lv = d.levels
    for f in FACTORS:
        ratio = lv[f"{f}_current"] / lv[f"{f}_base"]
        effect = d.table[f"effect_{f}"]
        assert (np.sign(effect.round(9)) == np.sign(np.log(ratio).round(12))).all()


@SETTINGS
@given(sellout(), st.sampled_from([None, "chain_id", ["chain_id", "month"], "region", "store_id", "month"]))
def test_kpi_identity_holds_and_input_is_untouched(df, by):
    before = df.copy()
    t = kl.kpi.compute(df, by=by).table
    pd.testing.assert_frame_equal(df, before)
    product = t["target_stores"] * t["distribution_rate"] * t["sell_through_rate"] * t["units_per_selling_store"]
    defined = product.notna()
    np.testing.assert_allclose(product[defined], t.loc[defined, "units"], rtol=1e-12, atol=1e-9)
    assert (t.loc[~defined, "units"] == 0).all()
    assert not np.isinf(t.to_numpy(dtype=float)).any()
    rates = t[["distribution_rate", "sell_through_rate", "clerk_recommendation_rate"]].to_numpy(dtype=float)
    assert ((rates[~np.isnan(rates)] >= 0) & (rates[~np.isnan(rates)] <= 1)).all()
    total = kl.kpi.compute(df).table.iloc[0]
    for col in ("target_stores", "stocked_stores", "selling_stores", "units", "avg_inventory"):
        if by is not None and "month" not in ([by] if isinstance(by, str) else by):
            assert t[col].sum() == pytest.approx(total[col], rel=1e-12, abs=1e-9)
