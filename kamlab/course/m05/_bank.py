"""m05 question bank: the questions with their points, prompts, hints, distractors and checks.

Every auto-graded answer is a literal decision judged on the data the trainee saw (``on="seen"``).

Examples
--------
>>> BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']
>>> [q.key for q in BANK.questions if q.read]
['q1', 'q2', 'q3', 'q4']
"""

from __future__ import annotations

from typing import Any

from ...grading import Context, Distractor, Question, QuestionBank, register_bank
from ._case import DATASET, MIN_ROUNDS, MODULE, _per_clause, one_way
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5, _check_q6, _matrix
from ._model import candidates, first_trade
from ._tactics import TACTICS


def _top3_by_our_weight(ctx: Context) -> list[str]:
    w = _per_clause(ctx.load(DATASET), "our_weight").astype(float)
    return list(w.sort_values(ascending=False, kind="stable").index[:3])


def _letter(kind: str):
    def build(ctx: Context) -> Any:
        return next(k for k, p in candidates(_matrix(ctx)).items() if p["kind"] == kind)
    return build


def _package(pick: str):
    def build(ctx: Context) -> dict[str, str]:
        m = _matrix(ctx)
        if pick == "theirs":
            return {c.name: max(c.options, key=c.score_theirs) for c in m.clauses}
        clauses = ctx.load(DATASET)
        walk = _per_clause(clauses, "walk_away")
        return {c.name: getattr(c, pick) if pick != "walk_data" else str(walk[c.name]) for c in m.clauses}
    return build


def _give_core(ctx: Context) -> dict[str, str]:
    m = _matrix(ctx)
    core = max((c for c in m.clauses if c.core), key=lambda c: c.ratio)
    return {"give": core.name, "get": first_trade(m)["get"]}


def _give_cheapest(ctx: Context) -> dict[str, str]:
    m = _matrix(ctx)
    ref = first_trade(m)
    cheap = min((c for c in m.clauses if c.name != ref["give"] and not c.core), key=lambda c: c.our_weight)
    return {"give": cheap.name, "get": ref["get"]}


def _get_their_favourite(ctx: Context) -> dict[str, str]:
    m = _matrix(ctx)
    ref = first_trade(m)
    fav = max((c for c in m.clauses if c.name != ref["give"]), key=lambda c: c.their_weight)
    return {"give": ref["give"], "get": fav.name}


_GIVEAWAY_LOG = [dict(zip(("step", "side", "clause", "option"), r)) for r in (
    (1, "我方", "回款账期", "开价"), (1, "对方", "回款账期", "对方开价"), (2, "我方", "回款账期", "底线"),
    (3, "我方", "返利", "底线"), (4, "我方", "供货价格/折扣", "底线"))]
_SHORT_LOG = [dict(zip(("step", "side", "clause", "option"), r)) for r in (
    (1, "我方", "回款账期", "开价"), (1, "对方", "回款账期", "对方开价"))]

