"""OGSM: objective → goals (numbers) → strategies → measures (owner, metric, target)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages
from .._plotting import new_axes, styled
from .._problems import did_you_mean
from ._common import Problem, as_list, as_mapping, is_number, problem, text

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["OGSM", "OGSM_KEYS"]

#: Top-level keys of an OGSM literal.
OGSM_KEYS = ("objective", "goals", "strategies", "measures")

MSGS = Messages({
    "objective": ("OGSM 没有目的（objective）：用一句话写下要达成的方向。",
                  "The OGSM has no objective: write the direction in one sentence."),
    "no_goals": ("OGSM 没有目标（goals）：至少写一个带数字的目标。",
                 "The OGSM has no goals: write at least one goal with a number."),
    "no_strategies": ("OGSM 没有策略（strategies）：至少写一条策略。",
                      "The OGSM has no strategies: write at least one strategy."),
    "goal_name": ("goals 第 {row} 项没有名称（goal）。", "goals item {row} has no name (goal)."),
    "goal_number": ("goals 第 {row} 项「{name}」的 target 不是数字（{value!r}）：目标必须可衡量，请写一个数字。",
                    "goals item {row} '{name}': target is not a number ({value!r}); a goal must be measurable, "
                    "write a number."),
    "strategy_name": ("strategies 第 {row} 项没有名称（strategy）。", "strategies item {row} has no name (strategy)."),
    "strategy_goal": ("strategies 第 {row} 项「{name}」没有对应到任何一个目标（goals 写目标名称）：{value!r}。",
                      "strategies item {row} '{name}' is not tied to any goal (list goal names in goals): "
                      "{value!r}."),
    "strategy_measures": ("strategies 第 {row} 项「{name}」没有衡量/行动（measures）：每条策略至少一项，"
                          "写明负责人、指标和目标值。",
                          "strategies item {row} '{name}' has no measures: give each strategy at least one, "
                          "with owner, metric and target."),
    "measure_name": ("measures 第 {row} 项没有名称（measure）。", "measures item {row} has no name (measure)."),
    "measure_strategy": ("measures 第 {row} 项「{name}」没有对应到任何一条策略（strategy = {value!r}）：请写策略名称。",
                         "measures item {row} '{name}' is not tied to a strategy (strategy = {value!r}): write the "
                         "strategy's name."),
    "measure_owner": ("measures 第 {row} 项「{name}」没有负责人（owner）。",
                      "measures item {row} '{name}' has no owner."),
    "measure_metric": ("measures 第 {row} 项「{name}」缺少衡量指标（metric）或数字目标值（target）。",
                       "measures item {row} '{name}' lacks a metric or a numeric target."),
    "title": ("OGSM：目的 → 目标 → 策略 → 衡量", "OGSM: objective → goals → strategies → measures"),
    "levels": ("目的 O|目标 G|策略 S|衡量 M", "Objective|Goals|Strategies|Measures"),
})


def _items(spec: Mapping[str, Any], field: str, name_key: str) -> list[dict[str, Any]]:
    raw = spec.get(field)
    if raw is None:
        return []
    listed = as_list(raw, field, f"每项一个字典，如 {{\"{name_key}\": ...}}", f"one dict per item, e.g. {{\"{name_key}\": ...}}")
    out = []
    for i, item in enumerate(listed, start=1):
        if isinstance(item, str):
            item = {name_key: item}
        if not isinstance(item, Mapping):
            raise BadSpecError(f"{field} 第 {i} 项应是一个字典 {{\"{name_key}\": ...}}，收到的是 {type(item).__name__}。",
                               f"{field} item {i} must be a dict {{\"{name_key}\": ...}}, got {type(item).__name__}.",
                               column=field, row=i)
        out.append(dict(item))
    return out


def _names(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


class OGSM:
    """An OGSM plan from a plain dict.

    Parameters
    ----------
    spec : dict
        ``objective`` (text); ``goals``: ``[{"goal": text, "target": number,
        "unit": text}]``; ``strategies``: ``[{"strategy": text, "goals":
        [goal names]}]``; ``measures``: ``[{"measure": text, "strategy":
        strategy name, "owner": text, "metric": text, "target": number}]``.

    Raises
    ------
    kamlab.BadSpecError
        Not a dict, an unknown key, a list of the wrong shape (naming field
        and item number).  Content problems are listed by :meth:`validate`.

    Examples
    --------
    >>> plan = OGSM({"objective": "成为 ABC 零售感冒止咳第一品牌",
    ...              "goals": [{"goal": "销售额", "target": 3600, "unit": "万元"}],
    ...              "strategies": [{"strategy": "补齐铺货", "goals": ["销售额"]}],
    ...              "measures": [{"measure": "断货门店补货", "strategy": "补齐铺货", "owner": "张伟",
    ...                            "metric": "铺货率", "target": 0.95}]})
    >>> plan.validate()
    []
    >>> [p.rule for p in OGSM({"objective": "x", "goals": [{"goal": "销售额", "target": "增长"}]}).validate()]
    ['no_strategies', 'goal_number']
    """

    def __init__(self, spec: Mapping[str, Any]) -> None:
        spec = as_mapping(spec, "ogsm", "objective / goals / strategies / measures",
                          "objective / goals / strategies / measures")
        for key in spec:
            if key not in OGSM_KEYS:
                hz, he = did_you_mean(key, OGSM_KEYS)
                raise BadSpecError(f"OGSM 里有不认识的键 {key!r}{hz}：请用 {', '.join(OGSM_KEYS)}。",
                                   f"Unknown OGSM key {key!r}{he}: use {', '.join(OGSM_KEYS)}.", column=str(key))
        objective = spec.get("objective")
        if objective is not None and not isinstance(objective, str):
            raise BadSpecError(f"objective 应是一句话（文字），收到的是 {type(objective).__name__}。",
                               f"objective must be a sentence (text), got {type(objective).__name__}.",
                               column="objective")
        self.objective = text(objective)
        self.goals = _items(spec, "goals", "goal")
        self.strategies = _items(spec, "strategies", "strategy")
        self.measures = _items(spec, "measures", "measure")

    # ------------------------------------------------------------------ checks
    def validate(self) -> list[Problem]:
        """Every broken rule, in order (empty list: the OGSM holds together).

        Rules: ``objective``, ``no_goals``, ``no_strategies``, ``goal_name``,
        ``goal_number`` (a goal without a number), ``strategy_name``,
        ``strategy_goal`` (not tied to a goal), ``strategy_measures`` (no
        measure), ``measure_name``, ``measure_strategy`` (not tied to a
        strategy), ``measure_owner``, ``measure_metric``.
        """
        out: list[Problem] = []

        def add(rule: str, where: str, row: int | None = None, /, **kw: Any) -> None:
            zh, en = MSGS.both(rule, row=row, **kw)
            out.append(problem(rule, where, row, zh, en))

        if not self.objective:
            add("objective", "objective")
        if not self.goals:
            add("no_goals", "goals")
        if not self.strategies:
            add("no_strategies", "strategies")
        goal_names = {text(g.get("goal")) for g in self.goals} - {""}
        for i, g in enumerate(self.goals, start=1):
            name = text(g.get("goal"))
            if not name:
                add("goal_name", "goals", i)
            if not is_number(g.get("target")):
                add("goal_number", "goals", i, name=name, value=g.get("target"))
        strategy_names = {text(s.get("strategy")) for s in self.strategies} - {""}
        measured = {text(m.get("strategy")) for m in self.measures}
        for i, s in enumerate(self.strategies, start=1):
            name = text(s.get("strategy"))
            if not name:
                add("strategy_name", "strategies", i)
            tied = _names(s.get("goals", s.get("goal")))
            if not any(text(t) in goal_names or (is_number(t) and 1 <= t <= len(self.goals)) for t in tied):
                add("strategy_goal", "strategies", i, name=name, value=s.get("goals", s.get("goal")))
            if name and name not in measured:
                add("strategy_measures", "strategies", i, name=name)
        for i, m in enumerate(self.measures, start=1):
            name = text(m.get("measure"))
            if not name:
                add("measure_name", "measures", i)
            if text(m.get("strategy")) not in strategy_names:
                add("measure_strategy", "measures", i, name=name, value=m.get("strategy"))
            if not text(m.get("owner")):
                add("measure_owner", "measures", i, name=name)
            if not text(m.get("metric")) or not is_number(m.get("target")):
                add("measure_metric", "measures", i, name=name)
        return out

    @property
    def ok(self) -> bool:
        """True when :meth:`validate` finds nothing."""
        return not self.validate()

    # ------------------------------------------------------------------ views
    @property
    def table(self) -> pd.DataFrame:
        """One row per element: level (O/G/S/M), n, name, parent, owner, metric, target."""
        rows = [("O", 1, self.objective, "", "", "", None)]
        rows += [("G", i, text(g.get("goal")), self.objective, "", text(g.get("unit")), g.get("target"))
                 for i, g in enumerate(self.goals, start=1)]
        rows += [("S", i, text(s.get("strategy")), "、".join(str(t) for t in _names(s.get("goals", s.get("goal")))),
                  text(s.get("owner")), "", None) for i, s in enumerate(self.strategies, start=1)]
        rows += [("M", i, text(m.get("measure")), text(m.get("strategy")), text(m.get("owner")),
                  text(m.get("metric")), m.get("target")) for i, m in enumerate(self.measures, start=1)]
        return pd.DataFrame(rows, columns=["level", "n", "name", "parent", "owner", "metric", "target"])

    def _repr_html_(self) -> str:
        return self.table._repr_html_()  # type: ignore[operator]

    def __repr__(self) -> str:
        return f"OGSM(\n{self.table!r}\n)"

    @styled
    def plot(self, ax: "Axes | None" = None) -> "Axes":
        """Draw the OGSM tree: four columns O → G → S → M, lines from each element to its parent."""
        import textwrap

        table = self.table
        levels = ["O", "G", "S", "M"]
        n_max = max(int((table["level"] == lv).sum()) for lv in levels)
        fig, ax = new_axes(ax, figsize=(11.0, max(3.5, 0.8 * n_max + 1.5)))
        ax.set_xlim(-0.1, 4.0)
        ax.set_ylim(0, 1.08)
        ax.set_axis_off()
        colours = dict(zip(levels, ["#f3e6c8", "#d6e4f2", "#d8ecd8", "#eeeeee"]))
        pos: dict[tuple[str, str], tuple[float, float]] = {}
        for x, lv in enumerate(levels):
            part = table[table["level"] == lv]
            for j, row in enumerate(part.itertuples(index=False)):
                y = 1 - (j + 1) / (len(part) + 1)
                label = textwrap.shorten(row.name or "?", 16, placeholder="…")
                if lv == "G" and row.target is not None:
                    label += f"\n{row.target:g} {row.metric}" if isinstance(row.target, (int, float)) else "\n?"
                if lv == "M":
                    label += f"\n{row.owner or '?'} · {row.metric or '?'}"
                ax.text(x, y, label, ha="center", va="center", fontsize=8.5,
                        bbox={"boxstyle": "round,pad=0.3", "facecolor": colours[lv], "edgecolor": "#888888"})
                pos.setdefault((lv, row.name), (x, y))
                parents = str(row.parent).split("、") if lv == "S" else [row.parent]
                up = levels[x - 1] if x else None
                for p in parents:
                    key = (up, p) if up else None
                    if key in pos:
                        px, py = pos[key]
                        ax.plot([px + 0.42, x - 0.42], [py, y], color="#999999", lw=0.8, zorder=0)
        for x, name in enumerate(MSGS("levels").split("|")):
            ax.text(x, 1.05, name, ha="center", fontsize=11)
        ax.set_title(MSGS("title"))
        return ax
