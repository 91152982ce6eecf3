"""The no-code forms of m07: each writes the answer line of one exercise."""

from __future__ import annotations

import math
from typing import Any

import ipywidgets as w

from ... import kpi, rootcause
from ..._i18n import get_language, localized
from ...rootcause import CAUSE_EN
from ...widgets import AnswerForm, TableEditor, dropdown, slider
from ._case import CORE_METRICS, DEFAULT_TARGETS, METRICS, PROBLEMS, ROOT_CAUSES
from ._charts import _draw_vs_targets, _plot_worst
from ._messages import MSGS
from ._model import _ranked, _table, _turnover_bounds, evidence, metric_label, recent, targets_or_default


def _labelled(options: list[str]) -> list[tuple[str, str]]:
    """Dropdown options ``(label (column), column)`` for KPI columns."""
    return [(f"{metric_label(m)} ({m})", m) for m in options]


def kpi_form(sellout: Any) -> Any:
    """Exercise 1: pick the grouping; the chart shows the KPI per group.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):   # outside Jupyter the chart goes nowhere
    ...     form = kpi_form(kl.datasets.load("sellout"))
    ...     form.controls["months"].value = 3; form.controls["by"].value = "chain_id"
    >>> form.line
    'q1 = kl.kpi.compute(kl.course.m07.recent(sellout, 3), by=["chain_id"])'
    """
    n_months = sellout["month"].nunique()
    periods = [m for m in (1, 3, 6, 12) if m <= n_months] or [n_months]
    months = dropdown([(MSGS("period_n", n=m), m) for m in periods], periods[-1], label=MSGS("period"))
    by = dropdown([(MSGS("by_region"), "region"), (MSGS("by_chain"), "chain_id")],
                  "region", label=MSGS("group_by"))
    metric = dropdown(_labelled(list(CORE_METRICS)), CORE_METRICS[0], label=MSGS("metric"))

    def draw(v: dict[str, Any]) -> None:
        kpi.compute(recent(sellout, v["months"]), by=[v["by"]]).plot(metric=v["metric"])

    def line(v: dict[str, Any]) -> str:
        return f'q1 = kl.kpi.compute(kl.course.m07.recent(sellout, {v["months"]}), by=["{v["by"]}"])'

    return AnswerForm({"months": months, "by": by, "metric": metric}, line=line, draw=draw)


def _round_step(x: float) -> float:
    """A slider step of about 1/100 of *x* rounded to 1, 2 or 5 × 10^n."""
    raw = max(abs(x) / 100, 1e-6)
    exp = math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * 10 ** exp >= raw:
            return round(m * 10 ** exp, max(0, -exp))
    return 10 ** exp  # pragma: no cover


def targets_form(k: Any) -> Any:
    """Exercise 2: one slider per core KPI; the chart shows every chain against the targets.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> k = kl.kpi.compute(recent(kl.datasets.load("sellout")), by=["chain_id"])
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = targets_form(k)
    ...     form.controls["distribution_rate"].value = 0.8
    >>> form.line.startswith('q2 = {"distribution_rate": 0.8, "sell_through_rate": ')
    True
    """
    lo, hi, med = _turnover_bounds(k)
    step = _round_step(med)
    lo_s, hi_s = round(math.ceil(lo / step) * step, 6), round(math.floor(hi / step) * step, 6)
    start = min(max(round(round(DEFAULT_TARGETS["inventory_turnover"] / step) * step, 6), lo_s), hi_s)
    controls = {
        "distribution_rate": slider(DEFAULT_TARGETS["distribution_rate"], 0.5, 1.0, 0.01,
                                    label=metric_label("distribution_rate")),
        "sell_through_rate": slider(DEFAULT_TARGETS["sell_through_rate"], 0.5, 1.0, 0.01,
                                    label=metric_label("sell_through_rate")),
        "inventory_turnover": slider(start, lo_s, hi_s, step,
                                     label=metric_label("inventory_turnover")),
        "clerk_recommendation_rate": slider(DEFAULT_TARGETS["clerk_recommendation_rate"], 0.05, 1.0, 0.01,
                                            label=metric_label("clerk_recommendation_rate")),
    }

    def line(v: dict[str, Any]) -> str:
        body = ", ".join(f'"{m}": {round(float(v[m]), 6):g}' for m in CORE_METRICS)
        return "q2 = {" + body + "}"

    return AnswerForm(controls, line=line, draw=lambda v: _draw_vs_targets(k, v),
                      title=MSGS("targets_title"))


def flags_form(k: Any, targets: Any) -> Any:
    """Exercise 3: the chains below your targets (pick the KPI to look at).

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> k = kl.kpi.compute(recent(kl.datasets.load("sellout")), by=["chain_id"])
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = flags_form(k, ...)
    >>> form.line
    'q3 = kl.kpi.flag(k, q2)'
    """
    chosen = targets_or_default(targets)
    metric = dropdown(_labelled(list(CORE_METRICS)), CORE_METRICS[0], label=MSGS("metric"))
    return AnswerForm({"metric": metric}, line=lambda v: "q3 = kl.kpi.flag(k, q2)",
                      draw=lambda v: _draw_vs_targets(k, chosen, (v["metric"],)),
                      title=MSGS("flags_title"))


def _pick_expr(metric: str) -> str:
    """The expression that picks the worst chain on *metric* from the KPI table ``k``."""
    how = "idxmin" if METRICS[metric][2] else "idxmax"
    return f'k.table["{metric}"].{how}()'


