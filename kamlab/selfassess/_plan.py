"""The improvement plan (即时改进动作): one checked action per blind spot.

The seed's exercise: find the 2 core blind spots of your role in the full
cycle and set *immediate* improvement actions.  A plan is a list of dicts,
one per blind spot::

    [{"stage": "信息收集与机会洞察", "action": "拜访 C03 总部采购，访谈年度目标",
      "owner": "KA经理 张伟", "due": "2026-11-20", "measure": "完成 2 次高层访谈"}, ...]

(Chinese keys work too: 环节, 改进动作, 负责人, 完成日期, 衡量标准.)
:func:`improvement_plan` checks it and names every problem, in Chinese and
English:

* ``missing_action``: a blind spot with no action;
* ``not_blind_spot``: an action for a stage that is not one of the blind
  spots (improve where the gap is); ``unknown_stage``: a stage name that is
  no stage (did-you-mean); ``duplicate_stage``: two actions for one stage
  (one action per blind spot);
* ``no_action`` / ``no_owner``: empty action text or owner;
* ``bad_due``: a due date that cannot be read (``YYYY-MM-DD``);
  ``due_past``: before *today*; ``due_far``: more than ``max_days`` (30)
  days after *today* — an immediate action is done within a month;
* ``no_measure``: no measurable check; ``not_measurable``: a check without
  a number (a check is measurable when it names a number — a count, a rate,
  a date: "拜访 3 家门店", "铺货率到 80%").

Examples
--------
>>> plan = improvement_plan(
...     [{"stage": "核心数据复盘", "action": "每周一看铺货率、动销率周报", "owner": "张伟",
...       "due": "2026-11-15", "measure": "连续 2 周出周报"},
...      {"stage": "信息收集", "action": "门店走访", "owner": "", "due": "2027-01-10", "measure": "多走访"}],
...     ["核心数据复盘", "信息收集与机会洞察"], today="2026-11-01")
>>> plan.ok, [p.code for p in plan.problems]
(False, ['no_owner', 'due_far', 'not_measurable'])
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._dates import blank as _blank
from .._dates import due_rule, parse_date
from .._dates import short as _short
from .._errors import BadSpecError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._problems import Problem, did_you_mean
from .._result import TableResult
from ._cycle import STAGES, stage_code

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["improvement_plan", "PlanResult", "PlanProblem", "MAX_DAYS", "FIELDS"]

#: An immediate action is due at most this many days after *today*.
MAX_DAYS = 30
#: The fields of one action.
FIELDS = ("stage", "action", "owner", "due", "measure")

_KEY_ALIASES = {
    "stage": "stage", "环节": "stage", "盲区": "stage", "blind_spot": "stage",
    "action": "action", "动作": "action", "改进动作": "action", "行动": "action", "措施": "action",
    "owner": "owner", "负责人": "owner", "责任人": "owner",
    "due": "due", "date": "due", "deadline": "due", "完成日期": "due", "时间节点": "due", "截止日期": "due",
    "日期": "due",
    "measure": "measure", "check": "measure", "kpi": "measure", "metric": "measure", "衡量标准": "measure",
    "检查标准": "measure", "验收标准": "measure", "衡量": "measure",
}
_BY_CODE = {s.code: s for s in STAGES}
_DIGIT = re.compile(r"[0-9０-９]")

MSGS = Messages({
    "missing_action": ("盲区「{stage}」还没有改进动作。请为每个盲区写一条动作。",
                       "Blind spot '{stage}' has no improvement action. Write one action per blind spot."),
    "not_blind_spot": ("第 {i} 条动作针对的环节「{stage}」不是你的盲区（盲区：{spots}）。改进动作要针对差距最大的环节。",
                       "Action {i} is for stage '{stage}', which is not one of your blind spots ({spots}). "
                       "Improve where the gap is largest."),
    "unknown_stage": ("第 {i} 条动作：{zh}", "Action {i}: {en}"),
    "duplicate_stage": ("第 {i} 条动作和前面的动作针对同一个环节「{stage}」。每个盲区写一条动作。",
                        "Action {i} is for the same stage ('{stage}') as an earlier one. Write one action per blind spot."),
    "no_action": ("第 {i} 条动作没有写具体做什么。请写一句可执行的动作。",
                  "Action {i} does not say what to do. Write one concrete action."),
    "no_owner": ("第 {i} 条动作「{action}」没有负责人。请写上负责人，例如 'KA经理 张伟'。",
                 "Action {i} ('{action}') has no owner. Name the owner, e.g. 'KAM Zhang Wei'."),
    "bad_due": ("第 {i} 条动作「{action}」的完成日期 {due!r} 无法识别。请写成 YYYY-MM-DD，例如 2026-11-20。",
                "Action {i} ('{action}'): due date {due!r} cannot be read. Write it as YYYY-MM-DD, e.g. 2026-11-20."),
    "due_past": ("第 {i} 条动作「{action}」的完成日期 {due} 早于今天 {today}。请定一个今天以后的日期。",
                 "Action {i} ('{action}'): due date {due} is before today ({today}). Pick a date after today."),
    "due_far": ("第 {i} 条动作「{action}」的完成日期 {due} 距今天 {today} 超过 {max} 天。即时改进动作请定在 {last} 之前。",
                "Action {i} ('{action}'): due date {due} is more than {max} days after today ({today}). "
                "An immediate action is due by {last}."),
    "no_measure": ("第 {i} 条动作「{action}」没有衡量标准。请写出怎样算完成，例如 '完成 3 家门店走访'。",
                   "Action {i} ('{action}') has no measurable check. Say how you will know it is done, "
                   "e.g. 'visit 3 stores'."),
    "not_measurable": ("第 {i} 条动作「{action}」的衡量标准「{measure}」无法衡量：请写出一个数字（次数、家数、比率或日期），"
                       "例如 '完成 3 家门店走访'。",
                       "Action {i} ('{action}'): the check '{measure}' cannot be measured: include a number (a count, "
                       "a rate or a date), e.g. 'visit 3 stores'."),
    "err_actions": ("改进计划应是一个列表，每条动作一个字典：[{{'stage': ..., 'action': ..., 'owner': ..., "
                    "'due': 'YYYY-MM-DD', 'measure': ...}}, ...]，收到的是 {type}。",
                    "The plan must be a list with one dict per action: [{{'stage': ..., 'action': ..., 'owner': ..., "
                    "'due': 'YYYY-MM-DD', 'measure': ...}}, ...]; got {type}."),
    "err_item": ("改进计划第 {i} 条应是一个字典 {{'stage': ..., 'action': ..., 'owner': ..., 'due': ..., "
                 "'measure': ...}}，收到 {value!r}。",
                 "Item {i} of the plan must be a dict {{'stage': ..., 'action': ..., 'owner': ..., 'due': ..., "
                 "'measure': ...}}; got {value!r}."),
    "err_key": ("改进计划第 {i} 条的字段 '{name}' 无法识别{hint_zh}。可用的字段：stage、action、owner、due、measure。",
                "Item {i} of the plan has an unknown field '{name}'{hint_en}. Fields: stage, action, owner, due, measure."),
    "err_today": ("today 应是日期，例如 '2026-11-01'，收到 {value!r}。",
                  "today must be a date such as '2026-11-01'; got {value!r}."),
    "err_spots": ("盲区应是 assess(...) 的结果、它的 blind_spots(...) 表或环节名称列表，收到 {type}。",
                  "The blind spots must be an assess(...) result, its blind_spots(...) table or a list of stage "
                  "names; got {type}."),
    "err_max_days": ("max_days 应是正整数（默认 30），收到 {value!r}。",
                     "max_days must be a positive whole number (default 30); got {value!r}."),
    "ok": ("改进计划完整：每个盲区都有负责人、{max} 天内的完成日期和可衡量的标准。",
           "The plan is complete: every blind spot has an owner, a due date within {max} days and a measurable check."),
    "title": ("即时改进动作（{today} 起 {max} 天内）", "Immediate improvement actions (within {max} days from {today})"),
    "xlabel": ("距今天（{today}）的天数", "Days from today ({today})"),
    "deadline": ("{max} 天", "{max} days"),
    "sep": ("；", "; "),
})


#: The problem type of a plan (the one bilingual :class:`~kamlab._problems.Problem` of kamlab).
PlanProblem = Problem


def problem(code: str, field: str, item: int | None = None, **fields_: Any) -> Problem:
    """The problem *code* of a plan at *field* and *item* (1-based action number, None for a missing one).

    Examples
    --------
    >>> p = problem("no_action", "action", 2, i=2)
    >>> p.code, p.field, p.item
    ('no_action', 'action', 2)
    """
    zh, en = MSGS.both(code, **fields_)
    return Problem(code, zh, en, field=field, item=item)


def _spots(blind_spots: Any, k: int) -> list[str]:
    """Blind-spot stage codes from a result, a blind-spots table or a list of names."""
    if hasattr(blind_spots, "blind_spots") and callable(blind_spots.blind_spots):
        return [str(c) for c in blind_spots.blind_spots(k)["code"]]
    if isinstance(blind_spots, pd.DataFrame):
        if "code" in blind_spots.columns:
            return [str(c) for c in blind_spots["code"]]
        return [stage_code(str(s), where="blind_spots") for s in blind_spots.index]
    if isinstance(blind_spots, str):
        blind_spots = [blind_spots]
    if isinstance(blind_spots, (list, tuple, pd.Index, pd.Series)):
        return [stage_code(s, where="blind_spots") for s in blind_spots]
    raise BadSpecError(*MSGS.both("err_spots", type=type(blind_spots).__name__), column="blind_spots")


def _items(actions: Any) -> list[dict[str, Any]]:
    if isinstance(actions, pd.DataFrame):
        actions = actions.reset_index(drop="stage" in actions.columns).to_dict("records")
    if isinstance(actions, Mapping) or isinstance(actions, (str, bytes)) or not isinstance(actions, Iterable):
        raise BadSpecError(*MSGS.both("err_actions", type=type(actions).__name__), column="actions")
    out = []
    for i, item in enumerate(actions, start=1):
        if not isinstance(item, Mapping):
            raise BadSpecError(*MSGS.both("err_item", i=i, value=item), column="actions", row=i)
        row: dict[str, Any] = {f: None for f in FIELDS}
        for key, value in item.items():
            name = _KEY_ALIASES.get(str(key).strip().lower())
            if name is None:
                if str(key) in ("ok", "problems"):   # a plan table fed back in
                    continue
                hint_zh, hint_en = did_you_mean(key, FIELDS)
                raise BadSpecError(*MSGS.both("err_key", i=i, name=key, hint_zh=hint_zh, hint_en=hint_en),
                                   column=str(key), row=i)
            row[name] = value
        out.append(row)
    return out


def improvement_plan(actions: Any, blind_spots: Any, *, today: Any, k: int = 2,
                     max_days: int = MAX_DAYS) -> "PlanResult":
    """Check an improvement plan: one action per blind spot, each with owner, due date and measure.

    Parameters
    ----------
    actions : list of dict
        One dict per action with ``stage``, ``action``, ``owner``, ``due``
        (``YYYY-MM-DD``) and ``measure`` (how you will know it is done, with
        a number); Chinese keys 环节, 改进动作, 负责人, 完成日期, 衡量标准 also
        work.  A DataFrame with these columns works too.
    blind_spots : AssessmentResult, DataFrame or list of str
        Your self-assessment (its ``blind_spots(k)`` are used), a
        blind-spots table, or the blind-spot stage names.
    today : str or date
        The day the plan is written (``YYYY-MM-DD``).
    k : int
        Number of blind spots taken from an assessment (default 2).
    max_days : int
        Due dates must fall in ``[today, today + max_days]`` (default 30).

    Returns
    -------
    PlanResult
        ``.ok``, ``.problems`` (each a :class:`PlanProblem`), ``.table`` (one
        row per action: stage, action, owner, due, measure, ok, problems)
        and ``.plot()`` (a timeline of the due dates).

    Raises
    ------
    BadSpecError
        When *actions* is not a list of dicts, an action has an unknown
        field, or *today* / *blind_spots* / *max_days* cannot be read.

    Examples
    --------
    >>> plan = improvement_plan(
    ...     [{"环节": "终端动销执行", "改进动作": "给 C03 的 20 家门店做卖点培训", "负责人": "李娜",
    ...       "完成日期": "2026-11-25", "衡量标准": "培训 20 家门店，店员推荐率到 40%"}],
    ...     ["终端动销执行"], today="2026-11-01")
    >>> plan.ok, plan.table.loc[0, "stage"]
    (True, '终端动销执行')
    """
    day = parse_date(today)
    if day is None:
        raise BadSpecError(*MSGS.both("err_today", value=today), column="today")
    if isinstance(max_days, (bool, np.bool_)) or not isinstance(max_days, (int, np.integer)) or max_days < 1:
        raise BadSpecError(*MSGS.both("err_max_days", value=max_days), column="max_days")
    spots = _spots(blind_spots, k)
    rows = _items(actions)
    spot_names = "、".join(_BY_CODE[c].zh for c in spots) or "—"
    problems: list[Problem] = []
    per_row: list[list[Problem]] = [[] for _ in rows]
    stages_out: list[Any] = []
    seen: set[str] = set()
    for i, row in enumerate(rows, start=1):
        mine = per_row[i - 1]
        action = _short(row["action"])
        code = None
        try:
            code = stage_code(row["stage"], where="stage")
        except BadSpecError as err:
            mine.append(problem("unknown_stage", "stage", i, i=i, zh=err.zh, en=err.en))
        stages_out.append(_BY_CODE[code].zh if code else row["stage"])
        if code is not None:
            if code in seen:
                mine.append(problem("duplicate_stage", "stage", i, i=i, stage=_BY_CODE[code].zh))
            elif code not in spots:
                mine.append(problem("not_blind_spot", "stage", i, i=i, stage=_BY_CODE[code].zh,
                                        spots=spot_names))
            seen.add(code)
        if _blank(row["action"]):
            mine.append(problem("no_action", "action", i, i=i))
        if _blank(row["owner"]):
            mine.append(problem("no_owner", "owner", i, i=i, action=action))
        broken = due_rule(parse_date(row["due"]), day, int(max_days))
        if broken is not None:
            code, fields_ = broken
            mine.append(problem(code, "due", i, i=i, action=action, **(fields_ or {"due": row["due"]})))
        if _blank(row["measure"]):
            mine.append(problem("no_measure", "measure", i, i=i, action=action))
        elif not _DIGIT.search(str(row["measure"])):
            mine.append(problem("not_measurable", "measure", i, i=i, action=action,
                                    measure=_short(row["measure"], 24)))
        problems.extend(mine)
    for code in spots:
        if code not in seen:
            problems.append(problem("missing_action", "stage", None, stage=_BY_CODE[code].zh))
    sep = MSGS.label("sep")
    table = pd.DataFrame({
        "stage": stages_out,
        "action": [row["action"] for row in rows],
        "owner": [row["owner"] for row in rows],
        "due": [parse_date(row["due"]).isoformat() if parse_date(row["due"]) else row["due"] for row in rows],
        "measure": [row["measure"] for row in rows],
        "ok": [not p for p in per_row],
        "problems": [sep.join(p.text() for p in ps) for ps in per_row],
    }, columns=["stage", "action", "owner", "due", "measure", "ok", "problems"])
    return PlanResult(table=table, problems=tuple(problems), blind_spots=tuple(_BY_CODE[c].zh for c in spots),
                      today=day.isoformat(), max_days=int(max_days))


@dataclass(frozen=True)
class PlanResult(TableResult):
    """A checked improvement plan (see :func:`improvement_plan`).

    Attributes
    ----------
    table : DataFrame
        One row per action: stage, action, owner, due, measure, ok, problems.
    problems : tuple of PlanProblem
        Every problem, in action order; missing actions last.
    blind_spots : tuple of str
        The blind spots the plan must cover (Chinese stage names).
    today : str
    max_days : int
    """

    problems: tuple[Problem, ...] = ()
    blind_spots: tuple[str, ...] = ()
    today: str = ""
    max_days: int = MAX_DAYS

    @property
    def ok(self) -> bool:
        """True when the plan has no problem."""
        return not self.problems

    def messages(self) -> list[str]:
        """The problems in the current language (empty when the plan is sound).

        Examples
        --------
        >>> improvement_plan([], ["核心数据复盘"], today="2026-11-01").messages()
        ['盲区「核心数据复盘」还没有改进动作。请为每个盲区写一条动作。']
        """
        return [p.text() for p in self.problems]

    def _repr_html_(self) -> str:
        head = (f"<p>✅ {MSGS('ok', max=self.max_days)}</p>" if self.ok else
                "<ul>" + "".join(f"<li>❌ {p.text()}</li>" for p in self.problems) + "</ul>")
        return head + self.table._repr_html_()  # type: ignore[operator]

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Timeline of the actions from *today*: a bar to each due date, red when the action has a problem.

        Examples
        --------
        >>> plan = improvement_plan([{"stage": "review", "action": "周报", "owner": "张伟",
        ...                           "due": "2026-11-15", "measure": "2 份周报"}], ["review"], today="2026-11-01")
        >>> plan.plot().get_title()
        '即时改进动作（2026-11-01 起 30 天内）'
        """
        return _timeline(self, ax)


