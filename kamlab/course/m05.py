"""m05 双赢协议谈判 / Win-win agreement negotiation.

The question bank of workshop module m05 (seed 000 §五, seed 001 谈判准备) and
the small helpers its notebook calls, so every answer cell is one literal or
one call built from the trainee's decisions:

* ``q1`` — core vs tradeable clauses, ``split(clauses, top=3, extra=[...])``:
  our ``top`` most important clauses (by our weight, ties included) plus the
  ones the trainee adds are core (核心条款); the rest can be traded;
* ``q2`` — the trainee's estimate of the counterpart's weights, a dict
  ``clause -> weight`` (> 0, summing to 100; ``to_100`` rescales slider values);
  the concession matrix ``m = matrix(clauses, their_weights=q2, core=q1)``;
* ``q3`` — the Nash package of that matrix, ``m.nash()``;
* ``q4`` — the trainee's proposal (a package chosen option by option),
  evaluated: ``assess(m, {...})``;
* ``q5`` — the trade plan, first two gives and their gets, ``m.trade_plan().head(2)``;
* ``q6`` — the role-play log, ``review_log(m, [...])``: at least
  ``MIN_ROUNDS`` rounds, no concession of ours without exchange, the final
  package not below any walk-away;
* ``q7`` — free text (which interest behind which position), scored by hand.

Every check recomputes its reference with the tools on the context's own data
(``Context.load("clauses")``) and the trainee's own earlier decisions
(``ctx.answers``), so an answer computed in the notebook stays right on the
hidden counterpart (data variant) and a number typed in from variant 0 does not.

Examples
--------
>>> import kamlab as kl
>>> from kamlab.course import m05
>>> clauses = kl.datasets.load("clauses")
>>> m05.split(clauses, top=3)["core"]
['店员培训', '数据反馈', '陈列资源']
>>> m = m05.matrix(clauses, their_weights=..., core=...)
>>> m.nash()["回款账期"]
'60天'
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadValueError
from .._i18n import Messages, get_language
from .._plotting import new_axes, styled
from ..grading import Context, Question, QuestionBank, Verdict

if TYPE_CHECKING:  # pragma: no cover
    from ..negotiation import ConcessionMatrix

__all__ = [
    "MODULE", "DATASET", "BANK", "CORE_TOP", "MIN_TRADEABLE", "MIN_ROUNDS", "KEYWORDS",
    "key_account", "account_label", "clause_names", "split", "core_list", "to_100", "their_weights_or_default",
    "matrix", "assess", "resolve_log", "final_package", "review_log",
    "core_form", "weights_form", "nash_form", "proposal_form", "trade_form", "log_form", "text_form",
    "plot_weights", "plot_trades",
]

#: Module id and the data set it negotiates.
MODULE = "m05"
DATASET = "clauses"
#: Course rule of exercise 1: our 3 most important clauses (by our weight) are core.
CORE_TOP = 3
#: At least this many clauses must stay tradeable (something to exchange).
MIN_TRADEABLE = 2
#: A role-play log needs at least this many rounds.
MIN_ROUNDS = 4
#: Words a log may use instead of an option label, resolved per clause on the data
#: (so a log stays meaningful against another counterpart): our opening, target,
#: walk-away, and the counterpart's opening (the option they score highest).
KEYWORDS: dict[str, str] = {
    "开价": "opening", "目标": "target", "底线": "walk_away", "对方开价": "their_opening",
    "opening": "opening", "target": "target", "walk_away": "walk_away", "their_opening": "their_opening",
}
#: Columns of a role-play log (as ``kl.negotiation.check_log`` reads it).
LOG_COLUMNS = ("step", "side", "clause", "option")

MSGS = Messages({
    "top": ("按我方权重取前几名", "top clauses by our weight"),
    "extra": ("另外定为核心的条款", "also core"),
    "few_tradeable": ("只剩 {n} 个可让步条款：至少要留 {k} 个用来交换。",
                      "Only {n} tradeable clauses left: keep at least {k} to trade."),
    "split_summary": ("核心条款（{n_core}）：{core}\n可让步条款（{n_trade}）：{trade}",
                      "Core clauses ({n_core}): {core}\nTradeable clauses ({n_trade}): {trade}"),
    "w_title": ("各条款的权重：我方 vs 对方（估计）", "Clause weights: ours vs theirs (estimated)"),
    "w_ours_core": ("我方权重（核心条款）", "our weight (core clause)"),
    "w_ours_trade": ("我方权重（可让步条款）", "our weight (tradeable clause)"),
    "w_theirs": ("对方权重（估计）", "their weight (estimated)"),
    "w_x": ("权重（合计 100）", "weight (sums to 100)"),
    "total": ("对方权重合计 {total:g}：答案行会按比例换算成合计 100。",
              "Their weights add up to {total:g}: the answer line rescales them to sum to 100."),
    "nash": ("纳什点方案：", "Nash package:"),
    "utilities": ("我方效用 {u_us:.1f}，对方效用 {u_them:.1f}", "our utility {u_us:.1f}, theirs {u_them:.1f}"),
    "eval": ("我方效用 {u_us:.1f}，对方效用 {u_them:.1f}；在前沿上：{front}；可行：{feasible}；"
             "桌上还剩 {left:.1f} 分。",
             "our utility {u_us:.1f}, theirs {u_them:.1f}; on the frontier: {front}; feasible: {feasible}; "
             "value left on the table {left:.1f}."),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "better": ("不降低对方效用、对我方更好的方案：", "A package better for us at no cost to them:"),
    "no_violation": ("没有违反核心条款目标或底线。", "No core clause below target, no clause below walk-away."),
    "trade_title": ("交换计划：每一步的效用变化", "Trade plan: utility change per step"),
    "trade_us": ("我方效用变化", "our utility change"),
    "trade_them": ("对方效用变化", "their utility change"),
    "trade_step": ("第 {n} 步", "step {n}"),
    "trade_empty": ("没有可以交换的让步：检查核心条款和对方权重。",
                    "Nothing to trade: check the core clauses and their weights."),
    "trade_y": ("效用变化（0–100 分）", "utility change (0-100 points)"),
    "step": ("轮次", "round"),
    "side": ("一方（我方/对方）", "side (us/them)"),
    "clause": ("条款", "clause"),
    "option": ("选项（或 开价/目标/底线/对方开价）", "option (or opening/target/walk_away/their_opening)"),
    "log_rounds": ("共 {n} 轮（至少 {k} 轮）。", "{n} rounds (at least {k})."),
    "log_ok": ("✓ 我方每一次让步都换到了对方的让步（无交换不让步）。",
               "✓ Every concession of ours was answered by one of theirs (no concession without exchange)."),
    "log_final": ("成交方案（记录中每个条款最后一次出现的选项；没谈到的条款按我方目标）：",
                  "Final package (each clause's last option in the log; clauses not discussed at our target):"),
    "log_title": ("角色扮演记录：{account}", "Role-play log: {account}"),
    "log_empty": ("记录还是空的：在表格里填写轮次、一方、条款和选项。",
                  "The log is empty: fill in round, side, clause and option."),
    "proposal_title": ("给 {account} 的协议方案", "Proposal to {account}"),
    "text": ("在这里写你的回答……", "Write your answer here..."),
    "err_weights_type": ("对方权重应是一个字典（条款 → 权重），例如 {example}。",
                         "Their weights should be a dict (clause -> weight), e.g. {example}."),
    "err_weight_missing": ("对方权重缺少条款 '{clause}'：每个条款都要估计一个权重。",
                           "Their weights lack clause '{clause}': estimate a weight for every clause."),
    "err_weight_unknown": ("对方权重里的条款 '{clause}' 不存在{hint_zh}。可用条款：{valid}。",
                           "Their weights name an unknown clause '{clause}'{hint_en}. Clauses: {valid}."),
    "err_weight_value": ("条款 '{clause}' 的对方权重 {value!r} 不对：应是大于 0 的数字。",
                         "Clause '{clause}': their weight {value!r} should be a number > 0."),
    "err_core_unknown": ("核心条款 '{clause}' 不存在{hint_zh}。可用条款：{valid}。",
                         "Core clause '{clause}' is unknown{hint_en}. Clauses: {valid}."),
    "err_top": ("top 应是 1 到 {n} 之间的整数，收到 {value!r}。", "top should be a whole number from 1 to {n}; got {value!r}."),
    "err_log_type": ("记录应是一张表（DataFrame）或字典列表，每行有 step、side、clause、option。",
                     "The log should be a table (DataFrame) or a list of dicts with step, side, clause, option."),
})


# ------------------------------------------------------------------ account
def key_account(account: str | None, chains: pd.DataFrame) -> str:
    """The key account chosen in m02 (parameter *account*), or the course default.

    Examples
    --------
    >>> import kamlab as kl
    >>> key_account("C03", kl.datasets.load("chains"))
    'C03'
    """
    from ._shared import resolve_account

    return resolve_account(account, chains)


def account_label(account: str, chains: pd.DataFrame) -> str:
    """``"C03 某某大药房"``: the chain id and its name (the id alone if there is no name).

    Examples
    --------
    >>> import kamlab as kl
    >>> account_label("C03", kl.datasets.load("chains")).startswith("C03 ")
    True
    """
    if "chain_name" not in chains.columns:
        return str(account)
    names = chains.set_index(chains["chain_id"].astype(str))["chain_name"]
    return f"{account} {names.get(str(account), '')}".strip()


# ---------------------------------------------------------------- decisions
def clause_names(clauses: pd.DataFrame) -> list[str]:
    """The clause names in table order.

    Examples
    --------
    >>> import kamlab as kl
    >>> clause_names(kl.datasets.load("clauses"))[:3]
    ['供货价格/折扣', '回款账期', '新品进场率']
    """
    return [str(c) for c in pd.unique(clauses["clause"].astype(str))]


def _per_clause(clauses: pd.DataFrame, column: str) -> pd.Series:
    first = clauses.assign(clause=clauses["clause"].astype(str)).drop_duplicates("clause")
    return first.set_index("clause")[column].reindex(clause_names(clauses))


def _hint(name: str, names: Sequence[str]) -> tuple[str, str]:
    close = difflib.get_close_matches(str(name), list(names), n=1, cutoff=0.5)
    return (f"（是不是 '{close[0]}'？）", f" (did you mean '{close[0]}'?)") if close else ("", "")


def _unknown(key: str, name: str, names: Sequence[str], column: str) -> BadValueError:
    hint_zh, hint_en = _hint(name, names)
    zh = MSGS.both(key, clause=name, hint_zh=hint_zh, hint_en=hint_en, valid="、".join(names))[0]
    en = MSGS.both(key, clause=name, hint_zh=hint_zh, hint_en=hint_en, valid=", ".join(names))[1]
    return BadValueError(zh, en, column=column)


def _list(items: Sequence[str]) -> str:
    """*items* joined as a list in the current language (``、`` in Chinese, ``, `` in English)."""
    return ("、" if get_language() == "zh" else ", ").join(items)


def _pairs(items: Sequence[str]) -> str:
    """``clause: option`` pieces joined in the current language (``；`` in Chinese, ``; `` in English)."""
    return ("；" if get_language() == "zh" else "; ").join(items)


def split(clauses: pd.DataFrame, top: int = CORE_TOP, extra: Sequence[str] = ()) -> dict[str, Any]:
    """Sort the clauses into core (核心条款) and tradeable (可让步条款).

    Core = the clauses whose our weight is among the *top* largest (ties
    included) plus the clauses in *extra*; every other clause is tradeable.

    Parameters
    ----------
    clauses : DataFrame
        The long clause table (``kl.datasets.load("clauses")``).
    top : int
        How many of our most important clauses are core (the course rule: at
        least 3).
    extra : list of str
        Clauses the trainee also protects (e.g. a 动销 target).

    Returns
    -------
    dict
        ``{"top": top, "extra": [...], "core": [...], "tradeable": [...]}``,
        clauses in table order; the decisions travel with the answer so the
        check recomputes it on any data variant.

    Examples
    --------
    >>> import kamlab as kl
    >>> s = split(kl.datasets.load("clauses"), top=3, extra=["新品进场率"])
    >>> s["core"], len(s["tradeable"])
    (['新品进场率', '店员培训', '数据反馈', '陈列资源'], 4)
    """
    names = clause_names(clauses)
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or not 1 <= int(top) <= len(names):
        zh, en = MSGS.both("err_top", n=len(names), value=top)
        raise BadValueError(zh, en, column="top")
    extra = [str(e) for e in ([extra] if isinstance(extra, str) else list(extra))]
    for e in extra:
        if e not in names:
            raise _unknown("err_core_unknown", e, names, "extra")
    weights = _per_clause(clauses, "our_weight").astype(float)
    cut = np.sort(weights.to_numpy())[::-1][int(top) - 1]
    core = [n for n in names if weights[n] >= cut - 1e-9 or n in extra]
    return {"top": int(top), "extra": [n for n in names if n in extra], "core": core,
            "tradeable": [n for n in names if n not in core]}


def core_list(q1: Any, clauses: pd.DataFrame) -> list[str] | None:
    """The core clauses of the answer *q1* (``split`` result or a list), ``None`` while unanswered.

    ``None`` (and a *q1* that names no known clause list) means: use the
    core flags of the data.

    Examples
    --------
    >>> import kamlab as kl
    >>> clauses = kl.datasets.load("clauses")
    >>> core_list(..., clauses) is None, core_list(["返利"], clauses)
    (True, ['返利'])
    """
    if q1 is Ellipsis or q1 is None:
        return None
    core = q1.get("core") if isinstance(q1, Mapping) else q1
    if isinstance(core, str) or not isinstance(core, (list, tuple, set, frozenset, np.ndarray, pd.Index)):
        return None
    names = clause_names(clauses)
    core = [str(c) for c in core]
    for c in core:
        if c not in names:
            raise _unknown("err_core_unknown", c, names, "core")
    return [n for n in names if n in core]


def to_100(weights: Mapping[str, float]) -> dict[str, float]:
    """Rescale positive *weights* so they add up to 100 (the estimate the sliders write).

    Examples
    --------
    >>> to_100({"返利": 3, "回款账期": 1})
    {'返利': 75.0, '回款账期': 25.0}
    """
    if not isinstance(weights, Mapping) or not weights:
        zh, en = MSGS.both("err_weights_type", example='{"返利": 10, "回款账期": 15, ...}')
        raise BadValueError(zh, en, column="their_weights")
    values = {}
    for k, v in weights.items():
        if isinstance(v, bool) or not isinstance(v, (int, float, np.number)) or not math.isfinite(v) or v <= 0:
            zh, en = MSGS.both("err_weight_value", clause=k, value=v)
            raise BadValueError(zh, en, column=str(k))
        values[str(k)] = float(v)
    total = sum(values.values())
    return {k: v * 100.0 / total for k, v in values.items()}


def their_weights_or_default(q2: Any, clauses: pd.DataFrame) -> dict[str, float]:
    """The trainee's estimate *q2*, or the data's own estimate (``their_weight``) while unanswered.

    Examples
    --------
    >>> import kamlab as kl
    >>> their_weights_or_default(..., kl.datasets.load("clauses"))["新品进场率"]
    5.0
    """
    if q2 is Ellipsis or q2 is None:
        return {k: float(v) for k, v in _per_clause(clauses, "their_weight").items()}
    names = clause_names(clauses)
    if not isinstance(q2, Mapping):
        zh, en = MSGS.both("err_weights_type", example='{"' + names[0] + '": 15, ...}')
        raise BadValueError(zh, en, column="their_weights")
    for k in q2:
        if str(k) not in names:
            raise _unknown("err_weight_unknown", str(k), names, str(k))
    out = {}
    for n in names:
        if n not in q2:
            zh, en = MSGS.both("err_weight_missing", clause=n)
            raise BadValueError(zh, en, column=n)
        v = q2[n]
        if isinstance(v, bool) or not isinstance(v, (int, float, np.number)) or not math.isfinite(v) or v <= 0:
            zh, en = MSGS.both("err_weight_value", clause=n, value=v)
            raise BadValueError(zh, en, column=n)
        out[n] = float(v)
    return out


def matrix(clauses: pd.DataFrame, their_weights: Any = ..., core: Any = ...) -> "ConcessionMatrix":
    """The concession matrix of *clauses* with the trainee's estimate and core clauses.

    Parameters
    ----------
    clauses : DataFrame
        The long clause table.
    their_weights : dict or ``...``
        The trainee's estimate of the counterpart's weights (``q2``); ``...``
        keeps the data's ``their_weight``.
    core : dict, list or ``...``
        ``q1`` (or a list of core clauses); ``...`` keeps the data's core flags.

    Examples
    --------
    >>> import kamlab as kl
    >>> clauses = kl.datasets.load("clauses")
    >>> w = dict.fromkeys(clause_names(clauses), 12.5)
    >>> m = matrix(clauses, their_weights=w, core=["返利"])
    >>> float(m.table.loc["返利", "their_weight"]), bool(m.table.loc["返利", "core"])
    (12.5, True)
    """
    from ..negotiation import ConcessionMatrix, clauses_from_table

    spec = clauses_from_table(clauses)
    weights = their_weights_or_default(their_weights, clauses)
    chosen = core_list(core, clauses)
    for name, field in spec.items():
        field["their_weight"] = weights[name]
        if chosen is not None:
            field["core"] = name in chosen
    return ConcessionMatrix(spec)


def assess(m: "ConcessionMatrix", package: Mapping[str, Any]) -> dict[str, Any]:
    """Evaluate a proposal: the package and what ``m.evaluate`` finds, in plain data.

    Returns
    -------
    dict
        ``package``, ``u_us``, ``u_them``, ``feasible``, ``on_frontier``,
        ``value_left`` (rounded to 6 decimals), ``better_package`` and
        ``problems`` (clauses below walk-away or, if core, below target).

    Examples
    --------
    >>> import kamlab as kl
    >>> m = matrix(kl.datasets.load("clauses"))
    >>> a = assess(m, {k: v for k, v in m.nash().items() if k not in ("u_us", "u_them")})
    >>> a["on_frontier"], a["value_left"], a["problems"]
    (True, 0.0, [])
    """
    ev = m.evaluate(dict(package))
    ours = ev.table["ours"].astype(float)
    walk = pd.Series([c.score_ours(c.walk_away) for c in m.clauses], index=ev.table.index)
    target = pd.Series([c.score_ours(c.target) for c in m.clauses], index=ev.table.index)
    core = pd.Series([c.core for c in m.clauses], index=ev.table.index)
    bad = (ours < walk) | (core & (ours < target))
    return {"package": dict(ev.package), "u_us": round(ev.u_us, 6), "u_them": round(ev.u_them, 6),
            "feasible": bool(ev.feasible), "on_frontier": bool(ev.on_frontier),
            "value_left": round(ev.value_left, 6),
            "better_package": None if ev.better_package is None else dict(ev.better_package),
            "problems": [str(n) for n in ev.table.index[bad.to_numpy()]]}


# --------------------------------------------------------------------- log
def _log_frame(rows: Any) -> pd.DataFrame:
    if isinstance(rows, pd.DataFrame):
        frame = rows.copy()
    elif isinstance(rows, (list, tuple)) and all(isinstance(r, Mapping) for r in rows):
        frame = pd.DataFrame([dict(r) for r in rows], columns=list(LOG_COLUMNS)) if rows else \
            pd.DataFrame(columns=list(LOG_COLUMNS))
    else:
        zh, en = MSGS.both("err_log_type")
        raise BadValueError(zh, en, column="log")
    present = [c for c in LOG_COLUMNS if c in frame.columns]
    if present:
        blank = frame[present].apply(lambda s: s.isna() | (s.astype(str).str.strip() == "")).all(axis=1)
        frame = frame.loc[~blank]
    return frame.reset_index(drop=True)


def resolve_log(m: "ConcessionMatrix", rows: Any) -> pd.DataFrame:
    """The log as a table, blank rows dropped and keywords (开价/目标/底线/对方开价) replaced by options.

    Examples
    --------
    >>> import kamlab as kl
    >>> m = matrix(kl.datasets.load("clauses"))
    >>> resolve_log(m, [{"step": 1, "side": "对方", "clause": "返利", "option": "对方开价"},
    ...                 {"step": None, "side": "", "clause": None, "option": None}])["option"].tolist()
    ['5%']
    """
    frame = _log_frame(rows)
    if "option" not in frame.columns or "clause" not in frame.columns:
        return frame
    by_name = {c.name: c for c in m.clauses}
    option = frame["option"].astype(object)
    for i in frame.index:
        word = KEYWORDS.get(str(option[i]).strip()) if option[i] is not None else None
        clause = by_name.get(str(frame.at[i, "clause"]).strip())
        if word is None or clause is None:
            continue
        if word == "their_opening":
            best = max(range(len(clause.options)), key=lambda j: (clause.theirs[j], -clause.ours[j], j))
            option[i] = clause.options[best]
        else:
            option[i] = getattr(clause, word)
    frame["option"] = option
    return frame


def final_package(m: "ConcessionMatrix", log: pd.DataFrame) -> dict[str, str]:
    """The agreement a resolved *log* ends with: each clause's last option, else our target.

    Examples
    --------
    >>> import kamlab as kl
    >>> m = matrix(kl.datasets.load("clauses"))
    >>> log = resolve_log(m, [{"step": 1, "side": "我方", "clause": "返利", "option": "2%"}])
    >>> final_package(m, log)["返利"], final_package(m, log)["回款账期"]
    ('2%', '45天')
    """
    out = {c.name: c.target for c in m.clauses}
    if len(log):
        order = log.assign(_step=pd.to_numeric(log["step"], errors="coerce")).sort_values("_step", kind="stable")
        last = order.assign(clause=order["clause"].astype(str).str.strip()).drop_duplicates("clause", keep="last")
        for clause, option in zip(last["clause"], last["option"]):
            if clause in out:
                out[clause] = str(option).strip()
    return out


def _plain(value: Any) -> Any:
    """A log cell as plain JSON data: NaN -> None, whole floats -> int, numpy -> Python."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def review_log(m: "ConcessionMatrix", rows: Any) -> dict[str, Any]:
    """Check a role-play log: rounds, concessions without exchange, the final package.

    Parameters
    ----------
    m : ConcessionMatrix
    rows : list of dict or DataFrame
        One row per offer: ``step`` (round), ``side`` (我方/对方 or us/them),
        ``clause`` and ``option`` (an option label, or 开价/目标/底线/对方开价).

    Returns
    -------
    dict
        ``log`` (the rows as given, blanks dropped), ``rounds``,
        ``unanswered`` (our concessions not answered by one of theirs:
        step, clause, from, to), ``final`` (package), ``feasible``,
        ``u_us``, ``u_them``.

    Examples
    --------
    >>> import kamlab as kl
    >>> m = matrix(kl.datasets.load("clauses"))
    >>> r = review_log(m, [
    ...     {"step": 1, "side": "我方", "clause": "回款账期", "option": "开价"},
    ...     {"step": 1, "side": "对方", "clause": "新品进场率", "option": "对方开价"},
    ...     {"step": 2, "side": "我方", "clause": "回款账期", "option": "目标"},
    ...     {"step": 2, "side": "对方", "clause": "新品进场率", "option": "目标"}])
    >>> r["rounds"], r["unanswered"], r["feasible"]
    (2, [], True)
    """
    from ..negotiation import check_log

    raw = _log_frame(rows)
    log = resolve_log(m, raw)
    if log.empty:
        zh, en = MSGS.both("log_empty")
        raise BadValueError(zh, en, column="log")
    flagged = check_log(m, log)
    final = final_package(m, log)
    ev = m.evaluate(final)
    records = [{c: _plain(row.get(c)) for c in LOG_COLUMNS} for row in raw.to_dict("records")]
    return {"log": records,
            "rounds": int(pd.to_numeric(log["step"]).nunique()),
            "unanswered": [{"step": int(s), "clause": str(c), "from": str(f), "to": str(t)}
                           for s, c, f, t in zip(flagged["step"], flagged["clause"], flagged["from"], flagged["to"])],
            "final": final, "feasible": bool(ev.feasible),
            "u_us": round(ev.u_us, 6), "u_them": round(ev.u_them, 6)}


