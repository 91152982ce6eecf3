"""The KPI names of the sell-out review: columns, Chinese/English labels, aliases, targets.

:func:`metric_name` reads a trainee's name for a KPI (English column name,
Chinese name such as 铺货率, or a short form); :func:`parse_targets` reads a
``metric -> target`` dict; :func:`below_target` tells which values miss
their target (above it for :data:`LOWER_IS_BETTER`).

Examples
--------
>>> metric_name("库存天数"), metric_label("sell_through_rate")
('days_of_inventory', '动销率')
>>> parse_targets({"铺货率": 0.9})
{'distribution_rate': 0.9}
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from .._errors import BadSpecError
from .._i18n import Messages

__all__ = ["METRICS", "RATE_METRICS", "LOWER_IS_BETTER", "LABELS", "ALIASES", "metric_name", "metric_label",
           "parse_targets", "below_target"]

#: KPI table columns, in order.
METRICS = ("target_stores", "stocked_stores", "selling_stores", "units", "avg_inventory", "distribution_rate",
           "sell_through_rate", "inventory_turnover", "days_of_inventory", "clerk_recommendation_rate",
           "units_per_selling_store")
#: Metrics that are shares (0–1), shown as percentages.
RATE_METRICS = ("distribution_rate", "sell_through_rate", "clerk_recommendation_rate")
#: Metrics where a value *above* target is the problem.
LOWER_IS_BETTER = ("days_of_inventory", "avg_inventory")

LABELS = Messages({
    "target_stores": ("目标门店数", "Target stores"),
    "stocked_stores": ("铺货门店数", "Stocked stores"),
    "selling_stores": ("动销门店数", "Selling stores"),
    "units": ("销量（盒）", "Units sold"),
    "avg_inventory": ("平均库存（盒）", "Average inventory (units)"),
    "distribution_rate": ("铺货率", "Distribution rate"),
    "sell_through_rate": ("动销率", "Sell-through rate"),
    "inventory_turnover": ("库存周转率（次）", "Inventory turnover (turns)"),
    "days_of_inventory": ("库存天数", "Days of inventory"),
    "clerk_recommendation_rate": ("店员推荐率", "Clerk recommendation rate"),
    "units_per_selling_store": ("动销门店单店销量（盒）", "Units per selling store"),
})

#: Other names a trainee may use for a metric (normalised: lower case, no spaces).
ALIASES = {
    "铺货率": "distribution_rate", "distribution": "distribution_rate",
    "动销率": "sell_through_rate", "sell_through": "sell_through_rate", "sellthrough": "sell_through_rate",
    "库存周转率": "inventory_turnover", "周转率": "inventory_turnover", "turnover": "inventory_turnover",
    "库存周转": "inventory_turnover",
    "库存天数": "days_of_inventory", "库存周转天数": "days_of_inventory", "周转天数": "days_of_inventory",
    "doi": "days_of_inventory",
    "店员推荐率": "clerk_recommendation_rate", "推荐率": "clerk_recommendation_rate",
    "clerk_recommendation": "clerk_recommendation_rate",
    "单店销量": "units_per_selling_store", "单店产出": "units_per_selling_store",
    "动销门店单店销量": "units_per_selling_store", "units_per_store": "units_per_selling_store",
    "销量": "units", "units_sold": "units", "目标门店数": "target_stores", "铺货门店数": "stocked_stores",
    "动销门店数": "selling_stores", "平均库存": "avg_inventory",
}

MSGS = Messages({
    "unknown_metric": (
        "未知指标 '{name}'{hint_zh}。可用指标：{valid}。",
        "Unknown metric '{name}'{hint_en}. Known metrics: {valid}."),
    "bad_target": (
        "指标 '{metric}' 的目标值 {value!r} 不是数字。请填写数字，比率写成小数（例如 90% 写 0.9）。",
        "The target of metric '{metric}' is {value!r}, not a number. Enter a number; write rates as "
        "fractions (90% is 0.9)."),
    "targets_type": (
        "targets 应是字典（指标 → 目标值），例如 {{'distribution_rate': 0.9}}，收到 {kind}。",
        "targets must be a dict (metric -> target value), e.g. {{'distribution_rate': 0.9}}; got {kind}."),
    "kpi_type": (
        "应传入 kl.kpi.compute(...) 的结果，收到 {kind}。",
        "Pass the result of kl.kpi.compute(...); got {kind}."),
    "bad_plot_metric": (
        "没有指标 '{name}'{hint_zh}。请从 {valid} 中选择。",
        "There is no metric '{name}'{hint_en}. Choose one of {valid}."),
    "title_kpi": ("{metric}（按 {by}）", "{metric} by {by}"),
    "title_flag": ("低于目标的指标：差距 / 目标", "KPIs missing their target: gap / target"),
    "target_line": ("目标 {value}", "target {value}"),
    "below": ("未达目标", "misses target"),
    "ok": ("达到目标", "meets target"),
    "all": ("全部", "all"),
    "xlabel_gap": ("差距占目标的比例（负 = 未达标）", "Gap as a share of target (negative = shortfall)"),
    "no_flags": ("所有指标都达到目标", "Every KPI meets its target"),
})


def metric_label(metric: str) -> str:
    """Chinese or English label of a KPI column (current language).

    Examples
    --------
    >>> metric_label("distribution_rate")
    '铺货率'
    """
    return LABELS.label(metric)


def _normal(name: str) -> str:
    return str(name).strip().lower().replace(" ", "_").replace("-", "_")


def metric_name(name: Any, *, allowed: tuple[str, ...] = METRICS, column: str = "metric") -> str:
    """Return the KPI column a trainee's metric name means, or raise BadSpecError.

    English column names, Chinese names (铺货率, 动销率, 库存周转率, 库存天数,
    店员推荐率, 单店销量 ...) and a few short forms are accepted.

    Examples
    --------
    >>> metric_name("铺货率"), metric_name("Sell-Through Rate")
    ('distribution_rate', 'sell_through_rate')
    """
    key = _normal(name)
    found = key if key in METRICS else ALIASES.get(key)
    if found in allowed:
        return found
    choices = [*allowed, *(a for a, m in ALIASES.items() if m in allowed)]
    close = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
    hint = ALIASES.get(close[0], close[0]) if close else None
    raise BadSpecError(*MSGS.both("unknown_metric", name=name, valid=", ".join(allowed),
                                  hint_zh=f"（是不是 '{hint}'？）" if hint else "",
                                  hint_en=f" (did you mean '{hint}'?)" if hint else ""), column=column)


def _group_label(key: Any) -> str:
    return " / ".join(map(str, key)) if isinstance(key, tuple) else str(key)


def _fmt(metric: str, value: float) -> str:
    if metric in RATE_METRICS:
        return f"{value:.0%}"
    return f"{value:,.4g}"


def target_label(metric: str, target: float) -> str:
    """The legend text of *metric*'s target line, in the current language (as the flag chart shows it).

    Examples
    --------
    >>> import kamlab as kl; kl.set_language("zh")
    >>> target_label("distribution_rate", 0.9) == MSGS("target_line", value="90%")
    True
    """
    return MSGS("target_line", value=_fmt(metric, target))


def parse_targets(targets: Any) -> dict[str, float]:
    """Return ``{metric column: float target}`` from a trainee's dict (aliases allowed)."""
    if not isinstance(targets, Mapping):
        raise BadSpecError(*MSGS.both("targets_type", kind=type(targets).__name__), column="targets")
    out: dict[str, float] = {}
    for name, value in targets.items():
        metric = metric_name(name, column="targets")
        try:
            number = float(value)
            if isinstance(value, (bool, str)) or not math.isfinite(number):
                raise ValueError
        except (TypeError, ValueError):
            raise BadSpecError(*MSGS.both("bad_target", metric=name, value=value), column=metric) from None
        out[metric] = number
    return out


def below_target(values: np.ndarray, metric: str, target: float) -> np.ndarray:
    """True where *values* miss *target* (above it for :data:`LOWER_IS_BETTER`); NaN never misses."""
    values = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        return values > target if metric in LOWER_IS_BETTER else values < target
