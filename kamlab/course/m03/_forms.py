"""The widget forms of m03: one per exercise, each writing the answer line.

Examples
--------
>>> quiz_form().line.startswith('q1 = {"联合营销活动": None')
True
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import pandas as pd

from ..._i18n import localized
from ...opportunity import collection_plan, matrix
from ...widgets import LAYOUT, STYLE, AnswerForm, dropdown, slider, text_answer
from ._case import _COMBOS, DEFAULT_THRESHOLD, MSGS, QUIZ, RULES, THRESHOLDS
from ._charts import plot_picks
from ._model import doubtful, pick, quiz_line

def _or_matrix(q3: Any, needs: pd.DataFrame, account: str) -> Any:
    return matrix(needs, threshold=DEFAULT_THRESHOLD, account=account) if q3 is Ellipsis else q3


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


def plan_form(needs: pd.DataFrame, account: str) -> Any:
    """Exercise 2: the collection-plan heatmap of the key account and the q2 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = plan_form(kl.datasets.load("needs"), "C18")
    >>> form.line
    'q2 = kl.course.m03.gaps(needs, account)'
    """
    plan = collection_plan(needs, account=account)
    return AnswerForm({}, line=lambda v: "q2 = kl.course.m03.gaps(needs, account)",
                      draw=lambda v: plan.plot(), title=plan.summary())


def matrix_form(needs: pd.DataFrame, account: str, chains: pd.DataFrame | None = None) -> Any:
    """Exercise 3: a threshold slider, the opportunity matrix of the key account live, the q3 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = matrix_form(kl.datasets.load("needs"), "C18")
    ...     form.controls["threshold"].value = 4
    >>> form.line
    'q3 = kl.opportunity.matrix(needs, threshold=4, account=account)'
    """
    control = slider(DEFAULT_THRESHOLD, min(THRESHOLDS), max(THRESHOLDS), 1, label=MSGS("threshold"))

    def draw(values: dict[str, Any]) -> None:
        matrix(needs, threshold=values["threshold"], account=account).plot()

    return AnswerForm({"threshold": control}, title=_account_title(chains, account),
                      line=lambda v: f"q3 = kl.opportunity.matrix(needs, threshold={v['threshold']}, "
                                     f"account=account)", draw=draw)


def doubts_form(q3: Any, needs: pd.DataFrame, account: str) -> Any:
    """Exercise 4: the doubtful opportunities of your matrix listed with their reasons; the q4 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = doubts_form(..., kl.datasets.load("needs"), "C18")
    >>> form.line
    'q4 = kl.course.m03.doubtful(q3)'
    """
    opp = _or_matrix(q3, needs, account)
    note = MSGS("no_q3") if q3 is Ellipsis else ("" if doubtful(opp) else MSGS("none_doubtful"))

    return AnswerForm({}, line=lambda v: "q4 = kl.course.m03.doubtful(q3)", title=note,
                      draw=lambda v: plot_picks(opp, (), reasons=True))


def pick_form(q3: Any, needs: pd.DataFrame, account: str) -> Any:
    """Exercise 5: choose the picking rule; the picks are shown on the priority chart; the q5 line.

    The choice is a rule, not typed ids, so the line stays right on another
    data variant.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = pick_form(..., kl.datasets.load("needs"), "C18")
    ...     form.controls["rule"].value = "priority"
    >>> form.line
    'q5 = kl.course.m03.pick(q3, k=3, rule="priority")'
    """
    options = [(localized(*label), code) for code, label in RULES.items()]
    control = dropdown(options, "tool", label=MSGS("rule"))

    opp = _or_matrix(q3, needs, account)

    def draw(values: dict[str, Any]) -> None:
        plot_picks(opp, pick(opp, 3, values["rule"]))

    return AnswerForm({"rule": control}, draw=draw, title=MSGS("no_q3") if q3 is Ellipsis else "",
                      line=lambda v: f'q5 = kl.course.m03.pick(q3, k=3, rule="{v["rule"]}")')


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
