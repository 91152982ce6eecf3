"""The root-cause chain (问题描述 → 数据验证 → 根本原因 → 解决方案 → 责任人 → 时间节点).

A trainee writes one literal::

    {"problem": "C07 铺货率低", "evidence": [{"metric": "distribution_rate", "group": "C07", "value": 0.55}],
     "root_cause": "铺货", "solutions": [{"action": "...", "owner": "王经理", "due": "2026-12-15"}, ...]}

and :meth:`Chain.validate` checks it against a KPI table
(:func:`kamlab.kpi.compute`), naming every broken link:

* problem: empty description;
* evidence: none given; a malformed item; an unknown metric (did-you-mean);
  a group not in the KPI table; a value that is not a number or does not
  match the table — it matches when ``|value − actual| ≤ max(rel × |actual|,
  abs)`` with ``tolerance = (rel, abs) = (0.01, 0.005)`` by default (1 %
  relative or 0.005 absolute, whichever is larger; rates are fractions);
* root cause: not in the fixed taxonomy :data:`CAUSES` (English aliases
  accepted, did-you-mean); or not supported — no evidence item cites a
  metric of :data:`CAUSE_SUPPORT` for that cause that is *flagged*, i.e.
  misses its target in that group of the KPI table (targets: *targets*
  over :data:`DEFAULT_TARGETS`; below target, or above it for days of
  inventory);
* solutions: fewer than two; a solution without action or owner; a due
  date that cannot be read (use ``YYYY-MM-DD``), is before *today* or more
  than 90 days after it.

Examples
--------
>>> import pandas as pd
>>> t = pd.DataFrame({"distribution_rate": [0.55, 0.92], "sell_through_rate": [0.9, 0.6]},
...                  index=pd.Index(["C07", "C02"], name="chain_id"))
>>> chain = Chain(problem="C07 铺货不足", root_cause="铺货",
...     evidence=[{"metric": "铺货率", "group": "C07", "value": 0.55}],
...     solutions=[{"action": "补铺 40 家门店", "owner": "王经理", "due": "2026-12-20"}])
>>> for p in chain.validate(t, today="2026-11-24"): print(p.code)
few_solutions
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._dates import blank as _blank
from .._dates import due_rule
from .._errors import BadSpecError
from .._i18n import Messages, get_language
from .._plotting import new_axes, styled
from ..kpi._compute import METRICS, RATE_METRICS, KpiResult, below_target, metric_name, parse_targets

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["CAUSES", "CAUSE_ALIASES", "CAUSE_SUPPORT", "DEFAULT_TARGETS", "MAX_DUE_DAYS", "TOLERANCE",
           "Evidence", "Solution", "Chain", "Problem", "ValidationResult", "validate", "cause_name"]

#: The fixed root-cause taxonomy.
CAUSES = ("铺货", "陈列", "价格", "店员", "促销", "库存", "竞品", "其他")
#: English (and other) names accepted for each cause.
CAUSE_ALIASES = {"distribution": "铺货", "display": "陈列", "price": "价格", "pricing": "价格", "clerk": "店员",
                 "clerks": "店员", "promotion": "促销", "promo": "促销", "inventory": "库存", "stock": "库存",
                 "competitor": "竞品", "competition": "竞品", "other": "其他", "others": "其他",
                 "铺货率": "铺货", "库存周转": "库存", "店员推荐": "店员"}
_SELL = ("sell_through_rate", "units_per_selling_store", "clerk_recommendation_rate")
#: Metrics whose flag supports each root cause (其他: any metric).
CAUSE_SUPPORT: dict[str, tuple[str, ...]] = {
    "铺货": ("distribution_rate",),
    "陈列": _SELL, "价格": _SELL, "店员": _SELL, "促销": _SELL, "竞品": _SELL,
    "库存": ("inventory_turnover", "days_of_inventory"),
    "其他": METRICS,
}
#: Targets used when ``validate(targets=None)`` (and for metrics *targets* leaves out).  Turnover and
#: units per store depend on the period length, so they have no default: pass them in *targets*.
DEFAULT_TARGETS: dict[str, float] = {"distribution_rate": 0.8, "sell_through_rate": 0.8,
                                     "clerk_recommendation_rate": 0.4, "days_of_inventory": 60.0}
#: A due date may be at most this many days after *today*.
MAX_DUE_DAYS = 90
#: Default evidence tolerance: (relative, absolute).
TOLERANCE = (0.01, 0.005)

_LINKS = ("problem", "evidence", "root_cause", "solutions")

MSGS = Messages({
    "problem_missing": ("问题描述为空。请用一句话写出问题，例如「C07 铺货率只有 55%」。",
                        "The problem is empty. State it in one sentence, e.g. 'C07 distribution is only 55%'."),
    "no_evidence": ("没有数据验证：evidence 为空。请至少给出一条证据（指标、分组、数值）。",
                    "No evidence: the evidence list is empty. Give at least one item (metric, group, value)."),
    "evidence_type": ("第 {i} 条证据 {value!r} 无法读取。请写成 {{'metric': ..., 'group': ..., 'value': ...}}。",
                      "Evidence {i} ({value!r}) cannot be read. Write it as "
                      "{{'metric': ..., 'group': ..., 'value': ...}}."),
    "unknown_metric": ("第 {i} 条证据的指标 '{metric}' 不存在{hint_zh}。可用指标：{valid}。",
                       "Evidence {i}: unknown metric '{metric}'{hint_en}. Known metrics: {valid}."),
    "unknown_group": ("第 {i} 条证据的分组 {group!r} 不在 KPI 表中{hint_zh}。KPI 表按 {by} 分组，例如 {examples}。",
                      "Evidence {i}: group {group!r} is not in the KPI table{hint_en}. The table is grouped by "
                      "{by}, e.g. {examples}."),
    "bad_value": ("第 {i} 条证据的数值 {value!r} 不是数字。请填写 KPI 表中的数值（比率写小数，如 0.55）。",
                  "Evidence {i}: value {value!r} is not a number. Enter the number from the KPI table "
                  "(rates as fractions, e.g. 0.55)."),
    "value_mismatch": ("第 {i} 条证据：{group} 的 {metric} 写的是 {value:g}，KPI 表中是 {actual:.4g}（允许误差 {tol}）。"
                       "{pct_zh}请从 KPI 表中读取数值。",
                       "Evidence {i}: {metric} of {group} is given as {value:g} but the KPI table has {actual:.4g} "
                       "(tolerance {tol}). {pct_en}Read the value from the KPI table."),
    "pct_hint": ("比率要写成小数（{value:g}% 写 {frac:g}）。", "Write rates as fractions ({value:g}% is {frac:g}). "),
    "value_undefined": ("第 {i} 条证据：{group} 的 {metric} 在 KPI 表中无定义（分母为 0），不能作为证据。",
                        "Evidence {i}: {metric} of {group} is undefined in the KPI table (zero denominator) and "
                        "cannot serve as evidence."),
    "no_cause": ("没有写根本原因。请从 {valid_zh} 中选择一个。", "No root cause given. Choose one of {valid_en}."),
    "unknown_cause": ("根本原因 '{cause}' 不在分类中{hint_zh}。请从 {valid_zh} 中选择。",
                      "Root cause '{cause}' is not in the taxonomy{hint_en}. Choose one of {valid_en}."),
    "cause_unsupported": (
        "根本原因「{cause}」没有被任何低于目标的指标支持：证据中需要有 {metrics} 之一在该分组低于目标。{flagged_zh}",
        "Root cause '{cause_en}' is not supported by any flagged metric: the evidence needs one of {metrics} "
        "missing its target in its group. {flagged_en}"),
    "flagged_list": ("证据中低于目标的指标：{items}。", "Flagged metrics in the evidence: {items}."),
    "flagged_none": ("证据中没有任何指标低于目标（目标：{targets}）。",
                     "No metric in the evidence misses its target (targets: {targets})."),
    "few_solutions": ("只有 {n} 个解决方案。请至少给出 2 个，每个写明责任人和时间节点。",
                      "Only {n} solution(s). Give at least 2, each with an owner and a due date."),
    "solution_type": ("第 {i} 个解决方案 {value!r} 无法读取。请写成 {{'action': ..., 'owner': ..., 'due': 'YYYY-MM-DD'}}。",
                      "Solution {i} ({value!r}) cannot be read. Write it as "
                      "{{'action': ..., 'owner': ..., 'due': 'YYYY-MM-DD'}}."),
    "no_action": ("第 {i} 个解决方案没有写具体行动（action）。", "Solution {i} has no action."),
    "no_owner": ("第 {i} 个解决方案「{action}」没有责任人（owner）。请写上负责的人。",
                 "Solution {i} ('{action}') has no owner. Name the person responsible."),
    "bad_due": ("第 {i} 个解决方案「{action}」的时间节点 {due!r} 无法识别。请写成 YYYY-MM-DD，例如 2026-12-31。",
                "Solution {i} ('{action}'): due date {due!r} cannot be read. Write it as YYYY-MM-DD, "
                "e.g. 2026-12-31."),
    "due_past": ("第 {i} 个解决方案「{action}」的时间节点 {due} 早于今天 {today}。请定一个未来的日期。",
                 "Solution {i} ('{action}'): due date {due} is before today ({today}). Pick a future date."),
    "due_far": ("第 {i} 个解决方案「{action}」的时间节点 {due} 距今天 {today} 超过 {max} 天。请定在 {last} 之前。",
                "Solution {i} ('{action}'): due date {due} is more than {max} days after today ({today}). "
                "Set it on or before {last}."),
    "err_today": ("today 应是日期，例如 '2026-11-24'，收到 {value!r}。", "today must be a date such as '2026-11-24'; "
                  "got {value!r}."),
    "err_tolerance": ("tolerance 应是两个非负数 (相对, 绝对)，例如 (0.01, 0.005)，收到 {value!r}。",
                      "tolerance must be two numbers >= 0 (relative, absolute), e.g. (0.01, 0.005); got {value!r}."),
    "err_keys": ("链条中的键 '{name}' 无法识别{hint_zh}。可用的键：problem, evidence, root_cause, solutions。",
                 "Unknown key '{name}' in the chain{hint_en}. Known keys: problem, evidence, root_cause, solutions."),
    "err_type": ("链条应是字典，收到 {kind}。", "A chain must be a dict; got {kind}."),
    "err_kpi": ("应传入 kl.kpi.compute(...) 的结果，收到 {kind}。", "Pass the result of kl.kpi.compute(...); got {kind}."),
    "ok": ("链条完整：每一环都有依据。", "The chain is sound: every link holds."),
    "link_problem": ("问题", "Problem"),
    "link_evidence": ("数据验证", "Evidence"),
    "link_root_cause": ("根本原因", "Root cause"),
    "link_solutions": ("解决方案", "Solutions"),
    "title": ("根因链条：问题 → 证据 → 根因 → 方案", "Root-cause chain: problem -> evidence -> cause -> solutions"),
    "broken": ("{n} 处断链", "{n} broken link(s)"),
})

CAUSE_EN = {"铺货": "distribution", "陈列": "display", "价格": "price", "店员": "clerk", "促销": "promotion",
            "库存": "inventory", "竞品": "competitor", "其他": "other"}

_KEY_ALIASES = {
    "problem": "problem", "问题": "problem", "问题描述": "problem",
    "evidence": "evidence", "证据": "evidence", "数据验证": "evidence",
    "root_cause": "root_cause", "cause": "root_cause", "rootcause": "root_cause", "根因": "root_cause",
    "根本原因": "root_cause",
    "solutions": "solutions", "solution": "solutions", "解决方案": "solutions", "方案": "solutions",
    "metric": "metric", "指标": "metric", "group": "group", "分组": "group", "对象": "group", "value": "value",
    "数值": "value", "值": "value",
    "action": "action", "行动": "action", "措施": "action", "owner": "owner", "责任人": "owner",
    "due": "due", "时间节点": "due", "截止日期": "due", "日期": "due",
}


def cause_name(cause: Any) -> str | None:
    """The taxonomy name of *cause* (Chinese or English), or None if unknown.

    Examples
    --------
    >>> cause_name("Distribution"), cause_name("店员"), cause_name("天气")
    ('铺货', '店员', None)
    """
    if not isinstance(cause, str):
        return None
    text = cause.strip()
    if text in CAUSES:
        return text
    return CAUSE_ALIASES.get(text.lower())


@dataclass
class Evidence:
    """One data point behind the problem: a KPI *metric* of a *group* and its *value*.

    *group* is a KPI-table index label: ``"C07"``, or a tuple such as
    ``("C07", "2026-10")`` for a table grouped by two columns.
    """

    metric: str
    group: Any
    value: Any


@dataclass
class Solution:
    """One fix: the *action*, its *owner* (责任人) and *due* date (时间节点, ``YYYY-MM-DD``)."""

    action: str
    owner: Any = None
    due: Any = None


def _canon_keys(d: Mapping) -> dict:
    return {_KEY_ALIASES.get(str(k).strip().lower(), k): v for k, v in d.items()}


def _to_item(raw: Any, cls: type) -> Any:
    """Evidence / Solution from a dataclass, dict or tuple; the raw value if it cannot be read."""
    if isinstance(raw, cls):
        return raw
    names = [f.name for f in fields(cls)]
    try:
        if isinstance(raw, Mapping):
            d = _canon_keys(raw)
            if set(d) - set(names):
                return raw
            return cls(**d)
        if isinstance(raw, (tuple, list)) and 1 <= len(raw) <= len(names):
            return cls(*raw)
        if cls is Solution and isinstance(raw, str):
            return Solution(action=raw)
    except TypeError:
        return raw
    return raw


def _as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, (Mapping, str, Evidence, Solution)):
        return [value]
    if isinstance(value, Iterable):
        return list(value)
    return [value]


class Problem(str):
    """One broken link: a bilingual message (current language first) with its place in the chain.

    Attributes: ``link`` (problem, evidence, root_cause, solutions), ``item``
    (1-based number of the evidence item or solution, else None), ``code``
    (e.g. ``"no_owner"``), ``zh`` and ``en``.
    """

    link: str
    item: int | None
    code: str
    zh: str
    en: str

    def __new__(cls, link: str, code: str, item: int | None = None, **fields_: Any) -> "Problem":
        zh, en = MSGS.both(code, **fields_)
        first, second = (zh, en) if get_language() == "zh" else (en, zh)
        obj = super().__new__(cls, f"{first}\n{second}")
        obj.link, obj.item, obj.code, obj.zh, obj.en = link, item, code, zh, en
        return obj

    @property
    def message(self) -> str:
        """The message in the current language."""
        return self.zh if get_language() == "zh" else self.en


class ValidationResult(list):
    """The broken links of a chain (``Chain.validate``): a list of :class:`Problem`, empty when sound.

    ``.ok`` is True when the list is empty; ``.problems`` is the list;
    ``.table`` a DataFrame (link, item, code, message); ``.plot()`` draws
    the chain with broken links in red.
    """

    def __init__(self, problems: Iterable[Problem], chain: "Chain") -> None:
        super().__init__(problems)
        self.chain = chain

    @property
    def ok(self) -> bool:
        """True when no link is broken."""
        return len(self) == 0

    @property
    def problems(self) -> list[Problem]:
        """The broken links as a plain list."""
        return list(self)

    @property
    def table(self) -> pd.DataFrame:
        """One row per broken link: link, item, code, message (current language)."""
        return pd.DataFrame({"link": [p.link for p in self], "item": [p.item for p in self],
                             "code": [p.code for p in self], "message": [p.message for p in self]},
                            columns=["link", "item", "code", "message"])

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Draw the chain, broken links in red."""
        return self.chain.plot(ax=ax, check=self)

    def _repr_html_(self) -> str:
        if self.ok:
            return f"<p>✅ {MSGS.label('ok')}</p>"
        return self.table._repr_html_()  # type: ignore[operator]


