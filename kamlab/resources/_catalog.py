"""The internal resource catalogue (内部资源梳理): what 市场部, 品牌部 and 销售部 can put in.

Seed 000 §四 3: sort the internal resources into the marketing department's
promotions (市场部促销活动), the brand department's investment (品牌部资源投入)
and the sales department's relationship resources (销售部客情资源).  Each
resource has a unit (one 份 of it), a unit cost in 万元 (10k CNY), a capacity
(how many units the department can give one key account in a plan period)
and the customer needs it serves (the needs of the ``needs`` data set).

Variant 0 is the course's catalogue; variant k ≥ 1 multiplies every unit cost
by a seeded factor in [0.75, 1.25] (rounded to 0.1 万元), so a cost typed in
from variant 0 does not hold on another variant while a cost computed with
:func:`~kamlab.resources.check` does.

Examples
--------
>>> cat = resource_catalog()
>>> cat.loc["R01", ["department", "resource", "unit"]].tolist()
['市场部', '买赠促销活动', '场（全连锁一档）']
>>> sorted(cat["department"].unique()) == sorted(DEPARTMENTS)
True
>>> float(resource_catalog(3).loc["R01", "unit_cost"])   # variant 3: another unit cost
5.8
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadValueError
from .._i18n import Messages, get_language, localized
from .._validate import numeric_column, require_columns, require_table, require_unique

__all__ = ["DEPARTMENTS", "DEPARTMENT_EN", "CATALOG_COLUMNS", "SEP", "resource_catalog", "options", "kit",
           "serves_long", "catalog_view", "catalog_table", "department_label", "resource_label",
           "prepare_catalog"]

#: The three departments of the cross-department key-account group, in display order.
DEPARTMENTS: tuple[str, ...] = ("市场部", "品牌部", "销售部")
#: English names of the departments.
DEPARTMENT_EN: dict[str, str] = {"市场部": "Marketing", "品牌部": "Brand", "销售部": "Sales"}
#: Separator of the needs in the ``serves`` column (need texts contain "、" and "，").
SEP = "；"
#: Columns a catalogue must have.
CATALOG_COLUMNS: tuple[str, ...] = ("resource_id", "department", "resource", "unit_cost", "capacity", "serves")

# id, department, resource, resource (en), unit, unit (en), unit cost 万元, capacity, needs served
_BASE: tuple[tuple[Any, ...], ...] = (
    ("R01", "市场部", "买赠促销活动", "Buy-and-get promotion", "场（全连锁一档）", "campaign (chain-wide)", 5.0, 4,
     ("应对竞品买赠促销", "降低库存、处理滞销品")),
    ("R02", "市场部", "感冒季主题促销", "Cold-season theme promotion", "季", "season", 6.0, 2,
     ("感冒季备货与陈列指导",)),
    ("R03", "市场部", "O2O 线上引流券", "O2O traffic coupons", "批（1 万张）", "batch (10,000)", 3.0, 6,
     ("线上线下 O2O 引流合作",)),
    ("R04", "市场部", "会员日慢病关爱活动", "Member-day chronic-care event", "次", "event", 4.0, 4,
     ("会员慢病管理服务",)),
    ("R05", "市场部", "新品进场费用支持", "New-listing fee support", "个品规", "SKU", 8.0, 3,
     ("新品引进的进场费用支持",)),
    ("R06", "品牌部", "全国品牌联合广告", "National joint brand advertising", "期", "flight", 15.0, 1,
     ("全国性品牌联合营销活动",)),
    ("R07", "品牌部", "社区健康讲座（医学专家）", "Community health talks (medical experts)", "10 场", "10 talks",
     2.0, 6, ("社区健康讲座为门店引流",)),
    ("R08", "品牌部", "陈列物料包（POP、堆头）", "Display kit (POP, end caps)", "50 家门店", "50 stores", 3.0, 8,
     ("门店陈列优化与物料支持",)),
    ("R09", "品牌部", "新品消费者调研", "New-product consumer survey", "项", "study", 4.0, 2,
     ("新品市场接受度调研反馈",)),
    ("R10", "品牌部", "独家品种开发方案", "Exclusive-product development", "个品种", "product", 3.5, 2,
     ("与竞品差异化的独家品种",)),
    ("R11", "销售部", "店员卖点培训", "Clerk selling-point training", "10 场", "10 sessions", 1.5, 6,
     ("店员产品卖点话术培训",)),
    ("R12", "销售部", "合规店员激励方案（付给连锁）", "Compliant clerk incentive (paid to the chain)", "期",
     "round", 5.0, 4, ("合规的店员销售激励方案",)),
    ("R13", "销售部", "高层互访与年度规划会", "Executive visits and annual planning", "次", "meeting", 1.0, 4,
     ("完成年度品类增长目标",)),
    ("R14", "销售部", "动销数据联合复盘", "Joint sell-through data review", "季", "quarter", 0.5, 4,
     ("动销数据共享与联合复盘",)),
    ("R15", "销售部", "供货折扣与返利政策", "Supply discount and rebate", "档", "tier", 6.0, 2,
     ("提高供货折扣、降低进价",)),
    ("R16", "销售部", "库存调拨与滞销品处理", "Stock transfer and slow-mover clearance", "批", "batch", 2.0, 3,
     ("降低库存、处理滞销品",)),
    ("R17", "销售部", "高毛利产品组合推荐", "High-margin product mix", "套", "mix", 1.0, 3,
     ("高毛利产品倾斜，提升区域利润",)),
    ("R18", "销售部", "竞品应对快速反应机制", "Rapid competitor response", "次", "round", 1.5, 4,
     ("应对竞品买赠促销",)),
    ("R19", "品牌部", "区域品类趋势报告", "Regional category trend report", "份", "report", 2.0, 2,
     ("区域 OTC 品类趋势数据",)),
    ("R20", "市场部", "品类联合促销季", "Joint category promotion season", "季", "season", 4.5, 2,
     ("完成年度品类增长目标", "感冒季备货与陈列指导")),
    ("R21", "品牌部", "专家义诊进社区", "Expert free clinics in the community", "10 场", "10 clinics", 2.5, 4,
     ("社区健康讲座为门店引流", "会员慢病管理服务")),
    ("R22", "销售部", "联合生意回顾会", "Joint business review", "次", "meeting", 0.8, 4,
     ("动销数据共享与联合复盘", "完成年度品类增长目标")),
)

MSGS = Messages({
    "err_variant": ("variant 应是 0 或正整数，收到 {value!r}。", "variant must be 0 or a positive integer; got {value!r}."),
    "err_department": (
        "表 catalog 列 'department' 第 {row} 行的部门 {value!r} 不对。请填写 市场部、品牌部 或 销售部。",
        "Table catalog, column 'department', row {row}: department {value!r} is unknown. Use 市场部, 品牌部 or 销售部."),
    "err_positive": (
        "表 catalog 列 '{column}' 第 {row} 行的值 {value:g} 不对：应大于 0。请改为正数。",
        "Table catalog, column '{column}', row {row}: value {value:g} must be > 0. Enter a positive number."),
    "err_need": ("需求应是一段文字（例如 '店员产品卖点话术培训'），收到 {value!r}。",
                 "A need must be a text (e.g. '店员产品卖点话术培训'); got {value!r}."),
})


def resource_catalog(variant: int = 0) -> pd.DataFrame:
    """The internal resource catalogue of the course, for data *variant*.

    Parameters
    ----------
    variant : int
        0 (default) is the course's catalogue; k ≥ 1 varies every unit cost by
        a seeded factor in [0.75, 1.25] (same resources, capacities and needs).

    Returns
    -------
    DataFrame
        Index ``resource_id`` (R01 …); columns ``department`` (市场部 / 品牌部 /
        销售部), ``resource``, ``resource_en``, ``unit``, ``unit_en``,
        ``unit_cost`` (万元 per unit), ``capacity`` (units per plan period) and
        ``serves`` (the needs it serves, joined by "；").

    Examples
    --------
    >>> cat = resource_catalog()
    >>> len(cat), float(cat["unit_cost"].sum())
    (22, 81.8)
    >>> cat.loc["R11", "serves"]
    '店员产品卖点话术培训'
    >>> resource_catalog(5)["capacity"].equals(cat["capacity"])
    True
    """
    if isinstance(variant, bool) or not isinstance(variant, (int, np.integer)) or variant < 0:
        raise BadValueError(*MSGS.both("err_variant", value=variant), column="variant")
    cols = ["resource_id", "department", "resource", "resource_en", "unit", "unit_en", "unit_cost",
            "capacity", "serves"]
    rows = [(*r[:8], SEP.join(r[8])) for r in _BASE]
    cat = pd.DataFrame(rows, columns=cols)
    if variant:
        factor = np.random.default_rng(20260400 + int(variant)).uniform(0.75, 1.25, len(cat))
        cat["unit_cost"] = np.maximum(np.round(cat["unit_cost"].to_numpy() * factor, 1), 0.1)
    cat["capacity"] = cat["capacity"].astype(np.int64)
    cat = cat.set_index("resource_id")
    cat.attrs["description"] = "内部资源清单（市场部促销活动、品牌部资源投入、销售部客情资源）/ internal resource catalogue"
    return cat


def prepare_catalog(catalog: pd.DataFrame) -> pd.DataFrame:
    """Validate a catalogue and return a clean copy indexed by ``resource_id``.

    The index may already be ``resource_id`` (as :func:`resource_catalog`
    returns it) or ``resource_id`` may be a column.  Not modified.

    Examples
    --------
    >>> prepare_catalog(resource_catalog().reset_index()).index[0]
    'R01'
    >>> bad = resource_catalog().reset_index().drop(columns="capacity")
    >>> prepare_catalog(bad)
    Traceback (most recent call last):
    ...
    kamlab._errors.MissingColumnError: 表 catalog 缺少列 'capacity'。请在表中加入这一列。
    Table catalog is missing column 'capacity'. Add this column to the table.
    """
    require_table(catalog, table="catalog")
    cat = catalog.copy()
    if "resource_id" not in cat.columns and cat.index.name == "resource_id":
        cat = cat.reset_index()
    require_columns(cat, CATALOG_COLUMNS, table="catalog")
    cat["resource_id"] = cat["resource_id"].astype(str).str.strip().where(cat["resource_id"].notna())
    require_unique(cat, "resource_id", table="catalog")
    dept = cat["department"].astype(str).str.strip()
    bad = ~dept.isin(DEPARTMENTS)
    if bad.any():
        row = cat.index[bad.to_numpy().argmax()]
        raise BadValueError(*MSGS.both("err_department", row=row, value=cat.loc[row, "department"]),
                            column="department", row=row)
    for column in ("unit_cost", "capacity"):
        values = numeric_column(cat, column, table="catalog")
        low = values <= 0
        if low.any():
            row = cat.index[low.to_numpy().argmax()]
            raise BadValueError(*MSGS.both("err_positive", column=column, row=row, value=values.loc[row]),
                                column=column, row=row)
        whole = bool((values == values.round()).all())
        cat[column] = values.astype(np.int64) if column == "capacity" and whole else values
    cat["department"] = dept
    cat["resource"] = cat["resource"].astype(str).str.strip()
    cat["serves"] = cat["serves"].fillna("").astype(str)
    for extra in ("resource_en", "unit", "unit_en"):
        if extra not in cat.columns:
            cat[extra] = cat["resource"] if extra == "resource_en" else ""
    return cat.set_index("resource_id")


def serves_long(cat: pd.DataFrame) -> pd.DataFrame:
    """One row per (resource_id, need) the resource serves (a prepared catalogue)."""
    s = cat["serves"].str.split(SEP).explode().str.strip()
    s = s[s.ne("") & s.notna()]
    return pd.DataFrame({"resource_id": s.index.astype(str), "need": s.to_numpy()})


def _need_text(need: Any) -> str:
    if not isinstance(need, str) or not need.strip():
        raise BadValueError(*MSGS.both("err_need", value=need), column="need")
    return need.strip()


def options(need: str, catalog: pd.DataFrame) -> pd.DataFrame:
    """The resources of *catalog* that serve *need* (需求匹配 → 资源组合), cheapest first.

    Parameters
    ----------
    need : str
        A need of the key account (a ``need`` of the ``needs`` data set).
    catalog : DataFrame
        A resource catalogue (:func:`resource_catalog`).  Not modified.

    Returns
    -------
    DataFrame
        The matching catalogue rows (index ``resource_id``), sorted by
        department (市场部, 品牌部, 销售部), then unit cost, then id; empty
        when no resource serves the need.

    Examples
    --------
    >>> options("完成年度品类增长目标", resource_catalog())[["department", "resource", "unit_cost"]]
                department    resource  unit_cost
    resource_id
    R20                市场部     品类联合促销季        4.5
    R22                销售部     联合生意回顾会        0.8
    R13                销售部  高层互访与年度规划会        1.0
    """
    text = _need_text(need)
    cat = prepare_catalog(catalog)
    ids = serves_long(cat).query("need == @text")["resource_id"]
    out = cat.loc[cat.index.isin(ids)]
    order = out.assign(_d=out["department"].map({d: i for i, d in enumerate(DEPARTMENTS)}),
                       _id=out.index.astype(str))
    order = order.sort_values(["_d", "unit_cost", "_id"], kind="stable")
    return catalog_view(out.loc[order.index])


def catalog_view(cat: pd.DataFrame) -> pd.DataFrame:
    """*cat* with the columns in catalogue order (extra columns dropped)."""
    cols = [c for c in ("department", "resource", "resource_en", "unit", "unit_en", "unit_cost", "capacity",
                        "serves") if c in cat.columns]
    return cat[cols]


def department_label(dept: str) -> str:
    """*dept* in the current language (``市场部`` → ``Marketing`` in English; unknown names unchanged).

    Examples
    --------
    >>> import kamlab as kl
    >>> department_label("品牌部")
    '品牌部'
    >>> kl.set_language("en"); department_label("品牌部")
    'Brand'
    >>> kl.set_language("zh")
    """
    text = str(dept)
    return localized(text, DEPARTMENT_EN.get(text, text))


def resource_label(cat: pd.DataFrame, rid: Any) -> str:
    """The name of resource *rid* of catalogue *cat* in the current language (``resource_en`` in English).

    Examples
    --------
    >>> import kamlab as kl
    >>> resource_label(resource_catalog(), "R11")
    '店员卖点培训'
    >>> kl.set_language("en"); resource_label(resource_catalog(), "R11")
    'Clerk selling-point training'
    >>> kl.set_language("zh")
    """
    name = str(cat.loc[rid, "resource"])
    if get_language() == "zh" or "resource_en" not in cat.columns:
        return name
    en = cat.loc[rid, "resource_en"]
    return str(en) if isinstance(en, str) and en.strip() else name


_TABLE_COLUMNS: tuple[str, ...] = ("department", "resource", "unit", "unit_cost", "capacity")


def catalog_table(catalog: pd.DataFrame, columns: Sequence[str] = _TABLE_COLUMNS) -> pd.DataFrame:
    """The catalogue rows to show a trainee, in the current language.

    In Chinese, ``catalog[list(columns)]``; in English the ``department``
    values are the English department names and ``resource`` / ``unit``
    hold ``resource_en`` / ``unit_en`` (where the catalogue has them).  A new
    table: *catalog* is not modified.

    Parameters
    ----------
    catalog : DataFrame
        A resource catalogue (:func:`resource_catalog`, :func:`options`).
    columns : sequence of str
        Columns to show (default: department, resource, unit, unit cost, capacity).

    Examples
    --------
    >>> import kamlab as kl
    >>> catalog_table(resource_catalog()).loc["R03", ["department", "resource", "unit"]].tolist()
    ['市场部', 'O2O 线上引流券', '批（1 万张）']
    >>> kl.set_language("en"); catalog_table(resource_catalog()).loc["R03", ["department", "resource", "unit"]].tolist()
    ['Marketing', 'O2O traffic coupons', 'batch (10,000)']
    >>> kl.set_language("zh")
    """
    cols = list(columns)
    out = catalog[cols].copy()
    if get_language() == "zh":
        return out
    if "department" in out.columns:
        out["department"] = out["department"].map(lambda d: DEPARTMENT_EN.get(str(d), d))
    for col in ("resource", "unit"):
        en = f"{col}_en"
        if col in out.columns and en in catalog.columns:
            english = catalog[en].where(catalog[en].notna() & catalog[en].astype(str).str.strip().ne(""))
            out[col] = english.fillna(catalog[col])
    return out


def kit(needs: Sequence[str], k: int, catalog: pd.DataFrame, *, units: int = 1,
        departments: Sequence[str] | None = None) -> dict[str, int]:
    """The matching resources for need ``needs[k]``, each resource given to one need only.

    The resource combination (资源组合) of one line of a service package,
    computed from the catalogue so it follows the data: every resource that
    serves ``needs[k]`` (of the chosen *departments*), except those that also
    serve an earlier need of the list (they belong to that need's line — no
    duplicated input, 避免资源重复投入), each with *units* units.

    Parameters
    ----------
    needs : sequence of str
        The needs the package serves, in line order.
    k : int
        Which need (0-based).
    catalog : DataFrame
        The resource catalogue.  Not modified.
    units : int
        Units of each resource (≥ 1).
    departments : sequence of str, optional
        Only resources of these departments (default: all three).

    Returns
    -------
    dict
        ``resource_id -> units``, ids ascending; empty when nothing is left.

    Examples
    --------
    >>> cat = resource_catalog()
    >>> needs = ["合规的店员销售激励方案", "完成年度品类增长目标"]
    >>> kit(needs, 0, cat), kit(needs, 1, cat, units=2)
    ({'R12': 1}, {'R13': 2, 'R20': 2, 'R22': 2})
    >>> kit(needs, 1, cat, departments=["销售部"])
    {'R13': 1, 'R22': 1}
    """
    items = [_need_text(n) for n in (needs if isinstance(needs, (list, tuple)) else list(needs))]
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 0 <= k < len(items):
        raise BadValueError(f"k 应是 0 到 {len(items) - 1} 之间的整数（需求序号），收到 {k!r}。",
                            f"k must be a whole number from 0 to {len(items) - 1} (the need's position); got {k!r}.",
                            column="k")
    if isinstance(units, bool) or not isinstance(units, (int, np.integer)) or units < 1:
        raise BadValueError(f"units 应是正整数（每项资源投入几份），收到 {units!r}。",
                            f"units must be a positive whole number (units of each resource); got {units!r}.",
                            column="units")
    cat = prepare_catalog(catalog)
    chosen = list(DEPARTMENTS) if departments is None else [str(d).strip() for d in departments]
    for d in chosen:
        if d not in DEPARTMENTS:
            raise BadValueError(f"部门 {d!r} 不对。请从 市场部、品牌部、销售部 中选择。",
                                f"Department {d!r} is unknown. Choose from 市场部, 品牌部, 销售部.",
                                column="departments")
    long = serves_long(cat)
    mine = set(long.loc[long["need"] == items[k], "resource_id"])
    earlier = set(long.loc[long["need"].isin(items[:k]), "resource_id"])
    keep = cat.index[cat.index.isin(mine - earlier) & cat["department"].isin(chosen).to_numpy()]
    return {str(r): int(units) for r in sorted(keep)}
