"""The question bank of m07: the questions, their points, prompts, hints, checks and wrong decisions.

Examples
--------
>>> BANK.keys(), BANK.total_points
(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'], 17.0)
>>> [q.key for q in BANK.questions if q.read]
['q3', 'q4', 'q5']
"""

from __future__ import annotations

from typing import Any

from ... import kpi, rootcause
from ...grading import Context, Distractor, Question, QuestionBank, register_bank
from ._case import DATASET, MODULE, REVIEW_MONTHS
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5, _check_q6
from ._model import biggest_fall, evidence, last_two_months, problem_chains, recent, stock_chain, worst


def _k(ctx: Context) -> Any:
    return kpi.compute(recent(ctx.load(DATASET), REVIEW_MONTHS), by=["chain_id"])


def _other(ranked: list[str], right: str) -> str:
    """The first of *ranked* that is not *right*."""
    return next(c for c in ranked if c != right)


def _q3_wrong(problem: str, column: str, ascending: bool) -> Any:
    """A q3 answer right but for *problem*, whose chain is picked on the wrong *column*."""
    def build(ctx: Context) -> dict:
        k = _k(ctx)
        right = problem_chains(k)
        ranked = [str(c) for c in k.table[column].sort_values(ascending=ascending, kind="stable").index]
        return {**right, problem: _other(ranked, right[problem])}
    return build


def _fall(ctx: Context) -> dict:
    data = ctx.load(DATASET)
    base, current = last_two_months(data)
    return biggest_fall(rootcause.drill(data, by="chain_id", base=base, current=current))


def _chronic(ctx: Context) -> dict:
    """The chain with the lowest sell-through over the quarter, named as the month's fall."""
    ranked = [worst(_k(ctx), "sell_through_rate", r) for r in (1, 2)]
    return {"chain": _other(ranked, _fall(ctx)["chain"]), "factor": "sell_through"}


_SOLUTIONS = [{"action": "与连锁总部确认进场清单，按门店下发补货指令", "owner": "KA经理 张伟", "due": "2026-11-30"},
              {"action": "区域代表逐店检查，未铺货门店两周内补齐", "owner": "区域主管 李娜", "due": "2026-12-20"}]


