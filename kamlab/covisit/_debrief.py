"""The debrief record (拜访后总结): step 4 written down and checked.

After the calls, manager and rep sit down together: answer the customers'
questions, exchange views on the product, market and sales problems seen on
the calls, agree, and set improvement measures (提出改善措施).  A record::

    {"date": "2026-11-10",
     "well": ["开场先问店长的困难，客户愿意谈"],
     "improve": ["没有提新品陈列的要求"],
     "improvements": [{"action": "每次拜访结束前提 1 个陈列要求", "owner": "业务员 李强", "due": "2026-11-24"}],
     "next_covisit": "2026-12-08"}

(Chinese keys work too: 日期, 做得好, 待改进, 改善措施 — 措施 / 负责人 / 完成日期 —,
下次协访.)  :func:`debrief` names every problem in Chinese and English:

* ``no_date`` / ``bad_date``; ``date_mismatch`` — not the debrief day of the
  plan passed as *visit*;
* ``no_well`` — nothing that went well: a debrief encourages as well as
  corrects (商量、鼓励、就事论事); ``no_improve`` — nothing to improve;
* ``no_improvements`` — no agreed improvement; per improvement
  ``no_action``, ``no_owner``, ``no_due`` / ``bad_due``, ``due_before`` (before
  the debrief) and ``due_after_next`` (after the next co-visit, where it is
  checked);
* ``no_next`` / ``bad_next``; ``next_before`` — not after the debrief.

Course recommendation (``DebriefResult.advice``, not in the seed, never an
error): ``next_far`` — the next co-visit more than :data:`MAX_NEXT_DAYS`
days after the debrief.

Examples
--------
>>> rec = debrief({"date": "2026-11-10", "well": "开场先问店长的困难", "improve": "没提陈列要求",
...                "improvements": [{"action": "每次拜访提 1 个陈列要求", "owner": "", "due": "2026-12-20"}],
...                "next_covisit": "2026-12-08"})
>>> rec.ok, [(p.code, p.item) for p in rec.problems]
(False, [('no_owner', 1), ('due_after_next', 1)])
>>> far = debrief({"date": "2026-11-10", "well": "a", "improve": "b", "next_covisit": "2027-02-01",
...                "improvements": [{"action": "x", "owner": "y", "due": "2026-11-20"}]})
>>> far.ok, [p.code for p in far.advice]
(True, ['next_far'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._result import TableResult
from ._common import Problem, blank, parse_date, problem, read_fields, read_items, short

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from ._plan import VisitPlan

__all__ = ["debrief", "DebriefResult", "record_from_table", "MAX_NEXT_DAYS", "RECORD_FIELDS", "IMPROVEMENT_FIELDS"]

#: The next co-visit is at most this many days after the debrief.
MAX_NEXT_DAYS = 60
RECORD_FIELDS = ("date", "well", "improve", "improvements", "next_covisit")
IMPROVEMENT_FIELDS = ("action", "owner", "due")
#: The record's own fields, repeated on every row of :attr:`DebriefResult.table`.
HEADER_COLUMNS = ("date", "well", "improve", "next_covisit")
#: Separator of the texts in the table's ``well`` and ``improve`` columns.
TEXT_SEP = " | "

_RECORD_ALIASES = {
    "date": "date", "日期": "date", "总结日期": "date", "复盘日期": "date",
    "well": "well", "went_well": "well", "做得好": "well", "做得好的": "well", "亮点": "well", "优点": "well",
    "improve": "improve", "to_improve": "improve", "待改进": "improve", "需改进": "improve", "不足": "improve",
    "improvements": "improvements", "agreed": "improvements", "actions": "improvements", "改善措施": "improvements",
    "改进措施": "improvements",
    "next_covisit": "next_covisit", "next": "next_covisit", "下次协访": "next_covisit", "下次协访日期": "next_covisit",
}
_ITEM_ALIASES = {
    "action": "action", "措施": "action", "改善措施": "action", "动作": "action", "做什么": "action",
    "owner": "owner", "负责人": "owner", "责任人": "owner",
    "due": "due", "完成日期": "due", "截止日期": "due", "deadline": "due", "日期": "due",
}

MSGS = Messages({
    "no_date": ("总结记录没有日期。请写成 YYYY-MM-DD。", "The record has no date. Write it as YYYY-MM-DD."),
    "bad_date": ("总结日期 {value!r} 无法识别。请写成 YYYY-MM-DD，例如 2026-11-10。",
                 "The date {value!r} cannot be read. Write it as YYYY-MM-DD, e.g. 2026-11-10."),
    "date_mismatch": ("总结日期 {date} 与协访计划安排的总结日期 {planned} 不一致。",
                      "The record's date {date} is not the debrief day of the plan ({planned})."),
    "no_well": ("没有写做得好的地方。总结要先肯定业务员做得好的（商量、鼓励、就事论事），再谈改进。",
                "Nothing that went well. Start with what the rep did well (discuss, encourage, stick to facts), "
                "then what to improve."),
    "no_improve": ("没有写需要改进的地方。协访要发现经销商在客户沟通中存在的问题。",
                   "Nothing to improve. A co-visit should uncover problems in the rep's customer communication."),
    "no_improvements": ("没有商定改善措施。总结要和经销商达成共识，提出改善措施。",
                        "No improvement agreed. A debrief ends with agreed improvement measures."),
    "no_action": ("第 {i} 条改善措施没有写做什么。", "Improvement {i} does not say what to do."),
    "no_owner": ("第 {i} 条改善措施「{action}」没有负责人。", "Improvement {i} ('{action}') has no owner."),
    "no_due": ("第 {i} 条改善措施「{action}」没有完成日期。请写成 YYYY-MM-DD。",
               "Improvement {i} ('{action}') has no due date. Write it as YYYY-MM-DD."),
    "bad_due": ("第 {i} 条改善措施「{action}」的完成日期 {value!r} 无法识别。请写成 YYYY-MM-DD。",
                "Improvement {i} ('{action}'): due date {value!r} cannot be read. Write it as YYYY-MM-DD."),
    "due_before": ("第 {i} 条改善措施「{action}」的完成日期 {due} 早于总结日期 {date}。",
                   "Improvement {i} ('{action}'): due {due} is before the debrief ({date})."),
    "due_after_next": ("第 {i} 条改善措施「{action}」的完成日期 {due} 晚于下次协访 {next}。下次协访要检查它，请定在那之前。",
                       "Improvement {i} ('{action}'): due {due} is after the next co-visit ({next}), where it is "
                       "checked. Set it before."),
    "no_next": ("没有约定下次协访日期。下次协访检查改善措施的落实。",
                "No next co-visit is set. The next co-visit checks that the improvements were made."),
    "bad_next": ("下次协访日期 {value!r} 无法识别。请写成 YYYY-MM-DD。",
                 "The next co-visit date {value!r} cannot be read. Write it as YYYY-MM-DD."),
    "next_before": ("下次协访 {next} 不在总结日期 {date} 之后。", "The next co-visit ({next}) is not after the debrief "
                                                           "({date})."),
    "next_far": ("课程建议（讲义未规定）：下次协访 {next} 距总结日期 {date} 超过 {max} 天。本课程建议在 {last} 之前"
                 "再协访一次，跟进改善措施。",
                 "Course recommendation (not in the course text): the next co-visit ({next}) is more than {max} days "
                 "after the debrief ({date}). The course suggests co-visiting again by {last} to follow the "
                 "improvements up."),
    "err_texts": ("{field} 应是一段文字或文字列表，收到 {type}。", "{field} must be a text or a list of texts; got {type}."),
    "ok": ("总结记录完整：有肯定、有改进、有商定的措施和下次协访。",
           "The debrief record is complete: what went well, what to improve, agreed measures and the next co-visit."),
    "title": ("拜访后总结 {date}：改善措施与下次协访", "Debrief {date}: improvements and the next co-visit"),
    "xlabel": ("距总结日的天数", "days after the debrief"),
    "next_line": ("下次协访 {next}", "next co-visit {next}"),
    "sep": ("；", "; "),
})


def _texts(value: Any, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            if not blank(v):
                if not isinstance(v, (str, int, float)):
                    raise BadSpecError(*MSGS.both("err_texts", field=field, type=type(v).__name__), column=field)
                out.append(str(v).strip())
        return tuple(out)
    raise BadSpecError(*MSGS.both("err_texts", field=field, type=type(value).__name__), column=field)


def debrief(record: Mapping[str, Any], *, visit: "VisitPlan | None" = None,
            max_next_days: int = MAX_NEXT_DAYS) -> "DebriefResult":
    """Check a debrief record: what went well, what to improve, agreed improvements, the next co-visit.

    Parameters
    ----------
    record : dict
        ``date``, ``well`` and ``improve`` (a text or list of texts),
        ``improvements`` (list of dicts ``action``, ``owner``, ``due``) and
        ``next_covisit``.  Chinese keys work too.
    visit : VisitPlan, optional
        The plan of the co-visit: the record's date must be its debrief day.
    max_next_days : int
        The next co-visit is at most this many days after the debrief.

    Returns
    -------
    DebriefResult
        ``.ok``, ``.problems``, ``.table`` (one row per improvement) and
        ``.plot()`` (the due dates and the next co-visit on a timeline).

    Raises
    ------
    BadSpecError
        When *record* is not a dict, has an unknown field, ``improvements``
        is not a list of dicts, an improvement has an unknown field, or
        ``well`` / ``improve`` are not texts.

    Examples
    --------
    >>> rec = debrief({"日期": "2026-11-10", "做得好": ["开场先问店长的困难"], "待改进": ["没提陈列要求"],
    ...                "改善措施": [{"措施": "每次拜访提 1 个陈列要求", "负责人": "李强", "完成日期": "2026-11-24"}],
    ...                "下次协访": "2026-12-08"})
    >>> rec.ok, rec.table.loc[1, "owner"]
    (True, '李强')
    """
    if isinstance(max_next_days, bool) or not isinstance(max_next_days, int) or max_next_days < 1:
        raise BadSpecError(f"max_next_days 应是正整数（默认 {MAX_NEXT_DAYS}），收到 {max_next_days!r}。",
                           f"max_next_days must be a positive whole number (default {MAX_NEXT_DAYS}); "
                           f"got {max_next_days!r}.", column="max_next_days")
    head = read_fields(record, _RECORD_ALIASES, RECORD_FIELDS, what=("总结记录", "the debrief record"))
    items = read_items([] if head["improvements"] is None else head["improvements"], _ITEM_ALIASES,
                       IMPROVEMENT_FIELDS, what=("改善措施（improvements）", "'improvements'"))
    well = _texts(head["well"], "well")
    improve = _texts(head["improve"], "improve")

    P = lambda code, field, item=None, **kw: problem(MSGS, code, field, item, **kw)  # noqa: E731
    top: list[Problem] = []
    date = parse_date(head["date"])
    if blank(head["date"]):
        top.append(P("no_date", "date"))
    elif date is None:
        top.append(P("bad_date", "date", value=head["date"]))
    elif visit is not None and getattr(visit, "debrief", None):
        planned = parse_date(visit.debrief)
        if planned is not None and planned != date:
            top.append(P("date_mismatch", "date", date=date.isoformat(), planned=planned.isoformat()))
    if not well:
        top.append(P("no_well", "well"))
    if not improve:
        top.append(P("no_improve", "improve"))
    if not items:
        top.append(P("no_improvements", "improvements"))
    nxt = parse_date(head["next_covisit"])

    per_item: list[list[Problem]] = [[] for _ in items]
    for i, it in enumerate(items, start=1):
        mine = per_item[i - 1]
        action = short(it["action"])
        if blank(it["action"]):
            mine.append(P("no_action", "action", i, i=i))
        if blank(it["owner"]):
            mine.append(P("no_owner", "owner", i, i=i, action=action))
        due = parse_date(it["due"])
        if blank(it["due"]):
            mine.append(P("no_due", "due", i, i=i, action=action))
        elif due is None:
            mine.append(P("bad_due", "due", i, i=i, action=action, value=it["due"]))
        elif date is not None and due < date:
            mine.append(P("due_before", "due", i, i=i, action=action, due=due.isoformat(), date=date.isoformat()))
        elif nxt is not None and due > nxt:
            mine.append(P("due_after_next", "due", i, i=i, action=action, due=due.isoformat(), next=nxt.isoformat()))

    tail: list[Problem] = []
    advice: list[Problem] = []
    if blank(head["next_covisit"]):
        tail.append(P("no_next", "next_covisit"))
    elif nxt is None:
        tail.append(P("bad_next", "next_covisit", value=head["next_covisit"]))
    elif date is not None:
        last = date + dt.timedelta(days=max_next_days)
        if nxt <= date:
            tail.append(P("next_before", "next_covisit", next=nxt.isoformat(), date=date.isoformat()))
        elif nxt > last:
            advice.append(P("next_far", "next_covisit", next=nxt.isoformat(), date=date.isoformat(),
                          max=max_next_days, last=last.isoformat()))

    sep = MSGS.label("sep")
    table = pd.DataFrame({
        "action": [it["action"] for it in items],
        "owner": [it["owner"] for it in items],
        "due": [parse_date(it["due"]).isoformat() if parse_date(it["due"]) else it["due"] for it in items],
        "ok": [not ps for ps in per_item],
        "problems": [sep.join(p.text() for p in ps) for ps in per_item],
    }, columns=["action", "owner", "due", "ok", "problems"], index=pd.RangeIndex(1, len(items) + 1, name="item"))
    date_s = date.isoformat() if date else ("" if blank(head["date"]) else str(head["date"]))
    next_s = nxt.isoformat() if nxt else (None if blank(head["next_covisit"]) else str(head["next_covisit"]))
    # the record's own fields ride along on every row, so the table alone (what a notebook records) is the record
    for name, value in (("date", date_s), ("well", TEXT_SEP.join(well)), ("improve", TEXT_SEP.join(improve)),
                        ("next_covisit", next_s)):
        table[name] = pd.Series([value] * len(table), index=table.index, dtype=object)
    return DebriefResult(table=table, problems=tuple(top + [p for ps in per_item for p in ps] + tail),
                         advice=tuple(advice),
                         date=date_s, well=well, improve=improve, next_covisit=next_s, max_next_days=max_next_days)


def record_from_table(table: pd.DataFrame) -> dict[str, Any]:
    """The record dict held by a :attr:`DebriefResult.table` (e.g. one read back from a notebook).

    Examples
    --------
    >>> rec = debrief({"date": "2026-11-10", "well": ["a", "b"], "improve": "c", "next_covisit": "2026-12-01",
    ...                "improvements": [{"action": "x", "owner": "y", "due": "2026-11-20"}]})
    >>> record_from_table(rec.table) == rec.to_dict()
    True
    """
    if not isinstance(table, pd.DataFrame):
        raise BadSpecError(f"应是 DebriefResult 的 table（DataFrame），收到 {type(table).__name__}。",
                           f"Expected the table of a DebriefResult (a DataFrame); got {type(table).__name__}.",
                           column="table")
    first = table.iloc[0].to_dict() if len(table) else {}
    head = {c: (None if blank(first.get(c)) else first.get(c)) for c in HEADER_COLUMNS}
    items = [{c: (None if blank(r.get(c)) else r.get(c)) for c in IMPROVEMENT_FIELDS} for r in table.to_dict("records")]
    split = lambda v: [t for t in str(v or "").split(TEXT_SEP) if t.strip()]  # noqa: E731
    return {"date": head["date"] or "", "well": split(head["well"]), "improve": split(head["improve"]),
            "improvements": items, "next_covisit": head["next_covisit"]}


@dataclass(frozen=True)
class DebriefResult(TableResult):
    """A checked debrief record (see :func:`debrief`).

    Attributes
    ----------
    table : DataFrame
        One row per agreed improvement (index 1, 2, ...): action, owner, due,
        ok, problems, and the record's own fields repeated on every row
        (date, well and improve joined by ``" | "``, next_covisit), so the
        table alone holds the record (:func:`record_from_table`).
    problems : tuple of Problem
    advice : tuple of Problem
        The course's recommendations the record does not follow (not in the seed; never an error).
    date : str
    well, improve : tuple of str
    next_covisit : str or None
    max_next_days : int
    """

    problems: tuple[Problem, ...] = ()
    advice: tuple[Problem, ...] = ()
    date: str = ""
    well: tuple[str, ...] = ()
    improve: tuple[str, ...] = ()
    next_covisit: str | None = None
    max_next_days: int = MAX_NEXT_DAYS

    @property
    def ok(self) -> bool:
        """True when the record has no problem."""
        return not self.problems

    def messages(self) -> list[str]:
        """The problems in the current language."""
        return [p.text() for p in self.problems]

    def advice_messages(self) -> list[str]:
        """The course's recommendations the record does not follow, in the current language."""
        return [p.text() for p in self.advice]

    def to_dict(self) -> dict[str, Any]:
        """The record as the dict :func:`debrief` reads.

        Examples
        --------
        >>> rec = debrief({"date": "2026-11-10", "well": "a", "improve": "b", "next_covisit": "2026-12-01"})
        >>> debrief(rec.to_dict()).problems == rec.problems
        True
        """
        items = [{c: (None if blank(r.get(c)) else r.get(c)) for c in IMPROVEMENT_FIELDS}
                 for r in self.table.to_dict("records")]
        return {"date": self.date, "well": list(self.well), "improve": list(self.improve), "improvements": items,
                "next_covisit": self.next_covisit}

    def _repr_html_(self) -> str:
        head = (f"<p>✅ {MSGS('ok')}</p>" if self.ok else
                "<ul>" + "".join(f"<li>❌ {p.text()}</li>" for p in self.problems) + "</ul>")
        if self.advice:
            head += "<ul>" + "".join(f"<li>💡 {p.text()}</li>" for p in self.advice) + "</ul>"
        return head + self.table.drop(columns=list(HEADER_COLUMNS))._repr_html_()

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Each improvement as a bar from the debrief to its due date (red on a problem); the next co-visit as a line.

        Examples
        --------
        >>> rec = debrief({"date": "2026-11-10", "well": "a", "improve": "b", "next_covisit": "2026-12-01",
        ...                "improvements": [{"action": "x", "owner": "y", "due": "2026-11-20"}]})
        >>> rec.plot().get_title()
        '拜访后总结 2026-11-10：改善措施与下次协访'
        """
        return _timeline(self, ax)


@styled
def _timeline(res: DebriefResult, ax: "Axes | None") -> "Axes":
    t = res.table
    fig, ax = new_axes(ax, figsize=(8.0, 1.4 + 0.6 * max(len(t), 1)))
    day = parse_date(res.date)
    nxt = parse_date(res.next_covisit) if res.next_covisit else None
    labels = []
    for y, (_, row) in enumerate(t.iterrows()):   # a handful of improvements
        due = parse_date(row["due"])
        if day is not None and due is not None:
            days = (due - day).days
            ax.barh(y, days, left=0, height=0.5, color="#2e7d32" if row["ok"] else "#c62828", alpha=0.75)
            ax.text(max(days, 0) + 0.5, y, f"{due.isoformat()} · {short(row['owner'], 8)}", va="center", fontsize=8)
        labels.append(short(row["action"], 16))
    ax.axvline(0, color="#444444", lw=1)
    right = 30
    if day is not None and nxt is not None:
        d = (nxt - day).days
        ax.axvline(d, color="#1f77b4", ls="--", lw=1.2)
        ax.text(d, -0.7, MSGS("next_line", next=nxt.isoformat()), color="#1f77b4", ha="center", fontsize=9)
        right = max(right, d + 12)
    ax.set_xlim(-2, max(right, ax.get_xlim()[1]))
    ax.set_yticks(range(len(t)))
    ax.set_yticklabels(labels, fontsize=9)
    ax.set_ylim(max(len(t), 1) - 0.4, -1.1)
    ax.set_xlabel(MSGS.label("xlabel"))
    ax.set_title(MSGS("title", date=res.date or "—"))
    return ax
