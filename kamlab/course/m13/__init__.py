"""m13 目标计划制定与联合生意计划 / Goals, plans and the joint business plan (JBP).

Seed 003 stages 2–3: goals come from the business review (生意回顾, m12).
The SWOT sums the review up; the goal for next year is last year's base
grown by the trainee's decision; it is decomposed by category (and by
quarter) with the variable that moves each part; the OGSM ties objective,
goals, strategies and measures; the JBP with the retail partner (ABC零售,
the seed's workshop retailer) holds the seed's six parts and goes to the
meeting as XLSX and Markdown.

Questions (bank :data:`BANK`):

* ``q1`` — a SWOT literal (structure: every quadrant ≥ 2 items, at least one
  SO/WO/ST/WT strategy);
* ``q2`` — ``next_year_goal(sales, growth=g)``: the goal = base × (1 + g),
  base = ABC's sales over the latest 12 months (consistency: the growth is
  the trainee's decision, base and goal are recomputed on the context's data);
* ``q3`` — ``kl.planning.decompose(goal_of(q2, sales), shares, by="category")``
  (computed: every category of the data, shares adding up to 1, targets =
  goal × share adding up to the goal of q2 on the context's data);
* ``q4`` — an OGSM literal (structure: validates, ≥ 2 strategies);
* ``q5`` — the JBP literal (validates; its total target is q2's goal and the
  review's base is the data's);
* ``q6`` — free text, scored by hand: how to sell the JBP to the partner.

Examples
--------
>>> from kamlab.course import m13
>>> m13.BANK.keys(), m13.PLAN_YEAR
(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], 2027)
"""

from __future__ import annotations

from ... import planning as _planning  # noqa: F401 - makes kl.planning available once the workbook opens
from ._bank import BANK
from ._case import (DATASET, DEFAULT_GROWTH, JBP_FILE, MODULE, PARTNER_FINANCE, PLAN_YEAR, RETAILER, RETAILER_ID,
                    TODAY)
from ._forms import growth_form, jbp_form, ogsm_form, shares_form, swot_form
from ._messages import MSGS
from ._model import (abc, baseline, baseline_shares, brand_plan, brand_review, driver_plan, export_jbp, goal_of,
                     jbp_or_none, jbp_view, lagging_category, next_year_goal, quarter_shares, review)

__all__ = ["MODULE", "TODAY", "DATASET", "RETAILER", "RETAILER_ID", "PLAN_YEAR", "DEFAULT_GROWTH", "JBP_FILE",
           "PARTNER_FINANCE", "BANK", "abc", "baseline", "baseline_shares", "quarter_shares", "review",
           "lagging_category", "driver_plan", "next_year_goal", "goal_of", "brand_review", "brand_plan",
           "jbp_or_none", "jbp_view", "export_jbp",
           "swot_form", "growth_form", "shares_form", "ogsm_form", "jbp_form"]