# ------------------------------------------------------------------ charts
@styled
def plot_weights(clauses: pd.DataFrame, core: Sequence[str] | None = None,
                 their_weights: Mapping[str, float] | None = None, ax: Any = None) -> Any:
    """Horizontal bars: our weight per clause (core darker) next to their (estimated) weight.

    Examples
    --------
    >>> import kamlab as kl
    >>> ax = plot_weights(kl.datasets.load("clauses"), core=["返利"])
    >>> len(ax.patches)
    16
    """
    names = clause_names(clauses)
    ours = _per_clause(clauses, "our_weight").astype(float)
    theirs = pd.Series(their_weights_or_default(their_weights if their_weights is not None else ..., clauses))
    if their_weights is not None:
        theirs = theirs * 100.0 / theirs.sum()
    core_set = set(core) if core is not None else set(n for n, f in _per_clause(clauses, "core").items() if f)
    fig, ax = new_axes(ax, figsize=(7.0, 4.2))
    y = np.arange(len(names))
    is_core = np.array([n in core_set for n in names])
    ax.barh(y[is_core] - 0.2, ours[is_core], height=0.4, color="#1f4e79", label=MSGS("w_ours_core"))
    ax.barh(y[~is_core] - 0.2, ours[~is_core], height=0.4, color="#9dc3e6", label=MSGS("w_ours_trade"))
    ax.barh(y + 0.2, theirs.reindex(names).to_numpy(), height=0.4, color="#f4b183", label=MSGS("w_theirs"))
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlabel(MSGS("w_x"))
    ax.set_title(MSGS("w_title"))
    ax.legend(loc="lower right", fontsize="small")
    return ax


