"""Check a service package: costs per line and department, every problem explained.

:func:`check` prices each line of a :class:`~kamlab.resources.ServicePackage`
with the resource catalogue (cost = units × unit cost, 万元) and lists every
problem, each with a sentence in the current language saying what is wrong,
where and how to fix it.  Rules (code — meaning):

* ``no_owner`` — the package has no project owner (项目负责人);
* ``no_meeting`` — no regular project meeting (``meeting_weeks`` missing or ≤ 0);
* ``meeting_rare`` — meetings further apart than :data:`MAX_MEETING_WEEKS` weeks;
* ``over_budget`` — total cost above the budget (by how much);
* ``need_unserved`` — a chosen need no line serves with a resource;
* ``off_target`` — a line serves a need that is not one of the chosen needs;
* ``need_twice`` — two lines serve the same need;
* ``no_resources`` — a line without resources;
* ``no_steps`` — a line without execution steps;
* ``mismatch`` — a resource that does not serve its line's need (资源与需求脱节);
* ``duplicate`` — the same resource in several lines (资源重复投入);
* ``over_capacity`` — more units of a resource than the department can give;
* ``no_member`` — resources of a department that has no member in the group;
* ``step_no_owner`` — a step without a responsible person (责任人);
* ``owner_outside`` — a step owner who is neither the project owner nor in the group;
* ``step_no_metric`` — a step without a metric or without a target;
* ``step_order`` — a step whose milestone (end) is before its start;
* ``step_window`` — a step outside the plan window.

Examples
--------
>>> from kamlab.resources import resource_catalog
>>> pkg = {"owner": "王磊", "budget": 5, "start": "2026-01-05", "end": "2026-03-31",
...        "meeting_weeks": 2, "team": {"销售部": "王磊"},
...        "lines": [{"need": "店员产品卖点话术培训", "resources": {"R11": 2},
...                   "steps": [{"step": "门店店员培训", "owner": "王磊", "start": "2026-01-12",
...                              "end": "2026-02-27", "metric": "店员推荐率", "target": 0.35}]}]}
>>> res = check(pkg, resource_catalog(), needs=["店员产品卖点话术培训"])
>>> res.ok, res.total_cost
(True, 3.0)
>>> res.table
                need  市场部  品牌部  销售部  cost
line
1     店员产品卖点话术培训  0.0  0.0  3.0   3.0
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadValueError
from .._i18n import Messages, localized
from .._problems import did_you_mean
from ._catalog import DEPARTMENT_EN, DEPARTMENTS, department_label, prepare_catalog, resource_label, serves_long
from ._package import ServicePackage
from ._report import RULES, PackageCheck

__all__ = ["check", "MAX_MEETING_WEEKS"]

#: Project meetings further apart than this many weeks are not "regular" (定期).
MAX_MEETING_WEEKS = 4
MSGS = Messages({
    "no_owner": ("服务包没有项目负责人：请在 \"owner\" 写上牵头的人（通常是大客户经理）。",
                 "The package has no project owner: put the lead (usually the key-account manager) in \"owner\"."),
    "no_meeting": ("没有定期项目会议：请写 \"meeting_weeks\"（例如每 2 周一次 → 2），用会议同步需求、资源和执行问题。",
                   "No regular project meeting: set \"meeting_weeks\" (e.g. every 2 weeks -> 2) to sync needs, "
                   "resources and execution."),
    "meeting_rare": ("项目会议每 {weeks:g} 周才开一次，间隔太长：请至少每 {cap} 周开一次。",
                     "Project meetings only every {weeks:g} weeks: meet at least every {cap} weeks."),
    "over_budget": ("总成本 {cost:.1f} 万元，超出预算 {budget:g} 万元 {gap:.1f} 万元：请减少份数或换成更便宜的资源，或调整预算。",
                    "Total cost {cost:.1f} (10k CNY) is {gap:.1f} over the budget of {budget:g}: use fewer units or "
                    "cheaper resources, or change the budget."),
    "need_unserved": ("需求“{need}”没有任何服务线用资源去满足：请为它写一条服务线并配上资源。",
                      "Need “{need}” is not served by any line with resources: write a line for it with resources."),
    "off_target": ("第 {line} 条服务线的需求“{need}”不是所选的重点需求：资源要投向客户的重点需求，请改为所选需求之一。",
                   "Line {line} serves “{need}”, which is not one of the chosen needs: put resources on the "
                   "account's key needs."),
    "need_twice": ("第 {line} 条服务线和第 {first} 条服务的是同一需求“{need}”：请合并成一条。",
                   "Lines {first} and {line} serve the same need “{need}”: merge them into one line."),
    "no_resources": ("第 {line} 条服务线（{need}）没有资源：请从资源清单中选出服务这个需求的资源。",
                     "Line {line} ({need}) has no resources: pick resources of the catalogue that serve this need."),
    "no_steps": ("第 {line} 条服务线（{need}）没有执行步骤：请写出步骤、责任人、执行节点和指标。",
                 "Line {line} ({need}) has no execution steps: add steps with owner, milestone and metric."),
    "mismatch": ("第 {line} 条服务线的资源 {rid}（{resource}）不服务需求“{need}”（资源与需求脱节）：请换成服务这个需求的资源。",
                 "Line {line}: resource {rid} ({resource}) does not serve the need “{need}”: use a resource that "
                 "serves it."),
    "duplicate": ("资源 {rid}（{resource}）同时出现在第 {lines} 条服务线（资源重复投入）：请只放在一条服务线里。",
                  "Resource {rid} ({resource}) is in lines {lines} (duplicated input): keep it in one line only."),
    "over_capacity": ("资源 {rid}（{resource}）共用了 {qty:g} 份，超过可用的 {cap:g} 份：请减少份数。",
                      "Resource {rid} ({resource}): {qty:g} units used, only {cap:g} available: use fewer units."),
    "no_member": ("用了{dept}的资源，但合作小组 \"team\" 里没有{dept}的成员：请写上{dept}的对接人，明确权责。",
                  "Resources of {dept_en} are used but the group \"team\" has no {dept_en} member: name one."),
    "step_no_owner": ("第 {line} 条服务线第 {step} 步“{name}”没有责任人：请填写 \"owner\"。",
                      "Line {line}, step {step} “{name}” has no owner: fill in \"owner\"."),
    "owner_outside": ("第 {line} 条服务线第 {step} 步的责任人“{owner}”不在合作小组里：请改为项目负责人或小组成员，或把他加入 \"team\"。",
                      "Line {line}, step {step}: owner “{owner}” is not in the group: use the project owner or a "
                      "member, or add them to \"team\"."),
    "step_no_metric": ("第 {line} 条服务线第 {step} 步“{name}”没有效果评估指标或目标值：请填写 \"metric\" 和 \"target\"。",
                       "Line {line}, step {step} “{name}” has no metric or no target: fill in \"metric\" and "
                       "\"target\"."),
    "step_order": ("第 {line} 条服务线第 {step} 步的执行节点 {end} 早于开始日 {start}：请改正日期。",
                   "Line {line}, step {step}: milestone {end} is before the start {start}: fix the dates."),
    "step_window": ("第 {line} 条服务线第 {step} 步（{start} 至 {end}）超出计划周期 {w0} 至 {w1}：请把执行节点放进计划周期。",
                    "Line {line}, step {step} ({start} to {end}) is outside the plan window {w0} to {w1}: move it "
                    "inside."),
    "err_resource": ("第 {line} 条服务线 'resources' 中的资源 '{name}' 不在资源清单里{hint_zh}。请用清单中的编号（如 R01）或资源名称。",
                     "Line {line}, 'resources': resource '{name}' is not in the catalogue{hint_en}. Use a catalogue id (e.g. R01) "
                     "or resource name."),
    "err_needs": ("needs 应是需求文字的列表，例如 ['店员产品卖点话术培训']，收到 {value!r}。",
                  "needs must be a list of need texts, e.g. ['店员产品卖点话术培训']; got {value!r}."),
})


def _needs_list(needs: Any) -> list[str] | None:
    if needs is None:
        return None
    if isinstance(needs, pd.DataFrame) and "need" in needs.columns:
        needs = needs["need"].tolist()
    if isinstance(needs, (str, bytes)) or not isinstance(needs, (Sequence, pd.Series, pd.Index, np.ndarray)):
        raise BadValueError(*MSGS.both("err_needs", value=needs), column="needs")
    out = []
    for n in list(needs):
        if not isinstance(n, str) or not n.strip():
            raise BadValueError(*MSGS.both("err_needs", value=needs), column="needs")
        out.append(n.strip())
    return out


def _resolve(pkg: ServicePackage, cat: pd.DataFrame) -> pd.DataFrame:
    """Usage table: one row per (line, resource), ids resolved, priced."""
    by_name = {name: rid for rid, name in zip(cat.index.astype(str), cat["resource"])}
    rows: list[tuple[int, str, str, float]] = []
    for n, line in enumerate(pkg.lines, start=1):
        for key, qty in line.resources.items():
            rid = key if key in cat.index else by_name.get(key)
            if rid is None:
                hint_zh, hint_en = did_you_mean(key, list(cat.index.astype(str)) + list(by_name), cutoff=0.6)
                raise BadValueError(*MSGS.both("err_resource", line=n, name=key, hint_zh=hint_zh, hint_en=hint_en),
                                    column="resources", row=str(n))
            rows.append((n, line.need, str(rid), float(qty)))
    use = pd.DataFrame(rows, columns=["line", "need", "resource_id", "quantity"])
    use = use.astype({"line": np.int64, "quantity": float})
    info = cat[["department", "resource", "unit_cost", "capacity"]]
    use = use.join(info, on="resource_id")
    use["cost"] = use["quantity"] * use["unit_cost"]
    return use


def _schedule(pkg: ServicePackage) -> pd.DataFrame:
    rows = [(n, m, line.need, s.step, s.owner, s.start, s.end, s.metric, s.target)
            for n, line in enumerate(pkg.lines, start=1) for m, s in enumerate(line.steps, start=1)]
    cols = ["line", "step_no", "need", "step", "owner", "start", "end", "metric", "target"]
    sched = pd.DataFrame(rows, columns=cols)
    sched["start"] = pd.to_datetime(sched["start"])
    sched["end"] = pd.to_datetime(sched["end"])
    sched["target"] = pd.to_numeric(sched["target"]).astype(float)
    return sched.astype({"line": np.int64, "step_no": np.int64})


def _fmt(ts: pd.Timestamp) -> str:
    return pd.Timestamp(ts).strftime("%Y-%m-%d")


def check(package: Any, catalog: pd.DataFrame, needs: Sequence[str] | None = None) -> "PackageCheck":
    """Price a service package and list every problem (一体化服务包检查).

    Parameters
    ----------
    package : dict or ServicePackage
        The package literal (see :class:`~kamlab.resources.ServicePackage`).
        Not modified.
    catalog : DataFrame
        The resource catalogue (:func:`~kamlab.resources.resource_catalog`
        or one with the same columns).  Not modified.
    needs : list of str, optional
        The needs the package must serve (e.g. the key account's 3
        opportunities of m03).  Without it the ``need_unserved`` and
        ``off_target`` rules are skipped.

    Returns
    -------
    PackageCheck
        ``.table``: cost per line and department (万元); ``.problems``: one
        row per problem (``rule``, ``line``, ``step``, ``message``);
        ``.ok``; ``.total_cost``; ``.cost_by_department``; ``.plot()`` the
        milestone (Gantt) chart; ``.plot_costs()`` the cost bars.  See the
        module docstring for the rules.

    Raises
    ------
    KamlabInputError
        A package that cannot be read (see ``ServicePackage.from_dict``), a
        resource not in the catalogue, a bad catalogue or needs list.

    Examples
    --------
    >>> from kamlab.resources import resource_catalog
    >>> pkg = {"owner": "", "budget": 5, "start": "2026-01-05", "end": "2026-03-31",
    ...        "lines": [{"need": "店员产品卖点话术培训", "resources": {"R11": 2, "R06": 1},
    ...                   "steps": [{"step": "培训", "owner": "", "start": "2026-03-01", "end": "2026-04-15"}]}]}
    >>> res = check(pkg, resource_catalog())
    >>> res.problems["rule"].tolist()
    ['no_owner', 'no_meeting', 'over_budget', 'no_member', 'no_member', 'mismatch', 'step_no_owner', 'step_no_metric', 'step_window']
    >>> print(res.problems.loc[2, "message"])
    总成本 18.0 万元，超出预算 5 万元 13.0 万元：请减少份数或换成更便宜的资源，或调整预算。
    """
    pkg = ServicePackage.from_dict(package)
    cat = prepare_catalog(catalog)
    chosen = _needs_list(needs)
    use = _resolve(pkg, cat)
    sched = _schedule(pkg)
    n_lines = len(pkg.lines)
    line_needs = pd.Series([line.need for line in pkg.lines], index=pd.RangeIndex(1, n_lines + 1, name="line"))
    problems: list[tuple[str, int | None, int | None, str]] = []

    def add(rule: str, line: int | None = None, step: int | None = None, **fields: Any) -> None:
        problems.append((rule, line, step, MSGS(rule, line=line, step=step, **fields)))

    # package level
    if not pkg.owner:
        add("no_owner")
    if pkg.meeting_weeks is None or pkg.meeting_weeks <= 0:
        add("no_meeting")
    elif pkg.meeting_weeks > MAX_MEETING_WEEKS:
        add("meeting_rare", weeks=pkg.meeting_weeks, cap=MAX_MEETING_WEEKS)
    total = float(use["cost"].sum())
    if total > pkg.budget + 1e-9:
        add("over_budget", cost=total, budget=pkg.budget, gap=total - pkg.budget)
    # needs
    served = set(use["need"])
    if chosen is not None:
        for need in dict.fromkeys(chosen):
            if need not in served:
                add("need_unserved", need=need)
        for n, need in line_needs.items():
            if need not in chosen:
                add("off_target", line=n, need=need)
    first = line_needs.drop_duplicates()
    first_of = pd.Series(first.index, index=first.to_numpy())
    for n, need in line_needs[line_needs.duplicated()].items():
        add("need_twice", line=n, first=int(first_of[need]), need=need)
    counts = use.groupby("line").size().reindex(line_needs.index, fill_value=0)
    for n in counts.index[counts.eq(0)]:
        add("no_resources", line=int(n), need=line_needs[n])
    n_steps = sched.groupby("line").size().reindex(line_needs.index, fill_value=0)
    for n in n_steps.index[n_steps.eq(0)]:
        add("no_steps", line=int(n), need=line_needs[n])
    # resources
    pairs = serves_long(cat)
    ok_pair = pd.MultiIndex.from_frame(pairs[["resource_id", "need"]])
    fits = pd.MultiIndex.from_frame(use[["resource_id", "need"]]).isin(ok_pair)
    for row in use.loc[~fits].itertuples():
        add("mismatch", line=int(row.line), rid=row.resource_id, resource=resource_label(cat, row.resource_id),
            need=row.need)
    lines_per = use.drop_duplicates(["resource_id", "line"]).groupby("resource_id", sort=True)["line"]
    multi = lines_per.size()
    for rid in multi.index[multi.gt(1)]:
        ls = sorted(use.loc[use["resource_id"] == rid, "line"].unique())
        add("duplicate", line=int(ls[1]), rid=rid, resource=resource_label(cat, rid),
            lines=localized("、", ", ").join(map(str, ls)))
    qty = use.groupby("resource_id", sort=True)["quantity"].sum()
    over = qty[qty > cat.loc[qty.index, "capacity"] + 1e-9]
    for rid, q in over.items():
        add("over_capacity", rid=rid, resource=resource_label(cat, rid), qty=q, cap=cat.loc[rid, "capacity"])
    members = {d for d, name in pkg.team.items() if name}
    for dept in DEPARTMENTS:
        if dept in set(use["department"]) and dept not in members:
            add("no_member", dept=dept, dept_en=DEPARTMENT_EN[dept])
    # steps
    group = {pkg.owner} | set(pkg.team.values())
    group.discard("")
    no_owner = sched["owner"].eq("")
    outside = ~no_owner & ~sched["owner"].isin(group) & bool(group)
    no_metric = sched["metric"].eq("") | sched["target"].isna()
    order = sched["end"] < sched["start"]
    window = (sched["start"] < pkg.start) | (sched["end"] > pkg.end) | (sched["end"] < pkg.start) | \
        (sched["start"] > pkg.end)
    step_rules = pd.DataFrame({"step_no_owner": no_owner, "owner_outside": outside, "step_no_metric": no_metric,
                               "step_order": order, "step_window": window})
    for i, row in enumerate(sched.itertuples()):
        for rule in step_rules.columns[step_rules.iloc[i].to_numpy()]:
            add(rule, line=int(row.line), step=int(row.step_no), name=row.step, owner=row.owner,
                start=_fmt(row.start), end=_fmt(row.end), w0=_fmt(pkg.start), w1=_fmt(pkg.end))
    rank = {code: i for i, code in enumerate(RULES)}
    prob = pd.DataFrame(problems, columns=["rule", "line", "step", "message"])
    prob["line"] = prob["line"].astype("Int64")
    prob["step"] = prob["step"].astype("Int64")
    prob = prob.assign(_pkg=prob["line"].notna(), _r=prob["rule"].map(rank))
    prob = prob.sort_values(["_pkg", "line", "step", "_r"], kind="stable", na_position="first")
    prob = prob.drop(columns=["_pkg", "_r"]).reset_index(drop=True)
    table = _cost_table(use, line_needs)
    return PackageCheck(table=table, problems=prob, usage=use, schedule=sched, budget=pkg.budget,
                        total_cost=total, start=pkg.start, end=pkg.end, account=pkg.account, owner=pkg.owner)


def _cost_table(use: pd.DataFrame, line_needs: pd.Series) -> pd.DataFrame:
    cost = use.pivot_table(index="line", columns="department", values="cost", aggfunc="sum", fill_value=0.0)
    cost = cost.reindex(index=line_needs.index, columns=list(DEPARTMENTS), fill_value=0.0).astype(float)
    cost.columns = [department_label(d) for d in DEPARTMENTS]
    table = pd.concat([line_needs.rename("need"), cost], axis=1)
    table["cost"] = cost.sum(axis=1)
    return table
