"""m12's question bank: the six questions with their prompts, points, checks and hints."""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._case import DATASET, MODULE
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5

__all__ = ["BANK"]

BANK = QuestionBank(
    module=MODULE,
    title=("生意复盘洞察：ABC零售商的生意回顾", "Business review: the ABC Retail workshop"),
    datasets=(DATASET,),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("为五个复盘问题各选一个复盘目的（预测、监控、评估、诊断、探索）。",
                    "Match each of the five review questions to its purpose (forecast, monitor, evaluate, "
                    "diagnose, explore)."),
            check=_check_q1,
            hint=("预测看未来，监控看进度，评估看阶段结果，诊断找原因，探索找机会。",
                  "Forecast looks ahead, monitor tracks pace, evaluate judges a finished period, diagnose finds "
                  "causes, explore finds opportunities."),
        ),
        Question(
            key="q2", points=3,
            prompt=("做出 ABC零售 最近一个季度（最近 3 个月）按品类的记分卡：实际、目标、去年同期、达成率、增长率。",
                    "Build ABC Retail's scorecard by category for the latest quarter (the latest 3 months): "
                    "actual, target, last year, achievement, growth."),
            check=_check_q2,
            hint=("用 kl.review.scorecard(abc, by=..., period=月数)，按品类（category）分组。",
                  "Use kl.review.scorecard(abc, by=..., period=months), grouped by category."),
        ),
        Question(
            key="q3", points=2,
            prompt=("哪个品类最落后于目标？", "Which category is most behind its target?"),
            check=_check_q3,
            hint=("从记分卡里挑：看完成目标的程度（达成率），让表去选（idxmin），不要手填品类。",
                  "Pick from the scorecard: look at how far each is from target (achievement) and let the "
                  "table choose (idxmin); do not type the category."),
        ),
        Question(
            key="q4", points=3,
            prompt=("计算 ABC零售 合计销售额的同比增长率和 3 个月移动平均。",
                    "Compute the year-on-year growth and the 3-month moving average of ABC Retail's total sales."),
            check=_check_q4,
            hint=("用 kl.review.timeseries(abc, value=\"sales\", window=月数)。",
                  "Use kl.review.timeseries(abc, value=\"sales\", window=months)."),
        ),
        Question(
            key="q5", points=3,
            prompt=("选一个预测方法，预测 ABC零售 下个季度（3 个月）的销售额。",
                    "Choose a forecast method and forecast ABC Retail's sales for the next quarter (3 months)."),
            check=_check_q5,
            hint=("kl.review.forecast(abc, horizon=3, method=...)：想一想接下来三个月是不是旺季，方法要不要考虑季节。",
                  "kl.review.forecast(abc, horizon=3, method=...): are the next three months a peak season, and "
                  "should the method keep the season?"),
        ),
        Question(
            key="q6", points=3,
            prompt=("写下对落后品类的诊断：问题出在哪里（门店覆盖还是单店销售）、可能的原因、下一步做什么。",
                    "Write your diagnosis of the lagging category: where the problem sits (store coverage or "
                    "sales per store), the likely causes, and what to do next."),
            check=None, manual=True,
        ),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