@styled
def plot_trades(plan: pd.DataFrame, ax: Any = None) -> Any:
    """Bars: our and their utility change for each give-and-get step of a trade plan.

    Examples
    --------
    >>> import kamlab as kl
    >>> ax = plot_trades(matrix(kl.datasets.load("clauses")).trade_plan())
    >>> len(ax.patches)
    4
    """
    fig, ax = new_axes(ax, figsize=(7.0, 3.6))
    x = np.arange(len(plan))
    ax.bar(x - 0.2, plan["du_us"].astype(float), width=0.4, color="#1f77b4", label=MSGS("trade_us"))
    ax.bar(x + 0.2, plan["du_them"].astype(float), width=0.4, color="#ff7f0e", label=MSGS("trade_them"))
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xticks(x, [MSGS("trade_step", n=i + 1) for i in range(len(plan))])
    ax.set_ylabel(MSGS("trade_y"))
    ax.set_title(MSGS("trade_title"))
    ax.legend(loc="upper right", fontsize="small")
    return ax


# ------------------------------------------------------------------- forms
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
    from ..widgets import AnswerForm, dropdown, multi_select

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
    from ..widgets import AnswerForm, slider

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


def nash_form(m: "ConcessionMatrix") -> Any:
    """Exercise 3: the frontier chart with the Nash point, its package, and the q3 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = nash_form(matrix(kl.datasets.load("clauses")))
    >>> form.line
    'q3 = m.nash()'
    """
    from ..widgets import AnswerForm

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


