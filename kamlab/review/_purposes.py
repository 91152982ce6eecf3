"""Why review the business (five purposes) and a metric system around one business topic.

Seed 003 阶段一: 为何要进行生意复盘 — 销售预测 (Forecast), 现状监控 (Monitor),
业绩评估 (Evaluate), 诊断问题 (Diagnose), 发现机会 (Explore); and 业务指标建立 —
如何围绕一个业务主题建立衡量指标体系 (业务结果系列、执行过程系列、其他重点关注系列).

Examples
--------
>>> list(PURPOSES)
['forecast', 'monitor', 'evaluate', 'diagnose', 'explore']
>>> PURPOSES["diagnose"].zh, purpose_code("预测"), purpose_code("Monitor")
('诊断问题', 'forecast', 'monitor')
>>> ms = metric_system("销售增长")
>>> ms.table.loc[0, ["metric", "parent", "series"]].tolist()
['销售额', '', '业务结果']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages, get_language, localized
from .._plotting import new_axes, styled
from .._result import TableResult

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["Purpose", "PURPOSES", "purpose_code", "TOPICS", "MetricSystem", "metric_system"]


@dataclass(frozen=True)
class Purpose:
    """One purpose of a business review: code, names, what it answers, a typical question."""

    code: str
    zh: str
    en: str
    short: str
    explain_zh: str
    explain_en: str
    example_zh: str
    example_en: str

    @property
    def name(self) -> str:
        """The name in the current language."""
        return localized(self.zh, self.en)

    @property
    def explain(self) -> str:
        """What this purpose answers, in the current language."""
        return localized(self.explain_zh, self.explain_en)


#: The five purposes of a business review (生意复盘的五个目的), in the seed's order.
PURPOSES: dict[str, Purpose] = {p.code: p for p in (
    Purpose("forecast", "销售预测", "Forecast", "预测",
            "下一阶段会卖多少？用过去的规律（季节性、趋势）估计未来，用来定目标、备货、配资源。",
            "How much will we sell next? Use past patterns (season, trend) to estimate the future for "
            "targets, stock and resources.",
            "下个季度感冒药要备多少货？", "How much cold medicine should we stock next quarter?"),
    Purpose("monitor", "现状监控", "Monitor", "监控",
            "现在进度如何？按月/周跟踪实际与目标的差距，及早发现偏离。",
            "Where do we stand now? Track actual against target month by month and spot drift early.",
            "本月到今天，各品类的销售进度跟得上目标吗？", "Is every category on pace for this month's target?"),
    Purpose("evaluate", "业绩评估", "Evaluate", "评估",
            "一个阶段结束，做得好不好？用达成率、增长率、与同行比较来评价结果。",
            "At the end of a period: how well did we do? Judge results by achievement, growth and peers.",
            "去年全年 ABC零售 的目标完成得怎么样？", "How well did ABC Retail meet last year's target?"),
    Purpose("diagnose", "诊断问题", "Diagnose", "诊断",
            "为什么没做好？沿指标体系层层拆解，找到拖后腿的品类、门店和环节。",
            "Why did we fall short? Break the result down along the metric system to the category, store "
            "and step that pulled it down.",
            "这个品类为什么连续落后于目标？", "Why has this category kept missing its target?"),
    Purpose("explore", "发现机会", "Explore", "探索",
            "还有哪里能增长？比较同行、品类和门店，找到没被挖掘的空间。",
            "Where else can we grow? Compare peers, categories and stores to find untapped room.",
            "哪些品类在同行那里卖得好、在我们这里还有空间？",
            "Which categories sell well at peers but still have room with us?"),
)}


def purpose_code(name: Any) -> str:
    """The code of a purpose given by code, Chinese name, short name or English name.

    Raises
    ------
    BadSpecError
        For an unknown name, listing the five purposes.

    Examples
    --------
    >>> purpose_code("诊断问题"), purpose_code("explore"), purpose_code(" 评估 ")
    ('diagnose', 'explore', 'evaluate')
    """
    text = str(name).strip().lower() if isinstance(name, str) else None
    for p in PURPOSES.values():
        if text in (p.code, p.zh, p.en.lower(), p.short):
            return p.code
    listed = "、".join(p.short for p in PURPOSES.values())
    raise BadSpecError(
        f"{name!r} 不是生意复盘的目的。请从 {listed} 中选择。",
        f"{name!r} is not a purpose of a business review. Choose one of: "
        + ", ".join(p.en for p in PURPOSES.values()) + ".",
        column="purpose")


# metric, parent, series, formula (zh, en), data column
_Row = tuple[str, str, str, str, str, str, str]
#: Metric systems per business topic: 业务结果 (results), 执行过程 (process), 其他重点关注 (other watch-points).
TOPICS: dict[str, tuple[str, tuple[_Row, ...]]] = {
    "销售增长": ("Sales growth", (
        ("销售额", "", "业务结果", "Sales", "有售门店数 × 单店销售额", "stores × sales per store", "sales"),
        ("达成率", "销售额", "业务结果", "Achievement", "销售额 ÷ 目标", "sales ÷ target", "target"),
        ("同比增长率", "销售额", "业务结果", "YoY growth", "销售额 ÷ 去年同期 − 1", "sales ÷ last year − 1",
         "last_year_sales"),
        ("有售门店数", "销售额", "执行过程", "Selling stores", "目标门店 × 铺货率 × 动销率",
         "target stores × distribution × sell-through", "stores"),
        ("单店销售额", "销售额", "执行过程", "Sales per store", "销量 × 单价 ÷ 有售门店数",
         "units × price ÷ selling stores", ""),
        ("铺货率", "有售门店数", "执行过程", "Distribution rate", "有货门店 ÷ 目标门店",
         "stocked stores ÷ target stores", ""),
        ("动销率", "有售门店数", "执行过程", "Sell-through rate", "有销量门店 ÷ 有货门店",
         "selling stores ÷ stocked stores", ""),
        ("店员推荐率", "单店销售额", "执行过程", "Clerk recommendation", "推荐次数 ÷ 暗访次数",
         "recommendations ÷ mystery visits", ""),
        ("单价", "单店销售额", "其他重点关注", "Price", "销售额 ÷ 销量", "sales ÷ units", "units"),
        ("竞品动向", "单店销售额", "其他重点关注", "Competitor moves", "竞品促销、新品、价格", "promotions, launches, prices",
         ""),
    )),
    "品类结构": ("Category mix", (
        ("品类销售额", "", "业务结果", "Category sales", "Σ 各品类销售额", "Σ sales by category", "sales"),
        ("品类占比", "品类销售额", "业务结果", "Category share", "品类销售额 ÷ 总销售额", "category sales ÷ total",
         "category"),
        ("品类增长率", "品类销售额", "业务结果", "Category growth", "品类销售额 ÷ 去年同期 − 1",
         "category sales ÷ last year − 1", "last_year_sales"),
        ("季节指数", "品类销售额", "执行过程", "Seasonal index", "某月平均 ÷ 全年月平均",
         "month-of-year mean ÷ overall mean", "month"),
        ("品类铺货率", "品类销售额", "执行过程", "Category distribution", "有售门店 ÷ 门店总数",
         "selling stores ÷ all stores", "stores"),
        ("与同行占比差", "品类占比", "其他重点关注", "Share vs peers", "我方品类占比 − 同行品类占比",
         "our share − peers' share", "retailer"),
    )),
    "客户盈利": ("Account profitability", (
        ("毛利额", "", "业务结果", "Gross profit", "销售额 × 毛利率", "sales × gross margin", ""),
        ("销售额", "毛利额", "业务结果", "Sales", "销量 × 单价", "units × price", "sales"),
        ("毛利率", "毛利额", "业务结果", "Gross margin", "(售价 − 进价) ÷ 售价", "(price − cost) ÷ price", ""),
        ("费用率", "毛利额", "执行过程", "Cost ratio", "合作费用 ÷ 销售额", "cost of serving ÷ sales", ""),
        ("回款天数", "毛利额", "执行过程", "Days to pay", "应收账款 ÷ 日均销售额", "receivables ÷ daily sales", ""),
        ("库存周转", "毛利额", "其他重点关注", "Inventory turnover", "销量 ÷ 平均库存", "units ÷ average inventory", ""),
    )),
}
_TOPIC_ALIASES = {"sales": "销售增长", "sales growth": "销售增长", "销售": "销售增长",
                  "category": "品类结构", "category mix": "品类结构", "品类": "品类结构",
                  "profit": "客户盈利", "profitability": "客户盈利", "account profitability": "客户盈利",
                  "盈利": "客户盈利"}
_SERIES_EN = {"业务结果": "result", "执行过程": "process", "其他重点关注": "other"}

MSGS = Messages({
    "title": ("指标体系：{topic}", "Metric system: {topic}"),
    "业务结果": ("业务结果", "Results"),
    "执行过程": ("执行过程", "Process"),
    "其他重点关注": ("其他重点关注", "Other watch-points"),
})


@dataclass(frozen=True)
class MetricSystem(TableResult):
    """A metric tree around one business topic (``kl.review.metric_system``).

    Attributes
    ----------
    table : DataFrame
        One row per metric: ``metric, parent ("" for the root), level (0 =
        root), series (业务结果 / 执行过程 / 其他重点关注), formula, metric_en,
        formula_en, column`` (the ``retail_sales`` column that feeds it, or "").
        Made in English (``kl.set_language("en")``), ``metric``, ``parent``,
        ``series`` and ``formula`` hold the English words (Results / Process /
        Other watch-points).
    topic : str
        The business topic (Chinese name).
    """

    topic: str = ""

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Draw the tree: the root on the left, drivers to the right, coloured by series.

        Examples
        --------
        >>> metric_system("客户盈利").plot().get_title()
        '指标体系：客户盈利'
        """
        return _plot_tree(self, ax)


