"""m10 连锁上量与动销十要素 / The ten sell-through elements of a chain account.

Seed 001 part 2 (OTC连锁的维护上量与动销的十大要素): distribution, display,
price, store training, promotion, consumer education, competitors,
relationship, information and sales contests.  The five elements with
numbers are exercises on ``kl.retail``; the five lighter ones are one
overview and one checklist exercise.

This module holds the question bank :data:`BANK`, the no-code forms (each
writes the answer line: the trainee's decisions — review line, tolerance,
price band, baseline weeks, ranking metric — and the call that computes
the answer from the notebook's data, never a computed number) and small
helpers.

* ``q1`` — ``kl.retail.distribution_check(sellout, hq_listed=listing, target=…, new_product_months=…)``;
* ``q2`` — ``kl.retail.facings(shelf, tolerance=…)``;
* ``q3`` — ``kl.retail.price_watch(prices, suggested=…, band=(…, …))``;
* ``q4`` — ``kl.retail.promotion(promo, baseline=…, cost=PROMO_COST, margin=MARGIN)``;
* ``q5`` — the category role of the product and a promotion type that suits it;
* ``q6`` — ``kl.retail.contest(sellout, chain=chain, metric=…, min_last=…, top=…)``;
* ``q7`` — a store training plan (checklist ``kl.retail.plan_check("training", …)``);
* ``q8`` — free text, scored by hand.

Checks recompute each reference on the context's own data (the example
tables of ``kl.retail`` are seeded by the variant) with the decisions read
back from the trainee's answer table, so a computed answer passes on any
variant and a table typed or computed on another variant fails.

Examples
--------
>>> from kamlab.course import m10
>>> m10.BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8']
>>> m10.PRODUCT_ROLE, m10.PROMO_COST
('季节性', 1200.0)
"""

from __future__ import annotations

import json
import math
from typing import Any

from .. import retail as _retail  # noqa: F401 - makes kl.retail available once the workbook opens
from .._i18n import Messages, get_language
from ..grading import Context, Question, QuestionBank, Verdict

__all__ = [
    "MODULE", "BANK", "DATASET", "TODAY", "PROMO_COST", "MARGIN", "PRODUCT_ROLE", "EXAMPLE_AUDIT",
    "EXAMPLE_INFORMATION", "course_chain", "distribution_form", "facings_form", "price_form", "promotion_form",
    "fit_form", "contest_form", "training_form", "DATA_TERMS",
]

#: Data of the retail tool's example tables, the same in both languages: the product
#: categories (kl.retail.PORTFOLIO) and the example products (kl.retail.SUGGESTED_PRICES).
DATA_TERMS: tuple[str, ...] = (*_retail.PORTFOLIO, *_retail.SUGGESTED_PRICES)

#: Module id.
MODULE = "m10"
#: The data set of the module (a trainee's own file stands in for it).
DATASET = "sellout"
#: The course date: plan dates count from it.
TODAY = "2026-11-01"
#: What the two-week promotion of 清感颗粒 cost (yuan: POP material, staff, theme-day set-up).
PROMO_COST = 1200.0
#: Gross margin on incremental sales of 清感颗粒.
MARGIN = 0.35
#: 清感颗粒 is a cold remedy (感冒止咳): in the winter peak it plays the seasonal role.
PRODUCT_ROLE = "季节性"
#: The worked example of a display audit (three stores, 0 / 1 / 2 per principle).
EXAMPLE_AUDIT: dict[str, list[Any]] = {
    "store_id": ["D01", "D02", "D03"],
    "best_position": [2, 1, 2], "full_shelf": [2, 1, 1], "fifo_tidy": [2, 2, 1],
    "pop_price_tag": [1, 0, 2], "grouped_better": [2, 1, 1],
}
#: The worked example of the information checklist (one item still missing).
EXAMPLE_INFORMATION: dict[str, dict[str, str]] = {
    "库存和批号": {"frequency": "每次拜访", "owner": "医药代表"},
    "竞品信息": {"frequency": "每周", "owner": "医药代表"},
    "消费者信息": {"frequency": "每月", "owner": "店长"},
    "会员日和促销信息": {"frequency": "每月", "owner": "KA 经理"},
}

