"""m10's form texts: labels, titles and the live status lines, in Chinese and English."""

from __future__ import annotations

from ..._i18n import Messages

__all__ = ["MSGS"]

MSGS = Messages({
    "none": ("（无）", "(none)"),
    "none_option": ("无（一家都没有）", "none of them"),
    "ticked": ("已勾选 {n} 项：{ids}", "{n} ticked: {ids}"),
    "chosen": ("你的选择：{text}", "Your choice: {text}"),
    "nothing": ("还没有选择。", "Nothing chosen yet."),
    "failing_pick": ("未达标的连锁（可多选）", "Chains below the pass line (tick several)"),
    "hq_pick": ("问题在总部采购的连锁（可多选）", "Chains whose HQ buys too little (tick several)"),
    "under_pick": ("陈列不足的门店（可多选）", "Under-exposed stores (tick several)"),
    "price_pick": ("有异常价格的门店（可多选）", "Stores with an abnormal price (tick several)"),
    "verdict": ("这次促销值不值得？", "Was the promotion worth it?"),
    "promo_facts": ("基线（促销前 4 周平均）每周 {base:,.0f} 盒，促销期每周 {promo:,.0f} 盒（提升 {lift:+.0%}）；"
                    "增量销售额 {incr:,.0f} 元。正常价 {price:.1f} 元，促销价 {pprice:.1f} 元，正常价毛利率 {margin:.0%}，"
                    "促销费用 {cost:,.0f} 元（不含折扣）。",
                    "Baseline (mean of the 4 weeks before) {base:,.0f} units a week, promotion {promo:,.0f} a week "
                    "(lift {lift:+.0%}); incremental sales {incr:,.0f} yuan. Regular price {price:.1f}, promotion "
                    "price {pprice:.1f}, margin at the regular price {margin:.0%}, cost {cost:,.0f} yuan (besides "
                    "the discount)."),
    "promo_title": ("清感颗粒每周销量：橙色为促销周，虚线为基线", "清感颗粒 units a week: orange the promotion, dashed the baseline"),
    "role": ("清感颗粒的品类角色", "Category role of 清感颗粒"),
    "promotion": ("促销方式", "Promotion type"),
    "rule": ("排名规则", "Ranking rule"),
    "rule_top": ("按这个规则的前三名：{rows}", "Top three by this rule: {rows}"),
    "rule_row": ("{store}（上月 {last:.0f} 盒，本月 {units:.0f} 盒）", "{store} (last month {last:.0f}, now {units:.0f})"),
    "winner": ("第一名的门店", "The winning store"),
    "winner_row": ("{store}：上月 {last:.0f} 盒，本月 {units:.0f} 盒", "{store}: last month {last:.0f}, now {units:.0f}"),
    "audience": ("培训对象", "Audience"),
    "content": ("培训内容（可多选）", "Content (tick several)"),
    "form": ("培训形式", "Form"),
    "date": ("培训日期（YYYY-MM-DD）", "Date (YYYY-MM-DD)"),
    "owner": ("负责人", "Owner"),
    "plan_ok": ("✓ 店教计划完整。", "✓ The training plan is complete."),
    "plan_bad": ("店教计划还有问题：", "The training plan still has problems:"),
    "text": ("在这里写你的回答……", "Write your answer here…"),
    "t_q1": ("铺货检查：考核线 0.8，哪些连锁未达标？", "Distribution: which chains miss the 0.8 pass line?"),
    "t_q2": ("铺货：哪些连锁要先找总部采购？", "Distribution: which chains need HQ buying first?"),
    "t_q3": ("陈列面：哪些门店陈列不足？", "Facings: which stores are under-exposed?"),
    "t_q4": ("价格维护：哪些门店价格异常？", "Price watch: which stores have an abnormal price?"),
    "t_q5": ("促销评估：值不值得？", "Promotion: was it worth it?"),
    "t_q6": ("品类角色与促销方式", "Category role and promotion type"),
    "t_q7": ("单店销售竞赛：排名规则", "Single-store contest: the ranking rule"),
    "t_q8": ("单店销售竞赛：谁是第一名？", "Single-store contest: who wins?"),
    "t_q9": ("店教计划", "Store training plan"),
    "t_q10": ("促销组合：互动与讨论", "Promotion mix: discussion"),
    "t_q11": ("十要素里先抓哪两项？", "Which two of the ten elements first?"),
})
