"""Goal decomposition: split a total across dimensions (shares) or into multiplicative drivers."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError
from .._i18n import Messages, localized
from .._plotting import new_axes, styled
from .._result import TableResult
from ._common import TOL, as_mapping, is_number

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["Decomposition", "decompose", "DIMENSIONS", "DRIVERS"]

#: Dimensions a goal is split along (the seed's 产品线 and 时间段, and where the goal is sold):
#: name -> (中文, English, the variables of :data:`DRIVERS` that move a part zh, en).  They are not the
#: seed's 五维: those are the five drivers.
DIMENSIONS: dict[str, tuple[str, str, str, str]] = {
    "category": ("品类", "category", "铺货率 × 单店产出", "distribution × sales per store"),
    "quarter": ("季度", "quarter", "季节性 × 促销节奏", "seasonality × promotion calendar"),
    "month": ("月份", "month", "季节性 × 促销节奏", "seasonality × promotion calendar"),
    "region": ("区域", "region", "覆盖门店数 × 单店产出", "stores covered × sales per store"),
    "account": ("客户", "account", "客户数 × 单客产出", "accounts × sales per account"),
    "store": ("门店", "store", "动销率 × 单店销量", "sell-through × units per store"),
    "people": ("人员", "people", "人员数 × 人均产出", "headcount × sales per person"),
}
#: The 五维 of the seed's 五维漏斗 / 五维分解 (seed 003 stage 2), the variables of "各指标之间的逻辑关系":
#: sales = stores × distribution × sell-through × units per store × price; name -> (中文, English,
#: the countermeasure zh, en).  The seed names the funnel and the decomposition without listing their
#: dimensions; the course takes these five, in the seed's execution terms (零售覆盖, 铺货, 店内表现/动销,
#: 售点销售, 价格).
DRIVERS: dict[str, tuple[str, str, str, str]] = {
    "stores": ("门店数", "stores", "开发新门店、扩大覆盖", "open and cover more stores"),
    "distribution": ("铺货率", "distribution rate", "补铺货、新品按时进店", "fill distribution gaps, list new items"),
    "sell_through": ("动销率", "sell-through rate", "陈列、店员推荐、促销", "display, clerk recommendation, promotion"),
    "units_per_store": ("单店销量", "units per selling store", "顾客教育、关联销售、促销",
                        "consumer education, linked sales, promotion"),
    "price": ("单价", "price per unit", "产品组合与价格管理", "product mix and price management"),
}

MSGS = Messages({
    "total": ("总目标 total 应是一个正数，收到的是 {value!r}。", "total must be a positive number, got {value!r}."),
    "number": ("{dim} 里「{part}」的值不是非负数字（{value!r}）：请写一个数字（份额写小数，如 0.25）。",
               "{dim}: the value of '{part}' is not a non-negative number ({value!r}); write a number "
               "(a share as a fraction, e.g. 0.25)."),
    "empty": ("{dim} 里没有任何部分：至少写两项。", "{dim} has no parts: write at least two."),
    "percent": ("{dim} 的份额加起来是 {s:g}，像是百分数：请写成小数（0.25 而不是 25），合计为 1。",
                "{dim}: the shares add up to {s:g}, which looks like percentages; write fractions (0.25, not 25) "
                "adding up to 1."),
    "sum": ("{dim} 的各部分加起来对不上总目标：份额合计 {s:.4g}（应为 1），或金额合计 {amount:,.2f}（应为 {total:,.2f}），"
            "差 {gap:+,.2f}。请调整各部分，使它们加起来等于总目标（容差 {tol:.1%}）。",
            "{dim}: the parts do not add up to the total: shares sum to {s:.4g} (should be 1), or amounts to "
            "{amount:,.2f} (should be {total:,.2f}), off by {gap:+,.2f}. Adjust the parts so they add up to the "
            "total (tolerance {tol:.1%})."),
    "product": ("各驱动因素相乘得 {product:,.2f}，和总目标 {total:,.2f} 差 {gap:+,.2f}（容差 {tol:.1%}）："
                "请调整驱动因素的目标值。",
                "The drivers multiply to {product:,.2f}, off the total {total:,.2f} by {gap:+,.2f} "
                "(tolerance {tol:.1%}): adjust the drivers' targets."),
    "driver": ("不认识的驱动因素 {part!r}：请用 {known}。", "Unknown driver {part!r}: use {known}."),
    "baseline": ("baseline 缺少驱动因素 {part!r} 的基期值，或它不是正数。",
                 "baseline lacks a positive base value for driver {part!r}."),
    "by": ("by 应是维度名称（如 \"category\"）或名称列表（如 [\"category\", \"quarter\"]），收到的是 {value!r}。",
           "by must be a dimension name (e.g. \"category\") or a list of names (e.g. [\"category\", \"quarter\"]), "
           "got {value!r}."),
    "missing_dim": ("按多个维度分解时，parts 要按维度给出：缺少 {dim!r}。",
                    "With several dimensions, give parts per dimension: {dim!r} is missing."),
    "title": ("目标分解：总目标 {total:,.0f}", "Goal decomposition: total {total:,.0f}"),
    "title_drivers": ("目标分解：驱动因素的变化（相对基期）", "Goal decomposition: change of each driver vs base"),
    "target": ("目标", "target"),
    "change": ("变化", "change"),
})


def _dim_label(dim: str) -> str:
    info = DIMENSIONS.get(dim)
    if info is None:
        return dim
    return localized(info[0], info[1])


@dataclass(frozen=True)
class Decomposition(TableResult):
    """A goal split into parts that add up (or drivers that multiply) to the total.

    Attributes
    ----------
    table : DataFrame
        Shares: one row per (dimension, part) with ``share``, ``target`` and
        ``mover`` (the variable that moves the part).  Drivers: one row per
        driver with ``value``, ``baseline``, ``change``, ``share_of_growth``,
        ``mover`` and ``lever`` (the countermeasure).
    total : float
    kind : {"shares", "drivers"}
    dimensions : tuple of str
    """

    total: float
    kind: str
    dimensions: tuple[str, ...]

    def targets(self, dimension: str | None = None) -> dict[str, float]:
        """``{part: target}`` of *dimension* (default: the first), rounded to 2 decimals.

        Examples
        --------
        >>> decompose(100, {"A": 0.6, "B": 0.4}).targets()
        {'A': 60.0, 'B': 40.0}
        """
        dim = dimension or self.dimensions[0]
        part = self.table[self.table["dimension"] == dim]
        column = "target" if self.kind == "shares" else "value"
        return {str(k): round(float(v), 2) for k, v in zip(part["part"], part[column])}

    def grid(self, rows: str, columns: str) -> pd.DataFrame:
        """The cross table of two dimensions: target of every (row part, column part) = total × share × share.

        Examples
        --------
        >>> d = decompose(100, {"category": {"A": 0.6, "B": 0.4}, "quarter": {"Q1": 0.5, "Q2": 0.5}},
        ...               by=["category", "quarter"])
        >>> d.grid("category", "quarter")
        quarter    Q1    Q2
        category
        A        30.0  30.0
        B        20.0  20.0
        """
        t = self.table
        r, c = t[t["dimension"] == rows], t[t["dimension"] == columns]
        values = self.total * np.outer(r["share"].to_numpy(), c["share"].to_numpy())
        return pd.DataFrame(values, index=pd.Index(r["part"].to_list(), name=rows),
                            columns=pd.Index(c["part"].to_list(), name=columns)).round(2)

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Shares: one bar per part, grouped by dimension.  Drivers: the change of each driver vs its base."""
        t = self.table
        fig, ax = new_axes(ax, figsize=(8.0, 0.45 * len(t) + 1.8))
        if self.kind == "drivers":
            labels = [localized(f"{p}（{m}）", f"{p} ({m})") for p, m in zip(t["part"], t["mover"])]
            values = t["change"].fillna(0.0).to_numpy()
            ax.barh(labels, values, color=["#4c8cbf" if v >= 0 else "#d9534f" for v in values])
            for y, v in enumerate(values):
                ax.text(v, y, f" {v:+.1%}", va="center", fontsize=9)
            ax.axvline(0, color="#555555", lw=0.8)
            ax.set_xlabel(MSGS("change"))
            ax.set_title(MSGS("title_drivers"))
        else:
            labels = [localized(f"{_dim_label(d)}：{p}", f"{_dim_label(d)}: {p}")
                      for d, p in zip(t["dimension"], t["part"])]
            colours = [f"C{self.dimensions.index(d)}" for d in t["dimension"]]
            ax.barh(labels, t["target"], color=colours)
            for y, (v, s) in enumerate(zip(t["target"], t["share"])):
                ax.text(v, y, localized(f" {v:,.0f}（{s:.0%}）", f" {v:,.0f} ({s:.0%})"), va="center", fontsize=9)
            ax.set_xlabel(MSGS("target"))
            ax.set_title(MSGS("title", total=self.total))
        ax.invert_yaxis()
        return ax


