"""m02's question bank: the six questions with their prompts, points, checks, hints and wrong decisions."""

from __future__ import annotations

from typing import Any

from ...grading import Context, Distractor, Question, QuestionBank, register_bank
from ._case import DIMENSIONS
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5
from ._model import _codes, members, tiering, unstable

__all__ = ["BANK"]


def _table(ctx: Context) -> Any:
    return tiering(ctx.load("chains"), ctx.answers["q1"]).table


def _biggest(ctx: Context, k: int | None = None) -> list[str]:
    """The *k* chains with the most stores (k = the size of the trainee's 重点投入 quadrant)."""
    chains = ctx.load("chains").sort_values(["store_count", "chain_id"], ascending=[False, True])
    k = k or max(1, len(members(_table(ctx), "invest")))
    return chains["chain_id"].astype(str).head(k).tolist()


def _top_total(ctx: Context) -> list[str]:
    table = _table(ctx)
    return [str(i) for i in table.sort_values("rank").index[:max(1, len(members(table, "invest")))]]


def _high_profit(ctx: Context) -> list[str]:
    table = _table(ctx)
    return [str(i) for i in table.index[_codes(table).isin(["invest", "maintain"]).to_numpy()]]


def _lowest_total(ctx: Context) -> list[str]:
    table = _table(ctx)
    return [str(i) for i in table.sort_values("rank").index[-3:]]


def _no_unstable(ctx: Context) -> list[str]:
    found = unstable(ctx.load("chains"), ctx.answers["q1"])["chains"]
    return ["无"] if found else [str(_table(ctx).index[0])]


def _best_outside(code: str, by: str) -> Any:
    def build(ctx: Context) -> str:
        table = _table(ctx)
        pool = table[_codes(table).to_numpy() == code]
        return str(pool.sort_values(by, ascending=False).index[0])
    return build


