"""Criterion scores, dimension / axis / total scores and ranks of the screening (the math of :func:`screen`).

- criterion score in [0, 100]: ``minmax`` 100·(x−min)/(max−min) over the
  accounts screened (50 for all when max == min); ``bounds`` the same with
  fixed lo/hi, clipped; ``rank`` 100·(r−1)/(n−1) with average ranks for ties
  (50 when n == 1); ``levels`` the category's score; lower-is-better
  criteria score 100 − s;
- dimension score = Σ w·s / Σ w over its criteria; total = Σ W·D / Σ W over
  all dimensions; an axis score = Σ W·D / Σ W over the dimensions on that axis;
- rank: 1 = best total, ties (totals within 1e-9) broken by id.

All criteria are scored at once as one ``n × c`` matrix; dimension, axis and
total scores are matrix products with normalised weight matrices.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError
from .._validate import numeric_column, require_columns, require_table, require_unique
from ._parse import parse_rubric
from ._quadrants import MSGS, TOL
from ._rubric import Rubric

__all__ = ["score_matrix"]


def _levels_values(df: pd.DataFrame, column: str, levels: tuple[tuple[Any, float], ...]) -> np.ndarray:
    """Map a category column to its level scores, naming the first unknown row."""
    raw = df[column]
    exact = dict(levels)
    by_text = {str(k).strip(): v for k, v in levels}
    try:
        codes, uniques = pd.factorize(raw, use_na_sentinel=True)
        unique_scores = np.array([exact.get(u, by_text.get(str(u).strip(), np.nan)) for u in uniques],
                                 dtype=float)
        mapped = pd.Series(np.where(codes >= 0, unique_scores[np.maximum(codes, 0)] if len(uniques) else np.nan,
                                    np.nan), index=raw.index)
    except TypeError:  # unhashable cells
        mapped = raw.map(lambda v: by_text.get(str(v).strip(), np.nan)).astype(float)
    missing = mapped.isna()
    if missing.any():
        pos = int(missing.to_numpy().argmax())
        label, value = raw.index[pos], raw.iloc[pos]
        known_zh = "、".join(str(k) for k, _ in levels)
        known_en = ", ".join(str(k) for k, _ in levels)
        key = "err_level_nan" if pd.isna(value) else "err_level"
        zh, en = MSGS.both(key, column=column, row=label, value=value, known_zh=known_zh, known_en=known_en)
        raise BadValueError(zh, en, column=column, row=label)
    return mapped.to_numpy(dtype=float)


def _numeric_values(df: pd.DataFrame, column: str) -> np.ndarray:
    values = numeric_column(df, column)
    arr = values.to_numpy(dtype=float)
    bad = ~np.isfinite(arr)
    if bad.any():
        pos = int(bad.argmax())
        zh, en = MSGS.both("err_inf", column=column, row=values.index[pos], value=arr[pos])
        raise BadValueError(zh, en, column=column, row=values.index[pos])
    return arr


def _average_ranks(x: np.ndarray) -> np.ndarray:
    """Average ranks (1..n, ties share the mean rank) of each column of *x*."""
    return pd.DataFrame(x).rank(method="average", axis=0).to_numpy(dtype=float)


def score_matrix(df: pd.DataFrame, rubric: Rubric) -> np.ndarray:
    """Return the ``n × c`` criterion scores (0–100), criteria in rubric order.

    The table must already hold every rubric column; bad values raise a
    :class:`~kamlab._errors.BadValueError` naming column and row.

    Examples
    --------
    >>> import pandas as pd
    >>> r = parse_rubric({"d": {"weight": 1, "criteria": {
    ...     "x": 1, "y": {"weight": 1, "better": "lower", "bounds": [0, 10]}, "z": {"weight": 1, "scale": "rank"}}}})
    >>> score_matrix(pd.DataFrame({"x": [1, 3, 2], "y": [-5, 5, 20], "z": [7, 7, 1]}), r)
    array([[  0.,  100.,  75.],
           [100.,  50.,  75.],
           [ 50.,   0.,   0.]])
    """
    crits = [c for d in rubric.dimensions for c in d.criteria]
    n, k = len(df), len(crits)
    raw = np.empty((n, k), dtype=float, order="F")  # column-major: each criterion contiguous
    lo = np.empty(k)
    hi = np.empty(k)
    cache: dict[str, np.ndarray] = {}
    for j, c in enumerate(crits):
        if c.scale == "levels":
            raw[:, j] = _levels_values(df, c.column, c.levels)  # type: ignore[arg-type]
            lo[j], hi[j] = 0.0, 100.0
            continue
        if c.column not in cache:
            cache[c.column] = _numeric_values(df, c.column)
        raw[:, j] = cache[c.column]
        if c.scale == "bounds":
            lo[j], hi[j] = c.bounds  # type: ignore[misc]
    minmax = np.array([c.scale == "minmax" for c in crits])
    rank = np.array([c.scale == "rank" for c in crits])
    if minmax.any():
        lo[minmax] = raw[:, minmax].min(axis=0)
        hi[minmax] = raw[:, minmax].max(axis=0)
    if rank.any():
        raw[:, rank] = _average_ranks(raw[:, rank])
        lo[rank], hi[rank] = 1.0, float(n)
    span = hi - lo
    flat = span <= 0
    scores = raw  # scored in place
    scores -= lo
    scores *= 100.0 / np.where(flat, 1.0, span)
    np.clip(scores, 0.0, 100.0, out=scores)
    scores[:, flat] = 50.0
    lower = np.array([c.better == "lower" for c in crits])
    if lower.any():
        scores[:, lower] = 100.0 - scores[:, lower]
    return scores


def _structure(rubric: Rubric) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Criterion weights, criterion → dimension index, dimension weights, dimension → axis one-hot."""
    cw, cd = [], []
    for i, d in enumerate(rubric.dimensions):
        for c in d.criteria:
            cw.append(c.weight)
            cd.append(i)
    dw = np.array([d.weight for d in rubric.dimensions])
    axes = rubric.axes
    da = np.array([[d.axis == a for a in axes] for d in rubric.dimensions], dtype=float)
    return np.array(cw), np.array(cd), dw, da


