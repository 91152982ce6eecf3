"""Generator of ``sellout`` (m06, m07, m10): store-month sell-out of every chain of ``chains``.

Each chain contributes a sample of its stores (:func:`sample_sizes`: 4 % of its stores, at least 24, never
more than its ``store_count``), so every key account a module may pick has sell-out data.  The five planted
problems are dealt to five chains by a seeded permutation: the same story in every variant.

**The incentive pilot (m06).**  From 2026-05 to 2026-07 (:data:`PILOT_MONTHS`) the company ran a tiered incentive on
its strategic product in every chain's stores of the chain's head-office city (``region == chains.hq_city``: about
half of each chain's sample, drawn at random with the city); the chain's stores in its other cities are the control
group.  Pilot stores sold ``PILOT_LIFT`` (+15 %) more in those months than they would have; the season (a cold
remedy: :data:`SEASON`) lowers every store's sales from Feb–Apr to May–Jul by about 12 %, so the pilot's effect is
seen only against the control stores, not against the quarter before.  The lift is applied after every random draw
(same stores, same inventory, same planted problems as without it); the months of m10's contest (the latest two)
are not touched.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._gen_accounts import CITIES, _chains
from ._gen_random import _share, rng_for

#: Planted problems of ``sellout``, in the order they are dealt to chains.
PROBLEMS = ("poor_distribution", "low_sell_through", "inventory_piling", "clerk_drop", "latest_month_drop")

MONTHS = tuple(f"{2025 + (10 + i) // 12}-{(10 + i) % 12 + 1:02d}" for i in range(12))


#: Sell-out sample of a chain: ``clip(round(SAMPLE_SHARE * store_count), SAMPLE_FLOOR, store_count)`` stores.
SAMPLE_SHARE = 0.04
SAMPLE_FLOOR = 24


def sample_sizes(store_count: np.ndarray) -> np.ndarray:
    """Stores of each chain in ``sellout``: a share of its stores with a floor, never more than it has.

    ``n_c = min(store_count_c, max(SAMPLE_FLOOR, round(SAMPLE_SHARE * store_count_c)))``, so every chain
    has sell-out rows and no chain lists more stores than ``chains.store_count``.

    Examples
    --------
    >>> sample_sizes(np.array([12, 30, 260, 1062, 3000])).tolist()
    [12, 24, 24, 42, 120]
    """
    sc = np.asarray(store_count, dtype=np.int64)
    return np.minimum(sc, np.maximum(SAMPLE_FLOOR, np.round(SAMPLE_SHARE * sc).astype(np.int64)))


def _sellout_plan(variant: int) -> tuple[np.random.Generator, list[str], dict[str, str]]:
    """The chains of ``sellout`` (every chain of ``chains``) and which one carries each planted problem."""
    rng = rng_for("sellout", variant)
    chains = [str(c) for c in _chains(variant)["chain_id"]]
    perm = rng.permutation(len(chains))
    return rng, chains, {p: chains[perm[i]] for i, p in enumerate(PROBLEMS)}


#: Months of the incentive pilot and the lift it brought to the pilot stores (see the module docstring).
PILOT_MONTHS = ("2026-05", "2026-06", "2026-07")
PILOT_LIFT = 0.15


SEASON = np.array([1.10, 1.20, 1.25, 1.10, 1.00, 0.95, 0.90, 0.88, 0.90, 0.93, 0.98, 1.05])


def _sellout(variant: int) -> pd.DataFrame:
    rng, chain_ids, plan = _sellout_plan(variant)
    role = {c: p for p, c in plan.items()}
    chains = _chains(variant).set_index("chain_id")
    sizes = sample_sizes(chains.loc[chain_ids, "store_count"].to_numpy())
    n_ch, n, T = len(chain_ids), int(sizes.sum()), len(MONTHS)
    ch = np.repeat(np.arange(n_ch), sizes)                       # chain index per store
    is_poor = np.array([role.get(c) == "poor_distribution" for c in chain_ids])
    is_dead = np.array([role.get(c) == "low_sell_through" for c in chain_ids])
    is_pile = np.array([role.get(c) == "inventory_piling" for c in chain_ids])
    is_clerk = np.array([role.get(c) == "clerk_drop" for c in chain_ids])
    is_drop = np.array([role.get(c) == "latest_month_drop" for c in chain_ids])

    # Regions: cities of the chain's home province (the chain's own data in the same variant).
    region = np.empty(n, dtype=object)
    u_city = rng.random(n)
    for k, cid in enumerate(chain_ids):  # 36 chains
        prov, hq = chains.at[cid, "province"], chains.at[cid, "hq_city"]
        others = np.array([c for c in CITIES[prov] if c != hq] or [hq], dtype=object)
        rows = ch == k
        u = u_city[rows]
        region[rows] = np.where(u < 0.5, hq, others[np.minimum((u - 0.5) * 2 * len(others), len(others) - 1)
                                                   .astype(int)])

    is_target = rng.random(n) < 0.88
    p_dist = np.where(is_poor, 0.55, rng.uniform(0.88, 0.95, n_ch))
    listed = _share(rng, 2 * ch + is_target, np.stack([np.full(n_ch, 0.2), p_dist], 1).ravel())
    start = np.where(rng.random(n) < 0.06, rng.integers(1, 6, n), 0)   # a few stores listed later
    t = np.arange(T)
    stocked = listed[:, None] & (t[None, :] >= start[:, None])

    alive = ~_share(rng, ch, np.where(is_dead, 0.38, rng.uniform(0.03, 0.06, n_ch)))
    selling = stocked & alive[:, None] & (rng.random((n, T)) >= 0.01)
    selling[:, -1] &= ~_share(rng, ch, np.where(is_drop, 0.4, 0.0))   # 40 % of the drop chain's stores stop
    mean = rng.uniform(30, 60, n_ch)[ch] * rng.lognormal(0, 0.45, n)
    chain_noise = rng.normal(1, 0.01, (n_ch, T))[ch]
    expected = mean[:, None] * SEASON[None, :] * chain_noise
    units = np.where(selling, np.maximum(1, rng.poisson(expected)), 0).astype(np.int64)

    cover = rng.uniform(1.2, 1.6, n_ch)[ch] * rng.lognormal(0, 0.15, n)
    growth = np.where(is_pile[ch], 0.4, 0.0)
    level = np.round(expected * cover[:, None] * (1 + growth[:, None] * t[None, :]))
    begin = np.zeros((n, T), dtype=np.int64)
    end = np.zeros((n, T), dtype=np.int64)
    begin[:, 0] = np.where(stocked[:, 0], np.round(level[:, 0] * rng.uniform(0.8, 1.2, n)), 0)
    for m in range(T):  # 12 months, vectorised over stores
        if m:
            begin[:, m] = end[:, m - 1]
        end[:, m] = np.where(stocked[:, m], np.maximum(level[:, m], begin[:, m] - units[:, m]), 0)

    # the m06 incentive pilot: head-office-city stores sell PILOT_LIFT more in PILOT_MONTHS (no random draw)
    hq = np.array([chains.at[c, "hq_city"] for c in chain_ids], dtype=object)[ch]
    in_pilot = (region == hq)[:, None] & np.isin(np.array(MONTHS), PILOT_MONTHS)[None, :]
    units = np.where(in_pilot & (units > 0), np.round(units * (1 + PILOT_LIFT)), units).astype(np.int64)

    mystery = np.where(stocked & is_target[:, None], rng.poisson(2.5, (n, T)), 0).astype(np.int64)
    p_rec = np.tile(rng.uniform(0.55, 0.7, n_ch)[:, None], (1, T))
    p_rec[is_clerk, -2:] = 0.12
    recommended = rng.binomial(mystery, p_rec[ch]).astype(np.int64)

    return pd.DataFrame({
        "store_id": np.repeat([f"S{i:04d}" for i in range(1, n + 1)], T),
        "chain_id": np.repeat(np.array(chain_ids, dtype=object)[ch], T),
        "region": np.repeat(region, T),
        "month": np.tile(np.array(MONTHS, dtype=object), n),
        "is_target": np.repeat(is_target, T),
        "stocked": stocked.ravel(),
        "units_sold": units.ravel(),
        "inventory_begin": begin.ravel(),
        "inventory_end": end.ravel(),
        "mystery_visits": mystery.ravel(),
        "recommended_visits": recommended.ravel(),
    })
