"""The question bank of m11: the questions, their points, prompts, hints, checks and wrong decisions."""

from __future__ import annotations

from typing import Any

from ...grading import Context, Distractor, Question, QuestionBank, register_bank
from ... import screening
from ._case import _STAGES, CORE_STAGE, DATASET, ID_COL, MODULE, TOP, WALL_DIMENSIONS
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5, _check_q6
from ._model import observed, or_seed, stages, targets, wall_profile, weakest

__all__ = ["BANK"]


def _doctors(ctx: Context) -> Any:
    return ctx.load(DATASET)


def _by_column(column: str) -> Any:
    """The TOP doctors by one column alone (e.g. the busiest outpatient clinics)."""
    def build(ctx: Context) -> list[str]:
        d = _doctors(ctx)
        return d.sort_values([column, ID_COL], ascending=[False, True])[ID_COL].astype(str).head(TOP).tolist()
    return build


def _stage_map(swap: dict[str, str]) -> Any:
    """The right stages of exercise 3's doctors, with the stages in *swap* read wrongly."""
    def build(ctx: Context) -> dict[str, str]:
        st = stages(_doctors(ctx))
        return {i: swap.get(st[i], st[i]) for i in observed(_doctors(ctx))}
    return build


def _all_p4(ctx: Context) -> dict[str, str]:
    return {i: "P4" for i in observed(_doctors(ctx))}


def _strongest(ctx: Context) -> dict[str, str]:
    profile = wall_profile(_doctors(ctx), CORE_STAGE)
    return {"stage": CORE_STAGE, "weakest": str(profile["mean_score"].idxmax())}


def _group(stage: str) -> Any:
    def build(ctx: Context) -> dict[str, Any]:
        return {"stage": stage, "weakest": weakest(_doctors(ctx), stage) or WALL_DIMENSIONS[0]}
    return build


def _pareto_of(column: str) -> Any:
    def build(ctx: Context) -> float:
        return screening.pareto(_doctors(ctx), id_col=ID_COL, value=column, share=0.8).head_share
    return build


_RIGHT_CASES = {"A": ["P3", "S3"], "B": ["P1", "S1"], "C": ["P2", "S2"]}

