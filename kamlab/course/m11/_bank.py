"""The question bank of m11: the questions, their points, prompts, hints and checks."""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._case import DATASET, MODULE
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5, _check_q6

BANK = QuestionBank(
    module=MODULE,
    title=("重点医生培育与管理：MWP 平台", "Key doctors: the MWP platforms"),
    datasets=(DATASET,),
    questions=(
        Question(
            key="q1", points=3,
            prompt=("市场平台：用筛选准则（病人数、床位数/门诊数、价值取向、影响力）为全部医生打分排名，权重由你决定。",
                    "Market platform: score and rank every doctor with the screening criteria (patients, beds or "
                    "outpatients, value orientation, influence), with weights of your choice."),
            check=_check_q1,
            hint=("用 kl.screening.screen(doctors, kl.course.m11.target_rubric({...}), id_col=\"doctor_id\")；四项准则都要有权重。",
                  "Use kl.screening.screen(doctors, kl.course.m11.target_rubric({...}), id_col=\"doctor_id\"); give "
                  "all four criteria a weight."),
        ),
        Question(
            key="q2", points=2,
            prompt=("从你的筛选排名中选出前 N 名目标医生（N 由你决定，10–60）。",
                    "Take the top N target doctors of your ranking (N of your choice, 10-60)."),
            check=_check_q2,
            hint=("用 kl.course.m11.targets(doctors, q1, n=...)，名单从你的排名中取。",
                  "Use kl.course.m11.targets(doctors, q1, n=...): the list comes from your ranking."),
        ),
        Question(
            key="q3", points=2,
            prompt=("工作平台：统计全部医生中处于 P1、P2、P3、P4 各阶段的人数。",
                    "Work platform: count the doctors in each readiness stage P1, P2, P3, P4."),
            check=_check_q3,
            hint=("用 kl.screening.readiness(doctors, id_col=\"doctor_id\").counts()（认知、承诺 ≥ 3 为高）。",
                  "Use kl.screening.readiness(doctors, id_col=\"doctor_id\").counts() (awareness, commitment >= 3 "
                  "is high)."),
        ),
        Question(
            key="q4", points=3,
            prompt=("根据三位医生的观察记录判断处方准备度，并选择相应的行为模式。",
                    "From the observations of three doctors, diagnose the readiness and choose the matching behaviour."),
            check=_check_q4,
            hint=("P1 没认知没承诺，P2 没认知有兴趣，P3 有认知但不安，P4 有认知有承诺；行为 S1–S4 与阶段一一对应。",
                  "P1 no awareness or commitment, P2 no awareness but interested, P3 aware but uneasy, P4 aware and "
                  "committed; behaviours S1-S4 match the stages one to one."),
        ),
        Question(
            key="q5", points=3,
            prompt=("处方平台：用围墙准则评估核心医生，算出平均围墙得分，找出最薄弱的一项准则。",
                    "Prescription platform: score the core doctors with the wall criteria, give their mean wall "
                    "score and the weakest criterion."),
            check=_check_q5,
            hint=("核心医生 = 有认知、有承诺的医生；用 kl.course.m11.wall_summary(doctors, stage=...)。",
                  "Core doctors = aware and committed; use kl.course.m11.wall_summary(doctors, stage=...)."),
        ),
        Question(
            key="q6", points=2,
            prompt=("二八理论：写 80% 处方量的医生占全部医生的比例是多少？",
                    "The 80/20 rule: what share of the doctors writes 80% of the prescriptions?"),
            check=_check_q6,
            hint=("用 kl.screening.pareto(doctors, id_col=\"doctor_id\", value=处方量那一列, share=0.8).head_share。",
                  "Use kl.screening.pareto(doctors, id_col=\"doctor_id\", value=<the prescriptions column>, "
                  "share=0.8).head_share."),
        ),
        Question(
            key="q7", points=3,
            prompt=("为一位 P2（没认知、有兴趣）医生写一份 S2 劝说式行动方案：下次拜访做哪三件事、怎样降低他的转换风险、"
                    "用什么观测点判断他进入了下一阶段。（讲师评分）",
                    "Write an S2 (persuading) action plan for a P2 doctor (no awareness, interested): three things "
                    "for the next visit, how you lower his switching risk, and which observation shows he moved to "
                    "the next stage. (scored by the instructor)"),
            check=None, manual=True,
        ),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
