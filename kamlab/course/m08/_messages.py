"""m08 texts: the bilingual message catalogue of the helpers and forms.

Examples
--------
>>> MSGS.both("task_n", i=2)
('任务 2', 'Task 2')
"""

from __future__ import annotations

from ..._i18n import Messages

MSGS = Messages({
    "pick": ("（请选择）", "(choose)"),
    "layers_title": ("每个模块属于哪一层？", "Which layer does each module belong to?"),
    "plan_title": ("3 个月内的 3 项核心落地任务（日期写 YYYY-MM-DD，{today} 起 90 天内）",
                   "3 core tasks within 3 months (dates YYYY-MM-DD, within 90 days from {today})"),
    "task": ("任务", "task"),
    "module": ("来自模块 m01–m07", "module m01-m07"),
    "finding": ("针对的发现", "finding it acts on"),
    "owner": ("负责人", "owner"),
    "measure": ("可衡量成果（含数字）", "measurable result (a number)"),
    "start": ("开始 YYYY-MM-DD", "start YYYY-MM-DD"),
    "due": ("完成 YYYY-MM-DD", "due YYYY-MM-DD"),
    "checkpoints": ("月度分享日", "Monthly reviews"),
    "plan_ok": ("✓ 计划完整。", "✓ The plan is complete."),
    "need_q3": ("先完成练习 3（行动计划）。", "Finish exercise 3 (the action plan) first."),
    "covered": ("覆盖的层：{layers}", "Layers covered: {layers}"),
    "task_n": ("任务 {i}", "Task {i}"),
    "id": ("编号", "id"),
    "candidates_title": ("学习小组交来的 6 项任务草稿", "Six draft tasks from the study group"),
    "candidates_pick": ("不合格的任务", "tasks that do not qualify"),
    "coverage_pick": ("你的计划覆盖的层", "layers your plan covers"),
    "ticked": ("已勾选 {n} 项：{items}", "{n} ticked: {items}"),
    "text": ("在这里写：三个月后看到什么结果、每月怎样在交流小组分享……",
             "Write here: the result you will see in three months, how you share progress every month..."),
})