BANK = QuestionBank(
    module=MODULE,
    title=("重点医生培育与管理：MWP 平台", "Key doctors: the MWP platforms"),
    datasets=(DATASET,),
    questions=(
        Question(
            key="q1", points=2.0,
            prompt=("市场平台：定下四项筛选准则（病人数、床位数/门诊数、价值取向、影响力）的权重（合计 100，每项 5–50）。",
                    "Market platform: set the weights of the four screening criteria (patients, beds or outpatients, "
                    "value orientation, influence): together 100, each from 5 to 50."),
            check=_check_q1,
            hint=("筛选准则是为了客观衡量处方机会（讲义“市场平台：筛选准则”）：四项都要看，合计正好 100；"
                  "一项独大，排名就退回到只看一个数。",
                  "The screening criteria measure the prescription opportunity objectively, see the handout's market "
                  "platform: all four count and add up to exactly 100; one criterion carrying most of the weight "
                  "turns the ranking back into a single number."),
            distractors=(
                Distractor({"病人数": 5, "床位数/门诊数": 85, "价值取向": 5, "影响力": 5},
                           ("门诊量最大的就是目标医生", "the busiest outpatient clinic is the target doctor")),
                Distractor({"病人数": 30, "床位数/门诊数": 30, "价值取向": 30, "影响力": 30},
                           ("权重凭感觉给，合计不是 100", "weights by feel, not adding up to 100")),
                Distractor({"病人数": 50, "床位数/门诊数": 50, "价值取向": 0, "影响力": 0},
                           ("只看病人和门诊的数量，价值取向和影响力不算", "only volumes count, not value orientation "
                                                                       "or influence")),
            )),
        Question(
            key="q2", points=3.0, on="seen", read=True,
            prompt=(f"读你的排名图：勾选按你的权重排名前 {TOP} 的目标医生。",
                    f"Read your ranking chart: tick the top {TOP} target doctors of your weights."),
            check=_check_q2,
            hint=("目标医生看四项准则的加权总分（排名图里的总分条），不是看某一列最大：门诊量最大、处方量最大的医生"
                  "不一定排在前面（讲义“市场平台：目标医生的筛选准则”）。",
                  "Target doctors come from the weighted total of the four criteria, the bars of the ranking chart, "
                  "not from the largest value of one column: the busiest clinic or the biggest prescriber need not "
                  "rank high; see the handout's market platform screening criteria."),
            distractors=(
                Distractor(_by_column("outpatients_month"), ("门诊量最大的就是目标医生",
                                                             "the busiest outpatient clinics are the target doctors")),
                Distractor(_by_column("monthly_rx_units"), ("处方量最大的就是目标医生（他们已是处方平台的核心医生）",
                                                            "the biggest prescribers are the targets (they already "
                                                            "are core doctors)")),
                Distractor(lambda ctx: targets(_doctors(ctx), or_seed(ctx.answers.get("q1")))[: TOP // 2],
                           ("只挑最前面几位，没数够", "only the first few, not the whole top 10")),
            )),
        Question(
            key="q3", points=3.0, on="seen", read=True,
            prompt=("工作平台：读四位医生的观察记录（认知、承诺、是否首选、月处方量），判断每位的处方准备度 P1–P4。",
                    "Work platform: read the observations of four doctors (awareness, commitment, first choice, boxes "
                    "a month) and diagnose each one's readiness P1-P4."),
            check=_check_q3,
            hint=("处方准备度只由认知和承诺两项决定（3 分及以上为高），处方量和是否首选不决定阶段；不要把缺乏认知"
                  "误以为缺乏兴趣，有认知也不等于有承诺（讲义“确定医生处方准备度的注意事项”）。",
                  "Readiness is set by awareness and commitment alone, 3 or more being high; the boxes and the first "
                  "choice do not set the stage. Do not take a lack of awareness for a lack of interest, and aware is "
                  "not committed; see the handout's notes on diagnosing readiness."),
            distractors=(
                Distractor(_stage_map({"P2": "P1"}), ("把缺乏认知误以为缺乏兴趣", "taking no awareness for no interest")),
                Distractor(_stage_map({"P3": "P4"}), ("有认知就有承诺", "aware means committed")),
                Distractor(_all_p4, ("处方量大就是 P4", "many boxes means P4")),
            )),
        Question(
            key="q4", points=3.0, on="seen", read=True,
            prompt=("读三位医生的观察记录，判断处方准备度，并选择相应的行为模式。",
                    "From the observations of three doctors, diagnose the readiness and choose the matching behaviour."),
            check=_check_q4,
            hint=("先分别判断认知和承诺，再看四种状态的表现（讲义“处方准备度的状态与表现”）；行为模式跟着医生的状态走，"
                  "指导多少看认知，支持多少看承诺。",
                  "Judge awareness and commitment separately, then compare with the four states in the handout; the "
                  "behaviour follows the doctor's state: how much guidance depends on awareness, how much support "
                  "on commitment."),
            distractors=(
                Distractor({**_RIGHT_CASES, "C": ["P1", "S1"]}, ("把缺乏认知误以为缺乏兴趣",
                                                                "taking no awareness for no interest")),
                Distractor({**_RIGHT_CASES, "A": ["P4", "S4"]}, ("认可公司和疗效就是有承诺",
                                                                "trusting the company and the efficacy is commitment")),
                Distractor({c: [s, "S4"] for c, (s, _) in _RIGHT_CASES.items()},
                           ("不管什么状态，都靠请客送礼拉关系", "whatever the state, wine and dine")),
            )),
        Question(
            key="q5", points=3.0, on="seen", read=True,
            prompt=("处方平台：选出哪一组是核心医生，读他们的围墙图，找出最薄弱的一项围墙准则。",
                    "Prescription platform: choose which group are the core doctors, read their wall chart and "
                    "choose the weakest wall criterion."),
            check=_check_q5,
            hint=("核心医生是有认知、有承诺的那一组（讲义“处方平台”）；围墙图里平均得分最低的那一项就是最容易被竞争对手"
                  "突破的地方。",
                  "The core doctors are the aware and committed group, see the handout's prescription platform; in the "
                  "wall chart the criterion with the lowest mean score is where a competitor gets in."),
            distractors=(
                Distractor(_group("P3"), ("在用我们产品的处方医生就是核心医生", "any doctor who uses our product is a "
                                                                           "core doctor")),
                Distractor(_group("P1"), ("围墙要先砌在最难搞的医生身上", "the wall goes round the hardest doctors")),
                Distractor(_strongest, ("把最长的柱子当成最薄弱的一环", "reading the longest bar as the weakest")),
            )),
        Question(
            key="q6", points=2.0,
            prompt=("二八理论：写 80% 处方量的医生占全部医生的比例是多少？在表单里选出代表我方处方的那一列。",
                    "The 80/20 rule: what share of the doctors writes 80 % of our prescriptions? Choose the column of "
                    "our prescriptions in the form."),
            check=_check_q6,
            hint=("业绩来自我方产品的处方（月处方量那一列），不是病人数或门诊量；看二八图里累计到 80% 的那部分医生"
                  "（讲义“二八理论”）。",
                  "Our business is our product's prescriptions, the monthly prescriptions column, not patients or "
                  "visits; read the part of the 80/20 chart that reaches 80 %, see the handout's 80/20 rule."),
            distractors=(
                Distractor(_pareto_of("outpatients_month"), ("门诊量大就是业绩大", "many visits means much business")),
                Distractor(0.2, ("二八就是 20%，不用看数据", "80/20 means 20 %, no need to look")),
            )),
        Question(
            key="q7", points=3.0,
            prompt=("为一位 P2（没认知、有兴趣）医生写一份 S2 劝说式行动方案：下次拜访做哪三件事、怎样降低他的转换风险、"
                    "用什么观测点判断他进入了下一阶段。（讲师评分）",
                    "Write an S2 (persuading) action plan for a P2 doctor (no awareness, interested): three things "
                    "for the next visit, how you lower his switching risk, and which observation shows he moved to "
                    "the next stage. (scored by the instructor)"),
            check=None, manual=True,
            rubric=("讲师看三点：① 三件事里既有产品指导（适应症、不良反应处理、临床文献）也有销售支持（展示兴趣、建立信任），"
                    "即高指导、高支持；② 降低转换风险和转换成本的具体做法（如少量病人试用、约定回访一起看疗效）；"
                    "③ 一个看得见的观测点（如主动问剂量、开出第一张处方），说明他进入 P3 后改用 S3。",
                    "The instructor looks for: (1) the three actions combine product guidance (indications, "
                    "adverse-reaction handling, clinical papers) and sales support (interest, trust): high guidance, "
                    "high support; (2) a concrete way to lower switching risk and cost (a trial in a few patients, a "
                    "follow-up to review the results together); (3) a visible observation point (asks about the dose, "
                    "writes a first prescription) and the switch to S3 once he reaches P3.")),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
