"""Chain sell-through (m10): the ten elements of 连锁的维护上量与动销.

Seed 001 part 2.  The five elements with numbers get a tool each:

* **铺货管理** distribution — :func:`distribution_check`: HQ category
  purchase rate, target-store distribution rate, new product bought by the
  HQ within a month and on the shelves on time;
* **陈列管理** display — :func:`facings` (facing share vs market share,
  fair-share index) and :func:`display_audit` against the five
  :data:`DISPLAY_PRINCIPLES`;
* **价格维护** price — :func:`price_watch`: prices outside the suggested
  retail band;
* **促销** promotion — :func:`promotion` (baseline, incremental sales, lift,
  ROI) and :data:`PROMOTION_FIT` (promotion type by category role);
* **销售竞赛** sales contests — :func:`contest`: store or clerk ranking by
  units, increase or growth over last month.

The other five (store training, consumer education, competitors,
relationship, information) are checklists: :func:`plan_check`.
Small deterministic example tables (:func:`example_facings`,
:func:`example_prices`, :func:`example_promotion`, :func:`example_clerks`,
:func:`example_listing`) stand in for field surveys.

Examples
--------
>>> import kamlab as kl
>>> sellout = kl.datasets.load("sellout")
>>> kl.retail.distribution_check(sellout, hq_listed=kl.retail.example_listing(sellout), target=0.8).failing
['C09', 'C16', 'C21', 'C30', 'C32']
>>> kl.retail.facings(kl.retail.example_facings()).under_exposed
['D01', 'D02', 'D05', 'D06']
"""

from __future__ import annotations

from ._contest import METRICS, ContestResult, contest, example_clerks
from ._display import (DISPLAY_PRINCIPLES, AuditResult, FacingsResult, display_audit, example_facings,
                       facings)
from ._distribution import PORTFOLIO, DistributionResult, distribution_check, example_listing
from ._plan_rules import (COMPETITOR_RESPONSES, EDUCATION_STRATEGIES, GIFT_LIMIT, INFORMATION_ITEMS, PLAN_KINDS,
                          RELATIONSHIP_ACTIONS, TRAINING_AUDIENCES, TRAINING_CONTENT, TRAINING_FORMS, TRAINING_STEPS)
from ._plans import TODAY, PlanCheck, PlanProblem, plan_check, plan_overview
from ._price import SUGGESTED_PRICES, PriceResult, example_prices, price_watch
from ._promotion import (CATEGORY_ROLES, PROMOTION_FIT, PROMOTION_TYPES, PromotionResult, example_promotion,
                         fit_table, promotion)

__all__ = [
    "distribution_check", "DistributionResult", "example_listing", "PORTFOLIO",
    "facings", "FacingsResult", "example_facings", "DISPLAY_PRINCIPLES", "display_audit", "AuditResult",
    "price_watch", "PriceResult", "example_prices", "SUGGESTED_PRICES",
    "promotion", "PromotionResult", "example_promotion", "PROMOTION_FIT", "PROMOTION_TYPES", "CATEGORY_ROLES",
    "fit_table",
    "contest", "ContestResult", "example_clerks", "METRICS",
    "plan_check", "PlanCheck", "PlanProblem", "plan_overview", "PLAN_KINDS", "TODAY", "TRAINING_AUDIENCES",
    "TRAINING_CONTENT", "TRAINING_FORMS", "TRAINING_STEPS", "EDUCATION_STRATEGIES", "COMPETITOR_RESPONSES",
    "RELATIONSHIP_ACTIONS", "GIFT_LIMIT", "INFORMATION_ITEMS",
]
