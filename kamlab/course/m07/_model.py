"""m07 核心数据复盘与根因链 / Core data review and the root-cause chain.

Seed 000 §七: distribution (铺货率), sell-through (动销率), inventory turnover
(库存周转率) and clerk recommendation (店员推荐率) are reviewed against targets,
the points below target are flagged, and one anomaly is followed through
问题描述 → 数据验证 → 根本原因 → 解决方案 → 责任人 → 时间节点.

This module holds the question bank :data:`BANK` (the one definition used by
the notebook's self-check and by the instructor's grader), the no-code forms
of the notebook (each writes the answer line: the trainee's decisions and
the call that computes the answer from the notebook's data) and a few small
helpers so the notebook cells stay one idea each.

Examples
--------
>>> from kamlab.course import m07
>>> m07.TODAY
'2026-11-01'
>>> m07.BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from .._i18n import Messages, get_language
from ..grading import Context, Question, QuestionBank, Verdict

__all__ = [
    "TODAY", "MODULE", "BANK", "CORE_METRICS", "METRICS", "ROOT_CAUSES", "DEFAULT_TARGETS", "PROBLEMS",
    "or_default", "targets_or_default", "worst", "evidence", "recent", "biggest_fall", "last_two_months",
    "metric_label",
    "kpi_form", "targets_form", "flags_form", "problems_form", "drill_form", "chain_form",
]

#: Module id.
MODULE = "m07"
#: Fixed course date for due-date checks: the first day after the data's last month,
#: so the notebook's outputs and the grade never depend on the day it is run.
TODAY = "2026-11-01"
#: The data set the module reviews.
DATASET = "sellout"
#: The review period: the latest quarter (最近 3 个月).
REVIEW_MONTHS = 3

#: The four core KPIs of the seed (铺货率, 动销率, 库存周转率, 店员推荐率).
CORE_METRICS = ("distribution_rate", "sell_through_rate", "inventory_turnover",
                "clerk_recommendation_rate")
#: Every KPI a trainee may look at, with its label and whether higher is better.
METRICS: dict[str, tuple[str, str, bool]] = {
    "distribution_rate": ("铺货率", "Distribution rate", True),
    "sell_through_rate": ("动销率", "Sell-through rate", True),
    "inventory_turnover": ("库存周转率", "Inventory turnover", True),
    "days_of_inventory": ("库存天数", "Days of inventory", False),
    "clerk_recommendation_rate": ("店员推荐率", "Clerk recommendation rate", True),
    "units_per_selling_store": ("单店销量", "Units per selling store", True),
    "units": ("销量", "Units sold", True),
}
#: The root-cause taxonomy of the chain (SPEC).
ROOT_CAUSES = ("铺货", "陈列", "价格", "店员", "促销", "库存", "竞品", "其他")
#: The course's reference targets (used when a trainee has not set their own yet).
DEFAULT_TARGETS: dict[str, float] = {
    "distribution_rate": 0.85,
    "sell_through_rate": 0.85,
    "inventory_turnover": 1.5,
    "clerk_recommendation_rate": 0.5,
}
#: Plausible range of a target per core KPI (rates as shares; turnover relative to the data).
TARGET_RANGES: dict[str, tuple[float, float]] = {
    "distribution_rate": (0.5, 1.0),
    "sell_through_rate": (0.5, 1.0),
    "clerk_recommendation_rate": (0.05, 1.0),
}
#: Turnover target: between these multiples of the median chain's turnover.
TURNOVER_RANGE = (0.25, 4.0)
#: Exercise 4: the planted problems (keys as in ``kl.datasets.planted("sellout", v)``).
PROBLEMS: dict[str, tuple[str, str]] = {
    "poor_distribution": ("铺货不足的连锁", "Chain with poor distribution"),
    "low_sell_through": ("有货不动销的连锁", "Chain stocked but not selling"),
    "inventory_piling": ("库存积压的连锁", "Chain piling up inventory"),
    "clerk_drop": ("店员不推荐的连锁", "Chain whose clerks stopped recommending"),
}
#: Drill-down factors (effect columns of kl.rootcause.drill) and their labels.
FACTORS: dict[str, tuple[str, str]] = {
    "target_stores": ("目标门店数", "Target stores"),
    "distribution": ("铺货率", "Distribution"),
    "sell_through": ("动销率", "Sell-through"),
    "units_per_store": ("单店销量", "Units per store"),
}

MSGS = Messages({
    "group_by": ("分组方式", "Group by"),
    "period": ("复盘周期", "Review period"),
    "period_n": ("最近 {n} 个月", "Latest {n} months"),
    "by_chain": ("按连锁", "By chain"),
    "by_region": ("按城市", "By city"),
    "by_month": ("按月份", "By month"),
    "metric": ("看哪个指标", "Metric"),
    "targets_title": ("为四个核心指标设定目标值（图中红线）", "Set a target for each core KPI (red line)"),
    "target_line": ("目标", "Target"),
    "below": ("低于目标", "Below target"),
    "ok": ("达标", "On target"),
    "flags_title": ("低于目标的异常点", "Points below target"),
    "no_flags": ("按你的目标，没有低于目标的异常点。", "With your targets no point is below target."),
    "problems_title": ("每个问题用哪个指标来找？", "Which metric finds each problem?"),
    "drill_title": ("比较两个月的销量变化，拆成四个因素", "Split the change of units between two months into four factors"),
    "base": ("基期月份", "Base month"),
    "current": ("当期月份", "Current month"),
    "chain_title": ("根因链：问题描述 → 数据验证 → 根本原因 → 解决方案 → 责任人 → 时间节点",
                    "Root-cause chain: problem → evidence → root cause → solutions → owner → due date"),
    "problem": ("问题描述", "Problem"),
    "evidence_metric": ("数据验证：指标", "Evidence: metric"),
    "evidence_group": ("数据验证：哪家连锁", "Evidence: which chain"),
    "rank": ("该指标第 {n} 差（现在是 {group}）", "Worst #{n} on this metric (now {group})"),
    "root_cause": ("根本原因", "Root cause"),
    "action": ("解决方案", "Action"),
    "owner": ("责任人", "Owner"),
    "due": ("时间节点 (YYYY-MM-DD)", "Due (YYYY-MM-DD)"),
    "default_problem": ("{group} 的{metric}明显低于目标", "{metric} of {group} is well below target"),
    "chain_preview": ("证据：{group} 的{metric} = {value} → 根因：{cause}",
                      "Evidence: {metric} of {group} = {value} → root cause: {cause}"),
})


def metric_label(metric: str) -> str:
    """The label of a KPI column in the current language.

    Examples
    --------
    >>> metric_label("distribution_rate")
    '铺货率'
    """
    zh, en, _ = METRICS.get(metric, (metric, metric, True))
    return zh if get_language() == "zh" else en


def _text(pair: tuple[str, str]) -> str:
    return pair[0] if get_language() == "zh" else pair[1]


# --------------------------------------------------------------------------- helpers used in the notebook
def _table(k: Any) -> Any:
    """The DataFrame behind a KPI result (or the DataFrame itself)."""
    return getattr(k, "table", k)


def or_default(answer: Any, sellout: Any) -> Any:
    """The KPI table by chain for the later exercises: the trainee's ``q1`` when it is right, else the course's.

    Later exercises all read this table, so they stay runnable while ``q1``
    is still ``...`` and a slip in exercise 1 does not cost points again.

    Examples
    --------
    >>> import kamlab as kl
    >>> df = kl.datasets.load("sellout")
    >>> k = or_default(..., df)
    >>> k.table.index.name, k.months
    ('chain_id', ('2026-08', '2026-09', '2026-10'))
    >>> mine = kl.kpi.compute(recent(df, 3), by=["chain_id"])
    >>> or_default(mine, df) is mine
    True
    """
    import pandas as pd

    from .. import kpi

    reference = kpi.compute(recent(sellout, REVIEW_MONTHS), by=["chain_id"])
    table = getattr(answer, "table", None)
    if isinstance(table, pd.DataFrame) and set(CORE_METRICS) <= set(table.columns):
        try:
            if _same_kpis(table, reference.table):
                return answer
        except (TypeError, ValueError, KeyError):
            pass
    return reference


def _parse_targets(targets: Mapping[str, Any]) -> dict[str, float]:
    """``{KPI column: float}`` from a trainee's targets (Chinese names allowed); raises on bad ones."""
    from ..kpi import metric_name

    out: dict[str, float] = {}
    for name, value in targets.items():
        if isinstance(value, (bool, str)):
            raise TypeError(name)
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(name)
        out[metric_name(name)] = number
    return out


