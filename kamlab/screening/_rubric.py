"""Screening rubrics: parse the plain-dict literal into frozen dataclasses.

A rubric is ``{"dimensions": {name: {"weight": W, "axis": "potential" |
"profit", "criteria": {column: {...}}}}}``.  Each criterion names a column of
the accounts table and takes:

- ``weight`` (> 0, required; a bare number ``"store_count": 60`` is the same
  as ``{"weight": 60}``);
- ``better``: ``"higher"`` (default) or ``"lower"`` (the score becomes
  ``100 − s``);
- the scale: ``minmax`` (default, over the accounts screened),
  ``bounds: [lo, hi]`` (fixed range, clipped), ``scale: "rank"`` (average
  ranks for ties) or ``levels: {category: score}`` (0–100 per category).

``axis`` defaults to ``"potential"``; a rubric whose dimensions all sit on
one axis (the doctor rubrics) gives totals and ranks but no quadrant.

:func:`parse_rubric` raises one bilingual
:class:`~kamlab._errors.BadSpecError` naming the dimension, the criterion
and the field on the first problem.

Examples
--------
>>> r = parse_rubric({"dimensions": {
...     "合作潜力": {"weight": 40, "axis": "potential", "criteria": {
...         "store_count": {"weight": 60},
...         "willingness": {"weight": 40, "bounds": [1, 5]}}},
...     "利润贡献": {"weight": 60, "axis": "profit", "criteria": {
...         "payment_days": {"weight": 100, "better": "lower"}}}}})
>>> [d.name for d in r.dimensions], r.two_axis
(['合作潜力', '利润贡献'], True)
>>> r.dimensions[0].criteria[1]
Criterion(column='willingness', weight=40.0, better='higher', scale='bounds', bounds=(1.0, 5.0), levels=None)
>>> r.columns
('store_count', 'willingness', 'payment_days')
"""

from __future__ import annotations

import copy
import difflib
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._errors import BadSpecError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Criterion", "Dimension", "Rubric", "parse_rubric", "AXES", "BETTER", "SCALES",
           "RESERVED_NAMES", "chain_rubric", "doctor_target_rubric", "doctor_wall_rubric"]

#: Quadrant axes a dimension can sit on.
AXES = ("potential", "profit")
#: Directions of a criterion.
BETTER = ("higher", "lower")
#: Scales of a criterion.
SCALES = ("minmax", "bounds", "rank", "levels")
#: Names a dimension may not take (they are result columns).
RESERVED_NAMES = ("potential", "profit", "total", "quadrant", "quadrant_code", "rank")

_TOP_KEYS = ("dimensions",)
_DIM_KEYS = ("weight", "axis", "criteria")
_CRIT_KEYS = ("weight", "better", "scale", "bounds", "levels")


@dataclass(frozen=True)
class Criterion:
    """One scored column of a dimension.

    Attributes
    ----------
    column : str
        Column of the accounts table.
    weight : float
        Weight inside its dimension (> 0).
    better : {"higher", "lower"}
        Direction; lower-is-better criteria score ``100 − s``.
    scale : {"minmax", "bounds", "rank", "levels"}
        How a raw value becomes a 0–100 score.
    bounds : (float, float) or None
        Fixed ``(lo, hi)`` of the ``bounds`` scale.
    levels : tuple of (category, score) or None
        Category scores of the ``levels`` scale.

    Examples
    --------
    >>> Criterion("payment_days", 30.0, "lower", "minmax", None, None).scale
    'minmax'
    """

    column: str
    weight: float
    better: str
    scale: str
    bounds: tuple[float, float] | None
    levels: tuple[tuple[Any, float], ...] | None

    def to_dict(self) -> dict[str, Any]:
        """Return the criterion as its dict literal."""
        out: dict[str, Any] = {"weight": self.weight}
        if self.better != "higher":
            out["better"] = self.better
        if self.scale == "rank":
            out["scale"] = "rank"
        if self.bounds is not None:
            out["bounds"] = list(self.bounds)
        if self.levels is not None:
            out["levels"] = dict(self.levels)
        return out


