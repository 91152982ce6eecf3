"""m13's widget forms: each exercise's decisions as controls, the answer line they write, a live preview."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import ipywidgets as w
import numpy as np

from ..._errors import KamlabInputError
from ..._i18n import localized
from ..._plotting import new_axes, styled
from ...planning import JBP, OGSM, swot
from ...widgets import AnswerForm, TableEditor, choice, literal, slider, still, text_answer
from ._case import (DEFAULT_GROWTH, LEVERS, PARTNER_FINANCE, PARTNER_KIND, PLAN_YEAR, RETAILER, STAGES, baseline_shares,
                    funnel, quarter_shares, review)
from ._messages import MSGS
from ._model import brand_plan, brand_review, lever_profit, next_year_goal, split_goal

__all__ = ["lagging_form", "funnel_form", "swot_form", "growth_form", "shares_form", "ogsm_form", "jbp_form",
           "pitch_form", "lever_form"]

_SPLIT = re.compile(r"[,，、;；\n]+")


def _lit(value: Any) -> str:
    """A Python literal of *value* (None stays None: the line must run as pasted)."""
    return literal(value)


def _lines(text: Any) -> list[str]:
    return [s.strip() for s in str(text or "").splitlines() if s.strip()]


def _area(label: str, value: str = "", rows: int = 3) -> Any:
    return w.Textarea(value=value, description=label, rows=rows, layout={"width": "460px"},
                      style={"description_width": "150px"})


def _textbox(label: str, value: str = "", placeholder: str = "") -> Any:
    return w.Text(value=value, description=label, placeholder=placeholder, layout={"width": "460px"},
                  style={"description_width": "150px"})


def _form(controls: dict[str, Any], **kwargs: Any) -> Any:
    draw = kwargs.get("draw")
    if draw is not None:
        def say_why(v: dict[str, Any]) -> None:
            # a half-filled form: say why in the current language, keep the form
            try:
                draw(v)
            except KamlabInputError as err:
                print(localized(err.zh, err.en))

        kwargs["draw"] = say_why
    return AnswerForm(controls, **kwargs)


_SWOT_LABELS = {"strengths": ("优势 S", "Strengths"), "weaknesses": ("劣势 W", "Weaknesses"),
                "opportunities": ("机会 O", "Opportunities"), "threats": ("威胁 T", "Threats"),
                "SO": ("SO 对策", "SO strategies"), "WO": ("WO 对策", "WO strategies"),
                "ST": ("ST 对策", "ST strategies"), "WT": ("WT 对策", "WT strategies")}


def _swot_value(v: dict[str, Any]) -> dict[str, Any]:
    spec: dict[str, Any] = {k: _lines(v[k]) for k in ("strengths", "weaknesses", "opportunities", "threats")}
    strategies = {k: _lines(v[k]) for k in ("SO", "WO", "ST", "WT") if _lines(v[k])}
    if strategies:
        spec["strategies"] = strategies
    return spec


def lagging_form(sales: Any) -> Any:
    """Exercise 1: pick the category furthest behind; what the scorecard says of the pick follows.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = lagging_form(kl.datasets.load("retail_sales"))
    >>> form.line, form.text
    ('q1 = None', '还没有选品类。')
    >>> form.controls["category"].value = "慢病用药"
    >>> form.line, form.text
    ("q1 = '慢病用药'", '你选的「慢病用药」：最近一个季度达成 98%，同比 +3.3%。')
    """
    quarter = review(sales, 3)
    table = quarter.table
    scorecard = still(quarter.plot)     # the scorecard does not follow the pick: drawn once

    def draw(v: dict[str, Any]) -> None:
        c = v["category"]
        if c is None:
            print(MSGS("not_picked"))
        else:
            print(MSGS("picked", c=c, a=float(table.loc[c, "achievement"]), g=float(table.loc[c, "growth"])))
        scorecard()

    return _form({"category": choice(list(map(str, table.index)), label=MSGS("pick_category"))},
                 line=lambda v: f"q1 = {v['category']!r}", draw=draw, title=MSGS("lagging_title"))


def funnel_form(sales: Any, q1: Any) -> Any:
    """Exercise 2: the funnel of exercise 1's category is drawn; pick the stage that leaks most.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = funnel_form(kl.datasets.load("retail_sales"), "肠胃消化")
    ...     form.controls["stage"].value = "price"
    >>> form.line, form.text
    ("q2 = 'price'", '你选的一级：单价；它的变化 +1.0%。')
    """
    f = funnel(sales, q1) if isinstance(q1, str) and q1 in set(map(str, review(sales, 3).table.index)) else None
    options = [(localized(*label), key) for key, label in STAGES.items()]

    @still                              # the funnel does not follow the pick: drawn once
    def chart() -> None:
        ax = f.plot()
        ax.set_title(MSGS("funnel_title", c=q1))

    def draw(v: dict[str, Any]) -> None:
        if f is None:
            print(MSGS("need_q1"))
            return
        stage = v["stage"]
        if stage == "season":
            print(MSGS("stage_season"))
        elif stage is not None:
            change = float(f.table.set_index("part").loc[stage, "change"])
            print(MSGS("stage_picked", s=localized(*STAGES[stage]).split("（")[0], v=change))
        chart()

    return _form({"stage": choice(options, label=MSGS("stage"))}, line=lambda v: f"q2 = {v['stage']!r}",
                 draw=draw, title=MSGS("funnel_title", c=q1 if f is not None else "?"))


def swot_form() -> Any:
    """Exercise 3: four boxes (S, W, O, T) and four strategy boxes, one item per line; the 2×2 chart follows.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = swot_form()
    ...     for k in ("strengths", "weaknesses", "opportunities", "threats"):
    ...         form.controls[k].value = "甲\\n乙"
    >>> form.line
    'q3 = {"strengths": ["甲", "乙"], "weaknesses": ["甲", "乙"], "opportunities": ["甲", "乙"], "threats": ["甲", "乙"]}'
    """
    controls = {k: _area(localized(*label)) for k, label in _SWOT_LABELS.items()}

    def draw(v: dict[str, Any]) -> None:
        spec = _swot_value(v)
        counts = localized("、", ", ").join(f"{localized(*_SWOT_LABELS[k]).split()[-1]} {len(spec[k])}"
                          for k in ("strengths", "weaknesses", "opportunities", "threats"))
        print(MSGS("swot_status", counts=counts, n=sum(map(len, spec.get("strategies", {}).values()))))
        swot(spec).plot()

    return _form(controls, line=lambda v: f"q3 = {_lit(_swot_value(v))}", draw=draw, title=MSGS("swot_title"))


def growth_form(sales: Any) -> Any:
    """Exercise 4: a growth slider (%, starting at 0); the goal = base × (1 + growth) is redrawn with it.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = growth_form(kl.datasets.load("retail_sales"))
    ...     form.controls["growth"].value = 11
    >>> form.line
    'q4 = 0.11'
    >>> form.text
    '基数（最近 12 个月 ABC 销售额）3,311.30 万元 × (1 + 11%) = 2027 年目标 3,675.54 万元'
    """
    history = still(review(sales).plot)    # the year's scorecard does not follow the slider: drawn once

    def draw(v: dict[str, Any]) -> None:
        if v["growth"] == 0:
            print(MSGS("growth_zero"))
        else:
            g = next_year_goal(sales, v["growth"] / 100)
            print(MSGS("goal_line", b=g["baseline"], g=g["growth"], goal=g["goal"], year=PLAN_YEAR))
        history()

    return _form({"growth": slider(0, 0, 50, 1, label=MSGS("growth"))},
                 line=lambda v: f"q4 = {v['growth'] / 100:g}", draw=draw, title=MSGS("growth_title"))


def shares_form(sales: Any, q4: Any) -> Any:
    """Exercise 5: one slider per category (% of the goal, starting at 0); the sum and the split are redrawn.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = shares_form(kl.datasets.load("retail_sales"), 0.1)
    ...     for k, v in {"感冒止咳": 28, "肠胃消化": 12, "维矿补益": 20, "皮肤外用": 13, "慢病用药": 30}.items():
    ...         form.controls[k].value = v
    >>> form.line
    'q5 = kl.course.m13.split_goal(sales, q4, {"感冒止咳": 28, "肠胃消化": 12, "维矿补益": 20, "皮肤外用": 13, "慢病用药": 30})'
    >>> form.text.splitlines()[0]
    '份额合计 103%，应为 100%：还差 -3 个百分点。'
    """
    base = baseline_shares(sales)
    controls = {k: slider(0, 0, 60, 1, label=k) for k in base}

    def draw(v: dict[str, Any]) -> None:
        if not isinstance(q4, (int, float)):
            print(MSGS("need_q4", g=DEFAULT_GROWTH))
        split = split_goal(sales, q4, v)
        total = split["total_share"]
        if abs(total - 100) < 0.5:
            print(MSGS("shares_ok", goal=split["goal"]))
        else:
            print(MSGS("shares_off", s=total, gap=100 - total))
        for k, b in base.items():
            print(MSGS("shares_vs_base", c=k, b=b, s=v[k], d=v[k] - b))
        _split_chart(split, base)

    def line(v: dict[str, Any]) -> str:
        return f"q5 = kl.course.m13.split_goal(sales, q4, {_lit(v)})"

    return _form(controls, line=line, draw=draw, title=MSGS("shares_title"))


@styled
def _split_chart(split: dict[str, Any], base: dict[str, int]) -> Any:
    fig, ax = new_axes(None, figsize=(7.5, 3.2))
    cats = list(base)
    x = np.arange(len(cats))
    ax.bar(x - 0.2, [base[c] for c in cats], width=0.4, color="#bbbbbb", label=localized("去年结构 %", "last year %"))
    ax.bar(x + 0.2, [split["shares"].get(c, 0) for c in cats], width=0.4, color="#4c8cbf",
           label=localized("你的分解 %", "your split %"))
    ax.set_xticks(x, cats)
    ax.legend()
    ax.set_title(MSGS("shares_sum", s=split["total_share"]))
    return ax


def _rows(editor_value: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop rows left entirely empty."""
    return [r for r in editor_value if any(v is not None and str(v).strip() for v in r.values())]