def proposal_form(m: "ConcessionMatrix", account: str = "") -> Any:
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
    from ..widgets import AnswerForm, dropdown

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


def trade_form(m: "ConcessionMatrix") -> Any:
    """Exercise 5: the trade plan (give and get per step) as a chart, the first two steps explained.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = trade_form(matrix(kl.datasets.load("clauses")))
    >>> form.line
    'q5 = m.trade_plan().head(2)'
    """
    from ..widgets import AnswerForm

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


def log_form(m: "ConcessionMatrix", account: str = "") -> Any:
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
    from ..widgets import AnswerForm, TableEditor

    start = _LOG_START if get_language() == "zh" else _LOG_START_EN
    rows = start + [dict.fromkeys(LOG_COLUMNS) for _ in range(_LOG_ROWS - len(start))]
    table = TableEditor(rows, list(LOG_COLUMNS), labels={c: MSGS(c) for c in LOG_COLUMNS})

    def draw(v: dict[str, Any]) -> None:
        from ..negotiation import check_log

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
    from ..widgets import text_answer

    return text_answer(key, placeholder=MSGS("text"))


# ------------------------------------------------------------------- checks
def _fail(zh: str, en: str, score: float = 0.0) -> Verdict:
    return Verdict(ok=False, score=score, reason_zh=zh, reason_en=en)


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    if not (isinstance(answer, Mapping) and {"top", "extra", "core", "tradeable"} <= set(answer)):
        return _fail("答案应是 kl.course.m05.split(clauses, top=..., extra=[...]) 的结果。",
                     "The answer should be the result of kl.course.m05.split(clauses, top=..., extra=[...]).")
    clauses = ctx.load(DATASET)
    top = answer["top"]
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or int(top) < CORE_TOP:
        return _fail(f"课程规则：按我方权重最重要的前 {CORE_TOP} 个条款必须是核心条款（top 至少为 {CORE_TOP}）。",
                     f"Course rule: our {CORE_TOP} most important clauses (by our weight) must be core "
                     f"(top at least {CORE_TOP}).")
    try:
        ref = split(clauses, top=int(top), extra=list(answer["extra"]))
    except BadValueError:
        return _fail("extra 里有不存在的条款，或 top 超出条款个数。",
                     "extra names an unknown clause, or top exceeds the number of clauses.")
    got_core, got_trade = answer["core"], answer["tradeable"]
    if not all(isinstance(x, (list, tuple)) for x in (got_core, got_trade)) or \
            set(map(str, got_core)) != set(ref["core"]) or set(map(str, got_trade)) != set(ref["tradeable"]):
        return _fail("核心/可让步条款和按你的 top、extra 在本笔记本数据上算出的不一致："
                     "请用 kl.course.m05.split 计算，不要手工输入条款名单。",
                     "The core/tradeable lists differ from what your top and extra give on this notebook's "
                     "data: compute them with kl.course.m05.split, do not type the lists in.")
    if len(ref["tradeable"]) < MIN_TRADEABLE:
        return _fail(f"可让步条款只剩 {len(ref['tradeable'])} 个：至少留 {MIN_TRADEABLE} 个用来交换。",
                     f"Only {len(ref['tradeable'])} tradeable clauses left: keep at least {MIN_TRADEABLE} "
                     f"to trade.")
    return Verdict(True, 1.0)


