"""m12 生意复盘洞察 / Business review: the ABC零售 workshop.

Seed 003 阶段一: why review (销售预测、现状监控、业绩评估、诊断问题、发现机会),
a metric system around one business topic, the analysis flow (确定业务主题 →
明确对比关系 → 适当的表现形式), the analysis methods (统计分析、比例分析、
纵向类比、横向类比、时间序列、图形辅助) and the two workshops: ABC零售商的生意
回顾数据整理 and ABC零售商 Scorecard.

This module holds the question bank :data:`BANK` (the one definition used by
the notebook's self-check and by the instructor's grader), the no-code forms
of the notebook (each writes the answer line: the trainee's decisions and the
call that computes the answer from the notebook's data) and small helpers so
the notebook cells stay one idea each.

Examples
--------
>>> from kamlab.course import m12
>>> m12.BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6']
>>> m12.RETAILER, m12.REVIEW_MONTHS
('ABC零售', 3)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import review as _review  # noqa: F401 - makes kl.review available once the workbook opens
from .._i18n import Messages, get_language
from ..grading import Context, Question, QuestionBank, Verdict, WrongType

__all__ = [
    "MODULE", "DATASET", "RETAILER", "REVIEW_MONTHS", "HORIZON", "WINDOW", "BANK", "QUIZ",
    "abc", "purposes_table", "quiz_table", "scorecard_or_default", "lagging_or_default", "diagnosis_table",
    "purposes_form", "scorecard_form", "lagging_form", "timeseries_form", "forecast_form",
]

#: Module id.
MODULE = "m12"
#: The data set of the workshop.
DATASET = "retail_sales"
#: The workshop retailer (ABC零售商).
RETAILER = "ABC零售"
#: The review period of the scorecard: the latest quarter.
REVIEW_MONTHS = 3
#: The forecast horizon: the next quarter.
HORIZON = 3
#: The moving-average window asked for in exercise 4.
WINDOW = 3

#: Exercise 1: five review questions (shown in this order) and the purpose each serves.
QUIZ: dict[str, tuple[str, str, str]] = {
    "A": ("这个品类最近三个月为什么一直没有完成目标？", "Why has this category missed its target for three months?",
          "diagnose"),
    "B": ("下个季度 ABC零售 大概能卖多少？要备多少货？", "How much will ABC Retail sell next quarter? How much stock?",
          "forecast"),
    "C": ("同行卖得好、我们还没做起来的品类有哪些？哪里还有增长空间？",
          "Which categories sell well at peers but not yet with us? Where is there room to grow?", "explore"),
    "D": ("本月到今天为止，各品类的销售进度跟得上目标吗？", "Is every category on pace for this month's target so far?",
          "monitor"),
    "E": ("去年全年 ABC零售 的目标完成得怎么样？和同行相比表现如何？",
          "How well did ABC Retail meet last year's target, and how does it compare with its peers?", "evaluate"),
}

#: Exercise 3: what "most behind target" can be read from (scorecard column, idxmin/idxmax).
CRITERIA: dict[str, tuple[str, str, str]] = {
    "achievement": ("达成率最低", "Lowest achievement", "idxmin"),
    "gap": ("离目标差额最大", "Largest shortfall against target", "idxmin"),
    "growth": ("同比增长最低", "Lowest growth on last year", "idxmin"),
    "actual": ("销售额最低", "Lowest sales", "idxmin"),
    "share": ("占比最小", "Smallest share", "idxmin"),
}

MSGS = Messages({
    "pick": ("（请选择）", "(choose)"),
    "quiz_title": ("每个复盘问题对应哪个复盘目的？", "Which purpose does each review question serve?"),
    "by": ("按什么分组", "Group by"),
    "by_category": ("按品类", "By category"),
    "by_month": ("按月份", "By month"),
    "period": ("复盘周期", "Review period"),
    "period_n": ("最近 {n} 个月", "Latest {n} months"),
    "criterion": ("“最落后于目标”看哪一列？", "Which column shows 'most behind target'?"),
    "value": ("分析哪个指标", "Measure"),
    "sales": ("销售额（万元）", "Sales (10k CNY)"),
    "units": ("销量（盒）", "Units (boxes)"),
    "window": ("移动平均月数", "Moving-average months"),
    "show": ("图里看", "Chart shows"),
    "method": ("预测方法", "Forecast method"),
    "horizon": ("预测几个月", "Months ahead"),
    "purpose": ("复盘目的", "Purpose"),
    "answers": ("回答的问题", "What it answers"),
    "example": ("典型问题", "Typical question"),
    "question": ("复盘问题", "Review question"),
    "pick_line": ("你选的品类：{cat}（图中红色）", "Your pick: {cat} (red in the chart)"),
})
_DIAG_COLUMNS = {"sales": ("销售额", "Sales"), "target": ("目标", "Target"), "achievement": ("达成率", "Achievement"),
                 "yoy": ("同比", "YoY"), "stores": ("有售门店数", "Selling stores"),
                 "sales_per_store": ("单店销售额(元)", "Sales per store (CNY)"),
                 "units": ("销量", "Units")}


def _text(pair: tuple[str, str]) -> str:
    return pair[0] if get_language() == "zh" else pair[1]


# --------------------------------------------------------------------------- helpers used in the notebook
def abc(sales: Any) -> Any:
    """The rows of ABC零售 (a copy): the retailer of the workshop.

    Examples
    --------
    >>> import kamlab as kl
    >>> df = abc(kl.datasets.load("retail_sales"))
    >>> df["retailer"].unique().tolist(), len(df)
    (['ABC零售'], 120)
    """
    return sales[sales["retailer"].astype(str) == RETAILER].copy()


def purposes_table() -> Any:
    """The five purposes of a review as a small table (current language).

    Examples
    --------
    >>> purposes_table().index.tolist()
    ['销售预测', '现状监控', '业绩评估', '诊断问题', '发现机会']
    """
    import pandas as pd

    from ..review import PURPOSES

    zh = get_language() == "zh"
    rows = [{MSGS("purpose"): p.zh if zh else p.en, MSGS("answers"): p.explain,
             MSGS("example"): p.example_zh if zh else p.example_en} for p in PURPOSES.values()]
    return pd.DataFrame(rows).set_index(MSGS("purpose"))


def quiz_table() -> Any:
    """Exercise 1's five review questions A–E (current language).

    Examples
    --------
    >>> quiz_table().index.tolist()
    ['A', 'B', 'C', 'D', 'E']
    """
    import pandas as pd

    return pd.DataFrame({MSGS("question"): [_text((zh, en)) for zh, en, _ in QUIZ.values()]},
                        index=list(QUIZ))


def _reference_scorecard(abc_rows: Any) -> Any:
    from ..review import scorecard

    return scorecard(abc_rows, by="category", period=REVIEW_MONTHS)


def scorecard_or_default(answer: Any, abc_rows: Any) -> Any:
    """The scorecard for the later exercises: the trainee's ``q2`` when it is right, else the course's.

    Examples
    --------
    >>> import kamlab as kl
    >>> rows = abc(kl.datasets.load("retail_sales"))
    >>> sc = scorecard_or_default(..., rows)
    >>> sc.months, sc.by
    (('2026-08', '2026-09', '2026-10'), ('category',))
    >>> mine = kl.review.scorecard(rows, by="category", period=3)
    >>> scorecard_or_default(mine, rows) is mine
    True
    """
    ref = _reference_scorecard(abc_rows)
    try:
        if _same_table(_frame(answer), ref.table, ("actual", "target", "last_year", "achievement")):
            return answer
    except (TypeError, ValueError, KeyError):
        pass
    return ref


def lagging_or_default(answer: Any, sc: Any) -> str:
    """The category to diagnose: the trainee's ``q3`` when it is a category of the scorecard, else the lowest achievement.

    Examples
    --------
    >>> import kamlab as kl
    >>> sc = scorecard_or_default(..., abc(kl.datasets.load("retail_sales")))
    >>> lagging_or_default(..., sc), lagging_or_default("感冒止咳", sc)
    ('肠胃消化', '感冒止咳')
    """
    table = _frame(sc)
    if isinstance(answer, str) and answer.strip() in {str(i) for i in table.index}:
        return answer.strip()
    return str(table["achievement"].astype(float).idxmin())


def diagnosis_table(abc_rows: Any, category: str, months: int = 6) -> Any:
    """The latest *months* months of one category: sales, target, achievement, YoY, stores, sales per store.

    Sales per store (元) = sales (万元) × 10000 ÷ selling stores: a fall in
    stores points to distribution (断货、下架), a fall per store to
    sell-through (陈列、店员、竞品).

    Examples
    --------
    >>> import kamlab as kl
    >>> t = diagnosis_table(abc(kl.datasets.load("retail_sales")), "肠胃消化", months=6)
    >>> t.shape, t.index[-1]
    ((6, 7), '2026-10')
    """
    import numpy as np

    rows = abc_rows[abc_rows["category"].astype(str) == str(category)]
    g = rows.groupby("month", sort=True)[["sales", "target", "last_year_sales", "stores", "units"]].sum()
    g = g.iloc[-int(months):]
    out = g[["sales", "target"]].astype(float).copy()
    out["achievement"] = g["sales"] / g["target"].replace(0, np.nan)
    out["yoy"] = g["sales"] / g["last_year_sales"].replace(0, np.nan) - 1
    out["stores"] = g["stores"]
    out["sales_per_store"] = g["sales"] * 10000 / g["stores"].replace(0, np.nan)
    out["units"] = g["units"]
    out = out.round({"sales": 2, "target": 1, "achievement": 3, "yoy": 3, "sales_per_store": 0})
    out.columns = [_text(_DIAG_COLUMNS[c]) for c in out.columns]
    return out


# --------------------------------------------------------------------------- forms
def purposes_form() -> Any:
    """Exercise 1: one drop-down per review question A–E.

    Examples
    --------
    >>> form = purposes_form()
    >>> form.controls["A"].value = "诊断"
    >>> form.line
    'q1 = {"A": "诊断", "B": None, "C": None, "D": None, "E": None}'
    """
    from ..review import PURPOSES
    from ..widgets import match_quiz

    zh = get_language() == "zh"
    return match_quiz({k: f"{k}. {_text((q[0], q[1]))[:14]}…" for k, q in QUIZ.items()},
                      [(p.zh if zh else p.en, p.short) for p in PURPOSES.values()], key="q1",
                      title=MSGS("quiz_title"), blank=(MSGS("pick"), ""))


def _periods(n_months: int) -> list[tuple[str, int]]:
    return [(MSGS("period_n", n=m), m) for m in (1, 3, 6, 12, 24) if m <= n_months]


def scorecard_form(abc_rows: Any) -> Any:
    """Exercise 2: choose the grouping and the review period; the chart is the scorecard.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = scorecard_form(abc(kl.datasets.load("retail_sales")))
    ...     form.controls["by"].value = "category"; form.controls["period"].value = 3
    >>> form.line
    'q2 = kl.review.scorecard(abc, by="category", period=3)'
    """
    from ..review import scorecard
    from ..widgets import AnswerForm, dropdown

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
    >>> sc = scorecard_or_default(..., abc(kl.datasets.load("retail_sales")))
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = lagging_form(sc)
    ...     form.controls["criterion"].value = "achievement"
    >>> form.line
    'q3 = sc.table["achievement"].idxmin()'
    """
    from ..widgets import AnswerForm, dropdown

    table = _frame(sc)
    options = [(_text((zh, en)), key) for key, (zh, en, _) in CRITERIA.items()]
    criterion = dropdown(options, "actual", label=MSGS("criterion"))

    def pick(key: str) -> str:
        col = table[key].astype(float)
        return str(col.idxmin() if CRITERIA[key][2] == "idxmin" else col.idxmax())

    def draw(v: dict[str, Any]) -> Any:
        import matplotlib.pyplot as plt

        from .._plotting import styled

        key = v["criterion"]
        chosen = pick(key)

        @styled
        def chart() -> Any:
            fig, ax = plt.subplots(figsize=(6.5, 3.6))
            values = table[key].astype(float)
            labels = [str(i) for i in values.index]
            ax.bar(labels, values.to_numpy(), color=["#C44E52" if c == chosen else "#4C72B0" for c in labels])
            ax.set_title(_text(CRITERIA[key][:2]))
            ax.set_xlabel(MSGS("pick_line", cat=chosen))
            fig.tight_layout()
            return ax

        return chart()

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
    ...     form = timeseries_form(abc(kl.datasets.load("retail_sales")))
    ...     form.controls["window"].value = 3
    >>> form.line
    'q4 = kl.review.timeseries(abc, value="sales", window=3)'
    """
    from ..review import timeseries
    from ..widgets import AnswerForm, dropdown, slider

    value = dropdown([(MSGS("sales"), "sales"), (MSGS("units"), "units")], "sales", label=MSGS("value"))
    window = slider(6, 1, 12, 1, label=MSGS("window"))
    show = dropdown([(_text(("实际与移动平均", "Actual and moving average")), "value"),
                     (_text(("同比", "Year-on-year")), "yoy"), (_text(("环比", "Month-on-month")), "mom"),
                     (_text(("季节指数", "Seasonal index")), "seasonal_index")], "value", label=MSGS("show"))

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
    ...     form = forecast_form(abc(kl.datasets.load("retail_sales")))
    ...     form.controls["method"].value = "seasonal_growth"
    >>> form.line
    'q5 = kl.review.forecast(abc, horizon=3, method="seasonal_growth", window=3)'
    """
    from ..review import FORECAST_METHODS, forecast
    from ..widgets import AnswerForm, dropdown, slider

    method = dropdown([(_text(desc).split("：")[0].split(":")[0], m) for m, desc in FORECAST_METHODS.items()],
                      "moving_average", label=MSGS("method"))
    window = slider(3, 1, 12, 1, label=MSGS("window"))
    horizon = slider(HORIZON, 1, 12, 1, label=MSGS("horizon"))

    def draw(v: dict[str, Any]) -> Any:
        return forecast(abc_rows, horizon=v["horizon"], method=v["method"], window=v["window"]).plot()

    def line(v: dict[str, Any]) -> str:
        return (f'q5 = kl.review.forecast(abc, horizon={v["horizon"]}, method="{v["method"]}", '
                f'window={v["window"]})')

    return AnswerForm({"method": method, "window": window, "horizon": horizon}, line=line, draw=draw)