def _check_total(total: Any) -> float:
    if not is_number(total) or float(total) <= 0:
        zh, en = MSGS.both("total", value=total)
        raise BadValueError(zh, en, column="total")
    return float(total)


def _shares(total: float, dim: str, parts: Any, tol: float) -> tuple[list[str], np.ndarray]:
    parts = as_mapping(parts, dim, "{部分: 份额或金额}", "{part: share or amount}")
    if not parts:
        raise BadSpecError(*MSGS.both("empty", dim=dim), column=dim)
    names = [str(k) for k in parts]
    for k, v in parts.items():
        if not is_number(v) or float(v) < 0:
            raise BadValueError(*MSGS.both("number", dim=dim, part=k, value=v), column=dim, row=str(k))
    values = np.array([float(v) for v in parts.values()])
    s = float(values.sum())
    if math.isclose(s, 1.0, rel_tol=0, abs_tol=tol):
        return names, values / s
    if math.isclose(s, total, rel_tol=tol):
        return names, values / s
    if math.isclose(s, 100.0, rel_tol=0, abs_tol=100 * tol):
        raise BadValueError(*MSGS.both("percent", dim=dim, s=s), column=dim)
    share_sum = s if s <= 2 else s / total
    amount = s if s > 2 else s * total
    raise BadValueError(*MSGS.both("sum", dim=dim, s=share_sum, amount=amount, total=total, gap=amount - total,
                                   tol=tol), column=dim)


