"""m02's case: the three dimensions of the chain rubric, the four quadrants and the course's standard choices."""

from __future__ import annotations

from ..._i18n import localized

__all__ = ["DIMENSIONS", "DIMENSION_EN", "QUADRANTS", "DEFAULT_CHOICE", "SPREAD", "STABLE_BELOW", "NO_UNSTABLE",
           "ACTIONS", "DATA_TERMS"]

#: The three dimensions of seed 000 §二 (the keys of ``kl.screening.CHAIN_RUBRIC``).
DIMENSIONS: tuple[str, ...] = ("合作潜力", "利润贡献", "动销基础")
#: English labels of the dimensions (the answer keys stay Chinese in both languages).
DIMENSION_EN: dict[str, str] = {"合作潜力": "cooperation potential", "利润贡献": "profit contribution",
                                "动销基础": "sell-through base"}
#: Quadrant code -> (Chinese, English) label, in the seed's order.
QUADRANTS: dict[str, tuple[str, str]] = {
    "invest": ("重点投入", "invest"),
    "cultivate": ("培育优化", "cultivate"),
    "maintain": ("维持收益", "maintain"),
    "streamline": ("精简调整", "streamline"),
}
#: The choice used while q1 is still unanswered (``...``): the course default.
DEFAULT_CHOICE: dict[str, float] = {"合作潜力": 35, "利润贡献": 35, "动销基础": 30, "cut": 50}
#: Course standard for the stability exercise: weights swing ±20 %, < 0.7 is unstable.
SPREAD = 0.2
STABLE_BELOW = 0.7
#: Draws and seed of every stability computation (the tool's defaults).
_N_DRAWS = 1000
_SEED = 0


def _dimension_label(dimension: str) -> str:
    """The dimension's name in the current language (Chinese names are the answer keys)."""
    return localized(dimension, DIMENSION_EN.get(dimension, dimension))

#: What the trainee ticks in exercise 3 when no chain is unstable (a decision, unlike an empty list).
NO_UNSTABLE = "无"
#: Exercise 4: what to do with the chains whose quadrant is unstable (code -> (zh, en)); the first is the
#: course's answer (seed 000 §二: 先筛选，再投入 — a chain on the line is checked before resources move).
ACTIONS: dict[str, tuple[str, str]] = {
    "先核实": ("先核实：补数据、走访门店后再定象限和投入", "verify first: more data and store visits before the quadrant and the spend are decided"),
    "直接投入": ("按当前象限直接投入，不用再看", "invest as the current quadrant says, no second look"),
    "剔除": ("把它们从客户名单里剔除", "drop them from the account list"),
    "改权重": ("调高某个维度的权重，让它们进重点投入", "raise one dimension's weight until they land in the invest quadrant"),
}

#: Chinese answer values a trainee ticks or chooses (they are data, shown as they are in English too).
DATA_TERMS: tuple[str, ...] = (NO_UNSTABLE, *ACTIONS)