# --------------------------------------------------------------------------- question bank
def _fail(zh: str, en: str, score: float = 0.0) -> Verdict:
    return Verdict(ok=False, score=score, reason_zh=zh, reason_en=en)


def _frame(answer: Any) -> Any:
    import pandas as pd

    table = getattr(answer, "table", answer)
    if isinstance(table, Mapping) and not isinstance(table, pd.DataFrame):
        table = table.get("table", None) if "table" in table else pd.DataFrame(table)
    if not isinstance(table, pd.DataFrame):
        raise TypeError(type(answer).__name__)
    return table


def _same_table(table: Any, ref: Any, columns: tuple[str, ...], rel: float = 1e-6) -> bool:
    import numpy as np

    if sorted(str(i) for i in table.index) != sorted(str(i) for i in ref.index):
        return False
    if any(c not in table.columns for c in columns):
        return False
    got = table.copy()
    got.index = [str(i) for i in got.index]
    rows = [str(i) for i in ref.index]
    return all(np.allclose(got.loc[rows, c].to_numpy(dtype=float), ref[c].to_numpy(dtype=float),
                           rtol=rel, atol=1e-9, equal_nan=True) for c in columns)


def _ctx_abc(ctx: Context) -> Any:
    return abc(ctx.load(DATASET))


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    from .._errors import BadSpecError
    from ..review import purpose_code

    if not isinstance(answer, Mapping):
        raise WrongType("一个字典 {\"A\": 目的, ...}", "a dict {\"A\": purpose, ...}", answer)
    right = 0
    for key, (_, _, code) in QUIZ.items():
        try:
            right += purpose_code(answer.get(key)) == code
        except BadSpecError:
            pass
    if right == len(QUIZ):
        return Verdict(ok=True, score=1.0)
    wrong = len(QUIZ) - right
    return _fail(f"有 {wrong} 个问题的复盘目的不对（或没有选）。想一想：问的是未来、现在进度、阶段结果、原因，还是新机会？",
                 f"{wrong} questions have the wrong (or no) purpose. Ask: is it about the future, the current "
                 "pace, a finished period's result, a cause, or a new opportunity?", score=right / len(QUIZ))