MSGS = Messages({
    "target": ("铺货达标线", "Pass line"),
    "months": ("新品采购期限（月）", "New product: HQ buys within (months)"),
    "failing": ("未达标的连锁：{ids}", "Chains below standard: {ids}"),
    "none": ("（无）", "(none)"),
    "tolerance": ("合理区间 ±", "Fair band ±"),
    "exposure": ("陈列不足：{under}；陈列过度：{over}", "Under-exposed: {under}; over-exposed: {over}"),
    "low": ("价格带下限", "Band: lower"),
    "high": ("价格带上限", "Band: upper"),
    "abnormal": ("价格异常 {n} 条", "{n} abnormal prices"),
    "baseline": ("基线周数（促销前）", "Baseline weeks (before)"),
    "promo_line": ("提升 {lift:+.0%}；增量销售 {incr:,.0f} 元；ROI {roi:+.2f}",
                   "Lift {lift:+.0%}; incremental sales {incr:,.0f} yuan; ROI {roi:+.2f}"),
    "role": ("清感颗粒的品类角色", "Category role of 清感颗粒"),
    "promotion": ("促销方式", "Promotion type"),
    "metric": ("排名依据", "Rank by"),
    "m_units": ("本月销量（绝对量）", "units this month"),
    "m_increase": ("比上月增长量", "increase over last month"),
    "m_growth": ("比上月增长率", "growth over last month"),
    "min_last": ("增长率的最低基数（上月盒数）", "Growth: minimum base (last month units)"),
    "top": ("奖励名额（前几名）", "Prizes (top n)"),
    "audience": ("培训对象", "Audience"),
    "content": ("培训内容", "Content"),
    "form": ("培训形式", "Form"),
    "date": ("培训日期（YYYY-MM-DD）", "Date (YYYY-MM-DD)"),
    "owner": ("负责人", "Owner"),
    "plan_ok": ("✓ 店教计划完整。", "✓ The training plan is complete."),
    "plan_bad": ("店教计划还有问题：", "The training plan still has problems:"),
    "t_q1": ("铺货检查：选择达标线和新品采购期限", "Distribution check: pass line and new-product window"),
    "t_q2": ("陈列面：公平份额的合理区间", "Facings: the fair-share band"),
    "t_q3": ("价格维护：建议零售价的价格带", "Price watch: the band around the suggested price"),
    "t_q4": ("促销评估：基线取促销前几周", "Promotion: how many weeks before form the baseline"),
    "t_q5": ("品类角色与促销方式", "Category role and promotion type"),
    "t_q6": ("单店销售竞赛：排名规则", "Single-store contest: ranking rule"),
    "t_q7": ("店教计划", "Store training plan"),
})


def _text(pair: tuple[str, str]) -> str:
    return pair[0] if get_language() == "zh" else pair[1]


# --------------------------------------------------------------------------- helpers
def course_chain(sellout: Any, chains: Any) -> str:
    """The chain of the contest exercise: m02's key account if it has sell-out rows, else the best-screened one.

    Examples
    --------
    >>> import kamlab as kl
    >>> course_chain(kl.datasets.load("sellout"), kl.datasets.load("chains"))
    'C22'
    """
    from .m06 import sellout_chain

    return sellout_chain(sellout, chains, None)


def _ids(ids: list[str]) -> str:
    return ("、" if get_language() == "zh" else ", ").join(ids) if ids else MSGS("none")


