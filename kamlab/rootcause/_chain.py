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
  date that cannot be read (use ``YYYY-MM-DD``), is before *today* (by
  default the course day :data:`kamlab._dates.COURSE_TODAY`, 2026-11-01) or
  more than 90 days after it.

The rules are in ``_check.py``, the taxonomy in ``_taxonomy.py``, the
messages in ``_messages.py`` and the chart in ``_chart.py``; this module
holds the chain, its items and the walk over the links (:func:`validate`).

Examples
--------
>>> import pandas as pd
>>> t = pd.DataFrame({"distribution_rate": [0.55, 0.92], "sell_through_rate": [0.9, 0.6]},
...                  index=pd.Index(["C07", "C02"], name="chain_id"))
>>> chain = Chain(problem="C07 铺货不足", root_cause="铺货",
...     evidence=[{"metric": "铺货率", "group": "C07", "value": 0.55}],
...     solutions=[{"action": "补铺 40 家门店", "owner": "王经理", "due": "2026-12-20"}])
>>> for p in chain.validate(t): print(p.code)
few_solutions
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._dates import COURSE_TODAY
from .._errors import BadSpecError
from .._i18n import localized
from .._problems import Problem, did_you_mean
from ..kpi import parse_targets
from ._chart import draw_chain
from ._check import (Groups, check_cause, check_evidence_item, check_problem, check_solution, check_today,
                     check_tolerance, kpi_table_of, problem)
from ._messages import MSGS
from ._taxonomy import (_KEY_ALIASES, CAUSE_ALIASES, CAUSE_EN, CAUSE_SUPPORT, CAUSES, DEFAULT_TARGETS, LINKS,
                        MAX_DUE_DAYS, TOLERANCE, cause_name)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["CAUSES", "CAUSE_ALIASES", "CAUSE_SUPPORT", "CAUSE_EN", "DEFAULT_TARGETS", "MAX_DUE_DAYS", "TOLERANCE",
           "Evidence", "Solution", "Chain", "Problem", "ValidationResult", "validate", "cause_name"]


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


