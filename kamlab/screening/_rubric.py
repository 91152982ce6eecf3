"""Screening rubrics: the frozen dataclasses a plain-dict rubric literal is parsed into.

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

:func:`~kamlab.screening.parse_rubric` (in ``_parse.py``) reads the literal
and raises one bilingual :class:`~kamlab._errors.BadSpecError` naming the
dimension, the criterion and the field on the first problem.

Examples
--------
>>> from kamlab.screening import parse_rubric
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

from dataclasses import dataclass
from typing import Any

import pandas as pd

__all__ = ["Criterion", "Dimension", "Rubric", "AXES", "BETTER", "SCALES", "RESERVED_NAMES"]

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
    >>> from kamlab.screening import parse_rubric
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
        >>> from kamlab.screening import chain_rubric, parse_rubric
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
        >>> from kamlab.screening import doctor_target_rubric, parse_rubric
        >>> t = parse_rubric(doctor_target_rubric()).table()
        >>> t[["dimension", "column", "share"]]
          dimension              column  share
        0       病人数  patients_per_month   0.30
        1   床位数/门诊数           dept_beds   0.15
        2   床位数/门诊数   outpatients_month   0.15
        3      价值取向   value_orientation   0.20
        4       影响力           influence   0.20
        """
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
