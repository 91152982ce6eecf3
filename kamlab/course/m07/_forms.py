"""The no-code forms of m07: each writes the answer line of one exercise.

Every form starts neutral (nothing chosen, sliders where nothing is flagged) and prints its status inside its
``draw``, which reruns on every change of a control: what the form says is always what it shows now.
"""

from __future__ import annotations

import math
from typing import Any

import ipywidgets as w
import pandas as pd

from ... import kpi, rootcause
from ..._i18n import get_language, localized
from ...rootcause import CAUSE_EN
from ...widgets import AnswerForm, TableEditor, choice, dropdown, literal, slider, still, text_answer
from ._case import CORE_METRICS, DIAGNOSES, DRIVERS, METRICS, PROBLEMS, ROOT_CAUSES, TODAY
from ._charts import _draw_vs_targets
from ._live import TargetsChart
from ._messages import MSGS
from ._model import (_ranked, _table, _turnover_bounds, evidence, last_two_months, market_change, metric_label,
                     recent, stock_chain, targets_or_default)


def _labelled(options: list[str]) -> list[tuple[str, str]]:
    """Drop-down options ``(label, column)`` for KPI columns."""
    return [(metric_label(m), m) for m in options]


def _chains(k: Any) -> list[str]:
    return sorted(str(i) for i in _table(k).index)


def kpi_form(sellout: Any) -> Any:
    """Exercise 1: choose the review period and the grouping; the chart shows a KPI per group.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):   # outside Jupyter the chart goes nowhere
    ...     form = kpi_form(kl.datasets.load("sellout"))
    >>> form.line
    'q1 = None'
    >>> form.controls["months"].value = 3; form.controls["by"].value = "chain_id"
    >>> form.line
    'q1 = kl.kpi.compute(kl.course.m07.recent(sellout, 3), by=["chain_id"])'
    """
    n_months = sellout["month"].nunique()
    periods = [m for m in (1, 3, 6, 12) if m <= n_months] or [n_months]
    months = choice([(MSGS("period_n", n=m), m) for m in periods], label=MSGS("period"))
    by = choice([(MSGS("by_region"), "region"), (MSGS("by_chain"), "chain_id")], label=MSGS("group_by"))
    metric = dropdown(_labelled(list(CORE_METRICS)), CORE_METRICS[0], label=MSGS("metric"))
    results: dict[tuple[int, str], Any] = {}

    def result(months: int, by: str) -> Any:
        """The KPIs of a period and grouping, computed once."""
        if (months, by) not in results:
            results[months, by] = kpi.compute(recent(sellout, months), by=[by])
        return results[months, by]

    chart = still(lambda months, by, m: result(months, by).plot(metric=m))   # kept per choice

    def draw(v: dict[str, Any]) -> None:
        if v["months"] is None or v["by"] is None:
            print(MSGS("pick_period"))
            return
        chart(v["months"], v["by"], v["metric"])
        print(MSGS("kpi_status", n=v["months"], rows=len(result(v["months"], v["by"]).table)))

    def line(v: dict[str, Any]) -> str:
        if v["months"] is None or v["by"] is None:
            return "q1 = None"
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
    """Exercise 2: one slider per core KPI, starting at its lowest (nothing flagged); live chart and counts.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> k = kl.kpi.compute(recent(kl.datasets.load("sellout")), by=["chain_id"])
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = targets_form(k)
    ...     form.controls["distribution_rate"].value = 0.8
    >>> form.line.startswith('q2 = {"distribution_rate": 0.8, "sell_through_rate": 0.5, ')
    True
    >>> "铺货率" in form.text
    True
    """
    lo, hi, med = _turnover_bounds(k)
    step = _round_step(med)
    lo_s, hi_s = round(math.ceil(lo / step) * step, 6), round(math.floor(hi / step) * step, 6)
    controls = {
        "distribution_rate": slider(0.5, 0.5, 1.0, 0.01, label=metric_label("distribution_rate")),
        "sell_through_rate": slider(0.5, 0.5, 1.0, 0.01, label=metric_label("sell_through_rate")),
        "inventory_turnover": slider(lo_s, lo_s, hi_s, step, label=metric_label("inventory_turnover")),
        "clerk_recommendation_rate": slider(0.05, 0.05, 1.0, 0.01, label=metric_label("clerk_recommendation_rate")),
    }
    table = _table(k)
    values = {m: table[m].to_numpy(dtype=float) for m in CORE_METRICS}
    chart = TargetsChart(k)                  # a moved target redraws its own panel only

    def line(v: dict[str, Any]) -> str:
        body = ", ".join(f'"{m}": {round(float(v[m]), 6):g}' for m in CORE_METRICS)
        return "q2 = {" + body + "}"

    def draw(v: dict[str, Any]) -> None:
        chart.show(v)
        for m in CORE_METRICS:
            n = int((values[m] < float(v[m])).sum())
            print(MSGS("flag_count", metric=metric_label(m), target=f"{float(v[m]):g}", n=n, total=len(table)))

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("targets_title"))


