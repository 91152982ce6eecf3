"""Goals and plans (m13): SWOT, OGSM, goal decomposition and the joint business plan (JBP).

Seed 003 stages 2–3: goals come from the business review (生意回顾).  A SWOT
sums the review up (优势、劣势、机会、威胁, and the SO/WO/ST/WT strategies);
an OGSM turns it into an objective, goals with numbers, strategies and the
measures that carry them (owner, metric, target); the goal is decomposed
across dimensions (the seed's 产品线 and 时间段: category, quarter ...) and
into the five variables that move it, the 五维 of the seed's 五维漏斗
(review) and 五维分解 (goal): stores × distribution × sell-through × units
per store × price (:data:`DRIVERS`); the joint business plan with a
distributor (or a KA retail customer: ``partner_kind``) holds the seed's six
parts and goes to the meeting as XLSX and Markdown; the distributor's profit
model (经销盈利模式) shows what a plan does to the partner's profit.

* :func:`swot` — validated SWOT with a 2×2 chart.
* :class:`OGSM` — ``validate()`` lists every broken link (a goal without a
  number, a strategy without measures, a measure without owner or strategy).
* :func:`decompose` — shares or amounts that must add up to the total (or
  drivers whose product must), with the variable that moves each part.
* :func:`distributor_profit` — margin + rebate − expenses − cost of the money
  tied up in stock and credit.
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
from ._jbp_rules import PARTNER_KINDS, part_titles
from ._profit import PROFIT_ITEMS, DistributorProfit, distributor_profit
from ._ogsm import OGSM, OGSM_KEYS
from ._swot import QUADRANTS, STRATEGY_KINDS, SWOT, swot

from .._labels import register

register({"dimension": ("维度", "dimension"), "part": ("部分", "part"), "share": ("份额", "share"),
          "target": ("目标", "target"), "mover": ("推动变量", "what moves it"), "value": ("目标值", "value"),
          "baseline": ("基期值", "base"), "change": ("变化", "change"),
          "share_of_growth": ("增长贡献占比", "share of the change"), "lever": ("对策", "countermeasure"),
          "item": ("项目", "item"), "label": ("说明", "line"), "amount": ("金额", "amount")})

__all__ = ["distributor_profit", "DistributorProfit", "PROFIT_ITEMS", "swot", "SWOT", "OGSM", "decompose", "Decomposition", "JBP", "Problem", "PARTS", "PARTNER_KINDS", "part_titles", "QUARTERS",
           "DIMENSIONS", "DRIVERS", "QUADRANTS", "STRATEGY_KINDS", "OGSM_KEYS", "TOL", "is_number"]
