"""The opportunity matrix (机会洞察矩阵): quadrant, priority, feasibility doubts, top picks.

Each need of a key account is an opportunity scored ``match`` (1–5, how
well what we can offer fits it) and ``value`` (1–5, what it is worth).

* Quadrant, with ``threshold`` t (default 3, a score equal to t counts as
  high): match ≥ t and value ≥ t → 优先落地 (act now, code ``act_now``);
  value ≥ t, match < t → 创造条件 (create conditions, ``create_conditions``);
  match ≥ t, value < t → 顺带执行 (do alongside, ``do_alongside``);
  both < t → 暂缓 (defer, ``defer``).
* Priority = match × value.  Rank 1 = best: priority descending, ties by
  value descending, then match descending, then id ascending (as text).
* Doubts (验证可行性, the account's sell-through base and the competitor).
  The seed names the evidence but no cut-offs: the cut-offs below are the
  course's choice (said so in the m03 notebook).  Each rule adds one sentence:

  - ``base_score`` < 40 → 动销基础薄弱（基础分 32 < 40）;
  - ``competitor_pressure`` ≥ 4 → 竞品压力大（4/5）;
  - an implicit (隐性) need with ``match`` ≤ 2 → 隐性需求匹配度低（2/5），先向客户确认需求.

  ``doubts`` joins them with "；" (English "; "), empty when none fires;
  ``feasible`` is True exactly when ``doubts`` is empty.  A rule whose
  column is absent never fires.

Examples
--------
>>> import pandas as pd
>>> needs = pd.DataFrame({
...     "need_id": ["N01", "N02", "N03", "N04"],
...     "need": ["联合营销活动", "高毛利产品倾斜", "社区健康讲座", "店员卖点话术"],
...     "kind": ["显性", "显性", "隐性", "隐性"], "channel": ["总部", "总部", "外部", "门店"],
...     "match": [4, 2, 5, 3], "value": [5, 4, 2, 3],
...     "base_score": [65, 65, 65, 65], "competitor_pressure": [2, 2, 4, 2]})
>>> opp = matrix(needs)
>>> opp.table[["quadrant", "priority", "rank", "feasible"]]
        quadrant  priority  rank  feasible
need_id
N01         优先落地        20     1      True
N03         顺带执行        10     2     False
N04         优先落地         9     3      True
N02         创造条件         8     4      True
>>> opp.top(2).index.tolist()
['N01', 'N04']
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadValueError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._result import TableResult
from ._needs import CHANNELS, KINDS, prepare
from ._score import evidence_scores

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["matrix", "OpportunityResult", "QUADRANT_CODES", "WEAK_BASE", "STRONG_PRESSURE",
           "LOW_MATCH_IMPLICIT"]

#: Quadrant codes from best to worst.
QUADRANT_CODES: tuple[str, ...] = ("act_now", "create_conditions", "do_alongside", "defer")
#: base_score below this is a weak sell-through base (a doubt).
WEAK_BASE = 40
#: competitor_pressure at or above this is strong pressure (a doubt).
STRONG_PRESSURE = 4
#: an implicit need with match at or below this is a doubt.
LOW_MATCH_IMPLICIT = 2

MSGS = Messages({
    "act_now": ("优先落地", "act now"),
    "create_conditions": ("创造条件", "create conditions"),
    "do_alongside": ("顺带执行", "do alongside"),
    "defer": ("暂缓", "defer"),
    "doubt_base": ("动销基础薄弱（基础分 {score:g} < {cut}）", "weak sell-through base (base score {score:g} < {cut})"),
    "doubt_pressure": ("竞品压力大（{p}/5）", "strong competitor pressure ({p}/5)"),
    "doubt_implicit": ("隐性需求匹配度低（{m}/5），先向客户确认需求",
                       "implicit need with low match ({m}/5): confirm the need with the account first"),
    "sep": ("；", "; "),
    "显性": ("显性需求", "explicit need"),
    "隐性": ("隐性需求", "implicit need"),
    "总部": ("总部", "HQ"),
    "门店": ("门店", "store"),
    "外部": ("外部", "external"),
    "title": ("机会洞察矩阵", "Opportunity matrix"),
    "title_account": ("机会洞察矩阵：{account}", "Opportunity matrix: {account}"),
    "xlabel": ("需求匹配度 match（1–5）", "Match with our offer (1-5)"),
    "ylabel": ("机会价值 value（1–5）", "Opportunity value (1-5)"),
    "legend_kind": ("需求类型", "kind"),
    "legend_channel": ("信息渠道", "channel"),
    "legend_top": ("前 {k} 个机会", "top {k} opportunities"),
    "err_threshold": (
        "threshold 应是 1–5 之间的数字（默认 3），收到 {value!r}。",
        "threshold must be a number from 1 to 5 (default 3); got {value!r}."),
    "err_k": (
        "k 应是正整数（例如 3），收到 {value!r}。",
        "k must be a positive whole number (e.g. 3); got {value!r}."),
})

_MARKERS = {"显性": "o", "隐性": "^"}
_COLOURS = {"总部": "#1f77b4", "门店": "#ff7f0e", "外部": "#2ca02c"}
_LABEL_CHARS = 8


def _check_threshold(threshold: Any) -> float:
    ok = isinstance(threshold, (int, float, np.integer, np.floating)) and not isinstance(threshold, bool)
    value = float(threshold) if ok else math.nan
    if not (math.isfinite(value) and 1 <= value <= 5):
        raise BadValueError(*MSGS.both("err_threshold", value=threshold), column="threshold")
    return value


def _check_k(k: Any) -> int:
    ok = isinstance(k, (int, np.integer)) and not isinstance(k, bool) and k >= 1
    if not ok:
        raise BadValueError(*MSGS.both("err_k", value=k), column="k")
    return int(k)


def _rule(mask: pd.Series, values: pd.Series, make) -> pd.Series:  # type: ignore[no-untyped-def]
    """Sentence of one doubt rule where *mask*, else ''; formatted once per distinct value."""
    texts = {v: make(v) for v in pd.unique(values[mask])}
    return values.map(texts).where(mask, "").astype(object)


def _doubts(t: pd.DataFrame, has_base: bool, has_pressure: bool) -> pd.Series:
    rules = []
    if has_base:
        rules.append(_rule(t["base_score"] < WEAK_BASE, t["base_score"],
                           lambda v: MSGS("doubt_base", score=v, cut=WEAK_BASE)))
    if has_pressure:
        rules.append(_rule(t["competitor_pressure"] >= STRONG_PRESSURE, t["competitor_pressure"],
                           lambda v: MSGS("doubt_pressure", p=int(v))))
    rules.append(_rule(t["kind"].eq("隐性") & (t["match"] <= LOW_MATCH_IMPLICIT), t["match"],
                       lambda v: MSGS("doubt_implicit", m=int(v))))
    sep = MSGS.label("sep")
    out = pd.Series("", index=t.index, dtype=object)
    for r in rules:
        joiner = np.where(out.ne("") & r.ne(""), sep, "")
        out = out + joiner + r
    return out


def matrix(needs_df: pd.DataFrame, *, threshold: float = 3, account: Any = None) -> "OpportunityResult":
    """Place every need of a key account in the opportunity matrix (机会洞察).

    Parameters
    ----------
    needs_df : DataFrame
        Columns ``need``, ``kind`` (显性/隐性 or explicit/implicit),
        ``channel`` (总部/门店/外部 or HQ/store/external), ``match`` and
        ``value`` (whole numbers 1–5) — or, without them, ``fit`` and
        ``uplift``, scored by the course rubric (:func:`evidence_scores`); optional ``need_id`` (unique; the
        index when present, else ``need``), ``account_id``, ``base_score``
        (0–100) and ``competitor_pressure`` (whole number 1–5).  Not modified.
    threshold : float
        A score ≥ threshold is high (1–5, default 3).
    account : str, optional
        Keep only this ``account_id``.

    Returns
    -------
    OpportunityResult
        ``.table`` (sorted by rank): the input columns (kind and channel in
        their Chinese form) plus ``quadrant`` (label in the current
        language), ``quadrant_code`` (act_now / create_conditions /
        do_alongside / defer), ``priority``, ``rank``, ``doubts`` and
        ``feasible``.  See the module docstring for the rules.

    Raises
    ------
    KamlabInputError
        Missing column, NaN, a score that is not a whole number in 1–5, an
        unknown kind or channel, a duplicated id, an empty table, an unknown
        account or a threshold outside 1–5.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"need": ["联合营销", "健康讲座"], "kind": ["explicit", "implicit"],
    ...                    "channel": ["HQ", "external"], "match": [3, 2], "value": [3, 5]})
    >>> matrix(df).table[["quadrant", "quadrant_code", "priority", "doubts"]]
         quadrant      quadrant_code  priority               doubts
    need
    健康讲座     创造条件  create_conditions        10  隐性需求匹配度低（2/5），先向客户确认需求
    联合营销     优先落地            act_now         9
    """
    t_value = _check_threshold(threshold)
    if isinstance(needs_df, pd.DataFrame) and not {"match", "value"} & set(needs_df.columns) \
            and {"fit", "uplift"} <= set(needs_df.columns):
        needs_df = evidence_scores(needs_df)     # scored from the evidence by the course rubric
    prep = prepare(needs_df, scores=True, account=account)
    t = prep.table
    match = t["match"].to_numpy()
    value = t["value"].to_numpy()
    hi_m, hi_v = match >= t_value, value >= t_value
    code_idx = np.select([hi_m & hi_v, hi_v, hi_m], [0, 1, 2], default=3)
    codes = np.asarray(QUADRANT_CODES, dtype=object)[code_idx]
    priority = match * value
    ids = t.index.astype(str).to_numpy()
    order = np.lexsort((ids, -match, -value, -priority))
    rank = np.empty(len(t), dtype=np.int64)
    rank[order] = np.arange(1, len(t) + 1)
    labels = np.asarray([MSGS.label(c) for c in QUADRANT_CODES], dtype=object)[code_idx]
    t = t.assign(quadrant=labels, quadrant_code=codes, priority=priority.astype(np.int64), rank=rank)
    doubts = _doubts(t, prep.has_base_score, prep.has_pressure)
    t = t.assign(doubts=doubts, feasible=doubts.eq("").to_numpy())
    t = t.sort_values("rank", kind="stable")
    return OpportunityResult(table=t, threshold=t_value, account=prep.account)


@dataclass(frozen=True)
class OpportunityResult(TableResult):
    """The opportunity matrix of one or several key accounts.

    Attributes
    ----------
    table : DataFrame
        One row per need, sorted by rank (see :func:`matrix`).
    threshold : float
        The high/low threshold used.
    account : str or None
        The account kept with ``account=``, if any.
    """

    threshold: float = 3.0
    account: str | None = None

    def top(self, k: int = 3) -> pd.DataFrame:
        """The k opportunities to pursue first (锁定 k 个高价值机会).

        Order: every 优先落地 (act_now) opportunity comes before any other;
        within each of these two groups feasible ones (no doubt) come before
        doubtful ones; then by rank.  So the picks are: feasible 优先落地 by
        rank, then doubtful 优先落地, then feasible others, then doubtful
        others — the first ``k`` of that order (all rows if fewer).

        Parameters
        ----------
        k : int
            How many to pick (≥ 1, default 3).

        Returns
        -------
        DataFrame
            The chosen rows of :attr:`table`, in pick order.

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"need": ["甲", "乙", "丙"], "kind": ["显性"] * 3, "channel": ["总部"] * 3,
        ...                    "match": [5, 3, 2], "value": [5, 3, 5], "competitor_pressure": [5, 1, 1]})
        >>> matrix(df).top(3).index.tolist()   # 乙 feasible act_now, 甲 doubtful act_now, then 丙
        ['乙', '甲', '丙']
        """
        n = _check_k(k)
        t = self.table
        key = pd.DataFrame({"other": t["quadrant_code"].ne("act_now").to_numpy(),
                            "doubtful": ~t["feasible"].to_numpy().astype(bool),
                            "rank": t["rank"].to_numpy()})
        order = np.lexsort((key["rank"], key["doubtful"], key["other"]))
        return t.iloc[order[:n]]

    def plot(self, ax: "Axes | None" = None, *, top: int = 3, **kwargs: Any) -> "Axes":
        """Draw the matrix: match (x) against value (y), one point per need.

        Threshold lines split the four quadrants (named in the corners);
        the marker shows the kind, the colour the channel; needs on the same
        cell are spread on a small circle (deterministic); the ``top`` picks
        are ringed.  Labels follow the current language.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Draw on this axes.
        top : int
            Ring this many picks of :meth:`top` (0 for none).

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"need": ["联合营销"], "kind": ["显性"], "channel": ["总部"],
        ...                    "match": [4], "value": [4]})
        >>> matrix(df).plot().get_title()
        '机会洞察矩阵'
        """
        return _draw(self, ax, top)


def _spread(t: pd.DataFrame, radius: float = 0.2) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions: points sharing a cell sit on a circle around it, in table (rank) order.

    Returns x, y and the angle of each point on its circle (NaN when alone).
    """
    keys = t[["match", "value"]]
    pos = keys.groupby(["match", "value"], sort=False).cumcount().to_numpy()
    size = keys.groupby(["match", "value"], sort=False)["match"].transform("size").to_numpy()
    angle = np.where(size > 1, np.pi / 2 + 2 * np.pi * pos / size, np.nan)
    r = np.where(size > 1, radius, 0.0)
    dx, dy = np.nan_to_num(r * np.cos(angle)), np.nan_to_num(r * np.sin(angle))
    return t["match"].to_numpy() + dx, t["value"].to_numpy() + dy, angle


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


