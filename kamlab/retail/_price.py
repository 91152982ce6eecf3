"""Price watch (价格维护): store prices against the suggested retail price band.

Seed 001 part 2, 三、价格维护: the representative keeps the stores' daily
prices, watches unreasonable or abnormal prices and reminds stores when a
promotion price changes.  Per store-product row:

* ``suggested`` = the suggested retail price (建议零售价) of the product;
* ``deviation`` = price / suggested − 1;
* the band is ``[suggested × (1 + band[0]), suggested × (1 + band[1])]``
  (columns ``band_low`` and ``band_high``, the decision, kept in the table);
* ``status_code``: ``low`` (乱价、低价冲击) below the band, ``high`` above it,
  ``ok`` inside (a price on the edge is ok).

Examples
--------
>>> import pandas as pd
>>> prices = pd.DataFrame({"store_id": ["S1", "S2", "S3"], "product": "清感颗粒", "price": [38.0, 30.0, 43.0]})
>>> price_watch(prices, suggested={"清感颗粒": 38}, band=(-0.1, 0.1)).table[["deviation", "status_code"]]
         deviation status_code
store_id
S1        0.000000          ok
S2       -0.210526         low
S3        0.131579        high
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._result import TableResult
from .._validate import numeric_column, require_columns, require_table
from ._common import no_duplicates, not_negative

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["SUGGESTED_PRICES", "PriceResult", "price_watch", "example_prices"]

#: Suggested retail prices (建议零售价, yuan) of the course's products.
SUGGESTED_PRICES: dict[str, float] = {"清感颗粒": 38.0, "止咳糖浆": 26.0, "健胃片": 19.5}

MSGS = Messages({
    "low": ("低于价格带", "below the band"),
    "ok": ("正常", "normal"),
    "high": ("高于价格带", "above the band"),
    "title": ("门店价格偏离建议零售价（价格带 {lo:+.0%} ~ {hi:+.0%}）",
              "Store prices vs suggested retail price (band {lo:+.0%} to {hi:+.0%})"),
    "x": ("门店 · 产品", "Store · product"),
    "y": ("偏离建议零售价", "Deviation from suggested price"),
    "band": ("价格带 band = {value!r} 不对：应是 (下限, 上限) 两个小数，下限在 -1 和 0 之间、上限在 0 和 1 之间，例如 (-0.1, 0.1)。",
             "band = {value!r} is invalid: use (lower, upper) fractions with -1 < lower ≤ 0 ≤ upper ≤ 1, "
             "e.g. (-0.1, 0.1)."),
    "suggested": ("suggested = {value!r} 不对：应是一个大于 0 的价格，或字典 {{产品: 建议零售价}}。",
                  "suggested = {value!r} is invalid: use a price > 0 or a dict {{product: suggested price}}."),
    "no_price": ("表 prices 列 '{column}' 第 {row} 行的产品 '{product}' 没有建议零售价。请在 suggested 里加上它的价格。",
                 "Table prices, column '{column}', row {row}: product '{product}' has no suggested price. Add it "
                 "to suggested."),
})


@dataclass(frozen=True, repr=False)
class PriceResult(TableResult):
    """The outcome of :func:`price_watch`; ``table`` indexed by store."""

    band: tuple[float, float] = (-0.1, 0.1)

    @property
    def abnormal(self) -> pd.DataFrame:
        """The rows outside the band (low first, then high; ties by store)."""
        t = self.table
        return t[t["status_code"] != "ok"]

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Bars of each price's deviation from the suggested price, with the band shaded.

        Examples
        --------
        >>> price_watch(example_prices(), suggested=SUGGESTED_PRICES).plot().get_ylabel()
        '偏离建议零售价'
        """
        t = self.table
        fig, ax = new_axes(ax, figsize=(max(7.0, 0.22 * len(t) + 2), 4.2))
        lo, hi = self.band
        x = np.arange(len(t))
        ax.axhspan(lo, hi, color="#DDDDDD", alpha=0.6)
        colors = t["status_code"].map({"low": "#C44E52", "ok": "#8C8C8C", "high": "#4C72B0"}).to_numpy()
        ax.bar(x, t["deviation"], color=colors)
        ax.axhline(0, color="#555555", linewidth=0.8)
        names = [f"{s}·{p}" for s, p in zip(t.index, t["product"])]
        ax.set_xticks(x, names, rotation=90, fontsize=7)
        ax.set_xlabel(MSGS.label("x"))
        ax.set_ylabel(MSGS.label("y"))
        ax.set_title(MSGS("title", lo=lo, hi=hi), fontsize=10)
        return ax


