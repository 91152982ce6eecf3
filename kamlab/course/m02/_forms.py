"""m02's widget forms: each exercise's decisions as controls, the answer line they write, a live chart."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..._i18n import get_language
from ...widgets import AnswerForm, dropdown, slider, text_answer
from ._case import _dimension_label, DIMENSIONS, QUADRANTS
from ._charts import _plot_pick, plot_stability
from ._messages import MSGS
from ._model import _by_rank, _stability, _table, answer_line, members, or_default, tiering

__all__ = ["weights_form", "tiering_form", "quadrant_form", "stability_form", "pick_form", "text_form"]


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
    return text_answer(key, placeholder=MSGS("text"))
