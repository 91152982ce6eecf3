"""m13's question bank: the nine questions with their prompts, points, checks, hints and plausible wrong decisions."""

from __future__ import annotations

from typing import Any

from ...grading import Context, Distractor, Question, QuestionBank, register_bank
from ._case import DATASET, MODULE, PLAN_YEAR, baseline_shares, lagging_category, momentum, review
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5, _check_q6, _check_q7, _check_q9

__all__ = ["BANK"]


def _biggest_not_lagging(ctx: Context) -> str:
    """The category with the most sales last quarter (other than the one behind): "the biggest matters most"."""
    sales = ctx.load(DATASET)
    table = review(sales, 3).table
    return str(table.drop(index=lagging_category(sales))["actual"].astype(float).idxmax())


def _fastest_not_lagging(ctx: Context) -> str:
    """The category growing fastest: mistaking the strongest line for the problem."""
    sales = ctx.load(DATASET)
    table = review(sales, 3).table
    return str(table.drop(index=lagging_category(sales))["growth"].astype(float).idxmax())


def _swot_lagging_as_strength(ctx: Context) -> dict[str, Any]:
    lag = lagging_category(ctx.load(DATASET))
    return {"strengths": [f"{lag}是我们在 ABC 的老品类", "团队熟悉 ABC"], "weaknesses": ["促销资源少", "人手紧"],
            "opportunities": ["流感季", "ABC 新开门店"], "threats": ["竞品促销", "ABC 压缩库存"],
            "strategies": {"SO": ["旺季联合促销"]}}


def _below_momentum(ctx: Context) -> float:
    return round(max(momentum(ctx.load(DATASET)) - 0.03, 0.01), 2)


def _split_loading_the_lagging(ctx: Context) -> dict[str, Any]:
    sales = ctx.load(DATASET)
    shares = baseline_shares(sales)
    lag = lagging_category(sales)
    other = max((k for k in shares if k != lag), key=shares.get)
    shares[lag] += 4
    shares[other] -= 4
    return {"goal": 0.0, "shares": shares, "total_share": 100.0, "targets": {}}


def _split_not_adding_up(ctx: Context) -> dict[str, Any]:
    shares = baseline_shares(ctx.load(DATASET))
    shares[next(iter(shares))] += 3
    return {"goal": 0.0, "shares": shares, "total_share": 103.0, "targets": {}}


def _ogsm_missing_the_review(ctx: Context) -> dict[str, Any]:
    return {"objective": "成为 ABC零售 增长最快的伙伴", "goals": [{"goal": "全年销售额", "target": 3600, "unit": "万元"}],
            "strategies": [{"strategy": "旺季联合促销", "goals": ["全年销售额"]},
                           {"strategy": "新店同步铺货", "goals": ["全年销售额"]}],
            "measures": [{"measure": "主题陈列", "strategy": "旺季联合促销", "owner": "王磊", "metric": "同比增长",
                          "target": 0.1},
                         {"measure": "新店首批铺货", "strategy": "新店同步铺货", "owner": "张伟", "metric": "铺货门店",
                          "target": 30}]}


def _jbp_as_distributor(ctx: Context) -> dict[str, Any]:
    plan = dict(ctx.answers.get("q7") or {})
    plan["partner_kind"] = "distributor"
    return plan


def _jbp_without_reviews(ctx: Context) -> dict[str, Any]:
    plan = dict(ctx.answers.get("q7") or {})
    actions = dict(plan.get("actions") or {})
    actions["reviews"] = []
    plan["actions"] = actions
    return plan


