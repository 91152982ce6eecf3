"""Goals and plans (m13): SWOT, OGSM, goal decomposition and the joint business plan (JBP).

Seed 003 stages 2–3: goals come from the business review (生意回顾).  A SWOT
sums the review up (优势、劣势、机会、威胁, and the SO/WO/ST/WT strategies);
an OGSM turns it into an objective, goals with numbers, strategies and the
measures that carry them (owner, metric, target); the goal is decomposed
across dimensions (category, quarter, region ...) or into the variables
that move it (stores × distribution × sell-through × units per store); the
joint business plan with the distributor / retail partner holds the seed's
six parts and goes to the meeting as XLSX and Markdown.

* :func:`swot` — validated SWOT with a 2×2 chart.
* :class:`OGSM` — ``validate()`` lists every broken link (a goal without a
  number, a strategy without measures, a measure without owner or strategy).
* :func:`decompose` — shares or amounts that must add up to the total (or
  drivers whose product must), with the variable that moves each part.
* :class:`JBP` — six parts, ``validate()`` (targets add up across categories
  and quarters, every strategy has actions and owners, dates within the plan
  year, a review meeting each quarter), ``to_xlsx(path)``, ``to_markdown()``.

Examples
--------
>>> import kamlab as kl
>>> d = kl.planning.decompose(1200, {"感冒止咳": 0.4, "慢病用药": 0.6})
>>> d.targets()
{'感冒止咳': 480.0, '慢病用药': 720.0}
"""

from ._common import TOL, Problem, is_number
from ._decompose import DIMENSIONS, DRIVERS, Decomposition, decompose
from ._jbp import JBP, PARTS, QUARTERS
from ._ogsm import OGSM, OGSM_KEYS
from ._swot import QUADRANTS, STRATEGY_KINDS, SWOT, swot

__all__ = ["swot", "SWOT", "OGSM", "decompose", "Decomposition", "JBP", "Problem", "PARTS", "QUARTERS",
           "DIMENSIONS", "DRIVERS", "QUADRANTS", "STRATEGY_KINDS", "OGSM_KEYS", "TOL", "is_number"]
