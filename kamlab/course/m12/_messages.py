"""m12's bilingual texts (form labels and chart notes)."""

from __future__ import annotations

from ..._i18n import Messages

__all__ = ["MSGS"]

MSGS = Messages({
    "pick": ("（请选择）", "(choose)"),
    "quiz_title": ("每个复盘问题对应哪个复盘目的？", "Which purpose does each review question serve?"),
    "by": ("按什么分组", "Group by"),
    "by_category": ("按品类", "By category"),
    "by_month": ("按月份", "By month"),
    "period": ("复盘周期", "Review period"),
    "period_n": ("最近 {n} 个月", "Latest {n} months"),
    "criterion": ("“最落后于目标”看哪一列？", "Which column shows 'most behind target'?"),
    "value": ("分析哪个指标", "Measure"),
    "sales": ("销售额（万元）", "Sales (10k CNY)"),
    "units": ("销量（盒）", "Units (boxes)"),
    "window": ("移动平均月数", "Moving-average months"),
    "show": ("图里看", "Chart shows"),
    "method": ("预测方法", "Forecast method"),
    "horizon": ("预测几个月", "Months ahead"),
    "purpose": ("复盘目的", "Purpose"),
    "answers": ("回答的问题", "What it answers"),
    "example": ("典型问题", "Typical question"),
    "question": ("复盘问题", "Review question"),
    "pick_line": ("你选的品类：{cat}（图中红色）", "Your pick: {cat} (red in the chart)"),
})