BANK = QuestionBank(
    module=MODULE,
    title=("目标计划制定与联合生意计划（JBP）", "Goals, plans and the joint business plan (JBP)"),
    datasets=(DATASET,),
    questions=(
        Question(
            key="q1", points=2, on="seen", read=True,
            prompt=("生意回顾：读 ABC零售 最近一个季度的记分卡，选出落后目标最多的品类。",
                    "Business review: read ABC Retail's scorecard of the latest quarter and pick the category "
                    "furthest behind target."),
            check=_check_q1,
            hint=("看记分卡的达成率一列，和同比增长一起读：落后看的是相对目标的达成，不是销售额的大小。",
                  "Read the achievement column of the scorecard together with growth: behind means against "
                  "target, not small in sales."),
            distractors=(Distractor(_biggest_not_lagging, ("销售额最大的品类最要紧：只看规模，不看达成",
                                                            "the biggest category matters most: size, not achievement")),
                         Distractor(_fastest_not_lagging, ("把增长最快的品类当成问题：变化大就是有问题",
                                                            "the fastest mover must be the problem"))),
        ),
        Question(
            key="q2", points=2, on="seen", read=True,
            prompt=("五维漏斗：读练习 1 那个品类的漏斗图（最近一个季度对比去年同季度），漏斗在哪一级漏得最多？",
                    "The five-stage funnel: read the funnel of exercise 1's category, latest quarter against the same "
                    "quarter last year. Which stage leaks most?"),
            check=_check_q2,
            hint=("漏斗图里每一级的变化：有售门店数、单店销量、单价；比的是去年同季度，季节已经扣掉。"
                  "见讲义阶段二“生意回顾的工具：五维漏斗”。",
                  "The change of each stage in the funnel chart: stores selling, units per store, price; it compares "
                  "with the same quarter last year, so the season is out. Seed stage 2, the five-stage funnel."),
            distractors=(Distractor("price", ("销售额下滑就是价格出了问题", "falling sales mean a price problem")),
                         Distractor("season", ("落后是淡季造成的：不看同期对比",
                                               "the low season explains it: no same-period comparison")),
                         Distractor("units_per_store", ("卖得少就是店员不推荐：只看单店", "selling less means clerks "
                                                        "stopped recommending: only per-store sales"))),
        ),
        Question(
            key="q3", points=3, on="seen",
            prompt=("根据生意回顾写出 ABC零售 的 SWOT（每个象限至少 2 条）和至少一条对策（SO/WO/ST/WT）。",
                    "From the review, write ABC Retail's SWOT, at least 2 items per quadrant, and at least one "
                    "strategy: SO, WO, ST or WT."),
            check=_check_q3,
            hint=("优势、劣势看内部：我们各品类在 ABC 的达成和增长，落后的品类属于哪一格？机会、威胁看外部：季节、客户计划、"
                  "竞品、政策；对策把内外连起来。",
                  "Strengths and weaknesses are internal: our categories' achievement and growth at ABC; where does "
                  "the lagging one belong? Opportunities and threats are external: season, the customer's plans, "
                  "competitors, policy; strategies connect the two."),
            distractors=(Distractor(_swot_lagging_as_strength, ("把老品类写成优势：不看最近的数据",
                                                                 "an old category is a strength: ignoring the latest "
                                                                 "data")),),
        ),
        Question(
            key="q4", points=2, on="seen", read=True,
            prompt=(f"定下 {PLAN_YEAR} 年的增长率：目标 = 最近 12 个月的销售额 × (1 + 增长率)。读记分卡和惯性增长，"
                    "既要有挑战，也要够得着。",
                    f"Decide the growth for {PLAN_YEAR}: goal = sales of the latest 12 months × (1 + growth). Read the "
                    "scorecard and the momentum: a stretch, and reachable."),
            check=_check_q4,
            hint=("先看惯性增长：不做新计划明年大约能长多少（最近 12 个月对比再前 12 个月）；目标要高于它，"
                  "高出的部分要说得清来自哪里（本课程的范围：惯性之上不超过 10 个百分点）。",
                  "Start from the momentum: what next year brings without a new plan, the latest 12 months against "
                  "the 12 before; the goal sits above it, and the stretch must be explainable. The course's band: at "
                  "most 10 points above momentum."),
            distractors=(Distractor(0.0, ("目标等于去年：稳妥最好", "the goal equals last year: safe is best")),
                         Distractor(0.3, ("目标越高越好，拍脑袋定", "the higher the better, set by gut feel")),
                         Distractor(_below_momentum, ("只看去年目标的达成，不看惯性增长",
                                                      "only last year's achievement, not the momentum"))),
        ),
        Question(
            key="q5", points=3, on="seen",
            prompt=("把目标分解到各品类：决定每个品类的份额（%，合计 100）。哪个品类多承担增长，哪个先修复？",
                    "Split the goal by category: decide each category's share, in %, adding up to 100. Which "
                    "categories carry the growth, which one is repaired first?"),
            check=_check_q5,
            hint=("对照去年的品类结构：势头好的品类多承担增量；正在落后、漏斗要先修复的品类不宜加码。各部分加起来必须等于总目标。",
                  "Compare with last year's category structure: categories with momentum carry the growth; the one "
                  "behind, whose funnel needs repair first, should not be loaded up. The parts must add up to the "
                  "goal."),
            distractors=(Distractor(_split_loading_the_lagging, ("落后的品类基数低，应该多给目标把它拉起来",
                                                                  "the lagging category has a low base: load it up")),
                         Distractor(_split_not_adding_up, ("各品类各自加一点，合计不用等于总目标",
                                                           "add a bit to each category; the total need not match"))),
        ),
        Question(
            key="q6", points=3, on="seen",
            prompt=("写出 OGSM：一个目的、带数字的目标、至少 2 条对应目标的策略，每条策略有衡量（负责人、指标、目标值）；"
                    "至少一条目标或策略要回答生意回顾发现的问题。",
                    "Write an OGSM: one objective, goals with numbers, at least 2 strategies tied to goals, each with "
                    "measures: owner, metric, target. At least one goal or strategy must answer what the review "
                    "found."),
            check=_check_q6,
            hint=("目的一句话；目标要有数字；每条策略写明它服务哪个目标；每条衡量写明属于哪条策略、谁负责、看什么指标。"
                  "回到练习 1–2：落后的品类、漏掉的那一级，要有策略去修。",
                  "One sentence of objective; goals with numbers; each strategy names the goals it serves; each "
                  "measure names its strategy, owner and metric. Go back to exercises 1-2: the category behind and "
                  "the leaking stage need a strategy."),
            distractors=(Distractor(_ogsm_missing_the_review, ("OGSM 只写增长机会，不回应复盘发现的问题",
                                                               "an OGSM of opportunities only, not answering the "
                                                               "review")),),
        ),
        Question(
            key="q7", points=4,
            prompt=(f"写出与 ABC零售 的 {PLAN_YEAR} 联合生意计划（六个部分），检查无误后导出 XLSX。",
                    f"Write the {PLAN_YEAR} joint business plan with ABC Retail, six parts, check it and export it "
                    "to XLSX."),
            check=_check_q7,
            hint=("第 1–2 部分的数字来自数据和练习 4–5；季度份额参考去年的季节结构，合计 100%；每条策略有负责人和行动；"
                  f"日期在 {PLAN_YEAR} 年内；每个季度至少一次复盘会，闭环才完整。ABC零售 是零售客户。",
                  "The numbers of parts 1-2 come from the data and exercises 4-5; quarter shares follow last year's "
                  "seasonality and add up to 100%; every strategy has an owner and actions; dates within "
                  f"{PLAN_YEAR}; a review meeting each quarter closes the loop. ABC Retail is a retail customer."),
            distractors=(Distractor(_jbp_as_distributor, ("照搬经销商 JBP 的标题：不管合作方是谁",
                                                           "copying the distributor headings whoever the partner")),
                         Distractor(_jbp_without_reviews, ("计划定完就执行，不用定期复盘",
                                                           "once agreed, just execute: no regular reviews"))),
        ),
        Question(
            key="q8", points=3,
            prompt=("用三五句话写下：你会怎样向 ABC零售 的高层“卖入”这份 JBP（对方得到什么、双方投入什么、怎样跟踪）？",
                    "In a few sentences: how will you sell this JBP to ABC Retail's management: what they gain, what "
                    "both invest, how it is tracked?"),
            check=None, manual=True,
            rubric=("讲师看四点：① 先讲对方的利益（销售、毛利、库存天数等对方的经营指标，用 JBP 里的数字）；"
                    "② 双方各自的投入写清楚（我们的资源、对方的资源和配合）；③ 跟踪机制：每季度复盘会、看哪些指标、落后怎么补；"
                    "④ 回应对方可能的顾虑（库存、资金、执行人力）。每点约 0.75 分。",
                    "The instructor looks for four points: (1) the partner's gain first, in their own business "
                    "measures with the JBP's numbers; (2) what each side invests; (3) tracking: a quarterly review, "
                    "which measures, how a gap is closed; (4) answers to the partner's likely concerns: stock, cash, "
                    "people. About 0.75 point each."),
        ),
        Question(
            key="q9", points=2, on="seen", read=True,
            prompt=("经销盈利模式：厂家在 JBP 里能给示例中的经销商四种支持。在表单里逐一看它们的盈利桥，选出让它净利润提升最多的一项。",
                    "The distributor's profit model: a JBP can offer the example's distributor four things. Look at "
                    "the profit bridge of each in the form and pick the one that lifts its net profit most."),
            check=_check_q9,
            hint=("经销商的净利润不只是毛利和返利：库存和下游账期占用的资金也有成本。比较每一项让净利润变了多少，见讲义阶段三"
                  "“经销盈利模式与影响”。",
                  "A distributor's net profit is not only margin and rebate: money tied up in stock and customer "
                  "credit costs too. Compare how much each offer changes net profit; seed stage 3, the "
                  "distributor's profit model."),
            distractors=(Distractor("rebate", ("返利最直接，经销商最看重返利", "rebates are what distributors care about")),
                         Distractor("margin", ("让价最有效：只看毛利", "a better price works best: margin only")),
                         Distractor("stock", ("库存降得越多越好，不比较金额", "less stock is always best, without "
                                                                          "comparing amounts"))),
        ),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
