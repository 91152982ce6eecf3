"""m13's case: the module's constants, the JBP partner (ABC零售) and its finances."""

from __future__ import annotations

from ..._dates import COURSE_TODAY

__all__ = ["MODULE", "TODAY", "DATASET", "RETAILER", "RETAILER_ID", "PLAN_YEAR", "DEFAULT_GROWTH", "JBP_FILE",
           "PARTNER_FINANCE"]

#: Module id.
MODULE = "m13"
#: Fixed course date (the data end in 2026-10).
TODAY = COURSE_TODAY.isoformat()
#: Data set of the module.
DATASET = "retail_sales"
#: The seed's workshop retailer, our JBP partner.
RETAILER = "ABC零售"
RETAILER_ID = "R01"
#: The plan year of the goals and the JBP.
PLAN_YEAR = 2027
#: Growth used by later forms while exercise 2 is not answered.
DEFAULT_GROWTH = 0.08
#: Where the notebook writes the JBP (its own folder).
JBP_FILE = "m13_jbp.xlsx"
#: Case facts: ABC零售's last-year finances (万元, days), from its own statements.
PARTNER_FINANCE: dict[str, float] = {"revenue": 52000.0, "gross_margin": 0.27, "inventory_days": 62.0,
                                     "receivable_days": 45.0}