def _ogsm_value(v: dict[str, Any]) -> dict[str, Any]:
    goals = [{"goal": r["goal"], "target": r["target"], "unit": r["unit"] or ""} for r in _rows(v["goals"])]
    strategies = [{"strategy": r["strategy"], "goals": [s for s in _SPLIT.split(str(r["goals"] or "")) if s.strip()]}
                  for r in _rows(v["strategies"])]
    measures = [{c: r[c] for c in ("measure", "strategy", "owner", "metric", "target")} for r in _rows(v["measures"])]
    return {"objective": v["objective"].strip(), "goals": goals, "strategies": strategies, "measures": measures}


def ogsm_form() -> Any:
    """Exercise 6: the objective, then small tables of goals, strategies and measures; problems and the tree follow.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = ogsm_form()
    ...     form.controls["objective"].value = "成为第一"
    ...     form.controls["goals"].cells[0]["goal"].value = "销售额"
    ...     form.controls["goals"].cells[0]["target"].value = "3600"
    >>> form.line
    'q6 = {"objective": "成为第一", "goals": [{"goal": "销售额", "target": 3600, "unit": ""}], "strategies": [], "measures": []}'
    """
    labels = {c: MSGS(c) for c in ("goal", "target", "unit", "strategy", "goals", "measure", "owner", "metric")}
    controls = {
        "objective": _textbox(MSGS("objective")),
        "goals": TableEditor([{} for _ in range(3)], ["goal", "target", "unit"], labels=labels),
        "strategies": TableEditor([{} for _ in range(3)], ["strategy", "goals"], labels=labels),
        "measures": TableEditor([{} for _ in range(5)], ["measure", "strategy", "owner", "metric", "target"],
                                labels=labels),
    }

    def draw(v: dict[str, Any]) -> None:
        plan = OGSM(_ogsm_value(v))
        problems = plan.validate()
        print("✓ OGSM" if not problems else "\n".join(f"✗ {p.message}" for p in problems[:6]))
        plan.plot()

    return _form(controls, line=lambda v: f"q6 = {_lit(_ogsm_value(v))}", draw=draw, title=MSGS("ogsm_title"))


