"""The decision model of m04: the key account and its needs, the worked example, and the answer lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

import kamlab as kl  # the answer line it evaluates says kl.resources.kit(...)

from ..._i18n import localized
from ...opportunity import matrix
from ...resources import DEPARTMENTS, SEP, check, kit, options, resource_catalog
from ...widgets import literal
from .._shared import resolve_account
from ._case import MSGS, PLAN_END, PLAN_START


def key_account(account: str | None, source: Any) -> str:
    """The key account of this notebook: *account* checked, or the variant's default when None.

    Parameters
    ----------
    account : str, optional
        The ``chain_id`` chosen in m02.
    source : DataFrame or Workbook
        The chains table, or the notebook's workbook.

    Examples
    --------
    >>> import kamlab as kl
    >>> key_account("C05", kl.datasets.load("chains"))
    'C05'
    """
    chains = source if isinstance(source, pd.DataFrame) else source.load("chains")
    return resolve_account(account, chains)


def key_needs(source: Any, account: str, k: int = 3) -> list[str]:
    """The *k* high-value needs of *account* (m03's ``matrix(...).top(k)``), in pick order.

    ``key_needs(source, account, 6)[3:]`` are the account's lesser needs (the worked example's).

    Parameters
    ----------
    source : DataFrame or Workbook
        The ``needs`` table, or the notebook's workbook.
    account : str

    Examples
    --------
    >>> import kamlab as kl
    >>> key_needs(kl.datasets.load("needs"), "C18")
    ['合规的店员销售激励方案', '完成年度品类增长目标', '门店陈列优化与物料支持']
    """
    needs = source if isinstance(source, pd.DataFrame) else source.load("needs")
    return [str(n) for n in matrix(needs, account=account).top(k)["need"]]


def catalog(source: Any = 0) -> pd.DataFrame:
    """The resource catalogue of the notebook's variant (a workbook, a Context or a variant number).

    Examples
    --------
    >>> import kamlab as kl
    >>> catalog(kl.grading.workbook("m04", variant=2)).equals(kl.resources.resource_catalog(2))
    True
    """
    if isinstance(source, int):
        return resource_catalog(source)
    ctx = getattr(source, "context", source)
    return resource_catalog(int(getattr(ctx, "variant", 0)))


def _step(step: str, owner: str, start: str, end: str, metric: str | None, target: float | None) -> dict:
    """One execution step of a package line."""
    return {"step": step, "owner": owner, "start": start, "end": end, "metric": metric, "target": target}


def _off_need(needs: Sequence[str], catalog: pd.DataFrame, others: Sequence[str] = ()) -> str:
    """A resource that serves none of *needs* (资源与需求脱节): first one for a lesser need in *others*."""
    wanted = set(needs)
    lesser = [str(r) for n in others for r in options(n, catalog).index]
    for rid in (*lesser, *_OFF_NEED_FIRST, *map(str, catalog.index)):
        served = {s.strip() for s in str(catalog.loc[rid, "serves"]).split(SEP)}
        if not served & wanted:
            return rid
    return str(catalog.index[-1])


def example_resources(needs: Sequence[str], catalog: pd.DataFrame, others: Sequence[str] = ()) -> dict[str, str]:
    """The two planted flaws of the worked example: ``{"duplicate": rid, "mismatch": rid}``.

    ``duplicate`` is the first resource of the first line's kit, put into the
    second line as well (资源重复投入); ``mismatch`` is a resource that serves
    none of the needs (资源与需求脱节), put into the first line: a resource
    for one of the account's lesser needs *others* when there is one (the
    manager served what the account asked for least).

    Examples
    --------
    >>> import kamlab as kl
    >>> needs = ["合规的店员销售激励方案", "完成年度品类增长目标", "门店陈列优化与物料支持"]
    >>> example_resources(needs, kl.resources.resource_catalog())
    {'duplicate': 'R12', 'mismatch': 'R05'}
    >>> example_resources(needs, kl.resources.resource_catalog(), ["降低库存、处理滞销品"])
    {'duplicate': 'R12', 'mismatch': 'R01'}
    """
    first = kit(needs, 0, catalog, units=1) or {str(options(needs[0], catalog).index[0]): 1}
    return {"duplicate": next(iter(first)), "mismatch": _off_need(needs, catalog, others)}


def flawed_package(needs: Sequence[str], catalog: pd.DataFrame, account: str,
                   others: Sequence[str] = ()) -> dict[str, Any]:
    """A worked-example package with the typical flaws of 单打独斗.

    One manager does everything alone: no meeting, one owner for every step,
    no members of the other departments; a resource that serves none of the
    needs (资源与需求脱节), a resource paid for in two lines (资源重复投入),
    the third need left out, a step without a metric, a milestone before its
    start, over budget.  *others* are the account's lesser needs (see
    :func:`example_resources`).

    Examples
    --------
    >>> import kamlab as kl
    >>> needs = ["合规的店员销售激励方案", "完成年度品类增长目标", "门店陈列优化与物料支持"]
    >>> res = kl.resources.check(flawed_package(needs, kl.resources.resource_catalog(), "C18"),
    ...                          kl.resources.resource_catalog(), needs)
    >>> res.rules
    ['no_meeting', 'over_budget', 'need_unserved', 'mismatch', 'duplicate', 'no_member', 'step_no_metric', 'step_order']
    >>> res.usage[["line", "resource_id"]].values.tolist()
    [[1, 'R12'], [1, 'R05'], [2, 'R20'], [2, 'R12']]
    """
    flaws = example_resources(needs, catalog, others)
    first = kit(needs, 0, catalog, units=2) or {flaws["duplicate"]: 2}
    second = options(needs[1], catalog)
    fit = next((str(r) for r in second.index if str(r) not in first), flaws["duplicate"])
    words = {w: localized(w, en) for w, en in zip(_EXAMPLE_WORDS, _EXAMPLE_EN)}
    owner = words["王磊"]
    return {
        "account": account, "owner": owner, "budget": 10, "start": PLAN_START, "end": PLAN_END,
        "team": {"销售部": owner},
        "lines": [
            {"need": needs[0], "resources": {**first, flaws["mismatch"]: 1},
             "steps": [_step(words["与采购谈定方案"], owner, "2026-01-12", "2026-01-30", words["签约"], 1),
                       _step(words["方案落地到门店"], owner, "2026-02-02", "2026-03-20", None, None)]},
            {"need": needs[1], "resources": {fit: 1, flaws["duplicate"]: 1},
             "steps": [_step(words["门店执行"], owner, "2026-03-10", "2026-02-20", words["动销率"], 0.8)]},
        ],
    }


#: Resources tried first as the example's off-need resource (new-listing fees, national ads, trend report).
_OFF_NEED_FIRST: tuple[str, ...] = ("R05", "R06", "R19")


#: The worked example's own words (owner, steps, metrics) and their English.
_EXAMPLE_WORDS: dict[str, str] = {w: w for w in ("王磊", "与采购谈定方案", "方案落地到门店", "门店执行", "签约", "动销率")}
_EXAMPLE_EN: tuple[str, ...] = ("Wang Lei", "agree the plan with purchasing", "roll the plan out to stores",
                                "store execution", "contract signed", "sell-through rate")


def or_example(q2: Any, needs: Sequence[str], catalog: pd.DataFrame, account: str) -> Any:
    """The checked package *q2*, or the worked example's while *q2* is unanswered (``...``).

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> needs = ["合规的店员销售激励方案", "完成年度品类增长目标", "门店陈列优化与物料支持"]
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     res = or_example(..., needs, kl.resources.resource_catalog(), "C18")
    >>> res.account
    'C18'
    """
    if q2 is Ellipsis:
        print(MSGS("no_q2"))
        q2 = flawed_package(needs, catalog, account)
    return check(q2, catalog, needs)


def quiz_line(values: Mapping[str, Any], name: str = "q1") -> str:
    """The q1 answer line for the quiz form's choices.

    Examples
    --------
    >>> quiz_line({"买赠促销活动": "市场部", "全国品牌联合广告": None})
    'q1 = {"买赠促销活动": "市场部", "全国品牌联合广告": None}'
    """
    return f"{name} = {literal(dict(values))}"


_COLUMNS = ("need", "units", "departments", "step", "owner", "start", "end", "metric", "target")


def _rows_to_lines(rows: Sequence[Mapping[str, Any]], n_needs: int) -> list[tuple[int, int, list[str] | None,
                                                                                  list[dict[str, Any]]]]:
    """Group the editor rows by need index: (index, units, departments, steps) in first-seen order."""
    groups: dict[int, tuple[int, list[str] | None, list[dict[str, Any]]]] = {}
    for row in rows:
        idx = row.get("need")
        if not isinstance(idx, int) or isinstance(idx, bool) or not 0 <= idx < n_needs:
            continue
        if idx not in groups:
            units = row.get("units")
            units = units if isinstance(units, int) and not isinstance(units, bool) and units >= 1 else 1
            depts_raw = row.get("departments")
            depts = None
            if isinstance(depts_raw, str) and depts_raw.strip():
                depts = [d.strip() for d in depts_raw.replace("，", ",").replace("、", ",").split(",") if d.strip()]
            groups[idx] = (units, depts, [])
        if row.get("step") not in (None, ""):
            groups[idx][2].append({c: row.get(c) for c in ("step", "owner", "start", "end", "metric", "target")})
    return [(i, u, d, s) for i, (u, d, s) in groups.items()]


def package_line(values: Mapping[str, Any], n_needs: int = 3, name: str = "q2") -> str:
    """The q2 answer line for the package form's values (the package literal, needs by index).

    Examples
    --------
    >>> v = {"owner": "王磊", "budget": 40, "meeting_weeks": 2, "team_市场部": "李娜", "team_品牌部": "",
    ...      "team_销售部": "王磊", "start": "2026-01-05", "end": "2026-03-31",
    ...      "lines": [{"need": 0, "units": 1, "departments": None, "step": "培训", "owner": "王磊",
    ...                 "start": "2026-01-12", "end": "2026-02-27", "metric": "店员推荐率", "target": 0.35}]}
    >>> print(package_line(v))  # doctest: +NORMALIZE_WHITESPACE
    q2 = {"account": account, "owner": "王磊", "budget": 40, "meeting_weeks": 2, "team": {"市场部": "李娜", "销售部": "王磊"}, "start": "2026-01-05", "end": "2026-03-31", "lines": [{"need": needs[0], "resources": kl.resources.kit(needs, 0, catalog, units=1), "steps": [{"step": "培训", "owner": "王磊", "start": "2026-01-12", "end": "2026-02-27", "metric": "店员推荐率", "target": 0.35}]}]}
    """
    team = {d: str(values.get(f"team_{d}") or "").strip() for d in DEPARTMENTS}
    team_txt = ", ".join(f'"{d}": {_lit(v)}' for d, v in team.items() if v)
    parts = []
    for idx, units, depts, steps in _rows_to_lines(values.get("lines") or [], n_needs):
        dep = f", departments={depts!r}" if depts else ""
        steps_txt = ", ".join(
            "{" + ", ".join(f'"{c}": {_lit(s.get(c))}' for c in ("step", "owner", "start", "end", "metric", "target"))
            + "}" for s in steps)
        parts.append(f'{{"need": needs[{idx}], "resources": kl.resources.kit(needs, {idx}, catalog, units={units}'
                     f'{dep}), "steps": [{steps_txt}]}}')
    meeting = values.get("meeting_weeks") or 0
    meeting_txt = "None" if not meeting else f"{meeting:g}"
    return (f'{name} = {{"account": account, "owner": {_lit(values.get("owner"))}, '
            f'"budget": {float(values.get("budget") or 0):g}, "meeting_weeks": {meeting_txt}, '
            f'"team": {{{team_txt}}}, "start": {_lit(values.get("start"))}, "end": {_lit(values.get("end"))}, '
            f'"lines": [{", ".join(parts)}]}}')


def _lit(value: Any) -> str:
    """A value as a Python literal of the answer line (blank text -> None, text double-quoted)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return "None"
    if isinstance(value, str):
        text = value.strip()
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def _package_from(values: Mapping[str, Any], needs: Sequence[str], catalog: pd.DataFrame,
                  account: str) -> dict[str, Any]:
    """Evaluate the form's line into the package dict (the same literal the line holds)."""
    namespace: dict[str, Any] = {"kl": kl, "needs": list(needs), "catalog": catalog, "account": account}
    exec(package_line(values, len(needs), name="_pkg"), namespace)  # noqa: S102 - our own generated literal
    return namespace["_pkg"]


def example_for(source: Any, catalog: pd.DataFrame, account: str) -> dict[str, Any]:
    """The worked example's package for *account*: its 3 key needs, lesser needs from the ``needs`` table.

    Parameters
    ----------
    source : DataFrame or Workbook
        The ``needs`` table, or the notebook's workbook.
    catalog : DataFrame
        The resource catalogue of the notebook's variant.
    account : str

    Examples
    --------
    >>> import kamlab as kl
    >>> pkg = example_for(kl.datasets.load("needs"), kl.resources.resource_catalog(), "C18")
    >>> [sorted(line["resources"]) for line in pkg["lines"]]
    [['R01', 'R12'], ['R12', 'R20']]
    """
    ranked = key_needs(source, account, 6)
    return flawed_package(ranked[:3], catalog, account, ranked[3:])
