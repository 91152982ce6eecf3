"""m05 forms: one widget form per exercise; each starts neutral, writes a literal decision and redraws live.

Everything a form says (status, problems, counts) is printed by its ``draw``, which the form reruns on
every change of a control.

Examples
--------
>>> proposal_line({"返利": "2%", "回款账期": None})
'q4 = {"返利": "2%", "回款账期": None}'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..._i18n import localized
from ...negotiation import ConcessionMatrix, check_log
from ...widgets import AnswerForm, TableEditor, choice, literal, match_quiz, multi_select, text_answer
from ._case import LOG_COLUMNS, MIN_ROUNDS, MIN_TRADEABLE, clause_names
from ._charts import plot_candidates, plot_proposal, plot_weights
from ._log import resolve_log, review_log
from ._messages import MSGS
from ._model import assess, candidates
from ._tactics import counter_options, tactic_items


def _list(items: Sequence[str]) -> str:
    """*items* joined as a list in the current language (``、`` in Chinese, ``, `` in English)."""
    return localized("、", ", ").join(items)


def _pairs(items: Sequence[str]) -> str:
    """``clause: option`` pieces joined in the current language (``；`` in Chinese, ``; `` in English)."""
    return localized("；", "; ").join(items)


def _yes(flag: bool) -> str:
    return MSGS("yes") if flag else MSGS("no")


def core_form(clauses: pd.DataFrame) -> Any:
    """Exercise 1: tick the core clauses (none ticked at the start); the split and the weight chart live.

    Examples
    --------
    >>> import kamlab as kl
    >>> form = core_form(kl.datasets.load("clauses"))
    >>> form.line, form.text
    ('q1 = []', '还没有勾选核心条款。')
    >>> form.controls["core"].tick(["年度分销数量"])
    >>> form.line
    'q1 = ["年度分销数量"]'
    """
    names = clause_names(clauses)
    controls = {"core": multi_select(names, (), label=MSGS("core_pick"))}

    def line(v: dict[str, Any]) -> str:
        return f"q1 = {literal(list(v['core']))}"

    def draw(v: dict[str, Any]) -> None:
        core = [n for n in names if n in v["core"]]
        if not core:
            print(MSGS("core_none"))
            return
        trade = [n for n in names if n not in core]
        print(MSGS("split_summary", n_core=len(core), core=_list(core), n_trade=len(trade), trade=_list(trade)))
        if len(trade) < MIN_TRADEABLE:
            print(MSGS("few_tradeable", n=len(trade), k=MIN_TRADEABLE))
        plot_weights(clauses, core=core)

    return AnswerForm(controls, line=line, draw=draw)


def ratio_table(m: ConcessionMatrix) -> pd.DataFrame:
    """The clauses of *m* with both weights, their ratio and the core flag, columns in the current language.

    Examples
    --------
    >>> import kamlab as kl
    >>> from kamlab.course import m05
    >>> list(ratio_table(m05.matrix(kl.datasets.load("clauses"))).columns)
    ['我方权重', '对方权重', '比值（对方÷我方）', '核心条款']
    """
    t = m.table
    cols = localized(("我方权重", "对方权重", "比值（对方÷我方）", "核心条款"),
                     ("our weight", "their weight", "ratio (their / our)", "core"))
    out = pd.DataFrame({cols[0]: t["our_weight"], cols[1]: t["their_weight"], cols[2]: t["ratio"].round(2),
                        cols[3]: [_yes(bool(x)) for x in t["core"]]})
    out.index.name = localized("条款", "clause")
    return out


def trade_form(m: ConcessionMatrix) -> Any:
    """Exercise 2: which clause we give first and which we get for it (both neutral at the start).

    Examples
    --------
    >>> import kamlab as kl
    >>> from kamlab.course import m05
    >>> form = trade_form(m05.matrix(kl.datasets.load("clauses")))
    >>> form.line
    'q2 = {"give": None, "get": None}'
    >>> form.controls["give"].value = "返利"; form.controls["get"].value = "联合活动"
    >>> form.text.splitlines()[-1].startswith("我方在「返利」让一步")
    True
    """
    names = [c.name for c in m.clauses]
    ratio = {c.name: c.ratio for c in m.clauses}
    controls = {"give": choice(names, label=MSGS("give")), "get": choice(names, label=MSGS("get"))}

    def line(v: dict[str, Any]) -> str:
        return f"q2 = {literal({'give': v['give'], 'get': v['get']})}"

    def draw(v: dict[str, Any]) -> None:
        print(MSGS("ratio_table"))
        print(ratio_table(m).to_string())
        if v["give"] is None or v["get"] is None:
            print(MSGS("trade_none"))
        else:
            print(MSGS("trade_pair", give=v["give"], get=v["get"], r1=ratio[v["give"]], r2=ratio[v["get"]]))

    return AnswerForm(controls, line=line, draw=draw)


def nash_form(m: ConcessionMatrix) -> Any:
    """Exercise 3: four lettered packages on the frontier chart; pick the Nash point (none picked at the start).

    Examples
    --------
    >>> import kamlab as kl
    >>> from kamlab.course import m05
    >>> form = nash_form(m05.matrix(kl.datasets.load("clauses")))
    >>> form.line, form.text.splitlines()[-1]
    ('q3 = None', '还没有选择方案。')
    """
    options = candidates(m)
    controls = {"pick": choice([(localized(f"方案 {k}", f"package {k}"), k) for k in options],
                               label=MSGS("pick_package"))}

    def draw(v: dict[str, Any]) -> None:
        for letter, p in options.items():
            print(MSGS("cand_row", letter=letter, u_us=p["u_us"], u_them=p["u_them"], front=_yes(p["on_frontier"])))
        if v["pick"] is None:
            print(MSGS("cand_none"))
        else:
            print(MSGS("cand_pick", letter=v["pick"]), _pairs([f"{k}: {o}" for k, o in options[v["pick"]]["package"].items()]))
        plot_candidates(m, options, chosen=v["pick"])

    return AnswerForm(controls, line=lambda v: f"q3 = {literal(v['pick'])}", draw=draw)


def proposal_line(values: Mapping[str, Any], name: str = "q4") -> str:
    """The q4 line: the package as a literal, ``None`` where no option is chosen yet.

    Examples
    --------
    >>> proposal_line({"返利": "2%"})
    'q4 = {"返利": "2%"}'
    """
    return f"{name} = {literal({str(k): v for k, v in values.items()})}"


def proposal_form(m: ConcessionMatrix, account: str = "") -> Any:
    """Exercise 4: one drop-down per clause (none chosen at the start); the judgement and the chart live.

    Examples
    --------
    >>> import kamlab as kl
    >>> from kamlab.course import m05
    >>> m = m05.matrix(kl.datasets.load("clauses"))
    >>> form = proposal_form(m)
    >>> form.text
    '还有 8 个条款没有选择选项。'
    >>> for c in m.clauses: form.controls[c.name].value = c.opening
    >>> "开价" in form.text and "✓" not in form.text
    True
    """
    controls = {c.name: choice(list(c.options), label=c.name) for c in m.clauses}

    def draw(v: dict[str, Any]) -> None:
        a = assess(m, v)
        if a["missing"]:
            print(MSGS("missing", n=len(a["missing"])))
            plot_proposal(m)
            return
        if a["u_us"] is not None:
            print(MSGS("eval", u_us=a["u_us"], u_them=a["u_them"], front=_yes(a["on_frontier"]),
                       feasible=_yes(a["feasible"]),
                       left=a["value_left"]))
        for zh, en in a["problems"]:
            print("✗ " + localized(zh, en))
        if a["ok"]:
            print(MSGS("proposal_ok"))
        plot_proposal(m, v if a["u_us"] is not None else None)

    title = MSGS("proposal_title", account=account) if account else ""
    return AnswerForm(controls, line=proposal_line, draw=draw, title=title)


def tactics_form() -> Any:
    """Exercise 5 (战术与反战术 PK): one drop-down per tactic of the chain, each starting on "（请选择）".

    Examples
    --------
    >>> form = tactics_form()
    >>> form.line
    'q5 = {"T1": None, "T2": None, "T3": None, "T4": None, "T5": None}'
    """
    return match_quiz(tactic_items(), counter_options(), key="q5", title=MSGS("pk_title"))


#: Rows of the role-play table (empty at the start: an untouched log decides nothing).
_LOG_ROWS = 12


def log_line(records: Sequence[Mapping[str, Any]], name: str = "q6") -> str:
    """The q6 line: the filled rows of the table as a literal list.

    Examples
    --------
    >>> log_line([{"step": 1, "side": "我方", "clause": "返利", "option": "1%"},
    ...           {"step": None, "side": None, "clause": None, "option": None}])
    'q6 = [{"step": 1, "side": "我方", "clause": "返利", "option": "1%"}]'
    """
    rows = [{c: r.get(c) for c in LOG_COLUMNS} for r in records
            if any(r.get(c) not in (None, "") for c in LOG_COLUMNS)]
    return f"{name} = {literal(rows)}"


def log_form(m: ConcessionMatrix, account: str = "") -> Any:
    """Exercise 6: the role-play log as a small table (empty at the start); rounds, exchanges, final package live.

    Examples
    --------
    >>> import kamlab as kl
    >>> from kamlab.course import m05
    >>> form = log_form(m05.matrix(kl.datasets.load("clauses")))
    >>> form.line
    'q6 = []'
    >>> row = form.controls["log"].cells[0]
    >>> for col, value in zip(("step", "side", "clause", "option"), ("2", "我方", "返利", "开价")):
    ...     row[col].value = value
    >>> form.text.splitlines()[0]
    '共 1 轮（至少 4 轮）。'
    """
    rows = [dict.fromkeys(LOG_COLUMNS) for _ in range(_LOG_ROWS)]
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
        if not review["feasible"]:
            print("✗ " + MSGS("log_infeasible"))
        plot_proposal(m, review["final"])

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