def decompose(total: float | None, parts: Mapping[str, Any], *, by: str | Sequence[str] = "category",
              movers: Mapping[str, str] | None = None, baseline: Mapping[str, float] | None = None,
              tol: float = TOL) -> Decomposition:
    """Split a goal across dimensions, or into drivers, and check that the parts add up.

    Parameters
    ----------
    total : float or None
        The goal (e.g. next year's sales).  ``None`` only with drivers (the
        total is then their product).
    parts : dict
        One dimension (``by="category"``): ``{part: share}`` with shares
        adding up to 1, or ``{part: amount}`` adding up to *total*.  Several
        dimensions (``by=["category", "quarter"]``): ``{dimension: {part:
        share or amount}}``, each adding up on its own.  Drivers
        (``by="drivers"``): ``{driver: target value}`` among
        :data:`DRIVERS`, whose product must equal *total*.
    by : str or list of str
        Dimension name(s) (:data:`DIMENSIONS` gives known ones a Chinese
        label and their mover), or ``"drivers"``.
    movers : dict, optional
        ``{part: variable}``: the variable that moves a part, instead of the
        dimension's default.
    baseline : dict, optional
        Drivers only: each driver's base value; the table then shows each
        driver's change and its share of the growth (log shares, adding up
        to 1).
    tol : float
        Tolerance of the add-up check: absolute on shares (sum within
        1 ± tol), relative on amounts and on the drivers' product.

    Returns
    -------
    Decomposition

    Raises
    ------
    kamlab.BadValueError
        A total that is not a positive number; a part that is not a
        non-negative number (naming dimension and part); parts that do not
        add up (naming the dimension, the sum and the gap); percentages
        instead of fractions; drivers whose product misses the total.
    kamlab.BadSpecError
        ``by`` of the wrong form, an unknown driver, a dimension missing.

    Examples
    --------
    >>> d = decompose(1000, {"感冒止咳": 0.3, "慢病用药": 0.5, "皮肤外用": 0.2})
    >>> d.table
      dimension  part  share  target            mover
    0  category  感冒止咳    0.3   300.0  铺货率 × 单店产出
    1  category  慢病用药    0.5   500.0  铺货率 × 单店产出
    2  category  皮肤外用    0.2   200.0  铺货率 × 单店产出
    >>> d = decompose(None, {"stores": 300, "distribution": 0.9, "sell_through": 0.8, "units_per_store": 50},
    ...               by="drivers", baseline={"stores": 300, "distribution": 0.8, "sell_through": 0.8,
    ...                                       "units_per_store": 50})
    >>> d.total, d.table.loc[d.table["share_of_growth"] > 0, "part"].tolist()
    (10800.0, ['distribution'])
    """
    if isinstance(by, str) and by == "drivers":
        return _drivers(total, parts, baseline, tol)
    dims = [by] if isinstance(by, str) else list(by) if isinstance(by, (list, tuple)) else None
    if not dims or not all(isinstance(d, str) and d for d in dims):
        raise BadSpecError(*MSGS.both("by", value=by), column="by")
    total_f = _check_total(total)
    parts = as_mapping(parts, "parts", "{部分: 份额}", "{part: share}")
    if len(dims) > 1:
        for d in dims:
            if d not in parts:
                raise BadSpecError(*MSGS.both("missing_dim", dim=d), column=d)
    movers = dict(movers or {})
    frames = []
    for d in dims:
        names, shares = _shares(total_f, d, parts[d] if len(dims) > 1 else parts, tol)
        info = DIMENSIONS.get(d)
        default = localized(info[2], info[3]) if info else ""
        frames.append(pd.DataFrame({"dimension": d, "part": names, "share": shares.round(6),
                                    "target": (total_f * shares).round(2),
                                    "mover": [movers.get(n, default) for n in names]}))
    table = pd.concat(frames, ignore_index=True)
    return Decomposition(table=table, total=total_f, kind="shares", dimensions=tuple(dims))


