"""The question bank of m09: six questions, their points, prompts, checks, hints and plausible wrong decisions.

Examples
--------
>>> BANK.keys(), BANK.total_points
(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], 15.0)
"""

from __future__ import annotations

from typing import Any

from ...chains import classify
from ...grading import Context, Distractor, Question, QuestionBank, register_bank
from ._case import DATASET, MODULE, NEED_QUIZ, key_account
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5
from ._model import prep, sheet_from_data

_TOP10 = [32000, 28500, 26000, 24000, 22500, 21000, 20000, 19000, 18500, 18000]
_COMPS = [{"product": "竞品A", "sales": 320, "price": 28, "discount_rate": 0.62, "relationship": "关系好"}]
_NEEDS = dict(our_needs=["总部全品类采购", "黄金陈列位", "回款及时"], their_needs=["高毛利", "店员和店长培训", "促销活动策划"])


def _classes(ctx: Context, **wrong: str) -> dict[str, Any]:
    chains = ctx.load(DATASET)
    account = key_account(None, chains)
    c = classify(chains).table.loc[account]
    return {"chain": account, "scope": str(c["scope"]), "size": str(c["size"]), "mode": str(c["mode"]), **wrong}


def _flip_scope(ctx: Context) -> dict[str, Any]:
    right = _classes(ctx)
    return {**right, "scope": "区域性" if right["scope"] == "全国性" else "全国性"}


def _misread_units(ctx: Context) -> dict[str, Any]:
    right = _classes(ctx)
    return {**right, "size": "小型" if right["size"] != "小型" else "大型"}


def _sheet(ctx: Context, **kw: Any) -> dict[str, Any]:
    chains = ctx.load(DATASET)
    args = dict(direct_share=0.3, top10_daily_sales=_TOP10, layout="社区和医院商圈", competitors=_COMPS,
                our_price=29.8, suggested_retail_price=32)
    args.update(kw)
    return sheet_from_data(chains, key_account(None, chains), classify(chains), **args)


_RIGHT_Q2 = dict(NEED_QUIZ)

