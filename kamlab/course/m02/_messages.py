"""m02's bilingual texts (form labels, notes, chart titles)."""

from __future__ import annotations

from ..._i18n import Messages

__all__ = ["MSGS"]

MSGS = Messages({
    "cut": ("高/低分界线", "high/low cut"),
    "sum": ("权重合计 {total:g}，应为 100。", "Weights add up to {total:g}; they should add up to 100."),
    "sum_ok": ("权重合计 100。", "Weights add up to 100."),
    "rank": ("重点客户", "key account"),
    "no_q1": ("（练习 1 还没有作答，先用课程默认权重演示。）",
              "(Exercise 1 is not answered yet: showing the course default weights.)"),
    "ticked": ("已勾选 {n} 家：{ids}", "Ticked {n}: {ids}"),
    "invest_pick": ("落在重点投入象限的客户", "Chains in the invest quadrant"),
    "unstable_pick": ("象限不稳定的客户", "Chains whose quadrant is unstable"),
    "none": ("无（没有不稳定的客户）", "none (no chain is unstable)"),
    "action": ("做法", "action"),
    "chosen": ("你的选择：{text}", "Your choice: {text}"),
    "nothing": ("（还没有选择）", "(nothing chosen yet)"),
    "pick_status": ("{id}：潜力得分 {p:.1f}，利润得分 {q:.1f}（分界线 {cut:g}）；权重浮动时保持原象限的比例 {s:.2f}。"
                    "你的分层里共有 {n_invest} 家重点投入客户。",
                    "{id}: potential score {p:.1f}, profit score {q:.1f} (cut {cut:g}); keeps its quadrant in "
                    "{s:.2f} of the weight draws. Your tiering has {n_invest} invest-quadrant chains."),
    "stab_title": ("权重浮动 ±{spread:.0%} 时各客户保持原象限的比例",
                   "Share of weight draws (±{spread:.0%}) that keep each chain's quadrant"),
    "stab_x": ("保持原象限的比例", "share of draws keeping the quadrant"),
    "stab_line": ("门槛 {below:.2f}", "threshold {below:.2f}"),
    "pick_title": ("{label} 的三维得分 vs 重点投入客户平均", "{label}: dimension scores vs the invest-quadrant mean"),
    "pick_mean": ("重点投入平均", "invest-quadrant mean"),
    "score": ("得分 (0-100)", "score (0-100)"),
    "text": ("在这里写你的理由……", "Write your reasons here..."),
    "bad_q1": ("q1 应该是一个字典，三个维度的权重加分界线，例如 {example}。",
               "q1 should be a dict of the three dimension weights plus the cut, e.g. {example}."),
})