# --------------------------------------------------------------------------- forms
def distribution_form(sellout: Any, listing: Any) -> Any:
    """Exercise 1: the pass line and the new-product window; chart of the three rates per chain.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> sellout = kl.datasets.load("sellout")
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = distribution_form(sellout, kl.retail.example_listing(sellout))
    ...     form.controls["target"].value = 0.9
    >>> form.line
    'q1 = kl.retail.distribution_check(sellout, hq_listed=listing, target=0.9, new_product_months=1)'
    """
    from .. import retail
    from ..widgets import AnswerForm, slider

    target = slider(1.0, 0.8, 1.0, 0.05, label=MSGS("target"))
    months = slider(1, 0, 3, label=MSGS("months"))

    def line(v: dict[str, Any]) -> str:
        return (f"q1 = kl.retail.distribution_check(sellout, hq_listed=listing, target={round(v['target'], 2)!r}, "
                f"new_product_months={int(v['months'])})")

    def draw(v: dict[str, Any]) -> None:
        res = retail.distribution_check(sellout, hq_listed=listing, target=round(v["target"], 2),
                                        new_product_months=int(v["months"]))
        res.plot()
        print(MSGS("failing", ids=_ids(res.failing)))

    return AnswerForm({"target": target, "months": months}, line=line, draw=draw, title=MSGS("t_q1"))


def facings_form(shelf: Any) -> Any:
    """Exercise 2: the tolerance of the fair-share band; scatter of facing vs market share.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = facings_form(kl.retail.example_facings())
    >>> form.line
    'q2 = kl.retail.facings(shelf, tolerance=0.2)'
    """
    from .. import retail
    from ..widgets import AnswerForm, slider

    tol = slider(0.2, 0.05, 0.5, 0.05, label=MSGS("tolerance"))

    def line(v: dict[str, Any]) -> str:
        return f"q2 = kl.retail.facings(shelf, tolerance={round(v['tolerance'], 2)!r})"

    def draw(v: dict[str, Any]) -> None:
        res = retail.facings(shelf, tolerance=round(v["tolerance"], 2))
        res.plot()
        print(MSGS("exposure", under=_ids(res.under_exposed), over=_ids(res.over_exposed)))

    return AnswerForm({"tolerance": tol}, line=line, draw=draw, title=MSGS("t_q2"))


def price_form(prices: Any) -> Any:
    """Exercise 3: the price band around the suggested retail price; deviations chart.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = price_form(kl.retail.example_prices())
    ...     form.controls["low"].value = -0.15
    >>> form.line
    'q3 = kl.retail.price_watch(prices, suggested=kl.retail.SUGGESTED_PRICES, band=(-0.15, 0.1))'
    """
    from .. import retail
    from ..widgets import AnswerForm, slider

    low = slider(-0.1, -0.3, -0.05, 0.05, label=MSGS("low"))
    high = slider(0.1, 0.05, 0.3, 0.05, label=MSGS("high"))

    def band(v: dict[str, Any]) -> tuple[float, float]:
        return round(v["low"], 2), round(v["high"], 2)

    def line(v: dict[str, Any]) -> str:
        lo, hi = band(v)
        return f"q3 = kl.retail.price_watch(prices, suggested=kl.retail.SUGGESTED_PRICES, band=({lo!r}, {hi!r}))"

    def draw(v: dict[str, Any]) -> None:
        res = retail.price_watch(prices, suggested=retail.SUGGESTED_PRICES, band=band(v))
        res.plot()
        print(MSGS("abnormal", n=len(res.abnormal)))

    return AnswerForm({"low": low, "high": high}, line=line, draw=draw, title=MSGS("t_q3"))


