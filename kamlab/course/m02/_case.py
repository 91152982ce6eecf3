"""m02's case: the three dimensions of the chain rubric, the four quadrants and the course's standard choices."""

from __future__ import annotations

from ..._i18n import localized

__all__ = ["DIMENSIONS", "DIMENSION_EN", "QUADRANTS", "DEFAULT_CHOICE", "SPREAD", "STABLE_BELOW"]

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
