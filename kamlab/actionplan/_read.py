"""Reading an action plan: its fields in any spelling, the task rows, the checkpoints, the course day.

The plan of :mod:`kamlab.actionplan._plan` is read here into plain rows
(:func:`task_rows`, :func:`split_plan`); a malformed plan raises a bilingual
error naming the field and the task number.

Examples
--------
>>> tasks, checkpoints = split_plan({"任务": [{"任务": "补铺", "负责人": "张伟"}], "月度分享": ["2026-11-30"]})
>>> tasks[0]["task"], tasks[0]["owner"], checkpoints
('补铺', '张伟', ['2026-11-30'])
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._dates import COURSE_TODAY, parse_date
from .._errors import BadSpecError, BadValueError
from .._i18n import Messages
from .._problems import did_you_mean

__all__ = ["TODAY", "N_TASKS", "HORIZON_DAYS", "N_MONTHS", "FIELDS", "parse_date", "read_today", "task_rows",
           "checkpoint_list", "split_plan", "as_text"]

#: The course date (the same course day as m01 and m07): the default *today*.
TODAY = COURSE_TODAY.isoformat()
#: The seed's 3 core tasks.
N_TASKS = 3
#: Due dates at most this many days after *today* (3 months).
HORIZON_DAYS = 90
#: Months of monthly progress sharing (每月分享落地进展).
N_MONTHS = 3
#: The fields of one task, in order.
FIELDS = ("task", "module", "finding", "owner", "measure", "start", "due")
_KEY_ALIASES = {
    "task": "task", "任务": "task", "落地任务": "task", "核心任务": "task", "action": "task",
    "module": "module", "模块": "module", "来自模块": "module",
    "finding": "finding", "发现": "finding", "结论": "finding", "依据": "finding",
    "owner": "owner", "负责人": "owner", "责任人": "owner",
    "measure": "measure", "衡量标准": "measure", "成果": "measure", "可衡量成果": "measure", "目标": "measure",
    "target": "measure", "kpi": "measure",
    "start": "start", "开始": "start", "开始日期": "start",
    "due": "due", "完成日期": "due", "截止日期": "due", "时间节点": "due", "deadline": "due", "end": "due",
}
_PLAN_KEYS = {"tasks": "tasks", "任务": "tasks", "checkpoints": "checkpoints", "月度分享": "checkpoints",
              "reviews": "checkpoints", "分享日": "checkpoints"}
MSGS = Messages({
    "err_plan": ("行动计划应是 {{'tasks': [...], 'checkpoints': [...]}} 或任务列表，收到的是 {type}。",
                 "The action plan must be {{'tasks': [...], 'checkpoints': [...]}} or a list of tasks; got {type}."),
    "err_plan_key": ("行动计划的字段 '{name}' 无法识别{hint_zh}。可用：tasks、checkpoints。",
                     "The action plan has an unknown field '{name}'{hint_en}. Fields: tasks, checkpoints."),
    "err_tasks": ("任务（tasks）应是一个列表，每项任务一个字典，收到的是 {type}。",
                  "tasks must be a list with one dict per task; got {type}."),
    "err_item": ("第 {i} 项任务应是一个字典 {{'task': ..., 'module': ..., 'finding': ..., 'owner': ..., "
                 "'measure': ..., 'start': ..., 'due': ...}}，收到 {value!r}。",
                 "Task {i} must be a dict {{'task': ..., 'module': ..., 'finding': ..., 'owner': ..., "
                 "'measure': ..., 'start': ..., 'due': ...}}; got {value!r}."),
    "err_key": ("第 {i} 项任务的字段 '{name}' 无法识别{hint_zh}。可用：task、module、finding、owner、measure、start、due。",
                "Task {i} has an unknown field '{name}'{hint_en}. Fields: task, module, finding, owner, measure, "
                "start, due."),
    "err_value": ("第 {i} 项任务的字段 {name} 应是一段文字或日期，收到 {type}。",
                  "Task {i}: field {name} must be a text or a date; got {type}."),
    "err_checkpoints": ("月度分享日（checkpoints）应是日期列表，例如 ['2026-11-30', '2026-12-31', '2027-01-29']，收到 {type}。",
                        "checkpoints must be a list of dates such as ['2026-11-30', '2026-12-31', '2027-01-29']; "
                        "got {type}."),
    "err_today": ("today 应是日期，例如 '2026-11-01'，收到 {value!r}。",
                  "today must be a date such as '2026-11-01'; got {value!r}."),
})


def read_today(today: Any) -> dt.date:
    """The day a plan is checked on, from *today* (text or date); BadSpecError when unreadable."""
    day = parse_date(today)
    if day is None:
        raise BadSpecError(*MSGS.both("err_today", value=today), column="today")
    return day

def _scalar_ok(value: Any) -> bool:
    return value is None or isinstance(value, (str, numbers.Number, dt.date, pd.Timestamp, np.generic))


def task_rows(tasks: Any) -> list[dict[str, Any]]:
    """Normalised copies of the tasks (keys mapped to :data:`FIELDS`); raises on malformed input."""
    if isinstance(tasks, pd.DataFrame):
        frame = tasks.reset_index(drop=not any(str(n) in _KEY_ALIASES for n in tasks.index.names if n))
        tasks = frame.to_dict("records")
    if isinstance(tasks, (Mapping, str, bytes)) or not isinstance(tasks, Iterable):
        raise BadSpecError(*MSGS.both("err_tasks", type=type(tasks).__name__), column="tasks")
    out = []
    for i, item in enumerate(tasks, start=1):
        if not isinstance(item, Mapping):
            raise BadSpecError(*MSGS.both("err_item", i=i, value=item), column="tasks", row=i)
        row: dict[str, Any] = dict.fromkeys(FIELDS)
        for key, value in item.items():
            name = _KEY_ALIASES.get(str(key).strip().lower())
            if name is None:
                if str(key) in ("no", "layer", "days", "ok", "problems"):   # a plan table fed back in
                    continue
                hint_zh, hint_en = did_you_mean(key, FIELDS)
                raise BadSpecError(*MSGS.both("err_key", i=i, name=key, hint_zh=hint_zh, hint_en=hint_en),
                                   column=str(key), row=i)
            if not _scalar_ok(value):
                raise BadValueError(*MSGS.both("err_value", i=i, name=name, type=type(value).__name__),
                                    column=name, row=i)
            row[name] = value
        out.append(row)
    return out


def checkpoint_list(checkpoints: Any) -> list[Any]:
    """The checkpoints as a list (one date alone becomes a list of one); BadSpecError when not dates."""
    if checkpoints is None:
        return []
    if isinstance(checkpoints, (str, dt.date, pd.Timestamp)):
        return [checkpoints]
    if isinstance(checkpoints, Mapping) or not isinstance(checkpoints, Iterable):
        raise BadSpecError(*MSGS.both("err_checkpoints", type=type(checkpoints).__name__), column="checkpoints")
    out = list(checkpoints)
    for i, value in enumerate(out, start=1):
        if not _scalar_ok(value):
            raise BadSpecError(*MSGS.both("err_checkpoints", type=type(value).__name__), column="checkpoints",
                               row=i)
    return out


def split_plan(plan: Any) -> tuple[list[dict[str, Any]], list[Any]]:
    """(tasks, checkpoints) from an ActionPlan, a plan dict, a task list or a task table."""
    if isinstance(plan, Mapping):
        parts: dict[str, Any] = {"tasks": [], "checkpoints": None}
        for key, value in plan.items():
            name = _PLAN_KEYS.get(str(key).strip().lower())
            if name is None:
                hint_zh, hint_en = did_you_mean(key, ["tasks", "checkpoints"])
                raise BadSpecError(*MSGS.both("err_plan_key", name=key, hint_zh=hint_zh, hint_en=hint_en),
                                   column=str(key))
            parts[name] = value
        return task_rows(parts["tasks"]), checkpoint_list(parts["checkpoints"])
    if isinstance(plan, (str, bytes)) or not isinstance(plan, (Iterable, pd.DataFrame)):
        raise BadSpecError(*MSGS.both("err_plan", type=type(plan).__name__), column="plan")
    return task_rows(plan), []


def as_text(value: Any) -> Any:
    """A date as ``YYYY-MM-DD`` text; any other value unchanged."""
    if isinstance(value, (dt.date, pd.Timestamp)):
        return parse_date(value).isoformat() if parse_date(value) else None
    return value