def promotion_form(promo: Any) -> Any:
    """Exercise 4: how many weeks before the promotion form its baseline; the evaluation chart.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = promotion_form(kl.retail.example_promotion())
    >>> form.line
    'q4 = kl.retail.promotion(promo, baseline=4, cost=kl.course.m10.PROMO_COST, margin=kl.course.m10.MARGIN)'
    """
    from .. import retail
    from ..widgets import AnswerForm, slider

    weeks = slider(4, 1, 7, label=MSGS("baseline"))

    def line(v: dict[str, Any]) -> str:
        return (f"q4 = kl.retail.promotion(promo, baseline={int(v['baseline'])}, cost=kl.course.m10.PROMO_COST, "
                f"margin=kl.course.m10.MARGIN)")

    def draw(v: dict[str, Any]) -> None:
        res = retail.promotion(promo, baseline=int(v["baseline"]), cost=PROMO_COST, margin=MARGIN)
        res.plot()
        t = res.table.iloc[0]
        print(MSGS("promo_line", lift=t["lift"], incr=t["incremental_sales"], roi=t["roi"]))

    return AnswerForm({"baseline": weeks}, line=line, draw=draw, title=MSGS("t_q4"))


def fit_form() -> Any:
    """Exercise 5: the category role of 清感颗粒 in winter and a promotion type for it.

    Examples
    --------
    >>> form = fit_form()
    >>> form.controls["role"].value = "季节性"
    >>> form.controls["promotion"].value = "主题日促"
    >>> form.line
    'q5 = {"role": "季节性", "promotion": "主题日促"}'
    """
    from .. import retail
    from ..widgets import AnswerForm, dropdown

    # the line writes the keys of the current language (the check accepts both)
    zh = get_language() == "zh"
    roles = [(_text((v[0], v[1])), k if zh else v[1]) for k, v in retail.CATEGORY_ROLES.items()]
    types = [(_text(v), k if zh else v[1]) for k, v in retail.PROMOTION_TYPES.items()]
    role = dropdown(roles, roles[0][1], label=MSGS("role"))
    kind = dropdown(types, types[0][1], label=MSGS("promotion"))

    def line(v: dict[str, Any]) -> str:
        return "q5 = " + json.dumps({"role": v["role"], "promotion": v["promotion"]}, ensure_ascii=False)

    return AnswerForm({"role": role, "promotion": kind}, line=line, title=MSGS("t_q5"))


def contest_form(sellout: Any, chain: str) -> Any:
    """Exercise 6: the ranking rule of the single-store contest; chart of the winners.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = contest_form(kl.datasets.load("sellout"), "C22")
    ...     form.controls["metric"].value = "growth"
    ...     form.controls["min_last"].value = 30
    >>> form.line
    'q6 = kl.retail.contest(sellout, chain=chain, metric="growth", min_last=30, top=10)'
    """
    from .. import retail
    from ..widgets import AnswerForm, dropdown, slider

    metric = dropdown([(MSGS("m_" + m), m) for m in retail.METRICS], "units", label=MSGS("metric"))
    min_last = slider(0, 0, 60, 10, label=MSGS("min_last"))
    top = slider(10, 3, 20, label=MSGS("top"))

    def line(v: dict[str, Any]) -> str:
        return (f'q6 = kl.retail.contest(sellout, chain=chain, metric="{v["metric"]}", '
                f'min_last={int(v["min_last"])}, top={int(v["top"])})')

    def draw(v: dict[str, Any]) -> None:
        retail.contest(sellout, chain=chain, metric=v["metric"], min_last=int(v["min_last"]),
                       top=int(v["top"])).plot()

    return AnswerForm({"metric": metric, "min_last": min_last, "top": top}, line=line, draw=draw,
                      title=MSGS("t_q6"))


