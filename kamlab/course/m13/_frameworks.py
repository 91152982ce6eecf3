"""The seed's named frameworks of stages 2–3 as small bilingual tables (worked examples of the notebook).

The seed (003) names these frameworks without spelling them out ("5个核心问题", "五大挑战", "三方面六要素",
"一个闭环、四个流程"); the rows here are the course's own reading, and the notebook says so.  "核心关键6+1"
follows the seed's own list: the six reports of a JBP and the preparation of the sell-in.

Examples
--------
>>> framework("6+1").shape
(7, 3)
>>> sorted(FRAMEWORKS)
['5问', '6+1', '三方面六要素', '五大挑战', '分销模式', '闭环四流程']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..._errors import BadValueError
from ..._i18n import localized
from ..._problems import did_you_mean
from ...planning import part_titles

__all__ = ["FRAMEWORKS", "framework", "jbp_parts"]

_Row = tuple[tuple[str, str], tuple[str, str], tuple[str, str]]

#: name -> (column labels, rows); every cell a (zh, en) pair.
FRAMEWORKS: dict[str, tuple[tuple[tuple[str, str], ...], tuple[_Row, ...]]] = {
    "5问": ((("问题", "question"), ("要回答什么", "what it answers"), ("本模块在哪里", "where in this module")), (
        (("1 卖给谁、在哪里卖", "1 To whom, where"), ("客户与渠道：ABC零售 的门店", "customer and channel: ABC's stores"),
         ("生意回顾", "the review")),
        (("2 卖什么", "2 What"), ("品类与产品组合：哪些品类承担增长", "categories and mix: which carry growth"),
         ("练习 5", "exercise 5")),
        (("3 卖多少", "3 How much"), ("基数 × (1 + 增长率)，高于惯性增长", "base × (1 + growth), above momentum"),
         ("练习 4", "exercise 4")),
        (("4 怎么卖、用什么资源", "4 How, with what"), ("策略、行动和投入", "strategies, actions, resources"),
         ("练习 6–7", "exercises 6-7")),
        (("5 怎样衡量和跟踪", "5 How measured and tracked"), ("指标、负责人、时间、复盘会", "metrics, owners, dates, reviews"),
         ("练习 6–7", "exercises 6-7")))),
    "五大挑战": ((("挑战", "challenge"), ("表现", "what it looks like"), ("JBP 怎样应对", "how a JBP answers it")), (
        (("1 目标不一致", "1 Goals differ"), ("厂家要销量，经销商要利润", "the brand wants volume, the distributor profit"),
         ("第 4–5 部分写对方的财务目标", "parts 4-5 state the partner's financial goals")),
        (("2 缺乏有效的数据支持", "2 No reliable data"), ("进销存不透明，需求判断不准", "sell-in/out and stock unclear"),
         ("第 1、3 部分用数据复盘", "parts 1 and 3 review with data")),
        (("3 资源配置不合理", "3 Resources misallocated"), ("费用撒胡椒面，没有重点", "spend spread thin"),
         ("第 5 部分写明投入与回报", "part 5 states investment and return")),
        (("4 资金与库存压力", "4 Cash and stock pressure"), ("账期长、库存天数高", "long credit, high stock days"),
         ("盈利模式算清资金成本", "the profit model counts the cost of money")),
        (("5 执行和覆盖能力不足", "5 Weak execution and reach"), ("下游覆盖不全、人手不够", "thin coverage, few people"),
         ("第 6 部分的行动、负责人、复盘", "part 6: actions, owners, reviews")))),
    "分销模式": ((("模式", "route to market"), ("适合", "fits"), ("对计划的影响", "what it means for the plan")), (
        (("厂家直供 KA", "brand direct to KA"), ("大型连锁、集中采购", "large chains buying centrally"),
         ("JBP 直接和零售客户做（本模块的 ABC零售）", "the JBP is made with the retailer, as with ABC here")),
        (("经销商分销", "via distributors"), ("中小连锁、单体药店、基层", "small chains, independents"),
         ("JBP 和经销商做，看它的盈利模式", "the JBP is made with the distributor; mind its profit model")),
        (("经销商 + 厂家协同", "distributor + brand"), ("厂家做终端、经销商做物流和资金", "brand sells in-store, "
                                                      "distributor delivers and finances"),
         ("行动计划分清双方的分工", "the action plan splits the roles")))),
    "三方面六要素": ((("方面", "side"), ("要素", "element"), ("检查", "check")), (
        (("品牌厂商", "brand"), ("1 完整的数据与分析", "1 complete data and analysis"), ("有生意回顾和漏斗", "a review "
                                                                                       "and funnel exist")),
        (("品牌厂商", "brand"), ("2 资源与授权", "2 resources and authority"), ("投入有预算、有人拍板", "budget approved")),
        (("合作方", "partner"), ("3 高层的意愿", "3 management's will"), ("对方高层参加沟通会", "their managers attend")),
        (("合作方", "partner"), ("4 执行团队", "4 an execution team"), ("每项行动有对方的负责人", "an owner on their side")),
        (("双方", "both"), ("5 互信与信息共享", "5 trust and shared data"), ("进销存数据按月共享", "monthly data "
                                                                                   "sharing")),
        (("双方", "both"), ("6 共同的跟踪机制", "6 joint tracking"), ("每季度复盘会写进计划", "quarterly reviews "
                                                                              "in the plan")))),
    "闭环四流程": ((("流程", "process"), ("做什么", "what happens"), ("在 JBP 里", "in the JBP")), (
        (("1 联合制定", "1 Plan together"), ("双方复盘、定目标和计划", "review, set goals and plan together"),
         ("第 1–5 部分", "parts 1-5")),
        (("2 卖入与签署", "2 Sell in, sign"), ("高层沟通会上达成一致", "agree at the management meeting"),
         ("练习 8", "exercise 8")),
        (("3 执行与日常沟通", "3 Execute, talk daily"), ("按行动计划执行，日常沟通", "run the actions, talk daily"),
         ("第 6 部分的行动", "part 6 actions")),
        (("4 复盘与调整", "4 Review, adjust"), ("每季度复盘，落后就调整，回到 1", "review each quarter, adjust, "
                                                                      "back to 1"),
         ("第 6 部分的复盘会", "part 6 review meetings")))),
    "6+1": ((("准备", "preparation"), ("看什么", "what to read"), ("说什么", "what to say")), (
        (("1 品牌厂商的上阶段生意回顾", "1 Brand: last period's review"), ("达成、增长、漏斗", "achievement, growth, "
                                                                          "funnel"),
         ("我们哪里做得好、哪里落后", "where we did well or fell behind")),
        (("2 品牌厂商的下阶段生意计划", "2 Brand: next period's plan"), ("目标及分解", "the goal and its split"),
         ("增量从哪里来", "where the growth comes from")),
        (("3 合作方的上阶段实施情况复盘", "3 Partner: execution review"), ("促销、铺货执行率", "promotion, listing "
                                                                        "execution"),
         ("执行上的差距", "execution gaps")),
        (("4 合作方的上阶段经营财务状况", "4 Partner: last period's finances"), ("收入、毛利、库存天数、账期",
                                                                           "revenue, margin, stock days, credit"),
         ("对方的痛点", "the partner's pain points")),
        (("5 合作方的下阶段财务目标与计划", "5 Partner: next period's targets"), ("对方的收入和利润目标",
                                                                          "their revenue and profit goals"),
         ("JBP 给对方带来什么", "what the JBP brings them")),
        (("6 合作方的下阶段合作实施计划", "6 Partner: joint actions"), ("行动、负责人、时间、预算",
                                                                 "actions, owners, dates, budget"),
         ("谁在什么时候做什么", "who does what, when")),
        (("+1 JBP 卖入的沟通准备", "+1 Preparing the sell-in"), ("对方高层关心什么、可能的异议",
                                                               "what their managers care about, likely objections"),
         ("先讲对方的利益", "lead with their gain")))),
}


def framework(name: str) -> Any:
    """One of the seed's frameworks as a table in the current language.

    Examples
    --------
    >>> framework("闭环四流程").iloc[3, 0]
    '4 复盘与调整'
    """
    if name not in FRAMEWORKS:
        hz, he = did_you_mean(name, list(FRAMEWORKS))
        raise BadValueError(f"没有框架 {name!r}{hz}：请用 {', '.join(FRAMEWORKS)}。",
                            f"No framework {name!r}{he}: use {', '.join(FRAMEWORKS)}.", column="name")
    columns, rows = FRAMEWORKS[name]
    return pd.DataFrame([[localized(*cell) for cell in row] for row in rows],
                        columns=[localized(*c) for c in columns])


def jbp_parts(kind: str = "retailer") -> Any:
    """The six parts of a JBP with a partner of *kind*, headings in the current language.

    Examples
    --------
    >>> jbp_parts().iloc[2, 1]
    '零售客户的上阶段实施情况复盘'
    """
    return pd.DataFrame([(n, localized(zh, en)) for n, (_key, zh, en) in enumerate(part_titles(kind), start=1)],
                        columns=[localized("部分", "part"), localized("标题", "heading")])