BANK = QuestionBank(
    module=MODULE,
    title=("双赢协议谈判", "Win-win agreement negotiation"),
    datasets=(DATASET, "chains"),
    questions=(
        Question(
            key="q1", points=2.0, on="seen", read=True,
            prompt=("读条款表和权重图：勾选这份年度协议的核心条款（守住目标、不拿来交换），其余是可让步条款。",
                    "Read the clause table and the weight chart: tick the core clauses of this annual agreement "
                    "(kept at target, never traded); the others are tradeable."),
            check=_check_q1,
            hint=("讲义第五节“协议条款优先级梳理”：核心条款是锁定动销的条款（动销目标、活动支持等），"
                  "不是我方最心疼的价格条款；单向让利的价格、账期、返利是交换的筹码。",
                  "Seed section five, clause priorities: core clauses are the ones that lock in sell-out, "
                  "such as the sell-out target and activity support, not the price terms we feel most; "
                  "price, payment terms and rebate of a one-way deal are chips to trade."),
            distractors=(
                Distractor(_top3_by_our_weight, ("我方权重最重的条款就是核心条款（价格最心疼）",
                                                 "our heaviest clauses are the core (price hurts most)")),
                Distractor(lambda ctx: one_way(ctx.load(DATASET)),
                           ("传统协议只守价格、账期、返利（单向让利思维）",
                            "a traditional deal guards only price, terms and rebate (one-way thinking)")),
                Distractor(["联合活动"], ("只守活动支持，忘了动销目标", "guarding activity support but not the "
                                                                     "sell-out target")),
            )),
        Question(
            key="q2", points=2.0, on="seen", read=True,
            prompt=("无交换不让步：读比值表，我方第一步在哪个条款让步，换取对方在哪个条款让步？",
                    "No concession without exchange: read the ratio table; on which clause do we give first, "
                    "and on which clause do we ask them to give in return?"),
            check=_check_q2,
            hint=("看表里的比值（对方权重 ÷ 我方权重）：先在可让步条款里让对方最看重、我方最不在乎的一项，"
                  "换回对我方相对最重要、对方相对最不在乎的一项（比值最低）；核心条款不让。",
                  "Look at the ratio column, their weight over ours: give first on the tradeable clause they "
                  "value most and we least, and get the clause that matters most to us and least to them, "
                  "the lowest ratio; never give a core clause."),
            distractors=(
                Distractor(_give_core, ("把核心条款也拿来交换", "trading a core clause away")),
                Distractor(_give_cheapest, ("我方不在乎的就先让，不看对方要不要", "giving what we care least about, "
                                            "whether or not they want it")),
                Distractor(_get_their_favourite, ("要对方最在乎的条款（以立场对立场）",
                                                  "asking for what they care about most (position against position)")),
            )),
        Question(
            key="q3", points=2.0, on="seen", read=True,
            prompt=("读前沿图：A–D 四个方案中，哪一个是纳什点（双方效用乘积最大、公平的双赢参考点）？",
                    "Read the frontier chart: which of the packages A-D is the Nash point (the largest product "
                    "of both utilities, the fair win-win reference)?"),
            check=_check_q3,
            hint=("纳什点在帕累托前沿上，且双方效用的乘积最大；前沿两端只顾一方，前沿以内把价值留在了桌上。",
                  "The Nash point lies on the Pareto frontier and has the largest product of both utilities; "
                  "the two ends of the frontier serve one side only, and a package inside leaves value on "
                  "the table."),
            distractors=(
                Distractor(_letter("ours"), ("我方利益最大化就是好协议", "the best deal is the one best for us")),
                Distractor(_letter("theirs"), ("让步越多越好成交", "the more we give, the easier the deal")),
                Distractor(_letter("inside"), ("各条款折中就是公平", "splitting every clause is fair")),
            )),
        Question(
            key="q4", points=3.0, on="seen", read=True,
            prompt=("提出你的协议方案：每个条款选一个选项，守住每条底线和核心条款目标，落在帕累托前沿上，对方也能接受。",
                    "Make your proposal: one option per clause, inside every walk-away and core target, on the "
                    "Pareto frontier, and a deal for them too."),
            check=_check_q4,
            hint=("表单会即时标出低于底线、核心条款低于目标和桌上剩余价值；图上的绿线是我方目标方案给对方的效用，"
                  "成交方案不能低于它；沿前沿在对方看重的可让步条款上让。",
                  "The form marks clauses below walk-away, core clauses below target and value left on the "
                  "table as you choose; the green line is what our targets give them, a deal does not fall "
                  "below it; move along the frontier by giving on tradeable clauses they value."),
            distractors=(
                Distractor(_package("opening"), ("把开价当成交方案（单向让利的反面）", "the opening offer as the deal")),
                Distractor(_package("theirs"), ("对方要什么给什么，让步越多越好成交", "give them whatever they "
                                                "ask: the more we give, the easier the deal")),
                Distractor(_package("walk_data"), ("每个条款都退到底线，包括核心条款", "every clause at its "
                                                   "walk-away, core clauses too")),
            )),
        Question(
            key="q5", points=2.0, on="seen",
            prompt=("战术与反战术 PK：连锁采购用了下面五招，每一招选我方的反战术。",
                    "Tactic versus counter-tactic: the chain's buyer plays the five tactics below; pick our "
                    "counter to each."),
            check=_check_q5,
            hint=("用原则谈判四要素和“无交换不让步”拆招：追加要求要换承诺，极端开价用客观标准，换人施压对事不对人，"
                  "期限施压先想清底线，诉苦要问出背后的利益。",
                  "Answer each tactic with the four principles and no concession without exchange: a late "
                  "demand costs a commitment, an extreme anchor meets objective criteria, a new face changes "
                  "nothing, a deadline meets our walk-away, a hard-luck story hides an interest to ask about."),
            distractors=(
                Distractor({t[0]: "K6" for t in TACTICS}, ("让步越多越好成交", "the more we give, the easier the "
                                                           "deal")),
                Distractor({t[0]: "K7" for t in TACTICS}, ("以牙还牙，立场对立场", "tit for tat, position against "
                                                           "position")),
            )),
        Question(
            key="q6", points=4.0, on="seen",
            prompt=(f"角色扮演：记录谈判过程（至少 {MIN_ROUNDS} 轮），做到无交换不让步，成交方案守住底线和核心条款目标。",
                    f"Role play: log the negotiation (at least {MIN_ROUNDS} rounds), never concede without "
                    f"exchange, and close inside every walk-away and core target."),
            check=_check_q6,
            hint=("每一轮我方让步，同一轮或我方下一次让步之前，对方要在另一项上让步；表单会即时数轮次、标出没有换到让步的一步，"
                  "并画出成交方案。",
                  "Each concession of ours needs one of theirs in the same round or before our next one; the "
                  "form counts the rounds, flags a step that got nothing back and draws the final package."),
            distractors=(
                Distractor(_GIVEAWAY_LOG, ("为了成交一路让步，不要求交换", "conceding all the way to close, "
                                           "asking nothing back")),
                Distractor(_SHORT_LOG, ("开局报完价就算谈完", "stopping after the opening offers")),
            )),
        Question(
            key="q7", points=3.0,
            prompt=("聚焦利益而非立场：你在角色扮演中发现了对方哪个立场背后的什么利益？你如何用开放选项回应，用了什么客观标准？"
                    "（讲师评分）",
                    "Interests, not positions: which interest did you find behind which of their positions, "
                    "which option did you offer, and which objective criterion did you use? (scored by the "
                    "instructor)"),
            check=None, manual=True,
            rubric=("1 分：分清立场（对方说的要求）和利益（背后的原因，如现金流、毛利、门店客流）；"
                    "1 分：提出至少一个满足该利益、又守住我方核心条款的开放选项；"
                    "1 分：用客观标准（历史回款、动销数据、行业惯例）支撑，而不是靠态度。",
                    "1 point: tells the position (what they demand) from the interest (why: cash flow, margin, "
                    "footfall); 1 point: offers at least one option that meets the interest and keeps our core "
                    "clauses; 1 point: backs it with an objective criterion (payment history, sell-out data, "
                    "trade practice), not with pressure.")),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
