"""The checked service package (:class:`PackageCheck`): its summary, its milestone and cost charts.

:func:`~kamlab.resources.check` returns a :class:`PackageCheck`;
:data:`RULES` names its rules, in the order problems are reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._i18n import Messages
from .._plotting import new_axes, styled
from .._result import TableResult
from ._catalog import DEPARTMENTS, department_label

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["PackageCheck", "RULES"]

#: Rule code -> short label (zh, en), in report order.
RULES: dict[str, tuple[str, str]] = {
    "no_owner": ("没有项目负责人", "no project owner"),
    "no_meeting": ("没有定期项目会议", "no regular project meeting"),
    "meeting_rare": ("项目会议间隔太长", "project meetings too far apart"),
    "over_budget": ("超出预算", "over budget"),
    "need_unserved": ("有需求没有被服务", "a need is not served"),
    "off_target": ("服务线不对应所选需求", "a line serves a need not chosen"),
    "need_twice": ("同一需求写了两条服务线", "a need has two lines"),
    "no_resources": ("服务线没有资源", "a line has no resources"),
    "no_steps": ("服务线没有执行步骤", "a line has no steps"),
    "mismatch": ("资源与需求脱节", "a resource does not serve its need"),
    "duplicate": ("资源重复投入", "a resource is used twice"),
    "over_capacity": ("资源超出可用数量", "more units than available"),
    "no_member": ("出资源的部门没有小组成员", "a department gives resources but has no member"),
    "step_no_owner": ("步骤没有责任人", "a step has no owner"),
    "owner_outside": ("责任人不在合作小组里", "a step owner is not in the group"),
    "step_no_metric": ("步骤没有评估指标或目标", "a step has no metric or target"),
    "step_order": ("执行节点先后颠倒", "milestone before start"),
    "step_window": ("执行节点超出计划周期", "a step is outside the plan window"),
}
MSGS = Messages({
    "gantt_title": ("一体化服务包执行计划：{account}", "Integrated service package plan: {account}"),
    "gantt_title_plain": ("一体化服务包执行计划", "Integrated service package plan"),
    "gantt_x": ("日期（竖虚线 = 计划周期）", "date (dashed lines = plan window)"),
    "legend_owner": ("责任人", "owner"),
    "no_owner_label": ("（无责任人）", "(no owner)"),
    "cost_title": ("服务包成本：{cost:.1f} / 预算 {budget:g} 万元", "Package cost: {cost:.1f} / budget {budget:g} (10k CNY)"),
    "cost_x": ("成本（万元）", "cost (10k CNY)"),
    "budget": ("预算", "budget"),
    "summary_ok": ("服务包检查通过：总成本 {cost:.1f} 万元，预算 {budget:g} 万元。",
                   "The package passes every check: total cost {cost:.1f}, budget {budget:g} (10k CNY)."),
    "summary_bad": ("发现 {n} 个问题（总成本 {cost:.1f} 万元，预算 {budget:g} 万元）：",
                    "{n} problems found (total cost {cost:.1f}, budget {budget:g}, 10k CNY):"),
})

_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
            "#bcbd22", "#17becf")
_DEPT_COLOURS = {"市场部": "#ff7f0e", "品牌部": "#9467bd", "销售部": "#1f77b4"}


@dataclass(frozen=True)
class PackageCheck(TableResult):
    """The checked service package.

    Attributes
    ----------
    table : DataFrame
        Index ``line`` (1, 2, …); ``need``, the cost (万元) per department
        (市场部, 品牌部, 销售部; Marketing, Brand, Sales when checked in
        English) and ``cost``.
    problems : DataFrame
        ``rule`` (a code of :data:`RULES`), ``line``, ``step`` (missing for
        package-level problems) and ``message`` (current language).
    usage : DataFrame
        One row per line × resource: ``quantity``, ``unit_cost``, ``cost``,
        ``department``, ``capacity``.
    schedule : DataFrame
        One row per step: ``line``, ``step_no``, ``need``, ``step``,
        ``owner``, ``start``, ``end``, ``metric``, ``target``.
    budget, total_cost : float
    start, end : Timestamp
        The plan window.
    account, owner : str
    """

    problems: pd.DataFrame = None  # type: ignore[assignment]
    usage: pd.DataFrame = None  # type: ignore[assignment]
    schedule: pd.DataFrame = None  # type: ignore[assignment]
    budget: float = 0.0
    total_cost: float = 0.0
    start: pd.Timestamp = None  # type: ignore[assignment]
    end: pd.Timestamp = None  # type: ignore[assignment]
    account: str = ""
    owner: str = ""

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return len(self.problems) == 0

    @property
    def rules(self) -> list[str]:
        """The distinct rule codes that fired, in report order."""
        return [r for r in RULES if r in set(self.problems["rule"])]

    @property
    def cost_by_department(self) -> pd.Series:
        """Total cost per department (万元), 市场部, 品牌部, 销售部 (English names when checked in English).

        Examples
        --------
        >>> from kamlab.resources import check, resource_catalog
        >>> pkg = {"budget": 50, "start": "2026-01-01", "end": "2026-03-31",
        ...        "lines": [{"need": "x", "resources": {"R01": 2, "R11": 1}}]}
        >>> check(pkg, resource_catalog()).cost_by_department.tolist()
        [10.0, 0.0, 1.5]
        """
        s = self.table.iloc[:, 1:1 + len(DEPARTMENTS)].sum()
        s.name = "cost"
        return s.astype(float)

    @property
    def over_budget(self) -> float:
        """How much the total cost exceeds the budget (0 when within)."""
        return max(0.0, self.total_cost - self.budget)

    def summary(self) -> str:
        """A short text: passed, or the problems one per line.

        Examples
        --------
        >>> from kamlab.resources import check, resource_catalog
        >>> pkg = {"owner": "王磊", "budget": 50, "start": "2026-01-01", "end": "2026-03-31",
        ...        "meeting_weeks": 2, "team": {"市场部": "李娜"},
        ...        "lines": [{"need": "应对竞品买赠促销", "resources": {"R01": 1},
        ...                   "steps": [{"step": "买赠", "owner": "李娜", "start": "2026-01-10",
        ...                              "end": "2026-02-10", "metric": "动销率", "target": 0.8}]}]}
        >>> print(check(pkg, resource_catalog()).summary())
        服务包检查通过：总成本 5.0 万元，预算 50 万元。
        """
        if self.ok:
            return MSGS("summary_ok", cost=self.total_cost, budget=self.budget)
        head = MSGS("summary_bad", n=len(self.problems), cost=self.total_cost, budget=self.budget)
        return "\n".join([head] + [f"- {m}" for m in self.problems["message"]])

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Gantt-style chart of the milestones: one bar per step from start to milestone, coloured by owner.

        Lines run top to bottom; a diamond marks each milestone (执行节点);
        dashed lines mark the plan window.  Labels follow the current language.

        Examples
        --------
        >>> from kamlab.resources import check, resource_catalog
        >>> pkg = {"budget": 50, "start": "2026-01-01", "end": "2026-03-31", "owner": "王磊",
        ...        "lines": [{"need": "应对竞品买赠促销", "resources": {"R01": 1},
        ...                   "steps": [{"step": "买赠", "owner": "李娜", "start": "2026-01-10", "end": "2026-02-10"}]}]}
        >>> check(pkg, resource_catalog()).plot().get_title()
        '一体化服务包执行计划'
        """
        return _gantt(self, ax)

    def plot_costs(self, ax: "Axes | None" = None) -> "Axes":
        """Stacked bars: each line's cost by department, with the budget in the title.

        Examples
        --------
        >>> from kamlab.resources import check, resource_catalog
        >>> pkg = {"budget": 50, "start": "2026-01-01", "end": "2026-03-31",
        ...        "lines": [{"need": "应对竞品买赠促销", "resources": {"R01": 1}}]}
        >>> check(pkg, resource_catalog()).plot_costs().get_title()
        '服务包成本：5.0 / 预算 50 万元'
        """
        return _costs(self, ax)


