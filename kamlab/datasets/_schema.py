"""Column schemas of the bundled data sets (one source for generator, dictionary and loader).

Each data set is a tuple of :class:`Col`: name, kind (``str``, ``int``,
``float``, ``bool`` or ``month``), Chinese name, unit, meaning, and the
allowed values or range a loader checks.  ``tools/make_datasets.py`` writes
``datasets/<name>.dictionary.csv`` from these tuples.

Examples
--------
>>> [c.name for c in SCHEMAS["chains"]][:3]
['chain_id', 'chain_name', 'province']
>>> KEYS["sellout"]
('store_id', 'month')
>>> pandas_dtypes("clauses")["core"]
'bool'
"""

from __future__ import annotations

from dataclasses import dataclass

PROVINCES = ("上海", "江苏", "浙江", "安徽", "山东", "福建", "江西")
CATEGORIES = ("感冒止咳", "肠胃消化", "维矿补益", "皮肤外用", "慢病用药")
#: Retailers of ``retail_sales``: ABC零售 (the seed's workshop retailer) and five fictional peers.
RETAILERS = ("ABC零售", "华康大药房", "百济堂", "瑞和药房", "益民连锁", "泰安药店")


@dataclass(frozen=True)
class Col:
    """One column: name, kind, 中文名, unit, meaning and the allowed values/range."""

    name: str
    kind: str
    zh: str
    unit: str
    meaning: str
    values: tuple[str, ...] | None = None
    lo: float | None = None
    hi: float | None = None


_PCT = "%"

