"""The decision model of m03: the helpers the answer cells call (gaps, doubts, picks, the q1 line).

Examples
--------
>>> import kamlab as kl
>>> opp = kl.opportunity.matrix(kl.datasets.load("needs"), account="C18")
>>> pick(opp, rule="priority")
['N137', 'N143', 'N144']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..._errors import BadValueError
from ..._i18n import localized
from ...opportunity import LOW_MATCH_IMPLICIT, STRONG_PRESSURE, WEAK_BASE, collection_plan, evidence_scores, matrix, with_scores
from ._case import _QUADRANTS, MSGS, NONE, REASONS, RULES

def scored_matrix(needs: pd.DataFrame, q3: Any) -> Any:
    """The opportunity matrix of your own scores (exercise 3), or None with a note while they are not complete.

    Examples
    --------
    >>> import kamlab as kl
    >>> needs = kl.datasets.load("needs")
    >>> scores = {"N137": [4, 5], "N138": [3, 4]}
    >>> scored_matrix(needs, scores).table["quadrant"].tolist()
    ['优先落地', '优先落地']
    >>> scored_matrix(needs, {"N137": [None, None]})
    先完成练习 3 的评分，这里才会画出你的机会矩阵。
    """
    try:
        if not isinstance(q3, Mapping):
            raise TypeError("q3")
        return matrix(with_scores(needs, q3))
    except (TypeError, ValueError):
        print(MSGS("need_q3"))
        return None


def gaps(needs: pd.DataFrame, account: str) -> dict[str, Any]:
    """The kind × channel cells with no need gathered for *account* (the collection plan's gaps).

    Returns
    -------
    dict
        ``{"account": account, "uncovered": [(kind, channel), ...]}`` — the
        account travels with the answer, so the check recomputes it exactly.

    Examples
    --------
    >>> import kamlab as kl
    >>> gaps(kl.datasets.load("needs"), "C18")
    {'account': 'C18', 'uncovered': [('隐性', '门店')]}
    """
    plan = collection_plan(needs, account=account)
    return {"account": str(account), "uncovered": [tuple(cell) for cell in plan.uncovered] or [NONE]}


def rubric_scores(needs: pd.DataFrame, account: str) -> dict[str, list[int]]:
    """The scores of *account*'s needs by the course rubric: ``{need_id: [match, value]}`` (exercise 3's answer).

    Examples
    --------
    >>> import kamlab as kl
    >>> rubric_scores(kl.datasets.load("needs"), "C18")["N137"]
    [4, 5]
    """
    t = evidence_scores(needs)
    t = t[t["account_id"].astype(str) == str(account)]
    return {str(i): [int(m), int(v)] for i, m, v in t[["need_id", "match", "value"]].itertuples(index=False)}


def doubtful_act_now(q: Any) -> list[str]:
    """The doubtful opportunities of the act-now quadrant of a matrix (exercise 4's answer), or ``["none"]``.

    Examples
    --------
    >>> import kamlab as kl
    >>> doubtful_act_now(kl.opportunity.matrix(kl.datasets.load("needs"), account="C18"))
    ['N137']
    """
    table = _table(q)
    act = _codes(table).eq("act_now") & _reason_codes(table).any(axis=1)
    return [str(i) for i in table.index[act.to_numpy()]] or [NONE]


def _table(q3: Any) -> pd.DataFrame:
    table = getattr(q3, "table", q3)
    if not isinstance(table, pd.DataFrame):
        raise BadValueError("q3 应该是 kl.opportunity.matrix(...) 的结果。",
                            "q3 should be the result of kl.opportunity.matrix(...).", column="q3")
    return table


def _codes(table: pd.DataFrame) -> pd.Series:
    if "quadrant_code" in table.columns:
        return table["quadrant_code"].astype(str)
    back = {label: code for code, labels in _QUADRANTS.items() for label in labels}
    return table["quadrant"].map(back).astype(str)


def _reason_codes(table: pd.DataFrame) -> pd.DataFrame:
    """One boolean column per doubt rule, recomputed from the score columns."""
    out = pd.DataFrame(index=table.index)
    out["base"] = (table["base_score"] < WEAK_BASE) if "base_score" in table.columns else False
    out["pressure"] = (table["competitor_pressure"] >= STRONG_PRESSURE) \
        if "competitor_pressure" in table.columns else False
    kind = table["kind"].astype(str).map({"显性": "显性", "隐性": "隐性", "explicit": "显性", "implicit": "隐性"})
    out["implicit"] = kind.eq("隐性") & (table["match"] <= LOW_MATCH_IMPLICIT)
    return out


def doubtful(q3: Any) -> dict[str, list[str]]:
    """The doubtful opportunities of the matrix *q3* and why (验证可行性), best rank first.

    Returns
    -------
    dict
        need id -> the short reasons (动销基础薄弱, 竞品压力大,
        隐性需求匹配度低; in the current language).  ``{}`` while *q3* is
        unanswered.

    Examples
    --------
    >>> import kamlab as kl
    >>> opp = kl.opportunity.matrix(kl.datasets.load("needs"), account="C18")
    >>> doubtful(opp)
    {'N137': ['竞品压力大'], 'N141': ['竞品压力大']}
    """
    if q3 is Ellipsis:
        return {}
    table = _table(q3)
    if "rank" in table.columns:
        table = table.assign(_id=table.index.astype(str)).sort_values(["rank", "_id"], kind="stable")
    flags = _reason_codes(table)
    out: dict[str, list[str]] = {}
    for idx, row in zip(table.index.astype(str), flags.to_numpy()):
        reasons = [localized(*REASONS[code]) for code, on in zip(flags.columns, row) if on]
        if reasons:
            out[idx] = reasons
    return out


def _order(table: pd.DataFrame, rule: str) -> list[str]:
    t = table.assign(_id=table.index.astype(str))
    if "rank" not in t.columns:
        t = t.assign(rank=(-t["priority"]).rank(method="first"))
    codes = _codes(table).to_numpy()
    feasible = _reason_codes(table).any(axis=1).to_numpy() == False  # noqa: E712
    if rule == "tool":
        key = t.assign(_other=codes != "act_now", _doubt=~feasible)
        key = key.sort_values(["_other", "_doubt", "rank", "_id"], kind="stable")
    elif rule == "priority":
        key = t.sort_values(["rank", "_id"], kind="stable")
    elif rule == "act_now":
        key = t.assign(_other=codes != "act_now").sort_values(["_other", "rank", "_id"], kind="stable")
    else:
        raise BadValueError(f"未知的选取规则 {rule!r}：可选 {list(RULES)}。",
                            f"Unknown picking rule {rule!r}: choose one of {list(RULES)}.", column="rule")
    return key["_id"].tolist()


def pick(q3: Any, k: int = 3, rule: str = "tool") -> list[str]:
    """The *k* opportunities picked from the matrix *q3* by *rule* (need ids, in pick order).

    Parameters
    ----------
    q3 : OpportunityResult or its table
    k : int
        How many (3 in the course).
    rule : {"tool", "priority", "act_now"}
        ``"tool"`` is ``q3.top(k)``: 优先落地 first, feasible before doubtful,
        then by rank.  ``"priority"`` takes the best ranks only;
        ``"act_now"`` the best ranks of 优先落地, ignoring feasibility.

    Examples
    --------
    >>> import kamlab as kl
    >>> opp = kl.opportunity.matrix(kl.datasets.load("needs"), account="C18")
    >>> pick(opp) == opp.top(3).index.tolist()
    True
    >>> pick(opp, rule="priority")
    ['N137', 'N143', 'N144']
    """
    if q3 is Ellipsis:
        return []
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise BadValueError(f"k 应是正整数（例如 3），收到 {k!r}。",
                            f"k must be a positive whole number (e.g. 3); got {k!r}.", column="k")
    return _order(_table(q3), rule)[: int(k)]


def quiz_line(values: Mapping[str, Any], name: str = "q1") -> str:
    """The q1 answer line for the quiz form's choices (``"显性·总部"`` or a pair; None skipped).

    Examples
    --------
    >>> quiz_line({"社区健康讲座": ("隐性", "外部"), "店员卖点话术": None})
    'q1 = {"社区健康讲座": ("隐性", "外部"), "店员卖点话术": None}'
    """
    parts = []
    for key, value in values.items():
        if value is None:
            parts.append(f'"{key}": None')
            continue
        kind, channel = value.split("·") if isinstance(value, str) else value
        parts.append(f'"{key}": ("{kind}", "{channel}")')
    return f"{name} = {{{', '.join(parts)}}}"
