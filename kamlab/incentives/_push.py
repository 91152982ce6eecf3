"""The HQ push plan (总部推动机制): liaison, store push waves, coordination meetings.

Seed 000 §六: the gap between HQ and stores closes when the chain has a
dedicated liaison (专项对接人), a store push plan (门店动销推动计划) rolls out
in waves of stores, and execution coordination meetings (执行协同会) are held
regularly to clear obstacles.  A plan is one plain dict::

    {"liaison": "张伟（KA 经理）",                  # or {"name": ..., "role": ..., "contact": ...}
     "start": "2026-11-01", "end": "2027-01-31",   # the plan window
     "waves": [{"name": "第一批", "stores": 40, "start": "2026-11-01", "end": "2026-11-30"},
               {"name": "第二批", "stores": 60, "start": "2026-12-01", "end": "2026-12-31"}],
     "meetings": ["2026-11-15", "2026-12-15", "2027-01-15"]}

``stores`` is a number of stores, a list of store ids, or a short text
(e.g. "A 类门店").  :func:`push_plan` raises :class:`~kamlab.BadSpecError`
on a malformed plan (unknown field, unreadable date, window ending before
it starts) and lists every weakness in :attr:`PushPlan.problems`:

* ``liaison`` — no liaison named;
* ``no_waves`` — no store push wave;
* ``wave_dates`` — a wave ends before it starts;
* ``overlap`` — two waves overlap in time (one wave at a time: the field
  team and the chain's HQ follow up a wave before the next starts);
* ``outside`` — a wave or a meeting falls outside the plan window;
* ``meetings`` — no meetings, or a stretch of more than
  :data:`MAX_MEETING_GAP` days (from the start, between meetings, to the
  end) without one: meetings less often than monthly.

Examples
--------
>>> plan = push_plan({"liaison": "张伟", "start": "2026-11-01", "end": "2027-01-31",
...                   "waves": [{"stores": 40, "start": "2026-11-01", "end": "2026-11-30"},
...                             {"stores": 60, "start": "2026-11-20", "end": "2026-12-31"}],
...                   "meetings": ["2026-11-15", "2027-01-15"]})
>>> [p.code for p in plan.problems]
['overlap', 'meetings']
>>> print(plan.problems[0])
第 1 批（2026-11-01 至 2026-11-30）和第 2 批（2026-11-20 至 2026-12-31）时间重叠。请让下一批在上一批结束后开始。
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._dates import parse_date
from .._errors import BadSpecError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._problems import Problem, did_you_mean
from .._result import TableResult

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["push_plan", "PushPlan", "Problem", "MAX_MEETING_GAP"]

#: Longest stretch (days) of the plan window without a coordination meeting (monthly).
MAX_MEETING_GAP = 31
_KEYS = ("liaison", "start", "end", "waves", "meetings", "name")
_WAVE_KEYS = ("name", "stores", "start", "end")

MSGS = Messages({
    "not_dict": ("推动计划应是一个字典 {{\"liaison\": ..., \"start\": ..., \"end\": ..., \"waves\": [...], "
                 "\"meetings\": [...]}}，收到的是 {got}。",
                 "The push plan must be a dict {{\"liaison\": ..., \"start\": ..., \"end\": ..., \"waves\": [...], "
                 "\"meetings\": [...]}}, got {got}."),
    "unknown": ("推动计划里有未知的项 '{field}'{zh_hint}。可用的项：{known}。",
                "The push plan has an unknown field '{field}'{en_hint}. Fields: {known}."),
    "wave_unknown": ("第 {row} 批有未知的项 '{field}'{zh_hint}。每批可用：name, stores, start, end。",
                     "Wave {row} has an unknown field '{field}'{en_hint}. A wave may hold name, stores, start, end."),
    "missing": ("推动计划缺少 '{field}'。请写上计划的{what}（YYYY-MM-DD）。",
                "The push plan is missing '{field}'. Give the plan's {what_en} (YYYY-MM-DD)."),
    "date": ("{where}的 '{field}' = {value!r} 不是日期。请写成 'YYYY-MM-DD'，例如 '2026-11-15'。",
             "{where_en}: '{field}' = {value!r} is not a date. Write it as 'YYYY-MM-DD', e.g. '2026-11-15'."),
    "window": ("计划结束日 {end} 早于开始日 {start}。请检查 start 和 end。",
               "The plan ends ({end}) before it starts ({start}). Check start and end."),
    "list": ("'{field}' 应是一个列表 [...]，收到的是 {got}。", "'{field}' must be a list [...], got {got}."),
    "wave_dict": ("第 {row} 批应是一个字典 {{\"stores\": 40, \"start\": ..., \"end\": ...}}，收到的是 {got}。",
                  "Wave {row} must be a dict {{\"stores\": 40, \"start\": ..., \"end\": ...}}, got {got}."),
    "wave_missing": ("第 {row} 批缺少 '{field}'。每批要写门店（stores）、开始日（start）和结束日（end）。",
                     "Wave {row} is missing '{field}'. Every wave needs stores, start and end."),
    "stores": ("第 {row} 批的 stores = {value!r} 不对：写门店数（正整数）、门店编号列表或一段说明文字。",
               "Wave {row}: stores = {value!r} is invalid: give a number of stores (> 0), a list of store ids or "
               "a short description."),
    "plan": ("计划", "The plan"),
    "wave": ("第 {row} 批", "Wave {row}"),
    "meeting": ("第 {row} 次协同会", "Meeting {row}"),
    "meeting_name": ("第{row}次协同会", "Meeting {row}"),
    # problems
    "liaison": ("没有专项对接人：请指定一位负责这家连锁的专项对接人（liaison），负责跟踪进度、及时响应问题。",
                "No liaison: name the dedicated liaison for this chain (liaison), who tracks progress and "
                "answers problems quickly."),
    "no_waves": ("没有门店推动批次：请至少安排一批门店（waves），写明门店和起止日期。",
                 "No store push wave: plan at least one wave of stores (waves) with its dates."),
    "wave_dates": ("第 {row} 批结束日 {end} 早于开始日 {start}。", "Wave {row} ends ({end}) before it starts ({start})."),
    "overlap": ("第 {a} 批（{a_start} 至 {a_end}）和第 {b} 批（{b_start} 至 {b_end}）时间重叠。请让下一批在上一批结束后开始。",
                "Wave {a} ({a_start} to {a_end}) and wave {b} ({b_start} to {b_end}) overlap. Start the next wave "
                "after the previous one ends."),
    "outside": ("{what} {date} 在计划期（{start} 至 {end}）之外。请放进计划期内，或调整计划期。",
                "{what_en} {date} is outside the plan window ({start} to {end}). Move it inside or change the window."),
    "wave_start": ("第 {row} 批开始日", "Wave {row} start"),
    "wave_end": ("第 {row} 批结束日", "Wave {row} end"),
    "no_meetings": ("没有执行协同会：请至少每月安排一次（meetings），及时解决落地障碍。",
                    "No coordination meetings: hold at least one a month (meetings) to clear obstacles."),
    "gap": ("{a} 到 {b} 之间 {days} 天没有协同会：协同会至少每月一次（间隔不超过 {max} 天）。",
            "{days} days without a coordination meeting between {a} and {b}: meet at least monthly "
            "(gaps of at most {max} days)."),
    # table / chart
    "kind_wave": ("门店推动", "store push"),
    "kind_meeting": ("协同会", "meeting"),
    "title": ("总部推动计划：{liaison}", "HQ push plan: {liaison}"),
    "no_liaison": ("（未指定对接人）", "(no liaison)"),
    "wave_label": ("第{row}批", "Wave {row}"),
    "stores_n": ("{n} 家", "{n} stores"),
    "meetings_label": ("协同会", "Meetings"),
    "xlabel": ("日期", "Date"),
})


def _require_plan_date(value: Any, key: str, where: tuple[str, str], row: int | None) -> dt.date:
    day = parse_date(value)
    if day is None:
        zh, en = MSGS.both("date", where=where[0], where_en=where[1], field=key, value=value)
        raise BadSpecError(zh, en, column=key, row=row)
    return day


def _liaison_text(liaison: Any) -> str:
    if isinstance(liaison, Mapping):
        parts = [str(liaison.get(k, "")).strip() for k in ("name", "role", "contact")]
        return " ".join(p for p in parts if p)
    if liaison is None:
        return ""
    return str(liaison).strip()


def _stores_text(stores: Any, row: int) -> tuple[str, int | None]:
    if isinstance(stores, numbers.Integral) and not isinstance(stores, bool) and stores > 0:
        return str(int(stores)), int(stores)
    if isinstance(stores, str) and stores.strip():
        return stores.strip(), None
    if isinstance(stores, Sequence) and not isinstance(stores, str) and stores \
            and all(isinstance(s, str) and s.strip() for s in stores):
        return "、".join(s.strip() for s in stores[:3]) + ("…" if len(stores) > 3 else ""), len(stores)
    raise BadSpecError(*MSGS.both("stores", row=row, value=stores), column="stores", row=row)


@dataclass(frozen=True, repr=False)
class PushPlan(TableResult):
    """A validated HQ push plan (see :func:`push_plan`).

    Attributes
    ----------
    table : DataFrame
        One row per wave then per meeting: ``kind`` (wave / meeting),
        ``name``, ``stores`` (text), ``n_stores`` (a number when known),
        ``start``, ``end`` (ISO dates).
    liaison : str
        The liaison as written ('' when missing).
    start, end : str
        The plan window.
    problems : tuple of Problem
        Every weakness found; empty when the plan is sound.
    """

    liaison: str = ""
    start: str = ""
    end: str = ""
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the plan has no problem."""
        return not self.problems

    def validate(self) -> list[Problem]:
        """The problems as a list (empty when the plan is sound)."""
        return list(self.problems)

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Gantt-style chart: one bar per wave, a dashed line per meeting, the window shaded.

        Examples
        --------
        >>> plan = push_plan({"liaison": "张伟", "start": "2026-11-01", "end": "2026-12-31",
        ...                   "waves": [{"stores": 40, "start": "2026-11-01", "end": "2026-11-30"}],
        ...                   "meetings": ["2026-11-15", "2026-12-15"]})
        >>> [t.get_text() for t in plan.plot().get_yticklabels()]
        ['第1批 40 家']
        """
        import matplotlib.dates as mdates

        fig, ax = new_axes(ax, figsize=kwargs.pop("figsize", (8.0, 3.6)))
        t = self.table
        waves = t[t["kind"] == "wave"].reset_index(drop=True)
        meetings = t[t["kind"] == "meeting"]
        start, end = pd.Timestamp(self.start), pd.Timestamp(self.end)
        ax.axvspan(mdates.date2num(start), mdates.date2num(end + pd.Timedelta(days=1)),
                   color="#f2f2f2", zorder=0)
        labels = []
        for i, wave in waves.iterrows():
            a, b = pd.Timestamp(wave["start"]), pd.Timestamp(wave["end"])
            width = max((b - a).days + 1, 1)
            ax.barh(i, width, left=mdates.date2num(a), height=0.5, color="#1f77b4", zorder=2)
            n = wave["n_stores"]
            label = MSGS("wave_label", row=i + 1)
            labels.append(f"{label} {MSGS('stores_n', n=int(n))}" if pd.notna(n) else f"{label} {wave['stores']}")
        for j, (_, m) in enumerate(meetings.iterrows()):
            ax.axvline(mdates.date2num(pd.Timestamp(m["start"])), color="#d62728", linestyle="--",
                       linewidth=1, zorder=3, label=MSGS.label("meetings_label") if j == 0 else None)
        ax.set_yticks(range(len(waves)), labels)
        ax.set_ylim(len(waves) - 0.5 if len(waves) else 0.5, -0.5)
        ax.xaxis.set_major_locator(mdates.MonthLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        ax.set_xlabel(MSGS.label("xlabel"))
        ax.set_title(MSGS("title", liaison=self.liaison or MSGS("no_liaison")), fontsize=10)
        if len(meetings):
            ax.legend(loc="upper right", fontsize=8)
        return ax


def push_plan(plan: Any) -> PushPlan:
    """Validate an HQ push plan and return it with its problems listed.

    Parameters
    ----------
    plan : dict
        ``liaison``, ``start``, ``end``, ``waves`` (list of
        ``{"name", "stores", "start", "end"}``), ``meetings`` (list of
        dates), optional ``name``.  See the module docstring.

    Returns
    -------
    PushPlan
        ``.table``, ``.problems`` (empty when sound), ``.ok``, ``.plot()``.

    Raises
    ------
    BadSpecError
        A malformed plan: not a dict, an unknown field, a missing window
        date, a date that cannot be read, a window that ends before it
        starts, waves or meetings that are not lists, a wave without
        stores or dates.

    Examples
    --------
    >>> plan = push_plan({"liaison": {"name": "张伟", "role": "KA 经理"}, "start": "2026-11-01",
    ...                   "end": "2026-12-31",
    ...                   "waves": [{"name": "A 类门店", "stores": 30, "start": "2026-11-01", "end": "2026-11-30"},
    ...                             {"stores": "其余门店", "start": "2026-12-01", "end": "2026-12-31"}],
    ...                   "meetings": ["2026-11-20", "2026-12-18"]})
    >>> plan.ok, plan.liaison
    (True, '张伟 KA 经理')
    >>> plan.table[["kind", "name", "stores", "start", "end"]]
          kind   name stores       start         end
    0     wave  A 类门店     30  2026-11-01  2026-11-30
    1     wave    第2批   其余门店  2026-12-01  2026-12-31
    2  meeting  第1次协同会         2026-11-20  2026-11-20
    3  meeting  第2次协同会         2026-12-18  2026-12-18
    >>> push_plan({"liaison": "", "start": "2026-11-01", "end": "2026-12-31", "waves": [],
    ...            "meetings": ["2026-11-20", "2026-12-18"]}).problems[0].code
    'liaison'
    """
    if not isinstance(plan, Mapping):
        raise BadSpecError(*MSGS.both("not_dict", got=type(plan).__name__), column="plan")
    for key in plan:
        if key not in _KEYS:
            zh_hint, en_hint = did_you_mean(key, _KEYS)
            raise BadSpecError(*MSGS.both("unknown", field=key, zh_hint=zh_hint, en_hint=en_hint,
                                          known=", ".join(_KEYS)), column=str(key))
    where_plan = MSGS.both("plan")
    for key, what in (("start", ("开始日", "start date")), ("end", ("结束日", "end date"))):
        if plan.get(key) in (None, ""):
            raise BadSpecError(*MSGS.both("missing", field=key, what=what[0], what_en=what[1]), column=key)
    start = _require_plan_date(plan["start"], "start", where_plan, None)
    end = _require_plan_date(plan["end"], "end", where_plan, None)
    if end < start:
        raise BadSpecError(*MSGS.both("window", start=start, end=end), column="end")
    waves_in = plan.get("waves", [])
    meetings_in = plan.get("meetings", [])
    for key, value in (("waves", waves_in), ("meetings", meetings_in)):
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
            raise BadSpecError(*MSGS.both("list", field=key, got=type(value).__name__), column=key)

    rows: list[dict[str, Any]] = []
    for row, wave in enumerate(waves_in, start=1):
        if not isinstance(wave, Mapping):
            raise BadSpecError(*MSGS.both("wave_dict", row=row, got=type(wave).__name__), column="waves", row=row)
        for key in wave:
            if key not in _WAVE_KEYS:
                zh_hint, en_hint = did_you_mean(key, _WAVE_KEYS)
                raise BadSpecError(*MSGS.both("wave_unknown", row=row, field=key, zh_hint=zh_hint, en_hint=en_hint),
                                   column=str(key), row=row)
        for key in ("stores", "start", "end"):
            if key not in wave:
                raise BadSpecError(*MSGS.both("wave_missing", row=row, field=key), column=key, row=row)
        where = MSGS.both("wave", row=row)
        text, n = _stores_text(wave["stores"], row)
        rows.append({"kind": "wave", "name": str(wave.get("name") or MSGS("wave_label", row=row)),
                     "stores": text, "n_stores": n, "start": _require_plan_date(wave["start"], "start", where, row),
                     "end": _require_plan_date(wave["end"], "end", where, row)})
    meeting_dates = []
    for row, day in enumerate(meetings_in, start=1):
        d = _require_plan_date(day, "meetings", MSGS.both("meeting", row=row), row)
        meeting_dates.append(d)
        rows.append({"kind": "meeting", "name": MSGS("meeting_name", row=row), "stores": "",
                     "n_stores": None, "start": d, "end": d})

    problems: list[Problem] = []
    liaison = _liaison_text(plan.get("liaison"))
    if not liaison:
        problems.append(Problem("liaison", *MSGS.both("liaison")))
    waves = [r for r in rows if r["kind"] == "wave"]
    if not waves:
        problems.append(Problem("no_waves", *MSGS.both("no_waves")))
    for i, w in enumerate(waves, start=1):
        if w["end"] < w["start"]:
            problems.append(Problem("wave_dates", *MSGS.both("wave_dates", row=i, start=w["start"], end=w["end"])))
    order = sorted(range(len(waves)), key=lambda i: (waves[i]["start"], i))
    for x, y in zip(order, order[1:]):
        a, b = waves[x], waves[y]
        if b["start"] <= a["end"]:
            i, j = sorted((x, y))
            problems.append(Problem("overlap", *MSGS.both(
                "overlap", a=i + 1, b=j + 1, a_start=waves[i]["start"], a_end=waves[i]["end"],
                b_start=waves[j]["start"], b_end=waves[j]["end"])))
    for i, w in enumerate(waves, start=1):
        for key in ("start", "end"):
            if not start <= w[key] <= end:
                zh_w, en_w = MSGS.both(f"wave_{key}", row=i)
                problems.append(Problem("outside", *MSGS.both("outside", what=zh_w, what_en=en_w, date=w[key],
                                                              start=start, end=end)))
    for i, d in enumerate(meeting_dates, start=1):
        if not start <= d <= end:
            zh_w, en_w = MSGS.both("meeting", row=i)
            problems.append(Problem("outside", *MSGS.both("outside", what=zh_w, what_en=en_w, date=d,
                                                          start=start, end=end)))
    if not meeting_dates:
        problems.append(Problem("meetings", *MSGS.both("no_meetings")))
    else:
        inside = sorted(d for d in set(meeting_dates) if start <= d <= end)
        points = [start, *inside, end]
        for a, b in zip(points, points[1:]):
            days = (b - a).days
            if days > MAX_MEETING_GAP:
                problems.append(Problem("meetings", *MSGS.both("gap", a=a, b=b, days=days, max=MAX_MEETING_GAP)))
                break

    table = pd.DataFrame(rows, columns=["kind", "name", "stores", "n_stores", "start", "end"])
    table["n_stores"] = table["n_stores"].astype("Int64")
    for col in ("start", "end"):
        table[col] = table[col].map(lambda d: d.isoformat()).astype(object)
    return PushPlan(table=table, liaison=liaison, start=start.isoformat(), end=end.isoformat(),
                    problems=tuple(problems))