_SC_COLUMNS = ("actual", "target", "last_year", "achievement", "growth")


def _check_q2(answer: Any, ctx: Context) -> Verdict | bool:
    from ..review import scorecard

    try:
        table = _frame(answer)
    except TypeError:
        return _fail("答案应是 kl.review.scorecard(...) 的结果（记分卡）。",
                     "The answer should be the result of kl.review.scorecard(...) (a scorecard).")
    missing = [c for c in _SC_COLUMNS if c not in table.columns]
    if missing:
        return _fail(f"记分卡缺少列 {missing}。", f"The scorecard lacks columns {missing}.")
    rows = _ctx_abc(ctx)
    ref = _reference_scorecard(rows).table
    if _same_table(table, ref, _SC_COLUMNS):
        return True
    if sorted(str(i) for i in table.index) != sorted(str(i) for i in ref.index):
        return _fail("记分卡应是每个品类一行：按 category 分组。",
                     "The scorecard should have one row per category: group by category.")
    for months in (1, 6, 12, 24):
        if _same_table(table, scorecard(rows, by="category", period=months).table, _SC_COLUMNS):
            return _fail(f"复盘周期不对：这里复盘最近一个季度（最近 {REVIEW_MONTHS} 个月）。",
                         f"Wrong review period: review the latest quarter (the latest {REVIEW_MONTHS} months).")
    everyone = ctx.load(DATASET)
    if _same_table(table, scorecard(everyone, by="category", period=REVIEW_MONTHS).table, _SC_COLUMNS):
        return _fail("记分卡把所有零售商都算进去了：只看 ABC零售（用 abc 这张表）。",
                     "The scorecard sums every retailer: use ABC Retail only (the abc table).")
    return _fail("记分卡和本数据算出的结果不一致：请用本笔记本的 abc 数据直接计算，不要手填数字。",
                 "The scorecard does not match this data: compute it from the notebook's abc table instead "
                 "of typing numbers.")