_FINANCE_ROWS = ("revenue", "gross_margin", "inventory_days", "receivable_days")
_ACTION_COLUMNS = ("action", "strategy", "owner", "start", "due", "budget")


def _jbp_parts(v: dict[str, Any]) -> dict[str, Any]:
    """The trainee's decisions of the JBP form, as literals."""
    quarters = {q: int(v[q]) for q in ("Q1", "Q2", "Q3", "Q4")}
    strategies = [{"strategy": r["strategy"], "owner": r["owner"]} for r in _rows(v["strategies"])]
    targets: dict[str, Any] = {r["metric"]: r["value"] for r in _rows(v["partner_targets"]) if r["metric"]}
    investment = {r["item"]: r["amount"] for r in _rows(v["investment"]) if r["item"]}
    if investment:
        targets["investment"] = investment
    actions = [{c: r[c] for c in _ACTION_COLUMNS} for r in _rows(v["actions"])]
    reviews = [s.strip() for s in _SPLIT.split(str(v["reviews"] or "")) if s.strip()]
    return {"brand_findings": _lines(v["brand_findings"]), "quarters": quarters, "strategies": strategies,
            "partner_review": _lines(v["partner_findings"]), "partner_targets": targets,
            "actions": {"actions": actions, "reviews": reviews}}