BANK = QuestionBank(
    module="m02",
    title=("三维客户精准筛选", "Three-dimension screening of chain accounts"),
    datasets=("chains",),
    questions=(
        Question(
            key="q1", points=2.0,
            prompt=("定下三个维度（合作潜力、利润贡献、动销基础）的权重（均大于 0，合计 100）和高/低分界线（30–70）。",
                    "Set the weights of the three dimensions (each > 0, summing to 100) and the high/low cut (30-70)."),
            check=_check_q1,
            hint=("三维标准缺一不可（讲义 §二.2）：三个维度都要有权重，合计正好 100；分界线太高或太低，四象限就分不开。",
                  "The three-dimension standard needs all three, see handout section 2.2: every dimension gets a weight, "
                  "together exactly 100; a cut too high or too low leaves the quadrants empty."),
            distractors=(
                Distractor({"合作潜力": 0, "利润贡献": 100, "动销基础": 0, "cut": 50},
                           ("只看利润，不看潜力和动销基础", "profit only: potential and sell-through do not count")),
                Distractor({"合作潜力": 40, "利润贡献": 40, "动销基础": 30, "cut": 50},
                           ("权重凭感觉给，合计不是 100", "weights by feel, not adding up to 100")),
                Distractor({"合作潜力": 30, "利润贡献": 40, "动销基础": 30, "cut": 85},
                           ("分界线定得很高，只留最好的一两家", "a very high cut, keeping only the best one or two")),
            )),
        Question(
            key="q2", points=3.0, on="seen", read=True,
            prompt=("读你的四象限图：哪些客户落在“重点投入”（高潜力、高利润）象限？",
                    "Read your four-quadrant chart: which chains sit in the invest quadrant (high potential, high "
                    "profit)?"),
            check=_check_q2,
            hint=("看四象限图右上角：潜力得分和利润得分都不低于分界线的客户才算。门店多、总分高都不够（讲义 §二.3）。",
                  "Look at the top-right of the four-quadrant chart: only chains whose potential and profit "
                  "scores both reach the cut. Many stores or a high total is not enough; see handout section 2.3."),
            distractors=(
                Distractor(_biggest, ("规模大就值得重点投入", "a big chain deserves the investment")),
                Distractor(_top_total, ("按总分排前几名就是重点投入，不看利润轴",
                                        "the top totals are the invest quadrant, whatever the profit axis says")),
                Distractor(_high_profit, ("利润高就重点投入，不看潜力", "high profit means invest, whatever the potential")),
            )),
        Question(
            key="q3", points=3.0, on="seen", read=True,
            prompt=("读稳定性图（权重上下浮动 ±20%，门槛 0.7）：哪些客户的象限不稳定？一家都没有就选“无”。",
                    "Read the stability chart (weights ±20 %, threshold 0.7): which chains have an unstable "
                    "quadrant? Choose “无” (none) if there are none."),
            check=_check_q3,
            hint=("看稳定性图里保持原象限的比例低于门槛虚线的客户；它们离分界线很近，权重一动就换象限。",
                  "In the stability chart, take the chains whose share of draws keeping the quadrant is left of "
                  "the threshold line: they sit close to a cut and flip when the weights move."),
            distractors=(
                Distractor(_no_unstable, ("权重定了，分层就不会变", "once the weights are set, the tiering cannot change")),
                Distractor(_lowest_total, ("总分最低的客户就是不稳定的", "the lowest totals are the unstable ones")),
            )),
        Question(
            key="q4", points=2.0, on="seen",
            prompt=("对象限不稳定的客户，投入前应该怎么做？", "What do you do with the chains whose quadrant is unstable, "
                                                        "before any resources move?"),
            check=_check_q4,
            hint=("权重带有主观性；临界客户的象限取决于权重的细小差别（讲义 §二.1 资源有限：先筛选，再投入）。",
                  "The weights are a judgment; a borderline chain's quadrant hangs on small differences in them "
                  "— handout section 2.1: resources are limited, so screen first, then invest."),
            distractors=(
                Distractor("直接投入", ("权重定了就不用再看", "once the weights are set there is nothing to check")),
                Distractor("剔除", ("不稳定就是没价值", "unstable means worthless")),
                Distractor("改权重", ("为了让想要的客户进重点投入去调权重", "tune the weights until the wanted chain is in")),
            )),
        Question(
            key="q5", points=2.0, on="seen", read=True,
            prompt=("选出后续课程（m03–m06）要深耕的重点客户。", "Choose the key account you will work on in the rest "
                                                             "of the course (m03-m06)."),
            check=_check_q5,
            hint=("重点客户来自你的重点投入象限，且分层稳定（对照练习 2 和练习 3 的图）。门店最多或利润最高的客户未必是它。",
                  "The key account comes from your invest quadrant and has a stable tier, as the charts of "
                  "exercises 2 and 3 show. The chain with the most stores or the best profit need not be it."),
            distractors=(
                Distractor(lambda ctx: _biggest(ctx, 1)[0], ("门店最多的客户就是重点客户",
                                                             "the chain with the most stores is the key account")),
                Distractor(_best_outside("maintain", "profit"), ("利润最高就选它，不看潜力",
                                                                 "the best profit wins, whatever the potential")),
                Distractor(_best_outside("cultivate", "total"), ("总分高就选它，不看利润轴",
                                                                 "a high total wins, whatever the profit axis")),
            )),
        Question(
            key="q6", points=3.0,
            prompt=("为什么选这个客户？你会把哪些资源从哪类客户调到它身上？（讲师评分）",
                    "Why this account? Which resources would you move to it, and from which chains? "
                    "(scored by the instructor)"),
            check=None, manual=True,
            rubric=("讲师看三点：① 用三维得分说明理由（潜力、利润、动销基础各举一个数据）；"
                    "② 说清资源从哪个象限调出（如精简调整、维持收益）、调的是哪类资源（费用、人员、陈列、活动）；"
                    "③ 提到对不稳定客户先核实再投入。",
                    "The instructor looks for: (1) reasons from the three dimension scores (one figure each for "
                    "potential, profit, sell-through base); (2) which quadrant the resources come from (e.g. "
                    "streamline, maintain) and which resources (budget, people, display, activities); (3) that "
                    "unstable chains are verified before any spend.")),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
