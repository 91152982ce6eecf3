"""m01 texts: the bilingual message catalogue of the helpers, chart and forms.

Examples
--------
>>> MSGS.both("step", n=2)
('第 2 步', 'Step 2')
"""

from __future__ import annotations

from ..._i18n import Messages

MSGS = Messages({
    "pick": ("（请选择）", "(choose)"),
    "step": ("第 {n} 步", "Step {n}"),
    "order_title": ("按全周期经营的顺序排列六个环节", "Put the six stages in the order of the full cycle"),
    "dim_title": ("每个环节主要服务哪个岗位价值维度？", "Which value dimension does each stage serve?"),
    "assess_title": ("为自己在每个环节的实际做法打分：1 = 几乎没做，5 = 做得很充分",
                     "Score your own practice in each stage: 1 = hardly done, 5 = done fully"),
    "spots_title": ("标出差距最大的环节（盲区）", "Mark the stages with the largest gap (blind spots)"),
    "k": ("盲区个数", "Blind spots"),
    "plan_title": ("每个盲区一条即时改进动作：做什么、谁负责、{today} 后 30 天内完成、怎样算完成（写数字）",
                   "One immediate action per blind spot: what, who, done within 30 days after {today}, "
                   "how you know it is done (with a number)"),
    "need_q3": ("先完成练习 3（自评打分），这里才会显示你的盲区。",
                "Finish exercise 3 (the self-assessment) first; your blind spots then show here."),
    "need_q5": ("先完成练习 5（改进动作）。", "Finish exercise 5 (the improvement actions) first."),
    "plan_ok": ("✓ 计划完整。", "✓ The plan is complete."),
    "stage": ("环节（盲区）", "stage (blind spot)"),
    "action": ("改进动作", "action"),
    "owner": ("负责人", "owner"),
    "due": ("完成日期 YYYY-MM-DD", "due YYYY-MM-DD"),
    "measure": ("衡量标准（含数字）", "measurable check (a number)"),
    "cycle_title": ("大客户全周期经营六环节与岗位价值三维度", "The six-stage full cycle and the three value dimensions"),
})
