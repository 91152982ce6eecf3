"""m01 岗位认知升维 / Role: from service mindset to business mindset.

Seed 000 §一: the vicious circle 重签约轻经营 (动销差 → 签约难), the service
role vs the business role, the six-stage full cycle 合作客户精准筛选 →
信息收集与机会洞察 → 策略制定与资源整合 → 双赢协议谈判 → 终端动销执行 →
核心数据复盘, the business mindset 重动销、重过程, and the three value
dimensions 客户价值挖掘、内部资源协同、动销结果保障.  The exercise (演练):
find your 2 core blind spots in the full cycle and set immediate actions.

m01 has no bundled data: the answers are the trainee's own.  So the checks
are a short quiz on the model (the order of the six stages, the dimension
each stage serves — literal answers, they do not depend on data),
*consistency* (your blind spots must be what :func:`kamlab.selfassess.assess`
finds from your own scores) and *structure* (your improvement plan must
validate: one action per blind spot, owner, a due date within 30 days of
the course date :data:`TODAY`, a measurable check), plus one free-text
question scored by hand.

Examples
--------
>>> from kamlab.course import m01
>>> m01.TODAY, m01.BANK.keys()
('2026-11-01', ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'])
"""

from __future__ import annotations

from ... import selfassess as _selfassess  # noqa: F401 - makes kl.selfassess available once the workbook opens
from ._bank import BANK
from ._case import K, MODULE, TODAY
from ._charts import plot_cycle
from ._forms import assess_form, blind_spots_form, dimension_form, order_form, plan_form
from ._messages import MSGS
from ._model import assessment_or_none, blind_spot_names, dimension_scores, plan_view

__all__ = ["MODULE", "TODAY", "K", "BANK", "assessment_or_none", "blind_spot_names", "dimension_scores",
           "plan_view", "plot_cycle",
           "order_form", "dimension_form", "assess_form", "blind_spots_form", "plan_form"]
