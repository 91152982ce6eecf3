"""m01 model: the trainee's self-assessment read back from an answer, its blind spots and plan view.

Examples
--------
>>> blind_spot_names(...)
[]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ... import selfassess
from ..._i18n import localized
from ._case import K, ROLES, TODAY
from ._messages import MSGS


def _from_answer(answer: Any) -> Any:
    """An AssessmentResult rebuilt from a q3 answer (a result, its table, or a scores dict); raises if impossible."""
    table = getattr(answer, "table", answer)
    if isinstance(table, pd.DataFrame):
        if not {"score", "importance"} <= set(table.columns):
            raise TypeError("no score/importance columns")
        return selfassess.assess({str(k): v for k, v in table["score"].items()},
                                 importance={str(k): v for k, v in table["importance"].items()})
    if isinstance(answer, Mapping):
        return selfassess.assess(dict(answer))
    raise TypeError(type(answer).__name__)


def assessment_or_none(q3: Any) -> Any:
    """The trainee's self-assessment (exercise 3), or None while it is not answered or not valid.

    Examples
    --------
    >>> assessment_or_none(...) is None
    True
    >>> import kamlab as kl
    >>> res = kl.selfassess.assess(dict.fromkeys(kl.selfassess.STAGE_NAMES, 3))
    >>> assessment_or_none(res).table["score"].tolist()
    [3.0, 3.0, 3.0, 3.0, 3.0, 3.0]
    """
    if q3 is Ellipsis or q3 is None:
        return None
    try:
        return _from_answer(q3)
    except (TypeError, ValueError):
        return None


def blind_spot_names(q3: Any, k: int = K) -> list[str]:
    """The Chinese names of the k blind spots of a q3 answer ([] when not answered).

    Examples
    --------
    >>> import kamlab as kl
    >>> res = kl.selfassess.assess({"screening": 4, "insight": 2, "strategy": 3, "negotiation": 4,
    ...                             "execution": 3, "review": 2})
    >>> blind_spot_names(res)
    ['信息收集与机会洞察', '核心数据复盘']
    >>> blind_spot_names(...)
    []
    """
    res = assessment_or_none(q3)
    return [] if res is None else [str(s) for s in res.blind_spots(k).index]


def dimension_scores(q3: Any) -> Any:
    """The mean score, importance and gap per value dimension of a q3 answer (rounded to 2 places).

    Prints a note and returns None while exercise 3 is not answered.

    Examples
    --------
    >>> import kamlab as kl
    >>> res = kl.selfassess.assess({"screening": 4, "insight": 2, "strategy": 3, "negotiation": 4,
    ...                             "execution": 3, "review": 2})
    >>> dimension_scores(res)["score"].tolist()
    [3.0, 3.5, 2.5]
    >>> dimension_scores(...)
    先完成练习 3（自评打分），这里才会显示你的盲区。
    """
    res = assessment_or_none(q3)
    if res is None:
        print(MSGS("need_q3"))
        return None
    return res.dimension_scores.round(2)


def plan_view(q5: Any, q3: Any = ...) -> None:
    """Show a q5 plan checked against the blind spots of q3: ✓ or the list of its problems, then its timeline.

    Prints a note while exercise 5 (or 3) is not answered.

    Examples
    --------
    >>> plan_view(...)
    先完成练习 5（改进动作）。
    """
    if hasattr(q5, "plot") and hasattr(q5, "problems"):
        plan = q5
    elif isinstance(q5, list):
        res = assessment_or_none(q3)
        if res is None:
            print(MSGS("need_q3"))
            return None
        try:
            plan = selfassess.improvement_plan(q5, res, today=TODAY, k=K)
        except ValueError as err:
            print(localized(getattr(err, "zh", str(err)), getattr(err, "en", str(err))))
            return None
    else:
        print(MSGS("need_q5"))
        return None
    print(MSGS("plan_ok") if plan.ok else "\n".join(f"✗ {m}" for m in plan.messages()))
    plan.plot()
    return None


def role_table() -> pd.DataFrame:
    """角色迷失: the service role and the business role side by side (seed 000 §一 1).

    Examples
    --------
    >>> t = role_table()
    >>> t.columns.tolist(), t.index[0]
    (['服务者（服务心态）', '经营者（生意思维）'], '定位')
    """
    cols = [MSGS.label("role_service"), MSGS.label("role_business")]
    rows = {localized(*row): [localized(*service), localized(*business)] for row, (service, business) in ROLES.items()}
    return pd.DataFrame.from_dict(rows, orient="index", columns=cols)
