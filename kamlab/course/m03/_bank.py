"""The question bank of m03: the six questions, their points, prompts, checks, hints and distractors.

Examples
--------
>>> BANK.keys(), BANK.total_points
(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], 16.0)
>>> [q.key for q in BANK.questions if q.read]
['q2', 'q3', 'q4', 'q5']
"""

from __future__ import annotations

from typing import Any

from ...grading import Context, Distractor, Question, QuestionBank, register_bank
from ...opportunity import collection_plan, evidence_scores, matrix
from .._shared import resolve_account
from ._case import NONE, QUIZ
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5
from ._model import pick

_RIGHT_Q1 = {k: (kind, channel) for k, (_, _, kind, channel) in QUIZ.items()}


def _account(ctx: Context) -> str:
    return resolve_account(None, ctx.load("chains"))


def _rows(ctx: Context) -> Any:
    t = evidence_scores(ctx.load("needs"))
    return t[t["account_id"].astype(str) == _account(ctx)]


def _ref(ctx: Context) -> Any:
    return matrix(evidence_scores(ctx.load("needs")), account=_account(ctx))


def _all_but_one_gap(ctx: Context) -> dict[str, Any]:
    cells = [list(c) for c in collection_plan(ctx.load("needs"), account=_account(ctx)).uncovered]
    return {"account": _account(ctx), "uncovered": cells[1:] if len(cells) > 1 else [NONE]}


def _only_hq(ctx: Context) -> dict[str, Any]:
    return {"account": _account(ctx), "uncovered": [["显性", "门店"], ["显性", "外部"], ["隐性", "门店"], ["隐性", "外部"]]}


def _middle(ctx: Context) -> dict[str, list[int]]:
    return {str(i): [3, 3] for i in _rows(ctx)["need_id"]}


def _swapped(ctx: Context) -> dict[str, list[int]]:
    return {str(i): [int(v), int(m)] for i, m, v in _rows(ctx)[["need_id", "match", "value"]].itertuples(index=False)}


def _explicit_high(ctx: Context) -> dict[str, list[int]]:
    return {str(i): [int(m), 5 if k == "显性" else 2]
            for i, m, k in _rows(ctx)[["need_id", "match", "kind"]].itertuples(index=False)}


def _every_pressure(ctx: Context) -> list[str]:
    t = _ref(ctx).table
    act = t[t["quadrant_code"] == "act_now"]
    out = [str(i) for i in act.index[act["competitor_pressure"] >= 3]]
    want = set(act.index[~act["feasible"].astype(bool)].astype(str))
    return out if set(out) != want else [str(i) for i in act.index]


