"""m02's decision model: the trainee's weights and cut, and the helpers the answer cells call.

Examples
--------
>>> cut({"合作潜力": 30, "利润贡献": 50, "动销基础": 20, "cut": 55})
55
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ... import datasets, screening  # datasets: importing it registers the column labels criteria_table shows
from ..._errors import BadValueError
from ..._i18n import localized
from ..._labels import label
from ._case import _dimension_label, _N_DRAWS, _SEED, DEFAULT_CHOICE, DIMENSIONS, QUADRANTS, SPREAD, STABLE_BELOW
from ._messages import MSGS

__all__ = ["or_default", "rubric", "cut", "answer_line", "tiering", "members", "unstable", "pick", "criteria_table", "key_account"]


def _is_choice(q1: Any) -> bool:
    if not isinstance(q1, Mapping):
        return False
    try:
        return all(float(q1[d]) > 0 for d in DIMENSIONS) and math.isfinite(float(q1.get("cut", 50)))
    except (KeyError, TypeError, ValueError):
        return False


def or_default(q1: Any) -> dict[str, float]:
    """Return the trainee's choice *q1*, or the course default while it is unanswered.

    Parameters
    ----------
    q1 : dict or ``...``
        ``{"合作潜力": w, "利润贡献": w, "动销基础": w, "cut": c}``.

    Examples
    --------
    >>> or_default(...)["cut"]
    50
    >>> or_default({"合作潜力": 40, "利润贡献": 40, "动销基础": 20, "cut": 45})["cut"]
    45
    """
    if q1 is Ellipsis or q1 is None:
        return dict(DEFAULT_CHOICE)
    if not _is_choice(q1):
        raise BadValueError(MSGS.both("bad_q1", example=_example())[0],
                            MSGS.both("bad_q1", example=_example())[1], column="q1")
    out = {d: q1[d] for d in DIMENSIONS}
    out["cut"] = q1.get("cut", 50)
    return out


def _example() -> str:
    return answer_line(DEFAULT_CHOICE).split(" = ", 1)[1]


def rubric(q1: Any) -> dict[str, Any]:
    """The course chain rubric (``kl.screening.CHAIN_RUBRIC``) with the dimension weights of *q1*.

    The criteria inside each dimension stay the course's; only the three
    dimension weights are the trainee's decision.

    Examples
    --------
    >>> r = rubric({"合作潜力": 20, "利润贡献": 60, "动销基础": 20, "cut": 50})
    >>> [r["dimensions"][d]["weight"] for d in DIMENSIONS]
    [20, 60, 20]
    """
    choice = or_default(q1)
    base = getattr(screening, "CHAIN_RUBRIC", None)
    out = copy.deepcopy(base) if base is not None else screening.chain_rubric()
    for dim in DIMENSIONS:
        out["dimensions"][dim]["weight"] = choice[dim]
    return out


def cut(q1: Any) -> float:
    """The trainee's high/low cut from *q1* (50 while unanswered).

    Examples
    --------
    >>> cut({"合作潜力": 20, "利润贡献": 60, "动销基础": 20, "cut": 45})
    45
    """
    return or_default(q1)["cut"]


def answer_line(values: Mapping[str, Any], name: str = "q1") -> str:
    """The q1 answer line for slider *values* (what the weight form writes).

    Examples
    --------
    >>> answer_line({"合作潜力": 40, "利润贡献": 30, "动销基础": 30, "cut": 50})
    'q1 = {"合作潜力": 40, "利润贡献": 30, "动销基础": 30, "cut": 50}'
    """
    def num(x: Any) -> str:
        x = float(x)
        return str(int(x)) if x.is_integer() else f"{x:g}"

    body = ", ".join(f'"{key}": {num(values[key])}' for key in (*DIMENSIONS, "cut"))
    return f"{name} = {{{body}}}"


# ------------------------------------------------------------------- helpers
def tiering(chains: pd.DataFrame, q1: Any) -> Any:
    """``kl.screening.screen`` of *chains* with the trainee's weights and cut.

    Examples
    --------
    >>> import kamlab as kl
    >>> res = tiering(kl.datasets.load("chains"), ...)
    >>> len(res.table)
    36
    """
    return screening.screen(chains, rubric(q1), id_col="chain_id", cut=cut(q1))


def _table(q2: Any) -> pd.DataFrame:
    table = getattr(q2, "table", q2)
    if not isinstance(table, pd.DataFrame):
        raise BadValueError("q2 应该是 kl.screening.screen(...) 的结果。",
                            "q2 should be the result of kl.screening.screen(...).", column="q2")
    return table


def _codes(table: pd.DataFrame) -> pd.Series:
    """Quadrant code per id (from ``quadrant_code``, else mapped from the label)."""
    if "quadrant_code" in table.columns:
        return table["quadrant_code"].astype(str)
    back = {label: code for code, labels in QUADRANTS.items() for label in labels}
    return table["quadrant"].map(back).astype(str)


def _code(quadrant: str) -> str:
    for code, labels in QUADRANTS.items():
        if quadrant == code or quadrant in labels:
            return code
    raise BadValueError(f"未知象限 {quadrant!r}：可选 {[v[0] for v in QUADRANTS.values()]}。",
                        f"Unknown quadrant {quadrant!r}: choose one of {list(QUADRANTS)}.",
                        column="quadrant")


def _by_rank(table: pd.DataFrame) -> pd.DataFrame:
    if "rank" in table.columns:
        order = table.assign(_id=table.index.astype(str)).sort_values(["rank", "_id"], kind="stable")
        return order.drop(columns="_id")
    order = table.assign(_id=table.index.astype(str), _neg=-table["total"])
    return order.sort_values(["_neg", "_id"], kind="stable").drop(columns=["_id", "_neg"])


def members(q2: Any, quadrant: str = "重点投入") -> list[str]:
    """The ids in one quadrant of the tiering *q2*, best total first.

    Parameters
    ----------
    q2 : screening result or its table
    quadrant : str
        ``"重点投入"``, ``"培育优化"``, ``"维持收益"``, ``"精简调整"`` (or the
        English code ``"invest"`` ...).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"total": [80.0, 60.0, 90.0], "quadrant_code": ["invest", "maintain", "invest"]},
    ...                  index=["C01", "C02", "C03"])
    >>> members(t, "重点投入")
    ['C03', 'C01']
    """
    if q2 is Ellipsis:
        return []
    table = _by_rank(_table(q2))
    code = _code(quadrant)
    return [str(i) for i in table.index[_codes(table).to_numpy() == code]]


def _stability(chains: pd.DataFrame, q1: Any, spread: float) -> pd.Series:
    return screening.stability(chains, rubric(q1), id_col="chain_id", cut=cut(q1), spread=spread,
                               n=_N_DRAWS, seed=_SEED)


def unstable(chains: pd.DataFrame, q1: Any, *, spread: float = SPREAD,
             below: float = STABLE_BELOW) -> dict[str, Any]:
    """Chains whose quadrant does not survive the weights swinging by ±*spread*.

    Parameters
    ----------
    chains : DataFrame
        The chain table.
    q1 : dict
        The trainee's weights and cut.
    spread : float
        Each weight is drawn uniformly within ±spread of its value (0.2 = ±20 %).
    below : float
        A chain is unstable when the share of draws keeping its quadrant is below this.

    Returns
    -------
    dict
        ``{"spread": spread, "below": below, "chains": [ids, least stable first]}`` —
        the decisions travel with the answer, so the check recomputes it exactly.

    Examples
    --------
    >>> import kamlab as kl
    >>> sorted(unstable(kl.datasets.load("chains"), ...))
    ['below', 'chains', 'spread']
    """
    s = _stability(chains, q1, float(spread))
    order = pd.DataFrame({"s": s.to_numpy(), "id": s.index.astype(str)})
    order = order.sort_values(["s", "id"], kind="stable")
    ids = order.loc[order["s"] < below, "id"].tolist()
    return {"spread": float(spread), "below": float(below), "chains": ids}


def pick(q2: Any, rank: int = 1) -> str:
    """The *rank*-th chain (by total score) of the 重点投入 quadrant of *q2*.

    When the quadrant is empty, the *rank*-th chain overall.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"total": [80.0, 60.0, 90.0], "quadrant_code": ["invest", "maintain", "invest"]},
    ...                  index=["C01", "C02", "C03"])
    >>> pick(t), pick(t, rank=2)
    ('C03', 'C01')
    """
    if q2 is Ellipsis:
        return ""
    pool = members(q2, "invest") or [str(i) for i in _by_rank(_table(q2)).index]
    rank = int(rank)
    if not 1 <= rank <= len(pool):
        raise BadValueError(f"rank 应在 1 到 {len(pool)} 之间。", f"rank must be between 1 and {len(pool)}.",
                            column="rank")
    return pool[rank - 1]


def criteria_table(q1: Any = ...) -> pd.DataFrame:
    """The three-dimension standard as a table: dimension, indicator, its weight inside the dimension, direction.

    Indicators are named as the data dictionary names them (Chinese in zh); "越低越好" marks the
    indicators where less is better (回款天数, 费用投入比例).

    Examples
    --------
    >>> from kamlab._i18n import set_language
    >>> set_language("zh")
    >>> t = criteria_table()
    >>> list(t.columns)
    ['维度', '维度权重', '指标', '指标权重', '方向']
    >>> t.loc[0, "维度"], t.loc[0, "指标"], int(t.loc[0, "指标权重"]), t.loc[5, "方向"]
    ('合作潜力', '门店数', 30, '越低越好')
    """
    r = rubric(q1)
    rows = []
    for dim in DIMENSIONS:
        spec = r["dimensions"][dim]
        for col, crit in spec["criteria"].items():
            lower = crit.get("better") == "lower"
            rows.append([_dimension_label(dim), spec["weight"], label(col), crit["weight"],
                         localized("越低越好", "lower is better") if lower else localized("越高越好", "higher is better")])
    names = [localized(*p) for p in (("维度", "dimension"), ("维度权重", "dimension weight"), ("指标", "indicator"),
                                     ("指标权重", "indicator weight"), ("方向", "direction"))]
    return pd.DataFrame(rows, columns=names)


def key_account(chains: pd.DataFrame, q1: Any) -> str:
    """The worked answer of exercise 5: the best-ranked 重点投入 chain whose quadrant is stable.

    Stable means it keeps its quadrant in at least 0.7 of the weight draws (±20 %). Any
    stable 重点投入 chain is a defensible key account; this one ranks first by total.

    Examples
    --------
    >>> import kamlab as kl
    >>> key_account(kl.datasets.load("chains"), {"合作潜力": 30, "利润贡献": 40, "动销基础": 30, "cut": 50})
    'C18'
    """
    shaky = set(unstable(chains, q1)["chains"])
    pool = [c for c in members(tiering(chains, q1), "invest") if c not in shaky]
    if not pool:
        raise BadValueError("你的分层里没有稳定的重点投入客户：请回到练习 1 检查权重和分界线。",
                            "Your tiering has no stable invest-quadrant chain: revisit the weights and cut of "
                            "exercise 1.", column="q1")
    return pool[0]