def _band(band: Any) -> tuple[float, float]:
    try:
        lo, hi = (float(b) for b in band)
        ok = not any(isinstance(b, bool) for b in band) and -1 < lo <= 0 <= hi <= 1
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise BadSpecError(*MSGS.both("band", value=band), column="band")
    return lo, hi


def price_watch(prices: pd.DataFrame, *, suggested: float | Mapping[str, float] = SUGGESTED_PRICES,
                band: tuple[float, float] = (-0.1, 0.1), id_col: str = "store_id",
                product_col: str = "product") -> PriceResult:
    """Flag store prices outside the suggested retail price band.

    Parameters
    ----------
    prices : DataFrame
        One row per store and product: *id_col*, *product_col* (optional
        when *suggested* is one number), ``price``.
    suggested : float or mapping
        The suggested retail price, one number or ``{product: price}``.
    band : (float, float)
        Lower and upper deviation allowed, e.g. ``(-0.1, 0.1)`` = ±10 %.

    Returns
    -------
    PriceResult

    Raises
    ------
    kamlab.KamlabInputError
        Missing column, text or a price ≤ 0, a product with no suggested
        price, a repeated store-product, a bad band.

    Examples
    --------
    >>> res = price_watch(example_prices(), suggested=SUGGESTED_PRICES, band=(-0.1, 0.1))
    >>> res.abnormal[["product", "price", "status_code"]]
             product  price status_code
    store_id
    P06         止咳糖浆   19.5         low
    P10         清感颗粒   32.3         low
    P12          健胃片   23.4        high
    """
    require_table(prices, table="prices")
    lo, hi = _band(band)
    single = not isinstance(suggested, Mapping)
    require_columns(prices, [id_col, "price"] + ([] if single else [product_col]), table="prices")
    price = numeric_column(prices, "price", table="prices")
    not_negative(price, "price", table="prices", strict=True)
    has_product = product_col in prices.columns
    product = prices[product_col].astype(str).str.strip() if has_product else pd.Series("", index=prices.index)
    if single:
        ok = not isinstance(suggested, bool) and isinstance(suggested, (int, float)) and suggested > 0
        if not ok:
            raise BadSpecError(*MSGS.both("suggested", value=suggested), column="suggested")
        ref = pd.Series(float(suggested), index=prices.index)
    else:
        table = {str(k).strip(): v for k, v in suggested.items()}
        for k, v in table.items():
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not v > 0:
                raise BadSpecError(*MSGS.both("suggested", value={k: v}), column="suggested")
        ref = product.map(table).astype(float)
        if ref.isna().any():
            row = prices.index[ref.isna().to_numpy().argmax()]
            raise BadValueError(*MSGS.both("no_price", column=product_col, row=row, product=product.loc[row]),
                                column=product_col, row=row)
    keys = [id_col] + ([product_col] if has_product else [])
    no_duplicates(prices, keys, table="prices")
    low, high = ref * (1 + lo), ref * (1 + hi)
    eps = 1e-9
    code = np.where(price < low - eps, "low", np.where(price > high + eps, "high", "ok"))
    out = pd.DataFrame({
        "product": product.to_numpy(), "price": price.to_numpy(), "suggested": ref.to_numpy(),
        "deviation": (price / ref - 1).to_numpy(), "band_low": low.to_numpy(), "band_high": high.to_numpy(),
        "status_code": code, "status": [MSGS.label(c) for c in code],
    }, index=pd.Index(prices[id_col].astype(str).str.strip().to_numpy(), name=id_col))
    return PriceResult(table=out, band=(lo, hi))


def example_prices(variant: int = 0) -> pd.DataFrame:
    """A deterministic price survey: 12 stores × the 3 products of :data:`SUGGESTED_PRICES` (seeded).

    Most prices sit within ±5 % of the suggested price; three are planted
    outside: about −25 %, −15 % and +20 %.

    Examples
    --------
    >>> example_prices().shape
    (36, 3)
    """
    rng = np.random.default_rng(6300 + int(variant))
    stores = [f"P{i + 1:02d}" for i in range(12)]
    products = list(SUGGESTED_PRICES)
    ref = np.tile(np.array(list(SUGGESTED_PRICES.values())), len(stores))
    dev = rng.uniform(-0.05, 0.05, size=len(ref))
    planted = rng.choice(len(ref), size=3, replace=False)
    dev[planted] = [-0.25, -0.15, 0.2]
    return pd.DataFrame({"store_id": np.repeat(stores, len(products)), "product": products * len(stores),
                         "price": np.round(ref * (1 + dev), 1)})