def _chain(cause: str, solutions: list[dict]) -> Any:
    def build(ctx: Context) -> Any:
        return rootcause.Chain(problem="铺货率最低的连锁", evidence=[evidence(_k(ctx), "distribution_rate")],
                               root_cause=cause, solutions=solutions)
    return build


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
            hint=("讲义第七节“核心监测数据”：复盘最近一个季度，按连锁分组，每家连锁一行，才看得出哪家连锁的哪一环断了。",
                  "Seed section 7, core KPIs: review the latest quarter and group by chain, one row per chain, "
                  "so you can see which chain's link broke."),
            distractors=(
                Distractor(lambda ctx: kpi.compute(ctx.load(DATASET), by=["chain_id"]),
                           ("看全年数据更全面", "a whole year of data tells more")),
                Distractor(lambda ctx: kpi.compute(recent(ctx.load(DATASET), REVIEW_MONTHS), by=["region"]),
                           ("按城市看就够了", "by city is enough")),
            ),
        ),
        Question(
            key="q2", points=2, on="seen",
            prompt=("数据监测：为四个核心指标设定目标值，把明显落后的连锁标成异常点。",
                    "Monitoring: set a target for each of the four core KPIs so that the chains that clearly lag "
                    "are flagged."),
            check=_check_q2,
            hint=("讲义第七节“数据监测”：看目标图里的红线和表单下方的计数。目标要把明显落后的连锁标出来，又不能把三分之一以上的"
                  "连锁都标红；比率写成 0 到 1 之间的小数。",
                  "Seed section 7, monitoring: watch the red line of the chart and the counts under the form. A "
                  "target flags the chain that clearly lags, yet no more than a third of the chains; rates are "
                  "shares between 0 and 1."),
            distractors=(
                Distractor({"distribution_rate": 0.98, "sell_through_rate": 0.99, "inventory_turnover": 2.5,
                            "clerk_recommendation_rate": 0.7},
                           ("目标越高越好，越严越能发现问题", "the higher the target, the more problems it finds")),
                Distractor({"distribution_rate": 0.5, "sell_through_rate": 0.5, "inventory_turnover": 1.0,
                            "clerk_recommendation_rate": 0.1},
                           ("目标定低一点，大家都达标", "set targets low so everyone meets them")),
                Distractor({"distribution_rate": 85, "sell_through_rate": 85, "inventory_turnover": 1.2,
                            "clerk_recommendation_rate": 50},
                           ("目标写成百分数", "targets written as percentages")),
            ),
        ),
        Question(
            key="q3", points=4, on="seen", read=True,
            prompt=("读指标图：铺货不足、有货不动销、库存积压、店员不推荐，各出在哪家连锁？",
                    "Read the KPI chart: which chain has poor distribution, stock that does not sell, piling "
                    "inventory, clerks who stopped recommending?"),
            check=_check_q3,
            hint=("每种问题有它自己的过程指标，销量只是结果；库存积压看库存天数，不看库存的绝对量，大连锁的库存本来就多。"
                  "在表单里切换指标，找最差的那一家。",
                  "Each problem has its own process KPI, sales are only the result; piling stock shows in days of "
                  "inventory, not in the amount of stock, which a big chain always has more of. Switch the KPI "
                  "in the form and find the worst chain."),
            distractors=(
                Distractor(_q3_wrong("poor_distribution", "units", True),
                           ("销量最低的连锁就是铺货不足", "the chain with the lowest sales has poor distribution")),
                Distractor(_q3_wrong("inventory_piling", "avg_inventory", False),
                           ("库存多就是压货：看库存的绝对量", "high stock means over-stocking: look at the amount")),
                Distractor(_q3_wrong("clerk_drop", "units_per_selling_store", True),
                           ("卖得少的连锁就是店员不推荐", "the chain that sells least has clerks who do not recommend")),
            ),
        ),
        Question(
            key="q4", points=2, on="seen", read=True,
            prompt=("有人说：“这家连锁库存高，就是压货了，停止进货。”读它的指标表：问题出在哪一环？",
                    "Someone says: 'this chain's stock is high, it is over-stocked, stop its orders.' Read its "
                    "KPI table: which link broke?"),
            check=_check_q4,
            hint=("讲义第七节“常见误区”：库存天数高是结果，不是原因。把这家连锁的铺货率、动销率、店员推荐率和各连锁中位数"
                  "对比，落后最多的那一环才是断点。",
                  "Seed section 7, common mistakes: high days of inventory are a result, not a cause. Compare the "
                  "chain's distribution, sell-through and clerk recommendation with the median chain; the link "
                  "furthest behind is the one that broke."),
            distractors=(
                Distractor(lambda ctx: {"chain": stock_chain(_k(ctx)), "cause": "inventory"},
                           ("库存高就是压货", "high stock means over-stocking")),
                Distractor(lambda ctx: {"chain": stock_chain(_k(ctx)), "cause": "season"},
                           ("库存高是换季、天气原因", "high stock is the season's or the weather's fault")),
                Distractor(lambda ctx: {"chain": stock_chain(_k(ctx)), "cause": "distribution"},
                           ("卖不动就是铺货不够", "stock that does not sell means too few stores stock it")),
            ),
        ),
        Question(
            key="q5", points=2, on="seen", read=True,
            prompt=("读下钻图：最近一个月比上个月，哪家连锁销量下滑最多？拖累它最多的是哪个因素？",
                    "Read the drill-down chart: latest month vs the previous one, which chain fell most, and which "
                    "factor pulled it down most?"),
            check=_check_q5,
            hint=("讲义第七节“分析方法”的数据验证：下钻图把每家连锁的变化拆成目标门店数、铺货率、动销率、单店销量四块，四块相加"
                  "正好等于变化；先找变化最负的连锁，再看它哪一块最负。季节影响所有门店，看表单下方全部门店合计的变化。",
                  "Seed section 7, data check of the analysis method: the drill-down splits each chain's change "
                  "into target stores, distribution, sell-through and units per store, adding up to the change; "
                  "find the chain with the most negative change, then its most negative part. The season hits "
                  "every store: see the all-stores change under the form."),
            distractors=(
                Distractor(lambda ctx: {"chain": _fall(ctx)["chain"], "factor": "season"},
                           ("销量下滑怪季节、天气", "blame the season or the weather for the fall")),
                Distractor(lambda ctx: {"chain": _fall(ctx)["chain"], "factor": "units_per_store"},
                           ("下滑就是每家店卖少了", "a fall means every store sells less")),
                Distractor(_chronic, ("动销率一直最低的连锁就是这个月下滑最多的",
                                      "the chain with the lowest sell-through is the one that fell most this month")),
            ),
        ),
        Question(
            key="q6", points=3,
            prompt=("演练：为一个异常点写出完整的根因链，含两项优化方案、责任人和时间节点。",
                    "Drill: write the full root-cause chain of one anomaly, with two solutions, owners and due dates."),
            check=_check_q6,
            hint=("讲义第七节：问题描述、数据验证、根本原因、解决方案、责任人、时间节点一环扣一环。证据选一个低于你目标的指标；"
                  "根因要和这个指标对得上，比如铺货率低对应铺货；两项方案都写责任人，截止日期在课程日期后 90 天内。表单下方列出"
                  "还断着的环节。",
                  "Seed section 7: problem, evidence, root cause, solutions, owner, due date, each link tied to "
                  "the next. Pick evidence below your target; the root cause must match that KPI, low distribution "
                  "means distribution; both solutions need an owner and a due date within 90 days of the course "
                  "day. The form lists the links still broken."),
            distractors=(
                Distractor(_chain("促销", _SOLUTIONS), ("销量不好就是促销不够", "poor sales just need more promotion")),
                Distractor(_chain("铺货", _SOLUTIONS[:1]), ("一项方案就够了", "one solution is enough")),
                Distractor(_chain("铺货", [{**s, "owner": ""} for s in _SOLUTIONS]),
                           ("方案写了就行，不用落到责任人", "a solution needs no named owner")),
            ),
        ),
        Question(
            key="q7", points=2, manual=True, check=None,
            prompt=("用两三句话写下：这个异常说明了什么？只看销量为什么会漏掉它？",
                    "In two or three sentences: what does this anomaly teach, and why would looking only at sales "
                    "miss it?"),
            rubric=("满分 2 分：说清你选的异常暴露了执行中的哪一环漏洞（铺货、动销、库存或店员），并有数据 1 分；说清只看销量"
                    "为什么看不出来（销量是结果，被其他连锁或季节平均掉）1 分。",
                    "2 points: which link of execution the anomaly exposes (distribution, sell-through, stock or "
                    "clerks), with the data, 1; why sales alone hide it (sales are the result, averaged out by "
                    "the other chains or the season) 1."),
        ),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
