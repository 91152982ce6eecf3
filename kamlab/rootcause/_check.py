"""The rules of the root-cause chain check, one function per link (问题 / 证据 / 根因 / 方案).

Each function returns the :class:`~kamlab._problems.Problem` list of its
link (``link`` and ``item`` as location keywords); the walk over a chain is
:func:`kamlab.rootcause.validate`.  Evidence matches the KPI table when
``|value − actual| ≤ max(rel × |actual|, abs)``; a root cause is supported
when an evidence item cites a metric of :data:`CAUSE_SUPPORT` that misses
its target in that group; a due date must fall in ``[today, today + 90]``.

Examples
--------
>>> import datetime as dt
>>> [p.code for p in check_solution(1, "补铺 40 家门店", None, "2026-10-01", dt.date(2026, 11, 1))]
['no_owner', 'due_past']
>>> check_solution(1, "补铺", "王经理", "2026-12-01", dt.date(2026, 11, 1))
[]
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import textwrap
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._dates import blank, due_rule, parse_date
from .._errors import BadSpecError
from .._problems import Problem, did_you_mean
from ..kpi import LABELS, METRICS, RATE_METRICS, KpiResult, below_target, metric_name
from ._messages import MSGS
from ._taxonomy import CAUSE_ALIASES, CAUSE_EN, CAUSE_SUPPORT, CAUSES, MAX_DUE_DAYS, cause_name

__all__ = ["problem", "kpi_table_of", "check_tolerance", "check_today", "Groups", "check_problem",
           "check_evidence_item", "check_cause", "check_solution"]


def problem(link: str, code: str, item: int | None = None, **fields: Any) -> Problem:
    """The :class:`~kamlab._problems.Problem` of message *code* (filled with *fields*) at *link* / *item*.

    Examples
    --------
    >>> p = problem("solutions", "no_action", 2, i=2)
    >>> p.code, p.link, p.item, p.en
    ('no_action', 'solutions', 2, 'Solution 2 has no action.')
    """
    return Problem(code, *MSGS.both(code, **fields), link=link, item=item)


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


class Groups:
    """Look-up of a trainee's group label in the KPI table index."""

    def __init__(self, index: pd.Index, by: tuple[str, ...]) -> None:
        self.index = index
        self.by = by
        self.multi = index.nlevels > 1
        self.text = {self.key(g): g for g in index}

    @staticmethod
    def key(g: Any) -> str:
        """The text of an index label: ``"C07 / 2026-04"`` for a tuple."""
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
        return self.text.get(self.key(group))

    def hint(self, group: Any) -> tuple[str, str]:
        """The did-you-mean suffixes for an unknown *group*."""
        key = self.key(tuple(group) if isinstance(group, list) else group)
        return did_you_mean(key, self.text, cutoff=0.6)

    def examples(self) -> str:
        """The first three labels, for a message."""
        return ", ".join(repr(g) for g in self.index[:3])


