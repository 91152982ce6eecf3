"""m12's check functions: each answer recomputed on the context's data (ABC's rows of its retail_sales)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._errors import BadSpecError, KamlabInputError
from ...grading import Context, Verdict, WrongType, fail, passed
from ...review import FORECAST_METHODS, forecast, purpose_code, scorecard, timeseries
from ._case import DATASET, HORIZON, QUIZ, REVIEW_MONTHS, WINDOW
from ._model import _frame, _reference_scorecard, _same_table, abc


def _ctx_abc(ctx: Context) -> Any:
    return abc(ctx.load(DATASET))


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        raise WrongType("一个字典 {\"A\": 目的, ...}", "a dict {\"A\": purpose, ...}", answer)
    right = 0
    for key, (_, _, code) in QUIZ.items():
        try:
            right += purpose_code(answer.get(key)) == code
        except BadSpecError:
            pass
    if right == len(QUIZ):
        return passed(1.0)
    wrong = len(QUIZ) - right
    return Verdict(False, right / len(QUIZ),
                   f"有 {wrong} 个问题的复盘目的不对（或没有选）。想一想：问的是未来、现在进度、阶段结果、原因，还是新机会？",
                   f"{wrong} questions have the wrong (or no) purpose. Ask: is it about the future, the current "
                   "pace, a finished period's result, a cause, or a new opportunity?")


_SC_COLUMNS = ("actual", "target", "last_year", "achievement", "growth")


def _check_q2(answer: Any, ctx: Context) -> Verdict | bool:
    try:
        table = _frame(answer)
    except TypeError:
        return fail("答案应是 kl.review.scorecard(...) 的结果（记分卡）。",
                    "The answer should be the result of kl.review.scorecard(...) (a scorecard).")
    missing = [c for c in _SC_COLUMNS if c not in table.columns]
    if missing:
        return fail(f"记分卡缺少列 {missing}。", f"The scorecard lacks columns {missing}.")
    rows = _ctx_abc(ctx)
    ref = _reference_scorecard(rows).table
    if _same_table(table, ref, _SC_COLUMNS):
        return True
    if sorted(str(i) for i in table.index) != sorted(str(i) for i in ref.index):
        return fail("记分卡应是每个品类一行：按 category 分组。",
                    "The scorecard should have one row per category: group by category.")
    for months in (1, 6, 12, 24):
        if _same_table(table, scorecard(rows, by="category", period=months).table, _SC_COLUMNS):
            return fail(f"复盘周期不对：这里复盘最近一个季度（最近 {REVIEW_MONTHS} 个月）。",
                        f"Wrong review period: review the latest quarter (the latest {REVIEW_MONTHS} months).")
    everyone = ctx.load(DATASET)
    if _same_table(table, scorecard(everyone, by="category", period=REVIEW_MONTHS).table, _SC_COLUMNS):
        return fail("记分卡把所有零售商都算进去了：只看 ABC零售（用 abc 这张表）。",
                    "The scorecard sums every retailer: use ABC Retail only (the abc table).")
    return fail("记分卡和本数据算出的结果不一致：请用本笔记本的 abc 数据直接计算，不要手填数字。",
                "The scorecard does not match this data: compute it from the notebook's abc table instead "
                "of typing numbers.")


def _check_q3(answer: Any, ctx: Context) -> Verdict | bool:
    if not isinstance(answer, str):
        raise WrongType("一个品类名称（文字）", "a category name (text)", answer)
    ref = _reference_scorecard(_ctx_abc(ctx)).table
    if answer.strip() not in {str(i) for i in ref.index}:
        return fail("答案应是记分卡里的一个品类名称。", "The answer should be one category of the scorecard.")
    if answer.strip() == str(ref["achievement"].idxmin()):
        return True
    return fail("这个品类不是最落后于目标的：比较的是“完成目标的程度”，不是销售额的大小。",
                "This is not the category most behind target: compare how far each is from its target, "
                "not how big its sales are.")


def _check_q4(answer: Any, ctx: Context) -> Verdict | bool:
    try:
        table = _frame(answer)
    except TypeError:
        return fail("答案应是 kl.review.timeseries(...) 的结果。",
                    "The answer should be the result of kl.review.timeseries(...).")
    missing = [c for c in ("value", "yoy", "moving_average") if c not in table.columns]
    if missing:
        return fail(f"时间序列表缺少列 {missing}。", f"The time-series table lacks columns {missing}.")
    rows = _ctx_abc(ctx)
    ref = timeseries(rows, value="sales", window=WINDOW).table
    if _same_table(table, ref, ("value", "yoy", "moving_average")):
        return True
    if _same_table(table, ref, ("value", "yoy")):
        return Verdict(False, 0.5, f"同比对了，但移动平均的月数不对：这里要 {WINDOW} 个月移动平均。",
                       f"YoY is right but the moving average is not: use a {WINDOW}-month window.")
    if sorted(str(i) for i in table.index) != sorted(str(i) for i in ref.index):
        return fail("应是 ABC零售 合计的一条月度序列（不分组，每月一行）。",
                    "It should be one monthly series of ABC Retail's total (no grouping, one row per month).")
    return fail("和本数据算出的不一致：分析的应是 ABC零售 的销售额（sales），并用 abc 数据直接计算。",
                "It does not match this data: analyse ABC Retail's sales (sales), computed from the abc table.")


def _check_q5(answer: Any, ctx: Context) -> Verdict | bool:
    try:
        table = _frame(answer)
    except TypeError:
        table = None
    method = window = horizon = None
    if table is not None and {"forecast", "method", "window"} <= set(table.columns) and len(table):
        method, window, horizon = str(table["method"].iloc[0]), table["window"].iloc[0], len(table)
    if table is None or method not in FORECAST_METHODS:
        return fail("答案应是 kl.review.forecast(abc, horizon=3, method=...) 的结果。",
                    "The answer should be the result of kl.review.forecast(abc, horizon=3, method=...).")
    if horizon != HORIZON:
        return fail(f"这里要预测下一个季度：horizon={HORIZON}。", f"Forecast the next quarter: horizon={HORIZON}.")
    try:
        ref = forecast(_ctx_abc(ctx), horizon=HORIZON, method=method, window=int(window)).table
    except (KamlabInputError, TypeError, ValueError):
        return fail("按你选的方法在本数据上算不出预测：请换一个方法或窗口。",
                    "Your method cannot forecast on this data: choose another method or window.")
    if not _same_table(table, ref, ("forecast",)):
        return fail("预测值和你选的方法对不上：请用 kl.review.forecast 直接在 abc 上计算，不要手填数字。",
                    "The forecast does not match your own method: compute it with kl.review.forecast on abc "
                    "instead of typing numbers.")
    if method == "moving_average":
        return Verdict(False, 0.5,
                       "预测值和方法一致，但移动平均法忽略了季节：接下来 11–1 月是感冒高峰，旺季会被低估。换一个考虑季节的方法。",
                       "Consistent, but the moving average ignores the season: November to January is cold season, "
                       "so the peak is underestimated. Choose a method that keeps the season.")
    return True

