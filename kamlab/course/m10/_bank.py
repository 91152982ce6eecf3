"""The question bank of m10: prompts, points, checks, hints that teach and the seed's typical mistakes."""

from __future__ import annotations

from typing import Any

from ... import retail
from ...grading import Context, Distractor, Question, QuestionBank, register_bank
from ._case import DATASET, MODULE, course_chain
from ._checks import (check_q1, check_q2, check_q3, check_q4, check_q5, check_q6, check_q7, check_q8,
                      check_q9)
from ._model import abnormal_stores, distribution, failing_chains, leaders, lowest_facings, under_exposed

__all__ = ["BANK"]


def _dist(ctx: Context) -> Any:
    sellout = ctx.load(DATASET)
    return sellout, retail.example_listing(sellout, ctx.variant)


def _store_rate_only(ctx: Context) -> list[str]:
    t = distribution(*_dist(ctx)).table
    ids = [str(c) for c in t.index[(t["distribution_rate"] < 0.8).to_numpy()]]
    return ids or [str(t["distribution_rate"].idxmin())]


def _lowest_store_rate(ctx: Context) -> list[str]:
    t = distribution(*_dist(ctx)).table
    return [str(t["distribution_rate"].idxmin())]


def _chain(ctx: Context) -> tuple[Any, str]:
    sellout = ctx.load(DATASET)
    return sellout, course_chain(sellout, ctx.load("chains"))


def _other_leader(metric: str) -> Any:
    def build(ctx: Context) -> str:
        sellout, chain = _chain(ctx)
        right = set(leaders(sellout, chain))
        t = retail.contest(sellout, chain=chain, metric=metric).table.sort_values("rank", kind="stable")
        return next(str(s) for s in t.index if str(s) not in right)
    return build


_PLAN = {"audience": "店长", "content": ["知识类"], "form": "集中培训",
         "steps": list(retail.TRAINING_STEPS), "date": "2026-11-20", "owner": "李娜"}