def _check_q3(answer: Any, ctx: Context) -> Verdict | bool:
    if not isinstance(answer, str):
        raise WrongType("一个品类名称（文字）", "a category name (text)", answer)
    ref = _reference_scorecard(_ctx_abc(ctx)).table
    if answer.strip() not in {str(i) for i in ref.index}:
        return _fail("答案应是记分卡里的一个品类名称。", "The answer should be one category of the scorecard.")
    if answer.strip() == str(ref["achievement"].idxmin()):
        return True
    return _fail("这个品类不是最落后于目标的：比较的是“完成目标的程度”，不是销售额的大小。",
                 "This is not the category most behind target: compare how far each is from its target, "
                 "not how big its sales are.")


def _check_q4(answer: Any, ctx: Context) -> Verdict | bool:
    from ..review import timeseries

    try:
        table = _frame(answer)
    except TypeError:
        return _fail("答案应是 kl.review.timeseries(...) 的结果。",
                     "The answer should be the result of kl.review.timeseries(...).")
    missing = [c for c in ("value", "yoy", "moving_average") if c not in table.columns]
    if missing:
        return _fail(f"时间序列表缺少列 {missing}。", f"The time-series table lacks columns {missing}.")
    rows = _ctx_abc(ctx)
    ref = timeseries(rows, value="sales", window=WINDOW).table
    if _same_table(table, ref, ("value", "yoy", "moving_average")):
        return True
    if _same_table(table, ref, ("value", "yoy")):
        return _fail(f"同比对了，但移动平均的月数不对：这里要 {WINDOW} 个月移动平均。",
                     f"YoY is right but the moving average is not: use a {WINDOW}-month window.", score=0.5)
    if sorted(str(i) for i in table.index) != sorted(str(i) for i in ref.index):
        return _fail("应是 ABC零售 合计的一条月度序列（不分组，每月一行）。",
                     "It should be one monthly series of ABC Retail's total (no grouping, one row per month).")
    return _fail("和本数据算出的不一致：分析的应是 ABC零售 的销售额（sales），并用 abc 数据直接计算。",
                 "It does not match this data: analyse ABC Retail's sales (sales), computed from the abc table.")