def _q2_reason(answer: Any, names: Sequence[str]) -> tuple[str, str] | None:
    if not isinstance(answer, Mapping):
        return ("答案应是一个字典：条款 → 对方权重。", "The answer should be a dict: clause -> their weight.")
    keys = {str(k) for k in answer}
    if keys != set(names):
        missing = [n for n in names if n not in keys]
        extra = sorted(keys - set(names))
        return (f"字典的键应正好是 8 个条款（缺少 {missing}，多出 {extra}）。",
                f"The dict keys should be exactly the clauses (missing {missing}, extra {extra}).")
    values = list(answer.values())
    if not all(isinstance(v, (int, float, np.number)) and not isinstance(v, (bool, np.bool_)) for v in values):
        return ("每个权重都应是数字。", "Every weight should be a number.")
    if not all(math.isfinite(float(v)) and float(v) > 0 for v in values):
        return ("每个条款的对方权重都应大于 0：对方对每个条款都有所关心。",
                "Every clause's weight should be > 0: they care about each clause somewhat.")
    total = float(sum(float(v) for v in values))
    if abs(total - 100) > 1e-6:
        return (f"对方权重合计 {total:g}，应为 100（可用 kl.course.m05.to_100 换算）。",
                f"Their weights add up to {total:g}, not 100 (kl.course.m05.to_100 rescales them).")
    return None


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    reason = _q2_reason(answer, clause_names(ctx.load(DATASET)))
    return Verdict(True, 1.0) if reason is None else _fail(*reason)