@dataclass(frozen=True)
class Dimension:
    """A weighted group of criteria on one quadrant axis.

    Examples
    --------
    >>> d = Dimension("利润贡献", 60.0, "profit",
    ...               (Criterion("payment_days", 1.0, "lower", "minmax", None, None),))
    >>> d.axis, len(d.criteria)
    ('profit', 1)
    """

    name: str
    weight: float
    axis: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Rubric:
    """A parsed screening rubric (use :func:`parse_rubric` to build one).

    Examples
    --------
    >>> r = parse_rubric({"dimensions": {"病人数": {"weight": 30, "criteria": {"patients_per_month": 1}}}})
    >>> r.two_axis, r.axes
    (False, ('potential',))
    """

    dimensions: tuple[Dimension, ...]

    @property
    def axes(self) -> tuple[str, ...]:
        """The axes used, in the order ``potential``, ``profit``."""
        used = {d.axis for d in self.dimensions}
        return tuple(a for a in AXES if a in used)

    @property
    def two_axis(self) -> bool:
        """``True`` when both axes are used (the result has quadrants)."""
        return len(self.axes) == 2

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column scored, in rubric order, without repeats."""
        seen: dict[str, None] = {}
        for d in self.dimensions:
            for c in d.criteria:
                seen.setdefault(c.column, None)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        """Return the rubric as its dict literal (a fresh copy).

        Examples
        --------
        >>> parse_rubric(chain_rubric()).to_dict() == parse_rubric(parse_rubric(chain_rubric()).to_dict()).to_dict()
        True
        """
        return {"dimensions": {d.name: {"weight": d.weight, "axis": d.axis,
                                        "criteria": {c.column: c.to_dict() for c in d.criteria}}
                               for d in self.dimensions}}

    def table(self) -> "pd.DataFrame":
        """One row per criterion: dimension, axis, weights, direction, scale.

        ``share`` is the criterion's effective weight in the total
        (dimension share × criterion share inside its dimension).

        Examples
        --------
        >>> t = parse_rubric(doctor_target_rubric()).table()
        >>> t[["dimension", "column", "share"]]
          dimension               column  share
        0       病人数   patients_per_month    0.3
        1   床位数/门诊数  beds_or_outpatients    0.3
        2      价值取向    value_orientation    0.2
        3       影响力            influence    0.2
        """
        import pandas as pd

        total_w = sum(d.weight for d in self.dimensions)
        rows = []
        for d in self.dimensions:
            crit_w = sum(c.weight for c in d.criteria)
            for c in d.criteria:
                detail = (f"[{c.bounds[0]:g}, {c.bounds[1]:g}]" if c.bounds is not None else
                          ", ".join(f"{k}={v:g}" for k, v in c.levels) if c.levels is not None else "")
                rows.append({"dimension": d.name, "axis": d.axis, "dimension_weight": d.weight,
                             "column": c.column, "weight": c.weight, "better": c.better,
                             "scale": c.scale, "detail": detail,
                             "share": round(d.weight / total_w * c.weight / crit_w, 12)})
        return pd.DataFrame(rows)


def _fail(zh: str, en: str, *, column: Any = None, row: Any = None) -> BadSpecError:
    return BadSpecError(zh, en, column=None if column is None else str(column), row=row)


def _hint(name: str, choices: tuple[str, ...]) -> tuple[str, str]:
    close = difflib.get_close_matches(str(name), choices, n=1, cutoff=0.5)
    return ((f"（是不是 '{close[0]}'？）", f" (did you mean '{close[0]}'?)") if close else ("", ""))


def _unknown_keys(spec: Mapping, allowed: tuple[str, ...], where_zh: str, where_en: str) -> None:
    for key in spec:
        if key not in allowed:
            hz, he = _hint(str(key), allowed)
            raise _fail(f"{where_zh}有未知字段 '{key}'{hz}。可用字段：{'、'.join(allowed)}。",
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
        raise _fail(f"{where_zh}的权重 {raw!r} 无效：权重必须是大于 0 的数字。请改为正数，例如 30。",
                    f"{where_en}: weight {raw!r} is invalid: a weight must be a number > 0. "
                    f"Use a positive number such as 30.", column=name)
    return x


def _criterion(dim: str, column: Any, spec: Any) -> Criterion:
    if not isinstance(column, str) or not column.strip():
        raise _fail(f"维度「{dim}」的指标名 {column!r} 无效：指标名应是表中的列名，例如 'store_count'。",
                    f"Dimension '{dim}': criterion name {column!r} is invalid: use a column name such as "
                    f"'store_count'.", column=column, row=dim)
    wz, we = f"维度「{dim}」的指标 '{column}'", f"Dimension '{dim}', criterion '{column}'"
    if not isinstance(spec, Mapping):
        if isinstance(spec, numbers.Real) and not isinstance(spec, bool):
            spec = {"weight": spec}
        else:
            raise _fail(f"{wz}应是一个字典，例如 {{'weight': 30, 'better': 'lower'}}，或一个权重数字；收到 {spec!r}。",
                        f"{we} must be a dict such as {{'weight': 30, 'better': 'lower'}} or a weight number; "
                        f"got {spec!r}.", column=column, row=dim)
    _unknown_keys(spec, _CRIT_KEYS, wz, we)
    if "weight" not in spec:
        raise _fail(f"{wz}缺少 'weight'（权重）。请加上，例如 'weight': 30。",
                    f"{we} has no 'weight'. Add one, e.g. 'weight': 30.", column=column, row=dim)
    weight = _weight(spec["weight"], wz, we, column)
    better = spec.get("better", "higher")
    if better not in BETTER:
        raise _fail(f"{wz}的 'better' 取值 {better!r} 无效。请用 'higher'（越高越好）或 'lower'（越低越好）。",
                    f"{we}: 'better' is {better!r}, which is not allowed. Use 'higher' or 'lower'.",
                    column=column, row=dim)
    scale = spec.get("scale")
    if scale is not None and scale not in SCALES:
        hz, he = _hint(str(scale), SCALES)
        raise _fail(f"{wz}的 'scale' 取值 {scale!r} 无效{hz}。请从以下选项中选择：{'、'.join(SCALES)}。",
                    f"{we}: 'scale' is {scale!r}, which is not allowed{he}. Choose one of: {', '.join(SCALES)}.",
                    column=column, row=dim)
    has_b, has_l = "bounds" in spec, "levels" in spec
    if has_b and has_l:
        raise _fail(f"{wz}同时给了 'bounds' 和 'levels'。请只保留一个。",
                    f"{we} has both 'bounds' and 'levels'. Keep only one.", column=column, row=dim)
    implied = "bounds" if has_b else "levels" if has_l else None
    if scale is None:
        scale = implied or "minmax"
    elif scale in ("bounds", "levels") and implied != scale:
        raise _fail(f"{wz}的 scale 是 '{scale}'，但没有给出 '{scale}'。请加上，例如 "
                    + ("'bounds': [1, 5]。" if scale == "bounds" else "'levels': {'是': 100, '否': 0}。"),
                    f"{we}: scale is '{scale}' but '{scale}' is not given. Add it, e.g. "
                    + ("'bounds': [1, 5]." if scale == "bounds" else "'levels': {'yes': 100, 'no': 0}."),
                    column=column, row=dim)
    elif implied is not None and implied != scale:
        raise _fail(f"{wz}的 scale 是 '{scale}'，却又给了 '{implied}'。请删掉其中一个。",
                    f"{we}: scale is '{scale}' but '{implied}' is also given. Remove one of them.",
                    column=column, row=dim)
    bounds = levels = None
    if scale == "bounds":
        raw = spec["bounds"]
        pair = list(raw) if isinstance(raw, (list, tuple)) else []
        lo, hi = (_number(pair[0]), _number(pair[1])) if len(pair) == 2 else (math.nan, math.nan)
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise _fail(f"{wz}的 'bounds' {raw!r} 无效：应是两个数字 [下限, 上限]，例如 [1, 5]。",
                        f"{we}: 'bounds' {raw!r} is invalid: use two numbers [lo, hi], e.g. [1, 5].",
                        column=column, row=dim)
        if lo >= hi:
            raise _fail(f"{wz}的 'bounds' 下限 {lo:g} 不小于上限 {hi:g}。请写成 [下限, 上限]，下限小于上限。",
                        f"{we}: 'bounds' lower end {lo:g} is not below the upper end {hi:g}. "
                        f"Write [lo, hi] with lo < hi.", column=column, row=dim)
        bounds = (lo, hi)
    if scale == "levels":
        raw = spec["levels"]
        if not isinstance(raw, Mapping) or not raw:
            raise _fail(f"{wz}的 'levels' 应是非空字典（类别 → 0–100 分），例如 {{'是': 100, '有时': 50, '否': 0}}。",
                        f"{we}: 'levels' must be a non-empty dict (category -> score 0-100), e.g. "
                        f"{{'yes': 100, 'sometimes': 50, 'no': 0}}.", column=column, row=dim)
        items = []
        for cat, score in raw.items():
            x = _number(score)
            if not (math.isfinite(x) and 0 <= x <= 100):
                raise _fail(f"{wz}的 'levels' 中类别 '{cat}' 的分数 {score!r} 无效。请填写 0 到 100 之间的数字。",
                            f"{we}: in 'levels', category '{cat}' has score {score!r}. "
                            f"Enter a number from 0 to 100.", column=column, row=dim)
            items.append((cat, x))
        levels = tuple(items)
    return Criterion(column=column, weight=weight, better=better, scale=scale, bounds=bounds, levels=levels)


def _dimension(name: Any, spec: Any) -> Dimension:
    if not isinstance(name, str) or not name.strip():
        raise _fail(f"维度名称 {name!r} 无效：请用非空文字，例如 '合作潜力'。",
                    f"Dimension name {name!r} is invalid: use non-empty text such as '合作潜力'.", row=name)
    if name in RESERVED_NAMES:
        raise _fail(f"维度名称 '{name}' 是保留字（结果表中的列名）。请换一个名称。",
                    f"Dimension name '{name}' is reserved (a column of the result table). Choose another name.",
                    row=name)
    wz, we = f"维度「{name}」", f"Dimension '{name}'"
    if not isinstance(spec, Mapping):
        raise _fail(f"{wz}应是一个字典（含 weight、axis、criteria），收到 {type(spec).__name__}。",
                    f"{we} must be a dict (with weight, axis, criteria), got {type(spec).__name__}.", row=name)
    _unknown_keys(spec, _DIM_KEYS, wz, we)
    if "weight" not in spec:
        raise _fail(f"{wz}缺少 'weight'（权重）。请加上，例如 'weight': 40。",
                    f"{we} has no 'weight'. Add one, e.g. 'weight': 40.", column="weight", row=name)
    weight = _weight(spec["weight"], wz, we, name)
    axis = spec.get("axis", "potential")
    if axis not in AXES:
        hz, he = _hint(str(axis), AXES)
        raise _fail(f"{wz}的 'axis' 取值 {axis!r} 无效{hz}。请用 'potential'（潜力轴）或 'profit'（利润轴）。",
                    f"{we}: 'axis' is {axis!r}, which is not allowed{he}. Use 'potential' or 'profit'.",
                    column="axis", row=name)
    crits = spec.get("criteria")
    if not isinstance(crits, Mapping) or not crits:
        raise _fail(f"{wz}没有任何指标。请在 'criteria' 中至少写一个指标，例如 {{'store_count': {{'weight': 60}}}}。",
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
        raise _fail(f"评分表 rubric 应是一个字典 {{'dimensions': {{...}}}}，收到 {type(spec).__name__}。",
                    f"The rubric must be a dict {{'dimensions': {{...}}}}, got {type(spec).__name__}.",
                    column="dimensions")
    if "dimensions" in spec:
        _unknown_keys(spec, _TOP_KEYS, "评分表 rubric ", "The rubric")
        dims = spec["dimensions"]
    else:
        dims = spec
    if not isinstance(dims, Mapping) or not dims:
        raise _fail("评分表 rubric 没有任何维度。请在 'dimensions' 中至少写一个维度，例如 '合作潜力'。",
                    "The rubric has no dimensions. Give at least one under 'dimensions', e.g. '合作潜力'.",
                    column="dimensions")
    return Rubric(dimensions=tuple(_dimension(name, d) for name, d in dims.items()))


# --------------------------------------------------------------------------- default rubrics

_CHAIN = {"dimensions": {
    "合作潜力": {"weight": 35, "axis": "potential", "criteria": {
        "store_count": {"weight": 30, "scale": "rank"},
        "cities_covered": {"weight": 20},
        "new_product_acceptance": {"weight": 25},
        "willingness": {"weight": 25, "bounds": [1, 5]}}},
    "利润贡献": {"weight": 35, "axis": "profit", "criteria": {
        "margin_vs_competitor": {"weight": 40},
        "payment_days": {"weight": 30, "better": "lower"},
        "cost_ratio": {"weight": 30, "better": "lower"}}},
    "动销基础": {"weight": 30, "axis": "potential", "criteria": {
        "sales_growth_3m": {"weight": 35},
        "clerk_recommendation": {"weight": 35},
        "golden_display_share": {"weight": 30}}},
}}

_DOCTOR_TARGET = {"dimensions": {
    "病人数": {"weight": 30, "axis": "potential", "criteria": {
        "patients_per_month": {"weight": 100}}},
    "床位数/门诊数": {"weight": 30, "axis": "potential", "criteria": {
        "beds_or_outpatients": {"weight": 100}}},
    "价值取向": {"weight": 20, "axis": "potential", "criteria": {
        "value_orientation": {"weight": 100, "levels": {"学术导向": 100, "患者导向": 75,
                                                        "关系导向": 50, "价格导向": 25}}}},
    "影响力": {"weight": 20, "axis": "potential", "criteria": {
        "influence": {"weight": 100, "levels": {"学科带头人": 100, "科室骨干": 60, "普通医生": 20}}}},
}}

_DOCTOR_WALL = {"dimensions": {
    "是否首选用药": {"weight": 30, "axis": "potential", "criteria": {
        "first_choice": {"weight": 100, "levels": {"是": 100, "有时": 50, "否": 0}}}},
    "谈话的时间顺序": {"weight": 20, "axis": "potential", "criteria": {
        "talk_order": {"weight": 100, "better": "lower", "bounds": [1, 5]}}},
    "传递的信息": {"weight": 20, "axis": "potential", "criteria": {
        "message_delivered": {"weight": 100, "bounds": [1, 5]}}},
    "接受邀请": {"weight": 10, "axis": "potential", "criteria": {
        "accepts_invitation": {"weight": 100, "levels": {"总是": 100, "有时": 50, "从不": 0}}}},
    "突发事件的处理": {"weight": 20, "axis": "potential", "criteria": {
        "incident_handling": {"weight": 100, "bounds": [1, 5]}}},
}}


def chain_rubric() -> dict[str, Any]:
    """Default chain-account rubric (m02): a fresh dict, safe to edit.

    合作潜力 (store_count by rank, cities_covered, new_product_acceptance,
    willingness on its 1–5 scale) and 动销基础 (sales_growth_3m,
    clerk_recommendation, golden_display_share) sit on the potential axis;
    利润贡献 (margin_vs_competitor, payment_days and cost_ratio, both lower
    is better) on the profit axis.

    Examples
    --------
    >>> r = chain_rubric(); list(r["dimensions"])
    ['合作潜力', '利润贡献', '动销基础']
    >>> r["dimensions"]["合作潜力"]["weight"] = 99   # a copy: the default is unchanged
    >>> chain_rubric()["dimensions"]["合作潜力"]["weight"]
    35
    """
    return copy.deepcopy(_CHAIN)


def doctor_target_rubric() -> dict[str, Any]:
    """Target-doctor screening rubric (m11 市场平台): 病人数 30, 床位数/门诊数 30, 价值取向 20, 影响力 20.

    Each criterion is its own dimension, all on one axis: totals and ranks,
    no quadrant.

    Examples
    --------
    >>> {k: v["weight"] for k, v in doctor_target_rubric()["dimensions"].items()}
    {'病人数': 30, '床位数/门诊数': 30, '价值取向': 20, '影响力': 20}
    """
    return copy.deepcopy(_DOCTOR_TARGET)


def doctor_wall_rubric() -> dict[str, Any]:
    """Core-doctor wall criteria (m11 处方平台 围墙准则): 30/20/20/10/20.

    是否首选用药 30, 谈话的时间顺序 20 (1 = we talk to him first, lower is
    better), 传递的信息 20, 接受邀请 10, 突发事件的处理 20.

    Examples
    --------
    >>> {k: v["weight"] for k, v in doctor_wall_rubric()["dimensions"].items()}
    {'是否首选用药': 30, '谈话的时间顺序': 20, '传递的信息': 20, '接受邀请': 10, '突发事件的处理': 20}
    """
    return copy.deepcopy(_DOCTOR_WALL)
