"""The no-code forms of m11: each writes the answer line of one exercise.

Every form starts neutral (weights that do not add up, nothing ticked, "（请选择）") and prints everything
it says inside its ``draw``, which reruns on every change.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd
from IPython.display import display

from ... import screening
from ..._i18n import localized
from ..._labels import localize_columns
from ...screening import READINESS_MSGS
from ...widgets import AnswerForm, choice, literal, multi_select, slider, text_answer
from ._case import (_BEHAVIOUR_NAMES, _BEHAVIOURS, _STAGES, CASES, ID_COL, SHARE, START_WEIGHT, TARGET_DIMENSIONS,
                    TOP, VALUE_COLUMNS, WALL_DIMENSIONS)
from ._charts import _plot_wall
from ._messages import MSGS
from ._model import _dimension_label, _weights_line, candidates, evidence, observed, ranking, wall_profile, \
    wall_summary, weights_problem

__all__ = ["weights_form", "top_form", "readiness_form", "cases_form", "wall_form", "pareto_form", "text_form"]


def weights_form(doctors: pd.DataFrame) -> Any:
    """Exercise 1: one slider per screening criterion; the ranking chart follows; writes the q1 line.

    The sliders start at 5 each (sum 20): the form says so until the weights follow the rules.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = weights_form(kl.datasets.load("doctors"))
    >>> form.text
    '四项权重合计 20，应为 100。'
    >>> for d, v in zip(TARGET_DIMENSIONS, (40, 20, 20, 20)):
    ...     form.controls[d].value = v
    >>> form.line
    'q1 = {"病人数": 40, "床位数/门诊数": 20, "价值取向": 20, "影响力": 20}'
    """
    controls = {d: slider(START_WEIGHT, 5, 60, 5, label=_dimension_label(d)) for d in TARGET_DIMENSIONS}

    def draw(v: dict[str, Any]) -> None:
        why = weights_problem(v)
        if why is not None:
            print(localized(*why))
            return
        print(MSGS("weights_ok"))
        ranking(doctors, v).plot(top=20)

    return AnswerForm(controls, line=lambda v: "q1 = " + _weights_line(v), draw=draw, title=MSGS("weights_title"))


def _note(q1: Any) -> str | None:
    return None if weights_problem(q1) is None else MSGS("no_q1")


def top_form(doctors: pd.DataFrame, q1: Any = ...) -> Any:
    """Exercise 2: your ranking chart; tick the doctors who are your top 10 targets.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = top_form(kl.datasets.load("doctors"))
    >>> form.line
    'q2 = []'
    >>> form.controls["doctors"].tick(["D100", "D230"]); form.line
    'q2 = ["D100", "D230"]'
    """
    result, note = ranking(doctors, q1), _note(q1)
    info = doctors.set_index(doctors[ID_COL].astype(str))
    options = [(f"{i} {info.loc[i, 'hospital_level']} {info.loc[i, 'department']}", i)
               for i in candidates(doctors, q1)]
    control = multi_select(options, label=MSGS("top_pick"))

    def draw(v: dict[str, Any]) -> None:
        if note:
            print(note)
        ids = list(v["doctors"])
        print(MSGS("ticked", n=len(ids), ids="、".join(ids) if ids else "—"))
        result.plot(top=20)

    return AnswerForm({"doctors": control}, line=lambda v: "q2 = " + literal(list(v["doctors"])), draw=draw,
                      title=MSGS("top_title", n=TOP))


def readiness_form(doctors: pd.DataFrame) -> Any:
    """Exercise 3: four observed doctors (their awareness and commitment); a stage for each.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = readiness_form(kl.datasets.load("doctors"))
    ...     form.controls["D140"].value = "P1"
    >>> form.line
    'q3 = {"D123": None, "D140": "P1", "D230": None, "D239": None}'
    """
    ids = observed(doctors)
    table = evidence(doctors)
    options = [(f"{p} {READINESS_MSGS.label(p)}", p) for p in _STAGES]
    controls = {i: choice(options, label=i) for i in ids}

    def draw(v: dict[str, Any]) -> None:
        done = [i for i in ids if v[i]]
        print(MSGS("stages_done", n=len(done), total=len(ids)))
        display(localize_columns(table))

    return AnswerForm(controls, line=lambda v: "q3 = " + literal({i: v[i] for i in ids}), draw=draw,
                      title=MSGS("readiness_title"))


def cases_form() -> Any:
    """Exercise 4: for each observed doctor, a readiness stage and a behaviour.

    Examples
    --------
    >>> form = cases_form()
    >>> form.controls["A_stage"].value = "P3"
    >>> form.line
    'q4 = {"A": ["P3", None], "B": [None, None], "C": [None, None]}'
    """
    stages = [(f"{p} {READINESS_MSGS.label(p)}", p) for p in _STAGES]
    behaviours = [(localized(f"{localized(*_BEHAVIOUR_NAMES[s])}：{READINESS_MSGS.label(s).split('：')[-1]}",
                             f"{localized(*_BEHAVIOUR_NAMES[s])}: {READINESS_MSGS.label(s).split(': ')[-1]}"), s)
                  for s in _BEHAVIOURS]
    controls: dict[str, Any] = {}
    for case in CASES:
        controls[f"{case}_stage"] = choice(stages, label=MSGS("case_stage", case=case))
        controls[f"{case}_behaviour"] = choice(behaviours, label=MSGS("case_behaviour", case=case))
    colon = localized("：", ": ")
    items = "".join(f"<li><b>{MSGS('case', case=c)}</b>{colon}{html.escape(localized(*t[:2]))}</li>"
                    for c, t in CASES.items())

    def draw(v: dict[str, Any]) -> None:
        done = sum(bool(v[f"{c}_stage"]) and bool(v[f"{c}_behaviour"]) for c in CASES)
        print(MSGS("cases_done", n=done, total=len(CASES)))

    return AnswerForm(controls, line=lambda v: "q4 = " + literal({c: [v[f"{c}_stage"], v[f"{c}_behaviour"]]
                                                                  for c in CASES}),
                      draw=draw, title=f"{MSGS('cases_title')}<ul>{items}</ul>")


def wall_form(doctors: pd.DataFrame) -> Any:
    """Exercise 5: choose the core doctors' group, read their wall chart, choose the weakest criterion.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = wall_form(kl.datasets.load("doctors"))
    ...     form.controls["stage"].value = "P4"
    >>> form.line
    'q5 = {"stage": "P4", "weakest": None}'
    """
    groups = [(f"{p} {READINESS_MSGS.label(p)}", p) for p in _STAGES]
    criteria = [(_dimension_label(d), d) for d in WALL_DIMENSIONS]
    controls = {"stage": choice(groups, label=MSGS("group")), "weakest": choice(criteria, label=MSGS("weakest"))}

    def draw(v: dict[str, Any]) -> None:
        if v["stage"] is None:
            print(MSGS("pick_group"))
            return
        s = wall_summary(doctors, v["stage"])
        if not s["doctors"]:
            print(MSGS("none"))
            return
        print(MSGS("wall_status", stage=v["stage"], n=s["doctors"], total=s["wall_total"],
                   weakest=_dimension_label(v["weakest"]) if v["weakest"] else MSGS("nothing")))
        _plot_wall(wall_profile(doctors, v["stage"]), MSGS("wall_chart", stage=v["stage"], n=s["doctors"],
                                                           total=s["wall_total"]))

    return AnswerForm(controls, line=lambda v: "q5 = " + literal({"stage": v["stage"], "weakest": v["weakest"]}),
                      draw=draw, title=MSGS("wall_title"))


def pareto_form(doctors: pd.DataFrame) -> Any:
    """Exercise 6: pick the column whose 80/20 view answers the question; writes the q6 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = pareto_form(kl.datasets.load("doctors"))
    >>> form.line
    'q6 = None'
    >>> form.controls["value"].value = "monthly_rx_units"; form.line
    'q6 = kl.screening.pareto(doctors, id_col="doctor_id", value="monthly_rx_units", share=0.8).head_share'
    """
    options = [(localized(*label), col) for col, label in VALUE_COLUMNS.items()]

    def line(v: dict[str, Any]) -> str:
        if v["value"] is None:
            return "q6 = None"
        return (f'q6 = kl.screening.pareto(doctors, id_col="{ID_COL}", value="{v["value"]}", '
                f"share={SHARE:g}).head_share")

    def draw(v: dict[str, Any]) -> None:
        if v["value"] is None:
            print(MSGS("pick_value"))
            return
        result = screening.pareto(doctors, id_col=ID_COL, value=v["value"], share=SHARE)
        print(MSGS("pareto_status", name=localized(*VALUE_COLUMNS[v["value"]]), share=result.head_share))
        result.plot()

    return AnswerForm({"value": choice(options, label=MSGS("value"))}, line=line, draw=draw,
                      title=MSGS("pareto_title"))


def text_form(key: str = "q7") -> Any:
    """Exercise 7: a text box; writes ``q7 = "..."`` with the text safely quoted.

    Examples
    --------
    >>> form = text_form()
    >>> form.controls["text"].value = '先送“临床资料”，再约科室会'
    >>> print(form.line)
    q7 = '先送“临床资料”，再约科室会'
    """
    return text_answer(key, placeholder=MSGS("text"), title=MSGS("text_title"), height="110px")