def kpi_table_of(k: Any) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The KPI table and its grouping columns from a :class:`~kamlab.kpi.KpiResult` or a DataFrame."""
    if isinstance(k, KpiResult):
        return k.table, k.by
    if isinstance(k, pd.DataFrame):
        names = tuple(n for n in k.index.names if n is not None and n != "group")
        return k, names
    raise BadSpecError(*MSGS.both("err_kpi", kind=type(k).__name__), column="k")


def check_tolerance(tolerance: Any) -> tuple[float, float]:
    """``(relative, absolute)`` as two finite numbers >= 0, or a bilingual BadSpecError."""
    try:
        rel, abs_ = (float(x) for x in tolerance)
        if not (math.isfinite(rel) and math.isfinite(abs_) and rel >= 0 and abs_ >= 0):
            raise ValueError
    except (TypeError, ValueError):
        raise BadSpecError(*MSGS.both("err_tolerance", value=tolerance), column="tolerance") from None
    return rel, abs_


def check_today(today: Any) -> dt.date:
    """The day the plan is written, read with :func:`kamlab._dates.parse_date`, or a bilingual BadSpecError."""
    day = parse_date(today)
    if day is None:
        raise BadSpecError(*MSGS.both("err_today", value=today), column="today")
    return day


def _fmt_value(metric: str, value: float) -> str:
    return f"{value:.1%}" if metric in RATE_METRICS else f"{value:,.4g}"


def check_problem(text: Any) -> list[Problem]:
    """The problem link: a non-empty sentence."""
    if blank(text) or not isinstance(text, str):
        return [problem("problem", "problem_missing")]
    return []


def check_evidence_item(i: int, metric_raw: Any, group: Any, value_raw: Any, table: pd.DataFrame,
                        groups: Groups, tolerance: tuple[float, float],
                        goals: Mapping[str, float]) -> tuple[list[Problem], tuple[str, str] | None]:
    """The problems of evidence item *i*, and ``(metric, group text)`` when that KPI misses its target."""
    out: list[Problem] = []
    available = tuple(m for m in METRICS if m in table.columns)
    try:
        metric: str | None = metric_name(metric_raw, allowed=available)
    except BadSpecError:
        hint_zh, hint_en = did_you_mean(metric_raw, available)
        out.append(problem("evidence", "unknown_metric", i, i=i, metric=metric_raw, valid=", ".join(available),
                           hint_zh=hint_zh, hint_en=hint_en))
        metric = None
    label = groups.find(group)
    if label is None:
        hint_zh, hint_en = groups.hint(group)
        out.append(problem("evidence", "unknown_group", i, i=i, group=group,
                           by=" + ".join(groups.by) if groups.by else "（无）/ (none)",
                           examples=groups.examples(), hint_zh=hint_zh, hint_en=hint_en))
    if metric is None or label is None:
        return out, None
    actual = float(table.loc[label, metric])
    shown = groups.key(label)
    if math.isnan(actual):
        out.append(problem("evidence", "value_undefined", i, i=i, group=shown, metric=metric))
        return out, None
    value = _number(value_raw)
    if value is None:
        out.append(problem("evidence", "bad_value", i, i=i, value=value_raw))
    else:
        rel, abs_ = tolerance
        tol = max(rel * abs(actual), abs_)
        if abs(value - actual) > tol:
            pct_zh = pct_en = ""
            if metric in RATE_METRICS and abs(value / 100 - actual) <= tol:
                pct_zh, pct_en = MSGS.both("pct_hint", value=value, frac=round(value / 100, 6))
            out.append(problem("evidence", "value_mismatch", i, i=i, group=shown, metric=metric, value=value,
                               actual=actual, tol=f"±{tol:.4g}", pct_zh=pct_zh, pct_en=pct_en))
    if metric in goals and bool(below_target(np.array([actual]), metric, goals[metric])[0]):
        return out, (metric, shown)
    return out, None


def check_cause(root_cause: Any, has_evidence: bool, flagged: list[tuple[str, str]],
                goals: Mapping[str, float]) -> list[Problem]:
    """The root-cause link: in the taxonomy, and supported by a flagged metric of the evidence."""
    cause = cause_name(root_cause)
    if blank(root_cause):
        return [problem("root_cause", "no_cause", valid_zh="、".join(CAUSES),
                        valid_en=", ".join(CAUSE_EN.values()))]
    if cause is None:
        # the closest name may be an alias: suggest its taxonomy name (in English in the English message)
        close = difflib.get_close_matches(str(root_cause).strip().lower(), [*CAUSES, *CAUSE_ALIASES], n=1,
                                          cutoff=0.5)
        hint = cause_name(close[0]) if close else None
        hint_zh = did_you_mean(hint, [hint])[0] if hint else ""
        hint_en = did_you_mean(CAUSE_EN[hint], [CAUSE_EN[hint]])[1] if hint else ""
        return [problem("root_cause", "unknown_cause", cause=root_cause,
                        valid_zh="、".join(CAUSES) + " / " + ", ".join(CAUSE_EN.values()),
                        valid_en=", ".join(CAUSE_EN.values()), hint_zh=hint_zh, hint_en=hint_en)]
    if not has_evidence:  # with no evidence at all, "no_evidence" already says it
        return []
    support = CAUSE_SUPPORT[cause]
    if any(m in support for m, _ in flagged):
        return []
    # the metrics by their names in each language (铺货率 / distribution rate), never the column names
    zh_name, en_name = (lambda m: LABELS.both(m)[0]), (lambda m: LABELS.both(m)[1].lower())
    fz = (MSGS.both("flagged_list", items="、".join(f"{g} {zh_name(m)}" for m, g in flagged))[0] if flagged else
          MSGS.both("flagged_none", targets="、".join(f"{zh_name(m)} {_fmt_value(m, v)}" for m, v in goals.items()))[0])
    fe = (MSGS.both("flagged_list", items=", ".join(f"{g} {en_name(m)}" for m, g in flagged))[1] if flagged else
          MSGS.both("flagged_none", targets=", ".join(f"{en_name(m)} {_fmt_value(m, v)}" for m, v in goals.items()))[1])
    return [problem("root_cause", "cause_unsupported", cause=cause, cause_en=CAUSE_EN[cause],
                    metrics_zh="、".join(map(zh_name, support)) if cause != "其他" else "任一指标",
                    metrics_en=", ".join(map(en_name, support)) if cause != "其他" else "any KPI",
                    flagged_zh=fz, flagged_en=fe)]


def check_solution(i: int, action: Any, owner: Any, due: Any, today: dt.date) -> list[Problem]:
    """Solution *i*: an action, an owner and a due date in ``[today, today + MAX_DUE_DAYS]``."""
    out: list[Problem] = []
    text = "" if blank(action) else str(action).strip()
    if not text:
        out.append(problem("solutions", "no_action", i, i=i))
    short = textwrap.shorten(text, 30, placeholder="…") if text else "?"
    if blank(owner):
        out.append(problem("solutions", "no_owner", i, i=i, action=short))
    broken = due_rule(parse_date(due), today, MAX_DUE_DAYS)
    if broken is not None:
        code, fields = broken
        out.append(problem("solutions", code, i, i=i, action=short, **(fields or {"due": due})))
    return out
