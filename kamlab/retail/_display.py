"""Display management (陈列管理): facing share vs market share, and the five display principles.

Seed 001 part 2, 二、陈列管理.  **Facings** (陈列面): per store, our share of
the category's facings against our share of the category's sales:

* ``facing_share`` = our_facings / total_facings;
* ``market_share`` = our_sales / category_sales;
* ``fair_share_index`` = facing_share / market_share (1 = the shelf matches
  what we sell; ``inf`` when we sell nothing);
* ``status``: 陈列不足 under-exposed when the index < 1 − tolerance, 陈列过度
  over-exposed when > 1 + tolerance, else 合理 fair;
* ``fair_facings`` = market_share × total_facings (rounded) and
  ``facings_gap`` = fair_facings − our_facings (facings to win back).

**Store audit** against the seed's five display principles
(:data:`DISPLAY_PRINCIPLES`): each scored 0 (not met), 1 (partly) or 2
(met); ``score`` = Σ / 10 × 100, ``weakest`` = the first principle with
the lowest score, ``passed`` = score ≥ ``pass_mark`` (default 80).

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"store_id": ["D1", "D2"], "our_facings": [2, 6], "total_facings": [20, 20],
...                    "our_sales": [2000, 3000], "category_sales": [10000, 10000]})
>>> facings(df).table[["facing_share", "market_share", "fair_share_index", "status_code", "facings_gap"]]
          facing_share  market_share  fair_share_index status_code  facings_gap
store_id
D1                 0.1           0.2               0.5       under            2
D2                 0.3           0.3               1.0        fair            0
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
from .._validate import numeric_column, require_columns, require_table, require_unique
from ._common import label, not_negative

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["FacingsResult", "facings", "example_facings", "DISPLAY_PRINCIPLES", "AuditResult",
           "display_audit"]

#: The seed's five display principles (药店陈列五大原则): key -> (中文, English).
DISPLAY_PRINCIPLES: dict[str, tuple[str, str]] = {
    "best_position": ("最佳位置 + 最佳高度", "Best position + best height"),
    "full_shelf": ("货架饱满 + 合理分配", "Full shelf + fair allocation"),
    "fifo_tidy": ("先进先出 + 整洁摆放", "First in, first out + tidy"),
    "pop_price_tag": ("售点广告 + 价签明显", "Point-of-sale material + clear price tags"),
    "grouped_better": ("产品集中 + 优于同类", "Products grouped + better than competitors"),
}

MSGS = Messages({
    "under": ("陈列不足", "under-exposed"),
    "fair": ("合理", "fair"),
    "over": ("陈列过度", "over-exposed"),
    "title": ("陈列面占比 vs 销售占比（对角线 = 公平份额，阴影 ±{tol:.0%}）",
              "Facing share vs market share (diagonal = fair share, band ±{tol:.0%})"),
    "x": ("销售占比（我方 / 品类）", "Market share (ours / category)"),
    "y": ("陈列面占比（我方 / 品类）", "Facing share (ours / category)"),
    "over_total": ("表 facings 第 {row} 行：our_facings = {ours:g} 大于 total_facings = {total:g}。我方陈列面不能多于品类总陈列面。",
                   "Table facings, row {row}: our_facings = {ours:g} is more than total_facings = {total:g}. "
                   "Our facings cannot exceed the category's."),
    "over_sales": ("表 facings 第 {row} 行：our_sales = {ours:g} 大于 category_sales = {total:g}。我方销售额不能多于品类销售额。",
                   "Table facings, row {row}: our_sales = {ours:g} is more than category_sales = {total:g}. "
                   "Our sales cannot exceed the category's."),
    "tolerance": ("tolerance = {value!r} 不对：应是 0 到 1 之间的小数，例如 0.2。",
                  "tolerance = {value!r} is invalid: use a fraction between 0 and 1, e.g. 0.2."),
    "audit_title": ("门店陈列五大原则检查（满分 100，达标线 {mark:g}）",
                    "Store audit on the five display principles (max 100, pass mark {mark:g})"),
    "audit_y": ("得分", "Score"),
    "audit_kind": ("checklist 应是一个表格（每行一家门店）或一个字典 {{原则: 0/1/2}}，收到的是 {got}。",
                   "checklist must be a table (one row per store) or a dict {{principle: 0/1/2}}, got {got}."),
    "audit_score": ("表 checklist 列 '{column}' 第 {row} 行的值 {value!r} 不对：每条原则只能打 0（未做到）、1（部分做到）或 2（做到）。",
                    "Table checklist, column '{column}', row {row}: value {value!r} is invalid: score each "
                    "principle 0 (not met), 1 (partly) or 2 (met)."),
})


def _status(index: np.ndarray, tol: float) -> np.ndarray:
    return np.where(index < 1 - tol - 1e-12, "under", np.where(index > 1 + tol + 1e-12, "over", "fair"))


@dataclass(frozen=True, repr=False)
class FacingsResult(TableResult):
    """The outcome of :func:`facings`; ``table`` indexed by store.

    Columns: ``our_facings``, ``total_facings``, ``facing_share``,
    ``market_share``, ``fair_share_index``, ``status_code``
    (under / fair / over), ``status`` (label), ``fair_facings``,
    ``facings_gap``, ``tolerance``.
    """

    tolerance: float = 0.2

    @property
    def under_exposed(self) -> list[str]:
        """Stores where our facings fall short of our market share."""
        return [str(i) for i in self.table.index[self.table["status_code"] == "under"]]

    @property
    def over_exposed(self) -> list[str]:
        """Stores where our facings exceed our market share."""
        return [str(i) for i in self.table.index[self.table["status_code"] == "over"]]

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Scatter of facing share against market share with the fair-share diagonal and band.

        Examples
        --------
        >>> facings(example_facings()).plot().get_xlabel()
        '销售占比（我方 / 品类）'
        """
        t = self.table
        fig, ax = new_axes(ax, figsize=(6.0, 5.0))
        top = float(max(t["facing_share"].max(), t["market_share"].max(), 0.05)) * 1.15
        grid = np.linspace(0, top, 50)
        tol = self.tolerance
        ax.fill_between(grid, grid * (1 - tol), grid * (1 + tol), color="#CCCCCC", alpha=0.5)
        ax.plot(grid, grid, color="#555555", linewidth=1)
        colors = {"under": "#C44E52", "fair": "#55A868", "over": "#4C72B0"}
        for code in ("under", "fair", "over"):
            part = t[t["status_code"] == code]
            if len(part):
                ax.scatter(part["market_share"], part["facing_share"], color=colors[code],
                           label=MSGS.label(code), zorder=3)
        for sid, row in t.iterrows():  # one label per store (a handful of points)
            ax.annotate(str(sid), (row["market_share"], row["facing_share"]), fontsize=8,
                        xytext=(3, 3), textcoords="offset points")
        ax.set_xlim(0, top)
        ax.set_ylim(0, top)
        ax.set_xlabel(MSGS.label("x"))
        ax.set_ylabel(MSGS.label("y"))
        ax.set_title(MSGS("title", tol=tol), fontsize=10)
        ax.legend(fontsize=8, loc="upper left")
        return ax


