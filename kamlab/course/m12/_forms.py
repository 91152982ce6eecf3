"""m12's widget forms: each exercise's decisions as controls, the answer line they write, a live chart."""

from __future__ import annotations

from typing import Any

from ..._i18n import localized
from ...review import FORECAST_METHODS, PURPOSES, forecast, scorecard, timeseries
from ...widgets import AnswerForm, dropdown, match_quiz, slider
from ._case import CRITERIA, HORIZON, QUIZ
from ._charts import _plot_criterion
from ._messages import MSGS
from ._model import _frame

__all__ = ["purposes_form", "scorecard_form", "lagging_form", "timeseries_form", "forecast_form"]


def purposes_form() -> Any:
    """Exercise 1: one drop-down per review question A–E.

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


def _periods(n_months: int) -> list[tuple[str, int]]:
    return [(MSGS("period_n", n=m), m) for m in (1, 3, 6, 12, 24) if m <= n_months]


def scorecard_form(abc_rows: Any) -> Any:
    """Exercise 2: choose the grouping and the review period; the chart is the scorecard.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = scorecard_form(kl.course.m12.abc(kl.datasets.load("retail_sales")))
    ...     form.controls["by"].value = "category"; form.controls["period"].value = 3
    >>> form.line
    'q2 = kl.review.scorecard(abc, by="category", period=3)'
    """
    periods = _periods(abc_rows["month"].nunique())
    by = dropdown([(MSGS("by_month"), "month"), (MSGS("by_category"), "category")], "month", label=MSGS("by"))
    period = dropdown(periods, periods[0][1], label=MSGS("period"))

    def draw(v: dict[str, Any]) -> Any:
        return scorecard(abc_rows, by=v["by"], period=v["period"]).plot()

    def line(v: dict[str, Any]) -> str:
        return f'q2 = kl.review.scorecard(abc, by="{v["by"]}", period={v["period"]})'

    return AnswerForm({"by": by, "period": period}, line=line, draw=draw)


def lagging_form(sc: Any) -> Any:
    """Exercise 3: which scorecard column shows "most behind target"; the chart marks the pick.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> sc = kl.course.m12.scorecard_or_default(..., kl.course.m12.abc(kl.datasets.load("retail_sales")))
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = lagging_form(sc)
    ...     form.controls["criterion"].value = "achievement"
    >>> form.line
    'q3 = sc.table["achievement"].idxmin()'
    """
    table = _frame(sc)
    options = [(localized(zh, en), key) for key, (zh, en, _) in CRITERIA.items()]
    criterion = dropdown(options, "actual", label=MSGS("criterion"))

    def pick(key: str) -> str:
        col = table[key].astype(float)
        return str(col.idxmin() if CRITERIA[key][2] == "idxmin" else col.idxmax())

    def draw(v: dict[str, Any]) -> Any:
        key = v["criterion"]
        chosen = pick(key)
        return _plot_criterion(table, key, chosen)

    def line(v: dict[str, Any]) -> str:
        key = v["criterion"]
        return f'q3 = sc.table["{key}"].{CRITERIA[key][2]}()'

    return AnswerForm({"criterion": criterion}, line=line, draw=draw)


def timeseries_form(abc_rows: Any) -> Any:
    """Exercise 4: the measure and the moving-average window; the chart shows the series.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = timeseries_form(kl.course.m12.abc(kl.datasets.load("retail_sales")))
    ...     form.controls["window"].value = 3
    >>> form.line
    'q4 = kl.review.timeseries(abc, value="sales", window=3)'
    """
    value = dropdown([(MSGS("sales"), "sales"), (MSGS("units"), "units")], "sales", label=MSGS("value"))
    window = slider(6, 1, 12, 1, label=MSGS("window"))
    show = dropdown([(localized("实际与移动平均", "Actual and moving average"), "value"),
                     (localized("同比", "Year-on-year"), "yoy"), (localized("环比", "Month-on-month"), "mom"),
                     (localized("季节指数", "Seasonal index"), "seasonal_index")], "value", label=MSGS("show"))

    def draw(v: dict[str, Any]) -> Any:
        return timeseries(abc_rows, value=v["value"], window=v["window"]).plot(metric=v["show"])

    def line(v: dict[str, Any]) -> str:
        return f'q4 = kl.review.timeseries(abc, value="{v["value"]}", window={v["window"]})'

    return AnswerForm({"value": value, "window": window, "show": show}, line=line, draw=draw)


def forecast_form(abc_rows: Any) -> Any:
    """Exercise 5: choose the forecast method (and its window); the chart shows the forecast.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = forecast_form(kl.course.m12.abc(kl.datasets.load("retail_sales")))
    ...     form.controls["method"].value = "seasonal_growth"
    >>> form.line
    'q5 = kl.review.forecast(abc, horizon=3, method="seasonal_growth", window=3)'
    """
    method = dropdown([(localized(*desc).split("：")[0].split(":")[0], m) for m, desc in FORECAST_METHODS.items()],
                      "moving_average", label=MSGS("method"))
    window = slider(3, 1, 12, 1, label=MSGS("window"))
    horizon = slider(HORIZON, 1, 12, 1, label=MSGS("horizon"))

    def draw(v: dict[str, Any]) -> Any:
        return forecast(abc_rows, horizon=v["horizon"], method=v["method"], window=v["window"]).plot()

    def line(v: dict[str, Any]) -> str:
        return (f'q5 = kl.review.forecast(abc, horizon={v["horizon"]}, method="{v["method"]}", '
                f'window={v["window"]})')

    return AnswerForm({"method": method, "window": window, "horizon": horizon}, line=line, draw=draw)

