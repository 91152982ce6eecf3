"""The seed's display basics and promotion types as reference tables (seed 001 part 2, 二 and 五).

The seed names 基础陈列流程“三确定”, 基础陈列要求“三标准”, POSM, 特殊陈列
(端架、专柜、堆头) and 几种常见促销方式的优缺点 without spelling them out; the
course fills them in with common OTC trade practice, stated here as a
teaching convention.

Examples
--------
>>> list(BASIC_DISPLAY["三确定"])
['确定陈列位置', '确定陈列面数', '确定陈列方式']
>>> pros_cons_table().loc["折扣", "缺点"][:6]
'让利落在所有'
"""

from __future__ import annotations

import pandas as pd

from .._i18n import localized

__all__ = ["BASIC_DISPLAY", "POSM_TYPES", "SPECIAL_DISPLAYS", "PROMOTION_PROS_CONS", "pros_cons_table",
           "reference_table"]

#: 基础陈列: 三确定 (the process) and 三标准 (the requirements): item -> (中文说明, English).
BASIC_DISPLAY: dict[str, dict[str, tuple[str, str]]] = {
    "三确定": {
        "确定陈列位置": ("和店长确定品类区和货架位置：视线高度、顺着客流", "agree the bay and shelf: eye level, with the flow"),
        "确定陈列面数": ("按销售占比算出应得的陈列面（公平份额）", "work out the facings the sales share earns"),
        "确定陈列方式": ("纵向集中陈列、同系列放在一起、正面朝外", "vertical block, one range together, fronts out"),
    },
    "三标准": {
        "位置标准": ("在最佳位置、最佳高度，不被竞品遮挡", "best position and height, not hidden by others"),
        "排面标准": ("陈列面数达到应得面数，货架饱满", "facings at least what the sales earn, shelf full"),
        "价签标准": ("价签对应、清楚，价格在价格带内", "price tag matches, clear, price in the band"),
    },
}
#: Common POSM (point-of-sale materials) and what each is for: name -> (中文, English).
POSM_TYPES: dict[str, tuple[str, str]] = {
    "海报": ("告知卖点和促销，贴在入口或品类区", "tells the benefit or the offer, at the door or the bay"),
    "跳跳卡": ("货架上吸引视线，指向产品", "catches the eye on the shelf, points at the product"),
    "价签贴": ("促销价、会员价清楚标示", "shows the promotion or member price clearly"),
    "展示盒": ("收银台或柜台的小陈列，带动顺带购买", "small display at the till, for add-on buys"),
    "宣传册": ("店员讲解和顾客带走的疾病、用药知识", "disease and usage leaflets for clerks and shoppers"),
}
#: Special displays: name -> (when it pays, 中文; English).
SPECIAL_DISPLAYS: dict[str, tuple[str, str]] = {
    "端架": ("货架两端，客流必经：季节高峰或新品上市的主推产品", "shelf end on the main aisle: the season's or a "
                                                           "launch's lead product"),
    "专柜": ("专门的品牌柜台：品类齐全、有专业讲解的系列产品", "a brand counter: a full range with advice"),
    "堆头": ("地面堆放、量大醒目：促销期的大量销售", "a floor stack: big volume in a promotion"),
}
#: The seed's five promotion types, pros and cons: type -> (优点, 缺点, pros, cons).
PROMOTION_PROS_CONS: dict[str, tuple[str, str, str, str]] = {
    "折扣": ("简单直接，短期拉量快", "让利落在所有销量上，包括本来就会买的顾客；常用会伤价格形象",
             "simple, lifts volume fast", "the discount falls on every sale, loyal buyers too; harms the price "
                                         "image if frequent"),
    "限时特价": ("制造紧迫感，带客流", "时间过后销量回落，容易引发价格攀比", "urgency, brings traffic",
             "sales drop after; invites price wars"),
    "买赠": ("不降价，保护价格体系", "赠品要有吸引力，成本和合规要控制", "no price cut, protects the price",
           "the gift must appeal; watch its cost and compliance"),
    "会员优惠": ("针对老顾客，提高忠诚度和复购", "对新客吸引有限，依赖连锁的会员系统", "rewards regulars, repeat buys",
             "weak for new shoppers; needs the chain's member system"),
    "主题日促": ("结合季节和健康主题，可配合店员讲解和陈列", "准备工作多，需要连锁和店员配合",
             "ties to season and health themes, with clerks and displays", "much preparation; needs the chain "
                                                                          "and clerks"),
}


def reference_table(items: dict[str, tuple[str, str]], column: tuple[str, str]) -> pd.DataFrame:
    """A two-language reference table of *items* (name -> (中文, English)) under *column*.

    Examples
    --------
    >>> reference_table(SPECIAL_DISPLAYS, ("什么时候用", "when to use")).index.tolist()
    ['端架', '专柜', '堆头']
    """
    return pd.DataFrame({localized(*column): [localized(*v) for v in items.values()]},
                        index=pd.Index(list(items), name=localized("名称", "name")))


def pros_cons_table() -> pd.DataFrame:
    """The seed's promotion types with their pros and cons, in the current language.

    Examples
    --------
    >>> pros_cons_table().shape
    (5, 2)
    """
    rows = {k: (localized(v[0], v[2]), localized(v[1], v[3])) for k, v in PROMOTION_PROS_CONS.items()}
    return pd.DataFrame(list(rows.values()), columns=[localized("优点", "pros"), localized("缺点", "cons")],
                        index=pd.Index(list(rows), name=localized("促销方式", "promotion type")))
