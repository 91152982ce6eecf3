"""Distribution checks (铺货管理): HQ category purchase, target-store distribution, new-product speed.

Seed 001 part 2, 一、铺货管理: the chain's HQ buys **every** category of
ours (100 %); **every** target store stocks the product (100 % distribution
rate) and non-target stores meet the requirement; a **new product** is
bought by the HQ within a month of its launch and is on the store shelves
within a week of the HQ purchase.

Over the store-month sell-out data, per group ``by`` (default the chain):

* ``hq_purchase_rate`` = our categories the HQ lists / our portfolio
  (only when ``hq_listed`` is given);
* ``distribution_rate`` = target stores stocked in ``month`` (default the
  latest month) / target stores; ``nontarget_distribution_rate`` the same
  over the other stores;
* **new product** (a simplification the monthly data forces): the product
  of the data is treated as launched in ``launch`` (default: the first
  month of the data).  The HQ purchase month (``hq_first_month``) is the
  first month any store of the group stocks it (a store can only stock
  what the HQ bought); it is on time when it is at most
  ``new_product_months`` months after the launch.  A week cannot be seen
  in monthly data, so "on the shelf within a week of the HQ purchase"
  becomes "first stocked in the HQ purchase month": ``on_time_shelf_rate``
  = target stores first stocked in ``hq_first_month`` / target stores.
* ``passed`` = every rate ≥ ``target`` and the HQ bought on time.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"store_id": ["S1", "S1", "S2", "S2", "S3", "S3"], "chain_id": "C1",
...                    "month": ["2026-01", "2026-02"] * 3, "is_target": [True] * 4 + [False] * 2,
...                    "stocked": [True, True, False, True, False, False]})
>>> res = distribution_check(df, hq_listed={"C1": ["感冒止咳", "肠胃消化"]},
...                          portfolio=["感冒止咳", "肠胃消化", "皮肤外用", "儿科用药"], target=0.9)
>>> res.table[["hq_purchase_rate", "distribution_rate", "on_time_shelf_rate", "passed"]]
          hq_purchase_rate  distribution_rate  on_time_shelf_rate  passed
chain_id
C1                     0.5                1.0                 0.5   False
>>> res.table.loc["C1", "hq_first_month"]
'2026-01'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._result import TableResult
from .._validate import require_columns, require_table
from ._common import bool_column, month_column, month_number, no_duplicates, text_column

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["PORTFOLIO", "DistributionResult", "distribution_check", "example_listing"]

#: Our product categories (品类): the HQ should buy all of them (seed: 100 % 采购厂家的品类).
PORTFOLIO: tuple[str, ...] = ("感冒止咳", "肠胃消化", "维矿补益", "皮肤外用", "慢病用药", "儿科用药")

MSGS = Messages({
    "title": ("铺货检查：总部品类采购率、目标门店铺货率、新品及时铺货率（达标线 {target:.0%}）",
              "Distribution check: HQ category purchase, target-store distribution, on-time shelving "
              "(target {target:.0%})"),
    "hq": ("总部品类采购率", "HQ category purchase rate"),
    "dist": ("目标门店铺货率", "Target-store distribution rate"),
    "shelf": ("新品及时铺货率", "On-time shelving rate"),
    "line": ("达标线", "Target"),
    "ylabel": ("比率", "Rate"),
    "target": ("达标线 target = {value!r} 不对：应是 0 到 1 之间的小数（1 = 100%）。",
               "target = {value!r} is invalid: use a fraction between 0 and 1 (1 = 100%)."),
    "months": ("new_product_months = {value!r} 不对：应是 0 到 12 之间的整数（月）。",
               "new_product_months = {value!r} is invalid: use a whole number of months from 0 to 12."),
    "no_month": ("月份 '{month}' 不在数据里。数据中的月份：{first} … {last}。",
                 "Month '{month}' is not in the data. The data covers {first} … {last}."),
    "listing": ("hq_listed 应是一个字典 {{连锁编号: [品类, ...]}}，收到的是 {got}。",
                "hq_listed must be a dict {{chain id: [category, ...]}}, got {got}."),
    "missing_chain": ("hq_listed 缺少 '{chain}' 的总部采购品类。请为数据里的每个{by}写上它采购的品类列表。",
                      "hq_listed has no entry for '{chain}'. List the categories bought for every {by} of the data."),
    "unknown_cat": ("hq_listed 中 '{chain}' 的品类 '{cat}' 不在我方品类清单里（{known}）。请改成清单里的品类。",
                    "hq_listed, '{chain}': category '{cat}' is not in our portfolio ({known}). Use a portfolio "
                    "category."),
    "portfolio": ("portfolio 应是非空的品类列表，且不重复。", "portfolio must be a non-empty list of distinct categories."),
})

_COLUMNS = ["target_stores", "stocked_target_stores", "distribution_rate", "nontarget_stores",
            "nontarget_stocked", "nontarget_distribution_rate", "hq_listed", "portfolio_size",
            "hq_purchase_rate", "hq_first_month", "hq_months_after_launch", "hq_on_time", "shelved_on_time",
            "on_time_shelf_rate", "target", "new_product_months", "passed"]


@dataclass(frozen=True, repr=False)
class DistributionResult(TableResult):
    """The outcome of :func:`distribution_check`.

    Attributes
    ----------
    table : DataFrame
        Index: the ``by`` column; columns as in the module docstring, plus the
        decisions ``target`` and ``new_product_months`` (so a recorded answer
        carries them).
    month, launch : str
        The month checked and the new product's launch month.
    """

    month: str = ""
    launch: str = ""

    @property
    def failing(self) -> list[str]:
        """The groups that do not pass, in table order."""
        return [str(i) for i in self.table.index[~self.table["passed"].to_numpy(dtype=bool)]]

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Grouped bars of the three rates per group with the target line.

        Examples
        --------
        >>> import kamlab as kl
        >>> sellout = kl.datasets.load("sellout")
        >>> distribution_check(sellout, hq_listed=example_listing(sellout)).plot().get_ylabel()
        '比率'
        """
        t = self.table
        fig, ax = new_axes(ax, figsize=(max(6.0, 1.2 * len(t) + 2), 4.2))
        x = np.arange(len(t))
        series = [("hq_purchase_rate", "hq", "#4C72B0"), ("distribution_rate", "dist", "#DD8452"),
                  ("on_time_shelf_rate", "shelf", "#55A868")]
        width = 0.26
        for i, (col, key, color) in enumerate(series):
            values = t[col].astype(float).fillna(0).to_numpy()
            ax.bar(x + (i - 1) * width, values, width, label=MSGS.label(key), color=color)
        target = float(t["target"].iloc[0]) if len(t) else 1.0
        ax.axhline(target, color="#C44E52", linestyle="--", linewidth=1, label=MSGS.label("line"))
        ax.set_xticks(x, [str(i) for i in t.index])
        ax.set_ylim(0, 1.15)
        ax.set_ylabel(MSGS.label("ylabel"))
        ax.set_title(MSGS("title", target=target), fontsize=10)
        ax.legend(fontsize=8, loc="lower right")
        return ax


