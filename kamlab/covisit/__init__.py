"""Co-visits with a distributor's rep (工商协访, m14): four steps, two modes, the debrief, four misconceptions.

Seed 004 (《工商协访大辟谣》): visiting customers together with a
distributor's rep (协同拜访) is a key way to manage and train the
distributor — it uncovers market and selling problems, improves how the rep
sells and lifts sales.

* :data:`STEPS` — 拜访前的准备 → 设定拜访目标 → 实施拜访 → 拜访后总结, with what
  to do in each (:func:`steps_table`); :data:`PREPARATION` the checklist of
  step 1;
* :data:`MODES` — 示范式 (the manufacturer leads, to solve the customer's
  problem) and 观察式 (the rep leads, to build the rep's ability)
  (:func:`modes_table`);
* :func:`plan_visit` — a co-visit day planned and checked (preparation,
  a measurable objective and a mode per call, the mix of modes, the
  debrief); ``.plot()`` draws the day;
* :func:`debrief` — the debrief record checked (what went well, what to
  improve, agreed improvements with owner and due date, the next co-visit);
* :data:`MISCONCEPTIONS` — 不是监督、不抢客户、不重形式、不只发货, with the
  correct view (:func:`misconceptions_table`); :func:`check_quiz` marks a
  true/false quiz on them with explanations.

Examples
--------
>>> import kamlab as kl
>>> from kamlab import covisit
>>> plan = covisit.plan_visit({"distributor": "浙瑞医药商业", "rep": "李强", "date": "2026-11-10",
...     "preparation": ["customer_info", "customer_issues", "agree_plan", "materials"],
...     "calls": [{"customer": "五一店", "time": "09:30", "mode": "示范", "objective": "新品进 2 个单品"},
...               {"customer": "解放店", "time": "11:00", "mode": "观察", "objective": "推荐话术演练 1 次"}],
...     "debrief": "2026-11-10 16:00"}, today="2026-11-01")
>>> plan.ok
True
>>> covisit.check_quiz({"T1": False, "T2": True}).n_correct
2
"""

from __future__ import annotations

from ._common import Problem, parse_date, parse_time
from ._debrief import IMPROVEMENT_FIELDS, MAX_NEXT_DAYS, RECORD_FIELDS, DebriefResult, debrief, record_from_table
from ._model import MISCONCEPTIONS, MODES, PREPARATION, STEP_NAMES, STEPS, Misconception, Mode, PrepItem, Step
from ._names import misconceptions_table, mode_code, modes_table, prep_code, step_code, steps_table
from ._plan import plan_visit
from ._visitplan import CALL_FIELDS, CALL_MINUTES, MAX_CALLS, PLAN_FIELDS, VisitPlan, plan_from_table
from ._quiz import QUIZ, QuizItem, QuizResult, check_quiz, quiz_table

__all__ = ["STEPS", "MODES", "MISCONCEPTIONS", "PREPARATION", "STEP_NAMES", "Step", "Mode", "Misconception",
           "PrepItem", "step_code", "mode_code", "prep_code", "steps_table", "modes_table", "misconceptions_table",
           "plan_visit", "VisitPlan", "plan_from_table", "debrief", "DebriefResult",
           "record_from_table", "Problem", "QUIZ", "QuizItem", "check_quiz",
           "QuizResult", "quiz_table", "parse_date", "parse_time", "MAX_CALLS", "CALL_MINUTES", "MAX_NEXT_DAYS",
           "PLAN_FIELDS", "CALL_FIELDS", "RECORD_FIELDS", "IMPROVEMENT_FIELDS"]
