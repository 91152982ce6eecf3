"""The action plan (大客户动销学习行动规划): 3 core tasks in 3 months, reviewed monthly.

The seed's commitment (承诺与闭环): each trainee names **3 core tasks to land
within 3 months** and shares progress **every month** in a study group.  A
plan is plain data::

    {"tasks": [{"task": "C34 补铺 40 家门店", "module": "m07",
                "finding": "C34 铺货率 55%，根因：铺货", "owner": "KA经理 张伟",
                "measure": "铺货率从 55% 提到 80%", "start": "2026-11-05", "due": "2027-01-15"}, ...],
     "checkpoints": ["2026-11-30", "2026-12-31", "2027-01-29"]}

(Chinese keys work too: 任务, 模块, 发现, 负责人, 衡量标准, 开始, 完成日期, 月度分享.)
:func:`validate` names every problem, in Chinese and English; errors:

* ``count``: not exactly 3 tasks;
* ``no_task`` / ``no_owner``: empty task text or owner;
* ``no_module``: a task not tied to a module (missing, or not m01–m07);
  ``no_finding``: no finding from that module to act on;
* ``no_measure`` / ``not_measurable``: the measurable result has no number
  (a target: "铺货率到 80%", "培训 20 家门店");
* ``bad_start`` / ``bad_due``: unreadable dates (``YYYY-MM-DD``);
  ``due_before_start``; ``due_past`` (before *today*); ``due_far`` (more
  than :data:`HORIZON_DAYS` = 90 days after *today*);
* ``no_checkpoint``: no monthly progress-sharing dates;
  ``bad_checkpoint``: a date unreadable or outside the 3 months;
  ``checkpoint_gap``: a month of the 3 without a sharing date;

and one warning (it costs nothing, but think about it): ``same_module``,
two tasks drawing on the same module.

Examples
--------
>>> plan = ActionPlan([{"task": "补铺", "module": "m07", "finding": "C34 铺货率低", "owner": "",
...                     "measure": "多铺货", "start": "2026-11-05", "due": "2027-03-01"}])
>>> [p.code for p in validate(plan, today="2026-11-01")]
['count', 'no_owner', 'not_measurable', 'due_far', 'no_checkpoint']
"""

from __future__ import annotations

import datetime as dt
import difflib
import numbers
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._dates import blank as _blank
from .._dates import due_rule, parse_date
from .._dates import short as _short
from .._errors import BadSpecError, BadValueError
from .._i18n import Messages, get_language
from .._plotting import new_axes, styled
from ._layers import COLOURS, LAYERS, layer_of, module_code

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["ActionPlan", "Problem", "validate", "errors", "parse_date", "TODAY", "N_TASKS", "HORIZON_DAYS",
           "N_MONTHS", "FIELDS"]

#: The course date (the same course day as m01 and m07): the default *today*.
TODAY = "2026-11-01"
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
    "ok": ("行动计划完整：3 项任务各有模块依据、负责人、数字目标和 3 个月内的日期，每月有进展分享。",
           "The plan is complete: 3 tasks, each tied to a module finding, with an owner, a numeric target and "
           "dates within 3 months, and monthly progress sharing."),
    "title": ("3 个月行动计划（{today} 起）", "3-month action plan (from {today})"),
    "xlabel": ("距今天（{today}）的天数", "Days from today ({today})"),
    "limit": ("{max} 天", "{max} days"),
    "checkpoint": ("月度分享", "Monthly review"),
    "task_label": ("{i}. {task}", "{i}. {task}"),
    "sep": ("；", "; "),
})


class Problem(str):
    """One problem of a plan: a bilingual message (current language first) with its place.

    Attributes: ``code``, ``severity`` (``"error"`` or ``"warning"``),
    ``item`` (1-based task or checkpoint number, None for the whole plan),
    ``field`` (task, module, finding, owner, measure, start, due, tasks,
    checkpoints), ``zh``, ``en``.
    """

    code: str
    severity: str
    item: int | None
    field: str
    zh: str
    en: str

    def __new__(cls, code: str, field: str, item: int | None = None, *, severity: str = "error",
                **fields_: Any) -> "Problem":
        zh, en = MSGS.both(code, **fields_)
        first, second = (zh, en) if get_language() == "zh" else (en, zh)
        obj = super().__new__(cls, f"{first}\n{second}")
        obj.code, obj.field, obj.item, obj.severity, obj.zh, obj.en = code, field, item, severity, zh, en
        return obj

    @property
    def message(self) -> str:
        """The message in the current language."""
        return self.zh if get_language() == "zh" else self.en