def _number(value: Any, lo: float, hi: float, key: str, *, integer: bool = False) -> float:
    ok = not isinstance(value, bool) and isinstance(value, (int, float, np.integer, np.floating))
    if ok:
        ok = lo <= float(value) <= hi and (not integer or float(value).is_integer())
    if not ok:
        raise BadSpecError(*MSGS.both(key, value=value), column=key)
    return float(value)


def _portfolio(portfolio: Iterable[str]) -> tuple[str, ...]:
    items = tuple(str(p).strip() for p in portfolio) if not isinstance(portfolio, str) else ()
    if not items or len(set(items)) != len(items):
        raise BadSpecError(*MSGS.both("portfolio"), column="portfolio")
    return items


def _listing(hq_listed: Any, groups: Sequence[str], portfolio: tuple[str, ...], by: str) -> pd.Series:
    if not isinstance(hq_listed, Mapping):
        raise BadSpecError(*MSGS.both("listing", got=type(hq_listed).__name__), column="hq_listed")
    listed = {str(k).strip(): v for k, v in hq_listed.items()}
    counts = {}
    for g in groups:
        if g not in listed:
            raise BadValueError(*MSGS.both("missing_chain", chain=g, by=by), column="hq_listed", row=g)
        cats = listed[g]
        cats = [cats] if isinstance(cats, str) else list(cats)
        for c in cats:
            if str(c).strip() not in portfolio:
                raise BadValueError(*MSGS.both("unknown_cat", chain=g, cat=c, known="、".join(portfolio)),
                                    column="hq_listed", row=g)
        counts[g] = len({str(c).strip() for c in cats})
    return pd.Series(counts, dtype=float)


