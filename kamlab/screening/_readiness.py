"""Prescription readiness (处方准备度) P1–P4 and the matching rep behaviour S1–S4 (m11, seed 002).

The seed defines readiness as a doctor's awareness (认知) of and commitment
(承诺) to our product, and pairs each stage with a behaviour of the rep
(product-guidance × sales-support):

========  ====================  ==========================================
stage     awareness/commitment  behaviour
========  ====================  ==========================================
P1        没认知，没承诺           S1 建立式：高指导 / 低支持
P2        没认知，有兴趣           S2 劝说式：高指导 / 高支持
P3        有认知，不安的           S3 承诺式：低指导 / 高支持
P4        有认知，有承诺           S4 满足式：低指导 / 低支持
========  ====================  ==========================================

Both observations are scores 1–5; a score ≥ *threshold* (default 3) counts
as high.  Low awareness & low commitment → P1; low awareness & high
commitment (interest, 有兴趣) → P2; high awareness & low commitment
(uneasy, 不安的) → P3; high awareness & high commitment → P4.  The behaviour
names are the seed's (建立式, 劝说式, 承诺式, 满足式).

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"doctor_id": ["D1", "D2", "D3", "D4"], "awareness": [1, 2, 4, 5],
...                    "commitment": [2, 4, 1, 3]})
>>> readiness(df, id_col="doctor_id").table[["stage", "behaviour"]]
          stage behaviour
doctor_id
D1           P1        S1
D2           P2        S2
D3           P3        S3
D4           P4        S4
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages
from .._labels import register
from .._plotting import new_axes, styled
from .._result import TableResult
from .._validate import in_range, numeric_column, require_columns, require_table, require_unique

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["readiness", "ReadinessResult", "STAGES", "BEHAVIOURS", "READINESS_MSGS"]

#: Readiness stages, in order.
STAGES = ("P1", "P2", "P3", "P4")
#: Behaviour matching each stage.
BEHAVIOURS = ("S1", "S2", "S3", "S4")

READINESS_MSGS = Messages({
    "P1": ("没认知，没承诺", "no awareness, no commitment"),
    "P2": ("没认知，有兴趣", "no awareness, interested"),
    "P3": ("有认知，不安的", "aware, uneasy"),
    "P4": ("有认知，有承诺", "aware, committed"),
    "S1": ("建立式：高指导 / 低支持", "establishing: high guidance / low support"),
    "S2": ("劝说式：高指导 / 高支持", "persuading: high guidance / high support"),
    "S3": ("承诺式：低指导 / 高支持", "committing: low guidance / high support"),
    "S4": ("满足式：低指导 / 低支持", "satisfying: low guidance / low support"),
    "A1": ("介绍产品与公司；提供适应症、不良反应处理、处方资料、支持数据及相关文献；帮助医生解决竞争对手的冲突数据；树立专业化形象",
           "Introduce the product and the company; give indications, adverse-reaction handling, prescribing "
           "information, supporting data and literature; help the doctor resolve conflicting data from "
           "competitors; build a professional image"),
    "A2": ("介绍产品与公司并提供临床资料；展示你对医生的兴趣；建立信任与信用；让医生感到转换风险与转换成本很低；结合产品特性与医生的需求",
           "Introduce the product and the company with clinical material; show interest in the doctor; build "
           "trust and credibility; make switching risk and switching cost feel low; link product features to "
           "the doctor's needs"),
    "A3": ("展示你对医生的兴趣；创建“连续接触点”话题；设计探询策略，有效倾听；清楚表现出你知道什么和不知道什么；认真履行向医生做出的承诺；重点放在引导医生上",
           "Show interest in the doctor; create 'continuous touch-point' topics; plan probing questions and "
           "listen well; be clear about what you know and do not know; keep every promise made to the doctor; "
           "focus on guiding the doctor rather than humble selling"),
    "A4": ("根据医生喜好发展共同兴趣；定期的学术、社交活动；维护人际关系；清楚医生决定治疗方案时的思考程序；建立围墙，设定观测点",
           "Develop shared interests from the doctor's preferences; hold regular academic and social "
           "activities; keep up the relationship; know how the doctor decides on a treatment; build the wall "
           "and set observation points"),
    "title": ("处方准备度分布（认知、承诺 ≥ {t:g} 为高）", "Prescription readiness (awareness, commitment >= {t:g} is high)"),
    "ylabel": ("医生人数", "Doctors"),
    "err_threshold": ("threshold 的取值 {value!r} 无效。请填写 1 到 5 之间的数字，例如 3。",
                      "threshold is {value!r}, which is not allowed. Use a number from 1 to 5, e.g. 3."),
    "err_id_col": ("id_col 应是一个列名（文字），例如 'doctor_id'，收到 {value!r}。",
                   "id_col must be a column name (text) such as 'doctor_id', got {value!r}."),
})

register({"stage_label": ("认知与承诺", "awareness and commitment"), "behaviour": ("行为模式", "behaviour"),
          "behaviour_label": ("指导 / 支持", "guidance / support")})

_COLOURS = ("#c0392b", "#e67e22", "#2471a3", "#27ae60")


@dataclass(frozen=True, repr=False)
class ReadinessResult(TableResult):
    """Result of :func:`readiness`.

    Attributes
    ----------
    table : DataFrame
        Index: doctor id (input order).  Columns: ``awareness``,
        ``commitment``, ``stage`` (P1–P4), ``stage_label``, ``behaviour``
        (S1–S4), ``behaviour_label``, ``actions`` (labels and actions in
        the language current when :func:`readiness` ran).
    threshold : float
        The score from which awareness / commitment count as high.
    """

    threshold: float = 3.0

    def counts(self) -> pd.Series:
        """Doctors per stage (all four stages, P1 first).

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"id": ["a", "b"], "awareness": [5, 4], "commitment": [5, 4]})
        >>> readiness(df, id_col="id").counts().to_dict()
        {'P1': 0, 'P2': 0, 'P3': 0, 'P4': 2}
        """
        return self.table["stage"].value_counts().reindex(list(STAGES), fill_value=0).rename("count") \
            .astype("int64")

    @styled
    def plot(self, ax: "Axes | None" = None) -> "Axes":
        """Bar chart of the number of doctors per stage, with the matching behaviour.

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"id": ["a"], "awareness": [1], "commitment": [1]})
        >>> readiness(df, id_col="id").plot().get_ylabel()
        '医生人数'
        """
        fig, ax = new_axes(ax, figsize=(8.0, 4.5))
        counts = self.counts()
        labels = [f"{p}\n{READINESS_MSGS.label(p)}\n{s} {READINESS_MSGS.label(s).split('：')[0].split(':')[0]}"
                  for p, s in zip(STAGES, BEHAVIOURS)]
        bars = ax.bar(labels, counts.to_numpy(), color=_COLOURS)
        for bar, v in zip(bars, counts.to_numpy()):
            ax.text(bar.get_x() + bar.get_width() / 2, v, f"{v}", ha="center", va="bottom", fontsize=9)
        ax.set_ylabel(READINESS_MSGS.label("ylabel"))
        ax.set_title(READINESS_MSGS("title", t=self.threshold))
        ax.tick_params(axis="x", labelsize=8)
        fig.tight_layout()
        return ax


def readiness(df: pd.DataFrame, *, id_col: str, awareness: str = "awareness", commitment: str = "commitment",
              threshold: float = 3) -> ReadinessResult:
    """Classify doctors into readiness stages P1–P4 and name the behaviour S1–S4 to use.

    Parameters
    ----------
    df : DataFrame
        One row per doctor, with *id_col*, *awareness* and *commitment*
        (scores 1–5).  It is not modified.
    id_col : str
        Column of unique doctor ids.
    awareness, commitment : str
        Columns of the observed awareness (认知) and commitment (承诺).
    threshold : float
        A score ≥ threshold counts as high (default 3).

    Returns
    -------
    ReadinessResult

    Examples
    --------
    >>> import pandas as pd
    >>> import kamlab as kl
    >>> kl.set_language("en")
    >>> df = pd.DataFrame({"id": ["D7"], "awareness": [4], "commitment": [2]})
    >>> readiness(df, id_col="id").table.loc["D7", "behaviour_label"]
    'committing: low guidance / high support'
    >>> kl.set_language("zh")
    """
    ok = isinstance(threshold, numbers.Real) and not isinstance(threshold, bool) and 1 <= float(threshold) <= 5
    if not ok:
        raise BadSpecError(*READINESS_MSGS.both("err_threshold", value=threshold), column="threshold")
    require_table(df)
    if not isinstance(id_col, str):
        raise BadSpecError(*READINESS_MSGS.both("err_id_col", value=id_col), column="id_col")
    require_columns(df, [id_col, awareness, commitment])
    require_unique(df, id_col)
    aw = numeric_column(df, awareness)
    cm = numeric_column(df, commitment)
    in_range(aw, awareness, 1, 5)
    in_range(cm, commitment, 1, 5)
    high_a = aw.to_numpy() >= float(threshold)
    high_c = cm.to_numpy() >= float(threshold)
    idx = np.where(high_a, np.where(high_c, 3, 2), np.where(high_c, 1, 0))
    stages = np.asarray(STAGES, dtype=object)[idx]
    behaviours = np.asarray(BEHAVIOURS, dtype=object)[idx]
    table = pd.DataFrame({
        awareness: aw.to_numpy(), commitment: cm.to_numpy(),
        "stage": stages,
        "stage_label": np.asarray([READINESS_MSGS.label(p) for p in STAGES], dtype=object)[idx],
        "behaviour": behaviours,
        "behaviour_label": np.asarray([READINESS_MSGS.label(s) for s in BEHAVIOURS], dtype=object)[idx],
        "actions": np.asarray([READINESS_MSGS.label(f"A{i}") for i in range(1, 5)], dtype=object)[idx],
    }, index=pd.Index(df[id_col].to_numpy(), name=id_col))
    return ReadinessResult(table=table, threshold=float(threshold))
