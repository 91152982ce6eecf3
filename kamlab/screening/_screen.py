"""Three-dimension account screening and four-quadrant tiering (m02, m11).

The math (SPEC "Tool math / Screening", checkable by hand in Excel):

- criterion score in [0, 100]: ``minmax`` 100·(x−min)/(max−min) over the
  accounts screened (50 for all when max == min); ``bounds`` the same with
  fixed lo/hi, clipped; ``rank`` 100·(r−1)/(n−1) with average ranks for ties
  (50 when n == 1); ``levels`` the category's score; lower-is-better
  criteria score 100 − s;
- dimension score = Σ w·s / Σ w over its criteria; total = Σ W·D / Σ W over
  all dimensions; an axis score (``potential``, ``profit``) = Σ W·D / Σ W
  over the dimensions on that axis;
- quadrant: a score equal to the cut counts as high (scores within
  ``TOL = 1e-9`` of the cut count as equal); potential high & profit high →
  重点投入 (invest), potential high & profit low → 培育优化 (cultivate),
  potential low & profit high → 维持收益 (maintain), both low → 精简调整
  (streamline);
- rank: 1 = best total, ties (totals within 1e-9) broken by id.

All criteria are scored at once as one ``n × c`` matrix; dimension, axis and
total scores are matrix products with normalised weight matrices.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"chain_id": ["A", "B", "C"], "store_count": [100, 300, 200],
...                    "willingness": [5, 1, 3], "payment_days": [30, 90, 60]})
>>> rubric = {"dimensions": {
...     "合作潜力": {"weight": 40, "axis": "potential", "criteria": {
...         "store_count": {"weight": 60}, "willingness": {"weight": 40, "bounds": [1, 5]}}},
...     "利润贡献": {"weight": 60, "axis": "profit", "criteria": {
...         "payment_days": {"weight": 100, "better": "lower"}}}}}
>>> res = screen(df, rubric, id_col="chain_id")
>>> res.table
          合作潜力  利润贡献  potential  profit  total quadrant quadrant_code  rank
chain_id
A         40.0  100.0       40.0   100.0   76.0     维持收益      maintain     1
C         50.0   50.0       50.0    50.0   50.0     重点投入        invest     2
B         60.0    0.0       60.0     0.0   24.0     培育优化     cultivate     3
"""


from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError
from ._quadrants import MSGS, QUADRANTS, TOL, _check_cut, _cut_values, _quadrant_codes, quadrant_label
from ._score import _aggregate, _id_order, _labels, _prepare, _ranks, _structure, score_matrix
from ._screening_result import ScreeningResult

__all__ = ["screen", "stability", "ScreeningResult", "QUADRANTS", "TOL", "MSGS",
           "quadrant_label", "score_matrix"]


def screen(df: pd.DataFrame, rubric: Any, *, id_col: str, cut: float | str = 50) -> ScreeningResult:
    """Score, rank and tier accounts with a rubric.

    Parameters
    ----------
    df : DataFrame
        One row per account; holds *id_col* and every rubric column.  It is
        not modified.
    rubric : dict or Rubric
        See :func:`~kamlab.screening.parse_rubric`.
    id_col : str
        Column of unique account ids (becomes the index of the result).
    cut : float or "median"
        Quadrant cut on both axes (0–100, default 50), or ``"median"`` for
        the median of each axis.  A score equal to the cut counts as high.

    Returns
    -------
    ScreeningResult

    Raises
    ------
    BadSpecError, MissingColumnError, BadValueError, DuplicateIdError, EmptyTableError

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"doctor_id": ["D1", "D2"], "patients_per_month": [300, 100],
    ...                    "influence": ["科室骨干", "学科带头人"]})
    >>> r = {"病人数": {"weight": 60, "criteria": {"patients_per_month": 1}},
    ...      "影响力": {"weight": 40, "criteria": {"influence": {"weight": 1,
    ...                 "levels": {"学科带头人": 100, "科室骨干": 60, "普通医生": 20}}}}}
    >>> screen(df, r, id_col="doctor_id").table
               病人数    影响力  total  rank
    doctor_id
    D1         100.0   60.0   84.0     1
    D2           0.0  100.0   40.0     2
    """
    cut = _check_cut(cut)
    rub, ids, scores = _prepare(df, rubric, id_col)
    cw, cd, dw, da = _structure(rub)
    dims, axes, total = _aggregate(scores, cw, cd, dw, da)
    ranks = _ranks(total, ids)
    order = np.empty(len(ranks), dtype=np.int64)
    order[ranks - 1] = np.arange(len(ranks))           # accounts by rank
    data: dict[str, Any] = {d.name: dims[order, i] for i, d in enumerate(rub.dimensions)}
    cuts: tuple[float, ...] = ()
    if rub.two_axis:
        cut_v = _cut_values(axes, cut)
        cuts = tuple(float(c) for c in cut_v)
        quad = _quadrant_codes(axes, cut_v)[order]
        data["potential"], data["profit"] = axes[order, 0], axes[order, 1]
        data["total"] = total[order]
        data["quadrant"] = _labels([quadrant_label(q) for q in QUADRANTS], quad)
        data["quadrant_code"] = _labels(list(QUADRANTS), quad)
    else:
        data["total"] = total[order]
    data["rank"] = np.arange(1, len(ranks) + 1)
    index = ids.take(order)
    table = pd.DataFrame(data, index=index)
    columns = pd.MultiIndex.from_tuples([(d.name, c.column) for d in rub.dimensions for c in d.criteria],
                                        names=["dimension", "column"])
    crit = pd.DataFrame(scores[order], index=index, columns=columns)
    return ScreeningResult(table=table, scores=crit, rubric=rub, cut=cut, cuts=cuts)


