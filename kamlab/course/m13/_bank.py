"""m13's question bank: the six questions with their prompts, points, checks and hints."""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._case import DATASET, MODULE, PLAN_YEAR
from ._checks import _check_q1, _check_q2, _check_q3, _check_q4, _check_q5

__all__ = ["BANK"]

BANK = QuestionBank(
    module=MODULE,
    title=("目标计划制定与联合生意计划（JBP）", "Goals, plans and the joint business plan (JBP)"),
    datasets=(DATASET,),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("根据 ABC零售 的生意回顾写出 SWOT（每个象限至少 2 条）和至少一条对策（SO/WO/ST/WT）。",
                    "From ABC Retail's business review, write a SWOT (at least 2 items per quadrant) and at least "
                    "one strategy (SO/WO/ST/WT)."),
            check=_check_q1,
            hint=("优势/劣势看内部（我们在 ABC 的品类表现），机会/威胁看外部（季节、竞品、政策）；对策把两者连起来。",
                  "Strengths/weaknesses are internal (our categories at ABC), opportunities/threats external "
                  "(season, competitors, policy); strategies connect the two."),
        ),
        Question(
            key="q2", points=2,
            prompt=(f"定下 {PLAN_YEAR} 年的增长率，算出目标 = 最近 12 个月的销售额 × (1 + 增长率)。",
                    f"Decide the growth for {PLAN_YEAR} and compute the goal = sales of the latest 12 months × "
                    f"(1 + growth)."),
            check=_check_q2,
            hint=("用 kl.course.m13.next_year_goal(sales, growth=0.08)；增长率写小数。",
                  "Use kl.course.m13.next_year_goal(sales, growth=0.08); growth as a fraction."),
        ),
        Question(
            key="q3", points=3,
            prompt=("把目标分解到各品类：决定每个品类的份额（合计 1），用 kl.planning.decompose 计算各品类目标。",
                    "Split the goal by category: decide each category's share (adding up to 1) and compute the "
                    "targets with kl.planning.decompose."),
            check=_check_q3,
            hint=("总数用 kl.course.m13.goal_of(q2, sales)；份额覆盖全部品类、加起来等于 1。",
                  "Use kl.course.m13.goal_of(q2, sales) as the total; shares cover every category and add up to 1."),
        ),
        Question(
            key="q4", points=3,
            prompt=("写出 OGSM：一个目的、带数字的目标、至少 2 条对应目标的策略，每条策略有衡量（负责人、指标、目标值）。",
                    "Write an OGSM: one objective, goals with numbers, at least 2 strategies tied to goals, each "
                    "with measures (owner, metric, target)."),
            check=_check_q4,
            hint=("策略的 goals 写目标的名称；衡量的 strategy 写策略的名称。",
                  "A strategy's goals name goals; a measure's strategy names a strategy."),
        ),
        Question(
            key="q5", points=4,
            prompt=(f"写出与 ABC零售 的 {PLAN_YEAR} 联合生意计划（六个部分），检查无误后导出 XLSX。",
                    f"Write the {PLAN_YEAR} joint business plan with ABC Retail (six parts), check it and export "
                    f"it to XLSX."),
            check=_check_q5,
            hint=("目标来自练习 2–3（brand_plan(sales, q2, q3, ...)），季度份额合计 1；每条策略有负责人和行动；"
                  f"日期在 {PLAN_YEAR} 年内；每个季度至少一次复盘会。",
                  "Targets come from exercises 2-3 (brand_plan(sales, q2, q3, ...)), quarter shares add up to 1; "
                  f"every strategy has an owner and actions; dates within {PLAN_YEAR}; a review meeting each "
                  "quarter."),
        ),
        Question(
            key="q6", points=3,
            prompt=("用三五句话写下：你会怎样向 ABC零售 的高层“卖入”这份 JBP（对方得到什么、需要投入什么、怎样跟踪）？",
                    "In a few sentences: how will you sell this JBP to ABC Retail's management (what they gain, "
                    "what they invest, how it is tracked)?"),
            check=None, manual=True,
        ),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