def _jbp_line(p: dict[str, Any]) -> str:
    return ("q7 = {" f'"year": {PLAN_YEAR}, "partner": {_lit(RETAILER)}, "partner_kind": {_lit(PARTNER_KIND)}, '
            f'"brand_review": kl.course.m13.brand_review(sales, findings={_lit(p["brand_findings"])}), '
            f'"brand_plan": kl.course.m13.brand_plan(sales, q4, q5, quarters={_lit(p["quarters"])}, '
            f'strategies={_lit(p["strategies"])}), '
            f'"partner_review": {_lit(p["partner_review"])}, "partner_finance": kl.course.m13.PARTNER_FINANCE, '
            f'"partner_targets": {_lit(p["partner_targets"])}, "actions": {_lit(p["actions"])}' "}")


def jbp_form(sales: Any, q4: Any, q5: Any) -> Any:
    """Exercise 7: the JBP's decisions part by part; its problems, the quarter sum and the targets chart follow.

    The numbers of parts 1–2 come from the data and from exercises 4–5
    (``brand_review`` / ``brand_plan`` calls in the line); part 4 is the
    case's :data:`PARTNER_FINANCE`.  The quarter sliders start at 0.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = jbp_form(kl.datasets.load("retail_sales"), ..., ...)
    >>> form.line.startswith('q7 = {"year": 2027, "partner": "ABC零售", "partner_kind": "retailer", "brand_review": kl.course.m13.brand_review(sales, findings=[]), "brand_plan": kl.course.m13.brand_plan(sales, q4, q5, quarters={"Q1": 0,')
    True
    >>> form.text.splitlines()[0]
    '季度份额合计 0%（应为 100%；去年的季节结构见上面的表）'
    """
    labels = {c: MSGS(c) for c in ("strategy", "owner", "action", "start", "due", "budget", "item", "amount",
                                   "metric", "value")}
    controls: dict[str, Any] = {"brand_findings": _area(MSGS("brand_findings"))}
    for q in quarter_shares(sales):
        controls[q] = slider(0, 0, 50, 1, label=f"{MSGS('quarters')} {q}")
    controls["strategies"] = TableEditor([{} for _ in range(3)], ["strategy", "owner"], labels=labels)
    controls["partner_findings"] = _area(MSGS("partner_findings"))
    controls["partner_targets"] = TableEditor([{"metric": m} for m in _FINANCE_ROWS], ["metric", "value"],
                                              labels=labels)
    controls["investment"] = TableEditor([{} for _ in range(3)], ["item", "amount"], labels=labels)
    controls["actions"] = TableEditor([{} for _ in range(5)], list(_ACTION_COLUMNS), labels=labels)
    controls["reviews"] = _textbox(MSGS("reviews"), placeholder=f"{PLAN_YEAR}-03-25, {PLAN_YEAR}-06-24, ...")

    def draw(v: dict[str, Any]) -> None:
        p = _jbp_parts(v)
        print(MSGS("quarter_sum", s=sum(p["quarters"].values())))
        spec = {"year": PLAN_YEAR, "partner": RETAILER, "partner_kind": PARTNER_KIND,
                "brand_review": brand_review(sales, p["brand_findings"]),
                "brand_plan": brand_plan(sales, q4, q5, quarters=p["quarters"], strategies=p["strategies"]),
                "partner_review": p["partner_review"], "partner_finance": PARTNER_FINANCE,
                "partner_targets": p["partner_targets"], "actions": p["actions"]}
        plan = JBP(spec)
        problems = plan.validate()
        print(plan.report() if not problems else "\n".join(f"✗ {x.message}" for x in problems[:8]))
        plan.plot()

    return _form(controls, line=lambda v: _jbp_line(_jbp_parts(v)), draw=draw,
                 title=MSGS("jbp_title", year=PLAN_YEAR))