BANK = QuestionBank(
    module=MODULE,
    title=("OTC 连锁客户的开发", "Developing OTC chain accounts"),
    datasets=(DATASET, "clauses"),
    questions=(
        Question(
            key="q1", points=2.0, on="seen", read=True,
            prompt=("读重点客户在连锁名单里的那一行，按区域、销售额和药店管理给它分类。",
                    "Read the key account's row of the chain list and classify it by region, sales and store "
                    "management."),
            check=_check_q1,
            hint=("区域看连锁类型（跨省经营还是一个地区），销售额看年销售额这一列（单位万元）对照课程的分界线，"
                  "药店管理看经营模式这一列。",
                  "Region: read the chain type, across provinces or one area. Sales: read the annual sales column, "
                  "in 10k yuan, against the course's cuts. Store management: read the ownership column."),
            distractors=(
                Distractor(_flip_scope, ("总部在华东就是区域性连锁", "a head office in East China makes it regional")),
                Distractor(_misread_units, ("把万元当成元读销售额", "reading 10k yuan as yuan")),
            )),
        Question(
            key="q2", points=2.0, on="seen",
            prompt=("了解连锁客户需求：把每项需求归到讲义的三类（产品需求、服务需求、销售需求）。",
                    "Chain needs: put each need in the seed's three groups (product, service, sales needs)."),
            check=_check_q2,
            hint=("对照讲义“了解连锁客户需求”：产品需求说的是产品本身，服务需求是厂家为药店做的事（培训、包装、宣传、耗材、异议处理），"
                  "销售需求是帮药店卖货的活动。",
                  "Follow the seed's section on chain needs: product needs are about the product, service needs "
                  "what the maker does for the pharmacy, such as training, packaging, advertising, supplies and "
                  "complaints, sales needs the activities that sell the goods."),
            distractors=(
                Distractor({**_RIGHT_Q2, "店员和店长培训": "销售需求"},
                           ("培训是为了多卖货，所以是销售需求", "training sells more, so it is a sales need")),
                Distractor({**_RIGHT_Q2, "广告宣传支持": "销售需求", "高毛利": "销售需求"},
                           ("宣传和毛利都是为了卖货", "advertising and margin are all about selling")),
            )),
        Question(
            key="q3", points=3.0,
            prompt=("连锁药店调研：为重点客户填写调研表（类别、门店数、年销售额、前 10 名单店日销、布局商圈、竞品）。",
                    "Chain research: fill in the key account's research sheet (classes, stores, sales, top-10 "
                    "store daily sales, layout, competitors)."),
            check=_check_q3,
            hint=("门店数、年销售额和类别从连锁名单取；走访记录的日销单位是元/日，前 10 名门店的日销应高于全连锁的平均单店日销；"
                  "扣率写成 0 到 1 的小数；我方零售价在建议零售价的一半到全价之间。",
                  "Stores, sales and classes come from the chain list; field notes give daily sales in yuan per "
                  "day, and the top-10 stores should sell more than the chain's average store; discount rates are "
                  "fractions from 0 to 1; our price lies between half and all of the suggested retail price."),
            distractors=(
                Distractor(lambda ctx: _sheet(ctx, top10_daily_sales=[round(x / 10000, 2) for x in _TOP10]),
                           ("日销按万元填写", "daily sales typed in 10k yuan")),
                Distractor(lambda ctx: _sheet(ctx, our_price=35.0),
                           ("我方零售价可以高于建议零售价", "our price may exceed the suggested retail price")),
            )),
        Question(
            key="q4", points=3.0,
            prompt=("谈判准备：双方的需求和谈判筹码（各至少 3 项，每个筹码要对上对方的一项需求），以及让步矩阵的参考方案。",
                    "Negotiation preparation: both sides' needs and chips (at least 3 each, every chip meeting a "
                    "need of the other side) and the reference package of the concession matrix."),
            check=_check_q4,
            hint=("讲义的连锁谈判技巧：先了解双方的需求，再了解双方的筹码。筹码是能满足对方某项需求的东西，"
                  "写它满足的是对方的哪一项需求，而不是我们自己想要什么。",
                  "The seed's negotiation steps: first both sides' needs, then both sides' chips. A chip is "
                  "something that meets a need of the other side: write which of their needs it meets, not what "
                  "we want."),
            distractors=(
                Distractor(lambda ctx: prep(ctx.load("clauses"), **_NEEDS,
                                            our_chips={"返利": "回款及时", "店员培训": "黄金陈列位", "联合促销": "总部全品类采购"},
                                            their_chips={"全品类进场": "高毛利", "黄金陈列": "店员和店长培训",
                                                         "缩短账期": "促销活动策划"}),
                           ("筹码写成了自己想要的东西", "chips written as what we want")),
                Distractor(lambda ctx: prep(ctx.load("clauses"), our_needs=["回款及时"], their_needs=["高毛利"],
                                            our_chips={"返利": "高毛利"}, their_chips={"缩短账期": "回款及时"}),
                           ("只谈一件事", "negotiate one thing only")),
            )),
        Question(
            key="q5", points=2.0, on="seen", read=True,
            prompt=("读结款方式比较图：按我方收回货款从早到晚，给讲义的四种结款方式排序。",
                    "Read the payment-terms chart: order the seed's four payment terms by when we are paid, "
                    "soonest first."),
            check=_check_q5,
            hint=("想一想每种方式什么时候收到钱：发货前、到货时、月底结上一批、卖出去以后。图里每条横条旁写着平均天数。",
                  "Ask when each term pays us: before shipping, on delivery, at month end for the previous batch, "
                  "after the goods sell. The chart writes the average days beside each bar."),
            distractors=(
                Distractor(["实销实结", "预付款", "货到付款", "月结（押批）"],
                           ("实销实结卖了就结，最快", "pay as sold pays as soon as it sells")),
                Distractor(["预付款", "月结（押批）", "货到付款", "实销实结"],
                           ("押批押着一批货，所以回款比货到付款快", "a held batch pays faster than delivery")),
            )),
        Question(
            key="q6", points=3.0, manual=True,
            prompt=("你推荐重点客户用哪种结款方式？你会怎样和连锁的采购经理、财务经理沟通？（讲师评分）",
                    "Which payment term do you recommend for the key account, and how would you agree it with the "
                    "chain's purchasing and finance managers? (scored by the instructor)"),
            check=None,
            rubric=("推荐一种讲义里的结款方式，并用这家连锁的数据说明理由（规模、资金成本、回款天数）（1 分）；"
                    "分别说出采购经理和财务经理各自关心什么（1 分）；说明用什么来交换、怎样维护两位经理的客情关系（1 分）。",
                    "Recommend one of the seed's terms with reasons from this chain's data, such as size, financing "
                    "cost and days to pay (1 pt); say what the purchasing and the finance manager each care about "
                    "(1 pt); say what you offer in exchange and how you keep both relationships (1 pt).")),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