def facings(df: pd.DataFrame, *, tolerance: float = 0.2, id_col: str = "store_id") -> FacingsResult:
    """Facing share, market share and fair-share index per store.

    Parameters
    ----------
    df : DataFrame
        One row per store: *id_col*, ``our_facings``, ``total_facings``,
        ``our_sales``, ``category_sales``.
    tolerance : float
        Band around a fair-share index of 1 counted as fair (0.2: 0.8–1.2).
    id_col : str
        The store id column.

    Returns
    -------
    FacingsResult

    Raises
    ------
    kamlab.KamlabInputError
        Missing column, text in a number column, a negative count, zero
        category facings or sales, ours above the category total, a
        repeated store, a tolerance outside (0, 1).

    Examples
    --------
    >>> res = facings(example_facings(), tolerance=0.2)
    >>> res.under_exposed, res.over_exposed
    (['D01', 'D02', 'D05', 'D06'], ['D03', 'D07'])
    """
    require_table(df, table="facings")
    cols = ["our_facings", "total_facings", "our_sales", "category_sales"]
    require_columns(df, [id_col, *cols], table="facings")
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not 0 <= tolerance < 1:
        raise BadSpecError(*MSGS.both("tolerance", value=tolerance), column="tolerance")
    require_unique(df, id_col, table="facings")
    v = {c: numeric_column(df, c, table="facings") for c in cols}
    for c in ("our_facings", "our_sales"):
        not_negative(v[c], c, table="facings")
    for c in ("total_facings", "category_sales"):
        not_negative(v[c], c, table="facings", strict=True)
    for ours, total, key in (("our_facings", "total_facings", "over_total"), ("our_sales", "category_sales", "over_sales")):
        bad = v[ours] > v[total]
        if bad.any():
            row = df.index[bad.to_numpy().argmax()]
            raise BadValueError(*MSGS.both(key, row=row, ours=v[ours].loc[row], total=v[total].loc[row]),
                                column=ours, row=row)
    fs = (v["our_facings"] / v["total_facings"]).to_numpy()
    ms = (v["our_sales"] / v["category_sales"]).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        index = np.where(ms > 0, fs / np.where(ms > 0, ms, 1), np.inf)
    code = _status(index, float(tolerance))
    fair = np.rint(ms * v["total_facings"].to_numpy())
    out = pd.DataFrame({
        "our_facings": v["our_facings"].to_numpy(), "total_facings": v["total_facings"].to_numpy(),
        "facing_share": fs, "market_share": ms, "fair_share_index": index, "status_code": code,
        "status": [MSGS.label(c) for c in code], "fair_facings": fair.astype("int64"),
        "facings_gap": (fair - v["our_facings"].to_numpy()).astype("int64"), "tolerance": float(tolerance),
    }, index=pd.Index(df[id_col].astype(str).str.strip().to_numpy(), name=id_col))
    return FacingsResult(table=out, tolerance=float(tolerance))