def problems_form(k: Any) -> Any:
    """Exercise 4: for each planted problem pick the metric that finds its chain.

    The answer line asks the KPI table for the worst chain on each chosen
    metric (``idxmin`` where higher is better, ``idxmax`` for days of
    inventory), so it stays right on other data.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> k = kl.kpi.compute(recent(kl.datasets.load("sellout")), by=["chain_id"])
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = problems_form(k)
    ...     form.controls["inventory_piling"].value = "days_of_inventory"
    >>> 'k.table["days_of_inventory"].idxmax()' in form.line
    True
    """
    options = _labelled(list(METRICS))
    controls = {p: dropdown(options, "units", label=localized(*PROBLEMS[p])) for p in PROBLEMS}

    def line(v: dict[str, Any]) -> str:
        body = ", ".join(f'"{p}": {_pick_expr(v[p])}' for p in PROBLEMS)
        return "q4 = {" + body + "}"

    return AnswerForm(controls, line=line, draw=lambda v: _plot_worst(k, v), title=MSGS("problems_title"))


def drill_form(sellout: Any) -> Any:
    """Exercise 5: pick the two months; the chart splits each chain's change into four factors.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = drill_form(kl.datasets.load("sellout"))
    ...     form.controls["base"].value, form.controls["current"].value = "2026-09", "2026-10"
    >>> form.line
    'q5 = kl.course.m07.biggest_fall(kl.rootcause.drill(sellout, by="chain_id", base="2026-09", current="2026-10"))'
    """
    months = sorted(str(m) for m in sellout["month"].unique())
    # start on the first pair so that choosing the months is the trainee's decision
    controls = {"base": dropdown(months, months[0], label=MSGS("base")),
                "current": dropdown(months, months[1], label=MSGS("current"))}

    def line(v: dict[str, Any]) -> str:
        return (f'q5 = kl.course.m07.biggest_fall(kl.rootcause.drill(sellout, by="chain_id", '
                f'base="{v["base"]}", current="{v["current"]}"))')

    def draw(v: dict[str, Any]) -> Any:
        return rootcause.drill(sellout, by="chain_id", base=v["base"], current=v["current"]).plot()

    form = AnswerForm(controls, line=line, draw=draw, title=MSGS("drill_title"))
    return form


def _chain_line(v: dict[str, Any]) -> str:
    """The q6 line of the chain form: the Chain call with the evidence read from the KPI table."""
    rows = v["solutions"]
    sols = ", ".join(
        "{" + f'"action": {str(r.get("action") or "")!r}, "owner": {str(r.get("owner") or "")!r}, '
        f'"due": {str(r.get("due") or "")!r}' + "}" for r in rows)
    return (f'q6 = kl.rootcause.Chain(problem={str(v["problem"])!r}, '
            f'evidence=[kl.course.m07.evidence(k, "{v["metric"]}", rank={int(v["group"])})], '
            f'root_cause={v["root_cause"]!r}, solutions=[{sols}])')


def chain_form(k: Any, targets: Any = ...) -> Any:
    """Exercise 6: build the root-cause chain of one anomaly.

    The evidence is chosen as "the n-th worst chain on a metric", so the line
    reads the group and its value from the KPI table rather than typing them.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> k = kl.kpi.compute(recent(kl.datasets.load("sellout")), by=["chain_id"])
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = chain_form(k)
    ...     form.controls["metric"].value = "sell_through_rate"
    ...     form.controls["root_cause"].value = "陈列"
    >>> 'kl.course.m07.evidence(k, "sell_through_rate", rank=1)' in form.line
    True
    """
    table = _table(k)
    n_groups = len(table)
    metric = dropdown(_labelled(list(CORE_METRICS)), CORE_METRICS[0], label=MSGS("evidence_metric"))

    def rank_options(m: str) -> list[tuple[str, int]]:
        order = _ranked(k, m)
        return [(MSGS("rank", n=i + 1, group=g), i + 1) for i, g in enumerate(order)]

    group = dropdown(rank_options(metric.value), 1, label=MSGS("evidence_group"))
    problem = w.Text(value="", description=MSGS("problem"), layout={"width": "460px"},
                     style={"description_width": "150px"})
    # in English the form offers (and writes) the English names, which kl.rootcause accepts too
    causes = list(ROOT_CAUSES) if get_language() == "zh" else [CAUSE_EN[c] for c in ROOT_CAUSES]
    cause = dropdown(causes, causes[0], label=MSGS("root_cause"))
    solutions = TableEditor([{"action": "", "owner": "", "due": ""}, {"action": "", "owner": "", "due": ""}],
                            ["action", "owner", "due"],
                            labels={c: MSGS(c) for c in ("action", "owner", "due")})

    def relabel(change: Any) -> None:
        keep = group.value
        group.options = rank_options(change["new"])
        group.value = keep if keep is not None and keep <= n_groups else 1

    metric.observe(relabel, names="value")

    def draw(v: dict[str, Any]) -> Any:
        e = evidence(k, v["metric"], v["group"])
        note = MSGS("chain_preview", metric=metric_label(v["metric"]), group=e["group"],
                    value=f"{e['value']:.3f}", cause=v["root_cause"])
        return _draw_vs_targets(k, targets_or_default(targets), (v["metric"],), note=note)

    return AnswerForm({"problem": problem, "metric": metric, "group": group, "root_cause": cause,
                       "solutions": solutions}, line=_chain_line, draw=draw, title=MSGS("chain_title"))
