"""m13 目标计划制定与联合生意计划 / Goals, plans and the joint business plan (JBP).

Seed 003 stages 2–3: goals come from the business review (生意回顾, m12).
The review finds the category furthest behind and, with the 五维漏斗, the
stage of the funnel that leaks; the SWOT sums it up; the goal for next year
is last year's base grown by the trainee's decision (above the momentum,
reachable); it is split by category and into the five drivers (五维分解);
the OGSM ties objective, goals, strategies and measures; the JBP with ABC零售
(a KA retail customer, so parts 3–6 name a 零售客户, not a 经销商) holds the
seed's six parts and goes to the meeting as XLSX and Markdown.

Questions (bank :data:`BANK`):

* ``q1`` — the category furthest behind last quarter (judgment on the data seen, read-and-decide);
* ``q2`` — the leaking stage of its funnel (judgment, read-and-decide);
* ``q3`` — a SWOT literal whose weaknesses name the category behind;
* ``q4`` — the growth (a fraction): at least the momentum, at most 10 points above it (judgment);
* ``q5`` — ``split_goal(sales, q4, shares)``: shares adding up to 100, the category behind not loaded up;
* ``q6`` — an OGSM literal that validates and answers the review;
* ``q7`` — the JBP (validates; the base and the total target come from the data and q4);
* ``q8`` — free text, scored by hand with a rubric: how to sell the JBP to the partner;
* ``q9`` — the offer that lifts the example distributor's net profit most (经销盈利模式, read-and-decide).

Examples
--------
>>> from kamlab.course import m13
>>> m13.BANK.keys(), m13.PLAN_YEAR
(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9'], 2027)
"""

from __future__ import annotations

from ... import planning as _planning  # noqa: F401 - makes kl.planning available once the workbook opens
from ._bank import BANK
from ._case import (DATASET, DEFAULT_GROWTH, DISTRIBUTOR, JBP_FILE, LEVERS, MODULE, PARTNER_FINANCE, PARTNER_KIND,
                    PLAN_YEAR, RETAILER, RETAILER_ID, STAGES, TODAY, abc, baseline, baseline_shares, driver_plan,
                    funnel, lagging_category, leak, momentum, quarter_shares, review)
from ._forms import (funnel_form, growth_form, jbp_form, lagging_form, lever_form, ogsm_form, pitch_form,
                     shares_form, swot_form)
from ._frameworks import FRAMEWORKS, framework, jbp_parts
from ._messages import MSGS
from ._model import (best_lever, brand_plan, brand_review, export_jbp, goal_of, jbp_or_none, jbp_view, lever_profit,
                     next_year_goal, split_goal)

__all__ = ["MODULE", "TODAY", "DATASET", "RETAILER", "RETAILER_ID", "PARTNER_KIND", "PLAN_YEAR", "DEFAULT_GROWTH",
           "JBP_FILE", "PARTNER_FINANCE", "STAGES", "BANK", "abc", "baseline", "baseline_shares", "quarter_shares",
           "review", "lagging_category", "momentum", "funnel", "leak", "driver_plan", "next_year_goal", "goal_of",
           "split_goal", "brand_review", "brand_plan", "jbp_or_none", "jbp_view", "export_jbp",
           "lagging_form", "funnel_form", "swot_form", "growth_form", "shares_form", "ogsm_form", "jbp_form",
           "pitch_form", "lever_form", "FRAMEWORKS", "framework", "jbp_parts", "lever_profit", "best_lever",
           "DISTRIBUTOR", "LEVERS"]
