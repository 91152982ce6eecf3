"""Strategy and resource integration (m04): 策略制定与资源整合.

Seed 000 §四: a key account's strategy rests on 需求匹配、机会落地、竞争差异化;
internal teams too often work alone (单打独斗), put resources where the
account has no need (资源与需求脱节) or twice (资源重复投入).  The cure is a
cross-department key-account group (跨部门大客户合作小组) with a project owner
and regular project meetings, and one integrated service package per key
account: 需求匹配 → 资源组合 → 执行步骤 → 效果评估指标.

* :func:`resource_catalog` — the internal resource catalogue (市场部促销活动、
  品牌部资源投入、销售部客情资源) with unit costs (万元), capacities and the
  needs each resource serves; :func:`options` lists the resources serving a
  need; :func:`kit` picks a line's resources from the catalogue;
  :func:`catalog_table` shows catalogue rows in the current language.
* :class:`ServicePackage` — the package literal: owner, budget, plan window,
  meetings, group, lines (need → resources → steps with owner, milestone
  dates, metric and target).
* :func:`check` — cost per line and department, every problem explained
  (budget, needs served, duplicated or mismatched resources, capacity, owners,
  metrics, milestones); ``.plot()`` draws the milestone (Gantt) chart.

Examples
--------
>>> import kamlab as kl
>>> cat = kl.resources.resource_catalog()
>>> pkg = {"owner": "王磊", "budget": 20, "start": "2026-01-05", "end": "2026-03-31", "meeting_weeks": 2,
...        "team": {"销售部": "王磊", "品牌部": "赵强"},
...        "lines": [{"need": "店员产品卖点话术培训", "resources": {"R11": 2},
...                   "steps": [{"step": "门店店员培训", "owner": "王磊", "start": "2026-01-12",
...                              "end": "2026-02-27", "metric": "店员推荐率", "target": 0.35}]},
...                  {"need": "门店陈列优化与物料支持", "resources": {"R08": 1, "R11": 1},
...                   "steps": [{"step": "陈列物料进店", "owner": "赵强", "start": "2026-02-01",
...                              "end": "2026-03-15", "metric": "陈列达标率", "target": 0.8}]}]}
>>> res = kl.resources.check(pkg, cat, needs=["店员产品卖点话术培训", "门店陈列优化与物料支持"])
>>> res.rules
['mismatch', 'duplicate']
>>> res.cost_by_department.to_dict()
{'市场部': 0.0, '品牌部': 3.0, '销售部': 4.5}
"""

from __future__ import annotations

from .._labels import register
from ._catalog import (CATALOG_COLUMNS, DEPARTMENT_EN, DEPARTMENTS, SEP, catalog_table, department_label, kit,
                       options, resource_catalog, resource_label)
from ._check import MAX_MEETING_WEEKS, check
from ._report import RULES, PackageCheck
from ._package import PackageLine, ServicePackage, Step

# the package check's table shows these columns in the trainee's language (kl.labelled, TableResult)
register({"line": ("服务线", "line"), "cost": ("成本（万元）", "cost (10k CNY)")})

__all__ = ["resource_catalog", "options", "kit", "catalog_table", "department_label", "resource_label",
           "check", "PackageCheck", "ServicePackage", "PackageLine",
           "Step", "DEPARTMENTS", "DEPARTMENT_EN", "CATALOG_COLUMNS", "SEP", "RULES", "MAX_MEETING_WEEKS"]
