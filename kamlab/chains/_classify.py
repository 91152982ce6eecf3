"""Chain classification (连锁客户的分类), seed 001 第一部分 一.

The seed sorts chain accounts three ways:

1. by region (按照区域分): 全国性连锁 (national) / 区域性连锁 (regional);
2. by sales (按照销售额分): 大型 / 中型 / 小型连锁 (large / medium / small);
3. by how the stores are run (按照药店管理): 全直营 / 半直营 / 加盟连锁
   (fully owned / semi-direct / franchise).

Rules (an instructor can redo them in Excel):

* **scope** — ``scope_by="chain_type"`` (default): ``NKA`` (national key
  account, chains across provinces) is 全国性, ``LKA`` (local key account) is
  区域性.  ``scope_by="cities_covered"``: a chain covering at least
  ``national_cities`` cities (default 30) is 全国性.
* **size** — the ``size_by`` column (default ``annual_sales`` in 万元) against
  two cuts ``(lo, hi)``: value ≥ hi → 大型, lo ≤ value < hi → 中型, value <
  lo → 小型 (a value equal to a cut belongs to the larger class).  Default
  cuts: annual sales 1 亿元 and 10 亿元 (``(10000, 100000)`` 万元), store
  count 100 and 500 stores.  ``cuts="tercile"`` uses the 1/3 and 2/3
  quantiles of the chains given (linear interpolation).
* **mode** — from ``ownership``: 直营 (or 全直营) → 全直营, 半直营 → 半直营,
  加盟 → 加盟.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError
from .._i18n import Messages, localized
from .._plotting import new_axes, styled
from .._result import TableResult
from .._validate import numeric_column, require_columns, require_table, require_unique

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["classify", "ChainClasses", "DEFAULT_CUTS", "NATIONAL_CITIES", "SCOPES", "SIZES", "MODES",
           "label"]

#: Default size cuts (lo, hi) per ``size_by`` column: 1 亿 / 10 亿元 of sales (万元), 100 / 500 stores.
DEFAULT_CUTS: dict[str, tuple[float, float]] = {"annual_sales": (10000.0, 100000.0),
                                                "store_count": (100.0, 500.0)}
#: ``scope_by="cities_covered"``: this many cities or more make a chain national.
NATIONAL_CITIES = 30

#: Codes in display order and their (zh, en) labels.
SCOPES: dict[str, tuple[str, str]] = {"national": ("全国性", "national"), "regional": ("区域性", "regional")}
SIZES: dict[str, tuple[str, str]] = {"large": ("大型", "large"), "medium": ("中型", "medium"),
                                     "small": ("小型", "small")}
MODES: dict[str, tuple[str, str]] = {"direct": ("全直营", "fully owned"), "semi": ("半直营", "semi-direct"),
                                     "franchise": ("加盟", "franchise")}
_OWNERSHIP = {"直营": "direct", "全直营": "direct", "半直营": "semi", "加盟": "franchise",
              "direct": "direct", "semi": "semi", "semi-direct": "semi", "franchise": "franchise"}
_CHAIN_TYPE = {"NKA": "national", "LKA": "regional"}
_COLORS = {"large": "#1f4e79", "medium": "#2e86c1", "small": "#aed6f1"}
_MARKERS = {"national": "o", "regional": "s"}

MSGS = Messages({
    "err_scope_by": ("scope_by 应是 'chain_type' 或 'cities_covered'，收到 {value!r}。",
                     "scope_by should be 'chain_type' or 'cities_covered'; got {value!r}."),
    "err_size_by": ("size_by 应是 'annual_sales' 或 'store_count'，收到 {value!r}。",
                    "size_by should be 'annual_sales' or 'store_count'; got {value!r}."),
    "err_cuts": ("分界线 cuts={value!r} 不对：应是两个数 (小型/中型分界, 中型/大型分界)，0 ≤ 前者 < 后者，"
                 "或 'tercile'（三等分）。例如 (10000, 100000)。",
                 "cuts={value!r} is invalid: give two numbers (small/medium cut, medium/large cut) with "
                 "0 <= first < second, or 'tercile'. E.g. (10000, 100000)."),
    "err_negative": ("表 chains 列 '{column}' 第 {row} 行的值 {value:g} 小于 0。请改为不小于 0 的数。",
                     "Table chains, column '{column}', row {row}: value {value:g} is below 0. Enter a number >= 0."),
    "err_ownership": ("表 chains 列 'ownership' 第 {row} 行的值 {value!r} 不对：应是 直营、半直营 或 加盟。",
                      "Table chains, column 'ownership', row {row}: value {value!r} is invalid; use 直营, 半直营 "
                      "or 加盟."),
    "err_chain_type": ("表 chains 列 'chain_type' 第 {row} 行的值 {value!r} 不对：应是 NKA（全国性）或 LKA（区域性）。",
                       "Table chains, column 'chain_type', row {row}: value {value!r} is invalid; use NKA "
                       "(national) or LKA (regional)."),
    "err_label": ("{kind}：'{value}' 不是{what}的类别。可选：{valid}。", "{kind}: '{value}' is not a {what} class. Choose: {valid}."),
    "scope": ("区域", "scope"),
    "size": ("规模", "size"),
    "mode": ("经营模式", "mode"),
    "title": ("连锁客户分类（{name}：大型 ≥ {hi:,.0f}，小型 < {lo:,.0f}）",
              "Chain classes ({name}: large >= {hi:,.0f}, small < {lo:,.0f})"),
    "annual_sales": ("年销售额（万元，对数刻度）", "annual sales (10k yuan, log scale)"),
    "store_count": ("门店数（家，对数刻度）", "stores (log scale)"),
    "annual_sales_short": ("年销售额", "annual sales"),
    "store_count_short": ("门店数", "stores"),
    "cities_covered": ("覆盖城市数", "cities covered"),
    "position": ("连锁（按规模排序）", "chains (by size)"),
    "cut": ("分界线", "cut"),
})


def label(kind: str, code: str) -> str:
    """The label of class *code* (``kind``: scope, size or mode) in the current language.

    Examples
    --------
    >>> label("size", "large")
    '大型'
    """
    table = {"scope": SCOPES, "size": SIZES, "mode": MODES}[kind]
    return localized(*table[code])


def code_of(kind: str, value: Any) -> str:
    """The code of a class given by code, Chinese or English label (``"大型"``, ``"large"``...).

    Examples
    --------
    >>> code_of("scope", "全国性连锁"), code_of("mode", "franchise")
    ('national', 'franchise')
    """
    table = {"scope": SCOPES, "size": SIZES, "mode": MODES}[kind]
    text = str(value).strip()
    for code, (zh, en) in table.items():
        if text in (code, zh, en, zh + "连锁", en.lower()) or text.lower() in (code, en.lower()):
            return code
    what_zh = MSGS.both(kind)[0]
    valid = "、".join(zh for zh, _ in table.values())
    zh_msg, _ = MSGS.both("err_label", kind=kind, value=text, what=what_zh, valid=valid)
    _, en_msg = MSGS.both("err_label", kind=kind, value=text, what=kind,
                          valid=", ".join(en for _, en in table.values()))
    raise BadValueError(zh_msg, en_msg, column=kind)


def _cuts(cuts: Any, values: pd.Series, size_by: str) -> tuple[float, float]:
    if cuts is None:
        return DEFAULT_CUTS[size_by]
    if isinstance(cuts, str):
        if cuts.strip().lower() in ("tercile", "terciles", "三等分"):
            lo, hi = np.quantile(values.to_numpy(dtype=float), [1 / 3, 2 / 3])
            return float(lo), float(hi)
        raise BadSpecError(*MSGS.both("err_cuts", value=cuts), column="cuts")
    try:
        lo, hi = (float(c) for c in cuts)
    except (TypeError, ValueError):
        raise BadSpecError(*MSGS.both("err_cuts", value=cuts), column="cuts") from None
    if isinstance(cuts, (str, bytes)) or any(isinstance(c, bool) for c in cuts) or \
            not (math.isfinite(lo) and math.isfinite(hi) and 0 <= lo < hi):
        raise BadSpecError(*MSGS.both("err_cuts", value=cuts), column="cuts")
    return lo, hi


@dataclass(frozen=True)
class ChainClasses(TableResult):
    """The classes of a chain list (:func:`classify`).

    Attributes
    ----------
    table : DataFrame
        Index: chain id.  Columns: ``chain_name`` (if given), the size column,
        ``scope``, ``size``, ``mode`` (labels in the language current when
        :func:`classify` ran) and ``scope_code`` (national / regional),
        ``size_code`` (large / medium / small), ``mode_code`` (direct / semi /
        franchise).
    cuts : (float, float)
        The size cuts used (small/medium, medium/large).
    size_by, scope_by : str
    """

    cuts: tuple[float, float] = DEFAULT_CUTS["annual_sales"]
    size_by: str = "annual_sales"
    scope_by: str = "chain_type"

    def counts(self) -> pd.DataFrame:
        """Number of chains per scope (rows) and size (columns), every class shown.

        Examples
        --------
        >>> import kamlab as kl
        >>> classify(kl.datasets.load("chains")).counts()
             大型  中型  小型
        全国性  12   0   0
        区域性   3  19   2
        """
        t = pd.crosstab(self.table["scope_code"], self.table["size_code"])
        t = t.reindex(index=list(SCOPES), columns=list(SIZES), fill_value=0).astype(int)
        t.index = [label("scope", c) for c in t.index]
        t.columns = [label("size", c) for c in t.columns]
        return t

    def count(self, scope: str | None = None, size: str | None = None, mode: str | None = None) -> int:
        """Number of chains in the given classes (any of them may be left out).

        Classes may be given as labels (``"全国性"``, ``"大型连锁"``, ``"large"``) or codes.

        Examples
        --------
        >>> import kamlab as kl
        >>> res = classify(kl.datasets.load("chains"))
        >>> res.count(scope="全国性", size="大型"), res.count(mode="加盟")
        (12, 6)
        """
        keep = pd.Series(True, index=self.table.index)
        for kind, value in (("scope", scope), ("size", size), ("mode", mode)):
            if value is not None:
                keep &= self.table[f"{kind}_code"] == code_of(kind, value)
        return int(keep.sum())

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Scatter: size value (log scale) per chain, colour = size class, marker = scope, cut lines.

        Examples
        --------
        >>> import kamlab as kl
        >>> ax = classify(kl.datasets.load("chains")).plot()
        >>> len(ax.collections)
        6
        """
        fig, ax = new_axes(ax, figsize=(7.5, 4.6))
        t = self.table
        value = t[self.size_by].astype(float)
        if "cities_covered" in t.columns:
            x, xlabel = t["cities_covered"].astype(float), MSGS("cities_covered")
        else:
            x = value.rank(method="first")
            xlabel = MSGS("position")
        for scope in SCOPES:
            for size in SIZES:
                part = (t["scope_code"] == scope) & (t["size_code"] == size)
                ax.scatter(x[part], value[part].clip(lower=1e-9), c=_COLORS[size], marker=_MARKERS[scope],
                           edgecolors="black", linewidths=0.5, s=55, zorder=3,
                           label=f"{label('scope', scope)} · {label('size', size)} ({int(part.sum())})")
        lo, hi = self.cuts
        for cut in (lo, hi):
            if cut > 0:
                ax.axhline(cut, color="grey", linestyle="--", linewidth=0.9)
        if (value > 0).all():
            ax.set_yscale("log")
        ax.set_xlabel(xlabel)
        ax.set_ylabel(MSGS(self.size_by))
        ax.set_title(MSGS("title", name=MSGS(f"{self.size_by}_short"), lo=lo, hi=hi))
        ax.legend(loc="lower right", fontsize="x-small", ncol=2)
        return ax


