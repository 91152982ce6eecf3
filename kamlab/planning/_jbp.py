"""JBP: the joint business plan with a distributor / retail partner, in the seed's six parts."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages, localized
from .._plotting import new_axes, styled
from .._problems import did_you_mean
from ._common import TOL, Problem, as_list, as_mapping, is_number, text
from ._jbp_rules import PARTNER_KINDS, PARTS, QUARTERS, findings, jbp_problems, part_titles

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["JBP", "PARTS", "QUARTERS"]

_SHEETS = {"brand_review": ("1 品牌生意回顾", "1 Brand review"), "brand_plan": ("2 品牌生意计划", "2 Brand plan"),
           "partner_review": ("3 {zh}执行复盘", "3 {en} review"),
           "partner_finance": ("4 {zh}财务回顾", "4 {en} finance"),
           "partner_targets": ("5 {zh}财务目标", "5 {en} targets"),
           "actions": ("6 合作实施计划", "6 Joint actions")}
_TOP = ("year", "partner", "partner_kind") + tuple(p[0] for p in PARTS)

MSGS = Messages({
    "kind": ("JBP 的 partner_kind（合作伙伴类型）应是 {known}，收到的是 {value!r}。",
             "The JBP's partner_kind must be one of {known}, got {value!r}."),
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


class JBP:
    """A joint business plan from a plain dict, in the seed's six parts.

    Parameters
    ----------
    spec : dict
        ``year`` (the plan year, int), ``partner`` (name), optionally
        ``partner_kind`` (``"distributor"``, the seed's default, or
        ``"retailer"`` for a KA retail customer: the headings of parts 3–6 name
        the partner, :func:`part_titles`) and the six parts:

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
                hz, he = did_you_mean(key, _TOP)
                raise BadSpecError(*MSGS.both("unknown", name=key, hint=hz, hint_en=he, known=", ".join(_TOP)),
                                   column=str(key))
        year = spec.get("year")
        if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
            raise BadSpecError(*MSGS.both("year", value=year), column="year")
        self.year = int(year)
        self.partner = text(spec.get("partner")) or "—"
        kind = spec.get("partner_kind", "distributor")
        if kind not in PARTNER_KINDS:
            raise BadSpecError(*MSGS.both("kind", value=kind, known=", ".join(PARTNER_KINDS)), column="partner_kind")
        self.kind = str(kind)
        #: The six parts with headings that name the partner (key, 中文, English).
        self.titles = part_titles(self.kind)
        self.tol = float(tol)
        parts: dict[str, Any] = {}
        for key, zh, en in PARTS:
            value = spec.get(key)
            if key in ("brand_review", "brand_plan", "partner_finance", "partner_targets") and value is not None:
                value = dict(as_mapping(value, key, zh, en))
            elif key == "partner_review" and value is not None:
                value = {"findings": findings(value, key)}
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
        """Every broken rule (empty list: the plan holds together): the rules of ``jbp_problems``."""
        return jbp_problems(self)

    @property
    def ok(self) -> bool:
        """True when :meth:`validate` finds nothing."""
        return not self.validate()

    def report(self) -> str:
        """✓ or the list of problems, in the current language."""
        problems = self.validate()
        return MSGS("ok") if not problems else "\n".join(f"✗ {p.text()}" for p in problems)

    # ------------------------------------------------------------------ tables
    def frames(self) -> dict[str, pd.DataFrame]:
        """One DataFrame per part (key -> table), as exported to XLSX and Markdown."""
        out: dict[str, pd.DataFrame] = {}
        review = self.parts.get("brand_review") or {}
        rows = [(MSGS("total"), review.get("sales"))]
        rows += [(str(k), v) for k, v in (review.get("by_category") or {}).items()]
        rows += [(f"{MSGS('finding')} {i}", f) for i, f in enumerate(findings(review, "brand_review"), start=1)]
        out["brand_review"] = pd.DataFrame(rows, columns=["item", "value"])
        plan = self.parts.get("brand_plan") or {}
        rows = [("total", MSGS("total"), plan.get("target"), "")]
        for field in ("by_category", "by_quarter"):
            rows += [(field, str(k), v, "") for k, v in (plan.get(field) or {}).items()]
        rows += [("strategy", text(s.get("strategy")), None, text(s.get("owner"))) for s in self.strategies]
        out["brand_plan"] = pd.DataFrame(rows, columns=["dimension", "item", "target", "owner"])
        out["partner_review"] = pd.DataFrame(
            {"n": range(1, len(f := findings(self.parts.get("partner_review"), "partner_review")) + 1),
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
        return out

    @property
    def table(self) -> pd.DataFrame:
        """One row per part: part, title, items, problems."""
        frames = self.frames()
        problems = self.validate()
        rows = [(key, localized(zh, en), len(frames[key]),
                 sum(p.field.split(".")[0] == key for p in problems)) for key, zh, en in self.titles]
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
        frames = self.frames()
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            summary = self.table
            summary.to_excel(writer, sheet_name="JBP", index=False)
            zh, en = PARTNER_KINDS[self.kind]
            for key, _zh, _en in self.titles:
                sheet = localized(*_SHEETS[key]).format(zh=zh, en=en)
                frames[key].to_excel(writer, sheet_name=sheet, index=False)
        return path

    def to_markdown(self) -> str:
        """The plan as Markdown for the meeting: a heading per part and a table each, then the problems.

        Examples
        --------
        >>> md = JBP({"year": 2027, "partner": "ABC零售", "partner_kind": "retailer"}).to_markdown()
        >>> md.splitlines()[0], [s for s in md.splitlines() if s.startswith("## 3")]
        ('# ABC零售 2027 联合生意计划（JBP）', ['## 3. 零售客户的上阶段实施情况复盘'])
        """
        head = f"# {self.partner} {self.year} " + localized("联合生意计划（JBP）", "joint business plan (JBP)")
        lines = [head, ""]
        frames = self.frames()
        for n, (key, zh, en) in enumerate(self.titles, start=1):
            lines += [f"## {n}. {localized(zh, en)}", "", _md_table(frames[key]), ""]
        lines += ["## " + localized("检查", "Checks"), "", self.report(), ""]
        return "\n".join(lines)

    @styled
    def plot(self, ax: "Axes | None" = None) -> "Axes":
        """Bars of last period's sales and next period's target by category, with the growth."""
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