_VIEW = ("distribution_rate", "sell_through_rate", "days_of_inventory", "inventory_turnover",
         "clerk_recommendation_rate")


def flags_form(k: Any, targets: Any) -> Any:
    """Exercise 3: read the KPIs against your targets and pick the chain behind each typical problem.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> k = kl.kpi.compute(recent(kl.datasets.load("sellout")), by=["chain_id"])
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = flags_form(k, ...)
    ...     form.controls["poor_distribution"].value = "C30"
    >>> form.line
    'q3 = {"poor_distribution": "C30", "low_sell_through": None, "inventory_piling": None, "clerk_drop": None}'
    """
    chosen = targets_or_default(targets)
    chains = _chains(k)
    controls: dict[str, Any] = {"metric": dropdown(_labelled(list(_VIEW)), _VIEW[0], label=MSGS("metric"))}
    controls |= {p: choice(chains, label=localized(*PROBLEMS[p])) for p in PROBLEMS}
    chart = still(lambda m: _draw_vs_targets(k, chosen, (m,)))      # one chart per metric

    def line(v: dict[str, Any]) -> str:
        return "q3 = " + literal({p: v[p] for p in PROBLEMS})

    def draw(v: dict[str, Any]) -> None:
        chart(v["metric"])
        n = sum(v[p] is not None for p in PROBLEMS)
        print(MSGS("picked_n", n=n, total=len(PROBLEMS)))

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("flags_title"))


def _stock_table(k: Any, chain: str) -> pd.DataFrame:
    """The chain's KPIs next to the median chain's (the table exercise 4 reads)."""
    table = _table(k)
    rows = ("days_of_inventory", "inventory_turnover", "distribution_rate", "sell_through_rate",
            "clerk_recommendation_rate")
    return pd.DataFrame({chain: [round(float(table.loc[chain, m]), 3) for m in rows],
                         MSGS("median"): [round(float(table[m].median()), 3) for m in rows]},
                        index=pd.Index([metric_label(m) for m in rows], name=MSGS("metric")))


def problems_form(k: Any) -> Any:
    """Exercise 4: high stock at a chain: is it over-stocking, or which link broke?

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> k = kl.kpi.compute(recent(kl.datasets.load("sellout")), by=["chain_id"])
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = problems_form(k)
    >>> form.line
    'q4 = {"chain": "C35", "cause": None}'
    """
    chain = stock_chain(k)
    cause = choice([(localized(*DIAGNOSES[c]), c) for c in DIAGNOSES], label=MSGS("diagnosis"))

    def line(v: dict[str, Any]) -> str:
        return "q4 = " + literal({"chain": chain, "cause": v["cause"]})

    def draw(v: dict[str, Any]) -> None:
        days = float(_table(k).loc[chain, "days_of_inventory"])
        print(MSGS("stock_case", chain=chain, days=f"{days:.0f}"))
        print(_stock_table(k, chain).to_string())
        print(MSGS("not_chosen") if v["cause"] is None else MSGS("chosen", x=localized(*DIAGNOSES[v["cause"]])))

    return AnswerForm({"cause": cause}, line=line, draw=draw, title=MSGS("problems_title"))


def drill_form(sellout: Any) -> Any:
    """Exercise 5: read the split of the latest month's change; pick the chain that fell most and its driver.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = drill_form(kl.datasets.load("sellout"))
    ...     form.controls["chain"].value = "C04"; form.controls["factor"].value = "sell_through"
    >>> form.line
    'q5 = {"chain": "C04", "factor": "sell_through"}'
    """
    base, current = last_two_months(sellout)
    d = rootcause.drill(sellout, by="chain_id", base=base, current=current)
    chains = sorted(str(c) for c in sellout["chain_id"].unique())
    controls = {"chain": choice(chains, label=MSGS("fell_most")),
                "factor": choice([(localized(*DRIVERS[f]), f) for f in DRIVERS], label=MSGS("driver"))}
    market = market_change(sellout)
    chart = still(d.plot)                    # the split does not follow the picks: drawn once

    def line(v: dict[str, Any]) -> str:
        return "q5 = " + literal({"chain": v["chain"], "factor": v["factor"]})

    def draw(v: dict[str, Any]) -> None:
        chart()
        print(MSGS("market", base=base, current=current, x=f"{market:+.1%}"))
        done = v["chain"] is not None and v["factor"] is not None
        print(MSGS("chosen", x=f'{v["chain"]} · {localized(*DRIVERS[v["factor"]])}') if done else MSGS("not_chosen"))

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("drill_title"))


