"""What each of the lighter plans must hold, and the checks that name what is missing or wrong.

The vocabulary of the checklists (Chinese keys, their English names in
:data:`ENGLISH`) and one rule function per kind of plan; each rule adds the
problems it finds to a :class:`Collector`, item by item.

Examples
--------
>>> c = Collector()
>>> RULES["information"]({}, c, None)
>>> len(c.rows), c.rows["竞品信息"][0].code
(5, 'info')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .._dates import parse_date
from .._errors import BadValueError
from .._i18n import Messages
from .._problems import Problem

__all__ = ["PLAN_KINDS", "TRAINING_AUDIENCES", "TRAINING_CONTENT", "TRAINING_FORMS", "TRAINING_STEPS",
           "EDUCATION_STRATEGIES", "COMPETITOR_RESPONSES", "RELATIONSHIP_ACTIONS", "GIFT_LIMIT",
           "INFORMATION_ITEMS", "PROMOTION_PLAN_ITEMS", "ENGLISH", "MSGS", "Collector", "RULES", "english"]

#: kind -> (中文, English, seed element).
PLAN_KINDS: dict[str, tuple[str, str, str]] = {
    "training": ("店教计划", "Store training plan", "四、做好店教"),
    "education": ("顾客教育与慢病随访计划", "Consumer education and chronic-disease follow-up", "六、消费者教育"),
    "competitor": ("竞品动态记录", "Competitor actions log", "七、竞品打击"),
    "relationship": ("客情关系日历", "Relationship calendar", "八、客情关系维护"),
    "information": ("信息收集清单", "Information collection checklist", "九、信息收集与分析"),
    "promotion": ("促销计划书", "Promotion plan", "五、做设计促销活动"),
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
#: The items of a promotion plan (促销计划书) and the seed's five promotion types it may use.
PROMOTION_PLAN_ITEMS = ("objective", "product", "type", "start", "budget", "owner", "evaluation")
PROMOTION_KINDS = ("折扣", "限时特价", "买赠", "会员优惠", "主题日促")
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
    "折扣": "discount", "限时特价": "time-limited special price", "买赠": "gift with purchase",
    "会员优惠": "member offer", "主题日促": "theme-day promotion",
}
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
    "budget": ("费用 budget = {value!r} 应是大于 0 的金额（元）。", "budget = {value!r} should be an amount > 0 (yuan)."),
    "info": ("信息收集清单缺少“{item}”（需写上频率 frequency 和负责人 owner）。",
             "The checklist lacks “{item_en}” (give it a frequency and an owner)."),
})


class Collector:
    """The problems of one plan, by item (the items checked so far, each with its list)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Problem]] = {}

    def item(self, name: str) -> None:
        self.rows.setdefault(name, [])

    def add(self, name: str, key: str, prefix: tuple[str, str] = ("", ""), **fields: Any) -> None:
        zh, en = MSGS.both(key, **fields)
        self.rows.setdefault(name, []).append(Problem(key, prefix[0] + zh, prefix[1] + en, item=name))


def _text(plan: Mapping[str, Any], field: str, c: Collector, prefix=("", ""), item: str | None = None) -> str | None:
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


def _check_date(plan, field, c, today: dt.date, *, past: bool, prefix=("", ""), item=None) -> None:
    value = _text(plan, field, c, prefix, item)
    if value is None:
        return
    day = parse_date(value)
    if day is None:
        c.add(item or field, "date", prefix, field=field, value=value)
        return
    delta = (day - today).days
    if past and not -90 <= delta <= 0:
        c.add(item or field, "past", prefix, value=value, today=today.isoformat())
    if not past and not 0 <= delta <= 90:
        c.add(item or field, "future", prefix, value=value, today=today.isoformat())


def english(value: str) -> str:
    """The English name of a Chinese vocabulary key (other text unchanged)."""
    return ENGLISH.get(value, value)


def _known(values: Sequence[str]) -> dict[str, str]:
    """``known`` (Chinese) and ``known_en`` fields listing *values*."""
    return {"known": "、".join(values), "known_en": ", ".join(f"{v} ({english(v)})" for v in values)}


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


def _training(plan: Mapping[str, Any], c: Collector, today: dt.date) -> None:
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
        c.add("content", "content", aud=audience, need="、".join(need), aud_en=english(audience),
              need_en=", ".join(map(english, need)))
    _choice(plan, "form", TRAINING_FORMS, c)
    steps = [_key(str(x).strip(), TRAINING_STEPS) for x in _as_list(plan.get("steps"))]
    c.item("steps")
    if steps != list(TRAINING_STEPS):
        c.add("steps", "steps", steps=" → ".join(TRAINING_STEPS), steps_en=" → ".join(map(english, TRAINING_STEPS)))
    _check_date(plan, "date", c, today, past=False)
    _text(plan, "owner", c)


def _education(plan: Mapping[str, Any], c: Collector, today: dt.date) -> None:
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


def _competitor(plan: Any, c: Collector, today: dt.date) -> None:
    for n, e in enumerate(_entries(plan, "competitor"), start=1):
        p, item = MSGS.both("entry", n=n), f"#{n}"
        _check_date(e, "date", c, today, past=True, prefix=p, item=item)
        _text(e, "competitor", c, p, item)
        _text(e, "action", c, p, item)
        _choice(e, "response", COMPETITOR_RESPONSES, c, p, item)
        _text(e, "owner", c, p, item)


def _relationship(plan: Any, c: Collector, today: dt.date) -> None:
    for n, e in enumerate(_entries(plan, "relationship"), start=1):
        p, item = MSGS.both("entry", n=n), f"#{n}"
        _check_date(e, "date", c, today, past=False, prefix=p, item=item)
        _text(e, "contact", c, p, item)
        _choice(e, "action", RELATIONSHIP_ACTIONS, c, p, item)
        value = e.get("value", 0)
        ok = not isinstance(value, bool) and isinstance(value, (int, float)) and 0 <= value <= GIFT_LIMIT
        if not ok:
            c.add(item, "gift", p, value=value, limit=GIFT_LIMIT)


def _information(plan: Mapping[str, Any], c: Collector, today: dt.date) -> None:
    for item in INFORMATION_ITEMS:
        c.item(item)
        entry = plan.get(item, plan.get(english(item)))
        if not isinstance(entry, Mapping) or not str(entry.get("frequency") or "").strip() \
                or not str(entry.get("owner") or "").strip():
            c.add(item, "info", item=item, item_en=english(item))


def _promotion(plan: Mapping[str, Any], c: Collector, today: dt.date) -> None:
    _text(plan, "objective", c)
    _text(plan, "product", c)
    _choice(plan, "type", PROMOTION_KINDS, c)
    _check_date(plan, "start", c, today, past=False)
    budget = plan.get("budget")
    c.item("budget")
    if isinstance(budget, bool) or not isinstance(budget, (int, float, np.integer, np.floating)) or not budget > 0:
        c.add("budget", "budget", value=budget)
    _text(plan, "owner", c)
    _text(plan, "evaluation", c)


RULES = {"training": _training, "education": _education, "competitor": _competitor,
          "relationship": _relationship, "information": _information, "promotion": _promotion}
