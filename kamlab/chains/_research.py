"""The chain development research sheet (连锁药店调研), seed 001 第一部分 三.1.

The seed lists what to find out before developing a chain:

1. 连锁药店类别 — the classes (``scope``, ``size``, ``mode``);
2. 药店数量（直营店数量和加盟店数量）— ``store_count`` and ``direct_stores``
   (franchised stores = the rest);
3. 药店年总销售量以及排名前10的单店日销量 — ``annual_sales`` (万元) and
   ``top10_daily_sales`` (the daily sales of the 10 best stores, 元/日);
4. 药店布局，地址，商圈 — ``layout`` (text);
5. 药店相关竞品情况（销量，价格，扣率，客情）— ``competitors``: a list of
   ``{"product", "sales" (万元/年), "price" (元), "discount_rate" (扣率, the
   supply price as a share of the retail price, 0–1), "relationship"
   (客情, text)}``;

plus the price our product sells at in the chain against its suggested
retail price (``our_price``, ``suggested_retail_price``, 元).

:func:`research_sheet` raises a :class:`~kamlab.KamlabInputError` for a
sheet that is incomplete or malformed (missing item, wrong type, negative
number, not 10 store figures, a discount rate outside 0–1) and lists the
numbers that are *implausible* as ``problems`` (bilingual), with these
documented rules:

* the top-10 stores' mean daily sales must not be below the chain's average
  store daily sales (``annual_sales × 10000 / 365 / store_count``), nor their
  best store above :data:`MAX_TOP_RATIO` × that average (units: 元/日, not 万元);
* 全直营 chains have every store direct; 半直营 have some of each; 加盟 chains
  have fewer direct than franchised stores;
* our price / suggested retail price within :data:`PRICE_BAND` (below half
  is dumping, above 1 breaks the suggested price);
* a competitor's price within :data:`COMPETITOR_PRICE_BAND` × our suggested
  retail price (same category).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError, EmptyTableError, MissingColumnError
from .._i18n import Messages, localized
from .._problems import did_you_mean
from ._classify import code_of, label
from ._sheet import EXAMPLE, ResearchSheet

__all__ = ["research_sheet", "ResearchSheet", "EXAMPLE", "RESEARCH_ITEMS", "COMPETITOR_FIELDS", "PRICE_BAND",
           "COMPETITOR_PRICE_BAND", "MAX_TOP_RATIO", "TOP_N"]

#: The items of the sheet: key -> (seed item number, zh label, en label).
RESEARCH_ITEMS: dict[str, tuple[int, str, str]] = {
    "chain_id": (0, "连锁编号", "chain id"),
    "scope": (1, "类别：区域", "class: scope"),
    "size": (1, "类别：规模", "class: size"),
    "mode": (1, "类别：经营模式", "class: mode"),
    "store_count": (2, "门店数（家）", "stores"),
    "direct_stores": (2, "直营店数（家）", "direct stores"),
    "annual_sales": (3, "年销售额（万元）", "annual sales (10k yuan)"),
    "top10_daily_sales": (3, "前 10 名单店日销（元/日）", "top-10 store daily sales (yuan/day)"),
    "layout": (4, "布局、地址、商圈", "layout, addresses, trade areas"),
    "competitors": (5, "竞品（销量、价格、扣率、客情）", "competitors (sales, price, discount, relations)"),
    "our_price": (5, "我方产品在该连锁的零售价（元）", "our retail price in the chain (yuan)"),
    "suggested_retail_price": (5, "我方建议零售价（元）", "our suggested retail price (yuan)"),
}
#: Fields of one competitor row.
COMPETITOR_FIELDS = ("product", "sales", "price", "discount_rate", "relationship")
#: Number of top stores whose daily sales are recorded.
TOP_N = 10
#: Plausible band of our price / suggested retail price.
PRICE_BAND = (0.5, 1.0)
#: Plausible band of a competitor's price / our suggested retail price.
COMPETITOR_PRICE_BAND = (0.2, 5.0)
#: The best store may sell at most this many times the chain's average store.
MAX_TOP_RATIO = 30.0
MSGS = Messages({
    "err_type": ("调研表应是一个字典 {{项目: 内容}}，收到的是 {got}。",
                 "The research sheet should be a dict {{item: value}}; got {got}."),
    "err_missing": ("调研表缺少项目 '{item}'（{label}）{hint_zh}。请补上这一项。",
                    "The research sheet lacks item '{item}' ({label_en}){hint_en}. Add it."),
    "err_unknown": ("调研表里的项目 '{item}' 不认识{hint_zh}。可用项目：{valid}。",
                    "Unknown research item '{item}'{hint_en}. Items: {valid}."),
    "err_number": ("调研项目 '{item}' 的值 {value!r} 不对：应是{kind}。",
                   "Research item '{item}': value {value!r} is invalid; it should be {kind_en}."),
    "positive": ("大于 0 的数字", "a number > 0"),
    "nonneg_int": ("不小于 0 的整数", "a whole number >= 0"),
    "pos_int": ("大于 0 的整数", "a whole number > 0"),
    "err_text": ("调研项目 '{item}' 应是一段文字（至少 2 个字），收到 {value!r}。",
                 "Research item '{item}' should be a text (at least 2 characters); got {value!r}."),
    "err_direct": ("直营店数 direct_stores = {direct} 大于门店总数 store_count = {total}。",
                   "direct_stores = {direct} exceeds store_count = {total}."),
    "err_top_len": ("top10_daily_sales 应是 {n} 家门店的日销额列表，收到 {got} 个数。",
                    "top10_daily_sales should list the daily sales of {n} stores; got {got} values."),
    "err_top_value": ("top10_daily_sales 第 {row} 个值 {value!r} 不对：应是大于 0 的数字（元/日）。",
                      "top10_daily_sales value {row} ({value!r}) is invalid: enter a number > 0 (yuan/day)."),
    "err_comp_type": ("competitors 应是竞品列表，每个竞品一个字典，包含 {fields}。",
                      "competitors should be a list with one dict per competitor holding {fields}."),
    "err_comp_empty": ("competitors 是空的：至少调研 1 个竞品。",
                       "competitors is empty: research at least 1 competitor."),
    "err_comp_missing": ("第 {row} 个竞品缺少字段 '{field}'{hint_zh}。每个竞品要有 {fields}。",
                         "Competitor {row} lacks field '{field}'{hint_en}. Every competitor needs {fields}."),
    "err_comp_value": ("第 {row} 个竞品的 '{field}' = {value!r} 不对：应是{kind}。",
                       "Competitor {row}: '{field}' = {value!r} is invalid; it should be {kind_en}."),
    "rate": ("0 到 1 之间的小数（例如 0.65 表示 65 扣，不要写 65）", "a fraction in (0, 1] (0.65 means 65%, not 65)"),
    "nonneg": ("不小于 0 的数字", "a number >= 0"),
    "p_top_low": ("前 10 名门店日销平均 {mean:,.0f} 元/日，低于全连锁平均单店日销 {avg:,.0f} 元/日：单位应是元/日，"
                  "并请核对门店排名。",
                  "The top-10 stores average {mean:,.0f} yuan/day, below the chain's average store "
                  "({avg:,.0f} yuan/day): use yuan per day and check the store ranking."),
    "p_top_high": ("最好门店日销 {top:,.0f} 元/日，是平均单店 {avg:,.0f} 元/日的 {ratio:.0f} 倍（超过 {max:.0f} 倍）："
                   "请核对单位和数字。",
                   "The best store sells {top:,.0f} yuan/day, {ratio:.0f} times the average store "
                   "({avg:,.0f} yuan/day; more than {max:.0f} times): check units and figures."),
    "p_direct_all": ("全直营连锁的门店都应是直营店：直营店 {direct} 家，门店 {total} 家。",
                     "A fully owned chain runs every store itself: {direct} direct of {total} stores."),
    "p_direct_semi": ("半直营连锁应既有直营店也有加盟店：直营店 {direct} 家，门店 {total} 家。",
                      "A semi-direct chain has both direct and franchised stores: {direct} direct of {total}."),
    "p_direct_fr": ("加盟连锁的直营店应少于加盟店：直营店 {direct} 家，门店 {total} 家。",
                    "A franchise chain has fewer direct than franchised stores: {direct} direct of {total}."),
    "p_price": ("我方零售价是建议零售价的 {ratio:.0%}，超出合理区间 {lo:.0%}–{hi:.0%}：核对价格，异常价格要跟进。",
                "Our retail price is {ratio:.0%} of the suggested retail price, outside {lo:.0%}-{hi:.0%}: "
                "check the price and follow up an abnormal one."),
    "p_comp_price": ("第 {row} 个竞品（{product}）价格 {price:g} 元是我方建议零售价的 {ratio:.1f} 倍，"
                     "超出 {lo:g}–{hi:g} 倍：核对是否同一规格。",
                     "Competitor {row} ({product}) is priced {price:g} yuan, {ratio:.1f} times our suggested "
                     "retail price (outside {lo:g}-{hi:g}): check it is the same pack size."),
    "ok": ("✓", "✓"),
    "col_item": ("项目", "item"),
    "col_value": ("内容", "value"),
    "col_check": ("核对", "check"),
    "franchise_stores": ("加盟店数（家）", "franchised stores"),
    "avg_daily": ("平均单店日销（元/日）", "average store daily sales (yuan/day)"),
    "top_mean": ("前 10 名平均日销（元/日）", "top-10 mean daily sales (yuan/day)"),
    "price_index": ("我方零售价 / 建议零售价", "our price / suggested retail price"),
    "n_comp": ("{n} 个竞品", "{n} competitors"),
})

def _is_number(x: Any) -> bool:
    return isinstance(x, (numbers.Real, np.number)) and not isinstance(x, (bool, np.bool_)) \
        and math.isfinite(float(x))


def _number(sheet: Mapping[str, Any], item: str, kind: str) -> float:
    value = sheet[item]
    ok = _is_number(value)
    if ok:
        x = float(value)
        ok = {"positive": x > 0, "nonneg_int": x >= 0 and x.is_integer(),
              "pos_int": x > 0 and x.is_integer()}[kind]
    if not ok:
        zh_kind, en_kind = MSGS.both(kind)
        raise BadValueError(MSGS.both("err_number", item=item, value=value, kind=zh_kind, kind_en=en_kind)[0],
                            MSGS.both("err_number", item=item, value=value, kind=zh_kind, kind_en=en_kind)[1],
                            column=item)
    return float(value)


def _text(value: Any, item: str, *, row: Any = None) -> str:
    if not isinstance(value, str) or len(value.strip()) < 2:
        raise BadValueError(*MSGS.both("err_text", item=item, value=value), column=item, row=row)
    return value.strip()


def _competitors(value: Any) -> list[dict[str, Any]]:
    fields = "、".join(COMPETITOR_FIELDS)
    if isinstance(value, pd.DataFrame):
        value = value.to_dict("records")
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence) or \
            not all(isinstance(r, Mapping) for r in value):
        raise BadSpecError(*MSGS.both("err_comp_type", fields=fields), column="competitors")
    if len(value) == 0:
        raise EmptyTableError(*MSGS.both("err_comp_empty"), column="competitors")
    out = []
    for i, raw in enumerate(value, start=1):
        row = {str(k): v for k, v in raw.items()}
        for field in COMPETITOR_FIELDS:
            if field not in row:
                hint_zh, hint_en = did_you_mean(field, list(row), cutoff=0.6)
                raise MissingColumnError(*MSGS.both("err_comp_missing", row=i, field=field, fields=fields,
                                                    hint_zh=hint_zh, hint_en=hint_en), column=field, row=i)
        for field, kind, test in (("sales", "nonneg", lambda x: x >= 0), ("price", "positive", lambda x: x > 0),
                                  ("discount_rate", "rate", lambda x: 0 < x <= 1)):
            v = row[field]
            if not (_is_number(v) and test(float(v))):
                zh_kind, en_kind = MSGS.both(kind)
                zh, en = MSGS.both("err_comp_value", row=i, field=field, value=v, kind=zh_kind, kind_en=en_kind)
                raise BadValueError(zh, en, column=field, row=i)
            row[field] = float(v)
        row["product"] = _text(row["product"], "product", row=i)
        row["relationship"] = _text(row["relationship"], "relationship", row=i)
        out.append({f: row[f] for f in COMPETITOR_FIELDS})
    return out

def research_sheet(sheet: Mapping[str, Any]) -> ResearchSheet:
    """Validate a chain development research sheet and list its implausible numbers.

    Parameters
    ----------
    sheet : dict
        The items of :data:`RESEARCH_ITEMS` (see the module text);
        ``chain_name`` may be added.  Not modified.

    Returns
    -------
    ResearchSheet
        ``.table`` (one row per item, ✓ or the problem), ``.problems``,
        ``.ok``, ``.sheet``, ``.plot()``.

    Raises
    ------
    kamlab.KamlabInputError
        An item missing or unknown (with a suggestion), a number of the wrong
        type or sign, not :data:`TOP_N` store figures, a competitor lacking a
        field or with a discount rate outside (0, 1], more direct stores than
        stores.

    Examples
    --------
    >>> res = research_sheet(EXAMPLE)
    >>> res.ok, res.sheet["franchise_stores"], round(res.sheet["avg_store_daily_sales"])
    (True, 0.0, 3637)
    >>> bad = research_sheet({**EXAMPLE, "our_price": 36})
    >>> bad.ok, bad.problems[0]["item"]
    (False, 'our_price')
    """
    if not isinstance(sheet, Mapping):
        raise BadSpecError(*MSGS.both("err_type", got=type(sheet).__name__), column="sheet")
    data = {str(k): v for k, v in sheet.items()}
    known = list(RESEARCH_ITEMS) + ["chain_name"]
    for item in data:
        if item not in known:
            hint_zh, hint_en = did_you_mean(item, known, cutoff=0.6)
            raise BadSpecError(*MSGS.both("err_unknown", item=item, hint_zh=hint_zh, hint_en=hint_en,
                                          valid=", ".join(RESEARCH_ITEMS)), column=item)
    for item, (_, zh_label, en_label) in RESEARCH_ITEMS.items():
        if item not in data:
            raise MissingColumnError(*MSGS.both("err_missing", item=item, label=zh_label, label_en=en_label,
                                                hint_zh="", hint_en=""), column=item)
    out: dict[str, Any] = {"chain_id": _text(str(data["chain_id"]) if _is_number(data["chain_id"]) else
                                             data["chain_id"], "chain_id")}
    if "chain_name" in data:
        out["chain_name"] = str(data["chain_name"])
    for kind in ("scope", "size", "mode"):
        out[kind] = code_of(kind, data[kind])
    total = _number(data, "store_count", "pos_int")
    direct = _number(data, "direct_stores", "nonneg_int")
    if direct > total:
        raise BadValueError(*MSGS.both("err_direct", direct=int(direct), total=int(total)), column="direct_stores")
    out["store_count"], out["direct_stores"], out["franchise_stores"] = total, direct, total - direct
    out["annual_sales"] = _number(data, "annual_sales", "positive")
    top = data["top10_daily_sales"]
    if isinstance(top, (str, bytes, Mapping)) or not hasattr(top, "__len__") or len(top) != TOP_N:
        raise BadValueError(*MSGS.both("err_top_len", n=TOP_N, got=len(top) if hasattr(top, "__len__") else 1),
                            column="top10_daily_sales")
    top = list(top)
    for i, v in enumerate(top, start=1):
        if not (_is_number(v) and float(v) > 0):
            raise BadValueError(*MSGS.both("err_top_value", row=i, value=v), column="top10_daily_sales", row=i)
    out["top10_daily_sales"] = sorted((float(v) for v in top), reverse=True)
    out["layout"] = _text(data["layout"], "layout")
    out["competitors"] = _competitors(data["competitors"])
    out["our_price"] = _number(data, "our_price", "positive")
    out["suggested_retail_price"] = _number(data, "suggested_retail_price", "positive")
    avg = out["annual_sales"] * 10000.0 / 365.0 / total
    out["avg_store_daily_sales"] = avg

    problems: list[dict[str, Any]] = []

    def problem(item: str, key: str, row: Any = None, **fields: Any) -> None:
        zh, en = MSGS.both(key, row=row, **fields)
        problems.append({"item": item, "row": row, "zh": zh, "en": en})

    tops = np.asarray(out["top10_daily_sales"])
    if tops.mean() < avg:
        problem("top10_daily_sales", "p_top_low", mean=tops.mean(), avg=avg)
    if tops.max() > MAX_TOP_RATIO * avg:
        problem("top10_daily_sales", "p_top_high", top=tops.max(), avg=avg, ratio=tops.max() / avg,
                max=MAX_TOP_RATIO)
    fields = {"direct": int(direct), "total": int(total)}
    if out["mode"] == "direct" and direct != total:
        problem("direct_stores", "p_direct_all", **fields)
    elif out["mode"] == "semi" and not 0 < direct < total:
        problem("direct_stores", "p_direct_semi", **fields)
    elif out["mode"] == "franchise" and not direct < total - direct:
        problem("direct_stores", "p_direct_fr", **fields)
    ratio = out["our_price"] / out["suggested_retail_price"]
    if not PRICE_BAND[0] <= ratio <= PRICE_BAND[1]:
        problem("our_price", "p_price", ratio=ratio, lo=PRICE_BAND[0], hi=PRICE_BAND[1])
    lo, hi = COMPETITOR_PRICE_BAND
    for i, comp in enumerate(out["competitors"], start=1):
        r = comp["price"] / out["suggested_retail_price"]
        if not lo <= r <= hi:
            problem("competitors", "p_comp_price", row=i, product=comp["product"], price=comp["price"],
                    ratio=r, lo=lo, hi=hi)

    by_item: dict[str, list[str]] = {}
    for p in problems:
        by_item.setdefault(p["item"], []).append(localized(p["zh"], p["en"]))

    def show(x: Any) -> str:
        if isinstance(x, float):
            return f"{x:,.0f}" if x.is_integer() or abs(x) >= 1000 else f"{x:g}"
        return str(x)

    rows = [("chain_id", RESEARCH_ITEMS["chain_id"], out["chain_id"])]
    for kind in ("scope", "size", "mode"):
        rows.append((kind, RESEARCH_ITEMS[kind], label(kind, out[kind])))
    rows += [("store_count", RESEARCH_ITEMS["store_count"], show(total)),
             ("direct_stores", RESEARCH_ITEMS["direct_stores"], show(direct)),
             ("franchise_stores", (2, *MSGS.both("franchise_stores")), show(total - direct)),
             ("annual_sales", RESEARCH_ITEMS["annual_sales"], show(out["annual_sales"])),
             ("avg_store_daily_sales", (3, *MSGS.both("avg_daily")), show(round(avg))),
             ("top10_daily_sales", RESEARCH_ITEMS["top10_daily_sales"],
              MSGS("top_mean") + " " + show(round(float(tops.mean())))),
             ("layout", RESEARCH_ITEMS["layout"], out["layout"]),
             ("competitors", RESEARCH_ITEMS["competitors"],
              localized("；", "; ").join(localized(f"{c['product']} {show(c['price'])}元 扣率{c['discount_rate']:.0%}",
                                                   f"{c['product']} {show(c['price'])} yuan, discount "
                                                   f"{c['discount_rate']:.0%}") for c in out["competitors"])),
             ("our_price", RESEARCH_ITEMS["our_price"], show(out["our_price"])),
             ("suggested_retail_price", RESEARCH_ITEMS["suggested_retail_price"],
              show(out["suggested_retail_price"]) + f" ({MSGS('price_index')} {ratio:.0%})")]
    table = pd.DataFrame(
        {"seed_item": [r[1][0] for r in rows],
         "label": [localized(r[1][1], r[1][2]) for r in rows],
         "value": [r[2] for r in rows],
         "check": [localized("；", "; ").join(by_item[r[0]]) if r[0] in by_item else "✓" for r in rows]},
        index=pd.Index([r[0] for r in rows], name="item"))
    return ResearchSheet(table=table, sheet=out, problems=tuple(problems), ok=not problems)
