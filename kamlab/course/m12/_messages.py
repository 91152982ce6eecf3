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
    "category": ("品类", "Category"),
    "rows": ("要先处理（删掉或更正）的行", "Rows to fix (remove or correct) first"),
    "ticked": ("已勾选 {n} 行：{rows}", "{n} rows ticked: {rows}"),
    "ticked_none": ("还没有勾选任何一行。", "No row ticked yet."),
    "driver": ("问题主要出在哪里", "Where does the fall come from"),
    "report": ("你的 WCC-DAR 报告（一段话）", "Your WCC-DAR report (one paragraph)"),
    "report_ph": ("W 发生了什么 → C 和什么比 → C 原因 → D 结论 → A 行动 → R 预期结果与跟踪",
                  "W what happened → C compared with → C cause → D decision → A action → R result and tracking"),
    "chars": ("已写 {n} 个字。", "{n} characters written."),
    "not_chosen": ("还没有选择。", "Nothing chosen yet."),
    "yoy_vs_mom": ("蓝：同比（和去年同期比）；灰：环比（和上个季度比）", "Blue: YoY (vs last year); grey: vs previous quarter"),
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