def training_form() -> Any:
    """Exercise 7: a store training plan (audience, content, form, date, owner); the checklist below.

    The five in-store steps are written by the form in the seed's order.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = training_form()
    ...     form.controls["content"].value = ("知识类", "技巧类")
    ...     form.controls["owner"].value = "李娜"
    >>> form.line
    'q7 = {"audience": "店员", "content": ["技巧类", "知识类"], "form": "入店一对多", "steps": ["准备", "了解并激发兴趣", "说明/展示/答疑", "检验效果", "总结"], "date": "2026-11-20", "owner": "李娜"}'
    """
    import ipywidgets as w

    from .. import retail
    from ..widgets import AnswerForm, dropdown, multi_select

    def text(key: str, value: str) -> Any:
        return w.Text(value=value, description=MSGS(key), layout={"width": "460px"},
                      style={"description_width": "150px"})

    controls = {
        "audience": dropdown(list(retail.TRAINING_AUDIENCES), "店员", label=MSGS("audience")),
        "content": multi_select(list(retail.TRAINING_CONTENT), ("知识类",), label=MSGS("content"), rows=3),
        "form": dropdown(list(retail.TRAINING_FORMS), "入店一对多", label=MSGS("form")),
        "date": text("date", "2026-11-20"),
        "owner": text("owner", ""),
    }

    def plan(v: dict[str, Any]) -> dict[str, Any]:
        content = [c for c in retail.TRAINING_CONTENT if c in set(v["content"])]
        return {"audience": v["audience"], "content": content, "form": v["form"],
                "steps": list(retail.TRAINING_STEPS), "date": v["date"].strip(), "owner": v["owner"].strip()}

    def line(v: dict[str, Any]) -> str:
        return "q7 = " + json.dumps(plan(v), ensure_ascii=False)

    def draw(v: dict[str, Any]) -> None:
        res = retail.plan_check("training", plan(v), today=TODAY)
        if res.ok:
            print(MSGS("plan_ok"))
            return
        print(MSGS("plan_bad"))
        for p in res.problems:
            print(f"  - {p}")

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("t_q7"))


# --------------------------------------------------------------------------- checks
def _fail(zh: str, en: str) -> Verdict:
    return Verdict(False, 0.0, zh, en)


def _table(answer: Any, columns: set[str], call: str) -> Any:
    import pandas as pd

    table = getattr(answer, "table", answer)
    if not isinstance(table, pd.DataFrame) or not columns <= set(table.columns) or not len(table):
        return _fail(f"答案应是 {call} 的结果。", f"The answer should be the result of {call}.")
    return table


def _same_numbers(a: Any, b: Any, rel: float = 1e-6) -> bool:
    import numpy as np

    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return x.shape == y.shape and bool(np.allclose(x, y, rtol=rel, atol=1e-9, equal_nan=True))


def _same_labels(a: Any, b: Any) -> bool:
    return [str(x) for x in a] == [str(x) for x in b]


_MISMATCH = ("结果和本工作簿的数据对不上：请用表单写出的那一行计算，不要手填数字或改数据。",
             "The result does not match this workbook's data: compute it with the line the form writes; do not "
             "type numbers or change the data.")


def _check_q1(answer: Any, ctx: Context) -> Verdict | bool:
    from .. import retail

    cols = {"target", "new_product_months", "distribution_rate", "hq_purchase_rate", "on_time_shelf_rate",
            "passed"}
    t = _table(answer, cols, "kl.retail.distribution_check(sellout, hq_listed=listing, ...)")
    if isinstance(t, Verdict):
        return t
    target, months = float(t["target"].iloc[0]), int(t["new_product_months"].iloc[0])
    if target < 0.8 - 1e-9:
        return _fail("达标线太低：课程要求目标门店 100% 铺货，考核线不应低于 0.8。",
                     "The pass line is too low: the seed asks for 100% of target stores; do not go below 0.8.")
    if months > 1:
        return _fail("新品应在上市 1 个月内由连锁总部采购（new_product_months 不超过 1）。",
                     "The HQ should buy a new product within 1 month of launch (new_product_months at most 1).")
    sellout = ctx.load(DATASET)
    ref = retail.distribution_check(sellout, hq_listed=retail.example_listing(sellout, ctx.variant),
                                    target=target, new_product_months=months).table
    if t["hq_purchase_rate"].isna().all():
        return _fail("请传入总部采购品类 hq_listed=listing，才能算总部品类采购率。",
                     "Pass hq_listed=listing so the HQ category purchase rate is computed.")
    ok = _same_labels(t.index, ref.index) and all(
        _same_numbers(t[c], ref[c]) for c in ("distribution_rate", "hq_purchase_rate", "on_time_shelf_rate")) \
        and [bool(x) for x in t["passed"]] == [bool(x) for x in ref["passed"]]
    return True if ok else _fail(*_MISMATCH)


