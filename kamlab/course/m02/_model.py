"""m02 三维客户精准筛选 / three-dimension screening of chain accounts.

The question bank of workshop module m02 (seed 000 §二) and the small helpers
its notebook calls, so that every answer cell is one literal or one call:

* ``q1`` — the trainee's decision: the weights of the three dimensions
  (合作潜力, 利润贡献, 动销基础; each > 0, summing to 100) and the cut
  between high and low (30–70), e.g.
  ``{"合作潜力": 35, "利润贡献": 40, "动销基础": 25, "cut": 50}``;
* ``q2`` — the tiering ``kl.screening.screen(chains, rubric(q1), id_col="chain_id", cut=cut(q1))``;
* ``q3`` — the chains in 重点投入, ``members(q2, "重点投入")``;
* ``q4`` — the chains whose quadrant is unstable when the weights swing,
  ``unstable(chains, q1, spread=0.2, below=0.7)``;
* ``q5`` — the key account kept for the rest of the course, ``pick(q2, rank=1)``;
* ``q6`` — free text (why this account, what resources to move), scored by hand.

Checks q2–q5 are *consistency* checks: the reference is what the tools give
with the trainee's own ``q1`` on the notebook's own data (``Context.load``),
so a computed answer stays right on a hidden data variant and a typed-in
list from variant 0 does not.

Examples
--------
>>> from kamlab.course import m02
>>> m02.rubric({"合作潜力": 30, "利润贡献": 50, "动销基础": 20, "cut": 50})["dimensions"]["利润贡献"]["weight"]
50
>>> m02.cut(...)
50
>>> m02.answer_line({"合作潜力": 30, "利润贡献": 50, "动销基础": 20, "cut": 55})
'q1 = {"合作潜力": 30, "利润贡献": 50, "动销基础": 20, "cut": 55}'
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadValueError
from .._i18n import Messages, get_language
from .._plotting import new_axes, styled
from ..grading import Context, Question, QuestionBank, Verdict

__all__ = [
    "BANK", "DIMENSIONS", "DIMENSION_EN", "QUADRANTS", "DEFAULT_CHOICE", "STABLE_BELOW", "SPREAD",
    "or_default", "rubric", "cut", "answer_line", "tiering", "members", "unstable", "pick",
    "weights_form", "tiering_form", "quadrant_form", "stability_form", "pick_form", "text_form",
    "plot_stability",
]

#: The three dimensions of seed 000 §二 (the keys of ``kl.screening.CHAIN_RUBRIC``).
DIMENSIONS: tuple[str, ...] = ("合作潜力", "利润贡献", "动销基础")
#: English labels of the dimensions (the answer keys stay Chinese in both languages).
DIMENSION_EN: dict[str, str] = {"合作潜力": "cooperation potential", "利润贡献": "profit contribution",
                                "动销基础": "sell-through base"}
#: Quadrant code -> (Chinese, English) label, in the seed's order.
QUADRANTS: dict[str, tuple[str, str]] = {
    "invest": ("重点投入", "invest"),
    "cultivate": ("培育优化", "cultivate"),
    "maintain": ("维持收益", "maintain"),
    "streamline": ("精简调整", "streamline"),
}
#: The choice used while q1 is still unanswered (``...``): the course default.
DEFAULT_CHOICE: dict[str, float] = {"合作潜力": 35, "利润贡献": 35, "动销基础": 30, "cut": 50}
#: Course standard for the stability exercise: weights swing ±20 %, < 0.7 is unstable.
SPREAD = 0.2
STABLE_BELOW = 0.7
#: Draws and seed of every stability computation (the tool's defaults).
_N_DRAWS = 1000
_SEED = 0

MSGS = Messages({
    "cut": ("高/低分界线", "high/low cut"),
    "sum": ("权重合计 {total:g}，应为 100。", "Weights add up to {total:g}; they should add up to 100."),
    "spread": ("权重浮动 ±%", "weight swing ±%"),
    "below": ("不稳定门槛", "unstable below"),
    "rank": ("重点投入客户", "key account"),
    "quadrant": ("象限", "quadrant"),
    "no_q1": ("（练习 1 还没有作答，先用课程默认权重演示。）",
              "(Exercise 1 is not answered yet: showing the course default weights.)"),
    "no_q2": ("（练习 2 还没有作答，先用课程默认权重演示。）",
              "(Exercise 2 is not answered yet: showing the course default weights.)"),
    "stab_title": ("权重浮动 ±{spread:.0%} 时各客户保持原象限的比例",
                   "Share of weight draws (±{spread:.0%}) that keep each chain's quadrant"),
    "stab_x": ("保持原象限的比例", "share of draws keeping the quadrant"),
    "stab_line": ("门槛 {below:.2f}", "threshold {below:.2f}"),
    "pick_title": ("{label} 的三维得分 vs 重点投入客户平均", "{label}: dimension scores vs the invest-quadrant mean"),
    "pick_mean": ("重点投入平均", "invest-quadrant mean"),
    "score": ("得分 (0-100)", "score (0-100)"),
    "option": ("第{rank}名 {id} {name}（总分 {total:.1f}）", "#{rank} {id} {name} (total {total:.1f})"),
    "empty": ("（你的分层里没有重点投入客户：按总分排名选。）",
              "(Your tiering has no invest-quadrant chain: choosing by total score.)"),
    "text": ("在这里写你的理由……", "Write your reasons here..."),
    "bad_q1": ("q1 应该是一个字典，三个维度的权重加分界线，例如 {example}。",
               "q1 should be a dict of the three dimension weights plus the cut, e.g. {example}."),
})


# ----------------------------------------------------------------- decisions
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
    from .. import screening

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
    from ..screening import screen

    return screen(chains, rubric(q1), id_col="chain_id", cut=cut(q1))


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
    from ..screening import stability

    return stability(chains, rubric(q1), id_col="chain_id", cut=cut(q1), spread=spread,
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


# -------------------------------------------------------------------- charts
@styled
def plot_stability(stab: pd.Series, *, below: float = STABLE_BELOW, spread: float = SPREAD,
                   ax: Any = None) -> Any:
    """Horizontal bars: each chain's share of weight draws that keep its quadrant.

    Examples
    --------
    >>> import pandas as pd
    >>> ax = plot_stability(pd.Series([0.95, 0.4], index=["C01", "C02"]))
    >>> len(ax.patches)
    2
    """
    fig, ax = new_axes(ax, figsize=(7.0, max(3.0, 0.22 * len(stab) + 1.2)))
    s = pd.DataFrame({"s": stab.to_numpy(dtype=float), "id": stab.index.astype(str)})
    s = s.sort_values(["s", "id"], ascending=[False, True], kind="stable")
    colors = np.where(s["s"].to_numpy() < below, "#d62728", "#1f77b4")
    ax.barh(s["id"], s["s"], color=colors)
    ax.invert_yaxis()
    ax.axvline(below, color="grey", linestyle="--", label=MSGS("stab_line", below=below))
    ax.set_xlim(0, 1.0)
    ax.set_xlabel(MSGS("stab_x"))
    ax.set_title(MSGS("stab_title", spread=spread))
    ax.tick_params(axis="y", labelsize=7)
    ax.legend(loc="lower right")
    return ax


@styled
def _plot_pick(table: pd.DataFrame, chain: str, label: str, ax: Any = None) -> Any:
    fig, ax = new_axes(ax, figsize=(6.0, 3.2))
    dims = [d for d in DIMENSIONS if d in table.columns]
    pool = table[_codes(table) == "invest"]
    mean = (pool if len(pool) else table)[dims].mean()
    y = np.arange(len(dims))
    ax.barh(y - 0.2, table.loc[chain, dims].to_numpy(dtype=float), height=0.4, label=chain)
    ax.barh(y + 0.2, mean.to_numpy(dtype=float), height=0.4, label=MSGS("pick_mean"), color="#bbbbbb")
    ax.set_yticks(y, [_dimension_label(d) for d in dims])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(MSGS("score"))
    ax.set_title(MSGS("pick_title", label=label))
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    fig.tight_layout()
    return ax


# --------------------------------------------------------------------- forms
def _dimension_label(dimension: str) -> str:
    """The dimension's name in the current language (Chinese names are the answer keys)."""
    return dimension if get_language() == "zh" else DIMENSION_EN.get(dimension, dimension)


