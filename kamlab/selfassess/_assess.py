"""The self-assessment (岗位自评): own practice vs importance per stage, gaps, blind spots, radar.

A trainee scores their own practice in each of the six stages from 1 (I
hardly do this) to 5 (I do this fully), optionally with how important each
stage is for their role (1–5).

* Importance defaults to 5 for every stage: the seed's full-cycle logic is
  that the six stages form one chain from agreement to sell-through, and the
  vicious circle 重签约轻经营 starts exactly where a stage is neglected, so
  no stage may be dropped.  Pass your own ``importance`` (all six or only
  some; the others stay 5) to weight your role.
* gap = importance − score (positive: you do less than the stage needs).
* Rank of the gap: 1 = largest gap; equal gaps are ranked by the stage's
  order in the cycle (the earlier stage first — a weakness upstream breaks
  every stage after it).
* Blind spots (盲区) = the k stages of rank 1..k whose gap is > 0 (fewer
  than k when fewer stages fall short).
* Dimension scores = the mean score, importance and gap over the stages of
  each value dimension.

Examples
--------
>>> res = assess({"合作客户精准筛选": 4, "信息收集与机会洞察": 2, "策略制定与资源整合": 3,
...               "双赢协议谈判": 4, "终端动销执行": 3, "核心数据复盘": 2})
>>> res.table[["score", "importance", "gap", "rank"]]
           score  importance  gap  rank
stage
合作客户精准筛选     4.0         5.0  1.0     5
信息收集与机会洞察    2.0         5.0  3.0     1
策略制定与资源整合    3.0         5.0  2.0     3
双赢协议谈判       4.0         5.0  1.0     6
终端动销执行       3.0         5.0  2.0     4
核心数据复盘       2.0         5.0  3.0     2
>>> res.blind_spots(2).index.tolist()
['信息收集与机会洞察', '核心数据复盘']
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError, DuplicateIdError, EmptyTableError, MissingColumnError
from .._i18n import Messages, get_language
from .._plotting import new_axes, styled
from .._result import TableResult
from ._cycle import DIMENSIONS, STAGES, stage_code

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["assess", "AssessmentResult", "SCORE_RANGE", "DEFAULT_IMPORTANCE"]

#: Scores and importances lie in this range.
SCORE_RANGE = (1.0, 5.0)
#: Importance of a stage when none is given.
DEFAULT_IMPORTANCE = 5.0

_BY_CODE = {s.code: s for s in STAGES}
_DIM_BY_CODE = {d.code: d for d in DIMENSIONS}

MSGS = Messages({
    "err_type": (
        "{field} 应是一个字典 {{环节: 1–5 分}}，例如 {{'合作客户精准筛选': 4, ...}}，收到的是 {type}。",
        "{field} must be a dict {{stage: score 1-5}} such as {{'合作客户精准筛选': 4, ...}}; got {type}."),
    "err_empty": (
        "{field} 是空的。请为六个环节各打一个 1–5 分：{listed}。",
        "{field} is empty. Give each of the six stages a score from 1 to 5: {listed}."),
    "err_dup": (
        "{field} 中环节 '{stage}' 出现了两次（'{first}' 和 '{second}'）。每个环节只打一次分。",
        "{field}: stage '{stage}' appears twice ('{first}' and '{second}'). Score each stage once."),
    "err_missing": (
        "{field} 缺少环节 '{stage}'{more}。请为六个环节都打分（1–5）。",
        "{field} is missing stage '{stage}'{more_en}. Score all six stages (1-5)."),
    "err_bool": (
        "{field} 中环节 '{stage}' 的分数是 {value!r}，不是数字。请填 1–5 的数字。",
        "{field}: the score of stage '{stage}' is {value!r}, not a number. Enter a number from 1 to 5."),
    "err_number": (
        "{field} 中环节 '{stage}' 的分数 {value!r} 不是数字。请填 1–5 的数字。",
        "{field}: the score of stage '{stage}' is {value!r}, not a number. Enter a number from 1 to 5."),
    "err_nan": (
        "{field} 中环节 '{stage}' 的分数是空值（NaN）。请填 1–5 的数字。",
        "{field}: the score of stage '{stage}' is empty (NaN). Enter a number from 1 to 5."),
    "err_range": (
        "{field} 中环节 '{stage}' 的分数 {value:g} 超出 1–5。请改为 1（几乎没做）到 5（做得很充分）之间的分数。",
        "{field}: the score of stage '{stage}' is {value:g}, outside 1-5. Use 1 (hardly done) to 5 (done fully)."),
    "err_k": ("k 应是正整数（例如 2），收到 {value!r}。", "k must be a positive whole number (e.g. 2); got {value!r}."),
    "title": ("全周期经营自评：本人实践 vs 重要程度", "Full-cycle self-assessment: own practice vs importance"),
    "score": ("本人实践", "Own practice"),
    "importance": ("重要程度", "Importance"),
    "blind": ("盲区（差距最大）", "Blind spot (largest gap)"),
})


def _as_mapping(values: Any, field: str) -> dict[Any, Any]:
    if isinstance(values, pd.Series):
        values = values.to_dict()
    if not isinstance(values, Mapping):
        raise BadSpecError(*MSGS.both("err_type", field=field, type=type(values).__name__), column=field)
    return dict(values)


def _read(values: Any, field: str, *, complete: bool) -> pd.Series:
    """Validated scores ``{stage code: float}`` in cycle order (all six when *complete*)."""
    raw = _as_mapping(values, field)
    if not raw:
        raise EmptyTableError(*MSGS.both("err_empty", field=field, listed="、".join(s.zh for s in STAGES)),
                              column=field)
    by_code: dict[str, Any] = {}
    spelled: dict[str, Any] = {}
    for key, value in raw.items():
        code = stage_code(key, where=field)
        if code in by_code:
            raise DuplicateIdError(*MSGS.both("err_dup", field=field, stage=_BY_CODE[code].zh,
                                              first=spelled[code], second=key),
                                   column=field, row=_BY_CODE[code].zh)
        if isinstance(value, (bool, np.bool_)):
            raise BadValueError(*MSGS.both("err_bool", field=field, stage=_BY_CODE[code].zh, value=value),
                                column=field, row=_BY_CODE[code].zh)
        by_code[code], spelled[code] = value, key
    if complete:
        missing = [s for s in STAGES if s.code not in by_code]
        if missing:
            more = len(missing) - 1
            raise MissingColumnError(*MSGS.both(
                "err_missing", field=field, stage=missing[0].zh,
                more=f"（另缺 {more} 个：{'、'.join(s.zh for s in missing[1:])}）" if more else "",
                more_en=f" (and {more} more: {', '.join(s.zh for s in missing[1:])})" if more else ""),
                column=field, row=missing[0].zh)
    codes = [s.code for s in STAGES if s.code in by_code]
    raw_values = pd.Series([by_code[c] for c in codes], index=codes, dtype=object)
    numbers = pd.to_numeric(raw_values, errors="coerce").astype(float)
    lo, hi = SCORE_RANGE
    for kind, bad in (("err_number", numbers.isna() & raw_values.notna()), ("err_nan", numbers.isna()),
                      ("err_range", (numbers < lo) | (numbers > hi))):
        if bad.any():
            code = bad.index[bad.to_numpy().argmax()]
            value = numbers[code] if kind == "err_range" else raw_values[code]
            raise BadValueError(*MSGS.both(kind, field=field, stage=_BY_CODE[code].zh, value=value),
                                column=field, row=_BY_CODE[code].zh)
    return numbers


def assess(scores: Mapping[str, float], importance: Mapping[str, float] | float | None = None) -> "AssessmentResult":
    """Score your own practice in the six stages and find the blind spots (岗位自评).

    Parameters
    ----------
    scores : dict
        ``{stage: score}`` for all six stages, score 1–5 (whole or decimal:
        1 = hardly done, 5 = done fully).  A stage is named by its Chinese
        name, short name, English name or code (see
        :data:`~kamlab.selfassess.STAGES`).  A pandas Series works too.
    importance : dict or float, optional
        How important each stage is for your role, 1–5: a dict for some or
        all stages (the others keep :data:`DEFAULT_IMPORTANCE` = 5), or one
        number for every stage.  Default 5 everywhere (see the module notes).

    Returns
    -------
    AssessmentResult
        ``.table`` (one row per stage in cycle order, index = Chinese stage
        name): ``order``, ``code``, ``score``, ``importance``, ``gap``
        (importance − score), ``rank`` (1 = largest gap; ties by cycle
        order), ``dimension`` (label in the current language),
        ``dimension_code``; ``.dimension_scores``; ``.blind_spots(k)``;
        ``.plot()`` (radar).

    Raises
    ------
    KamlabInputError
        Not a dict (BadSpecError), empty (EmptyTableError), an unknown stage
        (BadSpecError, with did-you-mean), a stage given twice
        (DuplicateIdError), a missing stage (MissingColumnError), a score
        that is not a number, NaN or outside 1–5 (BadValueError).

    Examples
    --------
    >>> res = assess({"screening": 5, "insight": 4, "strategy": 2, "negotiation": 3,
    ...               "execution": 2, "review": 4}, importance={"策略制定与资源整合": 3})
    >>> res.table.loc["策略制定与资源整合", ["importance", "gap", "rank"]].tolist()
    [3.0, 1.0, 4.0]
    >>> res.dimension_scores["score"].round(2).tolist()
    [4.5, 2.5, 3.0]
    """
    own = _read(scores, "scores", complete=True)
    if importance is None:
        imp = pd.Series(DEFAULT_IMPORTANCE, index=own.index)
    elif isinstance(importance, (int, float, np.integer, np.floating)) and not isinstance(importance, bool):
        value = float(importance)
        if not (math.isfinite(value) and SCORE_RANGE[0] <= value <= SCORE_RANGE[1]):
            raise BadValueError(
                f"importance = {importance!r} 无效：重要程度应是 1–5 的数字。",
                f"importance = {importance!r} is invalid: importance must be a number from 1 to 5.",
                column="importance")
        imp = pd.Series(value, index=own.index)
    else:
        given = _read(importance, "importance", complete=False)
        imp = pd.Series(DEFAULT_IMPORTANCE, index=own.index)
        imp.loc[given.index] = given.to_numpy()
    order = np.arange(1, len(STAGES) + 1)
    gap = imp.to_numpy(dtype=float) - own.to_numpy(dtype=float)
    ranking = np.lexsort((order, -gap))
    rank = np.empty(len(order), dtype=np.int64)
    rank[ranking] = order
    dim_codes = [s.dimension for s in STAGES]
    table = pd.DataFrame({
        "order": order,
        "code": [s.code for s in STAGES],
        "score": own.to_numpy(dtype=float),
        "importance": imp.to_numpy(dtype=float),
        "gap": gap,
        "rank": rank,
        "dimension": [_DIM_BY_CODE[c].name for c in dim_codes],
        "dimension_code": dim_codes,
    }, index=pd.Index([s.zh for s in STAGES], name="stage"))
    means = table.groupby("dimension_code", sort=False)[["score", "importance", "gap"]].mean()
    means = means.loc[[d.code for d in DIMENSIONS]]
    means.index = pd.Index([d.zh for d in DIMENSIONS], name="dimension")
    return AssessmentResult(table=table, dimension_scores=means)


def _check_k(k: Any) -> int:
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, (int, np.integer)) or k < 1:
        raise BadValueError(*MSGS.both("err_k", value=k), column="k")
    return int(k)


@dataclass(frozen=True)
class AssessmentResult(TableResult):
    """A self-assessment of the six stages (see :func:`assess`).

    Attributes
    ----------
    table : DataFrame
        One row per stage, in cycle order.
    dimension_scores : DataFrame
        Index: the three value dimensions (Chinese names); columns
        ``score``, ``importance``, ``gap``: means over the dimension's stages.
    """

    dimension_scores: pd.DataFrame = None  # type: ignore[assignment]

    @property
    def scores(self) -> dict[str, float]:
        """The scores as given, ``{Chinese stage name: score}`` (reusable as input)."""
        return {str(k): float(v) for k, v in self.table["score"].items()}

    def blind_spots(self, k: int = 2) -> pd.DataFrame:
        """The k stages with the largest gap (盲区), largest first.

        Only stages with a positive gap count: when fewer than *k* stages
        fall short of their importance, fewer rows come back.  Equal gaps:
        the earlier stage of the cycle first.

        Parameters
        ----------
        k : int
            How many (≥ 1, default 2 — the seed's 2 个核心盲区).

        Returns
        -------
        DataFrame
            The rows of :attr:`table`, in rank order.

        Examples
        --------
        >>> res = assess({"screening": 3, "insight": 3, "strategy": 4, "negotiation": 5,
        ...               "execution": 3, "review": 5})
        >>> res.blind_spots().index.tolist()    # three gaps of 2: the first two in the cycle
        ['合作客户精准筛选', '信息收集与机会洞察']
        >>> res.blind_spots(5).index.tolist()   # only four stages fall short
        ['合作客户精准筛选', '信息收集与机会洞察', '终端动销执行', '策略制定与资源整合']
        """
        n = _check_k(k)
        t = self.table
        picked = t[(t["rank"] <= n) & (t["gap"] > 0)]
        return picked.sort_values("rank", kind="stable")

    def plot(self, ax: "Axes | None" = None, *, k: int = 2, **kwargs: Any) -> "Axes":
        """Radar chart of the six stages: own practice against importance, blind spots in red.

        Parameters
        ----------
        ax : matplotlib polar Axes, optional
            Draw on this axes.
        k : int
            Mark this many blind spots (0 for none).

        Examples
        --------
        >>> res = assess(dict.fromkeys(["screening", "insight", "strategy", "negotiation",
        ...                             "execution", "review"], 3))
        >>> ax = res.plot()
        >>> ax.name, ax.get_title()
        ('polar', '全周期经营自评：本人实践 vs 重要程度')
        """
        return _radar(self, ax, k)


def _wrap(text: str) -> str:
    if get_language() == "zh":
        return text if len(text) <= 4 else f"{text[:4]}\n{text[4:]}"
    return "\n".join(textwrap.wrap(text, 16))


@styled
def _radar(res: AssessmentResult, ax: "Axes | None", k: int) -> "Axes":
    from matplotlib.lines import Line2D

    fig, ax = new_axes(ax, figsize=(8.0, 6.5), polar=True)
    t = res.table
    n = len(t)
    ax.set_theta_offset(np.pi / 2)   # first stage at the top, the cycle runs clockwise
    ax.set_theta_direction(-1)
    angles = 2 * np.pi * np.arange(n) / n
    closed = np.append(angles, angles[0])
    score = t["score"].to_numpy(dtype=float)
    imp = t["importance"].to_numpy(dtype=float)
    ax.plot(closed, np.append(imp, imp[0]), color="#ff7f0e", ls="--", lw=1.8, label=MSGS.label("importance"))
    ax.fill(closed, np.append(imp, imp[0]), color="#ff7f0e", alpha=0.08)
    ax.plot(closed, np.append(score, score[0]), color="#1f77b4", lw=2.2, marker="o",
            label=MSGS.label("score"))
    ax.fill(closed, np.append(score, score[0]), color="#1f77b4", alpha=0.25)
    handles, _ = ax.get_legend_handles_labels()
    names = [s.name for s in STAGES]
    ax.set_xticks(angles)
    ax.set_xticklabels([_wrap(nm) for nm in names], fontsize=10)
    ax.tick_params(axis="x", pad=12)
    if k:
        spots = res.blind_spots(k)
        pos = t.index.get_indexer(spots.index)
        if len(pos):
            ax.scatter(angles[pos], score[pos], s=160, facecolors="none", edgecolors="#c62828",
                       linewidths=2, zorder=5)
            for label, i in zip(ax.get_xticklabels(), range(n)):
                if i in set(pos.tolist()):
                    label.set_color("#c62828")
            handles.append(Line2D([], [], ls="", marker="o", markersize=11, markerfacecolor="none",
                                  markeredgecolor="#c62828", markeredgewidth=2, label=MSGS.label("blind")))
    ax.set_ylim(0, 5)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_yticklabels(["1", "2", "3", "4", "5"], fontsize=8, color="#666666")
    ax.set_xlim(0, 2 * np.pi)
    ax.set_rlabel_position(180 / n)
    ax.set_title(MSGS.label("title"), pad=30)
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.86, -0.12), fontsize=9, frameon=False)
    return ax