class ValidationResult(list):
    """The broken links of a chain (``Chain.validate``): a list of :class:`~kamlab._problems.Problem`, empty when sound.

    Each problem has ``code``, ``zh``, ``en`` and its place: ``link``
    (problem, evidence, root_cause, solutions) and ``item`` (1-based number
    of the evidence item or solution, else None).

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
                             "code": [p.code for p in self], "message": [p.text() for p in self]},
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
            if name not in LINKS:
                hint_zh, hint_en = did_you_mean(key, LINKS)
                raise BadSpecError(*MSGS.both("err_keys", name=key, hint_zh=hint_zh, hint_en=hint_en),
                                   column=str(key))
            out[name] = value
        return cls(**out)

    def validate(self, k: Any, today: Any = COURSE_TODAY, targets: Mapping[str, float] | None = None,
                 tolerance: Any = TOLERANCE) -> ValidationResult:
        """Every broken link of the chain against the KPI result *k* (empty when sound).

        Parameters
        ----------
        k : KpiResult
            From :func:`kamlab.kpi.compute` (a KPI table DataFrame also works).
        today : str or date
            The day the plan is written; due dates must fall in
            ``[today, today + 90 days]``.  Default: the course day
            :data:`kamlab._dates.COURSE_TODAY` (2026-11-01, fixed, so a re-run
            gives the same answer, and the same day as the m07 check).
        targets : dict, optional
            ``metric -> target``, over :data:`DEFAULT_TARGETS`.
        tolerance : (float, float)
            ``(relative, absolute)`` evidence tolerance.

        Returns
        -------
        ValidationResult
            A list of :class:`~kamlab._problems.Problem` (bilingual) with ``.ok``,
            ``.table`` and ``.plot()``.
        """
        return validate(self, k, today=today, targets=targets, tolerance=tolerance)

    def plot(self, ax: "Axes | None" = None, check: ValidationResult | None = None, **kwargs: Any) -> "Axes":
        """Draw the chain as four boxes with arrows; links named in *check* are red."""
        status = None if check is None else (MSGS.label("ok") if check.ok else MSGS("broken", n=len(check)))
        return draw_chain(self._box_texts(), {p.link for p in check or ()}, status, ax)

    def _box_texts(self) -> list[str]:
        """The text of each box of the chart: problem, evidence (4 at most), cause, solutions (4 at most)."""
        ev_lines = []
        for e in self.evidence[:4]:
            if isinstance(e, Evidence):
                g = " / ".join(map(str, e.group)) if isinstance(e.group, (tuple, list)) else str(e.group)
                ev_lines.append(f"{g} {e.metric}\n= {e.value}")
            else:
                ev_lines.append(str(e)[:30])
        sol_lines = []
        for s in self.solutions[:4]:
            if isinstance(s, Solution):
                sol_lines.append(f"{textwrap.shorten(str(s.action or ''), 14, placeholder='…')}\n"
                                 f"{s.owner or '?'} · {s.due or '?'}")
            else:
                sol_lines.append(str(s)[:30])
        cause = cause_name(self.root_cause)
        cause_text = (localized(f"{cause}\n({CAUSE_EN[cause]})", CAUSE_EN[cause]) if cause
                      else str(self.root_cause or "—"))
        problem_text = "\n".join(textwrap.wrap(str(self.problem or "—"), width=16, break_long_words=True)) or "—"
        return [problem_text, "\n".join(ev_lines) or "—", cause_text, "\n".join(sol_lines) or "—"]


def validate(chain: Any, k: Any, *, today: Any = COURSE_TODAY, targets: Mapping[str, float] | None = None,
             tolerance: Any = TOLERANCE) -> ValidationResult:
    """Every broken link of *chain* (a :class:`Chain` or a dict) against the KPI result *k*.

    See :meth:`Chain.validate` and the module docstring for the rules; *today*
    defaults to the course day :data:`kamlab._dates.COURSE_TODAY`.

    Examples
    --------
    >>> t = pd.DataFrame({"distribution_rate": [0.55]}, index=pd.Index(["C07"], name="chain_id"))
    >>> res = validate({"problem": "C07 铺货低", "evidence": [("distribution_rate", "C07", 0.55)],
    ...     "root_cause": "陈列", "solutions": [("补铺", "王经理", "2026-12-01"), ("培训", "", "2027-06-01")]}, t)
    >>> res.table["code"].tolist()
    ['cause_unsupported', 'no_owner', 'due_far']
    """
    chain = Chain.from_dict(chain) if not isinstance(chain, Chain) else chain
    table, by = kpi_table_of(k)
    day: dt.date = check_today(today)
    tol = check_tolerance(tolerance)
    goals = dict(DEFAULT_TARGETS)
    if targets is not None:
        goals.update(parse_targets(targets))
    groups = Groups(table.index, by)
    out: list[Problem] = check_problem(chain.problem)

    flagged: list[tuple[str, str]] = []  # (metric, group label) flagged in the data
    if not chain.evidence:
        out.append(problem("evidence", "no_evidence"))
    for i, ev in enumerate(chain.evidence, start=1):
        if not isinstance(ev, Evidence):
            out.append(problem("evidence", "evidence_type", i, i=i, value=ev))
            continue
        found, miss = check_evidence_item(i, ev.metric, ev.group, ev.value, table, groups, tol, goals)
        out.extend(found)
        if miss is not None:
            flagged.append(miss)

    out.extend(check_cause(chain.root_cause, bool(chain.evidence), flagged, goals))

    if len(chain.solutions) < 2:
        out.append(problem("solutions", "few_solutions", n=len(chain.solutions)))
    for i, sol in enumerate(chain.solutions, start=1):
        if not isinstance(sol, Solution):
            out.append(problem("solutions", "solution_type", i, i=i, value=sol))
            continue
        out.extend(check_solution(i, sol.action, sol.owner, sol.due, day))
    return ValidationResult(out, chain)