def _check_q2(answer: Any, ctx: Context) -> Verdict | bool:
    from .. import retail

    t = _table(answer, {"tolerance", "fair_share_index", "status_code"}, "kl.retail.facings(shelf, tolerance=...)")
    if isinstance(t, Verdict):
        return t
    tol = float(t["tolerance"].iloc[0])
    if tol > 0.5 + 1e-9:
        return _fail("合理区间太宽（超过 ±50%）：这样几乎看不出陈列不足的门店。",
                     "The fair band is too wide (beyond ±50%): hardly any under-exposed store would show.")
    ref = retail.facings(retail.example_facings(ctx.variant), tolerance=tol).table
    ok = _same_labels(t.index, ref.index) and _same_numbers(t["fair_share_index"], ref["fair_share_index"]) \
        and _same_labels(t["status_code"], ref["status_code"])
    return True if ok else _fail(*_MISMATCH)


def _check_q3(answer: Any, ctx: Context) -> Verdict | bool:
    from .. import retail

    t = _table(answer, {"suggested", "band_low", "band_high", "deviation", "status_code", "product"},
               "kl.retail.price_watch(prices, suggested=kl.retail.SUGGESTED_PRICES, band=(...))")
    if isinstance(t, Verdict):
        return t
    lo = float(t["band_low"].iloc[0] / t["suggested"].iloc[0] - 1)
    hi = float(t["band_high"].iloc[0] / t["suggested"].iloc[0] - 1)
    if not (-0.3 - 1e-9 <= lo < 0 < hi <= 0.3 + 1e-9):
        return _fail("价格带应在建议零售价的 -30% 到 +30% 之间，且上下都留有空间。",
                     "The band should lie within -30% and +30% of the suggested price, with room on both sides.")
    ref = retail.price_watch(retail.example_prices(ctx.variant), suggested=retail.SUGGESTED_PRICES,
                             band=(round(lo, 6), round(hi, 6))).table
    ok = _same_labels(t.index, ref.index) and _same_labels(t["product"], ref["product"]) \
        and _same_numbers(t["deviation"], ref["deviation"]) and _same_labels(t["status_code"], ref["status_code"])
    return True if ok else _fail(*_MISMATCH)


def _check_q4(answer: Any, ctx: Context) -> Verdict | bool:
    from .. import retail

    cols = {"period_start", "period_end", "baseline_periods", "baseline_end", "cost", "margin", "roi", "lift",
            "incremental_sales"}
    t = _table(answer, cols, "kl.retail.promotion(promo, baseline=..., cost=PROMO_COST, margin=MARGIN)")
    if isinstance(t, Verdict):
        return t
    row = t.iloc[0]
    if not (math.isclose(float(row["cost"]), PROMO_COST) and math.isclose(float(row["margin"]), MARGIN)):
        return _fail("促销费用和毛利率请用 kl.course.m10.PROMO_COST 和 kl.course.m10.MARGIN。",
                     "Use kl.course.m10.PROMO_COST and kl.course.m10.MARGIN for the cost and the margin.")
    n = int(row["baseline_periods"])
    if n < 2:
        return _fail("基线只用 1 周太不稳定：至少用促销前 2 周的平均。",
                     "A 1-week baseline is too unstable: average at least the 2 weeks before the promotion.")
    promo = retail.example_promotion(ctx.variant)
    try:
        ref = retail.promotion(promo, baseline=n, cost=PROMO_COST, margin=MARGIN).table.iloc[0]
    except ValueError:
        return _fail(*_MISMATCH)
    same = all(str(row[c]) == str(ref[c]) for c in ("period_start", "period_end", "baseline_end")) and \
        _same_numbers([row["roi"], row["lift"], row["incremental_sales"]],
                      [ref["roi"], ref["lift"], ref["incremental_sales"]])
    return True if same else _fail(*_MISMATCH)


