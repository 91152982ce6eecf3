"""The no-code forms of m10: each writes the trainee's decisions and the call that computes the answer."""

from __future__ import annotations

import json
from typing import Any

import ipywidgets as w

from ... import retail
from ..._i18n import localized
from ...widgets import AnswerForm, dropdown, multi_select, slider
from ._case import MARGIN, MSGS, PROMO_COST, TODAY

__all__ = ["distribution_form", "facings_form", "price_form", "promotion_form", "fit_form", "contest_form",
           "training_form"]


def _ids(ids: list[str]) -> str:
    return localized("、", ", ").join(ids) if ids else MSGS("none")


def distribution_form(sellout: Any, listing: Any) -> AnswerForm:
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


def facings_form(shelf: Any) -> AnswerForm:
    """Exercise 2: the tolerance of the fair-share band; scatter of facing vs market share.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = facings_form(kl.retail.example_facings())
    >>> form.line
    'q2 = kl.retail.facings(shelf, tolerance=0.2)'
    """
    tol = slider(0.2, 0.05, 0.5, 0.05, label=MSGS("tolerance"))

    def line(v: dict[str, Any]) -> str:
        return f"q2 = kl.retail.facings(shelf, tolerance={round(v['tolerance'], 2)!r})"

    def draw(v: dict[str, Any]) -> None:
        res = retail.facings(shelf, tolerance=round(v["tolerance"], 2))
        res.plot()
        print(MSGS("exposure", under=_ids(res.under_exposed), over=_ids(res.over_exposed)))

    return AnswerForm({"tolerance": tol}, line=line, draw=draw, title=MSGS("t_q2"))


def price_form(prices: Any) -> AnswerForm:
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


def promotion_form(promo: Any) -> AnswerForm:
    """Exercise 4: how many weeks before the promotion form its baseline; the evaluation chart.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = promotion_form(kl.retail.example_promotion())
    >>> form.line
    'q4 = kl.retail.promotion(promo, baseline=4, cost=kl.course.m10.PROMO_COST, margin=kl.course.m10.MARGIN)'
    """
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


def fit_form() -> AnswerForm:
    """Exercise 5: the category role of 清感颗粒 in winter and a promotion type for it.

    Examples
    --------
    >>> form = fit_form()
    >>> form.controls["role"].value = "季节性"
    >>> form.controls["promotion"].value = "主题日促"
    >>> form.line
    'q5 = {"role": "季节性", "promotion": "主题日促"}'
    """
    # the line writes the keys of the current language (the check accepts both)
    roles = [(localized(v[0], v[1]), localized(k, v[1])) for k, v in retail.CATEGORY_ROLES.items()]
    types = [(localized(v[0], v[1]), localized(k, v[1])) for k, v in retail.PROMOTION_TYPES.items()]
    role = dropdown(roles, roles[0][1], label=MSGS("role"))
    kind = dropdown(types, types[0][1], label=MSGS("promotion"))

    def line(v: dict[str, Any]) -> str:
        return "q5 = " + json.dumps({"role": v["role"], "promotion": v["promotion"]}, ensure_ascii=False)

    return AnswerForm({"role": role, "promotion": kind}, line=line, title=MSGS("t_q5"))


def contest_form(sellout: Any, chain: str) -> AnswerForm:
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


def training_form() -> AnswerForm:
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

    def text(key: str, value: str) -> w.Text:
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
