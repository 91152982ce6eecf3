"""m01 question bank: the questions with their points, prompts, hints, distractors and checks.

Examples
--------
>>> BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6']
>>> [q.key for q in BANK.questions if q.read]
['q2', 'q4']
"""

from __future__ import annotations

from typing import Any

from ...grading import Context, Distractor, Question, QuestionBank, register_bank
from ...selfassess import STAGE_NAMES
from ._case import MODULE, TASKS
from ._checks import _check_q1, _check_q2, _check_q4, _check_q5
from ._model import assessment_or_none

_ORDER = list(STAGE_NAMES)
_DIMS = {"value": "客户价值挖掘", "resources": "内部资源协同", "results": "动销结果保障"}
_RIGHT_Q2 = {key: _DIMS[t.dimension] for key, t in TASKS.items()}


def _gaps(ctx: Context) -> Any:
    res = assessment_or_none(ctx.answers.get("q3", ...))
    return res.table.sort_values(["gap", "order"], ascending=[False, True])


def _smallest_gaps(ctx: Context) -> list[str]:
    return [str(s) for s in _gaps(ctx).index[-2:]]


def _all_gaps(ctx: Context) -> list[str]:
    t = _gaps(ctx)
    return [str(s) for s in t.index[t["gap"] > 0]]


def _plan_rows(stages: list[str], measure: str = "", due: str = "2026-11-20") -> list[dict[str, str]]:
    return [{"stage": s, "action": "走访 5 家门店、约总部访谈", "owner": "KA经理 王敏", "due": due,
             "measure": measure or "完成 5 家门店走访"} for s in stages]


def _spots(ctx: Context) -> list[str]:
    res = assessment_or_none(ctx.answers.get("q3", ...))
    return [str(s) for s in res.blind_spots(2).index]