@dataclass
class Chain:
    """A root-cause chain: problem → evidence → root cause → solutions.

    Parameters
    ----------
    problem : str
        One sentence (问题描述).
    evidence : list
        Items of :class:`Evidence`, or dicts ``{"metric", "group", "value"}``
        or tuples ``(metric, group, value)``.
    root_cause : str
        One of :data:`CAUSES` (or its English name).
    solutions : list
        Items of :class:`Solution`, or dicts ``{"action", "owner", "due"}``.

    Nothing is checked when the chain is built — :meth:`validate` reports
    every problem at once.

    Examples
    --------
    >>> c = Chain(problem="p", evidence=[("distribution_rate", "C07", 0.55)], root_cause="distribution",
    ...           solutions=[{"action": "a", "owner": "王", "due": "2026-12-01"}])
    >>> c.evidence[0], c.solutions[0].owner
    (Evidence(metric='distribution_rate', group='C07', value=0.55), '王')
    """

    problem: Any = ""
    evidence: list = field(default_factory=list)
    root_cause: Any = ""
    solutions: list = field(default_factory=list)

    def __post_init__(self) -> None:
        self.evidence = [_to_item(e, Evidence) for e in _as_list(self.evidence)]
        self.solutions = [_to_item(s, Solution) for s in _as_list(self.solutions)]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Chain":
        """Build a chain from one literal (Chinese keys 问题/证据/根因/解决方案 also work).

        Examples
        --------
        >>> Chain.from_dict({"问题": "C07 铺货低", "根因": "铺货"}).root_cause
        '铺货'
        """
        if isinstance(d, Chain):
            return d
        if not isinstance(d, Mapping):
            raise BadSpecError(*MSGS.both("err_type", kind=type(d).__name__), column="chain")
        out = {}
        for key, value in d.items():
            name = _KEY_ALIASES.get(str(key).strip().lower())
            if name not in _LINKS:
                close = difflib.get_close_matches(str(key), list(_LINKS), n=1, cutoff=0.5)
                hint = close[0] if close else None
                raise BadSpecError(*MSGS.both("err_keys", name=key,
                                              hint_zh=f"（是不是 '{hint}'？）" if hint else "",
                                              hint_en=f" (did you mean '{hint}'?)" if hint else ""), column=str(key))
            out[name] = value
        return cls(**out)

    def validate(self, k: Any, today: Any = "2026-11-24", targets: Mapping[str, float] | None = None,
                 tolerance: Any = TOLERANCE) -> ValidationResult:
        """Every broken link of the chain against the KPI result *k* (empty when sound).

        Parameters
        ----------
        k : KpiResult
            From :func:`kamlab.kpi.compute` (a KPI table DataFrame also works).
        today : str or date
            The day the plan is written; due dates must fall in
            ``[today, today + 90 days]``.  Default: the course day
            2026-11-24 (fixed, so a re-run gives the same answer).
        targets : dict, optional
            ``metric -> target``, over :data:`DEFAULT_TARGETS`.
        tolerance : (float, float)
            ``(relative, absolute)`` evidence tolerance.

        Returns
        -------
        ValidationResult
            A list of :class:`Problem` (bilingual messages) with ``.ok``,
            ``.table`` and ``.plot()``.
        """
        return validate(self, k, today=today, targets=targets, tolerance=tolerance)

    def plot(self, ax: "Axes | None" = None, check: ValidationResult | None = None, **kwargs: Any) -> "Axes":
        """Draw the chain as four boxes with arrows; links named in *check* are red."""
        return _plot_chain(self, check, ax)


