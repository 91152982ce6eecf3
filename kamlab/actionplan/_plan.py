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
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._dates import blank as _blank
from .._dates import parse_date
from .._dates import short as _short
from .._errors import BadSpecError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._problems import Problem
from ._layers import COLOURS, LAYERS, layer_of, module_code
from ._read import FIELDS, HORIZON_DAYS, TODAY, as_text, checkpoint_list, read_today, split_plan, task_rows
from ._validate import validate

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["ActionPlan"]

MSGS = Messages({
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
            rows, cps = split_plan(tasks)
        else:
            rows, cps = task_rows(tasks), checkpoint_list(checkpoints)
        clean = []
        for row in rows:
            item = {f: as_text(row[f]) for f in FIELDS}
            try:
                item["module"] = module_code(row["module"]) if not _blank(row["module"]) else None
            except BadSpecError:
                item["module"] = row["module"]
            clean.append(item)
        super().__init__(tasks=clean, checkpoints=[as_text(c) for c in cps])

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
        return _gantt(self, read_today(today), ax)


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
