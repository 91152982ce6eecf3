"""m02's bilingual texts (form labels, notes, chart titles)."""

from __future__ import annotations

from ..._i18n import Messages

__all__ = ["MSGS"]

MSGS = Messages({
    "cut": ("高/低分界线", "high/low cut"),
    "sum": ("权重合计 {total:g}，应为 100。", "Weights add up to {total:g}; they should add up to 100."),
    "spread": ("权重浮动 ±%", "weight swing ±%"),
    "below": ("不稳定门槛", "unstable below"),
    "rank": ("重点投入客户", "key account"),
    "quadrant": ("象限", "quadrant"),
    "no_q1": ("（练习 1 还没有作答，先用课程默认权重演示。）",
              "(Exercise 1 is not answered yet: showing the course default weights.)"),
    "no_q2": ("（练习 2 还没有作答，先用课程默认权重演示。）",
              "(Exercise 2 is not answered yet: showing the course default weights.)"),
    "stab_title": ("权重浮动 ±{spread:.0%} 时各客户保持原象限的比例",
                   "Share of weight draws (±{spread:.0%}) that keep each chain's quadrant"),
    "stab_x": ("保持原象限的比例", "share of draws keeping the quadrant"),
    "stab_line": ("门槛 {below:.2f}", "threshold {below:.2f}"),
    "pick_title": ("{label} 的三维得分 vs 重点投入客户平均", "{label}: dimension scores vs the invest-quadrant mean"),
    "pick_mean": ("重点投入平均", "invest-quadrant mean"),
    "score": ("得分 (0-100)", "score (0-100)"),
    "option": ("第{rank}名 {id} {name}（总分 {total:.1f}）", "#{rank} {id} {name} (total {total:.1f})"),
    "empty": ("（你的分层里没有重点投入客户：按总分排名选。）",
              "(Your tiering has no invest-quadrant chain: choosing by total score.)"),
    "text": ("在这里写你的理由……", "Write your reasons here..."),
    "bad_q1": ("q1 应该是一个字典，三个维度的权重加分界线，例如 {example}。",
               "q1 should be a dict of the three dimension weights plus the cut, e.g. {example}."),
})