def _reference(ctx: Context) -> tuple[Any, Verdict | None]:
    """The concession matrix of *ctx*'s data with the trainee's q2 (and q1), or why there is none."""
    clauses = ctx.load(DATASET)
    q2 = ctx.answers.get("q2", ...)
    if q2 is Ellipsis or _q2_reason(q2, clause_names(clauses)) is not None:
        return None, _fail("这一题要用你在练习 2 中估计的对方权重（q2）来核对：请先完成练习 2 并运行它的检查单元格。",
                           "This question is checked with your estimate of their weights from exercise 2 (q2): "
                           "answer exercise 2 first and run its check cell.")
    try:
        core = core_list(ctx.answers.get("q1", ...), clauses)
    except BadValueError:
        core = None
    return matrix(clauses, their_weights=q2, core=core if core is not None else ...), None


def _close(a: Any, b: Any) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-6)
    except (TypeError, ValueError):
        return False


def _same_package(got: Any, ref: Mapping[str, Any], names: Sequence[str]) -> bool:
    return isinstance(got, Mapping) and all(str(got.get(n, "")).strip() == str(ref[n]) for n in names)


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    m, why = _reference(ctx)
    if why is not None:
        return why
    if not isinstance(answer, Mapping):
        return _fail("答案应是 m.nash() 的结果（条款 → 选项，加上双方效用）。",
                     "The answer should be the result of m.nash() (clause -> option, plus both utilities).")
    ref = m.nash()
    names = [c.name for c in m.clauses]
    if not _same_package(answer, ref, names):
        return _fail("这不是用你估计的对方权重建出的让步矩阵的纳什点：请用 q2 建矩阵，再调用 m.nash()。",
                     "This is not the Nash point of the matrix built with your estimate of their weights: "
                     "build the matrix with q2, then call m.nash().")
    if not (_close(answer.get("u_us"), ref["u_us"]) and _close(answer.get("u_them"), ref["u_them"])):
        return _fail("方案对了，但双方效用和计算结果不一致。", "The package is right but the utilities do not match.")
    return Verdict(True, 1.0)


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    m, why = _reference(ctx)
    if why is not None:
        return why
    if not (isinstance(answer, Mapping) and isinstance(answer.get("package"), Mapping)):
        return _fail("答案应是 kl.course.m05.assess(m, {...}) 的结果。",
                     "The answer should be the result of kl.course.m05.assess(m, {...}).")
    try:
        ref = assess(m, answer["package"])
    except ValueError:
        return _fail("方案里的条款或选项不对：每个条款选一个已有的选项。",
                     "The package has a wrong clause or option: pick one listed option per clause.")
    numbers = all(_close(answer.get(k), ref[k]) for k in ("u_us", "u_them", "value_left"))
    flags = all(bool(answer.get(k)) == ref[k] for k in ("feasible", "on_frontier"))
    problems = isinstance(answer.get("problems"), (list, tuple)) and \
        set(map(str, answer["problems"])) == set(ref["problems"])
    if not (numbers and flags and problems):
        return _fail("效用、可行性、桌上剩余价值或问题条款和对你的方案重新计算的结果不一致："
                     "请用 kl.course.m05.assess(m, 方案) 计算，不要手工填写。",
                     "The utilities, feasibility, value left or problem clauses differ from a fresh evaluation "
                     "of your package: compute them with kl.course.m05.assess(m, package), do not type them.")
    return Verdict(True, 1.0)