def _chain_line(v: dict[str, Any]) -> str:
    """The q6 line of the chain form: the Chain call with the evidence read from the KPI table."""
    rows = v["solutions"]
    sols = ", ".join(
        "{" + f'"action": {str(r.get("action") or "")!r}, "owner": {str(r.get("owner") or "")!r}, '
        f'"due": {str(r.get("due") or "")!r}' + "}" for r in rows)
    ev = "" if v["metric"] is None else f'kl.course.m07.evidence(k, "{v["metric"]}", rank={int(v["group"] or 1)})'
    return (f'q6 = kl.rootcause.Chain(problem={str(v["problem"])!r}, evidence=[{ev}], '
            f'root_cause={str(v["root_cause"] or "")!r}, solutions=[{sols}])')


def chain_form(k: Any, targets: Any = ...) -> Any:
    """Exercise 6: build the root-cause chain of one anomaly; the broken links are listed live.

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
    n_groups = len(_table(k))
    chosen_targets = targets_or_default(targets)
    metric = choice(_labelled(list(CORE_METRICS)), label=MSGS("evidence_metric"))

    def rank_options(m: str | None) -> list[tuple[str, int]]:
        order = _ranked(k, m or CORE_METRICS[0])
        return [(MSGS("rank", n=i + 1, group=g if m else "—"), i + 1) for i, g in enumerate(order)]

    group = dropdown(rank_options(metric.value), 1, label=MSGS("evidence_group"))
    problem = w.Text(value="", description=MSGS("problem"), layout={"width": "460px"},
                     style={"description_width": "150px"})
    # in English the form offers (and writes) the English names, which kl.rootcause accepts too
    causes = list(ROOT_CAUSES) if get_language() == "zh" else [CAUSE_EN[c] for c in ROOT_CAUSES]
    cause = choice(causes, label=MSGS("root_cause"))
    solutions = TableEditor([{"action": "", "owner": "", "due": ""}, {"action": "", "owner": "", "due": ""}],
                            ["action", "owner", "due"],
                            labels={c: MSGS(c) for c in ("action", "owner", "due")})

    def relabel(change: Any) -> None:
        keep = group.value
        group.options = rank_options(change["new"])
        group.value = keep if keep is not None and keep <= n_groups else 1

    metric.observe(relabel, names="value")
    chart = still(lambda m, note: _draw_vs_targets(k, chosen_targets, (m,), note=note))   # kept per evidence

    def draw(v: dict[str, Any]) -> None:
        if v["metric"] is None:
            print(MSGS("pick_metric"))
        else:
            e = evidence(k, v["metric"], v["group"] or 1)
            note = MSGS("chain_preview", metric=metric_label(v["metric"]), group=e["group"],
                        value=f"{e['value']:.3f}", cause=v["root_cause"] or "—")
            chart(v["metric"], note)
        try:
            chain = rootcause.Chain(
                problem=str(v["problem"]), root_cause=str(v["root_cause"] or ""),
                evidence=[] if v["metric"] is None else [evidence(k, v["metric"], v["group"] or 1)],
                solutions=[{c: str(r.get(c) or "") for c in ("action", "owner", "due")} for r in v["solutions"]
                           if any(str(x or "").strip() for x in r.values())])
            broken = chain.validate(k, today=TODAY, targets=chosen_targets)
        except ValueError as err:
            broken = [getattr(err, localized("zh", "en"), str(err))]
        print(MSGS("chain_ok") if not broken else MSGS("chain_broken", n=len(broken)))
        for b in broken:
            print(f"  - {b}")

    return AnswerForm({"problem": problem, "metric": metric, "group": group, "root_cause": cause,
                       "solutions": solutions}, line=_chain_line, draw=draw, title=MSGS("chain_title"))


def text_form() -> Any:
    """Exercise 7: free text, typed in a box (no quotes needed).

    Examples
    --------
    >>> form = text_form(); form.controls["text"].value = "只看销量会漏掉铺货"
    >>> form.line
    "q7 = '只看销量会漏掉铺货'"
    """
    return text_answer("q7", placeholder=MSGS("text_placeholder"), title=MSGS("text_title"))
