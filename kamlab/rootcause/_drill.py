"""Drill-down of a change in units into four factors (LMDI-I, 对数平均迪氏指数分解).

Per group, units ``U = T · d · s · u`` with ``T`` target stores (store-months
/ months in the period), ``d`` distribution rate, ``s`` sell-through rate
and ``u`` units per selling store (the KPI definitions of
:mod:`kamlab.kpi`).  Between a base period 0 and a current period 1 the
additive log-mean Divisia index (LMDI-I) gives each factor ``f`` the effect

    effect_f = L(U1, U0) · ln(f1 / f0),   L(a, b) = (a − b) / (ln a − ln b),   L(a, a) = a,

and the four effects sum to ``U1 − U0`` exactly (``Σ ln(f1/f0) = ln(U1/U0)``).

Zeros.  When units are 0 in exactly one period, some factor is 0 there —
the *first* of target stores, distribution, sell-through that is 0 (the
factors after it are undefined, 0/0).  The whole change goes to that
factor and the other effects are 0: this is the limit of LMDI when that
factor tends to 0 (the "small value" strategy of Ang & Liu, 2007), and it
reads naturally — a chain that stops stocking lost its units through
distribution.  When units are 0 in both periods every effect is 0.

Float rounding (of order 1e-13 of the units) is folded into the largest
effect, so the effects sum to the change to machine precision.

A group absent from a period's target rows has 0 target stores there.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"store_id": ["S1", "S2"] * 2, "chain_id": "C01", "month": ["2026-03"] * 2 + ["2026-04"] * 2,
...     "is_target": True, "stocked": [True, True, True, False], "units_sold": [40, 20, 30, 0],
...     "inventory_begin": 0, "inventory_end": 0, "mystery_visits": 0, "recommended_visits": 0})
>>> d = drill(df, base="2026-03", current="2026-04")
>>> d.table.loc["C01"].round(2).tolist()   # units_base, units_current, change, then the four effects
[60.0, 30.0, -30.0, 0.0, -30.0, 0.0, 0.0]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._result import TableResult
from ..kpi import DATA_MSGS, parse_by, parse_months, prepare, sums

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["DrillResult", "drill", "FACTORS", "EFFECTS", "lmdi"]

#: The four factors, in order.
FACTORS = ("target_stores", "distribution", "sell_through", "units_per_store")
#: Effect columns of the drill table.
EFFECTS = tuple(f"effect_{f}" for f in FACTORS)
#: Columns of the drill table.
COLUMNS = ("units_base", "units_current", "change", *EFFECTS)

MSGS = Messages({
    "target_stores": ("目标门店数", "Target stores"),
    "distribution": ("铺货率", "Distribution"),
    "sell_through": ("动销率", "Sell-through"),
    "units_per_store": ("单店销量", "Units per store"),
    "base": ("基期销量", "Base units"),
    "current": ("本期销量", "Current units"),
    "change": ("销量变化", "Change in units"),
    "title": ("销量变化分解（{base} → {current}）", "Change in units split by factor ({base} -> {current})"),
    "ylabel": ("对销量变化的贡献（盒）", "Contribution to the change (units)"),
    "total": ("合计", "total"),
    "bad_group": ("分组 '{group}' 不在分解结果中。可选：{valid}。", "Group '{group}' is not in the drill result. "
                  "Choose one of: {valid}."),
    "bad_total": ("total 应是 True 或 False，收到 {value!r}。", "total must be True or False; got {value!r}."),
})


def log_mean(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Logarithmic mean ``L(a, b) = (a − b) / (ln a − ln b)``, ``L(a, a) = a`` (a, b > 0).

    Examples
    --------
    >>> log_mean(np.array([30.0, 5.0]), np.array([60.0, 5.0])).round(4).tolist()
    [43.2809, 5.0]
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    same = a == b
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (a - b) / (np.log(a) - np.log(b))
    return np.where(same, a, out)


def lmdi(f_base: np.ndarray, f_cur: np.ndarray, u_base: np.ndarray, u_cur: np.ndarray) -> np.ndarray:
    """Additive LMDI-I effects, shape (groups, factors), with the zero rule above.

    *f_base*, *f_cur* hold the factor levels (groups × factors; NaN where
    undefined); *u_base*, *u_cur* the units.  A factor is "the first zero"
    of a period with 0 units when it is 0 and every factor before it is > 0.

    Examples
    --------
    >>> f0 = np.array([[2.0, 1.0, 1.0, 30.0]]); f1 = np.array([[2.0, 0.5, 1.0, 30.0]])
    >>> lmdi(f0, f1, np.array([60.0]), np.array([30.0])).round(4).tolist()
    [[0.0, -30.0, 0.0, 0.0]]
    """
    f_base = np.asarray(f_base, dtype=float)
    f_cur = np.asarray(f_cur, dtype=float)
    u_base = np.asarray(u_base, dtype=float)
    u_cur = np.asarray(u_cur, dtype=float)
    change = u_cur - u_base
    n, k = f_base.shape
    effects = np.zeros((n, k))
    both = (u_base > 0) & (u_cur > 0)
    if both.any():
        weight = log_mean(u_cur[both], u_base[both])
        effects[both] = weight[:, None] * np.log(f_cur[both] / f_base[both])
    one = (u_base > 0) != (u_cur > 0)
    if one.any():
        zero_levels = np.where((u_base == 0)[:, None], f_base, f_cur)[one]
        is_zero = np.nan_to_num(zero_levels, nan=1.0) == 0
        first = is_zero.argmax(axis=1)
        effects[np.flatnonzero(one), first] = change[one]
    # fold float rounding into the largest effect: the sum equals the change to machine precision
    residual = change - effects.sum(axis=1)
    largest = np.abs(effects).argmax(axis=1)
    effects[np.arange(n), largest] += residual
    return effects


def _levels(s: pd.DataFrame) -> pd.DataFrame:
    """Factor levels and units per group from the period sums."""
    n = s["n_months"].to_numpy()
    target, stocked, selling = (s[c].to_numpy() / n for c in ("target", "stocked", "selling"))
    units = s["units"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        levels = pd.DataFrame({
            "target_stores": target,
            "distribution": np.where(target > 0, stocked / np.where(target > 0, target, 1), np.nan),
            "sell_through": np.where(stocked > 0, selling / np.where(stocked > 0, stocked, 1), np.nan),
            "units_per_store": np.where(selling > 0, units / np.where(selling > 0, selling, 1), np.nan),
            "units": units,
        }, index=s.index)
    return levels


@dataclass(frozen=True, repr=False)
class DrillResult(TableResult):
    """Change in units between two periods split into four factors (``kl.rootcause.drill``).

    Attributes
    ----------
    table : DataFrame
        Index: groups (and a last row ``"total"`` when asked); columns
        units_base, units_current, change, effect_target_stores,
        effect_distribution, effect_sell_through, effect_units_per_store.
        The four effects of a row sum to its change.
    levels : DataFrame
        The factor levels behind the effects, per group: target_stores,
        distribution, sell_through, units_per_store, units, each with a
        ``_base`` and a ``_current`` column (check the LMDI by hand).
    by : tuple of str
        Grouping columns.
    base, current : tuple of str
        Months of the two periods.
    """

    levels: pd.DataFrame | None = None
    by: tuple[str, ...] = ()
    base: tuple[str, ...] = ()
    current: tuple[str, ...] = ()

    def largest(self) -> pd.DataFrame:
        """For each group, the factor with the largest negative effect.

        Returns
        -------
        DataFrame
            Index: groups (no total row); columns ``factor`` (one of
            :data:`FACTORS`, ``None`` when no effect is negative),
            ``label`` (its name in the current language) and ``effect``.

        Examples
        --------
        >>> t = pd.DataFrame({"units_base": [60.0, 10.0], "units_current": [30.0, 12.0], "change": [-30.0, 2.0],
        ...     "effect_target_stores": [0.0, 1.0], "effect_distribution": [-35.0, 1.0],
        ...     "effect_sell_through": [5.0, 0.0], "effect_units_per_store": [0.0, 0.0]},
        ...     index=pd.Index(["C01", "C02"], name="chain_id"))
        >>> big = DrillResult(table=t).largest()
        >>> big["factor"].tolist(), big["label"].tolist(), big["effect"].tolist()
        (['distribution', None], ['铺货率', None], [-35.0, nan])
        """
        t = self.table.drop(index="total", errors="ignore") if "total" in self.table.index else self.table
        effects = t[list(EFFECTS)].to_numpy(dtype=float)
        pick = effects.argmin(axis=1) if len(t) else np.zeros(0, dtype=int)
        value = effects[np.arange(len(t)), pick] if len(t) else np.zeros(0)
        negative = value < 0
        factor = np.where(negative, np.array(FACTORS, dtype=object)[pick], None)
        labels = [MSGS.label(f) if f is not None else None for f in factor]
        return pd.DataFrame({"factor": pd.Series(list(factor), index=t.index, dtype=object),
                             "label": pd.Series(labels, index=t.index, dtype=object),
                             "effect": np.where(negative, value, np.nan)}, index=t.index)

    def plot(self, ax: "Axes | None" = None, group: Any = None, **kwargs: Any) -> "Axes":
        """Grouped bars of the four effects per group (a waterfall for one *group*).

        Examples
        --------
        >>> t = pd.DataFrame({"units_base": [60.0], "units_current": [30.0], "change": [-30.0],
        ...     "effect_target_stores": [0.0], "effect_distribution": [-35.0],
        ...     "effect_sell_through": [5.0], "effect_units_per_store": [0.0]},
        ...     index=pd.Index(["C01"], name="chain_id"))
        >>> DrillResult(table=t, base=("2026-03",), current=("2026-04",)).plot().get_title()
        '销量变化分解（2026-03 → 2026-04） · C01'
        """
        if group is None and len(self.table) == 1:
            group = self.table.index[0]
        if group is not None and group not in self.table.index:
            valid = ", ".join(map(str, self.table.index[:20]))
            raise BadSpecError(*MSGS.both("bad_group", group=group, valid=valid), column="group")
        return _plot_drill(self, group, ax)


def _period(months: tuple[str, ...]) -> str:
    if len(months) == 1:
        return months[0]
    return f"{months[0]}…{months[-1]}" if len(months) > 2 else "+".join(months)


@styled
def _plot_drill(d: DrillResult, group: Any, ax: "Axes | None") -> "Axes":
    colors = ["#8172B2", "#4C72B0", "#55A868", "#CCB974"]
    title = MSGS("title", base=_period(d.base) if d.base else "0", current=_period(d.current) if d.current else "1")
    if group is not None:
        row = d.table.loc[group]
        fig, ax = new_axes(ax, figsize=(7.5, 4.5))
        names = [MSGS.label("base"), *(MSGS.label(f) for f in FACTORS), MSGS.label("current")]
        effects = row[list(EFFECTS)].to_numpy(dtype=float)
        bottoms = row["units_base"] + np.concatenate([[0.0], np.cumsum(effects)[:-1]])
        x = np.arange(len(names))
        ax.bar(x[0], row["units_base"], color="#999999")
        ax.bar(x[1:5], effects, bottom=bottoms, color=["#55A868" if e >= 0 else "#C44E52" for e in effects])
        ax.bar(x[5], row["units_current"], color="#4C72B0")
        for xi, e, b in zip(x[1:5], effects, bottoms):
            ax.text(xi, b + max(e, 0), f"{e:+,.0f}", ha="center", va="bottom", fontsize=9)
        ax.set_xticks(x)
        ax.set_xticklabels(names)
        ax.set_ylabel(MSGS.label("current"))
        ax.set_title(f"{title} · {group if not isinstance(group, tuple) else ' / '.join(map(str, group))}")
        fig.tight_layout()
        return ax
    t = d.table
    labels = [" / ".join(map(str, g)) if isinstance(g, tuple) else str(g) for g in t.index]
    labels = [MSGS.label("total") if g == "total" else g for g in labels]
    fig, ax = new_axes(ax, figsize=(max(7.0, min(18.0, 0.8 * len(t) + 3)), 4.8))
    x = np.arange(len(t))
    width = 0.8 / len(FACTORS)
    for i, (f, c) in enumerate(zip(FACTORS, colors)):
        ax.bar(x - 0.4 + width * (i + 0.5), t[f"effect_{f}"].to_numpy(dtype=float), width, color=c,
               label=MSGS.label(f))
    ax.scatter(x, t["change"].to_numpy(dtype=float), marker="D", color="black", zorder=3,
               label=MSGS.label("change"))
    ax.axhline(0, color="#333333", linewidth=0.8)
    ax.set_xticks(x)
    ax.set_xticklabels(labels, rotation=45 if len(labels) > 8 else 0, ha="right" if len(labels) > 8 else "center")
    ax.set_ylabel(MSGS.label("ylabel"))
    ax.set_title(title)
    ax.legend(loc="best", fontsize=9)
    fig.tight_layout()
    return ax


def drill(df: pd.DataFrame, *, by: Any = "chain_id", base: Any = "2026-03", current: Any = "2026-04",
          total: bool = False) -> DrillResult:
    """Split the change in units between two periods into four factors, per group (LMDI-I).

    Parameters
    ----------
    df : DataFrame
        Sell-out table (see :func:`kamlab.kpi.compute`); not modified.
    by : str, list of str or None
        Grouping columns (default ``"chain_id"``); ``None`` for one row.
    base, current : str or list of str
        The two periods: a month ``"YYYY-MM"`` or a list of months (their
        totals are compared; use periods of equal length).
    total : bool
        Add a last row ``"total"``: the column sums, which is the LMDI
        decomposition of the total units over groups.

    Returns
    -------
    DrillResult
        ``.table`` (units_base, units_current, change and the four
        ``effect_*`` columns, which sum to change), ``.levels``,
        ``.largest()``, ``.plot()``.

    Notes
    -----
    ``effect_f = L(U1, U0) · ln(f1/f0)`` with the logarithmic mean ``L``;
    zeros as in the module docstring (the whole change goes to the first
    factor that is 0 in the period with no units).

    Examples
    --------
    >>> df = pd.DataFrame({"store_id": ["S1", "S2"] * 2, "chain_id": "C01",
    ...     "month": ["2026-03"] * 2 + ["2026-04"] * 2, "is_target": True, "stocked": True,
    ...     "units_sold": [40, 20, 30, 0], "inventory_begin": 0, "inventory_end": 0,
    ...     "mystery_visits": 0, "recommended_visits": 0})
    >>> d = drill(df, base="2026-03", current="2026-04")
    >>> d.table.loc["C01", ["effect_sell_through", "effect_units_per_store"]].round(3).tolist()
    [-30.0, 0.0]
    >>> d.largest().loc["C01", "factor"]
    'sell_through'
    """
    keys = parse_by(by)
    months0 = parse_months(base, "base")
    months1 = parse_months(current, "current")
    if not isinstance(total, (bool, np.bool_)):
        raise BadSpecError(*MSGS.both("bad_total", value=total), column="total")
    data = prepare(df, keys)
    present = np.sort(pd.unique(data["month"].to_numpy()))
    for name, months in (("base", months0), ("current", months1)):
        missing = [m for m in months if m not in set(present)]
        if missing:
            raise BadValueError(*DATA_MSGS.both("period_absent", name=name, month=missing[0], first=present[0],
                                                last=present[-1]), column="month")
    month_col = data["month"].to_numpy()
    parts = []
    for months in (months0, months1):
        s = sums(data.loc[np.isin(month_col, months)], keys)
        s["n_months"] = float(len(months))  # the period's length, even if a group lacks a month
        parts.append(_levels(s))
    index = parts[0].index.union(parts[1].index, sort=True) if keys else parts[0].index
    lv0 = parts[0].reindex(index)
    lv1 = parts[1].reindex(index)
    for lv in (lv0, lv1):  # a group absent from a period: no target stores, no units
        lv.loc[lv["target_stores"].isna(), ["target_stores", "units"]] = 0.0
    f0 = lv0[list(FACTORS)].to_numpy(dtype=float)
    f1 = lv1[list(FACTORS)].to_numpy(dtype=float)
    u0 = lv0["units"].to_numpy(dtype=float)
    u1 = lv1["units"].to_numpy(dtype=float)
    effects = lmdi(f0, f1, u0, u1)
    table = pd.DataFrame({"units_base": u0, "units_current": u1, "change": u1 - u0}, index=index)
    for j, name in enumerate(EFFECTS):
        table[name] = effects[:, j]
    if total:
        if table.index.nlevels == 1:
            label: Any = pd.Index(["total"], name=table.index.name)
        else:
            label = pd.MultiIndex.from_tuples([("total",) + ("",) * (table.index.nlevels - 1)],
                                              names=table.index.names)
        row = pd.DataFrame([table.sum(axis=0).to_numpy()], columns=table.columns, index=label)
        table = pd.concat([table, row])
    levels = pd.concat([lv0.add_suffix("_base"), lv1.add_suffix("_current")], axis=1)
    levels = levels[[f"{c}{sfx}" for c in (*FACTORS, "units") for sfx in ("_base", "_current")]]
    return DrillResult(table=table, levels=levels, by=keys, base=months0, current=months1)
