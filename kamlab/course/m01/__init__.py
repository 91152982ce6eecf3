"""m01 岗位认知升维 / Role: from service mindset to business mindset.

Seed 000 §一: the vicious circle 重签约轻经营 (动销差 → 签约难), the service
role vs the business role, the six-stage full cycle 合作客户精准筛选 →
信息收集与机会洞察 → 策略制定与资源整合 → 双赢协议谈判 → 终端动销执行 →
核心数据复盘, the business mindset 重动销、重过程, and the three value
dimensions 客户价值挖掘、内部资源协同、动销结果保障.  The exercise (演练):
find your 2 core blind spots in the full cycle and set immediate actions.

m01 has no bundled data: the answers are the trainee's own.  The checks judge
decisions against the seed and the trainee's own evidence: the order of the
six stages (seed §一 2); which value dimension six pieces of work belong to,
by the parts the seed lists under each dimension (需求洞察、机会捕捉 /
跨部门联动、资源整合 / 执行推动、复盘优化; read from the dimension table);
the 2 blind spots read from the trainee's own radar (the largest gaps of
their self-assessment); and the improvement plan (one action per blind spot,
owner, a due date within 30 days of :data:`TODAY` — a course choice for
"即时" — and a measurable check).  The self-assessment itself and the
vicious-circle text are scored by hand with a rubric.

The seed does not say which stage serves which dimension: the course's
reading (:func:`plot_cycle`) is shown as such and never graded.

Examples
--------
>>> from kamlab.course import m01
>>> m01.TODAY, m01.BANK.keys()
('2026-11-01', ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'])
"""

from __future__ import annotations

from ... import selfassess as _selfassess  # noqa: F401 - makes kl.selfassess available once the workbook opens
from ._bank import BANK
from ._case import K, MODULE, ROLES, TASKS, TODAY
from ._charts import plot_cycle
from ._forms import assess_form, blind_spots_form, dimension_form, order_form, plan_form, text_form
from ._messages import MSGS
from ._model import assessment_or_none, blind_spot_names, dimension_scores, plan_view, role_table

__all__ = ["MODULE", "TODAY", "K", "TASKS", "ROLES", "BANK", "assessment_or_none", "blind_spot_names",
           "dimension_scores", "plan_view", "role_table", "plot_cycle",
           "order_form", "dimension_form", "assess_form", "blind_spots_form", "plan_form", "text_form"]
