"""The decision model of m09: classes, the research sheet, the negotiation preparation, payment terms.

Examples
--------
>>> import kamlab as kl
>>> round(annual_purchase(kl.datasets.load("chains"), "C18"))
1409971
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..._errors import BadValueError
from ...chains import classify, compare_terms, research_sheet
from ...negotiation import ConcessionMatrix
from ..._i18n import localized
from ._case import CHECKLIST, DIRECT_SHARE, MIN_ITEMS, MSGS, NEED_GROUPS, NEEDS_BY_GROUP, PURCHASE_SHARE, _row

#: Sheet fields the research-sheet tool derives itself (dropped before a sheet is validated again).
_DERIVED = ("franchise_stores", "avg_store_daily_sales")

def _cuts_of(q1: Any) -> tuple[tuple[float, float], str] | None:
    cuts = q1.get("cuts") if isinstance(q1, Mapping) else getattr(q1, "cuts", None)
    size_by = q1.get("size_by") if isinstance(q1, Mapping) else getattr(q1, "size_by", None)
    try:
        lo, hi = (float(c) for c in cuts)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return (lo, hi), str(size_by or "annual_sales")


def classes_of(q1: Any, chains: pd.DataFrame) -> Any:
    """The classification with the trainee's q1 cuts, or the default one while q1 is unanswered.

    Examples
    --------
    >>> import kamlab as kl
    >>> chains = kl.datasets.load("chains")
    >>> q1 = kl.chains.classify(chains, cuts=(20000, 150000))
    >>> classes_of(q1, chains).cuts, classes_of(..., chains).cuts
    ((20000.0, 150000.0), (10000.0, 100000.0))
    """
    found = None if q1 is Ellipsis or q1 is None else _cuts_of(q1)
    if found is None:
        return classify(chains)
    try:
        return classify(chains, cuts=found[0], size_by=found[1])
    except ValueError:
        return classify(chains)


def _share(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, np.number)) or \
            not math.isfinite(float(value)) or not 0 <= float(value) <= 1:
        raise BadValueError(*MSGS.both("err_share", name=name, value=value), column=name)
    return float(value)


def sheet_from_data(chains: pd.DataFrame, account: str, classes: Any = None, *, direct_share: float | None = None,
                    top10_daily_sales: Sequence[float] = (), layout: str = "",
                    competitors: Sequence[Mapping[str, Any]] = (), our_price: float = 0.0,
                    suggested_retail_price: float = 0.0) -> Any:
    """The research sheet of *account*: data fields from the chain list, field observations from the trainee.

    From the data: chain id and name, store count, annual sales, and the
    classes (scope, size with the cuts of *classes* — q1 — and mode).
    Direct stores = store count × *direct_share* (for a 全直营 chain always
    every store; ``None`` = :data:`DIRECT_SHARE` of the chain's mode).

    Returns
    -------
    dict
        ``sheet`` (the validated sheet of :func:`kamlab.chains.research_sheet`),
        ``ok`` and ``problems`` — plain data, so the grader reads all of it back.

    Examples
    --------
    >>> import kamlab as kl
    >>> chains = kl.datasets.load("chains")
    >>> res = sheet_from_data(chains, "C07", direct_share=0.3,
    ...     top10_daily_sales=[30000, 28000, 25000, 22000, 20000, 18000, 16000, 15000, 14000, 13000],
    ...     layout="宁波社区店为主", competitors=[{"product": "竞品A", "sales": 200, "price": 30,
    ...     "discount_rate": 0.6, "relationship": "一般"}], our_price=29.8, suggested_retail_price=32)
    >>> res["ok"], res["sheet"]["direct_stores"], res["sheet"]["mode"]
    (True, 103.0, 'franchise')
    """
    row = _row(chains, account)
    cls = classes if classes is not None and hasattr(classes, "table") else classes_of(classes, chains)
    if not hasattr(cls, "table") or str(account) not in cls.table.index:
        cls = classify(chains)
    c = cls.table.loc[str(account)]
    mode = str(c["mode_code"])
    total = int(row["store_count"])
    share = 1.0 if mode == "direct" else (DIRECT_SHARE[mode] if direct_share is None
                                          else _share(direct_share, "direct_share"))
    sheet = {"chain_id": str(account), "scope": str(c["scope_code"]), "size": str(c["size_code"]), "mode": mode,
             "store_count": total, "direct_stores": int(round(total * share)),
             "annual_sales": float(row["annual_sales"]),
             "top10_daily_sales": list(top10_daily_sales), "layout": layout,
             "competitors": [dict(r) for r in competitors if any(v not in (None, "") for v in dict(r).values())],
             "our_price": our_price, "suggested_retail_price": suggested_retail_price}
    if "chain_name" in chains.columns:
        sheet["chain_name"] = str(row["chain_name"])
    res = research_sheet(sheet)
    return {"sheet": res.sheet, "ok": res.ok, "problems": [dict(p) for p in res.problems]}


def _texts(values: Any, name: str, example: str) -> list[str]:
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, (list, tuple)):
        raise BadValueError(*MSGS.both("err_needs", name=name, k=MIN_ITEMS, example=example), column=name)
    out = []
    for v in values:
        text = str(v).strip()
        if text and text not in out:
            out.append(text)
    return out


def _chips(values: Any, name: str) -> dict[str, str]:
    if not isinstance(values, Mapping):
        raise BadValueError(*MSGS.both("err_chips", name=name), column=name)
    return {str(k).strip(): str(v).strip() for k, v in values.items() if str(k).strip()}


def prep_problems(prep_answer: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What is missing in a negotiation preparation (``prep`` result): (zh, en) pairs, empty when sound.

    Examples
    --------
    >>> prep_problems({"our_needs": ["a"], "their_needs": [], "our_chips": {}, "their_chips": {}})[0][1]
    'our needs: 1 listed, at least 3 needed'
    """
    out: list[tuple[str, str]] = []
    ours, theirs = list(prep_answer.get("our_needs") or []), list(prep_answer.get("their_needs") or [])
    for needs, zh, en in ((ours, "我方需求", "our needs"), (theirs, "对方需求", "their needs")):
        if len(needs) < MIN_ITEMS:
            out.append((f"{zh}只列了 {len(needs)} 项，至少要 {MIN_ITEMS} 项",
                        f"{en}: {len(needs)} listed, at least {MIN_ITEMS} needed"))
    for key, needs, zh, en, zh_side, en_side in (
            ("our_chips", theirs, "我方筹码", "our chips", "对方需求", "their needs"),
            ("their_chips", ours, "对方筹码", "their chips", "我方需求", "our needs")):
        chips = dict(prep_answer.get(key) or {})
        if len(chips) < MIN_ITEMS:
            out.append((f"{zh}只有 {len(chips)} 个，至少要 {MIN_ITEMS} 个",
                        f"{en}: {len(chips)} listed, at least {MIN_ITEMS} needed"))
        loose = [c for c, need in chips.items() if str(need).strip() not in needs]
        if loose:
            out.append((f"{zh}「{'、'.join(loose)}」没有对上{zh_side}里的任何一项",
                        f"{en} {', '.join(loose)} meet none of {en_side} listed"))
    return out


def prep(clauses: pd.DataFrame, *, our_needs: Sequence[str], their_needs: Sequence[str],
         our_chips: Mapping[str, str], their_chips: Mapping[str, str]) -> dict[str, Any]:
    """Negotiation preparation: both sides' needs, bargaining chips, and the concession matrix's Nash package.

    Parameters
    ----------
    clauses : DataFrame
        The clause table of m05 (``wb.load("clauses")``).
    our_needs, their_needs : list of str
        What we want from the chain; what the chain wants from us.
    our_chips : dict
        Chip we can give -> the need of theirs it meets.
    their_chips : dict
        Chip the chain can give -> the need of ours it meets.

    Returns
    -------
    dict
        The four lists, ``problems`` (list of (zh, en)), and ``nash``: the
        Nash package of ``kl.negotiation.ConcessionMatrix.from_table(clauses)``.

    Examples
    --------
    >>> import kamlab as kl
    >>> p = prep(kl.datasets.load("clauses"), our_needs=["黄金陈列位", "回款及时", "动销数据反馈"],
    ...          their_needs=["高毛利", "店员和店长培训", "促销活动策划"],
    ...          our_chips={"返利": "高毛利", "店员培训": "店员和店长培训", "联合活动": "促销活动策划"},
    ...          their_chips={"陈列资源": "黄金陈列位", "回款账期": "回款及时", "数据反馈": "动销数据反馈"})
    >>> p["problems"], p["nash"]["回款账期"]
    ([], '60天')
    """
    out = {"our_needs": _texts(our_needs, "our_needs", '["黄金陈列位", "回款及时", "动销数据反馈"]'),
           "their_needs": _texts(their_needs, "their_needs", '["高毛利", "店员和店长培训", "促销活动策划"]'),
           "our_chips": _chips(our_chips, "our_chips"), "their_chips": _chips(their_chips, "their_chips")}
    out["problems"] = [list(p) for p in prep_problems(out)]
    out["nash"] = ConcessionMatrix.from_table(clauses).nash()
    return out


def annual_purchase(chains: pd.DataFrame, account: str, share: float = PURCHASE_SHARE) -> float:
    """Expected annual purchase of our products by *account* (元): annual sales (万元) × 10000 × *share*.

    Examples
    --------
    >>> import kamlab as kl
    >>> annual_purchase(kl.datasets.load("chains"), "C01", share=0.002)
    7060650.0
    """
    share = _share(share, "share")
    return round(float(_row(chains, account)["annual_sales"]) * 10000.0 * share, 2)


def needs_table() -> pd.DataFrame:
    """The seed's chain needs by group (产品需求、服务需求、销售需求), in the current language's headings.

    Examples
    --------
    >>> needs_table().shape
    (16, 2)
    """
    rows = [(localized(*NEED_GROUPS[group]), need) for group, needs in NEEDS_BY_GROUP.items() for need in needs]
    return pd.DataFrame(rows, columns=[localized("需求类别", "group"), localized("需求", "need")])


def development_checklist() -> pd.DataFrame:
    """The seed's 铺货准备 and 铺货谈判 steps as a checklist (current language).

    Examples
    --------
    >>> development_checklist().shape
    (11, 2)
    """
    return pd.DataFrame([(localized(*phase), localized(*item)) for phase, item in CHECKLIST],
                        columns=[localized("阶段", "phase"), localized("要做的事", "to do")])


def terms_for(chains: pd.DataFrame, account: str, share: float = PURCHASE_SHARE,
              annual_rate: float = 0.06) -> Any:
    """The seed's four payment terms compared for *account*'s expected annual purchase.

    Financing cost = annual purchase × *annual_rate* × days of receivables ÷ 365
    (:func:`kamlab.chains.compare_terms`, which documents the days assumed).

    Examples
    --------
    >>> import kamlab as kl
    >>> t = terms_for(kl.datasets.load("chains"), "C18").table
    >>> t.index.tolist(), t["financing_cost"].round(0).tolist()
    (['预付款', '货到付款', '实销实结', '月结（押批）'], [0.0, 1622.0, 17383.0, 10430.0])
    """
    return compare_terms(annual_purchase(chains, account, share), annual_rate=annual_rate)