# ---------------------------------------------------------------------- validation
_DATE_RE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def _parse_date(value: Any) -> dt.date | None:
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else pd.Timestamp(value).date()
    if isinstance(value, str):
        m = _DATE_RE.match(value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, (bool, np.bool_)) or value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            return float(text[:-1]) / 100 if text.endswith("%") else float(text)
        except ValueError:
            return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


class _Groups:
    """Look-up of a trainee's group label in the KPI table index."""

    def __init__(self, index: pd.Index, by: tuple[str, ...]) -> None:
        self.index = index
        self.by = by
        self.multi = index.nlevels > 1
        self.text = {self._key(g): g for g in index}

    @staticmethod
    def _key(g: Any) -> str:
        return " / ".join(str(x).strip() for x in g) if isinstance(g, tuple) else str(g).strip()

    def find(self, group: Any) -> Any:
        """The index label *group* names, or None."""
        if isinstance(group, Mapping) and self.multi:
            group = tuple(group.get(n) for n in self.index.names)
        if isinstance(group, list):
            group = tuple(group)
        if isinstance(group, tuple) and len(group) == 1 and not self.multi:
            group = group[0]
        if not self.by and (group is None or str(group).strip() in ("all", "全部", "")):
            return self.index[0]
        if isinstance(group, str) and self.multi:
            group = tuple(part.strip() for part in group.split("/"))
        if self.multi and not (isinstance(group, tuple) and len(group) == self.index.nlevels):
            return None
        try:
            if group in self.index:
                return group
        except (TypeError, ValueError):
            return None
        return self.text.get(self._key(group))

    def hint(self, group: Any) -> str | None:
        key = self._key(tuple(group) if isinstance(group, list) else group)
        close = difflib.get_close_matches(key, list(self.text), n=1, cutoff=0.6)
        return close[0] if close else None

    def examples(self) -> str:
        return ", ".join(repr(g) for g in self.index[:3])


