"""m13 目标计划制定与联合生意计划 / Goals, plans and the joint business plan (JBP).

Seed 003 stages 2–3: goals come from the business review (生意回顾, m12).
The SWOT sums the review up; the goal for next year is last year's base
grown by the trainee's decision; it is decomposed by category (and by
quarter) with the variable that moves each part; the OGSM ties objective,
goals, strategies and measures; the JBP with the retail partner (ABC零售,
the seed's workshop retailer) holds the seed's six parts and goes to the
meeting as XLSX and Markdown.

Questions (bank :data:`BANK`):

* ``q1`` — a SWOT literal (structure: every quadrant ≥ 2 items, at least one
  SO/WO/ST/WT strategy);
* ``q2`` — ``next_year_goal(sales, growth=g)``: the goal = base × (1 + g),
  base = ABC's sales over the latest 12 months (consistency: the growth is
  the trainee's decision, base and goal are recomputed on the context's data);
* ``q3`` — ``kl.planning.decompose(goal_of(q2, sales), shares, by="category")``
  (computed: every category of the data, shares adding up to 1, targets =
  goal × share adding up to the goal of q2 on the context's data);
* ``q4`` — an OGSM literal (structure: validates, ≥ 2 strategies);
* ``q5`` — the JBP literal (validates; its total target is q2's goal and the
  review's base is the data's);
* ``q6`` — free text, scored by hand: how to sell the JBP to the partner.

Examples
--------
>>> from kamlab.course import m13
>>> m13.BANK.keys(), m13.PLAN_YEAR
(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], 2027)
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from .. import planning as _planning  # noqa: F401 - makes kl.planning available once the workbook opens
from .._errors import BadValueError
from .._i18n import Messages, get_language
from ..grading import Context, Question, QuestionBank, Verdict, WrongType

__all__ = ["MODULE", "TODAY", "DATASET", "RETAILER", "RETAILER_ID", "PLAN_YEAR", "DEFAULT_GROWTH", "JBP_FILE",
           "PARTNER_FINANCE", "BANK", "abc", "baseline", "baseline_shares", "quarter_shares", "review",
           "lagging_category", "driver_plan", "next_year_goal", "goal_of", "brand_review", "brand_plan",
           "jbp_or_none", "jbp_view", "export_jbp",
           "swot_form", "growth_form", "shares_form", "ogsm_form", "jbp_form"]

#: Module id.
MODULE = "m13"
#: Fixed course date (the data end in 2026-10).
TODAY = "2026-11-01"
#: Data set of the module.
DATASET = "retail_sales"
#: The seed's workshop retailer, our JBP partner.
RETAILER = "ABC零售"
RETAILER_ID = "R01"
#: The plan year of the goals and the JBP.
PLAN_YEAR = 2027
#: Growth used by later forms while exercise 2 is not answered.
DEFAULT_GROWTH = 0.08
#: Where the notebook writes the JBP (its own folder).
JBP_FILE = "m13_jbp.xlsx"
#: Case facts: ABC零售's last-year finances (万元, days), from its own statements.
PARTNER_FINANCE: dict[str, float] = {"revenue": 52000.0, "gross_margin": 0.27, "inventory_days": 62.0,
                                     "receivable_days": 45.0}
_SPLIT = re.compile(r"[,，、;；\n]+")

MSGS = Messages({
    "need_q2": ("（练习 2 还没有作答：先按 {g:.0%} 的增长演示。）",
                "(Exercise 2 is not answered yet: showing {g:.0%} growth.)"),
    "need_q5": ("先完成练习 5（JBP）。", "Finish exercise 5 (the JBP) first."),
    "exported": ("已导出：{path}（{n} 个工作表）", "Exported: {path} ({n} sheets)"),
    "goal_line": ("基数（最近 12 个月 ABC 销售额）{b:,.2f} 万元 × (1 + {g:.1%}) = 下一年目标 {goal:,.2f} 万元",
                  "Base (ABC's sales, latest 12 months) {b:,.2f} × (1 + {g:.1%}) = next year's goal {goal:,.2f}"),
    "growth": ("增长率（%）", "Growth (%)"),
    "swot_title": ("SWOT：每行写一项（来自生意回顾的发现）", "SWOT: one item per line (findings of the review)"),
    "ogsm_title": ("OGSM：目的 → 目标（数字）→ 策略 → 衡量（负责人、指标、目标值）",
                   "OGSM: objective → goals (numbers) → strategies → measures (owner, metric, target)"),
    "growth_title": ("下一年的增长目标", "Next year's growth"),
    "shares_title": ("把目标分解到品类：各品类份额（%，合计 100）", "Split the goal by category: shares (%, total 100)"),
    "shares_sum": ("份额合计 {s}%", "Shares total {s}%"),
    "jbp_title": ("与 ABC零售 的 {year} 联合生意计划（六个部分）", "The {year} JBP with ABC Retail (six parts)"),
    "objective": ("目的 O", "Objective"),
    "goal": ("目标 G", "goal"), "target": ("目标值", "target"), "unit": ("单位", "unit"),
    "strategy": ("策略 S", "strategy"), "goals": ("对应目标（用、分隔）", "goals (comma separated)"),
    "measure": ("衡量/行动 M", "measure"), "owner": ("负责人", "owner"), "metric": ("指标", "metric"),
    "brand_findings": ("1 品牌回顾：发现（每行一条）", "1 Brand review: findings (one per line)"),
    "quarters": ("2 季度分解（%）", "2 Split by quarter (%)"),
    "partner_findings": ("3 经销商执行复盘（每行一条）", "3 Partner execution review (one per line)"),
    "partner_targets": ("5 经销商财务目标", "5 Partner financial targets"),
    "investment": ("5 资源投入（万元）", "5 Resources (10k yuan)"),
    "action": ("6 行动", "action"), "start": ("开始", "start"), "due": ("完成", "due"), "budget": ("预算", "budget"),
    "reviews": ("6 跟踪复盘会日期", "6 Review meetings"),
    "item": ("项目", "item"), "amount": ("金额", "amount"), "value": ("数值", "value"),
})


def _lit(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# --------------------------------------------------------------------------- data helpers
def abc(sales: Any) -> Any:
    """The rows of ABC零售 (``retailer_id`` R01, else ``retailer`` 'ABC零售').

    Examples
    --------
    >>> import kamlab as kl
    >>> abc(kl.datasets.load("retail_sales")).shape
    (120, 9)
    """
    if "retailer_id" in sales.columns and (sales["retailer_id"] == RETAILER_ID).any():
        return sales[sales["retailer_id"] == RETAILER_ID].copy()
    return sales[sales["retailer"] == RETAILER].copy()


def _last12(sales: Any) -> Any:
    rows = abc(sales)
    months = sorted(rows["month"].astype(str).unique())[-12:]
    return rows[rows["month"].astype(str).isin(months)]


def baseline(sales: Any) -> Any:
    """ABC's sales of the latest 12 months by category (万元), in the data's category order.

    Examples
    --------
    >>> import kamlab as kl
    >>> b = baseline(kl.datasets.load("retail_sales"))
    >>> b.round(2).to_dict()
    {'感冒止咳': 833.44, '肠胃消化': 434.58, '维矿补益': 645.18, '皮肤外用': 391.81, '慢病用药': 1006.29}
    """
    rows = _last12(sales)
    order = list(dict.fromkeys(rows["category"].astype(str)))
    return rows.groupby(rows["category"].astype(str), sort=False)["sales"].sum().reindex(order).rename("sales")


def _percent_split(values: Any) -> list[int]:
    """Integer percentages adding up to 100 (largest remainder)."""
    import numpy as np

    v = np.asarray(values, dtype=float)
    raw = 100 * v / v.sum()
    out = np.floor(raw).astype(int)
    order = np.argsort(-(raw - out), kind="stable")
    out[order[: 100 - int(out.sum())]] += 1
    return [int(x) for x in out]


def baseline_shares(sales: Any) -> dict[str, float]:
    """Each category's share of the base, as whole percentages adding up to 1 (the shares form's start).

    Examples
    --------
    >>> import kamlab as kl
    >>> baseline_shares(kl.datasets.load("retail_sales"))
    {'感冒止咳': 0.25, '肠胃消化': 0.13, '维矿补益': 0.2, '皮肤外用': 0.12, '慢病用药': 0.3}
    """
    b = baseline(sales)
    return {k: p / 100 for k, p in zip(b.index, _percent_split(b.to_numpy()))}


def quarter_shares(sales: Any) -> dict[str, float]:
    """Each calendar quarter's share of ABC's latest 12 months (the seasonality), whole percentages.

    Examples
    --------
    >>> import kamlab as kl
    >>> quarter_shares(kl.datasets.load("retail_sales"))
    {'Q1': 0.27, 'Q2': 0.23, 'Q3': 0.24, 'Q4': 0.26}
    """
    rows = _last12(sales)
    quarter = "Q" + ((rows["month"].astype(str).str[5:7].astype(int) - 1) // 3 + 1).astype(str)
    by = rows.groupby(quarter)["sales"].sum().reindex(["Q1", "Q2", "Q3", "Q4"]).fillna(0.0)
    return {k: p / 100 for k, p in zip(by.index, _percent_split(by.to_numpy()))}


def review(sales: Any, period: int = 12) -> Any:
    """ABC's scorecard by category over the latest *period* months (``kl.review.scorecard``).

    Examples
    --------
    >>> import kamlab as kl
    >>> review(kl.datasets.load("retail_sales"), 3).table["achievement"].idxmin()
    '肠胃消化'
    """
    from ..review import scorecard

    return scorecard(abc(sales), by="category", period=period)


def lagging_category(sales: Any) -> str:
    """The category of ABC furthest behind target in the latest quarter.

    Examples
    --------
    >>> import kamlab as kl
    >>> lagging_category(kl.datasets.load("retail_sales"))
    '肠胃消化'
    """
    table = review(sales, 3).table
    return str(table["achievement"].astype(float).idxmin())


def driver_plan(sales: Any, category: str, **changes: float) -> Any:
    """A category's goal as drivers: selling stores × units per store × price, with their planned changes.

    The base: the category's latest 12 months at ABC (average selling stores,
    yearly units per selling store, sales per unit in 万元).  *changes* give
    each driver's planned change (0.06 = +6 %); the result's ``total`` is the
    category's goal they reach.

    Examples
    --------
    >>> import kamlab as kl
    >>> d = driver_plan(kl.datasets.load("retail_sales"), "肠胃消化", stores=0.06, units_per_store=0.04)
    >>> d.table[["part", "change"]].round(2).values.tolist()
    [['stores', 0.06], ['units_per_store', 0.04], ['price', 0.0]]
    """
    from ..planning import decompose

    rows = _last12(sales)
    rows = rows[rows["category"].astype(str) == str(category)]
    if rows.empty:
        raise BadValueError(f"ABC零售 没有品类 {category!r} 的数据。", f"ABC Retail has no data for {category!r}.",
                            column="category")
    stores = float(rows["stores"].mean())
    units = float(rows["units"].sum())
    base = {"stores": stores, "units_per_store": units / stores, "price": float(rows["sales"].sum()) / units}
    target = {k: v * (1 + float(changes.get(k, 0.0))) for k, v in base.items()}
    return decompose(None, target, by="drivers", baseline=base)


def next_year_goal(sales: Any, growth: float) -> dict[str, float]:
    """Next year's goal: the base (ABC's latest 12 months) × (1 + *growth*).

    Examples
    --------
    >>> import kamlab as kl
    >>> next_year_goal(kl.datasets.load("retail_sales"), growth=0.08)
    {'baseline': 3311.3, 'growth': 0.08, 'goal': 3576.2}
    """
    from ..planning._common import is_number

    if not is_number(growth) or not -0.5 <= float(growth) <= 1.0:
        raise BadValueError(f"growth（增长率）应是 -0.5 到 1 之间的小数（0.08 = 8%），收到的是 {growth!r}。",
                            f"growth must be a fraction between -0.5 and 1 (0.08 = 8%), got {growth!r}.",
                            column="growth")
    b = round(float(baseline(sales).sum()), 2)
    return {"baseline": b, "growth": float(growth), "goal": round(b * (1 + float(growth)), 2)}


def goal_of(q2: Any, sales: Any) -> float:
    """The goal of exercise 2, or the base grown by :data:`DEFAULT_GROWTH` while it is not answered.

    Examples
    --------
    >>> import kamlab as kl
    >>> goal_of({"goal": 3600.0}, None), goal_of(..., kl.datasets.load("retail_sales"))
    (3600.0, 3576.2)
    """
    if isinstance(q2, Mapping) and isinstance(q2.get("goal"), (int, float)) and not isinstance(q2["goal"], bool):
        return float(q2["goal"])
    return next_year_goal(sales, DEFAULT_GROWTH)["goal"]


def brand_review(sales: Any, findings: list[str]) -> dict[str, Any]:
    """JBP part 1 from the data: the base (total and by category) and the trainee's findings.

    Examples
    --------
    >>> import kamlab as kl
    >>> brand_review(kl.datasets.load("retail_sales"), ["肠胃消化落后"])["sales"]
    3311.3
    """
    b = baseline(sales)
    return {"sales": round(float(b.sum()), 2), "by_category": {k: round(float(v), 2) for k, v in b.items()},
            "findings": list(findings)}


def brand_plan(sales: Any, q2: Any, q3: Any, *, quarters: Mapping[str, float],
               strategies: list[dict[str, Any]]) -> dict[str, Any]:
    """JBP part 2: the goal of q2, its split by category (q3) and by quarter (*quarters* shares), strategies.

    While q3 is not answered, the goal is split by the base's shares.

    Examples
    --------
    >>> import kamlab as kl
    >>> sales = kl.datasets.load("retail_sales")
    >>> p = brand_plan(sales, ..., ..., quarters={"Q1": 0.25, "Q2": 0.25, "Q3": 0.25, "Q4": 0.25}, strategies=[])
    >>> p["target"], p["by_quarter"]["Q1"]
    (3576.2, 894.05)
    """
    from ..planning import Decomposition, decompose

    if isinstance(q3, Decomposition):
        split = q3
    else:
        split = decompose(goal_of(q2, sales), baseline_shares(sales), by="category")
    total = round(float(split.total), 2)
    by_quarter = decompose(total, dict(quarters), by="quarter")
    return {"target": total, "by_category": split.targets(), "by_quarter": by_quarter.targets(),
            "strategies": list(strategies)}


def jbp_or_none(q5: Any) -> Any:
    """The q5 plan as a :class:`~kamlab.planning.JBP`, or None (not answered / unreadable).

    Examples
    --------
    >>> jbp_or_none(...) is None
    True
    """
    from ..planning import JBP

    if not isinstance(q5, Mapping):
        return None
    try:
        return JBP(q5)
    except (ValueError, TypeError):
        return None


def jbp_view(q5: Any) -> None:
    """Print ✓ or the JBP's problems and draw its targets (a note while q5 is not answered).

    Examples
    --------
    >>> jbp_view(...)
    先完成练习 5（JBP）。
    """
    plan = jbp_or_none(q5)
    if plan is None:
        print(MSGS("need_q5"))
        return None
    print(plan.report())
    plan.plot()
    return None


def export_jbp(q5: Any, path: str = JBP_FILE) -> str | None:
    """Write the q5 plan to *path* (XLSX, in the notebook's folder) and return its Markdown for the meeting.

    Examples
    --------
    >>> export_jbp(...)
    先完成练习 5（JBP）。
    """
    from pathlib import Path

    plan = jbp_or_none(q5)
    if plan is None:
        print(MSGS("need_q5"))
        return None
    target = Path(path)
    if target.is_absolute() or ".." in target.parts:
        raise BadValueError("请导出到工作簿所在的文件夹（相对路径，如 'm13_jbp.xlsx'）。",
                            "Export into the notebook's own folder (a relative path such as 'm13_jbp.xlsx').",
                            column="path")
    plan.to_xlsx(target)
    import openpyxl

    print(MSGS("exported", path=target.as_posix(), n=len(openpyxl.load_workbook(target).sheetnames)))
    return plan.to_markdown()


# --------------------------------------------------------------------------- forms
def _lines(text: Any) -> list[str]:
    return [s.strip() for s in str(text or "").splitlines() if s.strip()]


def _area(label: str, value: str = "", rows: int = 3) -> Any:
    import ipywidgets as w

    return w.Textarea(value=value, description=label, rows=rows, layout={"width": "460px"},
                      style={"description_width": "150px"})


def _textbox(label: str, value: str = "", placeholder: str = "") -> Any:
    import ipywidgets as w

    return w.Text(value=value, description=label, placeholder=placeholder, layout={"width": "460px"},
                  style={"description_width": "150px"})


def _form(controls: dict[str, Any], **kwargs: Any) -> Any:
    from .._errors import KamlabInputError
    from ..widgets import AnswerForm

    draw = kwargs.get("draw")
    if draw is not None:
        def say_why(v: dict[str, Any]) -> None:
            # a half-filled form: say why in the current language, keep the form
            try:
                draw(v)
            except KamlabInputError as err:
                print(err.zh if get_language() == "zh" else err.en)

        kwargs["draw"] = say_why
    return AnswerForm(controls, **kwargs)


_SWOT_LABELS = {"strengths": ("优势 S", "Strengths"), "weaknesses": ("劣势 W", "Weaknesses"),
                "opportunities": ("机会 O", "Opportunities"), "threats": ("威胁 T", "Threats"),
                "SO": ("SO 对策", "SO strategies"), "WO": ("WO 对策", "WO strategies"),
                "ST": ("ST 对策", "ST strategies"), "WT": ("WT 对策", "WT strategies")}


def _pick(pair: tuple[str, str]) -> str:
    return pair[0] if get_language() == "zh" else pair[1]


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
    from ..planning import swot

    controls = {k: _area(_pick(label)) for k, label in _SWOT_LABELS.items()}

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
    from ..widgets import slider

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
    from ..planning import decompose
    from ..widgets import slider

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
    from ..planning import OGSM
    from ..widgets import TableEditor

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
    from ..planning import JBP
    from ..widgets import TableEditor, slider

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


# --------------------------------------------------------------------------- checks
def _fail(zh: str, en: str, score: float = 0.0) -> Verdict:
    return Verdict(ok=False, score=score, reason_zh=zh, reason_en=en)


def _reason(err: Exception) -> tuple[str, str]:
    return getattr(err, "zh", str(err)), getattr(err, "en", str(err))


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    from ..planning import swot

    if not isinstance(answer, Mapping):
        raise WrongType('一个字典 {"strengths": [...], ...}', 'a dict {"strengths": [...], ...}', answer)
    try:
        s = swot(answer)
    except ValueError as err:
        zh, en = _reason(err)
        return _fail("SWOT 的格式不对：" + zh, "The SWOT is malformed: " + en)
    short = [k for k, v in s.items.items() if len(v) < 2]
    if short:
        return _fail(f"{'、'.join(short)} 少于 2 项：每个象限至少写 2 条来自生意回顾的发现。",
                     f"{', '.join(short)} have fewer than 2 items: write at least 2 findings of the review in each "
                     f"quadrant.", score=0.5)
    if not s.strategies:
        return _fail("还没有对策：至少写一条 SO / WO / ST / WT 对策，把 SWOT 变成行动方向。",
                     "No strategy yet: write at least one SO / WO / ST / WT strategy to turn the SWOT into action.",
                     score=0.5)
    return Verdict(ok=True, score=1.0)


def _ref_base(ctx: Context) -> float:
    return round(float(baseline(ctx.load(DATASET)).sum()), 2)


def _growth(ctx: Context) -> float | None:
    q2 = ctx.answers.get("q2")
    g = q2.get("growth") if isinstance(q2, Mapping) else None
    return float(g) if isinstance(g, (int, float)) and not isinstance(g, bool) and math.isfinite(g) else None


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping) or not {"baseline", "growth", "goal"} <= set(answer):
        raise WrongType('kl.course.m13.next_year_goal(sales, growth=...) 的结果（一个字典）',
                        "the result of kl.course.m13.next_year_goal(sales, growth=...) (a dict)", answer)
    g, base, goal = answer["growth"], answer["baseline"], answer["goal"]
    if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (g, base, goal)):
        raise WrongType("数字", "numbers", answer)
    if not 0 < g <= 0.5:
        return _fail("增长率应是 0 到 0.5 之间的小数（0.08 = 8%）：下一年的目标要比基数高，也要够得着。",
                     "The growth must be a fraction between 0 and 0.5 (0.08 = 8%): above the base, and reachable.")
    ref = _ref_base(ctx)
    if not math.isclose(base, ref, rel_tol=1e-4):
        return _fail("基数不是这份数据里 ABC零售 最近 12 个月的销售额：请用 kl.course.m13.next_year_goal(sales, growth=...) "
                     "计算，不要手填数字。",
                     "The base is not ABC's sales of the latest 12 months in this data: compute it with "
                     "kl.course.m13.next_year_goal(sales, growth=...), do not type numbers.")
    if not math.isclose(goal, ref * (1 + g), rel_tol=1e-4):
        return _fail("目标不等于 基数 × (1 + 增长率)。", "The goal is not base × (1 + growth).")
    return Verdict(ok=True, score=1.0)


def _need_q2(ctx: Context) -> Verdict | None:
    if _growth(ctx) is None:
        return _fail("先完成练习 2（下一年的目标）：分解要以它为总数。",
                     "Finish exercise 2 (next year's goal) first: it is the total to split.")
    return None


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    import pandas as pd

    table = getattr(answer, "table", answer)
    if not isinstance(table, pd.DataFrame) or not {"part", "share", "target"} <= set(table.columns):
        raise WrongType("kl.planning.decompose(...) 的结果", "the result of kl.planning.decompose(...)", answer)
    missing = _need_q2(ctx)
    if missing is not None:
        return missing
    if "dimension" in table.columns and set(table["dimension"].astype(str)) != {"category"}:
        return _fail('请只按品类分解（by="category"）。', 'Split by category only (by="category").')
    cats = set(baseline(ctx.load(DATASET)).index)
    parts = [str(p) for p in table["part"]]
    if set(parts) != cats or len(parts) != len(cats):
        return _fail(f"品类不对：要覆盖数据里的全部 {len(cats)} 个品类，每个一次。",
                     f"Wrong categories: cover all {len(cats)} categories of the data, each once.")
    shares = table["share"].astype(float)
    if (shares <= 0).any():
        return _fail("每个品类的份额都应大于 0。", "Every category's share must be above 0.")
    goal = _ref_base(ctx) * (1 + float(_growth(ctx)))
    targets = table["target"].astype(float)
    if not math.isclose(float(targets.sum()), goal, rel_tol=1e-3):
        return _fail("各品类目标加起来不等于练习 2 的目标：用 kl.course.m13.goal_of(q2, sales) 作总数。",
                     "The category targets do not add up to the goal of exercise 2: use "
                     "kl.course.m13.goal_of(q2, sales) as the total.")
    if not all(math.isclose(t, goal * s, rel_tol=1e-3, abs_tol=0.02) for t, s in zip(targets, shares)):
        return _fail("有品类的目标不等于 总目标 × 份额。", "Some category target is not total × share.")
    return Verdict(ok=True, score=1.0)


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    from ..planning import OGSM

    if not isinstance(answer, Mapping):
        raise WrongType('一个字典 {"objective": ..., "goals": [...], ...}',
                        'a dict {"objective": ..., "goals": [...], ...}', answer)
    try:
        plan = OGSM(answer)
    except ValueError as err:
        zh, en = _reason(err)
        return _fail("OGSM 的格式不对：" + zh, "The OGSM is malformed: " + en)
    problems = plan.validate()
    if problems:
        return _fail(f"OGSM 还有 {len(problems)} 个问题，第一个：{problems[0].zh}",
                     f"The OGSM has {len(problems)} problems; the first: {problems[0].en}",
                     score=0.5 if len(problems) <= 2 else 0.0)
    if len(plan.strategies) < 2:
        return _fail("至少写 2 条策略，每条都有衡量。", "Write at least 2 strategies, each with its measures.", score=0.5)
    return Verdict(ok=True, score=1.0)


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    from ..planning import JBP

    if not isinstance(answer, Mapping):
        raise WrongType("一个字典（JBP 的六个部分）", "a dict (the six parts of the JBP)", answer)
    try:
        plan = JBP(answer)
    except ValueError as err:
        zh, en = _reason(err)
        return _fail("JBP 的格式不对：" + zh, "The JBP is malformed: " + en)
    problems = plan.validate()
    if plan.year != PLAN_YEAR:
        return _fail(f"计划年应是 {PLAN_YEAR}。", f"The plan year must be {PLAN_YEAR}.")
    if problems:
        return _fail(f"JBP 还有 {len(problems)} 个问题，第一个：{problems[0].zh}",
                     f"The JBP has {len(problems)} problems; the first: {problems[0].en}",
                     score=0.5 if len(problems) <= 2 else 0.25)
    missing = _need_q2(ctx)
    if missing is not None:
        return Verdict(False, 0.5, missing.reason_zh, missing.reason_en)
    data = ctx.load(DATASET)
    base = _ref_base(ctx)
    sales = (plan.parts.get("brand_review") or {}).get("sales")
    if not isinstance(sales, (int, float)) or not math.isclose(float(sales), base, rel_tol=1e-3):
        return _fail("第 1 部分的上阶段销售额不是这份数据的基数：用 kl.course.m13.brand_review(sales, findings=...)。",
                     "Part 1's last-period sales are not this data's base: use "
                     "kl.course.m13.brand_review(sales, findings=...).", score=0.5)
    goal = base * (1 + float(_growth(ctx)))
    if plan.target is None or not math.isclose(plan.target, goal, rel_tol=1e-3):
        return _fail("第 2 部分的总目标不等于练习 2 的目标：用 kl.course.m13.brand_plan(sales, q2, q3, ...)。",
                     "Part 2's total target is not the goal of exercise 2: use "
                     "kl.course.m13.brand_plan(sales, q2, q3, ...).", score=0.5)
    cats = set(baseline(data).index)
    if set(map(str, (plan.parts["brand_plan"].get("by_category") or {}))) != cats:
        return _fail("第 2 部分的品类目标要覆盖数据里的全部品类。",
                     "Part 2's category targets must cover every category of the data.", score=0.5)
    return Verdict(ok=True, score=1.0)


BANK = QuestionBank(
    module=MODULE,
    title=("目标计划制定与联合生意计划（JBP）", "Goals, plans and the joint business plan (JBP)"),
    datasets=(DATASET,),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("根据 ABC零售 的生意回顾写出 SWOT（每个象限至少 2 条）和至少一条对策（SO/WO/ST/WT）。",
                    "From ABC Retail's business review, write a SWOT (at least 2 items per quadrant) and at least "
                    "one strategy (SO/WO/ST/WT)."),
            check=_check_q1,
            hint=("优势/劣势看内部（我们在 ABC 的品类表现），机会/威胁看外部（季节、竞品、政策）；对策把两者连起来。",
                  "Strengths/weaknesses are internal (our categories at ABC), opportunities/threats external "
                  "(season, competitors, policy); strategies connect the two."),
        ),
        Question(
            key="q2", points=2,
            prompt=(f"定下 {PLAN_YEAR} 年的增长率，算出目标 = 最近 12 个月的销售额 × (1 + 增长率)。",
                    f"Decide the growth for {PLAN_YEAR} and compute the goal = sales of the latest 12 months × "
                    f"(1 + growth)."),
            check=_check_q2,
            hint=("用 kl.course.m13.next_year_goal(sales, growth=0.08)；增长率写小数。",
                  "Use kl.course.m13.next_year_goal(sales, growth=0.08); growth as a fraction."),
        ),
        Question(
            key="q3", points=3,
            prompt=("把目标分解到各品类：决定每个品类的份额（合计 1），用 kl.planning.decompose 计算各品类目标。",
                    "Split the goal by category: decide each category's share (adding up to 1) and compute the "
                    "targets with kl.planning.decompose."),
            check=_check_q3,
            hint=("总数用 kl.course.m13.goal_of(q2, sales)；份额覆盖全部品类、加起来等于 1。",
                  "Use kl.course.m13.goal_of(q2, sales) as the total; shares cover every category and add up to 1."),
        ),
        Question(
            key="q4", points=3,
            prompt=("写出 OGSM：一个目的、带数字的目标、至少 2 条对应目标的策略，每条策略有衡量（负责人、指标、目标值）。",
                    "Write an OGSM: one objective, goals with numbers, at least 2 strategies tied to goals, each "
                    "with measures (owner, metric, target)."),
            check=_check_q4,
            hint=("策略的 goals 写目标的名称；衡量的 strategy 写策略的名称。",
                  "A strategy's goals name goals; a measure's strategy names a strategy."),
        ),
        Question(
            key="q5", points=4,
            prompt=(f"写出与 ABC零售 的 {PLAN_YEAR} 联合生意计划（六个部分），检查无误后导出 XLSX。",
                    f"Write the {PLAN_YEAR} joint business plan with ABC Retail (six parts), check it and export "
                    f"it to XLSX."),
            check=_check_q5,
            hint=("目标来自练习 2–3（brand_plan(sales, q2, q3, ...)），季度份额合计 1；每条策略有负责人和行动；"
                  f"日期在 {PLAN_YEAR} 年内；每个季度至少一次复盘会。",
                  "Targets come from exercises 2-3 (brand_plan(sales, q2, q3, ...)), quarter shares add up to 1; "
                  f"every strategy has an owner and actions; dates within {PLAN_YEAR}; a review meeting each "
                  "quarter."),
        ),
        Question(
            key="q6", points=3,
            prompt=("用三五句话写下：你会怎样向 ABC零售 的高层“卖入”这份 JBP（对方得到什么、需要投入什么、怎样跟踪）？",
                    "In a few sentences: how will you sell this JBP to ABC Retail's management (what they gain, "
                    "what they invest, how it is tracked)?"),
            check=None, manual=True,
        ),
    ),
)
