"""Demo module: four small questions on the ``chains`` data set.

Used by the grading tests and as the smallest example of a question bank:
three questions checked automatically, computed from the data variant the
notebook runs on, and one the instructor scores by hand.

Examples
--------
>>> from kamlab.course.demo import BANK
>>> [(q.key, q.points, q.manual) for q in BANK.questions]
[('q1', 2.0, False), ('q2', 2.0, False), ('q3', 2.0, False), ('q4', 4.0, True)]
"""

from __future__ import annotations

from ..grading import Context, Question, QuestionBank, close_to, equals, register_bank

__all__ = ["BANK"]


def total_stores(ctx: Context) -> float:
    """All stores of all chains."""
    return float(ctx.load("chains")["store_count"].sum())


def mean_payment_days(ctx: Context) -> float:
    """Average payment term over the chains, in days."""
    return float(ctx.load("chains")["payment_days"].mean())


def top_sales_chain(ctx: Context) -> str:
    """chain_id with the largest annual sales (first one on a tie)."""
    chains = ctx.load("chains")
    return str(chains.loc[chains["annual_sales"].idxmax(), "chain_id"])


BANK = QuestionBank(
    module="demo",
    title=("演示模块", "Demo module"),
    datasets=("chains",),
    questions=(
        Question("q1", 2, ("华东 36 家连锁一共有多少家门店？", "How many stores do the 36 chains have in all?"),
                 close_to(total_stores),
                 hint=("把 store_count 这一列加起来（.sum()）", "add up the store_count column (.sum())")),
        Question("q2", 2, ("平均回款账期是多少天？", "What is the average payment term, in days?"),
                 close_to(mean_payment_days, rel=1e-3),
                 hint=("对 payment_days 这一列求平均（.mean()）", "take the mean of the payment_days column (.mean())")),
        Question("q3", 2, ("年销售额最高的连锁是哪一家？写出它的 chain_id。",
                           "Which chain has the largest annual sales? Give its chain_id."),
                 equals(top_sales_chain),
                 hint=("找 annual_sales 最大的那一行，取它的 chain_id（放在引号里的文字）",
                       "find the row with the largest annual_sales and take its chain_id (a text in quotes)")),
        Question("q4", 4, ("你会先拜访哪家连锁？用两三句话说明理由。",
                           "Which chain would you visit first? Explain in two or three sentences."),
                 None, manual=True),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