def _note(text: str) -> None:
    print(text)


def weights_form(chains: pd.DataFrame, q1: Any = ...) -> Any:
    """Exercise 1: three weight sliders and the cut, the four-quadrant chart live, the q1 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):   # outside Jupyter the chart goes nowhere
    ...     form = weights_form(kl.datasets.load("chains"))
    ...     form.controls["利润贡献"].value = 45; form.controls["动销基础"].value = 20
    >>> form.line
    'q1 = {"合作潜力": 35, "利润贡献": 45, "动销基础": 20, "cut": 50}'
    """
    from ..widgets import AnswerForm, slider

    start = or_default(q1)
    controls = {d: slider(start[d], 5, 80, 5, label=_dimension_label(d)) for d in DIMENSIONS}
    controls["cut"] = slider(start["cut"], 30, 70, 5, label=MSGS("cut"))

    def draw(values: dict[str, Any]) -> None:
        total = sum(values[d] for d in DIMENSIONS)
        if total != 100:
            _note(MSGS("sum", total=total))
        tiering(chains, values).plot()

    return AnswerForm(controls, line=answer_line, draw=draw)


_Q2_LINE = 'q2 = kl.screening.screen(chains, kl.course.m02.rubric(q1), id_col="chain_id", cut=kl.course.m02.cut(q1))'