@styled
def _timeline(res: PlanResult, ax: "Axes | None") -> "Axes":
    t = res.table
    fig, ax = new_axes(ax, figsize=(8.0, 1.2 + 0.6 * max(len(t), 1)))
    day = dt.date.fromisoformat(res.today)
    labels = []
    for y, (_, row) in enumerate(t.iterrows()):   # a plan has a handful of rows
        due = parse_date(row["due"])
        colour = "#2e7d32" if row["ok"] else "#c62828"
        if due is not None:
            days = (due - day).days
            ax.barh(y, days, left=0, color=colour, alpha=0.75, height=0.5)
            ax.text(max(days, 0) + 0.4, y, due.isoformat(), va="center", fontsize=9)
        labels.append(f"{_short(row['stage'], 10)}：{_short(row['action'], 14)}")
    ax.axvline(0, color="#444444", lw=1)
    ax.axvline(res.max_days, color="#c62828", ls="--", lw=1)
    ax.text(res.max_days, -0.7, MSGS("deadline", max=res.max_days), color="#c62828", ha="center", fontsize=9)
    ax.set_yticks(range(len(t)))
    ax.set_yticklabels(labels, fontsize=9)
    ax.set_ylim(len(t) - 0.4, -1.0)
    ax.set_xlim(min(-2, ax.get_xlim()[0]), max(res.max_days + 8, ax.get_xlim()[1]))
    ax.set_xlabel(MSGS("xlabel", today=res.today))
    ax.set_title(MSGS("title", today=res.today, max=res.max_days))
    return ax
