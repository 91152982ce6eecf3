"""The widget forms of m03: one per exercise, each writing the answer line.

Examples
--------
>>> quiz_form().line.startswith('q1 = {"联合营销活动": None')
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w
import pandas as pd

from ..._i18n import localized
from ...opportunity import collection_plan, matrix, with_scores
from ...widgets import LAYOUT, STYLE, AnswerForm, choice, literal, multi_select, still, text_answer
from ._case import _COMBOS, DEFAULT_THRESHOLD, MSGS, NONE, QUIZ
from ._charts import plot_picks
from ._model import quiz_line

_KIND_EN = {"显性": "explicit", "隐性": "implicit"}
_CHANNEL_EN = {"总部": "HQ", "门店": "store", "外部": "external"}

def _account_title(chains: pd.DataFrame | None, account: str) -> str:
    if chains is None or "chain_id" not in chains.columns:
        return MSGS("account", id=account, name="", type="").replace("（）", "").replace(" ()", "")
    row = chains.loc[chains["chain_id"].astype(str) == str(account)]
    name = str(row["chain_name"].iloc[0]) if len(row) and "chain_name" in row else ""
    kind = str(row["chain_type"].iloc[0]) if len(row) and "chain_type" in row else ""
    return MSGS("account", id=account, name=name, type=kind)


def quiz_form() -> Any:
    """Exercise 1: one drop-down per need statement (kind · channel); writes the q1 line.

    Examples
    --------
    >>> form = quiz_form()
    >>> form.controls["社区健康讲座"].value = "隐性·外部"
    >>> form.line.startswith('q1 = {"联合营销活动": None, "高毛利产品倾斜": None, "社区健康讲座": ("隐性", "外部")')
    True
    """
    options = [(f"— {MSGS('pick_one')} —", None)] + [
        (MSGS("combo", kind=k, channel=c, kind_en=("explicit" if k == "显性" else "implicit"),
              channel_en={"总部": "HQ", "门店": "store", "外部": "external"}[c]), f"{k}·{c}")
        for k, c in _COMBOS]
    controls: dict[str, Any] = {}
    rows: list[Any] = []
    for n, (key, (text_zh, text_en, _, _)) in enumerate(QUIZ.items(), start=1):
        controls[key] = w.Dropdown(options=options, value=None, description=key, layout=LAYOUT,
                                   style=STYLE)
        rows.append(w.HTML(f"{n}. {localized(text_zh, text_en)}"))
    form = AnswerForm(controls, line=lambda v: quiz_line(v))
    # show each statement above its drop-down
    children = list(form.children)
    out = []
    for child in children:
        for key, control in controls.items():
            if child is control:
                out.append(rows[list(controls).index(key)])
        out.append(child)
    form.children = tuple(out)
    return form


def _account_needs(needs: pd.DataFrame, account: str) -> pd.DataFrame:
    return needs[needs["account_id"].astype(str) == str(account)]


def _scored(needs: pd.DataFrame, q3: Any) -> Any:
    """The trainee's matrix from their own scores (exercise 3), or None while they are not complete."""
    if not isinstance(q3, Mapping):
        return None
    try:
        return matrix(with_scores(needs, q3), threshold=DEFAULT_THRESHOLD)
    except ValueError:
        return None


def plan_form(needs: pd.DataFrame, account: str) -> Any:
    """Exercise 2: tick the kind × channel cells with no need gathered; the coverage chart is drawn above.

    Examples
    --------
    >>> import kamlab as kl
    >>> form = plan_form(kl.datasets.load("needs"), "C18")
    >>> form.line
    'q2 = {"account": "C18", "uncovered": []}'
    >>> form.controls["cells"].tick([NONE])
    >>> form.line
    'q2 = {"account": "C18", "uncovered": ["none"]}'
    """
    options = [(MSGS("combo", kind=k, channel=c, kind_en=_KIND_EN[k], channel_en=_CHANNEL_EN[c]), f"{k}·{c}")
               for k, c in _COMBOS] + [(MSGS("all_covered"), NONE)]
    box = multi_select(options, label=MSGS("gaps_title"))
    plan = collection_plan(needs, account=account)

    def line(v: dict[str, Any]) -> str:
        cells = [c if c == NONE else c.split("·") for c in v["cells"]]
        return f"q2 = {literal({'account': str(account), 'uncovered': cells})}"

    chart = still(plan.plot)                 # the plan does not follow the ticks: drawn once

    def draw(v: dict[str, Any]) -> None:
        print(MSGS("ticked", n=len(v["cells"])))
        chart()

    return AnswerForm({"cells": box}, line=line, draw=draw)


