"""The no-code forms of m11: each writes the answer line of one exercise."""

from __future__ import annotations

import html
from typing import Any

from ... import screening
from ..._i18n import localized
from ...screening import READINESS_MSGS
from ...widgets import AnswerForm, dropdown, literal, slider, text_answer
from ._case import (_BEHAVIOUR_NAMES, _BEHAVIOURS, _STAGES, CASES, ID_COL, N_RANGE, SEED_WEIGHTS, SHARE,
                    TARGET_DIMENSIONS, THRESHOLD, VALUE_COLUMNS)
from ._charts import _plot_wall
from ._messages import MSGS
from ._model import (_dimension_label, _screen_with, _weights_line, target_rubric, wall_profile, wall_summary,
                     weights_of)


def _note(text: str) -> None:
    print(text)


def weights_form(doctors: Any) -> Any:
    """Exercise 1: one slider per screening criterion; the ranking chart follows; writes the q1 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = weights_form(kl.datasets.load("doctors"))
    ...     form.controls["病人数"].value = 40; form.controls["床位数/门诊数"].value = 20
    >>> form.line
    'q1 = kl.screening.screen(doctors, kl.course.m11.target_rubric({"病人数": 40, "床位数/门诊数": 20, "价值取向": 20, "影响力": 20}), id_col="doctor_id")'
    """
    controls = {d: slider(SEED_WEIGHTS[d], 5, 60, 5, label=_dimension_label(d)) for d in TARGET_DIMENSIONS}

    def line(v: dict[str, Any]) -> str:
        return (f"q1 = kl.screening.screen(doctors, kl.course.m11.target_rubric({_weights_line(v)}), "
                f'id_col="{ID_COL}")')

    def draw(v: dict[str, Any]) -> None:
        total = sum(v[d] for d in TARGET_DIMENSIONS)
        if total != 100:
            _note(MSGS("sum", total=total))
        screening.screen(doctors, target_rubric(v), id_col=ID_COL).plot(top=20)

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("weights_title"))


def top_form(doctors: Any, q1: Any = ...) -> Any:
    """Exercise 2: how many target doctors to work on; the chart shows them; writes the q2 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = top_form(kl.datasets.load("doctors"))
    ...     form.controls["n"].value = 30
    >>> form.line
    'q2 = kl.course.m11.targets(doctors, q1, n=30)'
    """
    result = _screen_with(doctors, q1)
    mine = weights_of(q1, doctors) is not None

    def draw(v: dict[str, Any]) -> None:
        if not mine:
            _note(MSGS("no_q1"))
        result.plot(top=int(v["n"]))

    return AnswerForm({"n": slider(20, N_RANGE[0], N_RANGE[1], 5, label=MSGS("n"))},
                      line=lambda v: f"q2 = kl.course.m11.targets(doctors, q1, n={int(v['n'])})",
                      draw=draw, title=MSGS("top_title"))


def readiness_form(doctors: Any) -> Any:
    """Exercise 3: the readiness chart of all doctors; writes the q3 line (the stage counts).

    Examples
    --------
    >>> import kamlab as kl
    >>> readiness_form(kl.datasets.load("doctors")).line
    'q3 = kl.screening.readiness(doctors, id_col="doctor_id").counts()'
    """
    return AnswerForm({}, line=lambda v: f'q3 = kl.screening.readiness(doctors, id_col="{ID_COL}").counts()',
                      draw=lambda v: screening.readiness(doctors, id_col=ID_COL, threshold=THRESHOLD).plot(),
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
    stages = [(MSGS("pick"), "")] + [(f"{p} {READINESS_MSGS.label(p)}", p) for p in _STAGES]
    behaviours = [(MSGS("pick"), "")] + [
        (localized(f"{localized(*_BEHAVIOUR_NAMES[s])}：{READINESS_MSGS.label(s).split('：')[-1]}",
                   f"{localized(*_BEHAVIOUR_NAMES[s])}: {READINESS_MSGS.label(s).split(': ')[-1]}"), s)
        for s in _BEHAVIOURS]
    controls: dict[str, Any] = {}
    for case in CASES:
        controls[f"{case}_stage"] = dropdown(stages, "", label=MSGS("case_stage", case=case))
        controls[f"{case}_behaviour"] = dropdown(behaviours, "", label=MSGS("case_behaviour", case=case))
    colon = localized("：", ": ")
    items = "".join(f"<li><b>{MSGS('case', case=c)}</b>{colon}{html.escape(localized(*t[:2]))}</li>"
                    for c, t in CASES.items())
    title = f"{MSGS('cases_title')}<ul>{items}</ul>"

    def line(v: dict[str, Any]) -> str:
        return "q4 = " + literal({c: [v[f"{c}_stage"] or None, v[f"{c}_behaviour"] or None] for c in CASES})

    return AnswerForm(controls, line=line, title=title)


def wall_form(doctors: Any) -> Any:
    """Exercise 5: pick the core doctors' readiness group; the chart shows their wall; writes the q5 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = wall_form(kl.datasets.load("doctors"))
    ...     form.controls["stage"].value = "P4"
    >>> form.line
    'q5 = kl.course.m11.wall_summary(doctors, stage="P4")'
    """
    options = [(f"{p} {READINESS_MSGS.label(p)}", p) for p in _STAGES]

    def draw(v: dict[str, Any]) -> None:
        s = wall_summary(doctors, v["stage"])
        if not s["doctors"]:
            _note(MSGS("none"))
            return
        _plot_wall(wall_profile(doctors, v["stage"]),
                   MSGS("wall_chart", stage=v["stage"], n=s["doctors"], total=s["wall_total"]))

    return AnswerForm({"stage": dropdown(options, "P1", label=MSGS("group"))},
                      line=lambda v: f'q5 = kl.course.m11.wall_summary(doctors, stage="{v["stage"]}")',
                      draw=draw, title=MSGS("wall_title"))


def pareto_form(doctors: Any) -> Any:
    """Exercise 6: pick the column whose 80/20 view answers the question; writes the q6 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = pareto_form(kl.datasets.load("doctors"))
    ...     form.controls["value"].value = "monthly_rx_units"
    >>> form.line
    'q6 = kl.screening.pareto(doctors, id_col="doctor_id", value="monthly_rx_units", share=0.8).head_share'
    """
    options = [(f"{localized(*label)} ({col})", col) for col, label in VALUE_COLUMNS.items()]

    def line(v: dict[str, Any]) -> str:
        return (f'q6 = kl.screening.pareto(doctors, id_col="{ID_COL}", value="{v["value"]}", '
                f"share={SHARE:g}).head_share")

    return AnswerForm({"value": dropdown(options, options[0][1], label=MSGS("value"))}, line=line,
                      draw=lambda v: screening.pareto(doctors, id_col=ID_COL, value=v["value"],
                                                      share=SHARE).plot(),
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
