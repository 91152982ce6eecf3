"""m05 forms: one widget form per exercise, each writing the answer line and drawing live.

Examples
--------
>>> proposal_line({"返利": "2%"})
'q4 = kl.course.m05.assess(m, {"返利": "2%"})'
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..._i18n import get_language, localized
from ...negotiation import ConcessionMatrix, check_log
from ...widgets import AnswerForm, TableEditor, dropdown, multi_select, slider, text_answer
from ._case import CORE_TOP, LOG_COLUMNS, MIN_ROUNDS, MIN_TRADEABLE, clause_names
from ._charts import plot_trades, plot_weights
from ._log import resolve_log, review_log
from ._messages import MSGS
from ._model import matrix, split, their_weights_or_default, to_100


def _list(items: Sequence[str]) -> str:
    """*items* joined as a list in the current language (``、`` in Chinese, ``, `` in English)."""
    return localized("、", ", ").join(items)


def _pairs(items: Sequence[str]) -> str:
    """``clause: option`` pieces joined in the current language (``；`` in Chinese, ``; `` in English)."""
    return localized("；", "; ").join(items)


def _literal(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _num(x: float) -> str:
    x = float(x)
    return str(int(x)) if x.is_integer() else f"{x:g}"


def core_form(clauses: pd.DataFrame) -> Any:
    """Exercise 1: how many of our top clauses are core, plus extra ones; the weight chart live; the q1 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = core_form(kl.datasets.load("clauses"))
    ...     form.controls["extra"].value = ("新品进场率",)
    >>> form.line
    'q1 = kl.course.m05.split(clauses, top=3, extra=["新品进场率"])'
    """
    names = clause_names(clauses)
    controls = {"top": dropdown([3, 4, 5], CORE_TOP, label=MSGS("top")),
                "extra": multi_select(names, (), label=MSGS("extra"), rows=len(names))}

    def line(v: dict[str, Any]) -> str:
        return f"q1 = kl.course.m05.split(clauses, top={int(v['top'])}, extra={_literal(list(v['extra']))})"

    def draw(v: dict[str, Any]) -> None:
        s = split(clauses, top=int(v["top"]), extra=list(v["extra"]))
        print(MSGS("split_summary", n_core=len(s["core"]), core=_list(s["core"]),
                   n_trade=len(s["tradeable"]), trade=_list(s["tradeable"])))
        if len(s["tradeable"]) < MIN_TRADEABLE:
            print(MSGS("few_tradeable", n=len(s["tradeable"]), k=MIN_TRADEABLE))
        plot_weights(clauses, core=s["core"])

    return AnswerForm(controls, line=line, draw=draw)


def weights_line(values: Mapping[str, Any], name: str = "q2") -> str:
    """The q2 line for slider *values*: the estimate, rescaled to 100 by :func:`to_100`.

    Examples
    --------
    >>> weights_line({"返利": 10, "回款账期": 30})
    'q2 = kl.course.m05.to_100({"返利": 10, "回款账期": 30})'
    """
    body = ", ".join(f"{_literal(str(k))}: {_num(v)}" for k, v in values.items())
    return f"{name} = kl.course.m05.to_100({{{body}}})"


def weights_form(clauses: pd.DataFrame, q1: Any = ...) -> Any:
    """Exercise 2: one slider per clause for the counterpart's weight; frontier and Nash point live.

    The sliders start at the data's own estimate (``their_weight``).

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = weights_form(kl.datasets.load("clauses"))
    ...     form.controls["返利"].value = 20
    >>> form.line.startswith('q2 = kl.course.m05.to_100({"供货价格/折扣": 13, "回款账期": 14, ')
    True
    """
    start = their_weights_or_default(..., clauses)
    controls = {n: slider(int(min(max(round(w), 1), 40)), 1, 40, 1, label=n) for n, w in start.items()}

    def draw(v: dict[str, Any]) -> None:
        total = sum(float(x) for x in v.values())
        if abs(total - 100) > 1e-9:
            print(MSGS("total", total=total))
        m = matrix(clauses, their_weights=to_100(v), core=q1)
        nash = m.nash()
        print(MSGS("utilities", u_us=nash["u_us"], u_them=nash["u_them"]))
        m.plot()

    return AnswerForm(controls, line=weights_line, draw=draw)


def nash_form(m: ConcessionMatrix) -> Any:
    """Exercise 3: the frontier chart with the Nash point, its package, and the q3 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = nash_form(matrix(kl.datasets.load("clauses")))
    >>> form.line
    'q3 = m.nash()'
    """
    def draw(v: dict[str, Any]) -> None:
        nash = m.nash()
        print(MSGS("nash"))
        print(_pairs([f"{c.name}: {nash[c.name]}" for c in m.clauses]))
        print(MSGS("utilities", u_us=nash["u_us"], u_them=nash["u_them"]))
        m.plot()

    return AnswerForm({}, line=lambda v: "q3 = m.nash()", draw=draw)


def proposal_line(values: Mapping[str, Any], name: str = "q4") -> str:
    """The q4 line for the chosen options: ``assess(m, {...})``.

    Examples
    --------
    >>> proposal_line({"返利": "2%"})
    'q4 = kl.course.m05.assess(m, {"返利": "2%"})'
    """
    return f"{name} = kl.course.m05.assess(m, {_literal({str(k): str(v) for k, v in values.items()})})"


def proposal_form(m: ConcessionMatrix, account: str = "") -> Any:
    """Exercise 4: one drop-down per clause (starting at our opening); the proposal on the chart live.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = proposal_form(matrix(kl.datasets.load("clauses")))
    ...     form.controls["返利"].value = "2%"
    >>> '"返利": "2%"' in form.line and form.line.startswith("q4 = kl.course.m05.assess(m, {")
    True
    """
    controls = {c.name: dropdown(list(c.options), c.opening, label=c.name) for c in m.clauses}

    def draw(v: dict[str, Any]) -> None:
        ev = m.evaluate(v)
        yes, no = MSGS("yes"), MSGS("no")
        print(MSGS("eval", u_us=ev.u_us, u_them=ev.u_them, front=yes if ev.on_frontier else no,
                   feasible=yes if ev.feasible else no, left=ev.value_left))
        for text in ev.violations or [MSGS("no_violation")]:
            print("· " + text)
        if ev.better_package:
            print(MSGS("better"), _pairs([f"{k}: {o}" for k, o in ev.better_package.items() if v[k] != o]))
        ev.plot()

    title = MSGS("proposal_title", account=account) if account else ""
    return AnswerForm(controls, line=proposal_line, draw=draw, title=title)


def trade_form(m: ConcessionMatrix) -> Any:
    """Exercise 5: the trade plan (give and get per step) as a chart, the first two steps explained.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = trade_form(matrix(kl.datasets.load("clauses")))
    >>> form.line
    'q5 = m.trade_plan().head(2)'
    """
    def draw(v: dict[str, Any]) -> None:
        plan = m.trade_plan()
        if plan.empty:
            print(MSGS("trade_empty"))
            return
        for text in plan["explanation"].head(2):
            print(text)
        plot_trades(plan)

    return AnswerForm({}, line=lambda v: "q5 = m.trade_plan().head(2)", draw=draw)


#: The rows a log form starts with: both sides open on 回款账期, then blank rows.
_LOG_START = [{"step": 1, "side": "我方", "clause": "回款账期", "option": "开价"},
              {"step": 1, "side": "对方", "clause": "回款账期", "option": "对方开价"}]
#: The same rows in English (the log reads us/them and the English keywords as well).
_LOG_START_EN = [{"step": 1, "side": "us", "clause": "回款账期", "option": "opening"},
                 {"step": 1, "side": "them", "clause": "回款账期", "option": "their_opening"}]
_LOG_ROWS = 12


def log_line(records: Sequence[Mapping[str, Any]], name: str = "q6") -> str:
    """The q6 line: ``review_log(m, [...])`` with the filled rows of the table.

    Examples
    --------
    >>> log_line([{"step": 1, "side": "我方", "clause": "返利", "option": "1%"},
    ...           {"step": None, "side": None, "clause": None, "option": None}])
    'q6 = kl.course.m05.review_log(m, [{"step": 1, "side": "我方", "clause": "返利", "option": "1%"}])'
    """
    rows = [{c: r.get(c) for c in LOG_COLUMNS} for r in records
            if any(r.get(c) not in (None, "") for c in LOG_COLUMNS)]
    return f"{name} = kl.course.m05.review_log(m, {_literal(rows)})"


def log_form(m: ConcessionMatrix, account: str = "") -> Any:
    """Exercise 6: the role-play log as a small table; its review and final package live.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = log_form(matrix(kl.datasets.load("clauses")))
    ...     form.controls["log"].cells[2]["step"].value = "2"
    >>> form.line.count('"step"')   # the two example rows and the row begun
    3
    """
    start = _LOG_START if get_language() == "zh" else _LOG_START_EN
    rows = start + [dict.fromkeys(LOG_COLUMNS) for _ in range(_LOG_ROWS - len(start))]
    table = TableEditor(rows, list(LOG_COLUMNS), labels={c: MSGS(c) for c in LOG_COLUMNS})

    def draw(v: dict[str, Any]) -> None:
        log = resolve_log(m, v["log"])
        if log.empty:
            print(MSGS("log_empty"))
            return
        review = review_log(m, v["log"])
        print(MSGS("log_rounds", n=review["rounds"], k=MIN_ROUNDS))
        flagged = check_log(m, log)
        if flagged.empty:
            print(MSGS("log_ok"))
        for text in flagged["reason"]:
            print("✗ " + text)
        print(MSGS("log_final"))
        print(_pairs([f"{k}: {o}" for k, o in review["final"].items()]))
        m.evaluate(review["final"]).plot()

    title = MSGS("log_title", account=account) if account else ""
    return AnswerForm({"log": table}, line=lambda v: log_line(v["log"]), draw=draw, title=title)


def text_form(key: str = "q7") -> Any:
    """Exercise 7: a text box; writes ``q7 = "..."`` with the text safely quoted.

    Examples
    --------
    >>> form = text_form()
    >>> form.controls["text"].value = '对方要"账期"，其实是要现金流'
    >>> print(form.line)
    q7 = '对方要"账期"，其实是要现金流'
    """
    return text_answer(key, placeholder=MSGS("text"))
