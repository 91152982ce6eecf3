"""The no-code forms of m04: each writes the answer line of one exercise."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as w
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from ..._i18n import localized
from ..._plotting import styled
from ...resources import DEPARTMENT_EN, DEPARTMENTS, check, resource_catalog, resource_label
from ...widgets import LAYOUT as _LAYOUT
from ...widgets import STYLE as _STYLE
from ...widgets import AnswerForm, TableEditor, choice, literal, match_quiz, slider, text_answer
from ._case import MSGS, NONE, PLAN_END, PLAN_START, QUIZ
from ._examples import example_table
from ._model import _COLUMNS, _package_from, package_line


def _plot_package(res: Any) -> None:
    """The package's milestones (Gantt) above its cost by department."""

    @styled
    def both() -> None:
        fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(9.0, 7.5), height_ratios=[3, 2])
        res.plot(ax=ax1)
        res.plot_costs(ax=ax2)
        fig.tight_layout()

    both()


def quiz_form() -> Any:
    """Exercise 1: one drop-down per resource (市场部 / 品牌部 / 销售部); writes the q1 line.

    Examples
    --------
    >>> form = quiz_form()
    >>> form.controls["买赠促销活动"].value = "市场部"
    >>> form.line.startswith('q1 = {"陈列物料包（POP、堆头）": None, "买赠促销活动": "市场部", ')
    True
    """
    cat = resource_catalog()
    items = {str(cat.loc[rid, "resource"]): localized(str(cat.loc[rid, "resource"]), str(cat.loc[rid, "resource_en"]))
             for rid in QUIZ}
    departments = [localized(d, DEPARTMENT_EN[d]) for d in DEPARTMENTS]
    return match_quiz(items, [(d, d) for d in departments], key="q1", blank=(f"— {MSGS('pick_one')} —", None))


def package_form(needs: Sequence[str], catalog: pd.DataFrame, account: str, *, rows: int = 5) -> Any:
    """Exercise 2: the service package builder (TableEditor of lines, budget slider, live Gantt + costs).

    Each editor row is one execution step of a line: need index (0, 1, 2 =
    ``needs[0]`` …), units of each matching resource, the departments that
    give resources (blank = all), step, owner (责任人), start, milestone,
    metric and target.  Rows with the same need index form one line.  The
    form writes the q2 line; the chart shows the milestones and the cost by
    department, and the problems found are printed.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> needs = ["合规的店员销售激励方案", "完成年度品类增长目标", "门店陈列优化与物料支持"]
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = package_form(needs, kl.resources.resource_catalog(), "C18")
    ...     form.controls["owner"].value = "王磊"
    >>> form.line.startswith('q2 = {"account": account, "owner": "王磊", "budget": 40')
    True
    """

    def text(value: str, label: str) -> Any:
        return w.Text(value=value, description=label, layout=_LAYOUT, style=_STYLE)

    labels = {c: MSGS(f"col_{c}") for c in ("need", "units", "depts", "step", "owner", "start", "end", "metric",
                                             "target")}
    labels["departments"] = labels.pop("depts")
    start_rows = [{"need": i, "units": 1} for i in range(min(3, len(needs)))]
    start_rows += [{} for _ in range(max(0, rows - len(start_rows)))]
    controls: dict[str, Any] = {
        "owner": text("", MSGS("owner")),
        "budget": slider(40, 5, 150, 5, label=MSGS("budget")),
        "meeting_weeks": slider(0, 0, 8, 1, label=MSGS("meeting")),
        **{f"team_{d}": text("", MSGS("team", dept=d, dept_en=DEPARTMENT_EN[d])) for d in DEPARTMENTS},
        "start": text(PLAN_START, MSGS("start")),
        "end": text(PLAN_END, MSGS("end")),
        "lines": TableEditor(start_rows, list(_COLUMNS), labels),
    }

    def draw(values: dict[str, Any]) -> None:
        res = check(_package_from(values, needs, catalog, account), catalog, needs)
        print(res.summary())
        _plot_package(res)

    needs_txt = "；".join(f"{i}. {n}" for i, n in enumerate(needs))
    needs_en = "; ".join(f"{i}. {n}" for i, n in enumerate(needs))
    return AnswerForm(controls, title=MSGS("needs_are", items=needs_txt, items_en=needs_en),
                      line=lambda v: package_line(v, len(needs)), draw=draw)


def example_form(key: str, package: Mapping[str, Any], catalog: pd.DataFrame) -> Any:
    """Exercises 3 and 4: the colleague's package as a table; choose one of its resources, or “无”.

    The drop-down starts on “（请选择）”; the table and the choice are redrawn on every change.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> from kamlab.course.m04 import example_for
    >>> cat = kl.resources.resource_catalog()
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = example_form("q3", example_for(kl.datasets.load("needs"), cat, "C18"), cat)
    >>> form.line, form.text.splitlines()[-1]
    ('q3 = None', '还没有选择。')
    >>> form.controls["resource"].value = "R01"; form.line
    'q3 = "R01"'
    """
    table = example_table(package, catalog)
    ids = sorted({str(r) for line in package["lines"] for r in line["resources"]})
    names = {rid: resource_label(catalog, rid) for rid in ids}
    control = choice([(f"{rid} {names[rid]}", rid) for rid in ids] + [(MSGS("none_option"), NONE)],
                     label=MSGS("example_pick"))
    needs = localized("；", "; ").join(str(line["need"]) for line in package["lines"])

    def draw(values: dict[str, Any]) -> None:
        print(MSGS("example_of", account=package.get("account", ""), needs=needs))
        display(table)
        rid = values["resource"]
        if rid is None:
            print(MSGS("nothing"))
        else:
            print(MSGS("picked", rid=rid, name=names.get(rid, MSGS("none_option"))))

    return AnswerForm({"resource": control}, line=lambda v: f"{key} = {literal(v['resource'])}", draw=draw)


def text_form(key: str = "q5") -> Any:
    """Exercise 5: a text box; writes ``q4 = "..."`` with the text safely quoted.

    Examples
    --------
    >>> form = text_form()
    >>> form.controls["text"].value = "每两周开一次会"
    >>> form.line
    "q5 = '每两周开一次会'"
    """
    return text_answer(key, placeholder=MSGS("text"))
