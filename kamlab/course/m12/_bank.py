"""m12's question bank: eight questions with their prompts, points, checks, hints and plausible wrong decisions."""

from __future__ import annotations

from ...grading import Context, Distractor, Question, QuestionBank, register_bank
from ...review import audit, forecast, scorecard
from ._case import DATASET, MODULE
from ._checks import (_check_q1, _check_q2, _check_q3, _check_q4, _check_q5, _check_q6, _check_q7, _ctx_abc)
from ._model import _drivers, _lagging, _reference_scorecard, growth_table, raw_export

__all__ = ["BANK"]

_RIGHT_Q1 = {"A": "诊断", "B": "预测", "C": "探索", "D": "监控", "E": "评估"}


def _bad(ctx: Context) -> list[str]:
    return audit(raw_export(_ctx_abc(ctx))).bad_rows


def _without_total(ctx: Context) -> list[str]:
    """The bad rows except the total row: "a total row is data too"."""
    t = audit(raw_export(_ctx_abc(ctx))).table
    return t.loc[t["problem"].isin(["duplicate", "missing", "unit"]), "row"].astype(str).tolist()


def _low_but_valid(ctx: Context) -> list[str]:
    """The bad rows plus the lagging category's rows: "a figure that low must be a typing error"."""
    rows = _ctx_abc(ctx)
    raw = raw_export(rows)
    lag = raw.loc[raw["category"] == _lagging(rows), "row"].astype(str).tolist()
    return sorted(set(_bad(ctx)) | set(lag))


def _seasonal_fall(ctx: Context) -> str:
    """The category that fell most on the previous quarter while on target: a seasonal dip."""
    rows = _ctx_abc(ctx)
    g, sc = growth_table(rows), _reference_scorecard(rows).table
    on_target = [c for c in g.index if float(sc.loc[c, "achievement"]) >= 1] or list(g.index)
    return str(g.loc[on_target, "change_rate"].astype(float).idxmin())


def _biggest_other(ctx: Context, column: str, answer: str) -> str:
    table = _reference_scorecard(_ctx_abc(ctx)).table if column == "actual" else growth_table(_ctx_abc(ctx))
    values = table[column].astype(float).drop(index=answer, errors="ignore")
    return str(values.idxmax())


def _other_driver(ctx: Context) -> str:
    rows = _ctx_abc(ctx)
    return "per_store" if _drivers(rows).loc[_lagging(rows), "main"] == "stores" else "stores"