def targets_or_default(answer: Any) -> dict[str, float]:
    """The trainee's targets (exercise 2), or :data:`DEFAULT_TARGETS` when not answered.

    Examples
    --------
    >>> targets_or_default(...)["distribution_rate"]
    0.85
    >>> targets_or_default({"distribution_rate": 0.8})["distribution_rate"]
    0.8
    """
    if isinstance(answer, Mapping) and answer:
        try:
            return _parse_targets(answer)
        except (TypeError, ValueError):
            pass
    return dict(DEFAULT_TARGETS)


def _ranked(k: Any, metric: str) -> list[str]:
    """Group ids from worst to best on *metric* (ties by id)."""
    table = _table(k)
    higher_better = METRICS.get(metric, ("", "", True))[2]
    col = table[metric].astype(float)
    frame = col.rename("v").reset_index()
    id_col = frame.columns[0]
    frame = frame.sort_values([id_col], kind="stable")
    frame = frame.sort_values("v", ascending=higher_better, kind="stable")
    return [str(g) for g in frame[id_col]]


def worst(k: Any, metric: str, rank: int = 1) -> str:
    """The group (chain) that is the *rank*-th worst on *metric*.

    Examples
    --------
    >>> import kamlab as kl
    >>> k = kl.kpi.compute(kl.datasets.load("sellout"), by=["chain_id"])
    >>> worst(k, "distribution_rate") == k.table["distribution_rate"].idxmin()
    True
    """
    return _ranked(k, metric)[int(rank) - 1]