def classify(chains_df: pd.DataFrame, *, size_by: str = "annual_sales",
             cuts: Sequence[float] | str | None = None, scope_by: str = "chain_type",
             national_cities: int = NATIONAL_CITIES, id_col: str = "chain_id") -> ChainClasses:
    """Classify chains by scope (全国性/区域性), size (大型/中型/小型) and mode (全直营/半直营/加盟).

    Parameters
    ----------
    chains_df : DataFrame
        One row per chain: ``chain_id``, ``ownership`` (直营 / 半直营 / 加盟),
        the ``size_by`` column, and ``chain_type`` (NKA / LKA) or
        ``cities_covered`` for the scope.  Not modified.
    size_by : {"annual_sales", "store_count"}
        The column that measures size (annual sales in 万元 by default).
    cuts : (lo, hi), "tercile" or None
        Size cuts: ≥ hi large, ≥ lo medium, else small.  None: the course
        defaults :data:`DEFAULT_CUTS` (1 亿 / 10 亿元 of sales, 100 / 500 stores).
    scope_by : {"chain_type", "cities_covered"}
        NKA → national (default), or at least *national_cities* cities → national.
    national_cities : int
    id_col : str

    Returns
    -------
    ChainClasses
        ``.table``, ``.counts()``, ``.count(scope=, size=, mode=)``, ``.plot()``.

    Raises
    ------
    kamlab.KamlabInputError
        Missing or misspelt column, a non-numeric, missing or negative size,
        an unknown ownership or chain type, duplicated ids, bad cuts.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"chain_id": ["A", "B", "C"], "chain_type": ["NKA", "LKA", "LKA"],
    ...                    "ownership": ["直营", "加盟", "半直营"], "annual_sales": [150000, 10000, 9999.9]})
    >>> classify(df).table[["scope", "size", "mode"]]
               scope size mode
    chain_id
    A            全国性   大型  全直营
    B            区域性   中型   加盟
    C            区域性   小型  半直营
    """
    require_table(chains_df, table="chains")
    if scope_by not in ("chain_type", "cities_covered"):
        raise BadSpecError(*MSGS.both("err_scope_by", value=scope_by), column="scope_by")
    if size_by not in DEFAULT_CUTS:
        raise BadSpecError(*MSGS.both("err_size_by", value=size_by), column="size_by")
    require_columns(chains_df, [id_col, "ownership", size_by, scope_by], table="chains")
    df = chains_df.copy()
    require_unique(df, id_col, table="chains")
    values = numeric_column(df, size_by, table="chains")
    if (values < 0).any():
        row = values.index[(values < 0).to_numpy().argmax()]
        raise BadValueError(*MSGS.both("err_negative", column=size_by, row=row, value=values[row]),
                            column=size_by, row=row)
    mode = df["ownership"].astype(str).str.strip().map(_OWNERSHIP)
    if mode.isna().any():
        row = mode.index[mode.isna().to_numpy().argmax()]
        raise BadValueError(*MSGS.both("err_ownership", row=row, value=df.at[row, "ownership"]),
                            column="ownership", row=row)
    if scope_by == "chain_type":
        scope = df["chain_type"].astype(str).str.strip().str.upper().map(_CHAIN_TYPE)
        if scope.isna().any():
            row = scope.index[scope.isna().to_numpy().argmax()]
            raise BadValueError(*MSGS.both("err_chain_type", row=row, value=df.at[row, "chain_type"]),
                                column="chain_type", row=row)
    else:
        cities = numeric_column(df, "cities_covered", table="chains")
        scope = pd.Series(np.where(cities >= national_cities, "national", "regional"), index=df.index)
    lo, hi = _cuts(cuts, values, size_by)
    size = np.select([values >= hi, values >= lo], ["large", "medium"], default="small")
    out = pd.DataFrame(index=pd.Index(df[id_col].astype(str), name=id_col))
    if "chain_name" in df.columns:
        out["chain_name"] = df["chain_name"].to_numpy()
    out[size_by] = values.to_numpy()
    if "cities_covered" in df.columns and size_by != "cities_covered":
        out["cities_covered"] = pd.to_numeric(df["cities_covered"], errors="coerce").to_numpy()
    out["scope_code"] = scope.to_numpy()
    out["size_code"] = size
    out["mode_code"] = mode.to_numpy()
    for kind in ("scope", "size", "mode"):
        codes = out[f"{kind}_code"]
        out[kind] = codes.map(lambda c, k=kind: label(k, c))
    order = ["chain_name"] if "chain_name" in out.columns else []
    order += [size_by] + (["cities_covered"] if "cities_covered" in out.columns else [])
    order += ["scope", "size", "mode", "scope_code", "size_code", "mode_code"]
    return ChainClasses(table=out[order], cuts=(lo, hi), size_by=size_by, scope_by=scope_by)