BANK = QuestionBank(
    module="m03",
    title=("信息收集与机会洞察", "Information gathering and opportunity insight"),
    datasets=("needs", "chains"),
    questions=(
        Question(
            key="q1", points=3.0, on="seen",
            prompt=("给 6 条客户需求分类：显性还是隐性？信息来自哪个渠道（总部、门店、外部）？",
                    "Classify 6 customer needs: explicit or implicit? Which channel did the information come "
                    "from (HQ, store, external)?"),
            check=_check_q1,
            hint=("客户主动提出的是显性需求，需要我们发现的是隐性需求；看信息是从高层访谈、采购沟通，"
                  "实地走访、消费者问卷，还是竞品监测、行业报告得来的（讲义 §三 1–2）。",
                  "Needs the account states are explicit, needs we must discover are implicit; the channel is "
                  "where the information came from: executives or purchasing for HQ, store visits or consumer "
                  "surveys for stores, competitor monitoring or industry reports for external; seed §3.1-2."),
            distractors=(
                Distractor({k: ("显性", c) for k, (_, c) in _RIGHT_Q1.items()},
                           ("凡是听到的需求都是显性需求", "every need we hear of is explicit")),
                Distractor({k: (kind, "总部") for k, (kind, _) in _RIGHT_Q1.items()},
                           ("信息只从总部来：只跑总部", "all information comes from HQ")),
            ),
        ),
        Question(
            key="q2", points=2.0, on="seen", read=True,
            prompt=("读采集覆盖图：你的重点客户的需求信息，哪些“类型 × 渠道”还没有覆盖？",
                    "Read the coverage chart: which kind × channel cells are not covered yet for your key account?"),
            check=_check_q2,
            hint=("在采集覆盖图上找数字为 0 的格子；只跑总部的采集，往往漏掉门店和外部的隐性需求。",
                  "On the coverage chart, find the cells at 0; gathering at HQ only tends to miss implicit needs "
                  "in the stores and outside."),
            distractors=(
                Distractor(_all_but_one_gap, ("只看到一部分空缺：漏看了覆盖图上的 0", "saw only some of the zeros")),
                Distractor(_only_hq, ("总部以外都算没覆盖", "everything outside HQ counts as uncovered")),
            ),
        ),
        Question(
            key="q3", points=3.0, on="seen", read=True,
            prompt=("读需求表里的证据，为重点客户的每条需求打分：需求匹配度和机会价值（1–5）。",
                    "Read the evidence in the needs table and score each need of your key account: match and "
                    "value, 1-5."),
            check=_check_q3,
            hint=("匹配度看“我方匹配能力”一栏，价值看“预计年增量销售额”落在哪一档；两栏的评分标准在练习 3 上方的表里。",
                  "Match comes from the column on what it takes us to meet the need; value from the band of the "
                  "expected annual uplift; the scoring table is just above exercise 3."),
            distractors=(
                Distractor(_middle, ("不看证据，都给中间分", "no evidence read: every score in the middle")),
                Distractor(_swapped, ("把匹配度和价值弄反了", "match and value swapped")),
                Distractor(_explicit_high, ("客户主动提的就是高价值（只回应显性需求）",
                                            "what the account asks for is worth most")),
            ),
        ),
        Question(
            key="q4", points=2.0, on="seen", read=True,
            prompt=("验证可行性：优先落地的机会里，哪些存在疑点？",
                    "Check feasibility: which act-now opportunities are doubtful?"),
            check=_check_q4,
            hint=("结合客户动销基础和竞品动作（讲义 §三 3）：看客户的动销基础分和每条机会的竞品压力，课程的判断标准在练习 4 上方。",
                  "Look at the account's sell-through base and the competitor's moves, seed §3.3: the base score "
                  "and each opportunity's competitor pressure; the course's cut-offs are above exercise 4."),
            distractors=(
                Distractor(_every_pressure, ("竞品有一点动作就放弃", "any competitor move means give up")),
                Distractor([NONE], ("高价值机会一定可行，不用验证", "a high-value opportunity is always feasible")),
            ),
        ),
        Question(
            key="q5", points=3.0, on="seen", read=True,
            prompt=("为重点客户锁定 3 个高价值合作机会。", "Pick the 3 high-value opportunities for your key account."),
            check=_check_q5,
            hint=("先从优先落地象限选，可行的优先，再按优先级（匹配度 × 价值）；读你的机会矩阵和优先级图。",
                  "Pick from the act-now quadrant first, feasible ones first, then by priority, match times "
                  "value; read your matrix and the priority chart."),
            distractors=(
                Distractor(lambda ctx: pick(_ref(ctx), rule="priority"),
                           ("只看优先级最高的，不看象限和可行性", "highest priority only, quadrant and feasibility ignored")),
                Distractor(lambda ctx: [str(i) for i in _ref(ctx).table.sort_values(["value", "rank"],
                                                                                   ascending=[False, True]).index[:3]],
                           ("只看价值，不看匹配度：做不到的大机会", "value only: big opportunities we cannot serve")),
            ),
        ),
        Question(
            key="q6", points=3.0, manual=True, check=None,
            prompt=("为排在第一的机会写一个具体的落地行动：做什么、谁负责、什么时候、用什么衡量。（讲师评分）",
                    "Write one concrete action for your first opportunity: what, who, when, and how it is "
                    "measured. (scored by the instructor)"),
            rubric=("讲师看三点，共 3 分：行动针对练习 5 选出的第一个机会（1 分）；写明负责人和完成时间（1 分）；"
                    "有可衡量的指标，例如店员推荐率、动销门店数（1 分）。激励或费用不合规（给个人回扣等）不得分。",
                    "The instructor looks for: the action serves your first pick of exercise 5 (1 point); an "
                    "owner and a date (1 point); a measurable indicator such as clerk recommendation rate or "
                    "selling stores (1 point). Non-compliant incentives, e.g. kickbacks to persons, score 0."),
        ),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