def evidence(k: Any, metric: str, rank: int = 1) -> dict[str, Any]:
    """The evidence of a chain, read from the KPI table: ``{"metric", "group", "value"}``.

    The group is the *rank*-th worst on *metric*; the value is its KPI, so
    the evidence stays true on any data.

    Examples
    --------
    >>> import kamlab as kl
    >>> k = kl.kpi.compute(kl.datasets.load("sellout"), by=["chain_id"])
    >>> e = evidence(k, "sell_through_rate")
    >>> e["group"] == worst(k, "sell_through_rate"), bool(e["value"] == k.table.loc[e["group"], "sell_through_rate"])
    (True, True)
    """
    group = worst(k, metric, rank)
    return {"metric": metric, "group": group, "value": float(_table(k).loc[group, metric])}


def recent(sellout: Any, months: int = REVIEW_MONTHS) -> Any:
    """The rows of the latest *months* months (the review period; a copy).

    Examples
    --------
    >>> import kamlab as kl
    >>> sorted(recent(kl.datasets.load("sellout"), 3)["month"].unique())
    ['2026-08', '2026-09', '2026-10']
    """
    keep = sorted(str(m) for m in sellout["month"].unique())[-int(months):]
    return sellout[sellout["month"].astype(str).isin(keep)].copy()


def biggest_fall(d: Any) -> dict[str, Any]:
    """The group whose units fell most in a drill-down, and the factor that pulled it down most.

    Parameters
    ----------
    d : DrillResult
        From ``kl.rootcause.drill(...)``.

    Returns
    -------
    dict
        ``{"chain": group id, "factor": one of target_stores, distribution,
        sell_through, units_per_store}`` (``factor`` None when no effect is
        negative; ``chain`` None when no group fell).

    Examples
    --------
    >>> import kamlab as kl
    >>> df = kl.datasets.load("sellout")
    >>> d = kl.rootcause.drill(df, by="chain_id", base="2026-09", current="2026-10")
    >>> fall = biggest_fall(d)
    >>> fall["chain"] == d.table.drop(index="total", errors="ignore")["change"].idxmin()
    True
    """
    table = d.table.drop(index="total", errors="ignore")
    change = table["change"].astype(float)
    if not len(change) or change.min() >= 0:
        return {"chain": None, "factor": None}
    group = change.idxmin()
    factor = d.largest().loc[group, "factor"]
    return {"chain": str(group), "factor": None if factor is None else str(factor)}


def last_two_months(sellout: Any) -> tuple[str, str]:
    """The last two months of the data, ``(previous, latest)``.

    Examples
    --------
    >>> import kamlab as kl
    >>> last_two_months(kl.datasets.load("sellout"))
    ('2026-09', '2026-10')
    """
    months = sorted(str(m) for m in sellout["month"].unique())
    return months[-2], months[-1]


# --------------------------------------------------------------------------- forms
def _labelled(options: list[str]) -> list[tuple[str, str]]:
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
    from .. import kpi
    from ..widgets import AnswerForm, dropdown

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