def _aggregate(scores: np.ndarray, cw: np.ndarray, cd: np.ndarray, dw: np.ndarray,
               da: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Dimension (n × d), axis (n × a) and total (n) scores for one weight set."""
    onehot = np.zeros((len(cw), len(dw)))
    onehot[np.arange(len(cw)), cd] = cw
    dims = scores @ (onehot / onehot.sum(axis=0))
    axes_w = da * dw[:, None]
    axes = dims @ (axes_w / axes_w.sum(axis=0))
    total = dims @ (dw / dw.sum())
    return dims, axes, total




def _id_order(ids: pd.Index) -> np.ndarray:
    """Position of each id in sorted id order (for tie-breaking)."""
    try:
        codes, _ = pd.factorize(ids, sort=True)
    except TypeError:  # mixed types
        codes, _ = pd.factorize(ids.astype(str), sort=True)
    return codes


def _rank_key(total: np.ndarray) -> np.ndarray:
    """Sort key of totals, best first; totals within TOL share a key."""
    return -np.round(total / TOL) * TOL


def _ranks(total: np.ndarray, ids: pd.Index) -> np.ndarray:
    """Rank 1..n by total descending (within TOL), ties broken by id."""
    key = _rank_key(total)
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    tied = np.zeros(len(key), dtype=bool)
    if len(key) > 1:
        same = ordered[1:] == ordered[:-1]
        tied[1:] |= same
        tied[:-1] |= same
    if tied.any():  # sort the tied accounts by id inside their group
        sub = order[tied]
        codes = _id_order(ids[sub])
        order[tied] = sub[np.lexsort((codes, key[sub]))]
    ranks = np.empty(len(total), dtype=np.int64)
    ranks[order] = np.arange(1, len(total) + 1)
    return ranks


def _labels(names: list[str], codes: np.ndarray) -> np.ndarray:
    """Text labels of integer *codes* as a string array (one take, no per-row work)."""
    return pd.Series(names, dtype="str").take(codes).array


def _prepare(df: Any, rubric: Any, id_col: Any) -> tuple[Rubric, pd.Index, np.ndarray]:
    rub = parse_rubric(rubric)
    require_table(df)
    if not isinstance(id_col, str):
        raise BadSpecError(*MSGS.both("err_id_col", value=id_col), column="id_col")
    require_columns(df, [id_col, *rub.columns])
    require_unique(df, id_col)
    scores = score_matrix(df, rub)
    ids = pd.Index(df[id_col], name=id_col)
    return rub, ids, scores