def tiering_form(chains: pd.DataFrame, q1: Any = ...) -> Any:
    """Exercise 2: the four-quadrant chart for the weights of *q1* and the q2 line (the tool call).

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = tiering_form(kl.datasets.load("chains"))
    >>> form.line
    'q2 = kl.screening.screen(chains, kl.course.m02.rubric(q1), id_col="chain_id", cut=kl.course.m02.cut(q1))'
    """
    from ..widgets import AnswerForm

    def draw(values: dict[str, Any]) -> None:
        if q1 is Ellipsis:
            _note(MSGS("no_q1"))
        tiering(chains, q1).plot()

    return AnswerForm({}, line=lambda v: _Q2_LINE, draw=draw)


def quadrant_form(q2: Any) -> Any:
    """Exercise 3: choose a quadrant; the form lists its chains and writes the q3 line.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = quadrant_form(...)
    >>> form.line
    'q3 = kl.course.m02.members(q2, "重点投入")'
    """
    from ..widgets import AnswerForm, dropdown

    # in English the form offers (and writes) the English codes, which members() accepts too
    if get_language() == "zh":
        options = [(f"{zh} ({en})", zh) for zh, en in QUADRANTS.values()]
    else:
        options = [(en, code) for code, (_, en) in QUADRANTS.items()]
    control = dropdown(options, options[0][1], label=MSGS("quadrant"))

    def draw(values: dict[str, Any]) -> None:
        if q2 is Ellipsis:
            _note(MSGS("no_q2"))
            return
        ids = members(q2, values["quadrant"])
        print(f"{values['quadrant']}: {len(ids)} — {', '.join(ids)}")

    return AnswerForm({"quadrant": control},
                      line=lambda v: f'q3 = kl.course.m02.members(q2, "{v["quadrant"]}")', draw=draw)


def stability_form(chains: pd.DataFrame, q1: Any = ...) -> Any:
    """Exercise 4: weight swing and threshold sliders, the stability chart live, the q4 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = stability_form(kl.datasets.load("chains"))
    >>> form.line
    'q4 = kl.course.m02.unstable(chains, q1, spread=0.2, below=0.7)'
    """
    from ..widgets import AnswerForm, slider

    controls = {"spread": slider(20, 5, 40, 5, label=MSGS("spread")),
                "below": slider(0.7, 0.5, 0.95, 0.05, label=MSGS("below"))}

    def fmt(values: dict[str, Any]) -> tuple[float, float]:
        return round(values["spread"] / 100, 2), round(float(values["below"]), 2)

    def line(values: dict[str, Any]) -> str:
        spread, below = fmt(values)
        return f"q4 = kl.course.m02.unstable(chains, q1, spread={spread:g}, below={below:g})"

    def draw(values: dict[str, Any]) -> None:
        spread, below = fmt(values)
        if q1 is Ellipsis:
            _note(MSGS("no_q1"))
        plot_stability(_stability(chains, q1, spread), below=below, spread=spread)

    return AnswerForm(controls, line=line, draw=draw)