def distribution_check(sellout: pd.DataFrame, *, hq_listed: Mapping[str, Iterable[str]] | None = None,
                       new_product_months: int = 1, target: float = 1.0, portfolio: Iterable[str] = PORTFOLIO,
                       launch: str | None = None, month: str | None = None,
                       by: str = "chain_id") -> DistributionResult:
    """Check the seed's distribution standards per chain (or other group *by*).

    Parameters
    ----------
    sellout : DataFrame
        Store-month rows: ``store_id``, *by*, ``month`` (YYYY-MM),
        ``is_target``, ``stocked``.
    hq_listed : mapping, optional
        ``{group: [category, ...]}``: our categories each HQ buys.  Without
        it the HQ purchase rate is left empty and does not count in
        ``passed``.
    new_product_months : int
        The HQ should buy the new product within this many months of its
        launch (seed: 1).
    target : float
        Pass line of every rate (seed: 1.0 = 100 %).
    portfolio : iterable of str
        Our categories (default :data:`PORTFOLIO`).
    launch, month : str, optional
        Launch month of the new product (default the data's first month) and
        the month whose distribution is checked (default the latest).
    by : str
        The grouping column.

    Returns
    -------
    DistributionResult

    Raises
    ------
    kamlab.KamlabInputError
        A missing column, a bad month, a yes/no value that is neither, a
        repeated store-month, an unknown category or chain in *hq_listed*,
        a target outside [0, 1].

    Examples
    --------
    >>> import kamlab as kl
    >>> sellout = kl.datasets.load("sellout")
    >>> res = distribution_check(sellout, hq_listed=example_listing(sellout), target=0.8)
    >>> res.failing
    ['C09', 'C16', 'C21', 'C30', 'C32']
    >>> float(round(res.table.loc["C30", "distribution_rate"], 3))
    0.541
    """
    require_table(sellout, table="sellout")
    require_columns(sellout, ["store_id", by, "month", "is_target", "stocked"], table="sellout")
    target = _number(target, 0, 1, "target")
    months_ok = _number(new_product_months, 0, 12, "months", integer=True)
    portfolio = _portfolio(portfolio)
    df = pd.DataFrame({
        "store_id": text_column(sellout["store_id"]),
        "group": text_column(sellout[by]),
        "month": month_column(sellout, "month", table="sellout"),
        "is_target": bool_column(sellout, "is_target", table="sellout"),
        "stocked": bool_column(sellout, "stocked", table="sellout"),
    }, index=sellout.index)
    no_duplicates(df.assign(store_id=sellout["store_id"])[["store_id", "month"]], ["store_id", "month"],
                  table="sellout")
    known = sorted(df["month"].unique())
    for name, value in (("month", month), ("launch", launch)):
        if value is not None and str(value).strip() not in known:
            raise BadValueError(*MSGS.both("no_month", month=value, first=known[0], last=known[-1]),
                                column="month")
    month = str(month).strip() if month is not None else known[-1]
    launch = str(launch).strip() if launch is not None else known[0]

    cur = df[df["month"] == month]
    tgt = cur["is_target"]
    grouped = pd.DataFrame({
        "target_stores": tgt, "stocked_target_stores": tgt & cur["stocked"],
        "nontarget_stores": ~tgt, "nontarget_stocked": ~tgt & cur["stocked"],
    }).groupby(cur["group"]).sum().astype("int64")
    groups = sorted(df["group"].unique())
    out = grouped.reindex(groups, fill_value=0)
    out.index.name = by
    with np.errstate(divide="ignore", invalid="ignore"):
        out["distribution_rate"] = out["stocked_target_stores"] / out["target_stores"].replace(0, np.nan)
        out["nontarget_distribution_rate"] = out["nontarget_stocked"] / out["nontarget_stores"].replace(0, np.nan)

    if hq_listed is not None:
        out["hq_listed"] = _listing(hq_listed, groups, portfolio, by).reindex(groups).to_numpy()
        out["portfolio_size"] = float(len(portfolio))
        out["hq_purchase_rate"] = out["hq_listed"] / out["portfolio_size"]
    else:
        out["hq_listed"] = np.nan
        out["portfolio_size"] = float(len(portfolio))
        out["hq_purchase_rate"] = np.nan

    # First stocked month per store and per group, on integer month codes (fast group minimum).
    code = pd.Series(np.searchsorted(np.array(known, dtype=object), df["month"].to_numpy(dtype=object)),
                     index=df.index)
    stocked = df["stocked"].to_numpy()
    months_arr = np.array(known, dtype=object)
    fs_codes = code[stocked].groupby(df.loc[stocked, "store_id"]).min()
    first_store = pd.Series(months_arr[fs_codes.to_numpy()], index=fs_codes.index, dtype=object)
    hq_min = code[stocked].groupby(df.loc[stocked, "group"]).min().reindex(groups)
    hq_first = pd.Series(np.where(hq_min.notna(), months_arr[hq_min.fillna(0).astype(int).to_numpy()], None),
                         index=hq_min.index, dtype=object)
    hq_first[hq_min.isna()] = np.nan
    out["hq_first_month"] = hq_first.to_numpy(dtype=object)
    has = hq_first.notna().to_numpy()
    lag = np.full(len(groups), np.nan)
    if has.any():
        lag[has] = month_number(hq_first[has].astype(str)) - month_number(pd.Series([launch]))[0]
    out["hq_months_after_launch"] = lag
    out["hq_on_time"] = has & (np.nan_to_num(lag, nan=np.inf) <= months_ok)
    # Target stores (as of the month checked) first stocked in the HQ purchase month.
    cur_t = cur[tgt]
    first = cur_t["store_id"].map(first_store)
    on_time = (first.to_numpy(dtype=object) == cur_t["group"].map(hq_first).to_numpy(dtype=object)) & first.notna().to_numpy()
    out["shelved_on_time"] = pd.Series(on_time, index=cur_t.index).groupby(cur_t["group"]).sum() \
        .reindex(groups, fill_value=0).astype("int64").to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        out["on_time_shelf_rate"] = out["shelved_on_time"] / out["target_stores"].replace(0, np.nan)
    out["target"] = target
    out["new_product_months"] = int(months_ok)
    eps = 1e-12
    ok = (out["distribution_rate"].fillna(0) >= target - eps) & out["hq_on_time"] \
        & (out["on_time_shelf_rate"].fillna(0) >= target - eps)
    if hq_listed is not None:
        ok &= out["hq_purchase_rate"] >= target - eps
    out["passed"] = ok.astype(bool)
    return DistributionResult(table=out[_COLUMNS], month=month, launch=launch)


def example_listing(sellout: pd.DataFrame, variant: int = 0, *, by: str = "chain_id") -> dict[str, list[str]]:
    """A deterministic example of the categories each HQ buys (seeded by *variant*).

    Most HQs buy all six categories; one chain (drawn by the seed) buys only
    three, another five.

    Examples
    --------
    >>> import kamlab as kl
    >>> listing = example_listing(kl.datasets.load("sellout"))
    >>> len(listing), sorted(len(v) for v in listing.values())[:3]
    (36, [3, 5, 6])
    """
    require_columns(sellout, [by], table="sellout")
    groups = sorted(sellout[by].astype(str).str.strip().unique())
    rng = np.random.default_rng(7100 + int(variant))
    short = rng.choice(len(groups), size=min(2, len(groups)), replace=False)
    sizes = np.full(len(groups), len(PORTFOLIO))
    sizes[short[0]] = 3
    if len(short) > 1:
        sizes[short[1]] = 5
    return {g: list(PORTFOLIO[:n]) for g, n in zip(groups, sizes)}