def _drivers(total: Any, parts: Any, baseline: Any, tol: float) -> Decomposition:
    parts = as_mapping(parts, "drivers", "{驱动因素: 目标值}", "{driver: target value}")
    known = ", ".join(DRIVERS)
    for k, v in parts.items():
        if k not in DRIVERS:
            raise BadSpecError(*MSGS.both("driver", part=k, known=known), column="drivers", row=str(k))
        if not is_number(v) or float(v) <= 0:
            raise BadValueError(*MSGS.both("number", dim="drivers", part=k, value=v), column="drivers", row=str(k))
    if not parts:
        raise BadSpecError(*MSGS.both("empty", dim="drivers"), column="drivers")
    names = list(parts)
    values = np.array([float(parts[k]) for k in names])
    product = float(np.prod(values))
    if total is None:
        total_f = product
    else:
        total_f = _check_total(total)
        if not math.isclose(product, total_f, rel_tol=tol):
            raise BadValueError(*MSGS.both("product", product=product, total=total_f, gap=product - total_f, tol=tol),
                                column="drivers")
    base = np.full(len(names), np.nan)
    if baseline is not None:
        baseline = as_mapping(baseline, "baseline", "{驱动因素: 基期值}", "{driver: base value}")
        for i, k in enumerate(names):
            b = baseline.get(k)
            if not is_number(b) or float(b) <= 0:
                raise BadValueError(*MSGS.both("baseline", part=k), column="baseline", row=k)
            base[i] = float(b)
    logs = np.log(values / base)
    total_log = float(np.nansum(logs))
    share = logs / total_log if baseline is not None and total_log != 0 else np.full(len(names), np.nan)
    table = pd.DataFrame({
        "dimension": "drivers", "part": names, "value": values, "baseline": base,
        "change": (values / base - 1).round(6), "share_of_growth": np.round(share, 6),
        "mover": [localized(DRIVERS[k][0], DRIVERS[k][1]) for k in names],
        "lever": [localized(DRIVERS[k][2], DRIVERS[k][3]) for k in names]})
    return Decomposition(table=table, total=round(total_f, 6), kind="drivers", dimensions=("drivers",))