def pick_form(chains: pd.DataFrame, q2: Any = ...) -> Any:
    """Exercise 5: choose the key account among your 重点投入 chains; writes the q5 line.

    The choice is a rank inside the quadrant (not a typed id), so the line
    stays right on another data variant.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = pick_form(kl.datasets.load("chains"))
    >>> form.line
    'q5 = kl.course.m02.pick(q2, rank=1)'
    """
    from ..widgets import AnswerForm, dropdown

    result = tiering(chains, ...) if q2 is Ellipsis else q2
    table = _by_rank(_table(result))
    pool = members(table, "invest") or [str(i) for i in table.index]
    names = chains.set_index(chains["chain_id"].astype(str))["chain_name"] \
        if "chain_name" in chains.columns else pd.Series(dtype=str)
    options = [(MSGS("option", rank=r, id=cid, name=names.get(cid, ""), total=float(table.loc[cid, "total"])), r)
               for r, cid in enumerate(pool, start=1)]
    control = dropdown(options, 1, label=MSGS("rank"))

    def draw(values: dict[str, Any]) -> None:
        if q2 is Ellipsis:
            _note(MSGS("no_q2"))
        elif not members(table, "invest"):
            _note(MSGS("empty"))
        chain = pool[values["rank"] - 1]
        _plot_pick(table, chain, f"{chain} {names.get(chain, '')}".strip())

    return AnswerForm({"rank": control}, line=lambda v: f"q5 = kl.course.m02.pick(q2, rank={v['rank']})",
                      draw=draw)


def text_form(key: str = "q6") -> Any:
    """Exercise 6: a text box; writes ``q6 = "..."`` with the text safely quoted.

    Examples
    --------
    >>> form = text_form()
    >>> form.controls["text"].value = '它的门店多，"回款"快'
    >>> print(form.line)
    q6 = '它的门店多，"回款"快'
    """
    from ..widgets import text_answer

    return text_answer(key, placeholder=MSGS("text"))


# -------------------------------------------------------------------- checks
def _fail(zh: str, en: str) -> Verdict:
    return Verdict(ok=False, score=0.0, reason_zh=zh, reason_en=en)


def _reference(ctx: Context) -> tuple[Any, Verdict | None]:
    """The reference tiering of *ctx*'s data with the trainee's own q1, or why there is none."""
    q1 = ctx.answers.get("q1", ...)
    if q1 is Ellipsis or _check_q1_reason(q1) is not None:
        return None, _fail("这一题要用你在练习 1 中定的权重（q1）来核对：请先完成练习 1 并运行它的检查单元格。",
                           "This question is checked against your own weights from exercise 1 (q1): "
                           "answer exercise 1 first and run its check cell.")
    return tiering(ctx.load("chains"), q1), None


