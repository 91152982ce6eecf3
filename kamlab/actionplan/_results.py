"""The trainee's key result of each module m01–m07, as one short line of the learning-outcome tree.

Built from the recorded answers of that module (m01 their blind spots, m02
their key account, m03 their top opportunities, m04 their service package,
m05 their agreement, m06 their incentive scheme, m07 their root cause).  When
that answer is not there, or not in a form this reader knows, the line says
so: which exercise of the module it looked for and what it holds.

Examples
--------
>>> key_result("m02", {"q5": "C18"})
'重点客户：C18'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from .._dates import short as _short
from .._i18n import Messages, localized
from ._layers import module_code

__all__ = ["key_result", "WANTED"]

MSGS = Messages({
    "answered": ("已作答（{n} 题）", "answered ({n} questions)"),
    "missing": ("已作答 {n} 题，没有找到练习 {q}（{what}）的答案", "{n} answered; no answer to exercise {q} ({what})"),
    "unreadable": ("已作答 {n} 题，练习 {q}（{what}）的答案读不出来", "{n} answered; exercise {q} ({what}) cannot be read"),
    "m01": ("盲区：{x}", "Blind spots: {x}"),
    "m02": ("重点客户：{x}", "Key account: {x}"),
    "m02_param": ("重点客户：{x}（参数）", "Key account: {x} (parameter)"),
    "m03": ("高价值机会：{x}", "Top opportunities: {x}"),
    "m04": ("服务包：{n} 条需求线，预算 {budget} 万元", "Service package: {n} need lines, budget {budget} (10k CNY)"),
    "m05": ("协议方案：我方效用 {us:.1f}，对方 {them:.1f}", "Agreement: our utility {us:.1f}, theirs {them:.1f}"),
    "m05_terms": ("协议方案：{x}", "Agreement: {x}"),
    "m05_nash": ("纳什点：我方效用 {us:.1f}，对方 {them:.1f}", "Nash point: our utility {us:.1f}, theirs {them:.1f}"),
    "m06": ("阶梯激励 {n} 档{cost}", "Tiered incentive, {n} tiers{cost}"),
    "m06_cost": ("，费用占增量 {x:.1%}", ", cost {x:.1%} of incremental sales"),
    "m07": ("根因：{cause}（{group}）", "Root cause: {cause} ({group})"),
})


def _names(answer: Any) -> list[str]:
    """Item names out of a list, a Series/Index or a DataFrame (its index)."""
    if isinstance(answer, pd.DataFrame):
        return [str(i) for i in answer.index]
    if isinstance(answer, (pd.Series, pd.Index)):
        return [str(i) for i in (answer.index if isinstance(answer, pd.Series) and answer.dtype == bool
                                 else answer)]
    if isinstance(answer, (list, tuple)):
        return [str(i) for i in answer]
    if isinstance(answer, str):
        return [answer]
    raise TypeError(type(answer).__name__)


def _join(items: list[str], n: int = 10) -> str:
    return localized("、", ", ").join(_short(i, n) for i in items)


def _r_m01(a: Mapping[str, Any]) -> str:
    return MSGS("m01", x=_join(_names(a["q4"])))


def _r_m02(a: Mapping[str, Any]) -> str:
    value = a["q5"]
    if not isinstance(value, str) or not value.strip():
        raise TypeError("q5")
    return MSGS("m02", x=value.strip())


def _r_m03(a: Mapping[str, Any]) -> str:
    ids = _names(a["q5"])
    table = a.get("q3")
    if isinstance(table, pd.DataFrame) and "need" in table.columns:
        need = {str(k): str(v) for k, v in table["need"].items()}
        ids = [need.get(i, i) for i in ids]
    return MSGS("m03", x=_join(ids, 8))


def _r_m04(a: Mapping[str, Any]) -> str:
    package = a["q2"]
    lines = package["lines"]
    return MSGS("m04", n=len(lines), budget=f"{float(package['budget']):g}")


def _r_m05(a: Mapping[str, Any]) -> str:
    proposal = a.get("q4")
    if isinstance(proposal, Mapping) and "u_us" in proposal:
        return MSGS("m05", us=float(proposal["u_us"]), them=float(proposal["u_them"]))
    if isinstance(proposal, Mapping) and proposal:
        return MSGS("m05_terms", x=_join([f"{k} {v}" for k, v in list(proposal.items())[:2]], 12))
    return MSGS("m05_nash", us=float(a["q3"]["u_us"]), them=float(a["q3"]["u_them"]))


def _r_m06(a: Mapping[str, Any]) -> str:
    scheme = a["q2"]
    cost = ""
    ratio = a.get("q5")
    if isinstance(ratio, (int, float)) and not isinstance(ratio, bool) and ratio == ratio:
        cost = MSGS("m06_cost", x=float(ratio))
    return MSGS("m06", n=len(scheme["tiers"]), cost=cost)


def _r_m07(a: Mapping[str, Any]) -> str:
    if "q6" in a and isinstance(a["q6"], Mapping):
        chain = a["q6"]
        evidence = chain.get("evidence") or [{}]
        group = evidence[0].get("group", "") if isinstance(evidence[0], Mapping) else ""
        return MSGS("m07", cause=str(chain["root_cause"]), group=str(group))
    raise KeyError("q6")              # no root-cause chain: key_result says which exercise is missing


#: The answer each reader looks for: module -> (question, what it is in zh, en).
WANTED: dict[str, tuple[str, str, str]] = {
    "m01": ("q4", "盲区", "blind spots"), "m02": ("q5", "重点客户", "key account"),
    "m03": ("q5", "高价值机会", "top opportunities"), "m04": ("q2", "服务包", "service package"),
    "m05": ("q4", "协议方案", "agreement"), "m06": ("q2", "激励方案", "incentive scheme"),
    "m07": ("q6", "根因链", "root-cause chain")}

_RESULTS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "m01": _r_m01, "m02": _r_m02, "m03": _r_m03, "m04": _r_m04, "m05": _r_m05, "m06": _r_m06, "m07": _r_m07}


def key_result(module: str, answers: Mapping[str, Any] | None, account: str | None = None) -> str | None:
    """The trainee's key result of *module* as a short text, or None when there is none.

    Built from whatever answers are there.  When the answer it reads
    (:data:`WANTED`) is missing or in an unexpected form, the text says
    which exercise it looked for ("已作答 3 题，没有找到练习 4（协议方案）的答案").
    For m02, *account* (the notebook parameter) stands in when m02's answer
    is missing.

    Examples
    --------
    >>> key_result("m07", {"q6": {"root_cause": "铺货", "evidence": [{"group": "C34"}]}})
    '根因：铺货（C34）'
    >>> key_result("m03", {}) is None, key_result("m02", {}, account="C07")
    (True, '重点客户：C07（参数）')
    >>> key_result("m05", {"q7": "聚焦利益"}), key_result("m05", {"q4": "60天"})
    ('已作答 1 题，没有找到练习 4（协议方案）的答案', '已作答 1 题，练习 4（协议方案）的答案读不出来')
    """
    module = module_code(module)
    found = {k: v for k, v in dict(answers or {}).items() if v is not Ellipsis}
    try:
        return _RESULTS[module](found)
    except Exception:  # noqa: BLE001 - any odd answer shape: fall back to a count
        pass
    if module == "m02" and account is not None and str(account).strip():
        return MSGS("m02_param", x=str(account).strip())
    if found:
        key, zh, en = WANTED[module]
        code = "unreadable" if key in found else "missing"
        return MSGS(code, n=len(found), q=key[1:], what=localized(zh, en))
    return None