_PLAN_KEYS = ("give_clause", "give_from", "give_to", "get_clause", "get_from", "get_to")


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    m, why = _reference(ctx)
    if why is not None:
        return why
    table = getattr(answer, "table", answer)
    if isinstance(table, (list, tuple)) and all(isinstance(r, Mapping) for r in table):
        table = pd.DataFrame(list(table))
    if not isinstance(table, pd.DataFrame) or not set(_PLAN_KEYS) <= set(table.columns):
        return _fail("答案应是交换计划的前两步：m.trade_plan().head(2)。",
                     "The answer should be the first two steps of the trade plan: m.trade_plan().head(2).")
    ref = m.trade_plan().head(2)
    if len(table) != len(ref):
        return _fail(f"需要交换计划的前 {len(ref)} 步，收到 {len(table)} 步。",
                     f"The first {len(ref)} steps of the trade plan are needed; got {len(table)}.")
    got = table[list(_PLAN_KEYS)].astype(str).to_numpy()
    want = ref[list(_PLAN_KEYS)].astype(str).to_numpy()
    if not (got == want).all():
        return _fail("这两步和用你的核心条款、对方权重算出的交换计划不一致：请调用 m.trade_plan()。",
                     "These steps differ from the trade plan your core clauses and weight estimate give: "
                     "call m.trade_plan().")
    return Verdict(True, 1.0)


