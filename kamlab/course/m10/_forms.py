"""The no-code forms of m10: each shows its chart and writes the trainee's decision as a literal line.

Every form starts neutral (nothing ticked, "（请选择）") and prints all it says inside ``draw``, which
reruns on every change of a control.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as w
import pandas as pd

from ... import retail
from ..._i18n import localized
from ...widgets import AnswerForm, choice, literal, multi_select, still, text_answer
from ._case import NONE, RULES, SEED_RULE, TODAY, VERDICTS
from ._messages import MSGS
from ._model import distribution, promotion_result, ranking

__all__ = ["distribution_form", "hq_form", "facings_form", "price_form", "promotion_form", "fit_form",
           "rule_form", "winner_form", "training_form", "text_form"]


def _ticked(ids: Sequence[str]) -> str:
    return MSGS("ticked", n=len(ids), ids=localized("、", ", ").join(ids) if ids else "—")


def _pick(key: str, ids: Sequence[str], label: str, chart: Callable[[], Any], title: str, *,
          none: bool = True) -> AnswerForm:
    options = ([(MSGS("none_option"), NONE)] if none else []) + [(i, i) for i in ids]
    control = multi_select(options, label=label)
    show = still(chart)                      # the chart does not follow the ticks: drawn once

    def draw(values: dict[str, Any]) -> None:
        print(_ticked(list(values["ids"])))
        show()

    return AnswerForm({"ids": control}, line=lambda v: f"{key} = " + literal(list(v["ids"])), draw=draw,
                      title=title)


def distribution_form(sellout: pd.DataFrame, listing: Any) -> AnswerForm:
    """Exercise 1: the three rates per chain at the 0.8 pass line; tick the chains below it.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> s = kl.datasets.load("sellout")
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = distribution_form(s, kl.retail.example_listing(s))
    >>> form.line, form.text
    ('q1 = []', '已勾选 0 项：—')
    >>> form.controls["ids"].tick(["C09", "C30"]); form.line
    'q1 = ["C09", "C30"]'
    """
    res = distribution(sellout, listing)
    return _pick("q1", [str(i) for i in res.table.index], MSGS("failing_pick"), res.plot, MSGS("t_q1"))


def hq_form(sellout: pd.DataFrame, listing: Any) -> AnswerForm:
    """Exercise 2: the same chart; tick the chains whose problem is the HQ's purchase of our categories.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> s = kl.datasets.load("sellout")
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = hq_form(s, kl.retail.example_listing(s))
    >>> form.controls["ids"].tick(["无"]); form.line
    'q2 = ["无"]'
    """
    res = distribution(sellout, listing)
    return _pick("q2", [str(i) for i in res.table.index], MSGS("hq_pick"), res.plot, MSGS("t_q2"))


def facings_form(shelf: pd.DataFrame) -> AnswerForm:
    """Exercise 3: facing share against sales share with the fair band ±20 %; tick the under-exposed stores.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = facings_form(kl.retail.example_facings())
    >>> form.line
    'q3 = []'
    """
    res = retail.facings(shelf, tolerance=0.2)
    ids = [str(i) for i in shelf["store_id"]] if "store_id" in shelf.columns else [str(i) for i in res.table.index]
    return _pick("q3", ids, MSGS("under_pick"), res.plot, MSGS("t_q3"))


def price_form(prices: pd.DataFrame) -> AnswerForm:
    """Exercise 4: every price against the ±10 % band of the suggested retail price; tick the stores.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = price_form(kl.retail.example_prices())
    >>> form.controls["ids"].tick(["P06"]); form.line
    'q4 = ["P06"]'
    """
    res = retail.price_watch(prices, suggested=retail.SUGGESTED_PRICES, band=(-0.1, 0.1))
    ids = sorted({str(i) for i in prices["store_id"]})
    return _pick("q4", ids, MSGS("price_pick"), res.plot, MSGS("t_q4"))


def _choice_form(key: str, options: dict[str, tuple[str, str]], label: str, title: str,
                 show: Callable[[Any], None] | None = None, facts: Callable[[Any], None] | None = None
                 ) -> AnswerForm:
    """A one-choice form: *facts* ``(code)`` prints what the choice shows, then *show* ``(code)`` shows its chart.

    *show* is a kept chart (:func:`~kamlab.widgets.still`): drawn once per choice, then shown from its picture.
    """
    control = choice([(localized(*text), code) for code, text in options.items()], label=label)

    def draw(values: dict[str, Any]) -> None:
        code = values["pick"]
        print(MSGS("chosen", text=localized(*options[code]) if code in options else MSGS("nothing")))
        if facts is not None:
            facts(code)
        if show is not None:
            show(code)

    return AnswerForm({"pick": control}, line=lambda v: f"{key} = " + literal(v["pick"]), draw=draw, title=title)


def promotion_form(promo: pd.DataFrame) -> AnswerForm:
    """Exercise 5: the weeks of the promotion and its figures; choose the verdict.

    The figures are the raw ones (baseline, lift, prices, margin, cost): the verdict is the trainee's.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = promotion_form(kl.retail.example_promotion())
    >>> form.line
    'q5 = None'
    >>> form.controls["pick"].value = "lift"; form.line
    'q5 = "lift"'
    """
    res = promotion_result(promo)
    t = res.table.iloc[0]
    pprice = float(t["promo_sales"] / t["promo_units"])

    def facts(_: Any) -> None:
        print(MSGS("promo_facts", base=t["baseline_units"], promo=t["promo_units"] / t["periods"], lift=t["lift"],
                   incr=t["incremental_sales"], price=t["regular_price"], pprice=pprice, margin=t["margin"],
                   cost=t["cost"]))

    def chart() -> None:
        ax = res.plot()
        ax.set_title(MSGS("promo_title"), fontsize=10)

    show = still(chart)                       # the weeks do not follow the verdict: drawn once
    return _choice_form("q5", VERDICTS, MSGS("verdict"), MSGS("t_q5"), lambda _: show(), facts)


def fit_form() -> AnswerForm:
    """Exercise 6: the category role of 清感颗粒 in winter and a promotion type for it (both start unchosen).

    Examples
    --------
    >>> form = fit_form()
    >>> form.line
    'q6 = {"role": None, "promotion": None}'
    >>> form.controls["role"].value = "季节性"
    >>> form.controls["promotion"].value = "主题日促"
    >>> form.line
    'q6 = {"role": "季节性", "promotion": "主题日促"}'
    """
    roles = [(localized(v[0], v[1]), k) for k, v in retail.CATEGORY_ROLES.items()]
    types = [(localized(v[0], v[1]), k) for k, v in retail.PROMOTION_TYPES.items()]
    controls = {"role": choice(roles, label=MSGS("role")), "promotion": choice(types, label=MSGS("promotion"))}

    def draw(values: dict[str, Any]) -> None:
        role = values["role"]
        kind = values["promotion"]
        role_text = localized(*retail.CATEGORY_ROLES[role][:2]) if role else MSGS("nothing")
        kind_text = localized(*retail.PROMOTION_TYPES[kind]) if kind else MSGS("nothing")
        print(MSGS("chosen", text=f"{role_text} / {kind_text}"))

    return AnswerForm(controls, line=lambda v: "q6 = " + literal({"role": v["role"], "promotion": v["promotion"]}),
                      draw=draw, title=MSGS("t_q6"))


def _rows(table: pd.DataFrame, key: str, n: int = 3) -> str:
    return localized("；", "; ").join(MSGS(key, store=s, last=r["last_units"], units=r["units"])
                                     for s, r in table.sort_values("rank").head(n).iterrows())


def rule_form(sellout: pd.DataFrame, chain: str) -> AnswerForm:
    """Exercise 7: the ranking rule of the key account's single-store contest; the ranking it gives, live.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = rule_form(kl.datasets.load("sellout"), "C18")
    ...     form.controls["pick"].value = "increase"
    >>> form.line
    'q7 = "increase"'
    """
    tables = {m: ranking(sellout, chain, m) for m in RULES}

    def facts(code: Any) -> None:
        if code in tables:
            print(MSGS("rule_top", rows=_rows(tables[code], "rule_row")))

    def chart(code: Any) -> None:
        if code in tables:
            retail.contest(sellout, chain=chain, metric=code, top=10).plot()

    return _choice_form("q7", RULES, MSGS("rule"), MSGS("t_q7"), still(chart), facts)   # one chart per rule


def winner_form(sellout: pd.DataFrame, chain: str) -> AnswerForm:
    """Exercise 8: the key account's stores, last month and this month; choose the winner by the seed's rule.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = winner_form(kl.datasets.load("sellout"), "C18")
    ...     form.controls["pick"].value = "S0531"
    >>> form.line, form.text
    ('q8 = "S0531"', 'S0531：上月 72 盒，本月 94 盒')
    """
    table = ranking(sellout, chain, SEED_RULE).sort_index()
    control = choice([(s, s) for s in map(str, table.index)], label=MSGS("winner"))
    # every store's units, last month and this month: the chart does not follow the pick, drawn once
    chart = still(lambda: retail.contest(sellout, chain=chain, metric="units", top=len(table)).plot(n=len(table)))

    def draw(values: dict[str, Any]) -> None:
        store = values["pick"]
        if store is None:
            print(MSGS("nothing"))
        else:
            r = table.loc[store]
            print(MSGS("winner_row", store=store, last=r["last_units"], units=r["units"]))
        chart()

    return AnswerForm({"pick": control}, line=lambda v: "q8 = " + literal(v["pick"]), draw=draw,
                      title=MSGS("t_q8"))


def training_form() -> AnswerForm:
    """Exercise 9: a store training plan (audience, content, form, date, owner); its checklist, live.

    The five in-store steps are written by the form in the seed's order.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = training_form()
    >>> form.text.splitlines()[0]
    '店教计划还有问题：'
    >>> form.controls["audience"].value = "店员"
    >>> form.controls["content"].tick(["知识类", "技巧类"])
    >>> form.controls["form"].value = "入店一对多"
    >>> form.controls["date"].value = "2026-11-20"
    >>> form.controls["owner"].value = "李娜"
    >>> form.text
    '✓ 店教计划完整。'
    """

    def text(key: str) -> w.Text:
        return w.Text(value="", description=MSGS(key), layout={"width": "460px"},
                      style={"description_width": "150px"})

    def pairs(values: Sequence[str]) -> list[tuple[str, str]]:
        return [(localized(v, retail.ENGLISH_NAMES.get(v, v)), v) for v in values]

    controls = {
        "audience": choice(pairs(list(retail.TRAINING_AUDIENCES)), label=MSGS("audience")),
        "content": multi_select(pairs(retail.TRAINING_CONTENT), label=MSGS("content")),
        "form": choice(pairs(retail.TRAINING_FORMS), label=MSGS("form")),
        "date": text("date"),
        "owner": text("owner"),
    }

    def plan(v: dict[str, Any]) -> dict[str, Any]:
        content = [c for c in retail.TRAINING_CONTENT if c in set(v["content"])]
        return {"audience": v["audience"], "content": content, "form": v["form"],
                "steps": list(retail.TRAINING_STEPS), "date": v["date"].strip(), "owner": v["owner"].strip()}

    def draw(v: dict[str, Any]) -> None:
        res = retail.plan_check("training", plan(v), today=TODAY)
        if res.ok:
            print(MSGS("plan_ok"))
            return
        print(MSGS("plan_bad"))
        for p in res.problems:
            print(f"  - {p}")

    return AnswerForm(controls, line=lambda v: "q9 = " + literal(plan(v)), draw=draw, title=MSGS("t_q9"))


def text_form(key: str) -> AnswerForm:
    """Exercises 10 and 11: a text box; writes ``qN = "..."`` with the text safely quoted.

    Examples
    --------
    >>> form = text_form("q11")
    >>> form.controls["text"].value = "先抓铺货"
    >>> print(form.line)
    q11 = '先抓铺货'
    """
    return text_answer(key, placeholder=MSGS("text"), title=MSGS("t_" + key))
