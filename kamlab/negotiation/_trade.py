"""Trade plan and negotiation-log check: 无交换不让步 (no concession without exchange).

Examples
--------
>>> import pandas as pd
>>> from kamlab.negotiation import ConcessionMatrix
>>> m = ConcessionMatrix({
...     "供货折扣": {"options": ["5%", "8%"], "ours": [100, 60], "theirs": [0, 100], "our_weight": 30,
...                  "their_weight": 50, "opening": "5%", "target": "8%", "walk_away": "8%"},
...     "回款账期": {"options": ["30天", "60天"], "ours": [100, 40], "theirs": [20, 100], "our_weight": 70,
...                  "their_weight": 30, "opening": "30天", "target": "30天", "walk_away": "30天"}})
>>> plan = trade_plan(m)
>>> plan.loc[1, ["give_clause", "give_to", "get_clause", "get_to"]].tolist()
['供货折扣', '8%', '回款账期', '30天']
>>> log = pd.DataFrame({"step": [1, 2], "side": ["我方", "我方"], "clause": ["供货折扣"] * 2,
...                     "option": ["5%", "8%"]})
>>> check_log(m, log)["to"].tolist()
['8%']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .._errors import BadValueError
from .._i18n import Messages
from .._problems import did_you_mean
from .._validate import numeric_column, require_columns, require_table
from ._clause_table import _text_column
from ._clauses import Clause

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._matrix import ConcessionMatrix

__all__ = ["trade_plan", "check_log", "PLAN_COLUMNS", "LOG_COLUMNS", "CHECK_COLUMNS", "SIDES"]

PLAN_COLUMNS = ("give_clause", "give_from", "give_to", "get_clause", "get_from", "get_to",
                "give_ratio", "get_ratio", "du_us", "du_them", "explanation")
LOG_COLUMNS = ("step", "side", "clause", "option")
CHECK_COLUMNS = ("step", "clause", "from", "to", "reason")
#: Accepted spellings of the two sides in a negotiation log.
SIDES = {"us": "us", "them": "them", "我方": "us", "对方": "them"}

MSGS = Messages({
    "explain": (
        "第 {step} 步：我方在「{give}」让步 '{give_from}' → '{give_to}'（对方/我方权重比 {give_ratio:.2f}，"
        "对我方代价相对最小），换取对方在「{get}」让步 '{get_from}' → '{get_to}'（比值 {get_ratio:.2f}，"
        "对我方相对最重要）。我方效用 {du_us:+.2f}，对方效用 {du_them:+.2f}。",
        "Step {step}: we give on '{give}' '{give_from}' -> '{give_to}' (their/our weight ratio {give_ratio:.2f}, "
        "relatively cheapest for us) in exchange for their move on '{get}' '{get_from}' -> '{get_to}' "
        "(ratio {get_ratio:.2f}, relatively most valuable to us). Our utility {du_us:+.2f}, "
        "theirs {du_them:+.2f}."),
    "reason_next": (
        "我方在第 {step} 步把「{clause}」从 '{frm}' 让到 '{to}'，但在我方下一次让步（第 {next} 步）之前，"
        "对方没有作出让步作为交换（无交换不让步）。",
        "At step {step} we conceded '{clause}' from '{frm}' to '{to}', but they made no concession in exchange "
        "before our next concession (step {next}) — no concession without exchange."),
    "reason_end": (
        "我方在第 {step} 步把「{clause}」从 '{frm}' 让到 '{to}'，但此后对方没有作出让步作为交换（无交换不让步）。",
        "At step {step} we conceded '{clause}' from '{frm}' to '{to}', but they made no concession in exchange "
        "afterwards — no concession without exchange."),
    "reason_short": (
        "我方在第 {step} 步一共让步 {ours} 次，而对方在我方下一次让步之前只让步 {theirs} 次："
        "「{clause}」从 '{frm}' 到 '{to}' 这一项没有得到交换（无交换不让步）。",
        "At step {step} we made {ours} concessions but they made only {theirs} before our next one: "
        "'{clause}' from '{frm}' to '{to}' got nothing in exchange — no concession without exchange."),
    "err_side": (
        "表 log 列 'side' 第 {row} 行的值 {value!r} 无效。请填写 us / them（或 我方 / 对方）。",
        "Table log, column 'side', row {row}: {value!r} is not a side. Use us / them (or 我方 / 对方)."),
    "err_step": (
        "表 log 列 'step' 第 {row} 行的值 {value:g} 不是整数。请填写 1、2、3 这样的步骤号。",
        "Table log, column 'step', row {row}: {value:g} is not a whole number. Use step numbers 1, 2, 3, ..."),
    "err_clause": (
        "表 log 列 'clause' 第 {row} 行的条款 '{value}' 不存在{hint_zh}。可用条款：{valid_zh}。",
        "Table log, column 'clause', row {row}: unknown clause '{value}'{hint_en}. Known clauses: {valid_en}."),
    "err_option": (
        "表 log 列 'option' 第 {row} 行：条款 '{clause}' 没有选项 '{value}'。请从以下选项中选择：{valid_zh}。",
        "Table log, column 'option', row {row}: clause '{clause}' has no option '{value}'. "
        "Choose one of: {valid_en}."),
})


# ---------------------------------------------------------------------- trade plan
def _give_path(c: Clause) -> list[tuple[int, int]]:
    """Our steps on *c*: from opening towards target, smallest loss for us each time."""
    cur, floor, steps = c.index(c.opening), c.score_ours(c.target), []
    while True:
        cands = [j for j in range(len(c.options))
                 if floor <= c.ours[j] < c.ours[cur] and c.theirs[j] > c.theirs[cur]]
        if not cands:
            return steps
        nxt = max(cands, key=lambda j: (c.ours[j], c.theirs[j], -j))
        steps.append((cur, nxt))
        cur = nxt


def _get_path(c: Clause) -> list[tuple[int, int]]:
    """Their steps on *c*: from their best option towards our target, smallest loss for them each time."""
    n = range(len(c.options))
    cur = max(n, key=lambda j: (c.theirs[j], c.ours[j], -j))
    goal, steps = c.score_ours(c.target), []
    while True:
        cands = [j for j in n if c.ours[cur] < c.ours[j] <= goal and c.theirs[j] < c.theirs[cur]]
        if not cands:
            return steps
        nxt = max(cands, key=lambda j: (c.theirs[j], c.ours[j], -j))
        steps.append((cur, nxt))
        cur = nxt


def trade_plan(m: "ConcessionMatrix") -> "pd.DataFrame":
    """Pair each of our concessions with one of theirs (无交换不让步).

    Algorithm (deterministic):

    1. **Gives** (our concessions).  Clauses are taken non-core first, then
       by ratio ``their_weight / our_weight`` descending (they value it,
       we do not), then clause order.  On each clause we step from our
       opening towards our target, never past it (so never past the
       walk-away): each step moves to the option that costs us least among
       those worse for us but better for them.
    2. **Gets** (their concessions we ask for).  Clauses by ratio ascending
       (we value it, they do not), core first on ties, then clause order.
       Their opening is assumed to be the option they score highest; each
       step moves to the option that costs them least among those better
       for us, up to our target.
    3. **Pairing.**  Gives are taken in order; each is paired with the first
       unused get on a clause with a strictly lower ratio (a trade that
       creates value: we give what they value relatively more and get what
       we value relatively more).  A give with no such get left is not made
       — it is dropped from the plan, not given away.

    Parameters
    ----------
    m : ConcessionMatrix

    Returns
    -------
    DataFrame
        Index ``step`` (1, 2, ...); columns give_clause, give_from, give_to,
        get_clause, get_from, get_to, give_ratio, get_ratio, du_us, du_them
        (utility change of the pair for us / for them) and explanation (in
        the current language).  Empty when there is nothing to trade.

    Examples
    --------
    >>> from kamlab.negotiation import ConcessionMatrix
    >>> m = ConcessionMatrix({"A": {"options": ["x", "y"], "ours": [100, 50], "theirs": [0, 100],
    ...     "our_weight": 1, "their_weight": 1, "opening": "x", "target": "y", "walk_away": "y"}})
    >>> len(trade_plan(m))  # one clause: nothing to exchange, so no give
    0
    """
    import pandas as pd

    cs = list(m.clauses)
    pos = {c.name: i for i, c in enumerate(cs)}
    give_order = sorted(cs, key=lambda c: (c.core, -c.ratio, pos[c.name]))
    get_order = sorted(cs, key=lambda c: (c.ratio, not c.core, pos[c.name]))
    gives = [(c, a, b) for c in give_order for a, b in _give_path(c)]
    gets = [(c, a, b) for c in get_order for a, b in _get_path(c)]
    w_us = sum(c.our_weight for c in cs)
    w_them = sum(c.their_weight for c in cs)
    used = [False] * len(gets)
    rows = []
    for g, ga, gb in gives:
        k = next((i for i, (c, _, _) in enumerate(gets) if not used[i] and c.ratio < g.ratio), None)
        if k is None:
            continue
        used[k] = True
        t, ta, tb = gets[k]
        du_us = (g.our_weight * (g.ours[gb] - g.ours[ga]) + t.our_weight * (t.ours[tb] - t.ours[ta])) / w_us
        du_them = (g.their_weight * (g.theirs[gb] - g.theirs[ga])
                   + t.their_weight * (t.theirs[tb] - t.theirs[ta])) / w_them
        row = {"give_clause": g.name, "give_from": g.options[ga], "give_to": g.options[gb],
               "get_clause": t.name, "get_from": t.options[ta], "get_to": t.options[tb],
               "give_ratio": g.ratio, "get_ratio": t.ratio, "du_us": du_us, "du_them": du_them}
        row["explanation"] = MSGS("explain", step=len(rows) + 1, give=g.name, get=t.name, **{
            key: row[key] for key in ("give_from", "give_to", "get_from", "get_to", "give_ratio", "get_ratio",
                                      "du_us", "du_them")})
        rows.append(row)
    index = pd.RangeIndex(1, len(rows) + 1, name="step")
    if not rows:
        return pd.DataFrame({col: pd.Series(dtype=float if col in ("give_ratio", "get_ratio", "du_us", "du_them")
                                            else object) for col in PLAN_COLUMNS}, index=index)
    return pd.DataFrame(rows, columns=list(PLAN_COLUMNS), index=index)


# ---------------------------------------------------------------------- log check
def _clean_log(m: "ConcessionMatrix", log: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    table = "log"
    require_table(log, table=table)
    require_columns(log, LOG_COLUMNS, table=table)
    work = log.loc[:, list(LOG_COLUMNS)].copy()
    if not work.index.is_unique:  # name rows by position when labels repeat
        work = work.reset_index(drop=True)
    step = numeric_column(work, "step", table=table)
    frac = step != step.round()
    if frac.any():
        label = step.index[frac.to_numpy().argmax()]
        raise BadValueError(*MSGS.both("err_step", row=label, value=step.loc[label]), column="step", row=label)
    work["step"] = step.astype(np.int64)
    for col in ("side", "clause", "option"):
        work[col] = _text_column(work, col, table)
    side = work["side"].str.lower().map(SIDES)
    if side.isna().any():
        label = side.index[side.isna().to_numpy().argmax()]
        raise BadValueError(*MSGS.both("err_side", row=label, value=work.loc[label, "side"]), column="side",
                            row=label)
    work["side"] = side
    names = [c.name for c in m.clauses]
    unknown = ~work["clause"].isin(names)
    if unknown.any():
        label = work.index[unknown.to_numpy().argmax()]
        value = work.loc[label, "clause"]
        hint_zh, hint_en = did_you_mean(value, names)
        raise BadValueError(*MSGS.both(
            "err_clause", row=label, value=value, valid_zh="、".join(names), valid_en=", ".join(names),
            hint_zh=hint_zh, hint_en=hint_en), column="clause", row=label)
    scores = pd.DataFrame(
        [(c.name, o, c.ours[i], c.theirs[i]) for c in m.clauses for i, o in enumerate(c.options)],
        columns=["clause", "option", "ours", "theirs"]).set_index(["clause", "option"])
    keys = pd.MultiIndex.from_frame(work[["clause", "option"]])
    known = keys.isin(scores.index)
    if not known.all():
        label = work.index[(~known).argmax()]
        clause = m.clauses[names.index(work.loc[label, "clause"])]
        raise BadValueError(*MSGS.both(
            "err_option", row=label, clause=clause.name, value=work.loc[label, "option"],
            valid_zh="、".join(clause.options), valid_en=", ".join(clause.options)), column="option", row=label)
    looked = scores.reindex(keys)
    work["ours"] = looked["ours"].to_numpy()
    work["theirs"] = looked["theirs"].to_numpy()
    return work


def check_log(m: "ConcessionMatrix", log: "pd.DataFrame") -> "pd.DataFrame":
    """Find our concessions that were not answered by one of theirs (无交换不让步).

    A *concession* is a move by a side, on a clause, to an option worse for
    that side than its own previous offer on that clause (for us a lower
    ``ours`` score, for them a lower ``theirs`` score); a side's first offer
    on a clause is its opening, not a concession.  Rows are taken in
    ``step`` order (rows of one step in table order).  Our concessions are
    grouped by step; the concessions of theirs made from that step up to,
    not including, the step of our next concession answer them one each,
    in table order.  Those left over are flagged.

    Parameters
    ----------
    m : ConcessionMatrix
    log : DataFrame
        Columns ``step`` (int), ``side`` (``us``/``them`` or ``我方``/``对方``),
        ``clause`` and ``option`` (the option that side now offers).  Not
        modified.

    Returns
    -------
    DataFrame
        One row per unanswered concession of ours, indexed by the log's row
        label (by row position if the labels repeat): step, clause, from,
        to, reason (current language).  Empty
        when every concession of ours got one in exchange.

    Raises
    ------
    KamlabInputError
        A missing column, a non-integer step, or an unknown side, clause or
        option (naming the row).

    Examples
    --------
    >>> import pandas as pd
    >>> from kamlab.negotiation import ConcessionMatrix
    >>> m = ConcessionMatrix({
    ...     "A": {"options": ["x", "y"], "ours": [100, 50], "theirs": [0, 100], "our_weight": 1,
    ...           "their_weight": 1, "opening": "x", "target": "y", "walk_away": "y"},
    ...     "B": {"options": ["p", "q"], "ours": [0, 100], "theirs": [100, 0], "our_weight": 1,
    ...           "their_weight": 1, "opening": "q", "target": "q", "walk_away": "p"}})
    >>> log = pd.DataFrame({"step": [1, 1, 2, 2], "side": ["us", "them", "us", "them"],
    ...     "clause": ["A", "B", "A", "B"], "option": ["x", "p", "y", "q"]})
    >>> check_log(m, log).empty
    True
    """
    import pandas as pd

    work = _clean_log(m, log)
    work = work.sort_values("step", kind="mergesort")
    grouped = work.groupby(["side", "clause"], sort=False)
    prev_option = grouped["option"].shift()
    prev_ours = grouped["ours"].shift()
    prev_theirs = grouped["theirs"].shift()
    ours_conc = (work["side"] == "us") & (work["ours"] < prev_ours)
    their_steps = np.sort(work.loc[(work["side"] == "them") & (work["theirs"] < prev_theirs), "step"].to_numpy())
    mine = work.loc[ours_conc, ["step", "clause", "option"]].assign(frm=prev_option[ours_conc])
    steps = np.unique(mine["step"].to_numpy())
    nxt = np.append(steps[1:], np.iinfo(np.int64).max)
    answers = np.searchsorted(their_steps, nxt, "left") - np.searchsorted(their_steps, steps, "left")
    group = np.searchsorted(steps, mine["step"].to_numpy())
    rank = mine.groupby("step", sort=False).cumcount().to_numpy()
    size = mine.groupby("step", sort=False)["step"].transform("size").to_numpy()
    flagged = rank >= answers[group]
    out = mine.loc[flagged]
    reasons = []
    for (step, clause, to, frm), g, k in zip(out[["step", "clause", "option", "frm"]].itertuples(index=False),
                                            group[flagged], size[flagged]):
        fields = {"step": step, "clause": clause, "frm": frm, "to": to}
        if answers[g] > 0:
            reasons.append(MSGS("reason_short", ours=int(k), theirs=int(answers[g]), **fields))
        elif g + 1 < len(steps):
            reasons.append(MSGS("reason_next", next=int(steps[g + 1]), **fields))
        else:
            reasons.append(MSGS("reason_end", **fields))
    result = pd.DataFrame({"step": out["step"].astype(np.int64), "clause": out["clause"],
                           "from": out["frm"].astype(object), "to": out["option"],
                           "reason": pd.Series(reasons, index=out.index, dtype=object)},
                          index=out.index, columns=list(CHECK_COLUMNS))
    result.index.name = log.index.name
    return result
