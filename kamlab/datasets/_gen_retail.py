"""Generator of ``retail_sales`` (m12): ABC零售 and other retailers by category and month, one category lagging."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._gen_random import rng_for
from ._schema import CATEGORIES, RETAILERS

#: Months of ``retail_sales``: 24 months, 2024-11 .. 2026-10 (two years, so year-on-year works).
RETAIL_MONTHS = tuple(f"{2024 + (10 + i) // 12}-{(10 + i) % 12 + 1:02d}" for i in range(24))
#: The planted lag of ``retail_sales`` hits the latest quarter (the last 3 months).
RETAIL_LAG_MONTHS = 3

#: Seasonality per category, January .. December (each averages 1): colds peak in winter,
#: skin care in summer, vitamins and gifts around the Spring Festival, chronic care is flat.
RETAIL_SEASON = np.array([
    [1.55, 1.30, 1.05, 0.85, 0.72, 0.62, 0.60, 0.65, 0.80, 0.98, 1.30, 1.58],   # 感冒止咳
    [1.10, 1.20, 0.95, 0.90, 0.95, 1.05, 1.15, 1.12, 0.95, 0.90, 0.88, 1.05],   # 肠胃消化
    [1.30, 1.35, 0.95, 0.85, 0.85, 0.85, 0.85, 0.88, 1.05, 1.10, 0.95, 1.02],   # 维矿补益
    [0.65, 0.60, 0.80, 1.00, 1.20, 1.40, 1.50, 1.40, 1.10, 0.85, 0.75, 0.75],   # 皮肤外用
    [1.03, 0.97, 1.00, 0.99, 1.00, 0.98, 1.00, 1.01, 1.00, 1.01, 1.00, 1.01],   # 慢病用药
])
RETAIL_SEASON = RETAIL_SEASON / RETAIL_SEASON.mean(axis=1, keepdims=True)
_RETAIL_BASE = np.array([60.0, 38.0, 45.0, 22.0, 75.0])       # ABC's monthly sales per category, 万元
_RETAIL_PRICE = np.array([28.0, 32.0, 85.0, 22.0, 45.0])      # 元/盒
_RETAIL_COVER = np.array([0.95, 0.90, 0.80, 0.70, 0.85])      # share of stores selling the category


def _retail_plan(variant: int) -> tuple[np.random.Generator, dict[str, str]]:
    """The generator of ``retail_sales`` and its planted story (which category of ABC lags)."""
    rng = rng_for("retail_sales", variant)
    lag = CATEGORIES[int(rng.integers(len(CATEGORIES)))]
    return rng, {"retailer": RETAILERS[0], "retailer_id": "R01", "lagging_category": lag}


def _retail_sales(variant: int) -> pd.DataFrame:
    rng, plan = _retail_plan(variant)
    n_r, n_c, T = len(RETAILERS), len(CATEGORIES), len(RETAIL_MONTHS) + 12   # 12 months of history for "last year"
    lag = CATEGORIES.index(plan["lagging_category"])
    t = np.arange(T)
    moy = (10 + t) % 12                                            # calendar month index of 2023-11 + t
    scale = np.concatenate([[1.0], rng.uniform(0.4, 1.6, n_r - 1)])
    base = _RETAIL_BASE[None, :] * scale[:, None] * rng.lognormal(0, 0.15, (n_r, n_c))
    growth = np.clip(rng.normal(0.08, 0.04, (n_r, n_c)), -0.02, 0.2)
    trend = (1 + growth)[:, :, None] ** (t[None, None, :] / 12)
    season = RETAIL_SEASON[:, moy][None, :, :]
    noise = rng.lognormal(0, 0.035, (n_r, n_c, T))
    store_n = np.concatenate([[320], rng.integers(60, 600, n_r - 1)]).astype(float)
    cover = np.clip(_RETAIL_COVER[None, :] * rng.uniform(0.9, 1.05, (n_r, n_c)), 0.3, 1.0)
    stores = store_n[:, None, None] * cover[:, :, None] * (1 + 0.02 * t / 12)[None, None, :]
    drop_stores = np.ones((n_r, n_c, T))
    drop_sales = np.ones((n_r, n_c, T))
    drop_stores[0, lag, -RETAIL_LAG_MONTHS:] = rng.uniform(0.82, 0.86)   # delisted in part of ABC's stores
    drop_sales[0, lag, -RETAIL_LAG_MONTHS:] = rng.uniform(0.88, 0.92)    # and weaker per store
    stores = np.round(stores * drop_stores)
    sales = np.round(base[:, :, None] * season * trend * noise * drop_stores * drop_sales, 2)
    target_growth = growth + rng.normal(0, 0.015, (n_r, n_c))
    price = _RETAIL_PRICE[None, :, None] * rng.uniform(0.95, 1.05, (n_r, n_c))[:, :, None] \
        * (1 + 0.01 * t / 12)[None, None, :]
    units = np.round(sales * 10000 / price)
    keep = slice(12, T)
    last_year = sales[:, :, :-12]
    target = np.round(last_year * (1 + target_growth)[:, :, None], 1)
    m = len(RETAIL_MONTHS)
    shape = (n_r, n_c, m)
    return pd.DataFrame({
        "month": np.broadcast_to(np.array(RETAIL_MONTHS, dtype=object), shape).ravel(),
        "retailer_id": np.broadcast_to(np.array([f"R{i:02d}" for i in range(1, n_r + 1)],
                                                dtype=object)[:, None, None], shape).ravel(),
        "retailer": np.broadcast_to(np.array(RETAILERS, dtype=object)[:, None, None], shape).ravel(),
        "category": np.broadcast_to(np.array(CATEGORIES, dtype=object)[None, :, None], shape).ravel(),
        "sales": sales[:, :, keep].ravel(),
        "target": target.ravel(),
        "last_year_sales": last_year.ravel(),
        "units": units[:, :, keep].ravel().astype(np.int64),
        "stores": stores[:, :, keep].ravel().astype(np.int64),
    })