def _check_q1_reason(answer: Any) -> tuple[str, str] | None:
    if not isinstance(answer, Mapping):
        return ("答案应该是一个字典：三个维度的权重加分界线 cut。",
                "The answer should be a dict: the three dimension weights plus the cut.")
    missing = [d for d in (*DIMENSIONS, "cut") if d not in answer]
    extra = [str(k) for k in answer if k not in (*DIMENSIONS, "cut")]
    if missing or extra:
        return (f"字典的键应正好是 {list(DIMENSIONS) + ['cut']}（缺少 {missing}，多出 {extra}）。",
                f"The dict keys should be exactly {list(DIMENSIONS) + ['cut']} (missing {missing}, extra {extra}).")
    try:
        weights = [float(answer[d]) for d in DIMENSIONS]
        c = float(answer["cut"])
    except (TypeError, ValueError):
        return ("权重和分界线都应该是数字。", "Weights and cut should be numbers.")
    if not all(math.isfinite(w) and w > 0 for w in weights):
        return ("每个维度的权重都应大于 0：三个维度都要看。", "Every dimension weight should be > 0: all three count.")
    if abs(sum(weights) - 100) > 1e-6:
        return (f"三个权重合计 {sum(weights):g}，应为 100。", f"The three weights add up to {sum(weights):g}, not 100.")
    if not (math.isfinite(c) and 30 <= c <= 70):
        return ("分界线 cut 应在 30 到 70 之间。", "The cut should be between 30 and 70.")
    return None


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    reason = _check_q1_reason(answer)
    return Verdict(ok=True, score=2.0) if reason is None else _fail(*reason)


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    ref, why = _reference(ctx)
    if why is not None:
        return why
    if not isinstance(answer, pd.DataFrame):
        return _fail("答案应该是 kl.screening.screen(...) 的结果（一张分层表）。",
                     "The answer should be the result of kl.screening.screen(...) (a tiering table).")
    table = ref.table
    got_ids = sorted(map(str, answer.index))
    if got_ids != sorted(map(str, table.index)):
        return _fail("分层表里的客户和本笔记本的数据不一致：请对全部连锁客户（chains）做分层，不要手工筛掉或输入。",
                     "The chains in your tiering differ from this notebook's data: tier every chain in "
                     "`chains`, do not filter or type them in.")
    if "quadrant_code" not in answer.columns and "quadrant" not in answer.columns:
        return _fail("分层表里没有象限（quadrant）列。", "The tiering table has no quadrant column.")
    mine = _codes(answer).set_axis(answer.index.astype(str))
    theirs = _codes(table).set_axis(table.index.astype(str))
    wrong = int((mine.reindex(theirs.index) != theirs).sum())
    if wrong:
        return _fail(f"有 {wrong} 家客户的象限和用你在 q1 中的权重、分界线算出的不一致。"
                     "用 kl.course.m02.rubric(q1) 和 kl.course.m02.cut(q1) 调用筛选工具，不要手工改。",
                     f"{wrong} chains sit in a quadrant other than the one your q1 weights and cut give. "
                     "Call the screening tool with kl.course.m02.rubric(q1) and kl.course.m02.cut(q1); "
                     "do not edit by hand.")
    if "total" in answer.columns:
        diff = (answer["total"].set_axis(answer.index.astype(str)).reindex(theirs.index).astype(float)
                - table["total"].set_axis(theirs.index).astype(float)).abs().max()
        if not diff <= 1e-6:
            return _fail("象限对了，但总分和用你在 q1 中的权重算出的不一致。",
                         "The quadrants match, but the totals differ from those your q1 weights give.")
    return Verdict(ok=True, score=3.0)


def _ids(answer: Any) -> list[str] | None:
    if isinstance(answer, (list, tuple, set, frozenset, pd.Index, pd.Series, np.ndarray)):
        values = list(answer.index if isinstance(answer, pd.Series) and answer.dtype == bool else answer)
        if all(isinstance(v, (str, np.str_)) for v in values):
            return [str(v) for v in values]
    return None


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    ref, why = _reference(ctx)
    if why is not None:
        return why
    ids = _ids(answer)
    if ids is None:
        return _fail("答案应该是客户编号（chain_id）的列表，例如 kl.course.m02.members(q2, ...) 的结果。",
                     "The answer should be a list of chain ids, e.g. the result of kl.course.m02.members(q2, ...).")
    if set(ids) != set(members(ref, "invest")):
        return _fail("这份名单不是你的分层中“重点投入”（高潜力、高利润）象限的客户。",
                     "This list is not the chains of the invest (high potential, high profit) quadrant "
                     "of your tiering.")
    return Verdict(ok=True, score=2.0)


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    q1 = ctx.answers.get("q1", ...)
    _, why = _reference(ctx)
    if why is not None:
        return why
    if not (isinstance(answer, Mapping) and {"spread", "below", "chains"} <= set(answer)):
        return _fail("答案应该是 kl.course.m02.unstable(chains, q1, ...) 的结果。",
                     "The answer should be the result of kl.course.m02.unstable(chains, q1, ...).")
    try:
        spread, below = float(answer["spread"]), float(answer["below"])
    except (TypeError, ValueError):
        return _fail("spread 和 below 应该是数字。", "spread and below should be numbers.")
    if not (0.05 <= spread <= 0.5 and 0.5 <= below <= 0.95):
        return _fail("权重浮动幅度应在 ±5% 到 ±50% 之间，门槛在 0.5 到 0.95 之间。",
                     "The weight swing should be between ±5% and ±50%, the threshold between 0.5 and 0.95.")
    ids = _ids(answer["chains"])
    if ids is None:
        return _fail("chains 应该是客户编号的列表。", "chains should be a list of chain ids.")
    expected = unstable(ctx.load("chains"), q1, spread=spread, below=below)["chains"]
    if set(ids) != set(expected):
        return _fail("这份不稳定客户名单和用你的权重、分界线及所选浮动幅度算出的不一致：请用 "
                     "kl.course.m02.unstable(chains, q1, ...) 计算，不要手工输入。",
                     "This list of unstable chains differs from what your weights, cut and swing give: "
                     "compute it with kl.course.m02.unstable(chains, q1, ...), do not type it in.")
    return Verdict(ok=True, score=3.0)


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    ref, why = _reference(ctx)
    if why is not None:
        return why
    if not isinstance(answer, str) or not answer:
        return _fail("答案应该是一个客户编号（chain_id），例如 kl.course.m02.pick(q2, rank=1) 的结果。",
                     "The answer should be one chain id, e.g. the result of kl.course.m02.pick(q2, rank=1).")
    pool = members(ref, "invest")
    if answer not in (pool or [str(i) for i in ref.table.index]):
        return _fail("所选客户不在你的分层的“重点投入”象限里：重点客户应从重点投入象限中选。",
                     "The chosen chain is not in the invest quadrant of your tiering: "
                     "pick the key account from that quadrant.")
    return Verdict(ok=True, score=2.0)


