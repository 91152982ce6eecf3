"""m13's bilingual texts (form titles and labels, what the forms say, notes printed by the helpers)."""

from __future__ import annotations

from ..._i18n import Messages

__all__ = ["MSGS"]

MSGS = Messages({
    "need_q1": ("（练习 1 还没有选出品类：先选出落后最多的品类，这里再画它的漏斗。）",
                "(Exercise 1 has no category yet: pick the category furthest behind, then its funnel shows here.)"),
    "need_q4": ("（练习 4 还没有作答：先按 {g:.0%} 的增长演示。）",
                "(Exercise 4 is not answered yet: showing {g:.0%} growth.)"),
    "need_q7": ("先完成练习 7（JBP）。", "Finish exercise 7 (the JBP) first."),
    "exported": ("已导出：{path}（{n} 个工作表）", "Exported: {path} ({n} sheets)"),
    "pick_category": ("落后最多的品类", "Category furthest behind"),
    "lagging_title": ("练习 1：最近一个季度落后最多的品类", "Exercise 1: the category furthest behind last quarter"),
    "picked": ("你选的「{c}」：最近一个季度达成 {a:.0%}，同比 {g:+.1%}。", "Your pick '{c}': {a:.0%} of target last "
               "quarter, {g:+.1%} on last year."),
    "not_picked": ("还没有选品类。", "No category picked yet."),
    "stage": ("漏斗在哪一级漏了", "Where the funnel leaks"),
    "funnel_title": ("练习 2：「{c}」的五维漏斗（最近一个季度 vs 去年同季度）",
                     "Exercise 2: the funnel of '{c}' (latest quarter vs same quarter last year)"),
    "stage_picked": ("你选的一级：{s}；它的变化 {v:+.1%}。", "Your pick: {s}; its change {v:+.1%}."),
    "stage_season": ("你选的是季节性：图里比的是去年同季度，季节已经扣掉了。",
                     "You picked seasonality: the chart compares with the same quarter last year, so the season is "
                     "already taken out."),
    "goal_line": ("基数（最近 12 个月 ABC 销售额）{b:,.2f} 万元 × (1 + {g:.0%}) = {year} 年目标 {goal:,.2f} 万元",
                  "Base (ABC's sales, latest 12 months) {b:,.2f} × (1 + {g:.0%}) = {year} goal {goal:,.2f}"),
    "growth_zero": ("增长率 0%：目标等于基数，还没有做决定。", "Growth 0%: the goal equals the base; no decision yet."),
    "growth": ("增长率（%）", "Growth (%)"),
    "growth_title": ("练习 4：下一年的增长目标", "Exercise 4: next year's growth"),
    "swot_title": ("练习 3：SWOT（每行写一项，来自生意回顾的发现）",
                   "Exercise 3: SWOT (one item per line, findings of the review)"),
    "swot_status": ("各象限条数：{counts}；对策 {n} 条。", "Items per quadrant: {counts}; strategies: {n}."),
    "ogsm_title": ("练习 6：OGSM（目的 → 目标（数字）→ 策略 → 衡量：负责人、指标、目标值）",
                   "Exercise 6: OGSM (objective → goals (numbers) → strategies → measures: owner, metric, target)"),
    "shares_title": ("练习 5：把目标分解到品类（各品类份额 %，合计 100）",
                     "Exercise 5: split the goal by category (shares %, total 100)"),
    "shares_sum": ("份额合计 {s:g}%", "Shares total {s:g}%"),
    "shares_off": ("份额合计 {s:g}%，应为 100%：还差 {gap:+g} 个百分点。",
                   "Shares total {s:g}%, should be 100%: {gap:+g} points to go."),
    "shares_ok": ("份额合计 100%：各品类目标加起来等于总目标 {goal:,.2f} 万元。",
                  "Shares total 100%: the category targets add up to the goal {goal:,.2f}."),
    "shares_vs_base": ("「{c}」：去年占 {b}%，你给 {s:g}%（{d:+g} 个百分点）", "'{c}': {b}% last year, yours {s:g}% "
                       "({d:+g} points)"),
    "jbp_title": ("练习 7：与 ABC零售（零售客户）的 {year} 联合生意计划（六个部分）",
                  "Exercise 7: the {year} JBP with ABC Retail (a retail customer; six parts)"),
    "quarter_sum": ("季度份额合计 {s:g}%（应为 100%；去年的季节结构见上面的表）",
                    "Quarter shares total {s:g}% (should be 100%; last year's seasonality is in the table above)"),
    "pitch_title": ("练习 8：向 ABC零售 高层卖入 JBP（三五句话，讲师评分）",
                    "Exercise 8: selling the JBP to ABC Retail's management (a few sentences, scored by the "
                    "instructor)"),
    "lever": ("厂家给的支持", "What the brand offers"),
    "lever_title": ("练习 9：哪一项支持让这家经销商的净利润提升最多？",
                    "Exercise 9: which offer lifts this distributor's net profit most?"),
    "lever_none": ("还没有选择。现在的净利润 {p:,.1f} 万元（净利率 {m:.2%}）。",
                   "Nothing picked yet. Net profit now {p:,.1f} (net margin {m:.2%})."),
    "lever_picked": ("「{l}」：净利润 {p:,.1f} 万元，比现在 {d:+,.1f} 万元。",
                     "'{l}': net profit {p:,.1f}, {d:+,.1f} on now."),
    "objective": ("目的 O", "Objective"),
    "goal": ("目标 G", "goal"), "target": ("目标值", "target"), "unit": ("单位", "unit"),
    "strategy": ("策略 S", "strategy"), "goals": ("对应目标（用、分隔）", "goals (comma separated)"),
    "measure": ("衡量/行动 M", "measure"), "owner": ("负责人", "owner"), "metric": ("指标", "metric"),
    "brand_findings": ("1 品牌回顾：发现（每行一条）", "1 Brand review: findings (one per line)"),
    "quarters": ("2 季度分解（%）", "2 Split by quarter (%)"),
    "partner_findings": ("3 零售客户执行复盘（每行一条）", "3 Retail customer: execution review (one per line)"),
    "partner_targets": ("5 零售客户财务目标", "5 Retail customer: financial targets"),
    "investment": ("5 资源投入（万元）", "5 Resources (10k yuan)"),
    "action": ("6 行动", "action"), "start": ("开始", "start"), "due": ("完成", "due"), "budget": ("预算", "budget"),
    "reviews": ("6 跟踪复盘会日期", "6 Review meetings"),
    "item": ("项目", "item"), "amount": ("金额", "amount"), "value": ("数值", "value"),
})
