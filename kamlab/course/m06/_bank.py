"""The question bank of m06: the six questions, their points, prompts, checks, hints and wrong decisions.

Examples
--------
>>> BANK.keys(), BANK.total_points
(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], 16.0)
"""

from __future__ import annotations

from typing import Any

from ...grading import Context, Distractor, Question, QuestionBank, register_bank
from .._shared import default_account
from ._case import DATASET, MODULE, PRODUCT_CATEGORY, PRODUCT_PRICE
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5
from ._model import effect_measures, plan_line, within_cap


def _plan(**kw: Any) -> dict:
    return eval(plan_line("张伟", **kw).split(" = ", 1)[1])  # noqa: S307 - our own JSON line


def _effect(which: str) -> Any:
    def build(ctx: Context) -> dict:
        chain = default_account(ctx.load("chains"))
        return {"chain": chain, "effect": round(effect_measures(ctx.load(DATASET), ctx.load("chains"), chain)[which], 3)}
    return build


def _naive_cap(ctx: Context) -> dict:
    chain = default_account(ctx.load("chains"))
    naive = within_cap(ctx.load(DATASET), ctx.load("chains"), chain, "share_naive")
    return {"chain": chain, "schemes": naive or ["none"]}


_SCHEME = {"basis": "growth", "payee": "chain", "category": PRODUCT_CATEGORY, "cost_cap": 0.3,
           "unit_price": PRODUCT_PRICE}

