"""The question bank of m04: the questions, their points, prompts, hints, checks and wrong decisions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...grading import Context, Distractor, Question, QuestionBank, register_bank
from ...resources import resource_catalog
from .._shared import default_account
from ._case import NONE, QUIZ
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4
from ._model import catalog, example_for, example_resources, key_needs

__all__ = ["BANK"]


def _quiz(**moved: str) -> dict[str, Any]:
    """The quiz answered right except the resources *moved* (id -> department)."""
    cat = resource_catalog()
    return {str(cat.loc[r, "resource"]): moved.get(r, str(cat.loc[r, "department"])) for r in QUIZ}


def _q2(ctx: Context) -> dict[str, Any]:
    q2 = ctx.answers.get("q2")
    return dict(q2) if isinstance(q2, Mapping) else {}


def _account(ctx: Context) -> str:
    named = _q2(ctx).get("account")
    return named if isinstance(named, str) and named else default_account(ctx.load("chains"))


def _flaws(ctx: Context) -> dict[str, str]:
    ranked = key_needs(ctx.load("needs"), default_account(ctx.load("chains")), 6)
    return example_resources(ranked[:3], catalog(ctx), ranked[3:])


BANK = QuestionBank(
    module="m04",
    title=("策略制定与资源整合", "Strategy and resource integration"),
    datasets=("needs", "chains"),
    questions=(
        Question(
            key="q1", points=2.0, on="seen",
            prompt=("内部资源梳理：这 9 项资源分别归哪个部门（市场部、品牌部、销售部）？",
                    "Internal resources: which department (marketing, brand, sales) owns each of these 9?"),
            check=_check_q1,
            hint=("讲义 §四.3 把内部资源分三类：市场部的促销活动、品牌部的资源投入、销售部的客情资源。"
                  "看资源做的是什么，不看它用在哪里：进门店的东西不一定归销售部。",
                  "Handout section 4.3 sorts internal resources in three kinds: marketing's promotions, the "
                  "brand department's investment, sales' relationship resources. Ask what the resource is, not "
                  "where it is used: what goes into stores is not always the sales department's."),
            distractors=(
                Distractor(_quiz(R08="销售部"), ("陈列物料进门店，就归销售部", "display kits go into stores, so sales "
                                                                              "owns them")),
                Distractor(_quiz(R11="市场部"), ("培训也是一种活动，归市场部", "training is an activity, so marketing "
                                                                             "owns it")),
                Distractor(_quiz(R07="市场部"), ("健康讲座是引流活动，归市场部", "health talks draw traffic, so "
                                                                              "marketing owns them")),
            )),
        Question(
            key="q2", points=5.0,
            prompt=("为重点客户设计 1 套一体化服务包：项目负责人、资源组合、执行节点、责任人、评估指标、定期会议。",
                    "Design one integrated service package for your key account: project owner, resources, "
                    "milestones, owners, metrics, regular meetings."),
            check=_check_q2,
            hint=("按讲义 §四.3 的设计逻辑走一遍：需求匹配 → 资源组合 → 执行步骤 → 效果评估指标。"
                  "3 个重点需求各一条服务线，资源看资源清单“能服务的需求”一列，同一资源只放一条线；"
                  "写上项目负责人、定期项目会议和每个出资源部门的成员；每一步有责任人、执行节点和指标。"
                  "表单的问题清单逐条说明还差什么。",
                  "Walk through the design logic of handout section 4.3: match the needs, combine resources, "
                  "steps, metrics. One line per key need, resources whose column “needs it serves” names "
                  "that need, each resource in one line only; a project owner, regular project meetings and a "
                  "member of every department that gives resources; every step with an owner, a milestone and "
                  "a metric. The form's list of problems says what is still missing."),
            distractors=(
                Distractor(lambda ctx: example_for(ctx.load("needs"), catalog(ctx), _account(ctx)),
                           ("一个人单打独斗做的服务包：资源堆上去就行", "a package one manager put together alone")),
                Distractor(lambda ctx: {**_q2(ctx), "meeting_weeks": None},
                           ("分工定了就不用开会", "once the work is split up, no meetings are needed")),
                Distractor(lambda ctx: {**_q2(ctx), "owner": ""},
                           ("各部门各管一摊，不需要项目负责人", "each department runs its part, no project owner "
                                                                   "needed")),
            )),
        Question(
            key="q3", points=2.0, on="seen", read=True,
            prompt=("读同事服务包的资源表：哪一项资源被重复投入（同一资源在两条服务线里各算一次）？",
                    "Read the table of the colleague's package: which resource is paid for twice (the same "
                    "resource counted in two lines)?"),
            check=_check_q3,
            hint=("资源重复投入是讲义 §四.2 的第三个痛点：同一项资源在两个项目里各算一次，预算被吃掉、效果不叠加。"
                  "在表里按资源编号找：哪一个编号出现在两条服务线上？",
                  "Paying twice is the third pain point of handout section 4.2: one resource counted in two "
                  "projects eats the budget and adds no effect. Scan the resource id column: which id shows "
                  "up in two lines?"),
            distractors=(
                Distractor(lambda ctx: _flaws(ctx)["mismatch"],
                           ("不对路的资源就是重复投入", "a resource off the needs is the one paid twice")),
                Distractor(NONE, ("每条线的资源看上去都不一样，就没有重复", "each line looks different, so nothing "
                                                                           "is paid twice")),
            )),
        Question(
            key="q4", points=2.0, on="seen", read=True,
            prompt=("同一张表：哪一项资源和客户的 3 个重点需求都对不上（资源投入与客户需求脱节）？",
                    "Same table: which resource serves none of the account's 3 key needs (resources out of touch "
                    "with the account's needs)?"),
            check=_check_q4,
            hint=("资源投入与客户需求脱节是讲义 §四.2 的第二个痛点。对照“能服务的需求”一列和客户的 3 个重点需求："
                  "哪一项资源一个也服务不了？",
                  "Resources out of touch with the needs is the second pain point of handout section 4.2. Hold "
                  "the column “needs it serves” against the account's 3 key needs: which resource serves none "
                  "of them?"),
            distractors=(
                Distractor(lambda ctx: _flaws(ctx)["duplicate"],
                           ("重复投入的资源就是不对路的资源", "the resource paid twice is the one off the needs")),
                Distractor(NONE, ("资源都来自资源清单，就不会脱节", "every resource comes from the catalogue, so none "
                                                                  "is off the needs")),
            )),
        Question(
            key="q5", points=3.0,
            prompt=("跨部门大客户合作小组怎么开会、怎么决策？（讲师评分）",
                    "How will the cross-department key-account group meet and decide? (scored by the instructor)"),
            check=None, manual=True,
            rubric=("讲师看四点：① 会议频率和参加的人（项目负责人主持，市场部、品牌部、销售部各有成员）；"
                    "② 会上同步什么：客户需求、资源使用、执行节点和指标；"
                    "③ 资源冲突或超预算时谁提方案、谁拍板，权责写明；"
                    "④ 会后怎么跟踪（纪要、责任人清单、下次会议检查）。",
                    "The instructor looks for: (1) how often the group meets and who attends (the project owner "
                    "chairs; marketing, brand and sales each have a member); (2) what is synced: the account's "
                    "needs, resources used, milestones and metrics; (3) who proposes and who decides when "
                    "resources clash or the budget is exceeded, with clear responsibilities; (4) how it is "
                    "followed up: minutes, a list of owners, checked at the next meeting.")),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
