"""m02's widget forms: each exercise's decisions as controls, the answer line they write, a live chart.

Every form starts neutral (weights that do not add up, nothing ticked, "（请选择）") and prints
everything it says inside its ``draw``, which reruns on every change.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..._i18n import localized
from ...widgets import AnswerForm, choice, literal, multi_select, slider, still, text_answer
from ._case import _dimension_label, ACTIONS, DIMENSIONS, NO_UNSTABLE, SPREAD, STABLE_BELOW
from ._charts import _plot_pick, plot_stability
from ._messages import MSGS
from ._model import _is_choice, _stability, answer_line, members, or_default, tiering

__all__ = ["weights_form", "invest_form", "stability_form", "action_form", "pick_form", "text_form"]

#: Where the weight sliders start: they add up to 15, so an untouched form is not a decision yet.
_START = 5


def weights_form(chains: pd.DataFrame, q1: Any = ...) -> Any:
    """Exercise 1: three weight sliders and the cut, the four-quadrant chart live, the q1 line.

    The weights start at 5 each (sum 15): the form says so until they add up to 100.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):   # outside Jupyter the chart goes nowhere
    ...     form = weights_form(kl.datasets.load("chains"))
    >>> form.text
    '权重合计 15，应为 100。'
    >>> for d, v in zip(DIMENSIONS, (35, 45, 20)):
    ...     form.controls[d].value = v
    >>> form.line
    'q1 = {"合作潜力": 35, "利润贡献": 45, "动销基础": 20, "cut": 50}'
    >>> form.text
    '权重合计 100。'
    """
    start = or_default(q1) if q1 is not Ellipsis else {**dict.fromkeys(DIMENSIONS, _START), "cut": 50}
    controls = {d: slider(start[d], 5, 80, 5, label=_dimension_label(d)) for d in DIMENSIONS}
    controls["cut"] = slider(start["cut"], 30, 70, 5, label=MSGS("cut"))

    def draw(values: dict[str, Any]) -> None:
        total = sum(values[d] for d in DIMENSIONS)
        print(MSGS("sum_ok") if total == 100 else MSGS("sum", total=total))
        if total == 100:
            tiering(chains, values).plot()

    return AnswerForm(controls, line=answer_line, draw=draw)


def _weights(q1: Any) -> tuple[Any, str | None]:
    """*q1* when it is a choice, else the course default and the note that says so."""
    return (q1, None) if _is_choice(q1) else (..., MSGS("no_q1"))


def _names(chains: pd.DataFrame) -> pd.Series:
    return pd.Series(chains["chain_name"].astype(str).to_numpy() if "chain_name" in chains.columns
                     else [""] * len(chains), index=chains["chain_id"].astype(str))


def _ticked(ids: Any) -> str:
    ids = list(ids)
    return MSGS("ticked", n=len(ids), ids="、".join(ids) if ids else "—")


def invest_form(chains: pd.DataFrame, q1: Any = ...) -> Any:
    """Exercise 2: the four-quadrant chart of your weights; tick the chains that belong in 重点投入.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = invest_form(kl.datasets.load("chains"), {"合作潜力": 30, "利润贡献": 40, "动销基础": 30, "cut": 50})
    >>> form.line, form.text
    ('q2 = []', '已勾选 0 家：—')
    >>> form.controls["chains"].tick(["C18", "C22"]); form.line
    'q2 = ["C18", "C22"]'
    """
    weights, note = _weights(q1)
    result = tiering(chains, weights)
    names = _names(chains)
    control = multi_select([(f"{cid} {names.get(cid, '')}", cid) for cid in sorted(names.index)],
                           label=MSGS("invest_pick"))

    quadrants = still(result.plot)           # the chart does not follow the ticks: drawn once

    def draw(values: dict[str, Any]) -> None:
        if note:
            print(note)
        print(_ticked(values["chains"]))
        quadrants()

    return AnswerForm({"chains": control}, line=lambda v: "q2 = " + literal(list(v["chains"])), draw=draw)


def stability_form(chains: pd.DataFrame, q1: Any = ...) -> Any:
    """Exercise 3: the stability bars (weights ±20 %, threshold 0.7); tick the unstable chains, or “无”.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = stability_form(kl.datasets.load("chains"))
    >>> form.line
    'q3 = []'
    >>> form.controls["chains"].tick(["无"]); form.line
    'q3 = ["无"]'
    """
    weights, note = _weights(q1)
    shares = _stability(chains, weights, SPREAD)
    names = _names(chains)
    options = [(MSGS("none"), NO_UNSTABLE)] + [(f"{cid} {names.get(cid, '')}", cid) for cid in sorted(names.index)]
    control = multi_select(options, label=MSGS("unstable_pick"))

    bars = still(lambda: plot_stability(shares, below=STABLE_BELOW, spread=SPREAD))   # drawn once

    def draw(values: dict[str, Any]) -> None:
        if note:
            print(note)
        print(_ticked(values["chains"]))
        bars()

    return AnswerForm({"chains": control}, line=lambda v: "q3 = " + literal(list(v["chains"])), draw=draw)


def action_form() -> Any:
    """Exercise 4: what to do with the unstable chains (a drop-down that starts on “（请选择）”).

    Examples
    --------
    >>> form = action_form()
    >>> form.line
    'q4 = None'
    >>> form.controls["action"].value = "先核实"; form.line
    'q4 = "先核实"'
    """
    control = choice([(localized(*label), code) for code, label in ACTIONS.items()], label=MSGS("action"))

    def draw(values: dict[str, Any]) -> None:
        code = values["action"]
        print(MSGS("chosen", text=localized(*ACTIONS[code]) if code in ACTIONS else MSGS("nothing")))

    return AnswerForm({"action": control}, line=lambda v: "q4 = " + literal(v["action"]), draw=draw)


def pick_form(chains: pd.DataFrame, q1: Any = ...) -> Any:
    """Exercise 5: choose the key account among all chains; the chart sets it against the 重点投入 mean.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = pick_form(kl.datasets.load("chains"))
    >>> form.line
    'q5 = None'
    >>> form.controls["chain"].value = "C18"; form.line
    'q5 = "C18"'
    """
    weights, note = _weights(q1)
    table = tiering(chains, weights).table
    cut = float(or_default(weights)["cut"])
    shares = _stability(chains, weights, SPREAD)
    names = _names(chains)
    control = choice([(f"{cid} {names.get(cid, '')}", cid) for cid in sorted(names.index)], label=MSGS("rank"))
    chart = still(lambda cid: _plot_pick(table, cid, f"{cid} {names.get(cid, '')}".strip()))   # one per chain

    def draw(values: dict[str, Any]) -> None:
        if note:
            print(note)
        cid = values["chain"]
        if cid is None:
            print(MSGS("nothing"))
            return
        row = table.loc[cid]
        print(MSGS("pick_status", id=cid, p=float(row["potential"]), q=float(row["profit"]), cut=cut,
                   s=float(shares[cid]), n_invest=len(members(table, "invest"))))
        chart(cid)

    return AnswerForm({"chain": control}, line=lambda v: "q5 = " + literal(v["chain"]), draw=draw)


def text_form(key: str = "q6") -> Any:
    """Exercise 6: a text box; writes ``q6 = "..."`` with the text safely quoted.

    Examples
    --------
    >>> form = text_form()
    >>> form.controls["text"].value = '它的门店多，"回款"快'
    >>> print(form.line)
    q6 = '它的门店多，"回款"快'
    """
    return text_answer(key, placeholder=MSGS("text"))
