"""The question bank of m03: the six questions, their points, prompts, checks and hints.

Examples
--------
>>> BANK.keys(), BANK.total_points
(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], 16.0)
"""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5

BANK = QuestionBank(
    module="m03",
    title=("信息收集与机会洞察", "Information gathering and opportunity insight"),
    datasets=("needs", "chains"),
    questions=(
        Question(
            key="q1", points=3.0,
            prompt=("给 6 条客户需求分类：显性还是隐性？信息来自哪个渠道（总部、门店、外部）？",
                    "Classify 6 customer needs: explicit or implicit? Which channel did the information come "
                    "from (HQ, store, external)?"),
            check=_check_q1,
            hint=("客户主动提出的是显性需求，需要我们发现的是隐性需求；看信息是从高层访谈/采购沟通、"
                  "实地走访/消费者问卷，还是竞品监测/行业报告得来的。",
                  "Needs the account states are explicit, needs we must discover are implicit; the channel is "
                  "where the information came from: executives/purchasing (HQ), store visits/consumer surveys "
                  "(store), competitor monitoring/industry reports (external).")),
        Question(
            key="q2", points=2.0,
            prompt=("你的重点客户的需求信息，哪些“类型 × 渠道”还没有覆盖？",
                    "Which kind × channel cells are not covered yet by your key account's needs?"),
            check=_check_q2,
            hint=("用 kl.course.m03.gaps(needs, account)，看采集覆盖热力图中为 0 的格子。",
                  "Use kl.course.m03.gaps(needs, account): the cells at 0 in the collection heatmap.")),
        Question(
            key="q3", points=3.0,
            prompt=("用你定的高/低门槛，为重点客户做机会洞察矩阵。",
                    "Build the opportunity matrix of your key account with your high/low threshold."),
            check=_check_q3,
            hint=("用 kl.opportunity.matrix(needs, threshold=..., account=account)，门槛在 2 到 4 之间。",
                  "Use kl.opportunity.matrix(needs, threshold=..., account=account), threshold 2 to 4.")),
        Question(
            key="q4", points=2.0,
            prompt=("验证可行性：你的矩阵里哪些机会存在疑点？为什么？",
                    "Check feasibility: which opportunities of your matrix are doubtful, and why?"),
            check=_check_q4,
            hint=("结合客户的动销基础分和竞品动作；用 kl.course.m03.doubtful(q3)。",
                  "Look at the account's sell-through base and the competitor's moves; use "
                  "kl.course.m03.doubtful(q3).")),
        Question(
            key="q5", points=3.0,
            prompt=("为重点客户锁定 3 个高价值合作机会。",
                    "Pick the 3 high-value opportunities for your key account."),
            check=_check_q5,
            hint=("先从“优先落地”中选，可行的优先，再按优先级；换一份数据也要对：选规则，不要输入编号。",
                  "Pick from 优先落地 (act now) first, feasible ones first, then by priority; choose a rule, "
                  "do not type ids, so it holds on other data too.")),
        Question(
            key="q6", points=3.0,
            prompt=("为排在第一的机会写一个具体的落地行动：做什么、谁负责、什么时候、用什么衡量。（讲师评分）",
                    "Write one concrete action for your first opportunity: what, who, when, and how it is "
                    "measured. (scored by the instructor)"),
            check=None, manual=True),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
