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
    "need_q2": ("先完成练习 2（行动计划）。", "Finish exercise 2 (the action plan) first."),
    "need_q4": ("先完成练习 4（学习成果树）。", "Finish exercise 4 (the outcome tree) first."),
    "modules_title": ("每项任务来自哪个模块？计划没有覆盖三层时，说明原因。",
                      "Which module does each task draw on? If the plan leaves a layer out, say why."),
    "why": ("没覆盖某一层的原因", "Why a layer is left out"),
    "covered": ("覆盖的层：{layers}", "Layers covered: {layers}"),
    "tree_title": ("学习成果树：把你的行动计划挂到树上吗？", "Outcome tree: hang your action plan on it?"),
    "with_plan": ("挂上行动计划", "With my action plan"),
    "without_plan": ("只看各模块成果", "Module results only"),
    "show": ("显示", "Show"),
    "task_n": ("任务 {i}", "Task {i}"),
})