def pitch_form() -> Any:
    """Exercise 8: free text (typed as it comes: no quotes needed), scored by the instructor.

    Examples
    --------
    >>> form = pitch_form()
    >>> form.controls["text"].value = "先讲对方得到什么"
    >>> form.line
    "q8 = '先讲对方得到什么'"
    """
    return text_answer("q8", title=MSGS("pitch_title"),
                       placeholder=localized("对方得到什么、双方投入什么、怎样跟踪……",
                                             "What they gain, what both invest, how it is tracked ..."))


def lever_form() -> Any:
    """Exercise 9: pick what the brand offers the distributor; its profit bridge and the change are redrawn.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = lever_form()
    ...     form.controls["lever"].value = "rebate"
    >>> form.line, form.text
    ("q9 = 'rebate'", '「返利提高 0.2 个点」：净利润 298.7 万元，比现在 +20.0 万元。')
    """
    now = lever_profit()
    bridge = still(lambda lever: (now if lever is None else lever_profit(lever)).plot())  # one chart per lever

    def draw(v: dict[str, Any]) -> None:
        if v["lever"] is None:
            print(MSGS("lever_none", p=now.net_profit, m=now.net_margin))
            bridge(None)
            return
        p = lever_profit(v["lever"])
        name = localized(*LEVERS[v["lever"]][:2])
        print(MSGS("lever_picked", l=name, p=p.net_profit, d=p.net_profit - now.net_profit))
        bridge(v["lever"])

    options = [(localized(zh, en), key) for key, (zh, en, _terms) in LEVERS.items()]
    return _form({"lever": choice(options, label=MSGS("lever"))}, line=lambda v: f"q9 = {v['lever']!r}", draw=draw,
                 title=MSGS("lever_title"))