def _turnover_bounds(k: Any) -> tuple[float, float, float]:
    col = _table(k)["inventory_turnover"].astype(float)
    med = float(col.median())
    lo, hi = TURNOVER_RANGE[0] * med, TURNOVER_RANGE[1] * med
    return lo, hi, med


def _round_step(x: float) -> float:
    """A slider step of about 1/100 of *x* rounded to 1, 2 or 5 × 10^n."""
    raw = max(abs(x) / 100, 1e-6)
    exp = math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * 10 ** exp >= raw:
            return round(m * 10 ** exp, max(0, -exp))
    return 10 ** exp  # pragma: no cover


def _draw_vs_targets(k: Any, targets: Mapping[str, float], metrics: tuple[str, ...] = CORE_METRICS,
                     note: str = "") -> Any:
    import matplotlib.pyplot as plt

    from .._plotting import styled

    @styled
    def draw() -> Any:
        fig, axes = plt.subplots(1, len(metrics), figsize=(3.6 * len(metrics), 3.4), squeeze=False)
        for ax, m in zip(axes[0], metrics):
            k.plot(ax=ax, metric=m, target=targets.get(m))
            ax.set_title(metric_label(m))
        if note:
            axes[0][0].set_xlabel(note)
        fig.tight_layout()
        return axes

    return draw()


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
    from ..widgets import AnswerForm, slider

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
    from ..widgets import AnswerForm, dropdown

    chosen = targets_or_default(targets)
    metric = dropdown(_labelled(list(CORE_METRICS)), CORE_METRICS[0], label=MSGS("metric"))
    return AnswerForm({"metric": metric}, line=lambda v: "q3 = kl.kpi.flag(k, q2)",
                      draw=lambda v: _draw_vs_targets(k, chosen, (v["metric"],)),
                      title=MSGS("flags_title"))


def _pick_expr(metric: str) -> str:
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
    from ..widgets import AnswerForm, dropdown

    options = _labelled(list(METRICS))
    controls = {p: dropdown(options, "units", label=_text(PROBLEMS[p])) for p in PROBLEMS}

    def line(v: dict[str, Any]) -> str:
        body = ", ".join(f'"{p}": {_pick_expr(v[p])}' for p in PROBLEMS)
        return "q4 = {" + body + "}"

    def draw(v: dict[str, Any]) -> Any:
        import matplotlib.pyplot as plt

        from .._plotting import styled

        table = _table(k)

        @styled
        def chart() -> Any:
            fig, axes = plt.subplots(2, 2, figsize=(8, 6))
            for ax, p in zip(axes.ravel(), PROBLEMS):
                m = v[p]
                values = table[m].astype(float)
                pick = worst(k, m)
                ax.bar([str(i) for i in values.index], values.to_numpy(),
                       color=["#d62728" if str(i) == pick else "#1f77b4" for i in values.index])
                ax.set_title(f"{_text(PROBLEMS[p])}\n{metric_label(m)}", fontsize=9)
                ax.tick_params(axis="x", labelsize=8, rotation=45)
            fig.tight_layout()
            return axes

        return chart()

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("problems_title"))


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
    from .. import rootcause
    from ..widgets import AnswerForm, dropdown

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
    import ipywidgets as w

    from ..widgets import AnswerForm, TableEditor, dropdown

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
    from ..rootcause._chain import CAUSE_EN

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


# --------------------------------------------------------------------------- question bank
def _reference_kpi(ctx: Context) -> Any:
    from .. import kpi

    return kpi.compute(recent(ctx.load(DATASET), REVIEW_MONTHS), by=["chain_id"])


def _as_frame(answer: Any) -> Any:
    import pandas as pd

    table = getattr(answer, "table", answer)
    if isinstance(table, pd.DataFrame):
        return table
    if isinstance(table, Mapping):
        return pd.DataFrame(table)
    raise TypeError(type(answer).__name__)


def _fail(zh: str, en: str) -> Verdict:
    return Verdict(ok=False, score=0.0, reason_zh=zh, reason_en=en)


def _same_kpis(table: Any, ref: Any) -> bool:
    import numpy as np

    if sorted(str(i) for i in table.index) != sorted(str(i) for i in ref.index):
        return False
    got = table.copy()
    got.index = [str(i) for i in got.index]
    rows = [str(i) for i in ref.index]
    return all(np.allclose(got.loc[rows, c].to_numpy(dtype=float), ref[c].to_numpy(dtype=float),
                           rtol=1e-6, atol=1e-9, equal_nan=True) for c in CORE_METRICS)


