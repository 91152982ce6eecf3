"""Scoring a need from its evidence (需求匹配 × 机会价值): the course's rubric.

The seed (000 §三 3) sorts opportunities by 需求匹配 (how well what we can
offer fits the need) and 机会价值 (what the opportunity is worth), but gives
no scale.  The course scores both 1–5 from evidence in the needs table
(a course choice, said so in the m03 notebook):

* ``match`` from ``fit`` (我方匹配能力, what it takes us to meet the need):
  现有方案可直接满足 → 5; 现有资源稍作调整即可满足 → 4; 需市场部、品牌部配合 → 3;
  需公司新增政策或预算 → 2; 超出我方能力 → 1.
* ``value`` from ``uplift`` (预计年增量销售额, 万元, for this account):
  ≥ 40 → 5; 25–40 → 4; 15–25 → 3; 8–15 → 2; < 8 → 1 (a lower bound counts
  in its band).

:func:`evidence_scores` applies the rubric; :func:`with_scores` puts a
trainee's own scores ``{need_id: (match, value)}`` into the table.

Examples
--------
>>> import pandas as pd
>>> needs = pd.DataFrame({"need_id": ["N1", "N2"], "fit": ["现有方案可直接满足", "需市场部、品牌部配合"],
...                       "uplift": [42.0, 14.9]})
>>> evidence_scores(needs)[["match", "value"]].values.tolist()
[[5, 5], [3, 2]]
>>> with_scores(needs, {"N1": (4, 4), "N2": [3, 2]})[["match", "value"]].values.tolist()
[[4, 4], [3, 2]]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadValueError
from .._i18n import Messages

__all__ = ["FIT_LEVELS", "VALUE_BANDS", "evidence_scores", "with_scores", "value_band"]

#: 我方匹配能力 -> match score (1–5).
FIT_LEVELS: dict[str, int] = {
    "现有方案可直接满足": 5,
    "现有资源稍作调整即可满足": 4,
    "需市场部、品牌部配合": 3,
    "需公司新增政策或预算": 2,
    "超出我方能力": 1,
}
#: Lower bounds (万元) of the value bands 2, 3, 4, 5 of ``uplift``; below the first is 1.
VALUE_BANDS: tuple[float, ...] = (8.0, 15.0, 25.0, 40.0)

MSGS = Messages({
    "err_fit": ("表 needs 列 'fit' 第 {row} 行的值 '{value}' 无效。可用的值：{allowed}。",
                "Table needs, column 'fit', row {row}: value '{value}' is not allowed. Use one of: {allowed}."),
    "err_scores": ("评分应是字典 {{需求编号: (匹配度, 价值)}}，两个分都是 1–5 的整数；{what} 不对：{value!r}。",
                   "Scores must be a dict {{need id: (match, value)}}, both whole numbers 1-5; {what_en} is not "
                   "right: {value!r}."),
})


def value_band(uplift: Any) -> Any:
    """The value score (1–5) of an expected annual uplift in 万元 (array or number).

    Examples
    --------
    >>> value_band([5, 8, 24.9, 25, 70]).tolist()
    [1, 2, 3, 4, 5]
    """
    return np.searchsorted(np.asarray(VALUE_BANDS), np.asarray(uplift, dtype=float), side="right") + 1


def evidence_scores(needs: pd.DataFrame) -> pd.DataFrame:
    """A copy of *needs* with ``match`` and ``value`` scored from ``fit`` and ``uplift`` by the rubric.

    Raises
    ------
    BadValueError
        A ``fit`` text that is not one of :data:`FIT_LEVELS`.

    Examples
    --------
    >>> import kamlab as kl
    >>> t = evidence_scores(kl.datasets.load("needs"))
    >>> bool(t["match"].between(1, 5).all() and t["value"].between(1, 5).all())
    True
    """
    fit = needs["fit"].astype(str).str.strip()
    bad = ~fit.isin(list(FIT_LEVELS))
    if bad.any():
        row = needs.index[bad.to_numpy().argmax()]
        raise BadValueError(*MSGS.both("err_fit", row=row, value=needs.loc[row, "fit"],
                                       allowed="、".join(FIT_LEVELS)), column="fit", row=row)
    return needs.assign(match=fit.map(FIT_LEVELS).astype(np.int64),
                        value=value_band(needs["uplift"]).astype(np.int64))


def _score(value: Any, what: tuple[str, str]) -> int:
    ok = isinstance(value, (int, np.integer)) and not isinstance(value, bool) and 1 <= int(value) <= 5
    if not ok:
        raise BadValueError(*MSGS.both("err_scores", what=what[0], what_en=what[1], value=value), column="scores")
    return int(value)


def with_scores(needs: pd.DataFrame, scores: Mapping[str, Any]) -> pd.DataFrame:
    """A copy of *needs* (the rows named in *scores*) with the given ``match`` and ``value``.

    Parameters
    ----------
    needs : DataFrame
        The needs table (column ``need_id``).
    scores : dict
        ``{need_id: (match, value)}``, whole numbers 1–5.

    Examples
    --------
    >>> import pandas as pd
    >>> t = with_scores(pd.DataFrame({"need_id": ["N1", "N2"], "need": ["甲", "乙"]}), {"N2": (2, 5)})
    >>> t[["need_id", "match", "value"]].values.tolist()
    [['N2', 2, 5]]
    """
    if not isinstance(scores, Mapping) or not scores:
        raise BadValueError(*MSGS.both("err_scores", what="评分", what_en="the scores", value=scores),
                            column="scores")
    pairs = {}
    for key, pair in scores.items():
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise BadValueError(*MSGS.both("err_scores", what=str(key), what_en=str(key), value=pair),
                                column="scores")
        pairs[str(key)] = (_score(pair[0], (f"{key} 的匹配度", f"the match of {key}")),
                           _score(pair[1], (f"{key} 的价值", f"the value of {key}")))
    ids = needs["need_id"].astype(str)
    out = needs.loc[ids.isin(list(pairs)).to_numpy()].copy()
    out["match"] = [pairs[i][0] for i in out["need_id"].astype(str)]
    out["value"] = [pairs[i][1] for i in out["need_id"].astype(str)]
    return out