def score_form(needs: pd.DataFrame, account: str) -> Any:
    """Exercise 3: for each need of the key account, a match and a value drop-down (start blank).

    The evidence (我方匹配能力, 预计年增量销售额) is in the table the notebook
    shows above; the form counts what is still blank and, once complete,
    draws the matrix of your scores.

    Examples
    --------
    >>> import kamlab as kl
    >>> form = score_form(kl.datasets.load("needs"), "C18")
    >>> form.line.startswith('q3 = {"N137": [None, None]')
    True
    >>> form.text
    '还有 8 条需求没有打完分。'
    """
    rows = _account_needs(needs, account)
    scores = [(str(n), n) for n in range(1, 6)]
    controls: dict[str, Any] = {}
    for nid, need in zip(rows["need_id"].astype(str), rows["need"].astype(str)):
        controls[f"{nid}_match"] = choice(scores, label=f"{nid} {MSGS('match')}")
        controls[f"{nid}_value"] = choice(scores, label=f"{nid} {MSGS('value')}")
    ids = rows["need_id"].astype(str).tolist()

    def pairs(v: dict[str, Any]) -> dict[str, list[Any]]:
        return {i: [v[f"{i}_match"], v[f"{i}_value"]] for i in ids}

    def draw(v: dict[str, Any]) -> None:
        open_ = [i for i, p in pairs(v).items() if None in p]
        if open_:
            print(MSGS("open_scores", n=len(open_)))
            return
        matrix(with_scores(needs, pairs(v)), threshold=DEFAULT_THRESHOLD).plot(top=0)

    return AnswerForm(controls, line=lambda v: f"q3 = {literal(pairs(v))}", draw=draw, title=MSGS("score_title"))


def _need_options(rows: pd.DataFrame) -> list[tuple[str, str]]:
    return [(f"{i} {n}", i) for i, n in zip(rows["need_id"].astype(str), rows["need"].astype(str))]


def doubts_form(q3: Any, needs: pd.DataFrame, account: str) -> Any:
    """Exercise 4: tick the doubtful act-now opportunities (check boxes start empty).

    Examples
    --------
    >>> import kamlab as kl
    >>> form = doubts_form(..., kl.datasets.load("needs"), "C18")
    >>> form.line
    'q4 = []'
    """
    rows = _account_needs(needs, account)
    box = multi_select(_need_options(rows) + [(MSGS("none_doubtful_opt"), NONE)], label=MSGS("doubts_pick"))

    opp = _scored(needs, q3)
    chart = still(lambda: opp.plot(top=0))   # the matrix does not follow the ticks: drawn once

    def draw(v: dict[str, Any]) -> None:
        print(MSGS("ticked", n=len(v["ids"])))
        if opp is None:
            print(MSGS("need_q3"))
            return
        chart()

    return AnswerForm({"ids": box}, line=lambda v: f"q4 = {literal(list(v['ids']))}", draw=draw)


def pick_form(q3: Any, needs: pd.DataFrame, account: str) -> Any:
    """Exercise 5: tick the 3 high-value opportunities; the priority chart marks them.

    Examples
    --------
    >>> import kamlab as kl
    >>> form = pick_form(..., kl.datasets.load("needs"), "C18")
    >>> form.controls["ids"].tick(["N137", "N143", "N144"])
    >>> form.line
    'q5 = ["N137", "N143", "N144"]'
    >>> form.text.splitlines()[0]
    '已勾选 3 个。'
    """
    rows = _account_needs(needs, account)
    box = multi_select(_need_options(rows), label=MSGS("picks_pick"))

    opp = _scored(needs, q3)
    chart = still(lambda ids: plot_picks(opp, list(ids), reasons=True))   # kept per set of ticks

    def draw(v: dict[str, Any]) -> None:
        print(MSGS("ticked", n=len(v["ids"])))
        if opp is None:
            print(MSGS("need_q3"))
            return
        chart(tuple(v["ids"]))

    return AnswerForm({"ids": box}, line=lambda v: f"q5 = {literal(list(v['ids']))}", draw=draw)


def text_form(key: str = "q6") -> Any:
    """Exercise 6: a text box; writes ``q6 = "..."`` with the text safely quoted.

    Examples
    --------
    >>> form = text_form()
    >>> form.controls["text"].value = '先做"店员培训"\\n再做陈列'
    >>> print(form.line)
    q6 = '先做"店员培训" 再做陈列'
    """
    return text_answer(key, placeholder=MSGS("text"))