def _check_q1(answer: Any, ctx: Context) -> Verdict | bool:
    from .. import kpi

    try:
        table = _as_frame(answer)
    except TypeError:
        return _fail("答案应是 kl.kpi.compute(...) 的结果（按连锁的指标表）。",
                     "The answer should be the result of kl.kpi.compute(...) (a KPI table by chain).")
    missing = [c for c in CORE_METRICS if c not in table.columns]
    if missing:
        return _fail(f"指标表缺少列 {missing}。", f"The KPI table lacks columns {missing}.")
    ref = _reference_kpi(ctx).table
    if _same_kpis(table, ref):
        return True
    if sorted(str(i) for i in table.index) != sorted(str(i) for i in ref.index):
        return _fail("指标表应是每家连锁一行：按 chain_id 分组。",
                     "The KPI table should have one row per chain: group by chain_id.")
    data = ctx.load(DATASET)
    for months in (1, 6, 12):
        if _same_kpis(table, kpi.compute(recent(data, months), by=["chain_id"]).table):
            return _fail(f"复盘周期不对：这里复盘最近一个季度（最近 {REVIEW_MONTHS} 个月）。",
                         f"Wrong review period: review the latest quarter (the latest {REVIEW_MONTHS} months).")
    return _fail("指标与本数据算出的结果不一致：请用本笔记本的 sellout 数据直接计算，不要手填数字。",
                 "The KPIs do not match this data: compute them from the notebook's sellout data "
                 "instead of typing numbers.")


def _targets_problem(answer: Any, ctx: Context) -> tuple[str, str] | None:
    """Why a targets dict is not plausible, or None."""
    if not isinstance(answer, Mapping):
        return ("目标应是一个字典，例如 {\"distribution_rate\": 0.85, ...}。",
                "Targets should be a dict such as {\"distribution_rate\": 0.85, ...}.")
    try:
        answer = _parse_targets(answer)
    except (TypeError, ValueError) as err:
        return (f"目标写得不对：{getattr(err, 'zh', err)}", f"The targets are not valid: {getattr(err, 'en', err)}")
    missing = [m for m in CORE_METRICS if m not in answer]
    if missing:
        return (f"四个核心指标都要设目标，缺少：{missing}。", f"Set a target for all four core KPIs; missing: {missing}.")
    for m in CORE_METRICS:
        try:
            value = float(answer[m])
        except (TypeError, ValueError):
            return (f"{METRICS[m][0]}的目标应是数字。", f"The target of {METRICS[m][1]} should be a number.")
        if m == "inventory_turnover":
            lo, hi, _ = _turnover_bounds(_reference_kpi(ctx))
        else:
            lo, hi = TARGET_RANGES[m]
        if not (lo - 1e-9 <= value <= hi + 1e-9) or math.isnan(value):
            return (f"{METRICS[m][0]}的目标 {value:g} 不现实：比率用 0–1 之间的小数（例如 0.85 表示 85%），"
                    f"库存周转率要和数据的量级相当。",
                    f"The target of {METRICS[m][1]} ({value:g}) is not realistic: rates are shares between "
                    f"0 and 1 (0.85 means 85%), and the turnover target must be of the data's order of magnitude.")
    return None


def _their_targets(ctx: Context) -> dict[str, float] | None:
    """The trainee's exercise-2 targets (normalised), or None when missing or not plausible."""
    targets = ctx.answers.get("q2", ...)
    if _targets_problem(targets, ctx) is not None:
        return None
    return targets_or_default(targets)


def _check_q2(answer: Any, ctx: Context) -> Verdict | bool:
    why = _targets_problem(answer, ctx)
    return True if why is None else _fail(*why)


def _flag_keys(table: Any) -> Any:
    """A flag table as a sorted frame of (group, metric, gap) for comparison."""
    import pandas as pd

    frame = _as_frame(table).reset_index()
    cols = [c for c in frame.columns if c not in ("index",)]
    frame = frame[cols]
    return frame.sort_values(list(frame.columns[:2]), kind="stable").reset_index(drop=True) \
        if len(frame) else pd.DataFrame()