BANK = QuestionBank(
    module=MODULE,
    title=("岗位认知升维：从服务心态到生意思维", "Role: from service mindset to business mindset"),
    datasets=(),
    questions=(
        Question(
            key="q1", points=2, on="seen",
            prompt=("按顺序写出大客户全周期经营的六个环节。", "List the six stages of the full cycle in order."),
            check=_check_q1,
            hint=("全周期从“选对客户”开始，到“用数据复盘”结束；中间先找机会、再整合资源、再谈协议、再落地执行（讲义 §一 2）。",
                  "The cycle starts with picking the right accounts and ends with the data review; in between: "
                  "find opportunities, pool resources, negotiate the agreement, execute in the stores; seed §1.2."),
            distractors=(
                Distractor(["双赢协议谈判"] + [s for s in _ORDER if s != "双赢协议谈判"],
                           ("重签约轻经营：先把协议签下来，再去筛客户、找机会",
                            "sign first, then look for accounts and opportunities")),
                Distractor(_ORDER[:2] + [_ORDER[3], _ORDER[2]] + _ORDER[4:],
                           ("先谈判、签完再找内部资源：协议里没有资源支撑的动销目标",
                            "negotiate first and find internal resources after signing")),
                Distractor([_ORDER[0], _ORDER[2], _ORDER[1]] + _ORDER[3:],
                           ("有资源就上、不先洞察需求：策略一刀切",
                            "pool resources before knowing the needs: one strategy for all")),
            ),
        ),
        Question(
            key="q2", points=2, on="seen", read=True,
            prompt=("读讲义的岗位价值三维度表：下面每项工作属于哪个维度？",
                    "Read the seed's table of the three value dimensions: which dimension is each piece of work?"),
            check=_check_q2,
            hint=("先判断这项工作是需求洞察、机会捕捉、跨部门联动、资源整合、执行推动还是复盘优化，再看三维度表里它归在哪个维度下。",
                  "First decide which part of the work it is: need insight, opportunity capture, cross-department "
                  "work, resource integration, execution push or review; then find that part in the table of the "
                  "three dimensions."),
            distractors=(
                Distractor(dict.fromkeys(TASKS, "动销结果保障"),
                           ("只看结果：什么工作都算动销结果保障", "only results count: every task is sell-through results")),
                Distractor({**_RIGHT_Q2, "组建项目团队": "动销结果保障", "推动总部下发": "内部资源协同"},
                           ("把内部开会当执行推动：推动的对象是连锁总部和门店，不是公司内部",
                            "internal meetings taken for execution push: the push is on the chain's HQ and stores")),
                Distractor({**_RIGHT_Q2, "捕捉合作机会": "内部资源协同"},
                           ("看到机会就等于整合资源：机会捕捉属于客户价值挖掘",
                            "spotting an opportunity taken for pooling resources")),
            ),
        ),
        Question(
            key="q3", points=2, manual=True, check=None,
            prompt=("为自己在六个环节的实际做法打分（1–5），画出自评雷达图。",
                    "Score your own practice in the six stages (1-5) and draw the radar chart."),
            rubric=("讲师看自评是否如实、有依据：六个环节都打了分，分数有高有低；至少两个环节低于 5 分；"
                    "每个低分环节你能在练习 6 里举出一件最近的工作实例。满分 2 分：如实且有实例 2 分，只有打分没有依据 1 分。",
                    "The instructor looks for an honest, grounded self-assessment: all six stages scored, not all "
                    "the same; at least two stages below 5; for each low stage you can name a recent piece of "
                    "work in exercise 6. 2 points: honest and grounded; 1 point: scores without grounds."),
        ),
        Question(
            key="q4", points=2, on="seen", read=True,
            prompt=("读你的自评雷达图：勾选你在全周期经营中的 2 个核心盲区。",
                    "Read your self-assessment radar: tick your 2 core blind spots in the full cycle."),
            check=_check_q4,
            hint=("盲区是重要程度与本人实践差距最大的环节：在雷达图上找蓝线离橙色虚线最远的两个环节；只勾两个。",
                  "A blind spot is a stage with the largest gap between importance and own practice: on the radar, "
                  "the two stages where the blue line is furthest inside the orange dashed line; tick only two."),
            distractors=(
                Distractor(_smallest_gaps, ("盯着自己做得好的环节：把强项当重点", "focus on what you already do well")),
                Distractor(_all_gaps, ("盲区越多越好，面面俱到：没有抓核心", "list every gap: no core blind spot")),
                Distractor(["双赢协议谈判", "终端动销执行"],
                           ("重签约：盲区总在谈判和执行，不看自己的打分", "blind spots are always signing and execution")),
            ),
        ),
        Question(
            key="q5", points=3,
            prompt=("为每个盲区制定一条即时改进动作（负责人、30 天内的完成日期、可衡量的标准）。",
                    "Set one immediate action per blind spot (owner, due within 30 days, a measurable check)."),
            check=_check_q5,
            hint=("每个盲区一行：具体动作、负责人、课程日后 30 天内的完成日期，衡量标准里写一个数字（次数、家数或比率）。",
                  "One row per blind spot: a concrete action, an owner, a due date within 30 days of the course "
                  "day, and a number in the check: a count, a number of stores or a rate."),
            distractors=(
                Distractor(lambda ctx: _plan_rows(_smallest_gaps(ctx)),
                           ("改进做得好的环节，绕开真正的盲区", "improve what you do well, not the blind spots")),
                Distractor(lambda ctx: _plan_rows(_spots(ctx), measure="加强复盘，提升意识"),
                           ("口号式改进：没有可衡量的标准", "a slogan, not a measurable check")),
                Distractor(lambda ctx: _plan_rows(_spots(ctx), due="2027-03-31"),
                           ("不是即时动作：下季度再说", "not immediate: next quarter")),
            ),
        ),
        Question(
            key="q6", points=3, manual=True, check=None,
            prompt=("用三四句话描述你负责的客户里“重签约轻经营 → 动销差 → 签约难”的恶性循环，以及你的两个盲区怎样加剧了它。",
                    "In three or four sentences: describe the vicious circle (sign, then neglect → poor sell-through "
                    "→ harder to sign) in your own accounts, and how your two blind spots feed it."),
            rubric=("讲师看三点，各 1 分：① 写出一个真实客户里循环的每一环（签约后没有经营 → 动销差 → 续约更难或让利更多）；"
                    "② 把你的两个盲区和循环中的某一环对应起来；③ 说出打破循环的第一步，与练习 5 的改进动作一致。",
                    "The instructor looks for three things, 1 point each: (1) every link of the circle in a real "
                    "account (no management after signing → poor sell-through → harder renewal or bigger "
                    "concessions); (2) your two blind spots tied to a link of the circle; (3) the first step to "
                    "break it, consistent with your actions in exercise 5."),
        ),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
