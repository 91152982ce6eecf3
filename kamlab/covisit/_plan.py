"""The co-visit planner (协访计划): steps 1–2 written down and checked.

A plan is one dict for one co-visit day with one distributor's rep::

    {"distributor": "浙瑞医药商业", "rep": "业务员 李强", "date": "2026-11-10",
     "preparation": ["customer_info", "customer_issues", "agree_plan", "materials"],
     "calls": [{"customer": "浙和药店 延安店", "time": "09:30", "mode": "示范",
                "objective": "让店长同意新品进 2 个单品"}, ...],
     "debrief": "2026-11-10 17:00"}

(Chinese keys work too: 经销商, 业务员, 日期, 准备, 拜访, 总结; per call 客户,
时间, 方式, 目标, and optionally 主导 — who leads.)  :func:`plan_visit`
names every problem in Chinese and English, with the call it concerns:

* the plan: ``no_distributor``, ``no_rep``; ``no_date`` / ``bad_date`` /
  ``date_past`` (before *today*); ``prep_missing`` — the four preparation
  items of step 1 (客户资料、客户问题、确定时间方式和对象、物料) must all be
  ticked; ``no_calls``; ``too_many_calls`` — more than :data:`MAX_CALLS` on
  one day leaves no time to prepare, talk and debrief each call;
* each call: ``no_customer``, ``duplicate_customer``; ``no_time`` /
  ``bad_time`` (``HH:MM``) / ``time_clash`` (less than
  :data:`CALL_MINUTES` after the call before); ``no_mode`` /
  ``unknown_mode`` (示范 or 观察); ``lead_mismatch`` — 示范式 is led by the
  manufacturer, 观察式 by the distributor's rep; ``no_objective`` /
  ``not_measurable`` — an objective must name the result to reach with a
  number ("新品进 2 个单品", "拿到 1 个堆头");
* the mix of modes: ``all_demonstration`` — a day of demonstrations only
  takes the rep's job over (大包大揽) and never lets you see the rep's own
  problems; ``observe_first`` — an observation call before the first
  demonstration: demonstrate first, so the rep can use it on the calls you
  then observe;
* the debrief (step 4): ``no_debrief`` / ``bad_debrief``;
  ``debrief_early`` — before the last call ends; ``debrief_late`` — later
  than the next day: debrief while the calls are fresh.

Examples
--------
>>> plan = plan_visit({"distributor": "浙瑞医药商业", "rep": "李强", "date": "2026-11-10",
...     "preparation": ["客户资料", "客户问题", "确定时间、方式和对象", "物料"],
...     "calls": [{"customer": "五一店", "time": "09:30", "mode": "示范", "objective": "新品进 2 个单品"},
...               {"customer": "解放店", "time": "11:00", "mode": "观察", "objective": "加强沟通"}],
...     "debrief": "2026-11-10 16:00"}, today="2026-11-01")
>>> plan.ok, [(p.code, p.item) for p in plan.problems]
(False, [('not_measurable', 2)])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages
from ._common import DIGIT, Problem, blank, fmt_time, parse_date, parse_time, problem, read_fields, read_items, \
    require_date, short
from ._model import MODES, PREPARATION
from ._names import mode_code, prep_code
from ._visitplan import CALL_FIELDS, CALL_MINUTES, LABELS, MAX_CALLS, PLAN_FIELDS, PREP_SEP, VisitPlan, split_debrief

__all__ = ["plan_visit"]

_PLAN_ALIASES = {
    "distributor": "distributor", "经销商": "distributor", "商业公司": "distributor",
    "rep": "rep", "业务员": "rep", "经销商业务员": "rep", "sales_rep": "rep",
    "date": "date", "日期": "date", "协访日期": "date", "拜访日期": "date",
    "preparation": "preparation", "prep": "preparation", "准备": "preparation", "准备清单": "preparation",
    "拜访前的准备": "preparation",
    "calls": "calls", "visits": "calls", "拜访": "calls", "拜访客户": "calls", "客户": "calls",
    "debrief": "debrief", "总结": "debrief", "复盘": "debrief", "拜访后总结": "debrief", "总结时间": "debrief",
}
_CALL_ALIASES = {
    "customer": "customer", "客户": "customer", "门店": "customer",
    "time": "time", "时间": "time", "开始时间": "time",
    "mode": "mode", "方式": "mode", "模式": "mode", "协访方式": "mode",
    "objective": "objective", "目标": "objective", "拜访目标": "objective", "goal": "objective",
    "lead": "lead", "主导": "lead", "谁主导": "lead", "led_by": "lead",
}
_LEADS = {
    "demonstration": ("厂家", "厂方", "区域经理", "经理", "manufacturer", "manager", "我"),
    "observation": ("经销商", "业务员", "经销商业务员", "商业", "rep", "distributor"),
}
MSGS = Messages({
    "no_distributor": ("计划没有写经销商。请写上和哪家经销商一起协访。",
                       "The plan names no distributor. Say which distributor you co-visit with."),
    "no_rep": ("计划没有写经销商业务员。协访是和一位业务员一起拜访客户，请写上他的名字。",
               "The plan names no rep. A co-visit is made with one of the distributor's reps: name them."),
    "no_date": ("计划没有协访日期。请写成 YYYY-MM-DD，例如 2026-11-10。",
                "The plan has no date. Write it as YYYY-MM-DD, e.g. 2026-11-10."),
    "bad_date": ("协访日期 {value!r} 无法识别。请写成 YYYY-MM-DD，例如 2026-11-10。",
                 "The date {value!r} cannot be read. Write it as YYYY-MM-DD, e.g. 2026-11-10."),
    "date_past": ("协访日期 {date} 早于今天 {today}。计划要写将来的协访。",
                  "The co-visit date {date} is before today ({today}). Plan a future co-visit."),
    "prep_missing": ("拜访前的准备还缺：{items}。准备不足，协访就难以切入实际业务。",
                     "Preparation is missing: {items_en}. Without it the co-visit cannot get to real business."),
    "no_calls": ("计划里没有要拜访的客户。请至少安排一家客户。",
                 "The plan has no calls. Add at least one customer to visit."),
    "too_many_calls": ("一天安排了 {n} 家客户，超过 {max} 家。每家客户都要准备、沟通和小结，请减到 {max} 家以内。",
                       "{n} calls on one day is more than {max}. Each call needs preparing, talking and "
                       "debriefing: keep it to {max}."),
    "no_customer": ("第 {i} 次拜访没有写客户。", "Call {i} names no customer."),
    "duplicate_customer": ("第 {i} 次拜访的客户「{customer}」前面已经安排过。一天拜访同一家客户一次即可。",
                           "Call {i}: customer '{customer}' is already on the plan. Visit each customer once a day."),
    "no_time": ("第 {i} 次拜访（{customer}）没有时间。请写成 HH:MM，例如 09:30。",
                "Call {i} ({customer}) has no time. Write it as HH:MM, e.g. 09:30."),
    "bad_time": ("第 {i} 次拜访（{customer}）的时间 {value!r} 无法识别。请写成 HH:MM，例如 09:30。",
                 "Call {i} ({customer}): time {value!r} cannot be read. Write it as HH:MM, e.g. 09:30."),
    "time_clash": ("第 {i} 次拜访（{customer}）{time} 开始，离上一次拜访（{other}，{other_time}）不到 {minutes} 分钟。"
                   "每次拜访连路上至少留 {minutes} 分钟。",
                   "Call {i} ({customer}) at {time} starts less than {minutes} minutes after the call before "
                   "({other}, {other_time}). Leave at least {minutes} minutes per call, travel included."),
    "no_mode": ("第 {i} 次拜访（{customer}）没有选方式。请选「示范」或「观察」。",
                "Call {i} ({customer}) has no mode. Choose 示范 (demonstration) or 观察 (observation)."),
    "unknown_mode": ("第 {i} 次拜访（{customer}）：{zh}", "Call {i} ({customer}): {en}"),
    "lead_mismatch": ("第 {i} 次拜访（{customer}）是{mode}式，应由{lead}主导，而计划写的是「{given}」。",
                      "Call {i} ({customer}) is a {mode_en} call, so {lead_en} leads it, but the plan says '{given}'."),
    "no_objective": ("第 {i} 次拜访（{customer}）没有拜访目标。请和经销商一起定下这次拜访要达到的结果。",
                     "Call {i} ({customer}) has no objective. Agree with the distributor the result this call "
                     "must reach."),
    "not_measurable": ("第 {i} 次拜访（{customer}）的目标「{objective}」无法衡量：请写出要达到的结果和一个数字，"
                       "例如 '新品进 2 个单品'、'拿到 1 个堆头'。",
                       "Call {i} ({customer}): the objective '{objective}' cannot be measured: name the result with "
                       "a number, e.g. 'listing for 2 new SKUs', 'one floor display'."),
    "all_demonstration": ("{n} 次拜访全是示范式：厂家一手包办（大包大揽），看不到业务员自己的做法，也就提不出改善建议。"
                          "至少安排 1 次观察式拜访，让业务员主导。",
                          "All {n} calls are demonstrations: you take the rep's job over and never see how they "
                          "work, so you cannot suggest improvements. Make at least one an observation call led by "
                          "the rep."),
    "observe_first": ("第 {i} 次拜访（{customer}，{time}）是观察式，却排在第一次示范式拜访（{first}，{first_time}）之前。"
                      "先示范，业务员才能在随后的观察式拜访中运用。",
                      "Call {i} ({customer}, {time}) is an observation call before the first demonstration "
                      "({first}, {first_time}). Demonstrate first, so the rep can use it on the calls you then "
                      "observe."),
    "no_debrief": ("计划没有安排拜访后总结。请在协访当天或第二天和业务员一起总结（写日期和时间，例如 '{date} 17:00'）。",
                   "No debrief is scheduled. Debrief with the rep the same day or the next (date and time, e.g. "
                   "'{date} 17:00')."),
    "bad_debrief": ("总结时间 {value!r} 无法识别。请写成 'YYYY-MM-DD HH:MM'，例如 '{date} 17:00'。",
                    "Debrief time {value!r} cannot be read. Write 'YYYY-MM-DD HH:MM', e.g. '{date} 17:00'."),
    "debrief_early": ("总结时间 {debrief} 早于最后一次拜访结束（{end}）。总结要在拜访之后。",
                      "The debrief ({debrief}) is before the last call ends ({end}). Debrief after the calls."),
    "debrief_late": ("总结日期 {debrief} 比协访日期 {date} 晚了 {days} 天。请在当天或第二天总结，趁印象还清楚。",
                     "The debrief ({debrief}) is {days} days after the co-visit ({date}). Debrief the same day or "
                     "the next, while it is fresh."),
    "err_prep": ("准备清单应是一个列表，例如 ['客户资料', '客户问题', '确定时间、方式和对象', '物料']，收到 {type}。",
                 "The preparation must be a list such as ['customer_info', 'customer_issues', 'agree_plan', "
                 "'materials']; got {type}."),
    "err_prep_item": ("准备清单第 {i} 条应是文字，收到 {value!r}。",
                      "Preparation item {i} must be a text; got {value!r}."),
})

_MODE_BY_CODE = {m.code: m for m in MODES}


def _lead_code(value: Any) -> str | None:
    key = "".join(str(value).split()).lower()
    for code, names in _LEADS.items():
        if any(key == n.lower() or (len(n) > 1 and n.lower() in key) for n in names):
            return code
    return None


def _preparation(value: Any) -> list[str]:
    """Checklist codes (or the text of a custom item) from a list, or a dict {item: ticked}."""
    if value is None:
        return []
    if isinstance(value, Mapping):
        value = [k for k, v in value.items() if v]
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
        raise BadSpecError(*MSGS.both("err_prep", type=type(value).__name__), column="preparation")
    out = []
    for i, item in enumerate(value, start=1):
        if not isinstance(item, str):
            raise BadSpecError(*MSGS.both("err_prep_item", i=i, value=item), column="preparation", row=i)
        try:
            out.append(prep_code(item))
        except BadSpecError:
            out.append(item.strip())          # a checklist item of one's own
    return out

def plan_visit(plan: Mapping[str, Any], *, today: Any, max_calls: int = MAX_CALLS) -> "VisitPlan":
    """Check a co-visit plan: preparation, one objective and mode per call, the day's mix, the debrief.

    Parameters
    ----------
    plan : dict
        ``distributor``, ``rep``, ``date`` (``YYYY-MM-DD``), ``preparation``
        (list of checklist items, see :data:`~kamlab.covisit.PREPARATION`),
        ``calls`` (list of dicts: ``customer``, ``time`` ``HH:MM``, ``mode``
        示范/观察, ``objective``, optional ``lead``), ``debrief``
        (``"YYYY-MM-DD HH:MM"``).  Chinese keys work too.
    today : str or date
        The day the plan is written; the co-visit must not be before it.
    max_calls : int
        Most calls on one day (default :data:`MAX_CALLS`).

    Returns
    -------
    VisitPlan
        ``.ok``, ``.problems`` (each a :class:`~kamlab.covisit.Problem` with
        ``code``, ``field``, ``item``), ``.table`` (one row per call) and
        ``.plot()`` (the day's timeline).

    Raises
    ------
    BadSpecError
        When *plan* is not a dict, has an unknown field, ``calls`` is not a
        list of dicts, a call has an unknown field, ``preparation`` is not a
        list of texts, or *today* cannot be read.  The message names the
        field and the call number.

    Examples
    --------
    >>> plan = plan_visit({"经销商": "浙瑞医药商业", "业务员": "李强", "日期": "2026-11-10",
    ...     "准备": ["customer_info", "customer_issues", "agree_plan", "materials"],
    ...     "拜访": [{"客户": "五一店", "时间": "09:30", "方式": "示范", "目标": "新品进 2 个单品"},
    ...            {"客户": "解放店", "时间": "11:00", "方式": "观察", "目标": "店员推荐话术演练 1 次"}],
    ...     "总结": "2026-11-10 16:00"}, today="2026-11-01")
    >>> plan.ok, plan.table["mode"].tolist()
    (True, ['示范', '观察'])
    """
    day0 = require_date(today, "today")
    if isinstance(max_calls, bool) or not isinstance(max_calls, int) or max_calls < 1:
        raise BadSpecError(f"max_calls 应是正整数（默认 {MAX_CALLS}），收到 {max_calls!r}。",
                           f"max_calls must be a positive whole number (default {MAX_CALLS}); got {max_calls!r}.",
                           column="max_calls")
    head = read_fields(plan, _PLAN_ALIASES, PLAN_FIELDS, what=("协访计划", "the co-visit plan"))
    calls = read_items([] if head["calls"] is None else head["calls"], _CALL_ALIASES, CALL_FIELDS,
                       what=("拜访（calls）", "'calls'"))
    prep = _preparation(head["preparation"])

    P = lambda code, field, item=None, **kw: problem(MSGS, code, field, item, **kw)  # noqa: E731
    top: list[Problem] = []
    if blank(head["distributor"]):
        top.append(P("no_distributor", "distributor"))
    if blank(head["rep"]):
        top.append(P("no_rep", "rep"))
    date = parse_date(head["date"])
    if blank(head["date"]):
        top.append(P("no_date", "date"))
    elif date is None:
        top.append(P("bad_date", "date", value=head["date"]))
    elif date < day0:
        top.append(P("date_past", "date", date=date.isoformat(), today=day0.isoformat()))
    missing = [p for p in PREPARATION if p.code not in prep]
    if missing:
        top.append(P("prep_missing", "preparation", items="、".join(p.zh for p in missing),
                     items_en=", ".join(p.en for p in missing)))
    if not calls:
        top.append(P("no_calls", "calls"))
    elif len(calls) > max_calls:
        top.append(P("too_many_calls", "calls", n=len(calls), max=max_calls))

    per_call: list[list[Problem]] = [[] for _ in calls]
    modes: list[str | None] = []
    starts: list[int | None] = []
    seen: set[str] = set()
    for i, call in enumerate(calls, start=1):
        mine = per_call[i - 1]
        name = short(call["customer"]) or LABELS("dash")
        if blank(call["customer"]):
            mine.append(P("no_customer", "customer", i, i=i))
        else:
            key = "".join(str(call["customer"]).split())
            if key in seen:
                mine.append(P("duplicate_customer", "customer", i, i=i, customer=name))
            seen.add(key)
        start = parse_time(call["time"])
        if blank(call["time"]):
            mine.append(P("no_time", "time", i, i=i, customer=name))
        elif start is None:
            mine.append(P("bad_time", "time", i, i=i, customer=name, value=call["time"]))
        starts.append(start)
        code = None
        if blank(call["mode"]):
            mine.append(P("no_mode", "mode", i, i=i, customer=name))
        else:
            try:
                code = mode_code(call["mode"], where="mode", row=i)
            except BadSpecError as err:
                mine.append(P("unknown_mode", "mode", i, i=i, customer=name, zh=err.zh, en=err.en))
        modes.append(code)
        if code is not None and not blank(call["lead"]) and _lead_code(call["lead"]) != code:
            m = _MODE_BY_CODE[code]
            mine.append(P("lead_mismatch", "lead", i, i=i, customer=name, mode=m.zh, mode_en=m.en,
                          lead=m.lead[0], lead_en=m.lead[1], given=short(call["lead"])))
        if blank(call["objective"]):
            mine.append(P("no_objective", "objective", i, i=i, customer=name))
        elif not DIGIT.search(str(call["objective"])):
            mine.append(P("not_measurable", "objective", i, i=i, customer=name,
                          objective=short(call["objective"], 24)))

    # time order: clashes and the mix of modes
    timed = sorted((s, i) for i, s in enumerate(starts, start=1) if s is not None)
    for (s0, i0), (s1, i1) in zip(timed, timed[1:]):
        if s1 - s0 < CALL_MINUTES:
            per_call[i1 - 1].append(P("time_clash", "time", i1, i=i1, customer=short(calls[i1 - 1]["customer"]),
                                      time=fmt_time(s1), other=short(calls[i0 - 1]["customer"]),
                                      other_time=fmt_time(s0), minutes=CALL_MINUTES))
    mix: list[Problem] = []
    known = [m for m in modes if m is not None]
    if known and len(known) == len(calls) and all(m == "demonstration" for m in known):
        mix.append(P("all_demonstration", "mode", n=len(known)))
    demo_times = [s for s, i in timed if modes[i - 1] == "demonstration"]
    if demo_times:
        first = min(demo_times)
        first_i = next(i for s, i in timed if s == first and modes[i - 1] == "demonstration")
        for s, i in timed:
            if modes[i - 1] == "observation" and s < first:
                per_call[i - 1].append(P("observe_first", "mode", i, i=i, customer=short(calls[i - 1]["customer"]),
                                         time=fmt_time(s),
                                         first=short(calls[first_i - 1]["customer"]), first_time=fmt_time(first)))

    tail: list[Problem] = []
    example = date.isoformat() if date else "2026-11-10"
    deb_day, deb_time = split_debrief(head["debrief"])
    if blank(head["debrief"]):
        tail.append(P("no_debrief", "debrief", date=example))
    elif deb_day is None:
        tail.append(P("bad_debrief", "debrief", value=head["debrief"], date=example))
    elif date is not None:
        end = max(timed)[0] + CALL_MINUTES if timed else None
        late = (deb_day - date).days
        if deb_day < date or (deb_day == date and deb_time is not None and end is not None and deb_time < end):
            when = deb_day.isoformat() + (f" {fmt_time(deb_time)}" if deb_time is not None else "")
            tail.append(P("debrief_early", "debrief", debrief=when,
                          end=f"{date.isoformat()} {fmt_time(end)}" if end is not None else date.isoformat()))
        elif late > 1:
            tail.append(P("debrief_late", "debrief", debrief=deb_day.isoformat(), date=date.isoformat(), days=late))

    problems = tuple(top + [p for ps in per_call for p in ps] + mix + tail)
    sep = LABELS.label("sep")
    table = pd.DataFrame({
        "customer": [c["customer"] for c in calls],
        "time": [fmt_time(s) if s is not None else c["time"] for s, c in zip(starts, calls)],
        "mode": [_MODE_BY_CODE[m].zh if m else c["mode"] for m, c in zip(modes, calls)],
        "lead": [c["lead"] for c in calls],
        "objective": [c["objective"] for c in calls],
        "ok": [not ps for ps in per_call],
        "problems": [sep.join(p.text() for p in ps) for ps in per_call],
    }, columns=["customer", "time", "mode", "lead", "objective", "ok", "problems"],
        index=pd.RangeIndex(1, len(calls) + 1, name="call"))
    debrief = None if blank(head["debrief"]) else (
        (deb_day.isoformat() + (f" {fmt_time(deb_time)}" if deb_time is not None else ""))
        if deb_day is not None else str(head["debrief"]))
    distributor = "" if blank(head["distributor"]) else str(head["distributor"]).strip()
    rep = "" if blank(head["rep"]) else str(head["rep"]).strip()
    date_s = date.isoformat() if date else ("" if blank(head["date"]) else str(head["date"]))
    # the plan's own fields ride along on every row, so the table alone (what a notebook records) is the plan
    for name, value in (("distributor", distributor), ("rep", rep), ("date", date_s),
                        ("preparation", PREP_SEP.join(prep)), ("debrief", debrief)):
        table[name] = pd.Series([value] * len(table), index=table.index, dtype=object)
    return VisitPlan(table=table, problems=problems, distributor=distributor, rep=rep, date=date_s,
                     preparation=tuple(prep), debrief=debrief, today=day0.isoformat())
