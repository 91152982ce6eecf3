"""The case of m09: the course constants, both sides' need lists, the messages and the key account.

Examples
--------
>>> MIN_ITEMS, len(OUR_NEEDS), len(CHAIN_NEEDS)
(3, 8, 16)
"""

from __future__ import annotations

import pandas as pd

from ..._i18n import Messages
from .._shared import resolve_account

MODULE = "m09"
DATASET = "chains"
#: At least this many needs per side and bargaining chips per side.
MIN_ITEMS = 3
#: Default share of the chain's annual sales that is our product (expected annual purchase).
PURCHASE_SHARE = 0.001
#: Default share of direct stores by mode when the trainee has not observed it (全直营 is always 1).
DIRECT_SHARE = {"direct": 1.0, "semi": 0.6, "franchise": 0.2}
#: What we want from a chain (the manufacturer's needs).
OUR_NEEDS = ["总部全品类采购", "新品及时进场", "目标门店铺货率", "黄金陈列位", "年度分销数量", "回款及时",
             "动销数据反馈", "店员主动推荐"]
#: The chain's needs, as the seed lists them (产品需求、服务需求、销售需求).
CHAIN_NEEDS = ["高毛利", "品牌企业二类产品", "产品质量和疗效", "产品安全性和包装", "店员和店长培训", "药店包装",
               "广告宣传支持", "日常办公耗材支持", "消费者异议处理支持", "促销活动策划", "促销物料支持",
               "促销人员支持", "社区活动支持", "会员日活动支持", "消费者教育支持", "店头活动支持"]

#: The seed's three groups of chain needs (二、了解连锁客户需求): 产品需求、服务需求、销售需求.
NEED_GROUPS: dict[str, tuple[str, str]] = {"产品需求": ("产品需求", "product needs"),
                                           "服务需求": ("服务需求", "service needs"),
                                           "销售需求": ("销售需求", "sales needs")}
#: Exercise 2: needs of the seed, shown mixed up, and the group the seed puts each in.
NEED_QUIZ: dict[str, str] = {"店员和店长培训": "服务需求", "高毛利": "产品需求", "会员日活动支持": "销售需求",
                             "广告宣传支持": "服务需求", "产品质量和疗效": "产品需求", "促销活动策划": "销售需求",
                             "消费者异议处理支持": "服务需求", "品牌企业二类产品": "产品需求"}
#: The seed's chain needs by group (二、了解连锁客户需求), in the seed's order.
NEEDS_BY_GROUP: dict[str, tuple[str, ...]] = {
    "产品需求": ("高毛利", "品牌企业二类产品", "产品质量和疗效", "产品安全性和包装"),
    "服务需求": ("店员和店长培训", "药店包装", "广告宣传支持", "日常办公耗材支持", "消费者异议处理支持"),
    "销售需求": ("促销活动策划", "促销物料支持", "促销人员支持", "社区活动支持", "会员日活动支持", "消费者教育支持",
                 "店头活动支持"),
}
#: The development steps of the seed (三、连锁药店开发流程: 铺货准备, 铺货谈判), as a checklist (zh, en).
CHECKLIST: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = tuple(
    (("铺货准备", "preparation"), item) for item in (
        ("证照、质量保证协议、法人委托书", "licences, quality agreement, power of attorney"),
        ("收集连锁主要领导的个人资料并分析", "profiles of the chain's leaders, analysed"),
        ("书面谈判要点：产品数量和种类、价格、年销售量", "written points: products, prices, annual volume"),
        ("最好有熟人引领并介绍", "an introduction by someone both sides know"))) + tuple(
    (("铺货谈判", "negotiation"), item) for item in (
        ("问好并自我介绍", "greet and introduce yourself"), ("表明合作愿望", "state the wish to cooperate"),
        ("询问对方要求，告知额外支持（促销活动、店员培训）", "ask their needs, offer extra support (promotions, training)"),
        ("提交产品资料并简单介绍企业", "hand over product files, present the company"),
        ("倾听对方反馈并分析", "listen to the feedback and analyse it"),
        ("初步确立合作意向", "agree the intention to cooperate"), ("签订合作协议", "sign the agreement")))
#: Chinese terms the module treats as data (needs and terms the answers use).
DATA_TERMS: tuple[str, ...] = (*OUR_NEEDS, *CHAIN_NEEDS, *NEED_GROUPS, "促销物料支持", "促销人员支持",
                               "预付款", "货到付款", "实销实结", "月结（押批）")
#: Exercise 5: the order asked for (when each term pays us, soonest first) is read from this tool column.
ORDER_BY = "days"

