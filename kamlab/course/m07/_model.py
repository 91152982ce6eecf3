"""The decision model of m07: the helpers the answer cells call (review period, targets, worst chain, evidence)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ... import kpi
from ..._i18n import localized
from ...kpi import metric_name
from ._case import (CORE_METRICS, DEFAULT_TARGETS, METRICS, PROBLEM_METRIC, PROCESS_METRICS, REVIEW_MONTHS,
                    TURNOVER_RANGE)


def metric_label(metric: str) -> str:
    """The label of a KPI column in the current language.

    Examples
    --------
    >>> metric_label("distribution_rate")
    '铺货率'
    """
    zh, en, _ = METRICS.get(metric, (metric, metric, True))
    return localized(zh, en)


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


def problem_chains(k: Any) -> dict[str, str]:
    """The chain behind each typical problem of exercise 3: the worst chain on the KPI that shows it.

    Examples
    --------
    >>> import kamlab as kl
    >>> k = kl.kpi.compute(recent(kl.datasets.load("sellout")), by=["chain_id"])
    >>> problem_chains(k)["poor_distribution"] == k.table["distribution_rate"].idxmin()
    True
    """
    return {p: worst(k, m) for p, m in PROBLEM_METRIC.items()}


def stock_chain(k: Any) -> str:
    """Exercise 4's chain: the one with the second-highest days of inventory (the highest is the piling one).

    Examples
    --------
    >>> import kamlab as kl
    >>> k = kl.kpi.compute(recent(kl.datasets.load("sellout")), by=["chain_id"])
    >>> stock_chain(k) == worst(k, "days_of_inventory", rank=2)
    True
    """
    return worst(k, "days_of_inventory", rank=2)


def shortfalls(k: Any, chain: str) -> dict[str, float]:
    """How far *chain* lags the median chain on each process KPI: ``1 − value / median`` (positive: behind).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"distribution_rate": [0.9, 0.9, 0.9], "sell_through_rate": [0.5, 1.0, 1.0],
    ...                   "clerk_recommendation_rate": [0.6, 0.6, 0.6]}, index=["C1", "C2", "C3"])
    >>> shortfalls(t, "C1")
    {'distribution': 0.0, 'sell_through': 0.5, 'clerk': 0.0}
    """
    table = _table(k)
    return {key: round(1.0 - float(table.loc[chain, m]) / float(table[m].median()), 6)
            for key, m in PROCESS_METRICS.items()}


def diagnosis(k: Any, chain: str) -> str:
    """The process KPI (distribution, sell_through, clerk) on which *chain* lags the median chain most.

    High stock is a result: the link that broke is the process KPI furthest behind the other chains.

    Examples
    --------
    >>> import kamlab as kl
    >>> k = kl.kpi.compute(recent(kl.datasets.load("sellout")), by=["chain_id"])
    >>> diagnosis(k, stock_chain(k))
    'sell_through'
    """
    gaps = shortfalls(k, chain)
    return max(gaps, key=lambda key: gaps[key])


def market_change(sellout: Any) -> float:
    """Relative change of all stores' units from the previous month to the latest (the season's share of a fall).

    Examples
    --------
    >>> import kamlab as kl
    >>> market_change(kl.datasets.load("sellout")) > 0
    True
    """
    base, current = last_two_months(sellout)
    units = sellout.groupby(sellout["month"].astype(str))["units_sold"].sum()
    return float(units[current] / units[base] - 1.0)


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


def _turnover_bounds(k: Any) -> tuple[float, float, float]:
    """The plausible range of a turnover target, and the median chain's turnover."""
    col = _table(k)["inventory_turnover"].astype(float)
    med = float(col.median())
    lo, hi = TURNOVER_RANGE[0] * med, TURNOVER_RANGE[1] * med
    return lo, hi, med


def _same_kpis(table: Any, ref: Any) -> bool:
    """Whether *table* has the same groups and core KPIs as the reference KPI table *ref*."""
    if sorted(str(i) for i in table.index) != sorted(str(i) for i in ref.index):
        return False
    got = table.copy()
    got.index = [str(i) for i in got.index]
    rows = [str(i) for i in ref.index]
    return all(np.allclose(got.loc[rows, c].to_numpy(dtype=float), ref[c].to_numpy(dtype=float),
                           rtol=1e-6, atol=1e-9, equal_nan=True) for c in CORE_METRICS)