BANK = QuestionBank(
    module="m02",
    title=("三维客户精准筛选", "Three-dimension screening of chain accounts"),
    datasets=("chains",),
    questions=(
        Question(
            key="q1", points=2.0,
            prompt=("定下三个维度（合作潜力、利润贡献、动销基础）的权重（均大于 0，合计 100）和高/低分界线（30–70）。",
                    "Set the weights of the three dimensions (each > 0, summing to 100) and the high/low cut (30-70)."),
            check=_check_q1,
            hint=("三个维度都要有权重，加起来正好 100；分界线在 30 到 70 之间。",
                  "Give all three dimensions a weight, adding up to exactly 100; the cut lies between 30 and 70.")),
        Question(
            key="q2", points=3.0,
            prompt=("用你的权重和分界线对全部连锁客户完成四象限分层。",
                    "Tier all chains into the four quadrants with your weights and cut."),
            check=_check_q2,
            hint=("用 kl.screening.screen 和 kl.course.m02.rubric(q1)、kl.course.m02.cut(q1)，对 chains 全表分层。",
                  "Use kl.screening.screen with kl.course.m02.rubric(q1) and kl.course.m02.cut(q1) on the whole "
                  "chains table.")),
        Question(
            key="q3", points=2.0,
            prompt=("列出你的分层中“重点投入”象限的客户。", "List the chains of the invest quadrant of your tiering."),
            check=_check_q3,
            hint=("重点投入 = 高潜力且高利润；从 q2 里取，不要手工输入编号。",
                  "Invest = high potential and high profit; take them from q2, do not type ids.")),
        Question(
            key="q4", points=3.0,
            prompt=("权重上下浮动时，哪些客户的象限不稳定？",
                    "Which chains change quadrant when the weights swing?"),
            check=_check_q4,
            hint=("用 kl.course.m02.unstable(chains, q1, spread=..., below=...) 计算。",
                  "Compute it with kl.course.m02.unstable(chains, q1, spread=..., below=...).")),
        Question(
            key="q5", points=2.0,
            prompt=("从重点投入象限中选出后续课程要深耕的重点客户。",
                    "Pick, from the invest quadrant, the key account you will work on for the rest of the course."),
            check=_check_q5,
            hint=("用 kl.course.m02.pick(q2, rank=...) 在你的重点投入客户中选。",
                  "Use kl.course.m02.pick(q2, rank=...) to choose among your invest-quadrant chains.")),
        Question(
            key="q6", points=3.0,
            prompt=("为什么选这个客户？你会把哪些资源从哪类客户调到它身上？（讲师评分）",
                    "Why this account? Which resources would you move to it, and from which chains? "
                    "(scored by the instructor)"),
            check=None, manual=True),
    ),
)
