"""m12's widget forms: each exercise's decision as controls that start neutral, a live chart and text, the line.

Everything a form says is printed by its ``draw`` (rerun on every change); a form that nobody touched writes
a line that decides nothing (``None`` or an empty list).
"""

from __future__ import annotations

from typing import Any

from ..._i18n import localized
from ...review import FORECAST_METHODS, PURPOSES, drivers, forecast, scorecard
from ...widgets import AnswerForm, choice, literal, match_quiz, multi_select, slider, still, text_answer
from ._case import DRIVERS, HORIZON, QUIZ, REVIEW_MONTHS
from ._charts import _plot_pick
from ._messages import MSGS
from ._model import _frame, growth_table

__all__ = ["purposes_form", "tidy_form", "scorecard_form", "lagging_form", "growth_form", "forecast_form",
           "driver_form", "report_form"]


def purposes_form() -> Any:
    """Exercise 1: one drop-down per review question A–E (each starts on "（请选择）").

    Examples
    --------
    >>> form = purposes_form()
    >>> form.controls["A"].value = "诊断"
    >>> form.line
    'q1 = {"A": "诊断", "B": None, "C": None, "D": None, "E": None}'
    """
    return match_quiz({k: f"{k}. {localized(q[0], q[1])[:14]}…" for k, q in QUIZ.items()},
                      [(localized(p.zh, p.en), p.short) for p in PURPOSES.values()], key="q1",
                      title=MSGS("quiz_title"), blank=(MSGS("pick"), ""))


def tidy_form(raw: Any) -> Any:
    """Exercise 2: tick the rows of the raw export to fix before the analysis; the count is live.

    Examples
    --------
    >>> import kamlab as kl
    >>> from kamlab.course import m12
    >>> form = tidy_form(m12.raw_export(m12.abc(kl.datasets.load("retail_sales"))))
    >>> form.line, form.text
    ('q2 = []', '还没有勾选任何一行。')
    >>> form.controls["rows"].tick(["#06"]); form.line, form.text
    ('q2 = ["#06"]', '已勾选 1 行：#06')
    """
    options = [(f"{r.row}  {r.month}  {r.category}", str(r.row)) for r in raw.itertuples(index=False)]
    rows = multi_select(options, label=MSGS("rows"))

    def draw(v: dict[str, Any]) -> None:
        ticked = list(v["rows"])
        print(MSGS("ticked", n=len(ticked), rows="、".join(ticked)) if ticked else MSGS("ticked_none"))

    return AnswerForm({"rows": rows}, line=lambda v: f"q2 = {literal(list(v['rows']))}", draw=draw)


def scorecard_form(abc_rows: Any) -> Any:
    """Exercise 3: choose the grouping and the review period; the chart is the scorecard.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> form = scorecard_form(kl.course.m12.abc(kl.datasets.load("retail_sales")))
    >>> form.line
    'q3 = None'
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form.controls["by"].value = "category"; form.controls["period"].value = 3
    >>> form.line
    'q3 = kl.review.scorecard(abc, by="category", period=3)'
    """
    n = abc_rows["month"].nunique()
    by = choice([(MSGS("by_month"), "month"), (MSGS("by_category"), "category")], label=MSGS("by"))
    period = choice([(MSGS("period_n", n=m), m) for m in (1, 3, 6, 12, 24) if m <= n], label=MSGS("period"))

    chart = still(lambda by, months: scorecard(abc_rows, by=by, period=months).plot())   # kept per choice

    def draw(v: dict[str, Any]) -> Any:
        if v["by"] is None or v["period"] is None:
            print(MSGS("not_chosen"))
            return None
        return chart(v["by"], v["period"])

    def line(v: dict[str, Any]) -> str:
        if v["by"] is None or v["period"] is None:
            return "q3 = None"
        return f'q3 = kl.review.scorecard(abc, by="{v["by"]}", period={v["period"]})'

    return AnswerForm({"by": by, "period": period}, line=line, draw=draw)


def _category_form(key: str, values: Any, title: str, other: Any = None) -> AnswerForm:
    pick = choice([str(i) for i in values.index], label=MSGS("category"))
    chart = still(lambda cat: _plot_pick(values, cat, title, other=other))   # one chart per category

    def draw(v: dict[str, Any]) -> Any:
        print(MSGS("pick_line", cat=v["cat"]) if v["cat"] else MSGS("not_chosen"))
        return chart(v["cat"])

    return AnswerForm({"cat": pick}, line=lambda v: f"{key} = {literal(v['cat'])}", draw=draw)


