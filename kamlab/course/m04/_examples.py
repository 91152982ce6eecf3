"""The tables of m04's worked examples: the catalogue, the colleague's package, the three strategy dimensions,
the three pain points of internal collaboration and the cross-department group."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..._i18n import Messages, get_language, localized
from ...resources import DEPARTMENT_EN, SEP, catalog_table, check
from ...screening import CHAIN_RUBRIC, screen
from ._model import key_needs

__all__ = ["catalog_view", "example_table", "strategy_view", "pain_demo", "group_charter"]

_COLS = Messages({
    "resource_id": ("资源编号", "resource id"), "department": ("部门", "department"), "resource": ("资源", "resource"),
    "unit": ("单位", "unit"), "unit_cost": ("单价（万元）", "unit cost (10k CNY)"),
    "capacity": ("可给份数", "units available"), "serves": ("能服务的需求", "needs it serves"),
    "line": ("服务线", "line"), "need": ("该线的需求", "need of the line"), "quantity": ("份数", "units"),
    "cost": ("成本（万元）", "cost (10k CNY)"), "dimension": ("策略维度", "strategy dimension"),
    "basis": ("结合什么", "based on"), "here": ("对这家客户", "for this account"),
    "role": ("角色", "role"), "who": ("人", "who"), "duty": ("职责", "duty"),
})


def _labelled(table: pd.DataFrame) -> pd.DataFrame:
    if "serves" in table.columns and get_language() == "en":
        table = table.assign(serves=table["serves"].astype(str).str.replace(SEP, "; ", regex=False))
    out = table.rename(columns={c: _COLS(c) for c in table.columns if c in _COLS})
    if out.index.name in _COLS:
        out.index = out.index.rename(_COLS(out.index.name))
    return out


def catalog_view(catalog: pd.DataFrame, *, departments: bool = True) -> pd.DataFrame:
    """The resource catalogue as a trainee reads it (column names in the current language).

    Parameters
    ----------
    departments : bool
        Show the department column (hidden before the quiz of exercise 1, which asks for it).

    Examples
    --------
    >>> import kamlab as kl
    >>> catalog_view(kl.resources.resource_catalog(), departments=False).columns.tolist()
    ['资源', '单位', '单价（万元）', '可给份数', '能服务的需求']
    """
    cols = (["department"] if departments else []) + ["resource", "unit", "unit_cost", "capacity", "serves"]
    return _labelled(catalog_table(catalog, cols))


def example_table(package: Mapping[str, Any], catalog: pd.DataFrame) -> pd.DataFrame:
    """One row per line × resource of *package*: the line's need, the resource, what it serves, units, cost.

    Examples
    --------
    >>> import kamlab as kl
    >>> from kamlab.course.m04 import example_for
    >>> cat = kl.resources.resource_catalog()
    >>> t = example_table(example_for(kl.datasets.load("needs"), cat, "C18"), cat)
    >>> t["资源编号"].tolist()
    ['R12', 'R01', 'R20', 'R12']
    """
    use = check(package, catalog).usage
    shown = catalog_table(catalog, ["department", "resource", "serves"])
    rows = use[["line", "need", "resource_id", "quantity", "cost"]].join(shown, on="resource_id")
    rows = rows[["line", "need", "resource_id", "resource", "department", "serves", "quantity", "cost"]]
    return _labelled(rows.reset_index(drop=True))


def strategy_view(chains: pd.DataFrame, needs: pd.DataFrame, account: str, catalog: pd.DataFrame) -> pd.DataFrame:
    """The three key strategy dimensions (客户分层、产品组合、动销促进) worked out for *account* from the data.

    客户分层 comes from the account's quadrant under the course's default
    rubric (m02), 产品组合 from the account's product needs (独家品种、高毛利、
    新品、供货折扣) ranked by m03's matrix, 动销促进 from its 3 key needs and
    the catalogue resources serving them.

    Examples
    --------
    >>> import kamlab as kl
    >>> cat = kl.resources.resource_catalog()
    >>> t = strategy_view(kl.datasets.load("chains"), kl.datasets.load("needs"), "C18", cat)
    >>> t.iloc[:, 0].tolist()
    ['客户分层策略', '产品组合策略', '动销促进策略']
    >>> t.iloc[0, 2].startswith("C18 在重点投入象限")
    True
    """
    row = screen(chains, CHAIN_RUBRIC, id_col="chain_id").table.loc[account]
    q_zh, q_en = _QUADRANTS.get(str(row["quadrant_code"]), (str(row["quadrant"]), str(row["quadrant"])))
    ranked = key_needs(needs, account, len(needs))
    product = [n for n in ranked if any(w in n for w in _PRODUCT_WORDS)]
    top = ranked[:3]
    serving = {n: [str(r) for r in catalog.index if n in str(catalog.loc[r, "serves"]).split(SEP)] for n in top}
    zh = [f"{account} 在{q_zh}象限：按这一层的做法配资源（重点投入客户配一体化服务包和合作小组）",
          ("客户的产品诉求：" + "、".join(product[:2])) if product else "这家客户没有提出产品诉求：沿用现有产品组合",
          "3 个重点需求各配资源：" + "；".join(f"{n} → {'、'.join(r) or '无'}" for n, r in serving.items())]
    en = [f"{account} is in {q_en}: resources as that tier gets them (an invest account gets a package and a "
          f"group)",
          ("Product asks: " + ", ".join(product[:2])) if product else "No product ask: keep the current mix",
          "Resources for the 3 key needs: " + "; ".join(f"{n} -> {', '.join(r) or 'none'}" for n, r in
                                                         serving.items())]
    dims = [("客户分层策略", "Account tiering", "m02 四象限", "m02 quadrants"),
            ("产品组合策略", "Product mix", "客户的产品需求与利润诉求", "the account's product and profit needs"),
            ("动销促进策略", "Sell-through promotion", "m03 锁定的高价值机会", "m03's high-value opportunities")]
    table = pd.DataFrame({"dimension": [localized(d[0], d[1]) for d in dims],
                          "basis": [localized(d[2], d[3]) for d in dims],
                          "here": [localized(z, e) for z, e in zip(zh, en)]})
    return _labelled(table)


#: The quadrants of m02 (code -> zh, en).
_QUADRANTS = {"invest": ("重点投入", "invest"), "cultivate": ("培育优化", "cultivate"),
              "maintain": ("维持收益", "maintain"), "streamline": ("精简调整", "streamline")}
#: Words of the needs that ask for products (产品组合策略).
_PRODUCT_WORDS: tuple[str, ...] = ("品种", "毛利", "新品", "供货折扣")


def pain_demo(catalog: pd.DataFrame) -> Any:
    """The seed's three pain points of internal collaboration, in one small package, checked.

    各自单打独斗 (one person runs the brand department's resources with nobody
    of that department in the group), 资源投入与客户需求脱节 (national ads for a
    clerk-training need, the seed's own example) and 资源重复投入 (the same
    training sessions counted in two lines).

    Examples
    --------
    >>> import kamlab as kl
    >>> pain_demo(kl.resources.resource_catalog()).rules
    ['mismatch', 'duplicate', 'no_member']
    """
    step = {"owner": "王磊", "start": "2026-01-12", "end": "2026-02-27", "metric": "店员推荐率", "target": 0.35}
    pkg = {"owner": "王磊", "budget": 40, "start": "2026-01-05", "end": "2026-03-31", "meeting_weeks": 2,
           "team": {"销售部": "王磊"},
           "lines": [{"need": "店员产品卖点话术培训", "resources": {"R11": 2, "R06": 1},
                      "steps": [{"step": localized("店员培训", "clerk training"), **step}]},
                     {"need": "门店陈列优化与物料支持", "resources": {"R08": 1, "R11": 1},
                      "steps": [{"step": localized("陈列进店", "display in stores"), **step}]}]}
    return check(pkg, catalog, ["店员产品卖点话术培训", "门店陈列优化与物料支持"])


def group_charter(owner: str, team: Mapping[str, str], meeting_weeks: int) -> pd.DataFrame:
    """The cross-department key-account group (跨部门大客户合作小组): who is in it and what each does.

    Examples
    --------
    >>> group_charter("王磊", {"市场部": "李娜", "品牌部": "赵强", "销售部": "王磊"}, 2).iloc[:, 1].tolist()
    ['王磊', '李娜', '赵强', '王磊', '全组']
    """
    en = get_language() == "en"
    rows = [(localized("项目负责人", "project owner"), owner,
             localized("牵头、对客户负责、资源冲突时提方案并拍板", "leads, answers to the account, settles resource "
                       "conflicts"))]
    duties = {"市场部": ("出促销活动、排期", "promotions and their dates"),
              "品牌部": ("出品牌资源投入（物料、讲座、广告）", "brand resources: materials, talks, ads"),
              "销售部": ("出客情资源、对接连锁总部", "relationship resources, the chain's head office")}
    for dept, (zh, en_duty) in duties.items():
        rows.append((DEPARTMENT_EN[dept] if en else dept, team.get(dept, ""), localized(zh, en_duty)))
    rows.append((localized(f"项目会议（每 {meeting_weeks} 周）", f"project meeting, every {meeting_weeks} weeks"),
                 localized("全组", "everyone"),
                 localized("同步需求、资源、执行中的问题，对照执行节点和指标", "sync needs, resources and execution "
                           "issues against the milestones and metrics")))
    return _labelled(pd.DataFrame(rows, columns=["role", "who", "duty"]))
