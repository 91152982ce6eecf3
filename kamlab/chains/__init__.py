"""Chain account development (m09): 连锁客户的开发, seed 001 第一部分.

Three tools for the steps of developing an OTC chain account:

* :func:`classify` — the chain classes of the seed (一、连锁客户的分类): by
  region 全国性 / 区域性, by sales 大型 / 中型 / 小型, by store management
  全直营 / 半直营 / 加盟;
* :func:`research_sheet` — the development research sheet (三.1 连锁药店调研:
  class, store counts direct and franchised, annual sales and the top-10
  stores' daily sales, layout and trade areas, competitors' sales, price,
  discount rate and relations) validated, implausible numbers explained;
* :func:`compare_terms` — the seed's four payment terms (三.4 沟通结款方式:
  预付款, 货到付款, 实销实结, 月结（押批）) compared by days of receivables
  and financing cost.

Negotiation preparation (了解双方的需求和谈判筹码, 确定让步矩阵) reuses the
concession matrix of :mod:`kamlab.negotiation`.

Examples
--------
>>> import kamlab as kl
>>> res = kl.chains.classify(kl.datasets.load("chains"))
>>> res.count(scope="全国性", size="大型")
12
>>> kl.chains.compare_terms(1_000_000, ["月结（押批）", "实销实结"]).soonest
'月结（押批）'
"""

from __future__ import annotations

from ._classify import (DEFAULT_CUTS, MODES, NATIONAL_CITIES, SCOPES, SIZES, ChainClasses, classify,
                        code_of, label)
from ._research import (COMPETITOR_FIELDS, COMPETITOR_PRICE_BAND, MAX_TOP_RATIO, PRICE_BAND, RESEARCH_ITEMS, TOP_N,
                        research_sheet)
from ._sheet import EXAMPLE, ResearchSheet
from ._terms import (ANNUAL_RATE, TERM_DAYS, TERMS, TermComparison, compare_terms,
                     term_key, term_name)

from .._labels import register

# what a trainee reads: the payment-terms table in Chinese (zh) or English (en)
register({"days": ("应收天数", "days of receivables"), "financing_cost": ("资金成本（元/年）", "financing cost (yuan/yr)"),
          "term": ("结款方式", "payment term")})

__all__ = ["classify", "ChainClasses", "research_sheet", "ResearchSheet", "compare_terms", "TermComparison",
           "DEFAULT_CUTS", "NATIONAL_CITIES", "SCOPES", "SIZES", "MODES", "label", "code_of",
           "RESEARCH_ITEMS", "COMPETITOR_FIELDS", "TOP_N", "PRICE_BAND", "COMPETITOR_PRICE_BAND",
           "MAX_TOP_RATIO", "EXAMPLE", "TERMS", "TERM_DAYS", "ANNUAL_RATE",
           "term_name", "term_key"]