def _kpi_table(k: Any) -> tuple[pd.DataFrame, tuple[str, ...]]:
    if isinstance(k, KpiResult):
        return k.table, k.by
    if isinstance(k, pd.DataFrame):
        names = tuple(n for n in k.index.names if n is not None and n != "group")
        return k, names
    raise BadSpecError(*MSGS.both("err_kpi", kind=type(k).__name__), column="k")


def _tolerance(tolerance: Any) -> tuple[float, float]:
    try:
        rel, abs_ = (float(x) for x in tolerance)
        if not (math.isfinite(rel) and math.isfinite(abs_) and rel >= 0 and abs_ >= 0):
            raise ValueError
    except (TypeError, ValueError):
        raise BadSpecError(*MSGS.both("err_tolerance", value=tolerance), column="tolerance") from None
    return rel, abs_


def _fmt_value(metric: str, value: float) -> str:
    return f"{value:.1%}" if metric in RATE_METRICS else f"{value:,.4g}"


def validate(chain: Any, k: Any, *, today: Any = "2026-11-24", targets: Mapping[str, float] | None = None,
             tolerance: Any = TOLERANCE) -> ValidationResult:
    """Every broken link of *chain* (a :class:`Chain` or a dict) against the KPI result *k*.

    See :meth:`Chain.validate` and the module docstring for the rules.

    Examples
    --------
    >>> t = pd.DataFrame({"distribution_rate": [0.55]}, index=pd.Index(["C07"], name="chain_id"))
    >>> res = validate({"problem": "C07 铺货低", "evidence": [("distribution_rate", "C07", 0.55)],
    ...     "root_cause": "陈列", "solutions": [("补铺", "王经理", "2026-12-01"), ("培训", "", "2027-06-01")]},
    ...     t, today="2026-11-24")
    >>> res.table["code"].tolist()
    ['cause_unsupported', 'no_owner', 'due_far']
    """
    chain = Chain.from_dict(chain) if not isinstance(chain, Chain) else chain
    table, by = _kpi_table(k)
    day = _parse_date(today)
    if day is None:
        raise BadSpecError(*MSGS.both("err_today", value=today), column="today")
    rel, abs_ = _tolerance(tolerance)
    goals = dict(DEFAULT_TARGETS)
    if targets is not None:
        goals.update(parse_targets(targets))
    groups = _Groups(table.index, by)
    out: list[Problem] = []

    # problem
    if _blank(chain.problem) or not isinstance(chain.problem, str):
        out.append(Problem("problem", "problem_missing"))

    # evidence
    flagged: list[tuple[str, Any]] = []  # (metric, group label) flagged in the data
    if not chain.evidence:
        out.append(Problem("evidence", "no_evidence"))
    available = tuple(m for m in METRICS if m in table.columns)
    for i, ev in enumerate(chain.evidence, start=1):
        if not isinstance(ev, Evidence):
            out.append(Problem("evidence", "evidence_type", i, i=i, value=ev))
            continue
        try:
            metric = metric_name(ev.metric, allowed=available)
        except BadSpecError:
            key = str(ev.metric)
            close = difflib.get_close_matches(key, list(available), n=1, cutoff=0.5)
            hint = close[0] if close else None
            out.append(Problem("evidence", "unknown_metric", i, i=i, metric=ev.metric, valid=", ".join(available),
                               hint_zh=f"（是不是 '{hint}'？）" if hint else "",
                               hint_en=f" (did you mean '{hint}'?)" if hint else ""))
            metric = None
        label = groups.find(ev.group)
        if label is None:
            hint = groups.hint(ev.group)
            out.append(Problem("evidence", "unknown_group", i, i=i, group=ev.group,
                               by=" + ".join(by) if by else "（无）/ (none)", examples=groups.examples(),
                               hint_zh=f"（是不是 '{hint}'？）" if hint else "",
                               hint_en=f" (did you mean '{hint}'?)" if hint else ""))
        if metric is None or label is None:
            continue
        actual = float(table.loc[label, metric])
        shown = groups._key(label)
        if math.isnan(actual):
            out.append(Problem("evidence", "value_undefined", i, i=i, group=shown, metric=metric))
            continue
        value = _number(ev.value)
        if value is None:
            out.append(Problem("evidence", "bad_value", i, i=i, value=ev.value))
        else:
            tol = max(rel * abs(actual), abs_)
            if abs(value - actual) > tol:
                pct_zh = pct_en = ""
                if metric in RATE_METRICS and abs(value / 100 - actual) <= tol:
                    pct_zh, pct_en = MSGS.both("pct_hint", value=value, frac=round(value / 100, 6))
                out.append(Problem("evidence", "value_mismatch", i, i=i, group=shown, metric=metric, value=value,
                                   actual=actual, tol=f"±{tol:.4g}", pct_zh=pct_zh, pct_en=pct_en))
        if metric in goals and bool(below_target(np.array([actual]), metric, goals[metric])[0]):
            flagged.append((metric, shown))

    # root cause
    cause = cause_name(chain.root_cause)
    if _blank(chain.root_cause):
        out.append(Problem("root_cause", "no_cause", valid_zh="、".join(CAUSES),
                           valid_en=", ".join(CAUSE_EN.values())))
    elif cause is None:
        choices = [*CAUSES, *CAUSE_ALIASES]
        close = difflib.get_close_matches(str(chain.root_cause).strip().lower(), choices, n=1, cutoff=0.5)
        hint = cause_name(close[0]) if close else None
        out.append(Problem("root_cause", "unknown_cause", cause=chain.root_cause,
                           valid_zh="、".join(CAUSES) + " / " + ", ".join(CAUSE_EN.values()),
                           valid_en=", ".join(CAUSE_EN.values()),
                           hint_zh=f"（是不是 '{hint}'？）" if hint else "",
                           hint_en=f" (did you mean '{CAUSE_EN[hint]}'?)" if hint else ""))
    elif chain.evidence:  # with no evidence at all, "no_evidence" already says it
        support = CAUSE_SUPPORT[cause]
        if not any(m in support for m, _ in flagged):
            items = ", ".join(f"{g} {m}" for m, g in flagged)
            targets_text = ", ".join(f"{m} {_fmt_value(m, v)}" for m, v in goals.items())
            fz, fe = (MSGS.both("flagged_list", items=items) if flagged else
                      MSGS.both("flagged_none", targets=targets_text))
            out.append(Problem("root_cause", "cause_unsupported", cause=cause, cause_en=CAUSE_EN[cause],
                               metrics=", ".join(support) if cause != "其他" else "any KPI",
                               flagged_zh=fz, flagged_en=fe))

    # solutions
    if len(chain.solutions) < 2:
        out.append(Problem("solutions", "few_solutions", n=len(chain.solutions)))
    for i, sol in enumerate(chain.solutions, start=1):
        if not isinstance(sol, Solution):
            out.append(Problem("solutions", "solution_type", i, i=i, value=sol))
            continue
        action = "" if _blank(sol.action) else str(sol.action).strip()
        if not action:
            out.append(Problem("solutions", "no_action", i, i=i))
        short = textwrap.shorten(action, 30, placeholder="…") if action else "?"
        if _blank(sol.owner):
            out.append(Problem("solutions", "no_owner", i, i=i, action=short))
        broken = due_rule(_parse_date(sol.due), day, MAX_DUE_DAYS)
        if broken is not None:
            code, fields_ = broken
            out.append(Problem("solutions", code, i, i=i, action=short, **(fields_ or {"due": sol.due})))
    return ValidationResult(out, chain)


