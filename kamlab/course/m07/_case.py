"""The case of m07: the KPIs, the review period, the course's targets and the planted problems."""

from __future__ import annotations

from ..._dates import COURSE_TODAY

#: Module id.
MODULE = "m07"
#: Fixed course date for due-date checks (kamlab._dates.COURSE_TODAY): the first day after the data's last month,
#: so the notebook's outputs and the grade never depend on the day it is run.
TODAY = COURSE_TODAY.isoformat()
#: The data set the module reviews.
DATASET = "sellout"
#: The review period: the latest quarter (最近 3 个月).
REVIEW_MONTHS = 3

#: The four core KPIs of the seed (铺货率, 动销率, 库存周转率, 店员推荐率).
CORE_METRICS = ("distribution_rate", "sell_through_rate", "inventory_turnover",
                "clerk_recommendation_rate")
#: Every KPI a trainee may look at, with its label and whether higher is better.
METRICS: dict[str, tuple[str, str, bool]] = {
    "distribution_rate": ("铺货率", "Distribution rate", True),
    "sell_through_rate": ("动销率", "Sell-through rate", True),
    "inventory_turnover": ("库存周转率", "Inventory turnover", True),
    "days_of_inventory": ("库存天数", "Days of inventory", False),
    "clerk_recommendation_rate": ("店员推荐率", "Clerk recommendation rate", True),
    "units_per_selling_store": ("单店销量", "Units per selling store", True),
    "units": ("销量", "Units sold", True),
}
#: The root-cause taxonomy of the chain (SPEC).
ROOT_CAUSES = ("铺货", "陈列", "价格", "店员", "促销", "库存", "竞品", "其他")
#: The course's reference targets (used when a trainee has not set their own yet).
DEFAULT_TARGETS: dict[str, float] = {
    "distribution_rate": 0.85,
    "sell_through_rate": 0.85,
    "inventory_turnover": 1.5,
    "clerk_recommendation_rate": 0.5,
}
#: Plausible range of a target per core KPI (rates as shares; turnover relative to the data).
TARGET_RANGES: dict[str, tuple[float, float]] = {
    "distribution_rate": (0.5, 1.0),
    "sell_through_rate": (0.5, 1.0),
    "clerk_recommendation_rate": (0.05, 1.0),
}
#: Turnover target: between these multiples of the median chain's turnover.
TURNOVER_RANGE = (0.25, 4.0)
#: Exercise 3: the four typical problems (keys as in ``kl.datasets.planted("sellout", v)``).
PROBLEMS: dict[str, tuple[str, str]] = {
    "poor_distribution": ("铺货不足的连锁", "Chain with poor distribution"),
    "low_sell_through": ("有货不动销的连锁", "Chain stocked but not selling"),
    "inventory_piling": ("库存积压的连锁", "Chain piling up inventory"),
    "clerk_drop": ("店员不推荐的连锁", "Chain whose clerks stopped recommending"),
}
#: Exercise 3: the KPI that finds each problem's chain (the worst chain on it).
PROBLEM_METRIC: dict[str, str] = {
    "poor_distribution": "distribution_rate",
    "low_sell_through": "sell_through_rate",
    "inventory_piling": "days_of_inventory",
    "clerk_drop": "clerk_recommendation_rate",
}
#: Exercise 4: the process KPIs a high stock may come from, and the options of the diagnosis.
PROCESS_METRICS: dict[str, str] = {
    "distribution": "distribution_rate",
    "sell_through": "sell_through_rate",
    "clerk": "clerk_recommendation_rate",
}
DIAGNOSES: dict[str, tuple[str, str]] = {
    "inventory": ("库存：连锁压货，进货太多", "Inventory: the chain was over-stocked"),
    "distribution": ("铺货：货没有进到目标门店", "Distribution: the goods are not in the target stores"),
    "sell_through": ("动销：有货的门店卖不动", "Sell-through: stocked stores do not sell"),
    "clerk": ("店员：店员不推荐", "Clerks: the clerks do not recommend"),
    "season": ("季节：天气和换季", "Season: weather and the time of year"),
}
#: Exercise 5: the options for the main driver of a fall (the four LMDI factors, and the season).
DRIVERS: dict[str, tuple[str, str]] = {
    "target_stores": ("目标门店数变了", "Number of target stores"),
    "distribution": ("铺货率下降", "Distribution fell"),
    "sell_through": ("动销率下降", "Sell-through fell"),
    "units_per_store": ("单店销量下降", "Units per selling store fell"),
    "season": ("季节、天气", "Season, weather"),
}
#: Drill-down factors (effect columns of kl.rootcause.drill) and their labels.
FACTORS: dict[str, tuple[str, str]] = {
    "target_stores": ("目标门店数", "Target stores"),
    "distribution": ("铺货率", "Distribution"),
    "sell_through": ("动销率", "Sell-through"),
    "units_per_store": ("单店销量", "Units per store"),
}
