"""The chart of m06: the pilot stores against the control stores, month by month (read in exercise 2).

Examples
--------
>>> import kamlab as kl
>>> ax = pilot_chart(kl.datasets.load("sellout"), kl.datasets.load("chains"), "C18")
>>> [t.get_text() for t in ax.get_legend().get_texts()]
['试点门店（总部城市）', '对照门店（其他城市）']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..._plotting import new_axes, styled
from ._case import BASE_MONTHS, MSGS, PILOT_MONTHS
from ._model import pilot_stores


@styled
def pilot_chart(sellout: pd.DataFrame, chains: pd.DataFrame, chain: str, ax: Any = None) -> Any:
    """Monthly units of the chain's pilot and control stores, each indexed to its first baseline month = 100.

    The shaded band is the pilot (May–Jul 2026).  Both lines fall with the season; the gap that opens in the
    band is the pilot's effect.
    """
    fig, ax = new_axes(ax, figsize=(7.5, 4.0))
    rows = sellout[sellout["chain_id"].astype(str) == chain]
    pilot = rows["store_id"].astype(str).isin(pilot_stores(sellout, chains, chain))
    months = sorted(rows["month"].astype(str).unique())
    for mask, key, style in ((pilot, "pilot", "-o"), (~pilot, "control", "--s")):
        series = rows[mask.to_numpy()].groupby(rows["month"].astype(str))["units_sold"].sum().reindex(months)
        ax.plot(months, 100 * series / series[BASE_MONTHS[0]], style, label=MSGS(key), markersize=4)
    lo, hi = months.index(PILOT_MONTHS[0]), months.index(PILOT_MONTHS[-1])
    ax.axvspan(lo - 0.5, hi + 0.5, color="#f2c94c", alpha=0.25, label=None)
    ax.text((lo + hi) / 2, ax.get_ylim()[1], MSGS("pilot_band"), ha="center", va="top", fontsize=9)
    ax.set_title(MSGS("chart_title", chain=chain), fontsize=10)
    ax.set_ylabel(MSGS("chart_y"))
    ax.set_xlabel(MSGS("chart_x"))
    ax.tick_params(axis="x", labelrotation=45, labelsize=8)
    ax.legend(fontsize=9)
    return ax