BANK = QuestionBank(
    module=MODULE,
    title=("生意复盘洞察：ABC零售商的生意回顾", "Business review: the ABC Retail workshop"),
    datasets=(DATASET,),
    questions=(
        Question(
            key="q1", points=2, on="seen",
            prompt=("为五个复盘问题各选一个复盘目的（预测、监控、评估、诊断、探索）。",
                    "Match each of the five review questions to its purpose (forecast, monitor, evaluate, "
                    "diagnose, explore)."),
            check=_check_q1,
            hint=("对照“为何要进行生意复盘”那张表：预测看未来，监控看进行中的进度，评估看已结束阶段的结果，诊断找原因，探索找机会。",
                  "Use the table of the five purposes: forecast looks ahead, monitor tracks a period still "
                  "running, evaluate judges a finished period, diagnose finds causes, explore finds opportunities."),
            distractors=(
                Distractor({**_RIGHT_Q1, "D": "评估", "E": "监控"},
                           ("看进度就是评估结果（监控与评估混为一谈）", "tracking pace is judging results")),
                Distractor({**_RIGHT_Q1, "A": "探索", "C": "诊断"},
                           ("找原因和找机会是一回事", "finding causes and finding opportunities are the same")),
            )),
        Question(
            key="q2", points=3, on="seen", read=True,
            prompt=("Workshop：ABC零售商的生意回顾数据整理。读原始导出表，勾出分析前必须先删掉或更正的行。",
                    "Workshop: tidy ABC Retail's review data. Read the raw export and tick the rows that must be "
                    "removed or corrected before the analysis."),
            check=_check_q2,
            hint=("对照数据清单里每个数据项的有效性规则，一行一行看原始导出表：合计行、同月同品类出现两次、空格、"
                  "单价（销售额 × 10000 ÷ 销量）离谱。数字低本身不是错。",
                  "Go through the raw export row by row with the validity rules of the data checklist: total "
                  "rows, the same month and category twice, blanks, an absurd price, that is sales × 10000 ÷ units. "
                  "A low figure is not an error in itself."),
            distractors=(
                Distractor(_without_total,
                           ("合计行也是数据，留着没关系", "a total row is data too")),
                Distractor(_low_but_valid,
                           ("数字明显偏低的行一定是录错了", "a figure that low must be a typing error")),
            )),
        Question(
            key="q3", points=3,
            prompt=("Workshop：ABC零售商 Scorecard。选对比的分组和复盘周期，做出最近一个季度的记分卡。",
                    "Workshop: ABC Retail's scorecard. Choose the grouping and the review period for the latest "
                    "quarter's scorecard."),
            check=_check_q3,
            hint=("先确定业务主题（哪个品类拖了后腿），再明确对比关系：各品类之间比，复盘的是最近一个季度，只看 ABC零售 一家。",
                  "Fix the business topic first, which category held us back, then the comparison: categories "
                  "against each other, over the latest quarter, for ABC Retail alone."),
            distractors=(
                Distractor(lambda ctx: scorecard(_ctx_abc(ctx), by="category", period=12),
                           ("复盘周期越长越全面", "the longer the period, the better the review")),
                Distractor(lambda ctx: scorecard(ctx.load(DATASET), by="category", period=3),
                           ("把所有零售商加在一起看", "add every retailer together")),
                Distractor(lambda ctx: scorecard(_ctx_abc(ctx), by="month", period=3),
                           ("按月看就能看出品类问题", "a month-by-month view shows the category problem")),
            )),
        Question(
            key="q4", points=2, on="seen", read=True,
            prompt=("读记分卡：哪个品类最落后于目标？", "Read the scorecard: which category is most behind its target?"),
            check=_check_q4,
            hint=("看记分卡的达成率一列（实际 ÷ 目标），不是销售额的大小，也不是和上个季度比的涨跌。",
                  "Read the achievement column of the scorecard, actual ÷ target, not the size of sales nor the "
                  "change on the previous quarter."),
            distractors=(
                Distractor(_seasonal_fall, ("环比下滑最多的就是最落后的（忽略了季节）",
                                            "the biggest fall on the previous quarter is the most behind")),
                Distractor(lambda ctx: _biggest_other(ctx, "actual", _lagging(_ctx_abc(ctx))),
                           ("销售额最大的品类差的钱最多、最要紧", "the biggest category matters most")),
            )),
        Question(
            key="q5", points=2, on="seen", read=True,
            prompt=("发现机会：读纵向类比表，最近一个季度哪个品类的真实增长最快？",
                    "Explore: read the vertical comparison; which category really grew fastest in the latest quarter?"),
            check=_check_q5,
            hint=("纵向类比有两种：和上个季度比（环比）会被季节带偏，和去年同期比（同比）才排除了季节。看同比那一列。",
                  "Vertical comparison comes in two kinds: against the previous quarter it is skewed by the "
                  "season, against the same quarter last year it is not. Read the YoY column."),
            distractors=(
                Distractor(lambda ctx: str(growth_table(_ctx_abc(ctx))["change_rate"].astype(float).idxmax()),
                           ("环比涨得最多就是增长最快（旺季带来的上涨）", "the biggest rise on last quarter")),
                Distractor(lambda ctx: _biggest_other(ctx, "actual", str(growth_table(_ctx_abc(ctx))["yoy"]
                                                                         .astype(float).idxmax())),
                           ("销售额最大的品类增长最快", "the biggest category grows fastest")),
            )),
        Question(
            key="q6", points=3,
            prompt=("销售预测：选一个预测方法和它用最近几个月的数据，预测 ABC零售 下个季度（11 月到次年 1 月）的销售额。",
                    "Forecast: choose a method and how many recent months it uses, and forecast ABC Retail's "
                    "sales for the next quarter (November to January)."),
            check=_check_q6,
            hint=("想两件事：接下来三个月是不是旺季（看季节指数图）；这一年生意有没有增长（看同比）。一个月的同比波动大，"
                  "至少看一个季度。",
                  "Think of two things: are the next three months a peak season, see the seasonal index chart; "
                  "has the business grown this year, see YoY? One month's YoY is noisy: use at least a quarter."),
            distractors=(
                Distractor(lambda ctx: forecast(_ctx_abc(ctx), horizon=3, method="moving_average", window=3),
                           ("最近几个月的平均就是下个季度", "the recent average is next quarter")),
                Distractor(lambda ctx: forecast(_ctx_abc(ctx), horizon=3, method="seasonal_naive", window=3),
                           ("去年同期原样照搬", "copy last year unchanged")),
                Distractor(lambda ctx: forecast(_ctx_abc(ctx), horizon=3, method="seasonal_growth", window=1),
                           ("只看上个月的同比", "last month's YoY alone")),
            )),
        Question(
            key="q7", points=2, on="seen", read=True,
            prompt=("诊断：最落后的品类，问题主要出在哪里？读“销售额同比 = 有售门店数同比 × 单店销售额同比”的图。",
                    "Diagnose: where does the lagging category's fall mainly come from? Read the chart splitting "
                    "sales YoY into selling stores and sales per store."),
            check=_check_q7,
            hint=("沿指标体系往下拆：销售额等于有售门店数乘以单店销售额。和去年同期比（排除季节），看两者哪个降得更多。",
                  "Go one level down the metric system: sales are selling stores times sales per store. Against "
                  "the same quarter last year, with the season removed, see which fell more."),
            distractors=(
                Distractor("target", ("没完成就是目标定高了", "missing target means the target was too high")),
                Distractor("season", ("是淡季，过了就好", "it is the low season")),
                Distractor(_other_driver, ("只看最显眼的一环", "the most visible driver")),
            )),
        Question(
            key="q8", points=3, manual=True,
            prompt=("报告分析与洞察：用 WCC-DAR 写一段对落后品类的复盘报告。",
                    "Report and insight: write a short WCC-DAR review of the lagging category."),
            check=None,
            rubric=("六步都有且前后相扣（1 分）：W 用数字说清发生了什么（达成率、同比）；C 写明和什么比（目标、去年同期、同行）；"
                    "C 原因落到指标体系的一环（有售门店数或单店销售），有数据支持。"
                    "D 结论明确（1 分）；A 行动具体：谁、做什么、什么时候；R 写出预期结果和跟踪哪个指标（1 分）。",
                    "All six steps, each following from the last (1 pt): W says what happened in figures "
                    "(achievement, YoY); C states the comparison (target, last year, peers); C finds the cause "
                    "on one driver of the metric system (selling stores or sales per store) with data. D a clear "
                    "decision (1 pt); A a concrete action: who, what, when; R the expected result and the metric "
                    "to track (1 pt).")),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
