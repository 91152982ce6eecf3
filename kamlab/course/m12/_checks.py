"""m12's check functions: each decision judged against ABC's rows of the data the question is checked on.

Literal choices (exercises 1, 2, 4, 5, 7) are checked on the variant the trainee saw (``on="seen"``);
the computed answers (exercises 3 and 6) on the variant the notebook runs on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..._errors import BadSpecError, KamlabInputError
from ...grading import Context, Verdict, WrongType, fail, passed
from ...review import FORECAST_METHODS, audit, forecast, purpose_code, scorecard, timeseries
from ._case import DATASET, DRIVERS, HORIZON, QUIZ, REVIEW_MONTHS
from ._model import _drivers, _frame, _lagging, _reference_scorecard, _same_table, abc, growth_table, raw_export


def _ctx_abc(ctx: Context) -> Any:
    return abc(ctx.load(DATASET))


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        raise WrongType("一个字典 {\"A\": 目的, ...}", "a dict {\"A\": purpose, ...}", answer)
    if all(answer.get(k) in (None, "") for k in QUIZ):
        return fail("还没有选择：为每个问题选一个复盘目的。", "Nothing chosen yet: pick a purpose for each question.")
    wrong = []
    for key, (_, _, code) in QUIZ.items():
        try:
            ok = purpose_code(answer.get(key)) == code
        except BadSpecError:
            ok = False
        if not ok:
            wrong.append(key)
    if not wrong:
        return passed(1.0)
    names = "、".join(wrong)
    return Verdict(False, 1 - len(wrong) / len(QUIZ),
                   f"问题 {names} 的复盘目的不对（或没有选）。想一想：问的是未来、现在的进度、已结束阶段的结果、原因，还是新机会？",
                   f"Questions {', '.join(wrong)} have the wrong (or no) purpose. Ask: is it about the future, "
                   "the current pace, a finished period's result, a cause, or a new opportunity?")


def _check_q2(answer: Any, ctx: Context) -> Verdict | bool:
    if answer is None or (isinstance(answer, Sequence) and not isinstance(answer, str) and not answer):
        return fail("还没有勾选任何一行。", "No row ticked yet.")
    if isinstance(answer, str) or not isinstance(answer, Sequence):
        raise WrongType("行号的列表，如 [\"#01\", \"#05\"]", "a list of row ids, e.g. [\"#01\", \"#05\"]", answer)
    raw = raw_export(_ctx_abc(ctx))
    bad = set(audit(raw).bad_rows)
    ticked = {str(a).strip() for a in answer}
    known = set(raw["row"].astype(str))
    unknown = sorted(ticked - known)
    if unknown:
        return fail(f"表里没有 {'、'.join(unknown)} 这一行。", f"The export has no row {', '.join(unknown)}.")
    valid = sorted(ticked - bad)
    if valid:
        return fail(f"{'、'.join(valid)} 是有效数据：数字偏低或偏高不等于录错，删掉真实的数据会把要复盘的生意问题藏起来。",
                    f"{', '.join(valid)} {'is' if len(valid) == 1 else 'are'} valid data: a low or high figure is "
                    "not a typing error, and deleting real data hides the business problem the review is for.")
    missed = len(bad - ticked)
    if missed:
        return Verdict(False, len(ticked) / len(bad),
                       f"还有 {missed} 行有问题没有勾：对照数据清单的有效性规则（合计行、重复、缺失、单位）再看一遍。",
                       f"{missed} more rows have a problem: check the export against the validity rules of the "
                       "data checklist (total rows, duplicates, blanks, units).")
    return True


_SC_COLUMNS = ("actual", "target", "last_year", "achievement", "growth")


def _check_q3(answer: Any, ctx: Context) -> Verdict | bool:
    if answer is None:
        return fail("还没有作答：在表单里选分组方式和复盘周期。", "Not answered yet: choose the grouping and the period.")
    try:
        table = _frame(answer)
    except TypeError:
        return fail("答案应是一张记分卡（表单写出的那一行算出来的）。",
                    "The answer should be a scorecard (computed by the line the form writes).")
    missing = [c for c in _SC_COLUMNS if c not in table.columns]
    if missing:
        return fail(f"记分卡缺少列 {missing}。", f"The scorecard lacks columns {missing}.")
    rows = _ctx_abc(ctx)
    ref = _reference_scorecard(rows).table
    if _same_table(table, ref, _SC_COLUMNS):
        return True
    if sorted(str(i) for i in table.index) != sorted(str(i) for i in ref.index):
        return fail("这张记分卡不是每个品类一行：这里要比较的是各品类。",
                    "This scorecard is not one row per category: the comparison here is between categories.")
    for months in (1, 6, 12, 24):
        if _same_table(table, scorecard(rows, by="category", period=months).table, _SC_COLUMNS):
            return fail(f"复盘周期不对：你用了最近 {months} 个月，这里复盘的是最近一个季度。",
                        f"Wrong review period: you used the latest {months} months; this review is of the "
                        "latest quarter.")
    everyone = ctx.load(DATASET)
    if _same_table(table, scorecard(everyone, by="category", period=REVIEW_MONTHS).table, _SC_COLUMNS):
        return fail("记分卡把所有零售商都算进去了：复盘的是 ABC零售 一家。",
                    "The scorecard sums every retailer: the review is of ABC Retail alone.")
    return fail("记分卡和本数据算出的结果不一致：请用表单写出的那一行计算，不要手填数字。",
                "The scorecard does not match this data: compute it with the line the form writes instead "
                "of typing numbers.")


def _category(answer: Any, table: Any) -> str | Verdict:
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return fail("还没有选择品类。", "No category chosen yet.")
    if not isinstance(answer, str):
        raise WrongType("一个品类名称（文字）", "a category name (text)", answer)
    if answer.strip() not in {str(i) for i in table.index}:
        return fail(f"{answer} 不是记分卡里的品类。", f"{answer} is not a category of the scorecard.")
    return answer.strip()


def _check_q4(answer: Any, ctx: Context) -> Verdict | bool:
    rows = _ctx_abc(ctx)
    table = _reference_scorecard(rows).table
    cat = _category(answer, table)
    if isinstance(cat, Verdict):
        return cat
    if cat == _lagging(rows):
        return True
    a = float(table.loc[cat, "achievement"])
    if a >= 1:
        return fail(f"{cat} 的达成率 {a:.0%}，已经完成了目标：环比下滑或销售额大小不等于落后于目标。",
                    f"{cat} reached {a:.0%} of its target: a fall on the previous quarter or the size of its "
                    "sales is not being behind target.")
    return fail(f"{cat} 的达成率 {a:.0%}，还有品类离目标更远：比较的是完成目标的程度，不是差的金额或销售额大小。",
                f"{cat} reached {a:.0%} of target, and another category is further behind: compare how far each "
                "is from its target, not the amount missing or the size of sales.")


def _check_q5(answer: Any, ctx: Context) -> Verdict | bool:
    rows = _ctx_abc(ctx)
    table = growth_table(rows)
    cat = _category(answer, table)
    if isinstance(cat, Verdict):
        return cat
    if cat == str(table["yoy"].astype(float).idxmax()):
        return True
    yoy, mom = float(table.loc[cat, "yoy"]), float(table.loc[cat, "change_rate"])
    if cat == str(table["change_rate"].astype(float).idxmax()):
        return fail(f"{cat} 比上个季度涨了 {mom:+.0%}，但和去年同期比只有 {yoy:+.1%}：环比的上涨大多是季节（进入旺季）。",
                    f"{cat} rose {mom:+.0%} on the previous quarter but only {yoy:+.1%} on last year: the rise "
                    "is mostly the season.")
    return fail(f"{cat} 的同比是 {yoy:+.1%}，不是同比增长最快的品类：真实增长看同比，不看销售额大小。",
                f"{cat} grew {yoy:+.1%} on last year, not the fastest: real growth is read from YoY, not from "
                "the size of sales.")


def _check_q6(answer: Any, ctx: Context) -> Verdict | bool:
    if answer is None:
        return fail("还没有选择预测方法。", "No forecast method chosen yet.")
    try:
        table = _frame(answer)
    except TypeError:
        table = None
    method = window = horizon = None
    if table is not None and {"forecast", "method", "window"} <= set(table.columns) and len(table):
        method, window, horizon = str(table["method"].iloc[0]), int(table["window"].iloc[0]), len(table)
    if table is None or method not in FORECAST_METHODS:
        return fail("答案应是一个销售预测（表单写出的那一行算出来的）。",
                    "The answer should be a sales forecast (computed by the line the form writes).")
    if horizon != HORIZON:
        return fail(f"你预测了 {horizon} 个月：这里要预测的是下一个季度。",
                    f"You forecast {horizon} months: the question is the next quarter.")
    rows = _ctx_abc(ctx)
    try:
        ref = forecast(rows, horizon=HORIZON, method=method, window=window).table
    except (KamlabInputError, TypeError, ValueError):
        return fail("按你选的方法在本数据上算不出预测：请换一个方法或月数。",
                    "Your method cannot forecast on this data: choose another method or window.")
    if not _same_table(table, ref, ("forecast",)):
        return fail("预测值和你选的方法对不上：请用表单写出的那一行计算，不要手填数字。",
                    "The forecast does not match your own method: compute it with the line the form writes "
                    "instead of typing numbers.")
    if method == "moving_average":
        return fail("移动平均法忽略了季节：接下来 11–1 月是感冒旺季，用最近几个月的平均会低估旺季。",
                    "The moving average ignores the season: November to January is cold season, so the average "
                    "of recent months underestimates the peak.")
    growth = float(timeseries(rows, value="sales", window=REVIEW_MONTHS).table["yoy"].iloc[-REVIEW_MONTHS:].mean())
    if method == "seasonal_naive":
        return fail(f"去年同月原样照搬，等于假设这一年没有变化；最近一个季度的同比是 {growth:+.1%}。",
                    f"Copying last year's months assumes nothing changed in a year; the latest quarter's YoY is "
                    f"{growth:+.1%}.")
    if window < REVIEW_MONTHS:
        return fail(f"只用最近 {window} 个月的同比：单月的波动会被放大到整个季度，至少看一个季度。",
                    f"Only {window} month(s) of YoY: one month's noise is carried into the whole quarter; use at "
                    "least a quarter.")
    return True


def _check_q7(answer: Any, ctx: Context) -> Verdict | bool:
    if answer is None or answer == "":
        return fail("还没有选择。", "Nothing chosen yet.")
    if not isinstance(answer, str) or answer not in DRIVERS:
        raise WrongType(f"{' / '.join(DRIVERS)} 之一", f"one of {' / '.join(DRIVERS)}", answer)
    rows = _ctx_abc(ctx)
    cat = _lagging(rows)
    d = _drivers(rows).loc[cat]
    if answer == d["main"]:
        return True
    sales, stores, per = float(d["sales_growth"]), float(d["stores_growth"]), float(d["per_store_growth"])
    if answer == "target":
        return fail(f"{cat} 和去年同期比也是 {sales:+.0%}：和自己的过去比都在退步，不是目标定高的问题。",
                    f"{cat} is {sales:+.0%} on last year too: it fell against its own past, so the target is not "
                    "the problem.")
    if answer == "season":
        return fail(f"同比已经排除了季节，{cat} 的同比仍是 {sales:+.0%}：不是淡季造成的。",
                    f"YoY already removes the season, and {cat} is still {sales:+.0%} on last year: not the "
                    "season.")
    mine = stores if answer == "stores" else per
    return fail(f"你选的这一环同比 {mine:+.0%}；另一环降得更多：把销售额同比拆成有售门店数 × 单店销售额再比一比。",
                f"The driver you chose is {mine:+.0%} on last year; the other fell more: split sales YoY into "
                "selling stores × sales per store and compare.")