def _check_q3(answer: Any, ctx: Context) -> Verdict | bool:
    import numpy as np
    import pandas as pd

    from .. import kpi

    targets = _their_targets(ctx)
    if targets is None:
        return _fail("先完成练习 2（设定合理的目标值），再标注异常点。",
                     "Finish exercise 2 (plausible targets) first, then flag the points below target.")
    try:
        got = _flag_keys(answer)
    except TypeError:
        return _fail("答案应是 kl.kpi.flag(k, q2) 的结果。", "The answer should be the result of kl.kpi.flag(k, q2).")
    ref = _flag_keys(kpi.flag(_reference_kpi(ctx), targets))
    if len(got) != len(ref) or list(got.columns) != list(ref.columns):
        return _fail("标注的异常点和你在练习 2 设的目标对不上：请用 kl.kpi.flag(k, q2) 按你的目标计算。",
                     "The flagged points do not match your exercise-2 targets: compute them with kl.kpi.flag(k, q2).")
    for col in ref.columns:
        a, b = got[col], ref[col]
        if pd.api.types.is_numeric_dtype(b.dtype):
            if not np.allclose(a.to_numpy(dtype=float), b.to_numpy(dtype=float), rtol=1e-6, atol=1e-9):
                break
        elif [str(x) for x in a] != [str(x) for x in b]:
            break
    else:
        return True
    return _fail("标注的异常点和你在练习 2 设的目标对不上：请用 kl.kpi.flag(k, q2) 按你的目标计算。",
                 "The flagged points do not match your exercise-2 targets: compute them with kl.kpi.flag(k, q2).")


def _planted(ctx: Context) -> Mapping[str, Any]:
    from .. import datasets

    return datasets.planted(DATASET, variant=ctx.variant)


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        keys = ", ".join(f'"{p}": ...' for p in PROBLEMS)
        return _fail(f"答案应是一个字典：{{{keys}}}。", f"The answer should be a dict {{{keys}}}.")
    planted = _planted(ctx)
    right, wrong = 0, []
    for key, (zh, en) in PROBLEMS.items():
        if str(answer.get(key)) == str(planted[key]):
            right += 1
        else:
            wrong.append((zh, en))
    score = right / len(PROBLEMS)  # a check's Verdict score is the fraction earned
    if not wrong:
        return Verdict(ok=True, score=score)
    return Verdict(ok=False, score=score,
                   reason_zh="没找对：" + "、".join(z for z, _ in wrong) + "。想一想哪个指标直接反映这个问题，并用指标表去找，不要手填连锁编号。",
                   reason_en="Not found: " + ", ".join(e for _, e in wrong) + ". Think which metric shows the "
                   "problem directly and let the KPI table pick the chain; do not type chain ids.")


def _drill_pick(answer: Any) -> tuple[str, str] | None:
    """(chain, factor) out of a q5 answer."""
    if isinstance(answer, Mapping):
        chain = answer.get("chain_id", answer.get("chain", answer.get("group")))
        factor = answer.get("factor")
        return (str(chain), str(factor)) if chain is not None and factor is not None else None
    if isinstance(answer, (tuple, list)) and len(answer) == 2:
        return str(answer[0]), str(answer[1])
    return None


def _reference_drill(ctx: Context) -> Any:
    from .. import rootcause

    data = ctx.load(DATASET)
    base, current = last_two_months(data)
    return biggest_fall(rootcause.drill(data, by="chain_id", base=base, current=current))


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    got = _drill_pick(answer)
    if got is None:
        return _fail("答案应是一个字典 {\"chain\": ..., \"factor\": ...}：下滑最大的连锁和它的主要因素。",
                     "The answer should be a dict {\"chain\": ..., \"factor\": ...}: the chain with the largest "
                     "fall and its main factor.")
    ref = _drill_pick(_reference_drill(ctx))
    assert ref is not None
    if got[0] != ref[0]:
        return _fail("下滑最大的连锁不对：请比较最近一个月和上一个月（base 用上个月，current 用最近一个月）。",
                     "Wrong chain: compare the latest month with the one before (base = previous, current = latest).")
    if got[1] != ref[1]:
        return Verdict(ok=False, score=0.5, reason_zh="连锁对了，但主要因素不对：看哪一项效应的绝对值最大。",
                       reason_en="Right chain, wrong main factor: look for the effect with the largest size.")
    return Verdict(ok=True, score=1.0)


def _as_chain(answer: Any) -> Any:
    from .. import rootcause

    if isinstance(answer, rootcause.Chain):
        return answer
    if isinstance(answer, Mapping):  # a recorded answer: the chain's fields
        return rootcause.Chain.from_dict(dict(answer))
    raise TypeError(type(answer).__name__)


