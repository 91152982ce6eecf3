"""m09 OTC 连锁客户的开发 / Developing OTC chain accounts.

The question bank of workshop module m09 (seed 001 第一部分) and the small
helpers its notebook calls, so every answer cell is one literal or one call
built from the trainee's decisions:

* ``q1`` — classification of the chain list with the trainee's size cuts,
  ``kl.chains.classify(chains, cuts=(lo, hi))`` (consistency: the classes
  must be what the tool gives for those cuts on the notebook's data);
* ``q2`` — how many chains are national and large, ``classes.count(...)``
  (computed with the q1 cuts; checked against the context's data);
* ``q3`` — the research sheet of the key account, ``sheet_from_data(...)``:
  store count, sales and classes taken from the data, the field observations
  (direct-store share, top-10 store daily sales, layout, competitors, prices)
  from the trainee; it must validate and match the data;
* ``q4`` — negotiation preparation, ``prep(clauses, ...)``: both sides' needs
  (at least :data:`MIN_ITEMS` each), bargaining chips mapped to the other
  side's needs, and the Nash package of the m05 concession matrix (computed);
* ``q5`` — payment terms for the account's expected annual purchase,
  ``payment_plan(...)``: compared with ``kl.chains.compare_terms`` and the
  recommended term, which must be the best under the trainee's risk weight;
* ``q6`` — free text (how to agree payment terms with purchasing and
  finance), scored by hand.

Examples
--------
>>> import kamlab as kl
>>> from kamlab.course import m09
>>> chains = kl.datasets.load("chains")
>>> m09.classes_of(..., chains).count(scope="全国性", size="大型")
12
>>> round(m09.annual_purchase(chains, "C18"))
1409971
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .. import chains as _chains_tool  # noqa: F401 - makes kl.chains available to the notebook
from .._errors import BadValueError
from .._i18n import Messages, get_language
from ..chains import classify, compare_terms, research_sheet
from ..grading import Context, Question, QuestionBank, Verdict
from .m05 import account_label

__all__ = ["MODULE", "DATASET", "BANK", "MIN_ITEMS", "PURCHASE_SHARE", "DIRECT_SHARE", "OUR_NEEDS", "CHAIN_NEEDS",
           "key_account", "account_label", "classes_of", "sheet_from_data", "annual_purchase", "prep",
           "payment_plan", "classify_form", "count_form", "sheet_form", "prep_form", "terms_form", "text_form"]

MODULE = "m09"
DATASET = "chains"
#: At least this many needs per side and bargaining chips per side.
MIN_ITEMS = 3
#: Default share of the chain's annual sales that is our product (expected annual purchase).
PURCHASE_SHARE = 0.001
#: Default share of direct stores by mode when the trainee has not observed it (全直营 is always 1).
DIRECT_SHARE = {"direct": 1.0, "semi": 0.6, "franchise": 0.2}
#: What we want from a chain (the manufacturer's needs).
OUR_NEEDS = ["总部全品类采购", "新品及时进场", "目标门店铺货率", "黄金陈列位", "年度分销数量", "回款及时",
             "动销数据反馈", "店员主动推荐"]
#: The chain's needs, as the seed lists them (产品需求、服务需求、销售需求).
CHAIN_NEEDS = ["高毛利", "品牌企业二类产品", "产品质量和疗效", "产品安全性和包装", "店员和店长培训", "药店包装",
               "广告宣传支持", "日常办公耗材支持", "消费者异议处理支持", "促销活动策划", "促销物料支持",
               "促销人员支持", "社区活动支持", "会员日活动支持", "消费者教育支持", "店头活动支持"]

MSGS = Messages({
    "lo": ("小型/中型分界（万元）", "small/medium cut (10k yuan)"),
    "hi": ("中型/大型分界（万元）", "medium/large cut (10k yuan)"),
    "scope": ("区域", "scope"),
    "size": ("规模", "size"),
    "any": ("不限", "any"),
    "count": ("符合条件的连锁：{n} 家", "Chains matching: {n}"),
    "direct_share": ("直营店占比", "direct-store share"),
    "daily_sales": ("日销额（元/日）", "daily sales (yuan/day)"),
    "layout": ("布局、地址、商圈……", "Layout, addresses, trade areas..."),
    "product": ("竞品", "competitor"),
    "sales": ("年销量（万元）", "sales (10k yuan/yr)"),
    "price": ("零售价（元）", "retail price"),
    "discount_rate": ("扣率（0–1）", "discount (0-1)"),
    "relationship": ("客情", "relations"),
    "our_price": ("我方零售价（元）", "our retail price"),
    "srp": ("我方建议零售价（元）", "our suggested retail price"),
    "sheet_ok": ("✓ 调研表完整，数字合理。", "✓ The research sheet is complete and plausible."),
    "our_needs": ("我方需求", "our needs"),
    "their_needs": ("对方（连锁）需求", "their needs"),
    "chip": ("筹码", "chip"),
    "meets_theirs": ("满足对方哪项需求", "meets which of their needs"),
    "meets_ours": ("满足我方哪项需求", "meets which of our needs"),
    "our_chips": ("我方筹码（我们能给的）", "our chips (what we can give)"),
    "their_chips": ("对方筹码（连锁能给的）", "their chips (what the chain can give)"),
    "prep_ok": ("✓ 双方需求和筹码齐全，每个筹码都对上了对方的需求。",
                "✓ Needs and chips complete; every chip meets a need of the other side."),
    "nash": ("让步矩阵的纳什点方案：", "Nash package of the concession matrix:"),
    "terms": ("谈判桌上的结款方式", "terms on the table"),
    "risk_weight": ("信用风险的权重", "weight of credit risk"),
    "choice": ("你推荐的结款方式", "the term you recommend"),
    "reason": ("推荐理由……", "Why..."),
    "best": ("按你的权重，综合得分最低（最好）的是：{term}", "Under your weighting the best (lowest score) is: {term}"),
    "text": ("在这里写你的回答……", "Write your answer here..."),
    "sep": ("；", "; "),
    "err_needs": ("{name} 应是文字列表，至少 {k} 项，例如 {example}。",
                  "{name} should be a list of at least {k} texts, e.g. {example}."),
    "err_chips": ("{name} 应是字典 {{筹码: 它满足的对方需求}}。", "{name} should be a dict {{chip: the need it meets}}."),
    "err_share": ("{name} = {value!r} 不对：应是 0 到 1 之间的小数。", "{name} = {value!r} is invalid: use a fraction 0-1."),
})


# ------------------------------------------------------------------ account
def key_account(account: str | None, chains: pd.DataFrame) -> str:
    """The key account chosen in m02 (parameter *account*), or the course default.

    Examples
    --------
    >>> import kamlab as kl
    >>> key_account(None, kl.datasets.load("chains"))
    'C18'
    """
    from ._shared import resolve_account

    return resolve_account(account, chains)


def _row(chains: pd.DataFrame, account: str) -> pd.Series:
    ids = chains["chain_id"].astype(str)
    if str(account) not in set(ids):
        key_account(account, chains)  # raises the bilingual "not in the chain list" error
    return chains.loc[ids == str(account)].iloc[0]


# --------------------------------------------------------------- q1 and q2
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


# ----------------------------------------------------------------------- q3
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


# ----------------------------------------------------------------------- q4
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
    from ..negotiation import ConcessionMatrix

    out = {"our_needs": _texts(our_needs, "our_needs", '["黄金陈列位", "回款及时", "动销数据反馈"]'),
           "their_needs": _texts(their_needs, "their_needs", '["高毛利", "店员和店长培训", "促销活动策划"]'),
           "our_chips": _chips(our_chips, "our_chips"), "their_chips": _chips(their_chips, "their_chips")}
    out["problems"] = [list(p) for p in prep_problems(out)]
    out["nash"] = ConcessionMatrix.from_table(clauses).nash()
    return out


# ----------------------------------------------------------------------- q5
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


def payment_plan(chains: pd.DataFrame, account: str, *, terms: Sequence[str], risk_weight: float,
                 choice: str, reason: str, share: float = PURCHASE_SHARE,
                 annual_rate: float = 0.06) -> dict[str, Any]:
    """Payment terms compared for *account*'s expected annual purchase, and the term recommended.

    Returns
    -------
    dict
        ``chain_id``, ``share``, ``amount``, ``terms``, ``annual_rate``,
        ``risk_weight``, ``table`` (``kl.chains.compare_terms(...).table``),
        ``best``, ``choice``, ``reason``.

    Examples
    --------
    >>> import kamlab as kl
    >>> p = payment_plan(kl.datasets.load("chains"), "C18", terms=["货到付款", "月结", "押批"], risk_weight=0.6,
    ...                  choice="月结", reason="月结风险低于押批")
    >>> p["amount"], p["best"], p["table"]["financing_cost"].round(0).tolist()
    (1409971.0, '货到付款', [1622.0, 10430.0, 6953.0])
    """
    from ..chains import term_key

    amount = annual_purchase(chains, account, share)
    res = compare_terms(amount, list(terms), annual_rate=annual_rate, risk_weight=risk_weight)
    choice = str(choice).strip()
    try:  # the term in either language (the English form writes English names): its Chinese key
        choice = term_key(choice)
    except ValueError:
        pass
    return {"chain_id": str(account), "share": float(share), "amount": amount,
            "terms": [term_key(str(t)) for t in res.table.index],
            "annual_rate": res.annual_rate, "risk_weight": res.risk_weight,
            "table": res.table.drop(columns="label"), "best": res.best, "choice": choice,
            "reason": " ".join(str(reason).split())}


# ------------------------------------------------------------------- forms
def _num(x: Any) -> str:
    x = float(x)
    return str(int(x)) if x.is_integer() else f"{x:g}"


def classify_form(chains: pd.DataFrame) -> Any:
    """Exercise 1: two sliders for the size cuts (万元); the class chart live; the q1 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = classify_form(kl.datasets.load("chains"))
    ...     form.controls["hi"].value = 150000
    >>> form.line
    'q1 = kl.chains.classify(chains, cuts=(10000, 150000))'
    """
    from ..widgets import AnswerForm, slider

    controls = {"lo": slider(10000, 0, 50000, 1000, label=MSGS("lo")),
                "hi": slider(100000, 20000, 400000, 5000, label=MSGS("hi"))}

    def draw(v: dict[str, Any]) -> None:
        res = classify(chains, cuts=(v["lo"], v["hi"]))
        print(res.counts().to_string())
        res.plot()

    return AnswerForm(controls, line=lambda v: f"q1 = kl.chains.classify(chains, cuts=({_num(v['lo'])}, "
                                               f"{_num(v['hi'])}))", draw=draw)


def count_form(classes: Any) -> Any:
    """Exercise 2: pick a scope and a size; the count live; the q2 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = count_form(classes_of(..., kl.datasets.load("chains")))
    ...     form.controls["scope"].value = "全国性"
    >>> form.line
    'q2 = classes.count(scope="全国性")'
    """
    from ..chains import SCOPES, SIZES
    from ..widgets import AnswerForm, dropdown, literal

    any_ = MSGS("any")
    controls = {"scope": dropdown([any_] + [zh for zh, _ in SCOPES.values()], label=MSGS("scope")),
                "size": dropdown([any_] + [zh for zh, _ in SIZES.values()], label=MSGS("size"))}

    def args(v: dict[str, Any]) -> dict[str, str]:
        return {k: v[k] for k in ("scope", "size") if v[k] != any_}

    def draw(v: dict[str, Any]) -> None:
        print(classes.counts().to_string())
        print(MSGS("count", n=classes.count(**args(v))))

    return AnswerForm(controls, line=lambda v: "q2 = classes.count(" + ", ".join(
        f"{k}={literal(x)}" for k, x in args(v).items()) + ")", draw=draw)


_COMP_COLUMNS = ("product", "sales", "price", "discount_rate", "relationship")


def sheet_line(v: Mapping[str, Any], name: str = "q3") -> str:
    """The q3 line for the form values.

    Examples
    --------
    >>> sheet_line({"direct_share": 0.3, "top10": [{"daily_sales": 20000}, {"daily_sales": None}],
    ...             "layout": "社区店", "competitors": [], "our_price": 29.8, "srp": 32})[:80]
    'q3 = kl.course.m09.sheet_from_data(chains, account, classes, direct_share=0.3, t'
    """
    from ..widgets import literal

    top = [r["daily_sales"] for r in v["top10"] if r.get("daily_sales") not in (None, "")]
    comps = [{c: r.get(c) for c in _COMP_COLUMNS} for r in v["competitors"]
             if any(r.get(c) not in (None, "") for c in _COMP_COLUMNS)]
    return (f"{name} = kl.course.m09.sheet_from_data(chains, account, classes, direct_share={_num(v['direct_share'])}, "
            f"top10_daily_sales={literal(top)}, layout={literal(' '.join(str(v['layout']).split()))}, "
            f"competitors={literal(comps)}, our_price={_num(v['our_price'] or 0)}, "
            f"suggested_retail_price={_num(v['srp'] or 0)})")


def sheet_form(chains: pd.DataFrame, account: str, classes: Any) -> Any:
    """Exercise 3: the field observations of the research sheet; the sheet's check and chart live.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> chains = kl.datasets.load("chains")
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = sheet_form(chains, "C18", classes_of(..., chains))
    >>> form.line.startswith("q3 = kl.course.m09.sheet_from_data(chains, account, classes, direct_share=")
    True
    """
    import ipywidgets as w

    from ..widgets import AnswerForm, TableEditor, slider

    top = TableEditor([{"daily_sales": None} for _ in range(10)], ["daily_sales"],
                      labels={"daily_sales": MSGS("daily_sales")})
    comps = TableEditor([dict.fromkeys(_COMP_COLUMNS) for _ in range(3)], list(_COMP_COLUMNS),
                        labels={c: MSGS(c) for c in _COMP_COLUMNS})
    controls = {"direct_share": slider(0.3, 0.0, 1.0, 0.05, label=MSGS("direct_share")),
                "top10": top,
                "layout": w.Textarea(value="", placeholder=MSGS("layout"), layout={"width": "95%", "height": "50px"}),
                "competitors": comps,
                "our_price": w.FloatText(value=0.0, description=MSGS("our_price"), style={"description_width": "150px"}),
                "srp": w.FloatText(value=0.0, description=MSGS("srp"), style={"description_width": "150px"})}

    def draw(v: dict[str, Any]) -> None:
        ns = {"kl": __import__("kamlab"), "chains": chains, "account": account, "classes": classes}
        exec(sheet_line(v, "_res"), ns)  # noqa: S102 - the line the form itself wrote
        res = research_sheet({k: x for k, x in ns["_res"]["sheet"].items() if k not in _DERIVED})
        for text in res.messages() or [MSGS("sheet_ok")]:
            print(text)
        res.plot()

    return AnswerForm(controls, line=sheet_line, draw=draw, title=account_label(account, chains))


def prep_line(v: Mapping[str, Any], name: str = "q4") -> str:
    """The q4 line for the form values.

    Examples
    --------
    >>> prep_line({"our_needs": ("回款及时",), "their_needs": ("高毛利",),
    ...            "our_chips": [{"chip": "返利", "meets": "高毛利"}, {"chip": None, "meets": None}],
    ...            "their_chips": []})
    'q4 = kl.course.m09.prep(clauses, our_needs=["回款及时"], their_needs=["高毛利"], our_chips={"返利": "高毛利"}, their_chips={})'
    """
    from ..widgets import literal

    def chips(rows: Sequence[Mapping[str, Any]]) -> dict[str, str]:
        return {str(r["chip"]).strip(): str(r.get("meets") or "").strip() for r in rows
                if r.get("chip") not in (None, "")}

    return (f"{name} = kl.course.m09.prep(clauses, our_needs={literal(list(v['our_needs']))}, "
            f"their_needs={literal(list(v['their_needs']))}, our_chips={literal(chips(v['our_chips']))}, "
            f"their_chips={literal(chips(v['their_chips']))})")


def prep_form(clauses: pd.DataFrame) -> Any:
    """Exercise 4: needs of both sides (lists from the seed), chips and what they meet; check and matrix live.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = prep_form(kl.datasets.load("clauses"))
    ...     form.controls["our_needs"].value = ("回款及时",)
    >>> form.line.startswith('q4 = kl.course.m09.prep(clauses, our_needs=["回款及时"], their_needs=[]')
    True
    """
    from ..negotiation import ConcessionMatrix
    from ..widgets import AnswerForm, TableEditor, multi_select

    controls = {"our_needs": multi_select(OUR_NEEDS, (), label=MSGS("our_needs"), rows=len(OUR_NEEDS)),
                "their_needs": multi_select(CHAIN_NEEDS, (), label=MSGS("their_needs"), rows=8),
                "our_chips": TableEditor([{"chip": None, "meets": None} for _ in range(4)], ["chip", "meets"],
                                         labels={"chip": MSGS("our_chips"), "meets": MSGS("meets_theirs")}),
                "their_chips": TableEditor([{"chip": None, "meets": None} for _ in range(4)], ["chip", "meets"],
                                           labels={"chip": MSGS("their_chips"), "meets": MSGS("meets_ours")})}
    m = ConcessionMatrix.from_table(clauses)

    def draw(v: dict[str, Any]) -> None:
        ns = {"kl": __import__("kamlab"), "clauses": clauses}
        exec(prep_line(v, "_p"), ns)  # noqa: S102 - the line the form itself wrote
        problems = ns["_p"]["problems"]
        for zh, en in problems:
            print("✗ " + (zh if get_language() == "zh" else en))
        if not problems:
            print(MSGS("prep_ok"))
        nash = ns["_p"]["nash"]
        print(MSGS("nash"), MSGS("sep").join(f"{c.name}: {nash[c.name]}" for c in m.clauses))
        m.plot()

    return AnswerForm(controls, line=prep_line, draw=draw)


def terms_line(v: Mapping[str, Any], name: str = "q5") -> str:
    """The q5 line for the form values.

    Examples
    --------
    >>> terms_line({"terms": ("月结", "押批"), "risk_weight": 0.6, "choice": "月结", "reason": "风险低"})
    'q5 = kl.course.m09.payment_plan(chains, account, terms=["月结", "押批"], risk_weight=0.6, choice="月结", reason="风险低")'
    """
    from ..widgets import literal

    return (f"{name} = kl.course.m09.payment_plan(chains, account, terms={literal(list(v['terms']))}, "
            f"risk_weight={_num(v['risk_weight'])}, choice={literal(v['choice'])}, "
            f"reason={literal(' '.join(str(v['reason']).split()))})")


def terms_form(chains: pd.DataFrame, account: str) -> Any:
    """Exercise 5: the terms on the table, the risk weight, the recommendation; the comparison chart live.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = terms_form(kl.datasets.load("chains"), "C18")
    >>> form.line.startswith('q5 = kl.course.m09.payment_plan(chains, account, terms=["货到付款", "实销实结", "月结", "押批"]')
    True
    """
    import ipywidgets as w

    from ..chains import TERMS, term_name
    from ..widgets import AnswerForm, dropdown, multi_select, slider

    names = [term_name(t) for t in TERMS]   # the line writes the names of the current language
    controls = {"terms": multi_select(names, names[1:], label=MSGS("terms"), rows=len(names)),
                "risk_weight": slider(0.5, 0.0, 1.0, 0.05, label=MSGS("risk_weight")),
                "choice": dropdown(names, term_name("月结"), label=MSGS("choice")),
                "reason": w.Textarea(value="", placeholder=MSGS("reason"), layout={"width": "95%", "height": "50px"})}

    def draw(v: dict[str, Any]) -> None:
        res = compare_terms(annual_purchase(chains, account), list(v["terms"]), risk_weight=float(v["risk_weight"]))
        print(MSGS("best", term=term_name(res.best)))
        res.plot()

    return AnswerForm(controls, line=terms_line, draw=draw, title=account_label(account, chains))


def text_form(key: str = "q6") -> Any:
    """Exercise 6: a text box; writes ``q6 = "..."`` with the text safely quoted.

    Examples
    --------
    >>> form = text_form()
    >>> form.controls["text"].value = '先和财务经理谈"月结"'
    >>> print(form.line)
    q6 = '先和财务经理谈"月结"'
    """
    from ..widgets import text_answer

    return text_answer(key, placeholder=MSGS("text"))


# ------------------------------------------------------------------- checks
def _fail(zh: str, en: str, score: float = 0.0) -> Verdict:
    return Verdict(ok=False, score=score, reason_zh=zh, reason_en=en)


def _get(answer: Any, key: str, default: Any = None) -> Any:
    if isinstance(answer, Mapping):
        return answer.get(key, default)
    return getattr(answer, key, default)


def _q1_table(answer: Any) -> pd.DataFrame | None:
    """The classification table of a q1 answer (a result, or its table as the grader reads it back)."""
    table = answer if isinstance(answer, pd.DataFrame) else _get(answer, "table")
    if not isinstance(table, pd.DataFrame) or not {"scope_code", "size_code", "mode_code"} <= set(table.columns):
        return None
    table = table[["scope_code", "size_code", "mode_code"]].astype(str)
    table.index = table.index.astype(str)
    return table


def _q1_problem(table: pd.DataFrame, chains: pd.DataFrame) -> tuple[str, str] | None:
    """Why a q1 classification table does not fit the data (None when it does).

    Scope and mode must be the tool's; sizes must follow sales with *some*
    pair of cuts: every small chain sells less than every medium one, every
    medium one less than every large one.
    """
    ref = classify(chains).table
    if set(table.index) != set(ref.index) or len(table) != len(ref):
        return ("分类表里的连锁和本笔记本的连锁名单不一致：请用 kl.chains.classify(chains, cuts=...) 在本数据上计算。",
                "The chains classified are not this notebook's chain list: compute the classes with "
                "kl.chains.classify(chains, cuts=...) on this data.")
    t = table.loc[ref.index]
    if not (t["scope_code"].to_numpy() == ref["scope_code"].to_numpy()).all() or \
            not (t["mode_code"].to_numpy() == ref["mode_code"].to_numpy()).all():
        return ("区域或经营模式的分类和数据不一致：请用 kl.chains.classify 计算，不要手工填写。",
                "The scope or mode classes do not match the data: compute them with kl.chains.classify, "
                "do not type them in.")
    sales = ref["annual_sales"].astype(float)
    size = t["size_code"]
    if not set(size) <= {"large", "medium", "small"}:
        return ("规模类别只能是大型、中型、小型。", "Sizes must be large, medium or small.")
    rank = size.map({"small": 0, "medium": 1, "large": 2})
    for lower in (0, 1):
        below, above = sales[rank <= lower], sales[rank > lower]
        if len(below) and len(above) and below.max() >= above.min():
            return ("规模分类和按你的分界线在本笔记本数据上算出的不一致（有销售额更高的连锁被分到了更小的一档）："
                    "请用 kl.chains.classify 计算，不要手工填写。",
                    "The sizes differ from what your cuts give on this notebook's data (a chain with higher "
                    "sales sits in a smaller class): compute them with kl.chains.classify, do not type them in.")
    return None


def _reference_table(ctx: Context) -> pd.DataFrame:
    """The trainee's q1 classes when they fit the context's data, else the default classification."""
    chains = ctx.load(DATASET)
    table = _q1_table(ctx.answers.get("q1", ...))
    if table is not None and _q1_problem(table, chains) is None:
        return table
    return classify(chains).table[["scope_code", "size_code", "mode_code"]]


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    table = _q1_table(answer)
    if table is None:
        return _fail("答案应是 kl.chains.classify(chains, cuts=(..., ...)) 的结果。",
                     "The answer should be the result of kl.chains.classify(chains, cuts=(..., ...)).")
    problem = _q1_problem(table, ctx.load(DATASET))
    return Verdict(True, 1.0) if problem is None else _fail(*problem)


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    from ..grading._bank import _as_number

    x = _as_number(answer)
    t = _reference_table(ctx)
    ref = int(((t["scope_code"] == "national") & (t["size_code"] == "large")).sum())
    if x == ref:
        return Verdict(True, 1.0)
    return _fail("全国性大型连锁的家数不对：用练习 1 的分类 classes.count(scope=\"全国性\", size=\"大型\") 计算。",
                 "The number of national large chains is wrong: count it on your exercise-1 classes with "
                 "classes.count(scope=\"全国性\", size=\"大型\").")


_DERIVED = ("franchise_stores", "avg_store_daily_sales")


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    sheet = _get(answer, "sheet")
    if not isinstance(sheet, Mapping):
        return _fail("答案应是 kl.course.m09.sheet_from_data(chains, account, classes, ...) 的结果。",
                     "The answer should be the result of kl.course.m09.sheet_from_data(chains, account, classes, ...).")
    try:
        res = research_sheet({k: v for k, v in sheet.items() if k not in _DERIVED})
    except ValueError:
        return _fail("调研表不完整或有不对的值：运行答案单元格看具体提示。",
                     "The research sheet is incomplete or has a wrong value: run the answer cell for details.")
    chains = ctx.load(DATASET)
    account = str(sheet.get("chain_id"))
    ids = set(chains["chain_id"].astype(str))
    if account not in ids:
        return _fail("调研表里的连锁编号不在本笔记本的连锁名单中：请用 sheet_from_data(chains, account, ...) 生成。",
                     "The sheet's chain id is not in this notebook's chain list: build it with "
                     "sheet_from_data(chains, account, ...).")
    row = _row(chains, account)
    c = _reference_table(ctx).loc[account]
    data_ok = int(row["store_count"]) == int(res.sheet["store_count"]) and \
        math.isclose(float(row["annual_sales"]), res.sheet["annual_sales"], rel_tol=1e-9) and \
        (res.sheet["scope"], res.sheet["size"], res.sheet["mode"]) == (c["scope_code"], c["size_code"], c["mode_code"])
    if not data_ok:
        return _fail("门店数、年销售额或类别和本笔记本数据里这家连锁的不一致：这些项目要用 sheet_from_data 从数据里取，"
                     "不要手工填写。",
                     "The store count, annual sales or classes differ from this chain's row in the notebook's data: "
                     "take them from the data with sheet_from_data, do not type them in.")
    if not res.ok:
        first = res.problems[0]
        return _fail(f"调研表有 {len(res.problems)} 处数字不合理，例如：{first['zh']}",
                     f"The research sheet has {len(res.problems)} implausible figure(s), e.g.: {first['en']}",
                     score=0.5)
    return Verdict(True, 1.0)


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    from ..negotiation import ConcessionMatrix

    if not (isinstance(answer, Mapping) and {"our_needs", "their_needs", "our_chips", "their_chips", "nash"}
            <= set(answer)):
        return _fail("答案应是 kl.course.m09.prep(clauses, our_needs=[...], their_needs=[...], our_chips={...}, "
                     "their_chips={...}) 的结果。",
                     "The answer should be the result of kl.course.m09.prep(clauses, our_needs=[...], "
                     "their_needs=[...], our_chips={...}, their_chips={...}).")
    try:
        fresh = {"our_needs": _texts(answer["our_needs"], "our_needs", ""),
                 "their_needs": _texts(answer["their_needs"], "their_needs", ""),
                 "our_chips": _chips(answer["our_chips"], "our_chips"),
                 "their_chips": _chips(answer["their_chips"], "their_chips")}
    except ValueError:
        return _fail("需求应是文字列表，筹码应是字典 {筹码: 它满足的需求}。",
                     "Needs should be lists of texts, chips dicts {chip: the need it meets}.")
    ref = ConcessionMatrix.from_table(ctx.load("clauses")).nash()
    nash = answer["nash"]
    same = isinstance(nash, Mapping) and all(str(nash.get(k)) == str(v) for k, v in ref.items()
                                             if k not in ("u_us", "u_them")) and \
        all(math.isclose(float(nash.get(k, math.nan)), float(ref[k]), rel_tol=1e-6) for k in ("u_us", "u_them"))
    problems = prep_problems(fresh)
    if not same:
        problems.append(("纳什点方案和本笔记本条款表的让步矩阵算出的不一致：请用 prep(clauses, ...) 计算",
                         "the Nash package differs from the concession matrix of this notebook's clause table: "
                         "compute it with prep(clauses, ...)"))
    if not problems:
        return Verdict(True, 1.0)
    return _fail("；".join(p[0] for p in problems), "; ".join(p[1] for p in problems),
                 score=max(0.0, 1 - 0.25 * len(problems)))


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    keys = {"chain_id", "share", "amount", "terms", "risk_weight", "annual_rate", "table", "best", "choice", "reason"}
    if not (isinstance(answer, Mapping) and keys <= set(answer)):
        return _fail("答案应是 kl.course.m09.payment_plan(chains, account, terms=[...], risk_weight=..., choice=..., "
                     "reason=...) 的结果。",
                     "The answer should be the result of kl.course.m09.payment_plan(chains, account, terms=[...], "
                     "risk_weight=..., choice=..., reason=...).")
    chains = ctx.load(DATASET)
    if str(answer["chain_id"]) not in set(chains["chain_id"].astype(str)):
        return _fail("连锁编号不在本笔记本的连锁名单中。", "The chain id is not in this notebook's chain list.")
    try:
        ref = payment_plan(chains, str(answer["chain_id"]), terms=list(answer["terms"]),
                           risk_weight=float(answer["risk_weight"]), choice=str(answer["choice"]),
                           reason=str(answer["reason"]), share=float(answer["share"]),
                           annual_rate=float(answer["annual_rate"]))
    except (ValueError, TypeError):
        return _fail("结款方式、权重或比例不对：运行答案单元格看具体提示。",
                     "A term, the weight or the share is invalid: run the answer cell for details.")
    table = answer["table"]
    cols = ["days", "financing_cost", "credit_risk", "score"]
    same = isinstance(table, pd.DataFrame) and set(cols) <= set(table.columns) and len(table) == len(ref["table"]) \
        and np.allclose(table[cols].to_numpy(dtype=float), ref["table"][cols].to_numpy(dtype=float), rtol=1e-6) \
        and math.isclose(float(answer["amount"]), ref["amount"], rel_tol=1e-9) and str(answer["best"]) == ref["best"]
    if not same:
        return _fail("年采购额、资金成本或得分和在本笔记本数据上重新计算的不一致：请用 payment_plan 计算，不要手工填写。",
                     "The annual purchase, financing costs or scores differ from a fresh computation on this "
                     "notebook's data: compute them with payment_plan, do not type them in.")
    if len(ref["terms"]) < 2:
        return _fail("至少比较 2 种结款方式。", "Compare at least 2 payment terms.", score=0.5)
    if str(answer["choice"]) != ref["best"]:
        return _fail("你推荐的结款方式不是按你的风险权重综合得分最低的那一种：调整推荐或权重，让两者一致。",
                     "The term you recommend is not the one with the lowest score under your risk weight: "
                     "change the recommendation or the weight so they agree.", score=0.5)
    if len(str(answer["reason"]).strip()) < 4:
        return _fail("请写出推荐理由。", "Give a reason for your recommendation.", score=0.75)
    return Verdict(True, 1.0)


BANK = QuestionBank(
    module=MODULE,
    title=("OTC 连锁客户的开发", "Developing OTC chain accounts"),
    datasets=(DATASET, "clauses"),
    questions=(
        Question(
            key="q1", points=2.0,
            prompt=("按区域、销售额和经营模式给连锁客户分类（你定销售额的分界线）。",
                    "Classify the chains by region, sales and store management (you set the sales cuts)."),
            check=_check_q1,
            hint=("用 kl.chains.classify(chains, cuts=(小型/中型分界, 中型/大型分界))，单位万元。",
                  "Use kl.chains.classify(chains, cuts=(small/medium cut, medium/large cut)), in 10k yuan.")),
        Question(
            key="q2", points=2.0,
            prompt=("按你的分类，全国性大型连锁有几家？", "Under your classes, how many chains are national and large?"),
            check=_check_q2,
            hint=("classes.count(scope=\"全国性\", size=\"大型\")。", "classes.count(scope=\"全国性\", size=\"大型\").")),
        Question(
            key="q3", points=3.0,
            prompt=("为重点客户填写连锁药店调研表：类别、门店数、年销售额、前 10 名单店日销、布局商圈、竞品。",
                    "Fill in the research sheet of the key account: classes, stores, sales, top-10 store daily "
                    "sales, layout, competitors."),
            check=_check_q3,
            hint=("用 kl.course.m09.sheet_from_data(chains, account, classes, ...)：门店数和销售额从数据取，"
                  "你的走访记录填进去；日销单位是元/日，扣率写 0–1 的小数。",
                  "Use kl.course.m09.sheet_from_data(chains, account, classes, ...): stores and sales come from the "
                  "data, your field notes go in; daily sales in yuan/day, discount rates as fractions 0-1.")),
        Question(
            key="q4", points=3.0,
            prompt=("谈判准备：双方的需求和谈判筹码（各至少 3 项，筹码要对上对方的需求），以及让步矩阵的纳什点。",
                    "Negotiation preparation: both sides' needs and chips (at least 3 each, every chip meeting a "
                    "need of the other side) and the Nash package of the concession matrix."),
            check=_check_q4,
            hint=("用 kl.course.m09.prep(clauses, our_needs=[...], their_needs=[...], our_chips={筹码: 对方需求}, "
                  "their_chips={筹码: 我方需求})。",
                  "Use kl.course.m09.prep(clauses, our_needs=[...], their_needs=[...], our_chips={chip: their need}, "
                  "their_chips={chip: our need}).")),
        Question(
            key="q5", points=3.0,
            prompt=("比较重点客户的结款方式（应收天数、资金成本、信用风险），推荐一种并说明理由。",
                    "Compare payment terms for the key account (days, financing cost, credit risk); recommend one "
                    "and say why."),
            check=_check_q5,
            hint=("用 kl.course.m09.payment_plan(chains, account, terms=[...], risk_weight=..., choice=..., "
                  "reason=...)；推荐的应是按你的权重得分最低的方式。",
                  "Use kl.course.m09.payment_plan(chains, account, terms=[...], risk_weight=..., choice=..., "
                  "reason=...); recommend the term with the lowest score under your weight.")),
        Question(
            key="q6", points=3.0,
            prompt=("你会怎样和连锁的采购经理、财务经理沟通你推荐的结款方式？（讲师评分）",
                    "How would you agree your recommended payment term with the chain's purchasing and finance "
                    "managers? (scored by the instructor)"),
            check=None, manual=True),
    ),
)