def _check_q5(answer: Any, ctx: Context) -> Verdict | bool:
    from collections.abc import Mapping

    from .. import retail
    from ..grading import WrongType

    if not isinstance(answer, Mapping) or not {"role", "promotion"} <= set(answer):
        raise WrongType('一个字典 {"role": ..., "promotion": ...}', 'a dict {"role": ..., "promotion": ...}', answer)
    role, kind = str(answer["role"]).strip(), str(answer["promotion"]).strip()
    # English names (what the English form writes) stand for their Chinese keys
    role = next((k for k, v in retail.CATEGORY_ROLES.items() if role.lower() == v[1]), role)
    kind = next((k for k, v in retail.PROMOTION_TYPES.items() if kind.lower() == v[1]), kind)
    if role != PRODUCT_ROLE:
        return _fail("品类角色不对：想想感冒止咳类产品在冬季的销售特点。",
                     "The category role is not right: think of how cold remedies sell in winter.")
    if kind not in retail.PROMOTION_FIT[role]:
        return _fail("这种促销方式不适合这个品类角色：对照品类角色表。",
                     "This promotion type does not suit the role: see the category-role table.")
    return True


def _check_q6(answer: Any, ctx: Context) -> Verdict | bool:
    from .. import retail

    t = _table(answer, {"metric", "min_last", "score", "rank", "units", "last_units"},
               "kl.retail.contest(sellout, chain=chain, metric=..., ...)")
    if isinstance(t, Verdict):
        return t
    metric, min_last = str(t["metric"].iloc[0]), float(t["min_last"].iloc[0])
    if metric not in retail.METRICS:
        return _fail(*_MISMATCH)
    if metric == "growth" and min_last < 10:
        return _fail("按增长率排名时要设最低基数（上月至少 10 盒），否则上月只卖几盒的门店很容易“增长”翻倍。",
                     "Ranking by growth needs a minimum base (at least 10 units last month); otherwise a store "
                     "that sold a few boxes doubles easily.")
    if len(t) < 3:
        return _fail("竞赛至少奖励前 3 名（top ≥ 3）。", "Reward at least the top 3 (top ≥ 3).")
    sellout = ctx.load(DATASET)
    chain = course_chain(sellout, ctx.load("chains"))
    ref = retail.contest(sellout, chain=chain, metric=metric, min_last=min_last, top=len(t)).table
    ok = _same_labels(t.index, ref.index) and _same_numbers(t["score"], ref["score"])
    return True if ok else _fail(*_MISMATCH)


def _check_q7(answer: Any, ctx: Context) -> Verdict | bool:
    from collections.abc import Mapping

    from .. import retail

    if not isinstance(answer, Mapping):
        return _fail("答案应是一个店教计划字典 {\"audience\": ..., \"content\": [...], ...}。",
                     "The answer should be a training plan dict {\"audience\": ..., \"content\": [...], ...}.")
    res = retail.plan_check("training", dict(answer), today=TODAY)
    if res.ok:
        return True
    return _fail("店教计划还有问题：" + "；".join(p.zh for p in res.problems),
                 "The training plan has problems: " + "; ".join(p.en for p in res.problems))