def _check_q6(answer: Any, ctx: Context) -> Verdict:
    m, why = _reference(ctx)
    if why is not None:
        return why
    if not (isinstance(answer, Mapping) and "log" in answer):
        return _fail("答案应是 kl.course.m05.review_log(m, [...]) 的结果。",
                     "The answer should be the result of kl.course.m05.review_log(m, [...]).")
    try:
        ref = review_log(m, answer["log"])
    except ValueError:
        return _fail("记录里有不对的轮次、一方、条款或选项：运行答案单元格看具体提示。",
                     "The log has a wrong round, side, clause or option: run the answer cell for details.")
    same = answer.get("rounds") == ref["rounds"] and bool(answer.get("feasible")) == ref["feasible"] and \
        len(answer.get("unanswered") or []) == len(ref["unanswered"]) and \
        _same_package(answer.get("final"), ref["final"], list(ref["final"]))
    if not same:
        return _fail("轮数、无交换的让步或成交方案和对这份记录重新检查的结果不一致：请用 kl.course.m05.review_log 检查。",
                     "The rounds, unanswered concessions or final package differ from a fresh review of this "
                     "log: check it with kl.course.m05.review_log.")
    parts_zh, parts_en = [], []
    if ref["rounds"] < MIN_ROUNDS:
        parts_zh.append(f"只有 {ref['rounds']} 轮，至少要 {MIN_ROUNDS} 轮")
        parts_en.append(f"only {ref['rounds']} rounds, at least {MIN_ROUNDS} needed")
    if ref["unanswered"]:
        parts_zh.append(f"有 {len(ref['unanswered'])} 次我方让步没有换到对方的让步（无交换不让步）")
        parts_en.append(f"{len(ref['unanswered'])} concessions of ours got nothing in exchange")
    if not ref["feasible"]:
        parts_zh.append("成交方案有条款低于我方底线")
        parts_en.append("the final package has a clause below our walk-away")
    if not parts_zh:
        return Verdict(True, 1.0)
    return _fail("；".join(parts_zh), "; ".join(parts_en), score=(3 - len(parts_zh)) / 3)


BANK = QuestionBank(
    module=MODULE,
    title=("双赢协议谈判", "Win-win agreement negotiation"),
    datasets=(DATASET, "chains"),
    questions=(
        Question(
            key="q1", points=2.0,
            prompt=("把 8 个协议条款分成核心条款和可让步条款。",
                    "Sort the 8 agreement clauses into core and tradeable clauses."),
            check=_check_q1,
            hint=(f"用 kl.course.m05.split(clauses, top=..., extra=[...])；按我方权重最重要的前 {CORE_TOP} 个必须是核心，"
                  f"至少留 {MIN_TRADEABLE} 个可让步条款。",
                  f"Use kl.course.m05.split(clauses, top=..., extra=[...]); our {CORE_TOP} most important clauses "
                  f"must be core, and keep at least {MIN_TRADEABLE} tradeable.")),
        Question(
            key="q2", points=2.0,
            prompt=("估计对方（连锁）对每个条款的重视程度：对方权重，每个大于 0，合计 100。",
                    "Estimate how much the chain cares about each clause: their weights, each > 0, summing to 100."),
            check=_check_q2,
            hint=("8 个条款都要有权重，都大于 0；用 kl.course.m05.to_100({...}) 换算成合计 100。",
                  "Give all 8 clauses a weight > 0; kl.course.m05.to_100({...}) rescales them to sum to 100.")),
        Question(
            key="q3", points=2.0,
            prompt=("用你估计的对方权重建让步矩阵，找出纳什点方案。",
                    "Build the concession matrix with your estimate of their weights and find the Nash package."),
            check=_check_q3,
            hint=("m = kl.course.m05.matrix(clauses, their_weights=q2, core=q1)，再用 m.nash()。",
                  "m = kl.course.m05.matrix(clauses, their_weights=q2, core=q1), then m.nash().")),
        Question(
            key="q4", points=3.0,
            prompt=("提出你的协议方案，评估双方效用、桌上剩余的价值和违反的条款。",
                    "Make your proposal and evaluate both utilities, the value left on the table and violations."),
            check=_check_q4,
            hint=("每个条款选一个选项，用 kl.course.m05.assess(m, {...}) 评估。",
                  "Pick one option per clause and evaluate it with kl.course.m05.assess(m, {...}).")),
        Question(
            key="q5", points=2.0,
            prompt=("交换计划：我方先在哪两处让步，各换取对方哪一项让步？",
                    "Trade plan: where do we give first (two steps), and what do we get for each?"),
            check=_check_q5,
            hint=("用 m.trade_plan().head(2)：先让对方看重、我方不太看重的条款。",
                  "Use m.trade_plan().head(2): give first where they care more than we do.")),
        Question(
            key="q6", points=4.0,
            prompt=(f"角色扮演：记录谈判过程（至少 {MIN_ROUNDS} 轮），做到无交换不让步，成交方案不低于底线。",
                    f"Role play: log the negotiation (at least {MIN_ROUNDS} rounds), never concede without exchange, "
                    f"and close no clause below walk-away."),
            check=_check_q6,
            hint=("每一轮我方让步，同一轮或下一次我方让步之前，对方要有一项让步；用 kl.course.m05.review_log(m, [...]) 检查。",
                  "Each concession of ours needs one of theirs in the same round or before our next concession; "
                  "check it with kl.course.m05.review_log(m, [...]).")),
        Question(
            key="q7", points=3.0,
            prompt=("聚焦利益而非立场：你在角色扮演中发现了对方哪个立场背后的什么利益？你如何用开放选项回应？（讲师评分）",
                    "Interests, not positions: which interest did you find behind which of their positions, and "
                    "which option did you offer in response? (scored by the instructor)"),
            check=None, manual=True),
    ),
)
