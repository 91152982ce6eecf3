"""The decisions m10 judges, computed from the data of a variant: the reference of every check.

Each function takes the tables the notebook shows (or a variant to rebuild the
example tables) and returns what a careful reader of the chart decides.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ... import retail
from ._case import FAIR_BAND, MARGIN, PASS_LINE, PRICE_BAND, PROMO_COST, SEED_RULE

__all__ = ["distribution", "failing_chains", "hq_gaps", "under_exposed", "lowest_facings", "abnormal_stores",
           "promotion_result", "promotion_verdict", "ranking", "leaders"]


def distribution(sellout: pd.DataFrame, listing: Any) -> Any:
    """The distribution check at this quarter's pass line (:data:`PASS_LINE`).

    Examples
    --------
    >>> import kamlab as kl
    >>> s = kl.datasets.load("sellout")
    >>> distribution(s, kl.retail.example_listing(s)).failing
    ['C09', 'C16', 'C21', 'C30', 'C32']
    """
    return retail.distribution_check(sellout, hq_listed=listing, target=PASS_LINE)


def failing_chains(sellout: pd.DataFrame, listing: Any) -> list[str]:
    """Chains with at least one of the three rates below the pass line."""
    return [str(c) for c in distribution(sellout, listing).failing]


def hq_gaps(sellout: pd.DataFrame, listing: Any) -> list[str]:
    """Chains whose HQ buys too few of our categories (HQ purchase rate below the pass line).

    Examples
    --------
    >>> import kamlab as kl
    >>> s = kl.datasets.load("sellout")
    >>> hq_gaps(s, kl.retail.example_listing(s))
    ['C32']
    """
    t = distribution(sellout, listing).table
    return [str(c) for c in t.index[(t["hq_purchase_rate"] < PASS_LINE - 1e-9).to_numpy()]]


def under_exposed(shelf: pd.DataFrame) -> list[str]:
    """Stores whose fair-share index is below 1 − :data:`FAIR_BAND`.

    Examples
    --------
    >>> import kamlab as kl
    >>> under_exposed(kl.retail.example_facings())
    ['D01', 'D02', 'D05', 'D06']
    """
    return [str(s) for s in retail.facings(shelf, tolerance=FAIR_BAND).under_exposed]


def lowest_facings(shelf: pd.DataFrame, k: int) -> list[str]:
    """The *k* stores with the fewest of our facings (what a reader who ignores sales would pick).

    Examples
    --------
    >>> import kamlab as kl
    >>> lowest_facings(kl.retail.example_facings(), 4)
    ['D02', 'D05', 'D01', 'D04']
    """
    t = retail.facings(shelf, tolerance=FAIR_BAND).table
    return [str(s) for s in t.sort_values("our_facings", kind="stable").index[:max(1, k)]]


def abnormal_stores(prices: pd.DataFrame, side: str | None = None) -> list[str]:
    """Stores with a price outside :data:`PRICE_BAND` (``side`` "low" or "high": only those).

    Examples
    --------
    >>> import kamlab as kl
    >>> abnormal_stores(kl.retail.example_prices()), abnormal_stores(kl.retail.example_prices(), "low")
    (['P06', 'P10', 'P12'], ['P06', 'P10'])
    """
    t = retail.price_watch(prices, suggested=retail.SUGGESTED_PRICES, band=PRICE_BAND).abnormal
    if side is not None:
        t = t[t["status_code"] == side]
    return sorted({str(s) for s in t.index})


def promotion_result(promo: pd.DataFrame) -> Any:
    """The promotion of 清感颗粒 evaluated with a 4-week baseline, the course's cost and margin."""
    return retail.promotion(promo, baseline=4, cost=PROMO_COST, margin=MARGIN)


def promotion_verdict(promo: pd.DataFrame) -> str:
    """``"gp_gain"`` when the promotion earns back its discount and cost (ROI ≥ 0), else ``"gp_loss"``.

    Examples
    --------
    >>> import kamlab as kl
    >>> promotion_verdict(kl.retail.example_promotion())
    'gp_loss'
    """
    return "gp_gain" if promotion_result(promo).roi >= 0 else "gp_loss"


def ranking(sellout: pd.DataFrame, chain: str, metric: str = SEED_RULE) -> pd.DataFrame:
    """The single-store contest of *chain* ranked by *metric* (no minimum base), all stores."""
    return retail.contest(sellout, chain=chain, metric=metric).table


def leaders(sellout: pd.DataFrame, chain: str, metric: str = SEED_RULE) -> list[str]:
    """The store(s) ranked first by *metric* (ties share the first place).

    Examples
    --------
    >>> import kamlab as kl
    >>> leaders(kl.datasets.load("sellout"), "C18"), leaders(kl.datasets.load("sellout"), "C18", "units")
    (['S0531'], ['S0531'])
    """
    t = ranking(sellout, chain, metric)
    best = t["score"].max()
    return sorted(str(s) for s in t.index[(t["score"] >= best - 1e-9).to_numpy()])