BANK = QuestionBank(
    module=MODULE,
    title=("连锁上量与动销十要素", "Ten sell-through elements"),
    datasets=(DATASET, "chains"),
    questions=(
        Question("q1", 2, ("检查每家连锁的铺货：总部品类采购率、目标门店铺货率、新品及时铺货率，找出未达标的连锁。",
                           "Check each chain's distribution: HQ category purchase, target-store distribution, "
                           "on-time shelving; find the chains below standard."),
                 _check_q1,
                 hint=("用 kl.retail.distribution_check(sellout, hq_listed=listing, target=..., new_product_months=1)；"
                       "达标线不低于 0.8。",
                       "Use kl.retail.distribution_check(sellout, hq_listed=listing, target=..., "
                       "new_product_months=1); a pass line of at least 0.8.")),
        Question("q2", 2, ("计算 8 家门店的陈列面占比、销售占比和公平份额指数，找出陈列不足的门店。",
                           "Compute facing share, market share and fair-share index of the 8 stores; find the "
                           "under-exposed ones."),
                 _check_q2,
                 hint=("用 kl.retail.facings(shelf, tolerance=...)，合理区间不超过 ±50%。",
                       "Use kl.retail.facings(shelf, tolerance=...), a band of at most ±50%.")),
        Question("q3", 2, ("用建议零售价的价格带找出异常价格。", "Find the abnormal prices with a band around the "
                           "suggested retail price."),
                 _check_q3,
                 hint=("用 kl.retail.price_watch(prices, suggested=kl.retail.SUGGESTED_PRICES, band=(下限, 上限))。",
                       "Use kl.retail.price_watch(prices, suggested=kl.retail.SUGGESTED_PRICES, band=(lower, upper)).")),
        Question("q4", 2, ("评估这次促销：基线、增量销售、提升率和 ROI。", "Evaluate the promotion: baseline, "
                           "incremental sales, lift and ROI."),
                 _check_q4,
                 hint=("用 kl.retail.promotion(promo, baseline=周数, cost=kl.course.m10.PROMO_COST, "
                       "margin=kl.course.m10.MARGIN)，基线至少 2 周。",
                       "Use kl.retail.promotion(promo, baseline=weeks, cost=kl.course.m10.PROMO_COST, "
                       "margin=kl.course.m10.MARGIN), a baseline of at least 2 weeks.")),
        Question("q5", 1, ("冬季的清感颗粒是什么品类角色？选一种适合它的促销方式。",
                           "Which category role does 清感颗粒 play in winter? Pick a promotion type that suits it."),
                 _check_q5,
                 hint=("看品类角色表：感冒止咳在冬季是什么角色？", "See the category-role table: what role do cold "
                       "remedies play in winter?")),
        Question("q6", 2, ("为这家连锁设计单店销售竞赛的排名规则，并排出本月的获奖门店。",
                           "Set the ranking rule of the chain's single-store contest and rank this month's winners."),
                 _check_q6,
                 hint=("用 kl.retail.contest(sellout, chain=chain, metric=..., min_last=..., top=...)；按增长率排名要设最低基数。",
                       "Use kl.retail.contest(sellout, chain=chain, metric=..., min_last=..., top=...); ranking by "
                       "growth needs a minimum base.")),
        Question("q7", 2, ("写一份店教计划：对象、内容、形式、五个入店步骤、日期和负责人。",
                           "Write a store training plan: audience, content, form, the five steps, date and owner."),
                 _check_q7,
                 hint=("店长：管理类 + 知识类；店员：知识类 + 技巧类；日期在 2026-11-01 之后 90 天内；写上负责人。",
                       "Store managers: management + knowledge; clerks: knowledge + skills; a date within 90 days "
                       "after 2026-11-01; an owner.")),
        Question("q8", 3, ("对你的重点连锁，十要素里你会先抓哪两项？用三五句话说明依据（引用本模块的数据）和第一步动作。",
                           "For your key chain, which two of the ten elements come first? In three to five sentences "
                           "give the evidence (from this module's data) and the first action."),
                 None, manual=True),
    ),
)