def metric_system(topic: str = "销售增长") -> MetricSystem:
    """A small metric tree for one business topic (如何围绕一个业务主题建立衡量指标体系).

    Parameters
    ----------
    topic : str
        ``"销售增长"`` (sales growth, default), ``"品类结构"`` (category mix) or
        ``"客户盈利"`` (account profitability); English names work too.

    Returns
    -------
    MetricSystem
        ``.table`` lists each metric with its parent, level, series and
        formula; ``.plot()`` draws the tree.

    Raises
    ------
    BadSpecError
        Unknown topic (the message lists the topics).

    Examples
    --------
    >>> t = metric_system("sales").table
    >>> t.groupby("series", sort=False).size().to_dict()
    {'业务结果': 3, '执行过程': 5, '其他重点关注': 2}
    >>> t.set_index("metric").loc["铺货率", ["parent", "level"]].astype(str).tolist()
    ['有售门店数', '2']
    """
    key = topic.strip() if isinstance(topic, str) else topic
    key = _TOPIC_ALIASES.get(key.lower(), key) if isinstance(key, str) else key
    if key not in TOPICS:
        raise BadSpecError(
            f"没有指标体系主题 {topic!r}。请从 {'、'.join(TOPICS)} 中选择。",
            f"There is no metric-system topic {topic!r}. Choose one of: "
            + ", ".join(en for en, _ in TOPICS.values()) + ".",
            column="topic")
    table = _tree(key)
    if get_language() != "zh":
        english = dict(zip(table["metric"], table["metric_en"]))
        table = table.assign(metric=table["metric_en"], parent=table["parent"].map(english).fillna(""),
                             series=table["series"].map(MSGS.label), formula=table["formula_en"])
    return MetricSystem(table=table, topic=key)