@styled
def _draw(res: OpportunityResult, ax: "Axes | None", top: int) -> "Axes":
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    t = res.table
    fig, ax = new_axes(ax, figsize=(8.0, 6.5))
    cut = math.ceil(res.threshold) - 0.5
    lo, hi = 0.5, 5.5
    shade = {"act_now": "#e8f5e9", "create_conditions": "#fff8e1", "do_alongside": "#e3f2fd", "defer": "#f5f5f5"}
    regions = {"act_now": (cut, hi, cut, hi), "create_conditions": (lo, cut, cut, hi),
               "do_alongside": (cut, hi, lo, cut), "defer": (lo, cut, lo, cut)}
    for code, (x0, x1, y0, y1) in regions.items():
        if x1 - x0 <= 0 or y1 - y0 <= 0:
            continue
        ax.add_patch(Rectangle(
            (x0, y0), x1 - x0, y1 - y0, color=shade[code], zorder=0, lw=0))
        right = code in ("act_now", "do_alongside")
        upper = code in ("act_now", "create_conditions")
        ax.text(x1 - 0.08 if right else x0 + 0.08, y1 - 0.08 if upper else y0 + 0.08, MSGS.label(code),
                ha="right" if right else "left", va="top" if upper else "bottom",
                fontsize=12, color="#555555", zorder=1)
    if lo < cut < hi:
        ax.axvline(cut, color="#888888", ls="--", lw=1, zorder=1)
        ax.axhline(cut, color="#888888", ls="--", lw=1, zorder=1)
    x, y, angle = _spread(t)
    kinds = t["kind"].to_numpy()
    channels = t["channel"].to_numpy()
    for kind in KINDS:
        for channel in CHANNELS:
            sel = (kinds == kind) & (channels == channel)
            if sel.any():
                ax.scatter(x[sel], y[sel], marker=_MARKERS[kind], color=_COLOURS[channel], s=70,
                           edgecolors="white", linewidths=0.8, zorder=3)
    # Labels point away from the cell centre, so needs sharing a cell do not overlap.
    cos = np.where(np.isnan(angle), 1.0, np.cos(angle))
    sin = np.where(np.isnan(angle), 0.6, np.sin(angle))
    for xi, yi, c, s_, label in zip(x, y, cos, sin, t["need"].astype(str)):
        ax.annotate(_short(label), (xi, yi), xytext=(7 * c, 7 * s_), textcoords="offset points", fontsize=8,
                    ha="left" if c > 0.3 else "right" if c < -0.3 else "center",
                    va="bottom" if s_ > 0.3 else "top" if s_ < -0.3 else "center", zorder=4)
    handles = [Line2D([], [], ls="", marker=_MARKERS[k], color="#444444", label=MSGS.label(k)) for k in KINDS]
    handles += [Line2D([], [], ls="", marker="s", color=_COLOURS[c], label=MSGS.label(c)) for c in CHANNELS]
    if top:
        picks = t.index.get_indexer(res.top(top).index)
        ax.scatter(x[picks], y[picks], s=260, facecolors="none", edgecolors="#c62828", linewidths=1.6, zorder=2)
        handles.append(Line2D([], [], ls="", marker="o", markersize=12, markerfacecolor="none",
                              markeredgecolor="#c62828", label=MSGS("legend_top", k=min(top, len(t)))))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, frameon=False)
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel(MSGS.label("xlabel"))
    ax.set_ylabel(MSGS.label("ylabel"))
    ax.set_title(MSGS("title_account", account=res.account) if res.account else MSGS.label("title"))
    fig.tight_layout()
    return ax

