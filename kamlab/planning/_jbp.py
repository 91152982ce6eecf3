"""JBP: the joint business plan with a distributor / retail partner, in the seed's six parts."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages, get_language
from .._plotting import new_axes, styled
from ._common import TOL, Problem, as_list, as_mapping, is_number, parse_date, text

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["JBP", "PARTS", "QUARTERS"]

#: The six parts of a JBP (seed 003 stage 3): key, 中文, English.
PARTS: tuple[tuple[str, str, str], ...] = (
    ("brand_review", "品牌厂商的上阶段生意回顾", "Brand: review of the last period"),
    ("brand_plan", "品牌厂商的下阶段生意计划", "Brand: business plan for the next period"),
    ("partner_review", "经销商的上阶段实施情况复盘", "Partner: review of last period's execution"),
    ("partner_finance", "经销商的上阶段经营财务状况回顾", "Partner: last period's financial results"),
    ("partner_targets", "经销商的下阶段经营财务目标与计划", "Partner: next period's financial targets and plan"),
    ("actions", "经销商的下阶段生意合作实施计划", "Partner: joint implementation plan for the next period"),
)
_SHEETS = {"brand_review": ("1 品牌生意回顾", "1 Brand review"), "brand_plan": ("2 品牌生意计划", "2 Brand plan"),
           "partner_review": ("3 经销商执行复盘", "3 Partner review"),
           "partner_finance": ("4 经销商财务回顾", "4 Partner finance"),
           "partner_targets": ("5 经销商财务目标", "5 Partner targets"),
           "actions": ("6 合作实施计划", "6 Joint actions")}
#: Quarter names of the plan year.
QUARTERS = ("Q1", "Q2", "Q3", "Q4")
_TOP = ("year", "partner") + tuple(p[0] for p in PARTS)

MSGS = Messages({
    "part_missing": ("JBP 缺少第 {n} 部分「{title}」（{part}）：请补上。",
                     "The JBP lacks part {n} '{title}' ({part}): add it."),
    "review_number": ("brand_review 的 sales（上阶段销售额）不是数字（{value!r}）。",
                      "brand_review: sales (last period) is not a number ({value!r})."),
    "findings": ("{part} 没有任何发现（findings）：至少写一条。", "{part} has no findings: write at least one."),
    "target_number": ("brand_plan 的 target（下阶段总目标）不是正数（{value!r}）。",
                      "brand_plan: target (the next period's total) is not a positive number ({value!r})."),
    "split_missing": ("brand_plan 没有 {field}：请把总目标分解到{what}。",
                      "brand_plan has no {field}: split the total target by {what_en}."),
    "split_number": ("brand_plan 的 {field} 里「{part}」不是非负数字（{value!r}）。",
                     "brand_plan: {field} '{part}' is not a non-negative number ({value!r})."),
    "split_sum": ("brand_plan 的 {field} 加起来是 {s:,.2f}，和总目标 {target:,.2f} 差 {gap:+,.2f}（容差 {tol:.1%}）。",
                  "brand_plan: {field} adds up to {s:,.2f}, off the total target {target:,.2f} by {gap:+,.2f} "
                  "(tolerance {tol:.1%})."),
    "quarter_name": ("brand_plan 的 by_quarter 要用 Q1–Q4 四个季度，收到的是 {value}。",
                     "brand_plan: by_quarter must use the four quarters Q1-Q4, got {value}."),
    "no_strategies": ("brand_plan 没有策略（strategies）：至少写一条。", "brand_plan has no strategies: write at least one."),
    "strategy_name": ("brand_plan.strategies 第 {row} 项没有名称（strategy）。",
                      "brand_plan.strategies item {row} has no name (strategy)."),
    "strategy_owner": ("brand_plan.strategies 第 {row} 项「{name}」没有负责人（owner）。",
                       "brand_plan.strategies item {row} '{name}' has no owner."),
    "strategy_actions": ("brand_plan.strategies 第 {row} 项「{name}」在 actions 里没有任何行动：每条策略至少一项行动。",
                         "brand_plan.strategies item {row} '{name}' has no action in actions: give each strategy "
                         "at least one."),
    "finance_number": ("{part} 的「{metric}」不是数字（{value!r}）。", "{part}: '{metric}' is not a number ({value!r})."),
    "no_actions": ("actions 里没有任何行动：至少写一项。", "actions has no action: write at least one."),
    "action_name": ("actions 第 {row} 项没有名称（action）。", "actions item {row} has no name (action)."),
    "action_strategy": ("actions 第 {row} 项「{name}」没有对应到 brand_plan 的策略（strategy = {value!r}）。",
                        "actions item {row} '{name}' is not tied to a strategy of brand_plan (strategy = {value!r})."),
    "action_owner": ("actions 第 {row} 项「{name}」没有负责人（owner）。", "actions item {row} '{name}' has no owner."),
    "action_dates": ("actions 第 {row} 项「{name}」的日期不对（start = {start!r}, due = {due!r}）：写 YYYY-MM-DD，"
                     "开始不晚于完成，都在计划年 {year} 年内。",
                     "actions item {row} '{name}': bad dates (start = {start!r}, due = {due!r}); write YYYY-MM-DD, "
                     "start no later than due, both within the plan year {year}."),
    "action_budget": ("actions 第 {row} 项「{name}」的 budget 不是非负数字（{value!r}）。",
                      "actions item {row} '{name}': budget is not a non-negative number ({value!r})."),
    "review_dates": ("跟踪机制（actions.reviews）不完整：{year} 年每个季度至少一次复盘会，日期写 YYYY-MM-DD；"
                     "缺少的季度：{missing}。",
                     "The tracking (actions.reviews) is incomplete: at least one review meeting in each quarter of "
                     "{year}, dates YYYY-MM-DD; quarters missing: {missing}."),
    "review_outside": ("actions.reviews 第 {row} 个日期 {value!r} 不在计划年 {year} 年内或无法识别。",
                       "actions.reviews date {row} {value!r} is not in the plan year {year} or unreadable."),
    "year": ("JBP 的 year（计划年）应是 2000–2100 之间的整数，收到的是 {value!r}。",
             "The JBP's year (plan year) must be an integer in 2000-2100, got {value!r}."),
    "unknown": ("JBP 里有不认识的键 {name!r}{hint}：请用 {known}。", "Unknown JBP key {name!r}{hint_en}: use {known}."),
    "title": ("{partner} {year} 联合生意计划：各品类目标", "{partner} {year} JBP: targets by category"),
    "last": ("上阶段", "last period"),
    "target": ("下阶段目标", "next period target"),
    "ok": ("✓ JBP 各部分齐全、目标加总一致、每条策略都有行动和负责人。",
           "✓ The JBP is complete: targets add up, every strategy has actions and owners."),
    "summary_rows": ("条目数", "items"),
    "total": ("合计", "total"),
    "finding": ("发现", "finding"),
    "strategy": ("策略", "strategy"),
    "review_meeting": ("复盘会", "review meeting"),
    "tracking": ("跟踪机制", "tracking"),
})


def _lang() -> int:
    return 0 if get_language() == "zh" else 1


def _findings(value: Any, field: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, Mapping):
        value = value.get("findings", [])
    return [text(v) for v in as_list(value, field, "发现列表", "a list of findings")]


class JBP:
    """A joint business plan from a plain dict, in the seed's six parts.

    Parameters
    ----------
    spec : dict
        ``year`` (the plan year, int), ``partner`` (name) and the six parts:

        1. ``brand_review``: ``{"sales": last period total, "by_category": {...}, "findings": [...]}``
        2. ``brand_plan``: ``{"target": total, "by_category": {...}, "by_quarter": {"Q1": ..., ...},
           "strategies": [{"strategy": ..., "owner": ...}]}`` (amounts; they must add up to ``target``)
        3. ``partner_review``: ``{"findings": [...]}`` (or a list)
        4. ``partner_finance``: ``{metric: number}`` (e.g. revenue, gross_margin, inventory_days)
        5. ``partner_targets``: ``{metric: number}``, plus ``"investment": {item: amount}`` (resources)
        6. ``actions``: ``{"actions": [{"action", "strategy", "owner", "start", "due", "budget"}],
           "reviews": [review meeting dates]}`` (the tracking mechanism)

    Raises
    ------
    kamlab.BadSpecError
        Not a dict, an unknown key, a bad ``year``, a part of the wrong type.
        Content problems are listed by :meth:`validate`.

    Examples
    --------
    >>> spec = {"year": 2027, "partner": "ABC零售",
    ...   "brand_review": {"sales": 100, "by_category": {"A": 60, "B": 40}, "findings": ["A 增长放缓"]},
    ...   "brand_plan": {"target": 110, "by_category": {"A": 65, "B": 45},
    ...                  "by_quarter": {"Q1": 30, "Q2": 25, "Q3": 25, "Q4": 30},
    ...                  "strategies": [{"strategy": "补齐铺货", "owner": "张伟"}]},
    ...   "partner_review": ["促销执行率 80%"], "partner_finance": {"revenue": 5000},
    ...   "partner_targets": {"revenue": 5400, "investment": {"促销": 20}},
    ...   "actions": {"actions": [{"action": "断货门店补货", "strategy": "补齐铺货", "owner": "李娜",
    ...                            "start": "2027-01-05", "due": "2027-03-31", "budget": 5}],
    ...               "reviews": ["2027-03-28", "2027-06-27", "2027-09-26", "2027-12-19"]}}
    >>> JBP(spec).validate()
    []
    >>> spec["brand_plan"]["by_category"]["B"] = 35
    >>> [p.rule for p in JBP(spec).validate()]
    ['split_sum']
    """

    def __init__(self, spec: Mapping[str, Any], *, tol: float = TOL) -> None:
        spec = as_mapping(spec, "jbp", "year、partner 和六个部分", "year, partner and the six parts")
        for key in spec:
            if key not in _TOP:
                close = difflib.get_close_matches(str(key), _TOP, n=1, cutoff=0.5)
                hz, he = (f"（是不是 '{close[0]}'？）", f" (did you mean '{close[0]}'?)") if close else ("", "")
                raise BadSpecError(*MSGS.both("unknown", name=key, hint=hz, hint_en=he, known=", ".join(_TOP)),
                                   column=str(key))
        year = spec.get("year")
        if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
            raise BadSpecError(*MSGS.both("year", value=year), column="year")
        self.year = int(year)
        self.partner = text(spec.get("partner")) or "—"
        self.tol = float(tol)
        parts: dict[str, Any] = {}
        for key, zh, en in PARTS:
            value = spec.get(key)
            if key in ("brand_review", "brand_plan", "partner_finance", "partner_targets") and value is not None:
                value = dict(as_mapping(value, key, zh, en))
            elif key == "partner_review" and value is not None:
                value = {"findings": _findings(value, key)}
            elif key == "actions" and value is not None:
                if isinstance(value, Mapping):
                    value = dict(value)
                else:
                    value = {"actions": as_list(value, key, en, en), "reviews": []}
                items = as_list(value.get("actions") or [], "actions", "每项行动一个字典", "one dict per action")
                for i, item in enumerate(items, start=1):
                    if not isinstance(item, Mapping):
                        raise BadSpecError(f"actions 第 {i} 项应是一个字典 {{\"action\": ...}}，收到的是 "
                                           f"{type(item).__name__}。",
                                           f"actions item {i} must be a dict {{\"action\": ...}}, got "
                                           f"{type(item).__name__}.", column="actions", row=i)
                value["actions"] = [dict(a) for a in items]
                value["reviews"] = as_list(value.get("reviews") or [], "reviews", "复盘会日期", "review dates")
            parts[key] = value
        plan = parts.get("brand_plan") or {}
        strategies = as_list(plan.get("strategies") or [], "brand_plan.strategies", "每条策略一个字典",
                             "one dict per strategy")
        out = []
        for i, s in enumerate(strategies, start=1):
            if isinstance(s, str):
                s = {"strategy": s}
            if not isinstance(s, Mapping):
                raise BadSpecError(f"brand_plan.strategies 第 {i} 项应是一个字典 {{\"strategy\": ..., \"owner\": ...}}。",
                                   f"brand_plan.strategies item {i} must be a dict {{\"strategy\": ..., \"owner\": ...}}.",
                                   column="brand_plan.strategies", row=i)
            out.append(dict(s))
        if parts.get("brand_plan") is not None:
            parts["brand_plan"]["strategies"] = out
        self.parts = parts

    # ------------------------------------------------------------------ accessors
    @property
    def target(self) -> float | None:
        """The next period's total target (brand_plan.target), or None."""
        value = (self.parts.get("brand_plan") or {}).get("target")
        return float(value) if is_number(value) else None

    @property
    def strategies(self) -> list[dict[str, Any]]:
        return list((self.parts.get("brand_plan") or {}).get("strategies") or [])

    @property
    def actions(self) -> list[dict[str, Any]]:
        return list((self.parts.get("actions") or {}).get("actions") or [])

    # ------------------------------------------------------------------ checks
    def validate(self) -> list[Problem]:
        """Every broken rule (empty list: the plan holds together).

        Rules: ``part_missing``, ``review_number``, ``findings``,
        ``target_number``, ``split_missing`` / ``split_number`` /
        ``split_sum`` / ``quarter_name`` (targets by category and by quarter
        add up to the total), ``no_strategies``, ``strategy_name``,
        ``strategy_owner``, ``strategy_actions`` (every strategy has
        actions), ``finance_number``, ``no_actions``, ``action_name``,
        ``action_strategy``, ``action_owner``, ``action_dates`` (within the
        plan year), ``action_budget``, ``review_dates`` / ``review_outside``
        (a review meeting in every quarter).
        """
        out: list[Problem] = []

        def add(rule: str, where: str, row: int | None = None, /, **kw: Any) -> None:
            zh, en = MSGS.both(rule, row=row, **kw)
            out.append(Problem(rule, where, row, zh, en))

        for n, (key, zh, en) in enumerate(PARTS, start=1):
            if not self.parts.get(key):
                add("part_missing", key, None, n=n, part=key, title=zh if _lang() == 0 else en)
        review = self.parts.get("brand_review") or {}
        if review and not is_number(review.get("sales")):
            add("review_number", "brand_review", value=review.get("sales"))
        for key in ("brand_review", "partner_review"):
            if self.parts.get(key) and not [f for f in _findings(self.parts[key], key) if f]:
                add("findings", key, part=key)
        plan = self.parts.get("brand_plan") or {}
        if plan:
            target = plan.get("target")
            if not is_number(target) or float(target) <= 0:
                add("target_number", "brand_plan", value=target)
            for field, what, what_en in (("by_category", "各品类", "category"), ("by_quarter", "四个季度", "quarter")):
                split = plan.get(field)
                if not isinstance(split, Mapping) or not split:
                    add("split_missing", "brand_plan", field=field, what=what, what_en=what_en)
                    continue
                bad = [(k, v) for k, v in split.items() if not is_number(v) or float(v) < 0]
                for k, v in bad:
                    add("split_number", "brand_plan", field=field, part=k, value=v)
                if field == "by_quarter" and sorted(map(str, split)) != list(QUARTERS):
                    add("quarter_name", "brand_plan", value=", ".join(map(str, split)))
                if not bad and is_number(target) and float(target) > 0:
                    s = float(sum(float(v) for v in split.values()))
                    if not math.isclose(s, float(target), rel_tol=self.tol):
                        add("split_sum", "brand_plan", field=field, s=s, target=float(target),
                            gap=s - float(target), tol=self.tol)
            if not self.strategies:
                add("no_strategies", "brand_plan")
        acted = {text(a.get("strategy")) for a in self.actions}
        names = set()
        for i, s in enumerate(self.strategies, start=1):
            name = text(s.get("strategy"))
            names.add(name)
            if not name:
                add("strategy_name", "brand_plan.strategies", i)
            if not text(s.get("owner")):
                add("strategy_owner", "brand_plan.strategies", i, name=name)
            if name and name not in acted:
                add("strategy_actions", "brand_plan.strategies", i, name=name)
        for key in ("partner_finance", "partner_targets"):
            for metric, value in (self.parts.get(key) or {}).items():
                values = value.items() if metric == "investment" and isinstance(value, Mapping) else [(metric, value)]
                for m, v in values:
                    if not is_number(v):
                        add("finance_number", key, part=key, metric=m, value=v)
        if self.parts.get("actions") is not None:
            if not self.actions:
                add("no_actions", "actions")
            for i, a in enumerate(self.actions, start=1):
                name = text(a.get("action"))
                if not name:
                    add("action_name", "actions", i)
                if text(a.get("strategy")) not in names - {""}:
                    add("action_strategy", "actions", i, name=name, value=a.get("strategy"))
                if not text(a.get("owner")):
                    add("action_owner", "actions", i, name=name)
                start, due = parse_date(a.get("start")), parse_date(a.get("due"))
                if start is None or due is None or start > due or start.year != self.year or due.year != self.year:
                    add("action_dates", "actions", i, name=name, start=a.get("start"), due=a.get("due"),
                        year=self.year)
                if a.get("budget") is not None and (not is_number(a.get("budget")) or float(a["budget"]) < 0):
                    add("action_budget", "actions", i, name=name, value=a.get("budget"))
            quarters = set()
            for i, d in enumerate(self.parts["actions"].get("reviews") or [], start=1):
                day = parse_date(d)
                if day is None or day.year != self.year:
                    add("review_outside", "actions.reviews", i, value=d, year=self.year)
                else:
                    quarters.add(f"Q{(day.month - 1) // 3 + 1}")
            missing = [q for q in QUARTERS if q not in quarters]
            if missing:
                add("review_dates", "actions.reviews", year=self.year, missing=", ".join(missing))
        return out

    @property
    def ok(self) -> bool:
        """True when :meth:`validate` finds nothing."""
        return not self.validate()

    def report(self) -> str:
        """✓ or the list of problems, in the current language."""
        problems = self.validate()
        return MSGS("ok") if not problems else "\n".join(f"✗ {p.message}" for p in problems)

    # ------------------------------------------------------------------ tables
    def frames(self) -> dict[str, pd.DataFrame]:
        """One DataFrame per part (key -> table), as exported to XLSX and Markdown."""
        lang = _lang()
        out: dict[str, pd.DataFrame] = {}
        review = self.parts.get("brand_review") or {}
        rows = [(MSGS("total"), review.get("sales"))]
        rows += [(str(k), v) for k, v in (review.get("by_category") or {}).items()]
        rows += [(f"{MSGS('finding')} {i}", f) for i, f in enumerate(_findings(review, "brand_review"), start=1)]
        out["brand_review"] = pd.DataFrame(rows, columns=["item", "value"])
        plan = self.parts.get("brand_plan") or {}
        rows = [("total", MSGS("total"), plan.get("target"), "")]
        for field in ("by_category", "by_quarter"):
            rows += [(field, str(k), v, "") for k, v in (plan.get(field) or {}).items()]
        rows += [("strategy", text(s.get("strategy")), None, text(s.get("owner"))) for s in self.strategies]
        out["brand_plan"] = pd.DataFrame(rows, columns=["dimension", "item", "target", "owner"])
        out["partner_review"] = pd.DataFrame(
            {"n": range(1, len(f := _findings(self.parts.get("partner_review"), "partner_review")) + 1),
             "finding": f})
        for key in ("partner_finance", "partner_targets"):
            rows = []
            for metric, value in (self.parts.get(key) or {}).items():
                if metric == "investment" and isinstance(value, Mapping):
                    rows += [(f"investment: {k}", v) for k, v in value.items()]
                else:
                    rows.append((str(metric), value))
            out[key] = pd.DataFrame(rows, columns=["metric", "value"])
        columns = ["action", "strategy", "owner", "start", "due", "budget"]
        rows = [tuple(a.get(c) for c in columns) for a in self.actions]
        rows += [(MSGS("review_meeting"), MSGS("tracking"), "", str(d), str(d), None)
                 for d in (self.parts.get("actions") or {}).get("reviews") or []]
        out["actions"] = pd.DataFrame(rows, columns=columns)
        del lang
        return out

    @property
    def table(self) -> pd.DataFrame:
        """One row per part: part, title, items, problems."""
        frames = self.frames()
        problems = self.validate()
        lang = _lang()
        rows = [(key, zh if lang == 0 else en, len(frames[key]),
                 sum(p.field.split(".")[0] == key for p in problems)) for key, zh, en in PARTS]
        return pd.DataFrame(rows, columns=["part", "title", "items", "problems"])

    def _repr_html_(self) -> str:
        return self.table._repr_html_()  # type: ignore[operator]

    def __repr__(self) -> str:
        return f"JBP(\n{self.table!r}\n)"

    # ------------------------------------------------------------------ export
    def to_xlsx(self, path: str | Path) -> Path:
        """Write the plan to an Excel workbook, one sheet per part (plus a summary sheet first).

        Examples
        --------
        >>> import tempfile, openpyxl
        >>> spec = {"year": 2027, "brand_plan": {"target": 10, "by_category": {"A": 10},
        ...         "by_quarter": {"Q1": 2, "Q2": 3, "Q3": 3, "Q4": 2}, "strategies": []}}
        >>> with tempfile.TemporaryDirectory() as d:
        ...     openpyxl.load_workbook(JBP(spec).to_xlsx(f"{d}/jbp.xlsx")).sheetnames
        ['JBP', '1 品牌生意回顾', '2 品牌生意计划', '3 经销商执行复盘', '4 经销商财务回顾', '5 经销商财务目标', '6 合作实施计划']
        """
        path = Path(path)
        lang = _lang()
        frames = self.frames()
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            summary = self.table
            summary.to_excel(writer, sheet_name="JBP", index=False)
            for key, _zh, _en in PARTS:
                frames[key].to_excel(writer, sheet_name=_SHEETS[key][lang], index=False)
        return path

    def to_markdown(self) -> str:
        """The plan as Markdown for the meeting: a heading per part and a table each, then the problems.

        Examples
        --------
        >>> md = JBP({"year": 2027, "partner": "ABC零售"}).to_markdown()
        >>> md.splitlines()[0]
        '# ABC零售 2027 联合生意计划（JBP）'
        """
        lang = _lang()
        head = f"# {self.partner} {self.year} " + ("联合生意计划（JBP）" if lang == 0 else "joint business plan (JBP)")
        lines = [head, ""]
        frames = self.frames()
        for n, (key, zh, en) in enumerate(PARTS, start=1):
            lines += [f"## {n}. {zh if lang == 0 else en}", "", _md_table(frames[key]), ""]
        lines += ["## " + ("检查" if lang == 0 else "Checks"), "", self.report(), ""]
        return "\n".join(lines)

    @styled
    def plot(self, ax: "Axes | None" = None) -> "Axes":
        """Bars of last period's sales and next period's target by category, with the growth."""
        import numpy as np

        plan = self.parts.get("brand_plan") or {}
        review = self.parts.get("brand_review") or {}
        targets = {str(k): float(v) for k, v in (plan.get("by_category") or {}).items() if is_number(v)}
        last = {str(k): float(v) for k, v in (review.get("by_category") or {}).items() if is_number(v)}
        cats = list(targets) or list(last)
        fig, ax = new_axes(ax, figsize=(8.0, 4.5))
        x = np.arange(len(cats))
        ax.bar(x - 0.2, [last.get(c, 0.0) for c in cats], width=0.4, color="#bbbbbb", label=MSGS("last"))
        ax.bar(x + 0.2, [targets.get(c, 0.0) for c in cats], width=0.4, color="#4c8cbf", label=MSGS("target"))
        for i, c in enumerate(cats):
            if last.get(c) and c in targets:
                ax.text(i + 0.2, targets[c], f"{targets[c] / last[c] - 1:+.1%}", ha="center", va="bottom", fontsize=9)
        ax.set_xticks(x, cats)
        ax.legend()
        ax.set_title(MSGS("title", partner=self.partner, year=self.year))
        return ax


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) >= 1 else f"{value:,.4g}" if abs(value) < 1 \
            else f"{value:,.2f}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def _md_table(frame: pd.DataFrame) -> str:
    """A pipe table (no tabulate needed)."""
    if frame.empty:
        return "—"
    head = "| " + " | ".join(map(str, frame.columns)) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    body = ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])