def _tree(key: str) -> pd.DataFrame:
    """The metric tree of topic *key* with the Chinese names (the plot's and the table's source)."""
    rows = TOPICS[key][1]
    table = pd.DataFrame(list(rows), columns=["metric", "parent", "series", "metric_en", "formula",
                                              "formula_en", "column"])
    parents = dict(zip(table["metric"], table["parent"]))
    depth = {m: 0 for m in table["metric"]}
    for m in table["metric"]:  # a handful of metrics, not data rows
        p = parents[m]
        while p:
            depth[m] += 1
            p = parents[p]
    table.insert(2, "level", table["metric"].map(depth).astype("int64"))
    return table


@styled
def _plot_tree(ms: MetricSystem, ax: "Axes | None") -> "Axes":
    t = _tree(ms.topic) if ms.topic in TOPICS else ms.table
    fig, ax = new_axes(ax, figsize=(9.0, max(3.5, 0.55 * len(t) + 1)))
    colors = {"业务结果": "#4C72B0", "执行过程": "#55A868", "其他重点关注": "#DD8452"}
    # y position: leaves in table order, parents centred on their children
    y: dict[str, float] = {}
    leaves = [m for m in t["metric"] if m not in set(t["parent"])]
    for i, m in enumerate(leaves):
        y[m] = -float(i)
    for level in sorted(t["level"].unique(), reverse=True):
        for m in t.loc[t["level"] == level, "metric"]:
            kids = t.loc[t["parent"] == m, "metric"]
            if len(kids):
                y[m] = sum(y[k] for k in kids) / len(kids)
    label = dict(zip(t["metric"], localized(t["metric"], t["metric_en"])))
    formula = dict(zip(t["metric"], localized(t["formula"], t["formula_en"])))
    for row in t.itertuples(index=False):  # a handful of boxes
        x = float(row.level)
        if row.parent:
            ax.plot([x - 1 + 0.35, x - 0.05], [y[row.parent], y[row.metric]], color="#999999", linewidth=1)
        ax.text(x, y[row.metric], f"{label[row.metric]}\n{formula[row.metric]}", fontsize=8, va="center",
                ha="left", bbox={"boxstyle": "round", "facecolor": "white",
                                 "edgecolor": colors.get(row.series, "#333333")})
    for i, (series, color) in enumerate(colors.items()):
        ax.plot([], [], color=color, linewidth=6, label=MSGS.label(series))
    ax.legend(loc="lower left", fontsize=8)
    ax.set_xlim(-0.1, t["level"].max() + 1.2)
    ax.set_ylim(min(y.values()) - 1, max(y.values()) + 1)
    ax.axis("off")
    ax.set_title(MSGS("title", topic=localized(ms.topic, TOPICS[ms.topic][0])))
    return ax
