"""The lighter sell-through elements as small validated checklists.

Seed 001 part 2, elements 四 and 六–九: store training (做好店教), consumer
education and chronic-disease follow-up (消费者教育), competitor actions
(竞品打击 — here a log of what competitors do and our compliant response),
relationship upkeep (客情关系维护) and information collection (信息收集与分析).
Each is a plain dict (or list of dicts) a trainee can write in one literal;
:func:`plan_check` names every missing or wrong item in Chinese and English.

Kinds and what is checked (``today`` is the course date, default
:data:`TODAY`):

* ``"training"`` 店教计划 — ``audience`` (店长 / 店员), ``content`` covering
  the audience's core (店长: 管理类 + 知识类; 店员: 知识类 + 技巧类), ``form``
  (集中培训 / 入店一对多 / 入店一对一), ``steps`` = the seed's five in-store
  steps in order, ``date`` within 90 days, ``owner``;
* ``"education"`` 顾客教育与慢病随访 — ``disease``, ≥ 2 of the four
  chronic-disease strategies, ``follow_up_days`` 1–30, ``owner``;
* ``"competitor"`` 竞品动态记录 — entries ``date`` (in the last 90 days),
  ``competitor``, ``action``, ``response`` (one of
  :data:`COMPETITOR_RESPONSES`), ``owner``;
* ``"relationship"`` 客情关系日历 — entries ``date`` (next 90 days),
  ``contact``, ``action`` (one of :data:`RELATIONSHIP_ACTIONS`), ``value``
  (yuan) ≤ :data:`GIFT_LIMIT` (合规: no cash, no liquor, small gifts only);
* ``"information"`` 信息收集清单 — every item of :data:`INFORMATION_ITEMS`
  with a ``frequency`` and an ``owner``.

Examples
--------
>>> plan = {"audience": "店员", "content": ["知识类", "技巧类"], "form": "入店一对多",
...         "steps": list(TRAINING_STEPS), "date": "2026-11-20", "owner": "李娜"}
>>> plan_check("training", plan).ok
True
>>> res = plan_check("training", {**plan, "audience": "店长", "owner": ""})
>>> [p.item for p in res.problems]
['content', 'owner']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError
from .._i18n import Messages, get_language
from .._plotting import new_axes, styled
from .._result import TableResult

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["TODAY", "PLAN_KINDS", "TRAINING_AUDIENCES", "TRAINING_CONTENT", "TRAINING_FORMS", "TRAINING_STEPS",
           "EDUCATION_STRATEGIES", "COMPETITOR_RESPONSES", "RELATIONSHIP_ACTIONS", "GIFT_LIMIT",
           "INFORMATION_ITEMS", "ENGLISH", "PlanProblem", "PlanCheck", "plan_check", "plan_overview"]

#: The course date (checks of due dates count from it).
TODAY = "2026-11-01"
#: kind -> (中文, English, seed element).
PLAN_KINDS: dict[str, tuple[str, str, str]] = {
    "training": ("店教计划", "Store training plan", "四、做好店教"),
    "education": ("顾客教育与慢病随访计划", "Consumer education and chronic-disease follow-up", "六、消费者教育"),
    "competitor": ("竞品动态记录", "Competitor actions log", "七、竞品打击"),
    "relationship": ("客情关系日历", "Relationship calendar", "八、客情关系维护"),
    "information": ("信息收集清单", "Information collection checklist", "九、信息收集与分析"),
}
TRAINING_AUDIENCES: dict[str, frozenset[str]] = {"店长": frozenset({"管理类", "知识类"}),
                                                 "店员": frozenset({"知识类", "技巧类"})}
TRAINING_CONTENT = ("管理类", "技巧类", "知识类")
TRAINING_FORMS = ("集中培训", "入店一对多", "入店一对一")
TRAINING_STEPS = ("准备", "了解并激发兴趣", "说明/展示/答疑", "检验效果", "总结")
EDUCATION_STRATEGIES = ("建立慢病管理体系", "加强药师和医生的合作", "提供个性化的治疗建议", "开展健康教育活动")
COMPETITOR_RESPONSES = ("陈列竞赛", "店员培训", "促销应对", "价格跟进", "客情加强")
RELATIONSHIP_ACTIONS = ("节日生日问候", "适时家庭拜访", "公司小礼品", "产品知识分享", "拜访时派送小零食")
#: Compliance: the largest gift value (yuan) a relationship action may carry.
GIFT_LIMIT = 200.0
INFORMATION_ITEMS = ("库存和批号", "竞品信息", "消费者信息", "店员和店长信息", "会员日和促销信息")
#: The English names of the checklists' vocabulary (the Chinese keys above stay what a plan holds).
ENGLISH: dict[str, str] = {
    "店长": "store manager", "店员": "clerk",
    "管理类": "management", "技巧类": "skills", "知识类": "knowledge",
    "集中培训": "central training", "入店一对多": "in-store group", "入店一对一": "in-store one-to-one",
    "准备": "prepare", "了解并激发兴趣": "learn and raise interest", "说明/展示/答疑": "explain/show/answer",
    "检验效果": "test the result", "总结": "sum up",
    "建立慢病管理体系": "build a chronic-disease management system",
    "加强药师和医生的合作": "pharmacists working with doctors",
    "提供个性化的治疗建议": "personal treatment advice", "开展健康教育活动": "health education events",
    "陈列竞赛": "display contest", "店员培训": "clerk training", "促销应对": "promotion response",
    "价格跟进": "price follow-up", "客情加强": "stronger relations",
    "节日生日问候": "holiday and birthday greetings", "适时家庭拜访": "home visit when fitting",
    "公司小礼品": "small company gift", "产品知识分享": "product knowledge sharing",
    "拜访时派送小零食": "snacks on visits",
    "库存和批号": "stock and batch numbers", "竞品信息": "competitor information",
    "消费者信息": "consumer information", "店员和店长信息": "clerk and store-manager information",
    "会员日和促销信息": "member days and promotions",
}
#: The seed section of each kind, in English.
_SEED_EN = {"training": "Part 2, 4. Store training", "education": "Part 2, 6. Consumer education",
            "competitor": "Part 2, 7. Competitor response", "relationship": "Part 2, 8. Relationship upkeep",
            "information": "Part 2, 9. Information collection and analysis"}

MSGS = Messages({
    "kind": ("没有这种计划：{kind!r}。可选：{known}。", "Unknown plan kind {kind!r}. Choose one of: {known}."),
    "dict": ("{what}应是一个字典 {{...}}，收到的是 {got}。", "{what_en} must be a dict {{...}}, got {got}."),
    "list": ("{what}应是一个列表 [{{...}}, ...]，至少一条，收到的是 {got}。",
             "{what_en} must be a list [{{...}}, ...] with at least one entry, got {got}."),
    "missing": ("缺少“{field}”。", "“{field}” is missing."),
    "choice": ("“{field}” = {value!r} 不在可选项里：{known}。", "“{field}” = {value!r} is not one of: {known_en}."),
    "content": ("培训{aud}的内容要包括：{need}。", "Training for {aud_en} must cover: {need_en}."),
    "steps": ("入店培训的步骤应依次是：{steps}。", "The in-store training steps are, in order: {steps_en}."),
    "date": ("“{field}” = {value!r} 不是 YYYY-MM-DD 格式的日期。", "“{field}” = {value!r} is not a date (YYYY-MM-DD)."),
    "future": ("日期 {value} 不在 {today} 之后 90 天内。请安排在接下来三个月里。",
               "Date {value} is not within 90 days after {today}. Schedule it in the next three months."),
    "past": ("记录日期 {value} 应在 {today} 之前 90 天内（记录的是已经发生的竞品动作）。",
             "Log date {value} should be within the 90 days before {today} (the log records what happened)."),
    "strategies": ("至少选两项慢病管理策略：{known}。", "Pick at least two chronic-disease strategies: {known_en}."),
    "days": ("随访间隔 follow_up_days = {value!r} 应是 1 到 30 之间的整数（天）。",
             "follow_up_days = {value!r} should be a whole number of days from 1 to 30."),
    "gift": ("礼品价值 {value!r} 元超过合规上限 {limit:g} 元（不送现金、烟酒，只送小额礼品）。",
             "Gift value {value!r} yuan is above the compliance limit of {limit:g} yuan (no cash, tobacco or "
             "alcohol; small gifts only)."),
    "entry": ("第 {n} 条：", "Entry {n}: "),
    "info": ("信息收集清单缺少“{item}”（需写上频率 frequency 和负责人 owner）。",
             "The checklist lacks “{item_en}” (give it a frequency and an owner)."),
    "ok": ("✓ 完整", "✓ complete"),
    "title": ("{kind}：{ok} 项完整，{bad} 项需要修改", "{kind}: {ok} items complete, {bad} to fix"),
    "item": ("检查项", "Item"),
    "result": ("结果", "Result"),
    "element": ("要素", "Element"),
    "seed": ("课程章节", "Seed section"),
    "checks": ("检查内容", "What is checked"),
})

_CHECKS = {
    "training": ("对象与内容匹配、形式、五个入店步骤、日期、负责人", "audience and content, form, five steps, date, owner"),
    "education": ("病种、≥2 项慢病策略、随访间隔 ≤30 天、负责人", "disease, ≥2 strategies, follow-up ≤30 days, owner"),
    "competitor": ("日期、竞品、动作、我方应对、负责人", "date, competitor, action, our response, owner"),
    "relationship": ("日期、对象、动作、礼品价值合规", "date, contact, action, compliant gift value"),
    "information": ("五类信息各有频率和负责人", "five kinds of information, each with frequency and owner"),
}


@dataclass(frozen=True)
class PlanProblem:
    """One problem of a plan: the item it concerns and the message in both languages."""

    item: str
    zh: str
    en: str

    def __str__(self) -> str:
        return self.zh if get_language() == "zh" else self.en


@dataclass(frozen=True, repr=False)
class PlanCheck(TableResult):
    """The outcome of :func:`plan_check`: ``table`` one row per item (ok, problem), plus ``problems``."""

    kind: str = ""
    problems: tuple[PlanProblem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """The checklist as green (complete) and red (to fix) bars.

        Examples
        --------
        >>> plan_check("information", {}).plot().get_title()
        '信息收集清单：0 项完整，5 项需要修改'
        """
        t = self.table
        fig, ax = new_axes(ax, figsize=(6.0, 0.4 * len(t) + 1.2))
        y = np.arange(len(t))[::-1]
        ok = t["ok"].to_numpy(dtype=bool)
        ax.barh(y, np.ones(len(t)), color=np.where(ok, "#55A868", "#C44E52"))
        ax.set_yticks(y, [str(i) for i in t.index], fontsize=9)
        ax.set_xticks([])
        name = PLAN_KINDS[self.kind][0 if get_language() == "zh" else 1]
        ax.set_title(MSGS("title", kind=name, ok=int(ok.sum()), bad=int((~ok).sum())), fontsize=10)
        return ax


class _Collector:
    def __init__(self) -> None:
        self.rows: dict[str, list[PlanProblem]] = {}

    def item(self, name: str) -> None:
        self.rows.setdefault(name, [])

    def add(self, name: str, key: str, prefix: tuple[str, str] = ("", ""), **fields: Any) -> None:
        zh, en = MSGS.both(key, **fields)
        self.rows.setdefault(name, []).append(PlanProblem(name, prefix[0] + zh, prefix[1] + en))


def _text(plan: Mapping[str, Any], field: str, c: _Collector, prefix=("", ""), item: str | None = None) -> str | None:
    item = item or field
    c.item(item)
    value = plan.get(field)
    if value is None or not str(value).strip():
        c.add(item, "missing", prefix, field=field)
        return None
    return str(value).strip()


def _choice(plan, field, known, c, prefix=("", ""), item=None) -> str | None:
    value = _text(plan, field, c, prefix, item)
    if value is not None:
        value = _key(value, known)
    if value is not None and value not in known:
        c.add(item or field, "choice", prefix, field=field, value=value, **_known(known))
        return None
    return value


def _date(plan, field, c, today: dt.date, *, past: bool, prefix=("", ""), item=None) -> None:
    value = _text(plan, field, c, prefix, item)
    if value is None:
        return
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        c.add(item or field, "date", prefix, field=field, value=value)
        return
    delta = (day - today).days
    if past and not -90 <= delta <= 0:
        c.add(item or field, "past", prefix, value=value, today=today.isoformat())
    if not past and not 0 <= delta <= 90:
        c.add(item or field, "future", prefix, value=value, today=today.isoformat())


def _en(value: str) -> str:
    """The English name of a Chinese vocabulary key (other text unchanged)."""
    return ENGLISH.get(value, value)


def _known(values: Sequence[str]) -> dict[str, str]:
    """``known`` (Chinese) and ``known_en`` fields listing *values*."""
    return {"known": "、".join(values), "known_en": ", ".join(f"{v} ({_en(v)})" for v in values)}


def _key(value: str, known: Sequence[str]) -> str:
    """*value* as one of the Chinese keys *known* when given by its English name."""
    if value in known:
        return value
    for k in known:
        if ENGLISH.get(k, "").lower() == value.lower():
            return k
    return value


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Sequence):
        return list(value)
    return []


def _training(plan: Mapping[str, Any], c: _Collector, today: dt.date) -> None:
    audience = _choice(plan, "audience", list(TRAINING_AUDIENCES), c)
    content = {_key(str(x).strip(), TRAINING_CONTENT) for x in _as_list(plan.get("content"))}
    c.item("content")
    if not content:
        c.add("content", "missing", field="content")
    elif not content <= set(TRAINING_CONTENT):
        c.add("content", "choice", field="content", value=sorted(content - set(TRAINING_CONTENT))[0],
              **_known(TRAINING_CONTENT))
    elif audience is not None and not TRAINING_AUDIENCES[audience] <= content:
        need = [x for x in TRAINING_CONTENT if x in TRAINING_AUDIENCES[audience]]
        c.add("content", "content", aud=audience, need="、".join(need), aud_en=_en(audience),
              need_en=", ".join(map(_en, need)))
    _choice(plan, "form", TRAINING_FORMS, c)
    steps = [_key(str(x).strip(), TRAINING_STEPS) for x in _as_list(plan.get("steps"))]
    c.item("steps")
    if steps != list(TRAINING_STEPS):
        c.add("steps", "steps", steps=" → ".join(TRAINING_STEPS), steps_en=" → ".join(map(_en, TRAINING_STEPS)))
    _date(plan, "date", c, today, past=False)
    _text(plan, "owner", c)


def _education(plan: Mapping[str, Any], c: _Collector, today: dt.date) -> None:
    _text(plan, "disease", c)
    chosen = {_key(str(x).strip(), EDUCATION_STRATEGIES) for x in _as_list(plan.get("strategies"))}
    c.item("strategies")
    if len(chosen & set(EDUCATION_STRATEGIES)) < 2 or not chosen <= set(EDUCATION_STRATEGIES):
        c.add("strategies", "strategies", **_known(EDUCATION_STRATEGIES))
    days = plan.get("follow_up_days")
    c.item("follow_up_days")
    if isinstance(days, bool) or not isinstance(days, (int, np.integer)) or not 1 <= days <= 30:
        c.add("follow_up_days", "days", value=days)
    _text(plan, "owner", c)


def _entries(plan: Any, kind: str) -> list[Mapping[str, Any]]:
    what = PLAN_KINDS[kind]
    if isinstance(plan, Mapping) or isinstance(plan, str) or not isinstance(plan, Sequence) or not plan:
        raise BadValueError(*MSGS.both("list", what=f"{what[0]}", what_en=what[1], got=type(plan).__name__),
                            column=kind)
    for n, entry in enumerate(plan, start=1):
        if not isinstance(entry, Mapping):
            raise BadValueError(*MSGS.both("dict", what=f"{what[0]} 第 {n} 条", what_en=f"{what[1]}, entry {n},",
                                                  got=type(entry).__name__),
                                column=kind, row=n)
    return list(plan)


def _competitor(plan: Any, c: _Collector, today: dt.date) -> None:
    for n, e in enumerate(_entries(plan, "competitor"), start=1):
        p, item = MSGS.both("entry", n=n), f"#{n}"
        _date(e, "date", c, today, past=True, prefix=p, item=item)
        _text(e, "competitor", c, p, item)
        _text(e, "action", c, p, item)
        _choice(e, "response", COMPETITOR_RESPONSES, c, p, item)
        _text(e, "owner", c, p, item)


def _relationship(plan: Any, c: _Collector, today: dt.date) -> None:
    for n, e in enumerate(_entries(plan, "relationship"), start=1):
        p, item = MSGS.both("entry", n=n), f"#{n}"
        _date(e, "date", c, today, past=False, prefix=p, item=item)
        _text(e, "contact", c, p, item)
        _choice(e, "action", RELATIONSHIP_ACTIONS, c, p, item)
        value = e.get("value", 0)
        ok = not isinstance(value, bool) and isinstance(value, (int, float)) and 0 <= value <= GIFT_LIMIT
        if not ok:
            c.add(item, "gift", p, value=value, limit=GIFT_LIMIT)


def _information(plan: Mapping[str, Any], c: _Collector, today: dt.date) -> None:
    for item in INFORMATION_ITEMS:
        c.item(item)
        entry = plan.get(item, plan.get(_en(item)))
        if not isinstance(entry, Mapping) or not str(entry.get("frequency") or "").strip() \
                or not str(entry.get("owner") or "").strip():
            c.add(item, "info", item=item, item_en=_en(item))


_RULES = {"training": _training, "education": _education, "competitor": _competitor,
          "relationship": _relationship, "information": _information}


def plan_check(kind: str, plan: Any, *, today: str = TODAY) -> PlanCheck:
    """Check one of the lighter sell-through plans; every problem named in both languages.

    Parameters
    ----------
    kind : {"training", "education", "competitor", "relationship", "information"}
    plan : dict or list of dict
        The plan (a list of entries for ``competitor`` and ``relationship``).
    today : str
        The date the plan is written (YYYY-MM-DD).

    Returns
    -------
    PlanCheck

    Raises
    ------
    kamlab.BadSpecError
        An unknown *kind*.
    kamlab.BadValueError
        A plan of the wrong shape (not a dict, or not a list of dicts).

    Examples
    --------
    >>> log = [{"date": "2026-10-20", "competitor": "某感冒灵", "action": "买二送一", "response": "促销应对",
    ...         "owner": "王强"}]
    >>> plan_check("competitor", log).ok
    True
    >>> print(plan_check("relationship", [{"date": "2026-11-10", "contact": "张店长", "action": "公司小礼品",
    ...                                    "value": 500}]).problems[0])
    第 1 条：礼品价值 500 元超过合规上限 200 元（不送现金、烟酒，只送小额礼品）。
    """
    if kind not in PLAN_KINDS:
        raise BadSpecError(*MSGS.both("kind", kind=kind, known=", ".join(PLAN_KINDS)), column="kind")
    try:
        day = dt.date.fromisoformat(str(today))
    except ValueError:
        raise BadSpecError(*MSGS.both("date", field="today", value=today), column="today") from None
    if kind in ("training", "education", "information") and not isinstance(plan, Mapping):
        raise BadValueError(*MSGS.both("dict", what=PLAN_KINDS[kind][0], what_en=PLAN_KINDS[kind][1],
                                          got=type(plan).__name__), column=kind)
    c = _Collector()
    _RULES[kind](plan, c, day)
    problems = tuple(p for rows in c.rows.values() for p in rows)
    zh = get_language() == "zh"
    table = pd.DataFrame({
        "ok": [not rows for rows in c.rows.values()],
        "problem": [("；" if zh else "; ").join(p.zh if zh else p.en for p in rows) if rows else MSGS("ok")
                    for rows in c.rows.values()],
    }, index=pd.Index([k if zh else _en(k) for k in c.rows], name="item"))
    return PlanCheck(table=table, kind=kind, problems=problems)


def plan_overview() -> pd.DataFrame:
    """The five lighter elements: name, seed section and what :func:`plan_check` checks.

    Examples
    --------
    >>> plan_overview().index.tolist()
    ['training', 'education', 'competitor', 'relationship', 'information']
    """
    zh = get_language() == "zh"
    return pd.DataFrame({
        MSGS.label("element"): [v[0 if zh else 1] for v in PLAN_KINDS.values()],
        MSGS.label("seed"): [v[2] if zh else _SEED_EN[k] for k, v in PLAN_KINDS.items()],
        MSGS.label("checks"): [_CHECKS[k][0 if zh else 1] for k in PLAN_KINDS],
    }, index=pd.Index(list(PLAN_KINDS), name="kind"))