BANK = QuestionBank(
    module=MODULE,
    title=("终端动销执行", "Store execution and sell-out incentives"),
    datasets=(DATASET, "chains"),
    questions=(
        Question(
            key="q1", points=2, on="seen",
            prompt=("为重点客户制定总部推动计划：专项对接人、分批门店推动时间表、每月至少一次执行协同会。",
                    "Write the HQ push plan for the key account: liaison, store push waves, coordination "
                    "meetings at least monthly."),
            check=_check_q1,
            hint=("讲义第六节“总部推动机制”：一个专项对接人；门店先试点再推广，批次不重叠；执行协同会至少每月一次；"
                  "所有日期落在计划期内。",
                  "Seed section 6, HQ push: one named liaison; pilot stores first, then the rest, waves that do "
                  "not overlap; coordination meetings at least monthly; every date inside the plan window."),
            distractors=(
                Distractor(_plan(waves=1), ("一次性全部门店铺开最快", "rolling out to every store at once is fastest")),
                Distractor(_plan(meeting_every=60), ("协同会两个月开一次就够", "a meeting every two months is enough")),
                Distractor({**_plan(), "liaison": ""}, ("不需要专项对接人，大家一起跟", "no named liaison: everyone follows up")),
            ),
        ),
        Question(
            key="q2", points=2, on="seen", read=True,
            prompt=("读试点门店与对照门店的月销量图：5–7 月的试点让门店多卖了多少（相对季节基线）？",
                    "Read the chart of pilot and control stores: how much did the May–Jul pilot add, against the "
                    "seasonal baseline?"),
            check=_check_q2,
            hint=("感冒药有季节：同一时期没有参加试点的对照门店的变化就是季节本身。试点效果是试点门店的变化再扣掉对照门店的变化"
                  "，即两者之比减一，不是试点门店自己的环比。",
                  "A cold remedy is seasonal: what the control stores did in the same months is the season. The "
                  "pilot's effect is the pilot stores' change net of the control stores' change, that is their "
                  "ratio minus one, not the pilot stores' own quarter-on-quarter growth."),
            distractors=(
                Distractor(_effect("naive"), ("看试点门店自己的环比就知道效果", "the pilot stores' own growth is the effect")),
                Distractor(_effect("season"), ("对照门店的变化就是方案效果", "the control stores' change is the effect")),
                Distractor(_effect("chain"), ("看全连锁的增长就行", "the whole chain's growth tells the effect")),
            ),
        ),
        Question(
            key="q3", points=3, on="seen",
            prompt=("演练：为重点客户的策略品种设计阶梯式动销激励方案（合规前提），在试点数据上费用不超过季节基线增量的 30%。",
                    "Drill: design the tiered sell-out incentive for the key account's strategic product "
                    "(compliant), costing at most 30 % of the increment over the seasonal baseline on the pilot."),
            check=_check_q3,
            hint=("至少两档，门槛和奖励都逐档递增；按增长设门槛时，增长是扣除季节后的增长；奖励付给签约连锁、只做 OTC 品类；"
                  "看表单里的费用占比和合规提示，再调整奖励大小。",
                  "At least two tiers, thresholds and rewards stepping up; growth tiers count growth over the "
                  "season; pay the contracted chain, OTC only; watch the cost share and the compliance notes of "
                  "the form, then size the rewards."),
            distractors=(
                Distractor({**_SCHEME, "basis": "units", "tiers": [{"min_units": 30, "rate": 1.0}, {"min_units": 60, "rate": 1.5},
                                                                   {"min_units": 90, "rate": 2.0}]},
                           ("每一盒都返利，卖得多就奖得多", "pay on every box: sell more, earn more")),
                Distractor({**_SCHEME, "payee": "clerk", "tiers": [{"min_growth": 0.05, "bonus": 20},
                                                                   {"min_growth": 0.15, "bonus": 50}]},
                           ("直接奖励店员最有效", "paying clerks directly works best")),
                Distractor({**_SCHEME, "tiers": [{"min_growth": 0.0, "bonus": 300}, {"min_growth": 0.1, "bonus": 600}]},
                           ("奖励越高越能拉动，不算费用占比", "the bigger the reward the better, never mind the cost share")),
            ),
        ),
        Question(
            key="q4", points=3, on="seen", read=True,
            prompt=("读四个候选方案在试点上的费用表：哪些方案守得住 30% 的费用上限？",
                    "Read the cost table of the four candidate schemes on the pilot: which keep the 30 % cost cap?"),
            check=_check_q4,
            hint=("费用占比的分母是方案真正买来的增量：季节基线增量那一列，不是环比增量；逐个比较 30%。",
                  "The cost share divides by what the scheme really bought: the increment over the seasonal "
                  "baseline column, not the quarter-on-quarter one; compare each with 30 %."),
            distractors=(
                Distractor(_naive_cap, ("按环比增量算费用占比", "cost share over the quarter-on-quarter increment")),
                Distractor(lambda ctx: {"chain": default_account(ctx.load("chains")), "schemes": ["A", "B", "C", "D"]},
                           ("合规就行，费用占比不用算", "compliant is enough, the cost share need not be checked")),
            ),
        ),
        Question(
            key="q5", points=2, on="seen",
            prompt=("场景化培训与卖点培训：为每个顾客场景选出店员该怎么做。",
                    "Scene-based and selling-point training: choose the clerk's move for each customer scene."),
            check=_check_q5,
            hint=("讲义第六节“门店赋能”：先问需求再讲说明书范围内的卖点；超出自我药疗范围要建议就医；不承诺疗效、不贬低竞品、"
                  "不按个人奖励推荐。",
                  "Seed section 6, store enablement: ask the need first, then the label's selling points; advise a "
                  "doctor beyond self-care; never promise a cure, never run down a rival, never recommend by the "
                  "clerk's reward."),
            distractors=(
                Distractor({"S1": "promise", "S2": "refer", "S3": "differ", "S4": "care"},
                           ("承诺疗效最能打动顾客", "promising a cure sells best")),
                Distractor({"S1": "ask", "S2": "ask", "S3": "knock", "S4": "bonus"},
                           ("有机会就推，说竞品不好", "push at every chance, run down the rival")),
            ),
        ),
        Question(
            key="q6", points=4, manual=True,
            prompt=("用三五句话写下：你会怎样向门店店长讲清这个激励方案（目标、怎么拿奖励、合规要求）？",
                    "In three to five sentences: how will you explain the scheme to store managers (goal, how "
                    "to earn the reward, compliance)?"),
            check=None,
            rubric=("满分 4 分：目标讲成门店能算的数（扣除季节后的增长或盒数）1 分；怎么拿奖励（档位、结算周期、支付给连锁）1 分；"
                    "合规（不发给个人、只做 OTC、不承诺疗效）1 分；配合场景化培训、陈列或协同会等落地动作 1 分。",
                    "4 points: the goal as a number a store can compute (growth over the season, or boxes) 1; how "
                    "the reward is earned (tiers, settlement, paid to the chain) 1; compliance (not to individuals, "
                    "OTC only, no cure claims) 1; tied to scene training, display or the coordination meetings 1."),
        ),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