def stability(df: pd.DataFrame, rubric: Any, *, id_col: str, spread: float = 0.2, n: int = 1000,
              seed: int = 0, cut: float | str = 50) -> pd.Series:
    """Share of weight draws in which each account keeps its tier (0–1).

    Every criterion weight and every dimension weight is drawn uniformly in
    ``[w·(1 − spread), w·(1 + spread)]``, independently, *n* times, with
    ``numpy.random.default_rng(seed)``; the criterion scores stay fixed.
    For a two-axis rubric an account keeps its tier when its quadrant (with
    the same *cut*; ``"median"`` is recomputed in each draw) equals its
    quadrant under the rubric's own weights.  For a one-axis rubric the tier
    is the rank third: A = ⌊3·(rank − 1)/n_accounts⌋ = 0 (top third),
    B = 1, C = 2, with ranks by total (ties by id) in each draw.

    Parameters
    ----------
    df, rubric, id_col, cut
        As for :func:`screen`.
    spread : float
        Relative spread of the weights, 0 ≤ spread < 1 (default 0.2 = ±20%).
    n : int
        Number of draws (default 1000).
    seed : int
        Seed of the random draws (same seed, same answer).

    Returns
    -------
    Series
        Named ``stability``, indexed by id in rank order (as
        ``screen(...).table``), values in [0, 1].

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"id": ["a", "b", "c"], "x": [0, 10, 4.9], "y": [0, 10, 10]})
    >>> r = {"潜力": {"weight": 1, "axis": "potential", "criteria": {"x": {"weight": 1, "bounds": [0, 10]}}},
    ...      "利润": {"weight": 1, "axis": "profit", "criteria": {"y": 1}}}
    >>> stability(df, r, id_col="id", n=200)
    id
    b    1.0
    c    1.0
    a    1.0
    Name: stability, dtype: float64
    """
    cut = _check_cut(cut)
    ok_spread = isinstance(spread, numbers.Real) and not isinstance(spread, bool) and 0 <= float(spread) < 1
    if not ok_spread:
        raise BadSpecError(*MSGS.both("err_spread", value=spread), column="spread")
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or not 1 <= n <= 1_000_000:
        raise BadSpecError(*MSGS.both("err_n", value=n), column="n")
    rub, ids, scores = _prepare(df, rubric, id_col)
    cw, cd, dw, da = _structure(rub)
    dims, axes, total = _aggregate(scores, cw, cd, dw, da)
    base_rank = _ranks(total, ids)
    n_acc = len(ids)
    rng = np.random.default_rng(seed)
    spread = float(spread)
    f_crit = rng.uniform(1 - spread, 1 + spread, size=(int(n), len(cw)))
    f_dim = rng.uniform(1 - spread, 1 + spread, size=(int(n), len(dw)))
    if rub.two_axis:
        base = _quadrant_codes(axes, _cut_values(axes, cut))
    else:
        base = (3 * (base_rank - 1)) // n_acc
        by_id = np.argsort(_id_order(ids), kind="stable")  # accounts in id order, for tie-breaking
    kept = np.zeros(n_acc)
    onehot = np.zeros((len(cw), len(dw)))
    onehot[np.arange(len(cw)), cd] = 1.0
    chunk = max(1, int(4_000_000 // max(1, n_acc * len(cw))))
    for start in range(0, int(n), chunk):
        wc = cw * f_crit[start:start + chunk]                     # k × c
        wd = dw * f_dim[start:start + chunk]                      # k × d
        num = (scores[None, :, :] * wc[:, None, :]) @ onehot      # k × n × d
        dims_k = num / (wc @ onehot)[:, None, :]
        if rub.two_axis:
            aw = wd[:, :, None] * da[None, :, :]                  # k × d × 2
            axes_k = dims_k @ (aw / aw.sum(axis=1, keepdims=True))  # k × n × 2
            cut_k = (np.median(axes_k, axis=1) if cut == "median"
                     else np.full((len(wc), 2), cut))
            same = _quadrant_codes(axes_k, cut_k) == base[None, :]
        else:
            tot_k = (dims_k @ (wd / wd.sum(axis=1, keepdims=True))[:, :, None])[..., 0]  # k × n
            key = -np.round(tot_k[:, by_id] / TOL) * TOL
            order = by_id[np.argsort(key, axis=1, kind="stable")]   # k × n: account at each position
            pos = np.empty_like(order)
            np.put_along_axis(pos, order, np.arange(n_acc)[None, :].repeat(len(wc), axis=0), axis=1)
            same = (3 * pos) // n_acc == base[None, :]
        kept += same.sum(axis=0)
    out = pd.Series(kept / int(n), index=ids, name="stability")
    return out.iloc[np.argsort(base_rank, kind="stable")]