def _today(today: Any) -> dt.date:
    day = parse_date(today)
    if day is None:
        raise BadSpecError(*MSGS.both("err_today", value=today), column="today")
    return day


def _hint(name: Any, options: Iterable[str]) -> dict[str, str]:
    close = difflib.get_close_matches(str(name), list(options), n=1, cutoff=0.5)
    return {"hint_zh": f"（是不是 '{close[0]}'？）" if close else "",
            "hint_en": f" (did you mean '{close[0]}'?)" if close else ""}


def _scalar_ok(value: Any) -> bool:
    return value is None or isinstance(value, (str, numbers.Number, dt.date, pd.Timestamp, np.generic))


def _task_rows(tasks: Any) -> list[dict[str, Any]]:
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
                raise BadSpecError(*MSGS.both("err_key", i=i, name=key, **_hint(key, FIELDS)),
                                   column=str(key), row=i)
            if not _scalar_ok(value):
                raise BadValueError(*MSGS.both("err_value", i=i, name=name, type=type(value).__name__),
                                    column=name, row=i)
            row[name] = value
        out.append(row)
    return out


def _checkpoint_list(checkpoints: Any) -> list[Any]:
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


def _split(plan: Any) -> tuple[list[dict[str, Any]], list[Any]]:
    """(tasks, checkpoints) from an ActionPlan, a plan dict, a task list or a task table."""
    if isinstance(plan, Mapping):
        parts: dict[str, Any] = {"tasks": [], "checkpoints": None}
        for key, value in plan.items():
            name = _PLAN_KEYS.get(str(key).strip().lower())
            if name is None:
                raise BadSpecError(*MSGS.both("err_plan_key", name=key, **_hint(key, ["tasks", "checkpoints"])),
                                   column=str(key))
            parts[name] = value
        return _task_rows(parts["tasks"]), _checkpoint_list(parts["checkpoints"])
    if isinstance(plan, (str, bytes)) or not isinstance(plan, (Iterable, pd.DataFrame)):
        raise BadSpecError(*MSGS.both("err_plan", type=type(plan).__name__), column="plan")
    return _task_rows(plan), []


def _text(value: Any) -> Any:
    if isinstance(value, (dt.date, pd.Timestamp)):
        return parse_date(value).isoformat() if parse_date(value) else None
    return value


