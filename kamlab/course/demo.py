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
                 hint=("看连锁表的门店数这一列：把每家连锁的门店数加起来就是总数",
                       "look at the store-count column of the chains table: the total is every chain's stores added up")),
        Question("q2", 2, ("平均回款账期是多少天？", "What is the average payment term, in days?"),
                 close_to(mean_payment_days, rel=1e-3),
                 hint=("看连锁表的回款账期（天）这一列：平均账期是所有连锁的账期之和除以连锁家数",
                       "look at the payment-term column of the chains table, in days: the average is the sum over "
                       "all chains divided by their number")),
        Question("q3", 2, ("年销售额最高的连锁是哪一家？写出它的 chain_id。",
                           "Which chain has the largest annual sales? Give its chain_id."),
                 equals(top_sales_chain),
                 hint=("把连锁表按年销售额从高到低排：排第一的那家连锁的编号就是答案（编号是文字，要放在引号里）",
                       "sort the chains table by annual sales, highest first: the answer is the first chain's id "
                       "— an id is text, so it goes in quotes")),
        Question("q4", 4, ("你会先拜访哪家连锁？用两三句话说明理由。",
                           "Which chain would you visit first? Explain in two or three sentences."),
                 None, manual=True),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
