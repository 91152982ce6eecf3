"""Checking an action plan (:func:`validate`): every problem, in Chinese and English, errors first.

Each problem is a :class:`~kamlab._problems.Problem` with ``code``,
``field``, ``item`` (1-based task or checkpoint number, None for the whole
plan) and ``severity`` (``"error"``, or ``"warning"`` for ``same_module``).

Examples
--------
>>> [p.code for p in validate({"tasks": [], "checkpoints": []}, today="2026-11-01")]
['count', 'no_checkpoint']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from .._dates import blank as _blank
from .._dates import due_rule, parse_date
from .._dates import short as _short
from .._errors import BadSpecError
from .._i18n import Messages
from .._problems import Problem
from ._layers import module_code
from ._read import HORIZON_DAYS, N_MONTHS, N_TASKS, TODAY, read_today, split_plan

__all__ = ["Problem", "problem", "validate", "errors"]

_DIGIT = re.compile(r"[0-9０-９]")

MSGS = Messages({
    "count": ("计划里有 {n} 项任务：请写 {k} 项（3 个月内的 3 项核心落地任务）。",
              "The plan has {n} tasks: write {k} (3 core tasks to land within 3 months)."),
    "no_task": ("第 {i} 项任务没有写做什么。", "Task {i} does not say what to do."),
    "no_owner": ("第 {i} 项任务「{task}」没有负责人（字段 owner）。请写上负责人，例如 'KA经理 张伟'。",
                 "Task {i} ('{task}') has no owner (field owner). Name one, e.g. 'KAM Zhang Wei'."),
    "no_module": ("第 {i} 项任务「{task}」没有对应到课程模块（字段 module）：{why_zh}请写 m01–m07 中的一个，说明它来自哪个模块的发现。",
                  "Task {i} ('{task}') is not tied to a course module (field module): {why_en}Write one of "
                  "m01-m07: the module whose finding it acts on."),
    "no_finding": ("第 {i} 项任务「{task}」没有写它针对的发现（字段 finding），例如 m07 找到的根本原因。",
                   "Task {i} ('{task}') does not name the finding it acts on (field finding), e.g. the root "
                   "cause found in m07."),
    "no_measure": ("第 {i} 项任务「{task}」没有可衡量的成果（字段 measure）。请写一个带数字的目标，例如 '铺货率到 80%'。",
                   "Task {i} ('{task}') has no measurable result (field measure). Write a target with a number, "
                   "e.g. 'distribution rate to 80%'."),
    "not_measurable": ("第 {i} 项任务「{task}」的成果「{measure}」无法衡量（字段 measure）：请写出数字目标（比率、家数、次数）。",
                       "Task {i} ('{task}'): the result '{measure}' cannot be measured (field measure): include a "
                       "number (a rate, a count of stores, of sessions)."),
    "bad_start": ("第 {i} 项任务「{task}」的开始日期 {value!r} 无法识别（字段 start）。请写成 YYYY-MM-DD。",
                  "Task {i} ('{task}'): start date {value!r} cannot be read (field start). Write YYYY-MM-DD."),
    "bad_due": ("第 {i} 项任务「{task}」的完成日期 {value!r} 无法识别（字段 due）。请写成 YYYY-MM-DD。",
                "Task {i} ('{task}'): due date {value!r} cannot be read (field due). Write YYYY-MM-DD."),
    "due_before_start": ("第 {i} 项任务「{task}」的完成日期 {due} 早于开始日期 {start}（字段 due）。",
                         "Task {i} ('{task}'): due date {due} is before its start {start} (field due)."),
    "due_past": ("第 {i} 项任务「{task}」的完成日期 {due} 早于今天 {today}（字段 due）。",
                 "Task {i} ('{task}'): due date {due} is before today {today} (field due)."),
    "due_far": ("第 {i} 项任务「{task}」的完成日期 {due} 超出 3 个月（今天 {today} 起 {max} 天，最晚 {last}；字段 due）。",
                "Task {i} ('{task}'): due date {due} is beyond 3 months ({max} days from today {today}, at the "
                "latest {last}; field due)."),
    "same_module": ("提醒：第 {i} 项和第 {j} 项任务都来自 {module}。三项任务最好针对不同模块的发现。",
                    "Note: tasks {j} and {i} both draw on {module}. Three tasks are best aimed at findings of "
                    "different modules."),
    "no_checkpoint": ("计划没有月度进展分享日（checkpoints）：请写出 3 个月里每月一次的分享日期。",
                      "The plan has no monthly progress-sharing dates (checkpoints): give one date in each of the "
                      "3 months."),
    "bad_checkpoint": ("第 {i} 个月度分享日 {value!r} {why_zh}（checkpoints）。请写 {today} 之后、{last} 之前的日期 YYYY-MM-DD。",
                       "Sharing date {i} ({value!r}) {why_en} (checkpoints). Use a date YYYY-MM-DD after {today} and "
                       "not after {last}."),
    "cp_unreadable": ("无法识别", "cannot be read"),
    "cp_outside": ("不在 3 个月内", "is not within the 3 months"),
    "checkpoint_gap": ("第 {m} 个月（{first} 至 {last}）没有进展分享日（checkpoints）：每月分享一次落地进展。",
                       "Month {m} ({first} to {last}) has no progress-sharing date (checkpoints): share progress "
                       "every month."),
    "why_missing": ("没有填写。", "it is empty. "),
    "why_bad": ("{value!r} 不是 m01–m07。", "{value!r} is not m01-m07. "),
})


def problem(code: str, field: str, item: int | None = None, *, severity: str = "error", **fields_: Any) -> Problem:
    """The problem *code* of a plan at *field* and *item* (1-based task or checkpoint number).

    Examples
    --------
    >>> p = problem("no_task", "task", 2, i=2)
    >>> p.code, p.field, p.item, p.severity, p.en
    ('no_task', 'task', 2, 'error', 'Task 2 does not say what to do.')
    """
    zh, en = MSGS.both(code, **fields_)
    return Problem(code, zh, en, field=field, item=item, severity=severity)


def validate(plan: Any, today: Any = TODAY) -> list[Problem]:
    """Every problem of an action plan, errors first in task order, the warnings last.

    Parameters
    ----------
    plan : ActionPlan, dict, list of dict or DataFrame
        ``{"tasks": [...], "checkpoints": [...]}`` or just the tasks (then
        there are no checkpoints).  Not modified.
    today : str or date
        The day the plan is made (default: the course date :data:`TODAY`).

    Returns
    -------
    list of Problem
        Empty when the plan is sound.  ``p.severity == "warning"`` for
        ``same_module`` (no marks lost); use :func:`errors` for the rest.

    Examples
    --------
    >>> good = {"tasks": [
    ...     {"task": "C34 补铺", "module": "m07", "finding": "C34 铺货率 55%", "owner": "张伟",
    ...      "measure": "铺货率到 80%", "start": "2026-11-05", "due": "2027-01-15"},
    ...     {"task": "C18 店员激励", "module": "m06", "finding": "阶梯激励方案", "owner": "李娜",
    ...      "measure": "店员推荐率到 50%", "start": "2026-11-10", "due": "2027-01-20"},
    ...     {"task": "重排客户分层", "module": "m02", "finding": "C18 是重点客户", "owner": "张伟",
    ...      "measure": "3 家重点客户有服务包", "start": "2026-11-15", "due": "2026-12-31"}],
    ...     "checkpoints": ["2026-11-30", "2026-12-31", "2027-01-29"]}
    >>> validate(good)
    []
    """
    day = read_today(today)
    tasks, checkpoints = split_plan(plan)
    out: list[Problem] = []
    if len(tasks) != N_TASKS:
        out.append(problem("count", "tasks", n=len(tasks), k=N_TASKS))
    first_of: dict[str, int] = {}
    warnings: list[Problem] = []
    for i, row in enumerate(tasks, start=1):
        task = _short(row["task"]) or f"#{i}"
        if _blank(row["task"]):
            out.append(problem("no_task", "task", i, i=i))
        if _blank(row["owner"]):
            out.append(problem("no_owner", "owner", i, i=i, task=task))
        module = None
        if _blank(row["module"]):
            out.append(problem("no_module", "module", i, i=i, task=task, **_why("why_missing")))
        else:
            try:
                module = module_code(row["module"])
            except BadSpecError:
                out.append(problem("no_module", "module", i, i=i, task=task,
                                   **_why("why_bad", value=row["module"])))
        if module is not None:
            if module in first_of:
                warnings.append(problem("same_module", "module", i, severity="warning", i=i, j=first_of[module],
                                        module=module))
            else:
                first_of[module] = i
        if _blank(row["finding"]):
            out.append(problem("no_finding", "finding", i, i=i, task=task))
        if _blank(row["measure"]):
            out.append(problem("no_measure", "measure", i, i=i, task=task))
        elif not _DIGIT.search(str(row["measure"])):
            out.append(problem("not_measurable", "measure", i, i=i, task=task, measure=_short(row["measure"], 24)))
        start, due = parse_date(row["start"]), parse_date(row["due"])
        if start is None:
            out.append(problem("bad_start", "start", i, i=i, task=task, value=row["start"]))
        broken = due_rule(due, day, HORIZON_DAYS)
        if due is None:
            out.append(problem("bad_due", "due", i, i=i, task=task, value=row["due"]))
        elif start is not None and due < start:
            out.append(problem("due_before_start", "due", i, i=i, task=task, due=due.isoformat(),
                               start=start.isoformat()))
        elif broken is not None:
            code, fields_ = broken
            out.append(problem(code, "due", i, i=i, task=task, **fields_))
    out.extend(_checkpoint_problems(checkpoints, day))
    return out + warnings


def _why(key: str, **fields_: Any) -> dict[str, str]:
    zh, en = MSGS.both(key, **fields_)
    return {"why_zh": zh, "why_en": en}


def _months(day: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The N_MONTHS windows (after start, up to and including end) of the monthly reviews."""
    edges = [(pd.Timestamp(day) + pd.DateOffset(months=k)).date() for k in range(N_MONTHS + 1)]
    return list(zip(edges[:-1], edges[1:]))


def _checkpoint_problems(checkpoints: list[Any], day: dt.date) -> list[Problem]:
    months = _months(day)
    end = months[-1][1]
    if not checkpoints:
        return [problem("no_checkpoint", "checkpoints")]
    out: list[Problem] = []
    dates = []
    for i, value in enumerate(checkpoints, start=1):
        date = parse_date(value)
        if date is None or not (day < date <= end):
            key = "cp_unreadable" if date is None else "cp_outside"
            zh, en = MSGS.both(key)
            out.append(problem("bad_checkpoint", "checkpoints", i, i=i, value=value, why_zh=zh, why_en=en,
                               today=day.isoformat(), last=end.isoformat()))
        else:
            dates.append(date)
    for m, (lo, hi) in enumerate(months, start=1):
        if not any(lo < d <= hi for d in dates):
            out.append(problem("checkpoint_gap", "checkpoints", m, m=m,
                               first=(lo + dt.timedelta(days=1)).isoformat(), last=hi.isoformat()))
    return out


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are errors (warnings left out).

    Examples
    --------
    >>> errors(validate({"tasks": [], "checkpoints": []}))[0].code
    'count'
    """
    return [p for p in problems if p.severity == "error"]