class ActionPlan(dict):
    """A 3-month action plan: ``{"tasks": [...], "checkpoints": [...]}`` (a plain dict, normalised).

    Being a dict, a plan records in a notebook exactly as its literal.

    Parameters
    ----------
    tasks : list of dict or DataFrame
        One dict per task with ``task``, ``module`` (m01–m07), ``finding``,
        ``owner``, ``measure`` (with a number), ``start`` and ``due``
        (``YYYY-MM-DD``); Chinese keys work too.  A plan dict
        ``{"tasks": ..., "checkpoints": ...}`` is accepted as well.
    checkpoints : list of str, optional
        The monthly progress-sharing dates.

    Raises
    ------
    BadSpecError, BadValueError
        For a malformed plan: not a list of dicts, an unknown field (with a
        suggestion), a field that is not text or a date, checkpoints that
        are not a list of dates.  Each names the field and the task number.

    Examples
    --------
    >>> plan = ActionPlan([{"任务": "C34 补铺", "模块": "m7", "发现": "C34 铺货率 55%", "负责人": "张伟",
    ...                     "衡量标准": "铺货率到 80%", "开始": "2026-11-05", "完成日期": "2027-01-15"}],
    ...                   checkpoints=["2026-11-30"])
    >>> plan["tasks"][0]["module"], plan.table.loc[1, "layer"]
    ('m07', 'optimisation')
    """

    def __init__(self, tasks: Any = (), checkpoints: Any = None) -> None:
        if isinstance(tasks, Mapping) and checkpoints is None:
            rows, cps = _split(tasks)
        else:
            rows, cps = _task_rows(tasks), _checkpoint_list(checkpoints)
        clean = []
        for row in rows:
            item = {f: _text(row[f]) for f in FIELDS}
            try:
                item["module"] = module_code(row["module"]) if not _blank(row["module"]) else None
            except BadSpecError:
                item["module"] = row["module"]
            clean.append(item)
        super().__init__(tasks=clean, checkpoints=[_text(c) for c in cps])

    @property
    def tasks(self) -> list[dict[str, Any]]:
        """The tasks (normalised copies)."""
        return self["tasks"]

    @property
    def checkpoints(self) -> list[Any]:
        """The monthly sharing dates."""
        return self["checkpoints"]

    @property
    def table(self) -> pd.DataFrame:
        """One row per task (index ``no`` from 1): the fields, ``layer`` and ``days`` (start → due)."""
        frame = pd.DataFrame(self.tasks, columns=list(FIELDS))
        frame.index = pd.RangeIndex(1, len(frame) + 1, name="no")
        layers = []
        for m in frame["module"]:
            try:
                layers.append(layer_of(m))
            except (BadSpecError, KeyError):
                layers.append(None)
        frame.insert(2, "layer", layers)
        start = pd.to_datetime(frame["start"].map(parse_date), errors="coerce")
        due = pd.to_datetime(frame["due"].map(parse_date), errors="coerce")
        frame["days"] = (due - start).dt.days.astype("Int64")
        return frame

    def validate(self, today: Any = TODAY) -> list[Problem]:
        """Same as :func:`validate` (``validate(self, today)``)."""
        return validate(self, today=today)

    def __repr__(self) -> str:
        return f"ActionPlan(\n{self.table!r}\ncheckpoints={self.checkpoints!r}\n)"

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))

    def _repr_html_(self) -> str:
        return self.table._repr_html_() + f"<p>checkpoints: {', '.join(map(str, self.checkpoints)) or '—'}</p>"

    def plot(self, ax: "Axes | None" = None, today: Any = TODAY, **kwargs: Any) -> "Axes":
        """Gantt chart: one bar per task (start → due, coloured by layer), the monthly reviews and the 90-day limit.

        A task with a problem is drawn hatched with a red edge.

        Examples
        --------
        >>> ActionPlan([]).plot().get_title()
        '3 个月行动计划（2026-11-01 起）'
        """
        return _gantt(self, _today(today), ax)


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
    day = _today(today)
    tasks, checkpoints = _split(plan)
    out: list[Problem] = []
    if len(tasks) != N_TASKS:
        out.append(Problem("count", "tasks", n=len(tasks), k=N_TASKS))
    first_of: dict[str, int] = {}
    warnings: list[Problem] = []
    for i, row in enumerate(tasks, start=1):
        task = _short(row["task"]) or f"#{i}"
        if _blank(row["task"]):
            out.append(Problem("no_task", "task", i, i=i))
        if _blank(row["owner"]):
            out.append(Problem("no_owner", "owner", i, i=i, task=task))
        module = None
        if _blank(row["module"]):
            out.append(Problem("no_module", "module", i, i=i, task=task, **_why("why_missing")))
        else:
            try:
                module = module_code(row["module"])
            except BadSpecError:
                out.append(Problem("no_module", "module", i, i=i, task=task,
                                   **_why("why_bad", value=row["module"])))
        if module is not None:
            if module in first_of:
                warnings.append(Problem("same_module", "module", i, severity="warning", i=i, j=first_of[module],
                                        module=module))
            else:
                first_of[module] = i
        if _blank(row["finding"]):
            out.append(Problem("no_finding", "finding", i, i=i, task=task))
        if _blank(row["measure"]):
            out.append(Problem("no_measure", "measure", i, i=i, task=task))
        elif not _DIGIT.search(str(row["measure"])):
            out.append(Problem("not_measurable", "measure", i, i=i, task=task, measure=_short(row["measure"], 24)))
        start, due = parse_date(row["start"]), parse_date(row["due"])
        if start is None:
            out.append(Problem("bad_start", "start", i, i=i, task=task, value=row["start"]))
        broken = due_rule(due, day, HORIZON_DAYS)
        if due is None:
            out.append(Problem("bad_due", "due", i, i=i, task=task, value=row["due"]))
        elif start is not None and due < start:
            out.append(Problem("due_before_start", "due", i, i=i, task=task, due=due.isoformat(),
                               start=start.isoformat()))
        elif broken is not None:
            code, fields_ = broken
            out.append(Problem(code, "due", i, i=i, task=task, **fields_))
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
        return [Problem("no_checkpoint", "checkpoints")]
    out: list[Problem] = []
    dates = []
    for i, value in enumerate(checkpoints, start=1):
        date = parse_date(value)
        if date is None or not (day < date <= end):
            key = "cp_unreadable" if date is None else "cp_outside"
            zh, en = MSGS.both(key)
            out.append(Problem("bad_checkpoint", "checkpoints", i, i=i, value=value, why_zh=zh, why_en=en,
                               today=day.isoformat(), last=end.isoformat()))
        else:
            dates.append(date)
    for m, (lo, hi) in enumerate(months, start=1):
        if not any(lo < d <= hi for d in dates):
            out.append(Problem("checkpoint_gap", "checkpoints", m, m=m,
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


@styled
def _gantt(plan: ActionPlan, day: dt.date, ax: "Axes | None") -> "Axes":
    t = plan.table
    problems = validate(plan, today=day)
    bad = {p.item for p in problems if p.severity == "error" and p.field not in ("tasks", "checkpoints")}
    fig, ax = new_axes(ax, figsize=(9.0, 1.8 + 0.6 * max(len(t), 1)))
    labels = []
    right = HORIZON_DAYS + 20
    for y, (no, row) in enumerate(t.iterrows()):   # a plan has three rows
        start, due = parse_date(row["start"]), parse_date(row["due"])
        colour = COLOURS.get(row["layer"], "#888888")
        if due is not None:
            x0 = (start - day).days if start is not None and start <= due else 0
            x1 = (due - day).days
            hatched = no in bad
            ax.barh(y, x1 - x0, left=x0, height=0.5, color=colour, alpha=0.8,
                    edgecolor="#c62828" if hatched else colour, linewidth=2 if hatched else 0,
                    hatch="//" if hatched else None)
            ax.text(max(x1, 0) + 1, y, due.isoformat(), va="center", fontsize=8)
            right = max(right, x1 + 25)
        module = row["module"] if not _blank(row["module"]) else "?"
        labels.append(f"{no}. [{module}] {_short(row['task'], 14)}")
    for i, value in enumerate(plan.checkpoints):
        date = parse_date(value)
        if date is not None:
            x = (date - day).days
            ax.axvline(x, color="#6a1b9a", ls=":", lw=1.2)
            ax.text(x, -0.75, MSGS.label("checkpoint") if i == 0 else "", color="#6a1b9a", ha="center",
                    fontsize=8)
    ax.axvline(0, color="#444444", lw=1)
    ax.axvline(HORIZON_DAYS, color="#c62828", ls="--", lw=1)
    ax.text(HORIZON_DAYS, len(t) - 0.4, MSGS("limit", max=HORIZON_DAYS), color="#c62828", ha="center",
            va="bottom", fontsize=8)
    ax.set_yticks(range(len(t)))
    ax.set_yticklabels(labels, fontsize=9)
    ax.set_ylim(len(t) - 0.3, -1.1)
    ax.set_xlim(min(-5, ax.get_xlim()[0]), right)
    ax.set_xlabel(MSGS("xlabel", today=day.isoformat()))
    ax.set_title(MSGS("title", today=day.isoformat()))
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=COLOURS[layer.code], label=layer.name) for layer in LAYERS],
              loc="lower right", fontsize=8, frameon=False)
    return ax