def _short(text: str, n: int = 10) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


@styled
def _gantt(res: PackageCheck, ax: "Axes | None") -> "Axes":
    import matplotlib.dates as mdates
    from matplotlib.patches import Patch

    s = res.schedule.sort_values(["line", "step_no"], kind="stable").reset_index(drop=True)
    own = ax is None
    fig, ax = new_axes(ax, figsize=(9.0, max(2.8, 0.45 * len(s) + 1.6)))
    no_owner = MSGS.label("no_owner_label")
    owners = s["owner"].where(s["owner"].ne(""), no_owner)
    palette = {o: _COLOURS[i % len(_COLOURS)] for i, o in enumerate(dict.fromkeys(owners))}
    if no_owner in palette:
        palette[no_owner] = "#bbbbbb"
    start = mdates.date2num(s["start"].dt.to_pydatetime()) if len(s) else np.array([])
    end = mdates.date2num(s["end"].dt.to_pydatetime()) if len(s) else np.array([])
    y = np.arange(len(s))
    width = np.maximum(np.abs(end - start), 0.8)
    bars = ax.barh(y, width, left=np.minimum(start, end), color=owners.map(palette).tolist(), height=0.6,
                   edgecolor="#333333", linewidth=0.5)
    for bar, backwards in zip(bars, end < start):
        if backwards:  # milestone before start: drawn hatched with a red edge
            bar.set_hatch("xx")
            bar.set_edgecolor("#c62828")
    ax.scatter(end, y, marker="D", s=36, color="#222222", zorder=3)
    labels = [f"{int(r.line)}. {_short(r.need, 8)} · {_short(r.step, 10)}" for r in s.itertuples()]
    ax.set_yticks(y, labels, fontsize=8)
    ax.invert_yaxis()
    for edge in (res.start, res.end):
        if edge is not None:
            ax.axvline(mdates.date2num(pd.Timestamp(edge).to_pydatetime()), color="#888888", ls="--", lw=1)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    if res.start is not None and res.end is not None:
        lo = mdates.date2num(pd.Timestamp(res.start).to_pydatetime()) - 7
        hi = mdates.date2num(pd.Timestamp(res.end).to_pydatetime()) + 7
        if len(s):
            lo, hi = min(lo, float(np.min(np.minimum(start, end))) - 3), max(hi, float(np.max(end)) + 3)
        ax.set_xlim(lo, hi)
    ax.set_xlabel(MSGS.label("gantt_x"))
    ax.set_title(MSGS("gantt_title", account=res.account) if res.account else MSGS.label("gantt_title_plain"))
    if palette:
        ax.legend(handles=[Patch(facecolor=c, edgecolor="#333333", label=o) for o, c in palette.items()],
                  title=MSGS.label("legend_owner"), loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8,
                  title_fontsize=8, frameon=False)
    fig.tight_layout()
    if own:
        fig.subplots_adjust(right=0.84)
    return ax


@styled
def _costs(res: PackageCheck, ax: "Axes | None") -> "Axes":
    t = res.table
    fig, ax = new_axes(ax, figsize=(8.0, max(2.4, 0.5 * len(t) + 1.4)))
    y = np.arange(len(t))
    left = np.zeros(len(t))
    for i, dept in enumerate(DEPARTMENTS):
        values = t.iloc[:, 1 + i].to_numpy(dtype=float)
        ax.barh(y, values, left=left, color=_DEPT_COLOURS[dept], label=department_label(dept), height=0.6)
        left = left + values
    for yi, total in zip(y, left):
        ax.text(total + 0.2, yi, f"{total:.1f}", va="center", fontsize=8)
    ax.set_yticks(y, [f"{n}. {_short(str(need), 12)}" for n, need in zip(t.index, t["need"])], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(MSGS.label("cost_x"))
    ax.set_title(MSGS("cost_title", cost=res.total_cost, budget=res.budget))
    ax.set_xlim(0, max(float(left.max()) if len(left) else 0.0, 1.0) * 1.2)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return ax