def _check_q5(answer: Any, ctx: Context) -> Verdict | bool:
    from .._errors import KamlabInputError
    from ..review import FORECAST_METHODS, forecast

    try:
        table = _frame(answer)
    except TypeError:
        table = None
    method = window = horizon = None
    if table is not None and {"forecast", "method", "window"} <= set(table.columns) and len(table):
        method, window, horizon = str(table["method"].iloc[0]), table["window"].iloc[0], len(table)
    if table is None or method not in FORECAST_METHODS:
        return _fail("答案应是 kl.review.forecast(abc, horizon=3, method=...) 的结果。",
                     "The answer should be the result of kl.review.forecast(abc, horizon=3, method=...).")
    if horizon != HORIZON:
        return _fail(f"这里要预测下一个季度：horizon={HORIZON}。", f"Forecast the next quarter: horizon={HORIZON}.")
    try:
        ref = forecast(_ctx_abc(ctx), horizon=HORIZON, method=method, window=int(window)).table
    except (KamlabInputError, TypeError, ValueError):
        return _fail("按你选的方法在本数据上算不出预测：请换一个方法或窗口。",
                     "Your method cannot forecast on this data: choose another method or window.")
    if not _same_table(table, ref, ("forecast",)):
        return _fail("预测值和你选的方法对不上：请用 kl.review.forecast 直接在 abc 上计算，不要手填数字。",
                     "The forecast does not match your own method: compute it with kl.review.forecast on abc "
                     "instead of typing numbers.")
    if method == "moving_average":
        return _fail("预测值和方法一致，但移动平均法忽略了季节：接下来 11–1 月是感冒高峰，旺季会被低估。换一个考虑季节的方法。",
                     "Consistent, but the moving average ignores the season: November to January is cold season, "
                     "so the peak is underestimated. Choose a method that keeps the season.", score=0.5)
    return True