MSGS = Messages({
    "lo": ("小型/中型分界（万元）", "small/medium cut (10k yuan)"),
    "hi": ("中型/大型分界（万元）", "medium/large cut (10k yuan)"),
    "scope": ("区域", "scope"),
    "size": ("规模（按销售额）", "size (by sales)"),
    "mode": ("药店管理", "store management"),
    "any": ("不限", "any"),
    "count": ("符合条件的连锁：{n} 家", "Chains matching: {n}"),
    "direct_share": ("直营店占比", "direct-store share"),
    "daily_sales": ("日销额（元/日）", "daily sales (yuan/day)"),
    "layout": ("布局、地址、商圈……", "Layout, addresses, trade areas..."),
    "product": ("竞品", "competitor"),
    "sales": ("年销量（万元）", "sales (10k yuan/yr)"),
    "price": ("零售价（元）", "retail price"),
    "discount_rate": ("扣率（0–1）", "discount (0-1)"),
    "relationship": ("客情", "relations"),
    "our_price": ("我方零售价（元）", "our retail price"),
    "srp": ("我方建议零售价（元）", "our suggested retail price"),
    "sheet_ok": ("✓ 调研表完整，数字合理。", "✓ The research sheet is complete and plausible."),
    "our_needs": ("我方需求", "our needs"),
    "their_needs": ("对方（连锁）需求", "their needs"),
    "chip": ("筹码", "chip"),
    "meets_theirs": ("满足对方哪项需求", "meets which of their needs"),
    "meets_ours": ("满足我方哪项需求", "meets which of our needs"),
    "our_chips": ("我方筹码（我们能给的）", "our chips (what we can give)"),
    "their_chips": ("对方筹码（连锁能给的）", "their chips (what the chain can give)"),
    "prep_ok": ("✓ 双方需求和筹码齐全，每个筹码都对上了对方的需求。",
                "✓ Needs and chips complete; every chip meets a need of the other side."),
    "nash": ("让步矩阵的纳什点方案：", "Nash package of the concession matrix:"),
    "terms": ("谈判桌上的结款方式", "terms on the table"),
    "class_row": ("{id} {name}：{type}，{own}，门店 {stores} 家，覆盖 {cities} 个城市，年销售额 {sales:,.0f} 万元",
                  "{id} {name}: {type}, {own}, {stores} stores in {cities} cities, annual sales {sales:,.0f} (10k yuan)"),
    "pick": ("（请选择）", "(choose)"),
    "chosen": ("已选：{text}", "Chosen: {text}"),
    "not_chosen": ("还没有选择。", "Nothing chosen yet."),
    "group_title": ("每项需求属于哪一类？", "Which group does each need belong to?"),
    "order_title": ("按我方收回货款从早到晚排序", "Order by when we are paid, soonest first"),
    "position": ("第 {n} 位", "Position {n}"),
    "sheet_missing": ("调研表还没填完：{what}", "The research sheet is not finished: {what}"),
    "top10_n": ("前 10 名门店日销（已填 {n}/10）", "top-10 store daily sales ({n}/10 filled)"),
    "layout_missing": ("布局和商圈", "layout and trade areas"),
    "comps_missing": ("至少一个竞品", "at least one competitor"),
    "prices_missing": ("我方零售价和建议零售价", "our price and suggested retail price"),
    "text": ("在这里写你的回答……", "Write your answer here..."),
    "sep": ("；", "; "),
    "err_needs": ("{name} 应是文字列表，至少 {k} 项，例如 {example}。",
                  "{name} should be a list of at least {k} texts, e.g. {example}."),
    "err_chips": ("{name} 应是字典 {{筹码: 它满足的对方需求}}。", "{name} should be a dict {{chip: the need it meets}}."),
    "err_share": ("{name} = {value!r} 不对：应是 0 到 1 之间的小数。", "{name} = {value!r} is invalid: use a fraction 0-1."),
})


def key_account(account: str | None, chains: pd.DataFrame) -> str:
    """The key account chosen in m02 (parameter *account*), or the course default.

    Examples
    --------
    >>> import kamlab as kl
    >>> key_account(None, kl.datasets.load("chains"))
    'C18'
    """
    return resolve_account(account, chains)


def _row(chains: pd.DataFrame, account: str) -> pd.Series:
    ids = chains["chain_id"].astype(str)
    if str(account) not in set(ids):
        key_account(account, chains)  # raises the bilingual "not in the chain list" error
    return chains.loc[ids == str(account)].iloc[0]
