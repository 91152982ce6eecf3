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
  with a ``frequency`` and an ``owner``;
* ``"promotion"`` 促销计划书 — every item of :data:`PROMOTION_PLAN_ITEMS`:
  ``objective``, ``product``, ``type`` (one of the seed's five promotion
  types), ``start`` within 90 days, ``budget`` > 0 (yuan), ``owner``,
  ``evaluation`` (how the result is judged).

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

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._dates import COURSE_TODAY, parse_date
from .._errors import BadSpecError, BadValueError
from .._i18n import Messages, localized
from .._plotting import new_axes, styled
from .._problems import Problem
from .._result import TableResult
from ._plan_rules import (COMPETITOR_RESPONSES, EDUCATION_STRATEGIES, ENGLISH, GIFT_LIMIT, PROMOTION_PLAN_ITEMS,
                          INFORMATION_ITEMS, PLAN_KINDS, PROMOTION_PLAN_ITEMS, RELATIONSHIP_ACTIONS, RULES, TRAINING_AUDIENCES,
                          TRAINING_CONTENT, TRAINING_FORMS, TRAINING_STEPS, Collector, english)
from ._plan_rules import MSGS as RULE_MSGS

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["TODAY", "PLAN_KINDS", "TRAINING_AUDIENCES", "TRAINING_CONTENT", "TRAINING_FORMS", "TRAINING_STEPS",
           "EDUCATION_STRATEGIES", "COMPETITOR_RESPONSES", "RELATIONSHIP_ACTIONS", "GIFT_LIMIT",
           "INFORMATION_ITEMS", "PROMOTION_PLAN_ITEMS", "ENGLISH", "PlanProblem", "PlanCheck", "plan_check", "plan_overview"]

#: The course date (checks of due dates count from it).
TODAY = COURSE_TODAY.isoformat()
#: The problem type of a plan (the one bilingual :class:`~kamlab._problems.Problem`; ``.item`` names the item).
PlanProblem = Problem

#: The seed section of each kind, in English.
_SEED_EN = {"training": "Part 2, 4. Store training", "education": "Part 2, 6. Consumer education",
            "competitor": "Part 2, 7. Competitor response", "relationship": "Part 2, 8. Relationship upkeep",
            "information": "Part 2, 9. Information collection and analysis",
            "promotion": "Part 2, 5. Promotion plan"}
MSGS = Messages({
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
    "promotion": ("目标、产品、方式、开始日期、费用、负责人、评估方法", "objective, product, type, start, budget, owner, "
                                                            "evaluation"),
}


@dataclass(frozen=True, repr=False)
class PlanCheck(TableResult):
    """The outcome of :func:`plan_check`: ``table`` one row per item (ok, problem), plus ``problems``."""

    kind: str = ""
    problems: tuple[Problem, ...] = ()

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
        name = localized(*PLAN_KINDS[self.kind][:2])
        ax.set_title(MSGS("title", kind=name, ok=int(ok.sum()), bad=int((~ok).sum())), fontsize=10)
        return ax


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
        raise BadSpecError(*RULE_MSGS.both("kind", kind=kind, known=", ".join(PLAN_KINDS)), column="kind")
    day = parse_date(today)
    if day is None:
        raise BadSpecError(*RULE_MSGS.both("date", field="today", value=today), column="today")
    if kind in ("training", "education", "information", "promotion") and not isinstance(plan, Mapping):
        raise BadValueError(*RULE_MSGS.both("dict", what=PLAN_KINDS[kind][0], what_en=PLAN_KINDS[kind][1],
                                          got=type(plan).__name__), column=kind)
    c = Collector()
    RULES[kind](plan, c, day)
    problems = tuple(p for rows in c.rows.values() for p in rows)
    table = pd.DataFrame({
        "ok": [not rows for rows in c.rows.values()],
        "problem": [localized("；", "; ").join(p.text() for p in rows) if rows else MSGS("ok")
                    for rows in c.rows.values()],
    }, index=pd.Index([localized(k, english(k)) for k in c.rows], name="item"))
    return PlanCheck(table=table, kind=kind, problems=problems)


def plan_overview() -> pd.DataFrame:
    """The checklists: the lighter elements and the promotion plan, seed section and what :func:`plan_check` checks.

    Examples
    --------
    >>> plan_overview().index.tolist()
    ['training', 'education', 'competitor', 'relationship', 'information', 'promotion']
    """
    return pd.DataFrame({
        MSGS.label("element"): [localized(v[0], v[1]) for v in PLAN_KINDS.values()],
        MSGS.label("seed"): [localized(v[2], _SEED_EN[k]) for k, v in PLAN_KINDS.items()],
        MSGS.label("checks"): [localized(*_CHECKS[k]) for k in PLAN_KINDS],
    }, index=pd.Index(list(PLAN_KINDS), name="kind"))