BANK = QuestionBank(
    module=MODULE,
    title=("生意复盘洞察：ABC零售商的生意回顾", "Business review: the ABC Retail workshop"),
    datasets=(DATASET,),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("为五个复盘问题各选一个复盘目的（预测、监控、评估、诊断、探索）。",
                    "Match each of the five review questions to its purpose (forecast, monitor, evaluate, "
                    "diagnose, explore)."),
            check=_check_q1,
            hint=("预测看未来，监控看进度，评估看阶段结果，诊断找原因，探索找机会。",
                  "Forecast looks ahead, monitor tracks pace, evaluate judges a finished period, diagnose finds "
                  "causes, explore finds opportunities."),
        ),
        Question(
            key="q2", points=3,
            prompt=("做出 ABC零售 最近一个季度（最近 3 个月）按品类的记分卡：实际、目标、去年同期、达成率、增长率。",
                    "Build ABC Retail's scorecard by category for the latest quarter (the latest 3 months): "
                    "actual, target, last year, achievement, growth."),
            check=_check_q2,
            hint=("用 kl.review.scorecard(abc, by=..., period=月数)，按品类（category）分组。",
                  "Use kl.review.scorecard(abc, by=..., period=months), grouped by category."),
        ),
        Question(
            key="q3", points=2,
            prompt=("哪个品类最落后于目标？", "Which category is most behind its target?"),
            check=_check_q3,
            hint=("从记分卡里挑：看完成目标的程度（达成率），让表去选（idxmin），不要手填品类。",
                  "Pick from the scorecard: look at how far each is from target (achievement) and let the "
                  "table choose (idxmin); do not type the category."),
        ),
        Question(
            key="q4", points=3,
            prompt=("计算 ABC零售 合计销售额的同比增长率和 3 个月移动平均。",
                    "Compute the year-on-year growth and the 3-month moving average of ABC Retail's total sales."),
            check=_check_q4,
            hint=("用 kl.review.timeseries(abc, value=\"sales\", window=月数)。",
                  "Use kl.review.timeseries(abc, value=\"sales\", window=months)."),
        ),
        Question(
            key="q5", points=3,
            prompt=("选一个预测方法，预测 ABC零售 下个季度（3 个月）的销售额。",
                    "Choose a forecast method and forecast ABC Retail's sales for the next quarter (3 months)."),
            check=_check_q5,
            hint=("kl.review.forecast(abc, horizon=3, method=...)：想一想接下来三个月是不是旺季，方法要不要考虑季节。",
                  "kl.review.forecast(abc, horizon=3, method=...): are the next three months a peak season, and "
                  "should the method keep the season?"),
        ),
        Question(
            key="q6", points=3,
            prompt=("写下对落后品类的诊断：问题出在哪里（门店覆盖还是单店销售）、可能的原因、下一步做什么。",
                    "Write your diagnosis of the lagging category: where the problem sits (store coverage or "
                    "sales per store), the likely causes, and what to do next."),
            check=None, manual=True,
        ),
    ),
)
