"""m14 与经销商协同拜访 / Co-visits with a distributor's rep.

Seed 004 (《工商协访大辟谣》): why a co-visit (协同拜访) is a key way to manage
and train the distributor; the four steps 拜访前的准备 → 设定拜访目标 →
实施拜访 → 拜访后总结; the two modes 示范式 (the manufacturer leads, to
solve a problem) and 观察式 (the rep leads, to build the rep's ability); the
four misconceptions 不是监督、不抢客户、不重形式、不只发货.

m14 has no bundled data: the answers are the trainee's own plan and debrief.
So the checks are literal decisions judged against the seed (the order of
the four steps, which mode suits a situation, true/false on the
misconceptions; partial credit per item) and the seed's rules for a plan and
a debrief (the plan must pass :func:`kamlab.covisit.plan_visit` on the
course date :data:`TODAY`; the debrief record must pass
:func:`kamlab.covisit.debrief` and fall on the plan's debrief day), plus one
free-text question scored by hand with a rubric.  The course's own
recommendations that the seed does not state (at most 6 calls a day,
demonstrate before observing, debrief by the next day, the next co-visit
within 60 days) are shown as advice and never cost points.

The package: ``_case`` (course date, situations, example plan, messages),
``_model`` (the helpers answer cells call), ``_charts``, ``_forms``,
``_checks`` and ``_bank``.

Examples
--------
>>> from kamlab.course import m14
>>> m14.TODAY, m14.BANK.keys()
('2026-11-01', ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'])
"""

from __future__ import annotations

from ... import covisit as _covisit  # noqa: F401 - makes kl.covisit available once the workbook opens
from ._bank import BANK
from ._case import EXAMPLE_PLAN, MODULE, MSGS, SITUATIONS, TODAY
from ._charts import plot_steps
from ._forms import debrief_form, modes_form, plan_form, quiz_form, steps_form, text_form
from ._model import debrief_view, plan_or_none, plan_view, quiz_view, situations_table

__all__ = ["MODULE", "TODAY", "SITUATIONS", "EXAMPLE_PLAN", "situations_table", "plot_steps", "plan_or_none",
           "plan_view", "debrief_view", "quiz_view",
           "steps_form", "modes_form", "plan_form", "debrief_form", "quiz_form", "text_form"]