def lagging_form(sc: Any) -> Any:
    """Exercise 4: pick the category most behind target; the achievement chart marks the pick.

    Examples
    --------
    >>> import kamlab as kl
    >>> sc = kl.course.m12.scorecard_or_default(..., kl.course.m12.abc(kl.datasets.load("retail_sales")))
    >>> form = lagging_form(sc)
    >>> form.line
    'q4 = None'
    >>> form.controls["cat"].value = "慢病用药"; form.line, form.text
    ('q4 = "慢病用药"', '你选的品类：慢病用药（图中红色）')
    """
    table = _frame(sc)
    return _category_form("q4", table["achievement"].astype(float), localized("达成率（实际 ÷ 目标）",
                                                                              "Achievement (actual ÷ target)"))


def growth_form(abc_rows: Any) -> Any:
    """Exercise 5: pick the category growing fastest; blue YoY and grey vs-previous-quarter bars.

    Examples
    --------
    >>> import kamlab as kl
    >>> form = growth_form(kl.course.m12.abc(kl.datasets.load("retail_sales")))
    >>> form.controls["cat"].value = "感冒止咳"; form.line
    'q5 = "感冒止咳"'
    """
    t = growth_table(abc_rows)
    return _category_form("q5", t["yoy"].astype(float), MSGS("yoy_vs_mom"), other=t["change_rate"].astype(float))


def forecast_form(abc_rows: Any) -> Any:
    """Exercise 6: choose the forecast method and how many recent months it uses; the chart shows it.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> form = forecast_form(kl.course.m12.abc(kl.datasets.load("retail_sales")))
    >>> form.line
    'q6 = None'
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form.controls["method"].value = "seasonal_growth"; form.controls["window"].value = 3
    >>> form.line
    'q6 = kl.review.forecast(abc, horizon=3, method="seasonal_growth", window=3)'
    """
    method = choice([(localized(*desc).split("：")[0].split(":")[0], m) for m, desc in FORECAST_METHODS.items()],
                    label=MSGS("method"))
    window = slider(1, 1, 12, 1, label=MSGS("window"))
    chart = still(lambda method, months: forecast(abc_rows, horizon=HORIZON, method=method, window=months).plot())

    def draw(v: dict[str, Any]) -> Any:
        if v["method"] is None:
            print(MSGS("not_chosen"))
            return None
        print(localized(*FORECAST_METHODS[v["method"]]).replace("window", str(v["window"])))
        return chart(v["method"], v["window"])

    def line(v: dict[str, Any]) -> str:
        if v["method"] is None:
            return "q6 = None"
        return f'q6 = kl.review.forecast(abc, horizon={HORIZON}, method="{v["method"]}", window={v["window"]})'

    return AnswerForm({"method": method, "window": window}, line=line, draw=draw)


def driver_form(abc_rows: Any) -> Any:
    """Exercise 7: where the lagging category's fall comes from; the chart splits sales YoY per category.

    Examples
    --------
    >>> import kamlab as kl
    >>> form = driver_form(kl.course.m12.abc(kl.datasets.load("retail_sales")))
    >>> form.controls["driver"].value = "season"; form.line
    'q7 = "season"'
    """
    pick = choice([(localized(*text), key) for key, text in DRIVERS.items()], label=MSGS("driver"))
    split = drivers(abc_rows, by="category", period=REVIEW_MONTHS)

    chart = still(split.plot)                # the split does not follow the pick: drawn once

    def draw(v: dict[str, Any]) -> Any:
        print(localized(*DRIVERS[v["driver"]]) if v["driver"] else MSGS("not_chosen"))
        return chart()

    return AnswerForm({"driver": pick}, line=lambda v: f"q7 = {literal(v['driver'])}", draw=draw)


def report_form() -> Any:
    """Exercise 8: the WCC-DAR report as free text (no quotes to type).

    Examples
    --------
    >>> form = report_form()
    >>> form.controls["text"].value = "W：肠胃消化 达成率 74%"
    >>> form.line
    "q8 = 'W：肠胃消化 达成率 74%'"
    """
    return text_answer("q8", placeholder=MSGS("report_ph"), title=MSGS("report"), height="140px")
