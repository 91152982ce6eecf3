"""m08 model: the key account, the trainee's plan read back from an answer, and its views.

Examples
--------
>>> key_account(None, {"m02": {"q5": "C18"}})
'C18'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...actionplan import LAYERS, MODULES, ActionPlan, layer_of, summary_layers, validate
from ._case import TODAY
from ._messages import MSGS


def key_account(account: Any, collected: Any = None) -> str | None:
    """The key account: the ``account`` parameter, else the one chosen in m02 (from the collected answers).

    Examples
    --------
    >>> key_account("C07"), key_account(None, {"m02": {"q5": "C18"}}), key_account(None)
    ('C07', 'C18', None)
    """
    if isinstance(account, str) and account.strip():
        return account.strip()
    answers = getattr(collected, "answers", collected)
    if isinstance(answers, Mapping):
        chosen = (answers.get("m02") or {}).get("q5")
        if isinstance(chosen, str) and chosen.strip():
            return chosen.strip()
    return None


def plan_or_none(q2: Any) -> Any:
    """The trainee's plan (exercise 2) as an :class:`~kamlab.actionplan.ActionPlan`, or None.

    Examples
    --------
    >>> plan_or_none(...) is None, plan_or_none("计划") is None
    (True, True)
    """
    if q2 is Ellipsis or q2 is None:
        return None
    try:
        return ActionPlan(q2)
    except (ValueError, TypeError):
        return None


def _report(plan: Any) -> str:
    problems = validate(plan, today=TODAY)
    if not problems:
        return MSGS("plan_ok")
    return "\n".join(("✗ " if p.severity == "error" else "! ") + p.message for p in problems)


def plan_view(q2: Any) -> None:
    """Show a q2 plan: ✓ or its problems, then its Gantt chart (a note while not answered).

    Examples
    --------
    >>> plan_view(...)
    先完成练习 2（行动计划）。
    """
    plan = plan_or_none(q2)
    if plan is None:
        print(MSGS("need_q2"))
        return None
    print(_report(plan))
    plan.plot(today=TODAY)
    return None


def coverage_view(q2: Any) -> None:
    """The three layers with the modules of the plan's tasks marked.

    Examples
    --------
    >>> coverage_view(...)
    先完成练习 2（行动计划）。
    """
    plan = plan_or_none(q2)
    if plan is None:
        print(MSGS("need_q2"))
        return None
    marks: dict[str, str] = {}
    for i, task in enumerate(plan.tasks, start=1):
        if task["module"] in MODULES:
            marks[task["module"]] = (marks.get(task["module"], "") + f" {i}").strip()
    covered = {layer_of(m) for m in marks}
    print(MSGS("covered", layers="、".join(layer.name for layer in LAYERS if layer.code in covered) or "—"))
    summary_layers().plot(highlight={m: MSGS("task_n", i=v) for m, v in marks.items()})
    return None


def tree_view(q4: Any) -> None:
    """Draw the q4 outcome tree (a note while exercise 4 is not answered).

    Examples
    --------
    >>> tree_view(...)
    先完成练习 4（学习成果树）。
    """
    if not hasattr(q4, "plot") or not hasattr(q4, "table"):
        print(MSGS("need_q4"))
        return None
    q4.plot()
    return None