BANK = QuestionBank(
    module=MODULE,
    title=("连锁上量与动销十要素", "Ten sell-through elements"),
    datasets=(DATASET, "chains"),
    questions=(
        Question(
            "q1", 2, ("读铺货图（本季度考核线 0.8）：哪些连锁未达标？", "Read the distribution chart (this quarter's "
                                                          "pass line 0.8): which chains miss it?"),
            check_q1, on="seen", read=True,
            hint=("讲义“一、铺货管理”有三项标准：总部品类采购、目标门店铺货、新品及时铺货。图里每家连锁三根柱子，"
                  "任何一根低于考核线就算未达标。",
                  "Handout element one, distribution, sets three standards: HQ category purchase, target-store "
                  "distribution, new product on time. Each chain has three bars in the chart; any bar below the "
                  "pass line means it misses."),
            distractors=(
                Distractor(_store_rate_only, ("只看门店铺货率，忽略总部采购和新品及时铺货",
                                              "store distribution only, ignoring HQ purchase and on-time shelving")),
                Distractor(lambda ctx: [str(i) for i in distribution(*_dist(ctx)).table.index],
                           ("按 100% 的目标，所有连锁都算未达标", "against the 100% goal every chain misses")),
            )),
        Question(
            "q2", 2, ("未达标的连锁里，哪些要先找连锁总部采购补品类，而不是去门店补货？",
                      "Among the chains that miss, which must first get the HQ to buy our missing categories, "
                      "rather than restock stores?"),
            check_q2, on="seen", read=True,
            hint=("门店有货的前提是总部采购：看总部品类采购率那一根柱子。总部采全了、门店还缺货，问题在门店铺货这一环。",
                  "Stores can only stock what the HQ buys: look at the HQ category purchase bar. If the HQ "
                  "bought everything and stores still lack it, the gap is in store distribution."),
            distractors=(
                Distractor(_lowest_store_rate, ("门店铺货率最低就是总部没采购", "the lowest store distribution "
                                                                           "means the HQ did not buy")),
                Distractor(lambda ctx: failing_chains(*_dist(ctx)),
                           ("未达标就都去找总部", "every chain that misses goes to the HQ")),
            )),
        Question(
            "q3", 2, ("读陈列面散点图：哪些门店陈列不足（公平份额指数低于 0.8）？",
                      "Read the facings scatter: which stores are under-exposed (fair-share index below 0.8)?"),
            check_q3, on="seen", read=True,
            hint=("陈列面要和销售匹配（讲义“二、陈列管理”的陈列面计算）：公平份额指数是陈列面占比除以销售占比。"
                  "陈列面少不一定不足，要看它卖了多少。",
                  "Facings should match sales, see handout element two on computing facings: the fair-share "
                  "index is facing share over sales share. Few facings are not short if the store sells little."),
            distractors=(
                Distractor(lambda ctx: lowest_facings(retail.example_facings(ctx.variant),
                                                      len(under_exposed(retail.example_facings(ctx.variant)))),
                           ("陈列面个数最少的就是陈列不足，不看销售占比", "the stores with the fewest facings are "
                                                                 "the under-exposed ones, whatever they sell")),
            )),
        Question(
            "q4", 2, ("价格带为建议零售价 ±10%：哪些门店有异常价格？",
                      "With a band of ±10% around the suggested retail price: which stores have an abnormal price?"),
            check_q4, on="seen", read=True,
            hint=("讲义“三、价格维护”：关注不合理、异常的价格。图里灰色带之外的点都要处理，低价乱价和高价都算。",
                  "Handout element three, price upkeep: watch unreasonable and abnormal prices. Every point "
                  "outside the grey band needs action, too low and too high alike."),
            distractors=(
                Distractor(lambda ctx: abnormal_stores(retail.example_prices(ctx.variant), "low") or ["无"],
                           ("只有低价乱价才算异常，高价不用管", "only low prices are abnormal; high ones do no harm")),
            )),
        Question(
            "q5", 3, ("读促销评估：清感颗粒这次 85 折、费用 1200 元的促销，值不值得？",
                      "Read the evaluation: was the 15%-off promotion of 清感颗粒, costing 1,200 yuan, worth it?"),
            check_q5, on="seen", read=True,
            hint=("讲义“五、促销效果评估”：比的是毛利，不是销量。折扣落在促销期卖出的每一盒上，包括不促销也会卖出的"
                  "基线那部分；用促销期毛利减去同样周数的基线毛利，再减去费用（本模块的示例一步步算过）。",
                  "Handout element five, evaluating a promotion: compare gross profit, not units. The discount "
                  "falls on every box sold in the promotion, the baseline boxes included; take the promotion "
                  "weeks' gross profit, minus the baseline's for as many weeks, minus the cost, as the worked "
                  "example does."),
            distractors=(
                Distractor("lift", ("销量涨了就是成功", "more units means success")),
                Distractor("sales", ("增量销售额大于费用就值得", "incremental sales above the cost means worth it")),
                Distractor("extra_margin", ("只给增量销量算正常毛利，忘了基线销量也打了折",
                                            "extra units at the regular margin, forgetting the discounted "
                                            "baseline")),
            )),
        Question(
            "q6", 2, ("冬季的清感颗粒是什么品类角色？选一种适合它的促销方式。",
                      "Which category role does 清感颗粒 play in winter? Pick a promotion type that suits it."),
            check_q6, on="seen", read=True,
            hint=("看品类角色表：感冒止咳在冬季是什么角色，这个角色的目的是什么，哪些促销方式能在短时间里抢占份额。",
                  "Read the category-role table: which role cold remedies play in winter, what that role is for, "
                  "and which promotion types win share quickly."),
            distractors=(
                Distractor({"role": "目标性", "promotion": "限时特价"}, ("感冒药是门店的形象品类", "cold remedies "
                                                                                  "define the store")),
                Distractor({"role": "季节性", "promotion": "买赠"}, ("任何促销方式都适合", "any promotion type fits")),
            )),
        Question(
            "q7", 2, ("为重点连锁的全产品单店销售竞赛选排名规则。", "Choose the ranking rule of the key account's "
                                                        "all-product single-store contest."),
            check_q7, on="seen",
            hint=("讲义“十、产品的销售竞赛”：单店竞赛依据上月销售量，确定增长量，以单店为单位排名。"
                  "在表单里换几种规则，看前三名是哪些门店。",
                  "Handout element ten, sales contests: the single-store contest takes last month's units, sets "
                  "the increase, and ranks the stores. Try each rule in the form and see who comes top."),
            distractors=(
                Distractor("units", ("按绝对量排名最简单", "ranking by units is simplest")),
                Distractor("growth", ("增长率最公平，不用设基数", "growth is fairest, no base needed")),
            )),
        Question(
            "q8", 2, ("读重点连锁各门店上月和本月的销量：按增长量，谁是本月第一名？",
                      "Read last month's and this month's units of the key account's stores: who wins by the "
                      "increase?"),
            check_q8, on="seen", read=True,
            hint=("增长量是本月销量减上月销量（讲义“十、产品的销售竞赛”）。图按本月销量排，第一名不一定在最前面。",
                  "The increase is this month's units minus last month's, see handout element ten. The chart is "
                  "sorted by this month's units; the winner need not be first."),
            distractors=(
                Distractor(_other_leader("units"), ("本月卖得最多的门店就是第一名", "the store selling most this "
                                                                            "month wins")),
                Distractor(_other_leader("growth"), ("增长率最高的门店就是第一名", "the fastest-growing store wins")),
            )),
        Question(
            "q9", 2, ("写一份店教计划：对象、内容、形式、日期和负责人（入店五步由表单写上）。",
                      "Write a store training plan: audience, content, form, date and owner; the form adds the "
                      "five in-store steps."),
            check_q9, on="seen",
            hint=("讲义“四、做好店教”：店长学管理技能、财务分析和产品知识，店员学产品知识、医学知识和推广技巧；"
                  "日期排在课程日之后三个月内，写上负责人。表单下方的清单列出还缺什么。",
                  "Handout element four, store training: store managers learn management, finance and product "
                  "knowledge; clerks learn product and medical knowledge and selling skills; a date within three "
                  "months of the course date, and an owner. The checklist under the form lists what is missing."),
            distractors=(
                Distractor(_PLAN, ("店长只讲产品知识就够了", "store managers need product knowledge only")),
                Distractor({**_PLAN, "audience": "店员", "content": ["知识类", "技巧类"], "date": "2027-06-01"},
                           ("培训时间以后再说", "the date can wait")),
            )),
        Question(
            "q10", 2, ("互动与讨论：你通常使用哪些促销组合？结合本模块的促销评估和促销方式优缺点表，说说哪种组合对清感"
                       "这样的季节性产品效果较好、为什么。（讲师评分）",
                       "Discussion: which promotion mixes do you use? With this module's evaluation and the table "
                       "of promotion types' pros and cons, say which mix works best for a seasonal product like "
                       "清感颗粒 and why. (scored by the instructor)"),
            None, manual=True,
            rubric=("讲师看三点：① 说出一个具体组合（如主题日促 + 店员培训 + 堆头陈列），并对照优缺点表说明取舍；"
                    "② 用毛利而不是销量评估（提到折扣落在基线销量上）；③ 写出下次促销要改的一处（折扣深度、时机、费用）。",
                    "The instructor looks for: (1) a concrete mix, e.g. theme day + clerk training + a floor stack, "
                    "weighed against the pros-and-cons table; (2) judging by gross profit, not units, noting the "
                    "discount on the baseline units; (3) one change for the next promotion: depth, timing or cost.")),
        Question(
            "q11", 3, ("对你的重点连锁，十要素里你会先抓哪两项？用三五句话说明依据（引用本模块的数据）和第一步动作。（讲师评分）",
                       "For your key chain, which two of the ten elements come first? In three to five sentences "
                       "give the evidence from this module's data and the first action. (scored by the instructor)"),
            None, manual=True,
            rubric=("讲师看三点：① 两项要素各有本模块的一个数据支持（如铺货率、公平份额指数、异常价格、促销 ROI）；"
                    "② 第一步动作具体（找谁、做什么、何时）；③ 做法合规（陈列靠谈判和执行，不靠隐形陈列；客情只送小额礼品）。",
                    "The instructor looks for: (1) one figure from this module behind each element, e.g. a "
                    "distribution rate, a fair-share index, an abnormal price, the promotion's ROI; (2) a concrete "
                    "first action: who, what, when; (3) compliant practice: display won by negotiation and "
                    "execution, not hidden displays; small gifts only.")),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
