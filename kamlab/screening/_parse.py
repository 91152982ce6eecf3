"""Parse and validate a screening rubric literal (:func:`parse_rubric`).

:func:`parse_rubric` raises one bilingual
:class:`~kamlab._errors.BadSpecError` naming the dimension, the criterion
and the field on the first problem.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from typing import Any

from .._errors import BadSpecError
from .._problems import did_you_mean
from ._rubric import _CRIT_KEYS, _DIM_KEYS, _TOP_KEYS, AXES, BETTER, RESERVED_NAMES, SCALES, Criterion, Dimension, Rubric

__all__ = ["parse_rubric"]


def _spec_error(zh: str, en: str, *, column: Any = None, row: Any = None) -> BadSpecError:
    return BadSpecError(zh, en, column=None if column is None else str(column), row=row)



def _unknown_keys(spec: Mapping, allowed: tuple[str, ...], where_zh: str, where_en: str) -> None:
    for key in spec:
        if key not in allowed:
            hz, he = did_you_mean(str(key), allowed)
            raise _spec_error(f"{where_zh}有未知字段 '{key}'{hz}。可用字段：{'、'.join(allowed)}。",
                        f"{where_en} has an unknown field '{key}'{he}. Allowed fields: {', '.join(allowed)}.",
                        column=key)


def _number(raw: Any) -> float:
    if isinstance(raw, (bool, str, bytes)) or raw is None:
        return math.nan
    try:
        return float(raw)
    except (TypeError, ValueError):
        return math.nan


def _weight(raw: Any, where_zh: str, where_en: str, name: str) -> float:
    x = _number(raw)
    if not math.isfinite(x) or x <= 0:
        raise _spec_error(f"{where_zh}的权重 {raw!r} 无效：权重必须是大于 0 的数字。请改为正数，例如 30。",
                    f"{where_en}: weight {raw!r} is invalid: a weight must be a number > 0. "
                    f"Use a positive number such as 30.", column=name)
    return x


def _criterion(dim: str, column: Any, spec: Any) -> Criterion:
    if not isinstance(column, str) or not column.strip():
        raise _spec_error(f"维度「{dim}」的指标名 {column!r} 无效：指标名应是表中的列名，例如 'store_count'。",
                    f"Dimension '{dim}': criterion name {column!r} is invalid: use a column name such as "
                    f"'store_count'.", column=column, row=dim)
    wz, we = f"维度「{dim}」的指标 '{column}'", f"Dimension '{dim}', criterion '{column}'"
    if not isinstance(spec, Mapping):
        if isinstance(spec, numbers.Real) and not isinstance(spec, bool):
            spec = {"weight": spec}
        else:
            raise _spec_error(f"{wz}应是一个字典，例如 {{'weight': 30, 'better': 'lower'}}，或一个权重数字；收到 {spec!r}。",
                        f"{we} must be a dict such as {{'weight': 30, 'better': 'lower'}} or a weight number; "
                        f"got {spec!r}.", column=column, row=dim)
    _unknown_keys(spec, _CRIT_KEYS, wz, we)
    if "weight" not in spec:
        raise _spec_error(f"{wz}缺少 'weight'（权重）。请加上，例如 'weight': 30。",
                    f"{we} has no 'weight'. Add one, e.g. 'weight': 30.", column=column, row=dim)
    weight = _weight(spec["weight"], wz, we, column)
    better = spec.get("better", "higher")
    if better not in BETTER:
        raise _spec_error(f"{wz}的 'better' 取值 {better!r} 无效。请用 'higher'（越高越好）或 'lower'（越低越好）。",
                    f"{we}: 'better' is {better!r}, which is not allowed. Use 'higher' or 'lower'.",
                    column=column, row=dim)
    scale = spec.get("scale")
    if scale is not None and scale not in SCALES:
        hz, he = did_you_mean(str(scale), SCALES)
        raise _spec_error(f"{wz}的 'scale' 取值 {scale!r} 无效{hz}。请从以下选项中选择：{'、'.join(SCALES)}。",
                    f"{we}: 'scale' is {scale!r}, which is not allowed{he}. Choose one of: {', '.join(SCALES)}.",
                    column=column, row=dim)
    has_b, has_l = "bounds" in spec, "levels" in spec
    if has_b and has_l:
        raise _spec_error(f"{wz}同时给了 'bounds' 和 'levels'。请只保留一个。",
                    f"{we} has both 'bounds' and 'levels'. Keep only one.", column=column, row=dim)
    implied = "bounds" if has_b else "levels" if has_l else None
    if scale is None:
        scale = implied or "minmax"
    elif scale in ("bounds", "levels") and implied != scale:
        raise _spec_error(f"{wz}的 scale 是 '{scale}'，但没有给出 '{scale}'。请加上，例如 "
                    + ("'bounds': [1, 5]。" if scale == "bounds" else "'levels': {'是': 100, '否': 0}。"),
                    f"{we}: scale is '{scale}' but '{scale}' is not given. Add it, e.g. "
                    + ("'bounds': [1, 5]." if scale == "bounds" else "'levels': {'yes': 100, 'no': 0}."),
                    column=column, row=dim)
    elif implied is not None and implied != scale:
        raise _spec_error(f"{wz}的 scale 是 '{scale}'，却又给了 '{implied}'。请删掉其中一个。",
                    f"{we}: scale is '{scale}' but '{implied}' is also given. Remove one of them.",
                    column=column, row=dim)
    bounds = levels = None
    if scale == "bounds":
        raw = spec["bounds"]
        pair = list(raw) if isinstance(raw, (list, tuple)) else []
        lo, hi = (_number(pair[0]), _number(pair[1])) if len(pair) == 2 else (math.nan, math.nan)
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise _spec_error(f"{wz}的 'bounds' {raw!r} 无效：应是两个数字 [下限, 上限]，例如 [1, 5]。",
                        f"{we}: 'bounds' {raw!r} is invalid: use two numbers [lo, hi], e.g. [1, 5].",
                        column=column, row=dim)
        if lo >= hi:
            raise _spec_error(f"{wz}的 'bounds' 下限 {lo:g} 不小于上限 {hi:g}。请写成 [下限, 上限]，下限小于上限。",
                        f"{we}: 'bounds' lower end {lo:g} is not below the upper end {hi:g}. "
                        f"Write [lo, hi] with lo < hi.", column=column, row=dim)
        bounds = (lo, hi)
    if scale == "levels":
        raw = spec["levels"]
        if not isinstance(raw, Mapping) or not raw:
            raise _spec_error(f"{wz}的 'levels' 应是非空字典（类别 → 0–100 分），例如 {{'是': 100, '有时': 50, '否': 0}}。",
                        f"{we}: 'levels' must be a non-empty dict (category -> score 0-100), e.g. "
                        f"{{'yes': 100, 'sometimes': 50, 'no': 0}}.", column=column, row=dim)
        items = []
        for cat, score in raw.items():
            x = _number(score)
            if not (math.isfinite(x) and 0 <= x <= 100):
                raise _spec_error(f"{wz}的 'levels' 中类别 '{cat}' 的分数 {score!r} 无效。请填写 0 到 100 之间的数字。",
                            f"{we}: in 'levels', category '{cat}' has score {score!r}. "
                            f"Enter a number from 0 to 100.", column=column, row=dim)
            items.append((cat, x))
        levels = tuple(items)
    return Criterion(column=column, weight=weight, better=better, scale=scale, bounds=bounds, levels=levels)


def _dimension(name: Any, spec: Any) -> Dimension:
    if not isinstance(name, str) or not name.strip():
        raise _spec_error(f"维度名称 {name!r} 无效：请用非空文字，例如 '合作潜力'。",
                    f"Dimension name {name!r} is invalid: use non-empty text such as '合作潜力'.", row=name)
    if name in RESERVED_NAMES:
        raise _spec_error(f"维度名称 '{name}' 是保留字（结果表中的列名）。请换一个名称。",
                    f"Dimension name '{name}' is reserved (a column of the result table). Choose another name.",
                    row=name)
    wz, we = f"维度「{name}」", f"Dimension '{name}'"
    if not isinstance(spec, Mapping):
        raise _spec_error(f"{wz}应是一个字典（含 weight、axis、criteria），收到 {type(spec).__name__}。",
                    f"{we} must be a dict (with weight, axis, criteria), got {type(spec).__name__}.", row=name)
    _unknown_keys(spec, _DIM_KEYS, wz, we)
    if "weight" not in spec:
        raise _spec_error(f"{wz}缺少 'weight'（权重）。请加上，例如 'weight': 40。",
                    f"{we} has no 'weight'. Add one, e.g. 'weight': 40.", column="weight", row=name)
    weight = _weight(spec["weight"], wz, we, name)
    axis = spec.get("axis", "potential")
    if axis not in AXES:
        hz, he = did_you_mean(str(axis), AXES)
        raise _spec_error(f"{wz}的 'axis' 取值 {axis!r} 无效{hz}。请用 'potential'（潜力轴）或 'profit'（利润轴）。",
                    f"{we}: 'axis' is {axis!r}, which is not allowed{he}. Use 'potential' or 'profit'.",
                    column="axis", row=name)
    crits = spec.get("criteria")
    if not isinstance(crits, Mapping) or not crits:
        raise _spec_error(f"{wz}没有任何指标。请在 'criteria' 中至少写一个指标，例如 {{'store_count': {{'weight': 60}}}}。",
                    f"{we} has no criteria. Give at least one in 'criteria', e.g. "
                    f"{{'store_count': {{'weight': 60}}}}.", column="criteria", row=name)
    return Dimension(name=name, weight=weight, axis=axis,
                     criteria=tuple(_criterion(name, col, c) for col, c in crits.items()))


def parse_rubric(spec: Any) -> Rubric:
    """Parse and validate a rubric literal.

    Parameters
    ----------
    spec : dict or Rubric
        ``{"dimensions": {name: {"weight", "axis", "criteria"}}}``; the outer
        ``"dimensions"`` key may be left out.  A :class:`Rubric` is returned
        as is.

    Returns
    -------
    Rubric

    Raises
    ------
    BadSpecError
        Naming the dimension, criterion and field of the first problem.

    Examples
    --------
    >>> parse_rubric({"利润贡献": {"weight": 0, "axis": "profit", "criteria": {"cost_ratio": 1}}})
    Traceback (most recent call last):
    ...
    kamlab._errors.BadSpecError: 维度「利润贡献」的权重 0 无效：权重必须是大于 0 的数字。请改为正数，例如 30。
    Dimension '利润贡献': weight 0 is invalid: a weight must be a number > 0. Use a positive number such as 30.
    """
    if isinstance(spec, Rubric):
        return spec
    if not isinstance(spec, Mapping):
        raise _spec_error(f"评分表 rubric 应是一个字典 {{'dimensions': {{...}}}}，收到 {type(spec).__name__}。",
                    f"The rubric must be a dict {{'dimensions': {{...}}}}, got {type(spec).__name__}.",
                    column="dimensions")
    if "dimensions" in spec:
        _unknown_keys(spec, _TOP_KEYS, "评分表 rubric ", "The rubric")
        dims = spec["dimensions"]
    else:
        dims = spec
    if not isinstance(dims, Mapping) or not dims:
        raise _spec_error("评分表 rubric 没有任何维度。请在 'dimensions' 中至少写一个维度，例如 '合作潜力'。",
                    "The rubric has no dimensions. Give at least one under 'dimensions', e.g. '合作潜力'.",
                    column="dimensions")
    return Rubric(dimensions=tuple(_dimension(name, d) for name, d in dims.items()))

