"""The integrated service package (一体化服务包) as a plain literal.

Design logic of seed 000 §四 3: 需求匹配 → 资源组合 → 执行步骤 → 效果评估指标,
run by a cross-department key-account group (跨部门大客户合作小组) with a
project owner (项目负责人) and regular project meetings.  A package is one dict::

    {"account": "C18",                 # the key account
     "owner": "王磊",                   # 项目负责人
     "budget": 40,                      # 万元
     "start": "2026-01-05", "end": "2026-03-31",   # the plan window
     "meeting_weeks": 2,                # project meeting every 2 weeks
     "team": {"市场部": "李娜", "品牌部": "赵强", "销售部": "王磊"},   # the group
     "lines": [                         # one line per need
         {"need": "店员产品卖点话术培训",
          "resources": {"R11": 2},      # resource id (or name) -> units
          "steps": [{"step": "门店店员培训", "owner": "王磊",       # 责任人
                     "start": "2026-01-12", "end": "2026-02-27",   # 执行节点
                     "metric": "店员推荐率", "target": 0.35}]}]}   # 效果评估指标

:meth:`ServicePackage.from_dict` reads it and rejects what cannot be read
(wrong types, missing dates, bad quantities) with one bilingual error naming
the field and the line/step; what can be read but is unsound (no owner, a
step without a metric …) is left for :func:`~kamlab.resources.check`.

Examples
--------
>>> p = ServicePackage.from_dict({"owner": "王磊", "budget": 10, "start": "2026-01-05",
...     "end": "2026-03-31", "lines": [{"need": "店员产品卖点话术培训", "resources": {"R11": 2},
...     "steps": [{"step": "培训", "owner": "王磊", "start": "2026-01-12", "end": "2026-02-27",
...                "metric": "店员推荐率", "target": 0.35}]}]})
>>> p.lines[0].steps[0].end.date(), p.budget
(datetime.date(2026, 2, 27), 10.0)
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .._dates import parse_date
from .._errors import BadSpecError, BadValueError, EmptyTableError, MissingColumnError
from .._problems import did_you_mean

__all__ = ["ServicePackage", "PackageLine", "Step"]


def _where(line: int | None, step: int | None = None) -> tuple[str, str, str | None]:
    if line is None:
        return "服务包", "the package", None
    if step is None:
        return f"第 {line} 条服务线", f"line {line}", str(line)
    return f"第 {line} 条服务线第 {step} 步", f"line {line}, step {step}", f"{line}.{step}"


def _text(value: Any) -> str:
    """Text of an optional field: None / NaN / blank -> ''."""
    if value is None or value is Ellipsis:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value).strip()


def _require_step_date(value: Any, name: str, line: int | None, step: int | None = None) -> pd.Timestamp:
    zh, en, row = _where(line, step)
    if value is None or _text(value) == "":
        raise BadSpecError(f"{zh}缺少日期 '{name}'。请填写日期，格式如 '2026-01-15'。",
                           f"{en[0].upper() + en[1:]} has no date '{name}'. Enter a date such as '2026-01-15'.",
                           column=name, row=row)
    day = parse_date(value, with_time=True)
    if day is None:
        raise BadValueError(f"{zh}的日期 '{name}' = {value!r} 读不出来。请写成 '2026-01-15' 这样的格式。",
                            f"{en[0].upper() + en[1:]}: date '{name}' = {value!r} cannot be read. "
                            f"Write it as '2026-01-15'.", column=name, row=row)
    return pd.Timestamp(day)


def _number(value: Any, name: str, line: int | None, *, positive: bool = True,
            optional: bool = False) -> float | None:
    zh, en, row = _where(line)
    if optional and (value is None or _text(value) == ""):
        return None
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool)
    x = float(value) if ok else math.nan
    if not math.isfinite(x) or (positive and x <= 0):
        need = "大于 0 的数字" if positive else "数字"
        raise BadValueError(f"{zh}的 '{name}' = {value!r} 不对：应是{need}。请改成例如 40。",
                            f"{en[0].upper() + en[1:]}: '{name}' = {value!r} must be a "
                            f"{'number > 0' if positive else 'number'}. Use e.g. 40.", column=name, row=row)
    return x


@dataclass(frozen=True)
class Step:
    """One execution step (执行步骤): its owner (责任人), milestone dates and metric.

    Attributes
    ----------
    step : str
        What is done.
    owner : str
        责任人 ('' when missing: a problem for :func:`check`).
    start, end : Timestamp
        Start date and milestone (执行节点) date.
    metric : str
        效果评估指标 ('' when missing).
    target : float or None
        Target of the metric.
    """

    step: str
    owner: str
    start: pd.Timestamp
    end: pd.Timestamp
    metric: str = ""
    target: float | None = None


@dataclass(frozen=True)
class PackageLine:
    """One line of the package: a need, the resources that serve it, the steps.

    Attributes
    ----------
    need : str
    resources : dict
        Resource id or name -> units (> 0), as written.
    steps : tuple of Step
    """

    need: str
    resources: Mapping[str, float]
    steps: tuple[Step, ...] = ()


_KNOWN = {"account", "owner", "budget", "start", "end", "meeting_weeks", "team", "lines"}


@dataclass(frozen=True)
class ServicePackage:
    """An integrated service package for one key account (一体化服务包).

    Build it with :meth:`from_dict` from the plain literal shown in the
    module docstring.

    Attributes
    ----------
    account : str
    owner : str
        项目负责人 ('' when missing).
    budget : float
        万元.
    start, end : Timestamp
        The plan window.
    meeting_weeks : float or None
        Project meeting interval in weeks (None: no regular meeting).
    team : dict
        Department -> member of the cross-department group.
    lines : tuple of PackageLine
    """

    account: str
    owner: str
    budget: float
    start: pd.Timestamp
    end: pd.Timestamp
    meeting_weeks: float | None
    team: Mapping[str, str] = field(default_factory=dict)
    lines: tuple[PackageLine, ...] = ()

    @classmethod
    def from_dict(cls, package: Any) -> "ServicePackage":
        """Read a package literal (see the module docstring); the dict is not modified.

        Raises
        ------
        KamlabInputError
            A field of the wrong type, a missing ``budget``/``start``/``end``/
            ``lines``, an unreadable date, a quantity ≤ 0, a step without a
            name; the message names the field and the line/step.

        Examples
        --------
        >>> ServicePackage.from_dict({"budget": 10, "start": "2026-01-05", "end": "2026-03-31", "lines": []})
        Traceback (most recent call last):
        ...
        kamlab._errors.EmptyTableError: 服务包没有任何服务线 'lines'。...
        """
        if isinstance(package, ServicePackage):
            return package
        if not isinstance(package, Mapping):
            raise BadSpecError(
                f"服务包 package 应是一个字典 {{...}}（含 owner、budget、start、end、lines），收到的是 {type(package).__name__}。",
                f"A service package (package) must be a dict {{...}} (with owner, budget, start, end, lines); "
                f"got {type(package).__name__}.", column="package")
        for key in ("budget", "start", "end", "lines"):
            if key not in package:
                zh_hint, en_hint = did_you_mean(key, [str(k) for k in package if k not in _KNOWN], cutoff=0.6)
                raise MissingColumnError(f"服务包缺少 '{key}'{zh_hint}。请加上 \"{key}\": ...。",
                                         f"The package has no '{key}'{en_hint}. Add \"{key}\": ....",
                                         column=key)
        budget = _number(package["budget"], "budget", None)
        start = _require_step_date(package["start"], "start", None)
        end = _require_step_date(package["end"], "end", None)
        if end < start:
            raise BadValueError(f"服务包的计划结束日 end = {end.date()} 早于开始日 start = {start.date()}。请对调或改正日期。",
                                f"The package's end = {end.date()} is before its start = {start.date()}. "
                                f"Swap or fix the dates.", column="end")
        meeting = package.get("meeting_weeks")
        meeting_weeks = _number(meeting, "meeting_weeks", None, positive=False, optional=True)
        team_raw = package.get("team") or {}
        if not isinstance(team_raw, Mapping):
            raise BadSpecError("合作小组 'team' 应是字典：部门 → 成员，例如 {\"市场部\": \"李娜\"}。",
                               "The group 'team' must be a dict: department -> member, e.g. {\"市场部\": \"李娜\"}.",
                               column="team")
        team = {str(k).strip(): _text(v) for k, v in team_raw.items()}
        lines_raw = package["lines"]
        if isinstance(lines_raw, (str, bytes, Mapping)) or not isinstance(lines_raw, Sequence):
            raise BadSpecError("服务线 'lines' 应是列表 [...]，每条是一个字典（need、resources、steps）。",
                               "'lines' must be a list [...] of dicts (need, resources, steps).", column="lines")
        if len(lines_raw) == 0:
            raise EmptyTableError("服务包没有任何服务线 'lines'。请至少为一个需求写一条服务线。",
                                  "The package has no 'lines'. Write at least one line for a need.", column="lines")
        lines = tuple(_line(raw, n) for n, raw in enumerate(lines_raw, start=1))
        return cls(account=_text(package.get("account")), owner=_text(package.get("owner")), budget=budget,
                   start=start, end=end, meeting_weeks=meeting_weeks, team=team, lines=lines)


def _line(raw: Any, n: int) -> PackageLine:
    zh, en, row = _where(n)
    if not isinstance(raw, Mapping):
        raise BadSpecError(f"{zh}应是一个字典（need、resources、steps），收到的是 {type(raw).__name__}。",
                           f"{en[0].upper() + en[1:]} must be a dict (need, resources, steps); got {type(raw).__name__}.",
                           column="lines", row=row)
    need = _text(raw.get("need"))
    if not need:
        raise BadSpecError(f"{zh}没有写服务的需求 'need'。请填写需求，例如 needs[0]。",
                           f"{en[0].upper() + en[1:]} has no 'need'. Enter the need it serves, e.g. needs[0].",
                           column="need", row=row)
    res_raw = raw.get("resources") or {}
    if not isinstance(res_raw, Mapping):
        raise BadSpecError(f"{zh}的 'resources' 应是字典：资源编号 → 份数，例如 {{\"R11\": 2}}。",
                           f"{en[0].upper() + en[1:]}: 'resources' must be a dict: resource id -> units, "
                           f"e.g. {{\"R11\": 2}}.", column="resources", row=row)
    resources: dict[str, float] = {}
    for key, qty in res_raw.items():
        ok = isinstance(qty, numbers.Real) and not isinstance(qty, bool) and math.isfinite(float(qty)) and qty > 0
        if not ok:
            raise BadValueError(f"{zh} 'resources' 中资源 '{key}' 的份数 {qty!r} 不对：应是大于 0 的数字。请改成例如 1。",
                                f"{en[0].upper() + en[1:]}, 'resources': resource '{key}' has units {qty!r}; units must be a "
                                f"number > 0. Use e.g. 1.", column="resources", row=row)
        resources[str(key).strip()] = float(qty)
    steps_raw = raw.get("steps") or []
    if isinstance(steps_raw, (str, bytes, Mapping)) or not isinstance(steps_raw, Sequence):
        raise BadSpecError(f"{zh}的 'steps' 应是列表 [...]，每一步是一个字典。",
                           f"{en[0].upper() + en[1:]}: 'steps' must be a list [...] of dicts.", column="steps", row=row)
    steps = tuple(_step(s, n, m) for m, s in enumerate(steps_raw, start=1))
    return PackageLine(need=need, resources=resources, steps=steps)


def _step(raw: Any, n: int, m: int) -> Step:
    zh, en, row = _where(n, m)
    if not isinstance(raw, Mapping):
        raise BadSpecError(f"{zh}应是一个字典（step、owner、start、end、metric、target）。",
                           f"{en[0].upper() + en[1:]} must be a dict (step, owner, start, end, metric, target).",
                           column="steps", row=row)
    name = _text(raw.get("step"))
    if not name:
        raise BadSpecError(f"{zh}没有写做什么 'step'。请填写步骤内容，例如 '门店店员培训'。",
                           f"{en[0].upper() + en[1:]} has no 'step'. Say what is done, e.g. 'clerk training'.",
                           column="step", row=row)
    start = _require_step_date(raw.get("start"), "start", n, m)
    end = _require_step_date(raw.get("end"), "end", n, m)
    target_raw = raw.get("target")
    target: float | None
    if target_raw is None or _text(target_raw) == "":
        target = None
    elif isinstance(target_raw, numbers.Real) and not isinstance(target_raw, bool) and math.isfinite(float(target_raw)):
        target = float(target_raw)
    else:
        raise BadValueError(f"{zh}的目标值 'target' = {target_raw!r} 不是数字。请填写数字，例如 0.35。",
                            f"{en[0].upper() + en[1:]}: 'target' = {target_raw!r} is not a number. Enter a number "
                            f"such as 0.35.", column="target", row=row)
    return Step(step=name, owner=_text(raw.get("owner")), start=start, end=end,
                metric=_text(raw.get("metric")), target=target)
