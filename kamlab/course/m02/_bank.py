"""m02's question bank: the six questions with their prompts, points, checks and hints."""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5

__all__ = ["BANK"]

BANK = QuestionBank(
    module="m02",
    title=("三维客户精准筛选", "Three-dimension screening of chain accounts"),
    datasets=("chains",),
    questions=(
        Question(
            key="q1", points=2.0,
            prompt=("定下三个维度（合作潜力、利润贡献、动销基础）的权重（均大于 0，合计 100）和高/低分界线（30–70）。",
                    "Set the weights of the three dimensions (each > 0, summing to 100) and the high/low cut (30-70)."),
            check=_check_q1,
            hint=("三个维度都要有权重，加起来正好 100；分界线在 30 到 70 之间。",
                  "Give all three dimensions a weight, adding up to exactly 100; the cut lies between 30 and 70.")),
        Question(
            key="q2", points=3.0,
            prompt=("用你的权重和分界线对全部连锁客户完成四象限分层。",
                    "Tier all chains into the four quadrants with your weights and cut."),
            check=_check_q2,
            hint=("用 kl.screening.screen 和 kl.course.m02.rubric(q1)、kl.course.m02.cut(q1)，对 chains 全表分层。",
                  "Use kl.screening.screen with kl.course.m02.rubric(q1) and kl.course.m02.cut(q1) on the whole "
                  "chains table.")),
        Question(
            key="q3", points=2.0,
            prompt=("列出你的分层中“重点投入”象限的客户。", "List the chains of the invest quadrant of your tiering."),
            check=_check_q3,
            hint=("重点投入 = 高潜力且高利润；从 q2 里取，不要手工输入编号。",
                  "Invest = high potential and high profit; take them from q2, do not type ids.")),
        Question(
            key="q4", points=3.0,
            prompt=("权重上下浮动时，哪些客户的象限不稳定？",
                    "Which chains change quadrant when the weights swing?"),
            check=_check_q4,
            hint=("用 kl.course.m02.unstable(chains, q1, spread=..., below=...) 计算。",
                  "Compute it with kl.course.m02.unstable(chains, q1, spread=..., below=...).")),
        Question(
            key="q5", points=2.0,
            prompt=("从重点投入象限中选出后续课程要深耕的重点客户。",
                    "Pick, from the invest quadrant, the key account you will work on for the rest of the course."),
            check=_check_q5,
            hint=("用 kl.course.m02.pick(q2, rank=...) 在你的重点投入客户中选。",
                  "Use kl.course.m02.pick(q2, rank=...) to choose among your invest-quadrant chains.")),
        Question(
            key="q6", points=3.0,
            prompt=("为什么选这个客户？你会把哪些资源从哪类客户调到它身上？（讲师评分）",
                    "Why this account? Which resources would you move to it, and from which chains? "
                    "(scored by the instructor)"),
            check=None, manual=True),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
