"""m13's widget forms: each exercise's decisions as controls, the answer line they write, a live preview."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from ..._errors import KamlabInputError
from ..._i18n import localized
from ...planning import JBP, OGSM, decompose, swot
from ...widgets import AnswerForm, TableEditor, slider
from ._case import DEFAULT_GROWTH, PARTNER_FINANCE, PLAN_YEAR, RETAILER
from ._messages import MSGS
from ._model import baseline_shares, brand_plan, brand_review, goal_of, next_year_goal, quarter_shares, review

__all__ = ["swot_form", "growth_form", "shares_form", "ogsm_form", "jbp_form"]

_SPLIT = re.compile(r"[,，、;；\n]+")


def _lit(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


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


def swot_form() -> Any:
    """Exercise 1: four boxes (S, W, O, T) and four strategy boxes, one item per line; the 2×2 chart follows.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = swot_form()
    ...     for k in ("strengths", "weaknesses", "opportunities", "threats"):
    ...         form.controls[k].value = "甲\\n乙"
    >>> form.line
    'q1 = {"strengths": ["甲", "乙"], "weaknesses": ["甲", "乙"], "opportunities": ["甲", "乙"], "threats": ["甲", "乙"]}'
    """
    controls = {k: _area(localized(*label)) for k, label in _SWOT_LABELS.items()}

    def draw(v: dict[str, Any]) -> None:
        swot(_swot_value(v)).plot()

    return _form(controls, line=lambda v: f"q1 = {_lit(_swot_value(v))}", draw=draw, title=MSGS("swot_title"))


def growth_form(sales: Any) -> Any:
    """Exercise 2: a growth slider (%); the goal = base × (1 + growth) is shown.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = growth_form(kl.datasets.load("retail_sales"))
    ...     form.controls["growth"].value = 10
    >>> form.line
    'q2 = kl.course.m13.next_year_goal(sales, growth=0.1)'
    """

    def draw(v: dict[str, Any]) -> None:
        g = next_year_goal(sales, v["growth"] / 100)
        print(MSGS("goal_line", b=g["baseline"], g=g["growth"], goal=g["goal"]))
        review(sales).plot()

    return _form({"growth": slider(8, 0, 30, 1, label=MSGS("growth"))},
                 line=lambda v: f"q2 = kl.course.m13.next_year_goal(sales, growth={v['growth'] / 100:g})",
                 draw=draw, title=MSGS("growth_title"))


def shares_form(sales: Any, q2: Any) -> Any:
    """Exercise 3: one slider per category (% of the goal, starting at the base's shares); the split follows.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = shares_form(kl.datasets.load("retail_sales"), ...)
    >>> form.line
    'q3 = kl.planning.decompose(kl.course.m13.goal_of(q2, sales), {"感冒止咳": 0.25, "肠胃消化": 0.13, "维矿补益": 0.2, "皮肤外用": 0.12, "慢病用药": 0.3}, by="category")'
    """
    start = baseline_shares(sales)
    controls = {k: slider(round(v * 100), 0, 60, 1, label=k) for k, v in start.items()}

    def shares(v: dict[str, Any]) -> dict[str, float]:
        return {k: round(v[k] / 100, 4) for k in start}

    def draw(v: dict[str, Any]) -> None:
        if not isinstance(q2, Mapping):
            print(MSGS("need_q2", g=DEFAULT_GROWTH))
        print(MSGS("shares_sum", s=sum(v.values())))
        decompose(goal_of(q2, sales), shares(v), by="category").plot()

    def line(v: dict[str, Any]) -> str:
        return f"q3 = kl.planning.decompose(kl.course.m13.goal_of(q2, sales), {_lit(shares(v))}, by=\"category\")"

    return _form(controls, line=line, draw=draw, title=MSGS("shares_title"))


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
    """Exercise 4: the objective, then small tables of goals, strategies and measures; problems and the tree follow.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = ogsm_form()
    ...     form.controls["objective"].value = "成为第一"
    ...     form.controls["goals"].cells[0]["goal"].value = "销售额"
    ...     form.controls["goals"].cells[0]["target"].value = "3600"
    >>> form.line
    'q4 = {"objective": "成为第一", "goals": [{"goal": "销售额", "target": 3600, "unit": ""}], "strategies": [], "measures": []}'
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

    return _form(controls, line=lambda v: f"q4 = {_lit(_ogsm_value(v))}", draw=draw, title=MSGS("ogsm_title"))


_FINANCE_ROWS = ("revenue", "gross_margin", "inventory_days", "receivable_days")
_ACTION_COLUMNS = ("action", "strategy", "owner", "start", "due", "budget")


def _jbp_parts(v: dict[str, Any]) -> dict[str, Any]:
    """The trainee's decisions of the JBP form, as literals."""
    quarters = {q: round(v[q] / 100, 4) for q in ("Q1", "Q2", "Q3", "Q4")}
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
    return ("q5 = {" f'"year": {PLAN_YEAR}, "partner": {_lit(RETAILER)}, '
            f'"brand_review": kl.course.m13.brand_review(sales, findings={_lit(p["brand_findings"])}), '
            f'"brand_plan": kl.course.m13.brand_plan(sales, q2, q3, quarters={_lit(p["quarters"])}, '
            f'strategies={_lit(p["strategies"])}), '
            f'"partner_review": {_lit(p["partner_review"])}, "partner_finance": kl.course.m13.PARTNER_FINANCE, '
            f'"partner_targets": {_lit(p["partner_targets"])}, "actions": {_lit(p["actions"])}' "}")


def jbp_form(sales: Any, q2: Any, q3: Any) -> Any:
    """Exercise 5: the JBP's decisions part by part; its check and the targets chart follow.

    The numbers of parts 1–2 come from the data and from exercises 2–3
    (``brand_review`` / ``brand_plan`` calls in the line); part 4 is the
    case's :data:`PARTNER_FINANCE`.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = jbp_form(kl.datasets.load("retail_sales"), ..., ...)
    >>> form.line.startswith('q5 = {"year": 2027, "partner": "ABC零售", "brand_review": kl.course.m13.brand_review(sales, findings=[]), "brand_plan": kl.course.m13.brand_plan(sales, q2, q3, quarters={"Q1": 0.27')
    True
    """
    labels = {c: MSGS(c) for c in ("strategy", "owner", "action", "start", "due", "budget", "item", "amount",
                                   "metric", "value")}
    labels["metric"] = MSGS("metric")
    controls: dict[str, Any] = {"brand_findings": _area(MSGS("brand_findings"))}
    for q, share in quarter_shares(sales).items():
        controls[q] = slider(round(share * 100), 0, 50, 1, label=f"{MSGS('quarters')} {q}")
    controls["strategies"] = TableEditor([{} for _ in range(3)], ["strategy", "owner"], labels=labels)
    controls["partner_findings"] = _area(MSGS("partner_findings"))
    controls["partner_targets"] = TableEditor([{"metric": m} for m in _FINANCE_ROWS], ["metric", "value"],
                                              labels=labels)
    controls["investment"] = TableEditor([{} for _ in range(3)], ["item", "amount"], labels=labels)
    controls["actions"] = TableEditor([{} for _ in range(5)], list(_ACTION_COLUMNS), labels=labels)
    controls["reviews"] = _textbox(MSGS("reviews"), placeholder=f"{PLAN_YEAR}-03-25, {PLAN_YEAR}-06-24, ...")

    def draw(v: dict[str, Any]) -> None:
        p = _jbp_parts(v)
        spec = {"year": PLAN_YEAR, "partner": RETAILER, "brand_review": brand_review(sales, p["brand_findings"]),
                "brand_plan": brand_plan(sales, q2, q3, quarters=p["quarters"], strategies=p["strategies"]),
                "partner_review": p["partner_review"], "partner_finance": PARTNER_FINANCE,
                "partner_targets": p["partner_targets"], "actions": p["actions"]}
        plan = JBP(spec)
        problems = plan.validate()
        print(plan.report() if not problems else "\n".join(f"✗ {x.message}" for x in problems[:8]))
        plan.plot()

    return _form(controls, line=lambda v: _jbp_line(_jbp_parts(v)), draw=draw,
                 title=MSGS("jbp_title", year=PLAN_YEAR))

