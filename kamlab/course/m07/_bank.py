"""The question bank of m07: the questions, their points, prompts, hints and checks."""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._case import DATASET, MODULE, TODAY
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5, _check_q6

BANK = QuestionBank(
    module=MODULE,
    title=("核心数据复盘与根因链", "Core data review and the root-cause chain"),
    datasets=(DATASET,),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("按连锁计算最近一个季度（最近 3 个月）的核心指标（铺货率、动销率、库存周转率、店员推荐率）。",
                    "Compute the core KPIs by chain over the latest quarter (the latest 3 months)."),
            check=_check_q1,
            hint=("用 kl.kpi.compute(kl.course.m07.recent(sellout, 月数), by=[...])，按连锁（chain_id）分组。",
                  "Use kl.kpi.compute(kl.course.m07.recent(sellout, months), by=[...]) grouped by chain (chain_id)."),
        ),
        Question(
            key="q2", points=1,
            prompt=("为四个核心指标设定目标值。", "Set a target for each of the four core KPIs."),
            check=_check_q2,
            hint=("比率写成 0–1 之间的小数；目标要能把明显落后的连锁标出来。",
                  "Write rates as shares between 0 and 1; a target should flag the chains that clearly lag."),
        ),
        Question(
            key="q3", points=2,
            prompt=("按你的目标标注低于目标的异常点。", "Flag every point below your targets."),
            check=_check_q3,
            hint=("用 kl.kpi.flag(k, q2)：指标表 + 你的目标。", "Use kl.kpi.flag(k, q2): the KPI table and your targets."),
        ),
        Question(
            key="q4", points=4,
            prompt=("找出铺货不足、有货不动销、库存积压的连锁。",
                    "Find the chain with poor distribution, the one stocked but not selling, and the one piling up inventory."),
            check=_check_q4,
            hint=("每个问题对应一个过程指标；让指标表选出最差的连锁（idxmin / idxmax）。",
                  "Each problem has its process metric; let the KPI table pick the worst chain (idxmin / idxmax)."),
        ),
        Question(
            key="q5", points=2,
            prompt=("最近一个月比上个月：哪家连锁销量下滑最多？主要因素是什么？",
                    "Latest month vs the previous one: which chain fell most, and what is the main factor?"),
            check=_check_q5,
            hint=("kl.rootcause.drill(...) 把变化拆成四个因素；kl.course.m07.biggest_fall(...) 找出下滑最大的连锁和拖累最大的因素。",
                  "kl.rootcause.drill(...) splits the change into four factors; kl.course.m07.biggest_fall(...) "
                  "names the chain that fell most and the factor that pulled it down most."),
        ),
        Question(
            key="q6", points=3,
            prompt=("为一个异常点写出完整的根因链，含两项优化方案、责任人和时间节点。",
                    "Write a full root-cause chain for one anomaly, with two solutions, owners and due dates."),
            check=_check_q6,
            hint=("证据用 kl.course.m07.evidence(k, 指标) 从指标表读取；根因要有被标注的指标支持；"
                   f"每项方案写责任人，截止日期在 {TODAY} 之后 90 天内。",
                   "Read the evidence from the KPI table with kl.course.m07.evidence(k, metric); the root cause "
                   f"must be backed by a flagged metric; each solution needs an owner and a due date within 90 days after {TODAY}."),
        ),
        Question(
            key="q7", points=2,
            prompt=("用两三句话写下：这个异常说明了什么？只看销量为什么会漏掉它？",
                    "In two or three sentences: what does this anomaly teach, and why would looking only at sales miss it?"),
            check=None, manual=True,
        ),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
