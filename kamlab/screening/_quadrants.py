"""Quadrant codes, names and cuts of the screening (重点投入 / 培育优化 / 维持收益 / 精简调整), and its messages.

A score equal to the cut counts as high (scores within :data:`TOL` of the
cut count as equal): potential high & profit high → 重点投入 (invest),
potential high & profit low → 培育优化 (cultivate), potential low & profit
high → 维持收益 (maintain), both low → 精简调整 (streamline).

Examples
--------
>>> import numpy as np
>>> quadrant_label("maintain")
'维持收益'
>>> _quadrant_codes(np.array([[50.0, 49.0], [10.0, 90.0]]), np.array([50.0, 50.0])).tolist()
[1, 2]
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import numpy as np

from .._errors import BadSpecError
from .._i18n import Messages

__all__ = ["TOL", "QUADRANTS", "MAX_LABELS", "MSGS", "quadrant_label"]

#: Scores (and totals) closer than this count as equal.
TOL = 1e-9
#: Language-independent quadrant codes, in display order.
QUADRANTS = ("invest", "cultivate", "maintain", "streamline")
#: Colours of the quadrants in charts.
_COLOURS = {"invest": "#c0392b", "cultivate": "#e67e22", "maintain": "#2471a3", "streamline": "#7f8c8d"}
#: Accounts labelled by id in the quadrant chart when there are at most this many.
MAX_LABELS = 80

MSGS = Messages({
    "invest": ("重点投入", "invest"),
    "cultivate": ("培育优化", "cultivate"),
    "maintain": ("维持收益", "maintain"),
    "streamline": ("精简调整", "streamline"),
    "potential": ("潜力得分（potential）", "Potential score"),
    "profit": ("利润得分（profit）", "Profit score"),
    "total": ("综合得分（total）", "Total score"),
    "title_quadrant": ("客户分层四象限（分界线：潜力 {cp:.1f}，利润 {cq:.1f}）",
                       "Account tiering: four quadrants (cut: potential {cp:.1f}, profit {cq:.1f})"),
    "title_rank": ("综合得分排名（前 {n} 名，共 {total} 个）", "Ranking by total score (top {n} of {total})"),
    "cut_line": ("分界线", "cut"),
    "err_cut": (
        "分界线 cut 的取值 {value!r} 无效。请填写 0 到 100 之间的数字（例如 50），或 'median'（中位数）。",
        "cut is {value!r}, which is not allowed. Use a number from 0 to 100 (e.g. 50) or 'median'."),
    "err_spread": (
        "spread 的取值 {value!r} 无效。请填写 0 到 1 之间的数字（不含 1），例如 0.2 表示权重上下浮动 20%。",
        "spread is {value!r}, which is not allowed. Use a number from 0 up to (not including) 1, e.g. 0.2 "
        "for weights varied by ±20%."),
    "err_n": ("抽样次数 n 的取值 {value!r} 无效。请填写 1 到 1,000,000 之间的整数，例如 1000。",
              "n is {value!r}, which is not allowed. Use a whole number from 1 to 1,000,000, e.g. 1000."),
    "err_top": ("top 的参数 n={value!r} 无效。请填写正整数，例如 5。",
                "top: n={value!r} is not allowed. Use a positive whole number, e.g. 5."),
    "err_no_quadrant": (
        "这个评分表只有一个轴（{axis}），没有四象限，也就没有按象限计数。请用 .top(n) 或 .table['rank'] 查看排名。",
        "This rubric uses one axis only ({axis}): there are no quadrants to count. Use .top(n) or "
        ".table['rank'] for the ranking."),
    "err_level": (
        "列 '{column}' 第 {row} 行的类别 '{value}' 不在评分等级 levels 中。请改为以下类别之一：{known_zh}，"
        "或在 rubric 的 levels 中为它加一个分数。",
        "Column '{column}', row {row}: category '{value}' is not in the rubric's levels. Use one of: {known_en}, "
        "or give it a score in the rubric's levels."),
    "err_level_nan": (
        "列 '{column}' 第 {row} 行是空值。请填写一个类别：{known_zh}。",
        "Column '{column}', row {row} is empty (NaN). Fill in a category: {known_en}."),
    "err_inf": (
        "列 '{column}' 第 {row} 行的值 {value} 不是有限的数字。请填写普通数字。",
        "Column '{column}', row {row}: value {value} is not a finite number. Enter an ordinary number."),
    "err_id_col": (
        "id_col 应是一个列名（文字），例如 'chain_id'，收到 {value!r}。",
        "id_col must be a column name (text) such as 'chain_id', got {value!r}."),
})


def quadrant_label(code: str) -> str:
    """Return the quadrant name of *code* in the current language.

    Examples
    --------
    >>> quadrant_label("invest")
    '重点投入'
    """
    return MSGS.label(code)


def _check_cut(cut: Any) -> Any:
    if isinstance(cut, str) and cut.strip().lower() in ("median", "中位数"):
        return "median"
    ok = isinstance(cut, numbers.Real) and not isinstance(cut, bool) and math.isfinite(float(cut)) \
        and 0 <= float(cut) <= 100
    if not ok:
        raise BadSpecError(*MSGS.both("err_cut", value=cut), column="cut")
    return float(cut)


def _cut_values(axes: np.ndarray, cut: Any) -> np.ndarray:
    """Cut per axis (last dimension of *axes*): the number, or the median over accounts."""
    if cut == "median":
        return np.median(axes, axis=-2)
    return np.full(axes.shape[-1], cut)


def _quadrant_codes(axes: np.ndarray, cuts: np.ndarray) -> np.ndarray:
    """Quadrant index 0..3 (order of QUADRANTS) from potential/profit scores and cuts."""
    high = axes >= cuts[..., None, :] - TOL
    hp, hq = high[..., 0], high[..., 1]
    return np.where(hp, np.where(hq, 0, 1), np.where(hq, 2, 3))