# ---------------------------------------------------------------------- chart
def _wrap(text: str, width: int = 16) -> str:
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=True)) or "—"


@styled
def _plot_chain(chain: Chain, check: ValidationResult | None, ax: "Axes | None") -> "Axes":
    fig, ax = new_axes(ax, figsize=(11.0, 4.2))
    broken = {p.link for p in check} if check is not None else set()
    ev_lines = []
    for e in chain.evidence[:4]:
        if isinstance(e, Evidence):
            g = " / ".join(map(str, e.group)) if isinstance(e.group, (tuple, list)) else str(e.group)
            ev_lines.append(f"{g} {e.metric}\n= {e.value}")
        else:
            ev_lines.append(str(e)[:30])
    sol_lines = []
    for s in chain.solutions[:4]:
        if isinstance(s, Solution):
            sol_lines.append(f"{textwrap.shorten(str(s.action or ''), 14, placeholder='…')}\n"
                             f"{s.owner or '?'} · {s.due or '?'}")
        else:
            sol_lines.append(str(s)[:30])
    cause = cause_name(chain.root_cause)
    texts = [_wrap(str(chain.problem or "—")),
             "\n".join(ev_lines) or "—",
             ((f"{cause}\n({CAUSE_EN[cause]})" if get_language() == "zh" else CAUSE_EN[cause]) if cause
              else str(chain.root_cause or "—")),
             "\n".join(sol_lines) or "—"]
    xs = [0.12, 0.37, 0.62, 0.87]
    for x, link, text in zip(xs, _LINKS, texts):
        bad = link in broken
        ax.text(x, 0.82, MSGS.label(f"link_{link}"), ha="center", va="center", fontsize=11, weight="bold",
                transform=ax.transAxes)
        ax.text(x, 0.45, text, ha="center", va="center", fontsize=8.5, transform=ax.transAxes,
                bbox={"boxstyle": "round,pad=0.6", "facecolor": "#F8D7DA" if bad else "#E2EFDA",
                      "edgecolor": "#C44E52" if bad else "#55A868", "linewidth": 2 if bad else 1})
    for x0, x1 in zip(xs[:-1], xs[1:]):
        ax.annotate("", xy=(x1 - 0.1, 0.45), xytext=(x0 + 0.1, 0.45), xycoords="axes fraction",
                    arrowprops={"arrowstyle": "->", "color": "#333333", "lw": 1.5})
    ax.set_axis_off()
    title = MSGS.label("title")
    if check is not None:
        title += "  ·  " + (MSGS.label("ok") if check.ok else MSGS("broken", n=len(check)))
    ax.set_title(title)
    return ax