def example_facings(variant: int = 0) -> pd.DataFrame:
    """A deterministic store shelf survey of 8 stores in the 感冒止咳 category (seeded by *variant*).

    Examples
    --------
    >>> example_facings().head(3)
      store_id category  our_facings  total_facings  our_sales  category_sales
    0      D01     感冒止咳            3             22      15500           52200
    1      D02     感冒止咳            2             23       6600           41100
    2      D03     感冒止咳            7             20      13300           58600
    """
    rng = np.random.default_rng(5200 + int(variant))
    n = 8
    total = rng.integers(18, 36, size=n)
    ms = rng.uniform(0.1, 0.3, size=n)
    factor = rng.choice([0.5, 0.65, 0.95, 1.0, 1.05, 1.5, 1.7], size=n)
    ours = np.clip(np.rint(total * ms * factor), 1, None).astype(int)
    cat = np.rint(rng.uniform(20000, 60000, size=n) / 100) * 100
    our_sales = np.rint(cat * ms / 100) * 100
    return pd.DataFrame({"store_id": [f"D{i + 1:02d}" for i in range(n)], "category": "感冒止咳",
                         "our_facings": ours, "total_facings": total.astype(int),
                         "our_sales": our_sales.astype(int), "category_sales": cat.astype(int)})


@dataclass(frozen=True, repr=False)
class AuditResult(TableResult):
    """The outcome of :func:`display_audit`: one row per store, a column per principle, score, weakest."""

    pass_mark: float = 80.0

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Bars of the audit score per store with the pass mark.

        Examples
        --------
        >>> display_audit({k: 2 for k in DISPLAY_PRINCIPLES}).plot().get_ylabel()
        '得分'
        """
        t = self.table
        fig, ax = new_axes(ax, figsize=(max(5.0, 0.8 * len(t) + 2), 3.8))
        colors = np.where(t["passed"].to_numpy(dtype=bool), "#55A868", "#C44E52")
        ax.bar([str(i) for i in t.index], t["score"], color=colors)
        ax.axhline(self.pass_mark, color="#555555", linestyle="--", linewidth=1)
        ax.set_ylim(0, 105)
        ax.set_ylabel(MSGS.label("audit_y"))
        ax.set_title(MSGS("audit_title", mark=self.pass_mark), fontsize=10)
        return ax


def display_audit(checklist: pd.DataFrame | Mapping[str, int], *, id_col: str = "store_id",
                  pass_mark: float = 80.0) -> AuditResult:
    """Score store audits against the five display principles (0 / 1 / 2 each).

    Parameters
    ----------
    checklist : DataFrame or dict
        One row per audited store: *id_col* and one column per key of
        :data:`DISPLAY_PRINCIPLES` (a table, or a dict of equal-length
        lists); or one store's ``{principle: score}``.
    pass_mark : float
        Score (0–100) a store needs to pass.

    Examples
    --------
    >>> audit = display_audit({"best_position": 2, "full_shelf": 1, "fifo_tidy": 2,
    ...                        "pop_price_tag": 0, "grouped_better": 2})
    >>> audit.table[["score", "weakest", "passed"]]
              score        weakest  passed
    store_id
    门店                70.0  pop_price_tag   False
    """
    if isinstance(checklist, Mapping):
        columns = dict(checklist)
        if columns and all(isinstance(v, (list, tuple)) for v in columns.values()):
            try:
                checklist = pd.DataFrame(columns)   # several stores: {column: [values ...]}
            except ValueError:
                raise BadValueError(*MSGS.both("audit_kind", got="dict"), column="checklist") from None
        else:
            checklist = pd.DataFrame([{id_col: label(("门店", "store")), **columns}])
    if not isinstance(checklist, pd.DataFrame):
        raise BadValueError(*MSGS.both("audit_kind", got=type(checklist).__name__), column="checklist")
    require_table(checklist, table="checklist")
    keys = list(DISPLAY_PRINCIPLES)
    require_columns(checklist, [id_col, *keys], table="checklist")
    require_unique(checklist, id_col, table="checklist")
    scores = {}
    for k in keys:
        raw = checklist[k]
        num = pd.to_numeric(raw, errors="coerce")
        bad = ~num.isin([0, 1, 2]) | raw.map(lambda x: isinstance(x, bool))
        if bad.any():
            row = checklist.index[bad.to_numpy().argmax()]
            raise BadValueError(*MSGS.both("audit_score", column=k, row=row, value=raw.loc[row]),
                                column=k, row=row)
        scores[k] = num.astype("int64").to_numpy()
    out = pd.DataFrame(scores, index=pd.Index(checklist[id_col].astype(str).str.strip().to_numpy(), name=id_col))
    values = out[keys].to_numpy()
    out["score"] = values.sum(axis=1) / (2 * len(keys)) * 100.0
    out["weakest"] = np.array(keys)[values.argmin(axis=1)]
    out["weakest_label"] = [label(DISPLAY_PRINCIPLES[k]) for k in out["weakest"]]
    out["passed"] = out["score"] >= pass_mark
    return AuditResult(table=out, pass_mark=float(pass_mark))
