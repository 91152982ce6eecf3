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
    "assess_title": ("为自己在每个环节的实际做法打分：1 = 几乎没做，5 = 做得很充分（滑块从 5 分开始，把做得不够的往下拉）",
                     "Score your own practice in each stage: 1 = hardly done, 5 = done fully (the sliders start "
                     "at 5: pull down what you do not do enough)"),
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
    "cycle_title": ("六环节与三维度：本课程的一种归类（讲义未规定）",
                    "The six stages and the three dimensions: one reading of the course (not in the seed)"),
    "role_service": ("服务者（服务心态）", "Service role (service mindset)"),
    "role_business": ("经营者（生意思维）", "Business role (business mindset)"),
    "task_title": ("每项工作属于岗位价值的哪个维度？", "Which value dimension is each piece of work?"),
    "spots_title": ("读你的雷达图：勾选差距最大的 2 个环节", "Read your radar: tick the 2 stages with the largest gap"),
    "ticked": ("已勾选 {n} 个环节（要 {k} 个）", "{n} stages ticked ({k} wanted)"),
    "ticked_gap": ("· {stage}：差距 {gap:g}", "· {stage}: gap {gap:g}"),
    "no_gap": ("你的打分里还没有差距（六个环节都是 5 分）：先在练习 3 如实打分。",
               "Your scores show no gap yet (all six at 5): score yourself honestly in exercise 3 first."),
    "gaps_now": ("差距 > 0 的环节：{n} 个", "Stages with a gap > 0: {n}"),
    "text": ("在这里写……", "Write here..."),
})
