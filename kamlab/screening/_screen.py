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

import math
import numbers
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError
from .._i18n import Messages, get_language
from .._plotting import new_axes, styled
from .._result import TableResult
from .._validate import numeric_column, require_columns, require_table, require_unique
from ._rubric import Rubric, parse_rubric

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["screen", "stability", "ScreeningResult", "QUADRANTS", "TOL", "MSGS",
           "quadrant_label", "score_matrix"]

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


# --------------------------------------------------------------------------- scoring

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


@dataclass(frozen=True, repr=False)
class ScreeningResult(TableResult):
    """Result of :func:`screen`.

    Attributes
    ----------
    table : DataFrame
        Index: account id, sorted by rank.  Columns: one per dimension
        (0–100), ``potential`` and ``profit`` (two-axis rubrics only),
        ``total``, ``quadrant`` (name in the language current when
        :func:`screen` ran) and ``quadrant_code`` (``invest`` /
        ``cultivate`` / ``maintain`` / ``streamline``; two-axis rubrics
        only) and ``rank`` (1 = best total, ties by id).
    scores : DataFrame
        Criterion scores (0–100), same index; columns ``(dimension, column)``.
    rubric : Rubric
        The parsed rubric.
    cut : float or "median"
        The cut as given.
    cuts : tuple of float
        The cut actually used on each axis (the medians for ``"median"``).
    """

    scores: pd.DataFrame = None  # type: ignore[assignment]
    rubric: Rubric = None  # type: ignore[assignment]
    cut: Any = 50.0
    cuts: tuple[float, ...] = ()

    @property
    def two_axis(self) -> bool:
        """``True`` when the rubric has both axes (the table has quadrants)."""
        return self.rubric.two_axis

    def counts(self) -> pd.Series:
        """Number of accounts per quadrant (all four, in the current language).

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"id": ["a", "b"], "x": [1, 2], "y": [1, 2]})
        >>> r = {"潜力": {"weight": 1, "axis": "potential", "criteria": {"x": 1}},
        ...      "利润": {"weight": 1, "axis": "profit", "criteria": {"y": 1}}}
        >>> screen(df, r, id_col="id").counts()
        重点投入    1
        培育优化    0
        维持收益    0
        精简调整    1
        Name: count, dtype: int64
        """
        if not self.two_axis:
            raise BadSpecError(*MSGS.both("err_no_quadrant", axis=self.rubric.axes[0]), column="quadrant")
        counts = self.table["quadrant_code"].value_counts().reindex(list(QUADRANTS), fill_value=0)
        counts.index = pd.Index([quadrant_label(q) for q in QUADRANTS], name=None)
        return counts.rename("count").astype("int64")

    def top(self, n: int = 5) -> pd.DataFrame:
        """The *n* best accounts by total score (rank 1 first).

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"id": ["a", "b", "c"], "x": [1, 3, 2]})
        >>> screen(df, {"d": {"weight": 1, "criteria": {"x": 1}}}, id_col="id").top(2)
                d  total  rank
        id
        b   100.0  100.0     1
        c    50.0   50.0     2
        """
        if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
            raise BadSpecError(*MSGS.both("err_top", value=n), column="n")
        return self.table.head(int(n))

    @styled
    def plot(self, ax: "Axes | None" = None, *, labels: bool = True, top: int = 30) -> "Axes":
        """Draw the four-quadrant scatter, or a ranked bar chart for a one-axis rubric.

        Parameters
        ----------
        ax : matplotlib Axes, optional
        labels : bool
            Write each account's id beside its point (at most 80 accounts).
        top : int
            Bars shown for a one-axis rubric.

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"id": ["a", "b"], "x": [1, 2], "y": [1, 2]})
        >>> r = {"潜力": {"weight": 1, "axis": "potential", "criteria": {"x": 1}},
        ...      "利润": {"weight": 1, "axis": "profit", "criteria": {"y": 1}}}
        >>> screen(df, r, id_col="id").plot().get_xlabel()
        '潜力得分（potential）'
        """
        if not self.two_axis:
            return self._plot_rank(ax, top)
        fig, ax = new_axes(ax, figsize=(7.5, 6.5))
        t = self.table
        cp, cq = self.cuts
        for code in QUADRANTS:
            part = t[t["quadrant_code"] == code]
            ax.scatter(part["potential"], part["profit"], s=40, color=_COLOURS[code], alpha=0.85,
                       edgecolor="white", linewidth=0.5, label=f"{quadrant_label(code)}（{len(part)}）"
                       if get_language() == "zh" else f"{quadrant_label(code)} ({len(part)})", zorder=3)
        if labels and len(t) <= MAX_LABELS:
            for ident, row in t.iterrows():  # at most MAX_LABELS labels: drawing, not data work
                ax.annotate(str(ident), (row["potential"], row["profit"]), xytext=(3, 3),
                            textcoords="offset points", fontsize=7, color="#333333")
        ax.axvline(cp, color="#555555", linestyle="--", linewidth=1)
        ax.axhline(cq, color="#555555", linestyle="--", linewidth=1)
        ax.set_xlim(-5, 105)
        ax.set_ylim(-5, 105)
        corners = {"invest": (103, 103, "right", "top"), "cultivate": (103, -3, "right", "bottom"),
                   "maintain": (-3, 103, "left", "top"), "streamline": (-3, -3, "left", "bottom")}
        for code, (x, y, ha, va) in corners.items():
            ax.text(x, y, quadrant_label(code), ha=ha, va=va, fontsize=12,
                    color=_COLOURS[code], alpha=0.8)
        ax.set_xlabel(MSGS.label("potential"))
        ax.set_ylabel(MSGS.label("profit"))
        ax.set_title(MSGS("title_quadrant", cp=cp, cq=cq))
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, frameon=False)
        fig.tight_layout()
        return ax

    def _plot_rank(self, ax: "Axes | None", top: int) -> "Axes":
        t = self.table.head(max(1, int(top)))
        fig, ax = new_axes(ax, figsize=(7.0, max(3.0, 0.28 * len(t) + 1.2)))
        labels = [str(i) for i in t.index][::-1]
        ax.barh(labels, t["total"].to_numpy()[::-1], color="#2471a3")
        for y, v in enumerate(t["total"].to_numpy()[::-1]):
            ax.text(v + 1, y, f"{v:.1f}", va="center", fontsize=7)
        ax.set_xlim(0, 110)
        ax.set_xlabel(MSGS.label("total"))
        ax.set_title(MSGS("title_rank", n=len(t), total=len(self.table)))
        fig.tight_layout()
        return ax


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