SCHEMAS: dict[str, tuple[Col, ...]] = {
    "chains": (
        Col("chain_id", "str", "连锁编号", "", "连锁客户编号 C01..C36 / chain id"),
        Col("chain_name", "str", "连锁名称", "", "连锁名称（虚构）/ chain name (fictional)"),
        Col("province", "str", "省份", "", "总部所在省份（华东）/ province of the head office", values=PROVINCES),
        Col("hq_city", "str", "总部城市", "", "总部所在城市 / head-office city"),
        Col("chain_type", "str", "连锁类型", "", "NKA 全国/跨省连锁，LKA 地方连锁 / national or local key account",
            values=("NKA", "LKA")),
        Col("ownership", "str", "经营模式", "", "直营、半直营或加盟 / owned, mixed or franchised stores",
            values=("直营", "半直营", "加盟")),
        Col("store_count", "int", "门店数", "家", "门店数量 / number of stores", lo=1),
        Col("cities_covered", "int", "覆盖城市数", "个", "覆盖城市数量 / number of cities covered", lo=1),
        Col("annual_sales", "float", "年销售额", "万元", "连锁年销售额 / annual sales of the chain", lo=0),
        Col("new_product_acceptance", "float", "新品接受度", _PCT,
            "去年我方新品进场比例 / share of our new products listed last year", lo=0, hi=100),
        Col("willingness", "int", "合作意愿", "1-5分", "合作意愿（战略匹配、响应速度）/ willingness to cooperate",
            lo=1, hi=5),
        Col("gross_margin", "float", "产品毛利率", _PCT, "我方产品在该连锁的毛利率 / our product's gross margin",
            lo=-100, hi=100),
        Col("competitor_gross_margin", "float", "竞品毛利率", _PCT, "主要竞品毛利率 / competitor's gross margin",
            lo=-100, hi=100),
        Col("margin_vs_competitor", "float", "毛利率差", "百分点",
            "我方毛利率 − 竞品毛利率 / gross margin minus competitor's (pp)", lo=-200, hi=200),
        Col("payment_days", "int", "回款天数", "天", "历史平均回款周期，越短越好 / days to pay, lower is better", lo=0),
        Col("cost_ratio", "float", "费用投入比例", _PCT, "合作费用 / 销售额，越低越好 / cost of serving over sales",
            lo=0, hi=100),
        Col("sales_growth_3m", "float", "近3个月环比增速", _PCT, "我方产品近3个月销量环比增速 / 3-month sales growth"),
        Col("clerk_recommendation", "float", "店员推荐率", _PCT, "终端走访中店员主动推荐比例 / clerk recommendation rate",
            lo=0, hi=100),
        Col("golden_display_share", "float", "黄金陈列占比", _PCT,
            "我方产品位于黄金陈列位的门店比例 / share of stores with golden display", lo=0, hi=100),
    ),
    "doctors": (
        Col("doctor_id", "str", "医生编号", "", "医生编号 D001.. / doctor id"),
        Col("hospital", "str", "医院", "", "医院名称（虚构）/ hospital (fictional)"),
        Col("hospital_level", "str", "医院等级", "", "三级、二级或社区 / hospital level",
            values=("三级", "二级", "社区")),
        Col("city", "str", "城市", "", "所在城市 / city"),
        Col("department", "str", "科室", "", "科室 / department",
            values=("心内科", "内分泌科", "呼吸科", "消化科", "全科")),
        Col("title", "str", "职称", "", "职称 / title", values=("主任医师", "副主任医师", "主治医师", "住院医师")),
        Col("patients_per_month", "int", "月病人数", "人", "每月相关病人数 / patients per month", lo=0),
        Col("dept_beds", "int", "科室床位数", "张",
            "医生所在科室的住院床位数，0 = 无病房（社区卫生服务中心）/ beds of the doctor's department (0 = no ward)",
            lo=0),
        Col("outpatients_month", "int", "月门诊量", "人次", "医生本人每月门诊人次（各级医院同一口径）/ "
            "the doctor's outpatient visits per month", lo=0),
        Col("value_orientation", "str", "价值取向", "", "医生的价值取向 / value orientation",
            values=("学术导向", "患者导向", "关系导向", "价格导向")),
        Col("influence", "str", "影响力", "", "学术影响力 / influence",
            values=("学科带头人", "科室骨干", "普通医生")),
        Col("first_choice", "str", "是否首选用药", "", "我方产品是否首选 / our product is the first choice",
            values=("是", "有时", "否")),
        Col("talk_order", "int", "谈话顺序", "1-5", "1 = 我方代表最先被接待，越低越好 / 1 = we are seen first",
            lo=1, hi=5),
        Col("message_delivered", "int", "信息传递", "1-5分", "关键信息传递效果 / message delivered", lo=1, hi=5),
        Col("accepts_invitation", "str", "接受邀请", "", "是否接受活动邀请 / accepts invitations",
            values=("总是", "有时", "从不")),
        Col("incident_handling", "int", "突发事件处理", "1-5分", "不良反应等突发事件处理 / incident handling",
            lo=1, hi=5),
        Col("awareness", "int", "认知", "1-5分", "对我方产品的认知（观察）/ observed awareness", lo=1, hi=5),
        Col("commitment", "int", "承诺", "1-5分", "处方承诺（观察）/ observed commitment to prescribe", lo=1, hi=5),
        Col("monthly_rx_units", "int", "月处方量", "盒", "我方产品月处方量 / monthly prescriptions (boxes)", lo=0),
    ),
    "needs": (
        Col("account_id", "str", "客户编号", "", "重点连锁客户编号（见 chains）/ key account id"),
        Col("need_id", "str", "需求编号", "", "需求编号 N01.. / need id"),
        Col("need", "str", "需求", "", "需求描述 / the need"),
        Col("kind", "str", "需求类型", "", "显性或隐性需求 / explicit or implicit", values=("显性", "隐性")),
        Col("channel", "str", "信息渠道", "", "总部、门店或外部 / channel", values=("总部", "门店", "外部")),
        Col("source", "str", "信息来源", "", "信息从哪里来 / where the information came from"),
        Col("fit", "str", "我方匹配能力", "", "满足这条需求要我们做到什么（需求匹配的证据）/ what it takes us to meet "
            "the need (evidence of match)", values=("现有方案可直接满足", "现有资源稍作调整即可满足", "需市场部、品牌部配合",
                                                   "需公司新增政策或预算", "超出我方能力")),
        Col("uplift", "float", "预计年增量销售额", "万元", "做成后该客户预计年增量销售额（机会价值的证据）/ expected annual "
            "incremental sales for this account (evidence of value)", lo=0),
        Col("base_score", "float", "动销基础分", "0-100分", "该客户的动销基础得分 / sell-through base score",
            lo=0, hi=100),
        Col("competitor_pressure", "int", "竞品压力", "1-5分", "竞品动作带来的压力 / competitor pressure", lo=1, hi=5),
    ),
    "clauses": (
        Col("clause", "str", "条款", "", "年度协议条款 / clause of the annual agreement"),
        Col("option_order", "int", "选项顺序", "", "选项顺序，1 对我方最有利 / option order, 1 best for us", lo=1),
        Col("option", "str", "选项", "", "条款选项 / option"),
        Col("ours", "float", "我方得分", "0-100分", "该选项对我方的价值 / our score", lo=0, hi=100),
        Col("theirs", "float", "对方得分", "0-100分", "该选项对连锁的价值（估计）/ their score (estimated)",
            lo=0, hi=100),
        Col("our_weight", "float", "我方权重", "", "我方对该条款的重视程度 / our weight", lo=0),
        Col("their_weight", "float", "对方权重", "", "对方对该条款的重视程度 / their weight", lo=0),
        Col("core", "bool", "核心条款", "", "是否核心条款（动销目标、活动支持）/ core clause (sell-out target, activity support)"),
        Col("opening", "str", "开价", "", "我方开局选项 / our opening option"),
        Col("target", "str", "目标", "", "我方目标选项 / our target option"),
        Col("walk_away", "str", "底线", "", "我方底线选项 / our walk-away option"),
    ),
    "sellout": (
        Col("store_id", "str", "门店编号", "", "门店编号 S0001.. / store id"),
        Col("chain_id", "str", "连锁编号", "", "所属连锁（见 chains）/ chain id"),
        Col("region", "str", "城市", "", "门店所在城市 / city"),
        Col("month", "month", "月份", "YYYY-MM", "月份 / month"),
        Col("is_target", "bool", "目标门店", "", "是否目标门店 / target store"),
        Col("stocked", "bool", "是否铺货", "", "当月是否有货 / stocked this month"),
        Col("units_sold", "int", "销量", "盒", "当月销量 / units sold", lo=0),
        Col("inventory_begin", "int", "期初库存", "盒", "月初库存 / inventory at month start", lo=0),
        Col("inventory_end", "int", "期末库存", "盒", "月末库存 / inventory at month end", lo=0),
        Col("mystery_visits", "int", "暗访次数", "次", "神秘顾客暗访次数 / mystery-shopper visits", lo=0),
        Col("recommended_visits", "int", "推荐次数", "次", "暗访中店员推荐我方产品次数 / visits with a recommendation",
            lo=0),
    ),
    "retail_sales": (
        Col("month", "month", "月份", "YYYY-MM", "月份 / month"),
        Col("retailer_id", "str", "零售商编号", "", "零售商编号 R01..R06，R01 = ABC零售 / retailer id (R01 = ABC)"),
        Col("retailer", "str", "零售商", "", "零售商名称（虚构）/ retailer name (fictional)", values=RETAILERS),
        Col("category", "str", "品类", "", "我方产品品类 / our product category", values=CATEGORIES),
        Col("sales", "float", "销售额", "万元", "当月我方产品在该零售商的销售额 / our sales this month", lo=0),
        Col("target", "float", "销售目标", "万元", "当月销售目标 / sales target this month", lo=0),
        Col("last_year_sales", "float", "去年同期销售额", "万元", "去年同月的销售额 / sales in the same month last year",
            lo=0),
        Col("units", "int", "销量", "盒", "当月销量 / units sold this month", lo=0),
        Col("stores", "int", "有售门店数", "家", "当月有该品类销售的门店数 / stores selling the category", lo=0),
    ),
}

#: Columns that identify a row (must be unique together).
KEYS: dict[str, tuple[str, ...]] = {
    "chains": ("chain_id",),
    "doctors": ("doctor_id",),
    "needs": ("account_id", "need_id"),
    "clauses": ("clause", "option"),
    "sellout": ("store_id", "month"),
    "retail_sales": ("retailer_id", "category", "month"),
}

_DTYPES = {"str": "str", "month": "str", "int": "int64", "float": "float64", "bool": "bool"}


def pandas_dtypes(name: str) -> dict[str, str]:
    """Return ``{column: pandas dtype}`` of data set *name* (shipped CSV and every variant)."""
    return {c.name: _DTYPES[c.kind] for c in SCHEMAS[name]}


def coerce(df, name: str):
    """Return *df* with the columns of *name* in schema order and schema dtypes."""
    return df.loc[:, [c.name for c in SCHEMAS[name]]].astype(pandas_dtypes(name))
