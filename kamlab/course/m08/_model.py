"""m08 model: the key account, the trainee's plan read back from an answer, the candidate tasks, and views.

Examples
--------
>>> key_account(None, {"m02": {"q5": "C18"}})
'C18'
>>> not_ready()
['T2', 'T3', 'T5']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..._i18n import get_language
from ...actionplan import LAYERS, MODULES, ActionPlan, layer_of, outcome_tree, summary_layers, validate
from ._case import CANDIDATES, CANDIDATES_EN, TODAY
from ._messages import MSGS

#: The checkpoints the candidate tasks are screened with (one a month: the tasks alone are judged).
_CANDIDATE_CHECKPOINTS = ("2026-11-30", "2026-12-31", "2027-01-29")
#: Plan-level problem codes that do not belong to one task.
_PLAN_LEVEL = {"count", "no_checkpoint", "bad_checkpoint", "checkpoint_gap"}


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


def plan_or_none(plan: Any) -> Any:
    """The trainee's plan (exercise 3) as an :class:`~kamlab.actionplan.ActionPlan`, or None.

    Examples
    --------
    >>> plan_or_none(...) is None, plan_or_none("计划") is None
    (True, True)
    """
    if plan is Ellipsis or plan is None:
        return None
    try:
        return ActionPlan(plan)
    except (ValueError, TypeError):
        return None


def candidate_problems() -> dict[str, list[str]]:
    """Why each draft task of exercise 2 is not a 落地任务: ``id -> [problem, ...]`` (empty when it qualifies).

    Judged by :func:`kamlab.actionplan.validate` (owner, a number in the result,
    due within 3 months of the course day), task by task.

    Examples
    --------
    >>> candidate_problems()["T1"], len(candidate_problems()["T2"])
    ([], 3)
    """
    tasks = [{k: v for k, v in c.items() if k != "id"} for c in CANDIDATES]
    found = validate({"tasks": tasks, "checkpoints": list(_CANDIDATE_CHECKPOINTS)}, today=TODAY)
    out: dict[str, list[str]] = {c["id"]: [] for c in CANDIDATES}
    for p in found:
        if p.severity == "error" and p.code not in _PLAN_LEVEL and p.item is not None:
            out[CANDIDATES[p.item - 1]["id"]].append(str(p))
    return out


def not_ready() -> list[str]:
    """The draft tasks of exercise 2 that are not 落地任务 (:func:`candidate_problems`)."""
    return [cid for cid, found in candidate_problems().items() if found]


def candidates_table() -> pd.DataFrame:
    """The six draft tasks as a trainee reads them (column names in the current language).

    Examples
    --------
    >>> candidates_table().columns.tolist()[:3]
    ['任务', '来自模块 m01–m07', '针对的发现']
    """
    cols = ("task", "module", "finding", "owner", "measure", "start", "due")
    table = pd.DataFrame([{c: candidate_text(cand, c) for c in cols} for cand in CANDIDATES],
                         index=pd.Index([c["id"] for c in CANDIDATES], name=MSGS("id")))
    return table.rename(columns={c: MSGS(c) for c in cols})


def candidate_text(candidate: Mapping[str, str], field: str) -> str:
    """A field of a draft task in the current language (dates and modules are the same in both).

    Examples
    --------
    >>> candidate_text(CANDIDATES[1], "task")
    '加强客情关系'
    """
    if get_language() == "en":
        return CANDIDATES_EN.get(candidate["id"], {}).get(field, candidate[field])
    return candidate[field]


def plan_layers(plan: Any) -> list[str]:
    """The layer codes the modules of *plan*'s tasks belong to, in course order.

    Examples
    --------
    >>> plan_layers({"tasks": [{"task": "x", "module": "m07"}, {"task": "y", "module": "m06"}], "checkpoints": []})
    ['execution', 'optimisation']
    """
    read = plan_or_none(plan)
    if read is None:
        return []
    found = {layer_of(t["module"]) for t in read.tasks if t["module"] in MODULES}
    return [layer.code for layer in LAYERS if layer.code in found]


def _report(plan: Any) -> str:
    problems = validate(plan, today=TODAY)
    if not problems:
        return MSGS("plan_ok")
    return "\n".join(("✗ " if p.severity == "error" else "! ") + p.message for p in problems)


def plan_view(plan: Any) -> None:
    """Show a plan of exercise 3: ✓ or its problems, then its Gantt chart (a note while not answered).

    Examples
    --------
    >>> plan_view(...)
    先完成练习 3（行动计划）。
    """
    read = plan_or_none(plan)
    if read is None:
        print(MSGS("need_q3"))
        return None
    print(_report(read))
    read.plot(today=TODAY)
    return None


def _marks(plan: Any) -> dict[str, str]:
    marks: dict[str, str] = {}
    for i, task in enumerate(plan.tasks, start=1):
        if task["module"] in MODULES:
            marks[task["module"]] = (marks.get(task["module"], "") + f" {i}").strip()
    return marks


def coverage_chart(plan: Any) -> None:
    """The three layers with the modules of the plan's tasks marked (a note while not answered).

    Examples
    --------
    >>> coverage_chart(...)
    先完成练习 3（行动计划）。
    """
    read = plan_or_none(plan)
    if read is None:
        print(MSGS("need_q3"))
        return None
    summary_layers().plot(highlight={m: MSGS("task_n", i=v) for m, v in _marks(read).items()})
    return None


def tree_view(collected: Any, plan: Any, account: Any = None) -> Any:
    """Draw the learning-outcome tree of the collected answers, the plan's tasks hung on their modules.

    Examples
    --------
    >>> import kamlab as kl
    >>> tree = tree_view(kl.actionplan.collect_answers("/nonexistent"), ...)
    >>> tree.table.loc["m03.result", "label"]
    '未完成'
    """
    tree = outcome_tree(collected, plan=plan_or_none(plan), account=account)
    tree.plot()
    return tree


def layer_names(codes: Any) -> str:
    """Layer codes as names in the current language, joined."""
    names = {layer.code: (layer.zh if get_language() == "zh" else layer.en) for layer in LAYERS}
    return ("、" if get_language() == "zh" else ", ").join(names.get(c, str(c)) for c in codes) or "—"