def _check_q6(answer: Any, ctx: Context) -> Verdict:
    try:
        chain = _as_chain(answer)
    except (TypeError, ValueError):
        return _fail("答案应是 kl.rootcause.Chain(problem=..., evidence=[...], root_cause=..., solutions=[...])。",
                     "The answer should be kl.rootcause.Chain(problem=..., evidence=[...], root_cause=..., "
                     "solutions=[...]).")
    targets = _their_targets(ctx) or dict(DEFAULT_TARGETS)
    broken = chain.validate(_reference_kpi(ctx), today=TODAY, targets=targets)
    if not broken:
        return Verdict(ok=True, score=1.0)
    zh = "；".join(getattr(b, "zh", str(b)) for b in broken)
    en = "; ".join(getattr(b, "en", str(b)) for b in broken)
    return _fail("根因链有断点：" + zh, "The chain has broken links: " + en)


BANK = QuestionBank(
    module=MODULE,
    title=("核心数据复盘与根因链", "Core data review and the root-cause chain"),
    datasets=(DATASET,),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("按连锁计算最近一个季度（最近 3 个月）的核心指标（铺货率、动销率、库存周转率、店员推荐率）。",
                    "Compute the core KPIs by chain over the latest quarter (the latest 3 months)."),
            check=_check_q1,
            hint=("用 kl.kpi.compute(kl.course.m07.recent(sellout, 月数), by=[...])，按连锁（chain_id）分组。",
                  "Use kl.kpi.compute(kl.course.m07.recent(sellout, months), by=[...]) grouped by chain (chain_id)."),
        ),
        Question(
            key="q2", points=1,
            prompt=("为四个核心指标设定目标值。", "Set a target for each of the four core KPIs."),
            check=_check_q2,
            hint=("比率写成 0–1 之间的小数；目标要能把明显落后的连锁标出来。",
                  "Write rates as shares between 0 and 1; a target should flag the chains that clearly lag."),
        ),
        Question(
            key="q3", points=2,
            prompt=("按你的目标标注低于目标的异常点。", "Flag every point below your targets."),
            check=_check_q3,
            hint=("用 kl.kpi.flag(k, q2)：指标表 + 你的目标。", "Use kl.kpi.flag(k, q2): the KPI table and your targets."),
        ),
        Question(
            key="q4", points=4,
            prompt=("找出铺货不足、有货不动销、库存积压的连锁。",
                    "Find the chain with poor distribution, the one stocked but not selling, and the one piling up inventory."),
            check=_check_q4,
            hint=("每个问题对应一个过程指标；让指标表选出最差的连锁（idxmin / idxmax）。",
                  "Each problem has its process metric; let the KPI table pick the worst chain (idxmin / idxmax)."),
        ),
        Question(
            key="q5", points=2,
            prompt=("最近一个月比上个月：哪家连锁销量下滑最多？主要因素是什么？",
                    "Latest month vs the previous one: which chain fell most, and what is the main factor?"),
            check=_check_q5,
            hint=("kl.rootcause.drill(...) 把变化拆成四个因素；kl.course.m07.biggest_fall(...) 找出下滑最大的连锁和拖累最大的因素。",
                  "kl.rootcause.drill(...) splits the change into four factors; kl.course.m07.biggest_fall(...) "
                  "names the chain that fell most and the factor that pulled it down most."),
        ),
        Question(
            key="q6", points=3,
            prompt=("为一个异常点写出完整的根因链，含两项优化方案、责任人和时间节点。",
                    "Write a full root-cause chain for one anomaly, with two solutions, owners and due dates."),
            check=_check_q6,
            hint=("证据用 kl.course.m07.evidence(k, 指标) 从指标表读取；根因要有被标注的指标支持；"
                   f"每项方案写责任人，截止日期在 {TODAY} 之后 90 天内。",
                   "Read the evidence from the KPI table with kl.course.m07.evidence(k, metric); the root cause "
                   f"must be backed by a flagged metric; each solution needs an owner and a due date within 90 days after {TODAY}."),
        ),
        Question(
            key="q7", points=2,
            prompt=("用两三句话写下：这个异常说明了什么？只看销量为什么会漏掉它？",
                    "In two or three sentences: what does this anomaly teach, and why would looking only at sales miss it?"),
            check=None, manual=True,
        ),
    ),
)
