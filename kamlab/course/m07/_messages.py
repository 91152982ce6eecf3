"""The texts of m07's forms and charts (one bilingual catalogue)."""

from __future__ import annotations

from ..._i18n import Messages

MSGS = Messages({
    "group_by": ("分组方式", "Group by"),
    "period": ("复盘周期", "Review period"),
    "period_n": ("最近 {n} 个月", "Latest {n} months"),
    "by_chain": ("按连锁", "By chain"),
    "by_region": ("按城市", "By city"),
    "by_month": ("按月份", "By month"),
    "metric": ("看哪个指标", "Metric"),
    "targets_title": ("为四个核心指标设定目标值（图中红线）", "Set a target for each core KPI (red line)"),
    "target_line": ("目标", "Target"),
    "below": ("低于目标", "Below target"),
    "ok": ("达标", "On target"),
    "flags_title": ("低于目标的异常点", "Points below target"),
    "no_flags": ("按你的目标，没有低于目标的异常点。", "With your targets no point is below target."),
    "problems_title": ("每个问题用哪个指标来找？", "Which metric finds each problem?"),
    "drill_title": ("比较两个月的销量变化，拆成四个因素", "Split the change of units between two months into four factors"),
    "base": ("基期月份", "Base month"),
    "current": ("当期月份", "Current month"),
    "chain_title": ("根因链：问题描述 → 数据验证 → 根本原因 → 解决方案 → 责任人 → 时间节点",
                    "Root-cause chain: problem → evidence → root cause → solutions → owner → due date"),
    "problem": ("问题描述", "Problem"),
    "evidence_metric": ("数据验证：指标", "Evidence: metric"),
    "evidence_group": ("数据验证：哪家连锁", "Evidence: which chain"),
    "rank": ("该指标第 {n} 差（现在是 {group}）", "Worst #{n} on this metric (now {group})"),
    "root_cause": ("根本原因", "Root cause"),
    "action": ("解决方案", "Action"),
    "owner": ("责任人", "Owner"),
    "due": ("时间节点 (YYYY-MM-DD)", "Due (YYYY-MM-DD)"),
    "default_problem": ("{group} 的{metric}明显低于目标", "{metric} of {group} is well below target"),
    "chain_preview": ("证据：{group} 的{metric} = {value} → 根因：{cause}",
                      "Evidence: {metric} of {group} = {value} → root cause: {cause}"),
})
