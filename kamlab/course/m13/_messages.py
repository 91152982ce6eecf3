"""m13's bilingual texts (form titles and labels, notes printed by the helpers)."""

from __future__ import annotations

from ..._i18n import Messages

__all__ = ["MSGS"]

MSGS = Messages({
    "need_q2": ("（练习 2 还没有作答：先按 {g:.0%} 的增长演示。）",
                "(Exercise 2 is not answered yet: showing {g:.0%} growth.)"),
    "need_q5": ("先完成练习 5（JBP）。", "Finish exercise 5 (the JBP) first."),
    "exported": ("已导出：{path}（{n} 个工作表）", "Exported: {path} ({n} sheets)"),
    "goal_line": ("基数（最近 12 个月 ABC 销售额）{b:,.2f} 万元 × (1 + {g:.1%}) = 下一年目标 {goal:,.2f} 万元",
                  "Base (ABC's sales, latest 12 months) {b:,.2f} × (1 + {g:.1%}) = next year's goal {goal:,.2f}"),
    "growth": ("增长率（%）", "Growth (%)"),
    "swot_title": ("SWOT：每行写一项（来自生意回顾的发现）", "SWOT: one item per line (findings of the review)"),
    "ogsm_title": ("OGSM：目的 → 目标（数字）→ 策略 → 衡量（负责人、指标、目标值）",
                   "OGSM: objective → goals (numbers) → strategies → measures (owner, metric, target)"),
    "growth_title": ("下一年的增长目标", "Next year's growth"),
    "shares_title": ("把目标分解到品类：各品类份额（%，合计 100）", "Split the goal by category: shares (%, total 100)"),
    "shares_sum": ("份额合计 {s}%", "Shares total {s}%"),
    "jbp_title": ("与 ABC零售 的 {year} 联合生意计划（六个部分）", "The {year} JBP with ABC Retail (six parts)"),
    "objective": ("目的 O", "Objective"),
    "goal": ("目标 G", "goal"), "target": ("目标值", "target"), "unit": ("单位", "unit"),
    "strategy": ("策略 S", "strategy"), "goals": ("对应目标（用、分隔）", "goals (comma separated)"),
    "measure": ("衡量/行动 M", "measure"), "owner": ("负责人", "owner"), "metric": ("指标", "metric"),
    "brand_findings": ("1 品牌回顾：发现（每行一条）", "1 Brand review: findings (one per line)"),
    "quarters": ("2 季度分解（%）", "2 Split by quarter (%)"),
    "partner_findings": ("3 经销商执行复盘（每行一条）", "3 Partner execution review (one per line)"),
    "partner_targets": ("5 经销商财务目标", "5 Partner financial targets"),
    "investment": ("5 资源投入（万元）", "5 Resources (10k yuan)"),
    "action": ("6 行动", "action"), "start": ("开始", "start"), "due": ("完成", "due"), "budget": ("预算", "budget"),
    "reviews": ("6 跟踪复盘会日期", "6 Review meetings"),
    "item": ("项目", "item"), "amount": ("金额", "amount"), "value": ("数值", "value"),
})
