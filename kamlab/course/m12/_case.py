"""m12's case: the workshop retailer, the review period, exercise 1's questions and exercise 3's criteria."""

from __future__ import annotations

__all__ = ["MODULE", "DATASET", "RETAILER", "REVIEW_MONTHS", "HORIZON", "WINDOW", "QUIZ", "DRIVERS"]

#: Module id.
MODULE = "m12"
#: The data set of the workshop.
DATASET = "retail_sales"
#: The workshop retailer (ABC零售商).
RETAILER = "ABC零售"
#: The review period of the scorecard: the latest quarter.
REVIEW_MONTHS = 3
#: The forecast horizon: the next quarter.
HORIZON = 3
#: The moving-average window asked for in exercise 4.
WINDOW = 3

#: Exercise 1: five review questions (shown in this order) and the purpose each serves.
QUIZ: dict[str, tuple[str, str, str]] = {
    "A": ("这个品类最近三个月为什么一直没有完成目标？", "Why has this category missed its target for three months?",
          "diagnose"),
    "B": ("下个季度 ABC零售 大概能卖多少？要备多少货？", "How much will ABC Retail sell next quarter? How much stock?",
          "forecast"),
    "C": ("同行卖得好、我们还没做起来的品类有哪些？哪里还有增长空间？",
          "Which categories sell well at peers but not yet with us? Where is there room to grow?", "explore"),
    "D": ("本月到今天为止，各品类的销售进度跟得上目标吗？", "Is every category on pace for this month's target so far?",
          "monitor"),
    "E": ("去年全年 ABC零售 的目标完成得怎么样？和同行相比表现如何？",
          "How well did ABC Retail meet last year's target, and how does it compare with its peers?", "evaluate"),
}

#: Exercise 7: where a lagging category's fall comes from (the choices; "stores"/"per_store" are the
#: drivers of :func:`kamlab.review.drivers`, "target"/"season" the seed's typical wrong reads).
DRIVERS: dict[str, tuple[str, str]] = {
    "stores": ("门店覆盖：有售门店数下降（断货、下架、铺货不足）",
               "Store coverage: fewer selling stores (out of stock, delisted, not distributed)"),
    "per_store": ("单店销售：每家有售门店卖得少了（陈列、店员推荐、价格、竞品）",
                  "Sales per store: each selling store sells less (display, clerk advice, price, competitors)"),
    "target": ("目标定得太高：生意本身没问题", "The target was set too high: the business itself is fine"),
    "season": ("季节：进入淡季，过了就好", "The season: a low season that will pass"),
}
#: Column labels of :func:`~kamlab.course.m12.diagnosis_table`.
_DIAG_COLUMNS = {"sales": ("销售额", "Sales"), "target": ("目标", "Target"), "achievement": ("达成率", "Achievement"),
                 "yoy": ("同比", "YoY"), "stores": ("有售门店数", "Selling stores"),
                 "sales_per_store": ("单店销售额(元)", "Sales per store (CNY)"),
                 "units": ("销量", "Units")}
